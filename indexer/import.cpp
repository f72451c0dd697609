#include "import.hpp"

#include "feed_file.hpp"
#include "feed_parser.hpp"
#include "morgue/errors.hpp"

#include <fmt/format.h>

namespace morgue {

namespace {

void import_one(Writer& writer, const std::string& path, const ImportOptions& options,
                ImportStats& total, const Log& log) {
    Feed feed =
        parse_feed(read_feed_file(path, options.max_bytes), {path, "", "", std::time(nullptr)});
    apply_topic_aliases(feed, options.topic_aliases);
    for (const auto& w : feed.warnings)
        log.problem(fmt::format("{}: warning: {}", path, w));
    ImportStats s;
    for (std::size_t i = 0; i < feed.entries.size(); ++i) {
        auto& entry = feed.entries[i];
        for (const auto& w : entry.warnings)
            log.problem(fmt::format("{}: item {}: warning: {}", path, i + 1, w));
        if (entry.article.id.empty()) continue;
        switch (writer.upsert(std::move(entry.article))) {
        case Writer::Outcome::added:
            ++s.added;
            break;
        case Writer::Outcome::updated:
            ++s.updated;
            break;
        case Writer::Outcome::unchanged:
            ++s.unchanged;
            break;
        }
    }
    unsigned n = s.added + s.updated + s.unchanged;
    log.info(fmt::format("{}: {} article{}: {} new, {} updated, {} unchanged", path, n,
                         n == 1 ? "" : "s", s.added, s.updated, s.unchanged));
    total.added += s.added;
    total.updated += s.updated;
    total.unchanged += s.unchanged;
}

} // namespace

ImportStats import_files(Writer& writer, const std::vector<std::string>& files,
                         const ImportOptions& options, const Log& log) {
    ImportStats stats;
    for (const auto& path : files) {
        try {
            import_one(writer, path, options, stats, log);
            ++stats.files_ok;
        } catch (const InputError& e) {
            log.problem(e.what());
            ++stats.files_failed;
        }
    }
    return stats;
}

} // namespace morgue
