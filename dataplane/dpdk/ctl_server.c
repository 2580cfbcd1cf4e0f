/* The control server; see ctl_server.h and dataplane/ctl/proto.h.
 *
 * One request per connection, served one connection at a time: pushes
 * are rare and must not interleave, and a slow client cannot hold the
 * thread for longer than the receive timeout. */
#define _GNU_SOURCE /* struct ucred, accept4 */
#include "dataplane/dpdk/ctl_server.h"

#include <errno.h>
#include <inttypes.h>
#include <poll.h>
#include <pthread.h>
#include <stdlib.h>
#include <string.h>
#include <sys/socket.h>
#include <sys/stat.h>
#include <sys/un.h>
#include <unistd.h>

#include <rte_cycles.h>
#include <rte_lcore.h>

#include "dataplane/dpdk/port.h"

#define RECV_TIMEOUT_S 2
#define POLL_MS        200
#define BACKLOG        8

struct ss_ctl_server {
    struct ss_ctl_server_cfg cfg;
    char path[sizeof((struct sockaddr_un *)0)->sun_path];
    int fd;
    int stop; /* atomic */
    bool running;
    pthread_t thread;
    uint64_t start_tsc;
    char line[SS_CTL_LINE_MAX]; /* one request at a time: the thread's buffers */
    struct ss_ctl_reply reply;
};

static int make_dir(const char *sock_path)
{
    char dir[sizeof((struct sockaddr_un *)0)->sun_path];
    snprintf(dir, sizeof dir, "%s", sock_path);
    char *slash = strrchr(dir, '/');
    if (slash == NULL || slash == dir)
        return 0;
    *slash = '\0';
    /* Only a directory made here is set 0700: an existing one (/tmp, or
     * one an operator prepared) keeps its mode. */
    if (mkdir(dir, 0700) != 0 && errno != EEXIST) {
        fprintf(stderr, "sigsift run: control socket directory %s: %s\n", dir, strerror(errno));
        return -1;
    }
    return 0;
}

/* A socket file left by a run that died is removed; one that still
 * answers belongs to a live run and is kept. */
static int clear_stale(const struct sockaddr_un *a)
{
    struct stat st;
    if (lstat(a->sun_path, &st) != 0)
        return 0;
    if (!S_ISSOCK(st.st_mode)) {
        fprintf(stderr, "sigsift run: %s exists and is not a socket; give --socket\n", a->sun_path);
        return -1;
    }
    int fd = socket(AF_UNIX, SOCK_STREAM | SOCK_CLOEXEC, 0);
    bool live = fd >= 0 && connect(fd, (const struct sockaddr *)a, sizeof *a) == 0;
    if (fd >= 0)
        close(fd);
    if (live) {
        fprintf(stderr, "sigsift run: another run listens on %s; give --socket\n", a->sun_path);
        return -1;
    }
    unlink(a->sun_path);
    return 0;
}

static int open_socket(struct ss_ctl_server *s)
{
    struct sockaddr_un a = {.sun_family = AF_UNIX};
    if (strlen(s->cfg.path) >= sizeof a.sun_path) {
        fprintf(stderr, "sigsift run: control socket path too long: %s\n", s->cfg.path);
        return -1;
    }
    snprintf(a.sun_path, sizeof a.sun_path, "%s", s->cfg.path);
    if (make_dir(a.sun_path) != 0 || clear_stale(&a) != 0)
        return -1;
    s->fd = socket(AF_UNIX, SOCK_STREAM | SOCK_CLOEXEC, 0);
    /* The umask makes the socket 0600 from the moment it exists. */
    mode_t old = umask(0177);
    int rc = s->fd < 0 ? -1 : bind(s->fd, (const struct sockaddr *)&a, sizeof a);
    umask(old);
    if (rc != 0 || chmod(a.sun_path, 0600) != 0 || listen(s->fd, BACKLOG) != 0) {
        fprintf(stderr, "sigsift run: control socket %s: %s\n", a.sun_path, strerror(errno));
        return -1;
    }
    snprintf(s->path, sizeof s->path, "%s", a.sun_path);
    return 0;
}

