#include "fuzz_checks.hpp"

#include <algorithm>
#include <cctype>
#include <cstdio>
#include <cstdlib>
#include <gumbo.h>
#include <nlohmann/json.hpp>
#include <pugixml.hpp>
#include <string>
#include <vector>

namespace morgue::fuzz {

void fail(std::string_view what, std::string_view detail) {
    std::fprintf(stderr, "fuzz invariant broken: %.*s\n%.*s\n", int(what.size()), what.data(),
                 int(std::min<std::size_t>(detail.size(), 4000)), detail.data());
    std::abort();
}

void check_json(std::string_view json) {
    if (!nlohmann::json::accept(json)) fail("output is not JSON", json);
}

void check_atom(std::string_view xml) {
    pugi::xml_document doc;
    pugi::xml_parse_result r = doc.load_buffer(xml.data(), xml.size());
    if (!r) fail(std::string("atom is not well-formed: ") + r.description(), xml);
    if (std::string_view(doc.document_element().name()) != "feed") fail("atom has no feed", xml);
}

namespace {

std::string lower(std::string_view s) {
    std::string out(s);
    for (char& c : out)
        c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    return out;
}

// What a browser would run: a script element, an event handler, a
// javascript: URL (browsers ignore leading spaces and controls in it).
void check_element(const GumboElement& e, std::string_view html) {
    if (e.tag == GUMBO_TAG_SCRIPT) fail("page has a script element", html);
    for (unsigned i = 0; i < e.attributes.length; ++i) {
        auto* a = static_cast<const GumboAttribute*>(e.attributes.data[i]);
        std::string name = lower(a->name), value = lower(a->value);
        if (name.size() > 2 && name.starts_with("on")) fail("page has an event handler", html);
        value.erase(
            std::remove_if(value.begin(), value.end(), [](unsigned char c) { return c <= ' '; }),
            value.end());
        if ((name == "href" || name == "src" || name == "action") &&
            value.starts_with("javascript:"))
            fail("page has a javascript: URL", html);
    }
}

} // namespace

void check_html(std::string_view html) {
    GumboOutput* out = gumbo_parse_with_options(&kGumboDefaultOptions, html.data(), html.size());
    std::vector<const GumboNode*> stack{out->root};
    while (!stack.empty()) {
        const GumboNode* n = stack.back();
        stack.pop_back();
        if (n->type != GUMBO_NODE_ELEMENT) continue;
        check_element(n->v.element, html);
        for (unsigned i = 0; i < n->v.element.children.length; ++i)
            stack.push_back(static_cast<const GumboNode*>(n->v.element.children.data[i]));
    }
    gumbo_destroy_output(&kGumboDefaultOptions, out);
}

void check_terminal_text(std::string_view text) {
    for (std::size_t i = 0; i < text.size(); ++i) {
        auto c = static_cast<unsigned char>(text[i]);
        bool c0 = (c < 0x20 && c != '\n' && c != '\t') || c == 0x7f;
        bool c1 = c == 0xc2 && i + 1 < text.size() &&
                  (static_cast<unsigned char>(text[i + 1]) & 0xe0) == 0x80;
        if (c0 || c1) fail("terminal text has a control character", text);
    }
}

} // namespace morgue::fuzz
