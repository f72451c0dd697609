// A resident searcher's facet cache (facet_cache.hpp): page 2 of a search
// takes page 1's counts, a commit is another key, the least recently used
// entry goes first.
#include "facet_cache.hpp"
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
    a.columnists = {columnist};
    w.upsert(a);
}

// "Ann Lee=20 Bo Chen=11"
std::string columnist_counts(const SearchResult& r) {
    std::string out;
    for (const auto& f : r.facets)
        if (f.field == "columnist")
            for (const auto& v : f.values)
                out += (out.empty() ? "" : " ") + v.value + "=" + std::to_string(v.count);
    return out;
}

} // namespace

TEST(FacetCache, LeastRecentlyUsedGoesFirst) {
    FacetCache cache(2);
    FacetCounts counts{.facets = {{"topic", {{"Politics", 3}}}}, .matches = 3};
    cache.store("a", counts);
    cache.store("b", counts);
    ASSERT_TRUE(cache.find("a")); // a is now the most recent
    cache.store("c", counts);
    EXPECT_TRUE(cache.find("a"));
    EXPECT_FALSE(cache.find("b"));
    EXPECT_TRUE(cache.find("c"));
    EXPECT_EQ(cache.size(), 2u);
    FacetCounts partial = counts;
    partial.complete = false; // a pass the time limit stopped is not kept
    cache.store("d", partial);
    EXPECT_FALSE(cache.find("d"));
}

TEST(FacetCache, PageTwoReusesTheCountsAndACommitIsANewKey) {
    TempDir tmp;
    std::string path = tmp / "db";
    Schema schema = load_schema_file(MORGUE_SOURCE_DIR "/schemas/news.xml");
    {
        Writer w(path, schema);
        for (int i = 0; i < 30; ++i)
            add(w, i, i % 3 ? "Ann Lee" : "Bo Chen");
        w.commit();
    }
    ReadDatabase db = open_for_reading(path);
    ResidentMemory resident;
    const FacetCache& cache = resident.facet_counts;
    SearchRequest req{.query = "harbour", .facets = {"columnist"}, .resident = &resident};
    SearchResult first = search(db, req, {});
    req.offset = 10;
    SearchResult second = search(db, req, {});
    EXPECT_EQ(cache.hits(), 1u);
    EXPECT_EQ(columnist_counts(first), "Ann Lee=20 Bo Chen=10");
    EXPECT_EQ(columnist_counts(first), columnist_counts(second));
    EXPECT_EQ(second.total, 30u);
    EXPECT_TRUE(second.total_exact);
    EXPECT_EQ(second.hits.front().rank, 11u);

    {
        Writer w(path, schema);
        add(w, 100, "Bo Chen");
        w.commit();
    }
    db.db.reopen();
    SearchResult after = search(db, req, {});
    EXPECT_EQ(cache.hits(), 1u) << "the new revision is another key";
    EXPECT_EQ(after.total, 31u);
    EXPECT_EQ(columnist_counts(after), "Ann Lee=20 Bo Chen=11");
}
