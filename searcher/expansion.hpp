// Query expansion terms (relevance feedback, --similar): what Xapian's
// Enquire::get_eset gives with its default scheme (TradEWeight, k = 1) and
// USE_EXACT_TERMFREQ, computed by Morgue so that each shard is asked for the
// candidates' frequencies in one exchange.  Xapian asks a shard for each
// candidate term that no relevant document of that shard holds: one network
// round trip per term and remote shard, hundreds per query.
#pragma once

#include <functional>
#include <string>
#include <vector>
#include <xapian.h>

namespace morgue {

// Document `id` of the database, whose term list is read: by default the
// database's own document (term_source.hpp gives one that is cheaper where
// the document is on a remote shard).
using TermSource = std::function<Xapian::Document(Xapian::docid id)>;

// The `max` terms of the `relevant` documents' term lists that `decider`
// accepts, by expansion weight, each with a weight above 0: the terms of
// get_eset(max, rset of `relevant`, USE_EXACT_TERMFREQ, &decider), in its
// order.  Each document's part of a term's weight is summed in the order of
// `relevant` (the ranking's), the same whatever the layout of shards.
// The terms of `query` are left out, as get_eset leaves out those of the
// enquire's query.  Each relevant document's terms come from `source`.
std::vector<std::string>
expansion_terms(const Xapian::Database& db, const std::vector<Xapian::docid>& relevant,
                Xapian::termcount max, const Xapian::ExpandDecider& decider,
                const Xapian::Query& query = {}, const TermSource& source = {});

} // namespace morgue
