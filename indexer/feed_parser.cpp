#include "feed_parser.hpp"

#include "html_text.hpp"
#include "morgue/dates.hpp"
#include "morgue/errors.hpp"
#include "morgue/text.hpp"

#include <algorithm>
#include <fmt/format.h>
#include <pugixml.hpp>
#include <sstream>

namespace morgue {

namespace {

constexpr std::size_t summary_bytes = 400;

bool starts_with_icase(std::string_view s, std::string_view prefix) {
    return s.size() >= prefix.size() &&
           std::equal(prefix.begin(), prefix.end(), s.begin(),
                      [](char a, char b) { return std::tolower(a) == std::tolower(b); });
}

bool is_web_url(std::string_view url) {
    return starts_with_icase(url, "http://") || starts_with_icase(url, "https://");
}

std::size_t line_of(std::string_view data, std::ptrdiff_t offset) {
    auto end = data.begin() + std::clamp<std::ptrdiff_t>(offset, 0, data.size());
    return 1 + std::count(data.begin(), end, '\n');
}

// All character data directly inside `node` (pugixml's child_value() gives only
// the first run, which splits at CDATA sections).
std::string text_of(const pugi::xml_node& node) {
    std::string out;
    for (auto child : node.children())
        if (child.type() == pugi::node_pcdata || child.type() == pugi::node_cdata)
            out += child.value();
    return out;
}

std::string inner_xml(const pugi::xml_node& node) {
    std::ostringstream out;
    for (auto child : node.children())
        child.print(out, "", pugi::format_raw);
    return out.str();
}

// An Atom text construct (title, summary, content) as plain text.
std::string atom_text(const pugi::xml_node& node) {
    std::string_view type = node.attribute("type").as_string("text");
    if (type == "xhtml") return html_to_text(inner_xml(node));
    if (type == "html" || type == "text/html") return html_to_text(text_of(node));
    return collapse_spaces(text_of(node));
}

// RSS titles and descriptions are often entity-escaped HTML.
std::string rss_text(const pugi::xml_node& node) {
    return html_to_text(text_of(node));
}

// The item as it stood in the feed, with the namespace declarations of its
// ancestors copied onto it so that it parses on its own.
std::string original_xml(const pugi::xml_node& item) {
    pugi::xml_document doc;
    auto copy = doc.append_copy(item);
    for (auto up = item.parent(); up; up = up.parent())
        for (auto attr : up.attributes()) {
            std::string_view name = attr.name();
            if ((name == "xmlns" || name.starts_with("xmlns:") || name == "xml:base") &&
                !copy.attribute(attr.name()))
                copy.append_attribute(attr.name()) = attr.value();
        }
    std::ostringstream out;
    copy.print(out, "", pugi::format_raw);
    return out.str();
}

// RSS <author> is "email (Name)" or sometimes just a name.
std::string rss_author(std::string_view text) {
    auto open = text.find('(');
    auto close = text.rfind(')');
    if (text.find('@') != std::string_view::npos && open != std::string_view::npos &&
        close != std::string_view::npos && close > open)
        return collapse_spaces(text.substr(open + 1, close - open - 1));
    if (text.find('@') != std::string_view::npos && text.find(' ') == std::string_view::npos)
        return {}; // a bare e-mail address names no one
    return collapse_spaces(text);
}

void add_unique(std::vector<std::string>& list, std::string value) {
    value = collapse_spaces(value);
    if (value.empty()) return;
    auto folded = casefold(value);
    for (const auto& v : list)
        if (casefold(v) == folded) return;
    list.push_back(std::move(value));
}

std::optional<std::time_t> date_of(const pugi::xml_node& node, FeedEntry* entry) {
    if (!node) return std::nullopt;
    auto t = parse_date(text_of(node));
    if (!t && entry)
        entry->warnings.push_back(
            fmt::format("unparseable <{}> \"{}\"", node.name(), collapse_spaces(text_of(node))));
    return t;
}

void set_link(Article& a, std::string link, FeedEntry& e) {
    link = collapse_spaces(link);
    if (link.empty()) return;
    if (is_web_url(link))
        a.url = std::move(link);
    else
        e.warnings.push_back(fmt::format("link \"{}\" is not http(s); dropped", link));
}

FeedEntry parse_rss_item(const pugi::xml_node& item) {
    FeedEntry e;
    Article& a = e.article;
    a.title = collapse_spaces(rss_text(item.child("title")));
    set_link(a, text_of(item.child("link")), e);
    a.id = collapse_spaces(text_of(item.child("guid")));
    std::string description = rss_text(item.child("description"));
    std::string content = html_to_text(text_of(item.child("content:encoded")));
    a.body = content.empty() ? description : content;
    a.summary = description.empty() ? a.body : description;
    for (auto n : item.children("author"))
        add_unique(a.columnists, rss_author(text_of(n)));
    for (auto n : item.children("dc:creator"))
        add_unique(a.columnists, text_of(n));
    for (auto n : item.children("category"))
        add_unique(a.topics, text_of(n));
    for (auto n : item.children("dc:subject"))
        add_unique(a.topics, text_of(n));
    e.published = date_of(item.child("pubDate"), &e);
    if (!e.published) e.published = date_of(item.child("dc:date"), &e);
    return e;
}

std::string atom_link(const pugi::xml_node& parent) {
    for (auto link : parent.children("link")) {
        std::string_view rel = link.attribute("rel").as_string("alternate");
        if (rel == "alternate") return link.attribute("href").as_string();
    }
    return {};
}

std::vector<std::string> atom_authors(const pugi::xml_node& parent) {
    std::vector<std::string> out;
    for (auto author : parent.children("author"))
        add_unique(out, text_of(author.child("name")));
    return out;
}

FeedEntry parse_atom_entry(const pugi::xml_node& entry,
                           const std::vector<std::string>& feed_authors) {
    FeedEntry e;
    Article& a = e.article;
    a.title = atom_text(entry.child("title"));
    set_link(a, atom_link(entry), e);
    a.id = collapse_spaces(text_of(entry.child("id")));
    std::string summary = atom_text(entry.child("summary"));
    a.body = atom_text(entry.child("content"));
    if (a.body.empty()) a.body = summary;
    a.summary = summary.empty() ? a.body : summary;
    a.columnists = atom_authors(entry);
    for (auto n : entry.children("dc:creator"))
        add_unique(a.columnists, text_of(n));
    if (a.columnists.empty()) a.columnists = feed_authors;
    for (auto c : entry.children("category")) {
        std::string label = c.attribute("label").as_string();
        add_unique(a.topics, label.empty() ? c.attribute("term").as_string() : label);
    }
    e.published = date_of(entry.child("published"), &e);
    e.updated = date_of(entry.child("updated"), &e);
    return e;
}

void resolve(FeedEntry& e, const Feed& feed, const FeedSource& source) {
    Article& a = e.article;
    a.feed_title = feed.title;
    a.feed_url = source.url.empty() ? feed.link : source.url;
    if (a.id.empty()) a.id = a.url;
    // A guid that is no URI (say "12345") is only unique within its feed.
    else if (a.id.find(':') == std::string::npos)
        a.id = a.feed_url + "#" + a.id;
    if (a.id.empty() && !a.title.empty()) {
        a.id = a.feed_url + "#" + a.title;
        e.warnings.push_back("no guid, id or link: identified by its title");
    }
    if (e.published) {
        a.date = *e.published, a.date_source = DateSource::published;
    } else if (e.updated) {
        a.date = *e.updated, a.date_source = DateSource::updated;
    } else if (feed.updated) {
        a.date = *feed.updated, a.date_source = DateSource::feed;
    } else {
        a.date = source.received, a.date_source = DateSource::imported;
    }
    if (a.date_source != DateSource::published)
        e.warnings.push_back(
            fmt::format("no publication date: using the {} date", date_source_name(a.date_source)));
    a.summary = truncate_text(collapse_spaces(a.summary), summary_bytes);
}

// UTF-16 and UTF-32 feeds start with a BOM or have NULs among the first bytes.
bool looks_utf8(std::string_view data) {
    if (data.starts_with("\xFE\xFF") || data.starts_with("\xFF\xFE")) return false;
    return data.substr(0, 4).find('\0') == std::string_view::npos;
}

Feed parse_rss(const pugi::xml_node& rss) {
    Feed feed;
    feed.format = "rss2.0";
    auto channel = rss.child("channel");
    feed.title = collapse_spaces(rss_text(channel.child("title")));
    feed.link = collapse_spaces(text_of(channel.child("link")));
    for (auto link : channel.children("atom:link"))
        if (std::string_view(link.attribute("rel").as_string()) == "self")
            feed.link = link.attribute("href").as_string();
    feed.updated = date_of(channel.child("lastBuildDate"), nullptr);
    if (!feed.updated) feed.updated = date_of(channel.child("pubDate"), nullptr);
    for (auto item : channel.children("item")) {
        feed.entries.push_back(parse_rss_item(item));
        feed.entries.back().article.original = original_xml(item);
    }
    return feed;
}

Feed parse_atom(const pugi::xml_node& root) {
    Feed feed;
    feed.format = "atom1.0";
    feed.title = atom_text(root.child("title"));
    feed.link = atom_link(root);
    for (auto link : root.children("link"))
        if (std::string_view(link.attribute("rel").as_string()) == "self")
            feed.link = link.attribute("href").as_string();
    feed.updated = date_of(root.child("updated"), nullptr);
    auto authors = atom_authors(root);
    for (auto entry : root.children("entry")) {
        feed.entries.push_back(parse_atom_entry(entry, authors));
        feed.entries.back().article.original = original_xml(entry);
    }
    return feed;
}

} // namespace

Feed parse_feed(std::string_view raw, const FeedSource& source) {
    // Bad bytes become U+FFFD before parsing, so that no text built from them
    // (titles, terms, snippets) is invalid UTF-8, and the feed still loads.
    std::string repaired;
    std::size_t bad = 0;
    if (looks_utf8(raw)) {
        repaired = raw;
        bad = repair_utf8(repaired);
    }
    std::string_view data = bad ? std::string_view(repaired) : raw;
    pugi::xml_document doc;
    auto result =
        doc.load_buffer(data.data(), data.size(), pugi::parse_default | pugi::parse_declaration);
    if (!result)
        throw InputError(fmt::format("{}:{}: not well-formed XML: {}", source.name,
                                     line_of(data, result.offset), result.description()));
    auto root = doc.document_element();
    std::string_view name = root.name();
    Feed feed;
    if (name == "rss" && root.child("channel"))
        feed = parse_rss(root);
    else if (name == "feed")
        feed = parse_atom(root);
    else
        throw InputError(
            fmt::format("{}: not an RSS or Atom feed (root element <{}>)", source.name, name));
    if (bad)
        feed.warnings.push_back(fmt::format("{} invalid UTF-8 sequence{} replaced by U+FFFD", bad,
                                            bad == 1 ? "" : "s"));
    for (auto& e : feed.entries)
        resolve(e, feed, source);
    std::erase_if(feed.entries, [&](const FeedEntry& e) {
        if (!e.article.id.empty()) return false;
        feed.warnings.push_back("an item with no guid, link or title was skipped");
        return true;
    });
    return feed;
}

} // namespace morgue
