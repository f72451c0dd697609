#include "robots.hpp"

#include "morgue/text.hpp"

#include <charconv>
#include <sstream>

namespace morgue {

namespace {

// `*` any run, `$` at the end anchors; otherwise a prefix match.
bool matches(std::string_view pattern, std::string_view path) {
    bool anchored = pattern.ends_with('$');
    if (anchored) pattern.remove_suffix(1);
    // Backtracking over '*' with the last star's position: linear enough
    // for robots.txt's short patterns.
    std::size_t p = 0, s = 0, star = std::string_view::npos, mark = 0;
    while (s < path.size()) {
        if (p < pattern.size() && pattern[p] == '*') {
            star = p++, mark = s;
        } else if (p < pattern.size() && pattern[p] == path[s]) {
            ++p, ++s;
        } else if (p == pattern.size() && !anchored) {
            return true;
        } else if (star != std::string_view::npos) {
            p = star + 1, s = ++mark;
        } else {
            return false;
        }
    }
    while (p < pattern.size() && pattern[p] == '*')
        ++p;
    return p == pattern.size();
}

struct Line {
    std::string key, value;
};

std::optional<Line> line_of(std::string raw) {
    if (auto hash = raw.find('#'); hash != std::string::npos) raw.erase(hash);
    auto colon = raw.find(':');
    if (colon == std::string::npos) return std::nullopt;
    return Line{ascii_lower(collapse_spaces(raw.substr(0, colon))),
                collapse_spaces(raw.substr(colon + 1))};
}

} // namespace

Robots Robots::disallow_all() {
    Robots r;
    r.rules_.push_back({false, "/"});
    return r;
}

Robots Robots::parse(std::string_view text, std::string_view product) {
    std::string ours = ascii_lower(product);
    // Groups: a run of user-agent lines, then rules.  Ours is every group
    // naming our product; failing that, every group naming `*`.
    Robots mine, star;
    bool have_mine = false, have_star = false;
    bool in_agents = false, group_mine = false, group_star = false;
    std::istringstream in{std::string(text)};
    std::string raw;
    while (std::getline(in, raw)) {
        auto l = line_of(raw);
        if (!l) continue;
        if (l->key == "user-agent") {
            if (!in_agents) group_mine = group_star = false;
            in_agents = true;
            std::string agent = ascii_lower(l->value);
            if (agent == "*")
                group_star = have_star = true;
            else if (agent == ours)
                group_mine = have_mine = true;
            continue;
        }
        in_agents = false;
        for (Robots* to : {group_mine ? &mine : nullptr, group_star ? &star : nullptr}) {
            if (!to) continue;
            if (l->key == "allow" || l->key == "disallow") {
                if (!l->value.empty()) to->rules_.push_back({l->key == "allow", l->value});
            } else if (l->key == "crawl-delay") {
                double d = 0;
                auto [p, ec] =
                    std::from_chars(l->value.data(), l->value.data() + l->value.size(), d);
                if (ec == std::errc() && d >= 0) to->crawl_delay_ = d;
            }
        }
    }
    return have_mine ? mine : have_star ? star : Robots{};
}

bool Robots::allowed(std::string_view path) const {
    if (path == "/robots.txt") return true;
    std::size_t best = 0;
    bool allow = true, any = false;
    for (const auto& r : rules_) {
        if (!matches(r.pattern, path)) continue;
        std::size_t length = r.pattern.size();
        if (!any || length > best || (length == best && r.allow)) {
            allow = r.allow, best = length, any = true;
        }
    }
    return allow;
}

} // namespace morgue
