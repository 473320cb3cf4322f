/* readpool.c: reads on standbys (repl, issue 7; readpool.h says what). The
 * table below names the dispatch rows a standby may answer; each was
 * checked against its api.* function:
 *   search_persons, match_persons, search_vehicles, search_property,
 *   search_mo, find_vehicle, lookup_ref: STABLE functions (they cannot
 *   write), and nobody needs them to see a write of a few ms ago;
 *   get_dossier: VOLATILE, it records a sealed read (audit.sealed_read)
 *   when it shows a sealed person to an officer allowed to see one; on a
 *   standby that write is refused (25006) and the call is re-run on the
 *   primary, which records it: the split is made by the database itself.
 * Not here, on purpose: every get_* of one record by its number (the
 * terminal reads back what it has just written; several record sealed
 * reads), list_alerts (read right after ack_alert), list_found_persons,
 * list_pending_efirs, list_malkhana and case timelines (read right after
 * the write they list), and everything that writes. */
#include "readpool.h"

#include <stdlib.h>
#include <string.h>

#include <event2/buffer.h>

#include "dispatch.h"
#include "log.h"
#include "util.h"

static const char *const read_rows[] = {
        "search_persons",  "match_persons", "get_dossier",  "search_vehicles",
        "search_property", "search_mo",     "find_vehicle", "lookup_ref",
};

/* Errors of a standby after which the primary is asked instead. */
static const char *const retry_sqlstates[] = {
        "25006", /* read_only_sql_transaction: the function wrote */
        "40001", /* recovery conflict (canceled by replay) */
        "40P01", /* recovery conflict on a buffer pin */
};

struct readpool {
	struct event_base *base;
	struct pool *primary;
	struct pool *read; /* NULL: no read_conninfo */
	char *conninfo;
	int size;
	int closing;
	unsigned long long routed[READ_ROUTE_COUNT];
};

/* One read sent to the read pool, with a copy of everything needed to send
 * it again to the primary. */
struct rcall {
	struct readpool *rp;
	const struct pool_stmt *pre, *stmt;
	int npre, nparams;
	const char *prevalues[POOL_MAX_PARAMS];
	const char *values[POOL_MAX_PARAMS];
	int lengths[POOL_MAX_PARAMS];
	int formats[POOL_MAX_PARAMS];
	pool_cb cb;
	void *arg;
	char data[];
};

int readpool_row_reads(size_t type)
{
	const char *name = dispatch_type_name(type);

	for (size_t i = 0; i < ARRAY_LEN(read_rows); i++)
		if (strcmp(name, read_rows[i]) == 0)
			return 1;
	return 0;
}

int readpool_check(char *why, size_t whysz)
{
	for (size_t i = 0; i < ARRAY_LEN(read_rows); i++) {
		size_t t;

		for (t = 0; t < dispatch_count(); t++)
			if (strcmp(dispatch_type_name(t), read_rows[i]) == 0)
				break;
		if (t == dispatch_count()) {
			snprintf(why, whysz, "read row %s: no such request",
			         read_rows[i]);
			return -1;
		}
	}
	return 0;
}

/* ---------------------------------------------------------------- copies */

static struct rcall *rcall_new(struct readpool *rp, const struct pool_stmt *pre,
                               int npre, const char *const *prevalues,
                               const struct pool_stmt *stmt, int nparams,
                               const char *const *values, const int *lengths,
                               const int *formats, pool_cb cb, void *arg)
{
	size_t total = 0, off = 0;
	struct rcall *c;

	for (int i = 0; i < npre; i++)
		total += pool_param_len(prevalues, NULL, NULL, i);
	for (int i = 0; i < nparams; i++)
		total += pool_param_len(values, lengths, formats, i);
	c = xcalloc(1, sizeof(*c) + total);
	c->rp = rp;
	c->pre = pre;
	c->npre = npre;
	c->stmt = stmt;
	c->nparams = nparams;
	c->cb = cb;
	c->arg = arg;
	pool_params_copy(c->data, &off, npre, prevalues, NULL, NULL,
	                 c->prevalues, NULL, NULL);
	pool_params_copy(c->data, &off, nparams, values, lengths, formats,
	                 c->values, c->lengths, c->formats);
	return c;
}

