#include "date_range.hpp"
#include "morgue/database.hpp"
#include "morgue/dates.hpp"
#include "morgue/errors.hpp"
#include "query.hpp"
#include "search.hpp"
#include "test_db.hpp"

#include <algorithm>
#include <fmt/format.h>
#include <gtest/gtest.h>

using namespace morgue;

namespace {

std::string syntax_error(std::string_view q) {
    try {
        check_query_syntax(q);
    } catch (const UsageError& e) {
        return e.what();
    }
    return "ok";
}

// An article filed under https://example.com/ID, dated like the others.
Article article(const std::string& id, std::string title, std::string body) {
    Article a;
    a.id = a.url = "https://example.com/" + id;
    a.title = std::move(title);
    a.body = std::move(body);
    a.date = 1760000000;
    return a;
}

// The exact number of matches for `q`.
Xapian::doccount count_matches(ReadDatabase& db, const std::string& q) {
    SearchRequest req{q, 0, 0};
    req.count_only = true;
    return search(db, req, {}).total;
}

struct SearchTest : testing::Test {
    TempDir tmp;
    std::string path = tmp / "db";

    void SetUp() override {
        Writer w(path, load_schema_file(MORGUE_SOURCE_DIR "/schemas/news.xml"));
        add(w, "1", "Anime artists and AI", "Japan's anime industry is in danger.",
            "Catherine Thorbecke", "Technology");
        add(w, "2", "Currency statement", "The central bank and the Treasury on exchange rates.",
            "", "Economy");
        add(w, "3", "Tsai abroad", "Former president Tsai Ing-wen (蔡英文) travels in Europe.", "",
            "Diplomacy");
        add(w, "4", "Japan and China", "Japan, China and the anime of diplomacy.", "Dave Lee",
            "Japan");
        w.commit();
    }

    static void add(Writer& w, std::string id, std::string title, std::string body,
                    std::string columnist, std::string topic) {
        Article a;
        a.id = a.url = "https://example.com/" + id;
        a.title = std::move(title);
        a.body = a.summary = std::move(body);
        if (!columnist.empty()) a.columnists = {columnist};
        a.topics = {topic};
        a.date = 1760000000 + std::stol(id) * 86400;
        w.upsert(a);
    }

    // The matches of `q` as its syntax says (strict: never relaxed to OR).
    std::vector<std::string> ids(const std::string& q) {
        ReadDatabase db = open_for_reading(path);
        SearchRequest req{q, 0, 10};
        req.strict = true;
        std::vector<std::string> out;
        for (const Hit& h : search(db, req, {}).hits)
            out.push_back(h.article.url.substr(20));
        return out;
    }
};

using V = std::vector<std::string>;

} // namespace

TEST(QuerySyntax, AcceptsWellFormedQueries) {
    for (const char* q : {"anime", "\"a phrase\" word", "a AND (b OR c)", "NOT x", "a NOT b",
                          "-a b", "+a -b", "columnist:\"Catherine Thorbecke\"", "title:x", "anim*",
                          "(a)", "a:b", "\"unbalanced quote is fine"})
        EXPECT_EQ(syntax_error(q), "ok") << q;
}

TEST(QuerySyntax, ReportsTheColumn) {
    EXPECT_EQ(syntax_error("(anime"), "query: column 1: '(' is never closed");
    EXPECT_EQ(syntax_error("anime)"), "query: column 6: ')' without a matching '('");
    EXPECT_EQ(syntax_error("anime AND"), "query: column 7: AND needs something after it");
    EXPECT_EQ(syntax_error("OR anime"), "query: column 1: OR needs something before it");
    EXPECT_EQ(syntax_error("a AND OR b"), "query: column 7: OR needs something before it");
    EXPECT_EQ(syntax_error("a ()"),
              "query: column 4: empty parentheses or missing operand before ')'");
    EXPECT_EQ(syntax_error("columnist: x"), "query: column 1: columnist: needs a value");
    EXPECT_EQ(syntax_error("a NOT"), "query: column 3: NOT needs something after it");
}

