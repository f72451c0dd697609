#include "cgi_config.hpp"

#include "morgue/errors.hpp"
#include "morgue/install_paths.hpp"
#include "morgue/name_groups.hpp"
#include "morgue/text.hpp"

#include <charconv>
#include <cstdlib>
#include <filesystem>
#include <fmt/format.h>

namespace morgue {

namespace {

template <typename T>
T number(const std::string& text, const std::string& where) {
    T n{};
    auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), n);
    if (ec != std::errc() || end != text.data() + text.size() || n < 0)
        throw DatabaseError(fmt::format("{}: not a number: \"{}\"", where, text));
    return n;
}

std::string config_path() {
    if (std::string p = env_var("MORGUE_CONFIG"); !p.empty()) return p;
    if (std::string script = env_var("SCRIPT_FILENAME"); !script.empty()) {
        auto beside = std::filesystem::path(script).parent_path() / "morgue.conf";
        if (std::filesystem::exists(beside)) return beside;
    }
    return config_dir() + "/morgue.conf";
}

} // namespace

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
        std::string where = fmt::format("{}:{}", source, line_no);
        std::size_t eq = line.find('=');
        if (eq == std::string::npos)
            throw DatabaseError(fmt::format("{}: expected key = value", where));
        std::string key = collapse_spaces(line.substr(0, eq));
        std::string value = collapse_spaces(line.substr(eq + 1));
        if (key == "db")
            c.db = value;
        else if (key == "templates")
            c.templates = value;
        else if (key == "title")
            c.title = value;
        else if (key == "base_url")
            c.base_url = value;
        else if (key == "cache_seconds")
            c.cache_seconds = number<unsigned>(value, where);
        else if (key == "time_limit")
            c.time_limit = number<double>(value, where);
        else
            throw DatabaseError(fmt::format("{}: unknown key \"{}\"", where, key));
    }
    return c;
}

std::string env_var(const char* name) {
    const char* v = std::getenv(name);
    return v ? v : "";
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
        throw DatabaseError(fmt::format("no database: set MORGUE_DB or db = in {}", path));
    return c;
}

} // namespace morgue
