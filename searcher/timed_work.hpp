// Matching under Xapian's time limit (Enquire::set_time_limit), run where
// Xapian's timer cannot harm the caller.  Every get_mset() with a time limit
// goes through timed_mset().
//
// Why: Xapian (1.4.22, and still master's matcher/matchtimeout.h) arms a
// POSIX timer with SIGEV_THREAD whose notification writes a flag inside the
// frame of the get_mset() that armed it, and timer_delete() does not wait for
// a notification already under way.  A timer that expires just as its match
// ends therefore writes into whatever uses that stack next: "stack smashing
// detected" in a FastCGI process under load, or a silently changed variable.
// The match runs on a thread of its own, deep in its stack; when it ran up to
// its deadline (so that the timer may have fired), that thread keeps its
// stack untouched for a while (linger_seconds) before it ends, and the late
// write lands there.  Otherwise the thread is kept for the next pass: a new
// thread a pass cost about 100 µs, a hand-over to a waiting one a few.
#pragma once

#include <functional>
#include <xapian.h>

namespace morgue {

// A timer's notification comes this long after it fires at most, even on a
// machine far busier than it should be.
constexpr double linger_seconds = 1;

// Runs `work`, whose passes share a time limit of `seconds` counted from now
// (0: none), and returns when it is done, rethrowing what it threw.  Without
// a limit it runs here, at once.
void run_timed_work(double seconds, const std::function<void()>& work);

// enquire.get_mset(first, max, check) within `seconds` (0: no limit).
Xapian::MSet timed_mset(Xapian::Enquire& enquire, double seconds, Xapian::doccount first,
                        Xapian::doccount max, Xapian::doccount check = 0);

} // namespace morgue
