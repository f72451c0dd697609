// Whole search results kept by a resident searcher (FastCGI) for the
// searches readers repeat: the same words from many readers while a story
// runs, a reload, the back button.  A result depends only on the archive's
// revision and the request (words, page, sort, dates, filters, facets,
// highlighting), which make the key, so an entry is never stale: a commit or
// a new generation is another key.  Not kept: a result the time limit cut
// short, and a search boosted by recency (its scores move with the clock).
// Bounded: at most `capacity` results (a page of ten hits with snippets and
// facets is about 10 KB), the least recently used going first.
#pragma once

#include "lru_cache.hpp"
#include "search.hpp"

#include <cstddef>
#include <optional>
#include <string>

namespace morgue {

class ResultCache {
  public:
    explicit ResultCache(std::size_t capacity = 256) : entries_(capacity) {}

    // The key of a request against `db` (its filters in canonical form), or
    // "" when its result may not be kept.
    static std::string key(const ReadDatabase& db, const SearchRequest& req, const Highlight& hl);

    std::optional<SearchResult> find(const std::string& key) {
        if (key.empty()) return std::nullopt;
        return entries_.find(key);
    }
    void store(const std::string& key, const SearchResult& result) {
        if (!key.empty() && !result.time_limit_reached) entries_.store(key, result);
    }

    std::size_t size() const { return entries_.size(); }
    std::size_t hits() const { return entries_.hits(); }
    std::size_t misses() const { return entries_.misses(); }

  private:
    LruCache<SearchResult> entries_;
};

} // namespace morgue
