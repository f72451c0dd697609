#include "term_frequencies.hpp"

#include <vector>

namespace morgue {

std::map<std::string, Xapian::doccount>
term_frequencies(const Xapian::Database& db, const std::set<std::string>& terms, bool batched) {
    std::map<std::string, Xapian::doccount> out;
    if (!batched || terms.size() < 2) {
        for (const std::string& term : terms)
            out[term] = db.get_termfreq(term);
        return out;
    }
    // ANDed with a term no document has, the pass matches nothing: only the
    // statistics are gathered.
    std::vector<Xapian::Query> each(terms.begin(), terms.end());
    Xapian::Enquire enquire(db);
    enquire.set_query(Xapian::Query(Xapian::Query::OP_FILTER,
                                    Xapian::Query(Xapian::Query::OP_OR, each.begin(), each.end()),
                                    Xapian::Query(std::string("\x7f\x01nothing"))));
    Xapian::MSet stats = enquire.get_mset(0, 0);
    for (const std::string& term : terms)
        out[term] = stats.get_termfreq(term);
    return out;
}

} // namespace morgue
