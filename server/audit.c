/* audit.c: the audit log writer (audit.h). Records wait in one FIFO, in
 * chain order. The first of them are cut into batches (at most
 * AUDIT_BATCH_MAX records each), each kept with its columns (binary
 * arrays, audit_build) until api.audit_append_arrays says it is written;
 * then their callbacks run and they are freed. Up to AUDIT_INFLIGHT_MAX batches are on the wire at once,
 * pipelined on the audit's own connection (a pool of one: statements run
 * and answer in the order sent), so a record appended while a batch is in
 * flight goes out at the end of the loop pass, not after that batch's
 * answer, and an audit batch never waits behind a registration.
 *
 * Order and failures: the database checks that each batch continues its
 * chain's head (CT409 otherwise), and answers at once for a batch that was
 * already written. So an answer OK for a batch means it and every record
 * before it are committed. A batch that fails (an error, a lost
 * connection, a refused send) rolls back, and the batches sent after it,
 * which no longer continue the head, fail too: nothing more is sent until
 * every batch in flight has answered, then, after a backoff, the unwritten
 * batches are sent again in order with the same bounds (a batch that did
 * commit before its answer was lost is then answered at once). */
#include "audit.h"

#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include <event2/event.h>
#include <openssl/rand.h>

#include "identity.h"
#include "jsoncall.h"
#include "log.h"
#include "metrics.h"
#include "pool.h"
#include "util.h"

#define BACKOFF_MIN_MS 100
#define BACKOFF_MAX_MS 5000
#define HOST_MAX       255

/* 0059: one array per column, in binary (audit_build) */
static const struct pool_stmt append_stmt = {
        "audit_append_arrays",
        "SELECT api.audit_append_arrays($1::uuid, $2::text, $3::int, "
        "$4::bigint, $5::bigint, $6::bigint[], $7::int[], $8::int[], "
        "$9::int[], $10::text[], $11::text[], $12::text[], $13::text[], "
        "$14::text[], $15::bytea[], $16::bytea[])",
        16};
static const struct pool_stmt close_stmt = {
        "audit_close", "SELECT api.audit_close($1::uuid)", 1};

struct arec {
	struct arec *next;
	struct audit_rec r;
	audit_done_fn done;
	void *arg;
};

/* A batch: the next k records after the batches before it. Its bounds
 * never change once made (a resend must match what may have committed). */
struct abatch {
	struct abatch *next;
	struct audit *a;
	size_t k;
	char first[24];    /* the first record's seq, as text */
	struct abuf *cols; /* the batch's columns (NCOLS binary arrays) */
	int inflight;      /* sent, no answer yet */
	int written;       /* known committed (it or a later batch said OK) */
	uint64_t sent_us;  /* ops: when it was last sent */
	int sent;          /* ops (slice 11): sent before (a resend next) */
};

struct audit {
	struct event_base *base;
	struct pool *pool;
	struct metrics *metrics;
	char chain_str[37];
	char host[HOST_MAX + 1];
	char pid[16];
	char started[24];
	struct audit_rec tmpl; /* chain id; last seq and hash in seq, prev */
	struct arec *head, *tail;
	size_t n;               /* records waiting (head..tail) */
	struct arec *unbatched; /* first record in no batch (NULL: none) */
	size_t nunbatched;      /* records from unbatched on */
	size_t held_unbatched;  /* of them, records a caller waits for */
	struct abatch *bhead, *btail;
	size_t nbatches; /* made and not yet written */
	size_t ninflight;
	int broken;  /* a batch failed: send nothing until all have answered */
	int closing; /* api.audit_close is on the wire */
	int stopped;
	struct event *kick;  /* send at the end of this loop pass */
	struct event *retry; /* send again after a failure */
	struct event *group; /* records no one waits for have waited enough */
	int group_due;       /* it fired: send them */
	long backoff_ms;
	uint64_t overflow; /* requests refused unaudited, not yet recorded */
	void (*idle_fn)(void *);
	void *idle_arg;
};

