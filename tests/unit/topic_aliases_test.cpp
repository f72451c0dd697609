#include "feed_parser.hpp"
#include "morgue/errors.hpp"
#include "test_db.hpp"
#include "topic_aliases.hpp"

#include <fstream>
#include <gtest/gtest.h>

using namespace morgue;

namespace {
std::string error_of(const std::string& path) {
    try {
        load_topic_aliases(path);
    } catch (const UsageError& e) {
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
    EXPECT_EQ(error_of(path), path + ":2: \"international\" is already an alias of \"World\"");
    std::ofstream(path) << "World | | Intl\n";
    EXPECT_EQ(error_of(path), path + ":1: empty name");
    EXPECT_EQ(error_of(tmp / "missing.txt"),
              tmp / "missing.txt" + ": cannot read topic aliases: No such file or directory");
}
