#include "result_cache.hpp"

#include "morgue/database.hpp"

#include <fmt/format.h>

namespace morgue {

std::string ResultCache::key(const ReadDatabase& db, const SearchRequest& req,
                             const Highlight& hl) {
    std::string revision = memory_key(db);
    if (req.recency_days > 0 || revision.empty()) return {};
    // Lengths before each text: no two different requests make one key.
    std::string k = fmt::format("{}\n{} {} {} {} {} {} {} {} {} {} {}\n", revision, req.offset,
                                req.limit, static_cast<int>(req.sort), req.facet_limit,
                                static_cast<int>(req.facet_method), req.collapse, req.similar,
                                req.count_only, req.html_snippets, req.strict, req.time_limit);
    auto part = [&](std::string_view s) { k += fmt::format("{}:{}", s.size(), s); };
    for (std::string_view s :
         {std::string_view(req.query), std::string_view(req.since), std::string_view(req.until),
          std::string_view(req.story), std::string_view(hl.start), std::string_view(hl.end)})
        part(s);
    for (const auto& [field, values] : req.filters) {
        part(field);
        for (const auto& v : values)
            part(v);
        k += ';';
    }
    k += '|';
    for (const auto& f : req.facets)
        part(f);
    return k;
}

} // namespace morgue
