// A resident searcher's query parser (query_memory.hpp): the same answers as
// a parser built for each search, one build per archive revision, and a
// commit (new synonyms) seen at once.
#include "morgue/layout.hpp"
#include "query_memory.hpp"
#include "resident_memory.hpp"
#include "search.hpp"
#include "test_db.hpp"

#include <gtest/gtest.h>

using namespace morgue;

namespace {

Schema news_schema() {
    return load_schema_file(MORGUE_SOURCE_DIR "/schemas/news.xml");
}

void add(Writer& w, int i, const std::string& title, const std::string& body) {
    Article a;
    a.id = a.url = "https://example.com/" + std::to_string(i);
    a.title = title;
    a.body = body;
    a.columnists = {i % 2 ? "Ann Lee" : "Bo Chen"};
    w.upsert(a);
}

// What a reader sees of a search: which articles, in what order, and what
// the page says about the query.
std::string seen(const SearchResult& r) {
    std::string out = fmt::format("{} {} [{}] [{}] {}:", r.total, r.relaxed, r.corrected_query,
                                  r.query_note, r.all_words);
    for (const Hit& h : r.hits)
        out += fmt::format(" {}({})", h.docid, h.snippet);
    return out;
}

} // namespace

TEST(QueryMemory, AnswersAsAFreshParserDoes) {
    TempDir tmp;
    std::string path = tmp / "db";
    {
        Writer w(path, news_schema());
        add(w, 1, "Harbour strike ends", "The dockers of the harbour voted to end the strike.");
        add(w, 2, "Budget vote delayed", "The council delayed its budget vote over the harbour.");
        add(w, 3, "Storm closes harbour", "A storm closed the harbour and the ferries stopped.");
        add(w, 4, "Election night", "Voters in the city went to the polls for the election.");
        for (int i = 5; i < 30; ++i) // enough of "harbour" to correct "harbur" to
            add(w, i, "Harbour notes", "The harbour master's log, week " + std::to_string(i));
        w.commit();
    }
    ReadDatabase db = open_for_reading(path);
    ResidentMemory resident;
    resident.results = ResultCache(0); // the parses are under test, not whole results
    // Each twice: the second is answered from the remembered parse.  The
    // misspelling before the empty query: no correction may linger.
    std::vector<std::string> queries = {"harbour",
                                        "harbur",
                                        "",
                                        "harbour storm",
                                        "storm election ferries",
                                        "(unclosed AND",
                                        "-harbour",
                                        "title:harbour",
                                        "\"the harbour\"",
                                        "harbur",
                                        "harbour"};
    for (int round = 0; round < 2; ++round)
        for (const std::string& q : queries) {
            SearchRequest fresh{.query = q};
            SearchRequest kept{.query = q, .resident = &resident};
            EXPECT_EQ(seen(search(db, fresh, {"[", "]"})), seen(search(db, kept, {"[", "]"})))
                << "query: " << q << ", round " << round;
        }
    EXPECT_EQ(resident.queries.builds(), 1u);
    SearchRequest typo{.query = "harbur", .resident = &resident};
    EXPECT_EQ(search(db, typo, {}).corrected_query, "harbour") << "the test has a correction";
}

TEST(QueryMemory, ACommitBuildsAgainAndItsSynonymsCount) {
    TempDir tmp;
    std::string path = tmp / "db";
    Schema schema = news_schema();
    {
        Writer w(path, schema);
        add(w, 1, "Senkaku patrols", "Patrol boats near the Senkaku islands.");
        add(w, 2, "Diaoyutai protest", "Protesters sailed to the Diaoyutai.");
        w.commit();
    }
    ReadDatabase db = open_for_reading(path);
    ResidentMemory resident;
    SearchRequest req{.query = "senkaku", .resident = &resident};
    EXPECT_EQ(search(db, req, {}).total, 1u);
    EXPECT_EQ(search(db, req, {}).total, 1u);
    EXPECT_EQ(resident.queries.builds(), 1u);
    {
        Writer w(path, schema);
        w.set_metadata(synonyms_metadata_key, "Senkaku | Diaoyutai\n");
        w.commit();
    }
    db.db.reopen();
    EXPECT_EQ(search(db, req, {}).total, 2u) << "the new synonyms, at the next search";
    EXPECT_EQ(resident.queries.builds(), 2u);
}