/* OpenSSL cannot hash or give random bytes: nothing can be audited, so
 * nothing is served. */
static void die(const char *what) __attribute__((noreturn));
static void die(const char *what)
{
	log_event(LOG_ERROR, "audit_fatal", "error=\"%s\"", what);
	abort();
}

/* ------------------------------------------------------- binary arrays */

/* A batch goes as one array per column (api.audit_append_arrays, 0059),
 * each in PostgreSQL's binary array format: dimensions 1, a has-null flag,
 * the element type, the length and lower bound 1; then each element as a
 * 4-byte big-endian length (-1: NULL) and its bytes. Integers are
 * big-endian. Element types are the built-in ones the statement casts to. */
#define OID_BYTEA 17
#define OID_INT8  20
#define OID_INT4  23
#define OID_TEXT  25

enum {
	COL_T,  /* at, microseconds: int8 */
	COL_S,  /* state: int4, NULL for 0 */
	COL_D,  /* district */
	COL_ST, /* station */
	COL_TM, /* terminal: text, NULL for "" */
	COL_O,  /* officer */
	COL_A,  /* action */
	COL_R,  /* record */
	COL_C,  /* outcome */
	COL_P,  /* previous hash: bytea */
	COL_H,  /* hash */
	NCOLS
};

static const uint32_t col_oid[NCOLS] = {OID_INT8, OID_INT4,  OID_INT4, OID_INT4,
                                        OID_TEXT, OID_TEXT,  OID_TEXT, OID_TEXT,
                                        OID_TEXT, OID_BYTEA, OID_BYTEA};

struct abuf {
	uint8_t *p;
	size_t len, cap;
};

static void ab_put(struct abuf *b, const void *src, size_t n)
{
	if (b->len + n > b->cap) {
		b->cap = (b->len + n) * 2 + 64;
		b->p = xrealloc(b->p, b->cap);
	}
	memcpy(b->p + b->len, src, n);
	b->len += n;
}

static void ab_u32(struct abuf *b, uint32_t v)
{
	uint8_t x[4] = {(uint8_t)(v >> 24), (uint8_t)(v >> 16),
	                (uint8_t)(v >> 8), (uint8_t)v};

	ab_put(b, x, sizeof(x));
}

static void ab_i8(struct abuf *b, int64_t v)
{
	uint64_t u = (uint64_t)v;

	ab_u32(b, 8);
	ab_u32(b, (uint32_t)(u >> 32));
	ab_u32(b, (uint32_t)u);
}

static void ab_code(struct abuf *b, uint32_t v)
{
	if (!v) {
		ab_u32(b, 0xFFFFFFFFu); /* NULL */
		return;
	}
	ab_u32(b, 4);
	ab_u32(b, v);
}

static void ab_bytes(struct abuf *b, const void *p, size_t n)
{
	ab_u32(b, (uint32_t)n);
	ab_put(b, p, n);
}

/* A string: "" is NULL. */
static void ab_str(struct abuf *b, const char *s)
{
	if (*s)
		ab_bytes(b, s, strlen(s));
	else
		ab_u32(b, 0xFFFFFFFFu);
}

static void ab_begin(struct abuf *b, uint32_t oid, size_t n)
{
	ab_u32(b, 1); /* dimensions */
	ab_u32(b, 1); /* may hold NULLs (the flag is advisory) */
	ab_u32(b, oid);
	ab_u32(b, (uint32_t)n);
	ab_u32(b, 1); /* lower bound */
}

static void ab_rec(struct abuf *c, const struct audit_rec *r)
{
	ab_i8(&c[COL_T], r->at_us);
	ab_code(&c[COL_S], r->state);
	ab_code(&c[COL_D], r->district);
	ab_code(&c[COL_ST], r->station);
	ab_str(&c[COL_TM], r->terminal);
	ab_str(&c[COL_O], r->officer);
	ab_str(&c[COL_A], r->action);
	ab_str(&c[COL_R], r->record);
	ab_str(&c[COL_C], r->outcome);
	ab_bytes(&c[COL_P], r->prev, AUDIT_HASH_LEN);
	ab_bytes(&c[COL_H], r->hash, AUDIT_HASH_LEN);
}

