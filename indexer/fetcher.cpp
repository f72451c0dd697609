#include "fetcher.hpp"

#include "address_policy.hpp"
#include "morgue/dates.hpp"
#include "morgue/text.hpp"
#include "url.hpp"

#include <algorithm>
#include <charconv>
#include <chrono>
#include <cstdint>
#include <curl/curl.h>
#include <deque>
#include <fmt/format.h>
#include <map>
#include <memory>
#include <set>
#include <stdexcept>

namespace morgue {

namespace {

struct Transfer {
    FetchRequest request;
    FetchResponse response;
    CURL* easy = nullptr;
    curl_slist* headers = nullptr;
    std::string url; // of the current hop
    std::set<std::string> visited;
    unsigned hops = 0;
    bool all_permanent = true; // every hop so far was 301/308
    bool too_large = false;
    bool origin_internal = false; // the listed URL's server is on an internal address
    std::string refused_address;  // a redirect's server, not connected to
    char error[CURL_ERROR_SIZE] = {};
    const FetchOptions* options = nullptr;

    ~Transfer() {
        if (easy) curl_easy_cleanup(easy);
        curl_slist_free_all(headers);
    }
};

// Counts the bytes itself: CURLOPT_MAXFILESIZE sees neither a missing
// Content-Length nor the size after decompression (a gzip bomb).
std::size_t on_body(char* data, std::size_t size, std::size_t count, void* user) {
    auto* t = static_cast<Transfer*>(user);
    std::size_t n = size * count;
    if (t->response.body.size() + n > t->options->max_bytes) {
        t->too_large = true;
        return 0; // aborts the transfer with CURLE_WRITE_ERROR
    }
    t->response.body.append(data, n);
    return n;
}

// Called once connected (or reusing a connection), before the request is
// sent: a redirect from a public server may not reach an internal one.
int on_connected(void* user, char* ip, char*, int, int) {
    auto* t = static_cast<Transfer*>(user);
    bool internal = is_internal_address(ip);
    if (t->hops == 0 && !(internal && t->request.public_only)) {
        t->origin_internal = t->response.from_internal = internal;
    } else if (internal && !t->origin_internal) {
        t->refused_address = ip;
        return CURL_PREREQFUNC_ABORT;
    }
    return CURL_PREREQFUNC_OK;
}

std::string header(CURL* easy, const char* name) {
    curl_header* h = nullptr;
    if (curl_easy_header(easy, name, 0, CURLH_HEADER, -1, &h) != CURLHE_OK || !h) return {};
    return h->value;
}

// Retry-After as an absolute time within max_retry_after of now: seconds
// (any number of digits, never overflowing) or an HTTP date; 0 when absent
// or unreadable.
std::time_t retry_after(const std::string& value, std::time_t now) {
    if (value.empty()) return 0;
    std::uint64_t seconds = 0;
    auto [p, ec] = std::from_chars(value.data(), value.data() + value.size(), seconds);
    bool digits = p == value.data() + value.size() && p != value.data();
    if (digits && (ec == std::errc() || ec == std::errc::result_out_of_range))
        return now + static_cast<std::time_t>(std::min<std::uint64_t>(
                         ec == std::errc() ? seconds : UINT64_MAX, max_retry_after));
    auto when = parse_date(value);
    if (!when) return 0;
    return std::clamp(*when, now, now + max_retry_after);
}

// Everything a server said that is stored or printed, as one clean line.
void strip_server_text(FetchResponse& r) {
    for (std::string* s : {&r.final_url, &r.permanent_url, &r.content_type, &r.etag,
                           &r.last_modified, &r.error, &r.content_language})
        *s = one_line(*s);
}

void set_options(Transfer& t) {
    const FetchOptions& o = *t.options;
    CURL* e = t.easy;
    curl_easy_setopt(e, CURLOPT_URL, t.url.c_str());
    curl_easy_setopt(e, CURLOPT_PRIVATE, &t);
    curl_easy_setopt(e, CURLOPT_PROTOCOLS_STR, "http,https");
    curl_easy_setopt(e, CURLOPT_FOLLOWLOCATION, 0L);  // by hand: see handle_redirect()
    curl_easy_setopt(e, CURLOPT_ACCEPT_ENCODING, ""); // every encoding libcurl can decode
    curl_easy_setopt(e, CURLOPT_HTTP_VERSION, static_cast<long>(CURL_HTTP_VERSION_2TLS));
    curl_easy_setopt(e, CURLOPT_USERAGENT, o.user_agent.c_str());
    curl_easy_setopt(e, CURLOPT_CONNECTTIMEOUT, o.connect_timeout);
    curl_easy_setopt(e, CURLOPT_TIMEOUT, o.timeout);
    curl_easy_setopt(e, CURLOPT_LOW_SPEED_LIMIT, o.low_speed_limit);
    curl_easy_setopt(e, CURLOPT_LOW_SPEED_TIME, o.low_speed_time);
    curl_easy_setopt(e, CURLOPT_MAXFILESIZE_LARGE, static_cast<curl_off_t>(o.max_bytes));
    curl_easy_setopt(e, CURLOPT_NOSIGNAL, 1L);
    curl_easy_setopt(e, CURLOPT_WRITEFUNCTION, on_body);
    curl_easy_setopt(e, CURLOPT_WRITEDATA, &t);
    curl_easy_setopt(e, CURLOPT_ERRORBUFFER, t.error);
    curl_easy_setopt(e, CURLOPT_HTTPHEADER, t.headers);
    curl_easy_setopt(e, CURLOPT_PREREQFUNCTION, on_connected);
    curl_easy_setopt(e, CURLOPT_PREREQDATA, &t);
}

// A redirect's hop starts on a fresh handle: nothing of the last hop's
// (credentials taken from its URL) can go on to the next host.
void renew_handle(Transfer& t) {
    curl_easy_cleanup(t.easy);
    t.easy = curl_easy_init();
    if (!t.easy) throw std::runtime_error("curl_easy_init failed");
    set_options(t);
}

std::unique_ptr<Transfer> start(const FetchRequest& r, const FetchOptions& o) {
    auto t = std::make_unique<Transfer>();
    t->request = r;
    t->response.id = r.id;
    t->url = r.url;
    t->visited.insert(r.url);
    t->options = &o;
    t->easy = curl_easy_init();
    if (!t->easy) throw std::runtime_error("curl_easy_init failed");
    if (!r.etag.empty())
        t->headers = curl_slist_append(t->headers, ("If-None-Match: " + r.etag).c_str());
    if (!r.last_modified.empty())
        t->headers =
            curl_slist_append(t->headers, ("If-Modified-Since: " + r.last_modified).c_str());
    set_options(*t);
    return t;
}

// A 3xx with a Location: check it and point the transfer at it.  Returns
// false (with response.error set) when the redirect must not be followed.
bool handle_redirect(Transfer& t, long status) {
    char* location = nullptr;
    curl_easy_getinfo(t.easy, CURLINFO_REDIRECT_URL, &location);
    if (!location) return false;
    std::string next = location;
    FetchResponse& r = t.response;
    if (!is_web_url(next)) {
        r.error = fmt::format("redirect to {} refused: only http and https are fetched", next);
        return false;
    }
    if (++t.hops > t.options->max_redirects) {
        r.error = fmt::format("too many redirects (more than {})", t.options->max_redirects);
        return false;
    }
    if (!t.visited.insert(next).second) {
        r.error = fmt::format("redirect loop at {}", next);
        return false;
    }
    t.all_permanent = t.all_permanent && (status == 301 || status == 308);
    if (t.all_permanent) r.permanent_url = next;
    t.url = redirect_url(t.url, next);
    r.body.clear();
    return true;
}

// Fills the response from a finished hop; true when another hop follows.
bool finish_hop(Transfer& t, CURLcode code) {
    FetchResponse& r = t.response;
    r.final_url = t.url;
    if (code != CURLE_OK) {
        if (!t.refused_address.empty() && t.hops == 0)
            r.error = fmt::format("{} refused: a page linked from a feed on a public address is "
                                  "on the internal address {}",
                                  t.url, t.refused_address);
        else if (!t.refused_address.empty())
            r.error = fmt::format("redirect to {} refused: it leads from a public address to the "
                                  "internal address {}",
                                  t.url, t.refused_address);
        else if (t.too_large || code == CURLE_FILESIZE_EXCEEDED)
            r.error =
                fmt::format("response larger than {} bytes (--max-size)", t.options->max_bytes);
        else
            r.error = *t.error ? fmt::format("{} ({})", curl_easy_strerror(code), t.error)
                               : curl_easy_strerror(code);
        return false;
    }
    curl_easy_getinfo(t.easy, CURLINFO_RESPONSE_CODE, &r.status);
    if (r.status >= 300 && r.status < 400 && r.status != 304) {
        if (handle_redirect(t, r.status)) return true;
        if (r.error.empty()) r.error = fmt::format("HTTP {} without a Location", r.status);
        return false;
    }
    char* type = nullptr;
    curl_easy_getinfo(t.easy, CURLINFO_CONTENT_TYPE, &type);
    r.content_type = type ? type : "";
    r.etag = header(t.easy, "ETag");
    r.last_modified = header(t.easy, "Last-Modified");
    r.content_language = header(t.easy, "Content-Language");
    r.retry_after = retry_after(header(t.easy, "Retry-After"), std::time(nullptr));
    if (!t.all_permanent || t.hops == 0) r.permanent_url.clear();
    return false;
}

// When each host may be asked again: a request with a host delay starts
// that long after the last one to its host started.
class HostPacer {
  public:
    bool due(const FetchRequest& r) {
        if (r.host_delay <= 0) return true;
        auto now = Clock::now();
        std::string host = url_parts(r.url).host;
        auto it = next_.find(host);
        if (it != next_.end() && it->second > now) {
            soonest_ = std::min(soonest_, it->second);
            return false;
        }
        next_[host] = now + std::chrono::duration_cast<Clock::duration>(
                                std::chrono::duration<double>(r.host_delay));
        return true;
    }
    // How long to wait at most, in ms: until the soonest host is due.
    int wait_ms(int at_most) {
        auto now = Clock::now();
        int ms = at_most;
        if (soonest_ != Clock::time_point::max()) {
            auto left = std::chrono::duration_cast<std::chrono::milliseconds>(soonest_ - now);
            ms = static_cast<int>(std::clamp<long long>(left.count() + 1, 0, at_most));
        }
        soonest_ = Clock::time_point::max();
        return ms;
    }

