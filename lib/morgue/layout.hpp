// The one registry of what Morgue itself keeps in a Xapian database beyond
// the schema's fields (whose prefixes and slots schemas/news.xml gives):
// every metadata key, every reserved value slot, and the term prefixes.
// Anything Morgue writes into a database is named here first.
#pragma once

#include <xapian.h>

namespace morgue {

// ---- Metadata keys: all start with "morgue:", so that export and rebuild
// can carry every one of them (less the two operational ones below).
inline constexpr const char* morgue_metadata_prefix = "morgue:";
// The schema the database was created with (schema.hpp): the database
// describes itself, and both programs read this copy, not the file.
inline constexpr const char* schema_metadata_key = "morgue:schema";
// The topic alias file the indexer applied (name_groups.hpp), so that
// searches by an alias ("tech") find the topic it was filed under.
inline constexpr const char* topic_aliases_metadata_key = "morgue:topic-aliases";
// The synonym file the indexer stored (name_groups.hpp), which the searcher
// widens queries with.
inline constexpr const char* synonyms_metadata_key = "morgue:synonyms";
// The languages of the archive's articles: ISO 639 codes, one per line (the
// writer adds each new one; merged across shards), so that a query is
// stemmed in each of them.
inline constexpr const char* languages_metadata_key = "morgue:languages";
// The size after the last compaction, for nightly's policy: operational,
// not archive content (neither exported nor kept by rebuild).
inline constexpr const char* compacted_metadata_key = "morgue:compacted-bytes";
// Each fetched feed's state (feed_state.hpp): this prefix + a hash of the
// listed URL, value JSON.
inline constexpr const char* feed_state_metadata_prefix = "morgue:feed:";
// Each display form of a keyword facet field (form_codes.hpp): this prefix +
// its code in hex + the form, value "1".  The dictionary of the codes in the
// slots from slot_codes_base.
inline constexpr const char* form_metadata_prefix = "morgue:form:";

// ---- Value slots 200 and above are Morgue's own (the schema's are below).
inline constexpr Xapian::valueno slot_content_hash = 200; // XXH64 of data + original, hex
inline constexpr Xapian::valueno slot_original = 201;     // zstd-compressed item XML
inline constexpr Xapian::valueno slot_fingerprint = 202;  // story fingerprint, the collapse key
// The date on the publisher's clock (the instant plus its UTC offset, as if
// UTC), sortable_serialise'd: what date: ranges and --since/--until test, so
// that a column printed "14 Oct 2025 +0800" is in date:2025-10-14.  The
// schema's date slot keeps the instant, for sorting and recency.
inline constexpr Xapian::valueno slot_local_date = 203;
// The article's page as fetched for its full text (UTF-8 HTML), zstd-
// compressed like the original item; absent when no page was fetched.
inline constexpr Xapian::valueno slot_page = 204;
// When the archive first stored the article (Article::captured),
// sortable_serialise'd; absent when unknown.  Outside the document data, so
// that the content hash, and what re-imports find unchanged, are as before.
inline constexpr Xapian::valueno slot_captured = 205;
// This + a keyword facet field's slot: the codes of the forms in it
// (form_codes.hpp), which a remote shard counts instead of the forms.
inline constexpr Xapian::valueno slot_codes_base = 300;

// ---- Term prefixes: all come from the schema (each field's prefix,
// text-prefix and year/month/day prefixes), plus Xapian's own "Z" for stemmed
// forms.  Morgue adds no term of its own outside them.  The spelling table
// holds each indexed language's words (Writer), the synonym table nothing:
// synonyms are expanded by the searcher from synonyms_metadata_key.

} // namespace morgue
