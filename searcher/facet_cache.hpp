// Facet counts kept by a resident searcher (FastCGI) for the searches
// readers repeat: page 2 of a search, the same search from another reader,
// a sort changed.  Counting every match is the costly part of a faceted
// page; its result depends only on the archive's revision, the query (with
// its dates), the filters and the fields counted, which make the key, so an
// entry is never stale: a commit or a new generation is another key.
// Bounded: at most `capacity` entries, the least recently used going first.
#pragma once

#include "facets.hpp"
#include "lru_cache.hpp"

#include <cstddef>
#include <optional>
#include <string>

namespace morgue {

class FacetCache {
  public:
    explicit FacetCache(std::size_t capacity = 512) : entries_(capacity) {}

    // The key of a facet pass: the database's identity and revision, the
    // query, the filters, the fields and the limit; "" when nothing may be
    // kept (memory_key()).
    static std::string key(const ReadDatabase& db, const Xapian::Query& query,
                           const Filters& filters, const std::vector<std::string>& fields,
                           unsigned limit);

    std::optional<FacetCounts> find(const std::string& key) {
        if (key.empty()) return std::nullopt;
        return entries_.find(key);
    }
    // Only complete counts are kept (a pass the time limit stopped is not).
    void store(const std::string& key, const FacetCounts& counts) {
        if (!key.empty() && counts.complete) entries_.store(key, counts);
    }

    std::size_t size() const { return entries_.size(); }
    std::size_t hits() const { return entries_.hits(); }
    std::size_t misses() const { return entries_.misses(); }

  private:
    LruCache<FacetCounts> entries_;
};

} // namespace morgue
