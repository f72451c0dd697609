// What a resident process (FastCGI) keeps between searches, never stale
// (each keyed by the archive's revision): whole results of searches made
// before (result_cache.hpp), their facet counts (facet_cache.hpp), each
// document's facet values (facet_columns.hpp) and the query parser with its
// recent parses (query_memory.hpp).
#pragma once

#include "facet_cache.hpp"
#include "facet_columns.hpp"
#include "query_memory.hpp"
#include "result_cache.hpp"

namespace morgue {

struct ResidentMemory {
    ResultCache results;
    FacetCache facet_counts;
    FacetColumns facet_columns;
    QueryMemory queries;
};

} // namespace morgue
