#include "morgue/document.hpp"

#include "morgue/compress.hpp"
#include "morgue/dates.hpp"
#include "morgue/errors.hpp"
#include "morgue/text.hpp"

#include <fmt/format.h>
#include <nlohmann/json.hpp>
#include <xxhash.h>

namespace morgue {

namespace {

// Xapian terms are limited to 245 bytes; leave room for the prefix.
constexpr std::size_t max_term_value = 200;

std::string bounded_term(const std::string& prefix, const std::string& value) {
    if (value.size() <= max_term_value) return prefix + value;
    return prefix + "#" + hash_hex(value);
}

// Spelling data comes from unprefixed text only: corrections are for plain
// query words, not for columnist names or field terms.
void index_without_spelling(Xapian::TermGenerator& tg, const std::string& text, unsigned weight,
                            const std::string& prefix) {
    using TG = Xapian::TermGenerator;
    auto old = tg.set_flags(TG::flags(0), TG::flags(~TG::FLAG_SPELLING));
    tg.index_text(text, weight, prefix);
    tg.set_flags(old);
}

void index_text(Xapian::TermGenerator& tg, const Field& f, const std::string& text) {
    if (text.empty()) return;
    tg.index_text(text, f.weight);
    if (!f.prefix.empty()) index_without_spelling(tg, text, f.weight, f.prefix);
    tg.increase_termpos();
}

void index_keywords(Xapian::Document& doc, Xapian::TermGenerator& tg, const Field& f,
                    const std::vector<std::string>& values) {
    std::string joined;
    for (const std::string& v : values) {
        if (v.empty()) continue;
        doc.add_boolean_term(keyword_term(f, v));
        if (!f.text_prefix.empty()) {
            index_without_spelling(tg, v, 1, f.text_prefix);
            tg.increase_termpos();
        }
        if (!joined.empty()) joined += value_separator;
        joined += v;
        if (!f.multi) break;
    }
    if (!joined.empty()) doc.add_value(*f.slot, joined);
}

// The year, month and day terms and facet values are the publisher's: the
// date printed on the article.
void index_date(Xapian::Document& doc, const Field& f, std::time_t t, long offset) {
    std::time_t wall = t + offset;
    std::tm tm{};
    gmtime_r(&wall, &tm);
    int y = tm.tm_year + 1900, m = tm.tm_mon + 1, d = tm.tm_mday;
    doc.add_value(*f.slot, Xapian::sortable_serialise(static_cast<double>(t)));
    doc.add_value(slot_local_date, Xapian::sortable_serialise(static_cast<double>(wall)));
    doc.add_boolean_term(fmt::format("{}{:04}", f.year_prefix, y));
    doc.add_boolean_term(fmt::format("{}{:04}{:02}", f.month_prefix, y, m));
    doc.add_boolean_term(fmt::format("{}{:04}{:02}{:02}", f.day_prefix, y, m, d));
    if (f.year_slot) doc.add_value(*f.year_slot, fmt::format("{:04}", y));
    if (f.month_slot) doc.add_value(*f.month_slot, fmt::format("{:04}-{:02}", y, m));
}

nlohmann::json stored_json(const Schema& schema, const Article& a) {
    nlohmann::json j = {{"id", a.id},
                        {"summary", a.summary},
                        {"date_source", date_source_name(a.date_source)},
                        {"feed_url", a.feed_url},
                        {"language", a.language}};
    auto put = [&](const char* name, auto&& value) {
        if (const Field* f = schema.find(name); f && f->stored) j[name] = value;
    };
    put("title", a.title);
    put("url", a.url);
    put("body", a.body);
    put("columnist", a.columnists);
    put("topic", a.topics);
    put("feed", a.feed_title);
    put("date", iso8601_utc(a.date));
    if (const Field* f = schema.find("date"); f && f->stored)
        j["date_local"] = iso8601_local(a.date, a.utc_offset);
    return j;
}

std::string string_at(const nlohmann::json& j, const char* key) {
    auto it = j.find(key);
    if (it == j.end() || !it->is_string()) return {};
    std::string s = it->get<std::string>();
    strip_controls_in_place(s); // stored by any version, read by every output
    return s;
}

std::vector<std::string> strings_at(const nlohmann::json& j, const char* key) {
    std::vector<std::string> out;
    auto it = j.find(key);
    if (it != j.end() && it->is_array())
        for (const auto& v : *it)
            if (v.is_string()) {
                out.push_back(v.get<std::string>());
                strip_controls_in_place(out.back());
            }
    return out;
}

} // namespace

Xapian::valueno calendar_slot(const Xapian::Database& db, const Schema& schema) {
    // Every document must have it: in an archive written partly before it, a
    // range on it would lose the older articles.
    if (db.get_value_freq(slot_local_date) == db.get_doccount()) return slot_local_date;
    return *schema.get("date").slot;
}

std::vector<std::string> value_parts(std::string_view joined) {
    std::vector<std::string> out;
    std::size_t start = 0;
    while (start <= joined.size()) {
        std::size_t end = std::min(joined.find(value_separator, start), joined.size());
        if (end > start) out.emplace_back(joined.substr(start, end - start));
        start = end + 1;
    }
    return out;
}

const char* date_source_name(DateSource s) {
    switch (s) {
    case DateSource::published:
        return "published";
    case DateSource::updated:
        return "updated";
    case DateSource::feed:
        return "feed";
    case DateSource::received:
        return "received";
    }
    return "?";
}

DateSource date_source_named(std::string_view name) {
    for (DateSource d : {DateSource::updated, DateSource::feed, DateSource::received})
        if (name == date_source_name(d)) return d;
    return DateSource::published;
}

std::string keyword_term(const Field& field, std::string_view value) {
    return bounded_term(field.prefix, casefold(value));
}

std::string story_fingerprint(const Article& a) {
    constexpr std::size_t lead_words = 40;
    std::string normal;
    auto add = [&](const std::string& text, std::size_t max_words) {
        std::size_t words = 0;
        bool in_word = false;
        for (Xapian::Utf8Iterator it(text); it != Xapian::Utf8Iterator() && words < max_words;
             ++it) {
            bool letter = Xapian::Unicode::is_wordchar(*it);
            if (letter) Xapian::Unicode::append_utf8(normal, Xapian::Unicode::tolower(*it));
            if (in_word && !letter) {
                normal += ' ';
                ++words;
            }
            in_word = letter;
        }
        normal += '\n';
    };
    add(a.title, 50);
    add(a.body.empty() ? a.summary : a.body, lead_words);
    return hash_hex(normal);
}

std::string unique_term(const Schema& schema, const Article& article) {
    return bounded_term(schema.get("url").prefix, article.id);
}

Xapian::Document build_document(const Schema& schema, const Article& a, Xapian::TermGenerator& tg) {
    Xapian::Document doc;
    tg.set_document(doc);
    index_text(tg, schema.get("title"), a.title);
    index_text(tg, schema.get("body"), a.body);
    index_keywords(doc, tg, schema.get("columnist"), a.columnists);
    index_keywords(doc, tg, schema.get("topic"), a.topics);
    index_keywords(doc, tg, schema.get("feed"), {a.feed_title});
    // A schema from before languages has no such field; the writer stores
    // the language all the same, for rebuild.
    if (const Field* f = schema.find("language")) index_keywords(doc, tg, *f, {a.language});
    index_date(doc, schema.get("date"), a.date, a.utc_offset);
    doc.add_boolean_term(unique_term(schema, a));

    std::string data = stored_json(schema, a).dump();
    doc.add_value(slot_content_hash, hash_hex(a.original, XXH64(data.data(), data.size(), 0)));
    doc.add_value(slot_original, compress(a.original));
    doc.add_value(slot_fingerprint, story_fingerprint(a));
    doc.set_data(data);
    return doc;
}

void strip_controls(Article& a) {
    for (std::string* s :
         {&a.id, &a.url, &a.title, &a.body, &a.summary, &a.feed_title, &a.feed_url, &a.language})
        strip_controls_in_place(*s);
    for (auto* list : {&a.columnists, &a.topics})
        for (auto& s : *list)
            strip_controls_in_place(s);
}

StoredArticle read_stored(const Xapian::Document& doc) {
    auto j = nlohmann::json::parse(doc.get_data(), nullptr, false);
    if (!j.is_object())
        throw DatabaseError(fmt::format("document {}: data is not Morgue's JSON", doc.get_docid()));
    StoredArticle s;
    s.id = string_at(j, "id");
    s.url = string_at(j, "url");
    s.title = string_at(j, "title");
    s.summary = string_at(j, "summary");
    s.body = string_at(j, "body");
    s.date = string_at(j, "date");
    s.date_local = string_at(j, "date_local");
    if (s.date_local.empty()) // stored before offsets were kept: UTC's clock
        if (auto t = parse_date(s.date)) s.date_local = iso8601_local(*t, 0);
    s.date_source = string_at(j, "date_source");
    s.feed = string_at(j, "feed");
    s.feed_url = string_at(j, "feed_url");
    s.language = string_at(j, "language");
    s.columnists = strings_at(j, "columnist");
    s.topics = strings_at(j, "topic");
    return s;
}

std::string original_item(const Xapian::Document& doc) {
    return decompress(doc.get_value(slot_original));
}

Article stored_article(const Xapian::Document& doc) {
    StoredArticle s = read_stored(doc);
    Article a;
    a.id = s.id, a.url = s.url, a.title = s.title, a.body = s.body, a.summary = s.summary;
    a.columnists = s.columnists, a.topics = s.topics;
    a.feed_title = s.feed, a.feed_url = s.feed_url, a.language = s.language;
    a.original = original_item(doc);
    auto date = parse_date(s.date);
    if (!date)
        throw DatabaseError(
            fmt::format("document {}: bad stored date \"{}\"", doc.get_docid(), s.date));
    a.date = *date;
    a.utc_offset = parse_offset_of(s.date_local).value_or(0);
    a.date_source = date_source_named(s.date_source);
    return a;
}

} // namespace morgue
