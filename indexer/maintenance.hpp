// The operator's commands beyond indexing: keeping a database compact and
// whole, reporting on it, backing it up, and re-deriving it.  Each writing
// command runs under the caller's RunLock; compact and rebuild write a new
// generation and switch to it atomically (morgue/generation.hpp).
#pragma once

#include "import.hpp"
#include "morgue/database.hpp"
#include "site_rules.hpp"

#include <cstdint>
#include <cstdio>
#include <map>
#include <string>
#include <vector>

namespace morgue {

// Xapian's compactor into a new generation; docids are kept (they are what
// --similar and result pages name).  Returns the sizes before and after.
struct CompactStats {
    std::uintmax_t before = 0, after = 0;
};
CompactStats compact_database(const std::string& path);
// The size the database had after its last compaction (0: never compacted),
// kept in compacted_metadata_key (layout.hpp).
std::uintmax_t compacted_bytes(const Xapian::Database& db);
// Records the size of the freshly compacted database at `path` in that key.
void mark_compacted(const std::string& path);

// Xapian's consistency check plus Morgue's own (a schema, documents that
// read back).  Returns the problems found, one line each; none: intact.
std::vector<std::string> check_database(const std::string& path);

// Documents, date range, top columnists and topics, size, feeds: as text or JSON.
std::string database_stats(const std::string& path, bool json, bool pretty = false);

// A full backup as JSON lines: a header (format, schema, metadata), then one
// line per document with every stored field and the original item.
void export_jsonl(const std::string& path, std::FILE* out);
// Restores an export into `writer` (a new or compatible database); the
// export's metadata (feed states, synonyms) comes with it.  Returns the
// documents read.  Throws InputError naming file:line for a bad line.
// With `checkpoint_every`, commits that often (into a new generation only).
ArticleCounts import_jsonl(Writer& writer, const std::string& file, unsigned checkpoint_every = 0);
// The schema recorded in an export's header (for creating the database).
Schema export_schema(const std::string& file);

// Re-derives every document from its original item (and its stored page,
// read with `site_rules`: full_text.hpp) with the current schema, parser and
// topic aliases into a new generation, then switches to it.
// Items whose original no longer parses keep their stored fields (counted).
struct RebuildStats {
    unsigned documents = 0, reparsed = 0, kept = 0;
};
// `metadata` (synonyms, topic aliases: the files used now) replaces the copies.
// `languages` (feed URL -> code, a feed list's language=) refiles the
// articles of those feeds; the others keep the language they were filed under.
// `shards`: how many the new generation has (1: one database; 0: as many as
// now), each article in the one its id hashes to (shards.hpp).
RebuildStats rebuild_database(const std::string& path, const Schema& schema,
                              const TopicAliases& aliases,
                              const std::map<std::string, std::string>& metadata, const Log& log,
                              const std::map<std::string, std::string>& languages = {},
                              const std::vector<SiteRule>& site_rules = {}, unsigned shards = 0);

} // namespace morgue
