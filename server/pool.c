/* pool.c: the non-blocking libpq pool. Each connection is a small state
 * machine (down -> connecting -> ready -> down) driven by one event on its
 * socket and one timer (retry backoff, connect timeout). Statements wait in
 * one pool-wide FIFO; a deferred "pump" event sends them, in pipeline mode,
 * to the least-loaded ready connection. Results come back in send order, so
 * each connection keeps a FIFO of what it sent and completes the head op at
 * each PGRES_PIPELINE_SYNC. No blocking libpq call is made here: no PQexec,
 * PQconnectdb, PQprepare or PQcancel.
 *
 * Groups (reg, issue 7; sent and read in pool_group.c): statements queued
 * with a group_key wait in the FIFO for a connection with nothing in
 * flight; what of them is waiting then (up to [database] group) goes as
 * one transaction, in key order:
 * BEGIN, per member SAVEPOINT, its pre statement, the statement, RELEASE,
 * then COMMIT and one Sync. A member whose statement fails leaves the
 * transaction aborted at the Sync: the pool rolls back to that member's
 * savepoint and sends the members after it with a COMMIT again, so one
 * member's error undoes nothing of the others. Members are answered only
 * once the transaction's end is known. If the transaction fails as a whole
 * (COMMIT, BEGIN, a savepoint), it is rolled back and its members go back
 * to the head of the FIFO to run alone. Nothing is sent after a group on its
 * connection until it is over (an aborted transaction would take it in).
 *
 * While no connection is up (the database restarts, the link is down) the
 * FIFO keeps filling, bounded by count and bytes, and the connections retry
 * with backoff; a statement that waited longer than [database] wait is
 * taken out unsent and completed with POOL_DEADLINE (one timer, armed for
 * the head's deadline: the FIFO is in deadline order). */
#include "pool.h"

#include <stdlib.h>
#include <string.h>

#include <event2/event.h>

#include "log.h"
#include "metrics.h"
#include "pool_impl.h"
#include "util.h"

#define BACKOFF_MIN_MS 100
#define BACKOFF_MAX_MS 5000
#define BACKOFF_WAITING_MS                                                     \
	500 /* retry at least this often while waited for                      \
	     */
#define CONNECT_TIMEOUT_MS 10000

static void pconn_connect(struct pconn *c);
static void pconn_timer_in(struct pconn *c, long ms);

/* ---------------------------------------------------------------- queues */

void q_push(struct op_queue *q, struct pool_op *op)
{
	op->next = NULL;
	if (q->tail)
		q->tail->next = op;
	else
		q->head = op;
	q->tail = op;
	q->n++;
}

struct pool_op *q_pop(struct op_queue *q)
{
	struct pool_op *op = q->head;

	if (!op)
		return NULL;
	q->head = op->next;
	if (!q->head)
		q->tail = NULL;
	q->n--;
	return op;
}

/* Take the whole queue out, so callbacks may touch the pool safely. */
static struct op_queue q_detach(struct op_queue *q)
{
	struct op_queue out = *q;

	memset(q, 0, sizeof(*q));
	return out;
}

size_t pool_param_len(const char *const *values, const int *lengths,
                      const int *formats, int i)
{
	if (!values[i])
		return 0;
	if (formats && formats[i] == 1)
		return (size_t)lengths[i];
	return strlen(values[i]) + 1;
}

void pool_params_copy(char *data, size_t *off, int n, const char *const *values,
                      const int *lengths, const int *formats, const char **out,
                      int *outlen, int *outfmt)
{
	for (int i = 0; i < n; i++) {
		size_t len = pool_param_len(values, lengths, formats, i);

		if (outfmt)
			outfmt[i] = formats ? formats[i] : 0;
		if (outlen)
			outlen[i] = (int)len;
		out[i] = NULL;
		if (!values[i])
			continue;
		memcpy(data + *off, values[i], len);
		out[i] = data + *off;
		*off += len;
	}
}

