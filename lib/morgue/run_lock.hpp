// The run lock: one morgue-indexer run at a time writes a database, for the
// whole run (a nightly fetch, a rebuild into a new generation and its
// switch-over).  flock(2) on DB.lock beside the database: the kernel releases
// it when the process dies, so a killed run never leaves a stale lock, and
// the file is removed when the run ends.
#pragma once

#include <string>

namespace morgue {

class RunLock {
  public:
    // Throws LockedError at once when another run holds it.
    explicit RunLock(const std::string& db_path);
    ~RunLock();
    RunLock(const RunLock&) = delete;
    RunLock& operator=(const RunLock&) = delete;

  private:
    std::string path_;
    int fd_ = -1;
};

std::string run_lock_path(const std::string& db_path);

} // namespace morgue
