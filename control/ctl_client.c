/* sigsiftctl's live subcommands; see ctl_client.h. */
#include "control/ctl_client.h"

#include <errno.h>
#include <limits.h>
#include <stdlib.h>
#include <string.h>
#include <sys/socket.h>
#include <sys/un.h>
#include <unistd.h>

#include "control/bundle.h"
#include "control/ctl_print.h"
#include "control/rules_cmd.h"
#include "dataplane/ctl/proto.h"

void ss_ctl_client_usage(FILE *f)
{
    fprintf(f, "  rules push BUNDLE [--trust DIR] [--allow-unsigned]\n"
               "                        swap BUNDLE into the running dataplane, once its\n"
               "                        signature is by a key of the trust store (default\n"
               "                        " SS_TRUST_DIR_DEFAULT "); --allow-unsigned sends it\n"
               "                        unchecked (the dataplane still checks its hash)\n"
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
    if (send(fd, line, len, MSG_NOSIGNAL) != (ssize_t)len)
        return -1;
    size_t n = 0;
    for (ssize_t k; n + 1 < cap && (k = read(fd, reply + n, cap - 1 - n)) > 0;)
        n += (size_t)k;
    reply[n] = '\0';
    return n > 0 && reply[n - 1] == '\n' ? (ssize_t)n : -1;
}

/* rules push's own options, taken out of argv before the request line
 * is built. */
struct push_opts {
    const char *path, *trust;
    bool allow_unsigned;
};

static bool parse_push(int argc, char **argv, struct push_opts *p)
{
    *p = (struct push_opts){.trust = SS_TRUST_DIR_DEFAULT};
    for (int i = 2; i < argc; i++) {
        if (is(argv[i], "--trust") && i + 1 < argc)
            p->trust = argv[++i];
        else if (is(argv[i], "--allow-unsigned"))
            p->allow_unsigned = true;
        else if (argv[i][0] != '-' && p->path == NULL)
            p->path = argv[i];
        else
            return false;
    }
    return p->path != NULL;
}

/* The importer's check, before anything is sent: hash, signature, and a
 * signer in the trust store. What it protects against is an operator
 * pushing the wrong bundle (unsigned, altered, or signed by a key this
 * site does not trust); it is not a security boundary, since anyone who
 * may open the socket (root or the dataplane's own user, ctl/proto.h)
 * can skip it with --allow-unsigned or write the request by hand. The
 * enforcement against any local peer is `sigsift run --trust DIR`: the
 * dataplane then checks the signer itself and refuses the rest. */
static bool push_trusted(const struct push_opts *p, char *why, size_t cap)
{
    char err[SS_BUNDLE_ERR_MAX];
    struct ss_bundle_manifest m;
    if (!ss_bundle_is_bundle(p->path)) {
        snprintf(why, cap,
                 "%s is not a bundle, so it carries no signature: compile and sign it (rules "
                 "compile, rules sign) or push it with --allow-unsigned; nothing was sent",
                 p->path);
        return false;
    }
    if (ss_bundle_verify_file(p->path, p->trust, &m, err, sizeof err) == SS_OK)
        return true;
    snprintf(why, cap,
             "%s refused: %s (trust store %s, --trust DIR); nothing was sent, the "
             "running rule set stays active",
             p->path, err, p->trust);
    return false;
}

static int print_reply(const char *reply, size_t n, bool json)
{
    char why[512];
    bool ok = ss_ctl_reply_is_ok(reply, n);
    if (json)
        fputs(reply, stdout);
    else if (ok && !ss_ctl_print_human(stdout, reply, n))
        fputs(reply, stdout);
    if (ok)
        return SS_CTL_EXIT_OK;
    ss_ctl_reply_error_text(reply, n, why, sizeof why);
    fprintf(stderr, "sigsiftctl: %s\n", why);
    return SS_CTL_EXIT_REFUSED;
}

int ss_ctl_client_run(int argc, char **argv, const char *socket, bool json)
{
    static char line[SS_CTL_LINE_MAX + 1], reply[SS_CTL_REPLY_MAX + 1];
    struct push_opts push;
    char why[1024];

    if (is(argv[1], "push")) {
        if (!parse_push(argc, argv, &push)) {
            fprintf(stderr,
                    "sigsiftctl: usage: rules push BUNDLE [--trust DIR] [--allow-unsigned]\n");
            return SS_CTL_EXIT_USAGE;
        }
        if (!push.allow_unsigned && !push_trusted(&push, why, sizeof why))
            return ss_ctl_refused(json, why);
        argv[2] = (char *)push.path;
        argc = 3;
    }
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
    return print_reply(reply, (size_t)n, json);
}
