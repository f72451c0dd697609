// `morgue-indexer import`: local feed files into the database, one transaction;
// and index_feed(), which `fetch` shares.
#pragma once

#include "feed_file.hpp"
#include "morgue/database.hpp"
#include "site_rules.hpp"
#include "topic_aliases.hpp"

#include <cstdint>
#include <functional>
#include <string>
#include <string_view>
#include <vector>

namespace morgue {

struct Feed;

struct ArticleCounts {
    unsigned added = 0, updated = 0, unchanged = 0;
    unsigned total() const { return added + updated + unchanged; }
    void count(Writer::Outcome o) {
        ++(o == Writer::Outcome::added     ? added
           : o == Writer::Outcome::updated ? updated
                                           : unchanged);
    }
    ArticleCounts& operator+=(const ArticleCounts& o) {
        added += o.added, updated += o.updated, unchanged += o.unchanged;
        return *this;
    }
};

struct ImportStats {
    unsigned files_ok = 0, files_failed = 0;
    ArticleCounts articles;
    ImportStats& operator+=(const ImportStats& o) {
        files_ok += o.files_ok, files_failed += o.files_failed, articles += o.articles;
        return *this;
    }
};

// Where a run's lines go: what was done (`info`), warnings and per-input
// errors (`problem`), and how far it has got (`progress`, "3/14 files"; a
// terminal's progress line, or nothing).
struct Log {
    std::function<void(std::string_view)> info, problem;
    std::function<void(std::string_view)> progress = {};
};

struct ImportOptions {
    std::size_t max_bytes = default_max_feed_bytes;
    TopicAliases topic_aliases = {};
    // Commit after a file once this many articles are pending (0: never), so
    // that memory stays bounded; only for a new generation, which no searcher sees.
    unsigned checkpoint_every = 0;
    std::string language = {}; // a language code for every item, whatever the feed says
    std::vector<SiteRule> site_rules = {};
};

// Upserts the entries of a parsed feed (topic aliases applied; each
// article's page, fetched now or stored before, read with `site_rules`:
// full_text.hpp), passing each warning, prefixed with `name`, to `warn`.
// Empty items are skipped.
ArticleCounts index_feed(Writer& writer, Feed& feed, const TopicAliases& aliases,
                         const std::vector<SiteRule>& site_rules, const std::string& name,
                         const std::function<void(std::string_view)>& warn);

// Reads, parses and upserts each file; a file that cannot be read or parsed is
// reported through `log.problem` and skipped.  Does not commit.
ImportStats import_files(Writer& writer, const std::vector<std::string>& files,
                         const ImportOptions& options, const Log& log);

// The positive whole number in the environment variable `name` (a tuning
// knob), else `fallback`.
std::uintmax_t env_number(const char* name, std::uintmax_t fallback);

// True if there is nothing at `path` to lose by replacing it whole: no
// database, or one without documents.
bool new_or_empty(const std::string& path);

// A bulk load into a new or empty database on `jobs` cores.  The files, split
// in order into runs of about equal size (a multiple of `jobs`, each at most
// about MORGUE_SHARD_BYTES, 256 MiB by default), are indexed into a shard each
// by `jobs` child processes (`prepare` first: metadata), with options.checkpoint_every.
// An article found in more than one shard is kept once, as one writer taking
// the files in order would keep it.  Xapian's compactor then merges the shards
// into a new generation, which replaces the database: one database, or an
// archive of `archive_shards` shards (above 1; shards.hpp).  If anything
// fails, the database is left as it was.
ImportStats bulk_import(const std::string& db_path, const Schema& schema,
                        const std::vector<std::string>& files, const ImportOptions& options,
                        unsigned jobs, std::size_t archive_shards,
                        const std::function<void(Writer&)>& prepare, const Log& log);

} // namespace morgue
