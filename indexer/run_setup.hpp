// What every morgue-indexer subcommand sets up the same way: the global
// options, the schema it writes with, the name lists (synonyms, topic
// aliases) it finds and stores, and where its lines go.
#pragma once

#include "import.hpp"
#include "morgue/console.hpp"
#include "morgue/database.hpp"
#include "morgue/schema.hpp"
#include "site_rules.hpp"
#include "topic_aliases.hpp"

#include <cstdio>
#include <string>

namespace morgue {

// The options before (or after) the subcommand.
struct GlobalOptions {
    std::string db_path;
    std::string schema_path;     // empty: the installed one (install_paths.hpp)
    std::string aliases_path;    // empty: topic-aliases.txt in /etc/morgue or beside the schema
    std::string synonyms_path;   // empty: synonyms.txt likewise
    std::string site_rules_path; // empty: site-rules.txt likewise
    std::size_t max_bytes = default_max_feed_bytes;
    bool quiet = false;
    bool pretty = false; // JSON indented for people, instead of one line
};

// Throws UsageError when there is no --db.
void require_db(const GlobalOptions& o);

// The schema a run writes with.  An existing database carries its own and
// needs no file, so a cron job goes on whatever becomes of the schema file;
// a --schema given is checked against it (by the writer).  A new database
// gets --schema or the installed one.  With `current` (rebuild), the file
// wins when there is one: rebuilding takes up the schema's changes.
Schema schema_for(const GlobalOptions& o, bool current = false);

// The synonym and topic-alias files: the one given, else the one in the
// configuration directory (/etc/morgue), else the one beside the schema,
// else none ("").
std::string synonyms_file(const GlobalOptions& o);
std::string aliases_file(const GlobalOptions& o);

TopicAliases topic_aliases(const GlobalOptions& o);

// The extraction rules for article pages (site_rules.hpp), from the file
// given, else site-rules.txt found as the name lists are; none without one.
std::vector<SiteRule> site_rules(const GlobalOptions& o);

// The name lists go into the database, so that searches use what the index
// was built with; a bad file stops the run before anything is written.
void store_name_lists(Writer& writer, const GlobalOptions& o);

// A run's lines: what was done on `info` (unless --quiet), problems on
// stderr, progress on the terminal's progress line.
Log run_log(const GlobalOptions& o, Progress& line, std::FILE* info = stdout);

} // namespace morgue
