// Folding copies of one story (--collapse, the page's default) is done by
// Morgue over the head of the ranked matches (search.cpp's fold_page), not
// by Xapian's collapse key, which costs seconds on large result sets.  It
// must show what Xapian's collapse shows: the same stories in the same
// order on every page, each at its best-ranked copy.
#include "morgue/database.hpp"
#include "morgue/document.hpp"
#include "ranking.hpp"
#include "search.hpp"
#include "test_db.hpp"

#include <fmt/format.h>
#include <gtest/gtest.h>
#include <random>

using namespace morgue;

namespace {

// 6,000 articles in 3,000 stories of 1 to 4 copies; the copies share a
// title and an opening (the fingerprint) and differ in their tails, so that
// they rank apart.  Every article has "harbour" (more matches than stories
// are counted exactly); one in ten has "quay" (fewer).
struct StoryCorpus : testing::Test {
    TempDir tmp;
    std::string path = tmp / "db";
    void SetUp() override {
        std::mt19937 rng(20261206);
        Writer w(path, load_schema_file(MORGUE_SOURCE_DIR "/schemas/news.xml"));
        int n = 0;
        for (int story = 0; n < 6000; ++story) {
            std::string opening = fmt::format("Story {} about the harbour {}", story,
                                              story % 10 == 0 ? "and the quay" : "and the sea");
            for (int i = 0; i < 40; ++i)
                opening += fmt::format(" w{}", (story * 7 + i) % 500);
            for (int copy = 1 + static_cast<int>(rng() % 4); copy > 0 && n < 6000; --copy, ++n) {
                Article a;
                a.id = a.url = fmt::format("https://example.com/{}", n);
                a.title = fmt::format("Harbour story {}", story);
                a.body = opening;
                for (int tail = static_cast<int>(rng() % 30); tail > 0; --tail)
                    a.body += rng() % 3 ? " filler" : " harbour";
                a.feed_title = fmt::format("Feed {}", copy);
                a.date = 1700000000 + static_cast<std::time_t>(rng() % 1000) * 86400;
                w.upsert(a);
            }
        }
        w.commit();
    }

    // What Xapian's collapse on the fingerprint shows, every match checked.
    std::vector<std::pair<std::string, Xapian::doccount>>
    by_xapian(ReadDatabase& db, const std::string& word, unsigned offset, Sort sort) {
        Xapian::Enquire enquire(db.db);
        set_ranking(enquire);
        enquire.set_query(Xapian::Query("Z" + word));
        if (sort != Sort::relevance)
            enquire.set_sort_by_value_then_relevance(*db.schema.get("date").slot,
                                                     sort == Sort::date);
        enquire.set_collapse_key(slot_fingerprint);
        Xapian::MSet mset = enquire.get_mset(offset, 10, db.db.get_doccount());
        std::vector<std::pair<std::string, Xapian::doccount>> out;
        for (auto it = mset.begin(); it != mset.end(); ++it)
            out.emplace_back(read_stored(it.get_document()).id, it.get_collapse_count());
        return out;
    }
};

} // namespace

TEST_F(StoryCorpus, TheSameStoriesAsXapiansCollapse) {
    ReadDatabase db = open_for_reading(path);
    for (const std::string word : {"harbour", "quay"})
        for (Sort sort : {Sort::relevance, Sort::date, Sort::date_ascending})
            for (unsigned offset : {0u, 10u, 40u, 300u}) {
                SearchRequest req{word, offset, 10, sort};
                req.collapse = true;
                SearchResult r = search(db, req, {});
                auto want = by_xapian(db, word, offset, sort);
                ASSERT_EQ(r.hits.size(), want.size()) << word << " at " << offset;
                for (std::size_t i = 0; i < want.size(); ++i) {
                    std::string where = fmt::format("{} at {}, hit {}", word, offset, i);
                    EXPECT_EQ(r.hits[i].article.id, want[i].first) << where;
                    EXPECT_EQ(r.hits[i].rank, offset + i + 1) << where;
                    // Counted exactly below max_exact_folding matches; in the
                    // head only (never more than there are) above it.
                    if (word == "quay")
                        EXPECT_EQ(r.hits[i].duplicates, want[i].second) << where;
                    else
                        EXPECT_LE(r.hits[i].duplicates, want[i].second) << where;
                }
            }
}

TEST_F(StoryCorpus, TotalsOfStories) {
    ReadDatabase db = open_for_reading(path);
    auto stories = [&](const std::string& word) {
        Xapian::Enquire enquire(db.db);
        enquire.set_query(Xapian::Query("Z" + word));
        Xapian::ValueCountMatchSpy spy(slot_fingerprint);
        enquire.add_matchspy(&spy);
        enquire.get_mset(0, 0, db.db.get_doccount());
        Xapian::doccount n = 0;
        for (auto v = spy.values_begin(); v != spy.values_end(); ++v)
            ++n;
        return n;
    };
    SearchRequest quay{"quay", 0, 10};
    quay.collapse = true;
    SearchResult r = search(db, quay, {});
    EXPECT_TRUE(r.total_exact);
    EXPECT_EQ(r.total, stories("quay"));
    EXPECT_EQ(r.total + r.collapsed, db.db.get_termfreq("Zquay"));
    SearchRequest harbour{"harbour", 0, 10};
    harbour.collapse = true;
    r = search(db, harbour, {});
    EXPECT_FALSE(r.total_exact) << "6,000 matches: the stories are estimated";
    EXPECT_GT(r.total, stories("harbour") / 2);
    EXPECT_LE(r.total, 6000u) << "no more stories than matches";
}
