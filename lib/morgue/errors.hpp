// The errors Morgue throws, named for what failed, and the exit codes the
// binaries map them to.  Library code throws; each main() hands its body to
// run_guarded (main_guard.hpp), which prints what() as one line and returns
// exit_code_of() (the CGI page maps them to HTTP statuses in cgi.cpp).
#pragma once

#include <stdexcept>
#include <string>

namespace morgue {

// Documented in docs/operations.md ("Exit codes"); cron jobs depend on them.
enum ExitCode : int {
    exit_ok = 0,
    exit_partial = 1,  // an input (file, feed) was unusable; the rest were processed
    exit_usage = 2,    // bad command line, configuration file or query
    exit_database = 3, // database missing, locked, incompatible or failing
    exit_locked = 4,   // another morgue-indexer run holds the database's run lock
};

// What an error is about; any part may be empty.
struct Subject {
    std::string file = {}; // a file, directory or database path
    unsigned line = 0;     // 1-based line in the file (or the document at url); 0: none
    std::string url = {};  // a feed's or page's address
};

// The base of them all: a one-line reason and its subject, which what()
// puts first, as compilers do: `feeds.txt:3: not a URL: "htp:/x"`,
// `https://example.com/feed:12: not well-formed XML: …`, or the bare reason.
class Error : public std::runtime_error {
  public:
    Error(Subject subject, std::string reason);
    explicit Error(std::string reason) : Error(Subject{}, std::move(reason)) {}
    const Subject& subject() const noexcept { return subject_; }
    const std::string& reason() const noexcept { return reason_; }
    virtual ExitCode exit_code() const noexcept = 0;

  private:
    Subject subject_;
    std::string reason_;
};

template <ExitCode code>
struct ErrorWithCode : Error {
    using Error::Error;
    ExitCode exit_code() const noexcept override { return code; }
};

// One input file or fed item is unusable; a run reports it and goes on.
struct InputError : ErrorWithCode<exit_partial> {
    using ErrorWithCode::ErrorWithCode;
};

// A feed or page could not be fetched (DNS, connection, TLS, HTTP status).
struct NetworkError : ErrorWithCode<exit_partial> {
    using ErrorWithCode::ErrorWithCode;
};

// The command line or a query asked for something malformed.
struct UsageError : ErrorWithCode<exit_usage> {
    using ErrorWithCode::ErrorWithCode;
};

// A configuration file is unusable: schema, feed list, synonyms, topic
// aliases, morgue.conf.  Always names the file, and the line where there is one.
struct ConfigError : ErrorWithCode<exit_usage> {
    using ErrorWithCode::ErrorWithCode;
};

// The database cannot be opened, locked, written, or does not fit the schema.
struct DatabaseError : ErrorWithCode<exit_database> {
    using ErrorWithCode::ErrorWithCode;
};

// Another morgue-indexer run (nightly, import, rebuild...) holds the run lock.
struct LockedError : ErrorWithCode<exit_locked> {
    using ErrorWithCode::ErrorWithCode;
};

} // namespace morgue
