// Freshness as a ranking signal: each match gets a boost that halves every
// `half_life_days` of age, added to its relevance (boosted(), ranking.hpp) so that it
// only reorders documents that match the query anyway.
//
// Built from Xapian's own ValueMapPostingSource (date slot value -> boost),
// which a remote shard (xapian-tcpsrv) runs: the server knows no posting
// source of Morgue's.  The map holds the dates of the candidates only — the
// best by relevance and the newest among the matches — found by Fagin's
// threshold algorithm: a match in neither list has no more relevance than
// the last of the first and no newer date than the last of the second, so
// its score is bounded; the candidates are widened until the requested page
// scores above that bound.  The page is then exactly what a boost computed
// for every match would give; only scores below it are understated.
#pragma once

#include <ctime>
#include <xapian.h>

namespace morgue {

struct Recency {
    Xapian::valueno slot = 0; // the date (sortable_serialise'd seconds)
    double half_life_days = 0;
    std::time_t now = 0;            // ages count from here
    Xapian::doccount page_end = 10; // offset + limit: the places that must be exact
    Xapian::doccount check = 0;     // matches each pass checks (matches_to_rank())
    double time_limit = 0;          // seconds for each pass; 0: none (timed_work.hpp)
};

// `query` ranked by relevance plus freshness, for `enquire` (its weighting
// scheme set, and no collapse key yet: a story's copies must
// all be candidates; its query and order are replaced, the order restored to
// relevance).  The boost of a document dated `now` is the
// best relevance score of the query alone, so a fresh document can at most
// double; one dated after `now` gets that too.
Xapian::Query with_recency(Xapian::Enquire& enquire, const Xapian::Query& query,
                           const Recency& recency);

} // namespace morgue
