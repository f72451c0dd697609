#include "encoding.hpp"

#include <gtest/gtest.h>

using namespace morgue;

namespace {
const std::string tsai_utf8 = "蔡英文"; // Big5: BD B2 AD5E A4E5
const std::string tsai_big5 = "\xBD\xB2\xAD\x5E\xA4\xE5";
} // namespace

TEST(Encoding, Utf8WithAndWithoutBom) {
    auto d = decode_feed("\xEF\xBB\xBF<rss>caf\xC3\xA9</rss>");
    EXPECT_EQ(d.text, "<rss>café</rss>");
    EXPECT_EQ(d.encoding, "utf-8");
    EXPECT_TRUE(d.warnings.empty());
    EXPECT_EQ(decode_feed("<rss>café</rss>").encoding, "utf-8");
}

TEST(Encoding, DeclaredWindows1252IncludingSmartQuotes) {
    auto d = decode_feed(
        "<?xml version=\"1.0\" encoding=\"windows-1252\"?><t>don\x92t \x93quote\x94 caf\xE9</t>");
    EXPECT_EQ(d.encoding, "windows-1252");
    EXPECT_NE(d.text.find("don\u2019t \u201Cquote\u201D café"), std::string::npos);
    // iso-8859-1 labels are read as windows-1252, as browsers do.
    auto l = decode_feed("<?xml version='1.0' encoding='ISO-8859-1'?><t>don\x92t</t>");
    EXPECT_EQ(l.encoding, "iso-8859-1");
    EXPECT_NE(l.text.find("don\u2019t"), std::string::npos);
}

TEST(Encoding, DeclaredBig5AndGb2312) {
    auto d = decode_feed("<?xml version=\"1.0\" encoding=\"big5\"?><t>" + tsai_big5 + "</t>");
    EXPECT_EQ(d.encoding, "big5");
    EXPECT_NE(d.text.find(tsai_utf8), std::string::npos);
    auto g =
        decode_feed("<?xml version=\"1.0\" encoding=\"gb2312\"?><t>\xB2\xCC\xD3\xA2\xCE\xC4</t>");
    EXPECT_EQ(g.encoding, "gb18030");
    EXPECT_NE(g.text.find(tsai_utf8), std::string::npos);
}

TEST(Encoding, Utf16WithBomAndSniffed) {
    std::string le("\xFF\xFE<\0r\0/\0>\0", 10);
    auto d = decode_feed(le);
    EXPECT_EQ(d.text, "<r/>");
    EXPECT_EQ(d.encoding, "utf-16le");
    std::string be_no_bom("\0<\0?\0x\0m\0l\0?\0>", 14);
    EXPECT_EQ(decode_feed(be_no_bom).text, "<?xml?>");
}

TEST(Encoding, HttpCharsetOverridesTheDeclaration) {
    auto d = decode_feed("<?xml version='1.0' encoding='utf-8'?><t>caf\xE9</t>", "windows-1252");
    EXPECT_EQ(d.encoding, "windows-1252");
    EXPECT_NE(d.text.find("café"), std::string::npos);
    EXPECT_EQ(charset_of_content_type("application/rss+xml; charset=\"GB2312\""), "gb2312");
    EXPECT_EQ(charset_of_content_type("text/xml;charset='us-ascii'"), "us-ascii");
    EXPECT_EQ(charset_of_content_type("text/xml"), "");
}

TEST(Encoding, UndeclaredLegacyBytesAreDetected) {
    std::string big5;
    for (int i = 0; i < 20; ++i)
        big5 += tsai_big5 + "\xA4\xA4\xB0\xEA\xA5\xC1\xB0\xEA "; // 中華民國
    auto d = decode_feed("<t>" + big5 + "</t>");
    EXPECT_EQ(d.encoding, "big5");
    EXPECT_NE(d.text.find(tsai_utf8), std::string::npos);
    ASSERT_EQ(d.warnings.size(), 1u);
    EXPECT_EQ(d.warnings[0], "no charset declared and not UTF-8; read as big5 (guessed)");
}

TEST(Encoding, BadBytesBecomeReplacementCharacters) {
    auto d = decode_feed("<?xml version='1.0' encoding='big5'?><t>\xBD</t>");
    EXPECT_NE(d.text.find("\uFFFD"), std::string::npos);
    EXPECT_EQ(d.warnings.back(), "1 byte sequence not valid big5 replaced by U+FFFD");
    auto u = decode_feed("<?xml version='1.0' encoding='x-no-such-charset'?><t>ok</t>");
    EXPECT_EQ(u.encoding, "utf-8");
    EXPECT_EQ(u.warnings[0], "unknown charset \"x-no-such-charset\"; read as utf-8");
}
