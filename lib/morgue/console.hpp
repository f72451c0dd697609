// What a Morgue program prints for people and logs: every line starts with
// the program's name ("morgue-indexer: …"), with a UTC timestamp in front
// for unattended runs, and never carries control characters from feeds or
// servers.  A progress line is drawn on stderr only when it is a terminal,
// and is cleared before any other line is printed, so that lines are never
// glued to it; in a pipe or a log there is none.
#pragma once

#include <cstdio>
#include <string>
#include <string_view>

namespace morgue {

// Set once by main(): the name every line starts with.
void console_program(std::string_view name);
const std::string& console_program();

// Unattended runs (nightly) stamp each line for the cron or journal log.
void console_timestamps(bool on);

// Prints "PROG: line" (one line) on `to`, around any progress line.
void say(std::FILE* to, std::string_view line);

// Whether to colour what goes to `fd`: a terminal, NO_COLOR unset or empty
// (no-color.org) and TERM not "dumb".
bool use_colour(int fd);

// A progress line ("PROG: 3/14 feeds") on a terminal's stderr; nothing when
// stderr is not a terminal or when `wanted` is false (--quiet).  Cleared
// when done or destroyed.
class Progress {
  public:
    explicit Progress(bool wanted = true);
    ~Progress();
    Progress(const Progress&) = delete;
    Progress& operator=(const Progress&) = delete;

    void show(std::string_view text);
    void clear();
    bool on_terminal() const { return enabled_; }

  private:
    bool enabled_ = false;
};

// In a forked child: the parent owns the progress line, the child never
// redraws it (it still clears it before its own lines).
void console_forked();

} // namespace morgue
