#include "feed_list.hpp"
#include "morgue/errors.hpp"

#include <gtest/gtest.h>

using namespace morgue;
using V = std::vector<std::string>;

namespace {
V urls_of(const std::vector<ListedFeed>& feeds) {
    V out;
    for (const auto& f : feeds)
        out.push_back(f.url + (f.language.empty() ? "" : " " + f.language));
    return out;
}

std::string error_of(std::string_view text) {
    try {
        parse_feed_list(text, "feeds.txt");
    } catch (const ConfigError& e) {
        return e.what();
    }
    return "no error";
}
} // namespace

TEST(FeedList, PlainListWithCommentsAndDuplicates) {
    EXPECT_EQ(urls_of(parse_feed_list(
                  "# feeds\n\nhttps://Example.COM/feed.xml\n  http://b.example/rss  \n"
                  "https://example.com/feed.xml\n",
                  "feeds.txt")),
              (V{"https://example.com/feed.xml", "http://b.example/rss"}));
}

TEST(FeedList, Opml) {
    EXPECT_EQ(urls_of(parse_feed_list(
                  "<?xml version='1.0'?><opml version='2.0'><body>"
                  "<outline text='a'><outline xmlUrl='https://a.example/feed'/></outline>"
                  "<outline xmlUrl='https://b.example/atom' type='rss' language='es-MX'/>"
                  "<outline text='no url'/></body></opml>",
                  "list.opml")),
              (V{"https://a.example/feed", "https://b.example/atom es"}));
}

TEST(FeedList, BadEntriesNamedByLine) {
    EXPECT_EQ(error_of("https://ok.example/\n# c\nhtp:/x\n"), "feeds.txt:3: not a URL: \"htp:/x\"");
    EXPECT_EQ(error_of("file:///etc/passwd\n"), "feeds.txt:1: not a URL: \"file:///etc/passwd\"");
    EXPECT_EQ(error_of("https://\n"), "feeds.txt:1: not a URL: \"https://\"");
    EXPECT_EQ(error_of("<opml><body>\n<outline xmlUrl='ftp://x/'/></body></opml>"),
              "feeds.txt:2: not a URL: \"ftp://x/\"");
    EXPECT_EQ(error_of("<opml><body><outline"),
              "feeds.txt:1: not well-formed OPML: Error parsing start element tag");
}

TEST(FeedList, ALanguageForAFeedOverridesWhatItSays) {
    EXPECT_EQ(urls_of(parse_feed_list("https://a.example/rss language=de-AT\n"
                                      "https://b.example/rss   language=German\n"
                                      "https://c.example/rss\n"
                                      "https://a.example/rss language=fr\n",
                                      "feeds.txt")),
              (V{"https://a.example/rss de", "https://b.example/rss de", "https://c.example/rss"}));
    EXPECT_EQ(error_of("https://ok.example/\nhttps://a.example/ language=1x\n"),
              "feeds.txt:2: language \"1x\" is not a language tag (say de, en-GB or German)");
    EXPECT_EQ(error_of("https://a.example/ lang=de\n"),
              "feeds.txt:1: unknown option \"lang=de\" (known: language=CODE, fulltext=yes|no)");
    EXPECT_EQ(error_of("<opml><body>\n<outline xmlUrl='https://x/' language=''/></body></opml>"),
              "feeds.txt:2: language \"\" is not a language tag (say de, en-GB or German)");
}

TEST(FeedList, FullTextPerFeed) {
    auto feeds = parse_feed_list("https://a.example/rss fulltext=no\n"
                                 "https://b.example/rss language=de fulltext=yes\n"
                                 "https://c.example/rss\n",
                                 "feeds.txt");
    ASSERT_EQ(feeds.size(), 3u);
    EXPECT_EQ(feeds[0].full_text, std::optional<bool>(false));
    EXPECT_EQ(feeds[1].full_text, std::optional<bool>(true));
    EXPECT_EQ(feeds[1].language, "de");
    EXPECT_EQ(feeds[2].full_text, std::nullopt);
    auto opml = parse_feed_list(
        "<opml><body><outline xmlUrl='https://x.example/' fulltext='no'/></body></opml>", "l.opml");
    ASSERT_EQ(opml.size(), 1u);
    EXPECT_EQ(opml[0].full_text, std::optional<bool>(false));
    EXPECT_EQ(error_of("https://a.example/ fulltext=maybe\n"),
              "feeds.txt:1: fulltext \"maybe\" is not yes or no");
}

TEST(FeedList, NormalisesUrls) {
    EXPECT_EQ(normalise_feed_url("HTTPS://Example.com"), "https://example.com/");
    EXPECT_EQ(normalise_feed_url("http://example.com/a b"), "");
    EXPECT_EQ(normalise_feed_url("javascript:alert(1)"), "");
}
