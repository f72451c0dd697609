#include "morgue/schema.hpp"

#include "morgue/errors.hpp"

#include <algorithm>
#include <cerrno>
#include <charconv>
#include <cstring>
#include <fmt/format.h>
#include <fstream>
#include <pugixml.hpp>
#include <set>
#include <sstream>

namespace morgue {

namespace {

// Fields the indexer fills, with the kind each must have.
constexpr std::pair<std::string_view, FieldKind> required_fields[] = {
    {"title", FieldKind::text},    {"body", FieldKind::text},    {"columnist", FieldKind::keyword},
    {"topic", FieldKind::keyword}, {"feed", FieldKind::keyword}, {"date", FieldKind::date},
    {"url", FieldKind::id},
};

struct Reader {
    std::string_view origin;
    std::string_view xml;

    [[noreturn]] void fail(const pugi::xml_node& node, std::string_view what) const {
        throw ConfigError(
            {std::string(origin), static_cast<unsigned>(line_of(node.offset_debug()))},
            std::string(what));
    }

    std::size_t line_of(std::ptrdiff_t offset) const {
        if (offset < 0) return 0;
        auto end = xml.begin() + std::min<std::size_t>(offset, xml.size());
        return 1 + std::count(xml.begin(), end, '\n');
    }

    bool flag(const pugi::xml_node& node, const char* attr) const {
        std::string_view v = node.attribute(attr).as_string("no");
        if (v == "yes") return true;
        if (v == "no") return false;
        fail(node, fmt::format("{}=\"{}\": expected yes or no", attr, v));
    }

    std::optional<unsigned> slot(const pugi::xml_node& node, const char* attr) const {
        auto a = node.attribute(attr);
        if (!a) return std::nullopt;
        std::string_view v = a.as_string();
        unsigned n = 0;
        auto [p, ec] = std::from_chars(v.data(), v.data() + v.size(), n);
        if (ec != std::errc() || p != v.data() + v.size() || n >= first_reserved_slot)
            fail(node, fmt::format("{}=\"{}\": expected a slot number below {}", attr, v,
                                   first_reserved_slot));
        return n;
    }

    FieldKind kind(const pugi::xml_node& node) const {
        std::string_view v = node.attribute("kind").as_string();
        for (auto k : {FieldKind::text, FieldKind::keyword, FieldKind::date, FieldKind::id})
            if (v == kind_name(k)) return k;
        fail(node, fmt::format("kind=\"{}\": expected text, keyword, date or id", v));
    }

    Field field(const pugi::xml_node& node) const {
        Field f;
        f.name = node.attribute("name").as_string();
        if (f.name.empty()) fail(node, "field without a name");
        f.kind = kind(node);
        f.prefix = node.attribute("prefix").as_string();
        f.text_prefix = node.attribute("text-prefix").as_string();
        f.slot = slot(node, "slot");
        f.weight = node.attribute("weight").as_uint(1);
        f.multi = flag(node, "multi");
        f.facet = flag(node, "facet");
        f.stored = flag(node, "stored");
        f.year_prefix = node.attribute("year-prefix").as_string();
        f.month_prefix = node.attribute("month-prefix").as_string();
        f.day_prefix = node.attribute("day-prefix").as_string();
        f.year_slot = slot(node, "year-slot");
        f.month_slot = slot(node, "month-slot");
        check_field(node, f);
        return f;
    }

