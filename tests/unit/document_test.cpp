#include "morgue/database.hpp"
#include "morgue/dates.hpp"
#include "morgue/document.hpp"
#include "morgue/errors.hpp"
#include "morgue/language.hpp"
#include "test_db.hpp"

#include <gtest/gtest.h>
#include <map>
#include <set>

using namespace morgue;

namespace {

Schema news() {
    return load_schema_file(MORGUE_SOURCE_DIR "/schemas/news.xml");
}

Article sample() {
    Article a;
    a.id = "tag:example.com,2025:1";
    a.url = "https://example.com/1";
    a.title = "Japan's anime artists";
    a.body = "Tokyo owes more to these artists. 蔡英文";
    a.summary = "Tokyo owes more";
    a.columnists = {"Catherine Thorbecke", "Dave Lee"};
    a.topics = {"Technology"};
    a.date = *parse_date("2025-10-13T16:30:00Z");
    a.feed_title = "Bloomberg Opinion";
    a.feed_url = "https://example.com/feed";
    a.original = "<item><title>Japan's anime artists</title></item>";
    return a;
}

std::set<std::string> terms_of(const Xapian::Document& doc) {
    return {doc.termlist_begin(), doc.termlist_end()};
}

Xapian::Document build(const Schema& s, const Article& a) {
    Xapian::TermGenerator tg;
    tg.set_stemmer(Xapian::Stem(s.language));
    tg.set_flags(term_generator_flags);
    return build_document(s, a, tg);
}

} // namespace

TEST(Document, TermsFollowTheSchema) {
    Schema s = news();
    auto terms = terms_of(build(s, sample()));
    for (const char* t : {"anime", "Zanim", "Sanime", "ZSanim", "tokyo", "XAcatherine thorbecke",
                          "XAdave lee", "Athorbecke", "XKtechnology", "XFEEDbloomberg opinion",
                          "Y2025", "M202510", "D20251013", "Qtag:example.com,2025:1", "蔡", "蔡英"})
        EXPECT_TRUE(terms.count(t)) << t;
    // The body has no prefix in the shipped schema: no prefixed body terms.
    EXPECT_FALSE(terms.count("Stokyo"));
}

// The searcher marks a hit's words from its text made into terms again,
// not from its term list: the two must agree on every word.
TEST(Document, WordTermsAreTheIndexedWords) {
    Schema s = news();
    Article a = sample();
    a.title = "Don't panic: Élysée's CO2 plan, 3.5% of GDP — \"naïve\" (蔡英文) e-mail";
    // The first word is longer than a term may be: both skip it alike.
    a.body = "xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx Straße "
             "STRASSE café cafe 東京都の会議 U.S. #hashtag C++ a_b Ünïcödé ﬁnance 1,000,000 ١٢٣";
    std::set<std::string> indexed;
    for (const std::string& t : terms_of(build(s, a)))
        if (t[0] < 'A' || t[0] > 'Z') indexed.insert(t);
    ASSERT_GT(indexed.size(), 20u);
    EXPECT_EQ(terms_of(word_terms(a)), indexed);
}

TEST(Document, TitleOutweighsBody) {
    Schema s = news();
    Article a = sample();
    a.body = "artists";
    Xapian::Document doc = build(s, a);
    auto it = doc.termlist_begin();
    it.skip_to("anime");
    ASSERT_EQ(*it, "anime");
    EXPECT_EQ(it.get_wdf(), s.get("title").weight);
    it.skip_to("artists");
    ASSERT_EQ(*it, "artists");
    EXPECT_EQ(it.get_wdf(), s.get("title").weight + s.get("body").weight);
}

TEST(Document, ValuesAndStoredDataRoundTrip) {
    Schema s = news();
    Xapian::Document doc = build(s, sample());
    EXPECT_EQ(doc.get_value(*s.get("columnist").slot), "Catherine Thorbecke\x1f"
                                                       "Dave Lee");
    EXPECT_EQ(doc.get_value(*s.get("date").year_slot), "2025");
    EXPECT_EQ(doc.get_value(*s.get("date").month_slot), "2025-10");
    EXPECT_EQ(Xapian::sortable_unserialise(doc.get_value(*s.get("date").slot)),
              static_cast<double>(sample().date));
    EXPECT_EQ(doc.get_value(slot_content_hash).size(), 16u);

    Article st = read_stored(doc);
    EXPECT_EQ(st.title, "Japan's anime artists");
    EXPECT_EQ(st.url, "https://example.com/1");
    EXPECT_EQ(st.columnists, (std::vector<std::string>{"Catherine Thorbecke", "Dave Lee"}));
    EXPECT_EQ(st.topics, std::vector<std::string>{"Technology"});
    EXPECT_EQ(st.date, sample().date);
    EXPECT_EQ(st.date_source, DateSource::published);
    EXPECT_EQ(st.feed_title, "Bloomberg Opinion");
    EXPECT_EQ(st.original, "") << "the original is in its own value, not the data";
    EXPECT_EQ(st.summary, "Tokyo owes more");
    EXPECT_EQ(original_item(doc), sample().original);
}

TEST(Document, HashChangesWithContent) {
    Schema s = news();
    Article a = sample();
    auto h1 = build(s, a).get_value(slot_content_hash);
    EXPECT_EQ(build(s, a).get_value(slot_content_hash), h1);
    a.body += " Edited.";
    EXPECT_NE(build(s, a).get_value(slot_content_hash), h1);
}

