// Opening Morgue databases.  A database carries its schema in its metadata
// (schema_metadata_key, layout.hpp), written by the indexer when it creates it.
#pragma once

#include "morgue/article.hpp"
#include "morgue/language.hpp"
#include "morgue/layout.hpp" // the metadata keys
#include "morgue/schema.hpp"
#include "morgue/shards.hpp"

#include <cstdint>
#include <map>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>
#include <unordered_set>
#include <vector>
#include <xapian.h>

namespace morgue {

// What opening an archive does with a shard it cannot reach (down, refusing
// connections, slower than the timeout, missing): fail, naming it, or leave
// it out and go on with the others (a searcher's partial results).
enum class MissingShards { fail, skip };

// Xapian's statistics of one value slot in an open revision.
struct ValueStats {
    Xapian::doccount freq = 0; // the documents with a value in it
    std::string lower = {};    // Xapian's bounds: each may lie beyond
    std::string upper = {};    // the values now held (they only widen)
};

// A number for each open of an archive, never given twice in a process.
std::uint64_t next_open_serial();

struct ReadDatabase {
    Xapian::Database db; // the whole archive: every shard (shards.hpp) at once
    Schema schema;
    std::unordered_map<std::string, std::string> topic_aliases = {}; // case-folded name -> topic
    std::vector<std::string> languages = {}; // codes, as languages_metadata_key lists them
    // Each shard on its own (one entry, `db` itself, for a single database),
    // sharing `db`'s handles: a reopen of `db` reopens them.
    std::vector<Xapian::Database> shards = {};
    std::vector<ShardSpec> layout = {}; // what the stub lists; empty for a single database
    // With MissingShards::skip, the shards left out ("NAME: reason"), each
    // in `shards` as an empty database so that document ids stay the same.
    std::vector<std::string> missing = {};
    MissingShards on_missing = MissingShards::fail;
    unsigned timeout_ms = remote_timeout_ms;
    // Which open this is: another once reopen() brings another revision.
    // What a process remembers of an archive is keyed by it when Xapian does
    // not tell the revision (a remote shard's): memory_key().
    std::uint64_t serial = next_open_serial();
    // The value statistics asked of this revision (value_stats()).
    mutable std::map<Xapian::valueno, ValueStats> value_stats_asked = {};
};

// Xapian's statistics of `slot` in the revision open, asked of Xapian once
// a revision: a search asks for the same few slots (facets, dates), and on
// a remote shard each asking is a network round trip.
const ValueStats& value_stats(const ReadDatabase& db, Xapian::valueno slot);

// The slot date ranges use in `db`: slot_local_date when every document has
// it, else (an archive written partly before it, until it is rebuilt) the
// schema's date slot, on UTC's calendar.
Xapian::valueno calendar_slot(const ReadDatabase& db);

// db.db.reopen(); when that brings another revision, what was asked of the
// old one is forgotten and the open gets another serial.  True if it did.
bool reopen(ReadDatabase& db);

// Whether any shard of `db` is served by xapian-tcpsrv: what the remote
// backend cannot do cheaply (term lists, revisions) is then done otherwise.
bool has_remote_shard(const ReadDatabase& db);

// The codes in a languages_metadata_key value.
std::vector<std::string> language_list(const std::string& value);
// Each code of each list once, in the order first met: for shards merged.
std::string merge_language_lists(const std::vector<std::string>& values);

// The value a filter on `field` by `value` means: for a topic, the one it is
// filed under (its alias's first name); for a language, its code ("German"
// and "de-DE" are "de"); otherwise `value` itself.
std::string canonical_value(const ReadDatabase& db, std::string_view field,
                            const std::string& value);

// Throws DatabaseError naming `path` (or the shard) when it is missing or not
// a Morgue database.  A sharded archive's schema and topic aliases are its
// first shard's (every shard has the same), its languages all shards'.
// `timeout_ms` bounds each exchange with a remote shard.
ReadDatabase open_for_reading(const std::string& path,
                              MissingShards on_missing = MissingShards::fail,
                              unsigned timeout_ms = remote_timeout_ms);

// With MissingShards::skip: the remote shards of `db` that no longer answer
// (Database::keep_alive) left out, as open_for_reading() leaves them out.
// True if any was.
bool leave_out_unreachable(ReadDatabase& db);

// The archive's identity and revision ("UUID:REVISION", each shard's): what
// a resident searcher keys what it remembers by, so that a commit or a new
// generation (another uuid) is never answered from memory of an older one.
// Empty when a shard is remote (the remote backend does not give its
// revision) or left out.  The same in every process: an HTTP ETag's part.
std::string revision_key(const ReadDatabase& db);

// What a process keys its memory of the archive by (results, facet counts,
// parsed queries): revision_key(), or for an archive with a remote shard
// this open of it (its serial), since reopen() tells when a remote shard
// has changed.  Empty (nothing may be remembered) with a shard left out.
// Meaningless outside this process.
std::string memory_key(const ReadDatabase& db);

// The single writer.  Creates `path` (with `schema`) or opens it (and checks
// that `schema` fits the one stored).  Everything up to commit() is one
// transaction: if the process dies or commit() is never reached, the
// database stays as it was.  A sharded archive (shards.hpp) is written
// shard by shard, each article into the one its unique term hashes to; every
// shard is opened (and a remote one reached) before anything is written, and
// commit() commits them in turn (Xapian has no transaction across databases:
// a failure between two leaves the earlier ones committed).
class Writer {
  public:
    enum class Outcome { added, updated, unchanged };

