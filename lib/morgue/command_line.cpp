#include "morgue/command_line.hpp"

#include "morgue/console.hpp"
#include "morgue/errors.hpp"

#include <algorithm>
#include <cctype>
#include <charconv>
#include <climits>
#include <cmath>
#include <cstdlib>
#include <fmt/format.h>

namespace morgue::cli {

namespace {

std::string lower(std::string_view s) {
    std::string out(s);
    for (char& c : out)
        c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    return out;
}

// "a, b or c"
std::string alternatives(const std::vector<std::string>& words, std::string_view last = "or") {
    std::string out;
    for (std::size_t i = 0; i < words.size(); ++i)
        out += (i == 0 ? "" : i + 1 == words.size() ? fmt::format(" {} ", last) : ", ") + words[i];
    return out;
}

std::string did_you_mean(std::string_view word, const std::vector<std::string>& choices) {
    std::string near = nearest(word, choices);
    return near.empty() ? "" : fmt::format("; did you mean {}?", near);
}

// A bound so high that it is no bound to a reader: the type's limit.
template <typename T>
bool open_ended(T max) {
    return max >= T(1e9);
}

// "from 1 to 64", or "of at least 0" when there is no upper bound to speak of.
template <typename T>
std::string bounds(T min, T max) {
    if (open_ended(max)) return fmt::format("of at least {}", min);
    return fmt::format("from {} to {}", min, max);
}

// Optimal string alignment distance: a swap of neighbours counts as one edit.
std::size_t distance(std::string_view a, std::string_view b) {
    std::vector<std::vector<std::size_t>> d(a.size() + 1, std::vector<std::size_t>(b.size() + 1));
    for (std::size_t i = 0; i <= a.size(); ++i)
        d[i][0] = i;
    for (std::size_t j = 0; j <= b.size(); ++j)
        d[0][j] = j;
    for (std::size_t i = 1; i <= a.size(); ++i)
        for (std::size_t j = 1; j <= b.size(); ++j) {
            std::size_t cost = a[i - 1] == b[j - 1] ? 0 : 1;
            d[i][j] = std::min({d[i - 1][j] + 1, d[i][j - 1] + 1, d[i - 1][j - 1] + cost});
            if (i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1])
                d[i][j] = std::min(d[i][j], d[i - 2][j - 2] + 1);
        }
    return d[a.size()][b.size()];
}

std::vector<std::string> subcommand_names(const CLI::App& app) {
    std::vector<std::string> names;
    for (const CLI::App* sub : app.get_subcommands([](const CLI::App*) { return true; }))
        names.push_back(sub->get_name());
    return names;
}

// The long options `app` takes ("--db"), its parents' too when they fall through.
std::vector<std::string> long_options(const CLI::App* app) {
    std::vector<std::string> names;
    for (; app; app = app->get_fallthrough() ? app->get_parent() : nullptr)
        for (const CLI::Option* o : app->get_options())
            for (const auto& n : o->get_lnames())
                names.push_back("--" + n);
    return names;
}

const CLI::Option* find_option(const CLI::App* app, const std::string& name) {
    for (; app; app = app->get_fallthrough() ? app->get_parent() : nullptr)
        if (const CLI::Option* o = app->get_option_no_throw(name)) return o;
    return nullptr;
}

bool has_positionals(const CLI::App* app) {
    return !app->get_options([](const CLI::Option* o) { return o->get_positional(); }).empty();
}

bool looks_like_number(std::string_view s) {
    return s.size() > 1 && s[0] == '-' &&
           (std::isdigit(static_cast<unsigned char>(s[1])) || s[1] == '.');
}

std::string in(const CLI::App* app) {
    return app->get_parent() ? fmt::format(" for {}", app->get_name()) : "";
}

// Reads `args` as CLI11 does, far enough to name what it did not know: an
// unknown subcommand or option, or an option without its value.  "" when
// the fault is elsewhere; `at` is left at the subcommand reached.
std::string diagnose(const CLI::App& app, const std::vector<std::string>& args,
                     const CLI::App*& at) {
    at = &app;
    for (std::size_t i = 0; i < args.size(); ++i) {
        const std::string& a = args[i];
        if (a == "--") break;
        if (a.size() > 1 && a[0] == '-' && !looks_like_number(a)) {
            bool is_long = a.rfind("--", 0) == 0;
            std::string name = is_long ? a.substr(0, a.find('=')) : a.substr(0, 2);
            const CLI::Option* o = find_option(at, name);
            if (!o)
                return fmt::format("unknown option {}{}{}", name, in(at),
                                   did_you_mean(name, long_options(at)));
            bool inline_value = is_long ? a.find('=') != std::string::npos : a.size() > 2;
            if (o->get_items_expected_max() > 0 && !inline_value) {
                bool missing =
                    i + 1 == args.size() || (args[i + 1].size() > 1 && args[i + 1][0] == '-' &&
                                             !looks_like_number(args[i + 1]));
                if (missing && o->get_items_expected_min() > 0)
                    return fmt::format("{} needs a value", name);
                ++i;
            }
            continue;
        }
        if (auto subs = subcommand_names(*at); !subs.empty()) {
            if (std::find(subs.begin(), subs.end(), a) != subs.end()) {
                at = at->get_subcommand(a);
                continue;
            }
            if (!has_positionals(at))
                return fmt::format(
                    "unknown subcommand \"{}\"{}", a,
                    did_you_mean(a, subs).empty()
                        ? fmt::format("; the subcommands are {}", alternatives(subs, "and"))
                        : did_you_mean(a, subs));
        }
        if (!has_positionals(at)) return fmt::format("unexpected argument \"{}\"{}", a, in(at));
    }
    return {};
}

// CLI11's own wording, for the faults diagnose() does not name: lower case,
// and said of the subcommand it concerns.
std::string translated(const CLI::App& app, const CLI::App* at, const CLI::ParseError& e) {
    std::string what = e.what();
    if (dynamic_cast<const CLI::RequiredError*>(&e) && !at->get_parent() &&
        what.find("ubcommand") != std::string::npos)
        return fmt::format("a subcommand is required: {}", alternatives(subcommand_names(app)));
    // "The value…" reads as Morgue's "the value…"; "FILE is required" keeps its name.
    if (what.size() > 1 && std::islower(static_cast<unsigned char>(what[1])))
        what[0] = static_cast<char>(std::tolower(static_cast<unsigned char>(what[0])));
    bool of_option = what.rfind("-", 0) == 0; // "--jobs: …" names what it concerns
    return at->get_parent() && !of_option ? fmt::format("{}: {}", at->get_name(), what) : what;
}

} // namespace

