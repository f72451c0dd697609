// The query language: Xapian's QueryParser configured from the schema, plus a
// syntax check, because QueryParser silently re-reads a malformed query as
// plain words and the user should hear about it instead.
#pragma once

#include "morgue/database.hpp"
#include "morgue/name_groups.hpp"

#include <set>
#include <string>
#include <string_view>
#include <unordered_map>
#include <xapian.h>

namespace morgue {

// Field prefixes (title:, columnist:, topic:, feed:, year:) come from the
// schema.  Keeps what the QueryParser needs alive for highlighting later.
class QueryBuilder {
  public:
    explicit QueryBuilder(const ReadDatabase& db);
    // An empty query matches every document; one of -words only, every
    // document without them.  A query that is not valid syntax (a stray "(",
    // a dangling OR, a bad date) is searched as plain words, and note() says
    // what was ignored; with `strict`, it throws UsageError ("query: ...")
    // instead.  Over-long queries throw either way.
    Xapian::Query parse(std::string_view text, bool strict = false);
    const std::string& note() const { return note_; }
    const Xapian::Stem& stemmer() const { return stemmer_; }
    // The query with unknown words replaced by the likeliest known ones, from
    // the spelling data the indexer collects; empty when nothing was changed.
    const std::string& corrected() const { return corrected_; }

  private:
    Xapian::Query parse_checked(std::string q);
    Xapian::Query parse_words(const std::string& q);
    std::set<std::string> wildcard_stems(std::string_view q) const;
    bool wildcards_scan_too_much(std::string_view q) const;
    bool conflates(const Xapian::Query& stemmed, const Xapian::Query& exact) const;

    Xapian::Database db_;
    std::vector<NameGroup> synonyms_;
    std::unordered_map<std::string, std::string> text_prefixes_; // field name -> term prefix
    Xapian::QueryParser qp_;
    Xapian::Stem stemmer_;
    std::string corrected_;
    std::string note_;                  // what a lenient parse ignored
    std::set<std::string> field_names_; // "Meyers:" is a word, "title:" a field
    std::string date_error_;            // set by the date processors during a parse
};

// `query` with each unknown word (no document has it) replaced by the closest
// word in the database's spelling data; with `rare_too` (for queries with few
// results), also each very rare word that has a far commoner neighbour.
// Empty when nothing was replaced.
std::string suggest_correction(const Xapian::Database& db, std::string_view query,
                               bool rare_too = false);

// Limits that keep a query cheap: its length in bytes and its number of words.
constexpr std::size_t max_query_bytes = 1024;
constexpr std::size_t max_query_words = 64;

// Throws UsageError naming the column of the first problem: unbalanced
// parentheses, a boolean operator without an operand, an empty field value,
// or a query over the limits above.  With `fields`, a "name:" that names
// none of them is a word, not an empty field.
void check_query_syntax(std::string_view text, const std::set<std::string>* fields = nullptr);
void check_query_limits(std::string_view text);

} // namespace morgue
