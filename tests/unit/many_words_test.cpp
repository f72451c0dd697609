// Queries of many words: relaxed to any of the words when all of them find
// less than a page, long pasted text searched whole up to its bound,
// stopwords left out, and feedback that reorders without marking its words.
#include "morgue/database.hpp"
#include "morgue/errors.hpp"
#include "morgue/text.hpp"
#include "query.hpp"
#include "search.hpp"
#include "small_archive.hpp"
#include "stopwords.hpp"

#include <gtest/gtest.h>
#include <set>

using namespace morgue;

namespace {

struct ManyWords : SmallArchive {
    void SetUp() override {
        morgue::Writer w = writer();
        add(w, "budget", "Parliament passes the budget",
            "The finance minister's budget raises the tax on fuel and cuts spending on roads.",
            {"Economy"});
        add(w, "rail", "Rail strike ends", "Train drivers return to work after the pay deal.",
            {"Transport"});
        add(w, "fuel", "Fuel prices climb", "Drivers pay more at the pump as the fuel tax rises.",
            {"Economy"});
        add(w, "roads", "Roads left to crumble", "Councils have no money to mend roads.",
            {"Transport"});
        w.commit();
    }
};

using V = std::vector<std::string>;

TEST_F(ManyWords, FewerThanAPageOfAllWordsIsRelaxed) {
    // No article has all of these words: the ones with most of them first.
    SearchResult r = run({"what does the budget do about the fuel tax on drivers", 0, 10});
    EXPECT_TRUE(r.relaxed);
    EXPECT_EQ(r.all_words, 0u);
    ASSERT_GE(r.hits.size(), 2u);
    EXPECT_EQ(std::set<std::string>({ids(r)[0], ids(r)[1]}),
              std::set<std::string>({"budget", "fuel"}));
    // Articles with all of the words (budget, fuel) come before the rest.
    SearchResult some = run({"fuel tax roads", 0, 10});
    EXPECT_TRUE(some.relaxed);
    EXPECT_EQ(some.all_words, 1u);
    EXPECT_EQ(ids(some).front(), "budget");
    EXPECT_EQ(some.total, 3u); // budget, fuel, roads; not rail
}

TEST_F(ManyWords, EnoughAllWordMatchesOrStrictIsNotRelaxed) {
    SearchResult enough = run({"fuel tax", 0, 2}); // two matches fill a page of two
    EXPECT_FALSE(enough.relaxed);
    EXPECT_EQ(enough.total, 2u);
    SearchRequest strict{"fuel roads rail", 0, 10};
    strict.strict = true;
    EXPECT_FALSE(run(strict).relaxed);
    EXPECT_EQ(run(strict).total, 0u);
    SearchRequest by_date{"fuel roads rail", 0, 10};
    by_date.sort = Sort::date;
    EXPECT_FALSE(run(by_date).relaxed);          // any-word matches by date would be noise
    EXPECT_FALSE(run({"roads", 0, 10}).relaxed); // one word: nothing to relax
}

TEST_F(ManyWords, RelaxingKeepsFiltersAndExclusions) {
    SearchRequest filtered{"fuel roads", 0, 10};
    filtered.filters["topic"] = {"Transport"};
    SearchResult r = run(filtered);
    EXPECT_TRUE(r.relaxed);
    EXPECT_EQ(ids(r), V{"roads"});
    SearchResult excluded = run({"fuel roads -budget", 0, 10});
    EXPECT_TRUE(excluded.relaxed);
    V found = ids(excluded);
    EXPECT_EQ(std::set<std::string>(found.begin(), found.end()),
              std::set<std::string>({"fuel", "roads"}));
    // An explicit AND is the reader's: only the implicit one is relaxed.
    EXPECT_EQ(run({"fuel AND roads", 0, 10}).total, 1u);
}

TEST_F(ManyWords, LongQueriesSearchUpToTheirBound) {
    std::string thousand = "rail";
    for (int i = 1; i < 1000; ++i)
        thousand += " w" + std::to_string(i);
    ASSERT_LT(thousand.size(), max_query_bytes);
    SearchResult r = run({thousand, 0, 10});
    EXPECT_EQ(r.query_note, "");
    EXPECT_TRUE(r.relaxed);
    EXPECT_EQ(ids(r), V{"rail"}); // an elite set of the words: the one that is indexed
    std::string longer = thousand;
    while (longer.size() <= max_query_bytes)
        longer += " more words";
    SearchResult cut = run({longer, 0, 10});
    EXPECT_EQ(cut.query_note.rfind("searched as its first ", 0), 0u) << cut.query_note;
    EXPECT_EQ(ids(cut), V{"rail"});
    SearchRequest strict{longer, 0, 10};
    strict.strict = true;
    EXPECT_THROW(run(strict), UsageError);
    auto [kept, words] = within_query_bytes(longer);
    EXPECT_LE(kept.size(), max_query_bytes);
    EXPECT_EQ(longer.substr(0, kept.size() + 1), kept + " "); // cut between words
    EXPECT_EQ(words, split_words(kept).size());
}

TEST(Stopwords, OnlyLooseWordsInLowerCase) {
    QueryStopper english("english");
    english.set_query("the WHO report");
    EXPECT_TRUE(english("the"));
    EXPECT_FALSE(english("who")); // typed in capitals: the World Health Organization
    EXPECT_FALSE(english("report"));
    english.set_query("an* the");
    EXPECT_FALSE(english("an")); // a wildcard's start
    EXPECT_TRUE(english("the"));
    QueryStopper none("klingon");
    EXPECT_FALSE(none("the"));
    for (const StopwordList& list : stopword_lists())
        EXPECT_GT(list.words.size(), 20u) << list.language;
}

TEST_F(ManyWords, StopwordsAreLeftOutOfQueries) {
    ReadDatabase db = open_for_reading(path);
    QueryBuilder builder(db);
    auto terms = [](const Xapian::Query& q) {
        return std::vector<std::string>(q.get_unique_terms_begin(), q.get_unique_terms_end());
    };
    EXPECT_EQ(terms(builder.parse("what are the roads")), terms(builder.parse("roads")));
    EXPECT_EQ(builder.topic_words(), 1u);
    EXPECT_NE(builder.parse("the").get_description(), "Query()"); // nothing else: kept
    EXPECT_NE(builder.parse("\"left to crumble\"").get_description().find("to@"),
              std::string::npos); // phrases keep theirs
}

TEST_F(ManyWords, FeedbackReordersButMarksOnlyTheReadersWords) {
    // Three words: feedback from the first results; it adds no match and
    // its words (from the matched articles) are never marked.
    SearchResult r = run({"fuel tax drivers", 0, 10});
    SearchRequest count{"fuel tax drivers", 0, 0};
    count.count_only = true;
    EXPECT_EQ(r.relaxed ? r.all_words : r.total, run(count).total);
    ASSERT_FALSE(r.hits.empty());
    for (const Hit& h : r.hits)
        for (std::size_t at = h.snippet.find('['); at != std::string::npos;
             at = h.snippet.find('[', at + 1)) {
            std::string word = h.snippet.substr(at + 1, h.snippet.find(']', at) - at - 1);
            EXPECT_TRUE(word == "fuel" || word == "Fuel" || word == "tax" || word == "drivers" ||
                        word == "Drivers")
                << h.snippet;
        }
}

} // namespace
