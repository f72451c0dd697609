#include "facet_cache.hpp"

#include <fmt/format.h>

namespace morgue {

std::string FacetCache::key(const Xapian::Database& db, const Xapian::Query& query,
                            const Filters& filters, const std::vector<std::string>& fields,
                            unsigned limit) {
    // Lengths before each part: no two different requests make one key.
    std::string k = fmt::format("{}\n{}\n{}\n", db.get_uuid(), db.get_revision(), limit);
    auto part = [&](std::string_view s) { k += fmt::format("{}:{}", s.size(), s); };
    part(query.serialise());
    for (const auto& [field, values] : filters) {
        part(field);
        for (const auto& v : values)
            part(v);
        k += ';';
    }
    k += '|';
    for (const auto& f : fields)
        part(f);
    return k;
}

std::optional<FacetCounts> FacetCache::find(const std::string& key) {
    auto it = index_.find(key);
    if (it == index_.end()) {
        ++misses_;
        return std::nullopt;
    }
    ++hits_;
    entries_.splice(entries_.begin(), entries_, it->second);
    return it->second->second;
}

void FacetCache::store(const std::string& key, const FacetCounts& counts) {
    if (!counts.complete || capacity_ == 0) return;
    if (auto it = index_.find(key); it != index_.end()) {
        it->second->second = counts;
        entries_.splice(entries_.begin(), entries_, it->second);
        return;
    }
    entries_.emplace_front(key, counts);
    index_[key] = entries_.begin();
    while (entries_.size() > capacity_) {
        index_.erase(entries_.back().first);
        entries_.pop_back();
    }
}

} // namespace morgue
