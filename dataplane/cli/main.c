/* sigsift: the dataplane (`run`, DPDK) and its offline tools (`decode`,
 * `scan`, libpcap), one binary. */
#include <stdbool.h>
#include <stdio.h>
#include <string.h>

#include "dataplane/cli/decode.h"
#include "dataplane/cli/scan.h"
#ifdef SS_HAVE_DPDK
#include "dataplane/dpdk/run.h"
#include "dataplane/dpdk/screen_hook.h"
#endif

static void usage(FILE *f)
{
    fprintf(f, "usage: sigsift COMMAND [ARGS]\n"
               "  decode FILE...   decode every short message in captures to JSON lines\n"
               "  scan [options] FILE...\n"
               "                   decode and judge against the keyword library (offline)\n");
#ifdef SS_HAVE_DPDK
    fprintf(f, "  run [EAL arguments] -- [options]\n"
               "                   the DPDK dataplane: decode, and judge with --rules\n");
#endif
}

#ifdef SS_HAVE_DPDK
/* `run` judges with the screening hook when --rules follows the "--"
 * that ends EAL's arguments; without rules it only decodes (the default
 * hook, whose --all events are the `sigsift decode` lines). */
static const struct ss_worker_hook *run_hook(int argc, char **argv)
{
    bool app = false;
    for (int i = 1; i < argc; i++) {
        if (app && strncmp(argv[i], "--rules", 7) == 0 && (argv[i][7] == '\0' || argv[i][7] == '='))
            return &ss_screen_hook;
        app = app || strcmp(argv[i], "--") == 0;
    }
    return &ss_default_hook;
}
#endif

int main(int argc, char **argv)
{
    if (argc < 2) {
        usage(stderr);
        return 2;
    }
    if (strcmp(argv[1], "decode") == 0)
        return ss_decode_main(argc - 1, argv + 1);
    if (strcmp(argv[1], "scan") == 0)
        return ss_scan_main(argc - 1, argv + 1);
#ifdef SS_HAVE_DPDK
    if (strcmp(argv[1], "run") == 0)
        return ss_run_with_hook(argc - 1, argv + 1, run_hook(argc - 1, argv + 1));
#endif
    if (strcmp(argv[1], "--help") == 0 || strcmp(argv[1], "help") == 0) {
        usage(stdout);
        return 0;
    }
    fprintf(stderr, "sigsift: unknown command '%s'\n", argv[1]);
    usage(stderr);
    return 2;
}
