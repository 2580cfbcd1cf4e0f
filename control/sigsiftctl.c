/* sigsiftctl: the operator's command for sigsift's rules and for a
 * running `sigsift run`. Global options come first, then a subcommand:
 *
 *   sigsiftctl [--socket PATH] [--json] SUBCOMMAND ...
 *
 * Exit status: 0 done, 1 refused (the reason on stderr), 2 bad command
 * line, 3 no running dataplane at the socket. The live subcommands are in
 * ctl_client.c; the offline ones (rules check / compile / diff) belong
 * beside them as they land. */
#include <stdbool.h>
#include <stdio.h>
#include <string.h>

#include "control/ctl_client.h"
#include "control/rules_cmd.h"

static void usage(FILE *f)
{
    fprintf(f, "usage: sigsiftctl [--socket PATH] [--json] SUBCOMMAND ...\n");
    ss_ctl_client_usage(f);
    ss_rules_cmd_usage(f);
}

int main(int argc, char **argv)
{
    const char *socket = NULL;
    bool json = false;
    int i = 1;

    for (; i < argc && strncmp(argv[i], "--", 2) == 0; i++) {
        if (strcmp(argv[i], "--json") == 0) {
            json = true;
        } else if (strcmp(argv[i], "--socket") == 0 && i + 1 < argc) {
            socket = argv[++i];
        } else if (strcmp(argv[i], "--help") == 0) {
            usage(stdout);
            return SS_CTL_EXIT_OK;
        } else {
            fprintf(stderr, "sigsiftctl: unknown option %s\n", argv[i]);
            usage(stderr);
            return SS_CTL_EXIT_USAGE;
        }
    }
    if (ss_rules_cmd_handles(argc - i, argv + i))
        return ss_rules_cmd_run(argc - i, argv + i, json);
    if (!ss_ctl_client_handles(argc - i, argv + i)) {
        usage(stderr);
        return SS_CTL_EXIT_USAGE;
    }
    return ss_ctl_client_run(argc - i, argv + i, socket, json);
}
