// A resident searcher's result cache (result_cache.hpp): a repeated search
// is answered from it with the same result; another page, highlighting or
// filter is another key; a commit is another key; a search boosted by
// recency or cut short by the time limit is not kept.
#include "resident_memory.hpp"
#include "search.hpp"
#include "test_db.hpp"

#include <gtest/gtest.h>

using namespace morgue;

namespace {

void add(Writer& w, int i, const std::string& columnist) {
    Article a;
    a.id = a.url = "https://example.com/" + std::to_string(i);
    a.title = "The harbour report " + std::to_string(i);
    a.body = a.summary = "Ferries crossed the harbour at dawn, report " + std::to_string(i);
    a.columnists = {columnist};
    a.date = 1760000000 + i;
    w.upsert(a);
}

std::vector<std::string> urls(const SearchResult& r) {
    std::vector<std::string> out;
    for (const Hit& h : r.hits)
        out.push_back(h.article.url + " " + h.snippet);
    return out;
}

struct ResultCacheTest : testing::Test {
    TempDir tmp;
    std::string path = tmp / "db";
    Schema schema = load_schema_file(MORGUE_SOURCE_DIR "/schemas/news.xml");

    void write(int from, int to) {
        Writer w(path, schema);
        for (int i = from; i < to; ++i)
            add(w, i, i % 3 ? "Ann Lee" : "Bo Chen");
        w.commit();
    }
};

} // namespace

TEST_F(ResultCacheTest, ARepeatedSearchIsAnsweredFromIt) {
    write(0, 30);
    ReadDatabase db = open_for_reading(path);
    ResidentMemory resident;
    const ResultCache& cache = resident.results;
    SearchRequest req{.query = "harbour", .facets = {"columnist"}, .resident = &resident};
    Highlight hl{"[", "]"};
    SearchResult first = search(db, req, hl);
    EXPECT_EQ(cache.hits(), 0u);
    SearchResult again = search(db, req, hl);
    EXPECT_EQ(cache.hits(), 1u);
    EXPECT_EQ(urls(again), urls(first));
    EXPECT_EQ(again.total, first.total);
    ASSERT_EQ(again.facets.size(), 1u);
    EXPECT_EQ(again.facets[0].values.size(), first.facets[0].values.size());

    // Another page, other markers, another filter: other keys.
    SearchRequest page2 = req;
    page2.offset = 10;
    EXPECT_NE(urls(search(db, page2, hl)), urls(first));
    EXPECT_NE(urls(search(db, req, {"<", ">"})), urls(first));
    SearchRequest filtered = req;
    filtered.filters["columnist"] = {"Bo Chen"};
    EXPECT_EQ(search(db, filtered, hl).total, 10u);
    EXPECT_EQ(cache.hits(), 1u);
    EXPECT_EQ(cache.size(), 4u);
}

TEST_F(ResultCacheTest, ACommitIsAnotherKey) {
    write(0, 5);
    ReadDatabase db = open_for_reading(path);
    ResidentMemory resident;
    SearchRequest req{.query = "harbour", .resident = &resident};
    EXPECT_EQ(search(db, req, {}).total, 5u);
    write(5, 7);
    db.db.reopen();
    EXPECT_EQ(search(db, req, {}).total, 7u);
    EXPECT_EQ(resident.results.hits(), 0u);
    EXPECT_EQ(search(db, req, {}).total, 7u);
    EXPECT_EQ(resident.results.hits(), 1u);
}

TEST_F(ResultCacheTest, RecencyAndCutShortResultsAreNotKept) {
    write(0, 5);
    ReadDatabase db = open_for_reading(path);
    ResidentMemory resident;
    SearchRequest req{.query = "harbour", .recency_days = 30, .resident = &resident};
    EXPECT_EQ(ResultCache::key(db, req, {}), "");
    search(db, req, {});
    search(db, req, {});
    EXPECT_EQ(resident.results.size(), 0u);

    ResultCache cache;
    SearchResult cut;
    cut.time_limit_reached = true;
    cache.store("k", cut);
    EXPECT_FALSE(cache.find("k"));
    cache.store("k", SearchResult{});
    EXPECT_TRUE(cache.find("k"));
}
