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

using clock = std::chrono::steady_clock;

// Runs `work` this far below the caller's frame, so that the thread's own
// calls after it (the clock, the lock, the sleep) never reach down to where
// Xapian's late write may land.
constexpr std::size_t pad_bytes = 64 * 1024;

[[gnu::noinline]] void run_below(const std::function<void()>& work) {
    char pad[pad_bytes];
    asm volatile("" : : "r"(pad) : "memory"); // kept: the frame must really be this deep
    work();
}

// A thread that runs one piece of timed work at a time, kept between them:
// starting a thread a pass cost more than handing work to a waiting one
// (~100 µs against a few).  Once a piece ran up to its deadline the thread
// retires: it lingers with its stack untouched, then ends, and the next
// piece gets a new thread.  A piece that ended before its deadline ended
// before Xapian's timer expired, and timer_delete() stopped it: nothing can
// reach the stack the next piece uses.  Caller and thread share the Worker.
class Worker {
  public:
    static std::shared_ptr<Worker> start() {
        auto w = std::make_shared<Worker>();
        std::thread([w] { w->loop(); }).detach();
        return w;
    }
    // Runs `work` there and waits for it; what it threw in `error`.  False
    // if the thread has retired.
    bool run(const std::function<void()>& work, clock::time_point deadline,
             std::exception_ptr& error) {
        std::unique_lock lock(mutex_);
        work_ = &work, deadline_ = deadline, done_ = false;
        changed_.notify_all();
        changed_.wait(lock, [&] { return done_; });
        error = error_;
        return !retired_;
    }
    // Ends the thread (not needed: another is kept).
    void stop() {
        std::lock_guard lock(mutex_);
        stopping_ = true;
        changed_.notify_all();
    }

  private:
    void loop() {
        std::unique_lock lock(mutex_);
        for (;;) {
            changed_.wait(lock, [&] { return work_ != nullptr || stopping_; });
            if (!work_) return; // stopping
            const std::function<void()>& work = *work_;
            lock.unlock();
            std::exception_ptr error;
            try {
                run_below(work);
            } catch (...) {
                error = std::current_exception();
            }
            lock.lock();
            // `work` is the caller's, and gone once it is told; this stack is not.
            retired_ = clock::now() >= deadline_; // Xapian's timer may fire now
            work_ = nullptr, done_ = true, error_ = error;
            changed_.notify_all();
            if (retired_) break;
        }
        lock.unlock();
        std::this_thread::sleep_for(std::chrono::duration<double>(linger_seconds));
    }

    std::mutex mutex_;
    std::condition_variable changed_;
    const std::function<void()>* work_ = nullptr;
    clock::time_point deadline_;
    bool done_ = false, retired_ = false, stopping_ = false;
    std::exception_ptr error_;
};

// The worker waiting for work, if any; taken by one caller at a time (a
// second caller meanwhile starts one of its own, kept if the slot is free).
std::mutex idle_mutex;
std::shared_ptr<Worker> idle;

std::shared_ptr<Worker> take_worker() {
    {
        std::lock_guard lock(idle_mutex);
        if (idle) return std::move(idle);
    }
    return Worker::start();
}

void give_back(std::shared_ptr<Worker> worker) {
    {
        std::lock_guard lock(idle_mutex);
        if (!idle) return void(idle = std::move(worker));
    }
    worker->stop();
}

} // namespace

void run_timed_work(double seconds, const std::function<void()>& work) {
    if (seconds <= 0) return work();
    // Xapian's timers expire at the deadline or after it, never before.
    const auto deadline =
        clock::now() + std::chrono::duration_cast<clock::duration>(
                           std::chrono::duration<double>(seconds) - std::chrono::milliseconds(1));
    std::shared_ptr<Worker> worker;
    try {
        worker = take_worker();
    } catch (const std::system_error&) {
        return work(); // no thread to be had: here, as Xapian alone would
    }
    std::exception_ptr error;
    if (worker->run(work, deadline, error)) give_back(std::move(worker));
    if (error) std::rethrow_exception(error);
}

Xapian::MSet timed_mset(Xapian::Enquire& enquire, double seconds, Xapian::doccount first,
                        Xapian::doccount max, Xapian::doccount check) {
    enquire.set_time_limit(seconds > 0 ? seconds : 0); // an earlier pass's limit goes
    Xapian::MSet mset;
    run_timed_work(seconds, [&] { mset = enquire.get_mset(first, max, check); });
    return mset;
}

} // namespace morgue