/* ---------------------------------------------------------------- retry */

/* Why a read the read pool answered should be asked of the primary, or
 * NULL when its answer stands. */
static const char *retry_reason(enum pool_outcome outcome, const PGresult *res)
{
	const char *st;

	if (outcome == POOL_UNAVAILABLE)
		return "unavailable";
	if (outcome == POOL_DEADLINE)
		return "deadline";
	if (outcome != POOL_SQL_ERROR || !res)
		return NULL;
	st = PQresultErrorField(res, PG_DIAG_SQLSTATE);
	for (size_t i = 0; st && i < ARRAY_LEN(retry_sqlstates); i++)
		if (strcmp(st, retry_sqlstates[i]) == 0)
			return retry_sqlstates[i];
	return NULL;
}

static void rcall_done(void *arg, enum pool_outcome outcome,
                       const PGresult *res)
{
	struct rcall *c = arg;
	struct readpool *rp = c->rp;
	const char *why = rp->closing ? NULL : retry_reason(outcome, res);

	if (!why) {
		rp->routed[READ_ROUTE_STANDBY]++;
		c->cb(c->arg, outcome, res);
		free(c);
		return;
	}
	rp->routed[READ_ROUTE_STANDBY_FAILED]++;
	log_event(LOG_INFO, "read_on_primary", "stmt=%s reason=%s",
	          c->stmt->name, why);
	if (pool_query_pre(rp->primary, c->pre, c->npre, c->prevalues, c->stmt,
	                   c->nparams, c->values, c->lengths, c->formats, c->cb,
	                   c->arg) != 0)
		c->cb(c->arg, POOL_UNAVAILABLE, NULL);
	free(c);
}

/* ---------------------------------------------------------------- API */

struct readpool *readpool_new(struct event_base *base, struct pool *primary)
{
	struct readpool *rp = xcalloc(1, sizeof(*rp));

	rp->base = base;
	rp->primary = primary;
	rp->conninfo = xstrdup("");
	return rp;
}

void readpool_configure(struct readpool *rp, const char *conninfo, int size,
                        long wait_ms)
{
	struct pool *old = rp->read;

	if (rp->read && strcmp(conninfo, rp->conninfo) == 0 &&
	    size == rp->size) {
		pool_set_wait(rp->read, wait_ms);
		return;
	}
	if (!rp->read && conninfo[0] == '\0')
		return;
	rp->read = NULL;
	free(rp->conninfo);
	rp->conninfo = xstrdup(conninfo);
	rp->size = size;
	if (conninfo[0] != '\0') {
		rp->read = pool_new(rp->base, conninfo, size);
		pool_set_wait(rp->read, wait_ms);
	}
	log_event(LOG_INFO, "read_pool", "configured=%d size=%d replaced=%d",
	          rp->read != NULL, rp->read ? size : 0, old != NULL);
	pool_free(old); /* its reads in flight go to the primary */
}

void readpool_free(struct readpool *rp)
{
	if (!rp)
		return;
	rp->closing = 1;
	pool_free(rp->read);
	free(rp->conninfo);
	free(rp);
}

int readpool_query_pre(struct readpool *rp, size_t type,
                       const struct pool_stmt *pre, int npre,
                       const char *const *prevalues,
                       const struct pool_stmt *stmt, int nparams,
                       const char *const *values, const int *lengths,
                       const int *formats, int group_key, pool_cb cb, void *arg)
{
	enum readpool_route route = READ_ROUTE_PRIMARY;
	struct rcall *c;

	if (readpool_row_reads(type)) {
		if (!rp->read)
			route = READ_ROUTE_NO_READ_POOL;
		else if (pool_ready_count(rp->read) == 0)
			route = READ_ROUTE_STANDBY_DOWN;
		else
			route = READ_ROUTE_STANDBY;
	}
	if (route == READ_ROUTE_STANDBY) {
		c = rcall_new(rp, pre, npre, prevalues, stmt, nparams, values,
		              lengths, formats, cb, arg);
		if (pool_query_pre(rp->read, pre, npre, prevalues, stmt,
		                   nparams, values, lengths, formats,
		                   rcall_done, c) == 0)
			return 0; /* counted when answered */
		free(c);
		route = READ_ROUTE_STANDBY_DOWN; /* its queue is full */
	}
	rp->routed[route]++;
	return pool_query_group(rp->primary, pre, npre, prevalues, stmt,
	                        nparams, values, lengths, formats, group_key,
	                        cb, arg);
}

