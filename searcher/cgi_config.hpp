// Where the CGI page finds its database and templates: from the server's
// environment or a small file, never from the request.  The environment wins
// (MORGUE_DB, MORGUE_TEMPLATES); the file is $MORGUE_CONFIG, else morgue.conf
// beside the script (SCRIPT_FILENAME), else /etc/morgue/morgue.conf, and may
// be absent.  Templates default to the installed ones (install_paths.hpp).
// Lines are "key = value"; '#' starts a comment.
#pragma once

#include <string>
#include <string_view>

namespace morgue {

struct CgiConfig {
    std::string db;               // database path (required)
    std::string templates;        // template directory
    std::string title = "Morgue"; // the page's name, in titles and OpenSearch
    std::string base_url;         // absolute URL of the script; empty: from the request
    unsigned cache_seconds = 60;  // Cache-Control max-age
    double time_limit = 10;       // seconds a request may take before it gets a 503
    double stuck_limit = 0;       // FastCGI: seconds before the watchdog; 0: from time_limit
    bool all_shards = false;      // missing_shards = error: no partial results
};

// How long an exchange with a remote shard may take: a quarter of the time
// limit (the search has half, and may reopen once), at most Xapian's 10 s.
unsigned shard_timeout_ms(const CgiConfig& c);

// Throws DatabaseError (a server problem, not the reader's) naming
// "file:line" for an unknown key or a bad number.
CgiConfig parse_cgi_config(std::string_view text, const std::string& source, CgiConfig base = {});
CgiConfig load_cgi_config();
// The file's format and keys, as --help-config prints them (and morgue.conf(5)).
std::string cgi_config_help();

// The environment variable's value, or "" when unset (CGI passes the request this way).
std::string env_var(const char* name);

} // namespace morgue
