#include "commands.hpp"
#include "maintenance.hpp"
#include "morgue/errors.hpp"
#include "morgue/generation.hpp"
#include "morgue/run_lock.hpp"
#include "morgue/shards.hpp"

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
    // Nightly compacts again once the database has grown past this size:
    // the whole archive's, recorded in each shard.
    std::string bytes = std::to_string(database_bytes(path));
    std::vector<std::string> shards = {path};
    if (!read_shards(path).empty()) {
        shards.clear();
        for (const std::string& rel : shards_within(path, "compact"))
            shards.push_back((std::filesystem::path(path) / rel).string());
    }
    for (const std::string& shard : shards) {
        Xapian::WritableDatabase w(shard);
        w.set_metadata(compacted_metadata_key, bytes);
        w.commit();
        w.close();
    }
}

namespace {

// The database at `path` compacted into `staged`; a sharded archive shard by
// shard, beside a copy of its stub (the same shards in the same places).
void compact_into(const std::string& path, const std::string& staged) {
    constexpr unsigned flags = Xapian::DBCOMPACT_NO_RENUMBER | Xapian::Compactor::FULL;
    if (read_shards(path).empty()) return Xapian::Database(path).compact(staged, flags);
    namespace fs = std::filesystem;
    std::vector<std::string> shards = shards_within(path, "compact");
    fs::create_directory(staged);
    fs::copy_file(fs::path(path) / stub_file_name, fs::path(staged) / stub_file_name);
    for (const std::string& rel : shards) {
        fs::create_directories((fs::path(staged) / rel).parent_path());
        Xapian::Database((fs::path(path) / rel).string())
            .compact((fs::path(staged) / rel).string(), flags);
    }
}

} // namespace

CompactStats compact_database(const std::string& path) {
    WriterLock held(path);          // no other writer's commit may land in the generation replaced
    shards_within(path, "compact"); // before anything is written
    CompactStats s;
    s.before = database_bytes(path);
    std::string staged = staging_path(path);
    try {
        compact_into(path, staged);
        mark_compacted(staged);
    } catch (const std::filesystem::filesystem_error& e) {
        std::error_code ec;
        std::filesystem::remove_all(staged, ec); // the live database is untouched
        throw DatabaseError({path}, fmt::format("compaction failed: {}", e.code().message()));
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
