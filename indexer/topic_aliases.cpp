#include "topic_aliases.hpp"

#include "feed_parser.hpp"
#include "morgue/errors.hpp"
#include "morgue/name_groups.hpp"
#include "morgue/text.hpp"

#include <fmt/format.h>

namespace morgue {

TopicAliases load_topic_aliases(const std::string& path) {
    return {first_names(parse_name_groups(read_text_file(path, "topic aliases"), path))};
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
