/* pool.h: a fixed set of PostgreSQL connections driven by the event loop,
 * strictly non-blocking, each in pipeline mode. A query names a statement
 * (prepared lazily once per connection), its parameters and a callback; the
 * pool queues it, sends it on the least-loaded ready connection as its own
 * implicit transaction (one Sync per statement) and calls the callback
 * exactly once with the result. */
#ifndef CCTNS_SERVER_POOL_H
#define CCTNS_SERVER_POOL_H

#include <stddef.h>
#include <stdint.h>

#include <libpq-fe.h>

#include "stmt.h"

struct event_base;
struct pool;

#define POOL_QUEUE_MAX 10000 /* queued statements; more are refused */
#define POOL_QUEUE_BYTES_MAX                                                   \
	((size_t)64 << 20)  /* parameter bytes queued; more are refused */
#define POOL_DEPTH_MAX 256  /* statements in flight on one connection */
#define POOL_GROUP_MAX 16   /* reg: statements in one group's transaction */
#define POOL_WAIT_MS   4000 /* default [database] wait */

enum pool_outcome {
	POOL_OK,          /* res holds the rows (PGRES_TUPLES_OK/COMMAND_OK) */
	POOL_SQL_ERROR,   /* res is the error: PQresultErrorField(SQLSTATE..) */
	POOL_UNAVAILABLE, /* res is NULL: no connection, or it broke after the
	                     statement was sent (commit status unknown) */
	POOL_DEADLINE,    /* res is NULL: it waited [database] wait for a
	                     connection and was never sent (nothing ran) */
};

/* The result callback. res is owned by the pool and cleared after the
 * callback returns: copy out what you need. */
typedef void (*pool_cb)(void *arg, enum pool_outcome outcome,
                        const PGresult *res);

enum pool_conn_state {
	POOL_CONN_DOWN,       /* not connected; a retry timer is armed */
	POOL_CONN_CONNECTING, /* PQconnectPoll in progress */
	POOL_CONN_READY,      /* connected, pipeline mode, taking statements */
	POOL_CONN_STATE_COUNT
};

/* Start size connections to conninfo (no I/O until the loop runs). */
struct pool *pool_new(struct event_base *base, const char *conninfo, int size);
/* The same, its connections named appname (a string that outlives the
 * pool) in pg_stat_activity unless conninfo names them: "cctns-server" for
 * pool_new(). */
struct pool *pool_new_named(struct event_base *base, const char *conninfo,
                            int size, const char *appname);

/* Close every connection. Statements queued or in flight get their
 * callback with POOL_UNAVAILABLE before this returns. */
void pool_free(struct pool *pool);

/* How long a statement may wait in the queue to be sent (no connection up,
 * or every connection full): past it, it completes with POOL_DEADLINE and
 * is never sent. Applies to statements queued from now on. */
void pool_set_wait(struct pool *pool, long wait_ms);
/* reg (issue 7): statements queued with a group_key (pool_query_group)
 * that wait for a connection at the same moment go up to max of them in one
 * transaction, each in its own savepoint (pool.c explains how a member's
 * error is kept from the others); their callbacks are called once it has
 * committed. 1 (the default) sends every statement alone; at most
 * POOL_GROUP_MAX. */
void pool_set_group(struct pool *pool, int max);

/* The SQLSTATE of a failed result, or "none" when it has none (an error
 * libpq made itself, or no result): safe to print. */
const char *pool_sqlstate(const PGresult *res);

/* Queue stmt with nparams values (NULL = SQL NULL). lengths and formats may
 * be NULL (all text); a format of 1 is binary and uses lengths[i]. Values
 * are copied. Returns 0: cb will be called once, never from inside this
 * call; while no connection is up the statement waits (connections retry
 * with backoff) until the wait passes. Returns -1 (queue full by count or
 * bytes, pool closing): cb will not be called; answer UNAVAILABLE. */
int pool_query(struct pool *pool, const struct pool_stmt *stmt, int nparams,
               const char *const *values, const int *lengths,
               const int *formats, pool_cb cb, void *arg)
        __attribute__((warn_unused_result));

/* sealed: as pool_query, with pre (npre text values) sent first in the same
 * implicit transaction, e.g. set_config(..., true) of the officer behind
 * the call. Its rows are discarded; its error is the op's (the statement
 * after it is then skipped by the pipeline). */
int pool_query_pre(struct pool *pool, const struct pool_stmt *pre, int npre,
                   const char *const *prevalues, const struct pool_stmt *stmt,
                   int nparams, const char *const *values, const int *lengths,
                   const int *formats, pool_cb cb, void *arg)
        __attribute__((warn_unused_result));
/* reg (issue 7): as pool_query_pre; group_key > 0: it may share one
 * transaction with others of the same stmt, pre and group_key queued at the
 * same moment (pool_set_group), ordered by their first group_key values
 * (non-negative integers as text). 0: as pool_query_pre. */
int pool_query_group(struct pool *pool, const struct pool_stmt *pre, int npre,
                     const char *const *prevalues, const struct pool_stmt *stmt,
                     int nparams, const char *const *values, const int *lengths,
                     const int *formats, int group_key, pool_cb cb, void *arg)
        __attribute__((warn_unused_result));

/* Parameter values copied into one allocation (the pool's queued
 * statements, the read pool's calls kept for a retry on the primary):
 * pool_param_len is the bytes value i takes (text with its NUL, binary its
 * length, NULL none); pool_params_copy copies n values into data from *off
 * and points out[i] at each copy (outlen, outfmt may be NULL). */
size_t pool_param_len(const char *const *values, const int *lengths,
                      const int *formats, int i);
void pool_params_copy(char *data, size_t *off, int n, const char *const *values,
                      const int *lengths, const int *formats, const char **out,
                      int *outlen, int *outfmt);

/* Connections per state, and statements waiting to be sent. */
void pool_stats(const struct pool *pool, uint64_t counts[POOL_CONN_STATE_COUNT],
                uint64_t *queued);
const char *pool_state_name(enum pool_conn_state st);

/* Counters for /metrics: statements queued while no connection is ready
 * (gauge), connections made again after one was lost or failed, statements
 * that passed their wait, statements refused because the queue was full. */
struct pool_counters {
	uint64_t waiting;
	uint64_t queued_bytes;
	uint64_t reconnects;
	uint64_t expired;
	uint64_t refused;
};
void pool_counters(const struct pool *pool, struct pool_counters *out);
/* hs (issue 7): the reconnects alone, without walking the connections
 * (firlisten.c reads it at every local answer). */
uint64_t pool_reconnects(const struct pool *pool);
int pool_ready_count(const struct pool *pool);

/* ops (issue 7): the pool's counters since it started (metrics.h). */
struct metrics_pool_counters;
void pool_ops_counters(const struct pool *pool,
                       struct metrics_pool_counters *out);

#endif
