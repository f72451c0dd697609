// Dates as feeds write them, and as Morgue stores them (UTC).
#pragma once

#include <ctime>
#include <optional>
#include <string>
#include <string_view>

namespace morgue {

// A date as a feed wrote it: the instant, and the offset from UTC it was
// written in (seconds east; 0 for UTC and for a date with no zone).
struct ZonedTime {
    std::time_t time = 0;
    long offset = 0;
};

// W3CDTF / RFC 3339 ("2025-11-20", "2025-11-20T08:00:00.5+08:00") and
// RFC 822/1123 ("Thu, 20 Nov 2025 08:00:00 GMT", via libcurl's curl_getdate).
// Returns seconds since the epoch, or nothing when the text is not a date.
std::optional<std::time_t> parse_date(std::string_view text);
// The same, keeping the offset the date was written in.
std::optional<ZonedTime> parse_zoned_date(std::string_view text);

// "2025-10-14T00:30:00+08:00": the instant `t` as the clock `offset`
// seconds east of UTC shows it (the publisher's own, for an article);
// "…Z" for offset 0.
std::string iso8601_local(std::time_t t, long offset);

// The offset of an RFC 3339 date such as iso8601_local() writes.
std::optional<long> parse_offset_of(std::string_view iso);

// "2025-11-20T00:00:00Z"
std::string iso8601_utc(std::time_t t);

} // namespace morgue
