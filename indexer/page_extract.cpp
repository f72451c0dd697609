#include "page_extract.hpp"

#include "encoding.hpp"
#include "html_tree.hpp"
#include "morgue/text.hpp"

#include <algorithm>
#include <map>
#include <nlohmann/json.hpp>
#include <pugixml.hpp>
#include <set>

namespace morgue {

namespace {

bool has_word(std::string_view haystack, std::initializer_list<std::string_view> words) {
    for (auto w : words)
        if (haystack.find(w) != std::string_view::npos) return true;
    return false;
}

std::string class_and_id(const pugi::xml_node& n) {
    return ascii_lower(std::string(n.attribute("class").value()) + " " + n.attribute("id").value());
}

bool is_block(std::string_view name);

// One line of text: the node's text, spaces collapsed; a <br> or a block
// inside is a space, inline markup none ("<span>O</span>n" is "On").
std::string text_of(const pugi::xml_node& n) {
    struct Walker : pugi::xml_tree_walker {
        std::string out;
        bool for_each(pugi::xml_node& d) override {
            if (d.type() == pugi::node_pcdata)
                out += d.value();
            else if (d.type() == pugi::node_element &&
                     (std::string_view(d.name()) == "br" || is_block(d.name())))
                out += ' ';
            return true;
        }
    } w;
    pugi::xml_node copy = n;
    copy.traverse(w);
    return collapse_spaces(w.out);
}

// A class or id token that names an advertisement: "ad", "ads", "ad-top",
// "mid-ad", "anzeige".
bool names_an_ad(std::string_view names) {
    for (auto token : split_words(names)) {
        if (token == "ad" || token == "ads" || token == "anzeige" || token == "werbung" ||
            token.starts_with("ad-") || token.starts_with("ads-") || token.ends_with("-ad") ||
            token.ends_with("-ads") || token.starts_with("ad_") || token.starts_with("dfp"))
            return true;
    }
    return false;
}

// Elements that are never the article's text, by what they are or what
// their class, id, role or state says they are.  The strong words always
// mark junk ("article-comments" too); the weak ones not in a block whose
// names also say it holds the content ("main-content has-sidebar").
bool is_junk(const pugi::xml_node& n) {
    static const std::initializer_list<std::string_view> tags = {
        "nav",   "aside",  "footer",     "header",   "form",   "button", "iframe", "select",
        "svg",   "figure", "figcaption", "menu",     "dialog", "object", "embed",  "video",
        "audio", "canvas", "input",      "textarea", "label",  "script"};
    std::string_view name = n.name();
    for (auto t : tags)
        if (name == t) return true;
    std::string role = ascii_lower(n.attribute("role").value());
    if (role == "navigation" || role == "complementary" || role == "contentinfo" ||
        role == "banner" || role == "dialog" || role == "alert")
        return true;
    if (n.attribute("hidden") || std::string_view(n.attribute("aria-hidden").value()) == "true")
        return true;
    std::string style = ascii_lower(n.attribute("style").value());
    std::erase(style, ' ');
    if (has_word(style, {"display:none", "visibility:hidden"})) return true;
    std::string names = class_and_id(n);
    if (names.size() <= 1) return false;
    if (names_an_ad(names)) return true;
    if (has_word(names,
                 {"comment",    "related",     "share",          "sharing",        "social",
                  "newsletter", "promo",       "advert",         "sponsor",        "outbrain",
                  "taboola",    "cookie",      "subscribe",      "signup",         "sign-up",
                  "recommend",  "most-read",   "mostread",       "most-popular",   "popular",
                  "read-more",  "readmore",    "more-stories",   "breadcrumb",     "caption",
                  "credit",     "disqus",      "paywall-prompt", "modal",          "popup",
                  "banner",     "ad-slot",     "ad-container",   "adslot",         "advertisement",
                  "tags",       "author-bio",  "skip",           "published-date", "-dates",
                  "timestamp",  "last-updated"}))
        return true;
    bool weak = has_word(names, {"sidebar", "footer", "nav", "menu", "header", "masthead", "widget",
                                 "toolbar", "pagination", "pager", "rail"});
    bool content =
        has_word(names, {"article", "content", "story", "entry", "post", "main", "body", "text"});
    return weak && !content;
}

std::size_t code_points(std::string_view s) {
    return static_cast<std::size_t>(
        std::count_if(s.begin(), s.end(), [](char c) { return (c & 0xC0) != 0x80; }));
}

// CJK text says in one character what others say in a word: counted as two.
std::size_t weighted_length(std::string_view s) {
    std::size_t n = 0;
    for (std::size_t i = 0; i < s.size(); ++i) {
        auto c = static_cast<unsigned char>(s[i]);
        if ((c & 0xC0) == 0x80) continue;
        n += c >= 0xE3 && c <= 0xED ? 2 : 1; // U+3000-U+DFFF: CJK, kana, hangul
    }
    return n;
}

std::size_t commas(std::string_view s) {
    std::size_t n = std::count(s.begin(), s.end(), ',');
    for (std::string_view mark : {"，", "、", "。"})
        for (auto at = s.find(mark); at != std::string_view::npos; at = s.find(mark, at + 1))
            ++n;
    return n;
}

double link_density(const pugi::xml_node& n, std::size_t length) {
    if (length == 0) return 0;
    std::size_t linked = 0;
    for (auto a : n.select_nodes(".//a"))
        linked += code_points(text_of(a.node()));
    return static_cast<double>(linked) / static_cast<double>(length);
}

bool is_block(std::string_view name) {
    return name == "p" || name == "div" || name == "section" || name == "article" || name == "ul" ||
           name == "ol" || name == "table" || name == "blockquote" || name == "h1" ||
           name == "h2" || name == "h3" || name == "h4" || name == "pre" || name == "main" ||
           name == "li" || name == "figure";
}

// A <p>, or a <div> that is one: text and inline elements only.
bool is_paragraph(const pugi::xml_node& n) {
    std::string_view name = n.name();
    if (name == "p") return true;
    if (name != "div") return false;
    for (auto c : n.children())
        if (c.type() == pugi::node_element && is_block(c.name())) return false;
    return true;
}

// A paragraph that is furniture, not the article: "Advertisement", a
// "Read more:" line, a line that is all link.
bool is_furniture(const pugi::xml_node& p, const std::string& text) {
    if (text.empty()) return true;
    std::string l = ascii_lower(text);
    if (l == "advertisement" || l == "advertisement:" || l == "ad" || l.starts_with("read more:") ||
        l.starts_with("related:") || l.starts_with("see also:") || l.starts_with("sign up") ||
        l.starts_with("subscribe to") || l.starts_with("follow us"))
        return true;
    return link_density(p, code_points(text)) > 0.5;
}

// What a block's names say of it, as readability weighs them: a block
// named for the article's text ("article-body", itemprop="articleBody")
// gains, one named for furniture loses.
double class_weight(const pugi::xml_node& n) {
    std::string names = class_and_id(n) + " " + ascii_lower(n.attribute("itemprop").value()) + " " +
                        ascii_lower(n.attribute("name").value());
    double w = 0;
    if (has_word(names, {"article", "body", "content", "entry", "story", "text", "post", "main",
                         "blog", "richtext"}))
        w += 25;
    if (has_word(names, {"sidebar", "footer", "nav", "menu", "widget", "rail", "meta", "teaser",
                         "header", "masthead", "hidden"}))
        w -= 25;
    return w;
}

struct Scorer {
    std::map<pugi::xml_node, double> score; // by block
    std::vector<pugi::xml_node> paragraphs;

