/* Offline frame source: every frame of a pcap or pcapng file, read with
 * libpcap, numbered from 1 as Wireshark numbers them. */
#ifndef SS_PCAP_SOURCE_H
#define SS_PCAP_SOURCE_H

#include <stddef.h>
#include <stdint.h>

#include "dataplane/decode/link.h"

typedef void (*ss_frame_fn)(void *ctx, const uint8_t *frame, size_t len, enum ss_linktype lt,
                            uint64_t ts_ns, uint64_t frame_no);

/* Returns 0 after the last frame, -1 with a message in err when the file
 * cannot be read or its link type is not one sigsift decodes. */
int ss_pcap_each(const char *path, ss_frame_fn fn, void *ctx, char *err, size_t errlen);

#endif
