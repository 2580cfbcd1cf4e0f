/* `sigsift scan [options] CAPTURE...`: decode and judge offline. */
#ifndef SS_CLI_SCAN_H
#define SS_CLI_SCAN_H

int ss_scan_main(int argc, char **argv);

#endif
