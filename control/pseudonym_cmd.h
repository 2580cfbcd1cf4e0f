/* sigsiftctl pseudonym: the key of `sigsift scan/run --pseudonymise` and
 * the way back from a known number to the pseudonym events name it by:
 *
 *   pseudonym new-key FILE                     a new secret key (mode 0600)
 *   pseudonym ID... --key FILE [--port-prefix DIGITS]...
 *
 * Exit statuses as in ctl_client.h: 0 done, 1 refused, 2 usage. */
#ifndef SS_PSEUDONYM_CMD_H
#define SS_PSEUDONYM_CMD_H

#include <stdbool.h>
#include <stdio.h>

bool ss_pseudonym_cmd_handles(int argc, char **argv);
int ss_pseudonym_cmd_run(int argc, char **argv, bool json);
void ss_pseudonym_cmd_usage(FILE *f);

#endif
