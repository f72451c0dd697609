// Facet counts against brute force on a generated corpus, over every
// combination of a few filter values (multi-select semantics included).
#include "facets.hpp"
#include "form_collision.hpp"
#include "morgue/dates.hpp"
#include "morgue/document.hpp"
#include "morgue/errors.hpp"
#include "morgue/form_codes.hpp"
#include "morgue/shards.hpp"
#include "morgue/text.hpp"
#include "query.hpp"
#include "ranking.hpp"
#include "resident_memory.hpp"
#include "search.hpp"
#include "test_db.hpp"

#include <algorithm>
#include <fmt/format.h>
#include <gtest/gtest.h>
#include <map>
#include <random>
#include <set>

using namespace morgue;

namespace {

const std::vector<std::string> columnists = {"Ann Lee", "Bo Chen", "Cy Diaz", "Di Egan", "Ed Fox"};
const std::vector<std::string> topics = {"Politics", "Economy", "Culture", "Science"};

struct Doc {
    std::set<std::string> columnists, topics;
    std::string year;
    bool word; // contains the query word "harbour"
};

// The parameter: 0 for one database, or the number of shards of an archive.
struct FacetCorpus : testing::TestWithParam<unsigned> {
    TempDir tmp;
    std::string path = tmp / "db";
    std::vector<Doc> docs;

    void SetUp() override {
        std::mt19937 rng(20251127);
        if (GetParam() > 0) create_sharded_archive(path, GetParam());
        Writer w(path, load_schema_file(MORGUE_SOURCE_DIR "/schemas/news.xml"));
        for (int i = 0; i < 3000; ++i) {
            Doc d;
            Article a;
            a.id = a.url = "https://example.com/" + std::to_string(i);
            for (int k = rng() % 3; k > 0; --k)
                d.columnists.insert(columnists[rng() % columnists.size()]);
            for (int k = 1 + rng() % 2; k > 0; --k)
                d.topics.insert(topics[rng() % topics.size()]);
            a.columnists.assign(d.columnists.begin(), d.columnists.end());
            a.topics.assign(d.topics.begin(), d.topics.end());
            // Vary the case of a display form: counts must still be one value.
            if (!a.columnists.empty() && i % 7 == 0) a.columnists[0] = casefold(a.columnists[0]);
            a.date =
                *parse_date("2020-06-15") + static_cast<std::time_t>(rng() % (5 * 365)) * 86400;
            d.year = iso8601_utc(a.date).substr(0, 4);
            d.word = rng() % 3 == 0;
            a.title = d.word ? "The harbour report" : "The city report";
            w.upsert(a);
            docs.push_back(d);
        }
        w.commit();
    }

    // Brute force: matches of the query word (or all) with the filters of
    // every field but `except`, counted per value of `field`.
    std::map<std::string, Xapian::doccount> expected(const std::string& field,
                                                     const Filters& filters, bool word_only) {
        std::map<std::string, Xapian::doccount> counts;
        for (const Doc& d : docs) {
            if (word_only && !d.word) continue;
            bool ok = true;
            for (const auto& [f, values] : filters) {
                if (f == field) continue;
                bool any = false;
                for (const auto& v : values)
                    any = any || (f == "columnist" && d.columnists.count(v)) ||
                          (f == "topic" && d.topics.count(v)) || (f == "year" && d.year == v);
                ok = ok && any;
            }
            if (!ok) continue;
            if (field == "columnist")
                for (const auto& c : d.columnists)
                    ++counts[c];
            if (field == "topic")
                for (const auto& t : d.topics)
                    ++counts[t];
            if (field == "year") ++counts[d.year];
        }
        return counts;
    }
};

// The ways of counting: each document's value read from the database, the
// field's postings walked, or a resident process's columns (facet_columns.hpp).
// Xapian's ValueCountMatchSpy (what remote shards run) is the fourth, and
// the same over the fields' codes (form_codes.hpp) the fifth.
enum class Way { values, postings, columns, match_spy, form_codes };
constexpr Way ways[] = {Way::values, Way::postings, Way::columns, Way::match_spy, Way::form_codes};

void count_by(SearchRequest& req, Way way, ResidentMemory& resident) {
    req.facet_method = way == Way::values       ? FacetMethod::values
                       : way == Way::postings   ? FacetMethod::postings
                       : way == Way::match_spy  ? FacetMethod::match_spy
                       : way == Way::form_codes ? FacetMethod::form_codes
                                                : FacetMethod::automatic;
    req.resident = way == Way::columns ? &resident : nullptr;
}

} // namespace

