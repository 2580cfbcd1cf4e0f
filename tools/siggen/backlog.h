/* Results held back so that dialogues overlap, as on a busy link: the
 * invokes of later messages go out before the results of earlier ones. */
#ifndef SG_BACKLOG_H
#define SG_BACKLOG_H

#include <stddef.h>
#include "context.h"
#include "sms_plan.h"

#define SG_BACKLOG_MAX 8

struct sg_backlog;

struct sg_backlog *sg_backlog_new(void);
void sg_backlog_free(struct sg_backlog *b);
/* Sends every invoke of the message now and holds its results back, then
 * releases the results of a random number of older messages. */
void sg_backlog_send(struct sg_ctx *c, const struct sg_sms_plan *p);
/* Sends held results, oldest first, until at most `keep` messages wait. */
void sg_backlog_drain(struct sg_ctx *c, size_t keep);

#endif
