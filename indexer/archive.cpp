// export --jsonl / import --jsonl: a full backup that round-trips every
// stored field and the original item, plus the metadata Morgue keeps
// (feed states, synonyms).  Line 1 is a header; each further line one article.
#include "commands.hpp"
#include "feed_file.hpp"
#include "maintenance.hpp"
#include "morgue/article_json.hpp"
#include "morgue/dates.hpp"
#include "morgue/document.hpp"
#include "morgue/errors.hpp"
#include "morgue/form_codes.hpp"
#include "morgue/generation.hpp"
#include "morgue/run_lock.hpp"
#include "morgue/text.hpp"

#include <cstdio>
#include <filesystem>
#include <fmt/format.h>
#include <fstream>
#include <nlohmann/json.hpp>

namespace morgue {

namespace {

constexpr const char* format_name = "morgue-export";
constexpr int format_version = 1;

// What an exported line must have besides what article_json may omit.
Article exported_article(const nlohmann::json& j) {
    Article a = article_from_json(j);
    if (a.id.empty()) throw std::invalid_argument("no id");
    if (!a.date) throw std::invalid_argument("no date");
    return a;
}

} // namespace

void export_jsonl(const std::string& path, std::FILE* out) {
    ReadDatabase db = open_for_reading(path);
    nlohmann::json meta = nlohmann::json::object();
    const Xapian::Database& first = db.shards.front(); // every shard has the archive's metadata
    for (auto k = first.metadata_keys_begin(morgue_metadata_prefix);
         k != first.metadata_keys_end(morgue_metadata_prefix); ++k)
        if (*k != schema_metadata_key && *k != compacted_metadata_key && *k != shard_metadata_key &&
            !is_form_key(*k)) // not archive content
            meta[*k] = first.get_metadata(*k);
    nlohmann::json header = {{"format", format_name},
                             {"version", format_version},
                             {"documents", db.db.get_doccount()},
                             {"schema", db.schema.xml},
                             {"metadata", meta}};
    fmt::print(out, "{}\n",
               escape_json_controls(
                   header.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace)));
    for (auto it = db.db.postlist_begin(""); it != db.db.postlist_end(""); ++it) {
        Article a = stored_article(db.db.get_document(*it));
        fmt::print(out, "{}\n",
                   escape_json_controls(article_json(a, true).dump(
                       -1, ' ', false, nlohmann::json::error_handler_t::replace)));
    }
    if (std::fflush(out) != 0 || std::ferror(out))
        throw DatabaseError("export: could not write the output");
}

// The schema to create a database from an export with (its header's).
Schema export_schema(const std::string& file) {
    std::ifstream in(file);
    std::string line;
    if (!in || !std::getline(in, line)) throw InputError({file}, "cannot read");
    auto header = nlohmann::json::parse(line, nullptr, false);
    if (!header.is_object() || header.value("format", "") != format_name)
        throw InputError(
            fmt::format("{}:1: not a Morgue export (no \"{}\" header)", file, format_name));
    return parse_schema(header.at("schema").get<std::string>(), file + " (schema)");
}

ArticleCounts import_jsonl(Writer& writer, const std::string& file, unsigned checkpoint_every) {
    std::ifstream in(file);
    if (!in) throw InputError({file}, "cannot open");
    std::string line;
    std::getline(in, line);
    auto header = nlohmann::json::parse(line, nullptr, false);
    if (!header.is_object() || header.value("format", "") != format_name)
        throw InputError(
            fmt::format("{}:1: not a Morgue export (no \"{}\" header)", file, format_name));
    for (const auto& [key, value] : header.at("metadata").items())
        writer.set_metadata(key, value.get<std::string>());
    ArticleCounts counts;
    for (unsigned line_no = 2; std::getline(in, line); ++line_no) {
        if (line.empty()) continue;
        Article a;
        try {
            a = exported_article(nlohmann::json::parse(line));
        } catch (const std::exception& e) {
            throw InputError({file, static_cast<unsigned>(line_no)},
                             fmt::format("not an exported article: {}", e.what()));
        }
        counts.count(writer.upsert(std::move(a)));
        if (checkpoint_every && counts.total() % checkpoint_every == 0) writer.checkpoint();
    }
    return counts;
}

namespace {

// Restores the exports through `writer`; returns the counts.
ArticleCounts restore_into(Writer& writer, const GlobalOptions& o, const ImportCommand& c,
                           unsigned checkpoint) {
    ArticleCounts total;
    for (const auto& file : c.files) {
        ArticleCounts n = import_jsonl(writer, file, checkpoint);
        if (!o.quiet) say(stdout, fmt::format("{}: {} articles restored", file, n.total()));
        total += n;
    }
    writer.commit();
    return total;
}

// Into an empty or new database, the restore is written as a new generation
// with a commit every 5,000 articles (memory stays bounded for any archive)
// and switched in whole; into one with articles, it is one transaction.
int restore(const GlobalOptions& o, const ImportCommand& c) {
    constexpr unsigned checkpoint = 5000;
    Schema schema = export_schema(c.files.at(0));
    ArticleCounts total;
    std::error_code ec;
    if (new_or_empty(o.db_path)) {
        WriterLock held(o.db_path); // the empty database is replaced
        std::string staged = staging_path(o.db_path);
        try {
            Writer writer(staged, schema);
            total = restore_into(writer, o, c, checkpoint);
        } catch (...) {
            std::filesystem::remove_all(staged, ec);
            throw;
        }
        switch_generation(o.db_path, staged, &held);
    } else {
        Writer writer(o.db_path, schema);
        total = restore_into(writer, o, c, 0);
    }
    if (!o.quiet)
        say(stdout, fmt::format("{} articles: {} new, {} updated, {} unchanged; {} in the database",
                                total.total(), total.added, total.updated, total.unchanged,
                                open_for_reading(o.db_path).db.get_doccount()));
    return exit_ok;
}

} // namespace

// A restore is all or nothing: a bad line stops it with exit 2, uncommitted.
int run_restore(const GlobalOptions& o, const ImportCommand& c) {
    RunLock lock(o.db_path);
    try {
        return restore(o, c);
    } catch (const InputError& e) {
        throw UsageError(e.subject(), fmt::format("{}; nothing restored", e.reason()));
    }
}

int run_export(const GlobalOptions& o, const ExportCommand& c) {
    require_db(o);
    if (c.output.empty()) {
        export_jsonl(o.db_path, stdout);
        return exit_ok;
    }
    // Written beside, renamed into place: a backup is whole or absent.
    std::string tmp = c.output + ".tmp";
    std::FILE* out = std::fopen(tmp.c_str(), "w");
    if (!out) throw UsageError({tmp}, "cannot write");
    try {
        export_jsonl(o.db_path, out);
    } catch (...) {
        std::fclose(out);
        std::remove(tmp.c_str());
        throw;
    }
    if (std::fclose(out) != 0 || std::rename(tmp.c_str(), c.output.c_str()) != 0)
        throw DatabaseError({c.output}, "could not write the export");
    return exit_ok;
}

} // namespace morgue
