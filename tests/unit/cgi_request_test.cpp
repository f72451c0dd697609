// The CGI page's request parsing and configuration: decoding, caps, the
// mapping to a search, and config-file errors naming file and line.
#include "cgi_config.hpp"
#include "cgi_request.hpp"
#include "morgue/errors.hpp"

#include <algorithm>
#include <gtest/gtest.h>

using namespace morgue;

namespace {

int status_of(std::string_view qs) {
    try {
        page_request(parse_query_string(qs));
    } catch (const HttpError& e) {
        return e.status;
    }
    return 200;
}

} // namespace

TEST(CgiRequest, DecodesFormEncoding) {
    Params p = parse_query_string("q=tax+reform%21&columnist=Lee%20Moran&&x&topic=%E9%87%A3");
    ASSERT_EQ(p.size(), 4u);
    EXPECT_EQ(p[0], (std::pair<std::string, std::string>{"q", "tax reform!"}));
    EXPECT_EQ(p[1].second, "Lee Moran");
    EXPECT_EQ(p[2], (std::pair<std::string, std::string>{"x", ""}));
    EXPECT_EQ(p[3].second, "釣");
}

TEST(CgiRequest, RepairsInvalidUtf8AndDropsNul) {
    Params p = parse_query_string("q=caf%E9%00x");
    EXPECT_EQ(p[0].second, "caf\xEF\xBF\xBDx"); // U+FFFD
}

TEST(CgiRequest, EncodingRoundTrips) {
    Params p = {{"q", "\"a b\" & c=d/é+"}, {"topic", "U.S. News"}};
    EXPECT_EQ(parse_query_string(encode_query_string(p)), p);
    EXPECT_EQ(encode_query_string({{"q", "a b"}}), "q=a%20b");
}

TEST(CgiRequest, MapsParametersToTheSearch) {
    PageRequest r = page_request(parse_query_string(
        "q=+trump++tax&columnist=A&columnist=B&columnist=A&topic=Politics&year=2020&since=2020-01"
        "&sort=oldest&page=3&format=json&colour=red"));
    EXPECT_EQ(r.search.query, "trump tax");
    EXPECT_EQ(r.search.filters["columnist"], (std::vector<std::string>{"A", "B"}));
    EXPECT_EQ(r.search.filters["topic"], (std::vector<std::string>{"Politics"}));
    EXPECT_EQ(r.search.filters["year"], (std::vector<std::string>{"2020"}));
    EXPECT_EQ(r.search.since, "2020-01");
    EXPECT_EQ(r.search.sort, Sort::date_ascending);
    EXPECT_EQ(r.page, 3u);
    EXPECT_EQ(r.search.offset, 20u);
    EXPECT_EQ(r.search.limit, page_size);
    EXPECT_EQ(r.format, Format::json);
    EXPECT_TRUE(r.search.html_snippets);
    // One year chosen: its months are counted too.
    EXPECT_EQ(r.search.facets, page_filter_fields);
    EXPECT_EQ(r.search.facet_limit, facet_values) << "JSON: the values the page shows";
}

TEST(CgiRequest, FacetsFoldsAndMore) {
    PageRequest r = page_request(parse_query_string("q=x&year=2020&year=2021&more=topic&more=x"));
    EXPECT_EQ(std::count(r.search.facets.begin(), r.search.facets.end(), "month"), 0)
        << "months only within one year";
    EXPECT_EQ(r.more, (std::vector<std::string>{"topic"})) << "unknown facets ignored";
    EXPECT_EQ(r.search.facet_limit, facet_more_values + 1)
        << "one more than shown: are there more?";
    EXPECT_EQ(page_request(parse_query_string("q=x")).search.facet_limit, facet_values + 1);
    EXPECT_TRUE(r.search.collapse) << "copies folded by default";
    EXPECT_FALSE(page_request(parse_query_string("q=x&collapse=0")).search.collapse);
    EXPECT_EQ(page_request(parse_query_string("story=abc")).search.story, "abc");
    EXPECT_THROW(page_request(parse_query_string("q=x&collapse=yes")), HttpError);
}

