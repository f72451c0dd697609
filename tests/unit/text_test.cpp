#include "morgue/text.hpp"

#include <gtest/gtest.h>

using namespace morgue;

TEST(Text, CasefoldIsUnicodeAware) {
    EXPECT_EQ(casefold("Catherine THORBECKE"), "catherine thorbecke");
    EXPECT_EQ(casefold("ÉDITORIAL Ünïcode"), "éditorial ünïcode");
    EXPECT_EQ(casefold("蔡英文"), "蔡英文");
}

TEST(Text, CollapseSpaces) {
    EXPECT_EQ(collapse_spaces("  a \t\n b  c "), "a b c");
    EXPECT_EQ(collapse_spaces(""), "");
    EXPECT_EQ(collapse_spaces(" \n "), "");
}

TEST(Text, SplitLinesKeepsEmptyLines) {
    using Lines = std::vector<std::string_view>;
    EXPECT_EQ(split_lines(""), Lines{});
    EXPECT_EQ(split_lines("one"), Lines{"one"});
    EXPECT_EQ(split_lines("one\n\ntwo"), (Lines{"one", "", "two"}));
    EXPECT_EQ(split_lines("\none\n"), (Lines{"", "one"})); // a final newline ends a line
}

TEST(Text, TruncateAtCharacterAndWordBoundary) {
    EXPECT_EQ(truncate_text("short", 10), "short");
    EXPECT_EQ(truncate_text("alpha beta gamma delta", 20), "alpha beta gamma…");
    // A word boundary far back is not worth losing that much text for.
    EXPECT_EQ(truncate_text("one two three four", 12), "one two thre…");
    // Never splits a multi-byte character: each of these is 3 bytes.
    std::string cut = truncate_text("蔡英文蔡英文", 7);
    EXPECT_EQ(cut, "蔡英…");
}

TEST(Text, RepairUtf8) {
    std::string ok = "Tsai Ing-wen (蔡英文)";
    EXPECT_EQ(repair_utf8(ok), 0u);
    EXPECT_EQ(ok, "Tsai Ing-wen (蔡英文)");
    std::string bad = "a\xff"
                      "b\xc3";
    EXPECT_EQ(repair_utf8(bad), 2u);
    EXPECT_EQ(bad, "a\xEF\xBF\xBD"
                   "b\xEF\xBF\xBD");
    std::string overlong = "\xc0\xaf";
    EXPECT_EQ(repair_utf8(overlong), 2u);
    std::string surrogate = "\xed\xa0\x80";
    EXPECT_EQ(repair_utf8(surrogate), 3u);
}

TEST(Text, StripControlsKeepsTabsNewlinesAndText) {
    EXPECT_EQ(strip_controls("a\x1b]0;PWNED\x07 b\tc\nd\x7f\x01"), "a]0;PWNED b\tc\nd");
    EXPECT_EQ(strip_controls("x\xC2\x85y\xC2\x9B"
                             "2J \xC2\xA0z"),
              "xy2J \xC2\xA0z"); // C1 out, NBSP kept
    EXPECT_EQ(strip_controls("蔡英文 café"), "蔡英文 café");
    EXPECT_EQ(strip_controls("\xC2"), "\uFFFD"); // a lone lead byte is not a control
    // Removing \x01 must not join \xC2 and \x9C into a C1 control (fuzz finding).
    EXPECT_EQ(strip_controls("a\xC2\x01\x9C"), "a\uFFFD\uFFFD");
    std::string s = "clean text";
    strip_controls_in_place(s);
    EXPECT_EQ(s, "clean text");
    EXPECT_EQ(one_line(" a\n\tb\x1b[2J  c "), "a b[2J c");
}

TEST(Text, EscapeJsonControlsIsLossless) {
    EXPECT_EQ(escape_json_controls("{\"t\":\"a\x7f\xC2\x85\xC2\x9F é\"}"),
              "{\"t\":\"a\\u007f\\u0085\\u009f é\"}");
}