TEST_F(SearchTest, RanksAndFilters) {
    EXPECT_EQ(ids("anime").front(), "1");
    EXPECT_EQ(ids("anime").size(), 2u);
    EXPECT_EQ(ids("columnist:thorbecke"), V{"1"});
    EXPECT_EQ(ids("columnist:\"catherine thorbecke\""), V{"1"});
    EXPECT_EQ(ids("columnist:\"CATHERINE THORBECKE\""), V{"1"});
    EXPECT_EQ(ids("anime columnist:\"Dave Lee\""), V{"4"});
    EXPECT_EQ(ids("topic:economy"), V{"2"});
    EXPECT_EQ(ids("title:japan"), V{"4"});
    EXPECT_EQ(ids("蔡英文"), V{"3"});
    EXPECT_EQ(ids("\"exchange rates\""), V{"2"});
    EXPECT_EQ(ids("\"rates exchange\""), V{});
    EXPECT_EQ(ids("japan NOT china"), V{"1"});
    EXPECT_EQ(ids("japan -china"), V{"1"});
    EXPECT_EQ(ids("currency OR tsai").size(), 2u);
    EXPECT_EQ(ids("artist"), V{"1"}); // stemming
    EXPECT_EQ(ids("dipl*"), V{"4"});
    EXPECT_EQ(ids("trav*"), V{"3"});
    EXPECT_EQ(ids("year:2025").size(), 4u);
    EXPECT_EQ(ids("").size(), 4u);
}

// Xapian reads "-japan" alone as "japan"; a reader means "without japan".
TEST_F(SearchTest, ExcludedWordsAloneMatchEverythingElse) {
    auto sorted = [&](const std::string& q) {
        auto v = ids(q);
        std::sort(v.begin(), v.end());
        return v;
    };
    EXPECT_EQ(sorted("-japan"), (V{"2", "3"}));
    EXPECT_EQ(sorted("-japan -tsai"), V{"2"});
    EXPECT_EQ(sorted("-topic:economy"), (V{"1", "3", "4"}));
    EXPECT_EQ(sorted("-\"exchange rates\""), (V{"1", "3", "4"}));
    EXPECT_EQ(sorted("NOT japan"), (V{"2", "3"}));
    EXPECT_EQ(sorted("anime -china"), V{"1"}); // with a word to keep, as before
}

TEST_F(SearchTest, SnippetsHighlightMatches) {
    ReadDatabase db = open_for_reading(path);
    auto r = search(db, {"danger", 0, 10}, {"[", "]"});
    ASSERT_EQ(r.hits.size(), 1u);
    EXPECT_EQ(r.hits[0].snippet, "Japan's anime industry is in [danger].");
    EXPECT_EQ(r.hits[0].rank, 1u);
    EXPECT_EQ(r.total, 1u);
}

TEST_F(SearchTest, PagesAndLimits) {
    ReadDatabase db = open_for_reading(path);
    auto r = search(db, {"", 2, 10}, {});
    EXPECT_EQ(r.hits.size(), 2u);
    EXPECT_EQ(r.hits[0].rank, 3u);
    EXPECT_THROW(search(db, {"x", 0, max_limit + 1}, {}), UsageError);
    SearchRequest strict{"(x", 0, 10};
    strict.strict = true;
    EXPECT_THROW(search(db, strict, {}), UsageError);
}

// Malformed syntax is searched as the words it holds, with a note; a
// "name:" that is no field of Morgue's is a word.
TEST_F(SearchTest, MalformedQueriesSearchTheirWords) {
    ReadDatabase db = open_for_reading(path);
    SearchResult r = search(db, {"(anime OR japan", 0, 10}, {});
    EXPECT_EQ(r.query_note, "searched as plain words (column 1: '(' is never closed)");
    auto lenient = [&](const std::string& q) {
        std::vector<std::string> out;
        for (const Hit& h : search(db, {q, 0, 10}, {}).hits)
            out.push_back(h.article.url.substr(20));
        return out;
    };
    EXPECT_EQ(lenient("(anime OR japan"), lenient("anime japan"));
    EXPECT_EQ(lenient("japan AND"), ids("japan"));
    EXPECT_EQ(search(db, {"(", 0, 10}, {}).total, 4u); // no word: every article
    SearchResult headline = search(db, {"Tsai: abroad", 0, 10}, {});
    EXPECT_EQ(headline.query_note, "");
    EXPECT_EQ(lenient("Tsai: abroad"), std::vector<std::string>{"3"});
    EXPECT_EQ(search(db, {"anime", 0, 10}, {}).query_note, "");
}

