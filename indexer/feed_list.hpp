// The list of feeds to fetch: a plain file (one URL per line, '#' comments,
// blank lines) or OPML (<outline xmlUrl="...">), told apart by content.  A
// line may carry options after its URL, `language=de`, `fulltext=no`; OPML
// says the same with the outline's `language` (OPML 2.0's) and `fulltext`
// attributes.
#pragma once

#include "morgue/errors.hpp"

#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace morgue {

struct ListedFeed {
    std::string url;      // normalised
    std::string language; // an ISO 639 code for all its items, whatever the feed says; or empty
    // fulltext=yes|no: fetch its summaries' article pages (full_text.hpp),
    // whatever the command line says; unset: as it says.
    std::optional<bool> full_text = std::nullopt;
};

// Throws UsageError naming file:line for an entry that is not an http(s) URL,
// e.g. `feeds.txt:3: not a URL: "htp:/x"`, or an option that is not known or
// not valid.  A URL listed twice is fetched once (its first entry's options).
std::vector<ListedFeed> read_feed_list(const std::string& path);
std::vector<ListedFeed> parse_feed_list(std::string_view text, std::string_view origin);

// The language code of `value` (language.hpp); throws ConfigError about
// `where` (file, line) when it is no language tag, saying not_a_language_tag().
std::string language_option(std::string_view value, const Subject& where);
std::string not_a_language_tag(std::string_view value);

// The URL normalised (scheme and host lower-cased, empty path made "/"), or
// empty when `text` is not an absolute http or https URL.
std::string normalise_feed_url(std::string_view text);

} // namespace morgue
