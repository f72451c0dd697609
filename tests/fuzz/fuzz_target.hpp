// What every fuzz target shares: the libFuzzer entry point it defines, and a
// replay main() (fuzz_replay.cpp) for builds without libFuzzer, so that ctest
// runs the kept corpus and regressions through the same code.  A target
// reports a broken invariant with fuzz_fail(), which aborts: libFuzzer saves
// the input, the replayer dies, and either way the test fails.
#pragma once

#include <cstddef>
#include <cstdint>
#include <string_view>

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size);

namespace morgue::fuzz {

[[noreturn]] void fail(std::string_view what, std::string_view detail);

} // namespace morgue::fuzz
