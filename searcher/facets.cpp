#include "facets.hpp"

#include "facet_columns.hpp"
#include "facet_tally.hpp"
#include "morgue/document.hpp"
#include "morgue/errors.hpp"
#include "morgue/text.hpp"
#include "timed_work.hpp"

#include <algorithm>
#include <chrono>
#include <fmt/format.h>
#include <memory>
#include <optional>
#include <set>
#include <unordered_map>

namespace morgue {

namespace {

// Collects the ids of the matches in a counting pass.
class DocidSpy : public Xapian::MatchSpy {
  public:
    void operator()(const Xapian::Document& doc, double) override {
        ids.push_back(doc.get_docid());
    }
    std::string name() const override { return "morgue.DocidSpy"; }
    DocIds ids;
};

FacetSource field_source(const Schema& schema, const std::string& field) {
    const Field& date = schema.get("date");
    FacetSource s;
    if (field == "year" && date.year_slot)
        s = {FacetSource::Kind::year, *date.year_slot, false, nullptr, date.year_prefix};
    else if (field == "month" && date.month_slot)
        s = {FacetSource::Kind::month, *date.month_slot, false, nullptr, date.month_prefix};
    else {
        const Field* f = schema.find(field);
        if (!f || f->kind != FieldKind::keyword || !f->facet)
            throw UsageError(fmt::format("no facet field \"{}\" (fields: {})", field,
                                         fmt::join(facet_fields(schema), ", ")));
        s = {FacetSource::Kind::keyword, *f->slot, f->multi, f, f->prefix};
    }
    // Another field's terms can start with this prefix ("XF" and "XFEED").
    for (const Field& f : schema.fields)
        for (const std::string* p :
             {&f.prefix, &f.text_prefix, &f.year_prefix, &f.month_prefix, &f.day_prefix})
            if (p->size() > s.prefix.size() && p->starts_with(s.prefix)) s.shadowing.push_back(*p);
    return s;
}

// Counting by postings costs ~12 ns a posting of the field, by values
// 50-150 ns a match; below `postings_min_matches` values are always read, so that
// small result sets never pay for walking a big field.
std::vector<FacetValue> tally(const ReadDatabase& archive, const DocIds& ids,
                              const FacetSource& source, unsigned limit, FacetMethod method,
                              FacetColumns* columns) {
    constexpr Xapian::doccount postings_min_matches = 20000;
    const Xapian::Database& db = archive.db;
    if (method == FacetMethod::automatic && columns)
        return columns->tally(db, revision_key(archive), ids, source, limit);
    if (method == FacetMethod::automatic)
        method = ids.size() >= postings_min_matches && ids.size() * 8 > field_postings(db, source)
                     ? FacetMethod::postings
                     : FacetMethod::values;
    return method == FacetMethod::postings ? tally_by_postings(db, ids, source, limit)
                                           : tally_by_values(db, ids, source, limit);
}

// One counting pass's answer: each source's values, and the matches.
struct PassCounts {
    std::vector<std::vector<FacetValue>> values; // each source's
    Xapian::doccount matched = 0;
    bool whole = true;   // every match was visited
    bool decoded = true; // false: a code met was not in the dictionary, or ambiguous
};

Xapian::Enquire counting_enquire(const Xapian::Database& db, const Xapian::Query& query) {
    Xapian::Enquire enquire(db);
    enquire.set_query(query);
    enquire.set_weighting_scheme(Xapian::BoolWeight());
    return enquire;
}

// Every match of `enquire` over `db`, within `time_limit`, visited by `spy`;
// whether all were.
bool visit_all(Xapian::Enquire& enquire, const Xapian::Database& db, DocidSpy& spy,
               double time_limit) {
    enquire.add_matchspy(&spy);
    Xapian::MSet all = timed_mset(enquire, time_limit, 0, 0, db.get_doccount()); // exact counts
    if (!std::is_sorted(spy.ids.begin(), spy.ids.end())) std::sort(spy.ids.begin(), spy.ids.end());
    return all.get_matches_lower_bound() == all.get_matches_upper_bound() &&
           spy.ids.size() == all.get_matches_lower_bound();
}

// Xapian's value counting, a spy a field, on `enquire` (which had none).
using ValueSpies = std::vector<std::unique_ptr<Xapian::ValueCountMatchSpy>>;
ValueSpies add_value_spies(Xapian::Enquire& enquire, const std::vector<FacetSource>& sources) {
    ValueSpies spies;
    for (const FacetSource& s : sources) {
        spies.push_back(
            std::make_unique<Xapian::ValueCountMatchSpy>(s.coded ? code_slot(s.slot) : s.slot));
        enquire.add_matchspy(spies.back().get());
    }
    return spies;
}

// The raw values `spy` counted: its slot's, or a coded source's forms
// (joined, as in the slot of forms); nothing when a code is not decoded.
std::optional<RawCounts> spied_values(const Xapian::ValueCountMatchSpy& spy,
                                      const FacetSource& source, const FormDictionary* forms) {
    RawCounts raw;
    for (auto v = spy.values_begin(); v != spy.values_end(); ++v) {
        if ((*v).empty()) continue;
        if (!source.coded) {
            raw.emplace(*v, v.get_termfreq());
            continue;
        }
        std::optional<std::string> joined = forms ? forms->forms(*v) : std::nullopt;
        if (!joined) return std::nullopt;
        raw[*joined] += v.get_termfreq();
    }
    return raw;
}

// What `spies` counted over `all`: the slot's raw values and their counts,
// folded as tally_by_values() folds them.  Whole when every match was seen.
PassCounts spied_counts(const Xapian::MSet& all, const ValueSpies& spies,
                        const std::vector<FacetSource>& sources, unsigned limit,
                        const FormDictionary* forms) {
    PassCounts out;
    out.matched = all.get_matches_lower_bound();
    out.whole = all.get_matches_upper_bound() == out.matched &&
                (spies.empty() || spies[0]->get_total() == out.matched);
    for (std::size_t i = 0; i < sources.size(); ++i) {
        std::optional<RawCounts> raw = spied_values(*spies[i], sources[i], forms);
        if (!raw) {
            out.whole = out.decoded = false;
            return out;
        }
        out.values.push_back(fold_counts(*raw, sources[i].multi, limit));
    }
    return out;
}

// `sources` counted from their forms.
std::vector<FacetSource> uncoded(std::vector<FacetSource> sources) {
    for (FacetSource& s : sources)
        s.coded = false;
    return sources;
}

// One pass counted by Xapian's match spies, one per field; made again from
// the forms if a code was not decoded.
PassCounts count_by_spies(const Xapian::Database& db, const Xapian::Query& query,
                          const std::vector<FacetSource>& sources, unsigned limit,
                          double time_limit, const FormDictionary* forms) {
    Xapian::Enquire enquire = counting_enquire(db, query);
    ValueSpies spies = add_value_spies(enquire, sources);
    Xapian::MSet all = timed_mset(enquire, time_limit, 0, 0, db.get_doccount()); // exact counts
    PassCounts out = spied_counts(all, spies, sources, limit, forms);
    if (out.decoded) return out;
    return count_by_spies(db, query, uncoded(sources), limit, time_limit, nullptr);
}

// Each source tallied from the matches `ids` of the archive as one database.
PassCounts tally_ids(const ReadDatabase& archive, const DocIds& ids,
                     const std::vector<FacetSource>& sources, unsigned limit, FacetMethod method,
                     FacetColumns* columns) {
    PassCounts out;
    out.matched = static_cast<Xapian::doccount>(ids.size());
    for (const FacetSource& source : sources)
        out.values.push_back(tally(archive, ids, source, limit, method, columns));
    return out;
}

// One pass over the archive as one database: the matches' ids gathered,
// then each field tallied from them (facet_tally.hpp, or the columns).
PassCounts count_by_ids(const ReadDatabase& archive, const Xapian::Query& query,
                        const std::vector<FacetSource>& sources, unsigned limit, FacetMethod method,
                        double time_limit, FacetColumns* columns) {
    Xapian::Enquire enquire = counting_enquire(archive.db, query);
    DocidSpy spy;
    bool whole = visit_all(enquire, archive.db, spy, time_limit);
    PassCounts out = tally_ids(archive, spy.ids, sources, limit, method, columns);
    out.whole = whole;
    return out;
}

// Adds shard `k`'s matches `ids` (its own ids) to each source's raw counts,
// from the columns.
void count_shard(FacetColumns& columns, const ReadDatabase& archive, std::size_t k,
                 const std::string& revision, const DocIds& ids,
                 const std::vector<FacetSource>& sources, std::vector<RawCounts>& raw) {
    for (std::size_t i = 0; i < sources.size(); ++i)
        columns.count(archive.shards[k], k, revision, ids, sources[i], raw[i]);
}

// The shards' raw counts summed, folded: the parts of a multi-valued field
// are split already.
std::vector<std::vector<FacetValue>> fold_shard_counts(const std::vector<RawCounts>& raw,
                                                       unsigned limit) {
    std::vector<std::vector<FacetValue>> out;
    for (const RawCounts& r : raw)
        out.push_back(fold_counts(r, false, limit));
    return out;
}

// One pass over a sharded archive held in columns: a match spy sees a
// shard's own document ids, so each shard is matched on its own, counted
// from its own columns, and the raw counts summed.  The shards share one
// time limit.
PassCounts count_by_shards(const ReadDatabase& archive, const std::string& revision,
                           const Xapian::Query& query, const std::vector<FacetSource>& sources,
                           unsigned limit, double time_limit, FacetColumns& columns) {
    using clock = std::chrono::steady_clock;
    const auto start = clock::now();
    std::vector<RawCounts> raw(sources.size());
    PassCounts out;
    for (std::size_t k = 0; k < archive.shards.size(); ++k) {
        double left = time_limit;
        if (time_limit > 0) {
            left -= std::chrono::duration<double>(clock::now() - start).count();
            if (left <= 0) {
                out.whole = false;
                break;
            }
        }
        const Xapian::Database& shard = archive.shards[k];
        Xapian::Enquire enquire = counting_enquire(shard, query);
        DocidSpy spy;
        out.whole = visit_all(enquire, shard, spy, left) && out.whole;
        out.matched += static_cast<Xapian::doccount>(spy.ids.size());
        count_shard(columns, archive, k, revision, spy.ids, sources, raw);
    }
    out.values = fold_shard_counts(raw, limit);
    return out;
}

// The matches' ids a spy saw over a local sharded archive, split by shard,
// or nothing when that cannot be told.  A spy is given each match under its
// shard's own id, not which shard it is in; Xapian 1.4's matcher walks the
// shards in turn (MergePostList; its ValueStreamDocument asserts it), each
// in ascending order.  So a shard's matches start where an id is not above
// the one before: with as many such runs as shards, every shard had matches
// and each run is one shard's, in order.  Fewer runs (a shard without a
// match, or one whose first id is above the last one's) cannot be placed.
std::optional<std::vector<DocIds>> split_by_shard(const DocIds& seen, std::size_t shards) {
#if !XAPIAN_AT_LEAST(1, 4, 0) || XAPIAN_AT_LEAST(1, 5, 0)
    return std::nullopt; // another matcher: its order is not known here
#endif
    std::vector<DocIds> out(1);
    for (std::size_t i = 0; i < seen.size(); ++i) {
        if (i > 0 && seen[i] <= seen[i - 1]) out.emplace_back();
        out.back().push_back(seen[i]);
    }
    if (out.size() != shards || seen.empty()) return std::nullopt;
    return out;
}

// The counts of a field whose every article holds `value` ("": none does),
// over a pass of `matched` matches.
std::vector<FacetValue> every_match(const std::string& value, const FacetSource& source,
                                    Xapian::doccount matched, unsigned limit) {
    if (value.empty() || matched == 0) return {};
    return fold_counts(RawCounts{{value, matched}}, source.multi, limit);
}

std::string filter_term(const Schema& schema, const std::string& field, const std::string& value) {
    const Field& date = schema.get("date");
    auto digits = [](std::string_view s) { return std::all_of(s.begin(), s.end(), ::isdigit); };
    if (field == "year") {
        if (value.size() != 4 || !digits(value))
            throw UsageError(fmt::format("--filter year:{}: expected a year like 2025", value));
        return date.year_prefix + value;
    }
    if (field == "month") {
        if (value.size() != 7 || value[4] != '-' || !digits(value.substr(0, 4)) ||
            !digits(value.substr(5)))
            throw UsageError(
                fmt::format("--filter month:{}: expected a month like 2025-03", value));
        return date.month_prefix + value.substr(0, 4) + value.substr(5);
    }
    field_source(schema, field); // validates the field
    return keyword_term(schema.get(field), collapse_spaces(value));
}

} // namespace

Xapian::Query with_filter(const Xapian::Query& query, const Xapian::Query& filter) {
    if (filter.get_type() == Xapian::Query::LEAF_MATCH_ALL) return query;
    return Xapian::Query(Xapian::Query::OP_FILTER, query, filter);
}

std::optional<std::string> uniform_value(const ValueStats& stats, Xapian::doccount docs) {
    if (stats.freq == 0) return std::string();
    if (stats.freq != docs || stats.lower != stats.upper) return std::nullopt;
    return stats.lower;
}

std::vector<std::string> facet_fields(const Schema& schema) {
    std::vector<std::string> out;
    for (const Field& f : schema.fields)
        if (f.kind == FieldKind::keyword && f.facet) out.push_back(f.name);
    const Field& date = schema.get("date");
    if (date.year_slot) out.push_back("year");
    if (date.month_slot) out.push_back("month");
    return out;
}

Xapian::Query filter_query(const Schema& schema, const Filters& filters,
                           const std::string& except) {
    std::vector<Xapian::Query> fields;
    for (const auto& [field, values] : filters) {
        if (field == except || values.empty()) continue;
        std::vector<Xapian::Query> any;
        for (const auto& v : values)
            any.emplace_back(filter_term(schema, field, v));
        fields.emplace_back(Xapian::Query::OP_OR, any.begin(), any.end());
    }
    if (fields.empty()) return Xapian::Query::MatchAll;
    return Xapian::Query(Xapian::Query::OP_AND, fields.begin(), fields.end());
}

namespace {

// How a count_facets() call counts: its passes, what each reads, and how.
struct Plan {
    enum class Way { spies, ids, by_shard } way = Way::ids;
    FacetMethod method = FacetMethod::automatic; // Way::ids: values, postings or automatic
    std::string revision = {};                   // Way::by_shard: the archive's
    // The field a pass leaves unfiltered ("": none, every filter) -> its fields.
    std::map<std::string, std::vector<std::string>> passes = {};
    // A field with one value in every article, or in none, is not read.
    std::map<std::string, std::optional<std::string>> uniform = {};
    // Way::spies with codes: the dictionary, and the fields counted from codes.
    std::shared_ptr<const FormDictionary> forms = {};
    std::set<std::string> coded = {};
};

// The form dictionary a pass by spies decodes with, when it counts codes:
// a resident process's (kept an open) for an archive with a remote shard,
// or a fresh one when a test asks for the way.
std::shared_ptr<const FormDictionary> form_dictionary(const ReadDatabase& archive,
                                                      FacetMethod method, FacetColumns* columns) {
    if (method == FacetMethod::form_codes) return read_forms(archive.shards);
    if (method != FacetMethod::automatic || !columns || !has_remote_shard(archive)) return nullptr;
    const std::string key = memory_key(archive);
    if (key.empty()) return nullptr; // a shard left out: nothing is kept
    return columns->forms(archive, key);
}

// Whether every document holding the keyword field `source` holds its codes.
bool codes_complete(const ReadDatabase& archive, const FacetSource& source) {
    if (source.kind != FacetSource::Kind::keyword) return false;
    const ValueStats& codes = value_stats(archive, code_slot(source.slot));
    return codes.freq > 0 && codes.freq == value_stats(archive, source.slot).freq;
}

Plan plan_counting(const ReadDatabase& archive, const Filters& filters,
                   const std::vector<std::string>& fields, FacetMethod method,
                   FacetColumns* columns) {
    Plan plan;
    // One pass for the fields no filter touches, one per filtered field.
    for (const auto& field : fields) {
        plan.uniform[field] =
            uniform_value(value_stats(archive, field_source(archive.schema, field).slot),
                          archive.db.get_doccount());
        auto it = filters.find(field);
        plan.passes[it != filters.end() && !it->second.empty() ? field : ""].push_back(field);
    }
    // The document a match spy sees in a sharded archive has its shard's
    // own id, not the archive's: a resident process's columns count each
    // shard on its own; otherwise only Xapian's value counting is right there.
    const bool sharded = archive.shards.size() > 1;
    if (sharded && columns) plan.revision = revision_key(archive);
    plan.method = method;
    const bool spied = method == FacetMethod::match_spy || method == FacetMethod::form_codes;
    plan.way = method == FacetMethod::automatic && !plan.revision.empty() ? Plan::Way::by_shard
               : sharded || spied                                         ? Plan::Way::spies
                                                                          : Plan::Way::ids;
    if (plan.way == Plan::Way::spies) plan.forms = form_dictionary(archive, method, columns);
    if (plan.forms)
        for (const auto& field : fields)
            if (!plan.uniform[field] &&
                codes_complete(archive, field_source(archive.schema, field)))
                plan.coded.insert(field);
    return plan;
}

// The fields of a pass that are read, as sources.
std::vector<FacetSource> read_sources(const Plan& plan, const Schema& schema,
                                      const std::vector<std::string>& fields) {
    std::vector<FacetSource> sources;
    for (const auto& field : fields)
        if (!plan.uniform.at(field)) {
            sources.push_back(field_source(schema, field));
            sources.back().coded = plan.coded.contains(field);
        }
    return sources;
}

} // namespace

struct FacetRide::State {
    const ReadDatabase& archive;
    Plan plan;                        // count_facets() follows it too
    bool rides = false;               // a pass with every filter, counted by a spy
    std::vector<FacetSource> sources; // what that pass reads
    unsigned limit;
    FacetColumns* columns;
    ValueSpies spies = {}; // Way::spies
    DocidSpy ids = {};     // Way::ids
    std::optional<PassCounts> counts = {};
};

FacetRide::FacetRide(const ReadDatabase& archive, const Filters& filters,
                     const std::vector<std::string>& fields, unsigned limit, FacetMethod method,
                     FacetColumns* columns)
    : state_(new State{archive,
                       plan_counting(archive, filters, fields, method, columns),
                       false,
                       {},
                       limit,
                       columns}) {
    const Plan& plan = state_->plan;
    auto all = plan.passes.find("");
    state_->rides = all != plan.passes.end();
    if (state_->rides) state_->sources = read_sources(plan, archive.schema, all->second);
}

FacetRide::~FacetRide() = default;

namespace {

// A ride's matches, counted shard by shard from the columns, if they can be
// split by shard (else nothing: count_facets() makes its passes).
std::optional<PassCounts> by_shard_counts(const FacetRide::State& st, const DocIds& seen) {
    auto split = split_by_shard(seen, st.archive.shards.size());
    if (!split) return std::nullopt;
    std::vector<RawCounts> raw(st.sources.size());
    for (std::size_t k = 0; k < split->size(); ++k)
        count_shard(*st.columns, st.archive, k, st.plan.revision, (*split)[k], st.sources, raw);
    PassCounts out;
    out.matched = static_cast<Xapian::doccount>(seen.size());
    out.values = fold_shard_counts(raw, st.limit);
    return out;
}

} // namespace

void FacetRide::attach(Xapian::Enquire& enquire) {
    if (!state_->rides) return;
    enquire.clear_matchspies();
    state_->counts.reset();
    if (state_->plan.way == Plan::Way::spies) {
        state_->spies = add_value_spies(enquire, state_->sources);
    } else {
        state_->ids.ids.clear();
        enquire.add_matchspy(&state_->ids);
    }
}

void FacetRide::finish(Xapian::Enquire& enquire, const Xapian::MSet& mset) {
    if (!state_->rides) return;
    enquire.clear_matchspies();
    State& st = *state_;
    if (st.plan.way == Plan::Way::spies) {
        st.counts = spied_counts(mset, st.spies, st.sources, st.limit, st.plan.forms.get());
        st.spies.clear();
        return;
    }
    DocIds& ids = st.ids.ids;
    bool whole = mset.get_matches_lower_bound() == mset.get_matches_upper_bound() &&
                 ids.size() == mset.get_matches_lower_bound();
    if (whole && st.plan.way == Plan::Way::by_shard)
        st.counts = by_shard_counts(st, ids);
    else if (whole) {
        std::sort(ids.begin(), ids.end()); // ascending, as the tallies walk them
        st.counts = tally_ids(st.archive, ids, st.sources, st.limit, st.plan.method, st.columns);
    }
    ids = DocIds();
}

bool FacetRide::counted() const {
    return state_->counts && state_->counts->whole;
}

FacetCounts count_facets(const ReadDatabase& archive, const Xapian::Query& base,
                         const Filters& filters, const std::vector<std::string>& fields,
                         unsigned limit, FacetMethod method, double time_limit,
                         FacetColumns* columns, const FacetRide* ride) {
    const Schema& schema = archive.schema;
    // plan_counting() validates the fields (a ride's did when it was made).
    const Plan plan =
        ride ? ride->state_->plan : plan_counting(archive, filters, fields, method, columns);
    FacetCounts out;
    std::map<std::string, std::vector<FacetValue>> counted;
    for (const auto& [except, counted_fields] : plan.passes) {
        Xapian::Query query = with_filter(base, filter_query(schema, filters, except));
        std::vector<FacetSource> sources = read_sources(plan, schema, counted_fields);
        // A ride that met a code not decoded: this pass is counted from the forms.
        if (except.empty() && ride && ride->state_->counts && !ride->state_->counts->decoded)
            sources = uncoded(std::move(sources));
        PassCounts c;
        if (except.empty() && ride && ride->counted())
            c = *ride->state_->counts;
        else if (plan.way == Plan::Way::by_shard)
            c = count_by_shards(archive, plan.revision, query, sources, limit, time_limit,
                                *columns);
        else if (plan.way == Plan::Way::spies)
            c = count_by_spies(archive.db, query, sources, limit, time_limit, plan.forms.get());
        else
            c = count_by_ids(archive, query, sources, limit, method, time_limit, columns);
        out.complete = out.complete && c.whole;
        if (except.empty() && c.whole) out.matches = c.matched;
        auto read = c.values.begin();
        for (const auto& field : counted_fields)
            counted[field] = plan.uniform.at(field)
                                 ? every_match(*plan.uniform.at(field), field_source(schema, field),
                                               c.matched, limit)
                                 : std::move(*read++);
    }
    for (const auto& field : fields)
        out.facets.push_back({field, counted[field]});
    return out;
}

} // namespace morgue
