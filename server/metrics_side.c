/* metrics_side.c: ops (slice 11) series of /metrics: the worker's FIR
 * copies (fircache.c) and their local answers and listener (fir, slice 12:
 * firlisten.c), the search flush's timing and setting (ginflush.c),
 * and the connections the audit writer and the flush keep of their own
 * (not in cctns_pool_*). Every value is a sum over the workers. */
#include <event2/buffer.h>

#include "metrics.h"

static void render_fircache(const struct metrics *m, struct evbuffer *out)
{
	evbuffer_add_printf(
	        out,
	        "# HELP cctns_fircache_hits_total FIR reads answered from the "
	        "worker's copy (the database said it is current, or it was "
	        "answered locally).\n"
	        "# TYPE cctns_fircache_hits_total counter\n"
	        "cctns_fircache_hits_total %llu\n"
	        "# HELP cctns_fircache_misses_total FIR reads built from the "
	        "database's JSON: no copy held (absent) or the copy out of "
	        "date (changed).\n"
	        "# TYPE cctns_fircache_misses_total counter\n"
	        "cctns_fircache_misses_total{reason=\"absent\"} %llu\n"
	        "cctns_fircache_misses_total{reason=\"changed\"} %llu\n"
	        "# HELP cctns_fircache_stores_total FIR copies kept.\n"
	        "# TYPE cctns_fircache_stores_total counter\n"
	        "cctns_fircache_stores_total %llu\n"
	        "# HELP cctns_fircache_evictions_total FIR copies dropped, "
	        "least recently used first, to stay within [cache] fir_mb.\n"
	        "# TYPE cctns_fircache_evictions_total counter\n"
	        "cctns_fircache_evictions_total %llu\n"
	        "# HELP cctns_fircache_entries FIR copies held.\n"
	        "# TYPE cctns_fircache_entries gauge\n"
	        "cctns_fircache_entries %llu\n"
	        "# HELP cctns_fircache_bytes Estimated bytes of the FIR copies "
	        "held.\n"
	        "# TYPE cctns_fircache_bytes gauge\n"
	        "cctns_fircache_bytes %llu\n",
	        (unsigned long long)m->fircache_hits,
	        (unsigned long long)m->fircache_misses_absent,
	        (unsigned long long)m->fircache_misses_changed,
	        (unsigned long long)m->fircache_stores,
	        (unsigned long long)m->fircache_evictions,
	        (unsigned long long)m->fircache_entries,
	        (unsigned long long)m->fircache_bytes);
}

/* fir (slice 12): local answers and the LISTEN connection (firlisten.c). */
static void render_firlisten(const struct metrics *m, struct evbuffer *out)
{
	evbuffer_add_printf(
	        out,
	        "# HELP cctns_fircache_local_hits_total FIR reads answered "
	        "from "
	        "a verified plain copy without the database.\n"
	        "# TYPE cctns_fircache_local_hits_total counter\n"
	        "cctns_fircache_local_hits_total %llu\n"
	        "# HELP cctns_firlisten_up Workers whose LISTEN cctns_fir "
	        "connection listens.\n"
	        "# TYPE cctns_firlisten_up gauge\n"
	        "cctns_firlisten_up %llu\n"
	        "# HELP cctns_firlisten_connects_total LISTEN cctns_fir "
	        "established (every copy is forgotten each time).\n"
	        "# TYPE cctns_firlisten_connects_total counter\n"
	        "cctns_firlisten_connects_total %llu\n"
	        "# HELP cctns_firlisten_lost_total Listening connections lost "
	        "(closed, no answer to the ping, the pool reconnected).\n"
	        "# TYPE cctns_firlisten_lost_total counter\n"
	        "cctns_firlisten_lost_total %llu\n"
	        "# HELP cctns_firlisten_notifications_total Notifications "
	        "received on cctns_fir (forget=all: the '*' ones; those on "
	        "cctns_officer are cctns_officer_local_forgets_total).\n"
	        "# TYPE cctns_firlisten_notifications_total counter\n"
	        "cctns_firlisten_notifications_total{forget=\"keys\"} %llu\n"
	        "cctns_firlisten_notifications_total{forget=\"all\"} %llu\n",
	        (unsigned long long)m->fircache_local_hits,
	        (unsigned long long)m->firlisten_up,
	        (unsigned long long)m->firlisten_connects,
	        (unsigned long long)m->firlisten_lost,
	        (unsigned long long)(m->firlisten_notifications -
	                             m->firlisten_forget_all),
	        (unsigned long long)m->firlisten_forget_all);
}