TEST_P(FacetCorpus, CountsMatchBruteForceForEveryFilterCombination) {
    ReadDatabase db = open_for_reading(path);
    std::vector<std::vector<std::pair<std::string, std::string>>> choices = {
        {}, {{"columnist", "Ann Lee"}}, {{"columnist", "Ann Lee"}, {"columnist", "Bo Chen"}}};
    std::vector<std::vector<std::pair<std::string, std::string>>> topic_choices = {
        {}, {{"topic", "Economy"}}};
    std::vector<std::vector<std::pair<std::string, std::string>>> year_choices = {
        {}, {{"year", "2021"}}, {{"year", "2022"}, {"year", "2024"}}};
    int combinations = 0;
    ResidentMemory resident;
    for (Way way : ways)
        for (bool word_only : {false, true})
            for (const auto& c : choices)
                for (const auto& t : topic_choices)
                    for (const auto& y : year_choices) {
                        Filters filters;
                        for (const auto* group : {&c, &t, &y})
                            for (const auto& [f, v] : *group)
                                filters[f].push_back(v);
                        SearchRequest req{word_only ? "harbour" : "", 0, 0};
                        req.filters = filters;
                        req.facets = {"columnist", "topic", "year"};
                        req.facet_limit = 100;
                        count_by(req, way, resident);
                        SearchResult r = search(db, req, {});
                        ASSERT_EQ(r.facets.size(), 3u);
                        for (const Facet& f : r.facets) {
                            // Case variants are one value: compare case-blind.
                            std::map<std::string, Xapian::doccount> got_folded, want_folded;
                            for (const auto& v : f.values)
                                got_folded[casefold(v.value)] += v.count;
                            for (const auto& [k, n] : expected(f.field, filters, word_only))
                                want_folded[casefold(k)] += n;
                            EXPECT_EQ(got_folded, want_folded)
                                << f.field << " with " << filters.size() << " filtered fields, way "
                                << static_cast<int>(way);
                        }
                        ++combinations;
                    }
    EXPECT_EQ(combinations, 180);
}

TEST_P(FacetCorpus, DisplayFormIsTheCommonestCaseVariant) {
    ReadDatabase db = open_for_reading(path);
    ResidentMemory resident;
    for (Way way : ways) {
        SearchRequest req{"", 0, 0};
        req.facets = {"columnist", "month"};
        count_by(req, way, resident);
        SearchResult r = search(db, req, {});
        ASSERT_EQ(r.facets[0].values.size(), columnists.size());
        for (const auto& v : r.facets[0].values)
            EXPECT_NE(v.value, casefold(v.value)) << v.value;
        EXPECT_EQ(r.facets[1].values[0].value.size(), 7u); // YYYY-MM
        EXPECT_EQ(r.facets[1].values[0].value[4], '-');
    }
}

namespace {

// Every way gives the same values in the same order with the same counts.
void expect_same_facets(const SearchResult& a, const SearchResult& b, const std::string& what) {
    ASSERT_EQ(a.facets.size(), b.facets.size()) << what;
    for (std::size_t i = 0; i < a.facets.size(); ++i) {
        const auto& x = a.facets[i].values;
        const auto& y = b.facets[i].values;
        ASSERT_EQ(x.size(), y.size()) << what << " " << a.facets[i].field;
        for (std::size_t k = 0; k < x.size(); ++k) {
            EXPECT_EQ(x[k].value, y[k].value) << what << " " << a.facets[i].field;
            EXPECT_EQ(x[k].count, y[k].count) << what << " " << a.facets[i].field;
        }
    }
}

} // namespace

