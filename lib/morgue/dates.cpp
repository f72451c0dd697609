#include "morgue/dates.hpp"

#include "morgue/date_names.hpp"
#include "morgue/text.hpp"

#include <algorithm>
#include <array>
#include <charconv>
#include <fmt/format.h>
#include <vector>

// Why not curl_getdate(): it silently reads "22:40:00 GMT-01:01" as 22:40 UTC,
// rejects "-01:01", "Etc/GMT", the US zone abbreviations without S/D (ET, PT)
// and years before 1970.  Feeds write all of these, and a silently wrong date
// is worse than none, so the RFC 822 forms are read here, strictly.

namespace morgue {

namespace {

struct Fields {
    int year = -1, month = -1, day = -1, hour = 0, minute = 0, second = 0;
    long offset = 0; // seconds east of UTC
};

bool valid(const Fields& f) {
    static constexpr int days[] = {31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
    return f.year >= 0 && f.year <= 9999 && f.month >= 1 && f.month <= 12 && f.day >= 1 &&
           f.day <= days[f.month - 1] && f.hour >= 0 && f.hour <= 23 && f.minute >= 0 &&
           f.minute <= 59 && f.second >= 0 && f.second <= 60;
}

std::optional<ZonedTime> to_time(const Fields& f) {
    if (!valid(f)) return std::nullopt;
    std::tm tm{};
    tm.tm_year = f.year - 1900;
    tm.tm_mon = f.month - 1;
    tm.tm_mday = f.day;
    tm.tm_hour = f.hour;
    tm.tm_min = f.minute;
    tm.tm_sec = f.second;
    return ZonedTime{timegm(&tm) - f.offset, f.offset};
}

bool number(std::string_view s, int& out) {
    if (s.empty() || s.size() > 4) return false;
    auto [p, ec] = std::from_chars(s.data(), s.data() + s.size(), out);
    return ec == std::errc() && p == s.data() + s.size();
}

bool all_digits(std::string_view s) {
    return !s.empty() &&
           std::all_of(s.begin(), s.end(), [](char c) { return c >= '0' && c <= '9'; });
}

// "+0800", "-08:00", "+8", "-00:20"; false for anything else.
bool numeric_offset(std::string_view s, long& offset) {
    if (s.size() < 2 || (s[0] != '+' && s[0] != '-')) return false;
    int sign = s[0] == '-' ? -1 : 1;
    std::string_view rest = s.substr(1);
    int hh = 0, mm = 0;
    auto colon = rest.find(':');
    if (colon != std::string_view::npos) {
        if (!all_digits(rest.substr(0, colon)) || !all_digits(rest.substr(colon + 1)) ||
            !number(rest.substr(0, colon), hh) || !number(rest.substr(colon + 1), mm))
            return false;
    } else if (all_digits(rest) && rest.size() == 4) {
        number(rest.substr(0, 2), hh);
        number(rest.substr(2), mm);
    } else if (all_digits(rest) && rest.size() <= 2) {
        number(rest, hh);
    } else {
        return false;
    }
    if (hh > 23 || mm > 59) return false;
    offset = sign * (hh * 3600L + mm * 60L);
    return true;
}

// Zone names, including the North American ones without S/D (ET = Eastern).
bool named_zone(std::string_view s, long& offset) {
    static constexpr std::pair<std::string_view, int> zones[] = {
        {"gmt", 0},  {"ut", 0},    {"utc", 0},   {"z", 0},     {"etc/gmt", 0}, {"est", -5},
        {"edt", -4}, {"cst", -6},  {"cdt", -5},  {"mst", -7},  {"mdt", -6},    {"pst", -8},
        {"pdt", -7}, {"at", -4},   {"et", -5},   {"ct", -6},   {"mt", -7},     {"pt", -8},
        {"ast", -4}, {"adt", -3},  {"akst", -9}, {"akdt", -8}, {"hst", -10},   {"met", 1},
        {"mest", 2}, {"cet", 1},   {"cest", 2},  {"eet", 2},   {"eest", 3},    {"wet", 0},
        {"west", 1}, {"bst", 1},   {"ist", 1},   {"jst", 9},   {"kst", 9},     {"hkt", 8},
        {"sgt", 8},  {"aest", 10}, {"aedt", 11}, {"nzst", 12}, {"nzdt", 13}};
    std::string l = ascii_lower(s);
    for (auto [name, hours] : zones)
        if (l == name) return offset = hours * 3600L, true;
    // "GMT+8", "UTC-01:01", "Etc/GMT-3"
    for (std::string_view base : {"gmt", "utc", "ut"})
        if (l.starts_with(base) && l.size() > base.size() &&
            (l[base.size()] == '+' || l[base.size()] == '-'))
            return numeric_offset(std::string_view(l).substr(base.size()), offset);
    // RFC 2822 4.3: military single letters carry no reliable meaning; read as UTC.
    if (l.size() == 1 && l[0] >= 'a' && l[0] <= 'z' && l[0] != 'j') return offset = 0, true;
    return false;
}

bool clock(std::string_view s, Fields& f) {
    std::vector<std::string_view> parts;
    std::size_t start = 0;
    while (true) {
        auto colon = s.find(':', start);
        parts.push_back(s.substr(start, colon == std::string_view::npos ? std::string_view::npos
                                                                        : colon - start));
        if (colon == std::string_view::npos) break;
        start = colon + 1;
    }
    if (parts.size() < 2 || parts.size() > 3) return false;
    std::string_view sec = parts.size() == 3 ? parts[2] : "0";
    sec = sec.substr(0, sec.find('.'));
    for (auto p : {parts[0], parts[1], sec})
        if (!all_digits(p) || p.size() > 2) return false;
    number(parts[0], f.hour);
    number(parts[1], f.minute);
    number(sec, f.second);
    return true;
}

int full_year(std::string_view digits, int value) {
    if (digits.size() > 2) return value;
    return value < 50 ? 2000 + value : 1900 + value; // RFC 2822 4.3
}

// A weekday is skipped wherever it stands, except that a first word which
// is both a weekday and a month ("mar": martes, March) is the month when no
// other word names one ("Mar 15 2022").
bool leading_weekday(const std::vector<std::string_view>& tokens, std::size_t i) {
    if (!weekday_named(tokens[i])) return false;
    if (!month_named(tokens[i])) return true;
    if (i != 0) return false;
    return std::any_of(tokens.begin() + 1, tokens.end(),
                       [](std::string_view t) { return month_named(t) != 0; });
}

// "16 de noviembre de 2022" (es, pt, ca), "den 16 november" (sv, da).
bool is_filler(std::string_view t) {
    std::string l = ascii_lower(t);
    return l == "de" || l == "del" || l == "den" || l == "um" || l == "à" || l == "a" ||
           l == "às" || l == "alle" || l == "ore" || l == "kl" || l == "kl.";
}

int half_day_of(std::string_view t) {
    std::string l = ascii_lower(t);
    if (l == "am" || l == "a.m.") return 1;
    if (l == "pm" || l == "p.m.") return 2;
    return 0;
}

// "2022年11月16日" (zh, ja), "2022년 11월 16일" (ko): the year's and day's
// marks after a digit become spaces; "11月" stays a month name, a word.
std::string cjk_date_marks_to_spaces(std::string_view text) {
    std::string out;
    out.reserve(text.size());
    for (std::size_t i = 0; i < text.size();) {
        bool after_digit = !out.empty() && out.back() >= '0' && out.back() <= '9';
        bool marked = false;
        for (std::string_view mark : {"年", "日", "년", "일", "月", "월"})
            if (after_digit && text.substr(i).starts_with(mark)) {
                bool month = mark == "月" || mark == "월";
                out += month ? std::string(mark) + " " : " ";
                i += mark.size();
                marked = true;
                break;
            }
        if (!marked) out += text[i++];
    }
    return out;
}

// RFC 822/1123 and the shapes real feeds give it: weekday optional, with or
// without commas, day and month in either order, asctime ("Sun Jan  4
// 16:29:06 2004"), the year after the zone (Twitter), y/m/d (Perforce).
std::optional<ZonedTime> parse_rfc822(std::string_view text) {
    std::string s = cjk_date_marks_to_spaces(text);
    std::replace(s.begin(), s.end(), ',', ' ');
    auto tokens = split_words(s);
    Fields f;
    bool have_time = false, have_zone = false;
    int half_day = 0; // 1: am, 2: pm
    std::vector<std::string_view> numbers;
    for (std::size_t i = 0; i < tokens.size(); ++i) {
        std::string_view t = tokens[i];
        // After the clock, a zone ("PT") before a weekday ("pt", Polish Friday).
        if (have_time && !have_zone && named_zone(t, f.offset)) {
            have_zone = true;
            continue;
        }
        if (leading_weekday(tokens, i) || is_filler(t)) continue;
        if (int h = half_day_of(t)) {
            if (half_day || !have_time) return std::nullopt;
            half_day = h;
            continue;
        }
        // "14." (German and Scandinavian day numbers)
        if (t.size() > 1 && t.back() == '.' && all_digits(t.substr(0, t.size() - 1)))
            t.remove_suffix(1);
        if (int m = month_named(t)) {
            if (f.month > 0) return std::nullopt;
            f.month = m;
        } else if (t.find(':') != std::string::npos && !have_time && t[0] != '+' && t[0] != '-') {
            if (!clock(t, f)) return std::nullopt;
            have_time = true;
        } else if (t.find('/') != std::string::npos && all_digits(t.substr(0, 4)) &&
                   t.size() == 10) {
            // 2006/09/15
            if (!number(t.substr(0, 4), f.year) || !number(t.substr(5, 2), f.month) ||
                !number(t.substr(8, 2), f.day) || t[4] != '/' || t[7] != '/')
                return std::nullopt;
        } else if (all_digits(t)) {
            numbers.push_back(t);
        } else if (!have_zone && (numeric_offset(t, f.offset) || named_zone(t, f.offset))) {
            have_zone = true;
        } else {
            return std::nullopt;
        }
    }
    if (f.year < 0) {
        if (numbers.size() != 2 || f.month < 0) return std::nullopt;
        // The year is the four-digit number, else the second.
        bool first_is_year = numbers[0].size() >= 3;
        std::string_view y = first_is_year ? numbers[0] : numbers[1];
        std::string_view d = first_is_year ? numbers[1] : numbers[0];
        int yv = 0;
        if (d.size() > 2 || !number(d, f.day) || !number(y, yv)) return std::nullopt;
        f.year = full_year(y, yv);
    } else if (!numbers.empty()) {
        return std::nullopt;
    }
    // A Korean date without a zone is on Korean time (as feedparser reads it).
    if (!have_zone && text.find("년") != std::string_view::npos) f.offset = 9 * 3600;
    if (half_day) {
        if (f.hour < 1 || f.hour > 12) return std::nullopt;
        f.hour = f.hour % 12 + (half_day == 2 ? 12 : 0);
    }
    return to_time(f);
}

// ---- W3CDTF / ISO 8601 ------------------------------------------------------------

struct Cursor {
    std::string_view s;
    std::size_t i = 0;

    // Between min and max digits.
    bool digits(std::size_t min, std::size_t max, int& out) {
        std::size_t n = 0;
        while (i + n < s.size() && n < max && s[i + n] >= '0' && s[i + n] <= '9')
            ++n;
        if (n < min) return false;
        std::from_chars(s.data() + i, s.data() + i + n, out);
        i += n;
        return true;
    }
    bool eat(char c) {
        if (i < s.size() && s[i] == c) return ++i, true;
        return false;
    }
    bool done() const { return i == s.size(); }
    std::string_view rest() const { return s.substr(i); }
};

bool iso_zone(Cursor& c, Fields& f) {
    c.eat(' ');
    if (c.done()) return true;
    if (c.eat('Z') || c.eat('z')) return c.done();
    return numeric_offset(c.rest(), f.offset);
}

bool iso_time(Cursor& c, Fields& f) {
    if (!c.digits(1, 2, f.hour)) return false;
    bool extended = c.eat(':');
    if (!c.digits(2, 2, f.minute)) return false;
    if ((extended ? c.eat(':')
                  : c.i < c.s.size() && std::isdigit(static_cast<unsigned char>(c.s[c.i]))) &&
        !c.digits(2, 2, f.second))
        return false;
    if (c.eat('.') || c.eat(','))
        while (!c.done() && std::isdigit(static_cast<unsigned char>(c.s[c.i])))
            ++c.i;
    return iso_zone(c, f);
}

// 2003-12-31T10:14:55.5+08:00, 2003-12, 2003, 20031231T101455Z, 03-12-31,
// 2004-07-08 23:56:58 -00:20 (MSSQL), and "2003-012-31" (a 3-digit month).
std::optional<ZonedTime> parse_iso8601(std::string_view text) {
    Cursor c{text};
    Fields f;
    f.month = f.day = 1;
    int first = 0;
    std::size_t start = c.i;
    if (!c.digits(2, 8, first)) return std::nullopt;
    std::size_t width = c.i - start;
    if (width == 8) { // basic format: YYYYMMDD
        f.year = first / 10000, f.month = first / 100 % 100, f.day = first % 100;
    } else if (width == 4 || width == 2) {
        f.year = width == 2 ? full_year("00", first) : first;
        if (c.eat('-')) {
            if (!c.digits(1, 3, f.month)) return std::nullopt;
            if (c.eat('-') && !c.digits(1, 2, f.day)) return std::nullopt;
        } else if (width == 2) {
            return std::nullopt; // a bare two-digit number is no date
        }
    } else if (width == 6) { // YYMMDD
        f.year = full_year("00", first / 10000), f.month = first / 100 % 100, f.day = first % 100;
    } else {
        return std::nullopt;
    }
    if (c.eat('T') || c.eat('t') || (c.eat(' ') && !c.done())) {
        if (!iso_time(c, f)) return std::nullopt;
    } else if (!c.done()) {
        return std::nullopt;
    }
    return to_time(f);
}

// Korean blogging tools: "2004-05-25 오후 11:23:17" (오전 am, 오후 pm) and
// "2004년 05월 28일  01:31:15", both in Korean time.
std::optional<ZonedTime> parse_korean(std::string_view text) {
    bool pm = text.find("오후") != std::string_view::npos;
    bool am = text.find("오전") != std::string_view::npos;
    // The date marks and the am/pm words become spaces.
    std::string s;
    for (std::size_t i = 0; i < text.size();) {
        bool mark = false;
        for (std::string_view m : {"년", "월", "일", "오후", "오전"})
            if (text.substr(i, m.size()) == m) {
                s += ' ';
                i += m.size();
                mark = true;
                break;
            }
        if (!mark) s += text[i++];
    }
    std::replace(s.begin(), s.end(), '-', ' ');
    Fields f;
    auto tokens = split_words(s);
    if (tokens.size() != 4 || tokens[0].size() != 4 || !number(tokens[0], f.year) ||
        !number(tokens[1], f.month) || !number(tokens[2], f.day) || !clock(tokens[3], f))
        return std::nullopt;
    if (pm && f.hour < 12) f.hour += 12;
    if (am && f.hour == 12) f.hour = 0;
    f.offset = 9 * 3600;
    return to_time(f);
}

// Hungarian: "2004-július-13T9:15-05:00".
std::optional<ZonedTime> parse_hungarian(std::string_view text) {
    auto d1 = text.find('-');
    auto d2 = d1 == std::string_view::npos ? d1 : text.find('-', d1 + 1);
    if (d2 == std::string_view::npos) return std::nullopt;
    int m = month_named(text.substr(d1 + 1, d2 - d1 - 1));
    if (!m) return std::nullopt;
    return parse_iso8601(fmt::format("{}-{:02}{}", text.substr(0, d1), m, text.substr(d2)));
}

} // namespace

std::optional<ZonedTime> parse_zoned_date(std::string_view text) {
    while (!text.empty() && std::isspace(static_cast<unsigned char>(text.front())))
        text.remove_prefix(1);
    while (!text.empty() && std::isspace(static_cast<unsigned char>(text.back())))
        text.remove_suffix(1);
    if (text.empty() || text.size() > 100) return std::nullopt;
    if (auto t = parse_iso8601(text)) return t;
    if (auto t = parse_rfc822(text)) return t;
    if (auto t = parse_hungarian(text)) return t;
    return parse_korean(text);
}

std::optional<std::time_t> parse_date(std::string_view text) {
    auto z = parse_zoned_date(text);
    return z ? std::optional<std::time_t>(z->time) : std::nullopt;
}

std::string iso8601_local(std::time_t t, long offset) {
    if (offset == 0) return iso8601_utc(t); // "Z": the same instant and clock
    std::time_t wall = t + offset;
    std::tm tm{};
    gmtime_r(&wall, &tm);
    long minutes = (offset < 0 ? -offset : offset) / 60;
    return fmt::format("{:04}-{:02}-{:02}T{:02}:{:02}:{:02}{}{:02}:{:02}", tm.tm_year + 1900,
                       tm.tm_mon + 1, tm.tm_mday, tm.tm_hour, tm.tm_min, tm.tm_sec,
                       offset < 0 ? '-' : '+', minutes / 60, minutes % 60);
}

std::optional<long> parse_offset_of(std::string_view iso) {
    auto z = parse_zoned_date(iso);
    return z ? std::optional<long>(z->offset) : std::nullopt;
}

std::string iso8601_utc(std::time_t t) {
    std::tm tm{};
    gmtime_r(&t, &tm);
    return fmt::format("{:04}-{:02}-{:02}T{:02}:{:02}:{:02}Z", tm.tm_year + 1900, tm.tm_mon + 1,
                       tm.tm_mday, tm.tm_hour, tm.tm_min, tm.tm_sec);
}

} // namespace morgue
