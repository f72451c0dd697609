// libFuzzer target for the CGI page's request handling: any query string is
// either refused with an HttpError (a 4xx) or parsed into a search whose page,
// in the format it asks for, is well-formed and carries no script: JSON that
// parses, Atom that is XML, HTML without <script>, handlers or javascript:.
#include "cgi_config.hpp"
#include "cgi_page.hpp"
#include "cgi_request.hpp"
#include "fuzz_archive.hpp"
#include "fuzz_checks.hpp"
#include "morgue/errors.hpp"
#include "output.hpp"

namespace {

const morgue::CgiConfig& config() {
    static const morgue::CgiConfig c = [] {
        morgue::CgiConfig config;
        config.templates = MORGUE_TEMPLATE_DIR;
        return config;
    }();
    return c;
}

void render(const morgue::Params& params, const morgue::PageRequest& request) {
    morgue::PageContext c{config(), "http://example.com/morgue.cgi", "/morgue.cgi", params,
                          request};
    if (request.format == morgue::Format::opensearch) {
        morgue::fuzz::check_html(morgue::render_opensearch(c));
        return;
    }
    morgue::SearchRequest s = request.search;
    s.time_limit = 5;
    morgue::SearchResult r;
    try {
        r = morgue::search(morgue::fuzz::archive(), s, morgue::page_highlight);
    } catch (const morgue::UsageError& e) {
        morgue::fuzz::check_html(morgue::render_error_html(c, e.what()));
        return;
    }
    switch (request.format) {
    case morgue::Format::json:
        morgue::fuzz::check_json(morgue::format_json(r));
        break;
    case morgue::Format::atom:
        morgue::fuzz::check_atom(
            morgue::format_atom(r, "Morgue fuzz", {"http://x/?a", "http://x/"}));
        break;
    default:
        morgue::fuzz::check_html(morgue::render_html(c, r));
    }
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    morgue::Params params;
    morgue::PageRequest request;
    try {
        params = morgue::parse_query_string({reinterpret_cast<const char*>(data), size});
        request = morgue::page_request(params);
    } catch (const morgue::HttpError& e) {
        if (e.status < 400 || e.status > 499) morgue::fuzz::fail("not a 4xx", e.what());
        return 0;
    }
    // Links on the page are built back from the parameters: they must round-trip.
    if (morgue::parse_query_string(morgue::encode_query_string(params)) != params)
        morgue::fuzz::fail("encode_query_string does not round-trip",
                           {reinterpret_cast<const char*>(data), size});
    render(params, request);
    return 0;
}
