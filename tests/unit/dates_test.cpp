#include "morgue/dates.hpp"

#include <gtest/gtest.h>

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
