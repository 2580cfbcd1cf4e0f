/* Deterministic pseudo-random numbers: xoshiro256** seeded by splitmix64.
 * Never rand(): the same --seed must give the same capture on every libc. */
#ifndef SG_PRNG_H
#define SG_PRNG_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

struct sg_prng {
    uint64_t s[4];
};

void sg_prng_seed(struct sg_prng *r, uint64_t seed);
uint64_t sg_prng_next(struct sg_prng *r);
/* Uniform in [0, n); n == 0 returns 0. */
uint32_t sg_prng_below(struct sg_prng *r, uint32_t n);
/* Uniform in [lo, hi]. */
uint32_t sg_prng_range(struct sg_prng *r, uint32_t lo, uint32_t hi);
/* True with probability pct/100. */
bool sg_prng_pct(struct sg_prng *r, int pct);
/* Writes n random decimal digits and a terminating NUL. */
void sg_prng_digits(struct sg_prng *r, char *out, size_t n);
/* Fisher-Yates shuffle of an index array. */
void sg_prng_shuffle(struct sg_prng *r, unsigned *idx, size_t n);

#endif