  private:
    using Clock = std::chrono::steady_clock;
    std::map<std::string, Clock::time_point> next_;
    Clock::time_point soonest_ = Clock::time_point::max();
};

struct Multi {
    CURLM* handle = curl_multi_init();
    ~Multi() { curl_multi_cleanup(handle); }
};

} // namespace

void fetch_all(const std::vector<FetchRequest>& requests, const FetchOptions& options,
               const std::function<void(FetchResponse&&)>& done,
               const std::function<bool(const FetchRequest&)>& wanted) {
    static const bool initialised = curl_global_init(CURL_GLOBAL_DEFAULT) == CURLE_OK;
    if (!initialised) throw std::runtime_error("libcurl failed to initialise");
    Multi multi;
    curl_multi_setopt(multi.handle, CURLMOPT_MAX_HOST_CONNECTIONS,
                      static_cast<long>(options.per_host));
    curl_multi_setopt(multi.handle, CURLMOPT_PIPELINING, CURLPIPE_MULTIPLEX);

    std::deque<const FetchRequest*> waiting;
    for (const auto& r : requests)
        waiting.push_back(&r);
    std::vector<std::unique_ptr<Transfer>> running;
    HostPacer pacer;
    // At most `jobs` transfers are added at once, so that timeouts run from
    // when a transfer starts, not from when it was queued; a request whose
    // host is not due yet waits while later ones go ahead.
    auto top_up = [&] {
        for (auto it = waiting.begin();
             it != waiting.end() && running.size() < std::max(1u, options.jobs);) {
            const FetchRequest& r = **it;
            if (wanted && !wanted(r)) {
                it = waiting.erase(it);
            } else if (pacer.due(r)) {
                running.push_back(start(r, options));
                it = waiting.erase(it);
                curl_multi_add_handle(multi.handle, running.back()->easy);
            } else {
                ++it;
            }
        }
    };
    top_up();
    while (!running.empty() || !waiting.empty()) {
        int still = 0;
        curl_multi_perform(multi.handle, &still);
        int left = 0;
        while (CURLMsg* msg = curl_multi_info_read(multi.handle, &left)) {
            if (msg->msg != CURLMSG_DONE) continue;
            Transfer* t = nullptr;
            curl_easy_getinfo(msg->easy_handle, CURLINFO_PRIVATE, &t);
            CURLcode code = msg->data.result;
            curl_multi_remove_handle(multi.handle, t->easy);
            if (finish_hop(*t, code)) {
                renew_handle(*t);
                curl_multi_add_handle(multi.handle, t->easy);
                continue;
            }
            FetchResponse response = std::move(t->response);
            strip_server_text(response);
            std::erase_if(running, [&](const auto& p) { return p.get() == t; });
            // The others run on meanwhile; the next starts after `done`, so
            // that a Retry-After it has just heard holds its host's requests.
            done(std::move(response));
            top_up();
        }
        if (running.empty() && waiting.empty()) break;
        // With nothing running, this waits for the next host to be due.
        curl_multi_poll(multi.handle, nullptr, 0, pacer.wait_ms(1000), nullptr);
        top_up();
    }
}

} // namespace morgue
