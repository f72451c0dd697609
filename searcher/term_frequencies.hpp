// The archive frequencies of many terms at once.  Database::get_termfreq
// asks each shard in turn: a network round trip per term and remote shard.
// One matcher pass over the terms' OR gathers the statistics of them all
// from every shard in one exchange; on a local database that pass costs
// more than a few direct lookups.
#pragma once

#include <map>
#include <set>
#include <string>
#include <xapian.h>

namespace morgue {

// Each of `terms` and the number of articles holding it; in one pass when
// `batched` (the archive has a remote shard), else term by term.
std::map<std::string, Xapian::doccount>
term_frequencies(const Xapian::Database& db, const std::set<std::string>& terms, bool batched);

} // namespace morgue
