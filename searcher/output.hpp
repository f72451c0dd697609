// Formatting a SearchResult for the command line.
#pragma once

#include "search.hpp"

#include <string>

namespace morgue {

// For people: rank, date, columnists, title, URL and a one-line snippet.
std::string format_text(const SearchResult& result);

// Just the number of matches (--count).
std::string format_count(const SearchResult& result);

// One JSON object; the schema is documented in README.md ("JSON output").
std::string format_json(const SearchResult& result);

} // namespace morgue
