// morgue-indexer: feeds into a Morgue (Xapian) database.
#include "feed_list.hpp"
#include "feed_state.hpp"
#include "fetch.hpp"
#include "import.hpp"
#include "morgue/dates.hpp"
#include "morgue/errors.hpp"
#include "morgue/main_guard.hpp"
#include "morgue/name_groups.hpp"
#include "morgue/schema.hpp"
#include "parse.hpp"

#include <CLI/CLI.hpp>
#include <algorithm>
#include <chrono>
#include <cstdio>
#include <curl/curl.h>
#include <filesystem>
#include <fmt/format.h>
#include <nlohmann/json.hpp>
#include <unistd.h>

#ifndef MORGUE_VERSION
#define MORGUE_VERSION "unknown"
#endif

namespace {

constexpr const char* prog = "morgue-indexer";

struct Options {
    std::string db_path;
    std::string schema_path = MORGUE_SCHEMA_PATH;
    std::string aliases_path;  // empty: topic-aliases.txt beside the schema, if there
    std::string synonyms_path; // empty: synonyms.txt beside the schema, if there
    std::size_t max_bytes = morgue::default_max_feed_bytes;
    bool quiet = false;
    std::vector<std::string> files;
    bool json = false;
    std::string content_type;
    std::string url;
    std::string feeds_file;
    morgue::FetchOptions http;
    bool verbose = false;
};

void say(std::FILE* to, std::string_view line) {
    fmt::print(to, "{}: {}\n", prog, line);
}

// The file given, else the one named `name` beside the schema, else none ("").
std::string optional_file(const std::string& given, const Options& o, const char* name) {
    if (!given.empty()) return given;
    auto beside = std::filesystem::path(o.schema_path).parent_path() / name;
    return std::filesystem::exists(beside) ? beside.string() : std::string();
}

morgue::TopicAliases topic_aliases(const Options& o) {
    std::string path = optional_file(o.aliases_path, o, "topic-aliases.txt");
    return path.empty() ? morgue::TopicAliases{} : morgue::load_topic_aliases(path);
}

// The synonym file goes into the database, so that searches use what the
// index was built with; a bad file stops the run before anything is written.
void store_synonyms(morgue::Writer& writer, const Options& o) {
    std::string path = optional_file(o.synonyms_path, o, "synonyms.txt");
    if (path.empty()) return;
    std::string text = morgue::read_text_file(path, "synonyms");
    morgue::parse_name_groups(text, path);
    if (writer.metadata("morgue:synonyms") != text) writer.set_metadata("morgue:synonyms", text);
}

int run_import(const Options& o) {
    if (o.db_path.empty()) throw morgue::UsageError("--db is required (or set MORGUE_DB)");
    morgue::Schema schema = morgue::load_schema_file(o.schema_path);
    morgue::ImportOptions options{o.max_bytes, topic_aliases(o)};
    morgue::Writer writer(o.db_path, schema);
    store_synonyms(writer, o);
    morgue::Log log{[&](std::string_view l) {
                        if (!o.quiet) say(stdout, l);
                    },
                    [](std::string_view l) { say(stderr, l); }};
    auto s = morgue::import_files(writer, o.files, options, log);
    writer.commit();
    if (!o.quiet || s.files_failed)
        say(s.files_failed ? stderr : stdout,
            fmt::format("{} files indexed, {} failed; {} articles new, {} updated, {} unchanged; "
                        "{} in the database",
                        s.files_ok, s.files_failed, s.articles.added, s.articles.updated,
                        s.articles.unchanged, writer.document_count()));
    return s.files_failed ? morgue::exit_partial : morgue::exit_ok;
}

std::string fetch_summary_json(const morgue::FetchSummary& s, double seconds) {
    nlohmann::ordered_json failures = nlohmann::ordered_json::array();
    for (const auto& [url, why] : s.failures)
        failures.push_back({{"url", url}, {"error", why}});
    nlohmann::ordered_json j = {{"feeds", s.feeds},
                                {"fetched", s.fetched},
                                {"not_modified", s.not_modified},
                                {"failed", s.failed},
                                {"skipped", s.skipped},
                                {"gone", s.gone},
                                {"articles",
                                 {{"new", s.articles.added},
                                  {"updated", s.articles.updated},
                                  {"unchanged", s.articles.unchanged}}},
                                {"failures", failures},
                                {"elapsed_s", seconds}};
    return j.dump(2);
}

int run_fetch(const Options& o) {
    if (o.db_path.empty()) throw morgue::UsageError("--db is required (or set MORGUE_DB)");
    std::vector<std::string> urls;
    if (!o.feeds_file.empty()) urls = morgue::read_feed_list(o.feeds_file);
    for (const auto& arg : o.files) {
        std::string url = morgue::normalise_feed_url(arg);
        if (url.empty()) throw morgue::UsageError(fmt::format("not a URL: \"{}\"", arg));
        if (std::find(urls.begin(), urls.end(), url) == urls.end()) urls.push_back(url);
    }
    if (urls.empty()) throw morgue::UsageError("fetch: no feeds: give URLs or --feeds FILE");
    morgue::Schema schema = morgue::load_schema_file(o.schema_path);
    morgue::FetchFeedsOptions options{o.http, topic_aliases(o), o.verbose};
    options.http.max_bytes = o.max_bytes;
    options.http.user_agent =
        fmt::format("Morgue/{} (news archive indexer) libcurl/{}", MORGUE_VERSION,
                    curl_version_info(CURLVERSION_NOW)->version);
    auto started = std::chrono::steady_clock::now();
    morgue::Writer writer(o.db_path, schema);
    store_synonyms(writer, o);
    // With --json, stdout carries only the summary object.
    std::FILE* info = o.json ? stderr : stdout;
    morgue::Log log{[&](std::string_view l) {
                        if (!o.quiet) say(info, l);
                    },
                    [](std::string_view l) { say(stderr, l); }};
    bool tty = isatty(STDERR_FILENO) && !o.quiet;
    auto progress = [&](unsigned done, unsigned total) {
        if (tty)
            fmt::print(stderr, "\r{}: {}/{} feeds\x1b[K{}", prog, done, total,
                       done == total ? "\n" : "");
    };
    auto s = morgue::fetch_feeds(writer, urls, options, log, progress);
    writer.commit();
    double seconds =
        std::chrono::duration<double>(std::chrono::steady_clock::now() - started).count();
    if (o.json) {
        fmt::print("{}\n", fetch_summary_json(s, seconds));
    } else if (!o.quiet || s.failed) {
        say(s.failed ? stderr : stdout,
            fmt::format(
                "{} feeds: {} fetched, {} not modified, {} failed, {} skipped{}; articles: {} new, "
                "{} updated, {} unchanged; {} in the database ({:.1f} s)",
                s.feeds, s.fetched, s.not_modified, s.failed, s.skipped,
                s.gone ? fmt::format(", {} gone", s.gone) : "", s.articles.added,
                s.articles.updated, s.articles.unchanged, writer.document_count(), seconds));
    }
    return s.failed ? morgue::exit_partial : morgue::exit_ok;
}

int run_feeds(const Options& o) {
    if (o.db_path.empty()) throw morgue::UsageError("--db is required (or set MORGUE_DB)");
    morgue::ReadDatabase db = morgue::open_for_reading(o.db_path);
    auto date = [](std::time_t t) { return t ? morgue::iso8601_utc(t) : std::string("never"); };
    for (const auto& s : morgue::all_feed_states(db.db)) {
        if (o.json) {
            fmt::print("{}\n", morgue::feed_state_json(s));
            continue;
        }
        fmt::print(
            "{}\n  status {}, {} consecutive failure{}, last success {}{}{}{}{}\n", s.listed_url,
            s.last_status, s.failures, s.failures == 1 ? "" : "s", date(s.last_success),
            s.url != s.listed_url ? "\n  moved permanently to " + s.url : "",
            s.gone ? "\n  gone (HTTP 410): not fetched" : "",
            s.retry_after > std::time(nullptr) ? "\n  asked to wait until " + date(s.retry_after)
                                               : "",
            s.last_error.empty() ? "" : "\n  last error: " + s.last_error);
    }
    return morgue::exit_ok;
}

int run_parse(const Options& o) {
    morgue::ParseOptions options{o.json, o.content_type, o.url, o.max_bytes, topic_aliases(o)};
    return morgue::parse_files(o.files, options, stdout) ? morgue::exit_partial : morgue::exit_ok;
}

} // namespace

