#include "morgue/name_groups.hpp"

#include "morgue/database.hpp"
#include "morgue/errors.hpp"
#include "morgue/text.hpp"

#include <algorithm>
#include <cerrno>
#include <cstring>
#include <fmt/format.h>
#include <fstream>
#include <sstream>
#include <unordered_map>

namespace morgue {

namespace {

// The one rule of every name list: a name is in one group only.
void check_one_group_each(const std::vector<NameGroup>& groups, std::string_view origin) {
    std::unordered_map<std::string, const NameGroup*> seen;
    for (const NameGroup& g : groups)
        for (const auto& name : g.names) {
            auto [it, fresh] = seen.emplace(casefold(name), &g);
            if (!fresh && it->second != &g)
                throw ConfigError({std::string(origin), static_cast<unsigned>(g.line)},
                                  fmt::format("\"{}\" is already in the group of \"{}\" (line {})",
                                              name, it->second->names.front(), it->second->line));
        }
}

} // namespace

std::vector<NameGroup> parse_name_groups(std::string_view text, std::string_view origin) {
    std::vector<NameGroup> groups;
    std::size_t start = 0, number = 0;
    while (start < text.size()) {
        std::size_t end = std::min(text.find('\n', start), text.size());
        ++number;
        std::string line = collapse_spaces(
            text.substr(start, end - start).substr(0, text.substr(start, end - start).find('#')));
        start = end + 1;
        if (line.empty()) continue;
        NameGroup g{number, {}};
        std::size_t from = 0;
        while (from <= line.size()) {
            std::size_t bar = std::min(line.find('|', from), line.size());
            std::string name = collapse_spaces(line.substr(from, bar - from));
            if (name.empty())
                throw ConfigError({std::string(origin), static_cast<unsigned>(number)},
                                  "empty name");
            g.names.push_back(std::move(name));
            from = bar + 1;
        }
        if (g.names.size() < 2)
            throw ConfigError({std::string(origin), static_cast<unsigned>(number)},
                              "expected \"name | other name ...\"");
        groups.push_back(std::move(g));
    }
    check_one_group_each(groups, origin);
    return groups;
}

std::unordered_map<std::string, std::string> first_names(const std::vector<NameGroup>& groups) {
    std::unordered_map<std::string, std::string> out;
    for (const NameGroup& g : groups)
        for (const auto& name : g.names)
            out.emplace(casefold(name), g.names.front());
    return out;
}

std::string checked_name_list(const std::string& path, std::string_view what) {
    std::string text = path.empty() ? "" : read_text_file(path, what);
    parse_name_groups(text, path);
    return text;
}

void store_name_list(Writer& writer, const char* key, const std::string& path,
                     std::string_view what) {
    std::string text = checked_name_list(path, what); // nothing is written from a bad file
    if (writer.metadata(key) != text) writer.set_metadata(key, text);
}

std::vector<NameGroup> stored_name_groups(const Xapian::Database& db, const char* key) {
    try {
        return parse_name_groups(db.get_metadata(key), key);
    } catch (const ConfigError&) {
        return {}; // checked when stored: a damaged copy only loses the list
    }
}

std::string read_text_file(const std::string& path, std::string_view what) {
    std::ifstream in(path, std::ios::binary);
    if (!in)
        throw ConfigError({path}, fmt::format("cannot read {}: {}", what, std::strerror(errno)));
    std::ostringstream text;
    text << in.rdbuf();
    return text.str();
}

} // namespace morgue
