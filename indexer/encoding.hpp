// Feed bytes to UTF-8.  The charset comes from, in order: a byte-order mark,
// the HTTP Content-Type charset, the XML declaration, valid UTF-8, and last a
// guess by uchardet.  Bytes that do not decode become U+FFFD with a warning.
#pragma once

#include <string>
#include <string_view>
#include <vector>

namespace morgue {

struct Decoded {
    std::string text;     // UTF-8, without a byte-order mark
    std::string encoding; // what the input was read as, lower case ("big5", "utf-8")
    std::vector<std::string> warnings;
};

Decoded decode_feed(std::string_view raw, std::string_view http_charset = {});

// The charset parameter of a Content-Type header value, lower case, unquoted;
// empty when there is none.
std::string charset_of_content_type(std::string_view content_type);

} // namespace morgue