TEST_P(FacetCorpus, EveryCountingWayGivesTheSameFacets) {
    ReadDatabase db = open_for_reading(path);
    ResidentMemory resident;
    for (const char* q : {"", "harbour", "city -harbour"}) {
        SearchRequest req{q, 0, 0};
        req.facets = {"columnist", "topic", "year", "month", "feed"};
        req.facet_limit = 5;
        count_by(req, Way::values, resident);
        SearchResult by_values = search(db, req, {});
        for (Way way : {Way::postings, Way::columns, Way::form_codes}) {
            count_by(req, way, resident);
            expect_same_facets(by_values, search(db, req, {}),
                               fmt::format("\"{}\" way {}", q, static_cast<int>(way)));
        }
    }
    // A column a field, of each shard: the shards were counted from them.
    // The feed, which no article here has, is not read (uniform_value()).
    EXPECT_EQ(resident.facet_columns.fields(), 4u * std::max(1u, GetParam()));
    EXPECT_GT(resident.facet_columns.bytes(), 3000u * 4 * 4);
}

// The columns are of one revision: after a commit they are read again, so
// the new articles count (and the facet cache, keyed by revision, misses).
TEST_P(FacetCorpus, ColumnsFollowCommits) {
    ReadDatabase db = open_for_reading(path);
    ResidentMemory resident;
    SearchRequest req{"", 0, 0};
    req.facets = {"columnist"};
    req.facet_limit = 100;
    count_by(req, Way::columns, resident);
    SearchResult before = search(db, req, {});
    {
        Writer w(path, load_schema_file(MORGUE_SOURCE_DIR "/schemas/news.xml"));
        for (int i = 0; i < 5; ++i) {
            Article a;
            a.id = a.url = "https://example.com/new/" + std::to_string(i);
            a.title = "The harbour report";
            a.columnists = {"Zed Young"};
            a.date = *parse_date("2026-01-0" + std::to_string(i + 1));
            w.upsert(a);
        }
        w.commit();
    }
    db.db.reopen();
    SearchResult after = search(db, req, {});
    count_by(req, Way::values, resident);
    expect_same_facets(after, search(db, req, {}), "after the commit");
    ASSERT_FALSE(after.facets[0].values.empty());
    EXPECT_EQ(after.facets[0].values.back().value, "Zed Young");
    EXPECT_EQ(after.facets[0].values.back().count, 5u);
    EXPECT_EQ(after.facets[0].values.size(), before.facets[0].values.size() + 1);
}

// Every article is in English and none has a credit: both are counted
// without a read of their slots, each way, and still exactly; once one
// article is in French, the language is read and counted as it is.
TEST_P(FacetCorpus, AFieldOfOneValueOrNoneIsCountedWithoutReadingIt) {
    ReadDatabase db = open_for_reading(path);
    auto harbour = std::count_if(docs.begin(), docs.end(), [](const Doc& d) { return d.word; });
    auto count = [&](Way way, ResidentMemory& resident) {
        SearchRequest req{"harbour", 0, 0};
        req.facets = {"language", "credit", "columnist"};
        req.facet_limit = 10;
        count_by(req, way, resident);
        return search(db, req, {});
    };
    for (Way way : ways) {
        ResidentMemory resident;
        SearchResult r = count(way, resident);
        ASSERT_EQ(r.facets[0].values.size(), 1u);
        EXPECT_EQ(r.facets[0].values[0].value, "en");
        EXPECT_EQ(r.facets[0].values[0].count, static_cast<Xapian::doccount>(harbour));
        EXPECT_TRUE(r.facets[1].values.empty());
        if (way == Way::columns) { // the columnist's only
            EXPECT_EQ(resident.facet_columns.fields(), std::max(1u, GetParam()));
        }
    }
    {
        Writer w(path, load_schema_file(MORGUE_SOURCE_DIR "/schemas/news.xml"));
        Article a;
        a.id = a.url = "https://example.com/fr";
        a.title = "Le harbour report";
        a.language = "fr";
        w.upsert(a);
        w.commit();
    }
    db.db.reopen();
    for (Way way : ways) {
        ResidentMemory resident;
        SearchResult r = count(way, resident);
        ASSERT_EQ(r.facets[0].values.size(), 2u) << static_cast<int>(way);
        EXPECT_EQ(r.facets[0].values[0].count, static_cast<Xapian::doccount>(harbour));
        EXPECT_EQ(r.facets[0].values[1].value, "fr");
        EXPECT_EQ(r.facets[0].values[1].count, 1u);
    }
}

