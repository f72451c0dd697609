#include "morgue/database.hpp"
#include "morgue/document.hpp"
#include "morgue/errors.hpp"
#include "test_db.hpp"

#include <gtest/gtest.h>
#include <map>

using namespace morgue;

namespace {

Schema news() {
    return load_schema_file(MORGUE_SOURCE_DIR "/schemas/news.xml");
}

Article article(const std::string& id, const std::string& body) {
    Article a;
    a.id = a.url = "https://example.com/" + id;
    a.title = "Title " + id;
    a.body = body;
    a.date = 1760000000;
    return a;
}

std::string error_of(auto&& f) {
    try {
        f();
    } catch (const DatabaseError& e) {
        return e.what();
    }
    return "no error";
}

} // namespace

TEST(Writer, UpsertAddsReplacesOrLeavesAlone) {
    TempDir tmp;
    std::string path = tmp / "db";
    {
        Writer w(path, news());
        EXPECT_EQ(w.upsert(article("1", "first")), Writer::Outcome::added);
        EXPECT_EQ(w.upsert(article("2", "second")), Writer::Outcome::added);
        w.commit();
    }
    {
        Writer w(path, news());
        EXPECT_EQ(w.upsert(article("1", "first")), Writer::Outcome::unchanged);
        EXPECT_EQ(w.upsert(article("2", "second, edited")), Writer::Outcome::updated);
        w.commit();
        EXPECT_EQ(w.document_count(), 2u);
    }
    ReadDatabase db = open_for_reading(path);
    EXPECT_EQ(db.db.get_doccount(), 2u);
    EXPECT_EQ(db.schema.name, "news");
    EXPECT_TRUE(db.db.term_exists("edited"));
}

TEST(Writer, NothingIsKeptWithoutCommit) {
    TempDir tmp;
    std::string path = tmp / "db";
    {
        Writer w(path, news());
        w.upsert(article("1", "kept"));
        w.commit();
    }
    {
        Writer w(path, news());
        w.upsert(article("2", "lost"));
        // No commit: the destructor cancels the transaction.
    }
    ReadDatabase db = open_for_reading(path);
    EXPECT_EQ(db.db.get_doccount(), 1u);
    EXPECT_FALSE(db.db.term_exists("lost"));
}

TEST(Writer, ImportDateFallbackKeepsTheFirstDate) {
    TempDir tmp;
    std::string path = tmp / "db";
    Article a = article("1", "undated");
    a.date_source = DateSource::received;
    {
        Writer w(path, news());
        w.upsert(a);
        w.commit();
    }
    a.date += 86400; // imported again a day later
    Writer w(path, news());
    EXPECT_EQ(w.upsert(a), Writer::Outcome::unchanged);
}

// The capture time is the first one: re-imports find the article unchanged
// (it is outside the content hash), and an update keeps it.  An article
// stored without one (before Morgue kept it) never gains a later one.
TEST(Writer, CaptureTimeIsTheFirst) {
    TempDir tmp;
    std::string path = tmp / "db";
    Article a = article("1", "first text");
    a.captured = 1760000100;
    Article old = article("2", "stored long ago");
    {
        Writer w(path, news());
        w.upsert(a);
        w.upsert(old); // captured 0: unknown
        w.commit();
    }
    auto captured = [&](const std::string& id) {
        ReadDatabase db = open_for_reading(path);
        Article want;
        want.id = "https://example.com/" + id;
        auto p = db.db.postlist_begin(unique_term(db.schema, want));
        return read_stored(db.db.get_document(*p)).captured;
    };
    EXPECT_EQ(captured("1"), 1760000100);
    EXPECT_EQ(captured("2"), 0);
    a.captured = old.captured = 1760090000; // read again a day later
    {
        Writer w(path, news());
        EXPECT_EQ(w.upsert(a), Writer::Outcome::unchanged);
        a.body = "corrected text";
        old.body = "corrected too";
        EXPECT_EQ(w.upsert(a), Writer::Outcome::updated);
        EXPECT_EQ(w.upsert(old), Writer::Outcome::updated);
        w.commit();
    }
    EXPECT_EQ(captured("1"), 1760000100);
    EXPECT_EQ(captured("2"), 0);
}

