#include "encoding.hpp"

#include "morgue/errors.hpp"
#include "morgue/text.hpp"

#include <algorithm>
#include <cerrno>
#include <fmt/format.h>
#include <iconv.h>
#include <memory>
#include <uchardet/uchardet.h>

namespace morgue {

namespace {

std::string_view trim(std::string_view s) {
    while (!s.empty() && (s.front() == ' ' || s.front() == '\t'))
        s.remove_prefix(1);
    while (!s.empty() && (s.back() == ' ' || s.back() == '\t'))
        s.remove_suffix(1);
    return s;
}

// Labels as feeds write them -> the name Morgue reports and the iconv codec
// that decodes them.  Legacy labels decode as the superset browsers use, so
// that "iso-8859-1" feeds full of windows-1252 smart quotes read right.
struct Charset {
    std::string label, codec;
};

Charset charset_for(std::string_view declared) {
    std::string l = ascii_lower(trim(declared));
    if (l == "utf8") l = "utf-8";
    if (l == "iso-8859-1" || l == "iso8859-1" || l == "latin1" || l == "latin-1" ||
        l == "us-ascii" || l == "ascii" || l == "windows-1252" || l == "cp1252")
        return {l, "WINDOWS-1252"};
    if (l == "gb2312" || l == "gbk" || l == "x-gbk" || l == "euc-cn" || l == "gb18030" ||
        l == "cp936")
        return {"gb18030", "GB18030"};
    if (l == "big5" || l == "cp950" || l == "x-x-big5") return {l, "CP950"};
    if (l == "shift_jis" || l == "sjis" || l == "x-sjis" || l == "ms_kanji" || l == "cp932")
        return {l, "CP932"};
    if (l == "euc-kr" || l == "cp949" || l == "ks_c_5601-1987") return {l, "CP949"};
    return {l, l};
}

bool valid_utf8(std::string_view s) {
    std::string copy(s);
    return repair_utf8(copy) == 0;
}

// The encoding="..." of an XML declaration in an ASCII-compatible document.
std::string declared_encoding(std::string_view raw) {
    if (!raw.starts_with("<?xml")) return {};
    std::string_view decl = raw.substr(0, raw.find("?>"));
    auto at = decl.find("encoding");
    if (at == std::string_view::npos) return {};
    decl.remove_prefix(at + 8);
    decl = trim(decl);
    if (decl.empty() || decl.front() != '=') return {};
    decl = trim(decl.substr(1));
    if (decl.empty() || (decl.front() != '"' && decl.front() != '\'')) return {};
    auto end = decl.find(decl.front(), 1);
    return end == std::string_view::npos ? std::string() : std::string(decl.substr(1, end - 1));
}

// UTF-16/32 without a byte-order mark: "<?" spelled with NULs.
std::string sniff_wide(std::string_view raw) {
    auto is = [&](const char* bytes, std::size_t n) {
        return raw.substr(0, n) == std::string_view(bytes, n);
    };
    if (is("\0\0\0<", 4)) return "utf-32be";
    if (is("<\0\0\0", 4)) return "utf-32le";
    if (is("\0<\0?", 4)) return "utf-16be";
    if (is("<\0?\0", 4)) return "utf-16le";
    return {};
}

std::string guess(std::string_view raw) {
    std::unique_ptr<std::remove_pointer_t<uchardet_t>, void (*)(uchardet_t)> ud(uchardet_new(),
                                                                                uchardet_delete);
    uchardet_handle_data(ud.get(), raw.data(), raw.size());
    uchardet_data_end(ud.get());
    std::string cs = ascii_lower(uchardet_get_charset(ud.get()));
    return cs.empty() || cs == "ascii" ? "windows-1252" : cs;
}

std::size_t unit_size(std::string_view codec) {
    if (codec.starts_with("utf-32") || codec.starts_with("UTF-32")) return 4;
    if (codec.starts_with("utf-16") || codec.starts_with("UTF-16")) return 2;
    return 1;
}

// iconv with U+FFFD for what does not decode; returns how many replacements.
std::size_t convert(std::string_view in, const std::string& codec, std::string& out) {
    iconv_t cd = iconv_open("UTF-8", codec.c_str());
    if (cd == reinterpret_cast<iconv_t>(-1))
        throw InputError(fmt::format("unknown character encoding \"{}\"", codec));
    std::size_t bad = 0, step = unit_size(codec);
    char* src = const_cast<char*>(in.data());
    std::size_t src_left = in.size();
    char buffer[16384];
    while (src_left > 0) {
        char* dst = buffer;
        std::size_t dst_left = sizeof buffer;
        std::size_t r = iconv(cd, &src, &src_left, &dst, &dst_left);
        out.append(buffer, dst - buffer);
        if (r != static_cast<std::size_t>(-1) || errno == E2BIG) continue;
        out += "\xEF\xBF\xBD";
        ++bad;
        std::size_t skip = std::min(step, src_left); // EILSEQ, or EINVAL: cut short at the end
        src += skip;
        src_left -= skip;
    }
    iconv_close(cd);
    return bad;
}

} // namespace

std::string charset_of_content_type(std::string_view ct) {
    std::string l = ascii_lower(ct);
    auto at = l.find("charset=");
    if (at == std::string::npos) return {};
    std::string_view v = std::string_view(l).substr(at + 8);
    v = v.substr(0, v.find(';'));
    v = trim(v);
    if (!v.empty() && (v.front() == '"' || v.front() == '\'')) v.remove_prefix(1);
    if (!v.empty() && (v.back() == '"' || v.back() == '\'')) v.remove_suffix(1);
    return std::string(trim(v));
}

Decoded decode_feed(std::string_view raw, std::string_view http_charset) {
    Decoded d;
    std::string label;
    if (raw.starts_with("\xEF\xBB\xBF")) {
        raw.remove_prefix(3), label = "utf-8";
    } else if (raw.starts_with(std::string_view("\x00\x00\xFE\xFF", 4))) {
        raw.remove_prefix(4), label = "utf-32be";
    } else if (raw.starts_with(std::string_view("\xFF\xFE\x00\x00", 4))) {
        raw.remove_prefix(4), label = "utf-32le";
    } else if (raw.starts_with("\xFE\xFF")) {
        raw.remove_prefix(2), label = "utf-16be";
    } else if (raw.starts_with("\xFF\xFE")) {
        raw.remove_prefix(2), label = "utf-16le";
    } else if (!http_charset.empty()) {
        label = http_charset;
    } else if (auto wide = sniff_wide(raw); !wide.empty()) {
        label = wide;
    } else if (auto declared = declared_encoding(raw); !declared.empty()) {
        label = declared;
    } else if (valid_utf8(raw)) {
        label = "utf-8";
    } else {
        label = guess(raw);
        d.warnings.push_back(
            fmt::format("no charset declared and not UTF-8; read as {} (guessed)", label));
    }
    Charset cs = charset_for(label);
    // A declared "utf-16" in a file whose bytes are 8-bit is a lie; so is
    // any declaration iconv does not know.  Fall back rather than fail.
    if (unit_size(cs.codec) > 1 && raw.find('\0') == std::string_view::npos)
        cs = {"utf-8", "utf-8"};
    iconv_t probe = iconv_open("UTF-8", cs.codec.c_str());
    if (probe == reinterpret_cast<iconv_t>(-1)) {
        std::string fallback = valid_utf8(raw) ? "utf-8" : guess(raw);
        d.warnings.push_back(fmt::format("unknown charset \"{}\"; read as {}", label, fallback));
        cs = charset_for(fallback);
    } else {
        iconv_close(probe);
    }
    d.encoding = cs.label;
    std::size_t bad = 0;
    if (cs.codec == "utf-8") {
        d.text = raw;
        bad = repair_utf8(d.text);
    } else {
        bad = convert(raw, cs.codec, d.text);
    }
    if (d.text.starts_with("\xEF\xBB\xBF")) d.text.erase(0, 3);
    if (bad)
        d.warnings.push_back(fmt::format("{} byte sequence{} not valid {} replaced by U+FFFD", bad,
                                         bad == 1 ? "" : "s", cs.label));
    return d;
}

} // namespace morgue
