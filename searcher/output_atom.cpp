#include "morgue/dates.hpp"
#include "morgue/text.hpp"
#include "output.hpp"

#include <ctime>
#include <pugixml.hpp>
#include <sstream>

namespace morgue {

namespace {

// XML 1.0 has no way to write most control characters (pugixml would
// write &#01;, which every parser rejects): they are left out.
void text_child(pugi::xml_node parent, const char* name, const std::string& text) {
    parent.append_child(name).text().set(strip_controls(text).c_str());
}

void entry(pugi::xml_node feed, const Hit& h) {
    const Article& a = h.article;
    auto e = feed.append_child("entry");
    if (!h.article.language.empty()) e.append_attribute("xml:lang") = h.article.language.c_str();
    // Atom ids are IRIs; Morgue's ids are URIs except for bare guids.
    text_child(e, "id", a.id.find(':') != std::string::npos ? a.id : "urn:morgue:" + a.id);
    text_child(e, "title", a.title.empty() ? "(untitled)" : a.title);
    if (!a.url.empty()) {
        auto link = e.append_child("link");
        link.append_attribute("rel") = "alternate";
        link.append_attribute("href") = a.url.c_str();
    }
    // RFC 3339 with the publisher's offset: a reader shows the day it printed.
    std::string when = a.date ? iso8601_local(a.date, a.utc_offset) : std::string();
    text_child(e, "published", when);
    text_child(e, "updated", when);
    // An Atom author is a person or an organisation (RFC 4287 3.2): desks too.
    for (const auto* names : {&a.columnists, &a.credits})
        for (const auto& name : *names)
            text_child(e.append_child("author"), "name", name);
    for (const auto& topic : a.topics)
        e.append_child("category").append_attribute("term") = topic.c_str();
    auto summary = e.append_child("summary");
    summary.append_attribute("type") = "text";
    summary.text().set(strip_controls(h.snippet.empty() ? a.summary : h.snippet).c_str());
    if (!a.feed_title.empty()) text_child(e.append_child("source"), "title", a.feed_title);
}

void link(pugi::xml_node parent, const char* rel, const char* type, const std::string& href) {
    if (href.empty()) return;
    auto l = parent.append_child("link");
    l.append_attribute("rel") = rel;
    l.append_attribute("type") = type;
    l.append_attribute("href") = href.c_str();
}

} // namespace

std::string format_atom(const SearchResult& r, const std::string& generator,
                        const AtomLinks& links) {
    pugi::xml_document doc;
    auto decl = doc.append_child(pugi::node_declaration);
    decl.append_attribute("version") = "1.0";
    decl.append_attribute("encoding") = "utf-8";
    auto feed = doc.append_child("feed");
    feed.append_attribute("xmlns") = "http://www.w3.org/2005/Atom";
    text_child(feed, "title",
               "Morgue: " + (r.query.empty() ? std::string("all articles") : r.query));
    text_child(feed, "id", "urn:morgue:search:" + hash_hex(r.query));
    // A feed is as new as its newest entry; with none, as of now.
    std::time_t updated = 0;
    for (const Hit& h : r.hits)
        updated = std::max(updated, h.article.date);
    text_child(feed, "updated", iso8601_utc(updated ? updated : std::time(nullptr)));
    text_child(feed, "generator", generator);
    link(feed, "self", "application/atom+xml", links.self);
    link(feed, "alternate", "text/html", links.alternate);
    for (const Hit& h : r.hits)
        entry(feed, h);
    std::ostringstream out;
    doc.save(out, "  ", pugi::format_default, pugi::encoding_utf8);
    return out.str();
}

} // namespace morgue
