// A bounded map for what a resident searcher remembers between requests
// (facet counts, parsed queries): at most `capacity` entries, the least
// recently used going first when another is stored.  Keys are strings the
// caller makes unambiguous; values are copied out, so an entry may be evicted
// while its copy is in use.
#pragma once

#include <cstddef>
#include <list>
#include <optional>
#include <string>
#include <unordered_map>
#include <utility>

namespace morgue {

template <typename Value>
class LruCache {
  public:
    explicit LruCache(std::size_t capacity) : capacity_(capacity) {}

    std::optional<Value> find(const std::string& key) {
        auto it = index_.find(key);
        if (it == index_.end()) {
            ++misses_;
            return std::nullopt;
        }
        ++hits_;
        entries_.splice(entries_.begin(), entries_, it->second);
        return it->second->second;
    }

    void store(const std::string& key, Value value) {
        if (capacity_ == 0) return;
        if (auto it = index_.find(key); it != index_.end()) {
            it->second->second = std::move(value);
            entries_.splice(entries_.begin(), entries_, it->second);
            return;
        }
        entries_.emplace_front(key, std::move(value));
        index_[key] = entries_.begin();
        while (entries_.size() > capacity_) {
            index_.erase(entries_.back().first);
            entries_.pop_back();
        }
    }

    void clear() {
        entries_.clear();
        index_.clear();
    }
    std::size_t size() const { return entries_.size(); }
    std::size_t hits() const { return hits_; }
    std::size_t misses() const { return misses_; }

  private:
    using Entry = std::pair<std::string, Value>;
    std::size_t capacity_;
    std::list<Entry> entries_; // most recently used first
    std::unordered_map<std::string, typename std::list<Entry>::iterator> index_;
    std::size_t hits_ = 0, misses_ = 0;
};

} // namespace morgue