// The pass with every filter rides on the ranking (ranking.hpp's Enquire,
// every match checked): the same counts as a pass of its own, each way
// (a resident process's columns of each shard too).
// Ridden over another query, its counts are the ones given: proof that
// count_facets() took them instead of making the pass.  A ranking that did
// not see every match is not ridden on.
TEST_P(FacetCorpus, TheUnfilteredPassRidesOnTheRanking) {
    ReadDatabase db = open_for_reading(path);
    Filters filters{{"year", {"2021", "2022"}}};
    std::vector<std::string> fields = {"columnist", "topic", "year"};
    Xapian::Query harbour = QueryBuilder(db).parse("harbour");
    auto ranked = [&](FacetRide& ride, const Xapian::Query& query, Xapian::doccount check) {
        Xapian::Enquire enquire(db.db);
        set_ranking(enquire);
        enquire.set_query(with_filter(query, filter_query(db.schema, filters)));
        ride.attach(enquire);
        ride.finish(enquire, enquire.get_mset(0, 10, check));
    };
    ResidentMemory resident;
    for (FacetMethod method :
         {FacetMethod::automatic, FacetMethod::values, FacetMethod::match_spy}) {
        FacetColumns* columns =
            method == FacetMethod::automatic ? &resident.facet_columns : nullptr;
        std::string what = fmt::format("method {}", static_cast<int>(method));
        FacetCounts own = count_facets(db, harbour, filters, fields, 10, method, 0, columns);
        FacetRide ride(db, filters, fields, 10, method, columns);
        ranked(ride, harbour, matches_to_rank(db.db));
        EXPECT_TRUE(ride.counted()) << what;
        FacetCounts ridden =
            count_facets(db, harbour, filters, fields, 10, method, 0, columns, &ride);
        SearchResult a, b;
        a.facets = own.facets, b.facets = ridden.facets;
        expect_same_facets(a, b, what);
        EXPECT_EQ(own.matches, ridden.matches) << what;
        Xapian::Query city = QueryBuilder(db).parse("city"); // not the query
        ranked(ride, city, matches_to_rank(db.db));
        FacetCounts other =
            count_facets(db, harbour, filters, fields, 10, method, 0, columns, &ride);
        a.facets = count_facets(db, city, filters, fields, 10, method, 0, columns).facets;
        b.facets = other.facets;
        a.facets.pop_back(), b.facets.pop_back(); // the year's is a pass of its own, of harbour
        expect_same_facets(a, b, what + ", ridden over \"city\"");
        EXPECT_NE(other.matches, own.matches) << what;
        ranked(ride, harbour, 1); // the matcher may stop early: then no ride
        FacetCounts partial =
            count_facets(db, harbour, filters, fields, 10, method, 0, columns, &ride);
        a.facets = own.facets;
        b.facets = partial.facets;
        EXPECT_EQ(own.matches, partial.matches) << what;
        expect_same_facets(a, b, what + ", early stop");
    }
}

namespace {

// Rewrites the codes of a document holding `field` in the first shard (or
// the one database) to `codes`, and records `forms` in the shard, or in the
// next one when `elsewhere` (the one database has no other).
void rewrite_codes(const std::string& path, unsigned shards, const std::string& field,
                   const std::string& codes, const std::vector<std::string>& forms,
                   bool elsewhere = false) {
    Schema schema = load_schema_file(MORGUE_SOURCE_DIR "/schemas/news.xml");
    Xapian::valueno slot = *schema.get(field).slot;
    std::string first = shards ? path + "/shard0" : path;
    {
        Xapian::WritableDatabase db(first, Xapian::DB_OPEN);
        Xapian::docid id = Xapian::Database(first).valuestream_begin(slot).get_docid();
        Xapian::Document doc = db.get_document(id);
        if (codes.empty())
            doc.remove_value(code_slot(slot));
        else
            doc.add_value(code_slot(slot), codes);
        db.replace_document(id, doc);
        db.commit();
    }
    Xapian::WritableDatabase other(elsewhere && shards ? path + "/shard1" : first, Xapian::DB_OPEN);
    for (const std::string& form : forms)
        other.set_metadata(form_key(form), "1");
    other.commit();
}

// The columnists counted over every article, a way.
std::map<std::string, Xapian::doccount> columnist_counts(const ReadDatabase& db, FacetMethod method,
                                                         FacetColumns* columns = nullptr) {
    FacetCounts c =
        count_facets(db, Xapian::Query::MatchAll, {}, {"columnist"}, 100, method, 0, columns);
    std::map<std::string, Xapian::doccount> out;
    for (const FacetValue& v : c.facets.at(0).values)
        out[v.value] = v.count;
    return out;
}

} // namespace

