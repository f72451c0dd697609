#include "cgi.hpp"

#include "cgi_config.hpp"
#include "cgi_page.hpp"
#include "cgi_request.hpp"
#include "facets.hpp"
#include "morgue/document.hpp"
#include "morgue/errors.hpp"
#include "morgue/text.hpp"
#include "output.hpp"
#include "stored_copy.hpp"

#include <cmath>
#include <csignal>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <fmt/format.h>
#include <nlohmann/json.hpp>
#include <optional>
#include <sys/time.h>
#include <unistd.h>

#ifndef MORGUE_VERSION
#define MORGUE_VERSION "unknown"
#endif

namespace morgue {

namespace {

constexpr const char* prog = "morgue.cgi";

struct Response {
    int status = 200;
    std::string type = "text/html; charset=utf-8";
    std::string body;
    std::vector<std::pair<std::string, std::string>> headers = {};
};

const char* reason(int status) {
    switch (status) {
    case 200:
        return "OK";
    case 304:
        return "Not Modified";
    case 400:
        return "Bad Request";
    case 404:
        return "Not Found";
    case 405:
        return "Method Not Allowed";
    case 414:
        return "URI Too Long";
    case 503:
        return "Service Unavailable";
    default:
        return "Error";
    }
}

std::string head_of(const Response& r) {
    std::string out = fmt::format("Status: {} {}\r\n", r.status, reason(r.status));
    if (r.status != 304)
        out += fmt::format("Content-Type: {}\r\nContent-Length: {}\r\n", r.type, r.body.size());
    out += "X-Content-Type-Options: nosniff\r\nReferrer-Policy: same-origin\r\n";
    if (r.type.starts_with("text/html"))
        out += "Content-Security-Policy: default-src 'none'; style-src 'unsafe-inline'; "
               "form-action 'self'; base-uri 'none'; frame-ancestors 'none'\r\n";
    for (const auto& [name, value] : r.headers)
        out += name + ": " + value + "\r\n";
    return out + "\r\n";
}

// The watchdog timer (SIGALRM); 0 stops it.
void set_timer(double seconds) {
    itimerval t{};
    t.it_value.tv_sec = static_cast<time_t>(seconds);
    t.it_value.tv_usec = static_cast<suseconds_t>((seconds - std::floor(seconds)) * 1e6);
    setitimer(ITIMER_REAL, &t, nullptr);
}

std::string text_of(const Response& r, bool head_only) {
    std::string out = head_of(r);
    if (!head_only && r.status != 304) out += r.body;
    return out;
}

void send(const std::string& out) {
    set_timer(0); // from here on the response is ours to finish
    std::fwrite(out.data(), 1, out.size(), stdout);
    std::fflush(stdout);
}

Response plain(int status, const std::string& message) {
    return {status, "text/plain; charset=utf-8", message + "\n", {{"Cache-Control", "no-store"}}};
}

Response unavailable() {
    return {503,
            "text/html; charset=utf-8",
            unavailable_html(),
            {{"Cache-Control", "no-store"}, {"Retry-After", "60"}}};
}

// A query that outlives the time limit gets a 503 from the signal handler:
// prepared beforehand, because a handler may only write(2) and _exit(2).
std::string timeout_response;

extern "C" void on_timeout(int) {
    [[maybe_unused]] auto n =
        write(STDOUT_FILENO, timeout_response.data(), timeout_response.size());
    _exit(0);
}

std::string too_long() {
    Response r = plain(503, "the search took too long; try fewer words or a narrower date range");
    r.headers.emplace_back("Retry-After", "10");
    return head_of(r) + r.body;
}

void start_watchdog(double seconds) {
    timeout_response = too_long();
    std::signal(SIGALRM, on_timeout);
    set_timer(std::max(seconds, 1e-6));
}

std::string script_url(const CgiConfig& config) {
    if (!config.base_url.empty()) return config.base_url;
    // The Host header is the client's word: use it only when it looks like a host.
    std::string host = env_var("HTTP_HOST");
    if (host.empty() ||
        host.find_first_not_of("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ"
                               "0123456789.-:[]") != std::string::npos) {
        host = env_var("SERVER_NAME");
        if (std::string port = env_var("SERVER_PORT");
            !port.empty() && port != "80" && port != "443")
            host += ":" + port;
    }
    bool https = ascii_lower(env_var("HTTPS")) == "on";
    return (https ? "https://" : "http://") + host + env_var("SCRIPT_NAME");
}

std::string json_error(const std::string& message) {
    return nlohmann::json{{"error", message}}.dump(2) + "\n";
}

Response error_response(const PageContext& c, int status, const std::string& message) {
    switch (c.request.format) {
    case Format::html:
        return {status,
                "text/html; charset=utf-8",
                render_error_html(c, message),
                {{"Cache-Control", "no-store"}}};
    case Format::json:
        return {status, "application/json", json_error(message), {{"Cache-Control", "no-store"}}};
    default:
        return plain(status, message);
    }
}

Response bad_request(const PageContext& c, const std::string& message) {
    return error_response(c, 400, message);
}

// An article's id names none in the archive (a mistyped or stale link).
Response no_article(const PageContext& c, const std::string& id) {
    return error_response(c, 404, fmt::format("no article in the archive has the id \"{}\"", id));
}

// The archive's own copy of an article (?doc=ID): HTML or JSON.
Response copy_response(const PageContext& c, const ReadDatabase& db) {
    std::optional<StoredCopy> copy = stored_copy(db, c.request.doc, c.request.search.query);
    if (!copy) return no_article(c, c.request.doc);
    if (c.request.format == Format::json) return {200, "application/json", format_copy_json(*copy)};
    return {200, "text/html; charset=utf-8", render_copy_html(c, *copy)};
}

Response search_response(const PageContext& c, ReadDatabase& db, ResidentMemory* resident) {
    SearchRequest s = c.request.search;
    s.resident = resident;
    std::optional<Article> like; // ?similar=ID: the article the results are like
    if (!c.request.similar.empty()) {
        s.similar = find_article(db, c.request.similar);
        if (!s.similar) return no_article(c, c.request.similar);
        like = read_stored(db.db.get_document(s.similar));
    }
    s.time_limit = c.config.time_limit / 2;
    // A database made before a field (language) existed neither counts nor
    // filters by it: the page asks for what this archive has.
    std::vector<std::string> has = facet_fields(db.schema);
    auto lacks = [&](const std::string& field) {
        return std::find(has.begin(), has.end(), field) == has.end();
    };
    std::erase_if(s.facets, lacks);
    std::erase_if(s.filters, [&](const auto& f) { return lacks(f.first); });
    SearchResult r;
    try {
        r = search(db, s, c.request.format == Format::html ? page_highlight : Highlight{});
    } catch (const UsageError& e) {
        return bad_request(c, e.what());
    }
    // The reader is told the results are partial; the operator, which shard.
    for (const std::string& shard : r.missing_shards)
        std::fprintf(stderr, "%s: shard %s is left out of this search\n", prog, shard.c_str());
    switch (c.request.format) {
    case Format::json:
        return {200, "application/json", format_json(r)};
    case Format::atom: {
        Params feed = c.params, page;
        for (const auto& p : c.params)
            if (p.first != "format") page.push_back(p);
        AtomLinks links{link_to(c.script_url, feed), link_to(c.script_url, page)};
        return {200, "application/atom+xml; charset=utf-8",
                format_atom(r, std::string("Morgue ") + MORGUE_VERSION, links)};
    }
    default:
        return {200, "text/html; charset=utf-8", render_html(c, r, like ? &*like : nullptr)};
    }
}

Response respond(const CgiConfig& config, const Params& params, const OpenArchive& archive,
                 ResidentMemory* resident) {
    PageRequest request;
    PageContext c{config, script_url(config), env_var("SCRIPT_NAME"), params, request};
    try {
        request = page_request(params);
    } catch (const HttpError& e) {
        return bad_request(c, e.what()); // rendered as HTML: the format may be the bad part
    }
    Response r;
    if (request.format == Format::opensearch) {
        r = {200, "application/opensearchdescription+xml; charset=utf-8", render_opensearch(c)};
    } else {
        ReadDatabase& db = archive();
        // One representation per URL, database revision and program version
        // (none when the revision is unknown: a remote shard).
        std::string revision = revision_key(db);
        std::string etag =
            revision.empty()
                ? std::string()
                : fmt::format("\"{}\"", hash_hex(fmt::format("{}:{}:{}", revision, MORGUE_VERSION,
                                                             env_var("QUERY_STRING"))));
        if (!etag.empty() && env_var("HTTP_IF_NONE_MATCH").find(etag) != std::string::npos) {
            r.status = 304;
        } else {
            // A topic named by an alias is shown, linked and marked as the
            // topic it is filed under (a language by its code, likewise).
            Params canonical = params;
            for (auto& [name, value] : canonical)
                value = canonical_value(db, name, value);
            PageRequest filed = page_request(canonical);
            PageContext page{config, c.script_url, c.script_path, canonical, filed};
            r = filed.doc.empty() ? search_response(page, db, resident) : copy_response(page, db);
        }
        if (!etag.empty()) r.headers.emplace_back("ETag", etag);
    }
    if (r.status == 200 || r.status == 304)
        r.headers.emplace_back("Cache-Control", fmt::format("max-age={}", config.cache_seconds));
    return r;
}

} // namespace

std::string cgi_answer(const CgiConfig* config, const OpenArchive& archive,
                       ResidentMemory* resident) {
    std::string method = env_var("REQUEST_METHOD");
    bool head = method == "HEAD";
    if (method != "GET" && !head) {
        Response r = plain(405, "only GET and HEAD are allowed");
        r.headers.emplace_back("Allow", "GET, HEAD");
        return text_of(r, false);
    }
    if (!config) return text_of(unavailable(), head);
    try {
        Params params;
        try {
            params = parse_query_string(env_var("QUERY_STRING"));
        } catch (const HttpError& e) {
            return text_of(plain(e.status, e.what()), head);
        }
        return text_of(respond(*config, params, archive, resident), head);
    } catch (const std::exception& e) {
        // The reader gets no internals; the operator gets the detail.
        std::fprintf(stderr, "%s: %s\n", prog, e.what());
        return text_of(unavailable(), head);
    }
}

std::string cgi_too_long() {
    return too_long();
}

int run_cgi() {
    std::optional<CgiConfig> config;
    try {
        config = load_cgi_config();
        start_watchdog(config->time_limit);
    } catch (const std::exception& e) {
        std::fprintf(stderr, "%s: %s\n", prog, e.what());
    }
    std::optional<ReadDatabase> db; // one request: opened for it
    send(cgi_answer(config ? &*config : nullptr, [&]() -> ReadDatabase& {
        if (!db)
            db = open_for_reading(config->db,
                                  config->all_shards ? MissingShards::fail : MissingShards::skip,
                                  shard_timeout_ms(*config));
        return *db;
    }));
    return 0;
}

} // namespace morgue
