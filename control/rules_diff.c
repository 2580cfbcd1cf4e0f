/* `sigsiftctl rules diff` (rules_diff.h): two rule sets, one input, the
 * messages whose verdict changes. A capture goes through the same
 * libpcap reader and pipeline as `sigsift scan`; a corpus is read line
 * by line. */
#include "control/rules_diff.h"

#include <errno.h>
#include <inttypes.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "control/bundle.h"
#include "control/ctl_client.h"
#include "dataplane/cli/pcap_source.h"
#include "dataplane/core/burst.h"
#include "dataplane/ctl/proto.h"
#include "dataplane/match/policy.h"
#include "dataplane/match/ruleset_files.h"

struct diff {
    struct ss_ruleset *rs[2];
    struct ss_ruleset_scratch *sc[2];
    struct ss_pipeline *pl;
    struct ss_burst burst;
    bool json, exit_code;
    uint64_t judged, changed, failed;
    struct ss_ctl_reply out; /* one change, as JSON or text */
};

/* A bundle, or else rule files, word lists or a folder compiled here. */
static struct ss_ruleset *open_ruleset(const char *path, char *err, size_t errcap)
{
    struct ss_ruleset *rs = NULL;
    struct ss_bundle_manifest m;
    if (!ss_bundle_is_bundle(path))
        return ss_ruleset_from_files(&path, 1, &ss_hs_matcher, err, errcap);
    return ss_bundle_load(path, NULL, NULL, &rs, &m, err, errcap) == SS_OK ? rs : NULL;
}

/* pcap (either byte order, micro- or nanoseconds) or pcapng. */
static bool is_capture(const char *path)
{
    static const uint32_t magic[] = {0xa1b2c3d4, 0xd4c3b2a1, 0xa1b23c4d, 0x4d3cb2a1, 0x0a0d0d0a};
    uint32_t m = 0;
    FILE *f = fopen(path, "rb");
    if (f == NULL)
        return false;
    size_t n = fread(&m, 1, sizeof m, f);
    fclose(f);
    for (size_t i = 0; n == sizeof m && i < sizeof magic / sizeof magic[0]; i++)
        if (m == magic[i])
            return true;
    return false;
}

static void put_side(struct diff *d, const char *name, const struct ss_ruleset *rs,
                     const struct ss_verdict *v)
{
    uint32_t n = v->n_rules < SS_VERDICT_RULES_MAX ? v->n_rules : SS_VERDICT_RULES_MAX;
    if (d->json)
        ss_ctl_reply_fmt(&d->out, ",\"%s\":{\"verdict\":\"%s\",\"rules\":[", name,
                         ss_verdict_name(v));
    else
        ss_ctl_reply_fmt(&d->out, "%s%s [", name[0] == 'o' ? "" : " -> ", ss_verdict_name(v));
    for (uint32_t i = 0; i < n; i++) {
        const char *id = rs->rules.rule[v->rules[i]].id;
        ss_ctl_reply_raw(&d->out, i ? (d->json ? "," : " ") : "");
        if (d->json)
            ss_ctl_reply_str(&d->out, id, strlen(id));
        else
            ss_ctl_reply_raw(&d->out, id);
    }
    ss_ctl_reply_raw(&d->out, d->json ? "]}" : "]");
}

/* Judges text with both sets; when the verdict changes, finishes the
 * line begun in d->out (its key) and prints it. */
static void judge(struct diff *d, const char *text, size_t len)
{
    struct ss_verdict v[2];
    d->judged++;
    for (int k = 0; k < 2; k++)
        if (ss_judge(d->rs[k], d->sc[k], text, len, &v[k]) != SS_OK) {
            d->failed++;
            return;
        }
    if (v[0].action == v[1].action)
        return;
    d->changed++;
    if (d->json) {
        ss_ctl_reply_raw(&d->out, ",\"text\":");
        ss_ctl_reply_str(&d->out, text, len);
    } else {
        ss_ctl_reply_raw(&d->out, ": ");
    }
    put_side(d, "old", d->rs[0], &v[0]);
    put_side(d, "new", d->rs[1], &v[1]);
    ss_ctl_reply_raw(&d->out, d->json ? "}" : "");
    fwrite(d->out.buf, 1, ss_ctl_reply_end(&d->out), stdout);
}

static void begin(struct diff *d)
{
    d->out.len = 0;
    d->out.overflow = false;
}

