#include "feed_state.hpp"

#include "fetcher.hpp"
#include "morgue/dates.hpp"
#include "morgue/text.hpp"

#include <algorithm>
#include <nlohmann/json.hpp>

namespace morgue {

namespace {

// Hashed: metadata keys have the same length limit as terms; URLs do not.
std::string key_of(const std::string& listed_url) {
    return feed_state_metadata_prefix + hash_hex(listed_url);
}

FeedState from_json(const std::string& text, const std::string& listed_url) {
    FeedState s;
    s.listed_url = s.url = listed_url;
    auto j = nlohmann::json::parse(text, nullptr, false);
    if (!j.is_object()) return s;
    // Server text, stored by any version, printed by feeds and stats.
    auto line = [&](const char* key, const std::string& otherwise) {
        return one_line(j.value(key, otherwise));
    };
    s.listed_url = line("listed_url", listed_url);
    s.url = line("url", s.listed_url);
    s.etag = line("etag", "");
    s.last_modified = line("last_modified", "");
    s.content_hash = line("content_hash", "");
    s.last_status = j.value("last_status", 0L);
    s.last_error = line("last_error", "");
    s.last_attempt = j.value("last_attempt", std::time_t{0});
    s.last_success = j.value("last_success", std::time_t{0});
    s.retry_after = j.value("retry_after", std::time_t{0});
    s.failures = j.value("failures", 0u);
    s.gone = j.value("gone", false);
    // A wait stored before Retry-After was bounded ends within the bound too.
    s.retry_after = std::min(s.retry_after, s.last_attempt + max_retry_after);
    return s;
}

} // namespace

FeedState load_feed_state(const Writer& writer, const std::string& listed_url) {
    return from_json(writer.metadata(key_of(listed_url)), listed_url);
}

namespace {

// The one field list of both forms; `when` writes a time.
template <typename When>
nlohmann::ordered_json state_json(const FeedState& s, When when) {
    return {{"listed_url", s.listed_url},
            {"url", s.url},
            {"etag", s.etag},
            {"last_modified", s.last_modified},
            {"content_hash", s.content_hash},
            {"last_status", s.last_status},
            {"last_error", s.last_error},
            {"last_attempt", when(s.last_attempt)},
            {"last_success", when(s.last_success)},
            {"retry_after", when(s.retry_after)},
            {"failures", s.failures},
            {"gone", s.gone}};
}

} // namespace

std::string feed_state_json(const FeedState& s) {
    return state_json(s, [](std::time_t t) { return nlohmann::ordered_json(t); }).dump();
}

nlohmann::ordered_json feed_state_report(const FeedState& s) {
    return state_json(
        s, [](std::time_t t) { return t ? nlohmann::ordered_json(iso8601_utc(t)) : nullptr; });
}

void save_feed_state(Writer& writer, const FeedState& s) {
    writer.set_metadata(key_of(s.listed_url), feed_state_json(s));
}

std::vector<FeedState> all_feed_states(const Xapian::Database& db) {
    std::vector<FeedState> out;
    const std::string prefix = feed_state_metadata_prefix;
    for (auto it = db.metadata_keys_begin(prefix); it != db.metadata_keys_end(prefix); ++it)
        out.push_back(from_json(db.get_metadata(*it), ""));
    std::sort(out.begin(), out.end(),
              [](const FeedState& a, const FeedState& b) { return a.listed_url < b.listed_url; });
    return out;
}

} // namespace morgue
