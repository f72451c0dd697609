#include "commands.hpp"
#include "feed_state.hpp"
#include "maintenance.hpp"
#include "morgue/dates.hpp"
#include "morgue/document.hpp"
#include "morgue/errors.hpp"
#include "morgue/generation.hpp"
#include "morgue/json_text.hpp"

#include <algorithm>
#include <fmt/format.h>
#include <nlohmann/json.hpp>
#include <optional>

namespace morgue {

namespace {

struct Count {
    std::string value;
    Xapian::doccount n = 0;
};

// A keyword field's commonest values over the whole archive: the term
// frequencies of its boolean terms (no document is visited), shown in the
// display form of the first document that carries each.
std::vector<Count> top_values(const Xapian::Database& db, const Field& f, std::size_t limit) {
    std::vector<Count> all;
    for (auto t = db.allterms_begin(f.prefix); t != db.allterms_end(f.prefix); ++t)
        all.push_back({*t, t.get_termfreq()});
    std::sort(all.begin(), all.end(), [](const Count& a, const Count& b) {
        return a.n != b.n ? a.n > b.n : a.value < b.value;
    });
    if (all.size() > limit) all.resize(limit);
    for (auto& c : all) {
        std::string term = c.value;
        c.value = term.substr(f.prefix.size());
        for (const auto& form :
             value_parts(db.get_document(*db.postlist_begin(term)).get_value(*f.slot)))
            if (keyword_term(f, form) == term) c.value = form;
    }
    return all;
}

// A shard's revision; none for a remote one (the remote backend keeps it).
std::optional<Xapian::rev> revision_of(const ReadDatabase& rd, std::size_t k) {
    if (rd.layout[k].remote()) return std::nullopt;
    return rd.shards[k].get_revision();
}

std::string when(std::time_t t) {
    return t ? iso8601_utc(t) : "never";
}

} // namespace

std::string database_stats(const std::string& path, bool json, bool pretty) {
    ReadDatabase rd = open_for_reading(path);
    const Xapian::Database& db = rd.db;
    Xapian::valueno date_slot = *rd.schema.get("date").slot;
    bool empty = db.get_doccount() == 0;
    auto bound = [&](const std::string& v) {
        return empty ? std::string()
                     : iso8601_utc(static_cast<std::time_t>(Xapian::sortable_unserialise(v)));
    };
    std::string first = bound(db.get_value_lower_bound(date_slot));
    std::string last = bound(db.get_value_upper_bound(date_slot));
    auto columnists = top_values(db, rd.schema.get("columnist"), 10);
    auto topics = top_values(db, rd.schema.get("topic"), 10);
    const Field* language = rd.schema.find("language"); // not in databases from before it
    auto languages = language ? top_values(db, *language, 100) : std::vector<Count>{};
    auto feeds = all_feed_states(db);
    std::uintmax_t bytes = database_bytes(path);
    std::uintmax_t compacted = compacted_bytes(db); // 0: never compacted
    if (json) {
        nlohmann::ordered_json j = {
            {"documents", db.get_doccount()},
            {"first_date", first.empty() ? nullptr : nlohmann::ordered_json(first)},
            {"last_date", last.empty() ? nullptr : nlohmann::ordered_json(last)},
            {"bytes", bytes},
            {"revision", rd.layout.empty() ? nlohmann::ordered_json(db.get_revision()) : nullptr},
            {"compacted_bytes", compacted ? nlohmann::ordered_json(compacted) : nullptr}};
        if (!rd.layout.empty()) {
            j["shards"] = nlohmann::ordered_json::array();
            for (std::size_t k = 0; k < rd.layout.size(); ++k)
                j["shards"].push_back(
                    {{"shard", rd.layout[k].name()},
                     {"documents", rd.shards[k].get_doccount()},
                     {"revision", revision_of(rd, k) ? nlohmann::ordered_json(*revision_of(rd, k))
                                                     : nlohmann::ordered_json(nullptr)}});
        }
        for (auto [name, counts] : {std::pair{"columnists", &columnists},
                                    {"topics", &topics},
                                    {"languages", &languages}}) {
            j[name] = nlohmann::ordered_json::array();
            for (const auto& c : *counts)
                j[name].push_back({{"value", c.value}, {"count", c.n}});
        }
        j["feeds"] = nlohmann::ordered_json::array();
        for (const auto& f : feeds)
            j["feeds"].push_back(feed_state_report(f));
        return json_text(j, pretty);
    }
    std::string out =
        fmt::format("{}\n  documents: {}\n  dates: {}\n  size: {:.1f} MB ({}; {})\n", path,
                    db.get_doccount(), empty ? "none" : first + " .. " + last, bytes / 1e6,
                    rd.layout.empty() ? fmt::format("revision {}", db.get_revision())
                                      : fmt::format("{} shards", rd.layout.size()),
                    compacted ? fmt::format("{:.1f} MB when last compacted", compacted / 1e6)
                              : std::string("never compacted"));
    for (std::size_t k = 0; k < rd.layout.size(); ++k)
        out += fmt::format(
            "  shard {}: {} documents{}\n", rd.layout[k].name(), rd.shards[k].get_doccount(),
            revision_of(rd, k) ? fmt::format(", revision {}", *revision_of(rd, k)) : std::string());
    for (auto [name, counts] : {std::pair{"top columnists", &columnists},
                                {"top topics", &topics},
                                {"languages", &languages}}) {
        out += fmt::format("  {}:", name);
        for (const auto& c : *counts)
            out += fmt::format(" {} ({});", c.value, c.n);
        out += "\n";
    }
    out += fmt::format("  feeds: {}\n", feeds.size());
    for (const auto& f : feeds)
        out += fmt::format("    {}: status {}, {} consecutive failure{}, last success {}\n",
                           f.listed_url, f.last_status, f.failures, f.failures == 1 ? "" : "s",
                           when(f.last_success));
    return out;
}

int run_stats(const GlobalOptions& o, const StatsCommand& c) {
    require_db(o);
    std::fputs(database_stats(o.db_path, c.json, o.pretty).c_str(), stdout);
    return exit_ok;
}

} // namespace morgue
