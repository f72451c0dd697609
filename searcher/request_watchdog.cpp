#include "request_watchdog.hpp"

#include <unistd.h>

namespace morgue {

RequestWatchdog::RequestWatchdog(double seconds, std::function<void()> expire)
    : seconds_(seconds), expire_(std::move(expire)), thread_([this] { watch(); }) {}

RequestWatchdog::~RequestWatchdog() {
    {
        std::lock_guard lock(mutex_);
        stopping_ = true;
    }
    changed_.notify_one();
    thread_.join();
}

void RequestWatchdog::begin() {
    {
        std::lock_guard lock(mutex_);
        busy_ = true;
        deadline_ = std::chrono::steady_clock::now() +
                    std::chrono::duration_cast<std::chrono::steady_clock::duration>(seconds_);
    }
    changed_.notify_one();
}

void RequestWatchdog::end() {
    // Blocks for good once watch() holds the lock past the deadline.
    std::lock_guard lock(mutex_);
    busy_ = false;
}

void RequestWatchdog::watch() {
    std::unique_lock lock(mutex_);
    while (!stopping_) {
        if (!busy_) {
            changed_.wait(lock);
            continue;
        }
        auto deadline = deadline_;
        if (changed_.wait_until(lock, deadline) == std::cv_status::no_timeout) continue;
        if (busy_ && deadline_ == deadline && std::chrono::steady_clock::now() >= deadline) {
            // The lock stays held: the request's own answer never follows.
            expire_();
            _exit(0);
        }
    }
}

} // namespace morgue
