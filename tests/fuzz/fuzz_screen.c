/* libFuzzer harness for what a worker does with a decoded message: every
 * message the pipeline completes (input format: feed.h) is normalised,
 * matched against the default library (rules/) and written as an event,
 * as `sigsift scan --all --pseudonymise KEY --port-warn 1` does (every
 * port warns at once, so warning lines follow events). Texts reach the
 * matcher from the network, so they are hostile input too. Every message
 * must get its event line in a buffer the size of the DPDK workers' event
 * slot, and every line must be valid JSON in valid UTF-8 (checked by
 * check.c, not by the encoder's own code): a line that does not fit is an
 * event lost, and a line that does not parse breaks whatever reads the
 * event stream. */
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "dataplane/core/screen.h"
#include "dataplane/match/ruleset_files.h"
#include "tests/fuzz/feed.h"
#include "tests/fuzz/check.h"

/* dataplane/dpdk/outq.h SS_EVENT_SLOT_BYTES, the smallest event buffer
 * (that header needs DPDK, which this build leaves out). */
#define EVENT_CAP 16384

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

/* Kept for the life of the process, like the pipeline (still reachable,
 * so not a leak to LeakSanitizer). */
static struct ss_ruleset_scratch *tmpl;
static struct ss_screen screen;
static struct ss_pseudonym pseudonym = {.key = {1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15}};
static struct ss_screen_cfg cfg;
static char line[EVENT_CAP];

static void judge(void *ctx, const struct ss_sm *sm)
{
    (void)ctx;
    bool flagged;
    size_t n = ss_screen_sm(&screen, sm, line, sizeof line, &flagged);
    bool ok = n != 0 && line[n - 1] == '\n';
    for (size_t at = 0, end; ok && at < n; at = end + 1) {
        end = (size_t)((const char *)memchr(line + at, '\n', n - at) - line);
        ok = ss_check_json(line + at, end - at);
    }
    if (!ok) {
        fprintf(stderr, "fuzz_screen: bad event line (%zu bytes): %.*s\n", n, (int)n, line);
        abort();
    }
}

static struct ss_pipeline *setup(void)
{
    const char *path = SS_FUZZ_RULES;
    char err[512];
    struct ss_ruleset *rs = ss_ruleset_from_files(&path, 1, &ss_hs_matcher, err, sizeof err);
    if (!rs || ss_ruleset_scratch_alloc(rs, &tmpl) != SS_OK ||
        ss_screen_init(&screen, rs, tmpl, 0, true) != SS_OK) {
        fprintf(stderr, "fuzz_screen: %s: %s\n", path, rs ? "no scratch" : err);
        abort();
    }
    const struct ss_screen_opts o = {.port_warn = 1};
    if (ss_screen_cfg_setup(&cfg, NULL, &o, err, sizeof err) != 0)
        abort();
    pseudonym.ports = cfg.ports;
    cfg.pseudonym = &pseudonym;
    screen.cfg = &cfg;
    return ss_fuzz_pipeline(judge, NULL);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    static struct ss_pipeline *pl;
    if (!pl)
        pl = setup();
    ss_fuzz_feed(pl, data, size);
    return 0;
}