/* SO_PEERCRED (unix(7)): only root and the run's own user may steer it. */
static bool peer_allowed(int fd)
{
    struct ucred c;
    socklen_t len = sizeof c;
    if (getsockopt(fd, SOL_SOCKET, SO_PEERCRED, &c, &len) != 0) {
        fprintf(stderr, "sigsift run: control: peer credentials unavailable, refused\n");
        return false;
    }
    if (c.uid == 0 || c.uid == geteuid())
        return true;
    fprintf(stderr, "sigsift run: control: refused peer pid %d uid %u (only root and uid %u)\n",
            (int)c.pid, (unsigned)c.uid, (unsigned)geteuid());
    return false;
}

/* The request line without its '\n'; -1 on timeout, error, no newline
 * within SS_CTL_LINE_MAX or end of stream before one. */
static ssize_t read_line(int fd, char *buf, size_t cap)
{
    size_t n = 0;
    while (n < cap) {
        ssize_t k = read(fd, buf + n, cap - n);
        if (k <= 0)
            return -1;
        char *nl = memchr(buf + n, '\n', (size_t)k);
        if (nl != NULL)
            return nl - buf;
        n += (size_t)k;
    }
    return -1;
}

/* send() with MSG_NOSIGNAL: a client that hangs up before its reply must
 * cost an EPIPE, not a SIGPIPE that would end the dataplane. */
static void write_all(int fd, const char *p, size_t n)
{
    while (n > 0) {
        ssize_t k = send(fd, p, n, MSG_NOSIGNAL);
        if (k <= 0)
            return;
        p += k;
        n -= (size_t)k;
    }
}

static void reply_stats(struct ss_ctl_server *s, struct ss_ctl_reply *r)
{
    ss_ctl_reply_fmt(r, "{\"ok\":true,\"uptime_s\":%.3f,\"workers\":[",
                     (double)(rte_rdtsc() - s->start_tsc) / (double)rte_get_tsc_hz());
    for (unsigned i = 0; i < s->cfg.n_workers; i++) {
        const struct ss_worker_counters *c = &s->cfg.w[i]->c;
        ss_ctl_reply_fmt(r, "%s{\"worker\":%u,\"frames\":%" PRIu64 ",\"messages\":%" PRIu64,
                         i ? "," : "", i, __atomic_load_n(&c->frames, __ATOMIC_RELAXED),
                         __atomic_load_n(&c->messages, __ATOMIC_RELAXED));
        ss_ctl_reply_fmt(r, ",\"events\":%" PRIu64 ",\"events_dropped\":%" PRIu64 "}",
                         __atomic_load_n(&c->events, __ATOMIC_RELAXED),
                         __atomic_load_n(&c->events_dropped, __ATOMIC_RELAXED));
    }
    ss_ctl_reply_raw(r, "],\"ports\":[");
    for (uint16_t i = 0; i < s->cfg.n_ports; i++) {
        char port[SS_PORT_JSON_MAX];
        ss_port_stats_json(s->cfg.ports[i], port, sizeof port);
        ss_ctl_reply_fmt(r, "%s%s", i ? "," : "", port);
    }
    ss_ctl_reply_raw(r, "]}");
}

static void bad_request(enum ss_result res, struct ss_ctl_reply *r)
{
    char msg[128];
    snprintf(msg, sizeof msg, "bad request (%s); see dataplane/ctl/proto.h", ss_result_name(res));
    ss_ctl_reply_error(r, msg);
}

/* PATH is not NUL-terminated in the line. */
static void push(struct ss_ctl_server *s, const struct ss_ctl_request *rq, uint64_t recv,
                 struct ss_ctl_reply *r)
{
    char path[SS_CTL_LINE_MAX];
    snprintf(path, sizeof path, "%.*s", (int)rq->arg_len, rq->arg);
    ss_live_push(s->cfg.live, path, recv, s->cfg.load, s->cfg.load_arg, r);
}

