// Publisher variants of a topic mapped to one name, from a plain text file
// (schemas/topic-aliases.txt): each line "Topic | variant | variant", '#'
// starts a comment.  Matching is case-insensitive; the first name is shown.
#pragma once

#include <string>
#include <unordered_map>

namespace morgue {

struct Feed;

struct TopicAliases {
    std::unordered_map<std::string, std::string> canonical; // case-folded variant -> topic
};

// Throws UsageError naming the file and line of a malformed entry.
TopicAliases load_topic_aliases(const std::string& path);

// Renames each entry's topics and drops the duplicates that leaves.
void apply_topic_aliases(Feed& feed, const TopicAliases& aliases);

} // namespace morgue
