#include "morgue/dates.hpp"

#include <fstream>
#include <gtest/gtest.h>
#include <set>

using namespace morgue;

namespace {
std::string iso(std::string_view text) {
    auto t = parse_date(text);
    return t ? iso8601_utc(*t) : "none";
}
} // namespace

TEST(Dates, W3cdtf) {
    EXPECT_EQ(iso("2025-11-20"), "2025-11-20T00:00:00Z");
    EXPECT_EQ(iso("2025-11"), "2025-11-01T00:00:00Z");
    EXPECT_EQ(iso("2025-10-14T00:30:00+08:00"), "2025-10-13T16:30:00Z");
    EXPECT_EQ(iso("2025-10-14T00:30:00.123Z"), "2025-10-14T00:30:00Z");
    EXPECT_EQ(iso("2025-10-14T00:30-0500"), "2025-10-14T05:30:00Z");
    EXPECT_EQ(iso("  2025-10-14T00:30:00Z\n"), "2025-10-14T00:30:00Z");
}

TEST(Dates, Rfc822) {
    EXPECT_EQ(iso("Tue, 18 Nov 2025 09:00:00 GMT"), "2025-11-18T09:00:00Z");
    EXPECT_EQ(iso("Sun, 09 Nov 2025 16:00:00 +0800"), "2025-11-09T08:00:00Z");
    EXPECT_EQ(iso("18 Nov 2025 09:00 EST"), "2025-11-18T14:00:00Z");
}

TEST(Dates, NotDates) {
    EXPECT_EQ(iso(""), "none");
    EXPECT_EQ(iso("yesterday-ish"), "none");
    EXPECT_EQ(iso("2025-13-01"), "none");
    EXPECT_EQ(iso("2025-11-20T25:00:00Z"), "none");
}

// feedparser's date suite (../shared/conformance/feedparser/dates.tsv): every
// row but the few obscure ISO 8601 forms listed here must give the expected
// UTC time, or be rejected where the expected value is empty.
TEST(Dates, FeedparserSuite) {
    std::ifstream in(MORGUE_SOURCE_DIR "/../shared/conformance/feedparser/dates.tsv");
    if (!in) GTEST_SKIP() << "../shared/conformance/feedparser/dates.tsv not present";
    const std::set<std::string> unsupported = {
        "-0312",  // year-less ISO 8601 ("-YYMM")
        "-03-12", // year-less ISO 8601 ("-YY-MM")
        "03335",  // ISO 8601 ordinal date, two-digit year
    };
    std::string line;
    std::getline(in, line); // header
    int rows = 0, passed = 0;
    while (std::getline(in, line)) {
        auto tab1 = line.find('\t'), tab2 = line.find('\t', tab1 + 1);
        std::string input = line.substr(0, tab1), expected = line.substr(tab1 + 1, tab2 - tab1 - 1);
        if (unsupported.count(input)) continue;
        ++rows;
        std::string got = iso(input);
        if (got == (expected.empty() ? "none" : expected))
            ++passed;
        else
            ADD_FAILURE() << "\"" << input << "\": got " << got << ", expected "
                          << (expected.empty() ? "rejection" : expected);
    }
    EXPECT_GT(rows, 60);
    RecordProperty("passed", passed);
}

TEST(Dates, ZonesAndShapes) {
    EXPECT_EQ(iso("Mon, 26 January 2004 16:31:00 ET"), "2004-01-26T21:31:00Z");
    EXPECT_EQ(iso("Wed, 19 Feb 2012 22:40:00 GMT-01:01"), "2012-02-19T23:41:00Z");
    EXPECT_EQ(iso("Thu, 01 Jan 04 19:48:21 GMT"), "2004-01-01T19:48:21Z");
    EXPECT_EQ(iso("01 Jan 99 19:48 Z"), "1999-01-01T19:48:00Z");
    EXPECT_EQ(iso("Thu, 01 Jan 2004 19:48:21 K"), "2004-01-01T19:48:21Z"); // military: as UTC
    EXPECT_EQ(iso("Sun Jan  4 16:29:06 2004"), "2004-01-04T16:29:06Z");
    EXPECT_EQ(iso("Sun Jul 15 01:16:00 +0000 2012"), "2012-07-15T01:16:00Z");
    EXPECT_EQ(iso("20031231T101455Z"), "2003-12-31T10:14:55Z");
    EXPECT_EQ(iso("Fri, 31 Feb 2003 10:00:00 GMT"), "none");
    EXPECT_EQ(iso("Thu, 01 Jan 2004 19:48:21 XYZ"), "none");
}

TEST(Dates, TheOffsetAsWritten) {
    auto z = parse_zoned_date("Tue, 14 Oct 2025 00:30:00 +0800");
    ASSERT_TRUE(z);
    EXPECT_EQ(z->offset, 8 * 3600);
    EXPECT_EQ(iso8601_utc(z->time), "2025-10-13T16:30:00Z");
    EXPECT_EQ(parse_zoned_date("2025-10-13T20:00:00-05:00")->offset, -5 * 3600);
    EXPECT_EQ(parse_zoned_date("2025-10-13T20:00:00+05:30")->offset, 5 * 3600 + 30 * 60);
    EXPECT_EQ(parse_zoned_date("18 Nov 2025 09:00 EST")->offset, -5 * 3600);
    EXPECT_EQ(parse_zoned_date("2025-10-13")->offset, 0); // no zone: UTC
    EXPECT_FALSE(parse_zoned_date("not a date"));
}

