// The command line as both programs read it (CLI11), in Morgue's own voice:
// a parse error is one line "PROG: …" (an unknown subcommand or option with
// the nearest one suggested, a bad value with what was expected), exit 2;
// validators whose messages say what was wrong; and global options accepted
// after the subcommand too (set fallthrough before adding subcommands).
#pragma once

#include <CLI/CLI.hpp>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace morgue::cli {

// A whole number from `min` to `max`: `--jobs 0` says "0 is not a whole
// number from 1 to 64".
CLI::Validator whole_number(long long min, long long max);

// A number (decimals allowed) from `min` to `max`.
CLI::Validator number(double min, double max);

// One of `words` (any case; given back as written in `words`).
CLI::Validator one_of(std::vector<std::string> words);

// The choice nearest to `word` by edit distance (or the one it begins),
// if it is near enough to be what was meant; "" otherwise.
std::string nearest(std::string_view word, const std::vector<std::string>& choices);

// The one-line message for a parse error of `app` on `args` (argv without
// the program name), without the program's name.
std::string error_message(const CLI::App& app, const CLI::ParseError& e,
                          const std::vector<std::string>& args);

// Parses; returns an exit code when the program is to stop at once (help
// or version printed: 0; a parse error printed on stderr: 2), else nothing.
std::optional<int> parse(CLI::App& app, int argc, char** argv);

} // namespace morgue::cli
