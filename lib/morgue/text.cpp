#include "morgue/text.hpp"

#include <fmt/format.h>
#include <xapian.h>
#include <xxhash.h>

namespace morgue {

std::string casefold(std::string_view text) {
    std::string out;
    out.reserve(text.size());
    for (Xapian::Utf8Iterator it(text.data(), text.size()); it != Xapian::Utf8Iterator(); ++it)
        Xapian::Unicode::append_utf8(out, Xapian::Unicode::tolower(*it));
    return out;
}

std::string hash_hex(std::string_view data, std::uint64_t seed) {
    return fmt::format("{:016x}", XXH64(data.data(), data.size(), seed));
}

std::string ascii_lower(std::string_view text) {
    std::string out(text);
    for (char& c : out)
        c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    return out;
}

std::vector<std::string_view> split_words(std::string_view text) {
    std::vector<std::string_view> out;
    std::size_t i = 0;
    while (i < text.size()) {
        while (i < text.size() && text[i] == ' ')
            ++i;
        std::size_t start = i;
        while (i < text.size() && text[i] != ' ')
            ++i;
        if (i > start) out.push_back(text.substr(start, i - start));
    }
    return out;
}

std::vector<std::string_view> split_lines(std::string_view text) {
    std::vector<std::string_view> out;
    std::size_t start = 0;
    while (start < text.size()) {
        std::size_t end = std::min(text.find('\n', start), text.size());
        out.push_back(text.substr(start, end - start));
        start = end + 1;
    }
    return out;
}

std::string collapse_spaces(std::string_view text) {
    std::string out;
    out.reserve(text.size());
    bool space = false;
    for (char c : text) {
        if (c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v') {
            space = !out.empty();
            continue;
        }
        if (space) out += ' ';
        space = false;
        out += c;
    }
    return out;
}

namespace {
bool is_continuation(unsigned char c) {
    return (c & 0xC0) == 0x80;
}
} // namespace

std::string truncate_text(std::string_view text, std::size_t max_bytes) {
    if (text.size() <= max_bytes) return std::string(text);
    std::size_t cut = max_bytes;
    while (cut > 0 && is_continuation(text[cut]))
        --cut;
    // Prefer ending on a word boundary unless that would lose much.
    std::size_t space = text.rfind(' ', cut);
    if (space != std::string_view::npos && space > cut * 3 / 4) cut = space;
    std::string out(text.substr(0, cut));
    while (!out.empty() && out.back() == ' ')
        out.pop_back();
    return out + "…";
}

namespace {

// The C1 control (0x80-0x9F) encoded at text[i] (as C2 xx), or 0.
unsigned c1_at(std::string_view text, std::size_t i) {
    if (text[i] != '\xC2' || i + 1 >= text.size()) return 0;
    auto next = static_cast<unsigned char>(text[i + 1]);
    return next >= 0x80 && next <= 0x9F ? next : 0;
}

// Bytes of the control character at text[i] that strip_controls removes, or 0.
std::size_t control_at(std::string_view text, std::size_t i) {
    auto c = static_cast<unsigned char>(text[i]);
    if ((c < 0x20 && c != '\t' && c != '\n') || c == 0x7F) return 1;
    return c1_at(text, i) ? 2 : 0;
}

} // namespace

void replace_c1_controls(std::string& text) {
    // windows-1252 0x80-0x9F; 0 where it defines nothing.
    static constexpr char32_t cp1252[32] = {
        0x20AC, 0,      0x201A, 0x0192, 0x201E, 0x2026, 0x2020, 0x2021, 0x02C6, 0x2030, 0x0160,
        0x2039, 0x0152, 0,      0x017D, 0,      0,      0x2018, 0x2019, 0x201C, 0x201D, 0x2022,
        0x2013, 0x2014, 0x02DC, 0x2122, 0x0161, 0x203A, 0x0153, 0,      0x017E, 0x0178};
    if (text.find('\xC2') == std::string::npos) return;
    std::string out;
    out.reserve(text.size());
    for (std::size_t i = 0; i < text.size(); ++i) {
        if (unsigned c1 = c1_at(text, i)) {
            if (char32_t c = cp1252[c1 - 0x80]) Xapian::Unicode::append_utf8(out, c);
            ++i;
        } else {
            out += text[i];
        }
    }
    text = std::move(out);
}

void strip_controls_in_place(std::string& text) {
    // Stray bytes first: removing a control between "\xC2" and "\x9B" would
    // join them into a new C1 control (found by the query fuzz target).
    repair_utf8(text);
    // Text without controls (nearly all of it) is only scanned.
    std::size_t i = 0;
    while (i < text.size() && !control_at(text, i))
        ++i;
    std::size_t kept = i;
    while (i < text.size()) {
        if (std::size_t n = control_at(text, i)) {
            i += n;
            continue;
        }
        text[kept++] = text[i++];
    }
    text.resize(kept);
}

std::string strip_controls(std::string_view text) {
    std::string out(text);
    strip_controls_in_place(out);
    return out;
}

std::string escape_json_controls(std::string_view json) {
    std::string out;
    out.reserve(json.size());
    for (std::size_t i = 0; i < json.size(); ++i) {
        if (json[i] == '\x7F') {
            out += "\\u007f";
        } else if (unsigned c1 = c1_at(json, i)) {
            out += fmt::format("\\u{:04x}", c1);
            ++i;
        } else {
            out += json[i];
        }
    }
    return out;
}

std::string one_line(std::string_view text) {
    return collapse_spaces(strip_controls(text));
}

namespace {

// Length of the valid UTF-8 sequence at p, or 0.
std::size_t valid_sequence(const unsigned char* p, const unsigned char* end) {
    unsigned c = *p;
    if (c < 0x80) return 1;
    std::size_t len = (c >> 5) == 6 ? 2 : (c >> 4) == 14 ? 3 : (c >> 3) == 30 ? 4 : 0;
    if (len == 0 || static_cast<std::size_t>(end - p) < len) return 0;
    for (std::size_t i = 1; i < len; ++i)
        if (!is_continuation(p[i])) return 0;
    // Reject overlong forms, surrogates and code points past U+10FFFF.
    unsigned cp = len == 2 ? (c & 0x1F) : len == 3 ? (c & 0x0F) : (c & 0x07);
    for (std::size_t i = 1; i < len; ++i)
        cp = (cp << 6) | (p[i] & 0x3F);
    bool ok = (len == 2 && cp >= 0x80) ||
              (len == 3 && cp >= 0x800 && (cp < 0xD800 || cp > 0xDFFF)) ||
              (len == 4 && cp >= 0x10000 && cp <= 0x10FFFF);
    return ok ? len : 0;
}

} // namespace

std::size_t repair_utf8(std::string& text) {
    const auto* begin = reinterpret_cast<const unsigned char*>(text.data());
    const auto* end = begin + text.size();
    const auto* p = begin;
    // Most text is valid: scan without copying until the first bad byte.
    while (p < end) {
        std::size_t len = valid_sequence(p, end);
        if (len == 0) break;
        p += len;
    }
    if (p == end) return 0;
    std::string out(reinterpret_cast<const char*>(begin), p - begin);
    std::size_t bad = 0;
    while (p < end) {
        if (std::size_t len = valid_sequence(p, end)) {
            out.append(reinterpret_cast<const char*>(p), len);
            p += len;
        } else {
            out += "\xEF\xBF\xBD";
            ++bad;
            ++p;
        }
    }
    text = std::move(out);
    return bad;
}

std::string html_escape(std::string_view text) {
    std::string out;
    out.reserve(text.size() + text.size() / 8);
    for (char c : text) {
        switch (c) {
        case '&':
            out += "&amp;";
            break;
        case '<':
            out += "&lt;";
            break;
        case '>':
            out += "&gt;";
            break;
        case '"':
            out += "&quot;";
            break;
        case '\'':
            out += "&#39;";
            break;
        default:
            out += c;
        }
    }
    return out;
}

} // namespace morgue
