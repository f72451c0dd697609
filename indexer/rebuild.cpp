#include "child_process.hpp"
#include "commands.hpp"
#include "feed_list.hpp"
#include "feed_parser.hpp"
#include "full_text.hpp"
#include "maintenance.hpp"
#include "morgue/document.hpp"
#include "morgue/errors.hpp"
#include "morgue/form_codes.hpp"
#include "morgue/generation.hpp"
#include "morgue/name_groups.hpp"
#include "morgue/run_lock.hpp"
#include "morgue/shards.hpp"
#include "morgue/text.hpp"

#include <cstdio>
#include <filesystem>
#include <fmt/format.h>
#include <functional>
#include <optional>

namespace morgue {

namespace {

constexpr unsigned checkpoint_every = 5000;

// An item's XML wrapped in the smallest feed of its kind, so that the feed
// parser reads it as it read it the first time (its namespaces and xml:base
// were copied onto it when it was stored).
std::string as_feed(const std::string& item, const std::string& feed_title) {
    std::string title = "<title>" + html_escape(feed_title) + "</title>";
    if (item.starts_with("<entry"))
        return "<feed xmlns=\"http://www.w3.org/2005/Atom\">" + title + item + "</feed>";
    if (item.find("http://purl.org/rss/1.0/") != std::string::npos)
        return "<rdf:RDF xmlns:rdf=\"http://www.w3.org/1999/02/22-rdf-syntax-ns#\" "
               "xmlns=\"http://purl.org/rss/1.0/\"><channel>" +
               title + "</channel>" + item + "</rdf:RDF>";
    return "<rss version=\"2.0\"><channel>" + title + item + "</channel></rss>";
}

// The article re-derived from its original item and its stored page; what
// the item alone cannot say (a date or columnist that came from the feed)
// is kept from the store.
std::optional<FeedEntry> reparse(const Article& stored, const std::vector<SiteRule>& site_rules) {
    if (stored.original.empty()) return std::nullopt;
    try {
        Feed feed =
            parse_feed(as_feed(stored.original, stored.feed_title),
                       {.name = stored.id, .url = stored.feed_url, .received = stored.date});
        if (feed.entries.size() != 1 || feed.entries[0].article.id != stored.id)
            return std::nullopt;
        FeedEntry e = std::move(feed.entries[0]);
        Article& a = e.article;
        if (a.date_source == DateSource::received)
            a.date = stored.date, a.date_source = stored.date_source;
        // The feed's <language> or a feed list's language= is not in the item.
        if (!stored.language.empty()) a.language = stored.language;
        a.feed_title = stored.feed_title;
        a.feed_url = stored.feed_url;
        a.page = stored.page;
        a.captured = stored.captured; // not the rebuild's time
        apply_page(e, site_rules);
        if (a.columnists.empty()) a.columnists = stored.columnists;
        return e;
    } catch (const InputError&) {
        return std::nullopt;
    }
}

// Every document of `old`, re-derived, into a new database at `staged`.
void write_generation(const ReadDatabase& old, const std::string& staged, const Schema& schema,
                      const TopicAliases& aliases,
                      const std::map<std::string, std::string>& metadata, const Log& log,
                      const std::map<std::string, std::string>& languages,
                      const std::vector<SiteRule>& site_rules, RebuildStats& s) {
    Writer writer(staged, schema);
    // Feed states and the like come along (every shard has them); the schema
    // is the new one.
    const Xapian::Database& first = old.shards.front();
    for (auto k = first.metadata_keys_begin(morgue_metadata_prefix);
         k != first.metadata_keys_end(morgue_metadata_prefix); ++k)
        if (*k != schema_metadata_key && !is_form_key(*k)) // forms: the writer's own
            writer.set_metadata(*k, first.get_metadata(*k));
    for (const auto& [key, value] : metadata)
        writer.set_metadata(key, value);
    for (auto it = old.db.postlist_begin(""); it != old.db.postlist_end(""); ++it) {
        Article stored = stored_article(old.db.get_document(*it));
        auto listed = languages.find(stored.feed_url);
        if (listed != languages.end()) stored.language = listed->second;
        std::optional<FeedEntry> again = reparse(stored, site_rules);
        if (again) {
            Feed one;
            one.entries.push_back(std::move(*again));
            apply_topic_aliases(one, aliases);
            writer.upsert(std::move(one.entries[0].article));
            ++s.reparsed;
        } else {
            log.problem(fmt::format(
                "document {} ({}): the original item does not parse alone; kept as stored", *it,
                stored.id));
            writer.upsert(std::move(stored));
            ++s.kept;
        }
        if (++s.documents % checkpoint_every == 0) {
            writer.checkpoint();
            log.info(
                fmt::format("rebuild: {} of {} documents", s.documents, old.db.get_doccount()));
        }
    }
    writer.commit();
}

// The new generation is written in a child process (child_process.hpp),
// which sends its counts back.
RebuildStats write_isolated(const std::function<void(RebuildStats&)>& write) {
    std::string counts = finish_child(start_child([&] {
        RebuildStats s;
        write(s);
        return fmt::format("{} {} {}", s.documents, s.reparsed, s.kept);
    }));
    RebuildStats s;
    if (std::sscanf(counts.c_str(), "%u %u %u", &s.documents, &s.reparsed, &s.kept) != 3)
        throw DatabaseError("the new generation could not be written");
    return s;
}

} // namespace

RebuildStats rebuild_database(const std::string& path, const Schema& schema,
                              const TopicAliases& aliases,
                              const std::map<std::string, std::string>& metadata, const Log& log,
                              const std::map<std::string, std::string>& languages,
                              const std::vector<SiteRule>& site_rules, unsigned shards) {
    WriterLock held(path);          // no other writer's commit may land in the generation replaced
    shards_within(path, "rebuild"); // before anything is written
    ReadDatabase old = open_for_reading(path);
    if (shards == 0) shards = static_cast<unsigned>(read_shards(path).size());
    std::string staged = staging_path(path);
    RebuildStats s;
    try {
        if (shards > 1) create_sharded_archive(staged, shards);
        s = write_isolated([&](RebuildStats& counts) {
            write_generation(old, staged, schema, aliases, metadata, log, languages, site_rules,
                             counts);
        });
    } catch (const DatabaseError& e) {
        std::error_code ec;
        std::filesystem::remove_all(staged, ec);
        throw DatabaseError({path},
                            fmt::format("rebuild failed: {}; the database is unchanged", e.what()));
    }
    if (Xapian::Database(staged).get_doccount() != old.db.get_doccount())
        throw DatabaseError(
            {path}, fmt::format("rebuild produced {} documents from {}; not switching",
                                Xapian::Database(staged).get_doccount(), old.db.get_doccount()));
    switch_generation(path, staged, &held);
    return s;
}

int run_rebuild(const GlobalOptions& o, const RebuildCommand& c) {
    require_db(o);
    RunLock lock(o.db_path);
    Schema schema = schema_for(o, true);
    // The name lists as the files now say, like every other run.
    std::map<std::string, std::string> metadata = {
        {synonyms_metadata_key, checked_name_list(synonyms_file(o), "synonyms")},
        {topic_aliases_metadata_key, checked_name_list(aliases_file(o), "topic aliases")}};
    Progress line(!o.quiet);
    Log log = run_log(o, line);
    std::map<std::string, std::string> languages; // the feed list's language=
    if (!c.feeds_file.empty())
        for (const auto& feed : read_feed_list(c.feeds_file))
            if (!feed.language.empty()) languages[feed.url] = feed.language;
    auto s = rebuild_database(o.db_path, schema, topic_aliases(o), metadata, log, languages,
                              site_rules(o), c.shards);
    std::size_t shards = read_shards(o.db_path).size();
    say(stdout, fmt::format("rebuilt: {} documents ({} re-read from their original item, {} kept "
                            "as stored){}; switched to the new generation",
                            s.documents, s.reparsed, s.kept,
                            shards > 1 ? fmt::format(" in {} shards", shards) : ""));
    return exit_ok;
}

} // namespace morgue