static struct pool_op *op_new(const struct pool_stmt *pre, int npre,
                              const char *const *prevalues,
                              const struct pool_stmt *stmt, int nparams,
                              const char *const *values, const int *lengths,
                              const int *formats)
{
	size_t total = 0, off = 0;
	struct pool_op *op;

	for (int i = 0; i < npre; i++)
		total += pool_param_len(prevalues, NULL, NULL, i);
	for (int i = 0; i < nparams; i++)
		total += pool_param_len(values, lengths, formats, i);
	op = xcalloc(1, sizeof(*op) + total);
	op->bytes = total;
	op->stmt = stmt;
	op->nparams = nparams;
	op->pre = pre;
	op->npre = npre;
	pool_params_copy(op->data, &off, npre, prevalues, NULL, NULL,
	                 op->prevalues, NULL, NULL);
	pool_params_copy(op->data, &off, nparams, values, lengths, formats,
	                 op->values, op->lengths, op->formats);
	return op;
}

/* Complete op: call its callback (not for internal prepares), then free. A
 * group's carrier completes its members that are still unanswered. */
void op_finish(struct pool_op *op, enum pool_outcome outcome)
{
	if (op->grp)
		group_free(op->grp, outcome);
	if (op->cb)
		op->cb(op->arg, outcome,
		       outcome == POOL_UNAVAILABLE ? NULL : op->res);
	PQclear(op->res);
	free(op);
}

static void q_fail_all(struct op_queue *q)
{
	struct op_queue taken = q_detach(q);
	struct pool_op *op;

	while ((op = q_pop(&taken)))
		op_finish(op, POOL_UNAVAILABLE);
}

/* ---------------------------------------------------------------- waiting */

static void expire_arm(struct pool *pool)
{
	uint64_t now = now_us(), at;
	struct timeval tv;

	if (!pool->pending.head) {
		evtimer_del(pool->expire);
		return;
	}
	at = pool->pending.head->deadline_us;
	at = at > now ? at - now : 0;
	tv.tv_sec = (time_t)(at / 1000000);
	tv.tv_usec = (suseconds_t)(at % 1000000);
	evtimer_add(pool->expire, &tv);
}

/* A statement waits and no connection is up: bring retries that backed off
 * far forward to BACKOFF_WAITING_MS. */
static void pool_hurry(struct pool *pool)
{
	uint64_t soon = now_us() + BACKOFF_WAITING_MS * 1000u;

	for (int i = 0; i < pool->size; i++) {
		struct pconn *c = &pool->conns[i];

		if (c->state == POOL_CONN_DOWN && c->retry_at_us > soon) {
			c->retry_at_us = soon;
			pconn_timer_in(c, BACKOFF_WAITING_MS);
		}
	}
}

static void pending_push(struct pool *pool, struct pool_op *op)
{
	int was_empty = pool->pending.head == NULL;

	op->deadline_us = now_us() + (uint64_t)pool->wait_ms * 1000u;
	pool->pending_bytes += op->bytes;
	q_push(&pool->pending, op);
	if (!was_empty)
		return;
	expire_arm(pool);
	if (!pool_ready_count(pool))
		pool_hurry(pool);
}

static struct pool_op *pending_pop(struct pool *pool)
{
	struct pool_op *op = q_pop(&pool->pending);

	if (op)
		pool->pending_bytes -= op->bytes;
	return op;
}

/* reg: take op, which follows prev (NULL: op is the head), out of pending. */
static void pending_unlink(struct pool *pool, struct pool_op *prev,
                           struct pool_op *op)
{
	if (prev)
		prev->next = op->next;
	else
		pool->pending.head = op->next;
	if (pool->pending.tail == op)
		pool->pending.tail = prev;
	pool->pending.n--;
	pool->pending_bytes -= op->bytes;
	op->next = NULL;
}

/* reg: put ops[0..n) back at the head of pending, in that order, with the
 * deadlines they had (they waited first). */
void pending_push_front(struct pool *pool, struct pool_op **ops, int n)
{
	for (int i = n - 1; i >= 0; i--) {
		ops[i]->next = pool->pending.head;
		pool->pending.head = ops[i];
		if (!pool->pending.tail)
			pool->pending.tail = ops[i];
		pool->pending.n++;
		pool->pending_bytes += ops[i]->bytes;
	}
	if (n)
		expire_arm(pool);
}

/* The head waited too long: complete it, and whatever else has, unsent
 * (nothing ran: the client may retry). Callbacks may queue more. */
static void pool_expire_cb(evutil_socket_t fd, short what, void *arg)
{
	struct pool *pool = arg;
	uint64_t now = now_us();
	struct op_queue late = {0};
	struct pool_op *op;

	(void)fd, (void)what;
	while (pool->pending.head && pool->pending.head->deadline_us <= now)
		q_push(&late, pending_pop(pool));
	expire_arm(pool);
	if (late.n)
		log_event(LOG_WARN, "db_wait_expired",
		          "statements=%zu wait_ms=%ld ready=%d", late.n,
		          pool->wait_ms, pool_ready_count(pool));
	pool->expired += late.n;
	while ((op = q_pop(&late)))
		op_finish(op, POOL_DEADLINE);
}

