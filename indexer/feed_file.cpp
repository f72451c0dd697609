#include "feed_file.hpp"

#include "morgue/errors.hpp"

#include <cerrno>
#include <cstring>
#include <fmt/format.h>
#include <fstream>

namespace morgue {

std::string read_feed_file(const std::string& path, std::size_t max_bytes) {
    std::ifstream in(path, std::ios::binary);
    if (!in) throw InputError({path}, fmt::format("cannot read: {}", std::strerror(errno)));
    std::string data;
    char buffer[1 << 16];
    // Read in pieces rather than trusting the file size: a FIFO or /dev file has none.
    while (in.read(buffer, sizeof buffer) || in.gcount() > 0) {
        data.append(buffer, in.gcount());
        if (data.size() > max_bytes)
            throw InputError({path},
                             fmt::format("larger than the {} byte limit (--max-size)", max_bytes));
    }
    if (in.bad()) throw InputError({path}, fmt::format("read error: {}", std::strerror(errno)));
    return data;
}

} // namespace morgue
