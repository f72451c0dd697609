// The field schema (schemas/news.xml): which prefixes, value slots and weights
// each article field is indexed with.  Both binaries take it from the database's
// metadata, so a database keeps working after the schema file changes.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace morgue {

enum class FieldKind { text, keyword, date, id };

struct Field {
    std::string name;
    FieldKind kind = FieldKind::text;
    std::string prefix;      // text: field-query prefix; keyword: exact term; id: unique term
    std::string text_prefix; // keyword: prefix for the words of each value
    std::optional<unsigned> slot;
    unsigned weight = 1; // text: wdf increment per word
    bool multi = false;
    bool facet = false;
    bool stored = false;
    // kind == date only
    std::string year_prefix, month_prefix, day_prefix;
    std::optional<unsigned> year_slot, month_slot;
};

struct Schema {
    std::string name;
    int version = 0;
    std::string language; // Xapian stemmer name
    std::vector<Field> fields;
    std::string xml; // the text it was read from, stored verbatim in databases

    const Field* find(std::string_view field_name) const;
    // Throws UsageError when the schema has no such field.
    const Field& get(std::string_view field_name) const;
};

// Slots from here up are Morgue's own, not the schema's.
constexpr unsigned first_reserved_slot = 200;

// Parses and validates schema XML; `origin` names the source in errors.
// Throws UsageError.
Schema parse_schema(std::string_view xml, std::string_view origin);
Schema load_schema_file(const std::string& path);

// Empty when a database built with `stored` can take documents built with
// `wanted`; otherwise a one-line description of the first difference.  A
// field only `wanted` has, on prefixes and slots of its own, is no
// difference: the database goes on without it (its own schema is the one
// used) until it is rebuilt.
std::string schema_difference(const Schema& stored, const Schema& wanted);

std::string_view kind_name(FieldKind kind);

} // namespace morgue