static void abatch_free(struct abatch *b)
{
	for (int c = 0; b->cols && c < NCOLS; c++)
		free(b->cols[c].p);
	free(b->cols);
	free(b);
}

/* ---------------------------------------------------------------- send */

static void audit_send(struct audit *a);

static void audit_kick(struct audit *a)
{
	if (!a->stopped && !a->broken && !evtimer_pending(a->retry, NULL))
		event_active(a->kick, 0, 0);
}

/* Every batch in flight has answered after a failure: send again later. */
static void audit_retry_later(struct audit *a)
{
	struct timeval tv = {a->backoff_ms / 1000,
	                     (a->backoff_ms % 1000) * 1000};

	evtimer_add(a->retry, &tv);
	a->backoff_ms *= 2;
	if (a->backoff_ms > BACKOFF_MAX_MS)
		a->backoff_ms = BACKOFF_MAX_MS;
}

static void audit_failed(struct audit *a, const char *why)
{
	a->metrics->audit_failures++;
	log_event(LOG_ERROR, "audit_write_failed",
	          "chain=%s reason=%s pending=%zu in_flight=%zu retry_ms=%ld",
	          a->chain_str, why, a->n, a->ninflight, a->backoff_ms);
	a->broken = 1;
	if (!a->ninflight)
		audit_retry_later(a);
}

static void audit_close_done(void *arg, enum pool_outcome outcome,
                             const PGresult *res)
{
	struct audit *a = arg;
	void (*fn)(void *) = a->idle_fn;

	(void)res;
	a->closing = 0;
	a->idle_fn = NULL;
	log_event(outcome == POOL_OK ? LOG_INFO : LOG_WARN, "audit_close",
	          "chain=%s seq=%llu ok=%d", a->chain_str,
	          (unsigned long long)a->tmpl.seq, outcome == POOL_OK);
	if (fn)
		fn(a->idle_arg);
}

/* Everything written and someone waits for that: close the chain, then
 * tell them. */
static void audit_check_idle(struct audit *a)
{
	if (!a->idle_fn || a->head || a->ninflight || a->closing || a->stopped)
		return;
	a->closing = 1;
	if (pool_query(a->pool, &close_stmt, 1,
	               (const char *const[]){a->chain_str}, NULL, NULL,
	               audit_close_done, a) != 0)
		audit_close_done(a, POOL_UNAVAILABLE, NULL);
}

static void audit_overflow_record(struct audit *a)
{
	char count[24];
	struct audit_entry e = {.action = "audit_overflow",
	                        .record = count,
	                        .outcome = "unavailable"};

	if (!a->overflow || a->n >= AUDIT_PENDING_MAX / 2)
		return;
	snprintf(count, sizeof(count), "%llu", (unsigned long long)a->overflow);
	a->overflow = 0;
	audit_append(a, &e, NULL, NULL);
}

/* The first batch is written: its records are done. */
static void audit_pop_batch(struct audit *a)
{
	struct abatch *b = a->bhead;
	size_t k = b->k;

	a->bhead = b->next;
	if (!a->bhead)
		a->btail = NULL;
	a->nbatches--;
	a->metrics->audit_batches++;
	a->metrics->audit_records += k;
	while (k--) {
		struct arec *r = a->head;

		a->head = r->next;
		if (!a->head)
			a->tail = NULL;
		a->n--;
		if (r->done)
			r->done(r->arg, 1);
		free(r);
	}
	abatch_free(b);
}

/* b answered OK: it and every batch before it are committed (the database
 * took b only as the continuation of its chain's head). */
static void audit_written(struct audit *a, struct abatch *b)
{
	for (struct abatch *x = a->bhead; x; x = x->next) {
		x->written = 1;
		if (x == b)
			break;
	}
	a->backoff_ms = BACKOFF_MIN_MS;
	/* a batch still in flight keeps its memory until its answer */
	while (a->bhead && a->bhead->written && !a->bhead->inflight)
		audit_pop_batch(a);
	a->metrics->audit_pending = a->n;
	audit_overflow_record(a);
}

