/* `sigsift decode FILE...`: one JSON line per complete short message on
 * stdout, the counters on stderr. */
#ifndef SS_CLI_DECODE_H
#define SS_CLI_DECODE_H

int ss_decode_main(int argc, char **argv);

#endif
