#include "recency.hpp"

#include "ranking.hpp"
#include "timed_work.hpp"

#include <algorithm>
#include <cmath>
#include <functional>
#include <map>
#include <string>
#include <vector>

namespace morgue {

namespace {

struct Candidate {
    double relevance = 0;
    std::string date; // the slot's value
};

// What each candidate's date adds, for a document dated `now` `boost`.
double boost_of(const std::string& date, const Recency& r, double boost) {
    double age = static_cast<double>(r.now) - Xapian::sortable_unserialise(date);
    if (age <= 0) return boost; // dated in the future: as fresh as it gets
    return boost * std::exp2(-age / (r.half_life_days * 86400.0));
}

// The first `k` matches by relevance and the `k` newest, each with its
// relevance and date (the sort keys: no document is read).  Whether some
// match is in neither, and the bound on such a match's score.
struct Candidates {
    std::map<Xapian::docid, Candidate> all;
    double boost = 1;         // the best relevance score
    bool complete = false;    // every match is a candidate
    double outside_bound = 0; // no other match scores more
};

Candidates candidates(Xapian::Enquire& enquire, const Recency& r, Xapian::doccount k) {
    Candidates c;
    enquire.set_sort_by_relevance_then_value(r.slot, true);
    Xapian::MSet best = timed_mset(enquire, r.time_limit, 0, k, r.check);
    enquire.set_sort_by_value_then_relevance(r.slot, true);
    Xapian::MSet newest = timed_mset(enquire, r.time_limit, 0, k, r.check);
    enquire.set_sort_by_relevance();
    if (best.get_max_attained() > 0) c.boost = best.get_max_attained();
    for (const Xapian::MSet* list : {&best, &newest})
        for (auto it = list->begin(); it != list->end(); ++it)
            c.all[*it] = {it.get_weight(), it.get_sort_key()};
    c.complete = best.size() < k || newest.size() < k;
    if (!c.complete) {
        double relevance = best[best.size() - 1].get_weight();
        c.outside_bound =
            relevance + boost_of(newest[newest.size() - 1].get_sort_key(), r, c.boost);
    }
    return c;
}

// Whether the first `page_end` candidates by score all score more than any
// match that is not a candidate.
bool page_is_exact(const Candidates& c, const Recency& r) {
    if (c.complete || r.page_end == 0) return true;
    std::vector<double> scores;
    for (const auto& [id, cand] : c.all)
        scores.push_back(cand.relevance + boost_of(cand.date, r, c.boost));
    if (scores.size() < r.page_end) return false;
    std::nth_element(scores.begin(), scores.begin() + (r.page_end - 1), scores.end(),
                     std::greater<>());
    return scores[r.page_end - 1] > c.outside_bound;
}

} // namespace

Xapian::Query with_recency(Xapian::Enquire& enquire, const Xapian::Query& query,
                           const Recency& recency) {
    enquire.set_query(query);
    Xapian::doccount k = std::max<Xapian::doccount>(2 * recency.page_end, 20);
    Candidates c = candidates(enquire, recency, k);
    // Each round reads four times as many; the time limit, when there is
    // one, ends the widening with the page as good as found.
    constexpr int most_rounds = 6;
    for (int round = 1; round < most_rounds && !page_is_exact(c, recency); ++round)
        c = candidates(enquire, recency, k *= 4);
    auto* source = new Xapian::ValueMapPostingSource(recency.slot);
    source->set_default_weight(0);
    for (const auto& [id, cand] : c.all)
        source->add_mapping(cand.date, boost_of(cand.date, recency, c.boost));
    return boosted(query, Xapian::Query(source->release()));
}

} // namespace morgue
