// morgue-indexer's subcommands: each one's options and its body, which lives
// in the file named after it (import.cpp, fetch.cpp, nightly.cpp, rebuild.cpp,
// compact.cpp, check.cpp, stats.cpp, archive.cpp for export and restore,
// feeds.cpp, parse.cpp, extract.cpp).  main.cpp reads the command line into these and
// calls one; each returns its exit code (errors.hpp) or throws.
#pragma once

#include "fetcher.hpp"
#include "run_setup.hpp"

#include <string>
#include <vector>

namespace morgue {

struct ImportCommand {
    std::vector<std::string> files;
    bool jsonl = false;   // the files are exports: a restore
    unsigned jobs = 1;    // into a new or empty database: processes
    unsigned shards = 0;  // into a new or empty database: an archive of so many (0: one database)
    std::string language; // a code for every item, whatever the feed says
};
int run_import(const GlobalOptions& o, const ImportCommand& c);
// import --jsonl (archive.cpp): all or nothing; a bad line is exit 2.
int run_restore(const GlobalOptions& o, const ImportCommand& c);

struct FetchCommand {
    std::vector<std::string> urls; // besides the feed list's
    std::string feeds_file;
    std::string language; // for every feed without a language= of its own
    FetchOptions http;
    bool full_text = false;  // fetch the article pages of summaries (full_text.hpp)
    double page_delay = 1.0; // seconds between two page requests to one host
    bool json = false;
    bool verbose = false;
};
int run_fetch(const GlobalOptions& o, const FetchCommand& c);

struct NightlyCommand {
    FetchCommand fetch;
    double compact_growth = 50; // compact past this % growth since the last compaction
};
int run_nightly(const GlobalOptions& o, const NightlyCommand& c);

struct RebuildCommand {
    std::string feeds_file; // whose language= refiles those feeds' articles
    unsigned shards = 0;    // the new generation's (0: as many as now)
};
int run_rebuild(const GlobalOptions& o, const RebuildCommand& c);

int run_compact(const GlobalOptions& o);
int run_check(const GlobalOptions& o);

struct StatsCommand {
    bool json = false;
};
int run_stats(const GlobalOptions& o, const StatsCommand& c);

struct ExportCommand {
    std::string output; // a file instead of stdout, written whole or not at all
};
int run_export(const GlobalOptions& o, const ExportCommand& c);

struct FeedsCommand {
    bool json = false;
};
int run_feeds(const GlobalOptions& o, const FeedsCommand& c);

struct ParseCommand {
    std::vector<std::string> files;
    bool json = false;
    std::string content_type, content_language, url, language;
};
int run_parse(const GlobalOptions& o, const ParseCommand& c);

// extract.cpp: article pages saved as files, read as fetch --full-text reads them.
struct ExtractCommand {
    std::vector<std::string> files;
    bool json = false;
    std::string content_type, url; // as a server sent them: charset; the host's site rule
};
int run_extract(const GlobalOptions& o, const ExtractCommand& c);

} // namespace morgue
