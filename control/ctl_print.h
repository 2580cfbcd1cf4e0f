/* sigsiftctl's output for people: a control reply (one JSON object,
 * dataplane/ctl/proto.h) printed as text without knowing the verb, so a
 * member the dataplane adds later shows up without a change here:
 *
 *   member: value                 a number, string or boolean
 *   member (N):  then one per line  a list of values (senders)
 *   member:      then a table       a list of objects (workers, ports,
 *                                   history), one column per key seen
 *
 * "ok" is left out (the exit status says it). A number whose key is
 * "at" or ends in "_at" (history's "at", push's "received_at": Unix
 * seconds) is printed as an ISO 8601 UTC time, 2023-11-14T22:13:20.4Z.
 * With --json sigsiftctl prints the reply as it came instead. */
#ifndef SS_CTL_PRINT_H
#define SS_CTL_PRINT_H

#include <stdbool.h>
#include <stddef.h>
#include <stdio.h>

/* Prints reply[0..len) to f; false (nothing printed) if it is not one
 * JSON object this reader takes (nesting deeper than a table, or over
 * its node bound). */
bool ss_ctl_print_human(FILE *f, const char *reply, size_t len);

/* A refusal, as every sigsiftctl subcommand reports one: why on stderr,
 * and with json also an {"ok":false,"error":why} line on stdout. Returns
 * SS_CTL_EXIT_REFUSED (ctl_client.h). */
int ss_ctl_refused(bool json, const char *why);

/* A command line that does not fit its subcommand: the form it takes, on
 * stderr. Returns SS_CTL_EXIT_USAGE (ctl_client.h). */
int ss_ctl_usage_error(const char *form);

#endif
