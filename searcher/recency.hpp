// Freshness as a ranking signal: a posting source over the date value whose
// weight halves every `half_life_days`, added to relevance with AND_MAYBE so
// that it only reorders documents that match the query anyway.
#pragma once

#include <ctime>
#include <xapian.h>

namespace morgue {

class RecencySource : public Xapian::ValuePostingSource {
  public:
    // `boost` is the weight of a document dated `now`.
    RecencySource(Xapian::valueno slot, double half_life_days, double boost, std::time_t now);

    void init(const Xapian::Database& db) override;
    double get_weight() const override;
    RecencySource* clone() const override;
    std::string name() const override { return "morgue.RecencySource"; }

  private:
    double half_life_seconds_, boost_;
    std::time_t now_;
};

// `query` ranked by relevance plus freshness; `top_weight` is the best
// relevance score of the query alone, so a fresh document can at most double.
Xapian::Query with_recency(const Xapian::Query& query, Xapian::valueno slot, double half_life_days,
                           double top_weight, std::time_t now);

} // namespace morgue