static void render_flush(const struct metrics *m, struct evbuffer *out)
{
	evbuffer_add_printf(
	        out,
	        "# HELP cctns_search_flush_seconds_total Time the calls of "
	        "api.person_search_flush took, answered or failed.\n"
	        "# TYPE cctns_search_flush_seconds_total counter\n"
	        "cctns_search_flush_seconds_total %.6f\n"
	        "# HELP cctns_search_flush_interval_seconds Time between "
	        "flushes ([search] flush_ms); 0 when off.\n"
	        "# TYPE cctns_search_flush_interval_seconds gauge\n"
	        "cctns_search_flush_interval_seconds %.3f\n",
	        (double)m->search_flush_us / 1e6,
	        (double)m->search_flush_interval_ms / 1e3);
}

static void render_side_conns(const struct metrics *m, struct evbuffer *out)
{
	static const char *const pools[METRICS_SIDE_POOLS] = {"audit", "flush"};
	static const char *const states[METRICS_SIDE_STATES] = {
	        "down", "connecting", "ready"};

	evbuffer_add_printf(
	        out,
	        "# HELP cctns_audit_batches_in_flight Audit batches sent and "
	        "not yet answered.\n"
	        "# TYPE cctns_audit_batches_in_flight gauge\n"
	        "cctns_audit_batches_in_flight %llu\n"
	        "# HELP cctns_audit_resends_total Audit batches sent again "
	        "after a failed batch or a lost connection.\n"
	        "# TYPE cctns_audit_resends_total counter\n"
	        "cctns_audit_resends_total %llu\n"
	        "# HELP cctns_side_connections Database connections of their "
	        "own (audit: one a worker; flush: one a server), by state.\n"
	        "# TYPE cctns_side_connections gauge\n",
	        (unsigned long long)m->audit_in_flight,
	        (unsigned long long)m->audit_resends);
	for (int p = 0; p < METRICS_SIDE_POOLS; p++)
		for (int s = 0; s < METRICS_SIDE_STATES; s++)
			evbuffer_add_printf(
			        out,
			        "cctns_side_connections{pool=\"%s\","
			        "state=\"%s\"} %llu\n",
			        pools[p], states[s],
			        (unsigned long long)m->side_conns[p][s]);
	evbuffer_add_printf(out,
	                    "# HELP cctns_side_reconnects_total Those "
	                    "connections made again after a loss.\n"
	                    "# TYPE cctns_side_reconnects_total counter\n");
	for (int p = 0; p < METRICS_SIDE_POOLS; p++)
		evbuffer_add_printf(
		        out, "cctns_side_reconnects_total{pool=\"%s\"} %llu\n",
		        pools[p], (unsigned long long)m->side_reconnects[p]);
}

/* hs (issue 7): Hellos answered from the worker's station register. */
static void render_station(const struct metrics *m, struct evbuffer *out)
{
	evbuffer_add_printf(
	        out,
	        "# HELP cctns_station_local_hits_total Hellos whose station "
	        "was answered from the worker's register, without the "
	        "database ([cache] station_local).\n"
	        "# TYPE cctns_station_local_hits_total counter\n"
	        "cctns_station_local_hits_total %llu\n"
	        "# HELP cctns_station_local_misses_total Hellos whose station "
	        "was looked up in the database (api.station_hello).\n"
	        "# TYPE cctns_station_local_misses_total counter\n"
	        "cctns_station_local_misses_total %llu\n",
	        (unsigned long long)m->station_local_hits,
	        (unsigned long long)m->station_local_misses);
	evbuffer_add_printf(
	        out,
	        "# HELP cctns_officer_local_hits_total Hellos with a session "
	        "token resumed from the worker's sessions, without the "
	        "database ([cache] officer_local).\n"
	        "# TYPE cctns_officer_local_hits_total counter\n"
	        "cctns_officer_local_hits_total %llu\n"
	        "# HELP cctns_officer_local_misses_total Hellos with a session "
	        "token resumed by the database (api.officer_resume).\n"
	        "# TYPE cctns_officer_local_misses_total counter\n"
	        "cctns_officer_local_misses_total %llu\n"
	        "# HELP cctns_officer_local_forgets_total Notifications on "
	        "cctns_officer (a session ended, an officer locked, roles "
	        "changed): each forgot every session the worker kept.\n"
	        "# TYPE cctns_officer_local_forgets_total counter\n"
	        "cctns_officer_local_forgets_total %llu\n",
	        (unsigned long long)m->officer_local_hits,
	        (unsigned long long)m->officer_local_misses,
	        (unsigned long long)m->officer_local_forgets);
}

void metrics_render_side(const struct metrics *m, struct evbuffer *out)
{
	render_fircache(m, out);
	render_firlisten(m, out); /* fir (slice 12) */
	render_flush(m, out);
	render_side_conns(m, out);
	render_station(m, out); /* hs (issue 7) */
}
