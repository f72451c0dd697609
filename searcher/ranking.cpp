#include "ranking.hpp"

#include "expansion.hpp"
#include "timed_work.hpp"

#include <vector>

namespace morgue {

namespace {

constexpr Xapian::doccount feedback_documents = 5;
constexpr Xapian::termcount feedback_terms = 20;
constexpr double feedback_weight = 0.6; // of the expansion's BM25 weight

// Stemmed words of the text only ("Zheat"): field terms, filters and
// Morgue's own terms say nothing about the topic, and the unstemmed form of
// a word would count it twice.
class StemmedWords : public Xapian::ExpandDecider {
  public:
    bool operator()(const std::string& term) const override {
        return term.size() > 1 && term[0] == 'Z';
    }
};

} // namespace

Xapian::Query boosted(const Xapian::Query& query, const Xapian::Query& bonus) {
    return Xapian::Query(Xapian::Query::OP_AND_MAYBE, query, bonus);
}

Xapian::doccount matches_to_rank(const Xapian::Database& db) {
    return db.get_doccount();
}

void set_ranking(Xapian::Enquire& enquire) {
    enquire.set_weighting_scheme(Xapian::BM25Weight(1.2, 0, 1, 0.75, 0.5));
}

Xapian::Query with_feedback(const Xapian::Database& db, Xapian::Enquire& enquire,
                            const Xapian::Query& query, Xapian::doccount check,
                            const TermSource& source, double time_limit) {
    enquire.set_query(query);
    Xapian::MSet top = timed_mset(enquire, time_limit, 0, feedback_documents, check);
    if (top.empty()) return query;
    std::vector<Xapian::docid> relevant(top.begin(), top.end());
    std::vector<std::string> terms =
        expansion_terms(db, relevant, feedback_terms, StemmedWords(), query, source);
    if (terms.empty()) return query;
    Xapian::Query expansion(Xapian::Query::OP_OR, terms.begin(), terms.end());
    return boosted(query,
                   Xapian::Query(Xapian::Query::OP_SCALE_WEIGHT, expansion, feedback_weight));
}

} // namespace morgue
