/* Hashes shared by the table compiler and the model; they must equal
 * hw/verilog/kwm_hash.v and the bucket mix in kwm_confirm.v. */
#include "control/fpga/kwm.h"

/* H3 rows, four independent sets (one per Bloom hash; set 0 also feeds
 * the bucket hash): row 8j+b is XORed in when bit b of the j-th byte from the end
 * is set (Carter & Wegman 1979, class H3). Fixed random constants. */
static const uint32_t kwm_h3_rows[SS_KWM_HASHES_MAX][8 * SS_KWM_WIN] = {
    {
        0xfe27176bu, 0x6ee00924u, 0xacb3e229u, 0xc6a99922u, 0x9351510au, 0x80ab4742u, 0xefb08721u, 0x3b67e6cfu,
        0xe08b296cu, 0x2feca1c1u, 0x89988d24u, 0xd071865du, 0x2f44f0bdu, 0x1ce919c3u, 0x00d349e1u, 0xc1ee5e60u,
        0xd6a77448u, 0x29243222u, 0x855105bdu, 0xf6922ca7u, 0xfd68fda6u, 0xbe75951cu, 0xa836f139u, 0x293178a6u,
        0xf5490aacu, 0xac98e042u, 0x0e49474du, 0xb2c9a780u, 0x0982d298u, 0xaa1ca629u, 0x59db24cbu, 0xa58d03b6u,
        0x54d4b1f9u, 0xb36d4129u, 0x619bef4bu, 0xda788b12u, 0xe0f17a55u, 0x3c3972bbu, 0xa40bcbb4u, 0xad3e57edu,
        0xe46acd8au, 0x987b1ff1u, 0x2ea7b38fu, 0xe60b4c6cu, 0xdcf911e3u, 0x28b3f76bu, 0x6aa34b03u, 0x2c97173au,
        0x8fb6d915u, 0xe72b2e3au, 0x52a71d2bu, 0xa771c1c1u, 0x5eb80ccdu, 0xa7682961u, 0x8cc2f51eu, 0x8ca57f2du,
        0xb1e20533u, 0xc6d8e958u, 0x93b621edu, 0x2bfbb5c5u, 0x7894fd5du, 0x08c67a73u, 0x4fd1b668u, 0x8b1f4d22u,
    },
    {
        0xc9568b62u, 0x02d080c7u, 0xd5d8fc88u, 0x66b64b2au, 0x7aa2fc84u, 0xc956315cu, 0x4693d721u, 0xa217bd26u,
        0xe6df4d74u, 0x4fb280fcu, 0x7290b7b6u, 0xe5019622u, 0xaf76b3e4u, 0x459e18cdu, 0x88fe484au, 0x703f4c3au,
        0xc7edb520u, 0x7c769f80u, 0x3c7780c5u, 0x194bfec5u, 0x44c92d31u, 0x4f6d7979u, 0xa0bcd4f5u, 0x0b85dfcdu,
        0xb2bb4131u, 0xa66cc65au, 0xe72dfb82u, 0x970cbfacu, 0xe9c60e5du, 0x7bf7e664u, 0x7bb52fc8u, 0xfbfb4939u,
        0xadc157c6u, 0x94d62fadu, 0x84434840u, 0x7a7bfcb5u, 0xaa60165eu, 0x80d6ff03u, 0x0c764dbdu, 0x5281b23bu,
        0x13b46723u, 0x2ecf7acbu, 0xbb719814u, 0x24f54aefu, 0xde42fddeu, 0xc71405a0u, 0x6dedb521u, 0x3447f3f1u,
        0x544b0300u, 0x471b528bu, 0x2f3dfc64u, 0xe4fb8c95u, 0x2226e20eu, 0x5f0cdb13u, 0xc3fa4170u, 0xb594d32du,
        0xf7d2110cu, 0xfacf345au, 0x354a7244u, 0x0363182fu, 0xaa9ee0b3u, 0xc8c6a884u, 0x5c10278cu, 0x9820d94eu,
    },
    {
        0xb15f1a33u, 0xef83a87bu, 0x749d272bu, 0x2d24cceau, 0xff3b507eu, 0x55f13deau, 0x5bfc0f87u, 0xae9cbe92u,
        0xe17e4e60u, 0x00b80d9cu, 0xcf4f719du, 0xc4b5d02fu, 0x945d6609u, 0x83162bb6u, 0xe37cc8b7u, 0x5927cee8u,
        0xc4e74cf6u, 0x376418aau, 0x977132a5u, 0x056a0637u, 0x6ce60060u, 0xed6d3c8cu, 0x6009fcefu, 0xa57b3673u,
        0xb4a6b6f5u, 0xb478d0c9u, 0x5740f167u, 0x3b2feed3u, 0x3232a2fau, 0xb0c8a0eau, 0xf8a689a9u, 0x8c64d220u,
        0xebfe1251u, 0xcc1fbfd2u, 0x029916a0u, 0x2508f8aau, 0xcac58e94u, 0xee471700u, 0x43aa09bdu, 0xf3a2446cu,
        0xd51f32f5u, 0x7502f2f3u, 0xb57574a5u, 0x93c862e6u, 0xe1982d3fu, 0x3ce42b0fu, 0x0b62b219u, 0x9c8c942fu,
        0x114c43b4u, 0x1fa45418u, 0x30b54375u, 0x3cd91a9fu, 0xf1b9178eu, 0x9810b6bdu, 0x247f4abdu, 0xc7d605bbu,
        0x8be15331u, 0x8a143190u, 0xe0d824ccu, 0x4669f63eu, 0xfa5cf65au, 0x5613e8f0u, 0xc5ab395bu, 0x5b74a603u,
    },
    {
        0x684e2101u, 0xf6b71db2u, 0x4c336210u, 0x332b2692u, 0x4a594466u, 0xecddad26u, 0xee969626u, 0x38099f7cu,
        0x0942022cu, 0x2d69e25cu, 0x35f9d4f7u, 0xc08aa201u, 0x21fc4e61u, 0x596ea832u, 0x57f0712fu, 0xadeb5d1bu,
        0x8256caabu, 0x3fb86a53u, 0x998da8cbu, 0xa83fdc89u, 0x83c004f1u, 0xc7d46b5fu, 0xbc89898bu, 0x813e90e5u,
        0xaa052a28u, 0xd0d48913u, 0x90ab4123u, 0x64ff521eu, 0x060d3790u, 0x2483db97u, 0xd2d5e06bu, 0x1db40459u,
        0x230c4a0du, 0x919dce12u, 0x4b8de6f0u, 0x75e61dd5u, 0x63a770a1u, 0xff9b189bu, 0x3eecba95u, 0xc2267b64u,
        0x841846aau, 0x0798cd4fu, 0x2adae126u, 0x6165fcbbu, 0xbf6edaa8u, 0x801b3801u, 0xb50e9eceu, 0xa6a3fd16u,
        0xce71ba9eu, 0x395fffb4u, 0x1bfeb3c3u, 0x32352f91u, 0xc5abd98du, 0xe936fd2cu, 0xb7dd1e39u, 0xae349552u,
        0xbe9e2c55u, 0xef52073bu, 0x7c9d883eu, 0x1f7be5abu, 0x887412b8u, 0x30090041u, 0x0a928225u, 0xea596d3bu,
    },
};

