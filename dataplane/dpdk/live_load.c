/* What `rules push PATH` loads: a rule file, word list or folder,
 * compiled here on the control thread with the run's --matcher. */
#include <stdio.h>

#include "dataplane/dpdk/live.h"
#include "dataplane/dpdk/opts.h"
#include "dataplane/match/ruleset_files.h"

struct ss_ruleset *ss_live_load(const char *path, void *arg, char *err, size_t errcap)
{
    const struct ss_run_opts *o = arg;
    const struct ss_matcher_ops *m = ss_matcher_find(o->matcher);

    if (m == NULL) {
        snprintf(err, errcap, "unknown matcher %s", o->matcher);
        return NULL;
    }
    return ss_ruleset_from_files(&path, 1, m, err, errcap);
}
