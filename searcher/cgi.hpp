// morgue-searcher as a CGI program (when GATEWAY_INTERFACE is set, or when
// it is called morgue.cgi): one request from the environment (RFC 3875), one
// HTTP response on stdout.  Bad requests get 4xx with a message; a missing or
// failing database gets a plain 503, with the detail on stderr (the web
// server's error log).
#pragma once

namespace morgue {

// Returns the process exit status: 0 whenever a response was written.
int run_cgi();

} // namespace morgue
