// `morgue-indexer feeds`: the fetched feeds and their state, for people or
// (--json, one object a line) for scripts.
#include "commands.hpp"
#include "feed_state.hpp"
#include "morgue/dates.hpp"
#include "morgue/errors.hpp"
#include "morgue/json_text.hpp"

#include <ctime>
#include <fmt/format.h>

namespace morgue {

int run_feeds(const GlobalOptions& o, const FeedsCommand& c) {
    require_db(o);
    ReadDatabase db = open_for_reading(o.db_path);
    auto date = [](std::time_t t) { return t ? iso8601_utc(t) : std::string("never"); };
    for (const auto& s : all_feed_states(db.db)) {
        if (c.json) {
            std::fputs(json_text(feed_state_report(s), o.pretty).c_str(), stdout);
            continue;
        }
        fmt::print(
            "{}\n  status {}, {} consecutive failure{}, last success {}{}{}{}{}\n", s.listed_url,
            s.last_status, s.failures, s.failures == 1 ? "" : "s", date(s.last_success),
            s.url != s.listed_url ? "\n  moved permanently to " + s.url : "",
            s.gone ? "\n  gone (HTTP 410): not fetched" : "",
            s.retry_after > std::time(nullptr) ? "\n  asked to wait until " + date(s.retry_after)
                                               : "",
            s.last_error.empty() ? "" : "\n  last error: " + s.last_error);
    }
    return exit_ok;
}

} // namespace morgue
