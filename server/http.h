/* http.h: the loopback HTTP endpoint for operators: GET /healthz (200 when
 * at least one database connection is ready, else 503) and GET /metrics
 * (Prometheus text). */
#ifndef CCTNS_SERVER_HTTP_H
#define CCTNS_SERVER_HTTP_H

#include <stddef.h>

#include "config.h"

struct event_base;
struct metrics;
struct pool;
struct http;
struct metrics_shared;

/* Serve on addr. NULL with why on failure. */
struct http *http_new(struct event_base *base, const struct listen_addr *addr,
                      const struct metrics *metrics, const struct pool *pool,
                      char *why, size_t whysz)
        __attribute__((warn_unused_result));

/* repl: the read pool whose series /metrics adds (readpool.h). */
struct readpool;
void http_set_reads(struct http *h, const struct readpool *reads);

/* ops (slice 11): the audit writer's and the search flush's connections
 * (either NULL), whose states and reconnects /metrics adds. */
struct pool;
void http_set_side_pools(struct http *h, const struct pool *audit,
                         const struct pool *flush);

/* "host:port" actually bound. */
const char *http_address(const struct http *h);

/* load: with several workers, /metrics sums every worker's slot of shared
 * (this one is `worker`), and this worker publishes into its slot every
 * second. -1 when the timer cannot be set. */
int http_share(struct http *h, struct metrics_shared *shared, int worker)
        __attribute__((warn_unused_result));

void http_free(struct http *h);

#endif
