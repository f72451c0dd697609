// Formatting a SearchResult for the command line.
#pragma once

#include "search.hpp"
#include "stored_copy.hpp"

#include <string>

namespace morgue {

// For people: rank, date, columnists, title, URL and a one-line snippet.
std::string format_text(const SearchResult& result);

// Just the number of matches (--count).
std::string format_count(const SearchResult& result);

// Where an Atom feed of results lives, when it is served (the CGI page).
struct AtomLinks {
    std::string self;      // the feed's own URL
    std::string alternate; // the HTML page of the same search
};

// An Atom 1.0 feed of the results (--format atom), so that a saved search can
// be followed in a feed reader; its id is stable for a given query.
std::string format_atom(const SearchResult& result, const std::string& generator,
                        const AtomLinks& links = {});

// One JSON object on one line (indented if `pretty`); the schema is
// documented in README.md ("JSON output").
std::string format_json(const SearchResult& result, bool pretty = false);

// An article's stored copy: its docid, its fields (article_json.hpp's
// names, `captured` included) and its title and whole text as HTML with the
// query's words in <mark> (title_html, text_html).
std::string format_copy_json(const StoredCopy& copy, bool pretty = false);

} // namespace morgue
