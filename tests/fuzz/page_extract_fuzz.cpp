// libFuzzer target for article pages (fetch --full-text): any bytes, read as
// a page (charset sniffed, decoded), give paragraphs in the shape
// PageText promises (each non-empty, trimmed, spaces collapsed, no line
// break, valid UTF-8) and a byline that reads as a credit line, with the
// heuristic and with a site rule, in time linear enough that libFuzzer's
// -timeout never fires.
#include "credits.hpp"
#include "fuzz_checks.hpp"
#include "morgue/errors.hpp"
#include "morgue/text.hpp"
#include "page_extract.hpp"
#include "site_rules.hpp"

#include <string>

namespace {

void check_line(const std::string& line, std::string_view input) {
    if (line.empty()) morgue::fuzz::fail("empty paragraph", input);
    if (line.front() == ' ' || line.back() == ' ') morgue::fuzz::fail("untrimmed paragraph", input);
    if (line.find("  ") != std::string::npos) morgue::fuzz::fail("spaces not collapsed", input);
    if (line.find('\n') != std::string::npos) morgue::fuzz::fail("a line break inside", input);
    std::string copy = line;
    if (morgue::repair_utf8(copy) != 0) morgue::fuzz::fail("invalid UTF-8 out", input);
}

void check(const morgue::PageText& page, std::string_view input) {
    for (const auto& p : page.paragraphs)
        check_line(p, input);
    morgue::read_credits(page.byline);
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    std::string_view input(reinterpret_cast<const char*>(data), size);
    static const auto rules = morgue::parse_site_rules(
        "x.example body //article | //div[@class='body']\nx.example byline //*[@rel='author']\n"
        "x.example drop //aside\n",
        "fuzz");
    std::string html = morgue::decode_page(input, "");
    try {
        check(morgue::extract_article(html), input);
        check(morgue::extract_article(html, &rules[0]), input);
    } catch (const morgue::InputError&) { // a page too deep: refused, as promised
    }
    return 0;
}
