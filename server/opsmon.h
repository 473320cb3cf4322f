/* opsmon.h: the server's periodic look at its database for the operator
 * (issue 7): every 15 s one api.replication_status() through the pool; the
 * answer goes into metrics->repl for /metrics. Never on a request's path. */
#ifndef CCTNS_SERVER_OPSMON_H
#define CCTNS_SERVER_OPSMON_H

struct event_base;
struct pool;
struct metrics;
struct opsmon;

/* Start polling (the first reading one second from now). */
struct opsmon *opsmon_new(struct event_base *base, struct pool *pool,
                          struct metrics *metrics);

/* Stop the timer. A reading still in the pool is answered by pool_free():
 * call opsmon_free after pool_free. NULL is fine. */
void opsmon_free(struct opsmon *m);

#endif
