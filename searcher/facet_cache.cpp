#include "facet_cache.hpp"

#include "morgue/database.hpp"

#include <fmt/format.h>

namespace morgue {

std::string FacetCache::key(const ReadDatabase& db, const Xapian::Query& query,
                            const Filters& filters, const std::vector<std::string>& fields,
                            unsigned limit) {
    // Lengths before each part: no two different requests make one key.
    std::string revision = memory_key(db);
    if (revision.empty()) return {}; // nothing kept
    std::string k = fmt::format("{}\n{}\n", revision, limit);
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

} // namespace morgue
