// `morgue-indexer extract`: what Morgue reads from article pages saved as
// files, with no database and no network: the tool for writing a site rule
// (site_rules.hpp) or seeing why a page indexed oddly.
#include "commands.hpp"
#include "credits.hpp"
#include "feed_file.hpp"
#include "morgue/console.hpp"
#include "morgue/errors.hpp"
#include "morgue/json_text.hpp"
#include "morgue/text.hpp"
#include "page_extract.hpp"
#include "url.hpp"

#include <fmt/format.h>
#include <nlohmann/json.hpp>

namespace morgue {

namespace {

void print_page(const std::string& file, const PageText& page, bool json, bool pretty) {
    Credits credits = read_credits(page.byline);
    if (json) {
        nlohmann::ordered_json j = {{"file", file},
                                    {"byline", page.byline},
                                    {"columnist", credits.people},
                                    {"credit", credits.credits},
                                    {"paragraphs", page.paragraphs}};
        std::fputs(json_text(j, pretty).c_str(), stdout);
        return;
    }
    // A page's text never reaches the terminal with its control characters.
    std::string out = fmt::format("{}: {} paragraph{}", file, page.paragraphs.size(),
                                  page.paragraphs.size() == 1 ? "" : "s");
    if (!page.byline.empty()) out += fmt::format("; byline \"{}\"", strip_controls(page.byline));
    out += '\n';
    for (const auto& name : credits.people)
        out += fmt::format("    columnist: {}\n", strip_controls(name));
    for (const auto& name : credits.credits)
        out += fmt::format("    credit: {}\n", strip_controls(name));
    for (const auto& p : page.paragraphs)
        out += fmt::format("    {}\n", strip_controls(p));
    std::fputs(out.c_str(), stdout);
}

} // namespace

int run_extract(const GlobalOptions& o, const ExtractCommand& c) {
    auto rules = site_rules(o);
    const SiteRule* rule = rule_for(rules, url_parts(c.url).host);
    unsigned failed = 0;
    for (const auto& file : c.files) {
        try {
            std::string raw = read_feed_file(file, o.max_bytes);
            PageText page;
            try {
                page = extract_article(decode_page(raw, c.content_type), rule);
            } catch (const InputError& e) {
                throw InputError({.file = file}, e.reason());
            }
            print_page(file, page, c.json, o.pretty);
        } catch (const InputError& e) {
            say(stderr, e.what());
            ++failed;
        }
    }
    return failed ? exit_partial : exit_ok;
}

} // namespace morgue
