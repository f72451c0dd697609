// The archive's own copy of one article (the search page's ?doc=ID): found
// by the article's id, which stays the same through rebuilds and re-shards
// (a document id does not), with the words of the reader's query marked in
// its title and whole text as in a hit.  What the archive shows when the
// publisher's link has rotted.
#pragma once

#include "morgue/database.hpp"

#include <optional>
#include <string>

namespace morgue {

struct StoredCopy {
    Xapian::docid docid = 0;
    Article article;
    // The query's words between highlight.hpp's private markers (mark_on,
    // mark_off), which each output replaces after escaping for itself.
    std::string title;
    std::string text; // the whole stored text (the summary when it has none), marked alike
};

// The document id of the article with id `id`; 0 when the archive has none.
Xapian::docid find_article(const ReadDatabase& db, const std::string& id);

// What the CLI's --similar names: the article with id `ref` (a result's "id",
// as the page's ?similar= takes), else, `ref` being digits, the document with
// that id (a result's "docid"); 0 when the archive has neither.
Xapian::docid article_or_docid(const ReadDatabase& db, const std::string& ref);

// The article with id `id`, the words of `query` (as searched) marked where
// the article matches it; nullopt when the archive has no such article.
std::optional<StoredCopy> stored_copy(const ReadDatabase& db, const std::string& id,
                                      const std::string& query);

} // namespace morgue
