// Counting one facet field over a set of matching documents, two ways with
// the same result: reading each match's value slot (cost grows with the
// number of matches), or walking the posting lists of the field's boolean
// terms against a bitmap of the matches (cost grows with the field's
// postings, whatever the number of matches).  Measured at 1M articles, a
// value costs 50-150 ns (more when matches are sparse) and a posting ~12 ns,
// so large match sets count faster by postings; facets.cpp picks the cheaper
// way per field.
#pragma once

#include "facets.hpp"
#include "morgue/schema.hpp"

#include <string>
#include <unordered_map>
#include <vector>
#include <xapian.h>

namespace morgue {

struct FacetSource {
    enum class Kind { keyword, year, month } kind = Kind::keyword;
    Xapian::valueno slot = 0;
    bool multi = false;
    const Field* field = nullptr;            // keyword: the schema's field
    std::string prefix = {};                 // the field's boolean terms
    std::vector<std::string> shadowing = {}; // longer prefixes starting with `prefix`
    // Counted by a match spy from the codes of its forms (form_codes.hpp).
    bool coded = false;
};

// Matching document ids in ascending order.
using DocIds = std::vector<Xapian::docid>;

// The postings of the field's terms: what counting by postings walks.
Xapian::doccount field_postings(const Xapian::Database& db, const FacetSource& source);

// Values most frequent first (ties by value), at most `limit`; case variants
// of a keyword are one value shown in its commonest form.
std::vector<FacetValue> tally_by_values(const Xapian::Database& db, const DocIds& ids,
                                        const FacetSource& source, unsigned limit);
std::vector<FacetValue> tally_by_postings(const Xapian::Database& db, const DocIds& ids,
                                          const FacetSource& source, unsigned limit);

// Raw slot values (a multi-valued field's joined, when `multi`) and their counts.
using RawCounts = std::unordered_map<std::string, Xapian::doccount>;

// Raw counts -> case-folded values in their commonest form, as the ways
// above give them.
std::vector<FacetValue> fold_counts(const RawCounts& raw, bool multi, unsigned limit);

} // namespace morgue
