#include "morgue/errors.hpp"

#include <fmt/format.h>

namespace morgue {

namespace {

std::string one_line(const Subject& s, const std::string& reason) {
    const std::string& place = s.file.empty() ? s.url : s.file;
    if (place.empty()) return reason;
    if (s.line) return fmt::format("{}:{}: {}", place, s.line, reason);
    return fmt::format("{}: {}", place, reason);
}

} // namespace

Error::Error(Subject subject, std::string reason)
    : std::runtime_error(one_line(subject, reason)), subject_(std::move(subject)),
      reason_(std::move(reason)) {}

} // namespace morgue
