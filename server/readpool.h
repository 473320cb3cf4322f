/* readpool.h: reads on standbys (repl, issue 7). An optional second pool on
 * [database] read_conninfo (a hot standby, or several hosts with
 * target_session_attrs=prefer-standby) answers the JSON calls of the
 * dispatch rows named in readpool.c's table: searches, the dossier and
 * lookups, reads that may be a few milliseconds behind the primary. Every
 * other call goes to the primary pool as before.
 *
 * A read never fails because of the standby: with no read connection ready
 * it goes to the primary at once; sent to the standby and answered with a
 * broken connection, a wait past [database] wait, a refused write (the
 * function wanted to record something, e.g. a sealed read: SQLSTATE 25006)
 * or a recovery conflict (40001, 40P01), it is run again on the primary
 * (a read: running it twice changes nothing). Each such case is counted in
 * /metrics with its reason. */
#ifndef CCTNS_SERVER_READPOOL_H
#define CCTNS_SERVER_READPOOL_H

#include <stddef.h>
#include <stdint.h>

#include "pool.h"

struct event_base;
struct evbuffer;
struct readpool;

/* Where a JSON call went, for /metrics. */
enum readpool_route {
	READ_ROUTE_PRIMARY,        /* a call that must see the primary */
	READ_ROUTE_STANDBY,        /* a read answered by the read pool */
	READ_ROUTE_NO_READ_POOL,   /* a read, read_conninfo empty */
	READ_ROUTE_STANDBY_DOWN,   /* a read, no read connection ready */
	READ_ROUTE_STANDBY_FAILED, /* a read the read pool failed: re-run */
	READ_ROUTE_COUNT
};

/* Reads for base; primary is the server's pool (not owned). No read pool
 * until readpool_configure gives a conninfo. */
struct readpool *readpool_new(struct event_base *base, struct pool *primary);

/* Start, replace or stop the read pool: conninfo "" = none. Called at start
 * and on every SIGHUP; the pool is rebuilt only when conninfo or size
 * changed (reads in flight on the old one are re-run on the primary). */
void readpool_configure(struct readpool *rp, const char *conninfo, int size,
                        long wait_ms);

/* Close the read pool; reads in flight are answered UNAVAILABLE (not
 * retried). Call before pool_free() of the primary. NULL is fine. */
void readpool_free(struct readpool *rp);

/* May dispatch row `type` (its index) be answered by a standby? */
int readpool_row_reads(size_t type);

/* As pool_query_group, on the pool the row goes to (above); group_key
 * (reg) counts only on the primary. */
int readpool_query_pre(struct readpool *rp, size_t type,
                       const struct pool_stmt *pre, int npre,
                       const char *const *prevalues,
                       const struct pool_stmt *stmt, int nparams,
                       const char *const *values, const int *lengths,
                       const int *formats, int group_key, pool_cb cb, void *arg)
        __attribute__((warn_unused_result));

/* Calls that went each way since start. */
unsigned long long readpool_routed(const struct readpool *rp,
                                   enum readpool_route route);

/* Every name in the table is a dispatch row with a JSON call. Run at
 * start-up (after dispatch_check). Returns 0, or -1 with why. */
int readpool_check(char *why, size_t whysz) __attribute__((warn_unused_result));

/* What /metrics shows of the read pool: filled by readpool_view (present
 * is 0 with no read pool object), added up over workers, rendered. */
struct readpool_view {
	int present;
	uint64_t routed[READ_ROUTE_COUNT];
	uint64_t counts[POOL_CONN_STATE_COUNT];
	uint64_t queued;
};
void readpool_view(const struct readpool *rp, struct readpool_view *v);
void readpool_view_add(struct readpool_view *to, const struct readpool_view *v);
void readpool_render(const struct readpool_view *v, struct evbuffer *out);

#endif
