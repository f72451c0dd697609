#include "morgue/errors.hpp"
#include "synonyms.hpp"

#include <gtest/gtest.h>

using namespace morgue;

namespace {
std::vector<NameGroup> groups() {
    return parse_name_groups("Senkaku | Diaoyutai | Diaoyutai Islands | 釣魚台\n"
                             "PLA | People's Liberation Army\nUN | United Nations\n",
                             "synonyms.txt");
}
} // namespace

TEST(Synonyms, WordsPhrasesAndCjk) {
    EXPECT_EQ(expand_synonyms("senkaku tensions", groups()),
              "(Senkaku OR Diaoyutai OR \"Diaoyutai Islands\" OR 釣魚台) tensions");
    EXPECT_EQ(
        expand_synonyms("Diaoyutai Islands", groups()),
        "(Senkaku OR Diaoyutai OR \"Diaoyutai Islands\" OR 釣魚台)"); // the longest member wins
    EXPECT_EQ(expand_synonyms("釣魚台主權", groups()),
              "(Senkaku OR Diaoyutai OR \"Diaoyutai Islands\" OR 釣魚台)主權");
    EXPECT_EQ(expand_synonyms("people's liberation army drills", groups()),
              "(PLA OR \"People's Liberation Army\") drills");
}

TEST(Synonyms, LeftAlone) {
    EXPECT_EQ(expand_synonyms("unemployment", groups()), "unemployment"); // not at a word end
    EXPECT_EQ(expand_synonyms("un report", groups()), "un report"); // acronyms only in capitals
    EXPECT_EQ(expand_synonyms("\"senkaku\" x", groups()), "\"senkaku\" x"); // quoted: as typed
    EXPECT_EQ(expand_synonyms("topic:UN", groups()), "topic:UN");           // field values
    EXPECT_EQ(expand_synonyms("UN:x", groups()), "UN:x");                   // field names
    EXPECT_EQ(expand_synonyms("-senkaku", groups()), "-senkaku"); // +/- keep their meaning
    EXPECT_EQ(expand_synonyms("senkaku", {}), "senkaku");
}

TEST(Synonyms, GroupsFileErrors) {
    EXPECT_THROW(parse_name_groups("A |\n", "s.txt"), ConfigError);
    EXPECT_THROW(parse_name_groups("Lonely\n", "s.txt"), ConfigError);
    EXPECT_EQ(parse_name_groups("# only a comment\n\n", "s.txt").size(), 0u);
}