/* ---------------------------------------------------------------- events */

/* Watch the connection's socket for what (EV_READ and/or EV_WRITE). The
 * socket may change during connection (PQconnectPoll), so it is re-read. */
static int pconn_watch(struct pconn *c, short what);

static void pconn_timer_in(struct pconn *c, long ms)
{
	struct timeval tv = {ms / 1000, (ms % 1000) * 1000};

	evtimer_add(c->timer, &tv);
}

static void pconn_close_pg(struct pconn *c)
{
	if (c->io)
		event_free(c->io);
	c->io = NULL;
	c->io_fd = -1;
	c->io_what = 0;
	if (c->pg)
		PQfinish(c->pg);
	c->pg = NULL;
	c->nprepared = 0;
}

/* First line of libpq's connection error: a reason for operators, which
 * carries no case data (it is about sockets, roles, authentication). */
static const char *pconn_reason(struct pconn *c, char *buf, size_t bufsz)
{
	const char *msg = c->pg ? PQerrorMessage(c->pg) : "out of memory";
	size_t n = strcspn(msg, "\n");

	if (n >= bufsz)
		n = bufsz - 1;
	memcpy(buf, msg, n);
	buf[n] = '\0';
	return buf;
}

/* Down, to retry after the backoff (no longer than BACKOFF_WAITING_MS
 * while statements wait: the database may be back within their wait). */
static long pconn_retry_ms(const struct pconn *c)
{
	if (c->pool->pending.head && c->backoff_ms > BACKOFF_WAITING_MS)
		return BACKOFF_WAITING_MS;
	return c->backoff_ms;
}

static void pconn_go_down(struct pconn *c)
{
	long ms = pconn_retry_ms(c);

	c->pool->counters.lost++; /* ops: each is retried */
	pconn_close_pg(c);
	c->state = POOL_CONN_DOWN;
	c->retry_at_us = now_us() + (uint64_t)ms * 1000u;
	pconn_timer_in(c, ms);
	c->backoff_ms = c->backoff_ms * 2 > BACKOFF_MAX_MS ? BACKOFF_MAX_MS
	                                                   : c->backoff_ms * 2;
}

static void pconn_connect_failed(struct pconn *c, const char *why)
{
	char reason[256], q[300];

	if (!why)
		why = pconn_reason(c, reason, sizeof(reason));
	log_event(LOG_WARN, "db_connect_failed",
	          "conn=%d retry_ms=%ld reason=%s", c->idx, pconn_retry_ms(c),
	          log_quote(why, q, sizeof(q)));
	pconn_go_down(c);
}

static void pconn_connected(struct pconn *c)
{
	if (PQsetnonblocking(c->pg, 1) != 0 ||
	    PQenterPipelineMode(c->pg) != 1) {
		pconn_connect_failed(c, NULL);
		return;
	}
	evtimer_del(c->timer);
	c->state = POOL_CONN_READY;
	c->backoff_ms = BACKOFF_MIN_MS;
	c->pool->counters.connects++;
	if (c->was_up)
		c->pool->reconnects++;
	c->was_up = 1;
	if (pconn_watch(c, EV_READ) != 0) {
		pconn_lost(c, "no socket");
		return;
	}
	log_event(LOG_INFO, "db_connected", "conn=%d", c->idx);
	event_active(c->pool->pump, EV_TIMEOUT, 0);
}

/* One step of PQconnectPoll; wait for whatever it asks for next. */
static void pconn_connect_step(struct pconn *c)
{
	switch (PQconnectPoll(c->pg)) {
	case PGRES_POLLING_READING:
		if (pconn_watch(c, EV_READ) != 0)
			pconn_connect_failed(c, "no socket");
		break;
	case PGRES_POLLING_WRITING:
		if (pconn_watch(c, EV_WRITE) != 0)
			pconn_connect_failed(c, "no socket");
		break;
	case PGRES_POLLING_OK:
		pconn_connected(c);
		break;
	default:
		pconn_connect_failed(c, NULL);
		break;
	}
}

