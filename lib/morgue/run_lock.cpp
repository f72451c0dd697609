#include "morgue/run_lock.hpp"

#include "morgue/errors.hpp"
#include "morgue/generation.hpp"

#include <cerrno>
#include <cstring>
#include <fcntl.h>
#include <filesystem>
#include <fmt/format.h>
#include <sys/file.h>
#include <unistd.h>

namespace morgue {

std::string run_lock_path(const std::string& db_path) {
    return beside_database(db_path, ".lock");
}

RunLock::RunLock(const std::string& db_path) {
    std::string path = run_lock_path(db_path);
    fd_ = open(path.c_str(), O_RDWR | O_CREAT | O_CLOEXEC, 0644);
    if (fd_ < 0)
        throw DatabaseError(
            fmt::format("{}: cannot open the lock file: {}", path, std::strerror(errno)));
    if (flock(fd_, LOCK_EX | LOCK_NB) != 0) {
        int err = errno;
        close(fd_);
        fd_ = -1;
        if (err == EWOULDBLOCK)
            throw LockedError(fmt::format(
                "{}: another morgue-indexer run is writing this database (lock {}); not starting",
                db_path, path));
        throw DatabaseError(fmt::format("{}: cannot lock: {}", path, std::strerror(err)));
    }
    // Who holds it, for an operator looking at the file.
    std::string pid = fmt::format("{}\n", getpid());
    if (ftruncate(fd_, 0) == 0 && write(fd_, pid.data(), pid.size()) < 0) {
        // Informational only.
    }
}

RunLock::~RunLock() {
    if (fd_ >= 0) close(fd_);
}

} // namespace morgue
