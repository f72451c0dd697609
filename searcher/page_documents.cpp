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
    // Xapian interleaves the shards' ids: archive id d is shard (d - 1) mod n's
    // (d - 1) / n + 1.
    const std::size_t n = db.shards.size();
    std::vector<std::vector<std::size_t>> places(n); // a shard's items, by place
    std::vector<Xapian::docid> ids;
    for (auto it = mset.begin(); it != mset.end(); ++it) {
        places[(*it - 1) % n].push_back(ids.size());
        ids.push_back(*it);
    }
    auto read = [&](std::size_t shard) {
        for (std::size_t k : places[shard])
            docs[k] = db.shards[shard].get_document((ids[k] - 1) / n + 1);
    };
    std::vector<std::future<void>> others;
    std::size_t own = n; // the last shard with items is read here
    for (std::size_t s = 0; s < n; ++s) {
        if (places[s].empty()) continue;
        if (own != n) others.push_back(std::async(std::launch::async, read, own));
        own = s;
    }
    std::exception_ptr failed;
    try {
        if (own != n) read(own);
    } catch (...) {
        failed = std::current_exception();
    }
    for (auto& f : others) {
        try {
            f.get();
        } catch (...) {
            if (!failed) failed = std::current_exception();
        }
    }
    if (failed) std::rethrow_exception(failed);
    return docs;
}

} // namespace morgue