TEST(CgiRequest, DefaultsAndSortNames) {
    PageRequest r = page_request({});
    EXPECT_EQ(r.format, Format::html);
    EXPECT_EQ(r.page, 1u);
    EXPECT_EQ(r.search.sort, Sort::date) << "no query: newest first";
    EXPECT_EQ(page_request({{"q", "x"}}).search.sort, Sort::relevance);
    EXPECT_EQ(page_request({{"q", "x"}, {"sort", "newest"}}).search.sort, Sort::date);
    EXPECT_TRUE(page_request({{"format", "atom"}}).search.facets.empty());
    EXPECT_TRUE(page_request({{"columnist", " "}}).search.filters.empty());
}

// ?doc=ID is an article's stored copy; ?similar=ID the articles like it,
// best first.  An id may be a long link: not held to the value cap.
TEST(CgiRequest, StoredCopyAndSimilarByArticleId) {
    std::string id = "https://example.com/" + std::string(max_value_bytes, 'a');
    PageRequest copy = page_request(parse_query_string("doc=" + id + "&q=budget"));
    EXPECT_EQ(copy.doc, id);
    EXPECT_EQ(copy.search.query, "budget");
    PageRequest like = page_request(parse_query_string("similar=tag%3Ax%2C1"));
    EXPECT_EQ(like.similar, "tag:x,1");
    EXPECT_EQ(like.search.sort, Sort::relevance) << "most alike first, not newest";
    EXPECT_TRUE(page_request({}).doc.empty());
}

TEST(CgiRequest, AQueryMayBeAPastedParagraph) {
    std::string paragraph = "word"; // 1,000 words
    for (int i = 1; i < 1000; ++i)
        paragraph += "+word";
    EXPECT_EQ(page_request(parse_query_string("q=" + paragraph)).search.query.size(),
              paragraph.size());
}

TEST(CgiRequest, RejectsWhatItCannotServe) {
    EXPECT_EQ(status_of(std::string(max_query_string + 1, 'a')), 414);
    EXPECT_EQ(status_of("topic=" + std::string(max_value_bytes + 1, 'a')), 400);
    std::string many;
    for (std::size_t i = 0; i <= max_parameters; ++i)
        many += "a=1&";
    EXPECT_EQ(status_of(many), 400);
    for (const char* bad : {"page=0", "page=-1", "page=1x", "page=101", "sort=best", "format=rss"})
        EXPECT_EQ(status_of(bad), 400) << bad;
    EXPECT_EQ(status_of("page=100&sort=date-asc&format=opensearch"), 200);
}

TEST(CgiConfig, ParsesKeysAndNamesBadLines) {
    CgiConfig c = parse_cgi_config("# archive\n db = /srv/morgue/db \ntitle = The Clippings\n"
                                   "cache_seconds = 300\ntime_limit = 2.5\nstuck_limit = 30\n",
                                   "morgue.conf");
    EXPECT_EQ(c.db, "/srv/morgue/db");
    EXPECT_EQ(c.title, "The Clippings");
    EXPECT_EQ(c.cache_seconds, 300u);
    EXPECT_DOUBLE_EQ(c.time_limit, 2.5);
    EXPECT_DOUBLE_EQ(c.stuck_limit, 30);
    EXPECT_DOUBLE_EQ(parse_cgi_config("db = x\n", "m.conf").stuck_limit, 0); // 0: from time_limit
    auto message = [](std::string_view text) {
        try {
            parse_cgi_config(text, "m.conf");
        } catch (const ConfigError& e) {
            return std::string(e.what());
        }
        return std::string();
    };
    EXPECT_EQ(message("db = x\ncolour = red\n"), "m.conf:2: unknown key \"colour\"");
    EXPECT_EQ(message("\n\njust words\n"), "m.conf:3: expected key = value");
    EXPECT_EQ(message("cache_seconds = soon\n"), "m.conf:1: not a number: \"soon\"");
}
