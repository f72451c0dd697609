// Marking a query's words in a hit's snippet and title.  A word is marked in
// the forms that matched: where the article has the word as typed ("anime",
// "taxes"), that form and its inflections ("tax"), not the other words of
// its stem ("Animal"); where it matched only through the stem, the stem's.
#pragma once

#include "morgue/language.hpp"
#include "morgue/schema.hpp"
#include "search.hpp"

#include <map>
#include <string>
#include <vector>
#include <xapian.h>

namespace morgue {

class Highlighter {
  public:
    // `typed`: the query's terms as typed (QueryBuilder::typed_terms());
    // empty (a --similar search, a filter only): `words` marks what it has.
    // The schema's language stems articles without one; when it stores the
    // title and body, a hit's words are found in them, not in its term list.
    Highlighter(const Xapian::Database& db, std::vector<std::string> typed, const Schema& schema,
                Xapian::MSet words);

    // `text` of `article` cut to about `bytes` around its best matches, the
    // matches between `on` and `off`; empty when no word of the query is in
    // it.  Words are stemmed in the article's language, as it was indexed.
    // HTML-escaped text from Xapian is unescaped: outputs escape for themselves.
    std::string mark(const Xapian::Document& doc, const Article& article, const std::string& text,
                     std::size_t bytes, unsigned flags);

  private:
    // The terms to mark with, as an MSet (it carries their weights), and
    // whether any is a stemmed term: if none is, no word of the text needs
    // stemming, which is most of a snippet's cost.
    struct Words {
        Xapian::MSet mset;
        bool stemmed = true;
    };
    const Words& words_for(const Xapian::Document& doc, const Article& article,
                           const Xapian::Stem& stem);

    Xapian::Database db_;
    std::vector<std::string> typed_;
    Stemmers stemmers_;
    bool text_stored_;
    Words words_;
    std::map<std::vector<std::string>, Words> by_terms_; // hits mostly share a choice
    // The article last marked, by its id: a document's own id is its
    // shard's, which another shard's document may have too.
    std::string last_article_;
    const Words* last_ = nullptr; // by_terms_'s nodes stay put
};

// Private markers that mark() puts around matches (never in stored text).
constexpr char mark_on = '\x01', mark_off = '\x02';

// `text` without the markers (text from a feed never has them; if it
// does, they go before it is marked).
std::string without_marks(std::string text);

// `marked` with the markers replaced.
std::string replace_marks(std::string_view marked, std::string_view on, std::string_view off);

} // namespace morgue