TEST(Document, LongIdsAreHashedIntoAValidTerm) {
    Schema s = news();
    Article a = sample();
    a.id = "https://example.com/" + std::string(400, 'x');
    std::string term = unique_term(s, a);
    EXPECT_LT(term.size(), 245u);
    EXPECT_EQ(term.substr(0, 2), "Q#");
    Article b = a;
    b.id += "y";
    EXPECT_NE(unique_term(s, b), term);
}

TEST(Document, ForeignDataIsADatabaseError) {
    Xapian::Document doc;
    doc.set_data("not json");
    EXPECT_THROW(read_stored(doc), DatabaseError);
    doc.add_value(slot_original, "garbage");
    EXPECT_THROW(original_item(doc), DatabaseError);
}

TEST(Document, DatedOnThePublishersCalendar) {
    Schema s = news();
    Article a = sample(); // 2025-10-13T16:30:00Z
    a.utc_offset = 8 * 3600;
    Xapian::Document doc = build(s, a);
    auto terms = terms_of(doc);
    EXPECT_TRUE(terms.count("D20251014")) << "the day printed in Taipei";
    EXPECT_FALSE(terms.count("D20251013"));
    const Field& date = s.get("date");
    EXPECT_EQ(doc.get_value(*date.month_slot), "2025-10");
    // Sorting keeps the instant; ranges read the publisher's clock.
    EXPECT_EQ(Xapian::sortable_unserialise(doc.get_value(*date.slot)), static_cast<double>(a.date));
    EXPECT_EQ(Xapian::sortable_unserialise(doc.get_value(slot_local_date)),
              static_cast<double>(a.date + 8 * 3600));
    EXPECT_NE(doc.get_data().find(R"("date_local":"2025-10-14T00:30:00+08:00")"),
              std::string::npos);
    EXPECT_EQ(read_stored(doc).utc_offset, 8 * 3600);
    EXPECT_EQ(stored_article(doc).utc_offset, 8 * 3600);
}

TEST(Document, YearOnThePublishersCalendar) {
    Schema s = news();
    Article a = sample();
    a.date = *parse_date("2025-12-31T16:30:00Z"); // 1 January 2026, 00:30 in Taipei
    a.utc_offset = 8 * 3600;
    Xapian::Document doc = build(s, a);
    EXPECT_TRUE(terms_of(doc).count("Y2026"));
    EXPECT_EQ(doc.get_value(*s.get("date").year_slot), "2026");
}

// The content hash is taken over the data: a change to its text would count
// every re-seen article as updated, so it is pinned.
TEST(Document, StoredDataIsTheTextEveryVersionWrote) {
    Xapian::Document doc = build(news(), sample());
    EXPECT_EQ(
        doc.get_data(),
        R"({"body":"Tokyo owes more to these artists. 蔡英文","columnist":["Catherine Thorbecke","Dave Lee"],)"
        R"("date":"2025-10-13T16:30:00Z","date_local":"2025-10-13T16:30:00Z","date_source":"published",)"
        R"("feed":"Bloomberg Opinion","feed_url":"https://example.com/feed","id":"tag:example.com,2025:1",)"
        R"("language":"","summary":"Tokyo owes more","title":"Japan's anime artists","topic":["Technology"],)"
        R"("url":"https://example.com/1"})");
}

// Expansion reads a remote shard's documents indexed again from their
// stored articles (term_source.hpp): every term and wdf must be the one
// the writer gave, in every language and field.
TEST(Document, IndexedAgainFromTheStoredArticle) {
    TempDir tmp;
    Schema s = news();
    std::vector<Article> articles;
    Article a = sample();
    a.title = "Don't panic: Élysée's CO2 plan (蔡英文) e-mail";
    a.body = "Straße STRASSE café 東京都の会議 U.S. C++ ﬁnance 1,000,000 heated heating";
    a.credits = {"Reuters", "AP"};
    articles.push_back(a);
    Article de = sample();
    de.id = de.url = "https://example.com/de";
    de.language = "de";
    de.title = "Die Regierungen der Länder";
    de.body = "Regierung, Regierungen und Häuser: die Bundesländer beraten";
    de.columnists = {"Jörg Müller"};
    articles.push_back(de);
    Article bare;
    bare.id = bare.url = "https://example.com/bare";
    bare.title = "Only a title";
    articles.push_back(bare);
    {
        Writer w(tmp / "db", s);
        for (const Article& x : articles)
            w.upsert(x);
        w.commit();
    }
    Xapian::Database db(tmp / "db");
    Stemmers stemmers(s.language);
    for (Xapian::docid id = 1; id <= articles.size(); ++id) {
        std::map<std::string, Xapian::termcount> stored, again;
        for (auto t = db.termlist_begin(id); t != db.termlist_end(id); ++t)
            stored[*t] = t.get_wdf();
        Xapian::Document rebuilt = indexed_again(s, db.get_document(id), stemmers);
        for (auto t = rebuilt.termlist_begin(); t != rebuilt.termlist_end(); ++t)
            again[*t] = t.get_wdf();
        ASSERT_GT(stored.size(), 5u);
        EXPECT_EQ(again, stored) << "document " << id;
    }
    EXPECT_TRUE(terms_from_stored(s));
    for (Field& f : s.fields)
        if (f.name == "body") f.stored = false;
    EXPECT_FALSE(terms_from_stored(s));
}
