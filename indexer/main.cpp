// morgue-indexer: feeds into a Morgue (Xapian) database.
#include "import.hpp"
#include "morgue/errors.hpp"
#include "morgue/main_guard.hpp"
#include "morgue/schema.hpp"

#include <CLI/CLI.hpp>
#include <cstdio>
#include <fmt/format.h>

#ifndef MORGUE_VERSION
#define MORGUE_VERSION "unknown"
#endif

namespace {

constexpr const char* prog = "morgue-indexer";

void say(std::FILE* to, std::string_view line) {
    fmt::print(to, "{}: {}\n", prog, line);
}

int run_import(const std::string& db_path, const std::string& schema_path,
               const std::vector<std::string>& files, bool quiet) {
    morgue::Schema schema = morgue::load_schema_file(schema_path);
    morgue::Writer writer(db_path, schema);
    morgue::Log log{[&](std::string_view l) {
                        if (!quiet) say(stdout, l);
                    },
                    [](std::string_view l) { say(stderr, l); }};
    auto s = morgue::import_files(writer, files, log);
    writer.commit();
    if (!quiet || s.files_failed)
        say(s.files_failed ? stderr : stdout,
            fmt::format("{} files indexed, {} failed; {} articles new, {} updated, {} unchanged; "
                        "{} in the database",
                        s.files_ok, s.files_failed, s.added, s.updated, s.unchanged,
                        writer.document_count()));
    return s.files_failed ? morgue::exit_partial : morgue::exit_ok;
}

} // namespace

int main(int argc, char** argv) {
    CLI::App app{"morgue-indexer: indexes RSS and Atom feeds into a Morgue search database.\n"
                 "Exit codes: 0 all inputs indexed, 1 some inputs failed (the rest are indexed),\n"
                 "2 usage error, 3 database error.",
                 prog};
    app.set_version_flag("--version", std::string("morgue-indexer ") + MORGUE_VERSION);
    std::string db_path, schema_path = MORGUE_SCHEMA_PATH;
    bool quiet = false;
    app.add_option("--db", db_path, "database directory")->envname("MORGUE_DB")->required();
    app.add_option("--schema", schema_path, "schema for a new database")
        ->envname("MORGUE_SCHEMA")
        ->capture_default_str();
    app.add_flag("-q,--quiet", quiet, "print only warnings and errors");
    app.require_subcommand(1);

    std::vector<std::string> files;
    auto* import =
        app.add_subcommand("import", "index local RSS/Atom feed files (one transaction)");
    import->add_option("FILE", files, "feed files")->required();

    // Line-buffered even into a log file, so that cron logs and tests see each
    // file's line as it happens.
    std::setvbuf(stdout, nullptr, _IOLBF, 0);
    try {
        app.parse(argc, argv);
    } catch (const CLI::ParseError& e) {
        return app.exit(e) == 0 ? morgue::exit_ok : morgue::exit_usage;
    }
    return morgue::run_guarded(prog, [&] {
        if (import->parsed()) return run_import(db_path, schema_path, files, quiet);
        return int(morgue::exit_usage);
    });
}