TEST(DateRange, PeriodsInUtc) {
    EXPECT_EQ(iso8601_utc(period_start("2025")), "2025-01-01T00:00:00Z");
    EXPECT_EQ(iso8601_utc(period_end("2025")), "2025-12-31T23:59:59Z");
    EXPECT_EQ(iso8601_utc(period_end("2024-02")), "2024-02-29T23:59:59Z");
    EXPECT_EQ(iso8601_utc(period_end("2025-12-31")), "2025-12-31T23:59:59Z");
    EXPECT_EQ(iso8601_utc(period_end("2025-03-14T10:00:00+08:00")), "2025-03-14T02:00:00Z");
    EXPECT_THROW(period_start("March"), UsageError);
    EXPECT_THROW(period_start("2025-13"), UsageError);
}

TEST(DateRange, BoundariesAreInclusiveToTheSecond) {
    TempDir tmp;
    std::string path = tmp / "db";
    {
        Writer w(path, load_schema_file(MORGUE_SOURCE_DIR "/schemas/news.xml"));
        for (const char* when :
             {"2025-11-30T23:59:59Z", "2025-12-01T00:00:00Z", "2025-12-01T07:59:59+08:00"}) {
            Article a;
            a.id = a.url = std::string("https://example.com/") + when;
            a.title = "Edge";
            a.date = *parse_date(when);
            w.upsert(a);
        }
        w.commit();
    }
    ReadDatabase db = open_for_reading(path);
    auto count = [&](const std::string& q) { return search(db, {q, 0, 10}, {}).hits.size(); };
    EXPECT_EQ(count("date:..2025-11-30"), 2u); // 23:59:59Z, and 07:59:59+08:00 = 23:59:59Z
    EXPECT_EQ(count("date:2025-12-01.."), 1u);
    EXPECT_EQ(count("date:2025-12"), 1u);
    EXPECT_EQ(count("date:2025-11"), 2u);
    EXPECT_EQ(count("date:2025-11-30..2025-12-01"), 3u);
    EXPECT_EQ(count("date:2025"), 3u);
    EXPECT_EQ(count("edge date:2024"), 0u);
    auto strict = [&](const std::string& q) {
        SearchRequest req{q, 0, 10};
        req.strict = true;
        return search(db, req, {});
    };
    EXPECT_THROW(strict("date:2025-12..2025-11"), UsageError);
    EXPECT_THROW(strict("date:soon"), UsageError);
    EXPECT_NE(search(db, {"date:soon", 0, 10}, {}).query_note, ""); // searched as words
}

TEST(Snippets, HtmlIsEscapedPlainIsNot) {
    TempDir tmp;
    std::string path = tmp / "db";
    {
        Writer w(path, load_schema_file(MORGUE_SOURCE_DIR "/schemas/news.xml"));
        Article a = article("x", "Escapes",
                            "Tom & Jerry wrote <script>alert(\"x\")</script> about harbours.");
        a.summary = a.body;
        w.upsert(a);
        w.commit();
    }
    ReadDatabase db = open_for_reading(path);
    SearchRequest req{"harbours", 0, 10};
    req.html_snippets = true;
    auto r = search(db, req, {"[", "]"});
    ASSERT_EQ(r.hits.size(), 1u);
    EXPECT_EQ(r.hits[0].snippet,
              "Tom & Jerry wrote <script>alert(\"x\")</script> about [harbours].");
    EXPECT_EQ(r.hits[0].snippet_html,
              "Tom &amp; Jerry wrote &lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; about "
              "<mark>harbours</mark>.");
}

TEST(Recency, FreshnessReordersOnlyMatchingDocuments) {
    TempDir tmp;
    std::string path = tmp / "db";
    {
        Writer w(path, load_schema_file(MORGUE_SOURCE_DIR "/schemas/news.xml"));
        auto add = [&](const std::string& id, const std::string& body, const char* date) {
            Article a;
            a.id = a.url = "https://example.com/" + id;
            a.title = id;
            a.body = body;
            a.date = *parse_date(date);
            w.upsert(a);
        };
        add("old", "harbour harbour harbour tide", "2015-01-01");
        add("mid", "harbour tide and other words about the port and its ships", "2024-01-01");
        add("new", "harbour news with many more words about boats ships ferries and cranes",
            "2025-06-01");
        add("newest-unrelated", "nothing relevant", "2025-06-02");
        w.commit();
    }
    ReadDatabase db = open_for_reading(path);
    auto titles = [&](double days) {
        SearchRequest req{"harbour", 0, 10};
        req.recency_days = days;
        std::vector<std::string> out;
        for (const Hit& h : search(db, req, {}).hits)
            out.push_back(h.article.title);
        return out;
    };
    EXPECT_EQ(titles(0).front(), "old");  // pure relevance
    EXPECT_EQ(titles(30).front(), "new"); // fresh first
    // With a 30-day half-life a 2024 article has no boost left: relevance decides.
    EXPECT_EQ(titles(30), (std::vector<std::string>{"new", "old", "mid"}));
    EXPECT_EQ(titles(30).size(), 3u); // the unrelated newest article never appears
}

