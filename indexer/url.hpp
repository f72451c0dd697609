// URL resolution with libcurl's URL API (xml:base and relative links).
#pragma once

#include <string>
#include <string_view>

namespace morgue {

// `ref` resolved against `base` (RFC 3986); `ref` itself when it is absolute
// or `base` is empty or unusable; empty when neither makes a URL.
std::string resolve_url(std::string_view base, std::string_view ref);

bool is_web_url(std::string_view url); // http: or https:

// What robots.txt and per-host politeness need of a URL: its origin
// ("https://example.com:8443", lower case) and its path with the query
// ("/news/a?x=1"); empty origin when it is no URL.
struct UrlParts {
    std::string origin, host, path;
};
UrlParts url_parts(std::string_view url);

} // namespace morgue