static void on_sm(void *ctx, const struct ss_sm *sm)
{
    struct diff *d = ctx;
    uint64_t frame = 0;
    for (unsigned i = 0; i < sm->frames.n; i++)
        frame = sm->frames.id[i] > frame ? sm->frames.id[i] : frame;
    uint64_t s = sm->ts_ns / 1000000000u, us = sm->ts_ns % 1000000000u / 1000u;
    begin(d);
    if (d->json) {
        ss_ctl_reply_fmt(
            &d->out, "{\"frame\":%" PRIu64 ",\"ts\":%" PRIu64 ".%06" PRIu64 ",\"sender\":", frame,
            s, us);
        ss_ctl_reply_str(&d->out, sm->sender, strlen(sm->sender));
    } else {
        ss_ctl_reply_fmt(&d->out, "frame %" PRIu64 " (%" PRIu64 ".%06" PRIu64 ", from %s)", frame,
                         s, us, sm->sender);
    }
    judge(d, sm->text, sm->text_len);
}

static void on_frame(void *ctx, const uint8_t *frame, size_t len, enum ss_linktype lt,
                     uint64_t ts_ns, uint64_t frame_no)
{
    struct diff *d = ctx;
    ss_burst_add(&d->burst, frame, len, lt, ts_ns, frame_no);
}

static bool diff_capture(struct diff *d, const char *path, char *err, size_t errcap)
{
    struct ss_pipeline_cfg cfg;
    ss_pipeline_cfg_default(&cfg);
    if ((d->pl = ss_pipeline_new(&cfg, on_sm, d)) == NULL) {
        snprintf(err, errcap, "out of memory");
        return false;
    }
    ss_burst_init(&d->burst, d->pl);
    bool ok = ss_pcap_each(path, on_frame, d, err, errcap) == 0;
    if (ok) {
        ss_burst_flush(&d->burst);
        ss_pipeline_finish(d->pl);
    }
    ss_pipeline_free(d->pl);
    return ok;
}

static bool diff_corpus(struct diff *d, const char *path, char *err, size_t errcap)
{
    static char line[SS_MATCH_TEXT_MAX + 256];
    FILE *f = fopen(path, "r");
    if (f == NULL) {
        snprintf(err, errcap, "%s: %s", path, strerror(errno));
        return false;
    }
    for (unsigned long no = 1; fgets(line, sizeof line, f) != NULL; no++) {
        char *text = strchr(line, '\t');
        if (text == NULL)
            continue;
        *text++ = '\0';
        text[strcspn(text, "\r\n")] = '\0';
        begin(d);
        if (d->json) {
            ss_ctl_reply_fmt(&d->out, "{\"line\":%lu,\"label\":", no);
            ss_ctl_reply_str(&d->out, line, strlen(line));
        } else {
            ss_ctl_reply_fmt(&d->out, "line %lu (%s)", no, line);
        }
        judge(d, text, strlen(text));
    }
    fclose(f);
    return true;
}

static int run(struct diff *d, const char *const paths[2], const char *input)
{
    char err[SS_BUNDLE_ERR_MAX];
    for (int k = 0; k < 2; k++) {
        if ((d->rs[k] = open_ruleset(paths[k], err, sizeof err)) == NULL)
            return fprintf(stderr, "sigsiftctl: %s\n", err), SS_CTL_EXIT_REFUSED;
        if (ss_ruleset_scratch_alloc(d->rs[k], &d->sc[k]) != SS_OK)
            return fprintf(stderr, "sigsiftctl: out of memory\n"), SS_CTL_EXIT_REFUSED;
    }
    bool ok = is_capture(input) ? diff_capture(d, input, err, sizeof err)
                                : diff_corpus(d, input, err, sizeof err);
    if (!ok)
        return fprintf(stderr, "sigsiftctl: %s\n", err), SS_CTL_EXIT_REFUSED;
    if (d->json)
        printf("{\"ok\":true,\"judged\":%" PRIu64 ",\"changed\":%" PRIu64 ",\"failed\":%" PRIu64
               "}\n",
               d->judged, d->changed, d->failed);
    else
        printf("%" PRIu64 " of %" PRIu64 " messages change verdict; %" PRIu64 " scans failed\n",
               d->changed, d->judged, d->failed);
    return d->failed || (d->exit_code && d->changed) ? SS_CTL_EXIT_REFUSED : SS_CTL_EXIT_OK;
}

int ss_rules_diff(const char *old_path, const char *new_path, const char *input, bool json,
                  bool exit_code)
{
    struct diff *d = calloc(1, sizeof *d);
    if (d == NULL)
        return SS_CTL_EXIT_REFUSED;
    const char *paths[2] = {old_path, new_path};
    d->json = json;
    d->exit_code = exit_code;
    int rc = run(d, paths, input);
    for (int k = 0; k < 2; k++) {
        if (d->sc[k] != NULL)
            ss_ruleset_scratch_free(d->rs[k], d->sc[k]);
        if (d->rs[k] != NULL)
            ss_ruleset_free(d->rs[k]);
    }
    free(d);
    return rc;
}
