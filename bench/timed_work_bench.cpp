// What a time-limited match's own thread costs (searcher/timed_work.hpp):
// run_timed_work() of trivial work with a limit (a thread started, waited
// for and ended) against without one (the work run in place).
//   cmake --build build/bench --target timed_work_bench && build/bench/bench/timed_work_bench
#include "timed_work.hpp"

#include <benchmark/benchmark.h>

namespace {

void BM_timed_work(benchmark::State& state) {
    const double limit = static_cast<double>(state.range(0));
    int n = 0;
    for (auto _ : state)
        morgue::run_timed_work(limit, [&] { benchmark::DoNotOptimize(++n); });
}
BENCHMARK(BM_timed_work)->Arg(0)->Arg(10)->UseRealTime();

} // namespace

BENCHMARK_MAIN();
