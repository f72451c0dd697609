#include "feed_parser.hpp"
#include "morgue/dates.hpp"
#include "morgue/errors.hpp"

#include <fstream>
#include <gtest/gtest.h>
#include <sstream>

using namespace morgue;

namespace {

const std::time_t now = 1764000000; // 2025-11-24T16:00:00Z

Feed parse(std::string_view xml) {
    return parse_feed(xml, {.name = "test.xml", .received = now});
}

std::string slurp(const std::string& name) {
    std::ifstream in(std::string(MORGUE_SOURCE_DIR "/tests/data/") + name);
    std::ostringstream s;
    s << in.rdbuf();
    return s.str();
}

std::string error_of(std::string_view xml) {
    try {
        parse(xml);
    } catch (const InputError& e) {
        return e.what();
    }
    return "no error";
}

} // namespace

TEST(FeedParser, SampleRssFeed) {
    Feed f = parse(slurp("taipei-times-editorials.rss"));
    EXPECT_EQ(f.format, "rss20");
    EXPECT_EQ(f.encoding, "utf-8");
    EXPECT_EQ(f.title, "Taipei Times - Editorials");
    EXPECT_EQ(f.link, "https://www.taipeitimes.com/News/editorials");
    EXPECT_EQ(f.self_link, "https://www.taipeitimes.com/xml/editorials.rss");
    ASSERT_EQ(f.entries.size(), 4u);
    const Article& a = f.entries[2].article;
    EXPECT_EQ(a.title, "Tsai's travels carry Taiwan's message");
    EXPECT_EQ(a.url, "https://www.taipeitimes.com/News/editorials/archives/2025/11/14/2003847201");
    // A non-URI guid is scoped to its feed.
    EXPECT_EQ(a.id, "https://www.taipeitimes.com/xml/editorials.rss#2003847201");
    EXPECT_EQ(a.topics, (std::vector<std::string>{"Editorials", "Diplomacy"}));
    EXPECT_TRUE(a.columnists.empty());
    EXPECT_EQ(iso8601_utc(a.date), "2025-11-14T08:00:00Z");
    EXPECT_EQ(a.date_source, DateSource::published);
    EXPECT_NE(a.body.find("Tsai Ing-wen (蔡英文)"), std::string::npos);
    EXPECT_EQ(a.body.find("<p>"), std::string::npos);
    EXPECT_EQ(a.feed_title, "Taipei Times - Editorials");
    EXPECT_NE(a.original.find("<guid isPermaLink=\"false\">2003847201</guid>"), std::string::npos);
    EXPECT_TRUE(f.entries[2].warnings.empty());
}

TEST(FeedParser, SampleAtomFeed) {
    Feed f = parse(slurp("bloomberg-opinion.atom"));
    EXPECT_EQ(f.format, "atom10");
    ASSERT_EQ(f.entries.size(), 1u);
    const Article& a = f.entries[0].article;
    EXPECT_EQ(a.title, "Japan\u2019s anime artists deserve better than AI slop");
    EXPECT_EQ(a.id, "tag:bloomberg.com,2025-10-14:opinion/japan-anime-ai");
    EXPECT_EQ(a.columnists, std::vector<std::string>{"Catherine Thorbecke"});
    EXPECT_EQ(a.topics, (std::vector<std::string>{"Technology", "Japan", "Opinion"}));
    EXPECT_EQ(iso8601_utc(a.date), "2025-10-13T16:30:00Z");
    EXPECT_NE(a.body.find("Catherine Thorbecke is a Bloomberg Opinion columnist"),
              std::string::npos);
    EXPECT_EQ(a.summary.substr(0, 30), "When a UN report warned that J");
    // The stored original carries the namespace it needs to parse alone.
    EXPECT_NE(a.original.find("xmlns=\"http://www.w3.org/2005/Atom\""), std::string::npos);
}

TEST(FeedParser, RssAuthorsAndFallbacks) {
    Feed f = parse(R"(<rss version="2.0" xmlns:dc="http://purl.org/dc/elements/1.1/"><channel>
<title>T</title><link>https://example.com/</link>
<lastBuildDate>Mon, 03 Nov 2025 10:00:00 GMT</lastBuildDate>
<item><title>A &amp;amp; B</title><link>https://example.com/a</link>
  <author>jane@example.com (Jane Doe)</author><dc:creator>Jane Doe</dc:creator>
  <dc:creator>John Roe</dc:creator><description><![CDATA[<p>Hello]]> world</description></item>
<item><title>No link</title><guid>urn:uuid:1234</guid><link>javascript:alert(1)</link>
  <pubDate>not a date</pubDate></item>
</channel></rss>)");
    ASSERT_EQ(f.entries.size(), 2u);
    const FeedEntry& e0 = f.entries[0];
    EXPECT_EQ(e0.article.title, "A & B");
    EXPECT_EQ(e0.article.columnists, (std::vector<std::string>{"Jane Doe", "John Roe"}));
    EXPECT_EQ(e0.article.id, "https://example.com/a");
    EXPECT_EQ(e0.article.body, "Hello world");
    EXPECT_EQ(e0.article.date_source, DateSource::feed);
    EXPECT_EQ(iso8601_utc(e0.article.date), "2025-11-03T10:00:00Z");
    const FeedEntry& e1 = f.entries[1];
    EXPECT_EQ(e1.article.url, "");
    EXPECT_EQ(e1.article.id, "urn:uuid:1234");
    ASSERT_EQ(e1.warnings.size(), 3u);
    EXPECT_EQ(e1.warnings[0], "unparseable <pubDate> \"not a date\"");
    EXPECT_EQ(e1.warnings[1], "link \"javascript:alert(1)\" is not http(s); dropped");
    EXPECT_EQ(e1.warnings[2], "no publication date: using the feed date");
}

