// morgue-indexer: feeds into a Morgue (Xapian) database.
#include "feed_list.hpp"
#include "feed_state.hpp"
#include "fetch.hpp"
#include "import.hpp"
#include "maintenance.hpp"
#include "morgue/command_line.hpp"
#include "morgue/console.hpp"
#include "morgue/dates.hpp"
#include "morgue/errors.hpp"
#include "morgue/generation.hpp"
#include "morgue/install_paths.hpp"
#include "morgue/json_text.hpp"
#include "morgue/language.hpp"
#include "morgue/main_guard.hpp"
#include "morgue/name_groups.hpp"
#include "morgue/run_lock.hpp"
#include "morgue/schema.hpp"
#include "morgue/text.hpp"
#include "parse.hpp"
#include "termination.hpp"

#include <CLI/CLI.hpp>
#include <algorithm>
#include <cerrno>
#include <charconv>
#include <chrono>
#include <climits>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <curl/curl.h>
#include <exception>
#include <filesystem>
#include <fmt/format.h>
#include <map>
#include <nlohmann/json.hpp>
#include <optional>
#include <unistd.h>

#ifndef MORGUE_VERSION
#define MORGUE_VERSION "unknown"
#endif

namespace {

constexpr const char* prog = "morgue-indexer";

struct Options {
    std::string db_path;
    std::string schema_path;   // empty: the installed one (install_paths.hpp)
    std::string aliases_path;  // empty: topic-aliases.txt beside the schema, if there
    std::string synonyms_path; // empty: synonyms.txt beside the schema, if there
    std::size_t max_bytes = morgue::default_max_feed_bytes;
    bool quiet = false;
    bool pretty = false; // JSON indented for people, instead of one line
    std::vector<std::string> files;
    bool json = false;
    std::string content_type;
    std::string content_language;
    std::string url;
    std::string feeds_file;
    std::string language; // --language: a code for every feed without one of its own
    morgue::FetchOptions http;
    bool verbose = false;
    bool jsonl = false;
    unsigned jobs = 1;          // import into a new or empty database: processes
    std::string output;         // export: file instead of stdout
    double compact_growth = 50; // nightly: compact past this % growth since the last compaction
};

using morgue::say;

// A run's lines: what was done on `info` (unless --quiet), problems on
// stderr, progress on the terminal's progress line.
morgue::Log run_log(const Options& o, morgue::Progress& line, std::FILE* info = stdout) {
    return {[&o, info](std::string_view l) {
                if (!o.quiet) say(info, l);
            },
            [](std::string_view l) { say(stderr, l); },
            [&line](std::string_view l) { line.show(l); }};
}

void require_db(const Options& o) {
    if (o.db_path.empty()) throw morgue::UsageError("--db is required (or set MORGUE_DB)");
}

// The schema file: --schema, else the installed one.
std::string schema_file(const Options& o) {
    return o.schema_path.empty() ? morgue::default_schema_path() : o.schema_path;
}

// The schema a run writes with.  An existing database carries its own and
// needs no file, so a cron job goes on whatever becomes of the schema file;
// a --schema given is checked against it (by the writer).  A new database
// gets --schema or the installed one.  With `current` (rebuild), the file
// wins when there is one: rebuilding takes up the schema's changes.
morgue::Schema schema_for(const Options& o, bool current = false) {
    std::error_code ec;
    bool file = !o.schema_path.empty() ||
                (current && std::filesystem::exists(morgue::default_schema_path(), ec));
    if (!file && std::filesystem::exists(o.db_path, ec)) {
        try {
            return morgue::open_for_reading(o.db_path).schema;
        } catch (const morgue::DatabaseError&) { // not (yet) a Morgue database
        }
    }
    return morgue::load_schema_file(schema_file(o));
}

// The file given, else the one named `name` in the configuration directory
// (/etc/morgue), else the one beside the schema, else none ("").
std::string optional_file(const std::string& given, const Options& o, const char* name) {
    if (!given.empty()) return given;
    std::error_code ec;
    for (auto dir : {std::filesystem::path(morgue::config_dir()),
                     std::filesystem::path(schema_file(o)).parent_path()})
        if (std::filesystem::exists(dir / name, ec)) return (dir / name).string();
    return {};
}

morgue::TopicAliases topic_aliases(const Options& o) {
    std::string path = optional_file(o.aliases_path, o, "topic-aliases.txt");
    return path.empty() ? morgue::TopicAliases{} : morgue::load_topic_aliases(path);
}

// The synonym file goes into the database, so that searches use what the
// index was built with; a bad file stops the run before anything is written.
// The alias file goes in too: the searcher maps "tech" to "Technology".
void store_topic_aliases(morgue::Writer& writer, const Options& o) {
    std::string path = optional_file(o.aliases_path, o, "topic-aliases.txt");
    std::string text = path.empty() ? "" : morgue::read_text_file(path, "topic aliases");
    if (writer.metadata(morgue::topic_aliases_metadata_key) != text)
        writer.set_metadata(morgue::topic_aliases_metadata_key, text);
}

void store_synonyms(morgue::Writer& writer, const Options& o) {
    std::string path = optional_file(o.synonyms_path, o, "synonyms.txt");
    if (path.empty()) return;
    std::string text = morgue::read_text_file(path, "synonyms");
    morgue::parse_name_groups(text, path);
    if (writer.metadata("morgue:synonyms") != text) writer.set_metadata("morgue:synonyms", text);
}

// Articles per commit in a bulk import's shards: XAPIAN_FLUSH_THRESHOLD if
// set, else 2,000 (about 220 MB a writer for news articles of 150-900 words).
unsigned flush_threshold() {
    const char* v = std::getenv("XAPIAN_FLUSH_THRESHOLD");
    unsigned n = 0;
    if (v) std::from_chars(v, v + std::strlen(v), n);
    return n > 0 ? n : 2000;
}

// True if there is nothing at `path` to lose by replacing it whole.
bool new_or_empty(const std::string& path) {
    std::error_code ec;
    return !std::filesystem::exists(path, ec) ||
           morgue::open_for_reading(path).db.get_doccount() == 0;
}

// Restores the exports through `writer`; returns the counts.
morgue::ArticleCounts restore_into(morgue::Writer& writer, const Options& o, unsigned checkpoint) {
    morgue::ArticleCounts total;
    for (const auto& file : o.files) {
        morgue::ArticleCounts c = morgue::import_jsonl(writer, file, checkpoint);
        if (!o.quiet) say(stdout, fmt::format("{}: {} articles restored", file, c.total()));
        total += c;
    }
    writer.commit();
    return total;
}

// Into an empty or new database, the restore is written as a new generation
// with a commit every 5,000 articles (memory stays bounded for any archive)
// and switched in whole; into one with articles, it is one transaction.
int restore(const Options& o) {
    constexpr unsigned checkpoint = 5000;
    morgue::Schema schema = morgue::export_schema(o.files.at(0));
    morgue::ArticleCounts total;
    std::error_code ec;
    if (new_or_empty(o.db_path)) {
        morgue::WriterLock held(o.db_path); // the empty database is replaced
        std::string staged = morgue::staging_path(o.db_path);
        try {
            morgue::Writer writer(staged, schema);
            total = restore_into(writer, o, checkpoint);
        } catch (...) {
            std::filesystem::remove_all(staged, ec);
            throw;
        }
        morgue::switch_generation(o.db_path, staged, &held);
    } else {
        morgue::Writer writer(o.db_path, schema);
        total = restore_into(writer, o, 0);
    }
    if (!o.quiet)
        say(stdout, fmt::format("{} articles: {} new, {} updated, {} unchanged; {} in the database",
                                total.total(), total.added, total.updated, total.unchanged,
                                morgue::open_for_reading(o.db_path).db.get_doccount()));
    return morgue::exit_ok;
}

// A restore is all or nothing: a bad line stops it with exit 2, uncommitted.
int run_import_jsonl(const Options& o) {
    morgue::RunLock lock(o.db_path);
    try {
        return restore(o);
    } catch (const morgue::InputError& e) {
        throw morgue::UsageError(fmt::format("{}; nothing restored", e.what()));
    }
}

int run_import(const Options& o) {
    require_db(o);
    if (o.jsonl) return run_import_jsonl(o);
    morgue::RunLock lock(o.db_path);
    morgue::Schema schema = schema_for(o);
    morgue::ImportOptions options{o.max_bytes, topic_aliases(o), 0, o.language};
    morgue::Progress line(!o.quiet);
    morgue::Log log = run_log(o, line);
    auto prepare = [&](morgue::Writer& writer) {
        store_synonyms(writer, o);
        store_topic_aliases(writer, o);
    };
    morgue::ImportStats s;
    Xapian::doccount in_db = 0;
    if (o.jobs > 1 && o.files.size() > 1 && new_or_empty(o.db_path)) {
        // Shards are new databases, committed in batches so that memory
        // stays bounded; Xapian's own knob sets the batch, as for any writer.
        options.checkpoint_every = flush_threshold();
        s = morgue::bulk_import(o.db_path, schema, o.files, options, o.jobs, prepare, log);
        in_db = morgue::open_for_reading(o.db_path).db.get_doccount();
    } else {
        morgue::Writer writer(o.db_path, schema);
        prepare(writer);
        s = morgue::import_files(writer, o.files, options, log);
        line.show("committing");
        writer.commit();
        in_db = writer.document_count();
    }
    line.clear();
    if (!o.quiet || s.files_failed)
        say(stdout,
            fmt::format("{} files indexed, {} failed; {} articles new, {} updated, {} unchanged; "
                        "{} in the database",
                        s.files_ok, s.files_failed, s.articles.added, s.articles.updated,
                        s.articles.unchanged, in_db));
    return s.files_failed ? morgue::exit_partial : morgue::exit_ok;
}

nlohmann::ordered_json fetch_summary_json(const morgue::FetchSummary& s, double seconds) {
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
    return j;
}

struct FetchRun {
    morgue::FetchSummary summary;
    double seconds = 0;
    Xapian::doccount documents = 0;
};

struct FetchPlan {
    morgue::FetchFeedsOptions options;
    std::vector<std::string> urls;
};

// The feeds to fetch and how, from the command line and the feed list:
// read before the run lock is taken, so that a mistake in them leaves
// nothing behind.
FetchPlan fetch_plan(const Options& o) {
    morgue::FetchFeedsOptions options{o.http, topic_aliases(o), o.verbose};
    std::vector<std::string> urls;
    if (!o.feeds_file.empty())
        for (auto& feed : morgue::read_feed_list(o.feeds_file)) {
            urls.push_back(feed.url);
            if (!feed.language.empty()) options.languages[feed.url] = feed.language;
        }
    for (const auto& arg : o.files) {
        std::string url = morgue::normalise_feed_url(arg);
        if (url.empty()) throw morgue::UsageError(fmt::format("not a URL: \"{}\"", arg));
        if (std::find(urls.begin(), urls.end(), url) == urls.end()) urls.push_back(url);
    }
    if (urls.empty()) throw morgue::UsageError("fetch: no feeds: give URLs or --feeds FILE");
    if (!o.language.empty())
        for (const auto& url : urls)
            options.languages.emplace(url, o.language); // a feed's own language= comes first
    options.http.max_bytes = o.max_bytes;
    options.http.user_agent =
        fmt::format("Morgue/{} (news archive indexer) libcurl/{}", MORGUE_VERSION,
                    curl_version_info(CURLVERSION_NOW)->version);
    return {std::move(options), std::move(urls)};
}

// Fetches and indexes the feeds, commits, prints the summary line (or the
// JSON object, unless `quiet_json`: nightly prints its own).
FetchRun fetch_run(const Options& o, const FetchPlan& plan, bool quiet_json = false) {
    const auto& [options, urls] = plan;
    morgue::Schema schema = schema_for(o);
    auto started = std::chrono::steady_clock::now();
    morgue::Writer writer(o.db_path, schema);
    store_synonyms(writer, o);
    store_topic_aliases(writer, o);
    // With --json, stdout carries only the summary object.
    std::FILE* info = o.json ? stderr : stdout;
    morgue::Progress line(!o.quiet);
    morgue::Log log = run_log(o, line, info);
    FetchRun run;
    run.summary = morgue::fetch_feeds(writer, urls, options, log);
    line.show("committing");
    writer.commit();
    line.clear();
    run.documents = writer.document_count();
    run.seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - started).count();
    const auto& s = run.summary;
    if (o.json) {
        if (!quiet_json)
            std::fputs(morgue::json_text(fetch_summary_json(s, run.seconds), o.pretty).c_str(),
                       stdout);
    } else if (!o.quiet || s.failed) {
        say(stdout,
            fmt::format(
                "{} feeds: {} fetched, {} not modified, {} failed, {} skipped{}; articles: {} new, "
                "{} updated, {} unchanged; {} in the database ({:.1f} s)",
                s.feeds, s.fetched, s.not_modified, s.failed, s.skipped,
                s.gone ? fmt::format(", {} gone", s.gone) : "", s.articles.added,
                s.articles.updated, s.articles.unchanged, run.documents, run.seconds));
    }
    return run;
}

