// Facet counts and filters.  Counts are exact: every match is visited
// (check_at_least = the database size).  With filters, each field's counts
// are computed with the filters of the *other* fields only, so the choices
// next to a selected value stay visible (multi-select, as in faceted UIs).
#pragma once

#include "morgue/database.hpp"

#include <map>
#include <memory>
#include <optional>
#include <string>
#include <vector>
#include <xapian.h>

namespace morgue {

// Fields that can be faceted and filtered: the schema's facet keyword fields
// (columnist, topic, feed) and the date's "year" and "month".
std::vector<std::string> facet_fields(const Schema& schema);

struct FacetValue {
    std::string value; // display form
    Xapian::doccount count = 0;
};

struct Facet {
    std::string field;
    std::vector<FacetValue> values; // most frequent first, at most the limit
};

// field -> accepted values: OR within a field, AND across fields.
using Filters = std::map<std::string, std::vector<std::string>>;

// The filter query, leaving out `except` (a field name) when given.  Throws
// UsageError for an unknown field or a malformed year/month value.
Xapian::Query filter_query(const Schema& schema, const Filters& filters,
                           const std::string& except = "");

// `query` filtered by `filter`, or `query` itself when the filter is
// MatchAll: OP_FILTER against MatchAll is not optimised away, and the matcher
// would walk every document beside the query.
Xapian::Query with_filter(const Xapian::Query& query, const Xapian::Query& filter);

// The value each of an archive's `docs` documents holds in a slot of these
// statistics: "" when none holds one, nullopt when they differ or some lack
// one.  Xapian's value statistics are exact here: a frequency of every
// document, and bounds (which only ever widen) that are equal.  A field
// counted on the page that has one value across the archive (one language)
// or none (no credits) then costs no read of its slot: on a remote shard
// each read field is a value stream walked per match.
std::optional<std::string> uniform_value(const ValueStats& stats, Xapian::doccount docs);

class FacetColumns;

// How counts are taken (see facet_tally.hpp); tests force each way.
// `match_spy`: Xapian's own ValueCountMatchSpy, which a remote shard
// (xapian-tcpsrv) runs where the shard is and sends back merged; the way
// for a sharded archive, since the others need each match's document id
// in the archive, which a match spy is not given there (it sees the shard's),
// and the remote server knows no spy of Morgue's.  The exception: a resident
// process's columns count an archive of local shards shard by shard.
// `form_codes`: the spies count the fields' codes (form_codes.hpp), which a
// remote shard reads faster than the forms, and the archive's form
// dictionary gives them back; a resident process's way for an archive with
// a remote shard.  A field is counted from its forms when a document holding
// it lacks its codes (written before them), or when a code met is not in the
// dictionary or stands for two forms.
enum class FacetMethod { automatic, values, postings, match_spy, form_codes };

struct FacetCounts {
    std::vector<Facet> facets;
    // The matches of the query with every filter, when a pass counted them
    // all (one did unless every counted field is filtered): the exact total.
    std::optional<Xapian::doccount> matches;
    bool complete = true; // false when the time limit stopped a pass early
};

// The counting pass with every filter (the one a search without filters
// makes) riding on the ranking's match, which visits every match already
// (matches_to_rank) over the same query: the query with every filter,
// whatever feedback or recency add to it beside (OP_AND_MAYBE).  Spies are
// put on the ranking's Enquire before each of its passes (fresh: a pass
// adds to what they saw) and taken off after the last; count_facets() then
// uses what they counted if they saw every match (and, for a resident
// process's shard-by-shard columns, if they can be told apart by shard:
// facets.cpp, split_by_shard()).  Saves a match of the whole query: on a
// remote shard, a pass of its own.
class FacetRide {
  public:
    FacetRide(const ReadDatabase& db, const Filters& filters,
              const std::vector<std::string>& fields, unsigned limit,
              FacetMethod method = FacetMethod::automatic, FacetColumns* columns = nullptr);
    ~FacetRide();
    FacetRide(const FacetRide&) = delete;
    FacetRide& operator=(const FacetRide&) = delete;

    void attach(Xapian::Enquire& enquire);
    void finish(Xapian::Enquire& enquire, const Xapian::MSet& mset);
    // Whether its spies saw every match of the last pass: count_facets() uses them.
    bool counted() const;

    struct State; // facets.cpp's

  private:
    friend FacetCounts count_facets(const ReadDatabase&, const Xapian::Query&, const Filters&,
                                    const std::vector<std::string>&, unsigned, FacetMethod, double,
                                    FacetColumns*, const FacetRide*);
    std::unique_ptr<State> state_;
};

// Counts for each of `fields` over `base` (the query, without the filters).
// `time_limit` (seconds, 0: none) bounds each pass, as Enquire::set_time_limit.
// `columns` (a resident process's, facet_columns.hpp): counted from them
// when the method is automatic.  `ride`: one made with the same archive,
// filters, fields, limit, method and columns, whose ranking matched `base`.
FacetCounts count_facets(const ReadDatabase& db, const Xapian::Query& base, const Filters& filters,
                         const std::vector<std::string>& fields, unsigned limit,
                         FacetMethod method = FacetMethod::automatic, double time_limit = 0,
                         FacetColumns* columns = nullptr, const FacetRide* ride = nullptr);

} // namespace morgue
