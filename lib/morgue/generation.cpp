#include "morgue/generation.hpp"

#include "morgue/errors.hpp"
#include "morgue/shards.hpp"

#include <cerrno>
#include <cstdio>
#include <cstring>
#include <fcntl.h>
#include <filesystem>
#include <fmt/format.h>
#include <unistd.h>

namespace fs = std::filesystem;

namespace morgue {

namespace {

constexpr int max_symlinks = 40; // as the kernel's ELOOP limit

// The exchange is durable once the directory holding both names is synced.
void sync_parent(const std::string& path) {
    fs::path parent = fs::absolute(path).parent_path();
    int fd = open(parent.c_str(), O_RDONLY | O_DIRECTORY | O_CLOEXEC);
    if (fd < 0) return;
    fsync(fd);
    close(fd);
}

// Every file of a new generation, and its directory, on disk before it goes
// live: the old generation is deleted after the switch, so a write error
// must surface now, not after.  Xapian 1.4.22's compaction does not check
// its own fdatasync calls (found by T450-io-errors); an error the kernel has
// already reported there is beyond repair, but one not yet reported is
// caught here.  Throws DatabaseError naming the file.
void sync_generation(const std::string& staged) {
    auto sync = [](const fs::path& p, int flags) {
        int fd = open(p.c_str(), O_RDONLY | O_CLOEXEC | flags);
        bool ok = fd >= 0 && fsync(fd) == 0;
        int error = errno;
        if (fd >= 0) close(fd);
        if (!ok)
            throw DatabaseError({p.string()},
                                fmt::format("cannot be written to disk: {}", std::strerror(error)));
    };
    std::error_code ec;
    // Recursive: a sharded archive's shards are directories within it.
    fs::recursive_directory_iterator files(staged, ec);
    if (ec)
        throw DatabaseError({staged},
                            fmt::format("cannot read the new generation: {}", ec.message()));
    for (const auto& entry : files) {
        if (entry.is_regular_file(ec)) sync(entry.path(), 0);
        if (entry.is_directory(ec)) sync(entry.path(), O_DIRECTORY);
    }
    sync(staged, O_DIRECTORY);
}

} // namespace

std::string real_database_path(const std::string& db_path) {
    std::error_code ec;
    fs::path p = fs::absolute(db_path, ec).lexically_normal();
    if (!p.has_filename()) p = p.parent_path(); // "db/"
    for (int i = 0; i < max_symlinks && fs::is_symlink(p, ec); ++i) {
        fs::path target = fs::read_symlink(p, ec);
        if (ec) break;
        p = (target.is_absolute() ? target : p.parent_path() / target).lexically_normal();
        if (!p.has_filename()) p = p.parent_path();
    }
    fs::path real = fs::weakly_canonical(p, ec); // symlinks among the parents
    return ec ? p.string() : real.string();
}

std::string beside_database(const std::string& db_path, std::string_view suffix) {
    return real_database_path(db_path) + std::string(suffix);
}

WriterLock::WriterLock(const std::string& db_path) {
    std::error_code ec;
    if (!fs::exists(db_path, ec)) return;
    std::vector<ShardSpec> shards = read_shards(db_path);
    refuse_replica(db_path, shards);
    bool sharded = !shards.empty();
    if (!sharded) shards.push_back({db_path});
    for (const ShardSpec& shard : shards) {
        std::string name = sharded ? fmt::format("{}: shard {}", db_path, shard.name()) : db_path;
        try {
            dbs_.push_back(std::make_unique<Xapian::WritableDatabase>(
                open_writable_shard(shard, Xapian::DB_OPEN)));
        } catch (const Xapian::DatabaseLockError&) {
            throw LockedError({name}, "another program is writing this database (Xapian's "
                                      "write lock is held); not starting");
        } catch (const Xapian::Error& e) {
            throw DatabaseError({name}, e.get_description());
        }
    }
}

WriterLock::~WriterLock() {
    release();
}

void WriterLock::release() {
    for (auto& db : dbs_) {
        try {
            db->close(); // nothing was written: this only lets the lock go
            db.reset();
        } catch (const Xapian::Error&) {
            (void)db.release(); // never run a throwing destructor; the fd goes at exit
        }
    }
    dbs_.clear();
}

std::string staging_path(const std::string& db_path) {
    std::string staged = beside_database(db_path, ".new");
    std::error_code ec;
    fs::remove_all(staged, ec);
    if (ec)
        throw DatabaseError({staged},
                            fmt::format("cannot clear what a previous run left: {}", ec.message()));
    return staged;
}

void switch_generation(const std::string& db_path, const std::string& staged, WriterLock* held) {
    std::string live = real_database_path(db_path);
    std::error_code ec;
    try {
        sync_generation(staged);
    } catch (...) {
        fs::remove_all(staged, ec); // never live: the live database is untouched
        throw;
    }
    if (!fs::exists(live, ec)) { // the first generation: nothing to exchange with
        fs::rename(staged, live, ec);
        if (ec)
            throw DatabaseError({live},
                                fmt::format("cannot move the new database {} into place: {}",
                                            staged, ec.message()));
        sync_parent(live);
        return;
    }
    if (renameat2(AT_FDCWD, staged.c_str(), AT_FDCWD, live.c_str(), RENAME_EXCHANGE) != 0)
        throw DatabaseError({live}, fmt::format("cannot switch to the new generation {}: {}",
                                                staged, std::strerror(errno)));
    sync_parent(live);
    if (held) held->release();
    // `staged` now names the previous generation.
    fs::remove_all(staged, ec);
    if (ec)
        throw DatabaseError(
            {live}, fmt::format("switched, but the old generation {} could not be removed: {}",
                                staged, ec.message()));
}

std::uintmax_t database_bytes(const std::string& db_path) {
    std::uintmax_t total = 0;
    std::error_code ec;
    for (const auto& entry : fs::recursive_directory_iterator(db_path, ec))
        if (entry.is_regular_file(ec)) total += entry.file_size(ec);
    return total;
}

} // namespace morgue
