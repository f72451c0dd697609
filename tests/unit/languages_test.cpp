// An archive in several languages: each article stemmed in its own, a query
// matched in all of them.
#include "morgue/document.hpp"
#include "small_archive.hpp"
#include "spelling.hpp"
#include "stopwords.hpp"

#include <filesystem>
#include <gtest/gtest.h>

using namespace morgue;
using V = std::vector<std::string>;

namespace {

struct Languages : SmallArchive {
    void SetUp() override {
        Writer w = writer();
        add_in(w, "", "en-budget", "Governments fight over the budget",
               "The regional governments reject the cuts planned for hospitals and schools.");
        add_in(w, "de", "de-haushalt", "Die Regierungen der Länder streiten über den Haushalt",
               "Die Regierungen mehrerer Bundesländer lehnen die Kürzungen für Krankenhäuser ab.");
        add_in(w, "de", "de-wahlen", "Warum die Wahlen im Osten alles verändern",
               "Nach den Wahlen müssen die Parteien neue Bündnisse suchen.");
        add_in(w, "es", "es-elecciones", "Las elecciones ponen a prueba los presupuestos",
               "Tras las elecciones, los gobiernos regionales deberán aprobar sus presupuestos.");
        add_in(w, "zh", "zh-budget", "立法院三讀通過總預算案", "立法院今天三讀通過總預算案。");
        w.commit();
    }

    static void add_in(Writer& w, std::string language, const std::string& id, std::string title,
                       std::string body) {
        add(w, id, std::move(title), std::move(body), {}, std::move(language));
    }

