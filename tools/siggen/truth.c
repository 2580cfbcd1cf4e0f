#include "truth.h"

#include <inttypes.h>
#include <stdio.h>
#include <string.h>

static void put_str(struct sg_buf *b, const char *s)
{
    sg_buf_put(b, s, strlen(s));
}

/* JSON string per the contract: '"' and '\\' escaped, controls as \uXXXX,
 * everything else (UTF-8 included) written raw. */
static void put_json_string(struct sg_buf *b, const char *s, size_t n)
{
    sg_buf_u8(b, '"');
    for (size_t i = 0; i < n; i++) {
        unsigned char c = (unsigned char)s[i];
        if (c == '"' || c == '\\') {
            sg_buf_u8(b, '\\');
            sg_buf_u8(b, c);
        } else if (c < 0x20) {
            char esc[7];
            snprintf(esc, sizeof esc, "\\u%04x", c);
            sg_buf_put(b, esc, 6);
        } else {
            sg_buf_u8(b, c);
        }
    }
    sg_buf_u8(b, '"');
}

static void put_key_string(struct sg_buf *b, const char *key, const char *s)
{
    put_str(b, key);
    put_json_string(b, s, strlen(s));
}

/* "" stands for an absent value. */
static void put_key_optional(struct sg_buf *b, const char *key, const char *s)
{
    if (*s)
        put_key_string(b, key, s);
    else {
        put_str(b, key);
        put_str(b, "null");
    }
}

static void put_key_uint(struct sg_buf *b, const char *key, uint64_t v)
{
    char num[24];
    put_str(b, key);
    sg_buf_put(b, num, (size_t)snprintf(num, sizeof num, "%" PRIu64, v));
}

void sg_truth_format(struct sg_buf *out, const struct sg_record *r)
{
    char ts[32];
    int n = snprintf(ts, sizeof ts, "{\"ts\":%" PRIu64 ".%06" PRIu64, r->ts_us / 1000000,
                     r->ts_us % 1000000);
    sg_buf_put(out, ts, (size_t)n);
    put_key_string(out, ",\"dir\":", r->mt ? "MT" : "MO");
    put_key_uint(out, ",\"opcode\":", r->opcode);
    put_key_uint(out, ",\"map_version\":", r->map_version);
    put_key_string(out, ",\"sender\":", r->sender);
    put_key_optional(out, ",\"recipient\":", r->recipient);
    put_key_optional(out, ",\"imsi\":", r->imsi);
    put_key_optional(out, ",\"smsc\":", r->smsc);
    put_key_uint(out, ",\"dcs\":", r->dcs);
    put_key_uint(out, ",\"parts\":", r->parts);
    put_str(out, ",\"text\":");
    put_json_string(out, r->text, r->text_len);
    put_key_uint(out, ",\"opc\":", r->opc);
    put_key_uint(out, ",\"dpc\":", r->dpc);
    put_key_string(out, ",\"calling_gt\":", r->calling_gt);
    put_key_string(out, ",\"called_gt\":", r->called_gt);
    put_key_string(out, ",\"label\":", r->label);
    put_str(out, "}\n");
}
