/* Classic libpcap file writer: DLT_EN10MB, microsecond timestamps. */
#ifndef SG_PCAP_WRITER_H
#define SG_PCAP_WRITER_H

#include <stdbool.h>
#include <stdint.h>
#include <stdio.h>

struct sg_pcap_writer {
    FILE *f;
    char *iobuf;
};

bool sg_pcap_open(struct sg_pcap_writer *w, const char *path);
void sg_pcap_write(struct sg_pcap_writer *w, uint64_t ts_us, const uint8_t *frame, size_t len);
/* Flushes and closes; false when any write failed. */
bool sg_pcap_close(struct sg_pcap_writer *w);

#endif
