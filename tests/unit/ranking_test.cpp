#include "morgue/database.hpp"
#include "morgue/shards.hpp"
#include "ranking.hpp"
#include "search.hpp"
#include "test_db.hpp"

#include <fmt/format.h>
#include <gtest/gtest.h>
#include <map>
#include <random>
#include <tuple>
#include <vector>

using namespace morgue;

namespace {

// An archive of 2 shards of articles with "house", "houses" or "housing" in
// their text at random counts and lengths: the shape of Morgue's exact-word
// boost (stem OP_AND_MAYBE exact word), with which Xapian 1.4.22 left the
// best articles out of a page when it could stop early.
std::string archive(const TempDir& tmp) {
    std::string dir = tmp / "archive";
    create_sharded_archive(dir, 2);
    Writer w(dir, load_schema_file(MORGUE_SOURCE_DIR "/schemas/news.xml"));
    std::mt19937 random(7);
    const char* forms[] = {"house", "houses", "housing"};
    for (int n = 0; n < 1500; ++n) {
        Article a;
        a.id = a.url = "https://example.com/" + std::to_string(n);
        a.title = "Story " + std::to_string(n);
        for (int words = 20 + static_cast<int>(random() % 300); words > 0; --words)
            a.body += random() % 9 ? "filler " : std::string(forms[random() % 3]) + " ";
        a.date = 1760000000 + n;
        w.upsert(a);
    }
    w.commit();
    return dir;
}

std::vector<double> scores(ReadDatabase& db, unsigned offset, unsigned limit,
                           std::vector<std::string> facets = {}) {
    SearchRequest req{"housing", offset, limit};
    req.facets = std::move(facets);
    std::vector<double> out;
    for (const Hit& h : search(db, req, {}).hits)
        out.push_back(h.score);
    return out;
}

// Two shards of 1,000 documents with stems and exact words at random: the
// relaxed query of two words ("a b": any of them, a bonus for the exact
// forms and for both), on which Xapian 1.4.22 leaves documents out of a
// page when it may stop early (these five seeds, among the first 80, do).
Xapian::Database two_shards(const TempDir& tmp, unsigned seed) {
    std::mt19937 random(seed);
    Xapian::Database all;
    for (int shard = 0; shard < 2; ++shard) {
        std::string path = tmp / fmt::format("seed{}-shard{}", seed, shard);
        Xapian::WritableDatabase w(path, Xapian::DB_CREATE);
        for (int n = 0; n < 1000; ++n) {
            Xapian::Document doc;
            doc.add_term("filler", 20 + random() % 300);
            for (auto [term, one_in, most] :
                 {std::tuple{"Za", 3U, 6U}, {"Zb", 4U, 5U}, {"a", 5U, 3U}, {"b", 7U, 3U}})
                if (random() % one_in == 0) doc.add_term(term, 1 + random() % most);
            w.add_document(doc);
        }
        w.commit();
        all.add_database(Xapian::Database(path));
    }
    return all;
}

std::vector<double> page(const Xapian::Database& db, const Xapian::Query& q, Xapian::doccount size,
                         Xapian::doccount check) {
    Xapian::Enquire enquire(db);
    set_ranking(enquire);
    enquire.set_query(q);
    std::vector<double> out;
    Xapian::MSet m = enquire.get_mset(0, size, check);
    for (auto it = m.begin(); it != m.end(); ++it)
        out.push_back(it.get_weight());
    return out;
}

} // namespace

TEST(Ranking, APageCheckedAsMatchesToRankSaysIsTheStartOfTheRanking) {
    using Q = Xapian::Query;
    auto bonus = [](Q q) { return Q(Q::OP_SCALE_WEIGHT, q, 0.5); };
    Q any = boosted(Q(Q::OP_OR, Q("Za"), Q("Zb")), bonus(Q(Q::OP_OR, Q("a"), Q("b"))));
    Q all = boosted(Q(Q::OP_AND, Q("Za"), Q("Zb")), bonus(Q(Q::OP_AND, Q("a"), Q("b"))));
    Q relaxed = boosted(any, all);
    TempDir tmp;
    for (unsigned seed : {29U, 31U, 34U, 14U, 17U}) {
        Xapian::Database db = two_shards(tmp, seed);
        std::vector<double> whole = page(db, relaxed, db.get_doccount(), db.get_doccount());
        for (Xapian::doccount size = 1; size < 40; ++size) {
            std::vector<double> got = page(db, relaxed, size, matches_to_rank(db));
            ASSERT_EQ(got.size(), size);
            for (Xapian::doccount i = 0; i < size; ++i)
                ASSERT_NEAR(got[i], whole[i], 1e-9)
                    << "seed " << seed << ", place " << i + 1 << " of a page of " << size;
        }
    }
}

TEST(Ranking, ABoostReordersTheMatchesAndAddsNone) {
    TempDir tmp;
    ReadDatabase db = open_for_reading(archive(tmp));
    Xapian::Query stem("Zhous"), exact("housing");
    auto count = [&](const Xapian::Query& q) {
        Xapian::Enquire e(db.db);
        e.set_query(q);
        return e.get_mset(0, 0, db.db.get_doccount()).get_matches_estimated();
    };
    EXPECT_EQ(count(boosted(stem, exact)), count(stem));
    EXPECT_LT(count(exact), count(stem));
}

TEST(Ranking, EveryPageIsPartOfTheWholeRanking) {
    TempDir tmp;
    ReadDatabase db = open_for_reading(archive(tmp));
    std::vector<double> whole = scores(db, 0, 1000);
    ASSERT_GT(whole.size(), 200u);
    for (unsigned limit : {1U, 5U, 10U, 15U, 20U, 30U})
        for (unsigned offset : {0U, 3U, 10U, 40U})
            for (bool facets : {false, true}) {
                auto got =
                    scores(db, offset, limit,
                           facets ? std::vector<std::string>{"year"} : std::vector<std::string>{});
                ASSERT_EQ(got.size(), limit);
                for (unsigned i = 0; i < limit; ++i)
                    EXPECT_NEAR(got[i], whole[offset + i], 1e-9)
                        << "place " << offset + i + 1 << " of a page of " << limit;
            }
}
