#include "expansion.hpp"

#include "term_frequencies.hpp"

#include <algorithm>
#include <cmath>
#include <map>
#include <set>

namespace morgue {

namespace {

constexpr double expand_k = 1.0; // TradEWeight's default

// What Xapian's ExpandStats gathers for a term over the relevant documents.
struct Relevance {
    Xapian::doccount rtermfreq = 0; // relevant documents that hold it
    double multiplier = 0;          // their wdf, normalised by length
    Xapian::doccount termfreq = 0;  // articles in the whole archive that hold it
};

} // namespace

std::vector<std::string> expansion_terms(const Xapian::Database& db,
                                         const std::vector<Xapian::docid>& relevant,
                                         Xapian::termcount max,
                                         const Xapian::ExpandDecider& decider,
                                         const Xapian::Query& query, const TermSource& source) {
    if (relevant.empty() || max == 0) return {};
    const std::set<std::string> asked(query.get_terms_begin(), query.get_terms_end());
    const double avlen = db.get_avlength();
    std::map<std::string, Relevance> terms;
    for (Xapian::docid id : relevant) {
        std::vector<std::pair<std::string, Xapian::termcount>> held;
        Xapian::termcount length = 0; // a document's length is the sum of its wdfs
        Xapian::Document doc = source ? source(id) : db.get_document(id);
        for (auto t = doc.termlist_begin(); t != doc.termlist_end(); ++t) {
            length += t.get_wdf();
            if (!asked.contains(*t) && decider(*t)) held.emplace_back(*t, t.get_wdf());
        }
        for (auto& [term, wdf] : held) {
            double w = std::max<Xapian::termcount>(wdf, 1); // as Xapian: a boolean term counts once
            Relevance& r = terms[term];
            ++r.rtermfreq;
            r.multiplier += (expand_k + 1) * w / (expand_k * length / avlen + w);
        }
    }
    if (terms.empty()) return {};
    std::set<std::string> candidates;
    for (const auto& [term, _] : terms)
        candidates.insert(term);
    // Each shard asked once for them all, not once a term (term_frequencies.hpp).
    for (const auto& [term, freq] : term_frequencies(db, candidates, true))
        terms[term].termfreq = freq;
    const double dbsize = db.get_doccount(), rsize = relevant.size();
    // Xapian's selection, step by step (ESet::Internal::expand): the terms in
    // order, each kept if it weighs more than the worst kept once `max` are
    // kept; ties are settled as there, and the list sorted as there.
    struct Item {
        double weight;
        std::string term;
        bool operator<(const Item& o) const { // "better than": Xapian's ExpandTerm
            return weight != o.weight ? weight > o.weight : term > o.term;
        }
    };
    std::vector<Item> items;
    double min_weight = 0;
    bool is_heap = false;
    for (const auto& [term, r] : terms) { // TradEWeight::get_weight
        double without = rsize - r.rtermfreq, tf = r.termfreq;
        double num = (r.rtermfreq + 0.5) * (dbsize - tf - without + 0.5);
        double denom = (tf - r.rtermfreq + 0.5) * (without + 0.5);
        double weight = r.multiplier * std::log(num / denom);
        if (weight <= min_weight) continue;
        items.push_back({weight, term});
        if (items.size() <= max) continue;
        if (!is_heap) {
            is_heap = true;
            std::make_heap(items.begin(), items.end());
        } else {
            std::push_heap(items.begin(), items.end());
        }
        std::pop_heap(items.begin(), items.end());
        items.pop_back();
        min_weight = items.front().weight;
    }
    if (is_heap)
        std::sort_heap(items.begin(), items.end());
    else
        std::sort(items.begin(), items.end());
    std::vector<std::string> out;
    for (Item& item : items)
        out.push_back(std::move(item.term));
    return out;
}

} // namespace morgue