int run_fetch(const Options& o) {
    require_db(o);
    FetchPlan plan = fetch_plan(o);
    morgue::RunLock lock(o.db_path);
    return fetch_run(o, plan).summary.failed ? morgue::exit_partial : morgue::exit_ok;
}

// The cron job: under the run lock, fetch and index every feed (synonyms and
// spelling data come with it), then compact once the database has grown
// past --compact-growth percent since its last compaction.
int run_nightly(const Options& o) {
    require_db(o);
    morgue::console_timestamps(true);
    auto started = std::chrono::steady_clock::now();
    FetchPlan plan = fetch_plan(o);
    morgue::RunLock lock(o.db_path);
    if (!o.quiet && !o.json) say(stdout, fmt::format("nightly: {} starting", o.db_path));
    FetchRun run = fetch_run(o, plan, true);
    std::uintmax_t size = morgue::database_bytes(o.db_path);
    std::uintmax_t base = morgue::compacted_bytes(morgue::open_for_reading(o.db_path).db);
    std::optional<morgue::CompactStats> compacted;
    if (base == 0 || size > base * (1 + o.compact_growth / 100)) {
        compacted = morgue::compact_database(o.db_path);
        if (!o.quiet && !o.json)
            say(stdout, fmt::format("compacted: {:.1f} MB -> {:.1f} MB", compacted->before / 1e6,
                                    compacted->after / 1e6));
    }
    double seconds =
        std::chrono::duration<double>(std::chrono::steady_clock::now() - started).count();
    const auto& s = run.summary;
    int code = s.failed ? morgue::exit_partial : morgue::exit_ok;
    if (o.json) {
        auto j = fetch_summary_json(s, run.seconds);
        j["documents"] = run.documents;
        j["compacted"] = compacted ? nlohmann::ordered_json{{"before_bytes", compacted->before},
                                                            {"after_bytes", compacted->after}}
                                   : nlohmann::ordered_json(nullptr);
        j["elapsed_s"] = seconds;
        j["exit_code"] = code;
        std::fputs(morgue::json_text(j, o.pretty).c_str(), stdout);
    } else {
        say(stdout,
            fmt::format("nightly: {} in {:.1f} s: {} feeds ({} fetched, {} not modified, {} "
                        "failed); {} new articles; {}; {} in the database",
                        code ? "done with failures" : "done", seconds, s.feeds, s.fetched,
                        s.not_modified, s.failed, s.articles.added,
                        compacted ? "compacted" : "not compacted", run.documents));
    }
    return code;
}

