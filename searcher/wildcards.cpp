#include "wildcards.hpp"

#include <algorithm>
#include <fmt/format.h>
#include <vector>

namespace morgue {

namespace {

// Not a field name a schema could have (field names are lower-case words),
// so a reader cannot type it by chance.
constexpr std::string_view marker = "XMorgueWildcard";

class WildcardProcessor : public Xapian::FieldProcessor {
  public:
    WildcardProcessor(WildcardExpander& expander, std::string prefix)
        : expander_(expander), prefix_(std::move(prefix)) {}
    Xapian::Query operator()(const std::string& word) override {
        return expander_.expand(prefix_ + Xapian::Unicode::tolower(word));
    }

  private:
    WildcardExpander& expander_;
    std::string prefix_;
};

// Scripts the QueryParser splits into n-grams (FLAG_CJK_NGRAM) rather than
// reading as words: Han, kana, Hangul and the CJK symbols and forms.
bool is_cjk(unsigned ch) {
    return (ch >= 0x2E80 && ch <= 0xA4FF) || (ch >= 0xAC00 && ch <= 0xD7AF) ||
           (ch >= 0xF900 && ch <= 0xFAFF) || (ch >= 0xFE30 && ch <= 0xFE4F) ||
           (ch >= 0xFF00 && ch <= 0xFFEF) || (ch >= 0x20000 && ch <= 0x3FFFF);
}

// terms[lo, hi) as a fixed binary tree of ORs.  Xapian weighs an OP_SYNONYM
// by its estimated term frequency, which it sums up pairwise along the tree
// of ORs it builds in each shard, rounding to a whole number at each node;
// it pairs the terms by their frequencies in that shard, so each shard would
// round otherwise.  A tree of two-term ORs, each kept whole by a weight
// scaled by 1 (Xapian would merge nested ORs), is paired the same in every
// shard, and the estimate is the same.
Xapian::Query or_tree(const std::vector<std::string>& terms, std::size_t lo, std::size_t hi) {
    if (hi - lo == 1) return Xapian::Query(terms[lo]);
    std::size_t mid = lo + (hi - lo) / 2;
    return Xapian::Query(
        Xapian::Query::OP_SCALE_WEIGHT,
        Xapian::Query(Xapian::Query::OP_OR, or_tree(terms, lo, mid), or_tree(terms, mid, hi)), 1.0);
}

} // namespace

std::string wildcard_field(std::string_view field) {
    return fmt::format("{}{}", marker, field);
}

bool expandable_word(std::string_view word) {
    if (word.empty()) return false;
    for (Xapian::Utf8Iterator it(word.data(), word.size()); it != Xapian::Utf8Iterator(); ++it)
        if (!Xapian::Unicode::is_wordchar(*it) || is_cjk(*it)) return false;
    return true;
}

void WildcardExpander::add_to(Xapian::QueryParser& qp,
                              const std::unordered_map<std::string, std::string>& text_prefixes) {
    qp.add_prefix(wildcard_field(""), (new WildcardProcessor(*this, ""))->release());
    for (const auto& [name, prefix] : text_prefixes)
        qp.add_prefix(wildcard_field(name), (new WildcardProcessor(*this, prefix))->release());
}

void WildcardExpander::set_limit(Xapian::termcount max, int limit) {
    max_ = max, limit_ = limit;
}

Xapian::Query WildcardExpander::expand(const std::string& pattern) {
    std::string key = fmt::format("{}\n{}\n{}", max_, limit_, pattern);
    if (auto it = expansions_.find(key); it != expansions_.end()) return it->second;
    std::vector<std::pair<Xapian::doccount, std::string>> words; // frequency, term
    for (auto t = db_.allterms_begin(pattern); t != db_.allterms_end(pattern); ++t) {
        // Across a multi-database, the frequency is the sum over its shards.
        words.emplace_back(t.get_termfreq(), *t);
        if (limit_ == Xapian::Query::WILDCARD_LIMIT_FIRST && words.size() == max_) break;
    }
    if (words.size() > max_) { // the most frequent; among equals, the first
        auto commoner = [](const auto& a, const auto& b) {
            return a.first != b.first ? a.first > b.first : a.second < b.second;
        };
        std::nth_element(words.begin(), words.begin() + max_, words.end(), commoner);
        words.resize(max_);
    }
    std::vector<std::string> terms;
    for (auto& w : words)
        terms.push_back(std::move(w.second));
    std::sort(terms.begin(), terms.end());
    Xapian::Query q = Xapian::Query::MatchNothing;
    if (terms.size() == 1) {
        q = Xapian::Query(Xapian::Query::OP_SYNONYM, terms.begin(), terms.end());
    } else if (!terms.empty()) {
        std::size_t mid = terms.size() / 2;
        q = Xapian::Query(Xapian::Query::OP_SYNONYM, or_tree(terms, 0, mid),
                          or_tree(terms, mid, terms.size()));
    }
    return expansions_.emplace(std::move(key), q).first->second;
}

} // namespace morgue