unsigned long long readpool_routed(const struct readpool *rp,
                                   enum readpool_route route)
{
	return route < READ_ROUTE_COUNT ? rp->routed[route] : 0;
}

/* ---------------------------------------------------------------- metrics */

void readpool_view(const struct readpool *rp, struct readpool_view *v)
{
	memset(v, 0, sizeof(*v));
	if (!rp)
		return;
	v->present = 1;
	for (int r = 0; r < READ_ROUTE_COUNT; r++)
		v->routed[r] = rp->routed[r];
	if (rp->read)
		pool_stats(rp->read, v->counts, &v->queued);
}

void readpool_view_add(struct readpool_view *to, const struct readpool_view *v)
{
	to->present |= v->present;
	for (int r = 0; r < READ_ROUTE_COUNT; r++)
		to->routed[r] += v->routed[r];
	for (int s = 0; s < POOL_CONN_STATE_COUNT; s++)
		to->counts[s] += v->counts[s];
	to->queued += v->queued;
}

void readpool_render(const struct readpool_view *v, struct evbuffer *out)
{
	static const char *const reasons[READ_ROUTE_COUNT] = {
	        [READ_ROUTE_NO_READ_POOL] = "no_read_pool",
	        [READ_ROUTE_STANDBY_DOWN] = "standby_down",
	        [READ_ROUTE_STANDBY_FAILED] = "standby_failed",
	};
	unsigned long long on_primary = 0;

	if (!v->present)
		return;
	for (int r = 0; r < READ_ROUTE_COUNT; r++)
		if (r != READ_ROUTE_STANDBY)
			on_primary += v->routed[r];
	evbuffer_add_printf(
	        out,
	        "# HELP cctns_pool_requests_total JSON calls by the pool that "
	        "answered them (read: [database] read_conninfo)\n"
	        "# TYPE cctns_pool_requests_total counter\n"
	        "cctns_pool_requests_total{pool=\"primary\"} %llu\n"
	        "cctns_pool_requests_total{pool=\"read\"} %llu\n"
	        "# HELP cctns_read_fallbacks_total reads a standby may answer "
	        "that the primary answered, by why\n"
	        "# TYPE cctns_read_fallbacks_total counter\n",
	        on_primary, (unsigned long long)v->routed[READ_ROUTE_STANDBY]);
	for (int r = 0; r < READ_ROUTE_COUNT; r++)
		if (reasons[r])
			evbuffer_add_printf(out,
			                    "cctns_read_fallbacks_total{reason="
			                    "\"%s\"} %llu\n",
			                    reasons[r],
			                    (unsigned long long)v->routed[r]);
	evbuffer_add_printf(out, "# HELP cctns_read_pool_connections read pool "
	                         "connections by state\n"
	                         "# TYPE cctns_read_pool_connections gauge\n");
	for (int s = 0; s < POOL_CONN_STATE_COUNT; s++)
		evbuffer_add_printf(
		        out, "cctns_read_pool_connections{state=\"%s\"} %llu\n",
		        pool_state_name((enum pool_conn_state)s),
		        (unsigned long long)v->counts[s]);
	evbuffer_add_printf(out,
	                    "# HELP cctns_read_pool_queue_depth reads waiting "
	                    "for a read pool connection\n"
	                    "# TYPE cctns_read_pool_queue_depth gauge\n"
	                    "cctns_read_pool_queue_depth %llu\n",
	                    (unsigned long long)v->queued);
}
