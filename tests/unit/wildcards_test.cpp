#include "wildcards.hpp"

#include <algorithm>
#include <cmath>
#include <fmt/format.h>
#include <gtest/gtest.h>
#include <random>
#include <set>
#include <vector>

using namespace morgue;

namespace {

using Words = std::vector<std::string>;

Xapian::WritableDatabase in_memory(const std::vector<Words>& docs) {
    Xapian::WritableDatabase db("", Xapian::DB_BACKEND_INMEMORY);
    for (const Words& words : docs) {
        Xapian::Document d;
        for (const std::string& w : words)
            d.add_term(w);
        db.add_document(d);
    }
    return db;
}

// docs[0], docs[2], … in one shard, docs[1], docs[3], … in the other: the
// multi-database numbers each as one database holding them all would.
Xapian::Database two_shards(const std::vector<Words>& docs) {
    std::vector<Words> even, odd;
    for (std::size_t i = 0; i < docs.size(); ++i)
        (i % 2 ? odd : even).push_back(docs[i]);
    Xapian::Database multi;
    multi.add_database(in_memory(even));
    multi.add_database(in_memory(odd));
    return multi;
}

std::set<std::string> terms_of(const Xapian::Query& q) {
    return {q.get_unique_terms_begin(), q.get_unique_terms_end()};
}

std::vector<std::pair<Xapian::docid, double>> ranked(const Xapian::Database& db,
                                                     const Xapian::Query& q) {
    Xapian::Enquire enquire(db);
    enquire.set_query(q);
    std::vector<std::pair<Xapian::docid, double>> out;
    Xapian::MSet mset = enquire.get_mset(0, 20, db.get_doccount());
    for (auto it = mset.begin(); it != mset.end(); ++it)
        out.emplace_back(*it, it.get_weight());
    return out;
}

} // namespace

TEST(Wildcards, ExpandableWordsAreWhatTheParserReadsAsOneTerm) {
    for (const char* word : {"polit", "café", "x_1", "2024", "Straße"})
        EXPECT_TRUE(expandable_word(word)) << word;
    for (const char* word : {"", "don't", "a-b", "U.S", "蔡英", "ニュース", "a*"})
        EXPECT_FALSE(expandable_word(word)) << word;
}

// The commonest words in the whole archive, not in each shard: maru is
// commonest in the first shard, marz in the second, mary (5) then marz (4)
// overall.
TEST(Wildcards, ChosenByArchiveWideFrequencies) {
    // First shard: maru 3, mary 2; second: marz 4, mary 3.
    std::vector<Words> docs = {{"maru"},  {"marz"}, {"maru"},  {"marz"}, {"maru"},
                               {"marz"},  {"mary"}, {"marz"},  {"mary"}, {"mary"},
                               {"other"}, {"mary"}, {"other"}, {"mary"}};
    Xapian::Database multi = two_shards(docs);
    WildcardExpander expander(multi);
    expander.set_limit(1, Xapian::Query::WILDCARD_LIMIT_MOST_FREQUENT);
    EXPECT_EQ(terms_of(expander.expand("mar")), std::set<std::string>{"mary"});
    expander.set_limit(2, Xapian::Query::WILDCARD_LIMIT_MOST_FREQUENT);
    EXPECT_EQ(terms_of(expander.expand("mar")), (std::set<std::string>{"mary", "marz"}));
    expander.set_limit(2, Xapian::Query::WILDCARD_LIMIT_FIRST);
    EXPECT_EQ(terms_of(expander.expand("mar")), (std::set<std::string>{"maru", "mary"}));
    expander.set_limit(10, Xapian::Query::WILDCARD_LIMIT_MOST_FREQUENT);
    EXPECT_EQ(terms_of(expander.expand("mar")), (std::set<std::string>{"maru", "mary", "marz"}));
    EXPECT_EQ(expander.expand("zebra").get_type(), Xapian::Query::LEAF_MATCH_NOTHING);
}

// Scores as one database gives them.  Xapian's own OP_SYNONYM of the same
// words does not give them here (1.4.22): it sums the words' frequencies
// along a tree it pairs by each shard's own frequencies, rounding at each
// node.  Should a later Xapian agree across shards, the second check says so.
TEST(Wildcards, ScoreAsOneDatabase) {
    std::mt19937 rng(20261206);
    std::vector<Words> docs;
    for (int i = 0; i < 3000; ++i) {
        Words words{"body"};
        for (int j = 0; j < 120; ++j)
            if (rng() % 6000 < static_cast<unsigned>(j % 40 + 1))
                words.push_back(fmt::format("mar{:03}", j));
        docs.push_back(words);
    }
    Xapian::Database one = in_memory(docs), multi = two_shards(docs);
    WildcardExpander on_one(one), on_shards(multi);
    on_one.set_limit(500, Xapian::Query::WILDCARD_LIMIT_MOST_FREQUENT);
    on_shards.set_limit(500, Xapian::Query::WILDCARD_LIMIT_MOST_FREQUENT);
    Xapian::Query q = on_shards.expand("mar");
    ASSERT_EQ(q.get_description(), on_one.expand("mar").get_description());
    auto a = ranked(one, q), b = ranked(multi, q);
    ASSERT_EQ(a.size(), 20u);
    ASSERT_EQ(a.size(), b.size());
    for (std::size_t i = 0; i < a.size(); ++i) {
        EXPECT_EQ(a[i].first, b[i].first) << i;
        EXPECT_NEAR(a[i].second, b[i].second, 1e-12) << i;
    }
    auto terms = terms_of(q);
    std::vector<Xapian::Query> words(terms.begin(), terms.end());
    Xapian::Query flat(Xapian::Query::OP_SYNONYM, words.begin(), words.end());
    EXPECT_GT(std::abs(ranked(one, flat)[0].second - ranked(multi, flat)[0].second), 1e-6)
        << "Xapian's own OP_SYNONYM now scores alike in every layout";
}
