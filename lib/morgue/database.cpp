#include "morgue/database.hpp"

#include "morgue/dates.hpp"
#include "morgue/document.hpp"
#include "morgue/errors.hpp"
#include "morgue/name_groups.hpp"
#include "morgue/text.hpp"

#include <algorithm>
#include <cerrno>
#include <chrono>
#include <cstring>
#include <filesystem>
#include <fmt/format.h>
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

std::string revision_key(const Xapian::Database& db) {
    return db.get_uuid() + ":" + std::to_string(db.get_revision());
}

ReadDatabase open_for_reading(const std::string& path) {
    std::error_code ec;
    if (!std::filesystem::exists(path, ec)) throw DatabaseError({path}, "no such database");
    // An open that straddles a generation switch (generation.hpp) can see
    // tables of two databases; the next attempt sees one.
    constexpr int attempts = 4;
    for (int attempt = 1;; ++attempt) {
        try {
            Xapian::Database db(path);
            Schema schema = stored_schema(db, path);
            return {db, std::move(schema), stored_aliases(db),
                    language_list(db.get_metadata(languages_metadata_key))};
        } catch (const Xapian::DatabaseError& e) {
            std::string_view type = e.get_type();
            bool racy = type == "DatabaseOpeningError" || type == "DatabaseCorruptError" ||
                        type == "DatabaseModifiedError";
            if (!racy || attempt == attempts) rethrow_xapian(path, e);
            std::this_thread::sleep_for(std::chrono::milliseconds(20 * attempt));
        } catch (const Xapian::Error& e) {
            rethrow_xapian(path, e);
        }
    }
}

Writer::Writer(const std::string& path, const Schema& schema)
    : path_(path), stemmers_(schema.language) {
    try {
        db_ = std::make_unique<Xapian::WritableDatabase>(path, Xapian::DB_CREATE_OR_OPEN);
        // Flushed transaction: no automatic commit happens until commit(),
        // so a killed run leaves the last committed revision.
        db_->begin_transaction(true);
        in_transaction_ = true;
        if (db_->get_metadata(schema_metadata_key).empty() && db_->get_doccount() == 0) {
            db_->set_metadata(schema_metadata_key, schema.xml);
            schema_ = schema;
        } else {
            schema_ = stored_schema(*db_, path);
            if (auto diff = schema_difference(schema_, schema); !diff.empty())
                throw DatabaseError(fmt::format(
                    "{}: schema {} does not fit this database: {} (rebuild the database)", path,
                    schema.name, diff));
        }
    } catch (const Xapian::Error& e) {
        // Xapian does not say why it could not create a file (a full or
        // failing disk): the failed call's errno, still set, does.
        int error = errno;
        if (std::string_view(e.get_type()) == "DatabaseCreateError" && !e.get_error_string() &&
            error)
            throw DatabaseError({path},
                                fmt::format("{} ({})", e.get_description(), std::strerror(error)));
        rethrow_xapian(path, e);
    }
    stemmers_ = Stemmers(schema_.language);
    default_language_ = code_of_stemmer(schema_.language);
    languages_ = language_list(metadata(languages_metadata_key));
    tg_.set_database(*db_);
    // Spelling data is taken from each written document (note_spelling),
    // not by the TermGenerator.
    tg_.set_flags(Xapian::TermGenerator::FLAG_CJK_NGRAM);
}

Writer::~Writer() {
    if (!db_) return;
    // close() aborts an open transaction; outside one (after a failed commit
    // or checkpoint) it retries the commit.  If that fails too, the
    // WritableDatabase's own destructor would retry once more and throw,
    // which ends the process: let it go instead.  Nothing is lost by that:
    // what was not committed was never durable, and the kernel closes the
    // files and releases the lock at exit.
    try {
        if (in_transaction_) db_->cancel_transaction();
        db_->close();
    } catch (const Xapian::Error&) {
        [[maybe_unused]] auto* abandoned = db_.release();
    }
}

void Writer::note_language(const std::string& code) {
    if (code.empty() || std::find(languages_.begin(), languages_.end(), code) != languages_.end())
        return;
    languages_.push_back(code);
    std::string value;
    for (const std::string& c : languages_)
        value += c + "\n";
    try {
        db_->set_metadata(languages_metadata_key, value);
    } catch (const Xapian::Error& e) {
        rethrow_xapian(path_, e);
    }
}