static void audit_sent(void *arg, enum pool_outcome outcome,
                       const PGresult *res)
{
	struct abatch *b = arg;
	struct audit *a = b->a;
	char why[64];

	b->inflight = 0;
	a->ninflight--;
	a->metrics->audit_in_flight = a->ninflight; /* ops (slice 11) */
	if (a->stopped)
		return;
	metrics_audit_batch(a->metrics, metrics_now_us() - b->sent_us);
	if (outcome == POOL_OK || b->written) {
		audit_written(a, b);
		if (a->broken && !a->ninflight)
			audit_retry_later(a);
		else
			audit_send(a); /* whatever came meanwhile, now */
		audit_check_idle(a);
		return;
	}
	snprintf(why, sizeof(why), "%s",
	         outcome == POOL_SQL_ERROR  ? pool_sqlstate(res)
	         : outcome == POOL_DEADLINE ? "deadline"
	                                    : "unavailable");
	if (a->broken) { /* one after a failed batch: expected */
		a->metrics->audit_failures++;
		if (!a->ninflight)
			audit_retry_later(a);
		return;
	}
	audit_failed(a, why);
}

/* The next batch: up to AUDIT_BATCH_MAX records not in one yet. */
static struct abatch *audit_build(struct audit *a)
{
	struct abatch *b = xcalloc(1, sizeof(*b));
	struct arec *r = a->unbatched;
	size_t k = 0;

	for (const struct arec *x = r; x && k < AUDIT_BATCH_MAX; x = x->next)
		k++;
	snprintf(b->first, sizeof(b->first), "%llu",
	         (unsigned long long)r->r.seq);
	b->cols = xcalloc(NCOLS, sizeof(*b->cols));
	for (int c = 0; c < NCOLS; c++)
		ab_begin(&b->cols[c], col_oid[c], k);
	for (; r && b->k < k; r = r->next, b->k++) {
		ab_rec(b->cols, &r->r);
		a->nunbatched--;
		a->held_unbatched -= r->done != NULL;
	}
	a->unbatched = r;
	b->a = a;
	if (a->btail)
		a->btail->next = b;
	else
		a->bhead = b;
	a->btail = b;
	a->nbatches++;
	return b;
}

static int audit_send_batch(struct audit *a, struct abatch *b)
{
	const char *values[5 + NCOLS] = {a->chain_str, a->host, a->pid,
	                                 a->started, b->first};
	int lengths[5 + NCOLS] = {0}, formats[5 + NCOLS] = {0};

	for (int c = 0; c < NCOLS; c++) {
		values[5 + c] = (const char *)b->cols[c].p;
		lengths[5 + c] = (int)b->cols[c].len;
		formats[5 + c] = 1; /* binary */
	}
	if (pool_query(a->pool, &append_stmt, 5 + NCOLS, values, lengths,
	               formats, audit_sent, b) != 0) {
		audit_failed(a, "pool_refused");
		return -1;
	}
	b->inflight = 1;
	b->sent_us = metrics_now_us();
	a->ninflight++;
	a->metrics->audit_in_flight = a->ninflight; /* ops (slice 11) */
	a->metrics->audit_resends += b->sent != 0;
	b->sent = 1;
	return 0;
}

/* Is a new batch due? At once when a caller waits for one of the records
 * (a write's answer is held for it), or once a batch's worth waits.
 * Records no one waits for (reads, refusals) otherwise wait, up to
 * AUDIT_GROUP_MS, and go together when no batch is on the wire: a batch
 * costs the audit backend about 230 us whatever its size (its transaction,
 * the function, the head's update) and about 3 us a record, so at tens of
 * thousands of reads a second batches of a few records (one per loop
 * pass, or whatever came during the last batch) kept it busy at 15-25 us
 * a read. */
