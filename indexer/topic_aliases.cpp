#include "topic_aliases.hpp"

#include "feed_parser.hpp"
#include "morgue/errors.hpp"
#include "morgue/name_groups.hpp"
#include "morgue/text.hpp"

#include <fmt/format.h>

namespace morgue {

TopicAliases load_topic_aliases(const std::string& path) {
    TopicAliases aliases;
    for (const NameGroup& g : parse_name_groups(read_text_file(path, "topic aliases"), path)) {
        const std::string& topic = g.names.front();
        for (const auto& name : g.names) {
            auto [it, fresh] = aliases.canonical.emplace(casefold(name), topic);
            if (!fresh && it->second != topic)
                throw UsageError(fmt::format("{}:{}: \"{}\" is already an alias of \"{}\"", path,
                                             g.line, name, it->second));
        }
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
