// A resident searcher's query parser (FastCGI): built once per archive
// revision, since building it reads the archive's synonyms, topic aliases,
// languages and stopword lists, and remembering its last parses there (a
// reader's page 2, the same search from another reader).  Never stale: a
// commit or a new generation (another memory_key) builds it afresh.
// Memory: at most `capacity` parses, a query tree each (a few KB).
#pragma once

#include "query.hpp"

#include <cstddef>
#include <memory>
#include <string>

namespace morgue {

class QueryMemory {
  public:
    explicit QueryMemory(std::size_t capacity = 256) : capacity_(capacity) {}

    // The builder for `db` as it is now.  Valid until the next call.
    QueryBuilder& builder(const ReadDatabase& db);
    // How many builders were made: one per revision seen.
    std::size_t builds() const { return builds_; }

  private:
    std::size_t capacity_;
    std::string revision_;
    std::unique_ptr<QueryBuilder> builder_;
    std::size_t builds_ = 0;
};

} // namespace morgue
