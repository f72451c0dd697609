#include "page_documents.hpp"

#include <exception>
#include <future>

namespace morgue {

std::vector<Xapian::Document> read_documents(const ReadDatabase& db, const Xapian::MSet& mset) {
    std::vector<Xapian::Document> docs(mset.size());
    if (!has_remote_shard(db)) { // local reads cost little: in order, as they come
        std::size_t k = 0;
        for (auto it = mset.begin(); it != mset.end(); ++it)
            docs[k++] = it.get_document();
        return docs;
    }
    const std::size_t n = db.shards.size();
    std::vector<std::vector<std::size_t>> places(n); // a shard's items, by place
    std::vector<Xapian::docid> ids;                  // each item's, the shard's own
    for (auto it = mset.begin(); it != mset.end(); ++it) {
        ShardDocument at = shard_document(*it, n);
        places[at.shard].push_back(ids.size());
        ids.push_back(at.id);
    }
    auto read = [&](std::size_t shard) {
        for (std::size_t k : places[shard])
            docs[k] = db.shards[shard].get_document(ids[k]);
    };
    std::vector<std::future<void>> reads;
    for (std::size_t s = 0; s < n; ++s)
        if (!places[s].empty()) reads.push_back(std::async(std::launch::async, read, s));
    std::exception_ptr failed; // the first; every read is waited for
    for (auto& r : reads) {
        try {
            r.get();
        } catch (...) {
            if (!failed) failed = std::current_exception();
        }
    }
    if (failed) std::rethrow_exception(failed);
    return docs;
}

} // namespace morgue
