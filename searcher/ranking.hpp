// How matches are ranked: the weighting scheme, and feedback from the first
// results (pseudo-relevance feedback) for queries that describe a topic.
// Both only order the matches: which articles match, and every count, are
// the query's alone.  Tuned on Cranfield (bench/relevance/), with values
// from the literature rather than fitted to it; see bench/RESULTS.md.
#pragma once

#include <xapian.h>

namespace morgue {

// BM25 with Robertson's usual parameters (k1 1.2, b 0.75): a word repeated
// in an article counts for more, and long articles less, than with Xapian's
// defaults (k1 1, b 0.5).
void set_ranking(Xapian::Enquire& enquire);

// Queries of this many words or more (stopwords aside) get feedback.  One
// or two words name a thing ("brexit", "Catherine Thorbecke"), and feedback
// would drift from it; a question or a description names a topic.
constexpr unsigned feedback_min_words = 3;

// `query`, ranked with a bonus for the words that weigh most in its first
// few results (Xapian's ESet over them): OP_AND_MAYBE, so that nothing is
// added to or removed from the matches.  `query` unchanged when it finds
// nothing.  Runs one short pass on `enquire`, which must be set up for it.
Xapian::Query with_feedback(Xapian::Enquire& enquire, const Xapian::Query& query);

} // namespace morgue
