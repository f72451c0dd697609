// What a fetched page does to its article (full_text.hpp): which items are
// summaries, when the page's text replaces the feed's, and who wrote it.
#include "full_text.hpp"

#include <gtest/gtest.h>

using namespace morgue;

namespace {

FeedEntry entry(std::string body, bool has_content = false) {
    FeedEntry e;
    e.article.id = "https://news.example/a";
    e.article.url = "https://news.example/a";
    e.article.body = std::move(body);
    e.has_content = has_content;
    return e;
}

const std::string page_html =
    "<html><head><meta name='author' content='By Ann Lee and Reuters'></head><body>"
    "<nav><p>Home, News, Sport, Culture, Opinion and everything else on the site.</p></nav>"
    "<article><p>The first paragraph of the article, which says a good deal more, and at "
    "length, than the feed's summary did.</p><p>The second paragraph of the article goes on, "
    "with more detail, more names, and more of everything.</p></article></body></html>";

} // namespace

TEST(FullText, WhichItemsAreSummaries) {
    EXPECT_TRUE(is_summary(entry("Three sentences of a summary.")));
    EXPECT_TRUE(is_summary(entry(std::string(3000, 'x'))));        // a long description
    EXPECT_FALSE(is_summary(entry(std::string(3000, 'x'), true))); // the article in content
    EXPECT_FALSE(is_summary(entry(std::string(5000, 'x')))); // a description that is the article
    // (Appended, not added: GCC 12 warns falsely of bounds on `string(n, c) + "…"`.)
    std::string teaser(5000, 'x'), trimmed(5000, 'x');
    teaser.append(" Continue reading");
    trimmed.append(" […]");
    EXPECT_TRUE(is_summary(entry(teaser)));
    EXPECT_TRUE(is_summary(entry(trimmed, true)));
}

TEST(FullText, ThePageSaysMoreAndNamesWhoWroteIt) {
    FeedEntry e = entry("A short summary.");
    e.article.page = {.url = "https://news.example/a", .html = page_html};
    apply_page(e, {});
    EXPECT_EQ(e.article.body.substr(0, 28), "The first paragraph of the a");
    EXPECT_NE(e.article.body.find('\n'), std::string::npos); // a paragraph a line
    EXPECT_EQ(e.article.summary, "A short summary.");
    EXPECT_EQ(e.article.columnists, std::vector<std::string>{"Ann Lee"});
    EXPECT_EQ(e.article.credits, std::vector<std::string>{"Reuters"});
    EXPECT_EQ(e.columnist_source, "page");
}

TEST(FullText, TheItemsOwnAuthorAndLongerTextWin) {
    std::string text(900, 'w');
    text.append(" the feed's own long text");
    FeedEntry e = entry(text);
    e.article.columnists = {"Jo Bloggs"};
    e.columnist_source = "author";
    e.article.page = {.url = "https://news.example/a", .html = page_html};
    apply_page(e, {});
    EXPECT_NE(e.article.body.find("the feed's own long text"), std::string::npos);
    EXPECT_EQ(e.article.columnists, std::vector<std::string>{"Jo Bloggs"});
}

TEST(FullText, TheTaglineOfTheFullText) {
    FeedEntry e = entry("A summary.");
    e.article.page = {
        .url = "https://news.example/a",
        .html = "<article><p>The argument of the column, made at length, with commas, and "
                "more.</p><p>Jane Roe is a Daily Example columnist covering the sea and its "
                "harbours.</p></article>"};
    apply_page(e, {});
    EXPECT_EQ(e.article.columnists, std::vector<std::string>{"Jane Roe"});
    EXPECT_EQ(e.columnist_source, "byline");
}

TEST(FullText, APageThatCannotBeReadLeavesTheFeedsText) {
    FeedEntry e = entry("A summary.");
    std::string deep;
    for (int i = 0; i < 5000; ++i)
        deep += "<div>";
    e.article.page = {.url = "https://news.example/a", .html = deep};
    apply_page(e, {});
    EXPECT_EQ(e.article.body, "A summary.");
    ASSERT_EQ(e.warnings.size(), 1u);
    EXPECT_EQ(e.warnings[0], "page https://news.example/a: the page nests too deep to be read");
}
