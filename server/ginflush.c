/* ginflush.c: the periodic api.person_search_flush (ginflush.h). */
#include "ginflush.h"

#include <stdlib.h>

#include <event2/event.h>

#include "log.h"
#include "metrics.h"
#include "pool.h"
#include "util.h"

static const struct pool_stmt flush_stmt = {
        "search_flush", "SELECT api.person_search_flush()", 0};

struct ginflush {
	struct pool *pool;
	struct metrics *metrics;
	struct event *timer;
	long interval_ms; /* ops (slice 11): [search] flush_ms, 0 = off */
	uint64_t sent_us; /* ops (slice 11): when the call in flight went */
	int in_flight;
	int failing; /* the last call failed: logged once until one works */
	int stopping;
};

static void ginflush_arm(struct ginflush *g, long ms)
{
	struct timeval tv = {ms / 1000, (ms % 1000) * 1000};

	evtimer_add(g->timer, &tv);
}

static void ginflush_done(void *arg, enum pool_outcome outcome,
                          const PGresult *res)
{
	struct ginflush *g = arg;

	g->in_flight = 0;
	if (g->stopping)
		return;
	g->metrics->search_flush_us += metrics_now_us() - g->sent_us;
	if (outcome == POOL_OK) {
		g->metrics->search_flushes++;
		g->metrics->search_flush_pages +=
		        strtoull(PQgetvalue(res, 0, 0), NULL, 10);
		if (g->failing)
			log_event(LOG_INFO, "search_flush", "ok=1");
		g->failing = 0;
		if (g->interval_ms > 0)
			ginflush_arm(g, g->interval_ms);
		return;
	}
	g->metrics->search_flush_failures++;
	if (!g->failing)
		log_event(LOG_WARN, "search_flush",
		          "ok=0 sqlstate=%s retry_ms=%d",
		          outcome == POOL_SQL_ERROR ? pool_sqlstate(res)
		                                    : "none",
		          GINFLUSH_BACKOFF_MS);
	g->failing = 1;
	ginflush_arm(g, GINFLUSH_BACKOFF_MS);
}

static void ginflush_tick(evutil_socket_t fd, short what, void *arg)
{
	struct ginflush *g = arg;

	(void)fd, (void)what;
	if (g->in_flight || g->interval_ms <= 0)
		return;
	if (pool_query(g->pool, &flush_stmt, 0, NULL, NULL, NULL, ginflush_done,
	               g) != 0) {
		ginflush_arm(g, GINFLUSH_BACKOFF_MS);
		return;
	}
	g->in_flight = 1;
	g->sent_us = metrics_now_us();
}

struct ginflush *ginflush_new(struct event_base *base, const char *conninfo,
                              long wait_ms, long interval_ms,
                              struct metrics *metrics)
{
	struct ginflush *g = xcalloc(1, sizeof(*g));

	g->pool = pool_new_named(base, conninfo, 1, "cctns-server-flush");
	pool_set_wait(g->pool, wait_ms);
	g->metrics = metrics;
	g->timer = evtimer_new(base, ginflush_tick, g);
	ginflush_set_interval(g, interval_ms);
	return g;
}

void ginflush_set_interval(struct ginflush *g, long interval_ms)
{
	long old;

	if (!g)
		return;
	old = g->interval_ms;
	g->interval_ms = interval_ms > 0 ? interval_ms : 0;
	g->metrics->search_flush_interval_ms = (uint64_t)g->interval_ms;
	if (g->interval_ms == 0) {
		evtimer_del(g->timer); /* a call in flight ends on its own */
		return;
	}
	if (g->interval_ms == old || g->in_flight)
		return; /* the timer goes on; an answer arms it anew */
	if (old > 0 && g->failing)
		return; /* the failure's backoff stays */
	ginflush_arm(g, g->interval_ms);
}

const struct pool *ginflush_pool(const struct ginflush *g)
{
	return g ? g->pool : NULL;
}

void ginflush_free(struct ginflush *g)
{
	if (!g)
		return;
	g->stopping = 1;
	event_free(g->timer);
	pool_free(g->pool); /* a call in flight is answered here, ignored */
	free(g);
}
