// The whole article when a feed carries only a summary: fetch and nightly
// fetch the item's linked page (as politely as feeds: per-host concurrency,
// a delay between two requests to one host, robots.txt, conditional GET,
// Retry-After; the same address rules and size limit), the extractor
// (page_extract.hpp) finds its text and byline, and the page is stored with
// the article, so that rebuild re-extracts it and later runs reuse it.
#pragma once

#include "feed_parser.hpp"
#include "fetcher.hpp"
#include "import.hpp"
#include "robots.hpp"
#include "site_rules.hpp"

#include <ctime>
#include <map>
#include <string>
#include <vector>

namespace morgue {

struct FullTextOptions {
    bool enabled = false;                // fetch pages for summaries, unless a feed says no
    std::map<std::string, bool> by_feed; // listed URL -> fulltext=yes|no, over `enabled`
    double delay = 1.0;                  // seconds between two requests to one host at least
    bool wanted_for(const std::string& listed_url) const {
        auto it = by_feed.find(listed_url);
        return it == by_feed.end() ? enabled : it->second;
    }
};

struct PageCounts {
    unsigned fetched = 0, not_modified = 0, reused = 0, failed = 0, disallowed = 0;
    unsigned total() const { return fetched + not_modified + reused + failed + disallowed; }
    PageCounts& operator+=(const PageCounts& o) {
        fetched += o.fetched, not_modified += o.not_modified, reused += o.reused;
        failed += o.failed, disallowed += o.disallowed;
        return *this;
    }
};

// An item's text is a summary when it is short (under 1,500 bytes, about
// 250 words), or under 4,000 bytes with no content element beside its
// description (RSS description, Atom summary: what feeds put a summary in),
// or ends as a teaser does ("…", "[...]", "Continue reading").  Whether the
// page says more is seen once it is read (apply_page).
bool is_summary(const FeedEntry& e);

// The stored page's text and byline into the entry's article: the body
// when the page says more than the feed did (a paywalled teaser does not);
// the columnist, when the item named none, from the page's byline, else
// from the "By" line or tagline of the full text; its agencies as credits.
// A page that cannot be read leaves the article as the feed had it, with a
// warning.
void apply_page(FeedEntry& e, const std::vector<SiteRule>& rules);

// For each entry without a page: its stored article's page, if it has one,
// so that a run that fetches no pages (import, a feed with fulltext=no)
// loses none.
void keep_stored_pages(const Writer& writer, Feed& feed);

// Fetches the pages of a feed's summaries, entry by entry, remembering each
// host's robots.txt and Retry-After for the rest of the run.  An article
// whose item is unchanged reuses its stored page; a changed one asks again
// with the stored page's validators.
class PageFetcher {
  public:
    PageFetcher(const FullTextOptions& options, const FetchOptions& http, const Log& log);
    // `feed_internal`: the feed came from an internal address, so its pages may too.
    PageCounts fetch(const Writer& writer, Feed& feed, bool feed_internal);

  private:
    const Robots& robots_for(const std::string& origin);
    void fetch_robots(const std::vector<std::string>& origins, bool feed_internal);

    FullTextOptions options_;
    FetchOptions http_;
    const Log& log_;
    std::map<std::string, Robots> robots_; // by origin
    std::map<std::string, std::string>
        unreadable_;                              // origin -> why its robots.txt could not be read
    std::map<std::string, std::time_t> held_off_; // host -> Retry-After
};

} // namespace morgue
