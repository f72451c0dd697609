// libFuzzer target for the feed parser: any bytes either parse into a feed or
// raise InputError; nothing else (crash, hang, sanitizer report) is allowed.
// Built by scripts/fuzz with clang; without MORGUE_FUZZ, with fuzz_replay.cpp,
// a replayer (feed_parser_replay FILE|DIR...) that runs saved inputs in ctest.
#include "feed_parser.hpp"
#include "fuzz_target.hpp"
#include "morgue/document.hpp"
#include "morgue/errors.hpp"
#include "morgue/schema.hpp"

#include <cstdint>
#include <xapian.h>

namespace {

const morgue::Schema& schema() {
    static const morgue::Schema s = morgue::load_schema_file(MORGUE_SCHEMA_PATH);
    return s;
}

void run(const std::uint8_t* data, std::size_t size) {
    try {
        morgue::FeedSource source{
            .name = "fuzz", .url = "http://example.com/feed", .received = 1700000000};
        morgue::Feed feed = morgue::parse_feed({reinterpret_cast<const char*>(data), size}, source);
        // Every entry must also make a document without throwing.
        Xapian::TermGenerator tg;
        tg.set_stemmer(Xapian::Stem("english"));
        tg.set_flags(Xapian::TermGenerator::FLAG_CJK_NGRAM);
        for (const auto& e : feed.entries)
            if (!e.article.id.empty()) morgue::build_document(schema(), e.article, tg);
    } catch (const morgue::InputError&) {
    }
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    run(data, size);
    return 0;
}
