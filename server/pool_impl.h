/* pool_impl.h: what pool.c and pool_group.c share inside the pool (not
 * for other callers: see pool.h). pool.c: queues, connections, sending
 * single statements and reading results; pool_group.c: registrations that
 * wait together sent as one transaction (reg, issue 7; pool.c's top). */
#ifndef CCTNS_SERVER_POOL_IMPL_H
#define CCTNS_SERVER_POOL_IMPL_H

#include <stddef.h>
#include <stdint.h>

#include <event2/event.h>
#include <libpq-fe.h>

#include "metrics.h"
#include "pool.h"

/* Distinct statements per connection: every dispatch row and audit's two
 * (32 was fewer than the dispatch rows: the 33rd lost the connection). */
#define POOL_MAX_STMTS 128

/* One statement, queued or sent. Owned by the pool until completed. */
struct pool_op {
	struct pool_op *next;
	const struct pool_stmt *stmt;
	int is_prepare; /* the Prepare that precedes a statement's first use */
	pool_cb cb;
	void *arg;
	uint64_t deadline_us; /* queued: completed unsent after this */
	size_t bytes;         /* of data[] */
	PGresult *res;        /* first result, held until the Sync arrives */
	/* sealed: a statement sent first in the same transaction (the
	 * officer's context); its rows are discarded, its error is the op's. */
	const struct pool_stmt *pre;
	int pre_pending; /* the pre statement's result is still to come */
	int npre;
	const char *prevalues[POOL_MAX_PARAMS];
	int nparams;
	const char *values[POOL_MAX_PARAMS];
	int lengths[POOL_MAX_PARAMS];
	int formats[POOL_MAX_PARAMS];
	uint64_t queued_us; /* ops: when pool_query queued it */
	struct group *grp;  /* reg: this entry of sent carries a group */
	int group_key;      /* reg: pool_query_group's; 0 never grouped */
	int solo;           /* reg: its group failed as a whole: run alone */
	char data[];        /* the parameter bytes values[] point into */
};

struct op_queue {
	struct pool_op *head, *tail;
	size_t n;
};

struct pconn {
	struct pool *pool;
	int idx;
	enum pool_conn_state state;
	PGconn *pg;
	struct event
	        *io; /* on PQsocket(pg); re-made when fd or interest change */
	int io_fd;
	short io_what;
	struct event *timer; /* DOWN: retry; CONNECTING: timeout */
	long backoff_ms;
	int was_up; /* it has been ready before: connecting again counts */
	uint64_t retry_at_us; /* DOWN: when the timer connects again */
	struct op_queue sent; /* FIFO of ops whose results are awaited */
	struct group *grp;    /* reg: a group in flight: nothing after it */
	const struct pool_stmt *prepared[POOL_MAX_STMTS];
	size_t nprepared;
};

struct pool {
	struct event_base *base;
	char *conninfo;
	const char *appname; /* application_name, unless conninfo sets one */
	struct pconn *conns;
	int size;
	struct op_queue pending;
	size_t pending_bytes;
	struct event *pump;
	struct event *expire; /* at the head of pending's deadline */
	long wait_ms;
	int group_max; /* reg: [database] group; 1 = every statement alone */
	uint64_t reconnects, expired, refused;
	int closing;
	struct metrics_pool_counters counters; /* ops (issue 7) */
};

/* reg: one transaction of several statements (see the top). The results
 * of a phase (what one Sync ends) arrive in slot order. */
enum gslot_kind { GS_TX, GS_SAVEPOINT, GS_PRE, GS_STMT, GS_RELEASE, GS_END };
struct gslot {
	unsigned char kind, member;
};
struct group {
	int n;
	struct pool_op *m[POOL_GROUP_MAX];    /* NULL once answered */
	unsigned char failed[POOL_GROUP_MAX]; /* its error is in m[i]->res */
	struct gslot slot[2 + 4 * POOL_GROUP_MAX];
	int nslots, next; /* this phase: results expected, received */
	int err;          /* this phase's first error (slot), -1 none */
	int cleanup;      /* this phase is the ROLLBACK of a failed whole */
};

/* pool.c */
void q_push(struct op_queue *q, struct pool_op *op);
struct pool_op *q_pop(struct op_queue *q);
/* Complete op: call its callback (not for internal prepares), then free. */
void op_finish(struct pool_op *op, enum pool_outcome outcome);
/* What op's kept result says. */
enum pool_outcome op_outcome(const struct pool_op *op);
/* Put ops[0..n) back at the head of the FIFO, in that order. */
void pending_push_front(struct pool *pool, struct pool_op **ops, int n);
int pconn_is_prepared(const struct pconn *c, const struct pool_stmt *s);
int pconn_prepare(struct pconn *c, const struct pool_stmt *s);
int pconn_flush(struct pconn *c);
void pconn_lost(struct pconn *c, const char *why);

/* pool_group.c */
/* Send m[0..n) (n >= 2) as one group on the idle connection c. */
int group_send(struct pconn *c, struct pool_op **m, int n);
/* Answer the members still unanswered (see pool_group.c), free g. */
void group_free(struct group *g, enum pool_outcome outcome);
/* One result of the group at the head of c->sent. */
void group_result(struct pconn *c, PGresult *res);
/* The Sync of a phase of the group at the head of c->sent arrived. */
void group_synced(struct pconn *c);

#endif
