#include "morgue/database.hpp"
#include "morgue/document.hpp"
#include "morgue/errors.hpp"
#include "morgue/shards.hpp"
#include "page_documents.hpp"
#include "test_db.hpp"

#include <filesystem>
#include <fstream>
#include <gtest/gtest.h>

using namespace morgue;

namespace {

Schema news() {
    return load_schema_file(MORGUE_SOURCE_DIR "/schemas/news.xml");
}

Article article(int n) {
    Article a;
    a.id = a.url = "https://example.com/story/" + std::to_string(n);
    a.title = "Story " + std::to_string(n);
    a.body = n % 2 ? "harbour fishing quotas" : "council budget vote";
    a.date = 1760000000 + n * 3600;
    return a;
}

void write_stub(const std::string& dir, const std::string& text) {
    std::filesystem::create_directories(dir);
    std::ofstream(std::filesystem::path(dir) / stub_file_name) << text;
}

// An archive of `shards` shards in `dir` holding articles 0 to n - 1.
void fill_archive(const std::string& dir, std::size_t shards, int n) {
    create_sharded_archive(dir, shards);
    Writer w(dir, news());
    for (int k = 0; k < n; ++k)
        w.upsert(article(k));
    w.commit();
}

std::string error_of(auto&& f) {
    try {
        f();
    } catch (const Error& e) {
        return e.what();
    }
    return "no error";
}

} // namespace

TEST(Shards, AStubListsLocalAndRemoteShardsAsXapianReadsIt) {
    TempDir tmp;
    std::string dir = tmp / "archive";
    write_stub(dir, "# comment\nauto shard0\nglass /srv/other\n\nremote 10.0.0.7:33333\n"
                    "remote [::1]:4000\n");
    auto shards = read_shards(dir);
    ASSERT_EQ(shards.size(), 4u);
    EXPECT_EQ(shards[0].path, (std::filesystem::path(dir) / "shard0").string());
    EXPECT_EQ(shards[1].path, "/srv/other");
    EXPECT_TRUE(shards[2].remote());
    EXPECT_EQ(shards[2].host, "10.0.0.7");
    EXPECT_EQ(shards[2].port, 33333u);
    EXPECT_EQ(shards[2].name(), "remote 10.0.0.7:33333");
    EXPECT_EQ(shards[3].host, "::1");
    EXPECT_EQ(shards[3].name(), "remote [::1]:4000");
}

TEST(Shards, ASingleDatabaseHasNoStub) {
    TempDir tmp;
    EXPECT_TRUE(read_shards(tmp / "nothing").empty());
    Writer(tmp / "db", news()).commit();
    EXPECT_TRUE(read_shards(tmp / "db").empty());
}

TEST(Shards, AnUnroutableLineIsNamedWithItsFileAndLine) {
    TempDir tmp;
    std::string dir = tmp / "archive";
    write_stub(dir, "auto shard0\nremote :xapian-progsrv shard1\n");
    EXPECT_EQ(error_of([&] { read_shards(dir); }),
              dir + "/XAPIANDB:2: \"remote :xapian-progsrv shard1\": a shard is \"auto PATH\" or "
                    "\"remote HOST:PORT\"");
    write_stub(dir, "remote host.example\n");
    EXPECT_NE(error_of([&] { read_shards(dir); })
                  .find("XAPIANDB:1: remote shard \"host.example\" "
                        "is not HOST:PORT"),
              std::string::npos);
    write_stub(dir, "# nothing\n");
    EXPECT_EQ(error_of([&] { read_shards(dir); }), dir + "/XAPIANDB: lists no shard");
}

TEST(Shards, RoutingIsStableAndSpreadsArticles) {
    // Pinned: a change of hash would send updates to the wrong shard of
    // every archive already written.
    EXPECT_EQ(shard_of("Qhttps://example.com/a", 4), 1u);
    EXPECT_EQ(shard_of("Qhttps://example.com/story/1", 7), 5u);
    std::vector<int> per(4);
    for (int n = 0; n < 4000; ++n)
        ++per[shard_of("Qhttps://example.com/story/" + std::to_string(n), 4)];
    for (int count : per) {
        EXPECT_GT(count, 850);
        EXPECT_LT(count, 1150);
    }
    EXPECT_EQ(shard_of("anything", 1), 0u);
}

TEST(Shards, AWriterFilesEachArticleInTheShardItsIdHashesTo) {
    TempDir tmp;
    std::string dir = tmp / "archive";
    create_sharded_archive(dir, 3);
    Schema schema = news();
    {
        Writer w(dir, schema);
        for (int n = 0; n < 60; ++n)
            EXPECT_EQ(w.upsert(article(n)), Writer::Outcome::added);
        w.set_metadata(synonyms_metadata_key, "quota = allowance\n");
        w.commit();
        EXPECT_EQ(w.document_count(), 60u);
    }
    {
        Writer w(dir, schema); // again: found where they were filed
        for (int n = 0; n < 60; ++n)
            EXPECT_EQ(w.upsert(article(n)), Writer::Outcome::unchanged);
        Article edited = article(7);
        edited.body = "harbour fishing quotas, corrected";
        EXPECT_EQ(w.upsert(edited), Writer::Outcome::updated);
        w.commit();
    }
    std::string id_prefix = schema.get("url").prefix;
    for (std::size_t k = 0; k < 3; ++k) {
        Xapian::Database shard(dir + "/shard" + std::to_string(k));
        EXPECT_EQ(shard.get_metadata(shard_metadata_key), shard_place(k, 3));
        EXPECT_EQ(shard.get_metadata(synonyms_metadata_key), "quota = allowance\n");
        EXPECT_FALSE(shard.get_metadata(schema_metadata_key).empty());
        EXPECT_GT(shard.get_doccount(), 5u);
        for (auto t = shard.allterms_begin(id_prefix); t != shard.allterms_end(id_prefix); ++t)
            EXPECT_EQ(shard_of(*t, 3), k) << *t;
    }
    ReadDatabase db = open_for_reading(dir);
    EXPECT_EQ(db.db.get_doccount(), 60u);
    EXPECT_EQ(db.shards.size(), 3u);
    EXPECT_EQ(db.layout.size(), 3u);
    EXPECT_EQ(db.schema.name, "news");
    EXPECT_TRUE(db.db.term_exists("corrected"));
    // Xapian reads the same directory as one database (quest, xapian-delve).
    EXPECT_EQ(Xapian::Database(dir).get_doccount(), 60u);
}

