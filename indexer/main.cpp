// morgue-indexer: feeds into a Morgue (Xapian) database.
#include "import.hpp"
#include "morgue/errors.hpp"
#include "morgue/main_guard.hpp"
#include "morgue/schema.hpp"
#include "parse.hpp"

#include <CLI/CLI.hpp>
#include <cstdio>
#include <filesystem>
#include <fmt/format.h>

#ifndef MORGUE_VERSION
#define MORGUE_VERSION "unknown"
#endif

namespace {

constexpr const char* prog = "morgue-indexer";

struct Options {
    std::string db_path;
    std::string schema_path = MORGUE_SCHEMA_PATH;
    std::string aliases_path; // empty: topic-aliases.txt beside the schema, if there
    std::size_t max_bytes = morgue::default_max_feed_bytes;
    bool quiet = false;
    std::vector<std::string> files;
    bool json = false;
    std::string content_type;
    std::string url;
};

void say(std::FILE* to, std::string_view line) {
    fmt::print(to, "{}: {}\n", prog, line);
}

morgue::TopicAliases topic_aliases(const Options& o) {
    if (!o.aliases_path.empty()) return morgue::load_topic_aliases(o.aliases_path);
    auto beside = std::filesystem::path(o.schema_path).parent_path() / "topic-aliases.txt";
    if (std::filesystem::exists(beside)) return morgue::load_topic_aliases(beside.string());
    return {};
}

int run_import(const Options& o) {
    if (o.db_path.empty()) throw morgue::UsageError("--db is required (or set MORGUE_DB)");
    morgue::Schema schema = morgue::load_schema_file(o.schema_path);
    morgue::ImportOptions options{o.max_bytes, topic_aliases(o)};
    morgue::Writer writer(o.db_path, schema);
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
                        s.files_ok, s.files_failed, s.added, s.updated, s.unchanged,
                        writer.document_count()));
    return s.files_failed ? morgue::exit_partial : morgue::exit_ok;
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
    app.add_option("--max-size", o.max_bytes, "largest feed accepted, in bytes")
        ->capture_default_str();
    app.add_flag("-q,--quiet", o.quiet, "print only warnings and errors");
    app.require_subcommand(1);

    auto* import =
        app.add_subcommand("import", "index local RSS/Atom feed files (one transaction)");
    import->add_option("FILE", o.files, "feed files")->required();
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
    return morgue::run_guarded(prog,
                               [&] { return import->parsed() ? run_import(o) : run_parse(o); });
}
