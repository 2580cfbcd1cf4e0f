#include "pcap_writer.h"

#include <stdlib.h>

#define PCAP_MAGIC_US     0xa1b2c3d4u
#define LINKTYPE_ETHERNET 1
#define SNAPLEN           65535
#define IO_BUFFER         (1u << 20)

static void put_u32le(uint8_t *p, uint32_t v)
{
    p[0] = (uint8_t)v;
    p[1] = (uint8_t)(v >> 8);
    p[2] = (uint8_t)(v >> 16);
    p[3] = (uint8_t)(v >> 24);
}

bool sg_pcap_open(struct sg_pcap_writer *w, const char *path)
{
    w->f = fopen(path, "wb");
    if (!w->f)
        return false;
    w->iobuf = malloc(IO_BUFFER);
    if (w->iobuf)
        setvbuf(w->f, w->iobuf, _IOFBF, IO_BUFFER);
    /* Written little-endian: magic, version 2.4, thiszone, sigfigs, snaplen, network. */
    uint8_t h[24];
    put_u32le(h, PCAP_MAGIC_US);
    h[4] = 2, h[5] = 0, h[6] = 4, h[7] = 0;
    put_u32le(h + 8, 0);
    put_u32le(h + 12, 0);
    put_u32le(h + 16, SNAPLEN);
    put_u32le(h + 20, LINKTYPE_ETHERNET);
    fwrite(h, 1, sizeof h, w->f);
    return true;
}

void sg_pcap_write(struct sg_pcap_writer *w, uint64_t ts_us, const uint8_t *frame, size_t len)
{
    uint8_t r[16];
    put_u32le(r, (uint32_t)(ts_us / 1000000));
    put_u32le(r + 4, (uint32_t)(ts_us % 1000000));
    put_u32le(r + 8, (uint32_t)len);
    put_u32le(r + 12, (uint32_t)len);
    fwrite(r, 1, sizeof r, w->f);
    fwrite(frame, 1, len, w->f);
}

bool sg_pcap_close(struct sg_pcap_writer *w)
{
    bool ok = !ferror(w->f);
    ok = fclose(w->f) == 0 && ok;
    free(w->iobuf);
    return ok;
}
