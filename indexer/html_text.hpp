// HTML to plain text for indexing and summaries, with a real HTML parser
// (gumbo): entities decoded, script/style dropped, block ends kept as newlines.
#pragma once

#include <string>
#include <string_view>

namespace morgue {

// Paragraphs separated by "\n", spaces collapsed within each.
std::string html_to_text(std::string_view html);

// HTML parsing is quadratic in nesting depth: true when `html` nests deeper
// than any article does (an upper estimate by counting tags), so that it is
// read without a tree.
bool too_deep_for_a_tree(std::string_view html);

} // namespace morgue