static void dispatch(struct ss_ctl_server *s, const char *line, size_t len, uint64_t recv,
                     struct ss_ctl_reply *r)
{
    struct ss_ctl_request rq;
    enum ss_result res = ss_ctl_parse(line, len, &rq);
    if (res != SS_OK) {
        bad_request(res, r);
        return;
    }
    switch (rq.verb) {
    case SS_CTL_RULES_PUSH:
        push(s, &rq, recv, r);
        break;
    case SS_CTL_RULES_STATUS:
        ss_live_status(s->cfg.live, r);
        break;
    case SS_CTL_RULES_HISTORY:
        ss_live_history(s->cfg.live, r);
        break;
    case SS_CTL_RULES_ROLLBACK:
        ss_live_rollback(s->cfg.live, recv, r);
        break;
    case SS_CTL_STATS:
        reply_stats(s, r);
        break;
    case SS_CTL_LISTS_SHOW:
        ss_live_lists_show(s->cfg.live, r);
        break;
    case SS_CTL_LISTS_ADD:
    case SS_CTL_LISTS_REMOVE:
        ss_live_lists_change(s->cfg.live, &rq, r);
        break;
    }
}

static void serve(struct ss_ctl_server *s, int fd)
{
    const struct timeval tmo = {.tv_sec = RECV_TIMEOUT_S};
    struct ss_ctl_reply *r = &s->reply;

    if (!peer_allowed(fd))
        return;
    setsockopt(fd, SOL_SOCKET, SO_RCVTIMEO, &tmo, sizeof tmo);
    setsockopt(fd, SOL_SOCKET, SO_SNDTIMEO, &tmo, sizeof tmo);
    r->len = 0;
    r->overflow = false;
    ssize_t n = read_line(fd, s->line, sizeof s->line);
    if (n < 0)
        ss_ctl_reply_error(r, "no request line (at most 4095 bytes, ending in a newline)");
    else
        dispatch(s, s->line, (size_t)n, rte_rdtsc(), r);
    size_t len = ss_ctl_reply_end(r);
    write_all(fd, r->buf, len);
}

static void *server_main(void *arg)
{
    struct ss_ctl_server *s = arg;
    struct pollfd p = {.fd = s->fd, .events = POLLIN};

    while (!__atomic_load_n(&s->stop, __ATOMIC_ACQUIRE)) {
        if (poll(&p, 1, POLL_MS) <= 0)
            continue;
        int fd = accept4(s->fd, NULL, NULL, SOCK_CLOEXEC);
        if (fd < 0)
            continue;
        serve(s, fd);
        close(fd);
    }
    return NULL;
}

struct ss_ctl_server *ss_ctl_server_start(const struct ss_ctl_server_cfg *cfg)
{
    struct ss_ctl_server *s = calloc(1, sizeof *s);
    if (s == NULL) {
        fprintf(stderr, "sigsift run: control server: out of memory\n");
        return NULL;
    }
    s->cfg = *cfg;
    s->fd = -1;
    s->start_tsc = rte_rdtsc();
    if (open_socket(s) != 0) {
        ss_ctl_server_stop(s);
        return NULL;
    }
    /* A control thread runs on the cores EAL keeps for such threads
     * (those of no lcore, else the main lcore's), never a worker's. */
    int rc = rte_ctrl_thread_create(&s->thread, "sigsift-ctl", NULL, server_main, s);
    if (rc != 0) {
        fprintf(stderr, "sigsift run: control thread: %s\n", strerror(rc));
        ss_ctl_server_stop(s);
        return NULL;
    }
    s->running = true;
    fprintf(stderr, "sigsift run: control socket %s\n", s->path);
    return s;
}

void ss_ctl_server_stop(struct ss_ctl_server *s)
{
    if (s == NULL)
        return;
    if (s->running) {
        __atomic_store_n(&s->stop, 1, __ATOMIC_RELEASE);
        pthread_join(s->thread, NULL);
    }
    if (s->path[0] != '\0')
        unlink(s->path);
    if (s->fd >= 0)
        close(s->fd);
    free(s);
}
