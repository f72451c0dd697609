// Month and weekday names as news sites in many languages print them in
// RFC 822-shaped dates ("mer, 16 nov 2022", "Di, 14. Okt 2025", "周三, 16
// 11月 2022"): full and abbreviated forms, any case, with or without the
// abbreviation's full stop.
#pragma once

#include <string_view>

namespace morgue {

// 1-12 for a month name in any of the languages listed in date_names.cpp
// (and "11月", "11월"), 0 for anything else.
int month_named(std::string_view word);

// True for a weekday name in any of those languages.
bool weekday_named(std::string_view word);

} // namespace morgue
