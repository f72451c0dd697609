#include "topic_aliases.hpp"

#include "feed_parser.hpp"
#include "morgue/errors.hpp"
#include "morgue/text.hpp"

#include <cerrno>
#include <cstring>
#include <fmt/format.h>
#include <fstream>

namespace morgue {

TopicAliases load_topic_aliases(const std::string& path) {
    std::ifstream in(path);
    if (!in)
        throw UsageError(
            fmt::format("{}: cannot read topic aliases: {}", path, std::strerror(errno)));
    TopicAliases aliases;
    std::string line;
    for (std::size_t number = 1; std::getline(in, line); ++number) {
        line = collapse_spaces(line.substr(0, line.find('#')));
        if (line.empty()) continue;
        std::string topic;
        std::size_t start = 0;
        unsigned names = 0;
        while (start <= line.size()) {
            std::size_t bar = std::min(line.find('|', start), line.size());
            std::string name = collapse_spaces(line.substr(start, bar - start));
            if (name.empty())
                throw UsageError(fmt::format("{}:{}: empty topic name", path, number));
            if (topic.empty()) topic = name;
            auto [it, fresh] = aliases.canonical.emplace(casefold(name), topic);
            if (!fresh && it->second != topic)
                throw UsageError(fmt::format("{}:{}: \"{}\" is already an alias of \"{}\"", path,
                                             number, name, it->second));
            ++names;
            start = bar + 1;
        }
        if (names < 2)
            throw UsageError(fmt::format("{}:{}: expected \"Topic | variant ...\"", path, number));
    }
    return aliases;
}

void apply_topic_aliases(Feed& feed, const TopicAliases& aliases) {
    if (aliases.canonical.empty()) return;
    for (auto& entry : feed.entries) {
        std::vector<std::string> renamed;
        for (const auto& topic : entry.article.topics) {
            auto it = aliases.canonical.find(casefold(topic));
            const std::string& name = it == aliases.canonical.end() ? topic : it->second;
            bool seen = false;
            for (const auto& r : renamed)
                seen = seen || casefold(r) == casefold(name);
            if (!seen) renamed.push_back(name);
        }
        entry.article.topics = std::move(renamed);
    }
}

} // namespace morgue