// The credit shapes real feeds write, each read into people and desks: a
// dateline, "Last, First", an agency beside a person, a Media RSS byline;
// a picture's credit (a photographer, or inside media:content) is no author.
TEST(FeedParser, CreditShapesOfRealFeeds) {
    Feed f = parse(R"(<rss version="2.0" xmlns:dc="http://purl.org/dc/elements/1.1/"
 xmlns:media="http://search.yahoo.com/mrss/"><channel><title>T</title>
<item><title>1</title><link>https://example.com/1</link>
  <dc:creator>Ashifa Kassam in Stanstead, Quebec</dc:creator>
  <dc:creator>Hines, P. J.</dc:creator></item>
<item><title>2</title><link>https://example.com/2</link>
  <author>Staff and agencies</author><dc:creator>DAVID SMITH in Washington</dc:creator></item>
<item><title>3</title><link>https://example.com/3</link>
  <media:credit role="author" scheme="urn:ebu">By Doe, Jane and Reuters</media:credit>
  <media:credit role="photographer">Getty Images</media:credit>
  <media:content url="https://example.com/p.jpg"><media:credit>AP Photo</media:credit></media:content>
</item>
</channel></rss>)");
    ASSERT_EQ(f.entries.size(), 3u);
    using L = std::vector<std::string>;
    EXPECT_EQ(f.entries[0].article.columnists, (L{"Ashifa Kassam", "P. J. Hines"}));
    EXPECT_EQ(f.entries[0].article.credits, L{});
    EXPECT_EQ(f.entries[1].article.columnists, L{"David Smith"});
    EXPECT_EQ(f.entries[1].article.credits, L{"Staff and agencies"});
    EXPECT_EQ(f.entries[2].article.columnists, L{"Jane Doe"});
    EXPECT_EQ(f.entries[2].article.credits, L{"Reuters"});
}

TEST(FeedParser, AtomTextConstructsAndInheritedAuthor) {
    Feed f = parse(R"(<feed xmlns="http://www.w3.org/2005/Atom"><title>F</title>
<author><name>Editorial Board</name></author>
<entry><id>tag:x,2025:1</id><title type="xhtml"><div xmlns="http://www.w3.org/1999/xhtml">An <b>xhtml</b> title</div></title>
<updated>2025-11-01T00:00:00Z</updated>
<content type="text">1 &lt; 2 is &lt;b&gt;text&lt;/b&gt;</content></entry>
</feed>)");
    ASSERT_EQ(f.entries.size(), 1u);
    const Article& a = f.entries[0].article;
    EXPECT_EQ(a.title, "An xhtml title");
    EXPECT_EQ(a.body, "1 < 2 is <b>text</b>");
    // A desk, inherited from the feed: a credit, not a columnist.
    EXPECT_EQ(a.columnists, std::vector<std::string>{});
    EXPECT_EQ(a.credits, std::vector<std::string>{"Editorial Board"});
    EXPECT_EQ(a.date_source, DateSource::updated);
}

TEST(FeedParser, UndatedItemFallsBackToImportTime) {
    Feed f = parse(
        "<rss><channel><title>T</title><item><link>https://e.com/1</link></item></channel></rss>");
    ASSERT_EQ(f.entries.size(), 1u);
    EXPECT_EQ(f.entries[0].article.date, now);
    EXPECT_EQ(f.entries[0].article.date_source, DateSource::received);
}

TEST(FeedParser, EmptyItemHasNoIdentity) {
    Feed f = parse(
        "<rss><channel><title>T</title><item><description> </description></item></channel></rss>");
    ASSERT_EQ(f.entries.size(), 1u);
    EXPECT_EQ(f.entries[0].article.id, "");
    EXPECT_EQ(f.entries[0].warnings.front(),
              "empty item (no guid, link, title or text): not indexed");
}

