// Plain-text files of name groups, one group per line: "A | B | C", '#'
// starts a comment.  Topic aliases (schemas/topic-aliases.txt) and synonyms
// (schemas/synonyms.txt) are written this way.
#pragma once

#include <string>
#include <string_view>
#include <vector>

namespace morgue {

struct NameGroup {
    std::size_t line;               // where it was written, for messages
    std::vector<std::string> names; // at least two, spaces collapsed
};

// Throws UsageError naming origin:line for an empty name or a group of one.
std::vector<NameGroup> parse_name_groups(std::string_view text, std::string_view origin);

// Reads the file; `what` names its purpose in errors ("topic aliases").
std::string read_text_file(const std::string& path, std::string_view what);

} // namespace morgue
