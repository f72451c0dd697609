// Article <-> Xapian::Document, as the schema lays it out.  The indexer builds
// documents; the searcher reads back what it shows.  The schema's prefixes and
// slots come from schemas/news.xml; Morgue's own slots are these:
#pragma once

#include "morgue/article.hpp"
#include "morgue/layout.hpp" // Morgue's own slots (200 and above)
#include "morgue/schema.hpp"

#include <string>
#include <string_view>
#include <vector>
#include <xapian.h>

namespace morgue {

class Stemmers; // language.hpp

// The same story carried by several feeds: a hash of the title and the first
// words of the text, case-folded, with punctuation and spacing ignored (so
// that ’ and ' or a changed link do not tell copies apart).
std::string story_fingerprint(const Article& article);

// Display values of a multi-valued keyword slot are joined with this.
constexpr char value_separator = '\x1f';

// The display forms joined in a keyword slot, in order, empty parts skipped.
std::vector<std::string> value_parts(std::string_view joined);

// The boolean term for one value of a keyword field: prefix + case-folded
// value (hashed when too long for a Xapian term).
std::string keyword_term(const Field& field, std::string_view value);

// The term an article is filed under: the id field's prefix + the article id
// (hashed when too long for a Xapian term).
std::string unique_term(const Schema& schema, const Article& article);

// Every text field but the original item without control characters
// (text.hpp's strip_controls): done by the parser and again by the writer.
void strip_controls(Article& article);

// Terms, values and data for `article`.  `tg` must have its stemmer set, and
// its database set when spelling data is to be collected.
Xapian::Document build_document(const Schema& schema, const Article& article,
                                Xapian::TermGenerator& tg);

// The flags of the TermGenerator that indexes text (CJK as n-grams).
constexpr Xapian::TermGenerator::flags term_generator_flags = Xapian::TermGenerator::FLAG_CJK_NGRAM;

// The unprefixed, unstemmed terms build_document gives the article's title
// and body, made again from the text: what a stored article's term list has
// of them, without reading the term list (a round trip to a remote shard).
Xapian::Document word_terms(const Article& article);

// Whether a stored document holds all the text build_document indexes
// (the schema stores each text and keyword field), so that
// indexed_again() gives its terms.
bool terms_from_stored(const Schema& schema);

// The terms and wdfs build_document gives `stored`'s article (its document
// data, read_stored()), made again with the writer's TermGenerator and
// `stemmers`: the stored document's term list, without reading it (on a
// remote shard that is a stream of small reads, ~20 ms a document at 1M).
// Only when terms_from_stored(schema); values and data are not made again.
Xapian::Document indexed_again(const Schema& schema, const Xapian::Document& stored,
                               Stemmers& stemmers);

// The article as the document data stores it (article_json.hpp's
// vocabulary), without the original item: what the searcher shows.  Throws
// DatabaseError when the data is not what Morgue writes.
Article read_stored(const Xapian::Document& doc);
std::string original_item(const Xapian::Document& doc);
// The article a document was built from, as far as the document stores it
// (stored fields and the original item): what export and rebuild start from.
Article stored_article(const Xapian::Document& doc);

} // namespace morgue
