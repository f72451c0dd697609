// libFuzzer target for the query front-end: whatever a reader types is either
// searched or refused with a UsageError, never a crash, a hang or another
// exception; and every result formats as text without control characters, as
// JSON that parses and as Atom that is well-formed.
//
// Input: the query, then optionally "\0since\0until\0field:value"; the first
// byte picks sort order, collapsing, facets, counting and freshness.
#include "fuzz_archive.hpp"
#include "fuzz_checks.hpp"
#include "morgue/errors.hpp"
#include "output.hpp"
#include "search.hpp"

#include <string>
#include <vector>

namespace {

std::vector<std::string> split(std::string_view s, char sep, std::size_t most) {
    std::vector<std::string> parts;
    while (parts.size() + 1 < most) {
        std::size_t at = s.find(sep);
        if (at == std::string_view::npos) break;
        parts.emplace_back(s.substr(0, at));
        s.remove_prefix(at + 1);
    }
    parts.emplace_back(s);
    return parts;
}

morgue::SearchRequest request_from(std::string_view input) {
    morgue::SearchRequest r;
    unsigned char flags = input.empty() ? 0 : static_cast<unsigned char>(input[0]);
    if (!input.empty()) input.remove_prefix(1);
    auto parts = split(input, '\0', 4);
    r.query = parts[0];
    if (parts.size() > 1) r.since = parts[1];
    if (parts.size() > 2) r.until = parts[2];
    if (parts.size() > 3) {
        std::size_t colon = parts[3].find(':');
        if (colon != std::string::npos)
            r.filters[parts[3].substr(0, colon)].push_back(parts[3].substr(colon + 1));
    }
    r.sort = static_cast<morgue::Sort>((flags & 3) % 3);
    r.collapse = flags & 4;
    if (flags & 8) r.facets = {"columnist", "topic", "year"};
    r.count_only = flags & 16;
    if (flags & 32) r.recency_days = 30;
    if (flags & 64) r.offset = 5;
    r.time_limit = 5; // a hang is caught by libFuzzer's -timeout, not hidden here
    return r;
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    morgue::SearchRequest request = request_from({reinterpret_cast<const char*>(data), size});
    morgue::SearchResult result;
    try {
        result = morgue::search(morgue::fuzz::archive(), request, {"[", "]"});
    } catch (const morgue::UsageError&) {
        return 0; // refused with a message: allowed
    }
    morgue::fuzz::check_terminal_text(morgue::format_text(result));
    morgue::fuzz::check_json(morgue::format_json(result));
    morgue::fuzz::check_atom(morgue::format_atom(result, "Morgue fuzz"));
    return 0;
}
