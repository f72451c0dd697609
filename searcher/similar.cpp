#include "similar.hpp"

#include "expansion.hpp"
#include "morgue/errors.hpp"

#include <fmt/format.h>

namespace morgue {

namespace {

constexpr Xapian::termcount feedback_terms = 25;

// Field terms (prefixed, upper case first), stems and n-grams of one CJK
// character say little about what an article is about.
class PlainWords : public Xapian::ExpandDecider {
  public:
    bool operator()(const std::string& term) const override {
        if (term.size() < 3) return false;
        unsigned char c = term[0];
        return !(c >= 'A' && c <= 'Z');
    }
};

} // namespace

Xapian::Query similar_query(const Xapian::Database& db, Xapian::docid docid,
                            const std::string& id_prefix, const TermSource& source) {
    Xapian::Document doc;
    try {
        doc = source ? source(docid) : db.get_document(docid);
    } catch (const Xapian::DocNotFoundError&) {
        throw UsageError(fmt::format("--similar {}: no such document", docid));
    }
    std::vector<std::string> terms = expansion_terms(db, {docid}, feedback_terms, PlainWords(), {},
                                                     [&](Xapian::docid) { return doc; });
    Xapian::Query words(Xapian::Query::OP_OR, terms.begin(), terms.end());
    // The article itself, by its unique term, is left out.
    auto id = doc.termlist_begin();
    id.skip_to(id_prefix);
    if (id == doc.termlist_end() || !(*id).starts_with(id_prefix)) return words;
    return Xapian::Query(Xapian::Query::OP_AND_NOT, words, Xapian::Query(*id));
}

} // namespace morgue
