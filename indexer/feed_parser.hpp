// Feeds to articles: RSS 0.90-2.0, RSS 1.0 (RDF), Atom 0.3 and 1.0, with
// Dublin Core, content:encoded and Atom elements inside RSS.  Pure: no I/O.
#pragma once

#include "morgue/article.hpp"

#include <ctime>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace morgue {

struct Category {
    std::string term, scheme, label;
};

struct FeedEntry {
    Article article; // date resolved through the fallbacks; id empty for an empty item
    std::optional<std::time_t> published, updated;
    std::string published_text, updated_text; // as the feed wrote them
    std::vector<Category> categories;         // as the feed wrote them
    std::string guid;                         // guid / id as the feed wrote it
    std::string columnist_source;             // "author", "byline", "feed", "page" or ""
    bool has_content =
        false; // a content element (content:encoded, Atom content), not only a summary
    std::vector<std::string> warnings;
};

struct Feed {
    std::string format; // rss090, rss091, rss092, rss093, rss094, rss20, rss10, rss, atom03, atom10
    std::string encoding; // what the bytes were read as
    std::string title, link, self_link;
    std::string language; // the tag as declared: <language>, dc:language or xml:lang
    std::vector<std::string> authors;
    std::vector<std::string> credits; // agencies and desks the feed credits
    std::optional<std::time_t> updated;
    std::string updated_text;
    std::vector<FeedEntry> entries;
    std::vector<std::string> warnings;
};

struct FeedSource {
    std::string name = {};          // file name or URL, for messages
    std::string url = {};           // the feed's URL (its identity); base for relative links
    std::string http_charset = {};  // from Content-Type, when fetched
    std::string http_language = {}; // Content-Language, when fetched: the feed's if it says none
    std::time_t received = 0;       // when read: each article's capture time; the last-resort date
    std::string base_url = {};      // where the bytes came from after redirects, if not `url`
    std::string language = {};      // a language code for every item, whatever the feed says
};

// Throws InputError naming source.name (and the line, for XML errors) when
// the data is not a well-formed RSS or Atom feed.  An item's language is the
// item's own (dc:language, xml:lang on it or its content), else the feed's
// (<language>, dc:language, the xml:lang in force), as an ISO 639 code;
// else the HTTP Content-Language (its first tag); empty when none says, or
// what they say is no language tag (a warning).
Feed parse_feed(std::string_view data, const FeedSource& source);

} // namespace morgue
