// Facet value codes: each keyword facet field's display forms also held as
// 4-byte codes (a stable hash of the form) in a slot of their own
// (code_slot()), and each form once in the metadata (form_key()), so that a
// remote shard counts a field's short codes instead of its long forms.
// Xapian's ValueCountMatchSpy, the only counting xapian-tcpsrv runs, reads a
// match's value by walking the slot's value stream, whose cost grows with
// the bytes it holds: codes of 4 bytes in place of a byline of 15 read a
// third faster (bench/RESULTS.md).  Elasticsearch's global ordinals do the
// same.  The dictionary gives each code back its form; two forms with one
// code make that code ambiguous, and a count that meets it is made again
// from the forms.
#pragma once

#include "morgue/layout.hpp"

#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>
#include <xapian.h>

namespace morgue {

inline constexpr std::size_t form_code_size = 4;
// A form longer than this has no code (its metadata key would be too long
// for Xapian); a document with one holds no codes for that field.
inline constexpr std::size_t max_coded_form = 200;

// The 4 bytes of `form`: the high half of its XXH64, big-endian.
std::string form_code(std::string_view form);

// The codes of `parts` (a multi-valued field's, in order) run together, or
// nothing when a part is too long to be coded.
std::optional<std::string> form_codes(const std::vector<std::string>& parts);

// The slot holding the codes of the keyword field whose forms are in `slot`.
inline Xapian::valueno code_slot(Xapian::valueno slot) {
    return slot_codes_base + slot;
}

// The metadata key that records `form` (form_metadata_prefix + the code in
// hex + the form; the value is "1"): a listing of the keys is the dictionary.
std::string form_key(std::string_view form);

// Whether a metadata key is a form key: derived data, which the writer
// records again for each article it writes (not exported, not carried over).
bool is_form_key(std::string_view key);

// Codes back to forms, from the form keys of one or more shards.
class FormDictionary {
  public:
    // Reads every form key of `db` (one listing; on a remote shard, one
    // exchange).  A key that is not a form key's shape is ignored.
    void add_keys_of(const Xapian::Database& db);
    void add_key(std::string_view key);

    // The forms of `codes` (form_codes()'s), joined with value_separator;
    // nothing when one is unknown or ambiguous.
    std::optional<std::string> forms(std::string_view codes) const;

    std::size_t size() const { return forms_.size(); }

  private:
    // code -> form, or nullopt when two forms share the code
    std::unordered_map<std::string, std::optional<std::string>> forms_;
};

// The dictionary of every one of `shards` (an archive's).
std::shared_ptr<const FormDictionary> read_forms(const std::vector<Xapian::Database>& shards);

} // namespace morgue
