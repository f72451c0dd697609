#include "full_text.hpp"

#include "byline.hpp"
#include "credits.hpp"
#include "morgue/dates.hpp"
#include "morgue/errors.hpp"
#include "morgue/text.hpp"
#include "page_extract.hpp"
#include "url.hpp"

#include <algorithm>
#include <fmt/format.h>
#include <set>

namespace morgue {

namespace {

constexpr std::size_t short_bytes = 1500;       // about 250 words
constexpr std::size_t description_bytes = 4000; // a description this long may be the article
// A robots.txt Crawl-delay longer than this is taken as this: a run must end.
constexpr double max_crawl_delay = 30;

bool ends_as_teaser(std::string_view body) {
    while (!body.empty() && (body.back() == ' ' || body.back() == '\n'))
        body.remove_suffix(1);
    std::string tail =
        ascii_lower(body.substr(body.size() - std::min<std::size_t>(body.size(), 40)));
    for (std::string_view end : {"…", "...", "[…]", "[...]", "continue reading", "read more",
                                 "read the full story", "read full article"})
        if (tail.ends_with(end)) return true;
    return false;
}

void add_unique(std::vector<std::string>& list, const std::string& value) {
    for (const auto& v : list)
        if (casefold(v) == casefold(value)) return;
    list.push_back(value);
}

bool is_html(const std::string& content_type) {
    std::string t = ascii_lower(content_type);
    return t.empty() || t.starts_with("text/html") || t.starts_with("application/xhtml+xml");
}

} // namespace

bool is_summary(const FeedEntry& e) {
    const std::string& body = e.article.body;
    return body.size() < short_bytes || (!e.has_content && body.size() < description_bytes) ||
           ends_as_teaser(body);
}

void apply_page(FeedEntry& e, const std::vector<SiteRule>& rules) {
    Article& a = e.article;
    if (a.page.html.empty()) return;
    PageText page;
    try {
        page = extract_article(a.page.html, rule_for(rules, url_parts(a.page.url).host));
    } catch (const InputError& err) {
        e.warnings.push_back(fmt::format("page {}: {}", a.page.url, err.reason()));
        return;
    }
    std::string text = page.text();
    if (text.size() > a.body.size()) {
        if (a.summary.empty()) a.summary = a.body;
        a.body = std::move(text);
    }
    if (e.columnist_source == "author") return; // the item's own credit line comes first
    Credits credits = read_credits(page.byline);
    for (const auto& c : credits.credits)
        add_unique(a.credits, c);
    if (!credits.people.empty()) {
        a.columnists = credits.people;
        e.columnist_source = "page";
    } else if (auto name = byline_from_text(a.body); !name.empty()) {
        a.columnists = {name};
        e.columnist_source = "byline";
    }
}

void keep_stored_pages(const Writer& writer, Feed& feed) {
    // An import into an archive without pages (a bulk load, most archives)
    // makes no lookup per article.
    if (!writer.holds_pages()) return;
    for (auto& e : feed.entries) {
        if (e.article.id.empty() || !e.article.page.html.empty()) continue;
        if (auto stored = writer.stored(e.article); stored && !stored->page.html.empty())
            e.article.page = std::move(stored->page);
    }
}

PageFetcher::PageFetcher(const FullTextOptions& options, const FetchOptions& http, const Log& log)
    : options_(options), http_(http), log_(log) {}

const Robots& PageFetcher::robots_for(const std::string& origin) {
    auto it = robots_.find(origin);
    static const Robots none = Robots::disallow_all();
    return it == robots_.end() ? none : it->second;
}

// RFC 9309 2.3.1: a robots.txt that is missing (4xx) allows all; one that
// cannot be reached (5xx, no answer) is taken to disallow all, for now.
void PageFetcher::fetch_robots(const std::vector<std::string>& origins, bool feed_internal) {
    std::vector<FetchRequest> requests;
    for (const auto& o : origins)
        if (!robots_.contains(o))
            requests.push_back({.id = o, .url = o + "/robots.txt", .public_only = !feed_internal});
    fetch_all(requests, http_, [&](FetchResponse&& r) {
        if (r.error.empty() && r.status >= 200 && r.status < 300) {
            robots_[r.id] = Robots::parse(r.body, "morgue");
        } else if (r.error.empty() && r.status >= 400 && r.status < 500) {
            robots_[r.id] = Robots::allow_all();
        } else {
            robots_[r.id] = Robots::disallow_all();
            unreadable_[r.id] = r.error.empty() ? fmt::format("HTTP {}", r.status) : r.error;
            log_.problem(fmt::format("{}/robots.txt: {}; no pages fetched from there this run",
                                     r.id, unreadable_[r.id]));
        }
    });
}

PageCounts PageFetcher::fetch(const Writer& writer, Feed& feed, bool feed_internal) {
    PageCounts counts;
    struct Wanted {
        std::size_t entry;
        ArticlePage stored;
    };
    std::vector<Wanted> wanted;
    std::vector<std::string> origins;
    for (std::size_t i = 0; i < feed.entries.size(); ++i) {
        Article& a = feed.entries[i].article;
        if (a.id.empty() || a.url.empty() || !is_summary(feed.entries[i])) continue;
        std::optional<Article> stored = writer.stored(a);
        if (stored && !stored->page.html.empty() && stored->original == a.original) {
            a.page = std::move(stored->page); // the item is unchanged: so is its page
            ++counts.reused;
            continue;
        }
        std::string origin = url_parts(a.url).origin;
        if (origin.empty()) continue;
        wanted.push_back({i, stored ? std::move(stored->page) : ArticlePage{}});
        if (std::find(origins.begin(), origins.end(), origin) == origins.end())
            origins.push_back(origin);
    }
    fetch_robots(origins, feed_internal);

    std::time_t now = std::time(nullptr);
    std::vector<FetchRequest> requests;
    for (std::size_t w = 0; w < wanted.size(); ++w) {
        FeedEntry& e = feed.entries[wanted[w].entry];
        UrlParts parts = url_parts(e.article.url);
        const Robots& robots = robots_for(parts.origin);
        if (!robots.allowed(parts.path)) {
            ++counts.disallowed;
            auto why = unreadable_.find(parts.origin);
            e.warnings.push_back(
                why == unreadable_.end()
                    ? fmt::format("page {}: not fetched: robots.txt disallows it", e.article.url)
                    : fmt::format("page {}: not fetched: its robots.txt could not be read: {}",
                                  e.article.url, why->second));
            continue;
        }
        double delay =
            std::max(options_.delay, std::min(robots.crawl_delay().value_or(0), max_crawl_delay));
        requests.push_back({.id = std::to_string(w),
                            .url = e.article.url,
                            .etag = wanted[w].stored.etag,
                            .last_modified = wanted[w].stored.last_modified,
                            .host_delay = delay,
                            .public_only = !feed_internal});
    }
    // A host that answered 429 or 503 with Retry-After (now, or for an
    // earlier feed of the run) is asked nothing more this run.
    auto host_free = [&](const FetchRequest& r) {
        auto it = held_off_.find(url_parts(r.url).host);
        if (it == held_off_.end() || it->second <= now) return true;
        ++counts.failed;
        feed.entries[wanted[std::stoul(r.id)].entry].warnings.push_back(
            fmt::format("page {}: not fetched: its server asked to wait until {}", r.url,
                        iso8601_utc(it->second)));
        return false;
    };
    fetch_all(
        requests, http_,
        [&](FetchResponse&& r) {
            Wanted& w = wanted[std::stoul(r.id)];
            FeedEntry& e = feed.entries[w.entry];
            auto failed = [&](const std::string& why) {
                ++counts.failed;
                e.warnings.push_back(fmt::format("page {}: not fetched: {}", e.article.url, why));
            };
            if (!r.error.empty()) return failed(r.error);
            if (r.status == 304 && !w.stored.html.empty()) {
                ++counts.not_modified;
                e.article.page = std::move(w.stored);
                return;
            }
            if ((r.status == 429 || r.status == 503) && r.retry_after > now) {
                held_off_[url_parts(e.article.url).host] = r.retry_after;
                return failed(fmt::format("HTTP {}; the server asks to wait until {}", r.status,
                                          iso8601_utc(r.retry_after)));
            }
            if (r.status < 200 || r.status >= 300) return failed(fmt::format("HTTP {}", r.status));
            if (!is_html(r.content_type))
                return failed(fmt::format("not HTML ({})", r.content_type));
            ++counts.fetched;
            e.article.page = {.url = r.final_url,
                              .html = decode_page(r.body, r.content_type),
                              .etag = r.etag,
                              .last_modified = r.last_modified,
                              .fetched = now};
        },
        host_free);
    return counts;
}

} // namespace morgue
