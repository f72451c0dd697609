#include "address_policy.hpp"

#include <arpa/inet.h>
#include <array>
#include <cstdint>
#include <curl/curl.h>
#include <memory>

namespace morgue {

namespace {

bool internal_v4(std::uint32_t a) { // host byte order
    auto in = [&](std::uint32_t net, int bits) {
        return (a >> (32 - bits)) == (net >> (32 - bits));
    };
    return in(0x00000000, 8)     // "this network", 0.0.0.0
           || in(0x0A000000, 8)  // 10/8 private
           || in(0x64400000, 10) // 100.64/10 carrier-grade NAT
           || in(0x7F000000, 8)  // loopback
           || in(0xA9FE0000, 16) // link-local (cloud metadata at 169.254.169.254)
           || in(0xAC100000, 12) // 172.16/12 private
           || in(0xC0000000, 24) // IETF protocol assignments
           || in(0xC0A80000, 16) // 192.168/16 private
           || in(0xC6120000, 15) // 198.18/15 benchmarking
           || in(0xE0000000, 4)  // multicast
           || in(0xF0000000, 4); // reserved, broadcast
}

bool internal_v6(const std::array<unsigned char, 16>& b) {
    auto zeros = [&](int n) {
        for (int i = 0; i < n; ++i)
            if (b[i]) return false;
        return true;
    };
    auto v4_at_end = [&] {
        return internal_v4(std::uint32_t(b[12]) << 24 | std::uint32_t(b[13]) << 16 |
                           std::uint32_t(b[14]) << 8 | b[15]);
    };
    if (zeros(15) && b[15] <= 1) return true;                            // :: and ::1
    if (zeros(10) && b[10] == 0xFF && b[11] == 0xFF) return v4_at_end(); // ::ffff:a.b.c.d
    if (zeros(12)) return true; // deprecated IPv4-compatible ::a.b.c.d
    bool nat64 = b[0] == 0 && b[1] == 0x64 && b[2] == 0xFF && b[3] == 0x9B;
    for (int i = 4; nat64 && i < 12; ++i)
        nat64 = b[i] == 0;
    if (nat64) return v4_at_end();                          // 64:ff9b::a.b.c.d
    if ((b[0] & 0xFE) == 0xFC) return true;                 // fc00::/7 unique local
    if (b[0] == 0xFE && (b[1] & 0xC0) == 0x80) return true; // fe80::/10 link-local
    if (b[0] == 0xFE && (b[1] & 0xC0) == 0xC0) return true; // fec0::/10 site-local
    if (b[0] == 0xFF) return true;                          // multicast
    return false;
}

using Url = std::unique_ptr<CURLU, decltype(&curl_url_cleanup)>;

Url parsed(const std::string& url) {
    Url u(curl_url(), curl_url_cleanup);
    if (curl_url_set(u.get(), CURLUPART_URL, url.c_str(), 0) != CURLUE_OK) u.reset();
    return u;
}

std::string part(CURLU* u, CURLUPart which, unsigned flags = 0) {
    char* out = nullptr;
    if (curl_url_get(u, which, &out, flags) != CURLUE_OK) return {};
    std::string s(out);
    curl_free(out);
    return s;
}

bool same_origin(CURLU* a, CURLU* b) {
    for (CURLUPart p : {CURLUPART_SCHEME, CURLUPART_HOST})
        if (part(a, p) != part(b, p)) return false;
    return part(a, CURLUPART_PORT, CURLU_DEFAULT_PORT) ==
           part(b, CURLUPART_PORT, CURLU_DEFAULT_PORT);
}

} // namespace

bool is_internal_address(std::string_view ip) {
    std::string text(ip);
    if (text.size() > 2 && text.front() == '[' && text.back() == ']')
        text = text.substr(1, text.size() - 2);
    if (auto pct = text.find('%'); pct != std::string::npos) text.resize(pct); // fe80::1%eth0
    in_addr v4{};
    if (inet_pton(AF_INET, text.c_str(), &v4) == 1) return internal_v4(ntohl(v4.s_addr));
    std::array<unsigned char, 16> v6{};
    if (inet_pton(AF_INET6, text.c_str(), v6.data()) == 1) return internal_v6(v6);
    return true; // not an address: never trusted
}

std::string redirect_url(const std::string& from, const std::string& to) {
    Url a = parsed(from), b = parsed(to);
    if (!a || !b) return to;
    // Each hop gets a fresh libcurl handle, so credentials go on only here.
    std::string user = part(a.get(), CURLUPART_USER), password = part(a.get(), CURLUPART_PASSWORD);
    if (user.empty() || !same_origin(a.get(), b.get()) || !part(b.get(), CURLUPART_USER).empty())
        return to;
    curl_url_set(b.get(), CURLUPART_USER, user.c_str(), 0);
    if (!password.empty()) curl_url_set(b.get(), CURLUPART_PASSWORD, password.c_str(), 0);
    return part(b.get(), CURLUPART_URL);
}

} // namespace morgue
