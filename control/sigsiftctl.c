/* sigsiftctl: the operator's command for sigsift's rules and for a
 * running `sigsift run`. Global options (--socket, --json) go before or
 * after the subcommand:
 *
 *   sigsiftctl [--socket PATH] [--json] SUBCOMMAND ... [--help]
 *
 * Exit status: 0 done, 1 refused (the reason on stderr), 2 bad command
 * line, 3 no running dataplane at the socket. The live subcommands are in
 * ctl_client.c, the offline ones in rules_cmd.c, rules_diff.c and
 * pseudonym_cmd.c. */
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "control/ctl_client.h"
#include "control/pseudonym_cmd.h"
#include "control/rules_cmd.h"

static void usage(FILE *f)
{
    fprintf(f, "usage: sigsiftctl [--socket PATH] [--json] SUBCOMMAND ... [--help]\n");
    ss_ctl_client_usage(f);
    ss_rules_cmd_usage(f);
    ss_pseudonym_cmd_usage(f);
    fprintf(f, "exit status: 0 done, 1 refused or failed (why on stderr), 2 bad command line,\n"
               "3 no dataplane at the socket\n");
}

/* `SUBCOMMAND... --help`: the usage entries that begin with the words
 * before --help (an entry is a line indented two spaces and the lines
 * indented deeper under it), or all of it when none does. */
static void subcommand_help(int argc, char **argv)
{
    char prefix[256] = " ", *text = NULL;
    size_t len = 0, n = 1;
    for (int i = 0; i < argc && i < 2 && argv[i][0] != '-'; i++)
        n += (size_t)snprintf(prefix + n, sizeof prefix - n, " %s", argv[i]);
    FILE *m = open_memstream(&text, &len);
    if (m == NULL) {
        usage(stdout);
        return;
    }
    usage(m);
    fclose(m);
    bool in = false, any = false;
    for (char *line = strtok(text, "\n"); line != NULL; line = strtok(NULL, "\n")) {
        if (strncmp(line, "  ", 2) == 0 && line[2] != ' ')
            in = strncmp(line, prefix, n) == 0 && (line[n] == ' ' || line[n] == '\0');
        if (in || strncmp(line, "exit status", 11) == 0 || strncmp(line, "3 no", 4) == 0 ||
            strncmp(line, "options:", 8) == 0) {
            puts(line);
            any |= in;
        }
    }
    free(text);
    if (!any)
        usage(stdout);
}

static bool asks_help(int argc, char **argv)
{
    for (int i = 0; i < argc; i++)
        if (strcmp(argv[i], "--help") == 0 || strcmp(argv[i], "-h") == 0)
            return true;
    return false;
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
    /* --json and --socket may also follow the subcommand's words. */
    int n = i;
    for (int j = i; j < argc; j++) {
        if (strcmp(argv[j], "--json") == 0)
            json = true;
        else if (strcmp(argv[j], "--socket") == 0 && j + 1 < argc)
            socket = argv[++j];
        else
            argv[n++] = argv[j];
    }
    argc = n;
    if (i == argc) {
        usage(stderr);
        return SS_CTL_EXIT_USAGE;
    }
    if (asks_help(argc - i, argv + i)) {
        subcommand_help(argc - i, argv + i);
        return SS_CTL_EXIT_OK;
    }
    if (ss_rules_cmd_handles(argc - i, argv + i))
        return ss_rules_cmd_run(argc - i, argv + i, json);
    if (ss_pseudonym_cmd_handles(argc - i, argv + i))
        return ss_pseudonym_cmd_run(argc - i, argv + i, json);
    if (!ss_ctl_client_handles(argc - i, argv + i)) {
        usage(stderr);
        return SS_CTL_EXIT_USAGE;
    }
    return ss_ctl_client_run(argc - i, argv + i, socket, json);
}
