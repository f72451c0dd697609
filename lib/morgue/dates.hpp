// Dates as feeds write them, and as Morgue stores them (UTC).
#pragma once

#include <ctime>
#include <optional>
#include <string>
#include <string_view>

namespace morgue {

// W3CDTF / RFC 3339 ("2025-11-20", "2025-11-20T08:00:00.5+08:00") and
// RFC 822/1123 ("Thu, 20 Nov 2025 08:00:00 GMT", via libcurl's curl_getdate).
// Returns seconds since the epoch, or nothing when the text is not a date.
std::optional<std::time_t> parse_date(std::string_view text);

// "2025-11-20T00:00:00Z"
std::string iso8601_utc(std::time_t t);

} // namespace morgue
