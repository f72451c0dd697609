// Feed parsing throughput (MB/s) on a large real feed.  The feed comes from
// MORGUE_BENCH_FEED, made by bench/run-parse (10,000 HuffPost records as RSS).
#include "feed_parser.hpp"
#include "html_text.hpp"
#include "morgue/dates.hpp"

#include <benchmark/benchmark.h>
#include <cstdlib>
#include <fstream>
#include <iterator>
#include <stdexcept>

namespace {

const std::string& feed_bytes() {
    static const std::string data = [] {
        const char* path = std::getenv("MORGUE_BENCH_FEED");
        if (!path) throw std::runtime_error("set MORGUE_BENCH_FEED to a feed file");
        std::ifstream in(path, std::ios::binary);
        if (!in) throw std::runtime_error(std::string("cannot read ") + path);
        return std::string((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
    }();
    return data;
}

void BM_parse_feed(benchmark::State& state) {
    const std::string& data = feed_bytes();
    std::size_t entries = 0;
    for (auto _ : state) {
        morgue::Feed feed = morgue::parse_feed(data, {.name = "bench"});
        entries = feed.entries.size();
        benchmark::DoNotOptimize(feed);
    }
    state.SetBytesProcessed(static_cast<int64_t>(state.iterations() * data.size()));
    state.counters["entries/s"] = benchmark::Counter(static_cast<double>(entries),
                                                     benchmark::Counter::kIsIterationInvariantRate);
}
BENCHMARK(BM_parse_feed)->Unit(benchmark::kMillisecond);

void BM_html_to_text(benchmark::State& state) {
    std::string html;
    for (int i = 0; i < 50; ++i)
        html += "<p>The central bank and the <a href=\"/x\">Treasury</a> issued a &ldquo;joint "
                "statement&rdquo; on exchange rates.</p>";
    for (auto _ : state)
        benchmark::DoNotOptimize(morgue::html_to_text(html));
    state.SetBytesProcessed(static_cast<int64_t>(state.iterations() * html.size()));
}
BENCHMARK(BM_html_to_text);

void BM_parse_date(benchmark::State& state) {
    for (auto _ : state) {
        benchmark::DoNotOptimize(morgue::parse_date("Thu, 01 Jan 2004 19:48:21 GMT"));
        benchmark::DoNotOptimize(morgue::parse_date("2003-12-31T10:14:55.5+08:00"));
    }
    state.SetItemsProcessed(state.iterations() * 2);
}
BENCHMARK(BM_parse_date);

} // namespace

BENCHMARK_MAIN();
