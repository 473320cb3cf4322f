/* audit.h: the server's audit log writer. Every request the server answers
 * or refuses is appended as one record (audit_chain.h) to this process's
 * hash chain: hashed here, at once, in the order of the answers, then
 * written to audit.log in batches (api.audit_append_arrays, one statement and
 * one transaction per batch) through a pool of its own with one
 * connection. A record someone waits for (a write's answer) goes at the
 * end of the loop pass that made it, with every record before it, as one
 * batch pipelined behind the batches still in flight (at most
 * AUDIT_INFLIGHT_MAX; past that, records wait and go together: group
 * commit); it waits for its own batch's commit, not first for the batch
 * before it. Records no one waits for (reads, refusals) wait until
 * AUDIT_GROUP_RECORDS of them do or the oldest has waited AUDIT_GROUP_MS,
 * and no batch is on the wire (or a held record takes them along): one
 * transaction for many reads. A batch never queues behind other
 * statements.
 *
 * A caller may ask to be told when its record is committed (the session
 * holds the answer to a write until then). A failed batch is kept and sent
 * again, with backoff, until it is written: a record is never dropped while
 * the server runs. Past AUDIT_PENDING_MAX records waiting, audit_full() says
 * so and the session refuses new requests with UNAVAILABLE instead of
 * growing memory; how many were refused that way is itself recorded (one
 * "audit_overflow" record) once the backlog has drained. */
#ifndef CCTNS_SERVER_AUDIT_H
#define CCTNS_SERVER_AUDIT_H

#include <stddef.h>
#include <stdint.h>

#include "audit_chain.h"
#include "envelope.h"

struct event_base;
struct metrics;
struct pool;
struct audit;

#define AUDIT_PENDING_MAX  20000 /* records waiting; past it, refuse */
#define AUDIT_BATCH_MAX    1000  /* records per statement */
#define AUDIT_INFLIGHT_MAX 8     /* batches on the wire at once */
#define AUDIT_GROUP_MS      10  /* records no one waits for wait at most */
#define AUDIT_GROUP_RECORDS 250 /* ... or until this many wait */

/* What the caller knows of a request; the writer adds chain, sequence,
 * time and hashes. Strings may be NULL (none); they are cleaned
 * (audit_clean) and cut to their column's size. */
struct audit_entry {
	uint32_t state, district, station; /* 0: none */
	const char *terminal;
	const char *officer;
	const char *action;
	const char *record;
	const char *outcome;
};

struct identity;

/* Fill e for a request of a terminal with identity id (its codes only once
 * known), the signed-in officer's number ("" or NULL: none) and the rest
 * as given. Pointers are kept, not copied. */
void audit_entry_set(struct audit_entry *e, const struct identity *id,
                     const char *officer_no, const char *action,
                     const char *record, const char *outcome);

/* Called once for a record appended with a callback: ok 1 when its batch
 * has committed, 0 when it never will (the server is stopping). */
typedef void (*audit_done_fn)(void *arg, int ok);

/* A new chain for this process (random id, host name, pid, now). pool:
 * the audit's own, of one connection (answers come in the order sent);
 * free it between audit_stop() and audit_free(). */
struct audit *audit_new(struct event_base *base, struct pool *pool,
                        struct metrics *metrics);

/* Append e. With done set, done(arg, ok) is called once, never from
 * inside this call. */
void audit_append(struct audit *a, const struct audit_entry *e,
                  audit_done_fn done, void *arg);

/* reg (0058): a write whose statement appends its own record in its own
 * transaction (api.audit_in_tx: one commit for both, to a chain of that
 * database session's). The statement's extra parameters, as text, in this
 * order: the worker's host and pid (for the session's chain), the state,
 * district and station codes, terminal, officer, action and outcome of e
 * (NULL for a code 0 or no string), cleaned as audit_append cleans them.
 * values[] point into t. The record field of e is not used: the statement
 * names it from its own result. */
#define AUDIT_TX_NPARAMS 9
struct audit_tx {
	const char *values[AUDIT_TX_NPARAMS];
	char codes[3][12];
	char terminal[AUDIT_TERMINAL_MAX + 1];
	char officer[AUDIT_OFFICER_MAX + 1];
	char action[AUDIT_ACTION_MAX + 1];
	char outcome[AUDIT_OUTCOME_MAX + 1];
};
void audit_tx_params(const struct audit *a, const struct audit_entry *e,
                     struct audit_tx *t);

/* Count a write whose record its own transaction wrote (metrics). */
void audit_tx_written(struct audit *a);

/* Too many records waiting: refuse new requests (and count them with
 * audit_refused()). */
int audit_full(const struct audit *a);
void audit_refused(struct audit *a);

/* Call fn(arg) once every record appended so far is written (at once, if
 * so already); closes the chain first. For a clean exit. */
void audit_when_idle(struct audit *a, void (*fn)(void *), void *arg);

/* Stop: every waiting callback gets ok 0; nothing more is sent. Call
 * before pool_free(); then audit_free() after it, which drops (ok 0) what
 * was appended in between. */
void audit_stop(struct audit *a);
void audit_free(struct audit *a);

/* The record a message names, into out ("" if none): the first field, in
 * field order, whose name is a record number's (fir_number, number,
 * petition_number, ..., person_id, date; a fixed list, so never a name,
 * phone or free text) of the body of env; with deep, also one level into
 * its singular sub-messages (a receipt inside an answer). */
void audit_record_of(const Envelope *env, int deep, char *out, size_t outsz);

/* The chain's id as text, for logs. */
const char *audit_chain_id(const struct audit *a);

#endif
