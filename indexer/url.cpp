#include "url.hpp"

#include <curl/curl.h>
#include <memory>

namespace morgue {

namespace {

using Url = std::unique_ptr<CURLU, decltype(&curl_url_cleanup)>;

std::string get(CURLU* u) {
    char* out = nullptr;
    if (curl_url_get(u, CURLUPART_URL, &out, 0) != CURLUE_OK) return {};
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

} // namespace morgue