Writer::Outcome Writer::upsert(Article article) {
    strip_controls(article); // a restored backup has not been through the parser
    article.language = language_code(article.language); // likewise
    if (article.language.empty()) article.language = default_language_;
    tg_.set_stemmer(stemmers_.of(article.language));
    try {
        std::string term = unique_term(schema_, article);
        Xapian::PostingIterator p = db_->postlist_begin(term);
        bool exists = p != db_->postlist_end(term);
        Xapian::Document old;
        if (exists) {
            old = db_->get_document(*p);
            // A date that fell back to the import time keeps the first import's
            // date, so that re-importing the same item changes nothing.
            if (article.date_source == DateSource::received) {
                Article stored = read_stored(old);
                if (stored.date && stored.date_source == DateSource::received)
                    article.date = stored.date;
            }
        }
        Xapian::Document doc = build_document(schema_, article, tg_);
        if (exists && old.get_value(slot_content_hash) == doc.get_value(slot_content_hash))
            return Outcome::unchanged;
        db_->replace_document(term, doc);
        note_spelling(doc);
        note_language(article.language);
        return exists ? Outcome::updated : Outcome::added;
    } catch (const Xapian::Error& e) {
        rethrow_xapian(path_, e);
    }
}

std::optional<Article> Writer::stored(const Article& article) const {
    try {
        std::string term = unique_term(schema_, article);
        Xapian::PostingIterator p = db_->postlist_begin(term);
        if (p == db_->postlist_end(term)) return std::nullopt;
        return stored_article(db_->get_document(*p));
    } catch (const Xapian::Error& e) {
        rethrow_xapian(path_, e);
    }
}

bool Writer::holds_pages() const {
    try {
        return db_->get_value_freq(slot_page) > 0;
    } catch (const Xapian::Error& e) {
        rethrow_xapian(path_, e);
    }
}

std::string Writer::metadata(const std::string& key) const {
    try {
        return db_->get_metadata(key);
    } catch (const Xapian::Error& e) {
        rethrow_xapian(path_, e);
    }
}

void Writer::set_metadata(const std::string& key, const std::string& value) {
    if (key == languages_metadata_key) { // a list that only grows (restore, rebuild)
        for (const std::string& code : language_list(value))
            note_language(code);
        return;
    }
    try {
        db_->set_metadata(key, value);
    } catch (const Xapian::Error& e) {
        rethrow_xapian(path_, e);
    }
}

// The words a query may be corrected to: the unprefixed terms, which only
// plain text makes (field terms have a capital prefix, stems "Z"); CJK
// n-grams among them, as FLAG_SPELLING gave them (the same word set).  A word
// counts by its within-document frequency: a title's words by its weight.
void Writer::note_spelling(const Xapian::Document& doc) {
    for (auto t = doc.termlist_begin(); t != doc.termlist_end(); ++t) {
        const std::string& term = *t;
        unsigned char first = static_cast<unsigned char>(term[0]);
        if (first >= 'A' && first <= 'Z') continue;
        spelling_[term] += t.get_wdf();
    }
    // Flushed every so many articles, so that one long transaction (a
    // first import) holds no more than a batch's distinct words.
    constexpr Xapian::doccount batch = 10000;
    if (++spelling_documents_ >= batch) flush_spelling();
}

void Writer::flush_spelling() {
    try {
        for (const auto& [word, count] : spelling_)
            db_->add_spelling(word, count);
    } catch (const Xapian::Error& e) {
        rethrow_xapian(path_, e);
    }
    spelling_.clear();
    spelling_documents_ = 0;
}

void Writer::commit() {
    flush_spelling();
    try {
        db_->commit_transaction();
        in_transaction_ = false;
        // commit_transaction() of a flushed transaction commits; this makes any
        // failure surface here rather than in the destructor, which swallows it.
        db_->commit();
    } catch (const Xapian::Error& e) {
        rethrow_xapian(path_, e);
    }
}

void Writer::checkpoint() {
    flush_spelling();
    try {
        db_->commit_transaction();
        db_->begin_transaction(true);
    } catch (const Xapian::Error& e) {
        in_transaction_ = false;
        rethrow_xapian(path_, e);
    }
}

} // namespace morgue