    bool inside_junk(pugi::xml_node n, const pugi::xml_node& top) const {
        for (; n && n != top; n = n.parent())
            if (n.type() == pugi::node_element && is_junk(n)) return true;
        return false;
    }

    void run(const pugi::xml_node& body) {
        for (auto x : body.select_nodes(".//p | .//div")) {
            pugi::xml_node p = x.node();
            if (!is_paragraph(p) || inside_junk(p, body)) continue;
            std::string text = text_of(p);
            std::size_t length = weighted_length(text);
            if (length < 25) continue;
            paragraphs.push_back(p);
            double s = 1 + static_cast<double>(commas(text)) +
                       std::min(3.0, static_cast<double>(length / 100));
            double share = 1;
            for (auto up = p.parent(); up && share > 0.3 && up != body.parent(); up = up.parent()) {
                score[up] += s * share;
                share = share == 1 ? 0.5 : share / 1.5; // parent, grandparent half, then a third
            }
        }
    }

    double final_score(const pugi::xml_node& n) const {
        auto it = score.find(n);
        if (it == score.end()) return 0;
        return (it->second + class_weight(n)) * (1 - link_density(n, code_points(text_of(n))));
    }

    pugi::xml_node best() const {
        pugi::xml_node top;
        double top_score = 0;
        for (const auto& [n, _] : score)
            if (double s = final_score(n); s > top_score) top = n, top_score = s;
        return top;
    }
};

void add_paragraphs(const pugi::xml_node& block, const pugi::xml_node& body, PageText& out) {
    auto take = [&](const pugi::xml_node& p) {
        for (auto up = p; up && up != block.parent(); up = up.parent())
            if (up.type() == pugi::node_element && up != block && is_junk(up)) return;
        std::string text = text_of(p);
        if (!is_furniture(p, text)) out.paragraphs.push_back(std::move(text));
    };
    (void)body;
    if (is_paragraph(block)) return take(block);
    for (auto x : block.select_nodes(".//p | .//div"))
        if (is_paragraph(x.node())) take(x.node());
}

// The best block and those of its siblings that score nearly as well (an
// article split by an advertisement into two <div>s).
void heuristic_body(const pugi::xml_node& body, PageText& out) {
    Scorer s;
    s.run(body);
    pugi::xml_node top = s.best();
    if (!top) return;
    double threshold = std::max(10.0, s.final_score(top) * 0.2);
    pugi::xml_node parent = top.parent();
    if (!parent || top == body) return add_paragraphs(top, body, out);
    for (auto sibling : parent.children()) {
        if (sibling.type() != pugi::node_element || is_junk(sibling)) continue;
        bool joins = sibling == top || s.final_score(sibling) >= threshold;
        if (!joins && sibling.name() == std::string_view("p")) {
            std::string text = text_of(sibling);
            joins = weighted_length(text) >= 80 && link_density(sibling, code_points(text)) < 0.25;
        }
        if (joins) add_paragraphs(sibling, body, out);
    }
}

// The elements an XPath selects, less those inside another selected one
// (`//aside` matches an aside within an aside too): each once, outermost.
std::vector<pugi::xml_node> outermost(const pugi::xml_document& doc, const std::string& xpath) {
    std::set<pugi::xml_node> all;
    for (auto x : doc.select_nodes(xpath.c_str()))
        if (x.node() && x.node().type() == pugi::node_element) all.insert(x.node());
    std::vector<pugi::xml_node> out;
    for (auto x : doc.select_nodes(xpath.c_str())) {
        pugi::xml_node n = x.node();
        if (!all.contains(n)) continue;
        bool inside = false;
        for (auto up = n.parent(); up && !inside; up = up.parent())
            inside = all.contains(up);
        if (!inside && std::find(out.begin(), out.end(), n) == out.end()) out.push_back(n);
    }
    return out;
}

void rule_body(pugi::xml_document& doc, const SiteRule& rule, PageText& out) {
    // Removed outermost first: a removed subtree's nodes are freed, so none
    // inside one may be touched after.
    if (!rule.drop.empty())
        for (auto n : outermost(doc, rule.drop))
            n.parent().remove_child(n);
    for (pugi::xml_node block : outermost(doc, rule.body)) {
        std::size_t before = out.paragraphs.size();
        for (auto p : block.select_nodes(".//p"))
            if (std::string t = text_of(p.node()); !t.empty()) out.paragraphs.push_back(t);
        if (out.paragraphs.size() == before)
            if (std::string t = text_of(block); !t.empty()) out.paragraphs.push_back(t);
    }
}

// JSON-LD's article author: {"@type": "NewsArticle", "author": {"name": …}}.
void authors_in(const nlohmann::json& j, std::vector<std::string>& out, int depth = 0) {
    if (depth > 8) return;
    if (j.is_array()) {
        for (const auto& e : j)
            authors_in(e, out, depth + 1);
        return;
    }
    if (!j.is_object()) return;
    if (auto a = j.find("author"); a != j.end()) {
        auto name_of = [&](const nlohmann::json& p) {
            if (p.is_string()) out.push_back(p.get<std::string>());
            if (p.is_object() && p.contains("name") && p["name"].is_string())
                out.push_back(p["name"].get<std::string>());
        };
        if (a->is_array())
            for (const auto& p : *a)
                name_of(p);
        else
            name_of(*a);
    }
    if (auto g = j.find("@graph"); g != j.end()) authors_in(*g, out, depth + 1);
}

std::string json_ld_byline(const pugi::xml_document& doc) {
    for (auto x : doc.select_nodes("//script[@type='application/ld+json']")) {
        auto j = nlohmann::json::parse(x.node().child_value(), nullptr, false);
        if (j.is_discarded()) continue;
        std::vector<std::string> names;
        authors_in(j, names);
        std::string line;
        for (const auto& n : names)
            if (!n.empty() && n.find("://") == std::string::npos)
                line += (line.empty() ? "" : "; ") + n;
        if (!line.empty()) return line;
    }
    return {};
}

std::string first_text(const pugi::xml_document& doc, const char* xpath) {
    for (auto x : doc.select_nodes(xpath)) {
        std::string t = x.attribute() ? collapse_spaces(x.attribute().value()) : text_of(x.node());
        if (!t.empty() && code_points(t) <= 200 && t.find("://") == std::string::npos) return t;
    }
    return {};
}

// Who the page says wrote it: the site rule's element, else JSON-LD, meta
// tags, schema.org microdata, rel=author, a byline class.
std::string page_byline(const pugi::xml_document& doc, const SiteRule* rule) {
    if (rule && !rule->byline.empty()) return first_text(doc, rule->byline.c_str());
    if (auto b = json_ld_byline(doc); !b.empty()) return b;
    for (const char* xpath :
         {"//meta[@name='author']/@content", "//meta[@property='article:author']/@content",
          "//meta[@name='byl']/@content", "//meta[@name='dc.creator']/@content",
          "//*[@itemprop='author']//*[@itemprop='name']", "//*[@itemprop='author']",
          "//a[@rel='author']", "//*[contains(concat(' ', @class, ' '), ' byline ')]",
          "//*[contains(@class, 'byline')]", "//*[contains(@class, 'author-name')]",
          "//*[contains(concat(' ', @class, ' '), ' author ')]", "//article//address"})
        if (auto b = first_text(doc, xpath); !b.empty()) return b;
    return {};
}

// <meta charset="big5"> or <meta http-equiv="Content-Type" content="…; charset=big5">,
// in the first 4 KB as the HTML standard's prescan reads them.
std::string meta_charset(std::string_view raw) {
    std::string head = ascii_lower(raw.substr(0, 4096));
    for (auto at = head.find("<meta"); at != std::string::npos; at = head.find("<meta", at + 1)) {
        auto end = head.find('>', at);
        std::string tag = head.substr(at, end == std::string::npos ? std::string::npos : end - at);
        auto cs = tag.find("charset=");
        if (cs == std::string::npos) continue;
        std::size_t from = cs + 8;
        while (from < tag.size() && (tag[from] == '"' || tag[from] == '\'' || tag[from] == ' '))
            ++from;
        std::size_t to = from;
        while (to < tag.size() && (std::isalnum(static_cast<unsigned char>(tag[to])) ||
                                   tag[to] == '-' || tag[to] == '_' || tag[to] == ':'))
            ++to;
        if (to > from) return tag.substr(from, to - from);
    }
    return {};
}

} // namespace

std::string PageText::text() const {
    std::string out;
    for (const auto& p : paragraphs)
        (out.empty() ? out : out += '\n') += p;
    return out;
}

std::string decode_page(std::string_view raw, std::string_view content_type) {
    std::string charset = charset_of_content_type(content_type);
    if (charset.empty()) charset = meta_charset(raw);
    return decode_feed(raw, charset).text;
}

PageText extract_article(std::string_view html, const SiteRule* rule) {
    pugi::xml_document doc;
    parse_html_tree(html, doc);
    PageText out;
    out.byline = page_byline(doc, rule);
    if (rule && !rule->body.empty()) rule_body(doc, *rule, out);
    if (out.paragraphs.empty()) {
        pugi::xml_node body = doc.select_node("//body").node();
        heuristic_body(body ? body : doc.document_element(), out);
    }
    return out;
}

} // namespace morgue
