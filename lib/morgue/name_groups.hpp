// Plain-text files of name groups, one group per line: "A | B | C", '#'
// starts a comment.  Topic aliases (schemas/topic-aliases.txt) and synonyms
// (schemas/synonyms.txt) are written this way.  The one module that loads,
// checks, stores and reads back those lists, with one conflict rule.
#pragma once

#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>
#include <xapian.h>

namespace morgue {

class Writer;

struct NameGroup {
    std::size_t line;               // where it was written, for messages
    std::vector<std::string> names; // at least two, spaces collapsed
};

// Throws UsageError naming origin:line for an empty name, a group of one,
// or a name already in another group (case-blind, spaces collapsed): the
// one conflict rule of every name list.
std::vector<NameGroup> parse_name_groups(std::string_view text, std::string_view origin);

// Case-folded name -> its group's first name (a topic alias -> its topic).
std::unordered_map<std::string, std::string> first_names(const std::vector<NameGroup>& groups);

// The text of the list in `path` ("" for none), checked: what is stored.
std::string checked_name_list(const std::string& path, std::string_view what);

// Stores the list in `path` ("" for none: the list is emptied) under the
// metadata key `key` (layout.hpp), checked first: a bad file stops the run
// before anything is written.  `what` names it in errors ("synonyms").
void store_name_list(Writer& writer, const char* key, const std::string& path,
                     std::string_view what);

// The groups stored under `key`; none when there are none.  They were
// checked when stored, so a damaged copy only loses the list.
std::vector<NameGroup> stored_name_groups(const Xapian::Database& db, const char* key);

// Reads the file; `what` names its purpose in errors ("topic aliases").
std::string read_text_file(const std::string& path, std::string_view what);

} // namespace morgue