    Writer(const std::string& path, const Schema& schema);
    ~Writer();
    Writer(const Writer&) = delete;
    Writer& operator=(const Writer&) = delete;

    // Adds the article, replaces the stored one filed under the same unique
    // term if it differs, or leaves it alone if not.  It is stemmed in its
    // language (the schema's when it has none, and then filed under that).
    Outcome upsert(Article article);
    // The stored article filed under the same unique term as `article`
    // (its original item and page too), if there is one.
    std::optional<Article> stored(const Article& article) const;
    // Whether any stored article has its page (layout.hpp's slot_page): when
    // none has, there is no page to keep and no lookup to make.
    bool holds_pages() const;
    void commit();
    // Commits what is written so far and goes on in a new transaction: for
    // long runs into a new generation, which no searcher sees until it is done.
    void checkpoint();

    // Metadata, inside the same transaction as the documents.
    std::string metadata(const std::string& key) const;
    void set_metadata(const std::string& key, const std::string& value);

    const Schema& schema() const { return schema_; }
    Xapian::doccount document_count() const;

  private:
    struct Shard {
        std::string name; // the path, or "remote HOST:PORT"
        // Owned through a pointer so that a database that cannot be closed
        // cleanly can be let go without running its (throwing) destructor.
        std::unique_ptr<Xapian::WritableDatabase> db;
        // The spelling data of the articles written since the last flush
        // (all kept in the first shard): each plain word and its
        // within-document frequency, summed.
        // Xapian's own (TermGenerator::FLAG_SPELLING) looks each occurrence
        // up in an ordered map of strings, a quarter of an import's time; a
        // hash map per batch and one add_spelling() per distinct word cost a
        // fraction of that.
        std::unordered_map<std::string, Xapian::termcount> spelling = {};
        // The form keys (form_codes.hpp) set in this shard by this writer.
        std::unordered_set<std::string> forms = {};
    };
    std::string path_;
    std::vector<Shard> shards_; // one, `path_` itself, unless the archive is sharded
    Schema schema_;
    Xapian::TermGenerator tg_;
    Stemmers stemmers_;
    std::string default_language_;       // the schema language's code
    std::vector<std::string> languages_; // as stored under languages_metadata_key
    bool in_transaction_ = false;
    Xapian::doccount spelling_documents_ = 0;
    void open_shard(const ShardSpec& spec, std::size_t index, std::size_t count,
                    const Schema& schema);
    Shard& shard_for(const std::string& unique_term);
    void note_language(const std::string& code);
    void note_spelling(Shard& shard, const Xapian::Document& doc);
    void note_forms(Shard& shard, const Xapian::Document& doc);
    void flush_spelling();
};

} // namespace morgue
