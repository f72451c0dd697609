#include "html_tree.hpp"

#include "html_text.hpp"
#include "morgue/errors.hpp"

#include <cctype>
#include <gumbo.h>
#include <string>
#include <vector>

namespace morgue {

namespace {

bool left_out(GumboTag tag) {
    return tag == GUMBO_TAG_SCRIPT || tag == GUMBO_TAG_STYLE || tag == GUMBO_TAG_TEMPLATE ||
           tag == GUMBO_TAG_NOSCRIPT;
}

// Script is left out, except JSON-LD: it names the article's author.
bool kept_script(const GumboElement& e) {
    const GumboAttribute* type = gumbo_get_attribute(&e.attributes, "type");
    return e.tag == GUMBO_TAG_SCRIPT && type &&
           std::string_view(type->value) == "application/ld+json";
}

bool xml_name(std::string_view name) {
    if (name.empty() || !(std::isalpha(static_cast<unsigned char>(name[0])) || name[0] == '_'))
        return false;
    for (char c : name)
        if (!(std::isalnum(static_cast<unsigned char>(c)) || c == '-' || c == '_' || c == '.'))
            return false;
    return true;
}

std::string tag_name(const GumboElement& e) {
    if (e.tag != GUMBO_TAG_UNKNOWN) return gumbo_normalized_tagname(e.tag);
    GumboStringPiece piece = e.original_tag;
    gumbo_tag_from_original_text(&piece);
    std::string name(piece.data, piece.length);
    for (char& c : name)
        c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    return xml_name(name) ? name : "span";
}

void copy_element(const GumboElement& e, pugi::xml_node to) {
    for (unsigned i = 0; i < e.attributes.length; ++i) {
        auto* a = static_cast<const GumboAttribute*>(e.attributes.data[i]);
        if (xml_name(a->name) && !to.attribute(a->name)) to.append_attribute(a->name) = a->value;
    }
}

} // namespace

void parse_html_tree(std::string_view html, pugi::xml_document& out) {
    if (too_deep_for_a_tree(html)) throw InputError({}, "the page nests too deep to be read");
    GumboOptions options = kGumboDefaultOptions;
    options.max_errors = 0; // recording parse errors is itself quadratic on bad markup
    GumboOutput* output = gumbo_parse_with_options(&options, html.data(), html.size());
    out.reset();
    // Depth-first with an explicit stack: deep pages must not exhaust ours.
    struct Frame {
        const GumboNode* node;
        pugi::xml_node to;
    };
    std::vector<Frame> stack{{output->root, out}};
    while (!stack.empty()) {
        Frame f = stack.back();
        stack.pop_back();
        const GumboNode* n = f.node;
        if (n->type == GUMBO_NODE_TEXT || n->type == GUMBO_NODE_CDATA ||
            n->type == GUMBO_NODE_WHITESPACE) {
            f.to.append_child(pugi::node_pcdata).set_value(n->v.text.text);
            continue;
        }
        if (n->type != GUMBO_NODE_ELEMENT && n->type != GUMBO_NODE_TEMPLATE) continue;
        const GumboElement& e = n->v.element;
        if (left_out(e.tag) && !kept_script(e)) continue;
        pugi::xml_node el = f.to.append_child(tag_name(e).c_str());
        copy_element(e, el);
        // Children pushed last first, so that they are appended in order.
        for (unsigned i = e.children.length; i-- > 0;)
            stack.push_back({static_cast<const GumboNode*>(e.children.data[i]), el});
    }
    gumbo_destroy_output(&options, output);
}

} // namespace morgue
