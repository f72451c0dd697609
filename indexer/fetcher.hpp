// HTTP(S) fetching of many feeds at once with libcurl's multi interface:
// bounded parallelism overall and per host, conditional GET, compression,
// redirects followed by hand (so that permanent ones can be remembered and
// every hop is checked to be http or https), size and time limits.
#pragma once

#include <cstddef>
#include <ctime>
#include <functional>
#include <string>
#include <vector>

namespace morgue {

struct FetchRequest {
    std::string id = {};                       // handed back in the response (the listed feed URL)
    std::string url;                           // where to fetch from
    std::string etag = {}, last_modified = {}; // validators from the last fetch, if any
    // Seconds between the starts of two requests to this URL's host (the
    // politeness an article page needs; 0 for feeds, one request a host).
    double host_delay = 0;
    // Only a public address may serve it (an article page linked from a feed
    // on a public server: the feed may not make us reach an internal one).
    bool public_only = false;
};

struct FetchResponse {
    std::string id;
    std::string final_url;     // the URL the response came from
    std::string permanent_url; // where an unbroken chain of 301/308 led, if any
    long status = 0;           // HTTP status of the final response; 0 when none came
    std::string body;          // decompressed
    std::string content_type, etag, last_modified;
    std::string
        content_language;        // the Content-Language header: the feed's language if it says none
    std::time_t retry_after = 0; // from Retry-After, as an absolute time
    std::string error;           // why no usable response came; empty otherwise
    bool from_internal = false;  // the first server connected to was on an internal address
};

// The longest wait a Retry-After may ask for (a day: the next nightly run);
// a larger or absurd value (1e17 seconds) is cut to it.
constexpr std::time_t max_retry_after = 86400;

struct FetchOptions {
    unsigned jobs = 8;     // transfers at once
    unsigned per_host = 2; // connections to one host at once
    unsigned max_redirects = 5;
    long connect_timeout = 15;  // seconds
    long timeout = 60;          // seconds, whole transfer
    long low_speed_limit = 512; // bytes/s ...
    long low_speed_time = 30;   // ... for this many seconds aborts
    std::size_t max_bytes = 20u << 20;
    std::string user_agent;
};

// Fetches every request and hands each response to `done` on this thread as
// soon as it is complete (while the others go on).
// A request that `wanted` turns down when its turn comes (its host asked
// to be left alone meanwhile) is dropped unanswered.
void fetch_all(const std::vector<FetchRequest>& requests, const FetchOptions& options,
               const std::function<void(FetchResponse&&)>& done,
               const std::function<bool(const FetchRequest&)>& wanted = {});

} // namespace morgue
