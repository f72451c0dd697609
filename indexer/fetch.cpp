#include "fetch.hpp"

#include "encoding.hpp"
#include "feed_list.hpp"
#include "feed_parser.hpp"
#include "feed_state.hpp"
#include "morgue/dates.hpp"
#include "morgue/errors.hpp"
#include "morgue/json_text.hpp"
#include "morgue/run_lock.hpp"
#include "morgue/text.hpp"

#include <algorithm>
#include <chrono>
#include <curl/curl.h>
#include <fmt/format.h>
#include <map>

namespace morgue {

namespace {

std::string pages_text(const PageCounts& p) {
    return fmt::format("{} fetched, {} not modified, {} kept, {} failed, {} disallowed", p.fetched,
                       p.not_modified, p.reused, p.failed, p.disallowed);
}

struct Run {
    Writer& writer;
    const FetchFeedsOptions& options;
    const Log& log;
    PageFetcher pages;
    FetchSummary summary;
    std::time_t now = std::time(nullptr);

    // `why`: a NetworkError, or the InputError of a feed that did not parse.
    void fail(FeedState& s, const Error& why, long status) {
        std::string reason = why.subject().line
                                 ? fmt::format("line {}: {}", why.subject().line, why.reason())
                                 : why.reason();
        s.failures++;
        s.last_status = status;
        s.last_error = reason;
        summary.failed++;
        summary.failures.emplace_back(s.listed_url, reason);
        log.problem(fmt::format("{}: failed: {}", s.listed_url, reason));
    }
    void fail(FeedState& s, std::string reason, long status) {
        fail(s, NetworkError({.url = s.listed_url}, std::move(reason)), status);
    }

    void succeed(FeedState& s, const FetchResponse& r) {
        s.failures = 0;
        s.last_error.clear();
        s.last_status = r.status;
        s.last_success = now;
        if (!r.etag.empty()) s.etag = r.etag;
        if (!r.last_modified.empty()) s.last_modified = r.last_modified;
    }

    std::string language_of(const std::string& url) const {
        auto it = options.languages.find(url);
        return it == options.languages.end() ? std::string() : it->second;
    }

    void parse_and_index(FeedState& s, const FetchResponse& r) {
        std::string hash = hash_hex(r.body);
        if (hash == s.content_hash) {
            succeed(s, r);
            summary.not_modified++;
            log.info(fmt::format("{}: not modified (same content)", s.listed_url));
            return;
        }
        FeedSource source{.name = s.listed_url,
                          .url = s.listed_url,
                          .http_charset = charset_of_content_type(r.content_type),
                          .http_language = r.content_language,
                          .received = now,
                          .base_url = r.final_url,
                          .language = language_of(s.listed_url)};
        Feed feed;
        try {
            feed = parse_feed(r.body, source);
        } catch (const InputError& e) {
            std::string type = r.content_type.empty() ? "no type" : r.content_type;
            fail(s, InputError(e.subject(), fmt::format("{} (served as {})", e.reason(), type)),
                 r.status);
            return;
        }
        auto warn = [&](std::string_view w) {
            if (options.verbose) log.problem(w);
        };
        PageCounts p;
        if (options.full_text.wanted_for(s.listed_url)) {
            p = pages.fetch(writer, feed, r.from_internal);
            summary.pages += p;
        }
        ArticleCounts c =
            index_feed(writer, feed, options.topic_aliases, options.site_rules, s.listed_url, warn);
        summary.articles += c;
        summary.fetched++;
        succeed(s, r);
        s.content_hash = hash;
        log.info(fmt::format("{}: fetched: {} article{}: {} new, {} updated, {} unchanged{}",
                             s.listed_url, c.total(), c.total() == 1 ? "" : "s", c.added, c.updated,
                             c.unchanged, p.total() ? "; pages: " + pages_text(p) : ""));
    }

    std::map<std::string, FeedState> states = {}; // by listed URL, read once per run

    void handle(const FetchResponse& r) {
        FeedState& s = states.at(r.id);
        s.last_attempt = now;
        if (!r.permanent_url.empty() && r.permanent_url != s.url) {
            log.info(fmt::format("{}: moved permanently to {}; fetched from there from now on",
                                 s.listed_url, r.permanent_url));
            s.url = r.permanent_url;
        }
        if (!r.error.empty()) {
            fail(s, r.error, r.status);
        } else if (r.status == 304) {
            succeed(s, r);
            summary.not_modified++;
            log.info(fmt::format("{}: not modified (HTTP 304)", s.listed_url));
        } else if (r.status == 410) {
            s.gone = true;
            s.last_status = 410;
            summary.gone++;
            log.problem(
                fmt::format("{}: gone (HTTP 410); it will not be fetched again", s.listed_url));
        } else if ((r.status == 429 || r.status == 503) && r.retry_after > now) {
            s.retry_after = r.retry_after;
            fail(s,
                 fmt::format("HTTP {}; the server asks to wait until {}", r.status,
                             iso8601_utc(r.retry_after)),
                 r.status);
        } else if (r.status < 200 || r.status >= 300) {
            fail(s, fmt::format("HTTP {}", r.status), r.status);
        } else {
            parse_and_index(s, r);
        }
        save_feed_state(writer, s);
    }

