/* Age list of a reassembly or transaction table (see age_list.h).
 *
 * The list is kept sorted by time rather than by order of touch: the two
 * agree while capture times only grow, and when they step back (frames
 * from two links merged slightly out of order) sorting keeps "pop while
 * due" equal to a scan of every slot. Such a step costs a walk back over
 * the entries stamped later, which is short because the step is. */
#include "dataplane/reasm/age_list.h"

#include <stdlib.h>

bool ss_age_list_init(struct ss_age_list *a, uint32_t n)
{
    a->oldest = a->newest = SS_AGE_NIL;
    a->node = calloc(n ? n : 1, sizeof(*a->node));
    return a->node != NULL;
}

void ss_age_list_fini(struct ss_age_list *a)
{
    free(a->node);
    a->node = NULL;
}

void ss_age_list_insert(struct ss_age_list *a, uint32_t i, uint64_t ts_ns)
{
    struct ss_age_node *n = &a->node[i];
    uint32_t older = a->newest;

    while (older != SS_AGE_NIL && a->node[older].ts_ns > ts_ns)
        older = a->node[older].older;
    n->ts_ns = ts_ns;
    n->older = older;
    if (older == SS_AGE_NIL) {
        n->newer = a->oldest;
        a->oldest = i;
    } else {
        n->newer = a->node[older].newer;
        a->node[older].newer = i;
    }
    if (n->newer == SS_AGE_NIL)
        a->newest = i;
    else
        a->node[n->newer].older = i;
}

void ss_age_list_move(struct ss_age_list *a, uint32_t i, uint64_t ts_ns)
{
    ss_age_list_remove(a, i);
    ss_age_list_insert(a, i, ts_ns);
}
