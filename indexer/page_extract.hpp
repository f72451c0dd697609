// The article in an article page: its paragraphs and its byline, without
// navigation, advertisements, comments, related links, captions or share
// buttons.  A readability-style heuristic: paragraphs are scored by length
// and punctuation into the blocks holding them, the best block (less its
// links) is the article, and its siblings join it when they score well too.
// A site rule (site_rules.hpp) says instead where the body and byline are.
#pragma once

#include "site_rules.hpp"

#include <string>
#include <string_view>
#include <vector>

namespace morgue {

struct PageText {
    std::vector<std::string> paragraphs; // in page order, spaces collapsed
    std::string byline;                  // the page's credit line as written; empty: none
    std::string text() const;            // the paragraphs, one a line
};

// `html` is UTF-8 (decode_page, below).  Throws InputError for a page too
// deep to read (html_tree.hpp).
PageText extract_article(std::string_view html, const SiteRule* rule = nullptr);

// Page bytes to UTF-8: the charset comes from a byte-order mark, the HTTP
// Content-Type, the page's <meta charset> or http-equiv, valid UTF-8, and
// last uchardet's guess (encoding.hpp).
std::string decode_page(std::string_view raw, std::string_view content_type);

} // namespace morgue
