// Database generations.  `rebuild` and `compact` write a complete new
// database beside the live one (DB.new), then exchange the two directories in
// one renameat2(RENAME_EXCHANGE) and remove the old one.  A searcher opens
// either the old or the new database, never a mixture (open_for_reading
// retries the rare open that straddles the exchange); one that already has
// the old one open keeps reading its files, which outlive their names.
#pragma once

#include <cstdint>
#include <memory>
#include <string>
#include <string_view>
#include <vector>
#include <xapian.h>

namespace morgue {

// The directory the database really is: `..`, `.` and symlinks resolved (a
// link whose target does not exist yet names where it will be created).  The
// run lock and the generations are kept beside it, so that every alias of an
// archive takes the same lock and a symlinked --db keeps its link.
std::string real_database_path(const std::string& db_path);

// The path `suffix` names beside the real database directory ("DB" +
// ".lock", ".new"), however the database path was written ("db/", "./db",
// a symlink).
std::string beside_database(const std::string& db_path, std::string_view suffix);

// Xapian's own write lock on the live database, held from before a new
// generation is read from it until the switch: a writer that is not
// morgue-indexer, or that reaches the directory by a path the run lock does
// not see (a bind mount), can then neither commit into the generation being
// replaced nor be lost with it.  Holds nothing when there is no database;
// every shard's lock for a sharded archive (shards.hpp).
class WriterLock {
  public:
    // Throws LockedError when another writer has the database open.
    explicit WriterLock(const std::string& db_path);
    ~WriterLock();
    WriterLock(const WriterLock&) = delete;
    WriterLock& operator=(const WriterLock&) = delete;
    void release();

  private:
    std::vector<std::unique_ptr<Xapian::WritableDatabase>> dbs_; // each shard's
};

// DB.new, emptied of anything a killed run left there.
std::string staging_path(const std::string& db_path);

// Makes `staged` the database at `db_path`, atomically, then deletes the
// previous generation; with no database there yet, moves `staged` into
// place.  `staged` is synced to disk first; when that fails it is removed,
// the live database is left as it was, and DatabaseError is thrown.  `staged` must be
// beside_database(db_path, ...).  `held` is released once the exchange is made, before the old
// generation goes.
void switch_generation(const std::string& db_path, const std::string& staged,
                       WriterLock* held = nullptr);

// Bytes in the database's files.
std::uintmax_t database_bytes(const std::string& db_path);

} // namespace morgue
