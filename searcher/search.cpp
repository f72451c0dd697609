#include "search.hpp"

#include "date_range.hpp"
#include "highlight.hpp"
#include "morgue/errors.hpp"
#include "morgue/text.hpp"
#include "page_documents.hpp"
#include "query.hpp"
#include "ranking.hpp"
#include "recency.hpp"
#include "resident_memory.hpp"
#include "similar.hpp"
#include "term_source.hpp"
#include "timed_work.hpp"

#include <algorithm>
#include <chrono>
#include <cmath>
#include <fmt/format.h>
#include <memory>
#include <optional>
#include <unordered_map>

namespace morgue {

namespace {

constexpr std::size_t snippet_bytes = 220;
constexpr int modified_retries = 3;
constexpr Xapian::doccount few_results = 2; // below this, rare words get a suggestion too

// The title with the query's words marked (as stored when none is in it).
std::string marked_title(Highlighter& words, const Xapian::Document& doc, const Article& article,
                         const std::string& title) {
    std::string marked =
        words.mark(doc, article, title, title.size() + 1, Xapian::MSet::SNIPPET_CJK_NGRAM);
    return marked.find(mark_on) == std::string::npos ? title : marked;
}

// One hit of a page: a ranked match, its rank among those shown (stories,
// when copies are folded) and the copies folded into it.
struct PageItem {
    Xapian::MSetIterator it;
    Xapian::Document doc; // read_documents()'s: its id is its shard's
    unsigned rank = 0;    // 1-based, across pages
    Xapian::doccount copies = 0;
    std::string story = {}; // its fingerprint, when copies are folded
};

// `highlight` false (the time is up): the article's opening, unmarked, since
// marking words costs in proportion to the query's expanded terms.  One pass
// with private markers makes both the plain and the HTML forms.
Hit make_hit(Highlighter& words, const PageItem& item, const Highlight& hl, bool html,
             bool highlight) {
    const Xapian::MSetIterator& it = item.it;
    Hit h;
    h.rank = item.rank;
    h.duplicates = item.copies;
    h.docid = *it;
    h.score = it.get_weight();
    h.percent = it.get_percent();
    const Xapian::Document& doc = item.doc;
    h.article = read_stored(doc);
    h.story = doc.get_value(slot_fingerprint);
    std::string text = without_marks(h.article.body.empty() ? h.article.summary : h.article.body);
    unsigned flags = Xapian::MSet::SNIPPET_EXHAUSTIVE | Xapian::MSet::SNIPPET_CJK_NGRAM |
                     Xapian::MSet::SNIPPET_EMPTY_WITHOUT_MATCH;
    std::string marked =
        highlight ? words.mark(doc, h.article, text, snippet_bytes, flags) : std::string();
    // No query word in the text (a columnist: or topic: search, say): the
    // article's opening says more than a chunk from its middle.
    if (marked.empty()) {
        std::string opening = truncate_text(collapse_spaces(h.article.summary), snippet_bytes);
        if (highlight) marked = words.mark(doc, h.article, opening, snippet_bytes, 0);
        if (marked.find(mark_on) == std::string::npos) marked = opening; // as written, untrimmed
    }
    std::string title = without_marks(h.article.title);
    if (highlight && !title.empty()) title = marked_title(words, doc, h.article, title);
    h.snippet = replace_marks(marked, hl.start, hl.end);
    h.title = replace_marks(title, hl.start, hl.end);
    if (html) {
        h.snippet_html = replace_marks(html_escape(marked), "<mark>", "</mark>");
        h.title_html = replace_marks(html_escape(title), "<mark>", "</mark>");
    }
    return h;
}

// One time limit for the whole search: the ranking, the recency probe, the
// uncollapsed count and the facet passes share it, instead of each taking it.
class Deadline {
  public:
    explicit Deadline(double seconds) : seconds_(seconds) {}
    // Seconds left for the next pass (0: no limit).  Never 0 once the time is
    // up, which Xapian would read as "no limit": a pass then stops at once.
    double left() const {
        if (seconds_ <= 0) return 0;
        std::chrono::duration<double> spent = std::chrono::steady_clock::now() - start_;
        return std::max(seconds_ - spent.count(), 1e-6);
    }
    // enquire.get_mset(first, max, check) in the time left (timed_work.hpp).
    Xapian::MSet mset(Xapian::Enquire& enquire, Xapian::doccount first, Xapian::doccount max,
                      Xapian::doccount check) const {
        return timed_mset(enquire, left(), first, max, check);
    }
    bool passed() const { return seconds_ > 0 && left() <= 1e-6; }