int run_rebuild(const Options& o) {
    require_db(o);
    morgue::RunLock lock(o.db_path);
    morgue::Schema schema = schema_for(o, true);
    std::string synonyms = optional_file(o.synonyms_path, o, "synonyms.txt");
    std::string text = synonyms.empty() ? "" : morgue::read_text_file(synonyms, "synonyms");
    if (!text.empty()) morgue::parse_name_groups(text, synonyms);
    morgue::Progress line(!o.quiet);
    morgue::Log log = run_log(o, line);
    std::string aliases = optional_file(o.aliases_path, o, "topic-aliases.txt");
    std::map<std::string, std::string> metadata = {
        {morgue::topic_aliases_metadata_key,
         aliases.empty() ? "" : morgue::read_text_file(aliases, "topic aliases")}};
    if (!text.empty()) metadata["morgue:synonyms"] = text;
    std::map<std::string, std::string> languages; // the feed list's language=
    if (!o.feeds_file.empty())
        for (const auto& feed : morgue::read_feed_list(o.feeds_file))
            if (!feed.language.empty()) languages[feed.url] = feed.language;
    auto s =
        morgue::rebuild_database(o.db_path, schema, topic_aliases(o), metadata, log, languages);
    say(stdout, fmt::format("rebuilt: {} documents ({} re-read from their original item, {} kept "
                            "as stored); switched to the new generation",
                            s.documents, s.reparsed, s.kept));
    return morgue::exit_ok;
}

