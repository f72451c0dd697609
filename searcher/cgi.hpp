// morgue-searcher as a CGI program (when GATEWAY_INTERFACE is set, or when
// it is called morgue.cgi): one request from the environment (RFC 3875), one
// HTTP response on stdout.  Bad requests get 4xx with a message; a missing or
// failing database gets a plain 503, with the detail on stderr (the web
// server's error log).  fastcgi.hpp answers many requests the same way.
#pragma once

#include "cgi_config.hpp"
#include "morgue/database.hpp"
#include "search.hpp"

#include <functional>
#include <string>

namespace morgue {

// Returns the process exit status: 0 whenever a response was written.
int run_cgi();

// The archive a request searches: opened for it (CGI), or kept open and
// brought up to date (FastCGI).  Throws DatabaseError when there is none.
using OpenArchive = std::function<ReadDatabase&()>;

// The request in the environment (CGI's variables) answered: the whole
// response as CGI writes it, status line, headers and body.  `config` null:
// the configuration could not be read (405 still, else 503).  `resident`: a
// resident process's memory of earlier requests (search.hpp), or none.
// Never throws.
std::string cgi_answer(const CgiConfig* config, const OpenArchive& archive,
                       ResidentMemory* resident = nullptr);

// The 503 a request that outlived the time limit gets.
std::string cgi_too_long();

} // namespace morgue
