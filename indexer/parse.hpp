// `morgue-indexer parse`: the normalised feed and entries, printed, with no
// database involved: the tool to reach for when a feed indexes oddly.
#pragma once

#include "feed_file.hpp"
#include "topic_aliases.hpp"

#include <cstdio>
#include <string>
#include <vector>

namespace morgue {

struct ParseOptions {
    bool json = false;                 // one JSON object per file and line (JSON Lines)
    bool pretty = false;               // the JSON indented for people instead
    std::string content_type;          // as an HTTP server would have sent it, for its charset
    std::string content_language = {}; // as an HTTP server would have sent it
    std::string url; // where the file was fetched from: the base for relative links
    std::size_t max_bytes = default_max_feed_bytes;
    TopicAliases topic_aliases;
    std::string language = {}; // a language code for every item, whatever the feed says
};

// Prints each file to `out`, errors to stderr; returns how many files failed.
unsigned parse_files(const std::vector<std::string>& files, const ParseOptions& options,
                     std::FILE* out);

} // namespace morgue
