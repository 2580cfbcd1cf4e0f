/* sigsiftctl's live subcommands; see ctl_client.h. */
#include "control/ctl_client.h"

#include <errno.h>
#include <limits.h>
#include <stdlib.h>
#include <string.h>
#include <sys/socket.h>
#include <sys/un.h>
#include <unistd.h>

#include "dataplane/ctl/proto.h"

void ss_ctl_client_usage(FILE *f)
{
    fprintf(f, "  rules push BUNDLE     swap BUNDLE into the running dataplane\n"
               "  rules status          the active rule set, per-worker swap figures\n"
               "  rules history         loads, pushes, rollbacks and failures\n"
               "  rules rollback        back to the rule set active before the last swap\n"
               "  stats                 live counters of the workers and ports\n"
               "  lists show            the sender blocklist and allowlist\n"
               "  lists add|remove blocklist|allowlist SENDER\n"
               "options: --socket PATH (default " SS_CTL_SOCKET_DEFAULT "), --json\n");
}

static bool is(const char *a, const char *b)
{
    return a != NULL && strcmp(a, b) == 0;
}

bool ss_ctl_client_handles(int argc, char **argv)
{
    if (argc < 1)
        return false;
    if (is(argv[0], "stats") || is(argv[0], "lists"))
        return true;
    return is(argv[0], "rules") && argc >= 2 &&
           (is(argv[1], "push") || is(argv[1], "status") || is(argv[1], "history") ||
            is(argv[1], "rollback"));
}

/* Joins argv back into the request line the grammar expects; PATH is
 * made absolute since the dataplane has its own working directory. */
static int build_line(int argc, char **argv, char *line, size_t cap)
{
    char abs[PATH_MAX];
    size_t n = 0;

    if (argc == 3 && is(argv[0], "rules") && is(argv[1], "push")) {
        if (realpath(argv[2], abs) == NULL) {
            fprintf(stderr, "sigsiftctl: %s: %s\n", argv[2], strerror(errno));
            return -1;
        }
        n = (size_t)snprintf(line, cap, "rules push %s", abs);
    } else {
        for (int i = 0; i < argc && n < cap; i++)
            n += (size_t)snprintf(line + n, cap - n, "%s%s", i ? " " : "", argv[i]);
    }
    struct ss_ctl_request rq;
    if (n >= cap || ss_ctl_parse(line, n, &rq) != SS_OK) {
        fprintf(stderr, "sigsiftctl: not a valid request: %s\n", line);
        ss_ctl_client_usage(stderr);
        return -1;
    }
    line[n++] = '\n';
    line[n] = '\0';
    return (int)n;
}

static int connect_to(const char *path)
{
    struct sockaddr_un a = {.sun_family = AF_UNIX};
    if (strlen(path) >= sizeof a.sun_path) {
        fprintf(stderr, "sigsiftctl: socket path too long: %s\n", path);
        return -1;
    }
    memcpy(a.sun_path, path, strlen(path) + 1);
    int fd = socket(AF_UNIX, SOCK_STREAM | SOCK_CLOEXEC, 0);
    if (fd < 0 || connect(fd, (const struct sockaddr *)&a, sizeof a) != 0) {
        fprintf(stderr,
                "sigsiftctl: cannot reach the dataplane at %s: %s (is `sigsift run` running? "
                "--socket)\n",
                path, strerror(errno));
        if (fd >= 0)
            close(fd);
        return -1;
    }
    return fd;
}

/* The reply line (the server closes after it); its length, or -1. */
static ssize_t exchange(int fd, const char *line, size_t len, char *reply, size_t cap)
{
    if (write(fd, line, len) != (ssize_t)len)
        return -1;
    size_t n = 0;
    for (ssize_t k; n + 1 < cap && (k = read(fd, reply + n, cap - 1 - n)) > 0;)
        n += (size_t)k;
    reply[n] = '\0';
    return n > 0 && reply[n - 1] == '\n' ? (ssize_t)n : -1;
}

int ss_ctl_client_run(int argc, char **argv, const char *socket, bool json)
{
    static char line[SS_CTL_LINE_MAX + 1], reply[SS_CTL_REPLY_MAX + 1];
    char why[512];

    int len = build_line(argc, argv, line, sizeof line - 1);
    if (len < 0)
        return SS_CTL_EXIT_USAGE;
    int fd = connect_to(socket != NULL ? socket : SS_CTL_SOCKET_DEFAULT);
    if (fd < 0)
        return SS_CTL_EXIT_UNREACHABLE;
    ssize_t n = exchange(fd, line, (size_t)len, reply, sizeof reply);
    close(fd);
    if (n < 0) {
        fprintf(stderr, "sigsiftctl: no reply from the dataplane (refused peer? see its log)\n");
        return SS_CTL_EXIT_UNREACHABLE;
    }
    bool ok = ss_ctl_reply_is_ok(reply, (size_t)n);
    if (json || ok)
        fputs(reply, stdout);
    if (ok)
        return SS_CTL_EXIT_OK;
    ss_ctl_reply_error_text(reply, (size_t)n, why, sizeof why);
    fprintf(stderr, "sigsiftctl: %s\n", why);
    return SS_CTL_EXIT_REFUSED;
}
