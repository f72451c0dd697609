#include "parse.hpp"

#include "commands.hpp"
#include "encoding.hpp"
#include "feed_parser.hpp"
#include "morgue/article_json.hpp"
#include "morgue/console.hpp"
#include "morgue/dates.hpp"
#include "morgue/errors.hpp"
#include "morgue/json_text.hpp"
#include "morgue/text.hpp"

#include <ctime>
#include <fmt/format.h>
#include <iterator>
#include <nlohmann/json.hpp>

namespace morgue {

namespace {

using Json = nlohmann::ordered_json;

Json optional_date(const std::optional<std::time_t>& t) {
    return t ? Json(iso8601_utc(*t)) : Json(nullptr);
}

// The article in the one vocabulary (article_json.hpp), then what only
// parsing knows: the raw guid and dates as written, categories, warnings.
Json entry_json(const FeedEntry& e) {
    Json categories = Json::array();
    for (const auto& c : e.categories)
        categories.push_back({{"term", c.term}, {"scheme", c.scheme}, {"label", c.label}});
    Json j = article_json(e.article);
    j["guid"] = e.guid;
    j["columnist_source"] = e.columnist_source;
    j["categories"] = categories;
    j["published"] = optional_date(e.published);
    j["published_text"] = e.published_text;
    j["updated"] = optional_date(e.updated);
    j["updated_text"] = e.updated_text;
    j["body_length"] = e.article.body.size();
    j["warnings"] = e.warnings;
    return j;
}

Json feed_json(const std::string& file, const Feed& f) {
    Json entries = Json::array();
    for (const auto& e : f.entries)
        entries.push_back(entry_json(e));
    return {{"file", file},
            {"format", f.format},
            {"encoding", f.encoding},
            {"title", f.title},
            {"link", f.link},
            {"self_link", f.self_link},
            {"authors", f.authors},
            {"credits", f.credits},
            {"language", f.language},
            {"updated", optional_date(f.updated)},
            {"updated_text", f.updated_text},
            {"warnings", f.warnings},
            {"entries", entries}};
}

std::string join(const std::vector<std::string>& v) {
    std::string out;
    for (const auto& s : v)
        out += (out.empty() ? "" : "; ") + s;
    return out.empty() ? "-" : out;
}

std::string date_line(const std::optional<std::time_t>& t, const std::string& text) {
    if (text.empty()) return "-";
    return t ? fmt::format("{} (\"{}\")", iso8601_utc(*t), text)
             : fmt::format("unparseable (\"{}\")", text);
}

// Rendered whole, then printed without control characters: nothing in a
// feed (an ESC sequence in a title) reaches the terminal raw.
void print_text(std::FILE* out, const std::string& file, const Feed& f) {
    std::string text;
    auto to = std::back_inserter(text);
    fmt::format_to(to, "{}: {}, {}, {} entr{}\n", file, f.format, f.encoding, f.entries.size(),
                   f.entries.size() == 1 ? "y" : "ies");
    fmt::format_to(to, "feed: {}\nlink: {}\n", f.title.empty() ? "(untitled)" : f.title,
                   f.link.empty() ? "-" : f.link);
    if (!f.self_link.empty()) fmt::format_to(to, "self: {}\n", f.self_link);
    if (!f.authors.empty()) fmt::format_to(to, "authors: {}\n", join(f.authors));
    if (!f.language.empty()) fmt::format_to(to, "language: {}\n", f.language);
    fmt::format_to(to, "updated: {}\n", date_line(f.updated, f.updated_text));
    for (const auto& w : f.warnings)
        fmt::format_to(to, "warning: {}\n", w);
    for (std::size_t i = 0; i < f.entries.size(); ++i) {
        const FeedEntry& e = f.entries[i];
        const Article& a = e.article;
        fmt::format_to(to, "\n[{}] {}\n", i + 1, a.title.empty() ? "(untitled)" : a.title);
        fmt::format_to(to, "    id: {}\n    link: {}\n", a.id, a.url.empty() ? "-" : a.url);
        fmt::format_to(to, "    columnists: {}{}\n", join(a.columnists),
                       e.columnist_source.empty() ? "" : " (from " + e.columnist_source + ")");
        if (!a.credits.empty()) fmt::format_to(to, "    credits: {}\n", join(a.credits));
        fmt::format_to(to, "    topics: {}\n", join(a.topics));
        fmt::format_to(to, "    language: {}\n", a.language.empty() ? "-" : a.language);
        fmt::format_to(to, "    published: {}\n    updated: {}\n",
                       date_line(e.published, e.published_text),
                       date_line(e.updated, e.updated_text));
        // The publisher's clock first, when it is not UTC's.
        std::string local =
            a.utc_offset ? iso8601_local(a.date, a.utc_offset) + " = " : std::string();
        fmt::format_to(to, "    date: {}{} ({})\n", local, iso8601_utc(a.date),
                       date_source_name(a.date_source));
        fmt::format_to(to, "    summary: {}\n    content: {} bytes of text\n",
                       a.summary.empty() ? "-" : a.summary, a.body.size());
        for (const auto& w : e.warnings)
            fmt::format_to(to, "    warning: {}\n", w);
    }
    std::fputs(strip_controls(text).c_str(), out);
}

} // namespace

unsigned parse_files(const std::vector<std::string>& files, const ParseOptions& options,
                     std::FILE* out) {
    unsigned failed = 0;
    std::string charset = charset_of_content_type(options.content_type);
    for (std::size_t i = 0; i < files.size(); ++i) {
        const std::string& file = files[i];
        try {
            Feed feed = parse_feed(read_feed_file(file, options.max_bytes),
                                   {.name = file,
                                    .url = options.url,
                                    .http_charset = charset,
                                    .http_language = options.content_language,
                                    .received = std::time(nullptr),
                                    .language = options.language});
            apply_topic_aliases(feed, options.topic_aliases);
            if (options.json)
                std::fputs(
                    escape_json_controls(json_text(feed_json(file, feed), options.pretty)).c_str(),
                    out);
            else
                print_text(out, file, feed);
            if (!options.json && i + 1 < files.size()) std::fputc('\n', out);
        } catch (const InputError& e) {
            ++failed;
            std::string why = one_line(e.what()); // it may quote the feed
            say(stderr, why);
            if (options.json) fmt::print(out, "{}\n", Json{{"file", file}, {"error", why}}.dump());
        }
    }
    return failed;
}

int run_parse(const GlobalOptions& o, const ParseCommand& c) {
    ParseOptions options{c.json, o.pretty,    c.content_type,   c.content_language,
                         c.url,  o.max_bytes, topic_aliases(o), c.language};
    return parse_files(c.files, options, stdout) ? exit_partial : exit_ok;
}

} // namespace morgue
