#include "morgue/article_json.hpp"

#include "morgue/dates.hpp"
#include "morgue/text.hpp"

#include <fmt/format.h>
#include <stdexcept>

namespace morgue {

namespace {

const nlohmann::json* field(const nlohmann::json& j, const char* key) {
    auto it = j.find(key);
    return it == j.end() || it->is_null() ? nullptr : &*it;
}

[[noreturn]] void wrong(const char* key, const char* expected) {
    throw std::invalid_argument(fmt::format("field \"{}\": not {}", key, expected));
}

std::string raw_string_at(const nlohmann::json& j, const char* key) {
    const nlohmann::json* v = field(j, key);
    if (!v) return {};
    if (!v->is_string()) wrong(key, "a string");
    return v->get<std::string>();
}

// Stored by any version, read by every output: never a control character.
std::string string_at(const nlohmann::json& j, const char* key) {
    std::string s = raw_string_at(j, key);
    strip_controls_in_place(s);
    return s;
}

std::vector<std::string> strings_at(const nlohmann::json& j, const char* key) {
    std::vector<std::string> out;
    const nlohmann::json* v = field(j, key);
    if (!v) return out;
    if (!v->is_array()) wrong(key, "a list of strings");
    for (const auto& s : *v) {
        if (!s.is_string()) wrong(key, "a list of strings");
        out.push_back(s.get<std::string>());
        strip_controls_in_place(out.back());
    }
    return out;
}

void read_dates(const nlohmann::json& j, Article& a) {
    std::string date = raw_string_at(j, "date");
    if (date.empty()) return;
    auto t = parse_date(date);
    if (!t) throw std::invalid_argument(fmt::format("field \"date\": not a date: \"{}\"", date));
    a.date = *t;
    // Written before offsets were kept: UTC's clock.
    a.utc_offset = parse_offset_of(raw_string_at(j, "date_local")).value_or(0);
}

} // namespace

nlohmann::ordered_json article_json(const Article& a, bool with_original) {
    nlohmann::ordered_json j = {{"id", a.id},           {"url", a.url},
                                {"title", a.title},     {"body", a.body},
                                {"summary", a.summary}, {"columnist", a.columnists},
                                {"topic", a.topics}};
    // Only when there is one: the data of articles credited to no agency
    // stays the text every earlier version wrote.
    if (!a.credits.empty()) j["credit"] = a.credits;
    if (a.date) {
        j["date"] = iso8601_utc(a.date);
        j["date_local"] = iso8601_local(a.date, a.utc_offset);
    }
    j["date_source"] = date_source_name(a.date_source);
    j["feed"] = a.feed_title;
    j["feed_url"] = a.feed_url;
    j["language"] = a.language;
    if (a.captured) j["captured"] = iso8601_utc(a.captured);
    if (with_original) j["original"] = a.original;
    // Only when fetched, as for the credit; the page itself beside the original.
    if (!a.page.url.empty()) {
        nlohmann::ordered_json page = {{"url", a.page.url},
                                       {"fetched", iso8601_utc(a.page.fetched)}};
        if (!a.page.etag.empty()) page["etag"] = a.page.etag;
        if (!a.page.last_modified.empty()) page["last_modified"] = a.page.last_modified;
        if (with_original) page["html"] = a.page.html;
        j["page"] = page;
    }
    return j;
}

Article article_from_json(const nlohmann::json& j) {
    if (!j.is_object()) throw std::invalid_argument("not a JSON object");
    Article a;
    a.id = string_at(j, "id");
    a.url = string_at(j, "url");
    a.title = string_at(j, "title");
    a.body = string_at(j, "body");
    a.summary = string_at(j, "summary");
    a.columnists = strings_at(j, "columnist");
    a.topics = strings_at(j, "topic");
    a.credits = strings_at(j, "credit");
    read_dates(j, a);
    a.date_source = date_source_named(string_at(j, "date_source"));
    a.feed_title = string_at(j, "feed");
    a.feed_url = string_at(j, "feed_url");
    a.language = string_at(j, "language");
    if (std::string captured = raw_string_at(j, "captured"); !captured.empty()) {
        auto t = parse_date(captured);
        if (!t) wrong("captured", "a date");
        a.captured = *t;
    }
    a.original = raw_string_at(j, "original");
    if (auto page = j.find("page"); page != j.end() && page->is_object()) {
        a.page.url = string_at(*page, "url");
        a.page.html = raw_string_at(*page, "html");
        a.page.etag = string_at(*page, "etag");
        a.page.last_modified = string_at(*page, "last_modified");
        a.page.fetched = parse_date(string_at(*page, "fetched")).value_or(0);
    }
    return a;
}

} // namespace morgue
