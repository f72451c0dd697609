#include "url.hpp"

#include <curl/curl.h>
#include <memory>

namespace morgue {

namespace {

using Url = std::unique_ptr<CURLU, decltype(&curl_url_cleanup)>;

std::string get(CURLU* u, CURLUPart part = CURLUPART_URL) {
    char* out = nullptr;
    if (curl_url_get(u, part, &out, 0) != CURLUE_OK) return {};
    std::string s(out);
    curl_free(out);
    return s;
}

} // namespace

bool is_web_url(std::string_view url) {
    auto starts = [&](std::string_view p) {
        if (url.size() < p.size()) return false;
        for (std::size_t i = 0; i < p.size(); ++i)
            if (std::tolower(static_cast<unsigned char>(url[i])) != p[i]) return false;
        return true;
    };
    return starts("http://") || starts("https://");
}

std::string resolve_url(std::string_view base, std::string_view ref) {
    std::string r(ref), b(base);
    Url u(curl_url(), curl_url_cleanup);
    // A URL with a scheme stands alone; CURLU_NON_SUPPORT_SCHEME keeps tag:
    // and urn: style references intact instead of rejecting them.
    if (curl_url_set(u.get(), CURLUPART_URL, r.c_str(), CURLU_NON_SUPPORT_SCHEME) == CURLUE_OK)
        return get(u.get());
    if (b.empty() ||
        curl_url_set(u.get(), CURLUPART_URL, b.c_str(), CURLU_NON_SUPPORT_SCHEME) != CURLUE_OK)
        return r;
    if (curl_url_set(u.get(), CURLUPART_URL, r.c_str(), CURLU_NON_SUPPORT_SCHEME) != CURLUE_OK)
        return r;
    return get(u.get());
}

UrlParts url_parts(std::string_view url) {
    Url u(curl_url(), curl_url_cleanup);
    std::string s(url);
    if (curl_url_set(u.get(), CURLUPART_URL, s.c_str(), 0) != CURLUE_OK) return {};
    UrlParts p;
    std::string scheme = get(u.get(), CURLUPART_SCHEME), port = get(u.get(), CURLUPART_PORT);
    p.host = get(u.get(), CURLUPART_HOST);
    for (char& c : p.host)
        c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    p.origin = scheme + "://" + p.host + (port.empty() ? "" : ":" + port);
    p.path = get(u.get(), CURLUPART_PATH);
    if (std::string q = get(u.get(), CURLUPART_QUERY); !q.empty()) p.path += "?" + q;
    if (p.path.empty()) p.path.push_back('/'); // (not = "/": a false -Wrestrict in GCC 12 at -O3)
    return p;
}

} // namespace morgue
