// morgue-indexer: feeds into a Morgue (Xapian) database.  This file reads
// the command line and dispatches; each subcommand's body is in the file
// named after it (commands.hpp).
#include "commands.hpp"
#include "feed_list.hpp" // not_a_language_tag
#include "morgue/command_line.hpp"
#include "morgue/console.hpp"
#include "morgue/errors.hpp"
#include "morgue/language.hpp"
#include "morgue/main_guard.hpp"
#include "termination.hpp"

#include <CLI/CLI.hpp>
#include <climits>
#include <cstdio>
#include <string>

namespace {

constexpr const char* prog = "morgue-indexer";

// --language: a code, whatever the form it was given in (de, en-GB, German).
void add_language_option(CLI::App* c, std::string& language) {
    c->add_option("--language", language,
                  "file every item under this language (de, en-GB, German), whatever "
                  "the feed says")
        ->transform([](const std::string& v) {
            std::string code = morgue::language_code(v);
            if (code.empty()) throw CLI::ValidationError(morgue::not_a_language_tag(v));
            return code;
        });
}

void add_fetch_options(CLI::App* c, morgue::FetchCommand& f) {
    add_language_option(c, f.language);
    c->add_option("--feeds", f.feeds_file,
                  "file listing feed URLs (one per line, or OPML; language=CODE after a URL)");
    c->add_option("--jobs", f.http.jobs, "transfers at once")
        ->capture_default_str()
        ->check(morgue::cli::whole_number(1, 256));
    c->add_option("--per-host", f.http.per_host, "connections to one host at once")
        ->capture_default_str()
        ->check(morgue::cli::whole_number(1, 64));
    c->add_option("--timeout", f.http.timeout, "seconds for a whole transfer")
        ->capture_default_str()
        ->check(morgue::cli::whole_number(1, 86400));
    c->add_option("--connect-timeout", f.http.connect_timeout, "seconds to connect")
        ->capture_default_str()
        ->check(morgue::cli::whole_number(1, 86400));
    c->add_flag("--full-text,!--no-full-text", f.full_text,
                "fetch the linked article page of an item that carries only a summary, and "
                "index the page's text (a feed's fulltext=yes|no comes first)");
    c->add_option("--page-delay", f.page_delay,
                  "seconds between two article page requests to one host (robots.txt's "
                  "Crawl-delay when longer)")
        ->capture_default_str()
        ->check(morgue::cli::number(0, 3600));
    c->add_flag("--json", f.json, "print the summary as one JSON object on stdout");
    c->add_flag("-v,--verbose", f.verbose, "also print each item's warnings");
}

void add_global_options(CLI::App& app, morgue::GlobalOptions& o) {
    app.add_option("--db", o.db_path, "database directory (every subcommand but parse and extract)")
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
    app.add_option("--site-rules", o.site_rules_path,
                   "article page extraction rules, HOST body|byline|drop XPATH (default: "
                   "site-rules.txt in /etc/morgue, else beside the schema)")
        ->envname("MORGUE_SITE_RULES");
    app.add_option("--max-size", o.max_bytes, "largest feed or page accepted, in bytes")
        ->capture_default_str()
        ->check(morgue::cli::whole_number(1, LLONG_MAX));
    app.add_flag("-q,--quiet", o.quiet, "print only warnings and errors");
    app.add_flag("--pretty", o.pretty, "indent JSON output for people (default: one line)");
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
    app.fallthrough(); // the global options after the subcommand too: stats --db X
    morgue::GlobalOptions o;
    add_global_options(app, o);
    app.require_subcommand(1);

    morgue::ImportCommand import_c;
    auto* import =
        app.add_subcommand("import", "index local RSS/Atom feed files (one transaction)");
    import->add_option("FILE", import_c.files, "feed files")->required();
    import->add_flag("--jsonl", import_c.jsonl,
                     "the files are exports (morgue-indexer export --jsonl)");
    import
        ->add_option("-j,--jobs", import_c.jobs,
                     "into a new or empty database: index on this many cores, in shards "
                     "merged at the end")
        ->check(morgue::cli::whole_number(1, 64));
    import
        ->add_option("--shards", import_c.shards,
                     "into a new or empty database: make it an archive of this many shards, "
                     "each article in the one its id hashes to (docs/scaling.md)")
        ->check(morgue::cli::whole_number(1, 1024));
    add_language_option(import, import_c.language);

    morgue::FetchCommand fetch_c;
    auto* fetch =
        app.add_subcommand("fetch", "fetch feeds over HTTP(S) and index them (one transaction)");
    fetch->add_option("URL", fetch_c.urls, "feed URLs");
    add_fetch_options(fetch, fetch_c);

    morgue::NightlyCommand nightly_c;
    auto* nightly = app.add_subcommand(
        "nightly", "the cron job: lock, fetch and index every feed, compact when grown");
    nightly->add_option("URL", nightly_c.fetch.urls, "feed URLs (besides --feeds)");
    add_fetch_options(nightly, nightly_c.fetch);
    nightly
        ->add_option("--compact-growth", nightly_c.compact_growth,
                     "compact once the database has grown this many percent since its last "
                     "compaction")
        ->capture_default_str()
        ->check(morgue::cli::number(0, 100000));

    morgue::RebuildCommand rebuild_c;
    auto* rebuild = app.add_subcommand(
        "rebuild", "re-derive every article from its stored original item with the current "
                   "schema and parser, into a new generation; then switch to it");
    rebuild->add_option("--feeds", rebuild_c.feeds_file,
                        "feed list whose language=CODE refiles those feeds' articles");
    rebuild
        ->add_option("--shards", rebuild_c.shards,
                     "re-shard: the new generation has this many shards (1: one database); "
                     "default: as many as now")
        ->check(morgue::cli::whole_number(1, 1024));
    auto* compact =
        app.add_subcommand("compact", "compact into a new generation; then switch to it");
    auto* check = app.add_subcommand("check", "check the database; exit 3 if it is damaged");

    morgue::StatsCommand stats_c;
    auto* stats =
        app.add_subcommand("stats", "documents, dates, columnists, topics, languages, size, feeds");
    stats->add_flag("--json", stats_c.json, "one JSON object");

    morgue::ExportCommand export_c;
    bool jsonl = false;
    auto* exp = app.add_subcommand("export", "a full backup as JSON lines (see import --jsonl)");
    exp->add_flag("--jsonl", jsonl, "JSON lines (the one format)");
    exp->add_option("-o,--output", export_c.output, "write to this file (whole or not at all)");

    morgue::FeedsCommand feeds_c;
    auto* feeds = app.add_subcommand("feeds", "list the fetched feeds and their state");
    feeds->add_flag("--json", feeds_c.json, "one JSON object per feed and line");

    morgue::ParseCommand parse_c;
    auto* parse = app.add_subcommand("parse", "print feeds as Morgue reads them; no database");
    parse->add_option("FILE", parse_c.files, "feed files")->required();
    parse->add_flag("--json", parse_c.json, "one JSON object per file and line");
    parse->add_option("--content-language", parse_c.content_language,
                      "the Content-Language a server sent with the files (their language if "
                      "they say none)");
    parse->add_option("--content-type", parse_c.content_type,
                      "the Content-Type a server sent with the files (for its charset)");
    parse->add_option("--url", parse_c.url,
                      "the URL the files came from (base for relative links)");
    add_language_option(parse, parse_c.language);

    morgue::ExtractCommand extract_c;
    auto* extract = app.add_subcommand(
        "extract", "print article pages (HTML files) as fetch --full-text reads them; no database");
    extract->add_option("FILE", extract_c.files, "saved article pages")->required();
    extract->add_flag("--json", extract_c.json, "one JSON object per file and line");
    extract->add_option("--content-type", extract_c.content_type,
                        "the Content-Type a server sent with the pages (for its charset)");
    extract->add_option("--url", extract_c.url,
                        "the URL the pages came from (its host's site rule applies)");

    // Line-buffered even into a log file, so that cron logs and tests see each
    // file's line as it happens.
    std::setvbuf(stdout, nullptr, _IOLBF, 0);
    if (auto code = morgue::cli::parse(app, argc, argv)) return *code;
    return morgue::run_guarded(prog, [&] {
        if (import->parsed()) return morgue::run_import(o, import_c);
        if (fetch->parsed()) return morgue::run_fetch(o, fetch_c);
        if (nightly->parsed()) return morgue::run_nightly(o, nightly_c);
        if (rebuild->parsed()) return morgue::run_rebuild(o, rebuild_c);
        if (compact->parsed()) return morgue::run_compact(o);
        if (check->parsed()) return morgue::run_check(o);
        if (stats->parsed()) return morgue::run_stats(o, stats_c);
        if (exp->parsed()) return morgue::run_export(o, export_c);
        if (feeds->parsed()) return morgue::run_feeds(o, feeds_c);
        if (extract->parsed()) return morgue::run_extract(o, extract_c);
        return morgue::run_parse(o, parse_c);
    });
}