TEST(Writer, SecondWriterIsToldTheDatabaseIsLocked) {
    TempDir tmp;
    std::string path = tmp / "db";
    Writer first(path, news());
    EXPECT_EQ(error_of([&] { Writer second(path, news()); }),
              path + ": database is locked by another writer (is another morgue-indexer running?)");
}

TEST(Writer, IncompatibleSchemaIsRefused) {
    TempDir tmp;
    std::string path = tmp / "db";
    Writer(path, news()).commit();
    Schema other = news();
    for (Field& f : other.fields)
        if (f.name == "topic") f.prefix = "XTOPIC";
    EXPECT_EQ(error_of([&] { Writer w(path, other); }),
              path + ": schema news does not fit this database: field topic has another kind, "
                     "prefix or slot than in the database (rebuild the database)");
}

TEST(Writer, DatabaseKeepsItsOwnSchema) {
    TempDir tmp;
    std::string path = tmp / "db";
    Writer(path, news()).commit();
    Schema heavier = news();
    for (Field& f : heavier.fields)
        if (f.name == "title") f.weight = 7;
    Writer w(path, heavier); // compatible: only a weight differs
    EXPECT_EQ(w.schema().get("title").weight, news().get("title").weight);
}

TEST(OpenForReading, ExplainsWhatIsWrong) {
    TempDir tmp;
    EXPECT_EQ(error_of([&] { open_for_reading(tmp / "missing"); }),
              tmp / "missing" + ": no such database");
    Xapian::WritableDatabase plain(tmp / "plain", Xapian::DB_CREATE);
    plain.add_document(Xapian::Document());
    plain.commit();
    EXPECT_EQ(error_of([&] { open_for_reading(tmp / "plain"); }),
              tmp / "plain" + ": not a Morgue database (no schema in its metadata)");
    std::string msg = error_of([&] { open_for_reading(tmp.path.string()); });
    EXPECT_EQ(msg,
              tmp.path.string() + ": not a Xapian database (Couldn't detect type of database)");
}

TEST(Writer, CollectsSpellingDataFromText) {
    TempDir tmp;
    std::string path = tmp / "db";
    {
        Writer w(path, news());
        w.upsert(article("1", "Japanese anime studios"));
        w.commit();
    }
    Xapian::Database db(path);
    EXPECT_EQ(db.get_spelling_suggestion("anmie"), "anime");
    EXPECT_EQ(db.get_spelling_suggestion("studois"), "studios");
}

// The spelling data counts each plain word by its within-document frequency
// in the articles written (a title's words at the title's weight), leaves
// field terms out, and does not count an article again when it is
// re-imported unchanged.
TEST(Writer, SpellingFrequenciesComeFromTheWrittenArticles) {
    TempDir tmp;
    std::string path = tmp / "db";
    auto frequencies = [&] {
        Xapian::Database db(path);
        std::map<std::string, Xapian::doccount> f;
        for (auto s = db.spellings_begin(); s != db.spellings_end(); ++s)
            f[*s] = s.get_termfreq();
        return f;
    };
    Article a = article("1", "anime studios make anime");
    a.columnists = {"Zelda Quixote"};
    {
        Writer w(path, news());
        w.upsert(a);
        w.upsert(article("2", "anime again"));
        w.commit();
    }
    auto f = frequencies();
    EXPECT_EQ(f["anime"], 3U);
    EXPECT_EQ(f["studios"], 1U);
    EXPECT_EQ(f["title"], 6U); // "Title 1" and "Title 2", weight 3
    EXPECT_EQ(f.count("zelda"), 0U);
    EXPECT_EQ(f.count("quixote"), 0U);
    {
        Writer w(path, news());
        EXPECT_EQ(w.upsert(a), Writer::Outcome::unchanged);
        w.commit();
    }
    EXPECT_EQ(frequencies()["anime"], 3U);
    {
        Writer w(path, news());
        w.upsert(article("3", "anime"));
        w.checkpoint(); // flushed at a checkpoint too
        w.commit();
    }
    EXPECT_EQ(frequencies()["anime"], 4U);
}
