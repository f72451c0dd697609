#include "child_process.hpp"

#include "morgue/console.hpp"
#include "morgue/errors.hpp"
#include "termination.hpp"

#include <cerrno>
#include <csignal>
#include <cstdio>
#include <cstring>
#include <fmt/format.h>
#include <sys/prctl.h>
#include <sys/wait.h>
#include <unistd.h>

namespace morgue {

Child start_child(const std::function<std::string()>& work) {
    int fds[2];
    if (pipe(fds) != 0) throw DatabaseError(fmt::format("pipe: {}", std::strerror(errno)));
    std::fflush(stdout);
    std::fflush(stderr);
    pid_t parent = getpid();
    pid_t pid = fork();
    if (pid < 0) {
        close(fds[0]);
        close(fds[1]);
        throw DatabaseError(fmt::format("fork: {}", std::strerror(errno)));
    }
    if (pid > 0) {
        close(fds[1]);
        return {pid, fds[0]};
    }
    close(fds[0]);
    // A writer outliving a killed parent would hold the run lock, writing
    // to a generation nobody will switch to.
    prctl(PR_SET_PDEATHSIG, SIGKILL);
    if (getppid() != parent) _exit(exit_database); // it died before prctl()
    std::setvbuf(stdout, nullptr, _IOLBF, BUFSIZ);
    send_termination_to(fds[1]);
    console_forked(); // the parent draws the progress line
    int code = exit_ok;
    std::string message;
    try {
        message = "R" + work();
    } catch (const std::exception& e) {
        // The parent reports it, in its one line about what failed.
        message = std::string("E") + e.what();
        code = exit_database;
    }
    if (::write(fds[1], message.data(), message.size()) < 0) code = exit_database;
    std::fflush(stdout);
    std::fflush(stderr);
    _exit(code);
}

std::string finish_child(const Child& child) {
    std::string result;
    char buf[256];
    for (ssize_t n; (n = read(child.result_fd, buf, sizeof buf)) != 0;) {
        if (n < 0 && errno == EINTR) continue;
        if (n < 0) break;
        result.append(buf, static_cast<std::size_t>(n));
    }
    close(child.result_fd);
    int status = 0;
    while (waitpid(child.pid, &status, 0) < 0 && errno == EINTR) {
    }
    if (WIFSIGNALED(status))
        throw DatabaseError(fmt::format("the writer died ({})", strsignal(WTERMSIG(status))));
    bool ok = WIFEXITED(status) && WEXITSTATUS(status) == 0 && result.starts_with('R');
    if (!ok && result.starts_with('E'))
        throw DatabaseError(fmt::format("the new generation could not be written: {}",
                                        std::string_view(result).substr(1)));
    if (!ok) throw DatabaseError("the new generation could not be written");
    return result.substr(1);
}

} // namespace morgue