/* Mixed into the bucket hash so that windows of different lengths whose
 * short bytes agree land in unrelated buckets. */
static const uint32_t kwm_len_keys[SS_KWM_WIN] = {
    0x2d645c2au, 0xb1fb7ed5u, 0xfb06e283u, 0xd9b2acc7u, 0xfa7cfe88u, 0x83f16e09u, 0xfb2dd056u, 0x25cf05ffu,
};

uint32_t ss_kwm_hash(unsigned set, const uint8_t *rev, unsigned L)
{
    uint32_t h = 0;

    for (unsigned j = 0; j < L; j++)
        for (unsigned b = 0; b < 8; b++)
            if (rev[j] >> b & 1u)
                h ^= kwm_h3_rows[set][8 * j + b];
    return h;
}

/* Short windows have at most 2^(8L) values; their filters are no larger. */
unsigned ss_kwm_filter_bits(const struct ss_kwm_geom *g, unsigned L)
{
    return g->filter_bits[L - 1] < 8 * L ? g->filter_bits[L - 1] : 8 * L;
}

uint32_t ss_kwm_filter_index(const struct ss_kwm_geom *g, uint32_t h, unsigned L)
{
    return h & ((1u << ss_kwm_filter_bits(g, L)) - 1u);
}

uint32_t ss_kwm_bucket(uint32_t h, unsigned L, unsigned index_bits)
{
    uint32_t rot = h >> 11 | h << 21;

    return (rot ^ kwm_len_keys[L - 1]) & ((1u << index_bits) - 1u);
}

enum ss_result ss_kwm_geom_check(const struct ss_kwm_geom *g)
{
    for (unsigned L = 1; L <= SS_KWM_WIN; L++)
        if (g->filter_bits[L - 1] < 5 || g->filter_bits[L - 1] > 25)
            return SS_BAD_VALUE;
    if (g->hashes < 1 || g->hashes > SS_KWM_HASHES_MAX || g->index_bits < 4 || g->index_bits > 24 ||
        g->store_bits < 4 || g->store_bits > 24 || g->maxk < SS_KWM_WIN ||
        g->maxk > SS_KWM_MAXK_LIMIT || g->maxk % 4 != 0 || g->data_bytes < 8 ||
        (g->data_bytes & (g->data_bytes - 1)) != 0)
        return SS_BAD_VALUE;
    return SS_OK;
}
