/* metrics_shared.h: with [server] workers = N, one /metrics for the whole
 * server. The supervisor maps an anonymous shared region before it forks,
 * one slot a worker; each worker publishes a snapshot of its counters and
 * gauges into its slot (every second and before it answers /metrics), and
 * any worker's /metrics renders the sum of every slot. A restarted worker
 * takes its slot's counters over, so the sums never go back. */
#ifndef CCTNS_SERVER_METRICS_SHARED_H
#define CCTNS_SERVER_METRICS_SHARED_H

#include "metrics.h"
#include "readpool.h"

/* What one worker renders: its counters and the views read at render time. */
struct metrics_snapshot {
	struct metrics m; /* m.hub is NULL: a pointer of another process */
	struct metrics_pool_view pool;
	struct metrics_pool_counters pc;
	struct metrics_sessions_view sv;
	int has_sv;
	struct readpool_view rv; /* repl: reads on standbys */
};

struct metrics_shared;

/* The region for n workers (MAP_SHARED | MAP_ANONYMOUS), or NULL. Call
 * before forking. */
struct metrics_shared *metrics_shared_new(int n)
        __attribute__((warn_unused_result));
void metrics_shared_free(struct metrics_shared *ms);

/* Worker index: write snap into its slot (a sequence lock: readers never
 * see half a snapshot). */
void metrics_shared_publish(struct metrics_shared *ms, int index,
                            const struct metrics_snapshot *snap);

/* Worker index at start: when its slot holds an earlier worker's counters,
 * continue them in m (gauges of that worker's connections start at 0), and
 * keep the pools' counters (primary and read pool: requests by pool,
 * fallbacks, statements, connects, ...) in ms, added to every snapshot this
 * process publishes, so no summed counter goes back at a restart. */
void metrics_shared_resume(struct metrics_shared *ms, int index,
                           struct metrics *m);

/* The sum over every slot published so far into out; returns how many
 * workers have published. Counters and most gauges add up; replication
 * (every worker reads the same database) takes the worst. */
int metrics_shared_sum(const struct metrics_shared *ms,
                       struct metrics_snapshot *out);

struct evbuffer;

/* Per-worker series (connections, requests) and the number of workers,
 * configured and published, as Prometheus text. */
void metrics_shared_render_workers(const struct metrics_shared *ms,
                                   struct evbuffer *out);

#endif
