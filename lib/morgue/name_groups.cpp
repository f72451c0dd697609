#include "morgue/name_groups.hpp"

#include "morgue/errors.hpp"
#include "morgue/text.hpp"

#include <algorithm>
#include <cerrno>
#include <cstring>
#include <fmt/format.h>
#include <fstream>
#include <sstream>

namespace morgue {

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
            if (name.empty()) throw UsageError(fmt::format("{}:{}: empty name", origin, number));
            g.names.push_back(std::move(name));
            from = bar + 1;
        }
        if (g.names.size() < 2)
            throw UsageError(
                fmt::format("{}:{}: expected \"name | other name ...\"", origin, number));
        groups.push_back(std::move(g));
    }
    return groups;
}

std::string read_text_file(const std::string& path, std::string_view what) {
    std::ifstream in(path, std::ios::binary);
    if (!in)
        throw UsageError(fmt::format("{}: cannot read {}: {}", path, what, std::strerror(errno)));
    std::ostringstream text;
    text << in.rdbuf();
    return text.str();
}

} // namespace morgue
