/* The input format the harnesses share: a sequence of frames, each
 * prefixed by a 2-byte big-endian length, so that the fuzzer reaches the
 * reassembly tables (SCTP fragments, SCCP segments, TCAP dialogues,
 * concatenated parts) and not only single-frame decoders. */
#ifndef SS_FUZZ_FEED_H
#define SS_FUZZ_FEED_H

#include <stddef.h>
#include <stdint.h>

#include "dataplane/core/pipeline.h"

/* A pipeline with small tables, so that inputs fill and evict them. */
struct ss_pipeline *ss_fuzz_pipeline(ss_sm_fn fn, void *ctx);

/* Splits data into frames and decodes each from a private copy exactly
 * its length long, so that ASan catches any read past a frame. */
void ss_fuzz_feed(struct ss_pipeline *pl, const uint8_t *data, size_t size);

#endif
