// The article extractor on article pages in the shapes news sites' markup
// takes (tests/data/pages, written by make_pages.py): the paragraphs found
// are checked against the article's own (precision and recall, each page
// and all together), and the byline against who the page says wrote it.
#include "credits.hpp"
#include "page_extract.hpp"
#include "site_rules.hpp"

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <gtest/gtest.h>
#include <sstream>

using namespace morgue;

namespace {

const std::string pages_dir = MORGUE_SOURCE_DIR "/tests/data/pages";

std::string slurp(const std::filesystem::path& p) {
    std::ifstream in(p, std::ios::binary);
    std::ostringstream s;
    s << in.rdbuf();
    return s.str();
}

struct Expected {
    std::string byline;
    std::vector<std::string> paragraphs;
};

Expected expected_of(const std::filesystem::path& p) {
    Expected e;
    std::istringstream in(slurp(p));
    std::string line;
    while (std::getline(in, line)) {
        if (line.starts_with("byline: ") && e.paragraphs.empty() && e.byline.empty())
            e.byline = line.substr(8);
        else if (!line.empty())
            e.paragraphs.push_back(line);
    }
    return e;
}

std::size_t common(const std::vector<std::string>& got, const std::vector<std::string>& want) {
    std::size_t n = 0;
    for (const auto& g : got)
        n += std::find(want.begin(), want.end(), g) != want.end();
    return n;
}

} // namespace

TEST(PageExtract, ArticlePagesOfManyShapes) {
    std::vector<std::filesystem::path> pages;
    for (const auto& f : std::filesystem::directory_iterator(pages_dir))
        if (f.path().extension() == ".html") pages.push_back(f.path());
    std::sort(pages.begin(), pages.end());
    ASSERT_GE(pages.size(), 15u);
    std::size_t found = 0, right = 0, wanted = 0;
    for (const auto& page : pages) {
        Expected want = expected_of(std::filesystem::path(page).replace_extension(".expected"));
        PageText got = extract_article(decode_page(slurp(page), ""));
        std::size_t hit = common(got.paragraphs, want.paragraphs);
        double precision = got.paragraphs.empty() ? 0 : double(hit) / got.paragraphs.size();
        double recall = double(hit) / want.paragraphs.size();
        std::string name = page.filename().string();
        EXPECT_GE(precision, 0.75) << name << ": " << got.text();
        EXPECT_GE(recall, 0.75) << name << ": " << got.text();
        std::printf("%-32s precision %.2f recall %.2f\n", name.c_str(), precision, recall);
        found += got.paragraphs.size(), right += hit, wanted += want.paragraphs.size();
        if (!want.byline.empty()) {
            auto people = read_credits(got.byline).people;
            EXPECT_EQ(people, std::vector<std::string>{want.byline}) << name << ": " << got.byline;
        }
    }
    double precision = double(right) / found, recall = double(right) / wanted;
    std::printf("%-32s precision %.3f recall %.3f\n", "all pages", precision, recall);
    EXPECT_GE(precision, 0.95);
    EXPECT_GE(recall, 0.95);
}

TEST(PageExtract, SiteRulesSayWhereTheArticleIs) {
    auto rules = parse_site_rules("# comment\n"
                                  "news.example body //div[@class='copy']\n"
                                  "news.example byline //span[@class='who']\n"
                                  "news.example drop //p[@class='promo']\n"
                                  ".example.org body //section\n",
                                  "site-rules.txt");
    ASSERT_EQ(rules.size(), 2u);
    ASSERT_NE(rule_for(rules, "news.example"), nullptr);
    EXPECT_EQ(rule_for(rules, "www.example.org"), &rules[1]);
    EXPECT_EQ(rule_for(rules, "example.org"), &rules[1]);
    EXPECT_EQ(rule_for(rules, "badexample.org"), nullptr);
    // A page the heuristic would read as its long comment, read by the rule.
    std::string html = "<html><body><div class='copy'><p>Short one.</p><p class='promo'>Buy "
                       "now</p><p>Short two.</p></div><span class='who'>By Ann Lee</span>"
                       "<div><p>A long, long comment, with commas, that goes on and on, and on, "
                       "more than the article itself does.</p></div></body></html>";
    PageText t = extract_article(html, rule_for(rules, "news.example"));
    EXPECT_EQ(t.paragraphs, (std::vector<std::string>{"Short one.", "Short two."}));
    EXPECT_EQ(t.byline, "By Ann Lee");
}

// Found by the fuzzer: a drop rule matching an element inside another
// match removed it twice (pugixml's allocator asserted).
TEST(PageExtract, NestedMatchesOfARuleAreTakenOnce) {
    auto rules = parse_site_rules("x.example drop //aside\nx.example body //div\n", "rules");
    PageText t = extract_article("<div><p>Kept.</p><aside><p>Out.</p><aside><p>Out too.</p>"
                                 "</aside></aside><div><p>Inner.</p></div></div>",
                                 rule_for(rules, "x.example"));
    EXPECT_EQ(t.paragraphs, (std::vector<std::string>{"Kept.", "Inner."}));
}

TEST(PageExtract, BadSiteRulesAreNamedByLine) {
    auto error_of = [](std::string_view text) {
        try {
            parse_site_rules(text, "site-rules.txt");
        } catch (const std::exception& e) {
            return std::string(e.what());
        }
        return std::string("no error");
    };
    EXPECT_EQ(error_of("a.example body\n"),
              "site-rules.txt:1: not a rule: expected HOST FIELD XPATH");
    EXPECT_EQ(error_of("\na.example title //h1\n"),
              "site-rules.txt:2: unknown field \"title\": body, byline or drop");
    EXPECT_EQ(error_of("a.example body //div[\n").substr(0, 42),
              "site-rules.txt:1: not an XPath: \"//div[\": ");
}

TEST(PageExtract, CharsetFromTheHeaderOrTheMetaTag) {
    std::string big5 = "<meta charset=\"big5\"><p>\xA4\xA4\xA4\xE5</p>"; // 中文
    EXPECT_NE(decode_page(big5, "").find("中文"), std::string::npos);
    std::string latin1 = "<p>caf\xE9</p>";
    EXPECT_NE(decode_page(latin1, "text/html; charset=ISO-8859-1").find("café"), std::string::npos);
}

TEST(PageExtract, HostilePagesDoNotBreakIt) {
    EXPECT_TRUE(extract_article("").paragraphs.empty());
    EXPECT_TRUE(extract_article("<html><body><nav><p>Only a menu, nothing else at all on the "
                                "page.</p></nav></body></html>")
                    .paragraphs.empty());
    std::string deep(300000, '<');
    for (std::size_t i = 0; i < deep.size(); i += 5)
        deep.replace(i, 5, "<div>");
    EXPECT_THROW(extract_article(deep), std::exception);
}