CLI::Validator whole_number(long long min, long long max) {
    return CLI::Validator(
        [=](std::string& s) -> std::string {
            long long v = 0;
            auto [end, ec] = std::from_chars(s.data(), s.data() + s.size(), v);
            if (ec != std::errc() || end != s.data() + s.size() || v < min || v > max)
                return fmt::format("expected a whole number {}, not \"{}\"", bounds(min, max), s);
            return {};
        },
        open_ended(max) ? fmt::format("{}..", min) : fmt::format("{}..{}", min, max));
}

CLI::Validator number(double min, double max) {
    return CLI::Validator(
        [=](std::string& s) -> std::string {
            char* end = nullptr;
            double v = s.empty() ? NAN : std::strtod(s.c_str(), &end);
            if (std::isnan(v) || end != s.c_str() + s.size() || v < min || v > max)
                return fmt::format("expected a number {}, not \"{}\"", bounds(min, max), s);
            return {};
        },
        open_ended(max) ? fmt::format("{}..", min) : fmt::format("{}..{}", min, max));
}

CLI::Validator one_of(std::vector<std::string> words) {
    std::string description = "{";
    for (const auto& w : words)
        description += (description.size() > 1 ? "," : "") + w;
    description += "}";
    return CLI::Validator(
        [words](std::string& s) -> std::string {
            for (const auto& w : words)
                if (lower(w) == lower(s)) {
                    s = w;
                    return {};
                }
            return fmt::format("expected {}, not \"{}\"{}", alternatives(words), s,
                               did_you_mean(lower(s), words));
        },
        description);
}

std::string nearest(std::string_view word, const std::vector<std::string>& choices) {
    std::string best;
    std::size_t best_distance = SIZE_MAX;
    for (const auto& c : choices) {
        std::size_t d = distance(word, c);
        if (d < best_distance) best = c, best_distance = d;
    }
    // Begun but not finished ("--lim"): the one choice it begins.
    std::vector<std::string> begun;
    for (const auto& c : choices)
        if (word.size() >= 3 && c.rfind(word, 0) == 0) begun.push_back(c);
    if (begun.size() == 1 && best_distance > 1) return begun[0];
    std::string_view bare = word.substr(
        word.find_first_not_of('-') == std::string_view::npos ? 0 : word.find_first_not_of('-'));
    std::size_t allowed = std::max<std::size_t>(1, bare.size() / 3);
    return best_distance <= allowed ? best : std::string();
}

std::string error_message(const CLI::App& app, const CLI::ParseError& e,
                          const std::vector<std::string>& args) {
    const CLI::App* at = &app;
    std::string found = diagnose(app, args, at);
    if (!found.empty() && !dynamic_cast<const CLI::ValidationError*>(&e)) return found;
    return translated(app, at, e);
}

std::optional<int> parse(CLI::App& app, int argc, char** argv) {
    try {
        app.parse(argc, argv);
    } catch (const CLI::Success& e) {
        return app.exit(e) == 0 ? exit_ok : exit_usage; // help or version, on stdout
    } catch (const CLI::ParseError& e) {
        say(stderr, error_message(app, e, std::vector<std::string>(argv + 1, argv + argc)));
        return exit_usage;
    }
    return std::nullopt;
}

} // namespace morgue::cli
