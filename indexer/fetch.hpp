// `morgue-indexer fetch`: feeds over HTTP(S) into the database.  Each feed's
// state (validators, status, failures) is kept with the database, so that
// the next run asks only for what changed and skips what asked to be left.
#pragma once

#include "commands.hpp"
#include "fetcher.hpp"
#include "full_text.hpp"
#include "import.hpp"

#include <map>
#include <nlohmann/json.hpp>
#include <string>
#include <vector>

namespace morgue {

struct FetchFeedsOptions {
    FetchOptions http;
    TopicAliases topic_aliases;
    bool verbose = false; // item warnings too
    // Listed URL -> the language code its items are filed under, whatever
    // the feed says (feed_list.hpp's language=).
    std::map<std::string, std::string> languages = {};
    FullTextOptions full_text = {};
    std::vector<SiteRule> site_rules = {};
};

struct FetchSummary {
    unsigned feeds = 0, fetched = 0, not_modified = 0, failed = 0, skipped = 0, gone = 0;
    ArticleCounts articles;
    PageCounts pages;
    std::vector<std::pair<std::string, std::string>> failures; // url, reason
};

// Fetches, parses and upserts every feed; reports one line per feed through
// `log` (info for successes, problem for failures; progress: "3/14 feeds").
// Does not commit.
FetchSummary fetch_feeds(Writer& writer, const std::vector<std::string>& urls,
                         const FetchFeedsOptions& options, const Log& log);

// What fetch and nightly share: the feeds to fetch and how, from the
// command line and the feed list, read before the run lock is taken so
// that a mistake in them leaves nothing behind; and the run itself.
struct FetchPlan {
    FetchFeedsOptions options;
    std::vector<std::string> urls;
};
FetchPlan fetch_plan(const GlobalOptions& o, const FetchCommand& c);

struct FetchRun {
    FetchSummary summary;
    double seconds = 0;
    Xapian::doccount documents = 0;
};

// Fetches and indexes the planned feeds, commits, prints the summary line
// (or, with --json and unless `quiet_json`, the summary object).
FetchRun fetch_run(const GlobalOptions& o, const FetchCommand& c, const FetchPlan& plan,
                   bool quiet_json = false);

// The summary as --json prints it.
nlohmann::ordered_json fetch_summary_json(const FetchSummary& s, double seconds);

} // namespace morgue
