// Database generations.  `rebuild` and `compact` write a complete new
// database beside the live one (DB.new), then exchange the two directories in
// one renameat2(RENAME_EXCHANGE) and remove the old one.  A searcher opens
// either the old or the new database, never a mixture (open_for_reading
// retries the rare open that straddles the exchange); one that already has
// the old one open keeps reading its files, which outlive their names.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>

namespace morgue {

// The path `suffix` names beside the database ("DB" + ".lock", ".new"),
// however the database path was written ("db/", "./db").
std::string beside_database(const std::string& db_path, std::string_view suffix);

// DB.new, emptied of anything a killed run left there.
std::string staging_path(const std::string& db_path);

// Makes `staged` the database at `db_path`, atomically, then deletes the
// previous generation; with no database there yet, moves `staged` into
// place.  Both must be in the same parent directory.
void switch_generation(const std::string& db_path, const std::string& staged);

// Bytes in the database's files.
std::uintmax_t database_bytes(const std::string& db_path);

} // namespace morgue