/* Start a connection; application_name first so conninfo may override. */
static void pconn_connect(struct pconn *c)
{
	static const char *const keys[] = {"application_name", "dbname", NULL};
	const char *vals[] = {c->pool->appname, c->pool->conninfo, NULL};

	c->pg = PQconnectStartParams(keys, vals, 1);
	if (!c->pg || PQstatus(c->pg) == CONNECTION_BAD) {
		pconn_connect_failed(c, NULL);
		return;
	}
	c->state = POOL_CONN_CONNECTING;
	pconn_timer_in(c, CONNECT_TIMEOUT_MS);
	/* libpq: behave as if the first poll had said "writing". */
	if (pconn_watch(c, EV_WRITE) != 0)
		pconn_connect_failed(c, "no socket");
}

static void pconn_timer_cb(evutil_socket_t fd, short what, void *arg)
{
	struct pconn *c = arg;

	(void)fd, (void)what;
	if (c->state == POOL_CONN_DOWN)
		pconn_connect(c);
	else if (c->state == POOL_CONN_CONNECTING)
		pconn_connect_failed(c, "connect timeout");
}

/* ---------------------------------------------------------------- sending */

int pconn_is_prepared(const struct pconn *c, const struct pool_stmt *s)
{
	for (size_t i = 0; i < c->nprepared; i++)
		if (c->prepared[i] == s)
			return 1;
	return 0;
}

static void pconn_forget_prepared(struct pconn *c, const struct pool_stmt *s)
{
	for (size_t i = 0; i < c->nprepared; i++) {
		if (c->prepared[i] == s) {
			c->prepared[i] = c->prepared[--c->nprepared];
			return;
		}
	}
}

/* Push what libpq buffered; keep watching write while it has more. */
int pconn_flush(struct pconn *c)
{
	int r = PQflush(c->pg);

	if (r < 0)
		return -1;
	return pconn_watch(c, r == 1 ? EV_READ | EV_WRITE : EV_READ);
}

/* Prepare s on this connection (its own Sync), ahead of its first use. */
int pconn_prepare(struct pconn *c, const struct pool_stmt *s)
{
	struct pool_op *op;

	if (c->nprepared == POOL_MAX_STMTS)
		return -1;
	op = xcalloc(1, sizeof(*op));
	op->stmt = s;
	op->is_prepare = 1;
	q_push(&c->sent, op);
	c->prepared[c->nprepared++] = s;
	if (!PQsendPrepare(c->pg, s->name, s->sql, s->nparams, NULL) ||
	    !PQpipelineSync(c->pg))
		return -1;
	return 0;
}

/* Send op as one statement (after its pre statement, if any) plus Sync: its
 * own implicit transaction. The op is in c->sent before anything can fail,
 * so a failure fails it too. */
static int pconn_send(struct pconn *c, struct pool_op *op)
{
	int prep_ok = !op->pre || pconn_is_prepared(c, op->pre) ||
	              pconn_prepare(c, op->pre) == 0;

	prep_ok = prep_ok && (pconn_is_prepared(c, op->stmt) ||
	                      pconn_prepare(c, op->stmt) == 0);
	q_push(&c->sent, op);
	if (!prep_ok)
		return -1;
	op->pre_pending = op->pre != NULL;
	if (op->pre && !PQsendQueryPrepared(c->pg, op->pre->name, op->npre,
	                                    op->prevalues, NULL, NULL, 0))
		return -1;
	if (!PQsendQueryPrepared(c->pg, op->stmt->name, op->nparams, op->values,
	                         op->lengths, op->formats, 0) ||
	    !PQpipelineSync(c->pg))
		return -1;
	return 0;
}

static struct pconn *pool_pick(struct pool *pool)
{
	struct pconn *best = NULL;

	for (int i = 0; i < pool->size; i++) {
		struct pconn *c = &pool->conns[i];

		if (c->state != POOL_CONN_READY || c->grp ||
		    c->sent.n >= POOL_DEPTH_MAX)
			continue;
		if (!best || c->sent.n < best->sent.n)
			best = c;
	}
	return best;
}

/* reg: a ready connection with nothing in flight (a group, or a statement
 * that could be one, goes only there). */
static struct pconn *pool_pick_idle(struct pool *pool)
{
	for (int i = 0; i < pool->size; i++) {
		struct pconn *c = &pool->conns[i];

		if (c->state == POOL_CONN_READY && !c->grp && c->sent.n == 0)
			return c;
	}
	return NULL;
}

