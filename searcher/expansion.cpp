#include "expansion.hpp"

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

// Sets every candidate's frequency in the whole archive, from one matching pass
// of their OR: Xapian gathers the statistics of a query's terms from every
// shard in one exchange.  The pass is ANDed with a term no document has, so
// nothing is matched.
void add_frequencies(const Xapian::Database& db, std::map<std::string, Relevance>& terms) {
    std::vector<Xapian::Query> each;
    for (const auto& [term, _] : terms)
        each.emplace_back(term);
    Xapian::Enquire enquire(db);
    enquire.set_query(Xapian::Query(Xapian::Query::OP_FILTER,
                                    Xapian::Query(Xapian::Query::OP_OR, each.begin(), each.end()),
                                    Xapian::Query(std::string("\x7f\x01nothing"))));
    Xapian::MSet stats = enquire.get_mset(0, 0);
    for (auto& [term, r] : terms)
        r.termfreq = stats.get_termfreq(term);
}

} // namespace

std::vector<std::string> expansion_terms(const Xapian::Database& db,
                                         const std::vector<Xapian::docid>& relevant,
                                         Xapian::termcount max,
                                         const Xapian::ExpandDecider& decider,
                                         const Xapian::Query& query) {
    if (relevant.empty() || max == 0) return {};
    const std::set<std::string> asked(query.get_terms_begin(), query.get_terms_end());
    const double avlen = db.get_avlength();
    std::map<std::string, Relevance> terms;
    for (Xapian::docid id : relevant) {
        std::vector<std::pair<std::string, Xapian::termcount>> held;
        Xapian::termcount length = 0; // a document's length is the sum of its wdfs
        for (auto t = db.termlist_begin(id); t != db.termlist_end(id); ++t) {
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
    add_frequencies(db, terms);
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