int run_compact(const Options& o) {
    require_db(o);
    morgue::RunLock lock(o.db_path);
    auto c = morgue::compact_database(o.db_path);
    say(stdout, fmt::format("compacted: {:.1f} MB -> {:.1f} MB; switched to the new generation",
                            c.before / 1e6, c.after / 1e6));
    return morgue::exit_ok;
}

int run_check(const Options& o) {
    require_db(o);
    auto problems = morgue::check_database(o.db_path);
    for (const auto& p : problems)
        say(stderr, fmt::format("{}: {}", o.db_path, p));
    if (!problems.empty())
        throw morgue::DatabaseError(fmt::format("{}: damaged ({} problem{})", o.db_path,
                                                problems.size(), problems.size() == 1 ? "" : "s"));
    say(stdout, fmt::format("{}: intact ({} documents)", o.db_path,
                            morgue::open_for_reading(o.db_path).db.get_doccount()));
    return morgue::exit_ok;
}

int run_stats(const Options& o) {
    require_db(o);
    std::fputs(morgue::database_stats(o.db_path, o.json, o.pretty).c_str(), stdout);
    return morgue::exit_ok;
}

int run_export(const Options& o) {
    require_db(o);
    if (o.output.empty()) {
        morgue::export_jsonl(o.db_path, stdout);
        return morgue::exit_ok;
    }
    // Written beside, renamed into place: a backup is whole or absent.
    std::string tmp = o.output + ".tmp";
    std::FILE* out = std::fopen(tmp.c_str(), "w");
    if (!out) throw morgue::UsageError(fmt::format("{}: cannot write", tmp));
    try {
        morgue::export_jsonl(o.db_path, out);
    } catch (...) {
        std::fclose(out);
        std::remove(tmp.c_str());
        throw;
    }
    if (std::fclose(out) != 0 || std::rename(tmp.c_str(), o.output.c_str()) != 0)
        throw morgue::DatabaseError(fmt::format("{}: could not write the export", o.output));
    return morgue::exit_ok;
}