TEST(FeedParser, InvalidUtf8IsRepairedWithAWarning) {
    Feed f =
        parse("<?xml version='1.0' encoding='utf-8'?><rss><channel><title>T</title>"
              "<item><link>https://e.com/1</link><title>caf\xe9</title></item></channel></rss>");
    ASSERT_EQ(f.entries.size(), 1u);
    EXPECT_EQ(f.entries[0].article.title, "caf\uFFFD");
    EXPECT_EQ(f.warnings,
              std::vector<std::string>{"1 byte sequence not valid utf-8 replaced by U+FFFD"});
}

TEST(FeedParser, LanguageOfTheItemThenOfTheFeed) {
    Feed rss = parse(R"(<rss version="2.0" xmlns:dc="http://purl.org/dc/elements/1.1/"><channel>
      <title>T</title><language>de-AT</language>
      <item><guid>urn:1</guid><title>a</title></item>
      <item><guid>urn:2</guid><title>b</title><dc:language>fr</dc:language></item>
      <item xml:lang="es-MX"><guid>urn:3</guid><title>c</title></item>
    </channel></rss>)");
    EXPECT_EQ(rss.language, "de-AT");
    ASSERT_EQ(rss.entries.size(), 3u);
    EXPECT_EQ(rss.entries[0].article.language, "de");
    EXPECT_EQ(rss.entries[1].article.language, "fr");
    EXPECT_EQ(rss.entries[2].article.language, "es");

    Feed atom = parse(R"(<feed xmlns="http://www.w3.org/2005/Atom" xml:lang="es"><title>T</title>
      <entry><id>urn:1</id><title>a</title></entry>
      <entry xml:lang="en"><id>urn:2</id><title>b</title></entry>
      <entry><id>urn:3</id><title>c</title><content xml:lang="pt-BR">texto</content></entry>
    </feed>)");
    EXPECT_EQ(atom.language, "es");
    EXPECT_EQ(atom.entries[0].article.language, "es");
    EXPECT_EQ(atom.entries[1].article.language, "en");
    EXPECT_EQ(atom.entries[2].article.language, "pt");
    // The stored item carries the xml:lang in force, so that rebuild reads it again.
    EXPECT_NE(atom.entries[0].article.original.find("xml:lang=\"es\""), std::string::npos);

    Feed rdf = parse(R"(<rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#"
      xmlns="http://purl.org/rss/1.0/" xmlns:dc="http://purl.org/dc/elements/1.1/">
      <channel rdf:about="https://x.example/"><title>T</title><dc:language>ja</dc:language></channel>
      <item rdf:about="https://x.example/1"><title>a</title></item></rdf:RDF>)");
    EXPECT_EQ(rdf.entries[0].article.language, "ja");
}

TEST(FeedParser, LanguageUndeclaredOverriddenOrNotATag) {
    std::string xml = R"(<rss version="2.0"><channel><title>T</title>
      <item><guid>urn:1</guid><title>a</title></item></channel></rss>)";
    EXPECT_EQ(parse(xml).entries[0].article.language, ""); // the archive's default
    Feed over = parse_feed(xml, {.name = "t.xml", .received = now, .language = "es"});
    EXPECT_EQ(over.entries[0].article.language, "es");
    Feed bad = parse(R"(<rss version="2.0"><channel><title>T</title><language>1337</language>
      <item><guid>urn:1</guid><title>a</title></item></channel></rss>)");
    EXPECT_EQ(bad.entries[0].article.language, "");
    ASSERT_EQ(bad.warnings.size(), 1u);
    EXPECT_EQ(bad.warnings[0],
              "language \"1337\" is not a language tag: indexed in the archive's language");
    Feed http = parse_feed(xml, {.name = "t.xml", .http_language = "pt-BR, en", .received = now});
    EXPECT_EQ(http.language, "pt-BR"); // the audience's first language
    EXPECT_EQ(http.entries[0].article.language, "pt");
    Feed own = parse_feed(R"(<feed xmlns="http://www.w3.org/2005/Atom" xml:lang="nl_BE">
      <entry><id>urn:1</id><title>a</title></entry></feed>)",
                          {.name = "t.xml", .http_language = "en", .received = now});
    EXPECT_EQ(own.language, "nl-BE"); // its own says more than the server
    EXPECT_EQ(own.entries[0].article.language, "nl");
    Feed over_bad = parse_feed(R"(<rss version="2.0"><channel><title>T</title>
      <language>de</language><item><guid>urn:1</guid><title>a</title></item></channel></rss>)",
                               {.name = "t.xml", .received = now, .language = "it"});
    EXPECT_EQ(over_bad.entries[0].article.language, "it");
}

TEST(FeedParser, ErrorsNameTheInput) {
    EXPECT_EQ(error_of("<rss>\n<channel>\n<item>\n</channel>"),
              "test.xml:4: not well-formed XML: Start-end tags mismatch");
    EXPECT_EQ(error_of("<html><body/></html>"),
              "test.xml: not an RSS or Atom feed (root element <html>)");
    EXPECT_EQ(error_of(""), "test.xml:1: not well-formed XML: No document element found");
    EXPECT_EQ(error_of("just text"), "test.xml:1: not well-formed XML: No document element found");
}
