// robots.txt as RFC 9309 reads it (its section 5 examples, among others).
#include "robots.hpp"

#include <gtest/gtest.h>

using namespace morgue;

TEST(Robots, OurGroupElseTheStarGroup) {
    auto r = Robots::parse("User-agent: *\nDisallow: /\n\nUser-agent: Morgue\nUser-agent: other\n"
                           "Disallow: /private/\nCrawl-delay: 5\n",
                           "morgue");
    EXPECT_TRUE(r.allowed("/news/a"));
    EXPECT_FALSE(r.allowed("/private/x"));
    EXPECT_EQ(r.crawl_delay(), 5.0);
    auto star = Robots::parse("User-agent: *\nDisallow: /archive\n", "morgue");
    EXPECT_FALSE(star.allowed("/archive/2020"));
    EXPECT_TRUE(star.allowed("/news"));
    EXPECT_EQ(star.crawl_delay(), std::nullopt);
}

TEST(Robots, LongestMatchWinsAllowOnATie) {
    auto r = Robots::parse("user-agent: *\nallow: /p\ndisallow: /\n"
                           "disallow: /folder/\nallow: /folder/page\n"
                           "disallow: /*.gif$\nallow: /page\ndisallow: /*.htm\n",
                           "morgue");
    EXPECT_TRUE(r.allowed("/page"));
    EXPECT_TRUE(r.allowed("/folder/page"));
    EXPECT_FALSE(r.allowed("/folder/other"));
    EXPECT_FALSE(r.allowed("/x/y.gif"));
    EXPECT_FALSE(r.allowed("/"));
    EXPECT_FALSE(r.allowed("/page.htm"));
    EXPECT_TRUE(r.allowed("/robots.txt"));
}

TEST(Robots, CommentsEmptyRulesAndGarbage) {
    auto r = Robots::parse("# hello\nUser-agent: * # all\nDisallow:\nnonsense line\n\x01\x02\n",
                           "morgue");
    EXPECT_TRUE(r.allowed("/anything"));
    EXPECT_TRUE(Robots::parse("", "morgue").allowed("/"));
    EXPECT_FALSE(Robots::disallow_all().allowed("/a"));
    EXPECT_TRUE(Robots::allow_all().allowed("/a"));
    // Stars never make matching slow.
    auto stars = Robots::parse("User-agent: *\nDisallow: /*a*a*a*a*a*a*a*a*a*b\n", "morgue");
    EXPECT_TRUE(stars.allowed("/" + std::string(5000, 'a')));
}
