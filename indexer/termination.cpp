#include "termination.hpp"

#include "morgue/errors.hpp"

#include <cerrno>
#include <cstdio>
#include <cstring>
#include <exception>
#include <fmt/format.h>
#include <string>
#include <unistd.h>
#include <xapian.h>

namespace morgue {

namespace {

const char* program = "morgue-indexer";
int parent_fd = -1;

// The account the handler gives: the exception, when there is one, and the
// last failed system call's error (`last_errno`), which started it.
std::string termination_message(int last_errno) {
    // Thrown during unwinding, the exception in hand may be a later one (a
    // block that the failed write never wrote): the failed system call that
    // started it (EIO, ENOSPC, EFBIG) is kept beside it.
    std::string cause = last_errno ? fmt::format("last system error: {}", std::strerror(last_errno))
                                   : std::string();
    std::string what;
    try {
        if (auto e = std::current_exception()) std::rethrow_exception(e);
    } catch (const Xapian::Error& e) {
        what = "database error: " + e.get_description();
    } catch (const std::exception& e) {
        what = std::string("internal error: ") + e.what();
    } catch (...) {
    }
    if (what.empty())
        return cause.empty()
                   ? "internal error"
                   : fmt::format("database error: a failed write ended the writer ({})", cause);
    return cause.empty() ? what : fmt::format("{} ({})", what, cause);
}

[[noreturn]] void on_terminate() {
    std::string what = termination_message(errno);
    std::fflush(stdout);
    if (parent_fd >= 0) {
        std::string message = "E" + what;
        if (::write(parent_fd, message.data(), message.size()) < 0) {
            // nothing more can be done: the parent reports a failed writer
        }
    } else {
        fmt::print(stderr, "{}: {}\n", program, what);
    }
    std::fflush(stderr);
    _exit(exit_database);
}

} // namespace

void handle_termination(const char* prog) {
    program = prog;
    std::set_terminate(on_terminate);
}

void send_termination_to(int fd) {
    parent_fd = fd;
}

} // namespace morgue
