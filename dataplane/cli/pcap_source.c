#include "dataplane/cli/pcap_source.h"

#include <pcap/pcap.h>
#include <stdio.h>

static int linktype_of(int dlt, enum ss_linktype *lt)
{
    switch (dlt) {
    case DLT_EN10MB:
        *lt = SS_LINK_ETHERNET;
        return 0;
    case DLT_RAW:
    case 101: /* LINKTYPE_RAW as stored in files */
        *lt = SS_LINK_RAW;
        return 0;
    case DLT_LINUX_SLL:
        *lt = SS_LINK_LINUX_SLL;
        return 0;
    case 276: /* DLT_LINUX_SLL2 */
        *lt = SS_LINK_LINUX_SLL2;
        return 0;
    default:
        return -1;
    }
}

int ss_pcap_each(const char *path, ss_frame_fn fn, void *ctx, char *err, size_t errlen)
{
    char perr[PCAP_ERRBUF_SIZE];
    pcap_t *p = pcap_open_offline_with_tstamp_precision(path, PCAP_TSTAMP_PRECISION_NANO, perr);
    if (!p) {
        snprintf(err, errlen, "%s: %s", path, perr);
        return -1;
    }
    enum ss_linktype lt;
    if (linktype_of(pcap_datalink(p), &lt) != 0) {
        snprintf(err, errlen, "%s: link type %s is not supported (Ethernet, Linux cooked, raw IP are)",
                 path, pcap_datalink_val_to_name(pcap_datalink(p)));
        pcap_close(p);
        return -1;
    }
    struct pcap_pkthdr *h;
    const u_char *data;
    uint64_t n = 0;
    int rc;
    while ((rc = pcap_next_ex(p, &h, &data)) == 1) {
        uint64_t ts = (uint64_t)h->ts.tv_sec * 1000000000ull + (uint64_t)h->ts.tv_usec;
        fn(ctx, data, h->caplen, lt, ts, ++n);
    }
    if (rc == PCAP_ERROR) {
        snprintf(err, errlen, "%s: frame %llu: %s", path, (unsigned long long)n + 1, pcap_geterr(p));
        pcap_close(p);
        return -1;
    }
    pcap_close(p);
    return 0;
}
