#include "morgue/document.hpp"

#include "morgue/article_json.hpp"
#include "morgue/compress.hpp"
#include "morgue/dates.hpp"
#include "morgue/errors.hpp"
#include "morgue/form_codes.hpp"
#include "morgue/language.hpp"
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
    std::vector<std::string> parts;
    for (const std::string& v : values) {
        if (v.empty()) continue;
        doc.add_boolean_term(keyword_term(f, v));
        if (!f.text_prefix.empty()) {
            index_without_spelling(tg, v, 1, f.text_prefix);
            tg.increase_termpos();
        }
        if (!joined.empty()) joined += value_separator;
        joined += v;
        parts.push_back(v);
        if (!f.multi) break;
    }
    if (parts.empty()) return;
    doc.add_value(*f.slot, joined);
    // The codes a remote shard counts (form_codes.hpp); the Writer records the forms.
    if (f.facet)
        if (auto codes = form_codes(parts)) doc.add_value(code_slot(*f.slot), *codes);
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

// The document data: the article's JSON without what the schema does not
// store, and without the original item (in its own value, compressed).
// Sorted keys (nlohmann::json), as every version has written them: the
// content hash is taken over this text.
nlohmann::json stored_json(const Schema& schema, const Article& a) {
    nlohmann::json j = article_json(a);
    for (const char* name : {"title", "url", "body", "columnist", "topic", "feed", "date"})
        if (const Field* f = schema.find(name); !f || !f->stored) j.erase(name);
    if (!j.contains("date")) j.erase("date_local");
    j.erase("captured"); // in its own value: see slot_captured
    return j;
}

} // namespace

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
    // Nor has one from before credits: the credit is stored, and indexed
    // once the archive is rebuilt with this schema.
    if (const Field* f = schema.find("credit")) index_keywords(doc, tg, *f, a.credits);
    index_date(doc, schema.get("date"), a.date, a.utc_offset);
    doc.add_boolean_term(unique_term(schema, a));

    std::string data = stored_json(schema, a).dump();
    // The page joins the hash only when there is one: documents without keep
    // the hash every earlier version gave them, and re-import as unchanged.
    XXH64_hash_t seed = XXH64(data.data(), data.size(), 0);
    if (!a.page.html.empty()) seed = XXH64(a.page.html.data(), a.page.html.size(), seed);
    doc.add_value(slot_content_hash, hash_hex(a.original, seed));
    doc.add_value(slot_original, compress(a.original));
    if (!a.page.html.empty()) doc.add_value(slot_page, compress(a.page.html));
    doc.add_value(slot_fingerprint, story_fingerprint(a));
    if (a.captured)
        doc.add_value(slot_captured, Xapian::sortable_serialise(static_cast<double>(a.captured)));
    doc.set_data(data);
    return doc;
}

void strip_controls(Article& a) {
    for (std::string* s : {&a.id, &a.url, &a.title, &a.body, &a.summary, &a.feed_title, &a.feed_url,
                           &a.language, &a.page.url, &a.page.etag, &a.page.last_modified})
        strip_controls_in_place(*s);
    for (auto* list : {&a.columnists, &a.topics, &a.credits})
        for (auto& s : *list)
            strip_controls_in_place(s);
}

Xapian::Document word_terms(const Article& a) {
    Xapian::Document doc;
    Xapian::TermGenerator tg; // no stemmer: the words only
    tg.set_flags(term_generator_flags);
    tg.set_document(doc);
    for (const std::string* text : {&a.title, &a.body})
        tg.index_text(*text);
    return doc;
}

bool terms_from_stored(const Schema& schema) {
    for (const char* name : {"title", "body", "columnist", "topic", "feed", "date"})
        if (const Field* f = schema.find(name); f && !f->stored) return false;
    return true;
}

Xapian::Document indexed_again(const Schema& schema, const Xapian::Document& stored,
                               Stemmers& stemmers) {
    Article a = read_stored(stored);
    Xapian::TermGenerator tg; // as the Writer's
    tg.set_flags(term_generator_flags);
    tg.set_stemmer(stemmers.of(a.language));
    return build_document(schema, a, tg);
}

Article read_stored(const Xapian::Document& doc) {
    auto j = nlohmann::json::parse(doc.get_data(), nullptr, false);
    if (!j.is_object())
        throw DatabaseError(fmt::format("document {}: data is not Morgue's JSON", doc.get_docid()));
    try {
        Article a = article_from_json(j);
        if (std::string captured = doc.get_value(slot_captured); !captured.empty())
            a.captured = static_cast<std::time_t>(Xapian::sortable_unserialise(captured));
        return a;
    } catch (const std::invalid_argument& e) {
        throw DatabaseError(fmt::format("document {}: {}", doc.get_docid(), e.what()));
    }
}

std::string original_item(const Xapian::Document& doc) {
    return decompress(doc.get_value(slot_original));
}

Article stored_article(const Xapian::Document& doc) {
    Article a = read_stored(doc);
    a.original = original_item(doc);
    if (std::string page = doc.get_value(slot_page); !page.empty()) a.page.html = decompress(page);
    return a;
}

} // namespace morgue
