#include "expansion.hpp"

#include <algorithm>
#include <gtest/gtest.h>
#include <random>
#include <string>
#include <vector>

using namespace morgue;

namespace {

// Articles of words drawn unevenly (a few common, many rare), with stems
// ("Z…") and a field term each, as the index holds them.
std::vector<std::vector<std::string>> articles(unsigned n) {
    std::mt19937 rng(20261206);
    std::vector<std::vector<std::string>> out;
    for (unsigned i = 0; i < n; ++i) {
        std::vector<std::string> words{"XTtopic" + std::to_string(i % 7)};
        unsigned length = 20 + rng() % 80;
        for (unsigned j = 0; j < length; ++j) {
            unsigned rank = 1 + rng() % 1000;
            std::string w = "w" + std::to_string((rank * rank) / (1 + rng() % 997));
            words.push_back(w);
            words.push_back("Z" + w);
        }
        out.push_back(words);
    }
    return out;
}

Xapian::WritableDatabase in_memory(const std::vector<std::vector<std::string>>& docs,
                                   unsigned shard = 0, unsigned shards = 1) {
    Xapian::WritableDatabase db("", Xapian::DB_BACKEND_INMEMORY);
    for (std::size_t i = shard; i < docs.size(); i += shards) {
        Xapian::Document d;
        for (const std::string& w : docs[i])
            d.add_term(w);
        db.add_document(d);
    }
    return db;
}

class Stems : public Xapian::ExpandDecider {
  public:
    bool operator()(const std::string& term) const override { return term[0] == 'Z'; }
};

class Everything : public Xapian::ExpandDecider {
  public:
    bool operator()(const std::string&) const override { return true; }
};

std::vector<std::string> xapians(const Xapian::Database& db,
                                 const std::vector<Xapian::docid>& relevant, Xapian::termcount max,
                                 const Xapian::ExpandDecider& decider,
                                 const Xapian::Query& query = {}) {
    Xapian::Enquire enquire(db);
    if (!query.empty()) enquire.set_query(query);
    Xapian::RSet rset;
    for (Xapian::docid id : relevant)
        rset.add_document(id);
    Xapian::ESet eset = enquire.get_eset(max, rset, Xapian::Enquire::USE_EXACT_TERMFREQ, &decider);
    return {eset.begin(), eset.end()};
}

} // namespace

// The same terms, in the same order, as Xapian's own ESet: on one database,
// and on three shards holding the same articles (numbered alike).
TEST(Expansion, AsXapiansESet) {
    auto docs = articles(900);
    Xapian::Database one = in_memory(docs);
    Xapian::Database shards;
    for (unsigned k = 0; k < 3; ++k)
        shards.add_database(in_memory(docs, k, 3));
    std::vector<std::vector<Xapian::docid>> rsets = {{1}, {5, 17, 42, 300, 899}, {2, 3}, {600}};
    for (const auto& relevant : rsets) {
        for (Xapian::termcount max : {1u, 20u, 25u, 1000u}) {
            auto expected = xapians(one, relevant, max, Stems());
            ASSERT_FALSE(expected.empty());
            EXPECT_EQ(expansion_terms(one, relevant, max, Stems()), expected) << max;
            EXPECT_EQ(expansion_terms(shards, relevant, max, Stems()), expected) << max;
            EXPECT_EQ(expansion_terms(one, relevant, max, Everything()),
                      xapians(one, relevant, max, Everything()))
                << max;
        }
    }
    EXPECT_TRUE(expansion_terms(one, {}, 20, Stems()).empty());
    // The query's own terms are left out, as Xapian leaves out the enquire's.
    auto top = xapians(one, rsets[1], 4, Stems());
    Xapian::Query asked(Xapian::Query::OP_OR, top.begin(), top.begin() + 2);
    auto without = expansion_terms(shards, rsets[1], 20, Stems(), asked);
    EXPECT_EQ(without, xapians(one, rsets[1], 20, Stems(), asked));
    EXPECT_EQ(std::count(without.begin(), without.end(), top[0]), 0);
    EXPECT_EQ(without.front(), top[2]);
}
