// `morgue-indexer nightly`: the cron job.  Under the run lock, fetch and
// index every feed (synonyms and spelling data come with it), then compact
// once the database has grown past --compact-growth percent since its last
// compaction.  Every line is timestamped, the summary last.
#include "commands.hpp"
#include "fetch.hpp"
#include "maintenance.hpp"
#include "morgue/errors.hpp"
#include "morgue/generation.hpp"
#include "morgue/json_text.hpp"
#include "morgue/run_lock.hpp"
#include "morgue/shards.hpp"

#include <chrono>
#include <fmt/format.h>
#include <optional>

namespace morgue {

namespace {

std::optional<CompactStats> compact_if_grown(const GlobalOptions& o, const NightlyCommand& c) {
    std::uintmax_t size = database_bytes(o.db_path);
    std::uintmax_t base = compacted_bytes(open_for_reading(o.db_path).db);
    if (base != 0 && size <= base * (1 + c.compact_growth / 100)) return std::nullopt;
    try {
        shards_within(o.db_path, "compact");
    } catch (const DatabaseError& e) { // a remote shard: compacted where it is
        if (!o.quiet && !c.fetch.json) say(stdout, fmt::format("not compacted: {}", e.what()));
        return std::nullopt;
    }
    CompactStats compacted = compact_database(o.db_path);
    if (!o.quiet && !c.fetch.json)
        say(stdout, fmt::format("compacted: {:.1f} MB -> {:.1f} MB", compacted.before / 1e6,
                                compacted.after / 1e6));
    return compacted;
}

} // namespace

int run_nightly(const GlobalOptions& o, const NightlyCommand& c) {
    require_db(o);
    console_timestamps(true);
    auto started = std::chrono::steady_clock::now();
    FetchPlan plan = fetch_plan(o, c.fetch);
    RunLock lock(o.db_path);
    if (!o.quiet && !c.fetch.json) say(stdout, fmt::format("nightly: {} starting", o.db_path));
    FetchRun run = fetch_run(o, c.fetch, plan, true);
    std::optional<CompactStats> compacted = compact_if_grown(o, c);
    double seconds =
        std::chrono::duration<double>(std::chrono::steady_clock::now() - started).count();
    const auto& s = run.summary;
    int code = s.failed ? exit_partial : exit_ok;
    if (c.fetch.json) {
        auto j = fetch_summary_json(s, run.seconds);
        j["documents"] = run.documents;
        j["compacted"] = compacted ? nlohmann::ordered_json{{"before_bytes", compacted->before},
                                                            {"after_bytes", compacted->after}}
                                   : nlohmann::ordered_json(nullptr);
        j["elapsed_s"] = seconds;
        j["exit_code"] = code;
        std::fputs(json_text(j, o.pretty).c_str(), stdout);
    } else {
        say(stdout, fmt::format("nightly: {} in {:.1f} s: {} feeds ({} fetched, {} not modified, "
                                "{} failed); {} new articles; {}; {} in the database",
                                code ? "done with failures" : "done", seconds, s.feeds, s.fetched,
                                s.not_modified, s.failed, s.articles.added,
                                compacted ? "compacted" : "not compacted", run.documents));
    }
    return code;
}

} // namespace morgue
