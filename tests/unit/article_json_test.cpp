#include "morgue/article_json.hpp"
#include "morgue/dates.hpp"

#include <gtest/gtest.h>

using namespace morgue;

namespace {

Article sample() {
    Article a;
    a.id = "tag:example.com,2025:1";
    a.url = "https://example.com/1";
    a.title = "Tsai's travels";
    a.body = "Former president Tsai Ing-wen (蔡英文) has been journeying.";
    a.summary = "Former president";
    a.columnists = {"Catherine Thorbecke"};
    a.topics = {"Editorials", "Diplomacy"};
    a.date = *parse_date("2025-10-13T16:30:00Z");
    a.utc_offset = 8 * 3600;
    a.date_source = DateSource::updated;
    a.language = "en";
    a.feed_title = "Taipei Times";
    a.feed_url = "https://example.com/feed";
    a.original = "<item>\x01raw</item>";
    a.captured = *parse_date("2025-10-14T02:00:00Z");
    return a;
}

void expect_same(const Article& a, const Article& b) {
    EXPECT_EQ(a.id, b.id);
    EXPECT_EQ(a.url, b.url);
    EXPECT_EQ(a.title, b.title);
    EXPECT_EQ(a.body, b.body);
    EXPECT_EQ(a.summary, b.summary);
    EXPECT_EQ(a.columnists, b.columnists);
    EXPECT_EQ(a.topics, b.topics);
    EXPECT_EQ(a.date, b.date);
    EXPECT_EQ(a.utc_offset, b.utc_offset);
    EXPECT_EQ(a.date_source, b.date_source);
    EXPECT_EQ(a.language, b.language);
    EXPECT_EQ(a.feed_title, b.feed_title);
    EXPECT_EQ(a.feed_url, b.feed_url);
    EXPECT_EQ(a.original, b.original);
    EXPECT_EQ(a.captured, b.captured);
}

} // namespace

TEST(ArticleJson, TheOneVocabularyInItsOrder) {
    std::vector<std::string> keys;
    const auto full = article_json(sample(), true);
    for (auto it = full.begin(); it != full.end(); ++it)
        keys.push_back(it.key());
    EXPECT_EQ(keys, (std::vector<std::string>{"id", "url", "title", "body", "summary", "columnist",
                                              "topic", "date", "date_local", "date_source", "feed",
                                              "feed_url", "language", "captured", "original"}));
    auto j = article_json(sample());
    EXPECT_FALSE(j.contains("original")) << "only when asked for";
    EXPECT_EQ(j["date"], "2025-10-13T16:30:00Z");
    EXPECT_EQ(j["date_local"], "2025-10-14T00:30:00+08:00");
    EXPECT_EQ(j["date_source"], "updated");
    EXPECT_EQ(j["captured"], "2025-10-14T02:00:00Z");
}

TEST(ArticleJson, RoundTripsEveryField) {
    Article a = sample();
    expect_same(article_from_json(nlohmann::json::parse(article_json(a, true).dump())), a);
}

TEST(ArticleJson, AbsentFieldsReadAsEmpty) {
    // An export from before offsets and languages, a schema storing little.
    Article a = article_from_json(nlohmann::json{{"id", "x"}, {"date", "2025-10-13T16:30:00Z"}});
    EXPECT_EQ(a.id, "x");
    EXPECT_EQ(a.utc_offset, 0);
    EXPECT_TRUE(a.language.empty());
    EXPECT_TRUE(a.columnists.empty());
    EXPECT_EQ(a.date_source, DateSource::published);
    EXPECT_EQ(article_from_json(nlohmann::json::object()).date, 0);
    EXPECT_FALSE(article_json(Article{}).contains("date")) << "no date, no made-up 1970";
    EXPECT_FALSE(article_json(Article{}).contains("captured")) << "unknown: not said";
}

TEST(ArticleJson, WrongTypesNameTheField) {
    auto message = [](const nlohmann::json& j) {
        try {
            article_from_json(j);
        } catch (const std::invalid_argument& e) {
            return std::string(e.what());
        }
        return std::string("accepted");
    };
    EXPECT_EQ(message({{"title", 3}}), "field \"title\": not a string");
    EXPECT_EQ(message({{"columnist", "Jane Doe"}}), "field \"columnist\": not a list of strings");
    EXPECT_EQ(message({{"topic", {1}}}), "field \"topic\": not a list of strings");
    EXPECT_EQ(message({{"date", "yesterday"}}), "field \"date\": not a date: \"yesterday\"");
    EXPECT_EQ(message({{"captured", "soon"}}), "field \"captured\": not a date");
    EXPECT_EQ(message(nlohmann::json::array()), "not a JSON object");
}

TEST(ArticleJson, ControlCharactersNeverComeBackButTheOriginalIsAsWritten) {
    Article a = article_from_json(nlohmann::json{{"title", "a\x01"
                                                           "b"},
                                                 {"columnist", {"Jane\x02"}},
                                                 {"original", "<x>\x01</x>"}});
    EXPECT_EQ(a.title, "ab");
    EXPECT_EQ(a.columnists, std::vector<std::string>{"Jane"});
    EXPECT_EQ(a.original, "<x>\x01</x>");
}
