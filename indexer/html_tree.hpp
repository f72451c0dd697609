// An HTML page as a tree that XPath can query: parsed by gumbo (the HTML5
// algorithm, so tag soup reads as browsers read it) and copied into a
// pugixml document, whose XPath 1.0 engine then serves site rules and the
// extractor alike.  Element names are lower case; script, style, template
// and noscript are left out; attributes whose names XML cannot hold are
// dropped.
#pragma once

#include <pugixml.hpp>
#include <string_view>

namespace morgue {

// `html` is UTF-8.  Throws InputError when the page nests deeper than any
// article does (html_text.hpp), rather than spend minutes on it.
void parse_html_tree(std::string_view html, pugi::xml_document& out);

} // namespace morgue
