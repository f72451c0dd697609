#include "fastcgi.hpp"

#include "cgi.hpp"
#include "cgi_config.hpp"
#include "morgue/database.hpp"
#include "morgue/shards.hpp"
#include "request_watchdog.hpp"
#include "resident_memory.hpp"

#include <algorithm>
#include <cerrno>
#include <chrono>
#include <csignal>
#include <cstdint>
#include <cstdio>
#include <cstring>
#include <fcgiapp.h>
#include <optional>
#include <sys/socket.h>
#include <sys/stat.h>
#include <vector>

extern char** environ;

namespace morgue {

namespace {

constexpr const char* prog = "morgue.fcgi";

// A file as the kernel knows it: another file under the same name, or the
// same one rewritten, is another FileId.
struct FileId {
    dev_t device = 0;
    ino_t inode = 0;
    std::int64_t mtime_ns = 0;
    bool operator==(const FileId&) const = default;
};

// A directory's modification time is left out: a commit may add files to
// it (changesets), which reopen() handles without opening afresh.
FileId file_id(const std::string& path) {
    struct stat st {};
    if (stat(path.c_str(), &st) != 0) return {};
    if (S_ISDIR(st.st_mode)) return {st.st_dev, st.st_ino, 0};
    return {st.st_dev, st.st_ino, st.st_mtim.tv_sec * 1000000000LL + st.st_mtim.tv_nsec};
}

// What tells that `path` is another archive than the one open: its directory
// (a generation switch exchanges it), and the stub files Xapian reads it
// through, its own and each local shard's: xapian-replicate rewrites a
// replica's stub to point at a fresh full copy (after the master's compact or
// rebuild), which the open database's reopen() would never see.
std::vector<FileId> identity_of(const std::string& path, const std::vector<ShardSpec>& layout) {
    std::vector<FileId> out{file_id(path), file_id(path + "/" + stub_file_name)};
    for (const ShardSpec& shard : layout)
        if (!shard.remote())
            out.insert(out.end(),
                       {file_id(shard.path), file_id(shard.path + "/" + stub_file_name)});
    return out;
}

// The archive, open across requests and reopened when it has changed: a
// commit (Xapian's revision) or another archive under the same name (a new
// generation, a replica's fresh copy: identity_of).  A shard left out is tried again every
// `retry_missing` seconds, so that one that comes back is used again.
class ResidentArchive {
  public:
    ResidentArchive(std::string path, MissingShards on_missing, unsigned timeout_ms)
        : path_(std::move(path)), on_missing_(on_missing), timeout_ms_(timeout_ms) {}

    ReadDatabase& current() {
        constexpr std::chrono::seconds retry_missing{5};
        auto now = std::chrono::steady_clock::now();
        if (db_ && !db_->missing.empty() && now - opened_ >= retry_missing) db_.reset();
        if (db_ && identity_of(path_, db_->layout) == identity_) {
            try {
                // A commit changes the metadata (aliases, languages) too: all of it again.
                if (!reopen(*db_)) return *db_;
            } catch (const Xapian::Error&) {
            }
        }
        db_.reset();
        // Taken before the open: a change meanwhile is seen at the next request.
        std::vector<FileId> identity = identity_of(path_, read_shards(path_));
        db_ = open_for_reading(path_, on_missing_, timeout_ms_);
        opened_ = now;
        identity_ = std::move(identity);
        return *db_;
    }
    // After a failed request: the next one starts from a fresh open.
    void forget() { db_.reset(); }

