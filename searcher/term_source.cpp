#include "term_source.hpp"

#include "morgue/document.hpp"
#include "morgue/language.hpp"

#include <memory>

namespace morgue {

TermSource term_source(const ReadDatabase& db) {
    if (!has_remote_shard(db) || !terms_from_stored(db.schema)) return {};
    auto stemmers = std::make_shared<Stemmers>(db.schema.language);
    return [&db, stemmers](Xapian::docid id) {
        const ShardSpec& shard = db.layout[shard_document(id, db.layout.size()).shard];
        Xapian::Document doc = db.db.get_document(id);
        return shard.remote() ? indexed_again(db.schema, doc, *stemmers) : doc;
    };
}

} // namespace morgue
