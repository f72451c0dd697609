#include "facet_columns.hpp"

#include "morgue/database.hpp"
#include "morgue/document.hpp"

#include <unordered_map>

namespace morgue {

FacetColumns::Column FacetColumns::read_column(const Xapian::Database& db,
                                               const FacetSource& source) {
    Column c;
    std::unordered_map<std::string, std::uint32_t> ids;
    auto add = [&](const std::string& form) {
        if (form.empty()) return; // as tally_by_values: an empty value is none
        auto [it, added] = ids.try_emplace(form, static_cast<std::uint32_t>(c.values.size()));
        if (added) c.values.push_back(form);
        c.entries.push_back(it->second);
    };
    c.first.assign(db.get_lastdocid() + 2, 0);
    Xapian::docid next = 0; // documents before it have their entries
    for (auto v = db.valuestream_begin(source.slot); v != db.valuestream_end(source.slot); ++v) {
        Xapian::docid id = v.get_docid();
        for (; next <= id; ++next)
            c.first[next] = static_cast<std::uint32_t>(c.entries.size());
        if (source.multi)
            for (const std::string& part : value_parts(*v))
                add(part);
        else
            add(*v);
    }
    for (; next < c.first.size(); ++next)
        c.first[next] = static_cast<std::uint32_t>(c.entries.size());
    return c;
}

const FacetColumns::Column& FacetColumns::column(const Xapian::Database& db, std::size_t shard,
                                                 const std::string& revision,
                                                 const FacetSource& source) {
    if (revision != revision_) {
        columns_.clear();
        revision_ = revision;
    }
    auto key = std::make_pair(shard, source.slot);
    auto it = columns_.find(key);
    if (it == columns_.end()) it = columns_.emplace(key, read_column(db, source)).first;
    return it->second;
}

void FacetColumns::count(const Xapian::Database& db, std::size_t shard, const std::string& revision,
                         const DocIds& ids, const FacetSource& source, RawCounts& into) {
    const Column& c = column(db, shard, revision, source);
    std::vector<Xapian::doccount> counts(c.values.size());
    const std::size_t documents = c.first.size() - 1;
    for (Xapian::docid id : ids) {
        if (id >= documents) break; // ids ascend: the rest came after the read
        for (std::uint32_t e = c.first[id]; e < c.first[id + 1]; ++e)
            ++counts[c.entries[e]];
    }
    for (std::size_t v = 0; v < counts.size(); ++v)
        if (counts[v]) into[c.values[v]] += counts[v];
}

std::vector<FacetValue> FacetColumns::tally(const Xapian::Database& db, const std::string& revision,
                                            const DocIds& ids, const FacetSource& source,
                                            unsigned limit) {
    RawCounts raw;
    count(db, 0, revision, ids, source, raw);
    return fold_counts(raw, false, limit); // the parts are split already
}

std::shared_ptr<const FormDictionary> FacetColumns::forms(const ReadDatabase& archive,
                                                          const std::string& key) {
    if (key != forms_key_ || !forms_) {
        forms_ = read_forms(archive.shards);
        forms_key_ = key;
    }
    return forms_;
}

std::size_t FacetColumns::bytes() const {
    std::size_t n = 0;
    for (const auto& [slot, c] : columns_) {
        n += (c.first.capacity() + c.entries.capacity()) * sizeof(std::uint32_t);
        for (const std::string& v : c.values)
            n += sizeof v + v.capacity();
    }
    return n;
}

} // namespace morgue
