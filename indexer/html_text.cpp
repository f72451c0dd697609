#include "html_text.hpp"

#include "morgue/text.hpp"

#include <algorithm>
#include <gumbo.h>
#include <vector>

namespace morgue {

namespace {

bool is_skipped(GumboTag tag) {
    switch (tag) {
    case GUMBO_TAG_SCRIPT:
    case GUMBO_TAG_STYLE:
    case GUMBO_TAG_TEMPLATE:
    case GUMBO_TAG_HEAD:
        return true;
    default:
        return false;
    }
}

// Elements after which reading pauses: a line break, not a run-on word.
bool is_block(GumboTag tag) {
    switch (tag) {
    case GUMBO_TAG_P:
    case GUMBO_TAG_DIV:
    case GUMBO_TAG_BR:
    case GUMBO_TAG_LI:
    case GUMBO_TAG_UL:
    case GUMBO_TAG_OL:
    case GUMBO_TAG_DL:
    case GUMBO_TAG_DT:
    case GUMBO_TAG_DD:
    case GUMBO_TAG_H1:
    case GUMBO_TAG_H2:
    case GUMBO_TAG_H3:
    case GUMBO_TAG_H4:
    case GUMBO_TAG_H5:
    case GUMBO_TAG_H6:
    case GUMBO_TAG_TR:
    case GUMBO_TAG_TD:
    case GUMBO_TAG_TH:
    case GUMBO_TAG_TABLE:
    case GUMBO_TAG_BLOCKQUOTE:
    case GUMBO_TAG_PRE:
    case GUMBO_TAG_HR:
    case GUMBO_TAG_FIGURE:
    case GUMBO_TAG_FIGCAPTION:
    case GUMBO_TAG_ARTICLE:
    case GUMBO_TAG_SECTION:
    case GUMBO_TAG_HEADER:
    case GUMBO_TAG_FOOTER:
    case GUMBO_TAG_ASIDE:
        return true;
    default:
        return false;
    }
}

const GumboVector* children_of(const GumboNode* node) {
    if (node->type == GUMBO_NODE_DOCUMENT) return &node->v.document.children;
    if (node->type == GUMBO_NODE_ELEMENT || node->type == GUMBO_NODE_TEMPLATE)
        return &node->v.element.children;
    return nullptr;
}

// Depth-first, with an explicit stack: hostile HTML nests thousands deep.
void collect(const GumboNode* root, std::string& out) {
    struct Frame {
        const GumboNode* node;
        unsigned next_child;
    };
    std::vector<Frame> stack{{root, 0}};
    while (!stack.empty()) {
        Frame& f = stack.back();
        const GumboNode* node = f.node;
        bool block = node->type == GUMBO_NODE_ELEMENT && is_block(node->v.element.tag);
        if (f.next_child == 0) {
            if (node->type == GUMBO_NODE_TEXT || node->type == GUMBO_NODE_CDATA ||
                node->type == GUMBO_NODE_WHITESPACE) {
                // Line breaks in the source are just spaces; '\n' marks block ends.
                for (const char* p = node->v.text.text; *p; ++p)
                    out += (*p == '\n' || *p == '\r') ? ' ' : *p;
                stack.pop_back();
                continue;
            }
            if (node->type == GUMBO_NODE_ELEMENT && is_skipped(node->v.element.tag)) {
                stack.pop_back();
                continue;
            }
            if (block) out += '\n';
        }
        const GumboVector* children = children_of(node);
        if (children && f.next_child < children->length) {
            auto* next = static_cast<const GumboNode*>(children->data[f.next_child++]);
            stack.push_back({next, 0});
            continue;
        }
        if (block) out += '\n';
        stack.pop_back();
    }
}

// HTML parsing is quadratic in nesting depth (HTML5's tree construction
// scans the open-element stack): 200,000 nested <div>s take minutes.  Past
// this depth, which no article reaches, tags are dropped without a tree.
constexpr int max_html_depth = 1000;

bool is_void_element(std::string_view name) {
    static constexpr std::string_view voids[] = {"area",  "base",   "br",    "col",  "embed",
                                                 "hr",    "img",    "input", "link", "meta",
                                                 "param", "source", "track", "wbr"};
    for (auto v : voids)
        if (name.size() == v.size() &&
            std::equal(v.begin(), v.end(), name.begin(), [](char a, char b) {
                return a == std::tolower(static_cast<unsigned char>(b));
            }))
            return true;
    return false;
}

// An upper estimate of the nesting depth, by counting tags in one pass.
int nesting_depth(std::string_view html) {
    int depth = 0, deepest = 0;
    for (std::size_t i = 0; i + 1 < html.size(); ++i) {
        if (html[i] != '<') continue;
        if (html[i + 1] == '/') {
            depth = std::max(0, depth - 1);
        } else if (std::isalpha(static_cast<unsigned char>(html[i + 1]))) {
            std::size_t end = i + 1;
            while (end < html.size() && std::isalnum(static_cast<unsigned char>(html[end])))
                ++end;
            std::size_t close = html.find('>', end);
            bool self_closing =
                close != std::string_view::npos && close > 0 && html[close - 1] == '/';
            if (!self_closing && !is_void_element(html.substr(i + 1, end - i - 1)))
                deepest = std::max(deepest, ++depth);
        }
    }
    return deepest;
}

// Tags out, one space each; the rest (text and entities) stays for gumbo.
std::string without_tags(std::string_view html) {
    std::string out;
    out.reserve(html.size());
    bool in_tag = false;
    for (char c : html) {
        if (!in_tag && c == '<') {
            in_tag = true;
            out += ' ';
        } else if (in_tag && c == '>') {
            in_tag = false;
        } else if (!in_tag) {
            out += c;
        }
    }
    return out;
}

} // namespace

bool too_deep_for_a_tree(std::string_view html) {
    return nesting_depth(html) > max_html_depth;
}

std::string html_to_text(std::string_view html_in) {
    // Most titles, and many descriptions, hold no markup at all: skip the parser.
    if (html_in.find_first_of("<&") == std::string_view::npos) {
        // C1 first: one that windows-1252 leaves undefined is dropped, and
        // dropped after collapsing it would leave two spaces or a trailing one.
        std::string text(html_in);
        replace_c1_controls(text);
        return collapse_spaces(text);
    }
    // Before gumbo, which turns C1 controls (mislabelled windows-1252) into U+FFFD.
    std::string html = too_deep_for_a_tree(html_in) ? without_tags(html_in) : std::string(html_in);
    replace_c1_controls(html);
    GumboOptions options = kGumboDefaultOptions;
    options.max_errors = 0; // recording parse errors is itself quadratic on bad markup
    GumboOutput* output = gumbo_parse_with_options(&options, html.data(), html.size());
    std::string raw;
    collect(output->document, raw);
    gumbo_destroy_output(&options, output);

    std::string out;
    std::size_t start = 0;
    while (start <= raw.size()) {
        std::size_t end = raw.find('\n', start);
        if (end == std::string::npos) end = raw.size();
        std::string line = collapse_spaces(std::string_view(raw).substr(start, end - start));
        if (!line.empty()) {
            if (!out.empty()) out += '\n';
            out += line;
        }
        start = end + 1;
    }
    // gumbo writes some out-of-range character references (&#x8aaaaaaaaa5;)
    // as a stray byte, not U+FFFD (found by the html_text fuzz target).
    repair_utf8(out);
    return out;
}

} // namespace morgue
