/* sigsift: the dataplane (`run`, DPDK) and its offline tools (`decode`,
 * `scan`, libpcap), one binary. */
#include <stdio.h>
#include <string.h>

#include "dataplane/cli/decode.h"
#include "dataplane/cli/scan.h"
#ifdef SS_HAVE_DPDK
#include "dataplane/dpdk/run.h"
#endif

static void usage(FILE *f)
{
    fprintf(f, "usage: sigsift COMMAND [ARGS]\n"
               "  decode FILE...   decode every short message in captures to JSON lines\n"
               "  scan [options] FILE...\n"
               "                   decode and judge against the keyword library (offline)\n");
}

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
        return ss_run_main(argc - 1, argv + 1);
#endif
    if (strcmp(argv[1], "--help") == 0 || strcmp(argv[1], "help") == 0) {
        usage(stdout);
        return 0;
    }
    fprintf(stderr, "sigsift: unknown command '%s'\n", argv[1]);
    usage(stderr);
    return 2;
}