static int audit_due(const struct audit *a)
{
	return a->unbatched &&
	       (a->held_unbatched || a->nunbatched >= AUDIT_BATCH_MAX ||
	        a->idle_fn ||
	        (!a->ninflight &&
	         (a->group_due || a->nunbatched >= AUDIT_GROUP_RECORDS)));
}

/* Send, in order, the batches made but not on the wire (after a failure:
 * all of them), then new batches of the records not in one yet, when
 * due. */
static void audit_send(struct audit *a)
{
	if (a->stopped || a->broken || evtimer_pending(a->retry, NULL))
		return;
	for (struct abatch *b = a->bhead; b; b = b->next)
		if (!b->inflight && !b->written && audit_send_batch(a, b) != 0)
			return;
	while (audit_due(a) && a->nbatches < AUDIT_INFLIGHT_MAX) {
		if (audit_send_batch(a, audit_build(a)) != 0)
			return;
		a->group_due = 0; /* what waited went */
	}
	if (a->unbatched && !evtimer_pending(a->group, NULL)) {
		struct timeval tv = {0, AUDIT_GROUP_MS * 1000};

		evtimer_add(a->group, &tv); /* what stays waits this long */
	}
}

static void audit_group_cb(evutil_socket_t fd, short what, void *arg)
{
	struct audit *a = arg;

	(void)fd, (void)what;
	a->group_due = 1;
	audit_send(a);
}

static void audit_kick_cb(evutil_socket_t fd, short what, void *arg)
{
	(void)fd, (void)what;
	audit_send(arg);
}

static void audit_retry_cb(evutil_socket_t fd, short what, void *arg)
{
	struct audit *a = arg;

	(void)fd, (void)what;
	a->broken = 0;
	audit_send(a);
}

/* ---------------------------------------------------------------- record */

/* Field names that hold a record's number or key, never personal data. */
static const char *const record_fields[] = {
        "fir_number",      "petition_number", "ncr_number", "report_number",
        "malkhana_number", "ud_number",       "number",     "date",
        "person_id",
};

static int record_field(const ProtobufCFieldDescriptor *f)
{
	if (f->label == PROTOBUF_C_LABEL_REPEATED)
		return 0;
	for (size_t i = 0; i < ARRAY_LEN(record_fields); i++)
		if (strcmp(f->name, record_fields[i]) == 0)
			return 1;
	return 0;
}

/* Is f set in m, as far as a oneof member goes (others share its slot)? */
static int oneof_set(const ProtobufCMessage *m,
                     const ProtobufCFieldDescriptor *f)
{
	if (!(f->flags & PROTOBUF_C_FIELD_FLAG_ONEOF))
		return 1;
	return *(const uint32_t *)((const char *)m + f->quantifier_offset) ==
	       f->id;
}

/* The value of f in m as text; 0 when unset or empty. */
static int field_text(const ProtobufCMessage *m,
                      const ProtobufCFieldDescriptor *f, char *out,
                      size_t outsz)
{
	const char *slot = (const char *)m + f->offset;

	if (!oneof_set(m, f))
		return 0;
	switch (f->type) {
	case PROTOBUF_C_TYPE_STRING: {
		const char *v = *(char *const *)slot;

		if (!v || !*v)
			return 0;
		audit_clean(v, strlen(v), out, outsz);
		return 1;
	}
	case PROTOBUF_C_TYPE_UINT32:
		if (!*(const uint32_t *)slot)
			return 0;
		snprintf(out, outsz, "%u", *(const uint32_t *)slot);
		return 1;
	case PROTOBUF_C_TYPE_UINT64:
		if (!*(const uint64_t *)slot)
			return 0;
		snprintf(out, outsz, "%llu",
		         (unsigned long long)*(const uint64_t *)slot);
		return 1;
	default:
		return 0;
	}
}

