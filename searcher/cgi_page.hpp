// Rendering the CGI page's documents from templates (templates/ beside the
// sources, installed under share/morgue): the HTML result page and the
// OpenSearch description.  ctemplate escapes every value for its context
// (element text, attribute, URL, XML); no markup is built in C++ except the
// fixed 503 page, which carries no request data.
#pragma once

#include "cgi_config.hpp"
#include "cgi_request.hpp"
#include "search.hpp"
#include "stored_copy.hpp"

#include <string>

namespace morgue {

struct PageContext {
    const CgiConfig& config;
    std::string script_url;  // absolute URL of the script, for feeds and OpenSearch
    std::string script_path; // its path on this server, for links within the page
    const Params& params;
    const PageRequest& request;
};

// Snippet markers the page asks search() for: control characters that no
// stored text carries, turned into <mark> by the template.
inline const Highlight page_highlight{"\x01", "\x02"};

// Throws DatabaseError when a template is missing or broken.  `like`: the
// article a ?similar= search's results are like.
std::string render_html(const PageContext& context, const SearchResult& result,
                        const Article* like = nullptr);
// An article's stored copy (?doc=ID).
std::string render_copy_html(const PageContext& context, const StoredCopy& copy);
// The same page with an error message instead of results (a bad query).
std::string render_error_html(const PageContext& context, const std::string& message);
std::string render_opensearch(const PageContext& context);

// A page for when the archive cannot answer; no details (they go to the log).
std::string unavailable_html();

// `url` with `params` as its query string (none when empty).
std::string link_to(const std::string& url, const Params& params);

} // namespace morgue
