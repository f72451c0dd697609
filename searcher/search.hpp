// Running a query against a database: ranked results with their stored
// fields and a highlighted snippet.  Front ends (CLI text, JSON, later CGI)
// only format a SearchResult.
#pragma once

#include "facets.hpp"
#include "morgue/database.hpp"
#include "morgue/document.hpp"

#include <string>
#include <vector>

namespace morgue {

enum class Sort { relevance, date, date_ascending };

// What a resident process (FastCGI) keeps between searches
// (resident_memory.hpp).
struct ResidentMemory;

struct SearchRequest {
    std::string query;
    unsigned offset = 0;
    unsigned limit = 10;
    Sort sort = Sort::relevance;
    std::string since = {}, until = {};   // date bounds (see date_range.hpp); empty: open
    Filters filters = {};                 // --filter FIELD:VALUE
    std::vector<std::string> facets = {}; // fields to count
    unsigned facet_limit = 10;
    FacetMethod facet_method = FacetMethod::automatic; // tests force one
    bool collapse = false;      // fold copies of one story (same fingerprint)
    Xapian::docid similar = 0;  // articles like this one, instead of the query
    double recency_days = 0;    // half-life of a freshness boost; 0: none
    bool count_only = false;    // totals only, counted exactly
    double time_limit = 0;      // seconds; 0: none (see Enquire::set_time_limit)
    bool html_snippets = false; // also fill Hit::snippet_html
    bool strict = false;        // malformed syntax is a UsageError, not plain words, and
                                // a query means exactly what it says: never relaxed
    // A resident process's memory of earlier requests; null: all read afresh.
    ResidentMemory* resident = nullptr;
    std::string story = {}; // only the copies of this story (a Hit::story)
};

// How matched words are marked in snippets.
struct Highlight {
    std::string start, end;
};

struct Hit {
    unsigned rank = 0;               // 1-based, across pages
    Xapian::doccount duplicates = 0; // copies folded into this hit (--collapse)
    std::string story;               // its story's fingerprint, shared by its copies
    Xapian::docid docid = 0;
    double score = 0;
    int percent = 0;
    Article article;
    std::string snippet;      // one line, plain text plus the highlight markers
    std::string snippet_html; // the same, HTML-escaped, matches in <mark> (when asked for)
    std::string title;        // article.title with the highlight markers
    std::string title_html;   // the same, HTML-escaped, matches in <mark> (when asked for)
};

struct SearchResult {
    std::string query;
    Xapian::doccount total = 0; // number of matches: exact when total_exact, else an estimate
    bool total_exact = false;
    unsigned offset = 0, limit = 0;
    std::vector<Hit> hits = {};
    std::vector<Facet> facets = {};
    std::string corrected_query = {}; // "did you mean", when a word was unknown
    std::string query_note = {};      // what of the query's syntax was ignored, if any
    double elapsed_ms = 0;
    Xapian::doccount collapsed = 0;  // copies folded away in all (--collapse; estimated)
    bool time_limit_reached = false; // counts and results are what was found in time
    // Fewer than a page of articles had all of the words (all_words of them):
    // the results are articles with any of them, those with all ranked first.
    bool relaxed = false;
    Xapian::doccount all_words = 0;
    // Shards that could not be reached ("NAME: reason"): the results are the
    // other shards' (ReadDatabase::missing).
    std::vector<std::string> missing_shards = {};
};

constexpr unsigned max_limit = 1000;

// Throws UsageError for a malformed query (with `strict`), DatabaseError when
// the database fails.  Retries when the database is modified underneath.
// A relevance-ranked query whose words (joined by AND) find fewer than
// `limit` articles is relaxed (see QueryBuilder::relaxed), unless `strict`.
SearchResult search(ReadDatabase& db, const SearchRequest& request, const Highlight& highlight);

} // namespace morgue
