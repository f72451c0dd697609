#include "morgue/shards.hpp"

#include "morgue/errors.hpp"

#include <algorithm>
#include <charconv>
#include <cstdio>
#include <filesystem>
#include <fmt/format.h>
#include <fstream>
#include <xxhash.h>

namespace fs = std::filesystem;

namespace morgue {

namespace {

// "host:port", "[v6]:port": what Xapian's stub reader accepts for tcp.
ShardSpec remote_shard(std::string_view where, const Subject& at) {
    auto colon = where.rfind(':');
    unsigned port = 0;
    if (colon != std::string_view::npos) {
        auto [end, ec] =
            std::from_chars(where.data() + colon + 1, where.data() + where.size(), port);
        if (ec != std::errc() || end != where.data() + where.size()) port = 0;
    }
    std::string_view host = colon == std::string_view::npos ? where : where.substr(0, colon);
    if (host.size() >= 2 && host.front() == '[' && host.back() == ']')
        host = host.substr(1, host.size() - 2);
    if (port == 0 || port > 65535 || host.empty())
        throw ConfigError(at, fmt::format("remote shard \"{}\" is not HOST:PORT (xapian-tcpsrv); "
                                          "Morgue reads no other remote kind",
                                          where));
    return {"", std::string(host), port};
}

ShardSpec stub_line(const std::string& line, const fs::path& dir, const Subject& at) {
    auto space = line.find(' ');
    std::string type = line.substr(0, space);
    std::string rest = space == std::string::npos ? "" : line.substr(space + 1);
    if ((type == "auto" || type == "glass") && !rest.empty()) {
        fs::path p(rest);
        return {(p.is_absolute() ? p : dir / p).lexically_normal().string()};
    }
    if (type == "remote" && !rest.empty() && rest[0] != ':') return remote_shard(rest, at);
    throw ConfigError(
        at, fmt::format("\"{}\": a shard is \"auto PATH\" or \"remote HOST:PORT\"", line));
}

} // namespace

std::string ShardSpec::name() const {
    if (!remote()) return path;
    if (host.find(':') != std::string::npos) return fmt::format("remote [{}]:{}", host, port);
    return fmt::format("remote {}:{}", host, port);
}

std::vector<ShardSpec> read_shards(const std::string& path) {
    fs::path stub = fs::path(path) / stub_file_name;
    std::error_code ec;
    if (!fs::is_regular_file(stub, ec)) return {};
    std::ifstream in(stub);
    if (!in) throw ConfigError({stub.string()}, "cannot be read");
    fs::path dir = fs::absolute(path, ec).lexically_normal();
    std::vector<ShardSpec> shards;
    std::string line;
    for (unsigned n = 1; std::getline(in, line); ++n) {
        if (!line.empty() && line.back() == '\r') line.pop_back();
        if (line.empty() || line[0] == '#') continue;
        shards.push_back(stub_line(line, dir, {stub.string(), n}));
    }
    if (shards.empty()) throw ConfigError({stub.string()}, "lists no shard");
    return shards;
}

namespace {

bool is_replica(const fs::path& dir) {
    std::ifstream in(dir / stub_file_name);
    std::string first;
    return in && std::getline(in, first) &&
           first.find("Xapian::DatabaseReplica") != std::string::npos;
}

} // namespace

void refuse_replica(const std::string& path, const std::vector<ShardSpec>& shards) {
    std::vector<std::string> dirs{path};
    for (const ShardSpec& s : shards)
        if (!s.remote()) dirs.push_back(s.path);
    for (const std::string& dir : dirs)
        if (is_replica(dir))
            throw DatabaseError({dir}, "is a replica that xapian-replicate keeps; index its "
                                       "master instead (docs/scaling.md)");
}

void create_sharded_archive(const std::string& path, std::size_t count) {
    std::error_code ec;
    fs::create_directories(path, ec);
    if (ec) throw DatabaseError({path}, fmt::format("cannot be created: {}", ec.message()));
    std::string text =
        fmt::format("# A Morgue archive of {} shards (docs/scaling.md).  Xapian reads this\n"
                    "# file as one database (quest -d, xapian-delve).  Each article is in the\n"
                    "# shard its unique id hashes to: never reorder, add or remove lines by\n"
                    "# hand; `morgue-indexer rebuild --shards N` re-shards.  A local shard may\n"
                    "# be moved to another machine and listed as `remote HOST:PORT`.\n",
                    count);
    for (std::size_t k = 0; k < count; ++k)
        text += fmt::format("auto {}\n", shard_directory(k));
    fs::path stub = fs::path(path) / stub_file_name;
    fs::path tmp = stub;
    tmp += ".tmp";
    {
        std::ofstream out(tmp, std::ios::trunc);
        out << text;
        out.flush();
        if (!out) throw DatabaseError({tmp.string()}, "cannot be written");
    }
    fs::rename(tmp, stub, ec);
    if (ec)
        throw DatabaseError({stub.string()}, fmt::format("cannot be written: {}", ec.message()));
}

std::vector<std::string> shards_within(const std::string& path, const std::string& what) {
    std::error_code ec;
    fs::path dir = fs::absolute(path, ec).lexically_normal();
    std::vector<std::string> out;
    for (const ShardSpec& s : read_shards(path)) {
        std::string rel = s.remote() ? "" : fs::path(s.path).lexically_relative(dir).string();
        if (rel.empty() || rel == "." || rel.starts_with(".."))
            throw DatabaseError(
                {path}, fmt::format("shard {} is not inside the archive's directory: {} it on the "
                                    "machine that holds it (morgue-indexer --db SHARD {})",
                                    s.name(), what, what));
        out.push_back(rel);
    }
    return out;
}

std::string shard_directory(std::size_t index) {
    return fmt::format("shard{}", index);
}

unsigned remote_timeout_for(double seconds) {
    double ms = seconds * 500;
    return ms <= 0 || ms >= remote_timeout_ms ? remote_timeout_ms
                                              : std::max(1U, static_cast<unsigned>(ms));
}

std::size_t shard_of(std::string_view unique_term, std::size_t count) {
    if (count <= 1) return 0;
    return static_cast<std::size_t>(XXH64(unique_term.data(), unique_term.size(), 0) % count);
}

std::string shard_place(std::size_t index, std::size_t count) {
    return fmt::format("{}/{}", index, count);
}

Xapian::Database open_shard(const ShardSpec& shard, unsigned timeout_ms) {
    if (!shard.remote()) return Xapian::Database(shard.path);
    return Xapian::Remote::open(shard.host, shard.port, timeout_ms, timeout_ms);
}

Xapian::WritableDatabase open_writable_shard(const ShardSpec& shard, int flags,
                                             unsigned timeout_ms) {
    if (!shard.remote()) return Xapian::WritableDatabase(shard.path, flags);
    return Xapian::Remote::open_writable(shard.host, shard.port, timeout_ms, timeout_ms, flags);
}

} // namespace morgue
