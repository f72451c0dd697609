#include "feed_parser.hpp"
#include "morgue/errors.hpp"
#include "morgue/name_groups.hpp"
#include "test_db.hpp"
#include "topic_aliases.hpp"

#include <fstream>
#include <gtest/gtest.h>

using namespace morgue;

namespace {
std::string error_of(const std::string& path) {
    try {
        load_topic_aliases(path);
    } catch (const ConfigError& e) {
        return e.what();
    }
    return "no error";
}
} // namespace

TEST(TopicAliases, ShippedFileMapsVariants) {
    TopicAliases a = load_topic_aliases(MORGUE_SOURCE_DIR "/schemas/topic-aliases.txt");
    Feed feed;
    feed.entries.resize(1);
    feed.entries[0].article.topics = {"Tech", "TECHNOLOGY", "US News", "Culture"};
    apply_topic_aliases(feed, a);
    EXPECT_EQ(feed.entries[0].article.topics,
              (std::vector<std::string>{"Technology", "U.S. News", "Culture"}));
}

TEST(TopicAliases, ErrorsNameFileAndLine) {
    TempDir tmp;
    std::string path = tmp / "aliases.txt";
    std::ofstream(path) << "# comment\nWorld | International\nLonely\n";
    EXPECT_EQ(error_of(path), path + ":3: expected \"name | other name ...\"");
    std::ofstream(path) << "World | International\nGlobal | international\n";
    EXPECT_EQ(error_of(path),
              path + ":2: \"international\" is already in the group of \"World\" (line 1)");
    std::ofstream(path) << "World | | Intl\n";
    EXPECT_EQ(error_of(path), path + ":1: empty name");
    EXPECT_EQ(error_of(tmp / "missing.txt"),
              tmp / "missing.txt" + ": cannot read topic aliases: No such file or directory");
}

// Synonyms and topic aliases are read by one module with one rule: a name
// is in one group only; within its group it may repeat.
TEST(NameGroups, OneConflictRuleForEveryList) {
    EXPECT_THROW(parse_name_groups("Diaoyu | Senkaku\nSenkaku Islands | senkaku\n", "synonyms"),
                 ConfigError);
    try {
        parse_name_groups("Diaoyu | Senkaku\nSenkaku Islands | senkaku\n", "synonyms.txt");
    } catch (const ConfigError& e) {
        EXPECT_STREQ(e.what(),
                     "synonyms.txt:2: \"senkaku\" is already in the group of \"Diaoyu\" (line 1)");
    }
    EXPECT_EQ(parse_name_groups("Tech | tech | Technology\n", "x").size(), 1u);
    auto names = first_names(parse_name_groups("Technology | Tech | IT\n", "x"));
    EXPECT_EQ(names.at("it"), "Technology");
    EXPECT_EQ(names.at("technology"), "Technology");
}
