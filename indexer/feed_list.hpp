// The list of feeds to fetch: a plain file (one URL per line, '#' comments,
// blank lines) or OPML (<outline xmlUrl="...">), told apart by content.
#pragma once

#include <string>
#include <string_view>
#include <vector>

namespace morgue {

// Throws UsageError naming file:line for an entry that is not an http(s) URL,
// e.g. `feeds.txt:3: not a URL: "htp:/x"`.
std::vector<std::string> read_feed_list(const std::string& path);
std::vector<std::string> parse_feed_list(std::string_view text, std::string_view origin);

// The URL normalised (scheme and host lower-cased, empty path made "/"), or
// empty when `text` is not an absolute http or https URL.
std::string normalise_feed_url(std::string_view text);

} // namespace morgue
