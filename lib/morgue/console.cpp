#include "morgue/console.hpp"

#include "morgue/dates.hpp"
#include "morgue/text.hpp"

#include <cstdlib>
#include <ctime>
#include <fmt/format.h>
#include <mutex>
#include <unistd.h>

namespace morgue {

namespace {

std::string program = "morgue";
bool stamped = false;
bool child = false;

// The progress line being shown ("" if none): redrawn after a message, so
// that it stays the last line on the terminal.
std::mutex lock;
std::string shown;

constexpr const char* erase_line = "\r\x1b[K";

} // namespace

void console_program(std::string_view name) {
    program = name;
}

const std::string& console_program() {
    return program;
}

void console_timestamps(bool on) {
    stamped = on;
}

void say(std::FILE* to, std::string_view line) {
    std::string clean = one_line(line);
    std::lock_guard held(lock);
    if (!shown.empty()) {
        std::fflush(stdout); // what is already written comes before the erase
        std::fputs(erase_line, stderr);
        std::fflush(stderr);
    }
    if (stamped)
        fmt::print(to, "{} {}: {}\n", iso8601_utc(std::time(nullptr)), program, clean);
    else
        fmt::print(to, "{}: {}\n", program, clean);
    std::fflush(to);
    if (!shown.empty() && !child) {
        fmt::print(stderr, "{}: {}", program, shown);
        std::fflush(stderr);
    }
}

bool use_colour(int fd) {
    const char* no_colour = std::getenv("NO_COLOR");
    const char* term = std::getenv("TERM");
    return isatty(fd) && !(no_colour && *no_colour) && !(term && std::string_view(term) == "dumb");
}

Progress::Progress(bool wanted) : enabled_(wanted && !child && isatty(STDERR_FILENO)) {}

Progress::~Progress() {
    clear();
}

void Progress::show(std::string_view text) {
    if (!enabled_ || child) return;
    std::lock_guard held(lock);
    shown = one_line(text);
    std::fflush(stdout);
    fmt::print(stderr, "{}{}: {}", erase_line, program, shown);
    std::fflush(stderr);
}

void Progress::clear() {
    if (!enabled_) return;
    std::lock_guard held(lock);
    if (shown.empty()) return;
    shown.clear();
    std::fputs(erase_line, stderr);
    std::fflush(stderr);
}

void console_forked() {
    child = true;
}

} // namespace morgue
