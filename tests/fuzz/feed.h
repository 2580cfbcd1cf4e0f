/* The input format the harnesses share: a sequence of frames, each
 * prefixed by a 2-byte big-endian length, so that the fuzzer reaches the
 * reassembly tables (SCTP fragments, SCCP segments, TCAP dialogues,
 * concatenated parts) and not only single-frame decoders. */
#ifndef SS_FUZZ_FEED_H
#define SS_FUZZ_FEED_H

#include <stddef.h>
#include <stdint.h>

#include "dataplane/core/pipeline.h"

/* Frames per burst: odd, so that bursts end at every point of a flow. */
#define SS_FUZZ_BURST 7

/* A pipeline with small tables, so that inputs fill and evict them. */
struct ss_pipeline *ss_fuzz_pipeline(ss_sm_fn fn, void *ctx);

/* Takes up to max frames off the front of *data, each a private copy
 * exactly its length long (so that ASan catches a read past a frame),
 * with capture times and ids that run on across inputs, as on a live
 * link. Returns how many; ss_fuzz_release frees them. */
size_t ss_fuzz_take(const uint8_t **data, size_t *size, struct ss_frame_in *f, size_t max);
void ss_fuzz_release(struct ss_frame_in *f, size_t n);

/* Decodes all of data in bursts of SS_FUZZ_BURST (ss_pipeline_burst). */
void ss_fuzz_feed(struct ss_pipeline *pl, const uint8_t *data, size_t size);

#endif
