#include "fuzz_archive.hpp"

#include "fuzz_target.hpp"
#include "import.hpp"
#include "morgue/schema.hpp"

#include <cstdlib>
#include <filesystem>
#include <string>
#include <vector>

namespace morgue::fuzz {

namespace {

std::filesystem::path& directory() {
    static std::filesystem::path dir;
    return dir;
}

void remove_directory() {
    std::error_code ignored;
    std::filesystem::remove_all(directory(), ignored);
}

ReadDatabase build() {
    std::string tmpl = (std::filesystem::temp_directory_path() / "morgue-fuzz-XXXXXX").string();
    if (!mkdtemp(tmpl.data())) fail("cannot make a temporary directory", tmpl);
    directory() = tmpl;
    std::atexit(remove_directory);
    std::vector<std::string> feeds;
    for (const auto& e : std::filesystem::directory_iterator(MORGUE_SOURCE_DIR "/tests/data"))
        if (e.path().extension() == ".rss" || e.path().extension() == ".atom")
            feeds.push_back(e.path().string());
    std::string db = (directory() / "db").string();
    Writer writer(db, load_schema_file(MORGUE_SCHEMA_PATH));
    Log quiet{[](std::string_view) {}, [](std::string_view) {}};
    ImportStats stats = import_files(writer, feeds, {}, quiet);
    if (stats.articles.total() == 0) fail("the fuzz archive is empty", MORGUE_SOURCE_DIR);
    writer.commit();
    return open_for_reading(db);
}

} // namespace

ReadDatabase& archive() {
    static ReadDatabase db = build();
    return db;
}

} // namespace morgue::fuzz
