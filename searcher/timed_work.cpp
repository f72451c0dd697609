#include "timed_work.hpp"

#include <chrono>
#include <condition_variable>
#include <cstddef>
#include <exception>
#include <memory>
#include <mutex>
#include <system_error>
#include <thread>

namespace morgue {

namespace {

// What the caller waits for, shared with the work's thread, which may
// outlive the call (it lingers).
struct Outcome {
    std::mutex mutex;
    std::condition_variable ended;
    bool done = false;
    std::exception_ptr error;
};

// Runs `work` this far below the caller's frame, so that the thread's own
// calls after it (the clock, the lock, the sleep) never reach down to where
// Xapian's late write may land.
constexpr std::size_t pad_bytes = 64 * 1024;

[[gnu::noinline]] void run_below(const std::function<void()>& work) {
    char pad[pad_bytes];
    asm volatile("" : : "r"(pad) : "memory"); // kept: the frame must really be this deep
    work();
}

} // namespace

void run_timed_work(double seconds, const std::function<void()>& work) {
    if (seconds <= 0) return work();
    using clock = std::chrono::steady_clock;
    // Xapian's timers expire at the deadline or after it, never before.
    const auto deadline =
        clock::now() + std::chrono::duration_cast<clock::duration>(
                           std::chrono::duration<double>(seconds) - std::chrono::milliseconds(1));
    auto outcome = std::make_shared<Outcome>();
    try {
        std::thread([outcome, &work, deadline] {
            try {
                run_below(work);
            } catch (...) {
                outcome->error = std::current_exception();
            }
            const bool timer_may_fire = clock::now() >= deadline;
            {
                std::lock_guard lock(outcome->mutex);
                outcome->done = true;
            }
            outcome->ended.notify_one();
            // `work` is the caller's, and gone from here on; this stack is not.
            if (timer_may_fire)
                std::this_thread::sleep_for(std::chrono::duration<double>(linger_seconds));
        }).detach();
    } catch (const std::system_error&) {
        return work(); // no thread to be had: here, as Xapian alone would
    }
    std::unique_lock lock(outcome->mutex);
    outcome->ended.wait(lock, [&] { return outcome->done; });
    if (outcome->error) std::rethrow_exception(outcome->error);
}

Xapian::MSet timed_mset(Xapian::Enquire& enquire, double seconds, Xapian::doccount first,
                        Xapian::doccount max, Xapian::doccount check) {
    enquire.set_time_limit(seconds > 0 ? seconds : 0); // an earlier pass's limit goes
    Xapian::MSet mset;
    run_timed_work(seconds, [&] { mset = enquire.get_mset(first, max, check); });
    return mset;
}

} // namespace morgue
