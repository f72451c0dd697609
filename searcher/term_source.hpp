// Where expansion (relevance feedback, --similar) reads a document's terms.
// A document on a remote shard has its term list streamed by xapian-tcpsrv
// in many small reads (~20 ms a document at 1M articles, against 1 ms for
// the document itself); its stored article is indexed again instead, which
// gives the same terms and wdfs (document.hpp's indexed_again()).  A local
// document's term list is read as it is.
#pragma once

#include "expansion.hpp"
#include "morgue/database.hpp"

namespace morgue {

// The archive's documents for expansion_terms(): indexed again when on a
// remote shard and the schema stores every indexed text, otherwise the
// archive's own.  The result refers to `db`, which must outlive it.
TermSource term_source(const ReadDatabase& db);

} // namespace morgue
