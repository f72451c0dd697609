// Error types thrown inside Morgue and the exit codes the binaries map them to.
// Library code throws; each main() catches once and prints one line.
#pragma once

#include <stdexcept>

namespace morgue {

// Documented in README.md ("Exit codes"); scripts and cron jobs depend on them.
enum ExitCode : int {
    exit_ok = 0,
    exit_partial = 1,  // some inputs failed, the rest were processed
    exit_usage = 2,    // bad command line, schema file or query
    exit_database = 3, // database missing, locked, incompatible or failing
    exit_locked = 4,   // another morgue-indexer run holds the database's run lock
};

// One input (file, feed) is unusable; a run reports it and goes on.
struct InputError : std::runtime_error {
    using std::runtime_error::runtime_error;
};

// The user asked for something malformed: options, schema file, query syntax.
struct UsageError : std::runtime_error {
    using std::runtime_error::runtime_error;
};

// The database cannot be opened, locked, written, or does not fit the schema.
struct DatabaseError : std::runtime_error {
    using std::runtime_error::runtime_error;
};

// Another morgue-indexer run (nightly, import, rebuild...) holds the run lock.
struct LockedError : std::runtime_error {
    using std::runtime_error::runtime_error;
};

} // namespace morgue
