#include "import.hpp"

#include "commands.hpp"
#include "feed_parser.hpp"
#include "full_text.hpp"
#include "morgue/errors.hpp"
#include "morgue/generation.hpp"
#include "morgue/run_lock.hpp"
#include "morgue/shards.hpp"

#include <charconv>
#include <cstdlib>
#include <cstring>
#include <filesystem>
#include <fmt/format.h>
#include <limits>

namespace morgue {

ArticleCounts index_feed(Writer& writer, Feed& feed, const TopicAliases& aliases,
                         const std::vector<SiteRule>& site_rules, const std::string& name,
                         const std::function<void(std::string_view)>& warn) {
    apply_topic_aliases(feed, aliases);
    keep_stored_pages(writer, feed);
    for (auto& entry : feed.entries)
        apply_page(entry, site_rules);
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
            ArticleCounts c = index_feed(writer, feed, options.topic_aliases, options.site_rules,
                                         path, log.problem);
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

namespace {

// The shards an import leaves the archive at `path` with: `asked` (0: as
// now) when it is new or empty (`fresh`).  A full archive is re-sharded by
// rebuild only.
std::size_t archive_shards(const std::string& path, unsigned asked, bool fresh) {
    std::size_t now = std::max<std::size_t>(read_shards(path).size(), 1);
    if (asked == 0 || asked == now) return now;
    if (!fresh)
        throw UsageError(fmt::format("--shards {}: {} holds articles in {} shard{}; re-shard it "
                                     "with rebuild --shards {}",
                                     asked, path, now, now == 1 ? "" : "s", asked));
    return asked;
}

// An empty archive of `shards` shards (one database: none, the writer makes
// it) at `path`, in place of the empty one there.
void make_empty_archive(const std::string& path, std::size_t shards) {
    std::error_code ec;
    if (!std::filesystem::exists(path, ec)) {
        if (shards > 1) create_sharded_archive(path, shards);
        return;
    }
    WriterLock held(path); // the empty database is replaced: no one may write to it meanwhile
    std::string staged = staging_path(path);
    if (shards > 1)
        create_sharded_archive(staged, shards);
    else
        Xapian::WritableDatabase(staged, Xapian::DB_CREATE).close();
    switch_generation(path, staged, &held);
}

// Articles per commit in a bulk import's shards: XAPIAN_FLUSH_THRESHOLD if
// set, else 2,000 (about 220 MB a writer for news articles of 150-900 words).
unsigned flush_threshold() {
    std::uintmax_t n = env_number("XAPIAN_FLUSH_THRESHOLD", 2000);
    return n <= std::numeric_limits<unsigned>::max() ? static_cast<unsigned>(n) : 2000;
}

} // namespace

int run_import(const GlobalOptions& o, const ImportCommand& c) {
    require_db(o);
    if (c.jsonl) return run_restore(o, c);
    RunLock lock(o.db_path);
    Schema schema = schema_for(o);
    ImportOptions options{o.max_bytes, topic_aliases(o), 0, c.language, site_rules(o)};
    Progress line(!o.quiet);
    Log log = run_log(o, line);
    auto prepare = [&](Writer& writer) { store_name_lists(writer, o); };
    ImportStats s;
    Xapian::doccount in_db = 0;
    bool fresh = new_or_empty(o.db_path);
    std::size_t shards = archive_shards(o.db_path, c.shards, fresh);
    if (c.jobs > 1 && c.files.size() > 1 && fresh) {
        // Shards are new databases, committed in batches so that memory
        // stays bounded; Xapian's own knob sets the batch, as for any writer.
        options.checkpoint_every = flush_threshold();
        s = bulk_import(o.db_path, schema, c.files, options, c.jobs, shards, prepare, log);
        in_db = open_for_reading(o.db_path).db.get_doccount();
    } else {
        if (fresh && shards != std::max<std::size_t>(read_shards(o.db_path).size(), 1))
            make_empty_archive(o.db_path, shards);
        Writer writer(o.db_path, schema);
        prepare(writer);
        s = import_files(writer, c.files, options, log);
        line.show("committing");
        writer.commit();
        in_db = writer.document_count();
    }
    line.clear();
    if (!o.quiet || s.files_failed)
        say(stdout,
            fmt::format("{} files indexed, {} failed; {} articles new, {} updated, {} unchanged; "
                        "{} in the database",
                        s.files_ok, s.files_failed, s.articles.added, s.articles.updated,
                        s.articles.unchanged, in_db));
    return s.files_failed ? exit_partial : exit_ok;
}

std::uintmax_t env_number(const char* name, std::uintmax_t fallback) {
    const char* v = std::getenv(name);
    std::uintmax_t n = 0;
    if (v) std::from_chars(v, v + std::strlen(v), n);
    return n > 0 ? n : fallback;
}

bool new_or_empty(const std::string& path) {
    std::error_code ec;
    return !std::filesystem::exists(path, ec) || open_for_reading(path).db.get_doccount() == 0;
}

} // namespace morgue