// Codes are what is counted: a document whose codes say another columnist
// is counted under that one.  A code the dictionary holds twice (two forms
// with one code, in two shards) or a document without codes (written before
// them) has the field counted from its forms.
TEST_P(FacetCorpus, FormCodesAreCountedUnlessAmbiguousOrMissing) {
    auto plain = [&] { return columnist_counts(open_for_reading(path), FacetMethod::values); };
    auto coded = [&] { return columnist_counts(open_for_reading(path), FacetMethod::form_codes); };
    const auto truth = plain();
    EXPECT_EQ(coded(), truth);
    rewrite_codes(path, GetParam(), "columnist", form_code("Zed Zane"), {"Zed Zane"});
    auto lied = coded();
    EXPECT_EQ(lied["Zed Zane"], 1u);
    EXPECT_EQ(plain(), truth);
    auto [one, other] = colliding_forms();
    rewrite_codes(path, GetParam(), "columnist", form_code(one), {one, other}, true);
    EXPECT_EQ(coded(), truth) << "an ambiguous code";
    rewrite_codes(path, GetParam(), "columnist", form_code("Zed Zane"), {});
    EXPECT_EQ(coded(), lied);
    rewrite_codes(path, GetParam(), "columnist", "", {});
    EXPECT_EQ(coded(), truth) << "a document without codes";
}

// A resident process counts an archive with a remote shard from codes, with
// the dictionary it keeps for that open (the remote shard pretended, as
// xapian-tcpsrv is not run here: the counting is Xapian's either way).
TEST_P(FacetCorpus, AResidentProcessCountsARemoteArchiveFromCodes) {
    if (GetParam() == 0) GTEST_SKIP() << "one local database: counted from columns";
    ReadDatabase db = open_for_reading(path);
    ResidentMemory resident;
    FacetColumns* columns = &resident.facet_columns;
    db.layout[1] = ShardSpec{"", "127.0.0.1", 1};
    EXPECT_EQ(columnist_counts(db, FacetMethod::automatic, columns),
              columnist_counts(db, FacetMethod::values));
    auto dictionary = columns->forms(db, memory_key(db));
    // Each columnist in two cases, each topic, and the language "en".
    EXPECT_EQ(dictionary->size(), 2 * columnists.size() + topics.size() + 1);
    EXPECT_EQ(columns->fields(), 0u); // no column read
    rewrite_codes(path, GetParam(), "columnist", form_code("Zed Zane"), {"Zed Zane"});
    reopen(db);
    EXPECT_EQ(columnist_counts(db, FacetMethod::automatic, columns)["Zed Zane"], 1u);
    EXPECT_NE(columns->forms(db, memory_key(db)), dictionary); // read again for the new open
}

