// Two display forms with one code (form_codes.hpp): the first pair found
// among "form 0", "form 1"... (about 80,000 tries for 4-byte codes).
#pragma once

#include "morgue/form_codes.hpp"

#include <string>
#include <unordered_map>
#include <utility>

inline std::pair<std::string, std::string> colliding_forms() {
    std::unordered_map<std::string, std::string> seen;
    for (int n = 0;; ++n) {
        std::string form = "form " + std::to_string(n);
        auto [it, added] = seen.try_emplace(morgue::form_code(form), form);
        if (!added) return {it->second, form};
    }
}
