#include "cgi_config.hpp"

#include "morgue/errors.hpp"
#include "morgue/install_paths.hpp"
#include "morgue/name_groups.hpp"
#include "morgue/shards.hpp"
#include "morgue/text.hpp"

#include <algorithm>
#include <charconv>
#include <cstdlib>
#include <filesystem>
#include <fmt/format.h>

namespace morgue {

namespace {

template <typename T>
T number(const std::string& text, const Subject& where) {
    T n{};
    auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), n);
    if (ec != std::errc() || end != text.data() + text.size() || n < 0)
        throw ConfigError(where, fmt::format("not a number: \"{}\"", text));
    return n;
}

// The keys of the file, with what --help-config (and morgue.conf(5)) says of them.
struct Key {
    const char* name;
    const char* help;
    void (*set)(CgiConfig&, const std::string& value, const Subject& where);
};
const Key keys[] = {
    {"db", "the database directory (required here or as MORGUE_DB)",
     [](CgiConfig& c, const std::string& v, const Subject&) { c.db = v; }},
    {"templates", "the directory of the page's templates (default: the installed ones)",
     [](CgiConfig& c, const std::string& v, const Subject&) { c.templates = v; }},
    {"title", "the page's name, in titles and OpenSearch (default: Morgue)",
     [](CgiConfig& c, const std::string& v, const Subject&) { c.title = v; }},
    {"base_url",
     "the script's absolute URL, for Atom and OpenSearch links (default: from the request)",
     [](CgiConfig& c, const std::string& v, const Subject&) { c.base_url = v; }},
    {"cache_seconds", "Cache-Control max-age of an answer (default: 60)",
     [](CgiConfig& c, const std::string& v, const Subject& where) {
         c.cache_seconds = number<unsigned>(v, where);
     }},
    {"time_limit", "seconds a request may take before it gets a 503 (default: 10)",
     [](CgiConfig& c, const std::string& v, const Subject& where) {
         c.time_limit = number<double>(v, where);
     }},
    {"stuck_limit",
     "FastCGI: seconds a request may run before a watchdog answers it 503 and the process is "
     "replaced, for a request stuck where time_limit cannot stop it, such as a hung disk "
     "(default: twice time_limit, and at least time_limit + 5)",
     [](CgiConfig& c, const std::string& v, const Subject& where) {
         c.stuck_limit = number<double>(v, where);
     }},
    {"missing_shards",
     "partial: a shard that cannot be reached is left out, and the page says so; error: the "
     "page is an error instead (default: partial)",
     [](CgiConfig& c, const std::string& v, const Subject& where) {
         if (v != "partial" && v != "error")
             throw ConfigError(where, fmt::format("missing_shards: \"{}\" is neither partial nor "
                                                  "error",
                                                  v));
         c.all_shards = v == "error";
     }},
};

std::string config_path() {
    if (std::string p = env_var("MORGUE_CONFIG"); !p.empty()) return p;
    if (std::string script = env_var("SCRIPT_FILENAME"); !script.empty()) {
        auto beside = std::filesystem::path(script).parent_path() / "morgue.conf";
        if (std::filesystem::exists(beside)) return beside;
    }
    return config_dir() + "/morgue.conf";
}

} // namespace

unsigned shard_timeout_ms(const CgiConfig& c) {
    return remote_timeout_for(c.time_limit / 2); // the search's share of the time limit
}

CgiConfig parse_cgi_config(std::string_view text, const std::string& source, CgiConfig c) {
    int line_no = 0;
    std::size_t start = 0;
    while (start < text.size()) {
        std::size_t end = std::min(text.find('\n', start), text.size());
        std::string line(text.substr(start, end - start));
        start = end + 1;
        ++line_no;
        line = collapse_spaces(line.substr(0, line.find('#')));
        if (line.empty()) continue;
        Subject where{source, static_cast<unsigned>(line_no)};
        std::size_t eq = line.find('=');
        if (eq == std::string::npos) throw ConfigError(where, "expected key = value");
        std::string key = collapse_spaces(line.substr(0, eq));
        std::string value = collapse_spaces(line.substr(eq + 1));
        auto known = std::find_if(std::begin(keys), std::end(keys),
                                  [&](const Key& k) { return key == k.name; });
        if (known == std::end(keys))
            throw ConfigError(where, fmt::format("unknown key \"{}\"", key));
        known->set(c, value, where);
    }
    return c;
}

std::string env_var(const char* name) {
    const char* v = std::getenv(name);
    return v ? v : "";
}

std::string cgi_config_help() {
    std::string out = "The search page's configuration: the file named by MORGUE_CONFIG, else\n"
                      "morgue.conf beside the CGI script, else morgue.conf in the configuration\n"
                      "directory (/etc/morgue; PREFIX/etc/morgue for another install prefix);\n"
                      "it may be absent.  Lines are \"key = value\"; '#' starts a comment.  The\n"
                      "environment wins over the file: MORGUE_DB for db, MORGUE_TEMPLATES for\n"
                      "templates.  An unknown key or a bad number is an error naming file:line\n"
                      "(the page answers 503).\n\nKeys:\n";
    for (const Key& k : keys)
        out += fmt::format("  {:<15}{}\n", k.name, k.help);
    return out;
}

CgiConfig load_cgi_config() {
    CgiConfig c;
    c.templates = data_dir() + "/templates";
    std::string path = config_path();
    if (std::filesystem::exists(path))
        c = parse_cgi_config(read_text_file(path, "config"), path, c);
    if (std::string db = env_var("MORGUE_DB"); !db.empty()) c.db = db;
    if (std::string t = env_var("MORGUE_TEMPLATES"); !t.empty()) c.templates = t;
    if (c.db.empty())
        throw ConfigError(fmt::format("no database: set MORGUE_DB or db = in {}", path));
    return c;
}

} // namespace morgue