  private:
    std::string path_;
    MissingShards on_missing_;
    unsigned timeout_ms_;
    std::optional<ReadDatabase> db_;
    std::chrono::steady_clock::time_point opened_;
    std::vector<FileId> identity_;
};

// How long a request may run before the watchdog answers it and the process
// is replaced: stuck_limit, else the time limit twice, and at least 5 s past
// it, so that a request that merely overran (searched, then answered 503 on
// time's account) ends of itself and the process goes on serving.
double stuck_after(const CgiConfig& config) {
    if (config.stuck_limit > 0) return config.stuck_limit;
    return config.time_limit + std::max(config.time_limit, 5.0);
}

// The watchdog's answer to a request still running at stuck_after(): its
// 503, and the end of the request's records (closing the streams writes
// FCGI_END_REQUEST), without freeing the request the stuck thread reads.
void answer_stuck(FCGX_Request& request, double seconds) {
    const char* query = FCGX_GetParam("QUERY_STRING", request.envp);
    std::fprintf(stderr,
                 "%s: a request ran %g s (query: \"%s\") and is answered 503; this process ends "
                 "and the server starts another\n",
                 prog, seconds, query ? query : "");
    std::string out = cgi_too_long();
    FCGX_PutStr(out.data(), static_cast<int>(out.size()), request.out);
    FCGX_FClose(request.err);
    FCGX_FClose(request.out);
}

// Which signal asked the process to stop, and who sent it, for the log line
// that says why it ended.  SIGTERM and SIGUSR1 are libfcgi's graceful
// shutdown: the request in hand is finished, then the process ends.  Set in
// the handler: async-signal-safe writes only.
volatile sig_atomic_t stop_signal = 0;
volatile sig_atomic_t stop_sender = 0;

void on_stop_signal(int signal, siginfo_t* info, void*) {
    stop_sender = info ? static_cast<sig_atomic_t>(info->si_pid) : 0;
    stop_signal = signal;
    FCGX_ShutdownPending();
}

// Installed before FCGX_Init(), which then keeps them (libfcgi sets its own
// handlers only where none is set).
void handle_stop_signals() {
    struct sigaction action {};
    action.sa_sigaction = on_stop_signal;
    action.sa_flags = SA_SIGINFO;
    sigemptyset(&action.sa_mask);
    for (int signal : {SIGTERM, SIGUSR1})
        sigaction(signal, &action, nullptr);
}

// The line in the server's error log when the process ends of itself.
void log_end(int accept_result) {
    if (stop_signal)
        std::fprintf(stderr, "%s: asked to stop (%s from process %ld); this process ends\n", prog,
                     stop_signal == SIGTERM ? "SIGTERM" : "SIGUSR1",
                     static_cast<long>(stop_sender));
    else
        std::fprintf(stderr, "%s: cannot accept a request (%s); this process ends\n", prog,
                     accept_result < 0 && accept_result > -4096 ? std::strerror(-accept_result)
                                                                : "libfcgi error");
}

} // namespace

// The FastCGI specification's test (section 2.2): fd 0 is a socket with no
// peer, listening.  Asked directly rather than by FCGX_IsCGI(), which also
// initialises the library and installs its signal handlers, which a command
// line run must not have (it dies of SIGPIPE in a closed pipe, as it should).
bool started_as_fastcgi() {
    sockaddr_storage address{};
    socklen_t length = sizeof address;
    return getpeername(0, reinterpret_cast<sockaddr*>(&address), &length) != 0 && errno == ENOTCONN;
}

int run_fastcgi() {
    handle_stop_signals();
    if (FCGX_Init() != 0) {
        std::fprintf(stderr, "%s: cannot start FastCGI\n", prog);
        return 1;
    }
    // The web server's closing of a connection must not end the process.
    std::signal(SIGPIPE, SIG_IGN);
    std::optional<CgiConfig> config;
    try {
        config = load_cgi_config(); // once: the process's own environment
    } catch (const std::exception& e) {
        std::fprintf(stderr, "%s: %s\n", prog, e.what());
    }
    std::optional<ResidentArchive> archive;
    if (config)
        archive.emplace(config->db, config->all_shards ? MissingShards::fail : MissingShards::skip,
                        shard_timeout_ms(*config));
    // Keyed by the archive's revision: a commit or a switch is another key,
    // and old entries age out (512 searches' counts: a few MB at most); the
    // facet columns are the archive's size (facet_columns.hpp).
    ResidentMemory resident;
    char** own_environment = environ;
    FCGX_Request request;
    FCGX_InitRequest(&request, 0, 0);
    std::optional<RequestWatchdog> watchdog;
    if (config) {
        double limit = stuck_after(*config);
        watchdog.emplace(limit, [&request, limit] { answer_stuck(request, limit); });
    }
    int accepted = 0;
    while ((accepted = FCGX_Accept_r(&request)) >= 0) {
        // The request's variables are the environment cgi_answer() reads,
        // as CGI's are.
        environ = request.envp;
        auto started = std::chrono::steady_clock::now();
        if (watchdog) watchdog->begin();
        std::string out = cgi_answer(
            config ? &*config : nullptr, [&]() -> ReadDatabase& { return archive->current(); },
            &resident);
        if (watchdog) watchdog->end();
        double seconds =
            std::chrono::duration<double>(std::chrono::steady_clock::now() - started).count();
        if (config && seconds > config->time_limit) out = cgi_too_long();
        if (out.starts_with("Status: 503") && archive) archive->forget();
        environ = own_environment;
        FCGX_PutStr(out.data(), static_cast<int>(out.size()), request.out);
        FCGX_Finish_r(&request);
    }
    log_end(accepted);
    return 0;
}

} // namespace morgue
