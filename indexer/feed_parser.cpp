#include "feed_parser.hpp"

#include "byline.hpp"
#include "credits.hpp"
#include "encoding.hpp"
#include "html_text.hpp"
#include "morgue/dates.hpp"
#include "morgue/document.hpp"
#include "morgue/errors.hpp"
#include "morgue/language.hpp"
#include "morgue/text.hpp"
#include "url.hpp"

#include <algorithm>
#include <array>
#include <fmt/format.h>
#include <pugixml.hpp>
#include <sstream>

namespace morgue {

namespace {

constexpr std::size_t summary_bytes = 400;

// ---- Namespaces -----------------------------------------------------------
// pugixml keeps names as written ("dc:creator"), so prefixes are resolved
// here through the xmlns declarations in scope.  Elements are matched by
// family, so that an RSS 1.0 <title> and an RSS 2.0 <title> are one thing.

enum class Ns { rss, atom, dc, dcterms, content, rdf, xhtml, itunes, media, other };

constexpr std::string_view atom10_uri = "http://www.w3.org/2005/Atom";
constexpr std::string_view atom03_uri = "http://purl.org/atom/ns#";
constexpr std::string_view rss090_uri = "http://my.netscape.com/rdf/simple/0.9/";
constexpr std::string_view rss10_uri = "http://purl.org/rss/1.0/";

Ns family(std::string_view uri) {
    // Publishers vary the case of the iTunes URI ("DTDs/Podcast").
    if (uri.size() == 42 && casefold(uri) == "http://www.itunes.com/dtds/podcast-1.0.dtd")
        return Ns::itunes;
    if (uri.empty() || uri == rss090_uri || uri == rss10_uri ||
        uri == "http://backend.userland.com/rss2" || uri == "http://backend.userland.com/rss" ||
        uri == "http://blogs.law.harvard.edu/tech/rss" || uri == "http://purl.org/net/rss1.1#")
        return Ns::rss;
    if (uri == atom10_uri || uri == atom03_uri) return Ns::atom;
    if (uri == "http://purl.org/dc/elements/1.1/" || uri == "http://purl.org/dc/elements/1.0/")
        return Ns::dc;
    if (uri == "http://purl.org/dc/terms/") return Ns::dcterms;
    if (uri == "http://purl.org/rss/1.0/modules/content/") return Ns::content;
    if (uri == "http://www.w3.org/1999/02/22-rdf-syntax-ns#") return Ns::rdf;
    if (uri == "http://www.w3.org/1999/xhtml") return Ns::xhtml;
    if (uri == "http://www.itunes.com/dtds/podcast-1.0.dtd") return Ns::itunes;
    if (uri == "http://search.yahoo.com/mrss/" || uri == "http://search.yahoo.com/mrss")
        return Ns::media;
    return Ns::other;
}

// Prefixes feeds use without declaring them.
std::string_view well_known_prefix(std::string_view prefix) {
    if (prefix == "dc") return "http://purl.org/dc/elements/1.1/";
    if (prefix == "dcterms") return "http://purl.org/dc/terms/";
    if (prefix == "content") return "http://purl.org/rss/1.0/modules/content/";
    if (prefix == "atom") return atom10_uri;
    if (prefix == "rdf") return "http://www.w3.org/1999/02/22-rdf-syntax-ns#";
    if (prefix == "xhtml") return "http://www.w3.org/1999/xhtml";
    if (prefix == "itunes") return "http://www.itunes.com/dtds/podcast-1.0.dtd";
    if (prefix == "media") return "http://search.yahoo.com/mrss/";
    return "urn:undeclared";
}

std::string_view local_name(const pugi::xml_node& n) {
    std::string_view name = n.name();
    auto colon = name.find(':');
    return colon == std::string_view::npos ? name : name.substr(colon + 1);
}

std::string_view namespace_uri(const pugi::xml_node& n) {
    std::string_view name = n.name();
    auto colon = name.find(':');
    std::string attr = colon == std::string_view::npos
                           ? std::string("xmlns")
                           : "xmlns:" + std::string(name.substr(0, colon));
    for (auto up = n; up; up = up.parent())
        if (auto a = up.attribute(attr.c_str())) return a.value();
    return colon == std::string_view::npos ? std::string_view()
                                           : well_known_prefix(name.substr(0, colon));
}

bool is(const pugi::xml_node& n, Ns ns, std::string_view local) {
    return n.type() == pugi::node_element && local_name(n) == local &&
           family(namespace_uri(n)) == ns;
}

pugi::xml_node child(const pugi::xml_node& parent, Ns ns, std::string_view local) {
    for (auto c : parent.children())
        if (is(c, ns, local)) return c;
    return {};
}

std::vector<pugi::xml_node> children(const pugi::xml_node& parent, Ns ns, std::string_view local) {
    std::vector<pugi::xml_node> out;
    for (auto c : parent.children())
        if (is(c, ns, local)) out.push_back(c);
    return out;
}

// An attribute by local name, with or without a prefix (rdf:about, about).
std::string_view attr(const pugi::xml_node& n, std::string_view local) {
    for (auto a : n.attributes()) {
        std::string_view name = a.name();
        auto colon = name.find(':');
        if ((colon == std::string_view::npos ? name : name.substr(colon + 1)) == local &&
            !name.starts_with("xmlns"))
            return a.value();
    }
    return {};
}

// ---- Text -------------------------------------------------------------------

// All character data directly inside `node` (pugixml's child_value() gives only
// the first run, which splits at CDATA sections).
std::string text_of(const pugi::xml_node& node) {
    std::string out;
    for (auto c : node.children())
        if (c.type() == pugi::node_pcdata || c.type() == pugi::node_cdata) out += c.value();
    return out;
}

std::string inner_xml(const pugi::xml_node& node) {
    std::ostringstream out;
    for (auto c : node.children())
        c.print(out, "", pugi::format_raw);
    return out.str();
}

bool has_elements(const pugi::xml_node& node) {
    for (auto c : node.children())
        if (c.type() == pugi::node_element) return true;
    return false;
}

// RSS text is HTML in practice: escaped, in CDATA, or as naked child elements.
std::string html_text(const pugi::xml_node& node) {
    if (!node) return {};
    return html_to_text(has_elements(node) ? inner_xml(node) : text_of(node));
}

std::string decode_base64(std::string_view in) {
    static constexpr std::string_view digits =
        "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
    std::string out;
    unsigned buffer = 0;
    int bits = 0;
    for (char c : in) {
        auto v = digits.find(c);
        if (v == std::string_view::npos) continue;
        buffer = (buffer << 6) | static_cast<unsigned>(v);
        bits += 6;
        if (bits >= 8) {
            bits -= 8;
            out += static_cast<char>((buffer >> bits) & 0xFF);
        }
    }
    return out;
}

// An Atom text construct (1.0 type="text|html|xhtml", 0.3 mode and MIME type).
std::string atom_text(const pugi::xml_node& node) {
    if (!node) return {};
    std::string_view type = node.attribute("type").as_string("text");
    std::string_view mode = node.attribute("mode").as_string("");
    bool html = type == "html" || type == "text/html";
    bool xhtml = type == "xhtml" || type == "application/xhtml+xml" || mode == "xml";
    // RFC 4287 4.1.3.3: other media types that are not XML or text are base64.
    bool mime = type.find('/') != std::string_view::npos;
    bool base64 =
        mode == "base64" || (mime && !type.starts_with("text/") && !type.ends_with("xml"));
    if (base64) return html_to_text(decode_base64(text_of(node)));
    std::string raw = text_of(node);
    if (xhtml || has_elements(node)) return html_to_text(inner_xml(node));
    if (html || mode == "escaped") return html_to_text(raw);
    return collapse_spaces(raw);
}

// ---- Links and bases --------------------------------------------------------

// The xml:base in force at `node`, each level resolved against the one above.
std::string base_of(const pugi::xml_node& node, const std::string& document_url) {
    std::vector<std::string_view> bases;
    for (auto up = node; up; up = up.parent())
        if (auto a = up.attribute("xml:base")) bases.push_back(a.value());
    std::string base = document_url;
    for (auto it = bases.rbegin(); it != bases.rend(); ++it)
        base = resolve_url(base, *it);
    return base;
}

// ---- Languages ------------------------------------------------------------------

// The xml:lang in force at `node` (the nearest one up).
std::string lang_in_force(const pugi::xml_node& node) {
    for (auto up = node; up; up = up.parent())
        if (auto a = up.attribute("xml:lang")) return collapse_spaces(a.value());
    return {};
}

// What an item says of its own language, before the feed's.
std::string item_language(const pugi::xml_node& item) {
    std::string tag = collapse_spaces(text_of(child(item, Ns::dc, "language")));
    for (auto node : {child(item, Ns::atom, "content"), item})
        if (tag.empty()) tag = collapse_spaces(node.attribute("xml:lang").value());
    return tag;
}

std::string link_in(const pugi::xml_node& node, std::string_view ref, const std::string& doc_url) {
    std::string r = collapse_spaces(ref);
    return r.empty() ? std::string() : resolve_url(base_of(node, doc_url), r);
}

// Atom <link rel="alternate"> (rel defaults to alternate), HTML preferred.
std::string atom_link(const pugi::xml_node& parent, const std::string& doc_url,
                      std::string_view rel) {
    std::string found;
    for (auto link : children(parent, Ns::atom, "link")) {
        if (std::string_view(link.attribute("rel").as_string("alternate")) != rel) continue;
        // <link>URL</link> is not Atom, but feeds write it.
        auto href_attr = link.attribute("href");
        std::string href = link_in(link, href_attr ? href_attr.value() : text_of(link), doc_url);
        std::string_view type = link.attribute("type").as_string("text/html");
        if (found.empty() || type == "text/html" || type == "application/xhtml+xml") {
            if (!found.empty()) return href;
            found = href;
        }
    }
    return found;
}

// ---- Dates --------------------------------------------------------------------

struct DateField {
    std::optional<std::time_t> time;
    std::string text;
};

DateField date_in(const pugi::xml_node& node, std::vector<std::string>* warnings) {
    if (!node) return {};
    std::string text = collapse_spaces(text_of(node));
    auto t = parse_date(text);
    if (!t && warnings && !text.empty())
        warnings->push_back(fmt::format("unparseable <{}> \"{}\"", node.name(), text));
    return {t, text};
}

// The first of the candidates that holds a usable date.
DateField first_date(std::initializer_list<pugi::xml_node> nodes,
                     std::vector<std::string>* warnings) {
    DateField unusable;
    for (const auto& n : nodes) {
        if (!n) continue;
        DateField d = date_in(n, warnings);
        if (d.time) return d;
        if (unusable.text.empty()) unusable = d;
    }
    return unusable;
}

// ---- People and topics ----------------------------------------------------------

void add_unique(std::vector<std::string>& list, std::string value) {
    value = collapse_spaces(value);
    if (value.empty()) return;
    auto folded = casefold(value);
    for (const auto& v : list)
        if (casefold(v) == folded) return;
    list.push_back(std::move(value));
}

// A Media RSS credit of the item itself (not of a picture inside it) whose
// role, in the EBU scheme the spec defaults to, is one that wrote the text.
// Without a role it is the item's author: feeds that write media:credit at
// item level use it for the byline; picture credits sit in media:content.
bool credits_the_writer(const pugi::xml_node& n) {
    std::string role = casefold(collapse_spaces(n.attribute("role").value()));
    return role.empty() || role == "author" || role == "writer" || role == "reporter" ||
           role == "journalist" || role == "columnist" || role == "editor" ||
           role == "contributor" || role == "creator";
}

// RSS author, dc:creator, dc:author, itunes:author, media:credit of a writer
// (Atom's <author> has a <name>).
bool names_author(const pugi::xml_node& n) {
    return is(n, Ns::rss, "author") || is(n, Ns::dc, "creator") || is(n, Ns::dc, "author") ||
           is(n, Ns::itunes, "author") || (is(n, Ns::media, "credit") && credits_the_writer(n));
}

// The people of a credit line to `people`, its agencies and desks to `credits`.
void add_authors(std::vector<std::string>& people, std::vector<std::string>& credits,
                 std::string_view field) {
    auto read = read_credits(field);
    for (auto& name : read.people)
        add_unique(people, std::move(name));
    for (auto& name : read.credits)
        add_unique(credits, std::move(name));
}

Credits atom_authors(const pugi::xml_node& parent) {
    Credits out;
    for (auto author : children(parent, Ns::atom, "author")) {
        auto name = child(author, Ns::atom, "name");
        add_authors(out.people, out.credits, name ? text_of(name) : text_of(author));
    }
    return out;
}

// <itunes:category text="Technology"><itunes:category text="Gadgets"/></...>
void add_itunes_categories(std::vector<Category>& out, const pugi::xml_node& c) {
    const std::string scheme = "http://www.itunes.com/";
    out.push_back({collapse_spaces(c.attribute("text").as_string()), scheme, ""});
    for (auto sub : children(c, Ns::itunes, "category"))
        out.push_back({collapse_spaces(sub.attribute("text").as_string()), scheme, ""});
}

std::vector<Category> categories_of(const pugi::xml_node& item) {
    std::vector<Category> out;
    for (auto c : item.children()) {
        if (is(c, Ns::rss, "category"))
            out.push_back({collapse_spaces(text_of(c)), c.attribute("domain").as_string(), ""});
        else if (is(c, Ns::dc, "subject"))
            out.push_back({collapse_spaces(text_of(c)), "", ""});
        else if (is(c, Ns::atom, "category"))
            out.push_back({collapse_spaces(c.attribute("term").as_string()),
                           c.attribute("scheme").as_string(),
                           collapse_spaces(c.attribute("label").as_string())});
        else if (is(c, Ns::media, "category"))
            out.push_back(
                {collapse_spaces(text_of(c)),
                 c.attribute("scheme").as_string("http://search.yahoo.com/mrss/category_schema"),
                 collapse_spaces(c.attribute("label").as_string())});
        else if (is(c, Ns::itunes, "category"))
            add_itunes_categories(out, c);
    }
    return out;
}

// The item as it stood in the feed, with the namespace declarations and
// xml:base of its ancestors copied onto it so that it parses on its own.
std::string original_xml(const pugi::xml_node& item) {
    pugi::xml_document doc;
    auto copy = doc.append_copy(item);
    for (auto up = item.parent(); up; up = up.parent())
        for (auto a : up.attributes()) {
            std::string_view name = a.name();
            bool carried = name == "xmlns" || name.starts_with("xmlns:") || name == "xml:base" ||
                           name == "xml:lang";
            if (carried && !copy.attribute(a.name())) copy.append_attribute(a.name()) = a.value();
        }
    std::ostringstream out;
    copy.print(out, "", pugi::format_raw);
    return out.str();
}

// ---- Entries ------------------------------------------------------------------

struct Context {
    std::string doc_url; // base for relative links
    const Feed* feed;
};

void common_entry_fields(FeedEntry& e, const pugi::xml_node& item) {
    Article& a = e.article;
    for (auto c : item.children()) {
        if (names_author(c)) add_authors(a.columnists, a.credits, text_of(c));
    }
    auto atom = atom_authors(item);
    for (auto& name : atom.people)
        add_unique(a.columnists, std::move(name));
    for (auto& name : atom.credits)
        add_unique(a.credits, std::move(name));
    e.categories = categories_of(item);
    // Element names do not collide across formats, so one list serves RSS and Atom.
    auto published =
        first_date({child(item, Ns::rss, "pubDate"), child(item, Ns::atom, "published"),
                    child(item, Ns::atom, "issued"), child(item, Ns::dcterms, "issued"),
                    child(item, Ns::atom, "created"), child(item, Ns::dc, "date")},
                   &e.warnings);
    e.published = published.time, e.published_text = published.text;
    auto updated = first_date({child(item, Ns::atom, "updated"), child(item, Ns::atom, "modified"),
                               child(item, Ns::dcterms, "modified"), child(item, Ns::dc, "date")},
                              &e.warnings);
    e.updated = updated.time, e.updated_text = updated.text;
}

FeedEntry rss_entry(const pugi::xml_node& item, const Context& ctx) {
    FeedEntry e;
    Article& a = e.article;
    auto title = child(item, Ns::rss, "title");
    if (!title) title = child(item, Ns::dc, "title");
    if (!title) title = child(item, Ns::media, "title");
    a.title = title ? collapse_spaces(html_text(title)) : atom_text(child(item, Ns::atom, "title"));
    auto guid = child(item, Ns::rss, "guid");
    a.id = collapse_spaces(text_of(guid));
    if (a.id.empty()) a.id = collapse_spaces(text_of(child(item, Ns::atom, "id")));
    if (a.id.empty()) a.id = link_in(item, attr(item, "about"), ctx.doc_url); // RSS 1.0
    if (auto link = child(item, Ns::rss, "link")) a.url = link_in(link, text_of(link), ctx.doc_url);
    if (a.url.empty()) a.url = atom_link(item, ctx.doc_url, "alternate");
    bool guid_is_link =
        guid && std::string_view(guid.attribute("isPermaLink").as_string("true")) != "false";
    if (a.url.empty() && guid_is_link && is_web_url(a.id)) a.url = a.id;
    if (a.url.empty() && !attr(item, "about").empty())
        a.url = link_in(item, attr(item, "about"), ctx.doc_url);

    std::string description = html_text(child(item, Ns::rss, "description"));
    if (description.empty()) description = html_text(child(item, Ns::dc, "description"));
    if (description.empty()) description = atom_text(child(item, Ns::atom, "summary"));
    if (description.empty()) description = html_text(child(item, Ns::itunes, "summary"));
    std::string content = html_text(child(item, Ns::content, "encoded"));
    // Userland's <fullitem>, and <body> with or without the XHTML namespace.
    for (auto [ns, name] : {std::pair{Ns::xhtml, "body"}, {Ns::rss, "body"}, {Ns::rss, "fullitem"}})
        if (content.empty()) content = html_text(child(item, ns, name));
    if (content.empty()) content = atom_text(child(item, Ns::atom, "content"));
    a.body = content.empty() ? description : content;
    a.summary = description.empty() ? a.body : description;
    e.has_content = !content.empty();
    common_entry_fields(e, item);
    return e;
}

FeedEntry atom_entry(const pugi::xml_node& entry, const Context& ctx) {
    FeedEntry e;
    Article& a = e.article;
    a.title = atom_text(child(entry, Ns::atom, "title"));
    a.url = atom_link(entry, ctx.doc_url, "alternate");
    // An id that is a path (invalid, but written) is taken relative to the base, as links are.
    auto id = child(entry, Ns::atom, "id");
    a.id = collapse_spaces(text_of(id));
    if (a.id.starts_with('/') && !base_of(id, ctx.doc_url).empty())
        a.id = link_in(id, a.id, ctx.doc_url);
    std::string summary = atom_text(child(entry, Ns::atom, "summary"));
    a.body = atom_text(child(entry, Ns::atom, "content"));
    if (a.body.empty()) a.body = html_text(child(entry, Ns::content, "encoded"));
    e.has_content = !a.body.empty();
    if (a.body.empty()) a.body = summary;
    a.summary = summary.empty() ? a.body : summary;
    common_entry_fields(e, entry);
    if (a.columnists.empty())
        if (auto source = child(entry, Ns::atom, "source"))
            a.columnists = atom_authors(source).people;
    if (a.columnists.empty() && a.credits.empty() &&
        !(ctx.feed->authors.empty() && ctx.feed->credits.empty())) {
        a.columnists = ctx.feed->authors;
        a.credits = ctx.feed->credits;
        if (!a.columnists.empty()) e.columnist_source = "feed";
    }
    return e;
}

// ---- Feeds --------------------------------------------------------------------

std::string rss_version(const pugi::xml_node& root) {
    std::string_view v = root.attribute("version").as_string();
    if (v.starts_with("2.")) return "rss20";
    if (v == "0.91") {
        // Netscape's 0.91 names its DTD; UserLand's does not.
        auto doctype = root.previous_sibling();
        while (doctype && doctype.type() != pugi::node_doctype)
            doctype = doctype.previous_sibling();
        bool netscape =
            std::string_view(doctype.value()).find("Netscape") != std::string_view::npos;
        return netscape ? "rss091n" : "rss091u";
    }
    if (v == "0.92") return "rss092";
    if (v == "0.93") return "rss093";
    if (v == "0.94") return "rss094";
    return "rss";
}

void feed_header(Feed& feed, const pugi::xml_node& channel, const Context& ctx) {
    auto title = child(channel, Ns::rss, "title");
    if (!title) title = child(channel, Ns::dc, "title");
    feed.title =
        title ? collapse_spaces(html_text(title)) : atom_text(child(channel, Ns::atom, "title"));
    if (auto link = child(channel, Ns::rss, "link"))
        feed.link = link_in(link, text_of(link), ctx.doc_url);
    if (feed.link.empty()) feed.link = atom_link(channel, ctx.doc_url, "alternate");
    feed.self_link = atom_link(channel, ctx.doc_url, "self");
    feed.language = collapse_spaces(text_of(child(channel, Ns::rss, "language")));
    if (feed.language.empty())
        feed.language = collapse_spaces(text_of(child(channel, Ns::dc, "language")));
    if (feed.language.empty()) feed.language = lang_in_force(channel);
    std::replace(feed.language.begin(), feed.language.end(), '_', '-'); // en_US is en-US
    auto channel_credits = atom_authors(channel);
    feed.authors = std::move(channel_credits.people);
    feed.credits = std::move(channel_credits.credits);
    for (auto c : channel.children())
        if (names_author(c) || is(c, Ns::rss, "managingEditor"))
            add_authors(feed.authors, feed.credits, text_of(c));
    auto updated =
        first_date({child(channel, Ns::atom, "updated"), child(channel, Ns::atom, "modified"),
                    child(channel, Ns::rss, "lastBuildDate"), child(channel, Ns::rss, "pubDate"),
                    child(channel, Ns::dc, "date"), child(channel, Ns::dcterms, "modified")},
                   &feed.warnings);
    feed.updated = updated.time, feed.updated_text = updated.text;
}

template <class Parse>
void add_entries(Feed& feed, const std::vector<pugi::xml_node>& items, const Context& ctx,
                 Parse parse) {
    for (const auto& item : items) {
        feed.entries.push_back(parse(item, ctx));
        feed.entries.back().article.original = original_xml(item);
        feed.entries.back().article.language = item_language(item); // a tag, till resolve()
    }
}

// A <feed> in no namespace or an unknown one (pre-1.0 drafts, "echo") is
// Atom in all but name: declare it so, so that its children match as Atom.
void adopt_atom_namespace(pugi::xml_node root) {
    std::string_view name = root.name();
    auto colon = name.find(':');
    std::string attr =
        colon == std::string_view::npos ? "xmlns" : "xmlns:" + std::string(name.substr(0, colon));
    bool v03 = std::string_view(root.attribute("version").as_string()) == "0.3";
    std::string uri(v03 ? atom03_uri : atom10_uri);
    auto a = root.attribute(attr.c_str());
    (a ? a : root.append_attribute(attr.c_str())).set_value(uri.c_str());
}

void parse_root(Feed& feed, pugi::xml_node root, Context& ctx) {
    std::string_view local = local_name(root);
    if (local == "feed" && family(namespace_uri(root)) != Ns::atom) adopt_atom_namespace(root);
    std::string_view uri = namespace_uri(root);
    if (local == "rss" || (local == "channel" && family(uri) == Ns::rss)) {
        auto channel = local == "rss" ? child(root, Ns::rss, "channel") : root;
        if (!channel) channel = root; // <rss><item>...: no channel element
        feed.format = local == "rss" ? rss_version(root) : "rss";
        feed_header(feed, channel, ctx);
        add_entries(feed, children(channel, Ns::rss, "item"), ctx, rss_entry);
    } else if (local == "RDF") {
        auto channel = child(root, Ns::rss, "channel");
        std::string_view default_ns = channel
                                          ? namespace_uri(channel)
                                          : std::string_view(root.attribute("xmlns").as_string());
        feed.format = default_ns == rss090_uri ? "rss090" : "rss10";
        feed_header(feed, channel, ctx);
        auto items = children(root, Ns::rss, "item");
        if (items.empty()) items = children(channel, Ns::rss, "item");
        add_entries(feed, items, ctx, rss_entry);
    } else if (local == "feed") {
        feed.format = uri == atom10_uri ? "atom10" : uri == atom03_uri ? "atom03" : "atom";
        feed_header(feed, root, ctx);
        add_entries(feed, children(root, Ns::atom, "entry"), ctx, atom_entry);
    } else {
        throw InputError(fmt::format("not an RSS or Atom feed (root element <{}>)", root.name()));
    }
}

// ---- Normalising an entry ---------------------------------------------------------

std::vector<std::string> topics_of(const std::vector<Category>& categories) {
    std::vector<std::string> out;
    for (const auto& c : categories)
        add_unique(out, c.label.empty() ? c.term : c.label);
    return out;
}

void resolve_date(FeedEntry& e, const Feed& feed, const FeedSource& source) {
    Article& a = e.article;
    // The offset the chosen date was written in: the publisher's clock.
    auto offset = [](const std::string& text) {
        auto z = parse_zoned_date(text);
        return z ? z->offset : 0L;
    };
    if (e.published) {
        a.date = *e.published, a.date_source = DateSource::published;
        a.utc_offset = offset(e.published_text);
    } else if (e.updated) {
        a.date = *e.updated, a.date_source = DateSource::updated;
        a.utc_offset = offset(e.updated_text);
    } else if (feed.updated) {
        a.date = *feed.updated, a.date_source = DateSource::feed;
        a.utc_offset = offset(feed.updated_text);
    } else {
        a.date = source.received, a.date_source = DateSource::received;
    }
    if (a.date_source != DateSource::published)
        e.warnings.push_back(
            fmt::format("no publication date: using the {} date", date_source_name(a.date_source)));
}

std::string not_a_language(std::string_view tag) {
    return fmt::format("language \"{}\" is not a language tag: indexed in the archive's language",
                       tag);
}

// The item's language code: the override, the item's, the feed's.
void resolve_language(FeedEntry& e, const Feed& feed, const FeedSource& source) {
    Article& a = e.article;
    std::string tag = std::move(a.language);
    a.language = language_code(tag);
    if (a.language.empty() && !tag.empty()) e.warnings.push_back(not_a_language(tag));
    if (a.language.empty()) a.language = language_code(feed.language);
    if (!source.language.empty()) a.language = source.language;
}

void resolve(FeedEntry& e, const Feed& feed, const FeedSource& source) {
    Article& a = e.article;
    resolve_language(e, feed, source);
    a.feed_title = feed.title;
    a.feed_url = !source.url.empty()       ? source.url
                 : !feed.self_link.empty() ? feed.self_link
                                           : feed.link;
    if (!a.url.empty() && !is_web_url(a.url)) {
        e.warnings.push_back(fmt::format("link \"{}\" is not http(s); dropped", a.url));
        a.url.clear();
    }
    e.guid = a.id;
    if (a.id.empty()) a.id = a.url;
    // A guid that is no URI (say "12345") is only unique within its feed.
    else if (a.id.find(':') == std::string::npos)
        a.id = a.feed_url + "#" + a.id;
    if (a.id.empty() && !a.title.empty()) {
        a.id = a.feed_url + "#" + a.title;
        e.warnings.push_back("no guid, id or link: identified by its title");
    } else if (a.id.empty() && !a.body.empty()) {
        a.id = a.feed_url + "#" + hash_hex(a.body);
        e.warnings.push_back("no guid, id, link or title: identified by a hash of its text");
    } else if (a.id.empty()) {
        e.warnings.push_back("empty item (no guid, link, title or text): not indexed");
    }
    if (!a.columnists.empty() && e.columnist_source.empty()) e.columnist_source = "author";
    if (a.columnists.empty() || e.columnist_source == "feed") {
        if (auto name = byline_from_text(a.body); !name.empty()) {
            a.columnists = {name};
            e.columnist_source = "byline";
        }
    }
    a.topics = topics_of(e.categories);
    for (std::string* s : {&a.title, &a.body, &a.summary})
        replace_c1_controls(*s);
    resolve_date(e, feed, source);
    a.captured = source.received;
    a.summary = truncate_text(collapse_spaces(a.summary), summary_bytes);
}

// Nothing a feed says keeps its control characters: it is stored, printed
// and written as XML (text.hpp).  The original item is kept exactly.
void strip_feed_controls(Feed& feed) {
    auto strip = [](auto&... strings) { (strip_controls_in_place(strings), ...); };
    auto strip_all = [&](std::vector<std::string>& v) {
        for (auto& s : v)
            strip(s);
    };
    strip(feed.title, feed.link, feed.self_link, feed.updated_text, feed.language);
    strip_all(feed.authors);
    strip_all(feed.credits);
    strip_all(feed.warnings);
    for (auto& e : feed.entries) {
        strip_controls(e.article);
        strip(e.published_text, e.updated_text, e.guid);
        for (auto& c : e.categories)
            strip(c.term, c.scheme, c.label);
        strip_all(e.warnings);
    }
}

std::size_t line_of(std::string_view data, std::ptrdiff_t offset) {
    auto end = data.begin() + std::clamp<std::ptrdiff_t>(offset, 0, data.size());
    return 1 + std::count(data.begin(), end, '\n');
}

// A fetched feed is named by its URL, a file by its path.
Subject subject_of(const FeedSource& source, std::size_t line = 0) {
    auto n = static_cast<unsigned>(line);
    return source.name == source.url ? Subject{.line = n, .url = source.name}
                                     : Subject{.file = source.name, .line = n};
}

Decoded decoded(std::string_view raw, const FeedSource& source) {
    try {
        return decode_feed(raw, source.http_charset);
    } catch (const InputError& e) {
        throw InputError(subject_of(source), e.reason());
    }
}

} // namespace

Feed parse_feed(std::string_view raw, const FeedSource& source) {
    Decoded text = decoded(raw, source);
    pugi::xml_document doc;
    // No DTD processing, no external entities: pugixml never expands either.
    auto result = doc.load_buffer(text.text.data(), text.text.size(),
                                  pugi::parse_default | pugi::parse_doctype, pugi::encoding_utf8);
    if (!result)
        throw InputError(subject_of(source, line_of(text.text, result.offset)),
                         fmt::format("not well-formed XML: {}", result.description()));
    Feed feed;
    feed.encoding = text.encoding;
    feed.warnings = std::move(text.warnings);
    Context ctx{source.base_url.empty() ? source.url : source.base_url, &feed};
    try {
        parse_root(feed, doc.document_element(), ctx);
    } catch (const InputError& e) {
        throw InputError(subject_of(source), e.reason());
    }
    // "Content-Language: de, en" names the audience's languages: the first.
    if (feed.language.empty())
        feed.language =
            collapse_spaces(source.http_language.substr(0, source.http_language.find(',')));
    if (!feed.language.empty() && language_code(feed.language).empty())
        feed.warnings.push_back(not_a_language(feed.language));
    for (auto& e : feed.entries)
        resolve(e, feed, source);
    strip_feed_controls(feed);
    return feed;
}

} // namespace morgue
