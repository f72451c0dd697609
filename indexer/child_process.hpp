// Writing in a forked child process.  When a write fails inside
// WritableDatabase::commit_transaction(), Xapian 1.4.22 can throw from a
// destructor during unwinding, which ends the process (std::terminate); a
// parent that did not write survives that, removes what the child left
// half-built and reports.  Children also let a bulk import use every core.
#pragma once

#include <functional>
#include <string>
#include <sys/types.h>

namespace morgue {

struct Child {
    pid_t pid = -1;
    int result_fd = -1; // the read end of the pipe the child's result comes through
};

// Forks a child that runs `work` and sends back the string it returns; an
// exception ends the child and its message is sent back instead, for the
// parent's one-line report.  Its stdout is line
// buffered, so that lines from children running at once do not interleave.
// A child is killed if the parent dies first.
Child start_child(const std::function<std::string()>& work);

// Waits for the child; returns its result, or throws DatabaseError saying
// how it ended (died from a signal, or failed, with the child's message).
std::string finish_child(const Child& child);

} // namespace morgue
