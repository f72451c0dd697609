// JSON as the programs print it: one line by default (JSON Lines, for logs
// and pipes), indented with --pretty (for people).  Invalid UTF-8 from a
// feed is replaced, never a reason to fail.
#pragma once

#include <nlohmann/json.hpp>
#include <string>

namespace morgue {

template <typename Json>
std::string json_text(const Json& j, bool pretty) {
    return j.dump(pretty ? 2 : -1, ' ', false, Json::error_handler_t::replace) + "\n";
}

} // namespace morgue
