#include "prng.h"

static uint64_t splitmix64(uint64_t *x)
{
    uint64_t z = (*x += 0x9e3779b97f4a7c15ull);
    z = (z ^ (z >> 30)) * 0xbf58476d1ce4e5b9ull;
    z = (z ^ (z >> 27)) * 0x94d049bb133111ebull;
    return z ^ (z >> 31);
}

static uint64_t rotl(uint64_t x, int k)
{
    return (x << k) | (x >> (64 - k));
}

void sg_prng_seed(struct sg_prng *r, uint64_t seed)
{
    for (int i = 0; i < 4; i++)
        r->s[i] = splitmix64(&seed);
}

uint64_t sg_prng_next(struct sg_prng *r)
{
    uint64_t *s = r->s;
    uint64_t result = rotl(s[1] * 5, 7) * 9;
    uint64_t t = s[1] << 17;
    s[2] ^= s[0];
    s[3] ^= s[1];
    s[1] ^= s[2];
    s[0] ^= s[3];
    s[2] ^= t;
    s[3] = rotl(s[3], 45);
    return result;
}

/* Lemire's multiply-shift: the bias for n < 2^32 is below 2^-32, irrelevant here. */
uint32_t sg_prng_below(struct sg_prng *r, uint32_t n)
{
    return (uint32_t)(((sg_prng_next(r) >> 32) * (uint64_t)n) >> 32);
}

uint32_t sg_prng_range(struct sg_prng *r, uint32_t lo, uint32_t hi)
{
    return lo + sg_prng_below(r, hi - lo + 1);
}

bool sg_prng_pct(struct sg_prng *r, int pct)
{
    return (int)sg_prng_below(r, 100) < pct;
}

void sg_prng_digits(struct sg_prng *r, char *out, size_t n)
{
    for (size_t i = 0; i < n; i++)
        out[i] = (char)('0' + sg_prng_below(r, 10));
    out[n] = '\0';
}

void sg_prng_shuffle(struct sg_prng *r, unsigned *idx, size_t n)
{
    for (size_t i = n; i > 1; i--) {
        size_t j = sg_prng_below(r, (uint32_t)i);
        unsigned t = idx[i - 1];
        idx[i - 1] = idx[j];
        idx[j] = t;
    }
}
