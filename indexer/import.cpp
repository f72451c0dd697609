#include "import.hpp"

#include "feed_parser.hpp"
#include "morgue/errors.hpp"

#include <fmt/format.h>

namespace morgue {

ArticleCounts index_feed(Writer& writer, Feed& feed, const TopicAliases& aliases,
                         const std::string& name,
                         const std::function<void(std::string_view)>& warn) {
    apply_topic_aliases(feed, aliases);
    for (const auto& w : feed.warnings)
        warn(fmt::format("{}: warning: {}", name, w));
    ArticleCounts counts;
    for (std::size_t i = 0; i < feed.entries.size(); ++i) {
        auto& entry = feed.entries[i];
        for (const auto& w : entry.warnings)
            warn(fmt::format("{}: item {}: warning: {}", name, i + 1, w));
        if (entry.article.id.empty()) continue;
        counts.count(writer.upsert(std::move(entry.article)));
    }
    return counts;
}

ImportStats import_files(Writer& writer, const std::vector<std::string>& files,
                         const ImportOptions& options, const Log& log) {
    ImportStats stats;
    unsigned pending = 0;
    for (const auto& path : files) {
        if (log.progress)
            log.progress(
                fmt::format("{}/{} files", stats.files_ok + stats.files_failed, files.size()));
        try {
            Feed feed = parse_feed(
                read_feed_file(path, options.max_bytes),
                {.name = path, .received = std::time(nullptr), .language = options.language});
            ArticleCounts c = index_feed(writer, feed, options.topic_aliases, path, log.problem);
            log.info(fmt::format("{}: {} article{}: {} new, {} updated, {} unchanged", path,
                                 c.total(), c.total() == 1 ? "" : "s", c.added, c.updated,
                                 c.unchanged));
            stats.articles += c;
            ++stats.files_ok;
            if (options.checkpoint_every && (pending += c.total()) >= options.checkpoint_every) {
                writer.checkpoint();
                pending = 0;
            }
        } catch (const InputError& e) {
            log.problem(e.what());
            ++stats.files_failed;
        }
    }
    return stats;
}

} // namespace morgue