int main(int argc, char** argv) {
    CLI::App app{"morgue-indexer: indexes RSS and Atom feeds into a Morgue search database.\n"
                 "Exit codes: 0 all inputs indexed, 1 some inputs failed (the rest are indexed),\n"
                 "2 usage error, 3 database error.",
                 prog};
    app.set_version_flag("--version", std::string("morgue-indexer ") + MORGUE_VERSION);
    Options o;
    app.add_option("--db", o.db_path, "database directory (needed by import)")
        ->envname("MORGUE_DB");
    app.add_option("--schema", o.schema_path, "schema for a new database")
        ->envname("MORGUE_SCHEMA")
        ->capture_default_str();
    app.add_option("--topic-aliases", o.aliases_path,
                   "topic alias file (default: topic-aliases.txt beside the schema)")
        ->envname("MORGUE_TOPIC_ALIASES");
    app.add_option("--synonyms", o.synonyms_path,
                   "synonym file (default: synonyms.txt beside the schema)")
        ->envname("MORGUE_SYNONYMS");
    app.add_option("--max-size", o.max_bytes, "largest feed accepted, in bytes")
        ->capture_default_str();
    app.add_flag("-q,--quiet", o.quiet, "print only warnings and errors");
    app.require_subcommand(1);

    auto* import =
        app.add_subcommand("import", "index local RSS/Atom feed files (one transaction)");
    import->add_option("FILE", o.files, "feed files")->required();
    auto* fetch =
        app.add_subcommand("fetch", "fetch feeds over HTTP(S) and index them (one transaction)");
    fetch->add_option("URL", o.files, "feed URLs");
    fetch->add_option("--feeds", o.feeds_file, "file listing feed URLs (one per line, or OPML)");
    fetch->add_option("--jobs", o.http.jobs, "transfers at once")
        ->capture_default_str()
        ->check(CLI::Range(1u, 256u));
    fetch->add_option("--per-host", o.http.per_host, "connections to one host at once")
        ->capture_default_str()
        ->check(CLI::Range(1u, 64u));
    fetch->add_option("--timeout", o.http.timeout, "seconds for a whole transfer")
        ->capture_default_str();
    fetch->add_option("--connect-timeout", o.http.connect_timeout, "seconds to connect")
        ->capture_default_str();
    fetch->add_flag("--json", o.json, "print the summary as one JSON object on stdout");
    fetch->add_flag("-v,--verbose", o.verbose, "also print each item's warnings");
    auto* feeds = app.add_subcommand("feeds", "list the fetched feeds and their state");
    feeds->add_flag("--json", o.json, "one JSON object per feed and line");
    auto* parse = app.add_subcommand("parse", "print feeds as Morgue reads them; no database");
    parse->add_option("FILE", o.files, "feed files")->required();
    parse->add_flag("--json", o.json, "one JSON object per file and line");
    parse->add_option("--content-type", o.content_type,
                      "the Content-Type a server sent with the files (for its charset)");
    parse->add_option("--url", o.url, "the URL the files came from (base for relative links)");

    // Line-buffered even into a log file, so that cron logs and tests see each
    // file's line as it happens.
    std::setvbuf(stdout, nullptr, _IOLBF, 0);
    try {
        app.parse(argc, argv);
    } catch (const CLI::ParseError& e) {
        return app.exit(e) == 0 ? morgue::exit_ok : morgue::exit_usage;
    }
    return morgue::run_guarded(prog, [&] {
        if (import->parsed()) return run_import(o);
        if (fetch->parsed()) return run_fetch(o);
        if (feeds->parsed()) return run_feeds(o);
        return run_parse(o);
    });
}
