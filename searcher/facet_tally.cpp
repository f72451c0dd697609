#include "facet_tally.hpp"

#include "morgue/document.hpp"
#include "morgue/text.hpp"

#include <algorithm>
#include <map>
#include <unordered_map>

namespace morgue {

namespace {

bool by_count(const FacetValue& a, const FacetValue& b) {
    return a.count != b.count ? a.count > b.count : a.value < b.value;
}

// The display forms of one value slot: the whole value, or each part of a
// multi-valued one.
template <typename F>
void for_each_form(const std::string& value, bool multi, F&& f) {
    if (!multi) {
        if (!value.empty()) f(value);
        return;
    }
    for (const auto& part : value_parts(value))
        f(part);
}

bool is_field_term(const std::string& term, const FacetSource& source) {
    for (const auto& longer : source.shadowing)
        if (term.starts_with(longer)) return false;
    return true;
}

struct TermCount {
    std::string term;
    Xapian::doccount count = 0;
};

// The commonest form of a keyword term's value among (up to a sample of) the
// matching documents that carry it.
std::string keyword_display(const Xapian::Database& db, const std::vector<std::uint64_t>& bits,
                            const FacetSource& source, const std::string& term) {
    constexpr int sample = 64;
    std::map<std::string, Xapian::doccount> forms;
    int seen = 0;
    for (auto p = db.postlist_begin(term); p != db.postlist_end(term) && seen < sample; ++p) {
        Xapian::docid id = *p;
        if (id / 64 >= bits.size() || !(bits[id / 64] >> (id % 64) & 1)) continue;
        ++seen;
        for_each_form(db.get_document(id).get_value(source.slot), source.multi,
                      [&](const std::string& form) {
                          if (keyword_term(*source.field, form) == term) ++forms[form];
                      });
    }
    std::string best;
    Xapian::doccount most = 0;
    for (const auto& [form, n] : forms)
        if (n > most) most = n, best = form;
    return best.empty() ? term.substr(source.prefix.size()) : best;
}

std::string display(const Xapian::Database& db, const std::vector<std::uint64_t>& bits,
                    const FacetSource& source, const std::string& term) {
    std::string rest = term.substr(source.prefix.size());
    switch (source.kind) {
    case FacetSource::Kind::year:
        return rest;
    case FacetSource::Kind::month:
        // Not insert(): GCC 12 -O3 gives a false -Wrestrict warning for it.
        return rest.size() == 6 ? rest.substr(0, 4) + "-" + rest.substr(4) : rest;
        return rest.size() == 6 ? rest.insert(4, "-") : rest;
    case FacetSource::Kind::keyword:
        break;
    }
    return keyword_display(db, bits, source, term);
}

} // namespace

std::vector<FacetValue> fold_counts(const std::unordered_map<std::string, Xapian::doccount>& raw,
                                    bool multi, unsigned limit) {
    std::unordered_map<std::string, std::map<std::string, Xapian::doccount>> counts;
    for (const auto& [value, n] : raw)
        for_each_form(
            value, multi,
            // An explicit capture: clang 14 (scripts/fuzz) cannot capture a binding.
            [&counts, n = n](const std::string& form) { counts[casefold(form)][form] += n; });
    std::vector<FacetValue> out;
    for (const auto& [folded, forms] : counts) {
        FacetValue v;
        Xapian::doccount best = 0;
        for (const auto& [form, n] : forms) {
            v.count += n;
            if (n > best) best = n, v.value = form; // map order: ties keep the smaller form
        }
        out.push_back(std::move(v));
    }
    std::sort(out.begin(), out.end(), by_count);
    if (out.size() > limit) out.resize(limit);
    return out;
}

Xapian::doccount field_postings(const Xapian::Database& db, const FacetSource& source) {
    Xapian::doccount n = 0;
    for (auto t = db.allterms_begin(source.prefix); t != db.allterms_end(source.prefix); ++t)
        if (is_field_term(*t, source)) n += t.get_termfreq();
    return n;
}

std::vector<FacetValue> tally_by_values(const Xapian::Database& db, const DocIds& ids,
                                        const FacetSource& source, unsigned limit) {
    // Per match only a hash-map increment on the slot's raw value: splitting
    // and case-folding wait for fold_counts(), once per distinct value.
    std::unordered_map<std::string, Xapian::doccount> raw;
    Xapian::ValueIterator v = db.valuestream_begin(source.slot),
                          end = db.valuestream_end(source.slot);
    for (Xapian::docid id : ids) {
        if (v == end) break;
        if (v.get_docid() < id && (v.skip_to(id), v == end)) break;
        if (v.get_docid() == id) ++raw[*v];
    }
    return fold_counts(raw, source.multi, limit);
}

std::vector<FacetValue> tally_by_postings(const Xapian::Database& db, const DocIds& ids,
                                          const FacetSource& source, unsigned limit) {
    if (ids.empty()) return {};
    std::vector<std::uint64_t> bits(ids.back() / 64 + 1);
    for (Xapian::docid id : ids)
        bits[id / 64] |= std::uint64_t{1} << (id % 64);
    std::vector<TermCount> terms;
    for (auto t = db.allterms_begin(source.prefix); t != db.allterms_end(source.prefix); ++t) {
        if (!is_field_term(*t, source)) continue;
        TermCount tc{*t};
        for (auto p = db.postlist_begin(tc.term); p != db.postlist_end(tc.term); ++p) {
            Xapian::docid id = *p;
            if (id > ids.back()) break;
            tc.count += bits[id / 64] >> (id % 64) & 1;
        }
        if (tc.count) terms.push_back(std::move(tc));
    }
    std::sort(terms.begin(), terms.end(), [](const TermCount& a, const TermCount& b) {
        return a.count != b.count ? a.count > b.count : a.term < b.term;
    });
    if (terms.size() > limit) terms.resize(limit);
    std::vector<FacetValue> out;
    for (const auto& tc : terms)
        out.push_back({display(db, bits, source, tc.term), tc.count});
    std::sort(out.begin(), out.end(), by_count);
    return out;
}

} // namespace morgue
