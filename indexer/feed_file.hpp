// Reading a feed file from disk, within a size cap.
#pragma once

#include <cstddef>
#include <string>

namespace morgue {

// Feeds are rarely over a few MB; anything much larger is not a feed, or an attack.
constexpr std::size_t default_max_feed_bytes = 20u << 20;

// Throws InputError naming `path` when it cannot be read or is over `max_bytes`.
std::string read_feed_file(const std::string& path, std::size_t max_bytes);

} // namespace morgue
