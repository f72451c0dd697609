#include "facets.hpp"

#include "morgue/document.hpp"
#include "morgue/errors.hpp"
#include "morgue/text.hpp"

#include <algorithm>
#include <fmt/format.h>
#include <memory>
#include <unordered_map>

namespace morgue {

namespace {

// Counts the values of one slot, splitting multi-valued slots, grouping
// case variants ("JILL LAWLESS", "Jill Lawless") under the commonest form.
class ValueSpy : public Xapian::MatchSpy {
  public:
    ValueSpy(Xapian::valueno slot, bool multi) : slot_(slot), multi_(multi) {}

    // Per match only a hash-map increment on the slot's raw value: splitting
    // and case-folding wait for top(), once per distinct value.
    void operator()(const Xapian::Document& doc, double) override {
        std::string value = doc.get_value(slot_);
        if (!value.empty()) ++raw_[std::move(value)];
    }

    std::vector<FacetValue> top(unsigned limit) const {
        std::unordered_map<std::string, std::map<std::string, Xapian::doccount>>
            counts; // folded -> form -> n
        for (const auto& [value, n] : raw_) {
            if (!multi_) {
                counts[casefold(value)][value] += n;
                continue;
            }
            std::size_t start = 0;
            while (start <= value.size()) {
                std::size_t end = std::min(value.find(value_separator, start), value.size());
                if (end > start) {
                    std::string form = value.substr(start, end - start);
                    counts[casefold(form)][form] += n;
                }
                start = end + 1;
            }
        }
        std::vector<FacetValue> out;
        for (const auto& [folded, forms] : counts) {
            FacetValue v;
            Xapian::doccount best = 0;
            for (const auto& [form, n] : forms) {
                v.count += n;
                if (n > best || (n == best && form < v.value)) best = n, v.value = form;
            }
            out.push_back(std::move(v));
        }
        std::sort(out.begin(), out.end(), [](const FacetValue& a, const FacetValue& b) {
            return a.count != b.count ? a.count > b.count : a.value < b.value;
        });
        if (out.size() > limit) out.resize(limit);
        return out;
    }

    std::string name() const override { return "morgue.ValueSpy"; }

  private:
    Xapian::valueno slot_;
    bool multi_;
    std::unordered_map<std::string, Xapian::doccount> raw_;
};

struct FieldInfo {
    Xapian::valueno slot;
    bool multi;
};

FieldInfo field_info(const Schema& schema, const std::string& field) {
    const Field& date = schema.get("date");
    if (field == "year" && date.year_slot) return {*date.year_slot, false};
    if (field == "month" && date.month_slot) return {*date.month_slot, false};
    const Field* f = schema.find(field);
    if (!f || f->kind != FieldKind::keyword || !f->facet)
        throw UsageError(fmt::format("no facet field \"{}\" (fields: {})", field,
                                     fmt::join(facet_fields(schema), ", ")));
    return {*f->slot, f->multi};
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
    field_info(schema, field); // validates the field
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

std::vector<Facet> count_facets(const Xapian::Database& db, const Schema& schema,
                                const Xapian::Query& base, const Filters& filters,
                                const std::vector<std::string>& fields, unsigned limit) {
    // One pass for the fields no filter touches, one per filtered field.
    std::map<std::string, std::vector<std::string>> passes; // excluded field -> fields counted
    for (const auto& field : fields) {
        field_info(schema, field);
        auto it = filters.find(field);
        passes[it != filters.end() && !it->second.empty() ? field : ""].push_back(field);
    }
    std::map<std::string, std::vector<FacetValue>> counted;
    for (const auto& [except, counted_fields] : passes) {
        Xapian::Enquire enquire(db);
        enquire.set_query(with_filter(base, filter_query(schema, filters, except)));
        enquire.set_weighting_scheme(Xapian::BoolWeight());
        std::vector<std::unique_ptr<ValueSpy>> spies;
        for (const auto& field : counted_fields) {
            FieldInfo info = field_info(schema, field);
            spies.push_back(std::make_unique<ValueSpy>(info.slot, info.multi));
            enquire.add_matchspy(spies.back().get());
        }
        enquire.get_mset(0, 0, db.get_doccount()); // every match is seen: exact counts
        for (std::size_t i = 0; i < counted_fields.size(); ++i)
            counted[counted_fields[i]] = spies[i]->top(limit);
    }
    std::vector<Facet> out;
    for (const auto& field : fields)
        out.push_back({field, counted[field]});
    return out;
}

} // namespace morgue
