#include "morgue/language.hpp"

#include <gtest/gtest.h>

using namespace morgue;
using V = std::vector<std::string>;

TEST(Language, CodesFromWhatFeedsWrite) {
    EXPECT_EQ(language_code("de-DE"), "de");
    EXPECT_EQ(language_code(" en_us "), "en");
    EXPECT_EQ(language_code("ES-419"), "es");
    EXPECT_EQ(language_code("zh-Hant-TW"), "zh"); // no stemmer, still a language
    EXPECT_EQ(language_code("German"), "de");
    EXPECT_EQ(language_code("English (US)"), "en");
    EXPECT_EQ(language_code("ger"), "de"); // ISO 639-2, bibliographic
    EXPECT_EQ(language_code("spa"), "es");
    EXPECT_EQ(language_code("fil"), "fil");
    EXPECT_EQ(language_code("Chinese"), "zh");
    for (const char* bad : {"", "x", "x-klingon", "1x", "deutsch-ish", "en2"})
        EXPECT_EQ(language_code(bad), "") << bad;
}

TEST(Language, StemmersForCodes) {
    EXPECT_EQ(stemmer_name("de"), "german");
    EXPECT_EQ(stemmer_name("nb"), "norwegian");
    EXPECT_EQ(stemmer_name("zh"), "none");
    EXPECT_EQ(code_of_stemmer("english"), "en");
    EXPECT_EQ(code_of_stemmer("porter"), "");
    EXPECT_EQ(stemmers_of("english", {"de", "en", "es", "zh", "ja", "de"}),
              (V{"english", "german", "spanish", "none"}));
    // Every name is one Xapian knows.
    for (const char* code :
         {"ar", "hy", "eu", "ca", "da", "nl", "en", "fi", "fr", "de", "hu", "id", "ga", "it",
          "lt", "ne", "no", "nb", "nn", "pt", "ro", "ru", "es", "sv", "ta", "tr", "zh"})
        EXPECT_NO_THROW(Xapian::Stem{stemmer_name(code)}) << code;
}

TEST(Language, NamesForShowing) {
    EXPECT_EQ(language_name("de"), "German");
    EXPECT_EQ(language_name("nb"), "Norwegian");
    EXPECT_EQ(language_name("zh"), "Chinese");
    EXPECT_EQ(language_name("fil"), "fil");
}

TEST(Language, StemmersStemInTheirLanguage) {
    Stemmers stemmers("english");
    EXPECT_EQ(stemmers.of("")("elections"), "elect");
    EXPECT_EQ(stemmers.of("de")("Regierungen"), "Regier");
    EXPECT_EQ(stemmers.of("es")("elecciones"), "eleccion");
    EXPECT_EQ(stemmers.of("zh")("選舉"), "選舉");
}

TEST(Language, ARememberingStemmerStemsAsSnowballDoes) {
    Xapian::Stem snowball("english");
    Xapian::Stem stem = remembering(snowball, 3); // cleared every third new word
    V words{"elections", "running", "elections", "taxes", "ran",  "running",
            "happily",   "",        "taxes",     "cats",  "cats", "elections"};
    for (int round = 0; round < 2; ++round)
        for (const auto& w : words)
            EXPECT_EQ(stem(w), snowball(w)) << w;
    Xapian::Stem copy = stem; // copies share what it remembers, and stay right
    EXPECT_EQ(copy("nations"), "nation");
    EXPECT_EQ(stem.get_description(), snowball.get_description());
    EXPECT_TRUE(remembering(Xapian::Stem("none")).is_none());
}