TEST(Dates, OnThePublishersClock) {
    std::time_t t = *parse_date("2025-10-13T16:30:00Z");
    EXPECT_EQ(iso8601_local(t, 8 * 3600), "2025-10-14T00:30:00+08:00");
    EXPECT_EQ(iso8601_local(t, -5 * 3600), "2025-10-13T11:30:00-05:00");
    EXPECT_EQ(iso8601_local(t, -(3 * 3600 + 30 * 60)), "2025-10-13T13:00:00-03:30");
    EXPECT_EQ(iso8601_local(t, 0), "2025-10-13T16:30:00Z");
    // What it writes reads back as the same instant and offset.
    for (long offset : {8 * 3600L, -5 * 3600L, 0L, 345 * 60L}) {
        auto z = parse_zoned_date(iso8601_local(t, offset));
        ASSERT_TRUE(z);
        EXPECT_EQ(z->time, t);
        EXPECT_EQ(z->offset, offset);
        EXPECT_EQ(parse_offset_of(iso8601_local(t, offset)), offset);
    }
}

// Issue 18 item 4: RFC 822-shaped dates in the languages news sites write
// them in, every one the same instant (16 Nov 2022 00:38:15 +0100, a
// Wednesday), abbreviated and full, with the punctuation each language uses.
TEST(Dates, WeekdaysAndMonthsInOtherLanguages) {
    const char* expected = "2022-11-15T23:38:15Z";
    for (const char* text : {
             "mer, 16 nov 2022 00:38:15 +0100",                     // it
             "mercoledì, 16 novembre 2022 00:38:15 +0100",          // it
             "mer., 16 nov. 2022 00:38:15 +0100",                   // fr
             "mercredi 16 novembre 2022 00:38:15 +0100",            // fr
             "Mi, 16. Nov 2022 00:38:15 +0100",                     // de
             "Mittwoch, 16. November 2022 00:38:15 +0100",          // de
             "mié, 16 nov 2022 00:38:15 +0100",                     // es
             "miércoles, 16 de noviembre de 2022 00:38:15 +0100",   // es
             "qua, 16 nov 2022 00:38:15 +0100",                     // pt
             "quarta-feira, 16 de novembro de 2022 00:38:15 +0100", // pt
             "wo, 16 nov 2022 00:38:15 +0100",                      // nl
             "woensdag 16 november 2022 00:38:15 +0100",            // nl
             "ons, 16 nov 2022 00:38:15 +0100",                     // sv, da, nb
             "onsdag den 16. november 2022 00:38:15 +0100",         // da
             "śr, 16 lis 2022 00:38:15 +0100",                      // pl
             "środa, 16 listopada 2022 00:38:15 +0100",             // pl
             "st, 16 lis 2022 00:38:15 +0100",                      // cs (lis as in pl)
             "středa 16. listopadu 2022 00:38:15 +0100",            // cs
             "ke, 16 marraskuuta 2022 00:38:15 +0100",              // fi
             "Çar, 16 Kas 2022 00:38:15 +0100",                     // tr
             "Çarşamba, 16 Kasım 2022 00:38:15 +0100",              // tr
             "mie, 16 noi 2022 00:38:15 +0100",                     // ro
             "Rab, 16 Nov 2022 00:38:15 +0100",                     // id
             "dc., 16 de novembre de 2022 00:38:15 +0100",          // ca
             "Τετ, 16 Νοε 2022 00:38:15 +0100",                     // el
             "周三, 16 11月 2022 00:38:15 +0100",                   // zh
             "星期三, 16 11月 2022 00:38:15 +0100",                 // zh
             "水, 16 11月 2022 00:38:15 +0100",                     // ja
             "수, 16 11월 2022 00:38:15 +0100",                     // ko
             "2022年11月16日 00:38:15 +0100",                       // zh, ja
             "2022年11月16日(水) 00:38:15 +0100",                   // ja
             "2022년 11월 16일 (수) 00:38:15 +0100",                // ko
             "MER, 16 NOV 2022 00:38:15 +0100",                     // any case
             "Wed, 16 Nov 2022 12:38:15 AM +0100",                  // am/pm
         })
        EXPECT_EQ(iso(text), expected) << text;
}

TEST(Dates, AWeekdayThatIsAlsoAMonth) {
    // "mar" is martes/mardi/martedì and March: the first word is the weekday
    // when another names the month, the month when none does.
    EXPECT_EQ(iso("mar, 15 nov 2022 10:00:00 +0000"), "2022-11-15T10:00:00Z");
    EXPECT_EQ(iso("mar 15 2022 10:00:00 +0000"), "2022-03-15T10:00:00Z");
    EXPECT_EQ(iso("mar, 15 mar 2022 10:00:00 +0000"), "2022-03-15T10:00:00Z");
    EXPECT_EQ(iso("Wed, 16 Nov 2022 01:00:00 PM GMT"), "2022-11-16T13:00:00Z");
}

TEST(Dates, ForeignWordsThatAreNotDates) {
    EXPECT_EQ(iso("mer, 16 zzz 2022 00:38:15 +0100"), "none");  // no month
    EXPECT_EQ(iso("16 nov nov 2022"), "none");                  // two months
    EXPECT_EQ(iso("Wed, 16 Nov 2022 13:00:00 PM GMT"), "none"); // 13 pm
    EXPECT_EQ(iso("2022年13月16日"), "none");
    EXPECT_EQ(iso("mer, 31 giu 2022 00:00:00 +0100"), "none"); // 31 June
}
