// morgue-searcher as a FastCGI application, told apart by how it is started:
// a web server (lighttpd's mod_fastcgi, Apache's mod_fcgid, spawn-fcgi)
// starts it with a listening socket on fd 0.  One process answers request
// after request as CGI would (cgi.hpp), reading its configuration once and
// keeping the archive open: before each request it checks whether the
// archive has been committed to or switched to a new generation (compact,
// rebuild: the directory exchanged by renameat2) and reopens it if so, so
// that no request is answered from a generation older than the last switch.
// A request's failure is that request's 503; the process goes on.
#pragma once

namespace morgue {

// True when fd 0 is a listening socket, as a FastCGI server leaves it.
bool started_as_fastcgi();

// Serves until the server closes the socket or stops the process; returns
// the exit status.
int run_fastcgi();

} // namespace morgue
