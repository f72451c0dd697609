// The last resort of a resident searcher (FastCGI) against a request that
// never ends: stuck inside Xapian, which no time limit reaches there (a hung
// disk or network mount under the archive; a remote shard that stopped
// answering).  A thread waits beside each request; if the request is still
// running `seconds` after it began, the thread calls `expire` (which answers
// the request with its 503) and ends the process with status 0, and the web
// server starts a fresh one, since a thread stuck in a system call cannot be
// stopped safely.  A request that ends in time, however late, never meets it.
#pragma once

#include <chrono>
#include <condition_variable>
#include <functional>
#include <mutex>
#include <thread>

namespace morgue {

class RequestWatchdog {
  public:
    RequestWatchdog(double seconds, std::function<void()> expire);
    ~RequestWatchdog();
    RequestWatchdog(const RequestWatchdog&) = delete;
    RequestWatchdog& operator=(const RequestWatchdog&) = delete;

    // A request begins; its deadline is `seconds` from now.
    void begin();
    // It has ended (before or after expire(): after, this never returns).
    void end();

  private:
    void watch();

    std::chrono::duration<double> seconds_;
    std::function<void()> expire_;
    std::mutex mutex_;
    std::condition_variable changed_;
    bool busy_ = false, stopping_ = false;
    std::chrono::steady_clock::time_point deadline_;
    std::thread thread_;
};

} // namespace morgue
