#include "site_rules.hpp"

#include "morgue/errors.hpp"
#include "morgue/text.hpp"

#include <fmt/format.h>
#include <fstream>
#include <pugixml.hpp>
#include <sstream>

namespace morgue {

namespace {

SiteRule& rule_of(std::vector<SiteRule>& rules, const std::string& host) {
    for (auto& r : rules)
        if (r.host == host) return r;
    return rules.emplace_back(SiteRule{.host = host});
}

} // namespace

std::vector<SiteRule> parse_site_rules(std::string_view text, std::string_view origin) {
    std::vector<SiteRule> rules;
    std::istringstream in{std::string(text)};
    std::string line;
    for (unsigned n = 1; std::getline(in, line); ++n) {
        Subject where{.file = std::string(origin), .line = n};
        std::string l = collapse_spaces(line);
        if (l.empty() || l.front() == '#') continue;
        auto host_end = l.find(' ');
        auto field_end = host_end == std::string::npos ? host_end : l.find(' ', host_end + 1);
        if (field_end == std::string::npos)
            throw ConfigError(where, "not a rule: expected HOST FIELD XPATH");
        std::string host = ascii_lower(l.substr(0, host_end));
        std::string field = l.substr(host_end + 1, field_end - host_end - 1);
        std::string xpath = l.substr(field_end + 1);
        try {
            pugi::xpath_query compiled(xpath.c_str());
        } catch (const pugi::xpath_exception& e) {
            throw ConfigError(where, fmt::format("not an XPath: \"{}\": {}", xpath, e.what()));
        }
        SiteRule& r = rule_of(rules, host);
        if (field == "body")
            r.body = xpath;
        else if (field == "byline")
            r.byline = xpath;
        else if (field == "drop")
            r.drop = xpath;
        else
            throw ConfigError(where,
                              fmt::format("unknown field \"{}\": body, byline or drop", field));
    }
    return rules;
}

std::vector<SiteRule> read_site_rules(const std::string& path) {
    std::ifstream in(path, std::ios::binary);
    if (!in) throw ConfigError({.file = path}, "cannot read site rules");
    std::ostringstream s;
    s << in.rdbuf();
    return parse_site_rules(s.str(), path);
}

const SiteRule* rule_for(const std::vector<SiteRule>& rules, std::string_view host) {
    const SiteRule* best = nullptr;
    for (const auto& r : rules) {
        if (r.host == host) return &r;
        bool domain = r.host.starts_with('.') &&
                      (host.ends_with(r.host) || host == std::string_view(r.host).substr(1));
        if (domain && (!best || r.host.size() > best->host.size())) best = &r;
    }
    return best;
}

} // namespace morgue
