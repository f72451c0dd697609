#include "morgue/dates.hpp"
#include "output.hpp"

#include <fmt/format.h>

namespace morgue {

namespace {

std::string join(const std::vector<std::string>& v, std::string_view sep) {
    std::string out;
    for (const auto& s : v) {
        if (!out.empty()) out += sep;
        out += s;
    }
    return out;
}

void append_hit(std::string& out, const Hit& h) {
    // The date as the publisher printed it, on its own clock.
    std::string date = h.article.date
                           ? iso8601_local(h.article.date, h.article.utc_offset).substr(0, 10)
                           : std::string();
    std::string byline = date;
    // Who wrote it, then the agencies and desks credited.
    std::vector<std::string> names = h.article.columnists;
    names.insert(names.end(), h.article.credits.begin(), h.article.credits.end());
    if (!names.empty()) byline += "  " + join(names, ", ");
    if (!h.article.topics.empty()) byline += "  [" + join(h.article.topics, ", ") + "]";
    if (h.duplicates)
        byline +=
            fmt::format("  (+{} cop{} folded)", h.duplicates, h.duplicates == 1 ? "y" : "ies");
    fmt::format_to(std::back_inserter(out), "{:>3}. {}\n     {}\n", h.rank,
                   h.title.empty() ? "(untitled)" : h.title, byline);
    if (!h.article.url.empty()) fmt::format_to(std::back_inserter(out), "     {}\n", h.article.url);
    if (!h.snippet.empty()) fmt::format_to(std::back_inserter(out), "     {}\n", h.snippet);
}

void append_facets(std::string& out, const std::vector<Facet>& facets) {
    if (facets.empty()) return;
    out += "\nfacets:\n";
    for (const Facet& f : facets) {
        std::string values;
        for (const auto& v : f.values)
            values += fmt::format("{}{} ({})", values.empty() ? "" : "; ", v.value, v.count);
        fmt::format_to(std::back_inserter(out), "  {}: {}\n", f.field,
                       values.empty() ? "-" : values);
    }
}

std::string relaxed_note(const SearchResult& r) {
    std::string have = r.all_words == 0   ? "no article has"
                       : r.all_words == 1 ? "only 1 article has"
                                          : fmt::format("only {} articles have", r.all_words);
    return have + " all of the words: showing articles with any of them, more of them first";
}

} // namespace

std::string format_count(const SearchResult& r) {
    return fmt::format("{}{}\n", r.total_exact ? "" : "about ", r.total);
}

std::string format_text(const SearchResult& r) {
    std::string out;
    for (const std::string& shard : r.missing_shards)
        out += fmt::format("warning: shard {} is left out: the results are the other shards'\n",
                           shard);
    if (!r.query_note.empty()) out += fmt::format("note: {}\n", r.query_note);
    if (!r.corrected_query.empty()) out += fmt::format("did you mean: {}\n", r.corrected_query);
    if (r.relaxed) out += fmt::format("note: {}\n", relaxed_note(r));
    if (r.hits.empty()) {
        out +=
            r.total == 0 ? fmt::format("no results for \"{}\"\n", r.query)
            : r.limit == 0
                ? fmt::format("{}{} result{} for \"{}\"\n", r.total_exact ? "" : "about ", r.total,
                              r.total == 1 ? "" : "s", r.query)
                : fmt::format("no results on this page: \"{}\" has {} in all\n", r.query, r.total);
        append_facets(out, r.facets);
        return out;
    }
    fmt::format_to(std::back_inserter(out), "{}{} result{} for \"{}\", showing {}-{}\n",
                   r.total_exact ? "" : "about ", r.total, r.total == 1 ? "" : "s", r.query,
                   r.offset + 1, r.offset + r.hits.size());
    for (const Hit& h : r.hits) {
        out += '\n';
        append_hit(out, h);
    }
    append_facets(out, r.facets);
    return out;
}

} // namespace morgue
