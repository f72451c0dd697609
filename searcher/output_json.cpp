#include "highlight.hpp"
#include "morgue/article_json.hpp"
#include "morgue/json_text.hpp"
#include "morgue/text.hpp"
#include "output.hpp"

#include <cmath>
#include <nlohmann/json.hpp>

namespace morgue {

namespace {

// The article's fields a result shows (article_json.hpp's names), between
// the hit's rank and score and its marked title and snippet.
nlohmann::ordered_json hit_json(const Hit& h) {
    nlohmann::ordered_json art = article_json(h.article);
    nlohmann::ordered_json j = {
        {"rank", h.rank}, {"docid", h.docid}, {"score", h.score}, {"percent", h.percent}};
    for (const char* name : {"id", "title"})
        j[name] = art[name];
    j["title_html"] = h.title_html;
    for (const char* name : {"url", "columnist", "topic", "date", "date_local", "feed", "language"})
        j[name] = art.contains(name) ? art[name] : nullptr;  // date: null when unknown
    if (art.contains("credit")) j["credit"] = art["credit"]; // as in article_json: only when some
    j["story"] = h.story;
    j["duplicates"] = h.duplicates;
    j["snippet"] = h.snippet;
    j["snippet_html"] = h.snippet_html;
    return j;
}

} // namespace

std::string format_copy_json(const StoredCopy& c, bool pretty) {
    nlohmann::ordered_json j = {{"docid", c.docid}};
    const nlohmann::ordered_json art = article_json(c.article);
    for (auto it = art.begin(); it != art.end(); ++it)
        j[it.key()] = *it;
    j["title_html"] = replace_marks(html_escape(c.title), "<mark>", "</mark>");
    j["text_html"] = replace_marks(html_escape(c.text), "<mark>", "</mark>");
    return json_text(j, pretty);
}

std::string format_json(const SearchResult& r, bool pretty) {
    nlohmann::ordered_json results = nlohmann::ordered_json::array();
    for (const Hit& h : r.hits)
        results.push_back(hit_json(h));
    nlohmann::ordered_json facets = nlohmann::ordered_json::object();
    for (const Facet& f : r.facets) {
        nlohmann::ordered_json values = nlohmann::ordered_json::array();
        for (const auto& v : f.values)
            values.push_back({{"value", v.value}, {"count", v.count}});
        facets[f.field] = values;
    }
    nlohmann::ordered_json j = {
        {"query", r.query},
        {"total", r.total},
        {"total_exact", r.total_exact},
        {"offset", r.offset},
        {"limit", r.limit},
        {"results", results},
        {"facets", facets},
        {"collapsed", r.collapsed},
        {"corrected_query", r.corrected_query.empty() ? nlohmann::ordered_json(nullptr)
                                                      : nlohmann::ordered_json(r.corrected_query)},
        {"elapsed_ms", std::round(r.elapsed_ms * 1000) / 1000}};
    if (r.time_limit_reached) j["time_limit_reached"] = true; // only then: the usual shape stays
    if (!r.missing_shards.empty()) {                          // likewise
        j["partial"] = true;
        j["missing_shards"] = r.missing_shards;
    }
    if (!r.query_note.empty()) j["query_note"] = r.query_note;
    if (r.relaxed) { // only then, as above
        j["relaxed"] = true;
        j["all_words_total"] = r.all_words;
    }
    // Invalid UTF-8 cannot reach here (the indexer repairs it), but never let
    // one bad byte turn a search into an exception.
    return json_text(j, pretty);
}

} // namespace morgue
