#include "morgue/run_lock.hpp"

#include "morgue/errors.hpp"
#include "morgue/generation.hpp"

#include <cerrno>
#include <cstring>
#include <fcntl.h>
#include <filesystem>
#include <fmt/format.h>
#include <sys/file.h>
#include <sys/stat.h>
#include <unistd.h>

namespace morgue {

std::string run_lock_path(const std::string& db_path) {
    return beside_database(db_path, ".lock");
}

namespace {

// True if `fd` is still the file at `path`: a run that finished may have
// removed the file between our open and our flock.
bool still_at(int fd, const std::string& path) {
    struct stat held {
    }, named{};
    return fstat(fd, &held) == 0 && stat(path.c_str(), &named) == 0 &&
           held.st_dev == named.st_dev && held.st_ino == named.st_ino;
}

} // namespace

RunLock::RunLock(const std::string& db_path) : path_(run_lock_path(db_path)) {
    for (;;) {
        fd_ = open(path_.c_str(), O_RDWR | O_CREAT | O_CLOEXEC, 0644);
        if (fd_ < 0 && errno == ENOENT) // the lock file sits beside the database: its directory
            throw DatabaseError({db_path},
                                fmt::format("no such directory: {}",
                                            std::filesystem::path(path_).parent_path().string()));
        if (fd_ < 0)
            throw DatabaseError({path_},
                                fmt::format("cannot open the lock file: {}", std::strerror(errno)));
        if (flock(fd_, LOCK_EX | LOCK_NB) != 0) {
            int err = errno;
            close(fd_);
            fd_ = -1;
            if (err == EWOULDBLOCK)
                throw LockedError({db_path}, fmt::format("another morgue-indexer run is writing "
                                                         "this database (lock {}); not starting",
                                                         path_));
            throw DatabaseError({path_}, fmt::format("cannot lock: {}", std::strerror(err)));
        }
        if (still_at(fd_, path_)) break;
        close(fd_); // removed by the run that held it: lock the new file
    }
    // Who holds it, for an operator looking at the file.
    std::string pid = fmt::format("{}\n", getpid());
    if (ftruncate(fd_, 0) == 0 && write(fd_, pid.data(), pid.size()) < 0) {
        // Informational only.
    }
}

// The file goes while still locked, so that no run is left holding a lock
// on a file no longer there (see still_at), and nothing is left beside the
// database, above all beside one a failed run never made.
RunLock::~RunLock() {
    if (fd_ < 0) return;
    unlink(path_.c_str());
    close(fd_);
}

} // namespace morgue