// Matches in only some shards cannot be told apart by shard (a match spy
// sees a shard's own ids): then the ride is not used on an archive of
// shards counted from columns, and the counts are still right.
TEST_P(FacetCorpus, AShardWithoutMatchesIsCountedByItsOwnPass) {
    ReadDatabase db = open_for_reading(path);
    Schema schema = db.schema;
    std::vector<Xapian::Query> two;
    for (const char* url : {"https://example.com/7", "https://example.com/8"})
        two.emplace_back(keyword_term(schema.get("url"), url));
    Xapian::Query query(Xapian::Query::OP_OR, two.begin(), two.end());
    std::vector<std::string> fields = {"columnist", "topic", "year"};
    ResidentMemory resident;
    FacetColumns* columns = &resident.facet_columns;
    FacetRide ride(db, {}, fields, 10, FacetMethod::automatic, columns);
    Xapian::Enquire enquire(db.db);
    set_ranking(enquire);
    enquire.set_query(query);
    ride.attach(enquire);
    ride.finish(enquire, enquire.get_mset(0, 10, matches_to_rank(db.db)));
    // 2 matches: in at most 2 of 3 shards.
    EXPECT_EQ(ride.counted(), GetParam() == 0);
    FacetCounts ridden =
        count_facets(db, query, {}, fields, 10, FacetMethod::automatic, 0, columns, &ride);
    FacetCounts own = count_facets(db, query, {}, fields, 10, FacetMethod::values);
    SearchResult a, b;
    a.facets = own.facets, b.facets = ridden.facets;
    expect_same_facets(a, b, "two articles");
    EXPECT_EQ(ridden.matches, std::optional<Xapian::doccount>(2));
}

TEST_P(FacetCorpus, TotalsAgreeWithFilters) {
    ReadDatabase db = open_for_reading(path);
    SearchRequest req{"", 0, 5};
    req.filters["topic"] = {"economy"}; // case-blind
    req.filters["year"] = {"2021"};
    SearchResult r = search(db, req, {});
    Xapian::doccount want = 0;
    for (const Doc& d : docs)
        want += d.topics.count("Economy") && d.year == "2021";
    EXPECT_EQ(r.total, want);
    EXPECT_TRUE(r.total_exact);
}

INSTANTIATE_TEST_SUITE_P(Layouts, FacetCorpus, testing::Values(0u, 3u), [](const auto& info) {
    return info.param ? fmt::format("Shards{}", info.param) : std::string("OneDatabase");
});

TEST(Facets, BadFieldsAndValues) {
    Schema s = load_schema_file(MORGUE_SOURCE_DIR "/schemas/news.xml");
    EXPECT_EQ(facet_fields(s), (std::vector<std::string>{"columnist", "topic", "feed", "language",
                                                         "credit", "year", "month"}));
    EXPECT_THROW(filter_query(s, {{"colour", {"red"}}}), UsageError);
    EXPECT_THROW(filter_query(s, {{"year", {"20x5"}}}), UsageError);
    EXPECT_THROW(filter_query(s, {{"month", {"2025-3"}}}), UsageError);
    EXPECT_EQ(filter_query(s, {{"month", {"2025-03"}}}).get_description(), "Query(M202503)");
}

// Xapian's value statistics, read as uniform_value() reads them: equal
// bounds and a value in every document, or none at all.  Bounds are not
// narrowed when a document goes, so after a deletion they may say "differ"
// of a slot that no longer does: then the slot is read, never miscounted.
TEST(Facets, UniformValueFromValueStatistics) {
    TempDir tmp;
    Xapian::WritableDatabase db(tmp / "db", Xapian::DB_CREATE);
    auto uniform_value = [](const Xapian::Database& db, Xapian::valueno slot) {
        ValueStats stats{db.get_value_freq(slot), db.get_value_lower_bound(slot),
                         db.get_value_upper_bound(slot)};
        return morgue::uniform_value(stats, db.get_doccount());
    };
    EXPECT_EQ(uniform_value(db, 6), std::string());
    auto add = [&](const char* language) {
        Xapian::Document d;
        if (*language) d.add_value(6, language);
        return db.add_document(d);
    };
    add("en");
    add("en");
    db.commit();
    EXPECT_EQ(uniform_value(db, 6), std::string("en"));
    EXPECT_EQ(uniform_value(db, 7), std::string());
    Xapian::docid none = add("");
    db.commit();
    EXPECT_EQ(uniform_value(db, 6), std::nullopt);
    db.delete_document(none);
    Xapian::docid fr = add("fr");
    db.commit();
    EXPECT_EQ(uniform_value(db, 6), std::nullopt);
    db.delete_document(fr);
    db.commit();
    EXPECT_EQ(uniform_value(db, 6), std::nullopt); // the bounds still reach "fr"
}
