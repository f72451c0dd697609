// What Morgue remembers about each fetched feed, kept in the database's
// metadata (key "morgue:feed:" + hash of the listed URL, value JSON) and so
// committed in the same transaction as the feed's articles: the state never
// claims an article the database does not hold.
#pragma once

#include "morgue/database.hpp"

#include <ctime>
#include <nlohmann/json.hpp>
#include <string>
#include <vector>
#include <xapian.h>

namespace morgue {

struct FeedState {
    std::string listed_url;          // as in the feed list: the feed's identity
    std::string url;                 // where it is fetched from now (after permanent redirects)
    std::string etag, last_modified; // validators for conditional GET
    std::string content_hash;        // of the last body parsed
    long last_status = 0;            // HTTP status, 0 for a transport error
    std::string last_error;
    std::time_t last_attempt = 0, last_success = 0;
    std::time_t retry_after = 0; // the server asked not to come back before this
    unsigned failures = 0;       // consecutive
    bool gone = false;           // HTTP 410: not fetched again
};

FeedState load_feed_state(const Writer& writer, const std::string& listed_url);
void save_feed_state(Writer& writer, const FeedState& state);

// Every feed the database has state for, by listed URL.
std::vector<FeedState> all_feed_states(const Xapian::Database& db);

// As stored in the metadata (times as epoch seconds).
std::string feed_state_json(const FeedState& state);

// As `feeds --json` and `stats --json` print it: times in ISO 8601 UTC, or
// null for never; last_modified stays the server's validator, as it sent it.
nlohmann::ordered_json feed_state_report(const FeedState& state);

} // namespace morgue
