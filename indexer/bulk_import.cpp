// import --jobs N: a first load on every core.  Xapian's indexer is one
// thread and is nearly all of an import's time (bench/RESULTS.md), so N
// processes build shards, and the compactor merges them; merging costs far
// less than the indexing it parallelises, and leaves the result compact.
// A large load is cut into more shards than processes: each commit merges
// into its shard's B-trees, and costs more the larger they are.
#include "child_process.hpp"
#include "import.hpp"
#include "maintenance.hpp"
#include "morgue/document.hpp"
#include "morgue/errors.hpp"
#include "morgue/generation.hpp"
#include "morgue/shards.hpp"

#include <cstdio>
#include <filesystem>
#include <fmt/format.h>
#include <optional>
#include <unordered_map>

namespace morgue {

namespace {

// Bytes of feed files a shard is built from: MORGUE_SHARD_BYTES if set, else
// 256 MiB (about 65,000 news articles).  At 1M articles on two cores, 16
// such shards took 8% less time and 3% less CPU than 2 of 500,000
// (bench/RESULTS.md).
std::uintmax_t shard_bytes() {
    return env_number("MORGUE_SHARD_BYTES", std::uintmax_t{256} << 20);
}

// The files in order, cut into runs of about equal bytes: a multiple of
// `jobs` of them, each at most about shard_bytes(), so that the processes
// get equal shares.
std::vector<std::vector<std::string>> split_files(const std::vector<std::string>& files,
                                                  unsigned jobs) {
    std::vector<std::uintmax_t> sizes;
    std::uintmax_t total = 0;
    for (const auto& f : files) {
        std::error_code ec;
        auto n = std::filesystem::file_size(f, ec); // unreadable: its import reports it
        sizes.push_back(ec ? 0 : n);
        total += sizes.back();
    }
    std::uintmax_t per_job = (total + jobs - 1) / jobs;
    std::uintmax_t most = shard_bytes();
    std::uintmax_t parts = jobs * std::max<std::uintmax_t>(1, (per_job + most - 1) / most);
    std::vector<std::vector<std::string>> runs(1);
    std::uintmax_t done = 0;
    for (std::size_t i = 0; i < files.size(); ++i) {
        // Start the next run once this one holds its share of the bytes.
        if (!runs.back().empty() && runs.size() < parts && done * parts >= total * runs.size())
            runs.emplace_back();
        runs.back().push_back(files[i]);
        done += sizes[i];
    }
    return runs;
}

std::string counts_line(const ImportStats& s) {
    return fmt::format("{} {} {} {} {}", s.files_ok, s.files_failed, s.articles.added,
                       s.articles.updated, s.articles.unchanged);
}

ImportStats parse_counts(const std::string& line) {
    ImportStats s;
    if (std::sscanf(line.c_str(), "%u %u %u %u %u", &s.files_ok, &s.files_failed, &s.articles.added,
                    &s.articles.updated, &s.articles.unchanged) != 5)
        throw DatabaseError("a shard's writer reported nothing");
    return s;
}

// Indexes run r into shards[r], `jobs` shards at once: process k takes
// runs k, k + jobs, ...  Returns the summed counts.  With `archive_shards`
// above 1, each run's database is an archive of that many shards itself.
ImportStats index_shards(const std::vector<std::string>& shards,
                         const std::vector<std::vector<std::string>>& runs, unsigned jobs,
                         std::size_t archive_shards, const Schema& schema,
                         const ImportOptions& options, const std::function<void(Writer&)>& prepare,
                         const Log& log) {
    std::vector<Child> children;
    for (std::size_t k = 0; k < jobs && k < runs.size(); ++k)
        children.push_back(start_child([&, k] {
            ImportStats s;
            for (std::size_t r = k; r < runs.size(); r += jobs) {
                if (archive_shards > 1) create_sharded_archive(shards[r], archive_shards);
                Writer writer(shards[r], schema);
                prepare(writer);
                s += import_files(writer, runs[r], options, log);
                writer.commit();
            }
            return counts_line(s);
        }));
    ImportStats total;
    std::optional<DatabaseError> failed; // every child is waited for before reporting
    for (const Child& c : children) {
        try {
            total += parse_counts(finish_child(c));
        } catch (const DatabaseError& e) {
            if (!failed) failed = e;
        }
    }
    if (failed) throw *failed;
    return total;
}

// An article in more than one shard is kept once, as one writer taking the
// files in order would keep it: the earlier copy if the two are the same,
// the later one if it differs.  The counts are corrected to match.  The ids
// are kept in a hash map (a shard's allterms are read in order, once), so
// that many shards cost no more than two.
void drop_duplicates(const std::vector<std::string>& shards, const std::string& id_prefix,
                     ArticleCounts& counts) {
    std::vector<Xapian::WritableDatabase> dbs;
    for (const auto& s : shards)
        dbs.emplace_back(s, Xapian::DB_OPEN);
    auto content_hash = [](Xapian::WritableDatabase& db, const std::string& id) {
        return db.get_document(*db.postlist_begin(id)).get_value(slot_content_hash);
    };
    std::unordered_map<std::string, std::size_t> holder; // id -> the one shard that has it
    for (std::size_t j = 0; j < dbs.size(); ++j) {
        std::vector<std::string> ids; // deleting while walking allterms would move the walk
        for (auto t = dbs[j].allterms_begin(id_prefix); t != dbs[j].allterms_end(id_prefix); ++t)
            ids.push_back(*t);
        for (auto& id : ids) {
            auto [at, first] = holder.try_emplace(std::move(id), j);
            if (first) continue;
            std::size_t k = at->second;
            bool same = content_hash(dbs[k], at->first) == content_hash(dbs[j], at->first);
            dbs[same ? j : k].delete_document(at->first);
            if (!same) at->second = j;
            --counts.added;
            ++(same ? counts.unchanged : counts.updated);
        }
    }
    for (auto& db : dbs) {
        db.commit();
        db.close();
    }
}

// Metadata the shards each have: the first shard's, but for the languages,
// which are every shard's.
class ShardMerger : public Xapian::Compactor {
  public:
    std::string resolve_duplicate_metadata(const std::string& key, size_t count,
                                           const std::string tags[]) override {
        if (key != languages_metadata_key) return tags[0];
        return merge_language_lists({tags, tags + count});
    }
};

// The shards merged into `staged`.
void merge_shards(const std::vector<std::string>& shards, const std::string& staged) {
    Xapian::Database all;
    for (const auto& s : shards)
        all.add_database(Xapian::Database(s));
    ShardMerger merger;
    all.compact(staged, Xapian::Compactor::FULL, 0, merger);
}

// The runs' databases, made free of duplicates and merged into `staged`:
// one database, or an archive of `archive_shards` whose shard k merges every
// run's shard k (an article's id hashes to the same shard in each run).
// Marked as compacted (see nightly).
void merge_runs(const std::vector<std::string>& runs, std::size_t archive_shards,
                const std::string& staged, const std::string& id_prefix, ArticleCounts& counts) {
    if (archive_shards <= 1) {
        drop_duplicates(runs, id_prefix, counts);
        merge_shards(runs, staged);
    } else {
        create_sharded_archive(staged, archive_shards);
        for (std::size_t k = 0; k < archive_shards; ++k) {
            std::vector<std::string> kth;
            for (const auto& run : runs)
                kth.push_back(fmt::format("{}/{}", run, shard_directory(k)));
            drop_duplicates(kth, id_prefix, counts);
            merge_shards(kth, fmt::format("{}/{}", staged, shard_directory(k)));
        }
    }
    mark_compacted(staged);
}

// The message of the exception being handled.
std::string current_error() {
    try {
        throw;
    } catch (const Xapian::Error& e) {
        return e.get_description();
    } catch (const std::exception& e) {
        return e.what();
    }
}

void remove_all(const std::vector<std::string>& paths) {
    std::error_code ec;
    for (const auto& p : paths)
        std::filesystem::remove_all(p, ec);
}

// Shards a killed run left beside the database ("DB.shard0", ...), however
// many it had.
void remove_old_shards(const std::string& db_path) {
    namespace fs = std::filesystem;
    fs::path prefix = beside_database(db_path, ".shard");
    std::string stem = prefix.filename().string();
    std::error_code ec;
    std::vector<std::string> old;
    for (const auto& e : fs::directory_iterator(prefix.parent_path(), ec)) {
        std::string name = e.path().filename().string();
        if (name.size() > stem.size() && name.starts_with(stem) &&
            name.find_first_not_of("0123456789", stem.size()) == std::string::npos)
            old.push_back(e.path().string());
    }
    remove_all(old);
}

} // namespace

ImportStats bulk_import(const std::string& db_path, const Schema& schema,
                        const std::vector<std::string>& files, const ImportOptions& options,
                        unsigned jobs, std::size_t archive_shards,
                        const std::function<void(Writer&)>& prepare, const Log& log) {
    WriterLock held(db_path); // an empty database is replaced: no one may write to it meanwhile
    jobs = std::max(jobs, 1U);
    auto runs = split_files(files, jobs);
    remove_old_shards(db_path);
    std::vector<std::string> shards;
    for (std::size_t k = 0; k < runs.size(); ++k)
        shards.push_back(beside_database(db_path, fmt::format(".shard{}", k)));
    std::string staged = staging_path(db_path);
    ImportStats stats;
    try {
        if (log.progress)
            log.progress(fmt::format("indexing {} files in {} shards", files.size(), runs.size()));
        stats = index_shards(shards, runs, jobs, archive_shards, schema, options, prepare, log);
        if (log.progress) log.progress(fmt::format("merging {} shards", runs.size()));
        merge_runs(shards, archive_shards, staged, schema.get("url").prefix, stats.articles);
    } catch (...) {
        remove_all(shards);
        remove_all({staged});
        throw DatabaseError({db_path}, fmt::format("import failed: {}; the database is unchanged",
                                                   current_error()));
    }
    remove_all(shards);
    switch_generation(db_path, staged, &held);
    return stats;
}

} // namespace morgue
