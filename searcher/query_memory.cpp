#include "query_memory.hpp"

namespace morgue {

QueryBuilder& QueryMemory::builder(const ReadDatabase& db) {
    std::string revision = memory_key(db);
    if (!builder_ || revision != revision_ || revision.empty()) {
        builder_.reset(); // the old revision's first: one at a time in memory
        builder_ = std::make_unique<QueryBuilder>(db);
        builder_->remember_parses(capacity_);
        revision_ = std::move(revision);
        ++builds_;
    }
    return *builder_;
}

} // namespace morgue
