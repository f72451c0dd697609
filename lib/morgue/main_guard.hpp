// The one place where exceptions become a message and an exit code: each
// main() hands its body to run_guarded().
#pragma once

#include <functional>
#include <string_view>

namespace morgue {

// Runs `body`; a morgue::Error (errors.hpp), Xapian::Error or other exception
// is printed as one line "PROG: message" on stderr and mapped to its
// documented exit code (see errors.hpp).
int run_guarded(std::string_view prog, const std::function<int()>& body);

} // namespace morgue