TEST(Spelling, RareWordsWithFewResults) {
    TempDir tmp;
    std::string path = tmp / "db";
    {
        Writer w(path, load_schema_file(MORGUE_SOURCE_DIR "/schemas/news.xml"));
        for (int i = 0; i < 30; ++i) {
            // One article has the typo "goverment"; thirty have "government".
            Article a = article(std::to_string(i),
                                i == 0 ? "The goverment budget" : "The government budget", "");
            a.date = 1760000000 + i;
            w.upsert(a);
        }
        w.commit();
    }
    ReadDatabase db = open_for_reading(path);
    EXPECT_EQ(search(db, {"goverment", 0, 10}, {}).corrected_query, "government");
    EXPECT_EQ(search(db, {"governmnet budget", 0, 10}, {}).corrected_query, "government budget");
    EXPECT_EQ(search(db, {"government", 0, 10}, {}).corrected_query, "");
}

TEST(Search, SurvivesTheDatabaseChangingUnderneath) {
    TempDir tmp;
    std::string path = tmp / "db";
    Schema schema = load_schema_file(MORGUE_SOURCE_DIR "/schemas/news.xml");
    auto add_batch = [&](int batch) {
        Writer w(path, schema);
        for (int i = 0; i < 300; ++i) {
            Article a;
            a.id = a.url = "https://example.com/" + std::to_string(batch) + "/" + std::to_string(i);
            a.title = "Harbour report " + std::to_string(batch);
            // assign, then append: GCC 12 warns falsely (-Warray-bounds) on
            // std::string(n, c) + "..." once the headers are precompiled.
            a.body.assign(2000, 'x');
            a.body += " harbour";
            a.date = 1760000000 + i;
            w.upsert(a);
        }
        w.commit();
    };
    add_batch(0);
    ReadDatabase db = open_for_reading(path);
    EXPECT_EQ(search(db, {"harbour", 0, 10}, {}).total, 300u);
    // Several commits while the reader holds an old revision: its blocks get
    // reused, which Xapian reports as DatabaseModifiedError; the search
    // reopens and answers from the new revision.
    for (int batch = 1; batch <= 4; ++batch)
        add_batch(batch);
    auto r = search(db, {"harbour", 0, 10}, {});
    EXPECT_EQ(r.total, 1500u);
}

// Wildcards share one budget of expanded terms: 26 of them, each with 40
// words to expand to, cost what the budget allows, not 26 times it.
TEST(QueryCost, WildcardsShareOneBudget) {
    TempDir tmp;
    std::string path = tmp / "db";
    {
        Writer w(path, load_schema_file(MORGUE_SOURCE_DIR "/schemas/news.xml"));
        for (char c = 'a'; c <= 'z'; ++c) {
            for (int i = 0; i < 40; ++i) {
                Article a;
                a.id = a.url = fmt::format("https://example.com/{}/{}", c, i);
                a.title = "words";
                a.body = fmt::format("{}{}q{}", c, c, i); // 40 words to each of aa* .. zz*
                a.date = 1760000000;
                w.upsert(a);
            }
            w.checkpoint();
        }
        w.commit();
    }
    ReadDatabase db = open_for_reading(path);
    auto count = [&](const std::string& q) { return count_matches(db, q); };
    EXPECT_EQ(count("aa*"), 40u); // alone, a wildcard may use the whole budget
    std::string ored;
    for (char c = 'a'; c <= 'z'; ++c)
        ored += fmt::format("{}{}{}* ", ored.empty() ? "" : "OR ", c, c);
    // Each of the 26 expands to its share of its words, at least one.
    Xapian::doccount shared = count(ored);
    EXPECT_GE(shared, 26u);
    EXPECT_LE(shared, 500u);
}