static int record_in(const ProtobufCMessage *m, int deep, char *out,
                     size_t outsz)
{
	const ProtobufCMessageDescriptor *d = m->descriptor;

	for (unsigned i = 0; i < d->n_fields; i++)
		if (record_field(&d->fields[i]) &&
		    field_text(m, &d->fields[i], out, outsz))
			return 1;
	for (unsigned i = 0; deep && i < d->n_fields; i++) {
		const ProtobufCFieldDescriptor *f = &d->fields[i];
		const ProtobufCMessage *sub;

		if (f->type != PROTOBUF_C_TYPE_MESSAGE ||
		    f->label == PROTOBUF_C_LABEL_REPEATED || !oneof_set(m, f))
			continue;
		sub = *(ProtobufCMessage *const *)((const char *)m + f->offset);
		if (sub && record_in(sub, 0, out, outsz))
			return 1;
	}
	return 0;
}

void audit_record_of(const Envelope *env, int deep, char *out, size_t outsz)
{
	const ProtobufCMessage *body = jsoncall_request_body(env);

	out[0] = '\0';
	if (body && env->body_case != CCTNS__V1__ENVELOPE__BODY_STATUS &&
	    !record_in(body, deep, out, outsz))
		out[0] = '\0';
}

/* ---------------------------------------------------------------- api */

static int64_t wall_us(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_REALTIME, &ts);
	return (int64_t)ts.tv_sec * 1000000 + ts.tv_nsec / 1000;
}

static void copy_clean(const char *src, char *out, size_t outsz)
{
	if (!src)
		src = "";
	audit_clean(src, strlen(src), out, outsz);
}

void audit_append(struct audit *a, const struct audit_entry *e,
                  audit_done_fn done, void *arg)
{
	struct arec *r = xcalloc(1, sizeof(*r));

	memcpy(r->r.chain, a->tmpl.chain, AUDIT_CHAIN_LEN);
	r->r.seq = ++a->tmpl.seq;
	r->r.at_us = wall_us();
	r->r.state = e->state;
	r->r.district = e->district;
	r->r.station = e->station;
	copy_clean(e->terminal, r->r.terminal, sizeof(r->r.terminal));
	copy_clean(e->officer, r->r.officer, sizeof(r->r.officer));
	copy_clean(e->action, r->r.action, sizeof(r->r.action));
	copy_clean(e->record, r->r.record, sizeof(r->r.record));
	copy_clean(e->outcome, r->r.outcome, sizeof(r->r.outcome));
	memcpy(r->r.prev, a->tmpl.prev, AUDIT_HASH_LEN);
	if (audit_hash(&r->r) != 0)
		die("audit: SHA-256 failed");
	memcpy(a->tmpl.prev, r->r.hash, AUDIT_HASH_LEN);
	r->done = done;
	r->arg = arg;
	if (a->tail)
		a->tail->next = r;
	else
		a->head = r;
	a->tail = r;
	if (!a->unbatched)
		a->unbatched = r;
	a->nunbatched++;
	a->held_unbatched += done != NULL;
	a->n++;
	a->metrics->audit_pending = a->n;
	audit_kick(a);
}

void audit_entry_set(struct audit_entry *e, const struct identity *id,
                     const char *officer_no, const char *action,
                     const char *record, const char *outcome)
{
	int known = id->kind != IDENTITY_NONE;

	e->state = known ? id->state : 0;
	e->district = known ? id->district : 0;
	e->station = known ? id->station : 0;
	e->terminal = id->terminal;
	e->officer = officer_no && officer_no[0] ? officer_no : NULL;
	e->action = action;
	e->record = record;
	e->outcome = outcome;
}

static const char *tx_text(char *out, size_t outsz, const char *src)
{
	copy_clean(src, out, outsz);
	return out[0] ? out : NULL;
}

static const char *tx_code(char out[12], uint32_t v)
{
	if (!v)
		return NULL;
	snprintf(out, 12, "%u", v);
	return out;
}

