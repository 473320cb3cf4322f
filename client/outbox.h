/* outbox.h: the terminal's durable offline outbox. A write that gets no
 * answer because the server cannot be reached is kept here (one checksummed
 * record per request, outbox_rec.h, written to a temp file, fsync'd,
 * renamed, the directory fsync'd) before the terminal says "queued" and
 * gives the offline receipt OFF-<state>-<district>-<station>-<terminal>-<seq>.
 * cctns sync, and any command that reaches the server, delivers the queue in
 * order with the stored idempotency keys; the server assigns the real number
 * at delivery, and the receipt -> number mapping is kept in delivered.log.
 *
 * The directory ([outbox] dir in station.conf, default "outbox" beside it):
 *   seq             the last receipt sequence given (temp + rename)
 *   .lock           flock: one queuer/deliverer at a time
 *   queue/NNNNNNNNNN.rec     waiting, delivered in name (= sequence) order
 *   delivered.log            RECEIPT TAB NOUN TAB NUMBER TAB TIME TAB KEY
 *                            (a delivered record itself is removed: no
 *                            personal data stays once the server has it)
 *   failed/...rec + .reason  refused by the server, with its message
 *   damaged/...rec + .reason torn or altered: never replayed */
#ifndef CCTNS_CLIENT_OUTBOX_H
#define CCTNS_CLIENT_OUTBOX_H

#include <stdio.h>

#include "cli.h"

/* Keep env (a write of noun, with its idempotency key key_hex) for later
 * delivery; why is what went wrong. Prints the offline receipt (text or,
 * with json, a JSON object) on stdout only after the record is durably
 * stored. Returns the exit code: 0 when queued, else the code of why after
 * saying why nothing was queued. */
int outbox_queue(cli_ctx *ctx, const char *noun, const Envelope *env,
                 const char *key_hex, int json, const term_error *why)
        __attribute__((warn_unused_result));

/* Deliver what is queued over *conn (reconnecting on a lost link, as every
 * write does), in order. quiet: said on stderr in one line per record (the
 * automatic delivery before a command); else on stdout. *conn is NULL
 * afterwards when the link was lost. Returns the number of records left
 * queued because the server could not take them now (0: all done). */
int outbox_deliver(cli_ctx *ctx, term_conn **conn, int quiet);

/* Is anything waiting in the queue? (config loaded) */
int outbox_pending(const cli_ctx *ctx);
/* ops (issue 7): how many writes wait in the queue (0 without an outbox). */
int outbox_count(const cli_ctx *ctx);

#endif
