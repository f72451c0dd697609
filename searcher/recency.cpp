#include "recency.hpp"

#include <cmath>

namespace morgue {

RecencySource::RecencySource(Xapian::valueno slot, double half_life_days, double boost,
                             std::time_t now)
    : Xapian::ValuePostingSource(slot), half_life_seconds_(half_life_days * 86400.0), boost_(boost),
      now_(now) {}

void RecencySource::init(const Xapian::Database& db) {
    Xapian::ValuePostingSource::init(db);
    set_maxweight(boost_);
}

double RecencySource::get_weight() const {
    double age = static_cast<double>(now_) - Xapian::sortable_unserialise(get_value());
    if (age <= 0) return boost_; // dated in the future: as fresh as it gets
    return boost_ * std::exp2(-age / half_life_seconds_);
}

RecencySource* RecencySource::clone() const {
    return new RecencySource(get_slot(), half_life_seconds_ / 86400.0, boost_, now_);
}

Xapian::Query with_recency(const Xapian::Query& query, Xapian::valueno slot, double half_life_days,
                           double top_weight, std::time_t now) {
    double boost = top_weight > 0 ? top_weight : 1.0;
    auto* source = new RecencySource(slot, half_life_days, boost, now);
    return Xapian::Query(Xapian::Query::OP_AND_MAYBE, query, Xapian::Query(source->release()));
}

} // namespace morgue
