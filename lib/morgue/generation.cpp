#include "morgue/generation.hpp"

#include "morgue/errors.hpp"

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

std::string normal(const std::string& path) {
    std::string p = fs::path(path).lexically_normal().string();
    while (p.size() > 1 && p.back() == '/')
        p.pop_back();
    return p;
}

// The exchange is durable once the directory holding both names is synced.
void sync_parent(const std::string& path) {
    fs::path parent = fs::absolute(path).parent_path();
    int fd = open(parent.c_str(), O_RDONLY | O_DIRECTORY | O_CLOEXEC);
    if (fd < 0) return;
    fsync(fd);
    close(fd);
}

} // namespace

std::string beside_database(const std::string& db_path, std::string_view suffix) {
    return normal(db_path) + std::string(suffix);
}

std::string staging_path(const std::string& db_path) {
    std::string staged = beside_database(db_path, ".new");
    std::error_code ec;
    fs::remove_all(staged, ec);
    if (ec)
        throw DatabaseError(
            fmt::format("{}: cannot clear what a previous run left: {}", staged, ec.message()));
    return staged;
}

void switch_generation(const std::string& db_path, const std::string& staged) {
    std::string live = normal(db_path);
    std::error_code ec;
    if (!fs::exists(live, ec)) { // the first generation: nothing to exchange with
        fs::rename(staged, live, ec);
        if (ec)
            throw DatabaseError(fmt::format("{}: cannot move the new database {} into place: {}",
                                            live, staged, ec.message()));
        sync_parent(live);
        return;
    }
    if (renameat2(AT_FDCWD, staged.c_str(), AT_FDCWD, live.c_str(), RENAME_EXCHANGE) != 0)
        throw DatabaseError(fmt::format("{}: cannot switch to the new generation {}: {}", live,
                                        staged, std::strerror(errno)));
    sync_parent(live);
    // `staged` now names the previous generation.
    fs::remove_all(staged, ec);
    if (ec)
        throw DatabaseError(
            fmt::format("{}: switched, but the old generation {} could not be removed: {}", live,
                        staged, ec.message()));
}

std::uintmax_t database_bytes(const std::string& db_path) {
    std::uintmax_t total = 0;
    std::error_code ec;
    for (const auto& entry : fs::directory_iterator(db_path, ec))
        if (entry.is_regular_file(ec)) total += entry.file_size(ec);
    return total;
}

} // namespace morgue
