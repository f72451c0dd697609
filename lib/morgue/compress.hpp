// zstd compression for the original feed items kept in each document.
#pragma once

#include <string>
#include <string_view>

namespace morgue {

std::string compress(std::string_view data);
// Throws DatabaseError when `data` is not a zstd frame Morgue wrote.
std::string decompress(std::string_view data);

} // namespace morgue
