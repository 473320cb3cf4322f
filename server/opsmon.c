/* opsmon.c: read api.replication_status() (0034) every 15 s (every second
 * until the first reading succeeds) through the
 * pool, one reading in flight at most, and keep the worst lag in
 * metrics->repl. A failed reading keeps the last values and counts a
 * failure. */
#include "opsmon.h"

#include <stdlib.h>

#include <event2/event.h>

#include "metrics.h"
#include "pool.h"
#include "util.h"

#define OPSMON_FIRST_MS    1000
#define OPSMON_INTERVAL_MS 15000

static const struct pool_stmt repl_stmt = {
        "ops_replication_status",
        "SELECT role, coalesce(lag_bytes, 0), "
        "coalesce(replay_lag_seconds, 0), state "
        "FROM api.replication_status()",
        0,
};

struct opsmon {
	struct pool *pool;
	struct metrics *metrics;
	struct event *timer;
	int in_flight;
	int stopped;
};

static void opsmon_arm(struct opsmon *m, long ms)
{
	struct timeval tv = {ms / 1000, (ms % 1000) * 1000};

	evtimer_add(m->timer, &tv);
}

static void opsmon_read(struct metrics_repl *r, const PGresult *res)
{
	int n = PQntuples(res);

	r->known = n > 0;
	r->standby = 0;
	r->standbys = 0;
	r->lag_seconds = 0;
	r->lag_bytes = 0;
	for (int i = 0; i < n; i++) {
		double secs = atof(PQgetvalue(res, i, 2));
		unsigned long long bytes =
		        strtoull(PQgetvalue(res, i, 1), NULL, 10);

		r->standby = PQgetvalue(res, i, 0)[0] == 's';
		if (!r->standby &&
		    PQgetvalue(res, i, 3)[0] != 'n') /* not no_standby */
			r->standbys++;
		if (secs > r->lag_seconds)
			r->lag_seconds = secs;
		if (bytes > r->lag_bytes)
			r->lag_bytes = bytes;
	}
}

static void opsmon_done(void *arg, enum pool_outcome outcome,
                        const PGresult *res)
{
	struct opsmon *m = arg;

	m->in_flight = 0;
	if (outcome == POOL_OK)
		opsmon_read(&m->metrics->repl, res);
	else
		m->metrics->repl.failures++;
	if (m->stopped)
		free(m);
}

static void opsmon_tick(evutil_socket_t fd, short what, void *arg)
{
	struct opsmon *m = arg;

	(void)fd, (void)what;
	/* every second until the first reading, then every 15 s */
	opsmon_arm(m, m->metrics->repl.known ? OPSMON_INTERVAL_MS
	                                     : OPSMON_FIRST_MS);
	if (m->in_flight)
		return;
	m->metrics->repl.polls++;
	if (pool_query(m->pool, &repl_stmt, 0, NULL, NULL, NULL, opsmon_done,
	               m) != 0) {
		m->metrics->repl.failures++;
		return;
	}
	m->in_flight = 1;
}

struct opsmon *opsmon_new(struct event_base *base, struct pool *pool,
                          struct metrics *metrics)
{
	struct opsmon *m = xcalloc(1, sizeof(*m));

	m->pool = pool;
	m->metrics = metrics;
	m->timer = evtimer_new(base, opsmon_tick, m);
	opsmon_arm(m, OPSMON_FIRST_MS);
	return m;
}

void opsmon_free(struct opsmon *m)
{
	if (!m)
		return;
	event_free(m->timer);
	if (m->in_flight) /* freed by its callback */
		m->stopped = 1;
	else
		free(m);
}
