// The query language: Xapian's QueryParser configured from the schema, plus a
// syntax check, because QueryParser silently re-reads a malformed query as
// plain words and the user should hear about it instead.
#pragma once

#include "morgue/database.hpp"

#include <string>
#include <string_view>
#include <xapian.h>

namespace morgue {

// Field prefixes (title:, columnist:, topic:, feed:, year:) come from the
// schema.  Keeps what the QueryParser needs alive for highlighting later.
class QueryBuilder {
  public:
    explicit QueryBuilder(const ReadDatabase& db);
    // Throws UsageError ("query: ...") for malformed queries.  An empty query
    // matches every document.
    Xapian::Query parse(std::string_view text);
    const Xapian::Stem& stemmer() const { return stemmer_; }

  private:
    Xapian::QueryParser qp_;
    Xapian::Stem stemmer_;
};

// Throws UsageError naming the column of the first problem: unbalanced
// parentheses, a boolean operator without an operand, an empty field value.
void check_query_syntax(std::string_view text);

} // namespace morgue
