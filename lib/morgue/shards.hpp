// An archive of several shards.  An archive is one Xapian database
// directory, or a directory holding a Xapian stub file (XAPIANDB) that lists
// its shards one per line, as Xapian itself reads them:
//     auto shard0             a local database (relative to the directory)
//     remote host:port        a database served by xapian-tcpsrv
// so that xapian-delve and quest open the same directory as one database.
// Each article lives in one shard, chosen by a stable hash of its unique
// term (shard_of), so that updates and duplicates meet in the same shard
// whatever process writes them.  The order of the lines is the routing: each
// shard records its place (shard_metadata_key) and a writer refuses a list
// that has been reordered, grown or shrunk (`rebuild --shards N` re-shards).
#pragma once

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>
#include <xapian.h>

namespace morgue {

inline constexpr const char* stub_file_name = "XAPIANDB";

struct ShardSpec {
    std::string path = {}; // a local shard: its absolute path; empty for a remote one
    std::string host = {}; // a remote shard's xapian-tcpsrv
    unsigned port = 0;
    bool remote() const { return path.empty(); }
    // How messages name it: the path, or "remote HOST:PORT".
    std::string name() const;
};

// The shards the stub in directory `path` lists; empty when `path` is not a
// sharded archive (a single database, or nothing yet).  Throws ConfigError
// naming the stub's file and line for a line Morgue cannot route to (a type
// other than auto, glass or remote HOST:PORT).
std::vector<ShardSpec> read_shards(const std::string& path);

// Throws DatabaseError when `path`, or a local shard in `shards` (as
// read_shards gives them), is a read replica that xapian-replicate keeps (its
// stub file is Xapian::DatabaseReplica's): a write there would be lost at the
// next full copy, or break the next changeset.  The master is indexed.
void refuse_replica(const std::string& path, const std::vector<ShardSpec>& shards);

// The directory of local shard `index` in an archive Morgue creates ("shard0").
std::string shard_directory(std::size_t index);

// Creates directory `path` holding a stub that lists `count` local shards
// (shard_directory(k); not yet created), written whole or not at all.
void create_sharded_archive(const std::string& path, std::size_t count);

// The shards of the sharded archive at `path`, each as a path relative to
// it, for work that writes a whole new generation of the archive (compact,
// rebuild): every shard must be a local one inside its directory, or
// DatabaseError says which is not and that `what` runs on its own machine.
std::vector<std::string> shards_within(const std::string& path, const std::string& what);

// The shard (0 .. count-1) an article with this unique term belongs in: a
// stable hash (XXH64), the same on every machine and in every release.
std::size_t shard_of(std::string_view unique_term, std::size_t count);

// Where document `id` of an archive of `count` shards is: Xapian interleaves
// the shards' ids, so it is shard (id - 1) mod count's document
// (id - 1) / count + 1.
struct ShardDocument {
    std::size_t shard;
    Xapian::docid id; // the shard's own
};
inline ShardDocument shard_document(Xapian::docid id, std::size_t count) {
    return {(id - 1) % count, static_cast<Xapian::docid>((id - 1) / count + 1)};
}

// A shard's place, as its metadata records it: "K/N".
inline constexpr const char* shard_metadata_key = "morgue:shard";
std::string shard_place(std::size_t index, std::size_t count);

// Milliseconds a remote shard may take to connect and to answer.
inline constexpr unsigned remote_timeout_ms = 10000;
// For a search that may take `seconds` (0: no limit): half of it, at most
// remote_timeout_ms, so that a silent shard is left out in time.
unsigned remote_timeout_for(double seconds);

// The shard opened on its own: throws Xapian's errors.
Xapian::Database open_shard(const ShardSpec& shard, unsigned timeout_ms = remote_timeout_ms);
Xapian::WritableDatabase open_writable_shard(const ShardSpec& shard, int flags,
                                             unsigned timeout_ms = remote_timeout_ms);

} // namespace morgue
