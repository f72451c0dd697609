// `morgue-indexer import`: local feed files into the database, one transaction.
#pragma once

#include "morgue/database.hpp"

#include <functional>
#include <string>
#include <string_view>
#include <vector>

namespace morgue {

struct ImportStats {
    unsigned files_ok = 0, files_failed = 0;
    unsigned added = 0, updated = 0, unchanged = 0;
};

// Where progress lines (`info`) and warnings and per-file errors (`problem`) go.
struct Log {
    std::function<void(std::string_view)> info, problem;
};

// Reads, parses and upserts each file; a file that cannot be read or parsed is
// reported through `log.problem` and skipped.  Does not commit.
ImportStats import_files(Writer& writer, const std::vector<std::string>& files, const Log& log);

// Largest feed file import reads; feeds are rarely over a few MB.
constexpr std::size_t max_feed_bytes = 64 << 20;

} // namespace morgue
