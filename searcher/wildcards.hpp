// Wildcards expanded over the whole archive before Xapian sees them.
// Xapian 1.4 expands an OP_WILDCARD in each database of a multi-database on
// its own (its own most frequent words) and weighs the expansion by that
// database's estimate, so a sharded archive would score polit* otherwise
// than one database holding the same articles.  Instead, a wildcard word of
// the query text becomes a field of its own (polit* is "<marker>:polit",
// title:polit* "<marker>title:polit"), whose FieldProcessor returns the
// OP_SYNONYM of the words chosen by archive-wide term frequencies: the same
// words and the same statistics in every shard, local or remote.
#pragma once

#include <map>
#include <string>
#include <string_view>
#include <unordered_map>
#include <xapian.h>

namespace morgue {

// The field that expands `word*` in the text field `field` ("" for the
// default, unprefixed search): `field` is a field name of the schema.
std::string wildcard_field(std::string_view field);

// Whether Xapian would read `word` (without its '*') as one term, so that the
// field's expansion is exactly what its OP_WILDCARD would have been: word
// characters only, and no CJK (which the parser splits into n-grams).
// Others stay Xapian's own wildcards.
bool expandable_word(std::string_view word);

class WildcardExpander {
  public:
    explicit WildcardExpander(Xapian::Database db) : db_(std::move(db)) {}
    WildcardExpander(const WildcardExpander&) = delete; // the parser's processors point here
    WildcardExpander& operator=(const WildcardExpander&) = delete;
    // Registers wildcard_field() of each text field (name -> term prefix),
    // and of the default search, with `qp`.
    void add_to(Xapian::QueryParser& qp,
                const std::unordered_map<std::string, std::string>& text_prefixes);
    // As QueryParser::set_max_expansion: each wildcard of the next parses
    // expands to at most `max` words, the most frequent or the first.
    void set_limit(Xapian::termcount max, int limit);
    // The words of the archive that begin with `pattern` (a term prefix and
    // a lower-case word), as their OP_SYNONYM; MatchNothing when there are
    // none.  Remembered until forget(), as parses repeat them.
    Xapian::Query expand(const std::string& pattern);
    void forget() { expansions_.clear(); }

  private:
    Xapian::Database db_;
    Xapian::termcount max_ = 0;
    int limit_ = Xapian::Query::WILDCARD_LIMIT_MOST_FREQUENT;
    std::map<std::string, Xapian::Query> expansions_;
};

} // namespace morgue