static int op_groupable(const struct pool *pool, const struct pool_op *op)
{
	return pool->group_max > 1 && op->group_key > 0 && !op->solo;
}

static void pump_count(struct pool *pool, const struct pool_op *op)
{
	uint64_t waited = metrics_now_us() - op->queued_us;

	pool->counters.statements++;
	pool->counters.wait_us += waited;
	pool->counters.waited += waited > 1000;
}

/* Deferred: move queued statements onto connections, then flush. One pass
 * over the FIFO: a statement that may be grouped waits for an idle
 * connection and takes along every later one like it (up to group_max);
 * the others go to the least-loaded connection as before. */
static void pool_pump_cb(evutil_socket_t fd, short what, void *arg)
{
	struct pool *pool = arg;
	struct pool_op *prev = NULL, *op = pool->pending.head;

	(void)fd, (void)what;
	while (op) {
		struct pool_op *next = op->next;
		struct pconn *c;

		if (!op_groupable(pool, op)) {
			if (!(c = pool_pick(pool)))
				break;
			pending_unlink(pool, prev, op);
			pump_count(pool, op);
			if (pconn_send(c, op) != 0 || pconn_flush(c) != 0)
				pconn_lost(c, "send failed");
		} else if ((c = pool_pick_idle(pool))) {
			struct pool_op *m[POOL_GROUP_MAX], *p = prev;
			int n = 0;

			for (struct pool_op *q = op;
			     q && n < pool->group_max;) {
				struct pool_op *qn = q->next;

				if (q->stmt == op->stmt && q->pre == op->pre &&
				    q->group_key == op->group_key &&
				    op_groupable(pool, q)) {
					pending_unlink(pool, p, q);
					pump_count(pool, q);
					m[n++] = q;
				} else {
					p = q;
				}
				q = qn;
			}
			if ((n == 1 ? pconn_send(c, m[0])
			            : group_send(c, m, n)) != 0 ||
			    pconn_flush(c) != 0)
				pconn_lost(c, "send failed");
		} else {
			prev = op; /* waits for an idle connection */
			op = next;
			continue;
		}
		op = prev ? prev->next : pool->pending.head;
	}
}

/* ---------------------------------------------------------------- results */

enum pool_outcome op_outcome(const struct pool_op *op)
{
	if (!op->res)
		return POOL_UNAVAILABLE;
	switch (PQresultStatus(op->res)) {
	case PGRES_TUPLES_OK:
	case PGRES_COMMAND_OK:
		return POOL_OK;
	case PGRES_FATAL_ERROR:
		return POOL_SQL_ERROR;
	default: /* PIPELINE_ABORTED is never the first result kept */
		return POOL_UNAVAILABLE;
	}
}

/* The head op's Sync arrived: its transaction is over; report it. */
static void pconn_complete_head(struct pconn *c)
{
	struct pool_op *op = q_pop(&c->sent);
	enum pool_outcome outcome = op_outcome(op);

	if (op->is_prepare && outcome != POOL_OK) {
		log_event(
		        LOG_ERROR, "db_prepare_failed",
		        "conn=%d stmt=%s sqlstate=%s", c->idx, op->stmt->name,
		        op->res ? PQresultErrorField(op->res, PG_DIAG_SQLSTATE)
		                : "none");
		pconn_forget_prepared(c, op->stmt);
	}
	op_finish(op, outcome);
}

/* Read every result that is complete, without blocking. */
static void pconn_drain(struct pconn *c)
{
	int nulls = 0;

	while (c->sent.head && c->state == POOL_CONN_READY && nulls < 2) {
		PGresult *res;

		if (PQisBusy(c->pg))
			break;
		res = PQgetResult(c->pg);
		if (!res) { /* end of one statement's results */
			nulls++;
			continue;
		}
		nulls = 0;
		if (c->sent.head->grp) {
			if (PQresultStatus(res) == PGRES_PIPELINE_SYNC) {
				PQclear(res);
				group_synced(c);
			} else {
				group_result(c, res);
			}
		} else if (PQresultStatus(res) == PGRES_PIPELINE_SYNC) {
			PQclear(res);
			pconn_complete_head(c);
		} else if (c->sent.head->pre_pending &&
		           PQresultStatus(res) == PGRES_TUPLES_OK) {
			c->sent.head->pre_pending = 0; /* the context is set */
			PQclear(res);
		} else if (!c->sent.head->res) {
			c->sent.head->res = res;
		} else if (PQresultStatus(res) == PGRES_FATAL_ERROR &&
		           PQresultStatus(c->sent.head->res) !=
		                   PGRES_FATAL_ERROR) {
			/* an error after the rows (the commit at the Sync
			 * failed): the transaction did not happen */
			PQclear(c->sent.head->res);
			c->sent.head->res = res;
		} else {
			PQclear(res);
		}
	}
}

