// URL resolution with libcurl's URL API (xml:base and relative links).
#pragma once

#include <string>
#include <string_view>

namespace morgue {

// `ref` resolved against `base` (RFC 3986); `ref` itself when it is absolute
// or `base` is empty or unusable; empty when neither makes a URL.
std::string resolve_url(std::string_view base, std::string_view ref);

bool is_web_url(std::string_view url); // http: or https:

} // namespace morgue
