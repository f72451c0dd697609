// Where a fetch may go (README, "Fetching: addresses and redirects").  A feed
// URL may be on any address the operator lists, internal ones included; a
// redirect may not lead from a public address to an internal one (loopback,
// private, link-local, multicast, unspecified or reserved; IPv4 and IPv6),
// which would let a feed's server reach the operator's own network.  The
// fetcher checks the address libcurl actually connected to, before a request
// is sent, so that DNS tricks do not get around it.
#pragma once

#include <string>
#include <string_view>

namespace morgue {

// True for a numeric address (as libcurl reports it) that is not public;
// also for text that is not an address at all.
bool is_internal_address(std::string_view ip);

// The URL to fetch for a redirect from `from` to `to`: credentials
// (user:password@) in `from` go on to `to` only when both have the same
// scheme, host and port; never to another host.
std::string redirect_url(const std::string& from, const std::string& to);

} // namespace morgue