void audit_tx_params(const struct audit *a, const struct audit_entry *e,
                     struct audit_tx *t)
{
	t->values[0] = a->host;
	t->values[1] = a->pid;
	t->values[2] = tx_code(t->codes[0], e->state);
	t->values[3] = tx_code(t->codes[1], e->district);
	t->values[4] = tx_code(t->codes[2], e->station);
	t->values[5] = tx_text(t->terminal, sizeof(t->terminal), e->terminal);
	t->values[6] = tx_text(t->officer, sizeof(t->officer), e->officer);
	t->values[7] = tx_text(t->action, sizeof(t->action), e->action);
	t->values[8] = tx_text(t->outcome, sizeof(t->outcome), e->outcome);
}

void audit_tx_written(struct audit *a)
{
	a->metrics->audit_in_tx++;
}

int audit_full(const struct audit *a)
{
	return a->n >= AUDIT_PENDING_MAX;
}

void audit_refused(struct audit *a)
{
	a->overflow++;
	a->metrics->audit_refused++;
}

void audit_when_idle(struct audit *a, void (*fn)(void *), void *arg)
{
	a->idle_fn = fn;
	a->idle_arg = arg;
	audit_send(a); /* every record now, due or not */
	audit_check_idle(a);
}

const char *audit_chain_id(const struct audit *a)
{
	return a->chain_str;
}

static void set_host(struct audit *a)
{
	char raw[HOST_MAX + 1] = "";

	if (gethostname(raw, sizeof(raw) - 1) != 0 || !raw[0])
		snprintf(raw, sizeof(raw), "unknown");
	for (char *p = raw; *p; p++)
		if (!((*p >= 'a' && *p <= 'z') || (*p >= 'A' && *p <= 'Z') ||
		      (*p >= '0' && *p <= '9') || *p == '.' || *p == '-'))
			*p = '_';
	snprintf(a->host, sizeof(a->host), "%s", raw);
}

struct audit *audit_new(struct event_base *base, struct pool *pool,
                        struct metrics *metrics)
{
	struct audit *a = xcalloc(1, sizeof(*a));
	uint8_t *id = a->tmpl.chain;

	a->base = base;
	a->pool = pool;
	a->metrics = metrics;
	if (RAND_bytes(id, AUDIT_CHAIN_LEN) != 1)
		die("audit: no random bytes for the chain id");
	id[6] = (uint8_t)((id[6] & 0x0f) | 0x40); /* a version 4 uuid */
	id[8] = (uint8_t)((id[8] & 0x3f) | 0x80);
	audit_uuid_str(id, a->chain_str);
	set_host(a);
	snprintf(a->pid, sizeof(a->pid), "%ld", (long)getpid());
	snprintf(a->started, sizeof(a->started), "%lld", (long long)wall_us());
	a->backoff_ms = BACKOFF_MIN_MS;
	a->kick = event_new(base, -1, 0, audit_kick_cb, a);
	a->retry = evtimer_new(base, audit_retry_cb, a);
	a->group = evtimer_new(base, audit_group_cb, a);
	log_event(LOG_INFO, "audit_chain", "chain=%s host=%s pid=%s",
	          a->chain_str, a->host, a->pid);
	return a;
}

/* Also after a stop: a request given up later (the pool failing what
 * still waits, at exit) appends its record to a stopped log, which no
 * batch will take; audit_free drops it here. */
void audit_stop(struct audit *a)
{
	struct arec *r, *next;

	if (!a)
		return;
	a->stopped = 1;
	if (a->n)
		log_event(LOG_WARN, "audit_unwritten", "chain=%s records=%zu",
		          a->chain_str, a->n);
	for (r = a->head; r; r = next) {
		next = r->next;
		if (r->done)
			r->done(r->arg, 0);
		free(r);
	}
	a->head = a->tail = a->unbatched = NULL;
	a->n = a->nunbatched = a->held_unbatched = 0;
	a->metrics->audit_pending = 0;
}

void audit_free(struct audit *a)
{
	if (!a)
		return;
	audit_stop(a);
	event_free(a->kick);
	event_free(a->retry);
	event_free(a->group);
	while (a->bhead) { /* its pool is freed: no answer will come */
		struct abatch *b = a->bhead;

		a->bhead = b->next;
		abatch_free(b);
	}
	free(a);
}