TEST(Shards, TheRevisionKeyChangesWithAnyShardsCommit) {
    TempDir tmp;
    std::string dir = tmp / "archive";
    create_sharded_archive(dir, 2);
    {
        Writer w(dir, news());
        w.upsert(article(1));
        w.commit();
    }
    ReadDatabase db = open_for_reading(dir);
    std::string before = revision_key(db);
    {
        Writer w(dir, news());
        w.upsert(article(2));
        w.upsert(article(3));
        w.commit();
    }
    db.db.reopen();
    EXPECT_NE(revision_key(db), before);
    EXPECT_EQ(db.db.get_doccount(), 3u);
}

// A search's value statistics are asked of Xapian once a revision; what a
// process remembers is keyed by the revision, or for an archive with a
// remote shard (whose revision Xapian does not tell) by the open, which
// reopen() renews when a shard has changed.
TEST(Shards, ValueStatisticsAndTheMemoryKeyLastUntilAReopenBringsAChange) {
    TempDir tmp;
    std::string dir = tmp / "archive";
    create_sharded_archive(dir, 2);
    auto add = [&](std::initializer_list<int> ids) {
        Writer w(dir, news());
        for (int n : ids)
            w.upsert(article(n));
        w.commit();
    };
    add({1});
    ReadDatabase db = open_for_reading(dir);
    const Xapian::valueno date = *db.schema.get("date").slot;
    EXPECT_EQ(value_stats(db, date).freq, 1u);
    EXPECT_EQ(memory_key(db), revision_key(db));
    // As if the second shard were served by xapian-tcpsrv: no revision.
    ReadDatabase remote = open_for_reading(dir);
    remote.layout[1] = ShardSpec{"", "127.0.0.1", 1};
    EXPECT_EQ(revision_key(remote), "");
    const std::string open = memory_key(remote);
    EXPECT_NE(open, "");
    EXPECT_FALSE(reopen(remote));
    EXPECT_EQ(memory_key(remote), open);

    add({2, 3});
    // Until a reopen: the revision open, as Xapian itself answers.
    EXPECT_EQ(value_stats(db, date).freq, 1u);
    EXPECT_TRUE(reopen(db));
    EXPECT_EQ(value_stats(db, date).freq, 3u);
    EXPECT_FALSE(reopen(db));
    EXPECT_TRUE(reopen(remote));
    EXPECT_NE(memory_key(remote), open);
    EXPECT_EQ(value_stats(remote, date).freq, 3u);
    // A shard left out: nothing is remembered.
    remote.missing = {"remote 127.0.0.1:1: down"};
    EXPECT_EQ(memory_key(remote), "");
}

TEST(Shards, AReorderedShardListIsRefusedBeforeAnythingIsWritten) {
    TempDir tmp;
    std::string dir = tmp / "archive";
    fill_archive(dir, 2, 10);
    write_stub(dir, "auto shard1\nauto shard0\n");
    EXPECT_EQ(error_of([&] { Writer w(dir, news()); }),
              dir + ": shard " + dir +
                  "/shard1: holds shard 1/2 but is listed as shard 0/2; the "
                  "shard list was edited (re-shard with rebuild --shards N)");
    EXPECT_EQ(open_for_reading(dir).db.get_doccount(), 10u); // searching still works
}

TEST(Shards, AMissingShardIsNamed) {
    TempDir tmp;
    std::string dir = tmp / "archive";
    create_sharded_archive(dir, 2);
    Writer(dir, news()).commit();
    std::filesystem::remove_all(dir + "/shard1");
    std::string e = error_of([&] { open_for_reading(dir); });
    EXPECT_NE(e.find(dir + ": shard " + dir + "/shard1"), std::string::npos) << e;
}

// A page's documents read shard by shard (page_documents.hpp): each item's,
// in the MSet's order, whether the shards are read in turn (all local) or
// at once (an archive with a remote shard, here pretended).
TEST(Shards, APagesDocumentsAreEachItemsInOrder) {
    TempDir tmp;
    std::string dir = tmp / "archive";
    fill_archive(dir, 3, 40);
    for (bool remote : {false, true}) {
        ReadDatabase db = open_for_reading(dir);
        if (remote) db.layout[2] = ShardSpec{"", "127.0.0.1", 1};
        Xapian::Enquire enquire(db.db);
        enquire.set_query(Xapian::Query::MatchAll);
        Xapian::MSet mset = enquire.get_mset(3, 25);
        std::vector<Xapian::Document> docs = read_documents(db, mset);
        ASSERT_EQ(docs.size(), mset.size());
        std::size_t k = 0;
        for (auto it = mset.begin(); it != mset.end(); ++it, ++k)
            EXPECT_EQ(docs[k].get_data(), it.get_document().get_data()) << "remote " << remote;
    }
}