    // Feeds that said not to come now are reported and left alone.
    bool skip(const FeedState& s) {
        if (s.gone) {
            summary.skipped++;
            log.info(fmt::format("{}: skipped: gone (HTTP 410)", s.listed_url));
            return true;
        }
        if (s.retry_after > now) {
            summary.skipped++;
            log.info(fmt::format("{}: skipped: the server asked to wait until {}", s.listed_url,
                                 iso8601_utc(s.retry_after)));
            return true;
        }
        return false;
    }
};

} // namespace

FetchSummary fetch_feeds(Writer& writer, const std::vector<std::string>& urls,
                         const FetchFeedsOptions& options, const Log& log) {
    Run run{writer, options, log, PageFetcher(options.full_text, options.http, log), {}};
    run.summary.feeds = static_cast<unsigned>(urls.size());
    std::vector<FetchRequest> requests;
    for (const auto& url : urls) {
        FeedState& s = run.states[url] = load_feed_state(writer, url);
        if (!run.skip(s)) requests.push_back({url, s.url, s.etag, s.last_modified});
    }
    unsigned done = run.summary.skipped;
    auto progress = [&] {
        if (log.progress) log.progress(fmt::format("{}/{} feeds", done, run.summary.feeds));
    };
    progress();
    fetch_all(requests, options.http, [&](FetchResponse&& r) {
        run.handle(r);
        ++done;
        progress();
    });
    return run.summary;
}

FetchPlan fetch_plan(const GlobalOptions& o, const FetchCommand& c) {
    FetchFeedsOptions options{c.http, topic_aliases(o), c.verbose};
    std::vector<std::string> urls;
    if (!c.feeds_file.empty())
        for (auto& feed : read_feed_list(c.feeds_file)) {
            urls.push_back(feed.url);
            if (!feed.language.empty()) options.languages[feed.url] = feed.language;
            if (feed.full_text) options.full_text.by_feed[feed.url] = *feed.full_text;
        }
    for (const auto& arg : c.urls) {
        std::string url = normalise_feed_url(arg);
        if (url.empty()) throw UsageError(fmt::format("not a URL: \"{}\"", arg));
        if (std::find(urls.begin(), urls.end(), url) == urls.end()) urls.push_back(url);
    }
    if (urls.empty()) throw UsageError("fetch: no feeds: give URLs or --feeds FILE");
    if (!c.language.empty())
        for (const auto& url : urls)
            options.languages.emplace(url, c.language); // a feed's own language= comes first
    options.full_text.enabled = c.full_text;
    options.full_text.delay = c.page_delay;
    options.site_rules = site_rules(o);
    options.http.max_bytes = o.max_bytes;
    options.http.user_agent =
        fmt::format("Morgue/{} (news archive indexer) libcurl/{}", MORGUE_VERSION,
                    curl_version_info(CURLVERSION_NOW)->version);
    return {std::move(options), std::move(urls)};
}

nlohmann::ordered_json fetch_summary_json(const FetchSummary& s, double seconds) {
    nlohmann::ordered_json failures = nlohmann::ordered_json::array();
    for (const auto& [url, why] : s.failures)
        failures.push_back({{"url", url}, {"error", why}});
    return {{"feeds", s.feeds},
            {"fetched", s.fetched},
            {"not_modified", s.not_modified},
            {"failed", s.failed},
            {"skipped", s.skipped},
            {"gone", s.gone},
            {"articles",
             {{"new", s.articles.added},
              {"updated", s.articles.updated},
              {"unchanged", s.articles.unchanged}}},
            {"pages",
             {{"fetched", s.pages.fetched},
              {"not_modified", s.pages.not_modified},
              {"kept", s.pages.reused},
              {"failed", s.pages.failed},
              {"disallowed", s.pages.disallowed}}},
            {"failures", failures},
            {"elapsed_s", seconds}};
}

FetchRun fetch_run(const GlobalOptions& o, const FetchCommand& c, const FetchPlan& plan,
                   bool quiet_json) {
    Schema schema = schema_for(o);
    auto started = std::chrono::steady_clock::now();
    Writer writer(o.db_path, schema);
    store_name_lists(writer, o);
    // With --json, stdout carries only the summary object.
    std::FILE* info = c.json ? stderr : stdout;
    Progress line(!o.quiet);
    Log log = run_log(o, line, info);
    FetchRun run;
    run.summary = fetch_feeds(writer, plan.urls, plan.options, log);
    line.show("committing");
    writer.commit();
    line.clear();
    run.documents = writer.document_count();
    run.seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - started).count();
    const auto& s = run.summary;
    if (c.json) {
        if (!quiet_json)
            std::fputs(json_text(fetch_summary_json(s, run.seconds), o.pretty).c_str(), stdout);
    } else if (!o.quiet || s.failed) {
        say(stdout,
            fmt::format(
                "{} feeds: {} fetched, {} not modified, {} failed, {} skipped{}; articles: {} new, "
                "{} updated, {} unchanged;{} {} in the database ({:.1f} s)",
                s.feeds, s.fetched, s.not_modified, s.failed, s.skipped,
                s.gone ? fmt::format(", {} gone", s.gone) : "", s.articles.added,
                s.articles.updated, s.articles.unchanged,
                s.pages.total() ? " pages: " + pages_text(s.pages) + ";" : "", run.documents,
                run.seconds));
    }
    return run;
}

int run_fetch(const GlobalOptions& o, const FetchCommand& c) {
    require_db(o);
    FetchPlan plan = fetch_plan(o, c);
    RunLock lock(o.db_path);
    return fetch_run(o, c, plan).summary.failed ? exit_partial : exit_ok;
}

} // namespace morgue
