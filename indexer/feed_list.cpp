#include "feed_list.hpp"

#include "morgue/errors.hpp"
#include "morgue/language.hpp"
#include "morgue/text.hpp"
#include "url.hpp"

#include <algorithm>
#include <cerrno>
#include <cstring>
#include <curl/curl.h>
#include <fmt/format.h>
#include <fstream>
#include <memory>
#include <pugixml.hpp>
#include <sstream>

namespace morgue {

namespace {

bool looks_like_opml(std::string_view text) {
    auto start = text.find_first_not_of(" \t\r\n\xEF\xBB\xBF");
    return start != std::string_view::npos && text[start] == '<' &&
           text.find("<opml") != std::string_view::npos;
}

std::size_t line_of(std::string_view text, std::ptrdiff_t offset) {
    auto end = text.begin() + std::clamp<std::ptrdiff_t>(offset, 0, text.size());
    return 1 + std::count(text.begin(), end, '\n');
}

// fulltext=yes|no (also on/off, true/false, 1/0).
bool full_text_option(std::string_view value, const Subject& where) {
    std::string v = ascii_lower(value);
    if (v == "yes" || v == "on" || v == "true" || v == "1") return true;
    if (v == "no" || v == "off" || v == "false" || v == "0") return false;
    throw ConfigError(where, fmt::format("fulltext \"{}\" is not yes or no", value));
}

void add(std::vector<ListedFeed>& feeds, std::string_view raw, std::string language,
         std::optional<bool> full_text, std::string_view origin, std::size_t line) {
    std::string url = normalise_feed_url(raw);
    if (url.empty())
        throw ConfigError({std::string(origin), static_cast<unsigned>(line)},
                          fmt::format("not a URL: \"{}\"", raw));
    auto same = [&](const ListedFeed& f) { return f.url == url; };
    if (std::none_of(feeds.begin(), feeds.end(), same))
        feeds.push_back({std::move(url), std::move(language), full_text});
}

std::vector<ListedFeed> parse_opml(std::string_view text, std::string_view origin) {
    pugi::xml_document doc;
    auto result = doc.load_buffer(text.data(), text.size());
    if (!result)
        throw ConfigError(
            {std::string(origin), static_cast<unsigned>(line_of(text, result.offset))},
            fmt::format("not well-formed OPML: {}", result.description()));
    std::vector<ListedFeed> feeds;
    for (auto node : doc.select_nodes("//outline[@xmlUrl]")) {
        auto outline = node.node();
        std::size_t line = line_of(text, outline.offset_debug());
        std::string language;
        if (auto a = outline.attribute("language"))
            language =
                language_option(a.value(), {std::string(origin), static_cast<unsigned>(line)});
        std::optional<bool> full_text;
        if (auto a = outline.attribute("fulltext"))
            full_text =
                full_text_option(a.value(), {std::string(origin), static_cast<unsigned>(line)});
        add(feeds, collapse_spaces(outline.attribute("xmlUrl").value()), std::move(language),
            full_text, origin, line);
    }
    return feeds;
}

// One line of a plain list: the URL, then name=value options.
void add_line(std::vector<ListedFeed>& feeds, const std::string& entry, std::string_view origin,
              std::size_t line) {
    std::size_t space = std::min(entry.find(' '), entry.size());
    Subject where{std::string(origin), static_cast<unsigned>(line)};
    std::string language;
    std::optional<bool> full_text;
    for (std::size_t start = space + 1; start < entry.size();) {
        std::size_t end = std::min(entry.find(' ', start), entry.size());
        std::string_view option = std::string_view(entry).substr(start, end - start);
        start = end + 1;
        if (option.starts_with("language="))
            language = language_option(option.substr(9), where);
        else if (option.starts_with("fulltext="))
            full_text = full_text_option(option.substr(9), where);
        else
            throw ConfigError(where, fmt::format("unknown option \"{}\" (known: language=CODE, "
                                                 "fulltext=yes|no)",
                                                 option));
    }
    add(feeds, std::string_view(entry).substr(0, space), std::move(language), full_text, origin,
        line);
}

} // namespace

std::string normalise_feed_url(std::string_view text) {
    std::string s = collapse_spaces(text);
    if (!is_web_url(s) || s.find(' ') != std::string::npos) return {};
    std::unique_ptr<CURLU, decltype(&curl_url_cleanup)> u(curl_url(), curl_url_cleanup);
    if (curl_url_set(u.get(), CURLUPART_URL, s.c_str(), 0) != CURLUE_OK) return {};
    char* host = nullptr;
    if (curl_url_get(u.get(), CURLUPART_HOST, &host, 0) != CURLUE_OK) return {};
    std::string lower_host = host ? ascii_lower(host) : "";
    curl_free(host);
    bool has_host = !lower_host.empty();
    if (has_host)
        curl_url_set(u.get(), CURLUPART_HOST, lower_host.c_str(), 0); // hosts are case-blind
    char* out = nullptr;
    if (!has_host || curl_url_get(u.get(), CURLUPART_URL, &out, 0) != CURLUE_OK) return {};
    std::string url(out);
    curl_free(out);
    return url;
}

std::string not_a_language_tag(std::string_view value) {
    return fmt::format("language \"{}\" is not a language tag (say de, en-GB or German)", value);
}

std::string language_option(std::string_view value, const Subject& where) {
    std::string code = language_code(value);
    if (code.empty()) throw ConfigError(where, not_a_language_tag(value));
    return code;
}

std::vector<ListedFeed> parse_feed_list(std::string_view text, std::string_view origin) {
    if (looks_like_opml(text)) return parse_opml(text, origin);
    std::vector<ListedFeed> feeds;
    std::size_t line = 0, start = 0;
    while (start < text.size()) {
        std::size_t end = std::min(text.find('\n', start), text.size());
        ++line;
        std::string entry = collapse_spaces(text.substr(start, end - start));
        start = end + 1;
        if (entry.empty() || entry.front() == '#') continue;
        add_line(feeds, entry, origin, line);
    }
    return feeds;
}

std::vector<ListedFeed> read_feed_list(const std::string& path) {
    std::ifstream in(path, std::ios::binary);
    if (!in)
        throw ConfigError({path}, fmt::format("cannot read feed list: {}", std::strerror(errno)));
    std::ostringstream text;
    text << in.rdbuf();
    return parse_feed_list(text.str(), path);
}

} // namespace morgue
