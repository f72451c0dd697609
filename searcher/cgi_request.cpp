#include "cgi_request.hpp"

#include "morgue/text.hpp"

#include <algorithm>
#include <charconv>
#include <fmt/format.h>
#include <uriparser/Uri.h>

namespace morgue {

namespace {

// uriparser rather than libcurl: the same job, and libcurl's dependencies
// cost ~4 ms of start-up in a process that lives for one request.
std::string unescape(std::string text) {
    const char* end = uriUnescapeInPlaceExA(text.data(), URI_TRUE, URI_BR_DONT_TOUCH);
    text.resize(static_cast<std::size_t>(end - text.data()));
    repair_utf8(text);
    // Every value is echoed somewhere (HTML, Atom, JSON): no control
    // characters; tabs and newlines as spaces, as a form field would show.
    return one_line(text);
}

std::string escape(const std::string& text) {
    std::string out(text.size() * 3 + 1, '\0');
    const char* end =
        uriEscapeExA(text.data(), text.data() + text.size(), out.data(), URI_FALSE, URI_FALSE);
    out.resize(static_cast<std::size_t>(end - out.data()));
    return out;
}

unsigned parse_page(const std::string& text) {
    unsigned page = 0;
    auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), page);
    if (ec != std::errc() || end != text.data() + text.size() || page == 0 || page > max_page)
        throw HttpError(400, fmt::format("page must be a number from 1 to {}", max_page));
    return page;
}

Format parse_format(const std::string& text) {
    if (text.empty() || text == "html") return Format::html;
    if (text == "json") return Format::json;
    if (text == "atom") return Format::atom;
    if (text == "opensearch") return Format::opensearch;
    throw HttpError(400, "format must be html, json, atom or opensearch");
}

Sort parse_sort(const std::string& text, bool has_query) {
    if (text.empty()) return has_query ? Sort::relevance : Sort::date;
    if (text == "relevance") return Sort::relevance;
    if (text == "newest" || text == "date") return Sort::date;
    if (text == "oldest" || text == "date-asc") return Sort::date_ascending;
    throw HttpError(400, "sort must be relevance, newest or oldest");
}

// Copies of one story are folded unless the reader asks to see them all.
bool parse_collapse(const std::string& text) {
    if (text.empty() || text == "1") return true;
    if (text == "0") return false;
    throw HttpError(400, "collapse must be 0 or 1");
}

} // namespace

Params parse_query_string(std::string_view qs) {
    if (qs.size() > max_query_string)
        throw HttpError(414, fmt::format("the request is longer than {} bytes", max_query_string));
    Params out;
    std::size_t start = 0;
    while (start <= qs.size()) {
        std::size_t end = std::min(qs.find('&', start), qs.size());
        std::string_view pair = qs.substr(start, end - start);
        start = end + 1;
        if (pair.empty()) continue;
        if (out.size() == max_parameters)
            throw HttpError(400, fmt::format("more than {} parameters", max_parameters));
        std::size_t eq = pair.find('=');
        std::string name = unescape(std::string(pair.substr(0, eq)));
        std::string value =
            eq == std::string_view::npos ? "" : unescape(std::string(pair.substr(eq + 1)));
        // A query may be a pasted paragraph, an article's id a long link.
        if (value.size() > max_value_bytes && name != "q" && name != "doc" && name != "similar")
            throw HttpError(400, fmt::format("{} is longer than {} bytes", name, max_value_bytes));
        out.emplace_back(std::move(name), std::move(value));
    }
    return out;
}

std::string encode_query_string(const Params& params) {
    std::string out;
    for (const auto& [name, value] : params) {
        if (!out.empty()) out += '&';
        out += escape(name) + '=' + escape(value);
    }
    return out;
}

std::vector<std::string> values_of(const Params& params, std::string_view name) {
    std::vector<std::string> out;
    for (const auto& [n, v] : params)
        if (n == name && std::find(out.begin(), out.end(), v) == out.end()) out.push_back(v);
    return out;
}

std::string value_of(const Params& params, std::string_view name) {
    for (const auto& [n, v] : params)
        if (n == name) return v;
    return {};
}

PageRequest page_request(const Params& params) {
    PageRequest r;
    r.format = parse_format(value_of(params, "format"));
    std::string page = value_of(params, "page");
    r.page = page.empty() ? 1 : parse_page(page);
    SearchRequest& s = r.search;
    s.query = collapse_spaces(value_of(params, "q"));
    r.doc = value_of(params, "doc");
    r.similar = value_of(params, "similar");
    s.sort = parse_sort(value_of(params, "sort"), !s.query.empty() || !r.similar.empty());
    s.since = collapse_spaces(value_of(params, "since"));
    s.until = collapse_spaces(value_of(params, "until"));
    s.collapse = parse_collapse(value_of(params, "collapse"));
    s.story = value_of(params, "story");
    for (const auto& field : page_filter_fields)
        for (auto& v : values_of(params, field))
            if (!collapse_spaces(v).empty()) s.filters[field].push_back(collapse_spaces(v));
    s.limit = page_size;
    s.offset = (r.page - 1) * page_size;
    s.html_snippets = r.format == Format::json;
    for (auto& field : values_of(params, "more"))
        if (std::find(page_filter_fields.begin(), page_filter_fields.end(), field) !=
            page_filter_fields.end())
            r.more.push_back(field);
    if (r.format == Format::html || r.format == Format::json) {
        s.facets = page_filter_fields;
        // Months drill into one year; across years they would crowd it out.
        auto year = s.filters.find("year");
        if (year == s.filters.end() || year->second.size() != 1) std::erase(s.facets, "month");
        s.facet_limit = r.shown_values() + (r.format == Format::html);
    }
    return r;
}

} // namespace morgue
