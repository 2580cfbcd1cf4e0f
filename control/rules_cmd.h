/* sigsiftctl's offline subcommands, which need no running dataplane:
 *
 *   rules check PATH...                    load and validate (file:line)
 *   rules compile PATH... -o BUNDLE [--operator X] [--region Y]
 *              (PATH: rule files, word lists or folders, as --rules)
 *   rules sign BUNDLE --key SECRET         (SECRET from keygen)
 *   rules verify BUNDLE [--trust DIR]      hash, signature, databases
 *   rules merge A B... -o OUT              refused on conflicting ids
 *   rules diff OLD NEW --on CAPTURE|CORPUS rules_diff.h
 *   keygen NAME                            NAME.key (secret) and NAME.pub
 *   trust add NAME PUBFILE | trust remove NAME | trust list  [--trust DIR]
 *                                          the store of peers' public keys
 *
 * Exit statuses as in ctl_client.h: 0 done, 1 refused, 2 usage. */
#ifndef SS_RULES_CMD_H
#define SS_RULES_CMD_H

#include <stdbool.h>
#include <stdio.h>

#define SS_TRUST_DIR_DEFAULT "/etc/sigsift/trust"

bool ss_rules_cmd_handles(int argc, char **argv);
int ss_rules_cmd_run(int argc, char **argv, bool json);
void ss_rules_cmd_usage(FILE *f);

#endif