/* Socket ready: read what arrived (libpq: consume, then flush again if a
 * flush was pending), push pending output, then hand out complete results. */
static void pconn_io_ready(struct pconn *c, short what)
{
	if ((what & EV_READ) && !PQconsumeInput(c->pg)) {
		pconn_lost(c, NULL);
		return;
	}
	if ((c->io_what & EV_WRITE) && pconn_flush(c) != 0) {
		pconn_lost(c, "flush failed");
		return;
	}
	pconn_drain(c);
	if (c->state == POOL_CONN_READY && PQstatus(c->pg) == CONNECTION_BAD) {
		pconn_lost(c, NULL);
		return;
	}
	if (c->pool->pending.head)
		event_active(c->pool->pump, EV_TIMEOUT, 0);
}

static void pconn_io_cb(evutil_socket_t fd, short what, void *arg)
{
	struct pconn *c = arg;

	(void)fd;
	if (c->state == POOL_CONN_CONNECTING)
		pconn_connect_step(c);
	else if (c->state == POOL_CONN_READY)
		pconn_io_ready(c, what);
}

static int pconn_watch(struct pconn *c, short what)
{
	int fd = PQsocket(c->pg);

	if (fd < 0)
		return -1;
	if (c->io && fd == c->io_fd && what == c->io_what)
		return 0;
	if (c->io)
		event_free(c->io);
	c->io = event_new(c->pool->base, fd, what | EV_PERSIST, pconn_io_cb, c);
	if (!c->io || event_add(c->io, NULL) != 0)
		return -1;
	c->io_fd = fd;
	c->io_what = what;
	return 0;
}

/* The connection broke: what was sent has an unknown commit status and is
 * answered UNAVAILABLE (the client retries with the same idempotency key);
 * what is still queued stays queued for the other connections. */
void pconn_lost(struct pconn *c, const char *why)
{
	char reason[256], q[300];
	struct op_queue sent = q_detach(&c->sent);

	c->grp = NULL; /* its carrier is in sent */
	if (!why)
		why = pconn_reason(c, reason, sizeof(reason));
	log_event(LOG_WARN, "db_lost",
	          "conn=%d failed=%zu retry_ms=%ld reason=%s", c->idx, sent.n,
	          pconn_retry_ms(c), log_quote(why, q, sizeof(q)));
	pconn_go_down(c);
	q_fail_all(&sent);
}

/* ---------------------------------------------------------------- API */

struct pool *pool_new(struct event_base *base, const char *conninfo, int size)
{
	return pool_new_named(base, conninfo, size, "cctns-server");
}

struct pool *pool_new_named(struct event_base *base, const char *conninfo,
                            int size, const char *appname)
{
	struct pool *pool = xcalloc(1, sizeof(*pool));

	pool->base = base;
	pool->appname = appname;
	pool->conninfo = xstrdup(conninfo);
	pool->size = size;
	pool->conns = xcalloc((size_t)size, sizeof(*pool->conns));
	pool->pump = event_new(base, -1, 0, pool_pump_cb, pool);
	pool->expire = evtimer_new(base, pool_expire_cb, pool);
	pool->wait_ms = POOL_WAIT_MS;
	pool->group_max = 1;
	for (int i = 0; i < size; i++) {
		struct pconn *c = &pool->conns[i];

		c->pool = pool;
		c->idx = i;
		c->io_fd = -1;
		c->backoff_ms = BACKOFF_MIN_MS;
		c->timer = evtimer_new(base, pconn_timer_cb, c);
		c->state = POOL_CONN_DOWN;
		pconn_timer_in(c, 0); /* connect from the loop */
	}
	return pool;
}

