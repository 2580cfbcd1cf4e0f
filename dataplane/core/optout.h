/* Opt-out wording of commercial short messages. Commercial SMS must tell
 * the subscriber how to refuse more ("回复TD退订", "退订回T", "拒收请回复R",
 * "Reply STOP"), and a subscriber refuses by answering the port with a
 * bare keyword ("TD", "退订"). Both are read on the UTF-8 text with
 * full-width ASCII folded to ASCII and letters to upper case.
 *
 * Offered: the text holds 退订, 退訂 or 拒收, or one of the words TD,
 * STOP, UNSUBSCRIBE not joined to other Latin letters (so "LTD" is not).
 * A request: the text, without white space and punctuation (ASCII, CJK,
 * full-width and general punctuation), is exactly one of TD, T, N, R,
 * 0000, 00000, STOP, UNSUBSCRIBE, 退订, 退訂 or 取消. No allocation. */
#ifndef SS_OPTOUT_H
#define SS_OPTOUT_H

#include <stdbool.h>
#include <stddef.h>

bool ss_optout_offered(const char *text, size_t len);
bool ss_optout_request(const char *text, size_t len);

#endif
