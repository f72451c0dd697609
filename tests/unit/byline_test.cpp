#include "byline.hpp"

#include <gtest/gtest.h>

using namespace morgue;
using V = std::vector<std::string>;

TEST(SplitAuthors, EmailForms) {
    EXPECT_EQ(split_authors("jane@example.com (Jane Doe)"), V{"Jane Doe"});
    EXPECT_EQ(split_authors("Jane Doe (jane@example.com)"), V{"Jane Doe"});
    EXPECT_EQ(split_authors("Jane Doe <jane@example.com>"), V{"Jane Doe"});
    EXPECT_EQ(split_authors("jane@example.com"), V{});
}

TEST(SplitAuthors, SeveralNames) {
    EXPECT_EQ(split_authors("Jane Doe and John Roe"), (V{"Jane Doe", "John Roe"}));
    EXPECT_EQ(split_authors("Hayley Miller, Sebastian Murdock, Nick Visser"),
              (V{"Hayley Miller", "Sebastian Murdock", "Nick Visser"}));
    EXPECT_EQ(split_authors("A. Smith; B. Jones & C. Wu"), (V{"A. Smith", "B. Jones", "C. Wu"}));
    EXPECT_EQ(split_authors("By Jane Doe"), V{"Jane Doe"});
}

TEST(SplitAuthors, CreditsAreNoColumnists) {
    EXPECT_EQ(split_authors("Carla K. Johnson, AP"), V{"Carla K. Johnson"});
    EXPECT_EQ(split_authors("Reuters Staff, Reuters"), V{});
    EXPECT_EQ(split_authors("Stateline, Editorial Partner"), V{"Stateline"});
    EXPECT_EQ(split_authors("Reuters"), V{}); // a credit (credits_test.cpp)
    EXPECT_EQ(split_authors("AP"), V{});
}

TEST(Byline, ClosingTaglineOfTheSeedColumn) {
    std::string body =
        "When a UN report warned...\n"
        "As Bloomberg Opinion columnist Dave Lee said, companies pay for the chips.\n"
        "Even amid periods of massive technological transformation, Lee said.\n"
        "The window for Tokyo to act is closing fast.\n"
        "Catherine Thorbecke is a Bloomberg Opinion columnist covering Asia tech. "
        "Previously she was a tech reporter at CNN and ABC News.";
    EXPECT_EQ(byline_from_text(body), "Catherine Thorbecke");
}

TEST(Byline, OpeningByLine) {
    EXPECT_EQ(byline_from_text("By Maria van der Berg\nThe night desk..."), "Maria van der Berg");
    EXPECT_EQ(byline_from_text("BY JOHN ROE, Staff Writer\nText."), "John Roe");
    EXPECT_EQ(byline_from_text("By the way, nothing here names anyone at all.\nText."), "");
}

TEST(Byline, ProfessorTagline) {
    EXPECT_EQ(byline_from_text(
                  "Text.\nJane Q. Public is a professor of economics at Example University."),
              "Jane Q. Public");
}

TEST(Byline, NoFalsePositives) {
    // A columnist quoted in the middle is not the author.
    EXPECT_EQ(
        byline_from_text("Intro.\nAs Bloomberg Opinion columnist Dave Lee said, pay up.\nMore.\n"
                         "Closing thoughts.\nThe end.\nReally the end."),
        "");
    // A tagline-like sentence far from the end does not count either.
    EXPECT_EQ(byline_from_text("Jane Doe is a columnist.\nOne.\nTwo.\nThree.\nFour."), "");
    // "is a" without a role is not a byline.
    EXPECT_EQ(byline_from_text("Text.\nTaiwan Strait is a busy waterway for shipping."), "");
    EXPECT_EQ(byline_from_text(""), "");
}
