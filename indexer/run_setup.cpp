#include "run_setup.hpp"

#include "morgue/errors.hpp"
#include "morgue/install_paths.hpp"
#include "morgue/name_groups.hpp"
#include "morgue/text.hpp"

#include <filesystem>

namespace morgue {

namespace {

std::string schema_file(const GlobalOptions& o) {
    return o.schema_path.empty() ? default_schema_path() : o.schema_path;
}

std::string optional_file(const std::string& given, const GlobalOptions& o, const char* name) {
    if (!given.empty()) return given;
    std::error_code ec;
    for (auto dir :
         {std::filesystem::path(config_dir()), std::filesystem::path(schema_file(o)).parent_path()})
        if (std::filesystem::exists(dir / name, ec)) return (dir / name).string();
    return {};
}

} // namespace

void require_db(const GlobalOptions& o) {
    if (o.db_path.empty()) throw UsageError("--db is required (or set MORGUE_DB)");
}

Schema schema_for(const GlobalOptions& o, bool current) {
    std::error_code ec;
    bool file =
        !o.schema_path.empty() || (current && std::filesystem::exists(default_schema_path(), ec));
    if (!file && std::filesystem::exists(o.db_path, ec)) {
        try {
            return open_for_reading(o.db_path).schema;
        } catch (const DatabaseError&) { // not (yet) a Morgue database
        }
    }
    return load_schema_file(schema_file(o));
}

std::string synonyms_file(const GlobalOptions& o) {
    return optional_file(o.synonyms_path, o, "synonyms.txt");
}

std::string aliases_file(const GlobalOptions& o) {
    return optional_file(o.aliases_path, o, "topic-aliases.txt");
}

TopicAliases topic_aliases(const GlobalOptions& o) {
    std::string path = aliases_file(o);
    return path.empty() ? TopicAliases{} : load_topic_aliases(path);
}

std::vector<SiteRule> site_rules(const GlobalOptions& o) {
    std::string path = optional_file(o.site_rules_path, o, "site-rules.txt");
    return path.empty() ? std::vector<SiteRule>{} : read_site_rules(path);
}

void store_name_lists(Writer& writer, const GlobalOptions& o) {
    store_name_list(writer, synonyms_metadata_key, synonyms_file(o), "synonyms");
    // The alias file goes in too: the searcher maps "tech" to "Technology".
    store_name_list(writer, topic_aliases_metadata_key, aliases_file(o), "topic aliases");
}

Log run_log(const GlobalOptions& o, Progress& line, std::FILE* info) {
    return {[&o, info](std::string_view l) {
                if (!o.quiet) say(info, l);
            },
            [](std::string_view l) { say(stderr, l); },
            [&line](std::string_view l) { line.show(l); }};
}

} // namespace morgue
