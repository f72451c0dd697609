// When std::terminate ends morgue-indexer.  Xapian 1.4 can throw from a
// destructor while a failed write unwinds (a full disk, an I/O error inside
// commit_transaction), which calls std::terminate: the handler says what
// failed, in one line, and exits as any database error does (exit 3), not
// with abort()'s core dump.  Committed data is safe: Xapian commits atomically.
#pragma once

namespace morgue {

// Installs the handler; the line goes to stderr, prefixed "PROG: ".
void handle_termination(const char* prog);

// In a forked writer (child_process.hpp): from now on the line goes to the
// parent through `fd`, as "E" and the message, for its one-line report.
void send_termination_to(int fd);

} // namespace morgue
