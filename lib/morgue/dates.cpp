#include "morgue/dates.hpp"

#include <charconv>
#include <curl/curl.h>
#include <fmt/format.h>

namespace morgue {

namespace {

struct Cursor {
    std::string_view s;
    std::size_t i = 0;

    bool digits(std::size_t n, int& out) {
        if (i + n > s.size()) return false;
        auto [p, ec] = std::from_chars(s.data() + i, s.data() + i + n, out);
        if (ec != std::errc() || p != s.data() + i + n) return false;
        i += n;
        return true;
    }
    bool eat(char c) {
        if (i < s.size() && s[i] == c) return ++i, true;
        return false;
    }
    bool done() const { return i == s.size(); }
};

// Offset in seconds east of UTC: "Z", "+08:00", "+0800", or nothing (UTC).
bool parse_zone(Cursor& c, long& offset) {
    offset = 0;
    if (c.done() || c.eat('Z') || c.eat('z')) return c.done();
    int sign = c.eat('+') ? 1 : c.eat('-') ? -1 : 0;
    int hh = 0, mm = 0;
    if (!sign || !c.digits(2, hh)) return false;
    c.eat(':');
    if (!c.done() && !c.digits(2, mm)) return false;
    offset = sign * (hh * 3600L + mm * 60L);
    return c.done() && hh < 24 && mm < 60;
}

std::optional<std::time_t> parse_w3cdtf(std::string_view text) {
    Cursor c{text};
    int year = 0, month = 1, day = 1, hour = 0, minute = 0, second = 0;
    if (!c.digits(4, year)) return std::nullopt;
    if (c.eat('-') && !(c.digits(2, month) && (!c.eat('-') || c.digits(2, day))))
        return std::nullopt;
    long offset = 0;
    if (c.eat('T') || c.eat('t') || c.eat(' ')) {
        if (!c.digits(2, hour) || !c.eat(':') || !c.digits(2, minute)) return std::nullopt;
        if (c.eat(':') && !c.digits(2, second)) return std::nullopt;
        if (c.eat('.') || c.eat(','))
            while (!c.done() && std::isdigit(static_cast<unsigned char>(c.s[c.i])))
                ++c.i;
        if (!parse_zone(c, offset)) return std::nullopt;
    } else if (!c.done()) {
        return std::nullopt;
    }
    if (month < 1 || month > 12 || day < 1 || day > 31 || hour > 23 || minute > 59 || second > 60)
        return std::nullopt;
    std::tm tm{};
    tm.tm_year = year - 1900;
    tm.tm_mon = month - 1;
    tm.tm_mday = day;
    tm.tm_hour = hour;
    tm.tm_min = minute;
    tm.tm_sec = second;
    return timegm(&tm) - offset;
}

} // namespace

std::optional<std::time_t> parse_date(std::string_view text) {
    while (!text.empty() && std::isspace(static_cast<unsigned char>(text.front())))
        text.remove_prefix(1);
    while (!text.empty() && std::isspace(static_cast<unsigned char>(text.back())))
        text.remove_suffix(1);
    if (text.empty()) return std::nullopt;
    if (auto t = parse_w3cdtf(text)) return t;
    std::string copy(text);
    std::time_t t = curl_getdate(copy.c_str(), nullptr);
    if (t == -1) return std::nullopt;
    return t;
}

std::string iso8601_utc(std::time_t t) {
    std::tm tm{};
    gmtime_r(&t, &tm);
    return fmt::format("{:04}-{:02}-{:02}T{:02}:{:02}:{:02}Z", tm.tm_year + 1900, tm.tm_mon + 1,
                       tm.tm_mday, tm.tm_hour, tm.tm_min, tm.tm_sec);
}

} // namespace morgue
