// How matches are ranked: the weighting scheme, and feedback from the first
// results (pseudo-relevance feedback) for queries that describe a topic.
// Both only order the matches: which articles match, and every count, are
// the query's alone.  Tuned on Cranfield (bench/relevance/), with values
// from the literature rather than fitted to it; see bench/RESULTS.md.
#pragma once

#include "expansion.hpp" // TermSource

#include <xapian.h>

namespace morgue {

// BM25 with Robertson's usual parameters (k1 1.2, b 0.75): a word repeated
// in an article counts for more, and long articles less, than with Xapian's
// defaults (k1 1, b 0.5).
void set_ranking(Xapian::Enquire& enquire);

// The matches of `query`, each weighted by `query` plus `bonus` when it also
// matches `bonus` (OP_AND_MAYBE).
Xapian::Query boosted(const Xapian::Query& query, const Xapian::Query& bonus);

// How many matches a ranking pass must check for its page to be right: all.
// Xapian 1.4.22's matcher can leave the best documents out of a page when it
// may stop early: with OP_AND_MAYBE or OP_FILTER over OP_OR, in a sharded
// archive even when asked for no more than the page, in one database when
// asked to check more than the page but fewer than the matches (found by
// T600-shards on Reuters; tests/unit/ranking_test.cpp).  Checking every
// match costs a few ms on the largest result sets (bench/RESULTS.md), and
// makes every total exact.
Xapian::doccount matches_to_rank(const Xapian::Database& db);

// Queries of this many words or more (stopwords aside) get feedback.  One
// or two words name a thing ("brexit", "Catherine Thorbecke"), and feedback
// would drift from it; a question or a description names a topic.
constexpr unsigned feedback_min_words = 3;

// `query`, ranked with a bonus for the words that weigh most in its first
// few results (Xapian's ESet over them, as expansion.hpp computes it):
// boosted(), so that nothing is added to or removed from the matches; its
// pass checks `check` matches (matches_to_rank()).  `query` unchanged when
// it finds nothing.  Runs one short pass on `enquire`, which must be set up
// for it and search `db`, within `time_limit` seconds (0: none).  The
// results' terms come from `source`.
Xapian::Query with_feedback(const Xapian::Database& db, Xapian::Enquire& enquire,
                            const Xapian::Query& query, Xapian::doccount check,
                            const TermSource& source = {}, double time_limit = 0);

} // namespace morgue
