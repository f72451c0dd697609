// An article as the indexer extracts it from a feed item: plain data, no logic.
#pragma once

#include <ctime>
#include <string>
#include <string_view>
#include <vector>

namespace morgue {

// Where an article's date came from; recorded so that a fallback is never silent.
// `received`: when the feed was imported or fetched, the last resort.
enum class DateSource { published, updated, feed, received };

// The article's own page, once its full text was fetched (the indexer's
// full_text.hpp): kept, so that rebuild re-extracts it without a refetch
// and the archive keeps its copy when the publisher's link rots.
struct ArticlePage {
    std::string url = {};                      // where it came from, after redirects; empty: none
    std::string html = {};                     // the page as UTF-8
    std::string etag = {}, last_modified = {}; // its validators, for a conditional GET
    std::time_t fetched = 0;                   // when it was captured
};

struct Article {
    std::string id;                      // guid / atom:id, else the link
    std::string url;                     // the item's link (http/https only)
    std::string title;                   // plain text
    std::string body;                    // plain text, HTML stripped
    std::string summary;                 // plain text, short
    std::vector<std::string> columnists; // display forms
    std::vector<std::string> topics;     // display forms
    std::vector<std::string> credits;    // agencies and desks credited ("Reuters")
    std::time_t date = 0;                // the instant, UTC
    // The offset from UTC the date was written in, seconds east (+08:00 is
    // 28800): the publisher's own clock, on which the article is dated 14
    // October when UTC says 13 October.  0 for UTC and dates without a zone.
    long utc_offset = 0;
    DateSource date_source = DateSource::published;
    // The ISO 639 code (language.hpp) the feed declares for the item, or the
    // feed list's override; empty: undeclared, the archive's default language.
    std::string language;
    std::string feed_title;
    std::string feed_url;
    std::string original; // the item's XML exactly as the feed had it
    ArticlePage page;
    // When the archive first stored it: the feed's reading (import, fetch).
    // 0: unknown (stored before Morgue kept it, or restored without it).
    // Kept through updates, re-imports and rebuilds.
    std::time_t captured = 0;
};

const char* date_source_name(DateSource s);
// The inverse; an unknown name reads as `published`.
DateSource date_source_named(std::string_view name);

} // namespace morgue
