// Small UTF-8 text helpers shared by the indexer and the searcher.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace morgue {

// Unicode lower-casing, used for keyword terms so that "Thorbecke" and
// "THORBECKE" are one columnist.
std::string casefold(std::string_view text);

// ASCII-only lower case, for keywords and names in protocols (charsets, zones).
std::string ascii_lower(std::string_view text);

// The space-separated words of `text` (views into it).
std::vector<std::string_view> split_words(std::string_view text);

// The '\n'-separated lines of `text` (views into it), empty ones included;
// none for an empty text.
std::vector<std::string_view> split_lines(std::string_view text);

// Collapses runs of whitespace to one space and trims both ends.
std::string collapse_spaces(std::string_view text);

// At most `max_bytes` bytes, cut at a character boundary (and at a word
// boundary when one is near), with "…" appended when anything was cut.
std::string truncate_text(std::string_view text, std::size_t max_bytes);

// A stable 64-bit hash (XXH64) as 16 hex digits, for identities and change
// detection; not for security.
std::string hash_hex(std::string_view data, std::uint64_t seed = 0);

// Replaces C1 control characters (U+0080-U+009F), which in feeds are almost
// always windows-1252 punctuation mislabelled (U+0092 meant ’), with what
// windows-1252 means by them.
void replace_c1_controls(std::string& text);

// `text` without C0 controls (but tab and newline), DEL and C1 controls
// (U+0080-U+009F): what a feed or a server sends must never drive the
// operator's terminal (ESC sequences) nor make XML output ill-formed.
// Invalid UTF-8 becomes U+FFFD first, so that what is left is valid.
std::string strip_controls(std::string_view text);
void strip_controls_in_place(std::string& text); // the same, without a copy when clean
// The same, for one-line text from a server (headers, URLs, messages): tabs
// and newlines too become spaces, collapsed.
std::string one_line(std::string_view text);

// JSON text with DEL and C1 controls written as \u escapes: JSON allows
// them raw, a terminal does not.  For output that must keep them (an
// export's original items); lossless.
std::string escape_json_controls(std::string_view json);

// Replaces invalid UTF-8 sequences with U+FFFD; returns how many it replaced.
std::size_t repair_utf8(std::string& text);

// Text for HTML element content or a quoted attribute: & < > " ' escaped.
std::string html_escape(std::string_view text);

} // namespace morgue
