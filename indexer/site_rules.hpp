// Per-site extraction rules, for pages the extractor's heuristic reads
// wrongly: a text file, one rule a line, `HOST FIELD XPATH`, where FIELD is
// `body` (the elements holding the article's paragraphs), `byline` (the
// element naming who wrote it) or `drop` (elements to leave out of the
// body).  HOST is a host name ("www.example.com") or, starting with a dot,
// a domain and its subdomains (".example.com").  '#' starts a comment line.
// XPath is XPath 1.0 over the page's tree (html_tree.hpp).
#pragma once

#include <string>
#include <string_view>
#include <vector>

namespace morgue {

struct SiteRule {
    std::string host;
    std::string body = {}, byline = {}, drop = {}; // XPath expressions; empty: the heuristic's
};

// Throws ConfigError naming file:line for a line that is not a rule, a
// field that is not one of the three, or an XPath that does not compile.
std::vector<SiteRule> parse_site_rules(std::string_view text, std::string_view origin);
std::vector<SiteRule> read_site_rules(const std::string& path);

// The rule for `host` (lower case): the exact host's, else the longest
// matching domain's; nullptr when none.
const SiteRule* rule_for(const std::vector<SiteRule>& rules, std::string_view host);

} // namespace morgue
