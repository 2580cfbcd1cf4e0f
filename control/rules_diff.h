/* `sigsiftctl rules diff OLD NEW --on INPUT`: a dry run of a rule
 * change. OLD and NEW are bundles or rule files, word lists or folders;
 * INPUT is a pcap or pcapng capture (told by its magic number; decoded
 * by the pipeline `sigsift scan` uses, dataplane/core/pipeline.h, every
 * complete message judged) or a corpus of label<TAB>text lines. Prints
 * each message whose verdict changes, its key (capture: time, sender and
 * completing frame; corpus: line and label), and the old and new verdict
 * with the rules behind it; then the count. Sender lists are not
 * applied: they belong to a running dataplane, not to a rule set. */
#ifndef SS_RULES_DIFF_H
#define SS_RULES_DIFF_H

#include <stdbool.h>

/* Exit status as sigsiftctl's: 0 done (whether or not verdicts change),
 * 1 refused (an input would not load, a scan failed), the reason on
 * stderr. With exit_code (--exit-code), a changed verdict is 1 too, so
 * a script can gate a rollout on "no verdict changes". */
int ss_rules_diff(const char *old_path, const char *new_path, const char *input, bool json,
                  bool exit_code);

#endif