  private:
    double seconds_;
    std::chrono::steady_clock::time_point start_ = std::chrono::steady_clock::now();
};

// Counting the stories exactly reads each match's fingerprint (4-7 µs a
// match at 1M articles): above this many matches the folded total is
// estimated from the ranked head's share of copies.
constexpr Xapian::doccount max_exact_folding = 5000;

struct Folding {
    Xapian::doccount matches = 0;            // without folding
    std::optional<Xapian::doccount> stories; // with: exact, when counted
    // Matches of each story (by fingerprint), when counted.
    std::unordered_map<std::string, Xapian::doccount> copies = {};
};

// The matches of `query` counted without folding copies, and as stories
// (copies folded), with each story's matches.  The fingerprints'
// ValueCountMatchSpy, which local and remote shards run alike, counts them;
// for a query of at most max_exact_folding matches.
Folding count_folding(const ReadDatabase& db, const Xapian::Query& query,
                      const Deadline& deadline) {
    Xapian::Enquire all(db.db);
    all.set_query(query);
    Xapian::ValueCountMatchSpy copies(slot_fingerprint);
    all.add_matchspy(&copies);
    Xapian::MSet mset = deadline.mset(all, 0, 0, matches_to_rank(db.db));
    Folding out{mset.get_matches_estimated(), {}};
    if (mset.get_matches_lower_bound() != mset.get_matches_upper_bound() ||
        copies.get_total() != out.matches)
        return out; // stopped by the time limit
    Xapian::doccount keyed = 0, stories = 0;
    for (auto v = copies.values_begin(); v != copies.values_end(); ++v) {
        keyed += v.get_termfreq(), ++stories;
        out.copies.emplace(*v, v.get_termfreq());
    }
    out.stories = out.matches - keyed + stories; // a story without a fingerprint is its own
    return out;
}

// `query` with --since/--until and --story applied (the base facets count over).
Xapian::Query with_bounds(const ReadDatabase& db, const SearchRequest& req, Xapian::Query query) {
    if (!req.story.empty())
        query = Xapian::Query(
            Xapian::Query::OP_FILTER, query,
            Xapian::Query(Xapian::Query::OP_VALUE_RANGE, slot_fingerprint, req.story, req.story));
    if (req.since.empty() && req.until.empty()) return query;
    try {
        return Xapian::Query(Xapian::Query::OP_FILTER, query,
                             date_range_query(calendar_slot(db), req.since, req.until));
    } catch (const UsageError& e) {
        throw UsageError(fmt::format("--since/--until: {}", e.what()));
    }
}

FacetColumns* facet_columns(const SearchRequest& req) {
    return req.resident ? &req.resident->facet_columns : nullptr;
}

struct Ranked {
    Xapian::Enquire enquire;
    Xapian::MSet mset;            // the page, or (copies folded) the ranked head
    std::vector<PageItem> page;   // the hits, in `mset`
    Xapian::doccount stories = 0; // folded: the stories in the head
};

// The page with copies of one story folded into its best-ranked copy, as
// Xapian's collapse on the fingerprint folds them, but over the head of the
// ranked matches only, read until it holds the page's last story: Xapian's
// collapser keeps every match's key when every match is checked
// (matches_to_rank), 4-7 µs a match, seconds for a common word in a million
// articles.  A hit's copies are those in the head (count_folding() counts
// them all when it can).
void fold_page(const ReadDatabase& db, Ranked& ranked, const SearchRequest& req,
               Xapian::doccount check, const Deadline& deadline, FacetRide* ride) {
    const Xapian::doccount want = req.offset + req.limit;
    for (Xapian::doccount head = std::max<Xapian::doccount>(2 * want, 20);; head *= 4) {
        if (ride) ride->attach(ranked.enquire);
        ranked.mset = deadline.mset(ranked.enquire, 0, head, check);
        // Read once, for the fold and then for the page's hits (T605 counts
        // the reads on the wire).
        std::vector<Xapian::Document> docs = read_documents(db, ranked.mset);
        std::vector<PageItem> stories;
        std::unordered_map<std::string, std::size_t> seen; // fingerprint -> its story
        std::size_t k = 0;
        for (auto it = ranked.mset.begin(); it != ranked.mset.end(); ++it) {
            Xapian::Document& doc = docs[k++];
            std::string fp = doc.get_value(slot_fingerprint);
            auto known = fp.empty() ? seen.end() : seen.find(fp); // none: a story of its own
            if (known != seen.end()) {
                ++stories[known->second].copies;
                continue;
            }
            if (!fp.empty()) seen.emplace(fp, stories.size());
            stories.push_back(
                {it, std::move(doc), static_cast<unsigned>(stories.size() + 1), 0, std::move(fp)});
        }
        if (stories.size() < want && ranked.mset.size() == head) continue; // read further
        ranked.stories = static_cast<Xapian::doccount>(stories.size());
        if (stories.size() > req.offset)
            ranked.page.assign(stories.begin() + req.offset,
                               stories.begin() + std::min<std::size_t>(want, stories.size()));
        return;
    }
}

// The page of `query` (the base query: filters are added here) as asked;
// with `feedback`, reordered by the words of its first results.  `ride`,
// when given, counts facets on the ranking's pass.
Ranked rank(const ReadDatabase& db, const SearchRequest& req, const Xapian::Query& query,
            bool feedback, const Deadline& deadline, FacetRide* ride) {
    Xapian::Enquire enquire(db.db);
    set_ranking(enquire);
    Xapian::Query filtered = with_filter(query, filter_query(db.schema, req.filters));
    if (feedback && req.sort == Sort::relevance)
        filtered = with_feedback(db.db, enquire, filtered, matches_to_rank(db.db), term_source(db),
                                 deadline.left());
    enquire.set_query(filtered);
    if (req.recency_days > 0 && req.sort == Sort::relevance) {
        // Ages count from now, or from the newest article in an archive that
        // ends in the past, so that "recent" still means something there.
        Xapian::valueno slot = *db.schema.get("date").slot;
        std::time_t newest =
            static_cast<std::time_t>(Xapian::sortable_unserialise(value_stats(db, slot).upper));
        Recency recency{slot,
                        req.recency_days,
                        std::min(newest, std::time(nullptr)),
                        req.offset + req.limit,
                        matches_to_rank(db.db),
                        deadline.left()};
        enquire.set_query(with_recency(enquire, filtered, recency));
    }
    if (req.sort != Sort::relevance)
        enquire.set_sort_by_value_then_relevance(*db.schema.get("date").slot,
                                                 req.sort == Sort::date);
    // Every match is checked (matches_to_rank): the page is right, and the
    // total exact.
    Ranked ranked{std::move(enquire), {}, {}};
    if (req.collapse && !req.count_only && req.limit > 0) {
        fold_page(db, ranked, req, matches_to_rank(db.db), deadline, ride);
    } else {
        if (ride) ride->attach(ranked.enquire);
        ranked.mset = deadline.mset(ranked.enquire, req.offset, req.count_only ? 0 : req.limit,
                                    matches_to_rank(db.db));
        std::vector<Xapian::Document> docs = read_documents(db, ranked.mset);
        std::size_t k = 0;
        for (auto it = ranked.mset.begin(); it != ranked.mset.end(); ++it)
            ranked.page.push_back({it, std::move(docs[k++]), it.get_rank() + 1, 0});
    }
    if (ride) ride->finish(ranked.enquire, ranked.mset);
    return ranked;
}

// Whether `corrected` (all its words, with the request's dates and filters)
// finds at least `at_least` articles.
bool finds_at_least(const ReadDatabase& db, const SearchRequest& req, const std::string& corrected,
                    Xapian::doccount at_least) {
    QueryBuilder builder(db);
    Xapian::Enquire enquire(db.db);
    enquire.set_query(with_filter(with_bounds(db, req, builder.parse(corrected)),
                                  filter_query(db.schema, req.filters)));
    return enquire.get_mset(0, 0, at_least).get_matches_lower_bound() >= at_least;
}

// Whether a query finding `mset` should be searched again relaxed: a reader
// who asks a question in twenty words means "about this", not "every one of
// these words".  Sorted by date, any-word matches would come by date, not
// by how many of the words they have: no relaxing then.
bool should_relax(const SearchRequest& req, const Xapian::MSet& mset) {
    return !req.strict && !req.similar && !req.count_only && req.limit > 0 &&
           req.sort == Sort::relevance && mset.get_matches_lower_bound() < req.limit;
}

// The totals of a folded search: the stories (counted when there are few
// enough matches, else estimated from the head's share of copies) and the
// copies folded; each hit's copies, when counted, all of them.
void fold_totals(SearchResult& r, Ranked& ranked, const ReadDatabase& db,
                 const Deadline& deadline) {
    const Xapian::MSet& mset = ranked.mset;
    Xapian::doccount matches = mset.get_matches_estimated();
    if (!mset.empty()) {
        r.total = static_cast<Xapian::doccount>(
            std::llround(static_cast<double>(matches) * ranked.stories / mset.size()));
        r.total_exact = mset.size() == matches && r.total_exact;
    }
    // Above max_exact_folding no pass would count them: the estimate stands.
    if (!deadline.passed() && mset.get_matches_upper_bound() <= max_exact_folding) {
        Folding folding = count_folding(db, ranked.enquire.get_query(), deadline);
        matches = folding.matches;
        if (folding.stories) r.total = *folding.stories, r.total_exact = true;
        for (PageItem& item : ranked.page) {
            auto it = folding.copies.find(item.story);
            if (it != folding.copies.end()) item.copies = it->second - 1;
        }
    }
    r.collapsed = matches > r.total ? matches - r.total : 0;
}

// A search's facets before it is ranked: the counts the resident process
// keeps for its query, or else what counts them on the ranking's pass.
struct FacetStart {
    std::optional<FacetCounts> kept = {};
    std::unique_ptr<FacetRide> ride = {};
};

FacetStart start_facets(const ReadDatabase& db, const SearchRequest& req,
                        const Xapian::Query& query) {
    FacetStart f;
    if (req.facets.empty()) return f;
    if (req.resident)
        f.kept = req.resident->facet_counts.find(
            FacetCache::key(db, query, req.filters, req.facets, req.facet_limit));
    if (!f.kept)
        f.ride = std::make_unique<FacetRide>(db, req.filters, req.facets, req.facet_limit,
                                             req.facet_method, facet_columns(req));
    return f;
}

// The facets of `query`: those kept, or counted (a pass may have ridden on
// the ranking) and then kept.
FacetCounts facet_counts(const ReadDatabase& db, const SearchRequest& req,
                         const Xapian::Query& query, const Deadline& deadline,
                         const FacetStart& start) {
    if (start.kept) return *start.kept;
    FacetCounts counts =
        count_facets(db, query, req.filters, req.facets, req.facet_limit, req.facet_method,
                     deadline.left(), facet_columns(req), start.ride.get());
    if (req.resident)
        req.resident->facet_counts.store(
            FacetCache::key(db, query, req.filters, req.facets, req.facet_limit), counts);
    return counts;
}

SearchResult run(ReadDatabase& db, const SearchRequest& req, const Highlight& hl) {
    Deadline deadline(req.time_limit);
    std::optional<QueryBuilder> own;
    QueryBuilder& builder = req.resident ? req.resident->queries.builder(db) : own.emplace(db);
    Xapian::Query query =
        with_bounds(db, req,
                    req.similar ? similar_query(db.db, req.similar, db.schema.get("url").prefix,
                                                term_source(db))
                                : builder.parse(req.query, req.strict));
    bool feedback = !req.similar && !req.count_only && builder.topic_words() >= feedback_min_words;
    FacetStart facets = start_facets(db, req, query);
    Ranked ranked = rank(db, req, query, feedback, deadline, facets.ride.get());
    Xapian::doccount all_words = ranked.mset.get_matches_estimated();
    bool relaxed = false;
    if (should_relax(req, ranked.mset) && !deadline.passed())
        if (Xapian::Query any = builder.relaxed(); !any.empty()) {
            query = with_bounds(db, req, any);
            facets = start_facets(db, req, query);
            ranked = rank(db, req, query, feedback, deadline, facets.ride.get());
            relaxed = true;
        }
    const Xapian::MSet& mset = ranked.mset;
    unsigned limit = req.count_only ? 0 : req.limit;
    SearchResult r;
    r.query = req.similar ? fmt::format("similar to {}", req.similar) : req.query;
    r.total = mset.get_matches_estimated();
    r.total_exact = mset.get_matches_lower_bound() == mset.get_matches_upper_bound();
    r.offset = req.offset;
    r.limit = limit;
    r.corrected_query = builder.corrected();
    r.query_note = builder.note();
    r.relaxed = relaxed;
    r.all_words = relaxed ? all_words : 0;
    if (r.corrected_query.empty() && all_words <= few_results && !req.similar)
        r.corrected_query = builder.suggest(collapse_spaces(req.query), true);
    // A suggestion is offered only when it finds something, and no less than
    // the query did.
    if (!r.corrected_query.empty() &&
        !finds_at_least(db, req, r.corrected_query, std::max<Xapian::doccount>(all_words, 1)))
        r.corrected_query.clear();
    if (req.collapse) fold_totals(r, ranked, db, deadline);
    // Feedback's words are not the reader's: marked are the typed terms (a
    // --similar search has none, and no feedback: its own terms).
    Highlighter words(db.db, req.similar ? std::vector<std::string>{} : builder.typed_terms(),
                      db.schema, mset);
    for (const PageItem& item : ranked.page)
        r.hits.push_back(make_hit(words, item, hl, req.html_snippets, !deadline.passed()));
    // Once the time is up no pass starts: opening a query's posting lists
    // (expanding its wildcards) comes before Xapian's time limit applies.
    if (!req.facets.empty() && !deadline.passed()) {
        FacetCounts counts = facet_counts(db, req, query, deadline, facets);
        r.facets = std::move(counts.facets);
        r.time_limit_reached = !counts.complete;
        // The facet pass saw every match: the total is that count, not an
        // estimate that disagrees with the counts beside it.
        if (counts.matches && !req.collapse) {
            r.total = *counts.matches;
            r.total_exact = true;
        }
    }
    r.time_limit_reached = r.time_limit_reached || deadline.passed();
    return r;
}

} // namespace

SearchResult search(ReadDatabase& db, const SearchRequest& request, const Highlight& hl) {
    // A filter by a topic's alias or a language's name means the topic or
    // the language code it is filed under.
    SearchRequest req = request;
    // Echoed by every output (an Atom title, the page's search box): a
    // control character pasted into the query must not make it ill-formed.
    req.query = one_line(req.query);
    for (auto& [field, values] : req.filters)
        for (auto& v : values)
            v = canonical_value(db, field, v);
    if (req.limit > max_limit)
        throw UsageError(fmt::format("--limit {} is more than {}", req.limit, max_limit));
    for (int attempt = 0;; ++attempt) {
        try {
            auto started = std::chrono::steady_clock::now();
            auto elapsed = [&] {
                return std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() -
                                                                 started)
                    .count();
            };
            std::string key = req.resident ? ResultCache::key(db, req, hl) : std::string();
            if (auto kept = req.resident ? req.resident->results.find(key) : std::nullopt) {
                kept->elapsed_ms = elapsed();
                return std::move(*kept);
            }
            SearchResult r = run(db, req, hl);
            r.missing_shards = db.missing;
            r.elapsed_ms = elapsed();
            if (req.resident) req.resident->results.store(key, r);
            return r;
        } catch (const Xapian::NetworkError& e) {
            // A remote shard stopped answering: the others' results, if the
            // archive was opened to go on without it.
            if (attempt == modified_retries || !leave_out_unreachable(db))
                throw DatabaseError(e.get_description());
        } catch (const Xapian::DatabaseModifiedError&) {
            // A writer committed twice since we opened: read the new revision.
            if (attempt == modified_retries)
                throw DatabaseError("database keeps changing; try again");
            reopen(db);
        } catch (const Xapian::Error& e) {
            throw DatabaseError(e.get_description());
        }
    }
}

} // namespace morgue
