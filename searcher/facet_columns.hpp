// Each document's facet values held in memory by a resident searcher
// (FastCGI): per counted field (and per shard of a sharded archive, indexed
// by the shard's own document ids), an array indexed by document id of small ids
// into the field's distinct raw values, read in one value-stream pass the
// first time the field is counted at an archive revision.  Counting a match
// is then an array read and an increment (a few ns) instead of reading its
// value slot from the database (50-150 ns at 1M articles), with the same
// result as facet_tally.hpp's ways.  Never stale: a commit or a new
// generation (another uuid or revision) empties it.  Memory: 4 bytes an
// article a field (plus 4 a value of a multi-valued field) and the distinct
// values: about 16 MB for the page's three facets at 1M articles.
//
// It also keeps the form dictionary (form_codes.hpp) of an archive with
// remote shards, whose fields are counted where each shard is, from codes.
#pragma once

#include "facet_tally.hpp"
#include "morgue/form_codes.hpp"

#include <cstdint>
#include <map>
#include <memory>
#include <string>
#include <utility>
#include <vector>
#include <xapian.h>

namespace morgue {

class FacetColumns {
  public:
    // Values most frequent first (ties by value), at most `limit`, as
    // tally_by_values() counts them.
    // `revision`: the archive's revision_key().
    std::vector<FacetValue> tally(const Xapian::Database& db, const std::string& revision,
                                  const DocIds& ids, const FacetSource& source, unsigned limit);
    // Adds the raw counts (a multi-valued field's parts split) of the
    // documents `ids` of shard number `shard` (`db`, ids its own) to `into`;
    // fold_counts(into, false, limit) then gives tally()'s answer.
    void count(const Xapian::Database& db, std::size_t shard, const std::string& revision,
               const DocIds& ids, const FacetSource& source, RawCounts& into);

    // The form keys of every shard of `archive`, read once an open: `key` is
    // its memory_key(), not empty.  A listing of the keys a shard (a round
    // trip to a remote one).
    std::shared_ptr<const FormDictionary> forms(const ReadDatabase& archive,
                                                const std::string& key);

    // Columns held (a field of a shard each), and their approximate size in bytes.
    std::size_t fields() const { return columns_.size(); }
    std::size_t bytes() const;

  private:
    struct Column {
        std::vector<std::string> values;    // distinct raw forms (parts, when multi)
        std::vector<std::uint32_t> first;   // by docid: its first entry in `entries`
        std::vector<std::uint32_t> entries; // value ids, a document's in a row
    };
    const Column& column(const Xapian::Database& db, std::size_t shard, const std::string& revision,
                         const FacetSource& source);
    static Column read_column(const Xapian::Database& db, const FacetSource& source);

    std::string revision_; // the database's uuid and revision the columns are of
    std::map<std::pair<std::size_t, Xapian::valueno>, Column> columns_; // by shard and slot
    std::string forms_key_; // the open the dictionary is of
    std::shared_ptr<const FormDictionary> forms_;
};

} // namespace morgue
