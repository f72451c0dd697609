#include "commands.hpp"
#include "maintenance.hpp"
#include "morgue/document.hpp"
#include "morgue/errors.hpp"

#include <fmt/format.h>
#include <sstream>

namespace morgue {

namespace {

// xapian-check's verdict on one database: its problems, prefixed with `who`.
bool xapian_check(const std::string& path, const std::string& who,
                  std::vector<std::string>& problems) {
    try {
        std::ostringstream detail;
        std::size_t errors = Xapian::Database::check(path, Xapian::DBCHECK_SHORT_TREE, &detail);
        if (errors)
            problems.push_back(fmt::format("{}xapian-check found {} error{}", who, errors,
                                           errors == 1 ? "" : "s"));
        return true;
    } catch (const Xapian::Error& e) {
        problems.push_back(fmt::format("{}xapian-check: {}", who, e.get_description()));
        return false;
    }
}

} // namespace

std::vector<std::string> check_database(const std::string& path) {
    std::vector<std::string> problems;
    std::vector<ShardSpec> layout = read_shards(path);
    if (layout.empty() && !xapian_check(path, "", problems)) return problems;
    // A remote shard is checked on its own machine; here, through its documents.
    bool intact = true;
    for (const ShardSpec& s : layout)
        if (!s.remote())
            intact = xapian_check(s.path, fmt::format("shard {}: ", s.name()), problems) && intact;
    if (!intact) return problems;
    ReadDatabase db = open_for_reading(path); // throws without a Morgue schema
    std::size_t n = db.shards.size();
    for (auto it = db.db.postlist_begin(""); it != db.db.postlist_end(""); ++it) {
        try {
            Xapian::Document doc = db.db.get_document(*it);
            read_stored(doc);
            stored_article(doc); // the original item and the page decompress
        } catch (const std::exception& e) {
            std::string where = fmt::format("document {}", *it);
            if (!layout.empty()) {
                ShardDocument at = shard_document(*it, n);
                where = fmt::format("shard {}: document {}", layout[at.shard].name(), at.id);
            }
            problems.push_back(fmt::format("{}: {}", where, e.what()));
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
