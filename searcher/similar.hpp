// "More like this": relevance feedback over one article's terms.
#pragma once

#include "expansion.hpp" // TermSource

#include <string>
#include <xapian.h>

namespace morgue {

// The article's most telling words (Xapian's expand set, plain words only)
// OR'ed together, without the article itself (found by its unique term,
// `id_prefix` + id).  Throws UsageError when there is no such document.
// Its terms come from `source`.
Xapian::Query similar_query(const Xapian::Database& db, Xapian::docid docid,
                            const std::string& id_prefix, const TermSource& source = {});

} // namespace morgue
