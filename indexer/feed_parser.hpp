// RSS 2.0 and Atom 1.0 feeds (common elements) to articles.  Pure: no I/O.
#pragma once

#include "morgue/article.hpp"

#include <ctime>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace morgue {

struct FeedEntry {
    Article article; // date already resolved through the fallbacks
    std::optional<std::time_t> published, updated;
    std::vector<std::string> warnings;
};

struct Feed {
    std::string format; // "rss2.0", "atom1.0"
    std::string title;
    std::string link;
    std::optional<std::time_t> updated;
    std::vector<FeedEntry> entries;
    std::vector<std::string> warnings;
};

struct FeedSource {
    std::string name;     // file name or URL, for messages
    std::string url;      // the feed's own URL; empty: taken from the feed
    std::time_t received; // last-resort date for undated items
};

// Throws InputError naming source.name (and the line, for XML errors) when
// the data is not a well-formed RSS or Atom feed.
Feed parse_feed(std::string_view data, const FeedSource& source);

} // namespace morgue
