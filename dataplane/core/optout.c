/* Opt-out wording; see optout.h. */
#include "dataplane/core/optout.h"

#include <stdint.h>
#include <string.h>

#include "dataplane/decode/utf8.h"
#include "dataplane/match/present.h"

/* Longest word looked for (UNSUBSCRIBE) plus a letter either side. */
#define WINDOW 16
/* Longest request kept, in code points, before it cannot be one. */
#define REQUEST_MAX 12

/* The code point at s[*i], *i moved past it, read as the matcher reads
 * UTF-8 (match/present.h); a malformed or cut sequence is U+FFFD for its
 * first byte. */
static uint32_t next_cp(const unsigned char *s, size_t len, size_t *i)
{
    uint32_t c;
    if (ss_present_next(SS_PRES_UTF8, s, len, i, &c) == SS_OK)
        return c;
    (*i)++;
    return SS_UNI_REPLACEMENT;
}

/* Full-width ASCII (U+FF01..U+FF5E) and the ideographic space to ASCII,
 * then lower-case letters to upper. */
static uint32_t fold(uint32_t c)
{
    if (c >= 0xff01 && c <= 0xff5e)
        c -= 0xfee0;
    else if (c == 0x3000)
        c = ' ';
    return c >= 'a' && c <= 'z' ? c - 32 : c;
}

static bool latin(uint32_t c)
{
    return c >= 'A' && c <= 'Z';
}

/* White space and punctuation: ASCII other than letters and digits,
 * general punctuation, CJK symbols and punctuation, vertical and small
 * forms, half-width punctuation. */
static bool separator(uint32_t c)
{
    if (c < 0x80)
        return !latin(c) && !(c >= '0' && c <= '9');
    return (c >= 0x2000 && c <= 0x206f) || (c >= 0x3000 && c <= 0x303f) ||
           (c >= 0xfe10 && c <= 0xfe1f) || (c >= 0xfe30 && c <= 0xfe6f) ||
           (c >= 0xff5f && c <= 0xff65);
}

struct window {
    uint32_t c[WINDOW];
    size_t n; /* code points pushed so far */
};

/* The code point k places before the last one pushed (k = 0: the last);
 * 0 before the first. */
static uint32_t back(const struct window *w, size_t k)
{
    return k < w->n ? w->c[(w->n - 1 - k) % WINDOW] : 0;
}

/* word, its last letter k places back, with no Latin letter either side
 * (the one after it is k - 1 back, none when k is 0). */
static bool word_ends_at(const struct window *w, const char *word, size_t k)
{
    size_t n = strlen(word);
    for (size_t j = 0; j < n; j++)
        if (back(w, k + j) != (uint32_t)(unsigned char)word[n - 1 - j])
            return false;
    return !latin(back(w, k + n)) && (k == 0 || !latin(back(w, k - 1)));
}

static bool any_word_ends_at(const struct window *w, size_t k)
{
    static const char *const words[] = {"TD", "STOP", "UNSUBSCRIBE"};
    for (size_t i = 0; i < sizeof words / sizeof words[0]; i++)
        if (word_ends_at(w, words[i], k))
            return true;
    return false;
}

static bool cjk_pair_ends(const struct window *w)
{
    static const uint32_t pairs[][2] = {{0x9000, 0x8ba2}, {0x9000, 0x8a02}, {0x62d2, 0x6536}};
    for (size_t i = 0; i < sizeof pairs / sizeof pairs[0]; i++)
        if (back(w, 1) == pairs[i][0] && back(w, 0) == pairs[i][1])
            return true;
    return false;
}

bool ss_optout_offered(const char *text, size_t len)
{
    struct window w = {.n = 0};
    size_t i = 0;
    bool was_latin = false;
    while (i < len) {
        uint32_t c = fold(next_cp((const unsigned char *)text, len, &i));
        w.c[w.n++ % WINDOW] = c;
        /* Only the second of a pair (订, 訂, 收) can end one, and a word is
         * known to end once the code point after it is seen. */
        if ((c == 0x8ba2 || c == 0x8a02 || c == 0x6536) && cjk_pair_ends(&w))
            return true;
        bool is_latin = latin(c);
        if (was_latin && !is_latin && any_word_ends_at(&w, 1))
            return true;
        was_latin = is_latin;
    }
    return was_latin && any_word_ends_at(&w, 0);
}

/* More than REQUEST_MAX code points that are surely not separators: ASCII
 * letters and digits, and those whose UTF-8 lead byte no separator has
 * (every separator above ASCII starts with E2, E3 or EF). Most texts are
 * longer than a request, and this tells them apart byte by byte. */
static bool too_long_for_request(const unsigned char *s, size_t len)
{
    size_t sure = 0;
    for (size_t i = 0; i < len; i++) {
        unsigned char b = s[i];
        bool alnum = (b >= '0' && b <= '9') || ((b | 0x20) >= 'a' && (b | 0x20) <= 'z');
        bool lead = b >= 0xc2 && b != 0xe2 && b != 0xe3 && b != 0xef;
        if ((alnum || lead) && ++sure > REQUEST_MAX)
            return true;
    }
    return false;
}

bool ss_optout_request(const char *text, size_t len)
{
    static const char *const requests[] = {"TD",   "T",           "N",    "R",    "0000", "00000",
                                           "STOP", "UNSUBSCRIBE", "退订", "退訂", "取消"};
    char kept[REQUEST_MAX * 4 + 1];
    size_t i = 0, n = 0, cps = 0;
    if (too_long_for_request((const unsigned char *)text, len))
        return false;
    while (i < len) {
        uint32_t c = fold(next_cp((const unsigned char *)text, len, &i));
        if (separator(c))
            continue;
        if (++cps > REQUEST_MAX)
            return false;
        n = ss_utf8_write(c, kept, n);
    }
    kept[n] = '\0';
    for (size_t k = 0; k < sizeof requests / sizeof requests[0]; k++)
        if (strcmp(kept, requests[k]) == 0)
            return true;
    return false;
}
