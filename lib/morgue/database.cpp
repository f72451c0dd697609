#include "morgue/database.hpp"

#include "morgue/dates.hpp"
#include "morgue/document.hpp"
#include "morgue/errors.hpp"
#include "morgue/form_codes.hpp"
#include "morgue/name_groups.hpp"
#include "morgue/text.hpp"

#include <algorithm>
#include <atomic>
#include <cerrno>
#include <chrono>
#include <cstring>
#include <filesystem>
#include <fmt/format.h>
#include <sys/stat.h>
#include <thread>

namespace morgue {

namespace {

Schema stored_schema(const Xapian::Database& db, const std::string& path) {
    std::string xml = db.get_metadata(schema_metadata_key);
    if (xml.empty())
        throw DatabaseError({path}, "not a Morgue database (no schema in its metadata)");
    try {
        return parse_schema(xml, path + " (stored schema)");
    } catch (const ConfigError& e) { // the database's own copy: the database is at fault
        throw DatabaseError(e.subject(), e.reason());
    }
}

std::unordered_map<std::string, std::string> stored_aliases(const Xapian::Database& db) {
    return first_names(stored_name_groups(db, topic_aliases_metadata_key));
}

[[noreturn]] void rethrow_xapian(const std::string& path, const Xapian::Error& e) {
    if (std::string_view(e.get_type()) == "DatabaseLockError")
        throw DatabaseError(fmt::format(
            "{}: database is locked by another writer (is another morgue-indexer running?)", path));
    if (std::string_view(e.get_type()) == "DatabaseNotFoundError")
        throw DatabaseError({path}, fmt::format("not a Xapian database ({})", e.get_msg()));
    throw DatabaseError({path}, e.get_description());
}

} // namespace

std::string canonical_value(const ReadDatabase& db, std::string_view field,
                            const std::string& value) {
    if (field == "language") {
        std::string code = language_code(value);
        return code.empty() ? value : code;
    }
    if (field != "topic") return value;
    auto it = db.topic_aliases.find(casefold(collapse_spaces(value)));
    return it == db.topic_aliases.end() ? value : it->second;
}

std::vector<std::string> language_list(const std::string& value) {
    std::vector<std::string> out;
    std::size_t start = 0;
    while (start < value.size()) {
        std::size_t end = std::min(value.find('\n', start), value.size());
        if (std::string code = language_code(value.substr(start, end - start)); !code.empty())
            if (std::find(out.begin(), out.end(), code) == out.end()) out.push_back(code);
        start = end + 1;
    }
    return out;
}

std::string merge_language_lists(const std::vector<std::string>& values) {
    std::vector<std::string> all;
    for (const std::string& v : values)
        for (std::string& code : language_list(v))
            if (std::find(all.begin(), all.end(), code) == all.end()) all.push_back(code);
    std::string out;
    for (const std::string& code : all)
        out += code + "\n";
    return out;
}

bool has_remote_shard(const ReadDatabase& db) {
    return std::any_of(db.layout.begin(), db.layout.end(),
                       [](const ShardSpec& s) { return s.remote(); });
}

std::uint64_t next_open_serial() {
    static std::atomic<std::uint64_t> opened{0};
    return ++opened;
}

const ValueStats& value_stats(const ReadDatabase& db, Xapian::valueno slot) {
    auto [it, added] = db.value_stats_asked.try_emplace(slot);
    if (added) {
        // One exchange a remote shard for all three: Xapian keeps the
        // statistics of the slot last asked.
        it->second.freq = db.db.get_value_freq(slot);
        it->second.lower = db.db.get_value_lower_bound(slot);
        it->second.upper = db.db.get_value_upper_bound(slot);
    }
    return it->second;
}

Xapian::valueno calendar_slot(const ReadDatabase& db) {
    // Every document must have it: in an archive written partly before it, a
    // range on it would lose the older articles.
    if (value_stats(db, slot_local_date).freq == db.db.get_doccount()) return slot_local_date;
    return *db.schema.get("date").slot;
}

namespace {

// What was known of the open revision no longer holds.
void forget_revision(ReadDatabase& db) {
    db.serial = next_open_serial();
    db.value_stats_asked.clear();
}

} // namespace

bool reopen(ReadDatabase& db) {
    if (!db.db.reopen()) return false;
    forget_revision(db);
    return true;
}

std::string memory_key(const ReadDatabase& db) {
    if (!db.missing.empty()) return {};
    if (has_remote_shard(db)) return fmt::format("{}:open{}", db.db.get_uuid(), db.serial);
    return revision_key(db);
}

std::string revision_key(const ReadDatabase& db) {
    // The remote backend does not say which revision it serves; an archive
    // with a shard left out is not the archive.
    if (!db.missing.empty() || has_remote_shard(db)) return {};
    std::string key = db.db.get_uuid();
    if (db.shards.empty()) return key + ":" + std::to_string(db.db.get_revision()); // one database
    for (const Xapian::Database& shard : db.shards)
        key += ":" + std::to_string(shard.get_revision());
    return key;
}

namespace {

// Errors an open can meet when a generation switch happens meanwhile.
bool racy(const Xapian::Error& e) {
    std::string_view type = e.get_type();
    return type == "DatabaseOpeningError" || type == "DatabaseCorruptError" ||
           type == "DatabaseModifiedError";
}

ino_t inode_of(const std::string& path) {
    struct stat st {};
    return stat(path.c_str(), &st) == 0 ? st.st_ino : 0;
}

struct Opened {
    std::vector<Xapian::Database> shards;
    std::vector<ShardSpec> layout;
    std::vector<std::string> missing;
};

// Stands in for a shard left out: no documents, and the archive's other
// documents keep their ids (Xapian interleaves the shards' ids).
Xapian::Database empty_shard() {
    return Xapian::WritableDatabase(std::string(), Xapian::DB_BACKEND_INMEMORY);
}

Xapian::Database all_of(const std::vector<Xapian::Database>& shards) {
    Xapian::Database all;
    for (const Xapian::Database& shard : shards)
        all.add_database(shard);
    return all;
}

// The shards of the archive at `path`, each opened alone (so that a failure
// names it).  Shards of two generations are never mixed: when the archive's
// directory is exchanged meanwhile, the open is racy.
Opened open_archive(const std::string& path, MissingShards on_missing, unsigned timeout_ms) {
    ino_t before = inode_of(path);
    std::vector<ShardSpec> specs = read_shards(path);
    if (specs.empty()) return {{Xapian::Database(path)}, {}, {}};
    Opened o{{}, specs, {}};
    for (const ShardSpec& spec : specs) {
        try {
            o.shards.push_back(open_shard(spec, timeout_ms));
        } catch (const Xapian::Error& e) {
            if (racy(e)) throw;
            if (on_missing == MissingShards::fail)
                rethrow_xapian(fmt::format("{}: shard {}", path, spec.name()), e);
            o.missing.push_back(fmt::format("{}: {}", spec.name(), e.get_msg()));
            o.shards.push_back(empty_shard());
        }
    }
    if (inode_of(path) != before)
        throw Xapian::DatabaseOpeningError("a new generation replaced the archive while it opened");
    if (o.missing.size() == specs.size())
        throw DatabaseError(
            {path}, fmt::format("no shard can be reached ({})", fmt::join(o.missing, "; ")));
    return o;
}

ReadDatabase read_archive(const std::string& path, MissingShards on_missing, unsigned timeout_ms) {
    Opened o = open_archive(path, on_missing, timeout_ms);
    // The archive's metadata is in every shard: the first one reached has it.
    std::size_t first = 0;
    while (first < o.layout.size() && o.shards[first].get_doccount() == 0 &&
           o.shards[first].get_metadata(schema_metadata_key).empty())
        ++first;
    if (first == o.shards.size()) first = 0;
    Schema schema = stored_schema(o.shards[first], path);
    std::vector<std::string> lists;
    for (const Xapian::Database& shard : o.shards)
        lists.push_back(shard.get_metadata(languages_metadata_key));
    return {all_of(o.shards),
            std::move(schema),
            stored_aliases(o.shards[first]),
            language_list(merge_language_lists(lists)),
            o.shards,
            o.layout,
            o.missing,
            on_missing,
            timeout_ms};
}

} // namespace

bool leave_out_unreachable(ReadDatabase& db) {
    if (db.on_missing != MissingShards::skip) return false;
    bool changed = false;
    for (std::size_t k = 0; k < db.layout.size(); ++k) {
        if (!db.layout[k].remote()) continue;
        try {
            db.shards[k].keep_alive();
        } catch (const Xapian::NetworkError& e) {
            db.missing.push_back(fmt::format("{}: {}", db.layout[k].name(), e.get_msg()));
            db.shards[k] = empty_shard();
            changed = true;
        }
    }
    if (changed) {
        db.db = all_of(db.shards);
        forget_revision(db);
    }
    return changed;
}

ReadDatabase open_for_reading(const std::string& path, MissingShards on_missing,
                              unsigned timeout_ms) {
    std::error_code ec;
    if (!std::filesystem::exists(path, ec)) throw DatabaseError({path}, "no such database");
    // An open that straddles a generation switch (generation.hpp) can see
    // tables of two databases; the next attempt sees one.
    constexpr int attempts = 4;
    for (int attempt = 1;; ++attempt) {
        try {
            return read_archive(path, on_missing, timeout_ms);
        } catch (const Xapian::DatabaseError& e) {
            if (!racy(e) || attempt == attempts) rethrow_xapian(path, e);
            std::this_thread::sleep_for(std::chrono::milliseconds(20 * attempt));
        } catch (const Xapian::Error& e) {
            rethrow_xapian(path, e);
        }
    }
}

void Writer::open_shard(const ShardSpec& spec, std::size_t index, std::size_t count,
                        const Schema& schema) {
    std::string name = count == 1 ? path_ : fmt::format("{}: shard {}", path_, spec.name());
    try {
        auto db = std::make_unique<Xapian::WritableDatabase>(
            open_writable_shard(spec, Xapian::DB_CREATE_OR_OPEN));
        // Flushed transaction: no automatic commit happens until commit(),
        // so a killed run leaves the last committed revision.
        db->begin_transaction(true);
        shards_.push_back({name, std::move(db)});
        Xapian::WritableDatabase& w = *shards_.back().db;
        bool fresh = w.get_metadata(schema_metadata_key).empty() && w.get_doccount() == 0;
        if (fresh) {
            w.set_metadata(schema_metadata_key, index == 0 ? schema.xml : schema_.xml);
            if (count > 1) w.set_metadata(shard_metadata_key, shard_place(index, count));
        } else {
            Schema stored = stored_schema(w, name);
            if (index == 0) schema_ = stored;
            if (auto diff = schema_difference(stored, index == 0 ? schema : schema_); !diff.empty())
                throw DatabaseError(fmt::format(
                    "{}: schema {} does not fit this database: {} (rebuild the database)", name,
                    schema.name, diff));
            // Articles are where their ids hash to only in the shard made for
            // that place (a shard compacted or rebuilt on its own keeps it).
            std::string place = w.get_metadata(shard_metadata_key);
            if (count > 1 && place != shard_place(index, count))
                throw DatabaseError(fmt::format(
                    "{}: holds {} but is listed as shard {}/{}; the shard list was edited "
                    "(re-shard with rebuild --shards N)",
                    name, place.empty() ? "a database of its own" : "shard " + place, index,
                    count));
        }
        if (index == 0 && fresh) schema_ = schema;
    } catch (const Xapian::Error& e) {
        // Xapian does not say why it could not create a file (a full or
        // failing disk): the failed call's errno, still set, does.
        int error = errno;
        if (std::string_view(e.get_type()) == "DatabaseCreateError" && !e.get_error_string() &&
            error)
            throw DatabaseError({name},
                                fmt::format("{} ({})", e.get_description(), std::strerror(error)));
        rethrow_xapian(name, e);
    }
}

Writer::Writer(const std::string& path, const Schema& schema)
    : path_(path), stemmers_(schema.language) {
    std::vector<ShardSpec> specs = read_shards(path);
    refuse_replica(path, specs);
    if (specs.empty()) specs.push_back({path});
    for (std::size_t k = 0; k < specs.size(); ++k)
        open_shard(specs[k], k, specs.size(), schema);
    in_transaction_ = true;
    stemmers_ = Stemmers(schema_.language);
    default_language_ = code_of_stemmer(schema_.language);
    std::vector<std::string> lists;
    for (const Shard& s : shards_)
        lists.push_back(s.db->get_metadata(languages_metadata_key));
    languages_ = language_list(merge_language_lists(lists));
    tg_.set_database(*shards_.front().db);
    // Spelling data is taken from each written document (note_spelling),
    // not by the TermGenerator.
    tg_.set_flags(term_generator_flags);
}

Writer::~Writer() {
    // close() aborts an open transaction; outside one (after a failed commit
    // or checkpoint) it retries the commit.  If that fails too, the
    // WritableDatabase's own destructor would retry once more and throw,
    // which ends the process: let it go instead.  Nothing is lost by that:
    // what was not committed was never durable, and the kernel closes the
    // files and releases the lock at exit.
    for (Shard& s : shards_) {
        if (!s.db) continue;
        try {
            if (in_transaction_) s.db->cancel_transaction();
            s.db->close();
        } catch (const Xapian::Error&) {
            [[maybe_unused]] auto* abandoned = s.db.release();
        }
    }
}

Writer::Shard& Writer::shard_for(const std::string& unique_term) {
    return shards_[shard_of(unique_term, shards_.size())];
}

Xapian::doccount Writer::document_count() const {
    Xapian::doccount n = 0;
    for (const Shard& s : shards_)
        n += s.db->get_doccount();
    return n;
}

void Writer::note_language(const std::string& code) {
    if (code.empty() || std::find(languages_.begin(), languages_.end(), code) != languages_.end())
        return;
    languages_.push_back(code);
    std::string value;
    for (const std::string& c : languages_)
        value += c + "\n";
    for (Shard& s : shards_) {
        try {
            s.db->set_metadata(languages_metadata_key, value);
        } catch (const Xapian::Error& e) {
            rethrow_xapian(s.name, e);
        }
    }
}

Writer::Outcome Writer::upsert(Article article) {
    strip_controls(article); // a restored backup has not been through the parser
    article.language = language_code(article.language); // likewise
    if (article.language.empty()) article.language = default_language_;
    tg_.set_stemmer(stemmers_.of(article.language));
    std::string term = unique_term(schema_, article);
    Shard& shard = shard_for(term);
    Xapian::WritableDatabase& db = *shard.db;
    try {
        Xapian::PostingIterator p = db.postlist_begin(term);
        bool exists = p != db.postlist_end(term);
        Xapian::Document old;
        if (exists) {
            old = db.get_document(*p);
            // A date that fell back to the import time keeps the first import's
            // date, so that re-importing the same item changes nothing.
            if (article.date_source == DateSource::received) {
                Article stored = read_stored(old);
                if (stored.date && stored.date_source == DateSource::received)
                    article.date = stored.date;
            }
            // Captured once: an update keeps the first capture's time (or
            // none, for an article stored before Morgue kept it).
            std::string captured = old.get_value(slot_captured);
            article.captured =
                captured.empty() ? 0
                                 : static_cast<std::time_t>(Xapian::sortable_unserialise(captured));
        }
        Xapian::Document doc = build_document(schema_, article, tg_);
        if (exists && old.get_value(slot_content_hash) == doc.get_value(slot_content_hash))
            return Outcome::unchanged;
        db.replace_document(term, doc);
        note_forms(shard, doc);
        // All spelling data goes to the first shard: Xapian's suggestion over
        // several databases does not add up a word's frequencies the way one
        // database holds them, and "did you mean" must not depend on how
        // the archive is cut.
        note_spelling(shards_.front(), doc);
        note_language(article.language);
        return exists ? Outcome::updated : Outcome::added;
    } catch (const Xapian::Error& e) {
        rethrow_xapian(shard.name, e);
    }
}

std::optional<Article> Writer::stored(const Article& article) const {
    std::string term = unique_term(schema_, article);
    const Shard& shard = shards_[shard_of(term, shards_.size())];
    try {
        Xapian::PostingIterator p = shard.db->postlist_begin(term);
        if (p == shard.db->postlist_end(term)) return std::nullopt;
        return stored_article(shard.db->get_document(*p));
    } catch (const Xapian::Error& e) {
        rethrow_xapian(shard.name, e);
    }
}

bool Writer::holds_pages() const {
    for (const Shard& s : shards_) {
        try {
            if (s.db->get_value_freq(slot_page) > 0) return true;
        } catch (const Xapian::Error& e) {
            rethrow_xapian(s.name, e);
        }
    }
    return false;
}

std::string Writer::metadata(const std::string& key) const {
    try {
        return shards_.front().db->get_metadata(key);
    } catch (const Xapian::Error& e) {
        rethrow_xapian(shards_.front().name, e);
    }
}

void Writer::set_metadata(const std::string& key, const std::string& value) {
    if (key == languages_metadata_key) { // a list that only grows (restore, rebuild)
        for (const std::string& code : language_list(value))
            note_language(code);
        return;
    }
    // A shard's place is its own, never carried over to another archive's.
    if (key == shard_metadata_key && shards_.size() > 1) return;
    for (Shard& s : shards_) { // every shard has the archive's metadata
        try {
            s.db->set_metadata(key, value);
        } catch (const Xapian::Error& e) {
            rethrow_xapian(s.name, e);
        }
    }
}

// Each coded form of the document recorded in its shard, in the same
// transaction: the dictionary the searcher decodes the shard's codes with.
void Writer::note_forms(Shard& shard, const Xapian::Document& doc) {
    for (const Field& f : schema_.fields) {
        if (f.kind != FieldKind::keyword || !f.facet || !f.slot) continue;
        if (doc.get_value(code_slot(*f.slot)).empty()) continue;
        for (const std::string& form : value_parts(doc.get_value(*f.slot))) {
            std::string key = form_key(form);
            if (shard.forms.insert(key).second) shard.db->set_metadata(key, "1");
        }
    }
}

// The words a query may be corrected to: the unprefixed terms, which only
// plain text makes (field terms have a capital prefix, stems "Z"); CJK
// n-grams among them, as FLAG_SPELLING gave them (the same word set).  A word
// counts by its within-document frequency: a title's words by its weight.
void Writer::note_spelling(Shard& shard, const Xapian::Document& doc) {
    for (auto t = doc.termlist_begin(); t != doc.termlist_end(); ++t) {
        const std::string& term = *t;
        unsigned char first = static_cast<unsigned char>(term[0]);
        if (first >= 'A' && first <= 'Z') continue;
        shard.spelling[term] += t.get_wdf();
    }
    // Flushed every so many articles, so that one long transaction (a
    // first import) holds no more than a batch's distinct words.
    constexpr Xapian::doccount batch = 10000;
    if (++spelling_documents_ >= batch) flush_spelling();
}

void Writer::flush_spelling() {
    for (Shard& s : shards_) {
        try {
            for (const auto& [word, count] : s.spelling)
                s.db->add_spelling(word, count);
        } catch (const Xapian::Error& e) {
            rethrow_xapian(s.name, e);
        }
        s.spelling.clear();
    }
    spelling_documents_ = 0;
}

void Writer::commit() {
    flush_spelling();
    for (Shard& s : shards_) {
        try {
            s.db->commit_transaction();
            // commit_transaction() of a flushed transaction commits; this makes
            // any failure surface here rather than in the destructor, which
            // swallows it.
            s.db->commit();
        } catch (const Xapian::Error& e) {
            // The shards before it are committed; it and those after are not.
            rethrow_xapian(s.name, e);
        }
    }
    in_transaction_ = false;
}

void Writer::checkpoint() {
    flush_spelling();
    for (Shard& s : shards_) {
        try {
            s.db->commit_transaction();
            s.db->begin_transaction(true);
        } catch (const Xapian::Error& e) {
            in_transaction_ = false;
            rethrow_xapian(s.name, e);
        }
    }
}

} // namespace morgue
