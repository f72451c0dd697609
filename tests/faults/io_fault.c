/* An LD_PRELOAD shim that makes the Nth write or sync to a file under a
 * directory fail, as a failing or full disk would.  For tests only.
 *
 *   MORGUE_FAULT_PATH    only files under these directories (':'-separated)
 *                        are touched
 *   MORGUE_FAULT_AT      N: the Nth write/pwrite/writev/pwritev/fsync/fdatasync
 *                        to such a file fails (0: none, just count)
 *   MORGUE_FAULT_ERRNO   EIO (default) or ENOSPC
 *   MORGUE_FAULT_STICKY  1: every call from the Nth on fails (a dead disk),
 *                        else only the Nth (a transient error)
 *   MORGUE_FAULT_COUNTER a file holding two int64 counters, calls and failures,
 *                        shared (mmap) by the process and every child it forks,
 *                        so that N counts across them: rebuild writes in a
 *                        child, which ends with _exit.  Zero it before a run.
 *   MORGUE_FAULT_LOG     each failed call is appended here: "N CALL PATH"
 *   MORGUE_FAULT_STALL   a file: while it exists, every read/pread of a file
 *                        under MORGUE_FAULT_PATH waits (a hung disk or network
 *                        mount), and goes on once it is removed
 *
 * Writes elsewhere (the log on stderr, even when it is a file) pass through:
 * a test must see the program's error message. */
#define _GNU_SOURCE
#include <dlfcn.h>
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#include <sys/stat.h>
#include <sys/types.h>
#include <sys/uio.h>
#include <unistd.h>

static const char* prefixes;
static const char* stall_file;
static long fault_at;
static int fault_errno = EIO;
static int sticky;
static long local[2];
static long* counters = local; /* calls, failed */

__attribute__((constructor)) static void fault_init(void) {
    prefixes = getenv("MORGUE_FAULT_PATH");
    stall_file = getenv("MORGUE_FAULT_STALL");
    const char* at = getenv("MORGUE_FAULT_AT");
    fault_at = at ? atol(at) : 0;
    const char* e = getenv("MORGUE_FAULT_ERRNO");
    if (e && strcmp(e, "ENOSPC") == 0) fault_errno = ENOSPC;
    const char* s = getenv("MORGUE_FAULT_STICKY");
    sticky = s && strcmp(s, "1") == 0;
    const char* file = getenv("MORGUE_FAULT_COUNTER");
    if (!file) return;
    int fd = open(file, O_RDWR | O_CREAT | O_CLOEXEC, 0644);
    if (fd < 0) return;
    struct stat st;
    int sized = fstat(fd, &st) == 0 &&
                (st.st_size >= (off_t)sizeof local || ftruncate(fd, sizeof local) == 0);
    void* shared = sized ? mmap(NULL, sizeof local, PROT_READ | PROT_WRITE, MAP_SHARED, fd, 0)
                         : MAP_FAILED;
    close(fd);
    if (shared != MAP_FAILED) counters = shared;
}

static void log_failure(long call, const char* what, const char* path, size_t len) {
    const char* log = getenv("MORGUE_FAULT_LOG");
    if (!log) return;
    int fd = open(log, O_WRONLY | O_CREAT | O_APPEND | O_CLOEXEC, 0644);
    if (fd < 0) return;
    dprintf(fd, "%ld %s %.*s\n", call, what, (int)len, path);
    close(fd);
}

/* Whether path is in one of the directories named by prefixes. */
static int watched(const char* path, size_t len) {
    for (const char* p = prefixes; p && *p;) {
        const char* end = strchr(p, ':');
        size_t n = end ? (size_t)(end - p) : strlen(p);
        if (n && len > n && strncmp(path, p, n) == 0 && path[n] == '/') return 1;
        p += n + (end ? 1 : 0);
    }
    return 0;
}

/* Whether fd is open on a file under one of the directories. */
static int watched_fd(int fd, char* path, size_t size, ssize_t* n) {
    if (!prefixes) return 0;
    char link[64];
    snprintf(link, sizeof link, "/proc/self/fd/%d", fd);
    *n = readlink(link, path, size - 1);
    return *n > 0 && watched(path, (size_t)*n);
}

/* Whether this call on fd is one to count, and if so whether it fails. */
static int should_fail(int fd, const char* what) {
    char path[4096];
    ssize_t n;
    if (!watched_fd(fd, path, sizeof path, &n)) return 0;
    long call = __atomic_add_fetch(&counters[0], 1, __ATOMIC_SEQ_CST);
    if (fault_at <= 0 || call < fault_at || (call > fault_at && !sticky)) return 0;
    __atomic_add_fetch(&counters[1], 1, __ATOMIC_SEQ_CST);
    log_failure(call, what, path, (size_t)n);
    errno = fault_errno;
    return 1;
}

#define REAL(name) ((__typeof__(&name))dlsym(RTLD_NEXT, #name))

ssize_t write(int fd, const void* buf, size_t count) {
    return should_fail(fd, "write") ? -1 : REAL(write)(fd, buf, count);
}
ssize_t pwrite(int fd, const void* buf, size_t count, off_t offset) {
    return should_fail(fd, "pwrite") ? -1 : REAL(pwrite)(fd, buf, count, offset);
}
ssize_t pwrite64(int fd, const void* buf, size_t count, off64_t offset) {
    return should_fail(fd, "pwrite64") ? -1 : REAL(pwrite64)(fd, buf, count, offset);
}
ssize_t writev(int fd, const struct iovec* iov, int iovcnt) {
    return should_fail(fd, "writev") ? -1 : REAL(writev)(fd, iov, iovcnt);
}
ssize_t pwritev(int fd, const struct iovec* iov, int iovcnt, off_t offset) {
    return should_fail(fd, "pwritev") ? -1 : REAL(pwritev)(fd, iov, iovcnt, offset);
}
int fsync(int fd) {
    return should_fail(fd, "fsync") ? -1 : REAL(fsync)(fd);
}
int fdatasync(int fd) {
    return should_fail(fd, "fdatasync") ? -1 : REAL(fdatasync)(fd);
}

/* A read of a watched file waits while the stall file exists. */
static void stall(int fd) {
    char path[4096];
    ssize_t n;
    struct stat st;
    if (!stall_file || !watched_fd(fd, path, sizeof path, &n)) return;
    while (stat(stall_file, &st) == 0)
        usleep(50000);
}

ssize_t read(int fd, void* buf, size_t count) {
    stall(fd);
    return REAL(read)(fd, buf, count);
}
ssize_t pread(int fd, void* buf, size_t count, off_t offset) {
    stall(fd);
    return REAL(pread)(fd, buf, count, offset);
}
ssize_t pread64(int fd, void* buf, size_t count, off64_t offset) {
    stall(fd);
    return REAL(pread64)(fd, buf, count, offset);
}