// Several wildcards that would read more of the vocabulary than the bound
// (20,000 words) take their first words instead of their commonest: the
// reading is what costs, before the time limit applies.  One alone does not.
TEST(QueryCost, ManyWildcardsReadNoMoreThanTheyKeep) {
    TempDir tmp;
    std::string path = tmp / "db";
    {
        Writer w(path, load_schema_file(MORGUE_SOURCE_DIR "/schemas/news.xml"));
        std::string vocabulary;
        for (int i = 0; i < 21000; ++i)
            vocabulary += fmt::format("b{:05} ", i);
        w.upsert(article("vocabulary", "vocabulary", vocabulary));
        for (int i = 0; i < 10; ++i) // "bzz", last of the b-words, is the commonest
            w.upsert(article(std::to_string(i), "cat", "bzz cat"));
        w.commit();
    }
    ReadDatabase db = open_for_reading(path);
    auto count = [&](const std::string& q) { return count_matches(db, q); };
    EXPECT_EQ(count("b* cat"), 10u); // one wildcard: its commonest words, bzz among them
    EXPECT_EQ(count("b* ca*"), 0u);  // two, reading 21,011 words: b00000, b00001, …
}

// With facets, every match is counted anyway: the total is that count, so
// "about 1,000" never stands beside year counts that add up to 1,080.
TEST(Search, FacetsMakeTheTotalExact) {
    TempDir tmp;
    std::string path = tmp / "db";
    {
        Writer w(path, load_schema_file(MORGUE_SOURCE_DIR "/schemas/news.xml"));
        for (int i = 0; i < 1400; ++i) {
            Article a = article(std::to_string(i),
                                fmt::format("report {} {}", i % 10 ? "harbour" : "harvest", i),
                                fmt::format("story{}", i % 10 && i % 7 ? " quay" : ""));
            a.date = 1500000000 + i * 86400 * 3;
            w.upsert(a);
            if (i % 200 == 199) w.checkpoint();
        }
        w.commit();
    }
    ReadDatabase db = open_for_reading(path);
    SearchRequest req{"harb* quay", 0, 10};
    ASSERT_EQ(search(db,
                     {"harb* quay",
                      0,
                      0,
                      Sort::relevance,
                      {},
                      {},
                      {},
                      {},
                      10,
                      FacetMethod::automatic,
                      false,
                      0,
                      0,
                      true},
                     {})
                  .total,
              1080u); // --count: every match counted
    req.facets = {"year", "topic"};
    req.facet_limit = 100;
    SearchResult r = search(db, req, {});
    Xapian::doccount years = 0;
    for (const auto& v : r.facets.at(0).values)
        years += v.count;
    EXPECT_TRUE(r.total_exact);
    EXPECT_EQ(r.total, 1080u);
    EXPECT_EQ(years, r.total);
}

// A wildcard repeated among plain words is expanded once, not once a copy:
// "a* a* … a*" (64 times) scanned the vocabulary 64 times at every pass.
TEST_F(SearchTest, RepeatedWildcardsAreExpandedOnce) {
    ReadDatabase db = open_for_reading(path);
    auto wildcards = [&](const std::string& q) { // each copy would be its expansion again
        QueryBuilder builder(db);
        return builder.parse(q).get_description();
    };
    std::string many;
    for (int i = 0; i < 64; ++i)
        many += "an* ";
    EXPECT_EQ(wildcards(many), wildcards("an*"));
    EXPECT_EQ(wildcards("an* an* title:an* title:an*"), wildcards("an* title:an*"));
    EXPECT_EQ(ids(many), ids("an*"));
    // Where operators join the words, a copy may matter: kept.
    // (an* OR tsai) AND an* is an*: without the copy it would find Tsai too.
    EXPECT_EQ(ids("(an* OR tsai) an*"), ids("an*"));
    EXPECT_EQ(ids("an* OR tsai an*"), ids("an* OR (tsai AND an*)"));
}

// Wildcards are expanded over the whole archive by Morgue (wildcards.hpp),
// in the field typed; beside NEAR or ADJ they stay Xapian's, which reads
// them there as plain words, as before.
TEST_F(SearchTest, WildcardsInFieldsAndBesideOperators) {
    ReadDatabase db = open_for_reading(path);
    QueryBuilder builder(db);
    std::string d = builder.parse("title:anim* curr*").get_description();
    EXPECT_EQ(d.find("WILDCARD"), std::string::npos) << d;
    EXPECT_NE(d.find("Sanime"), std::string::npos) << d;
    EXPECT_NE(d.find("currency"), std::string::npos) << d;
    EXPECT_EQ(ids("title:anim*"), (V{"1"}));
    EXPECT_EQ(ids("-anim* jap*"), V{});
    EXPECT_EQ(ids("+tsai trav*"), V{"3"});
    EXPECT_NO_THROW(builder.parse("japan NEAR anim*"));
    EXPECT_NO_THROW(builder.parse("anim* ADJ/2 japan"));
}
