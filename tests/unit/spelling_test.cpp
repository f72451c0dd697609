// "Did you mean": only for words that look misspelled, never for words the
// dictionary knows, and only when the suggestion finds something.
#include "morgue/database.hpp"
#include "search.hpp"
#include "small_archive.hpp"
#include "spelling.hpp"
#include "stopwords.hpp"

#include <filesystem>
#include <gtest/gtest.h>

using namespace morgue;

namespace {

struct DidYouMean : SmallArchive {
    void SetUp() override {
        morgue::Writer w = writer();
        add(w, "1", "Police budget", "The police budget and the Montevideo Convention.");
        add(w, "2", "Taiwan's envoy", "Taiwan's envoy met the police chief in Montevideo.");
        add(w, "3", "Police chief", "The police chief spoke.");
        w.commit();
    }

    std::string corrected(const std::string& q) { return run({q, 0, 10}).corrected_query; }
};

TEST_F(DidYouMean, MisspelledWordsGetTheArchivesWord) {
    ASSERT_TRUE(std::filesystem::exists(std::filesystem::path(hunspell_dir) / "en_US.dic"))
        << "scripts/setup installs hunspell-en-us";
    EXPECT_EQ(corrected("Montevido"), "Montevideo");
    EXPECT_EQ(corrected("polise budget"), "police budget");
}

TEST_F(DidYouMean, WordsTheDictionaryKnowsAreNotCorrected) {
    // Not in the archive, but words: no "taiwan's", no "police".
    EXPECT_EQ(corrected("taiwanese"), "");
    EXPECT_EQ(corrected("policy"), "");
    EXPECT_EQ(corrected("seth"), ""); // a name, in lower case too
    ReadDatabase db = open_for_reading(path);
    QueryStopper stop("english");
    Speller english(db.db, {"english"}, &stop);
    EXPECT_EQ(english.correct("did polise", true), "did police"); // a stopword stays
    Speller klingon(db.db, {"klingon"}, nullptr); // no dictionary: the archive alone
    EXPECT_EQ(klingon.correct("policy", false), "police");
}

TEST_F(DidYouMean, OnlyWhenTheSuggestionFindsSomething) {
    // "polise envoy spoke": corrected to "police envoy spoke", which no
    // article has all of either: no suggestion above what relaxing found.
    EXPECT_EQ(corrected("polise envoy spoke"), "");
    EXPECT_EQ(corrected("polise envoy"), "police envoy");
}

} // namespace
