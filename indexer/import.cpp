#include "import.hpp"

#include "feed_parser.hpp"
#include "morgue/errors.hpp"

#include <cerrno>
#include <cstring>
#include <fmt/format.h>
#include <fstream>

namespace morgue {

namespace {

std::string read_file(const std::string& path) {
    std::ifstream in(path, std::ios::binary);
    if (!in) throw InputError(fmt::format("{}: cannot read: {}", path, std::strerror(errno)));
    std::string data;
    char buffer[1 << 16];
    while (in.read(buffer, sizeof buffer) || in.gcount() > 0) {
        data.append(buffer, in.gcount());
        if (data.size() > max_feed_bytes)
            throw InputError(
                fmt::format("{}: larger than {} MiB; not a feed?", path, max_feed_bytes >> 20));
    }
    if (in.bad()) throw InputError(fmt::format("{}: read error: {}", path, std::strerror(errno)));
    return data;
}

void import_one(Writer& writer, const std::string& path, ImportStats& total, const Log& log) {
    Feed feed = parse_feed(read_file(path), {path, "", std::time(nullptr)});
    for (const auto& w : feed.warnings)
        log.problem(fmt::format("{}: warning: {}", path, w));
    ImportStats s;
    for (std::size_t i = 0; i < feed.entries.size(); ++i) {
        auto& entry = feed.entries[i];
        for (const auto& w : entry.warnings)
            log.problem(fmt::format("{}: item {}: warning: {}", path, i + 1, w));
        switch (writer.upsert(std::move(entry.article))) {
        case Writer::Outcome::added:
            ++s.added;
            break;
        case Writer::Outcome::updated:
            ++s.updated;
            break;
        case Writer::Outcome::unchanged:
            ++s.unchanged;
            break;
        }
    }
    log.info(fmt::format("{}: {} article{}: {} new, {} updated, {} unchanged", path,
                         feed.entries.size(), feed.entries.size() == 1 ? "" : "s", s.added,
                         s.updated, s.unchanged));
    total.added += s.added;
    total.updated += s.updated;
    total.unchanged += s.unchanged;
}

} // namespace

ImportStats import_files(Writer& writer, const std::vector<std::string>& files, const Log& log) {
    ImportStats stats;
    for (const auto& path : files) {
        try {
            import_one(writer, path, stats, log);
            ++stats.files_ok;
        } catch (const InputError& e) {
            log.problem(e.what());
            ++stats.files_failed;
        }
    }
    return stats;
}

} // namespace morgue
