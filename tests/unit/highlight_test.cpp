// Words typed exactly: ranked above other words of their stem, and marked
// in the forms that matched, in snippets and titles.
#include "morgue/database.hpp"
#include "search.hpp"
#include "small_archive.hpp"

#include <fstream>
#include <gtest/gtest.h>
#include <iterator>
#include <map>

using namespace morgue;

namespace {

struct ExactForms : SmallArchive {
    void SetUp() override {
        morgue::Writer w = writer();
        // The English stemmer makes "anim" of anime and animal alike.
        add(w, "shelter", "Animal shelter full", "The animal shelter takes in every animal.");
        add(w, "zoo", "Zoo animals", "Animal keepers say the animals are calm.");
        add(w, "anime", "Anime studios", "Anime studios hire animators for animal films.");
        add(w, "budget", "Tax bill passes", "Taxes rise; the tax on fuel is taxed again.");
        w.commit();
    }

    SearchResult run(const std::string& q) {
        SearchRequest req{q, 0, 10};
        req.html_snippets = true;
        return SmallArchive::run(req);
    }
};

TEST_F(ExactForms, TheWordAsTypedRanksFirst) {
    SearchResult r = run("anime");
    ASSERT_EQ(r.hits.size(), 3u); // the stem still finds the animal articles
    EXPECT_EQ(r.hits[0].article.url, "https://example.com/anime");
}

TEST_F(ExactForms, MarksTheFormsThatMatched) {
    SearchResult r = run("anime");
    // Where "anime" is, only it: not "animal" nor "animators" beside it.
    EXPECT_EQ(r.hits[0].snippet, "[Anime] studios hire animators for animal films.");
    EXPECT_EQ(r.hits[0].title, "[Anime] studios");
    EXPECT_EQ(r.hits[0].title_html, "<mark>Anime</mark> studios");
    // Where only the stem matched, the stem's forms.
    for (std::size_t i : {1, 2})
        EXPECT_TRUE(r.hits[i].title == "Zoo [animals]" ||
                    r.hits[i].title == "[Animal] shelter full")
            << r.hits[i].title;
    // Inflections of the typed word are the same word: marked with it.
    SearchResult taxes = run("taxes");
    EXPECT_EQ(taxes.hits[0].snippet, "[Taxes] rise; the [tax] on fuel is [taxed] again.");
    EXPECT_EQ(taxes.hits[0].title, "[Tax] bill passes");
}

TEST_F(ExactForms, TitlesWithoutTheWordsStayAsStored) {
    SearchResult r = run("fuel");
    ASSERT_EQ(r.hits.size(), 1u);
    EXPECT_EQ(r.hits[0].title, "Tax bill passes");
    EXPECT_EQ(r.hits[0].title_html, "Tax bill passes");
    SearchResult field = run("title:studios");
    EXPECT_EQ(field.hits[0].title, "Anime [studios]"); // a field's words are marked too
}

// An archive whose schema does not store the body: the words to mark are
// found in each hit's term list instead, which has the body's words too.
TEST(ExactFormsUnstored, TitlesMarkedFromTheTermList) {
    TempDir tmp;
    std::ifstream in(MORGUE_SOURCE_DIR "/schemas/news.xml");
    std::string xml((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
    std::size_t body = xml.find("name=\"body\"");
    std::size_t stored = xml.find("stored=\"yes\"", body);
    ASSERT_NE(stored, std::string::npos);
    xml.replace(stored, 12, "stored=\"no\"");
    Schema schema = parse_schema(xml, "test");
    ASSERT_FALSE(schema.get("body").stored);
    {
        Writer w(tmp / "db", schema);
        SmallArchive::add(w, "zoo", "Zoo animals", "Anime fans visit the animal keepers.");
        SmallArchive::add(w, "shelter", "Animal shelter", "The animal shelter is full.");
        w.commit();
    }
    ReadDatabase db = open_for_reading(tmp / "db");
    SearchResult r = search(db, SearchRequest{"anime", 0, 10}, {"[", "]"});
    ASSERT_EQ(r.hits.size(), 2u);
    std::map<std::string, std::string> titles;
    for (const Hit& h : r.hits)
        titles[h.article.url] = h.title;
    // The zoo's body has "anime": only that form is marked, and its title has none.
    EXPECT_EQ(titles["https://example.com/zoo"], "Zoo animals");
    EXPECT_EQ(titles["https://example.com/shelter"], "[Animal] shelter");
}

} // namespace
