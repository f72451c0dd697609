#include "commands.hpp"
#include "maintenance.hpp"
#include "morgue/errors.hpp"
#include "morgue/generation.hpp"
#include "morgue/run_lock.hpp"

#include <charconv>
#include <filesystem>
#include <fmt/format.h>

namespace morgue {

std::uintmax_t compacted_bytes(const Xapian::Database& db) {
    std::string v = db.get_metadata(compacted_metadata_key);
    std::uintmax_t n = 0;
    std::from_chars(v.data(), v.data() + v.size(), n); // absent or damaged: 0, compact
    return n;
}

void mark_compacted(const std::string& path) {
    // Nightly compacts again once the database has grown past this size.
    Xapian::WritableDatabase w(path);
    w.set_metadata(compacted_metadata_key, std::to_string(database_bytes(path)));
    w.commit();
    w.close();
}

CompactStats compact_database(const std::string& path) {
    WriterLock held(path); // no other writer's commit may land in the generation replaced
    CompactStats s;
    s.before = database_bytes(path);
    std::string staged = staging_path(path);
    try {
        Xapian::Database(path).compact(staged,
                                       Xapian::DBCOMPACT_NO_RENUMBER | Xapian::Compactor::FULL);
        mark_compacted(staged);
    } catch (const Xapian::Error& e) {
        std::error_code ec;
        std::filesystem::remove_all(staged, ec); // the live database is untouched
        throw DatabaseError({path}, fmt::format("compaction failed: {}", e.get_description()));
    }
    s.after = database_bytes(staged);
    switch_generation(path, staged, &held);
    return s;
}

int run_compact(const GlobalOptions& o) {
    require_db(o);
    RunLock lock(o.db_path);
    auto c = compact_database(o.db_path);
    say(stdout, fmt::format("compacted: {:.1f} MB -> {:.1f} MB; switched to the new generation",
                            c.before / 1e6, c.after / 1e6));
    return exit_ok;
}

} // namespace morgue
