// The replayer: each argument is a file or a directory of inputs (a corpus,
// read with its subdirectories), fed once to the target.  Exits 0 after printing how many it ran.
#include "fuzz_target.hpp"

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <iterator>
#include <string>
#include <vector>

namespace {

void replay(const std::filesystem::path& file) {
    std::ifstream in(file, std::ios::binary);
    if (!in) {
        std::cerr << "fuzz replay: " << file.string() << ": cannot read\n";
        std::exit(2);
    }
    std::string data((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
    LLVMFuzzerTestOneInput(reinterpret_cast<const std::uint8_t*>(data.data()), data.size());
}

} // namespace

int main(int argc, char** argv) {
    std::vector<std::filesystem::path> files;
    for (int i = 1; i < argc; ++i) {
        std::filesystem::path p = argv[i];
        if (!std::filesystem::is_directory(p)) {
            files.push_back(p);
            continue;
        }
        for (const auto& e : std::filesystem::recursive_directory_iterator(p))
            if (e.is_regular_file() && e.path().filename() != "README.md")
                files.push_back(e.path());
    }
    std::sort(files.begin(), files.end());
    if (files.empty()) {
        std::cerr << "fuzz replay: no inputs\n"; // a test that replays nothing cannot fail
        return 2;
    }
    for (const auto& f : files)
        replay(f);
    std::cout << files.size() << " inputs replayed\n";
}
