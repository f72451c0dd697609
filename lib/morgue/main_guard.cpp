#include "morgue/main_guard.hpp"

#include "morgue/console.hpp"
#include "morgue/errors.hpp"

#include <fmt/format.h>
#include <xapian.h>

namespace morgue {

int run_guarded(std::string_view prog, const std::function<int()>& body) {
    console_program(prog);
    auto say = [](std::string_view what) { morgue::say(stderr, what); };
    try {
        return body();
    } catch (const Error& e) {
        say(e.what());
        return e.exit_code();
    } catch (const Xapian::Error& e) {
        say(fmt::format("database error: {}", e.get_description()));
        return exit_database;
    } catch (const std::exception& e) {
        say(fmt::format("internal error: {}", e.what()));
        return exit_database;
    }
}

} // namespace morgue
