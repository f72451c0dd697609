#include "html_text.hpp"
#include "morgue/text.hpp"

#include <gtest/gtest.h>

using namespace morgue;

TEST(HtmlText, StripsTagsAndDecodesEntities) {
    EXPECT_EQ(html_to_text("<p>Tom &amp; Jerry &lt;3 &#8220;cats&#8221;</p>"),
              "Tom & Jerry <3 \u201Ccats\u201D");
}

TEST(HtmlText, DropsScriptAndStyle) {
    EXPECT_EQ(html_to_text("<style>p{}</style><p>kept</p><script>alert(1)</script>"), "kept");
}

TEST(HtmlText, BlocksBecomeLines) {
    EXPECT_EQ(html_to_text("<p>one\n  two</p><p>three<br>four</p>inline <b>bold</b>"),
              "one two\nthree\nfour\ninline bold");
}

TEST(HtmlText, PlainTextPassesThrough) {
    EXPECT_EQ(html_to_text("just words, AT&T"), "just words, AT&T");
    EXPECT_EQ(html_to_text(""), "");
}

TEST(HtmlText, UndefinedC1ControlLeavesNoStraySpace) {
    // Found by the html_text fuzz target: U+008D (undefined in windows-1252)
    // was dropped after the spaces around it had been collapsed.
    EXPECT_EQ(html_to_text("ee\t\xc2\x8d"), "ee");
    EXPECT_EQ(html_to_text("a \xc2\x8d b"), "a b");
}

TEST(HtmlText, OutOfRangeCharacterReferenceGivesValidUtf8) {
    // Found by the html_text fuzz target: gumbo wrote this as the byte 0xA5.
    std::string text = html_to_text("<p>&#x8aaaaaaaaaaaaaaaaaaaaa5;</p>");
    EXPECT_EQ(repair_utf8(text), 0u) << text;
}
