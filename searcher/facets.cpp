#include "facets.hpp"

#include "facet_columns.hpp"
#include "facet_tally.hpp"
#include "morgue/document.hpp"
#include "morgue/errors.hpp"
#include "morgue/text.hpp"

#include <algorithm>
#include <fmt/format.h>

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
std::vector<FacetValue> tally(const Xapian::Database& db, const DocIds& ids,
                              const FacetSource& source, unsigned limit, FacetMethod method,
                              FacetColumns* columns) {
    constexpr Xapian::doccount postings_min_matches = 20000;
    if (method == FacetMethod::automatic && columns) return columns->tally(db, ids, source, limit);
    if (method == FacetMethod::automatic)
        method = ids.size() >= postings_min_matches && ids.size() * 8 > field_postings(db, source)
                     ? FacetMethod::postings
                     : FacetMethod::values;
    return method == FacetMethod::postings ? tally_by_postings(db, ids, source, limit)
                                           : tally_by_values(db, ids, source, limit);
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

FacetCounts count_facets(const Xapian::Database& db, const Schema& schema,
                         const Xapian::Query& base, const Filters& filters,
                         const std::vector<std::string>& fields, unsigned limit, FacetMethod method,
                         double time_limit, FacetColumns* columns) {
    FacetCounts out;
    // One pass for the fields no filter touches, one per filtered field.
    std::map<std::string, std::vector<std::string>> passes; // excluded field -> fields counted
    for (const auto& field : fields) {
        field_source(schema, field);
        auto it = filters.find(field);
        passes[it != filters.end() && !it->second.empty() ? field : ""].push_back(field);
    }
    std::map<std::string, std::vector<FacetValue>> counted;
    for (const auto& [except, counted_fields] : passes) {
        Xapian::Enquire enquire(db);
        enquire.set_query(with_filter(base, filter_query(schema, filters, except)));
        enquire.set_weighting_scheme(Xapian::BoolWeight());
        DocidSpy spy;
        enquire.add_matchspy(&spy);
        if (time_limit > 0) enquire.set_time_limit(time_limit);
        Xapian::MSet all = enquire.get_mset(0, 0, db.get_doccount()); // every match: exact counts
        bool whole = all.get_matches_lower_bound() == all.get_matches_upper_bound() &&
                     spy.ids.size() == all.get_matches_lower_bound();
        out.complete = out.complete && whole;
        if (except.empty() && whole) out.matches = static_cast<Xapian::doccount>(spy.ids.size());
        if (!std::is_sorted(spy.ids.begin(), spy.ids.end()))
            std::sort(spy.ids.begin(), spy.ids.end());
        for (const auto& field : counted_fields)
            counted[field] =
                tally(db, spy.ids, field_source(schema, field), limit, method, columns);
    }
    for (const auto& field : fields)
        out.facets.push_back({field, counted[field]});
    return out;
}

} // namespace morgue