    void check_field(const pugi::xml_node& node, const Field& f) const {
        bool needs_prefix = f.kind == FieldKind::keyword || f.kind == FieldKind::id;
        if (needs_prefix && f.prefix.empty())
            fail(node,
                 fmt::format("field {}: a {} field needs a prefix", f.name, kind_name(f.kind)));
        if (f.kind == FieldKind::keyword && !f.slot)
            fail(node, fmt::format("field {}: a keyword field needs a slot", f.name));
        if (f.kind == FieldKind::date &&
            (!f.slot || f.year_prefix.empty() || f.month_prefix.empty() || f.day_prefix.empty()))
            fail(node, fmt::format("field {}: a date field needs slot, year-prefix, "
                                   "month-prefix and day-prefix",
                                   f.name));
        if (f.weight == 0 || f.weight > 100)
            fail(node, fmt::format("field {}: weight must be 1 to 100", f.name));
    }
};

void check_unique(const Schema& s, std::string_view origin) {
    std::set<std::string> names, prefixes;
    std::set<unsigned> slots;
    auto clash = [&](std::string_view what, const auto& value) {
        throw ConfigError({std::string(origin)}, fmt::format("{} {} is used twice", what, value));
    };
    for (const Field& f : s.fields) {
        if (!names.insert(f.name).second) clash("field name", f.name);
        for (const std::string* p :
             {&f.prefix, &f.text_prefix, &f.year_prefix, &f.month_prefix, &f.day_prefix})
            if (!p->empty() && !prefixes.insert(*p).second) clash("prefix", *p);
        for (auto slot : {f.slot, f.year_slot, f.month_slot})
            if (slot && !slots.insert(*slot).second) clash("slot", *slot);
    }
    for (auto [name, kind] : required_fields) {
        const Field* f = s.find(name);
        if (!f || f->kind != kind)
            throw ConfigError(
                {std::string(origin)},
                fmt::format("the schema needs a {} field named {}", kind_name(kind), name));
    }
}

} // namespace

std::string_view kind_name(FieldKind kind) {
    switch (kind) {
    case FieldKind::text:
        return "text";
    case FieldKind::keyword:
        return "keyword";
    case FieldKind::date:
        return "date";
    case FieldKind::id:
        return "id";
    }
    return "?";
}

const Field* Schema::find(std::string_view field_name) const {
    for (const Field& f : fields)
        if (f.name == field_name) return &f;
    return nullptr;
}

const Field& Schema::get(std::string_view field_name) const {
    if (const Field* f = find(field_name)) return *f;
    throw ConfigError(fmt::format("schema {} has no field {}", name, field_name));
}

Schema parse_schema(std::string_view xml, std::string_view origin) {
    pugi::xml_document doc;
    auto result = doc.load_buffer(xml.data(), xml.size());
    Reader r{origin, xml};
    if (!result)
        throw ConfigError({std::string(origin), static_cast<unsigned>(r.line_of(result.offset))},
                          fmt::format("not well-formed XML: {}", result.description()));
    auto root = doc.child("schema");
    if (!root) throw ConfigError({std::string(origin)}, "no <schema> element");
    Schema s;
    s.name = root.attribute("name").as_string();
    s.version = root.attribute("version").as_int(0);
    s.language = root.attribute("language").as_string("english");
    if (s.name.empty() || s.version <= 0)
        r.fail(root, "<schema> needs a name and a positive version");
    for (auto node : root.children("field"))
        s.fields.push_back(r.field(node));
    check_unique(s, origin);
    s.xml = std::string(xml);
    return s;
}

Schema load_schema_file(const std::string& path) {
    std::ifstream in(path, std::ios::binary);
    if (!in) throw ConfigError({path}, fmt::format("cannot read schema: {}", strerror(errno)));
    std::ostringstream text;
    text << in.rdbuf();
    return parse_schema(text.str(), path);
}

namespace {

std::vector<std::string_view> prefixes_of(const Field& f) {
    std::vector<std::string_view> out;
    for (const std::string* p :
         {&f.prefix, &f.text_prefix, &f.year_prefix, &f.month_prefix, &f.day_prefix})
        if (!p->empty()) out.push_back(*p);
    return out;
}

std::vector<unsigned> slots_of(const Field& f) {
    std::vector<unsigned> out;
    for (const auto* slot : {&f.slot, &f.year_slot, &f.month_slot})
        if (*slot) out.push_back(**slot);
    return out;
}

// The field of `schema` whose prefixes or slots `f` would share.
const Field* sharing_layout(const Schema& schema, const Field& f) {
    for (const Field& other : schema.fields) {
        for (unsigned slot : slots_of(f))
            if (std::ranges::count(slots_of(other), slot)) return &other;
        for (std::string_view prefix : prefixes_of(f))
            if (std::ranges::count(prefixes_of(other), prefix)) return &other;
    }
    return nullptr;
}

} // namespace

std::string schema_difference(const Schema& stored, const Schema& wanted) {
    if (stored.language != wanted.language)
        return fmt::format("language {} differs from the database's {}", wanted.language,
                           stored.language);
    for (const Field& w : wanted.fields) {
        const Field* s = stored.find(w.name);
        if (!s) {
            // A field added since the database was made (language) is left
            // out of it until a rebuild, unless its terms or slot are taken.
            if (const Field* taken = sharing_layout(stored, w))
                return fmt::format("field {} is not in the database's schema, and its prefix "
                                   "or slot is the database's field {}",
                                   w.name, taken->name);
            continue;
        }
        auto same = [](const Field& a, const Field& b) {
            return a.kind == b.kind && a.prefix == b.prefix && a.text_prefix == b.text_prefix &&
                   a.slot == b.slot && a.multi == b.multi && a.year_prefix == b.year_prefix &&
                   a.month_prefix == b.month_prefix && a.day_prefix == b.day_prefix &&
                   a.year_slot == b.year_slot && a.month_slot == b.month_slot;
        };
        if (!same(*s, w))
            return fmt::format("field {} has another kind, prefix or slot than in the database",
                               w.name);
    }
    for (const Field& s : stored.fields)
        if (!wanted.find(s.name))
            return fmt::format("field {} of the database's schema is missing", s.name);
    return {};
}

} // namespace morgue
