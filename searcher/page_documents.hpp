// The documents of a ranked page, read at once.  Xapian 1.4's remote backend
// reads a document in a network round trip of its own, one after another
// (MSet::fetch() asks nothing ahead), and a page reads twenty: on an archive
// with remote shards, each shard's documents are read by a thread of its
// own, through that shard's own Database, so that the round trips to
// different shards overlap.  Shards share no Xapian object, and the archive
// as a whole is not used meanwhile.
#pragma once

#include "morgue/database.hpp"

#include <vector>
#include <xapian.h>

namespace morgue {

// The document of each item of `mset`, in its order.  A remote shard's come
// whole (data and values); a local one's are read lazily, as MSet gives
// them.  Document::get_docid() is then the shard's own id: a page says
// which article it is by the MSet's.  Rethrows what a read threw (a remote
// shard that stopped answering: Xapian::NetworkError).
std::vector<Xapian::Document> read_documents(const ReadDatabase& db, const Xapian::MSet& mset);

} // namespace morgue
