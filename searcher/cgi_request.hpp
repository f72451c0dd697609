// The CGI page's request: the query string decoded into parameters, and the
// search they ask for.  Pure functions of their input, so that tests need no
// server.  Malformed or over-long input throws HttpError with the status to
// answer and a one-line message a reader can act on.
#pragma once

#include "search.hpp"

#include <algorithm>
#include <stdexcept>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace morgue {

struct HttpError : std::runtime_error {
    HttpError(int status, const std::string& message)
        : std::runtime_error(message), status(status) {}
    int status;
};

// Caps on what a request may carry; `q` is bounded by the query string
// alone (see max_query_bytes).
constexpr std::size_t max_query_string = 8192;
constexpr std::size_t max_parameters = 64;
constexpr std::size_t max_value_bytes = 1024;
constexpr unsigned max_page = 100;
constexpr unsigned page_size = 10;

// Parameters in request order; names may repeat.
using Params = std::vector<std::pair<std::string, std::string>>;

// application/x-www-form-urlencoded, as browsers send a GET form: '+' is a
// space, %XX a byte; invalid UTF-8 is repaired.  Throws HttpError 414/400.
Params parse_query_string(std::string_view query_string);

// The inverse, for links: every byte but unreserved ones percent-encoded.
std::string encode_query_string(const Params& params);

std::vector<std::string> values_of(const Params& params, std::string_view name);
std::string value_of(const Params& params, std::string_view name); // first, or ""

enum class Format { html, json, atom, opensearch };

// The filter fields the page offers, in the order of its sidebar.  Months
// are counted only within one chosen year (page_request).
inline const std::vector<std::string> page_filter_fields = {"columnist", "topic", "credit",
                                                            "language",  "year",  "month"};

// Values a facet shows: the most frequent first; up to facet_more_values
// once the reader asks for more of it.
constexpr unsigned facet_values = 10, facet_more_values = 100;

struct PageRequest {
    SearchRequest search;
    Format format = Format::html;
    unsigned page = 1;
    std::vector<std::string> more; // facets shown with facet_more_values
    std::string doc;               // an article's id: its stored copy, not a search
    std::string similar;           // an article's id: the articles like it
    // Values each facet shows; the search counts one more, to know that
    // there are more than it shows.
    unsigned shown_values() const { return more.empty() ? facet_values : facet_more_values; }
    bool shows_more(const std::string& field) const {
        return std::find(more.begin(), more.end(), field) != more.end();
    }
};

// q, columnist/topic/credit/language/year/month (repeatable), since, until,
// sort (relevance|newest|oldest), page, format, collapse (0|1: copies of one
// story folded, the default), story (only its copies), more (a facet to
// show more values of), doc (an article's id: its stored copy, the words
// of q marked), similar (an article's id: articles like it, best first);
// other names are ignored.  Without a query, similar or a sort, the newest
// articles come first.
PageRequest page_request(const Params& params);

} // namespace morgue
