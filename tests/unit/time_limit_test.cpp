// Searches under Xapian's match time limit (searcher/timed_work.hpp): each
// timer Xapian arms may fire as its match ends, and must not reach memory
// the search no longer owns.
#include "small_archive.hpp"
#include "timed_work.hpp"

#include <atomic>
#include <chrono>
#include <stdexcept>
#include <thread>

using namespace morgue;

struct TimeLimited : SmallArchive {};

// A time limit so short that every timer fires as its pass ends: thousands
// of searches, each with its facet passes, and nothing overwritten.  Before
// timed_work.hpp this died of "stack smashing detected" within a few
// hundred searches on a busy machine (Xapian's SIGEV_THREAD timer writing
// into a returned get_mset()'s frame).
TEST_F(TimeLimited, TimersFiringAsMatchesEndOverwriteNothing) {
    {
        auto w = writer();
        for (int i = 0; i < 200; ++i)
            add(w, std::to_string(i), "harbour news " + std::to_string(i),
                "the harbour was busy on day " + std::to_string(i), {i % 2 ? "Ports" : "Weather"});
        w.commit();
    }
    ReadDatabase db = open_for_reading(path);
    SearchRequest req;
    req.query = "harbour busy";
    req.facets = {"topic"};
    req.time_limit = 1e-6;
    // Other threads keep the machine busy, as a loaded server is: the timer's
    // notification thread then starts late.
    std::atomic<bool> stop = false;
    std::vector<std::thread> load;
    for (int k = 0; k < 3; ++k)
        load.emplace_back([&stop] {
            volatile unsigned long spin = 0;
            while (!stop)
                spin = spin + 1;
        });
    for (int i = 0; i < 3000; ++i) {
        SearchResult r = search(db, req, {});
        ASSERT_LE(r.hits.size(), 10u);
    }
    stop = true;
    for (auto& t : load)
        t.join();
}

TEST(TimedWork, RunsTheWorkAndPassesItsErrorOn) {
    int value = 0;
    run_timed_work(0.5, [&] { value = 42; });
    EXPECT_EQ(value, 42);
    run_timed_work(0, [&] { value = 7; }); // no limit: here, at once
    EXPECT_EQ(value, 7);
    EXPECT_THROW(run_timed_work(0.5, [] { throw std::runtime_error("x"); }), std::runtime_error);
    // With a limit, on a thread of its own; without, on the caller's.
    std::thread::id ran_on;
    run_timed_work(0.5, [&] { ran_on = std::this_thread::get_id(); });
    EXPECT_NE(ran_on, std::this_thread::get_id());
    run_timed_work(0, [&] { ran_on = std::this_thread::get_id(); });
    EXPECT_EQ(ran_on, std::this_thread::get_id());
}

// The thread is kept from pass to pass, unless a pass ran up to its
// deadline: then it lingers (Xapian's timer may still write into its
// stack), and the next pass runs on a new one.  Callers on two threads at
// once each get one.
TEST(TimedWork, TheThreadIsKeptUnlessAPassReachedItsDeadline) {
    auto thread_of = [](double seconds, std::chrono::milliseconds busy = {}) {
        std::thread::id id;
        run_timed_work(seconds, [&] {
            id = std::this_thread::get_id();
            std::this_thread::sleep_for(busy);
        });
        return id;
    };
    std::thread::id first = thread_of(60);
    EXPECT_EQ(thread_of(60), first);
    EXPECT_THROW(run_timed_work(60, [] { throw std::runtime_error("x"); }), std::runtime_error);
    EXPECT_EQ(thread_of(60), first) << "kept after an error too";
    EXPECT_EQ(thread_of(0.01, std::chrono::milliseconds(50)), first); // ran past its deadline
    std::thread::id next = thread_of(60);
    EXPECT_NE(next, first);
    EXPECT_EQ(thread_of(60), next);
    std::thread::id other;
    std::atomic<bool> inside = false, leave = false;
    std::thread caller([&] {
        run_timed_work(60, [&] {
            inside = true;
            while (!leave)
                std::this_thread::yield();
        });
    });
    while (!inside)
        std::this_thread::yield();
    other = thread_of(60); // while the kept thread is busy: another
    leave = true;
    caller.join();
    EXPECT_NE(other, next);
}
