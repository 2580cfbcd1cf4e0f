/* What `rules push PATH` loads: a rule bundle made by `sigsiftctl rules
 * compile` (verified by its content hash and any signature, against the
 * run's --trust store when it has one; refused if compiled for another
 * matcher than the run's --matcher; deserialised, never compiled here),
 * or else, without --trust, a rule file, word list or folder,
 * compiled here on the control thread with the run's --matcher. */
#include <stdio.h>
#include <string.h>

#include "control/bundle.h"
#include "dataplane/dpdk/live.h"
#include "dataplane/dpdk/opts.h"

struct ss_ruleset *ss_live_load(const char *path, void *arg, char *err, size_t errcap)
{
    const struct ss_run_opts *o = arg;
    const struct ss_matcher_ops *m = ss_matcher_find(o->matcher);

    if (o->trust != NULL && !ss_bundle_is_bundle(path)) {
        snprintf(err, errcap, "not a bundle, and this run takes signed bundles only (--trust %s)",
                 o->trust);
        return NULL;
    }
    if (m == NULL) {
        snprintf(err, errcap, "unknown matcher %s", o->matcher);
        return NULL;
    }
    return ss_bundle_open_rules(&path, 1, m, o->trust, err, errcap);
}