    V found(const std::string& q) { return ids(run({q, 0, 10})); }
};

TEST_F(Languages, EachArticleIsStemmedInItsOwnLanguage) {
    ReadDatabase db = open_for_reading(path);
    EXPECT_TRUE(db.db.term_exists("Zregier"));       // German: Regierungen
    EXPECT_FALSE(db.db.term_exists("Zregierungen")); // not the English stemmer's
    EXPECT_TRUE(db.db.term_exists("Zgovern"));       // English: governments
    EXPECT_TRUE(db.db.term_exists("Zeleccion"));     // Spanish: elecciones
    EXPECT_TRUE(db.db.term_exists("預算"));          // CJK: n-grams, as ever
    // The undeclared article is filed under the schema's language.
    EXPECT_EQ(db.languages, (V{"en", "de", "es", "zh"}));
    EXPECT_EQ(read_stored(db.db.get_document(1)).language, "en");
}

TEST_F(Languages, AQueryMatchesInEveryLanguageOfTheArchive) {
    EXPECT_EQ(found("Regierung"), (V{"de-haushalt"})); // capitalised, as German nouns are
    EXPECT_EQ(found("regierung"), (V{"de-haushalt"}));
    EXPECT_EQ(found("Wahl"), (V{"de-wahlen"}));
    EXPECT_EQ(found("Krankenhaus"), (V{"de-haushalt"}));
    EXPECT_EQ(found("elección"), (V{"es-elecciones"}));
    EXPECT_EQ(found("presupuesto"), (V{"es-elecciones"}));
    EXPECT_EQ(found("government"), (V{"en-budget"}));
    EXPECT_EQ(found("預算"), (V{"zh-budget"}));
    // German stopwords are dropped from the German reading only.
    SearchResult r = run({"die Regierung", 0, 10});
    EXPECT_EQ(r.all_words, 1u);
    EXPECT_EQ(ids(r).at(0), "de-haushalt");
    EXPECT_EQ(found("\"die Regierungen der Länder\""), (V{"de-haushalt"}));
}

TEST_F(Languages, FilteredAndCountedByLanguage) {
    EXPECT_EQ(found("language:de"), (V{"de-haushalt", "de-wahlen"}));
    EXPECT_EQ(found("language:German"), (V{"de-haushalt", "de-wahlen"}));
    SearchRequest req{"", 0, 10};
    req.filters["language"] = {"Spanish", "zh-TW"};
    EXPECT_EQ(ids(run(req)), (V{"es-elecciones", "zh-budget"}));
    req = {"", 0, 0};
    req.facets = {"language"};
    SearchResult r = run(req);
    ASSERT_EQ(r.facets.size(), 1u);
    std::vector<std::pair<std::string, Xapian::doccount>> counts;
    for (const auto& v : r.facets[0].values)
        counts.emplace_back(v.value, v.count);
    EXPECT_EQ(counts, (decltype(counts){{"de", 2}, {"en", 1}, {"es", 1}, {"zh", 1}}));
}

TEST_F(Languages, MarkedInTheArticlesLanguage) {
    SearchResult r = run({"Regierung Krankenhaus", 0, 10});
    ASSERT_EQ(r.hits.size(), 1u);
    EXPECT_EQ(r.hits[0].article.language, "de");
    EXPECT_EQ(r.hits[0].title, "Die [Regierungen] der Länder streiten über den Haushalt");
    EXPECT_EQ(
        r.hits[0].snippet,
        "Die [Regierungen] mehrerer Bundesländer lehnen die Kürzungen für [Krankenhäuser] ab.");
}

TEST_F(Languages, AWordFoundByItsStemIsNotCorrected) {
    // "Regierung" is not in the archive as typed, but its German stem is.
    EXPECT_EQ(run({"Regierung", 0, 10}).corrected_query, "");
    ReadDatabase db = open_for_reading(path);
    QueryStopper stop("english");
    Speller english_only(db.db, {"english"}, &stop);
    EXPECT_EQ(english_only.correct("Regierung", true), "Regierungen");
    Speller both(db.db, {"english", "klingon", "german"}, &stop); // no stemmer: no harm
    EXPECT_EQ(both.correct("Regierung", true), "");
    // No dictionary has "eleccion" (Spanish writes elección), but its Spanish
    // stem finds "elecciones".
    EXPECT_EQ(english_only.correct("eleccion", true), "elecciones");
    Speller spanish(db.db, {"english", "spanish"}, &stop);
    EXPECT_EQ(spanish.correct("eleccion", true), "");
    // A word of the first language is its dictionary's to judge, stem or none:
    // "governmen" (its stem "govern" is in the archive) is still corrected.
    EXPECT_EQ(both.correct("governmen", false), "governments");
}

TEST_F(Languages, AnyLanguagesDictionaryKnowsItsWords) {
    ASSERT_TRUE(std::filesystem::exists(std::string(hunspell_dir) + "/de_DE.dic"))
        << "scripts/setup installs hunspell-de-de";
    ReadDatabase db = open_for_reading(path);
    // "Wahlkampf" is German, not in the archive: near "Wahlen", but not corrected.
    Speller english_only(db.db, {"english", "none"}, nullptr);
    Speller both(db.db, {"english", "german"}, nullptr);
    EXPECT_NE(english_only.correct("Parteien Bündnis", false), "");
    EXPECT_EQ(both.correct("Parteien Bündnis", false), "");
}

TEST_F(Languages, AStoredLanguageIsACode) {
    {
        Writer w = writer();
        add_in(w, "Portuguese", "pt-1", "Eleições", "As eleições municipais.");
        add_in(w, "<script>", "bad-1", "Bad", "A restored line with a bad language.");
        w.commit();
    }
    EXPECT_EQ(found("language:pt"), (V{"pt-1"}));
    EXPECT_EQ(found("language:en"), (V{"en-budget", "bad-1"}));
}

TEST_F(Languages, TheListOnlyGrows) {
    {
        Writer w = writer();
        w.set_metadata(languages_metadata_key, "fr\nde\n"); // a restore's, say
        w.commit();
    }
    EXPECT_EQ(open_for_reading(path).languages, (V{"en", "de", "es", "zh", "fr"}));
}

TEST(LanguageList, OnlyGrows) {
    EXPECT_EQ(language_list("de\nen\n\nxx-bad-1\nDE\n"), (V{"de", "en", "xx"}));
    EXPECT_EQ(merge_language_lists({"en\nde\n", "es\nen\n", ""}), "en\nde\nes\n");
}

} // namespace
