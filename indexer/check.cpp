#include "commands.hpp"
#include "maintenance.hpp"
#include "morgue/document.hpp"
#include "morgue/errors.hpp"

#include <fmt/format.h>
#include <sstream>

namespace morgue {

std::vector<std::string> check_database(const std::string& path) {
    std::vector<std::string> problems;
    try {
        std::ostringstream detail;
        std::size_t errors = Xapian::Database::check(path, Xapian::DBCHECK_SHORT_TREE, &detail);
        if (errors)
            problems.push_back(
                fmt::format("xapian-check found {} error{}", errors, errors == 1 ? "" : "s"));
    } catch (const Xapian::Error& e) {
        problems.push_back(fmt::format("xapian-check: {}", e.get_description()));
        return problems;
    }
    ReadDatabase db = open_for_reading(path); // throws without a Morgue schema
    for (auto it = db.db.postlist_begin(""); it != db.db.postlist_end(""); ++it) {
        try {
            Xapian::Document doc = db.db.get_document(*it);
            read_stored(doc);
            stored_article(doc); // the original item and the page decompress
        } catch (const std::exception& e) {
            problems.push_back(fmt::format("document {}: {}", *it, e.what()));
            if (problems.size() == 20) break;
        }
    }
    return problems;
}

int run_check(const GlobalOptions& o) {
    require_db(o);
    auto problems = check_database(o.db_path);
    for (const auto& p : problems)
        say(stderr, fmt::format("{}: {}", o.db_path, p));
    if (!problems.empty())
        throw DatabaseError({o.db_path}, fmt::format("damaged ({} problem{})", problems.size(),
                                                     problems.size() == 1 ? "" : "s"));
    say(stdout, fmt::format("{}: intact ({} documents)", o.db_path,
                            open_for_reading(o.db_path).db.get_doccount()));
    return exit_ok;
}

} // namespace morgue
