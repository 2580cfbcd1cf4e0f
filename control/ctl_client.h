/* sigsiftctl's subcommands that talk to a running `sigsift run` over its
 * control socket (dataplane/ctl/proto.h):
 *
 *   rules push BUNDLE [--trust DIR] [--allow-unsigned]
 *       checked first here: content hash, signature and a signer in the
 *       trust store (SS_TRUST_DIR_DEFAULT); refused before anything is
 *       sent unless --allow-unsigned
 *   rules status | rules history | rules rollback
 *   stats
 *   lists show | lists add|remove blocklist|allowlist SENDER
 *
 * The offline subcommands live in rules_cmd.h and rules_diff.h. */
#ifndef SS_CTL_CLIENT_H
#define SS_CTL_CLIENT_H

#include <stdbool.h>
#include <stdio.h>

/* Exit statuses, as the rest of sigsiftctl uses them. */
enum {
    SS_CTL_EXIT_OK = 0,
    SS_CTL_EXIT_REFUSED = 1,     /* the dataplane answered with an error */
    SS_CTL_EXIT_USAGE = 2,       /* bad command line */
    SS_CTL_EXIT_UNREACHABLE = 3, /* no run listens on the socket */
};

/* Whether argv[0..argc) (after the global options) is one of the
 * subcommands above. */
bool ss_ctl_client_handles(int argc, char **argv);
/* Sends it to socket (NULL: SS_CTL_SOCKET_DEFAULT) and prints the
 * reply: for people (ctl_print.h), or the reply's JSON with json.
 * Returns an exit status. */
int ss_ctl_client_run(int argc, char **argv, const char *socket, bool json);
void ss_ctl_client_usage(FILE *f);

#endif