int run_feeds(const Options& o) {
    if (o.db_path.empty()) throw morgue::UsageError("--db is required (or set MORGUE_DB)");
    morgue::ReadDatabase db = morgue::open_for_reading(o.db_path);
    auto date = [](std::time_t t) { return t ? morgue::iso8601_utc(t) : std::string("never"); };
    for (const auto& s : morgue::all_feed_states(db.db)) {
        if (o.json) {
            std::fputs(morgue::json_text(morgue::feed_state_report(s), o.pretty).c_str(), stdout);
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
    morgue::ParseOptions options{o.json, o.pretty,    o.content_type,   o.content_language,
                                 o.url,  o.max_bytes, topic_aliases(o), o.language};
    return morgue::parse_files(o.files, options, stdout) ? morgue::exit_partial : morgue::exit_ok;
}

} // namespace

int main(int argc, char** argv) {
    morgue::handle_termination(prog);
    morgue::console_program(prog);
    CLI::App app{"morgue-indexer: indexes RSS and Atom feeds into a Morgue search database.\n"
                 "Exit codes: 0 all inputs indexed, 1 some inputs failed (the rest are indexed),\n"
                 "2 usage error, 3 database error or damage, 4 another run holds the lock.",
                 prog};
    app.set_version_flag("--version", std::string("morgue-indexer ") + MORGUE_VERSION);
    Options o;
    app.fallthrough(); // the global options after the subcommand too: stats --db X
    app.add_option("--db", o.db_path, "database directory (every subcommand but parse)")
        ->envname("MORGUE_DB");
    app.add_option("--schema", o.schema_path,
                   "schema for a new database (default: the installed one, "
                   "share/morgue/schemas/news.xml); an existing database has its own")
        ->envname("MORGUE_SCHEMA");
    app.add_option("--topic-aliases", o.aliases_path,
                   "topic alias file (default: topic-aliases.txt in /etc/morgue, else beside "
                   "the schema)")
        ->envname("MORGUE_TOPIC_ALIASES");
    app.add_option("--synonyms", o.synonyms_path,
                   "synonym file (default: synonyms.txt in /etc/morgue, else beside the schema)")
        ->envname("MORGUE_SYNONYMS");
    app.add_option("--max-size", o.max_bytes, "largest feed accepted, in bytes")
        ->capture_default_str()
        ->check(morgue::cli::whole_number(1, LLONG_MAX));
    app.add_flag("-q,--quiet", o.quiet, "print only warnings and errors");
    app.add_flag("--pretty", o.pretty, "indent JSON output for people (default: one line)");
    app.require_subcommand(1);

    auto* import =
        app.add_subcommand("import", "index local RSS/Atom feed files (one transaction)");
    import->add_option("FILE", o.files, "feed files")->required();
    import->add_flag("--jsonl", o.jsonl, "the files are exports (morgue-indexer export --jsonl)");
    import
        ->add_option("-j,--jobs", o.jobs,
                     "into a new or empty database: index on this many cores, in shards "
                     "merged at the end")
        ->check(morgue::cli::whole_number(1, 64));
    auto language_option = [&](CLI::App* c) {
        c->add_option("--language", o.language,
                      "file every item under this language (de, en-GB, German), whatever "
                      "the feed says")
            ->transform([](const std::string& v) {
                std::string code = morgue::language_code(v);
                if (code.empty()) throw CLI::ValidationError(morgue::not_a_language_tag(v));
                return code;
            });
    };
    language_option(import);
    auto fetch_options = [&](CLI::App* c) {
        language_option(c);
        c->add_option("--feeds", o.feeds_file,
                      "file listing feed URLs (one per line, or OPML; language=CODE after a URL)");
        c->add_option("--jobs", o.http.jobs, "transfers at once")
            ->capture_default_str()
            ->check(morgue::cli::whole_number(1, 256));
        c->add_option("--per-host", o.http.per_host, "connections to one host at once")
            ->capture_default_str()
            ->check(morgue::cli::whole_number(1, 64));
        c->add_option("--timeout", o.http.timeout, "seconds for a whole transfer")
            ->capture_default_str()
            ->check(morgue::cli::whole_number(1, 86400));
        c->add_option("--connect-timeout", o.http.connect_timeout, "seconds to connect")
            ->capture_default_str()
            ->check(morgue::cli::whole_number(1, 86400));
        c->add_flag("--json", o.json, "print the summary as one JSON object on stdout");
        c->add_flag("-v,--verbose", o.verbose, "also print each item's warnings");
    };
    auto* fetch =
        app.add_subcommand("fetch", "fetch feeds over HTTP(S) and index them (one transaction)");
    fetch->add_option("URL", o.files, "feed URLs");
    fetch_options(fetch);
    auto* nightly = app.add_subcommand(
        "nightly", "the cron job: lock, fetch and index every feed, compact when grown");
    nightly->add_option("URL", o.files, "feed URLs (besides --feeds)");
    fetch_options(nightly);
    nightly
        ->add_option("--compact-growth", o.compact_growth,
                     "compact once the database has grown this many percent since its last "
                     "compaction")
        ->capture_default_str()
        ->check(morgue::cli::number(0, 100000));
    auto* rebuild = app.add_subcommand(
        "rebuild", "re-derive every article from its stored original item with the current "
                   "schema and parser, into a new generation; then switch to it");
    rebuild->add_option("--feeds", o.feeds_file,
                        "feed list whose language=CODE refiles those feeds' articles");
    auto* compact =
        app.add_subcommand("compact", "compact into a new generation; then switch to it");
    auto* check = app.add_subcommand("check", "check the database; exit 3 if it is damaged");
    auto* stats =
        app.add_subcommand("stats", "documents, dates, columnists, topics, languages, size, feeds");
    stats->add_flag("--json", o.json, "one JSON object");
    auto* exp = app.add_subcommand("export", "a full backup as JSON lines (see import --jsonl)");
    exp->add_flag("--jsonl", o.jsonl, "JSON lines (the one format)");
    exp->add_option("-o,--output", o.output, "write to this file (whole or not at all)");
    auto* feeds = app.add_subcommand("feeds", "list the fetched feeds and their state");
    feeds->add_flag("--json", o.json, "one JSON object per feed and line");
    auto* parse = app.add_subcommand("parse", "print feeds as Morgue reads them; no database");
    parse->add_option("FILE", o.files, "feed files")->required();
    parse->add_flag("--json", o.json, "one JSON object per file and line");
    parse->add_option("--content-language", o.content_language,
                      "the Content-Language a server sent with the files (their language if "
                      "they say none)");
    parse->add_option("--content-type", o.content_type,
                      "the Content-Type a server sent with the files (for its charset)");
    parse->add_option("--url", o.url, "the URL the files came from (base for relative links)");
    language_option(parse);

    // Line-buffered even into a log file, so that cron logs and tests see each
    // file's line as it happens.
    std::setvbuf(stdout, nullptr, _IOLBF, 0);
    if (auto code = morgue::cli::parse(app, argc, argv)) return *code;
    return morgue::run_guarded(prog, [&] {
        if (import->parsed()) return run_import(o);
        if (fetch->parsed()) return run_fetch(o);
        if (nightly->parsed()) return run_nightly(o);
        if (rebuild->parsed()) return run_rebuild(o);
        if (compact->parsed()) return run_compact(o);
        if (check->parsed()) return run_check(o);
        if (stats->parsed()) return run_stats(o);
        if (exp->parsed()) return run_export(o);
        if (feeds->parsed()) return run_feeds(o);
        return run_parse(o);
    });
}