void pool_free(struct pool *pool)
{
	if (!pool)
		return;
	pool->closing = 1;
	for (int i = 0; i < pool->size; i++) {
		struct pconn *c = &pool->conns[i];

		pconn_close_pg(c);
		c->state = POOL_CONN_DOWN;
		c->grp = NULL;
		q_fail_all(&c->sent);
		event_free(c->timer);
	}
	q_fail_all(&pool->pending);
	pool->pending_bytes = 0;
	event_free(pool->expire);
	event_free(pool->pump);
	free(pool->conns);
	free(pool->conninfo);
	free(pool);
}

int pool_query_pre(struct pool *pool, const struct pool_stmt *pre, int npre,
                   const char *const *prevalues, const struct pool_stmt *stmt,
                   int nparams, const char *const *values, const int *lengths,
                   const int *formats, pool_cb cb, void *arg)
{
	return pool_query_group(pool, pre, npre, prevalues, stmt, nparams,
	                        values, lengths, formats, 0, cb, arg);
}

int pool_query_group(struct pool *pool, const struct pool_stmt *pre, int npre,
                     const char *const *prevalues, const struct pool_stmt *stmt,
                     int nparams, const char *const *values, const int *lengths,
                     const int *formats, int group_key, pool_cb cb, void *arg)
{
	struct pool_op *op;

	if (pool->closing || nparams != stmt->nparams ||
	    nparams > POOL_MAX_PARAMS || group_key < 0 || group_key > nparams ||
	    (pre && (npre != pre->nparams || npre > POOL_MAX_PARAMS)))
		return -1;
	if (pool->pending.n >= POOL_QUEUE_MAX ||
	    pool->pending_bytes >= POOL_QUEUE_BYTES_MAX) {
		pool->refused++;
		return -1;
	}
	op = op_new(pre, pre ? npre : 0, prevalues, stmt, nparams, values,
	            lengths, formats);
	op->cb = cb;
	op->arg = arg;
	op->group_key = group_key;
	op->queued_us = metrics_now_us();
	pending_push(pool, op);
	event_active(pool->pump, EV_TIMEOUT, 0);
	return 0;
}

void pool_set_wait(struct pool *pool, long wait_ms)
{
	pool->wait_ms = wait_ms > 0 ? wait_ms : 0;
}

void pool_set_group(struct pool *pool, int max)
{
	pool->group_max = max < 1                ? 1
	                  : max > POOL_GROUP_MAX ? POOL_GROUP_MAX
	                                         : max;
	if (pool->pending.head) /* ops that waited to be grouped */
		event_active(pool->pump, EV_TIMEOUT, 0);
}

void pool_counters(const struct pool *pool, struct pool_counters *out)
{
	out->waiting = pool_ready_count(pool) ? 0 : pool->pending.n;
	out->queued_bytes = pool->pending_bytes;
	out->reconnects = pool->reconnects;
	out->expired = pool->expired;
	out->refused = pool->refused;
}

uint64_t pool_reconnects(const struct pool *pool)
{
	return pool->reconnects;
}

int pool_query(struct pool *pool, const struct pool_stmt *stmt, int nparams,
               const char *const *values, const int *lengths,
               const int *formats, pool_cb cb, void *arg)
{
	return pool_query_pre(pool, NULL, 0, NULL, stmt, nparams, values,
	                      lengths, formats, cb, arg);
}

void pool_stats(const struct pool *pool, uint64_t counts[POOL_CONN_STATE_COUNT],
                uint64_t *queued)
{
	memset(counts, 0, sizeof(uint64_t) * POOL_CONN_STATE_COUNT);
	for (int i = 0; i < pool->size; i++)
		counts[pool->conns[i].state]++;
	*queued = pool->pending.n;
}

const char *pool_state_name(enum pool_conn_state st)
{
	static const char *const names[POOL_CONN_STATE_COUNT] = {
	        [POOL_CONN_DOWN] = "down",
	        [POOL_CONN_CONNECTING] = "connecting",
	        [POOL_CONN_READY] = "ready",
	};
	return st < POOL_CONN_STATE_COUNT ? names[st] : "unknown";
}

void pool_ops_counters(const struct pool *pool,
                       struct metrics_pool_counters *out)
{
	*out = pool->counters;
}

int pool_ready_count(const struct pool *pool)
{
	int n = 0;

	for (int i = 0; i < pool->size; i++)
		n += pool->conns[i].state == POOL_CONN_READY;
	return n;
}

const char *pool_sqlstate(const PGresult *res)
{
	const char *st = res ? PQresultErrorField(res, PG_DIAG_SQLSTATE) : NULL;

	return st && *st ? st : "none";
}
