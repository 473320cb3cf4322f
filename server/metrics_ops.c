/* metrics_ops.c: the series an operator watches beyond requests (issue 7):
 * the database pool's waits and reconnects, connections by session state,
 * TLS handshakes, audit batch latency, the outbox backlog terminals report
 * in Hello, and replication lag. Counting here, rendering as Prometheus
 * text; label values are fixed names, never client input. */
#include <time.h>

#include <event2/buffer.h>

#include "metrics.h"

/* Upper bounds of the audit batch latency buckets, microseconds. */
static const uint64_t batch_bucket_us[METRICS_BUCKETS] = {
        1000,   2500,   5000,   10000,   25000,   50000,
        100000, 250000, 500000, 1000000, 2500000, 5000000,
};

uint64_t metrics_now_us(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (uint64_t)ts.tv_sec * 1000000u + (uint64_t)ts.tv_nsec / 1000u;
}

void metrics_audit_batch(struct metrics *m, uint64_t us)
{
	m->audit_batch_count++;
	m->audit_batch_sum_us += us;
	for (size_t b = 0; b < METRICS_BUCKETS; b++) {
		if (us <= batch_bucket_us[b]) {
			m->audit_batch_buckets[b]++;
			break;
		}
	}
}

void metrics_audit_hold(struct metrics *m, uint64_t us)
{
	m->audit_hold_count++;
	m->audit_hold_sum_us += us;
	for (size_t b = 0; b < METRICS_BUCKETS; b++) {
		if (us <= batch_bucket_us[b]) {
			m->audit_hold_buckets[b]++;
			break;
		}
	}
}

void metrics_outbox_report(struct metrics *m, uint64_t key, uint32_t pending)
{
	struct metrics_outbox *o = &m->outbox;
	size_t i;

	if (!key)
		key = 1;
	i = (size_t)(key % METRICS_OUTBOX_SLOTS);
	if (pending)
		o->reports++;
	for (size_t probe = 0; probe < METRICS_OUTBOX_SLOTS; probe++) {
		size_t j = (i + probe) % METRICS_OUTBOX_SLOTS;

		if (o->key[j] == key) {
			o->sum -= o->pending[j];
			o->with_backlog -= o->pending[j] > 0;
			o->pending[j] = pending;
			o->sum += pending;
			o->with_backlog += pending > 0;
			return;
		}
		if (o->key[j])
			continue;
		if (!pending) /* never seen with a backlog: nothing to keep */
			return;
		if (o->terminals >= METRICS_OUTBOX_SLOTS * 3 / 4)
			break;
		o->key[j] = key;
		o->pending[j] = pending;
		o->terminals++;
		o->sum += pending;
		o->with_backlog++;
		return;
	}
	o->untracked++;
}

static void render_pool_counters(const struct metrics_pool_counters *pc,
                                 struct evbuffer *out)
{
	evbuffer_add_printf(
	        out,
	        "# HELP cctns_pool_statements_total Statements sent to the "
	        "database.\n"
	        "# TYPE cctns_pool_statements_total counter\n"
	        "cctns_pool_statements_total %llu\n"
	        "# HELP cctns_pool_waits_total Statements that waited over "
	        "1 ms for a database connection.\n"
	        "# TYPE cctns_pool_waits_total counter\n"
	        "cctns_pool_waits_total %llu\n"
	        "# HELP cctns_pool_wait_seconds_total Time statements spent "
	        "queued for a connection.\n"
	        "# TYPE cctns_pool_wait_seconds_total counter\n"
	        "cctns_pool_wait_seconds_total %.6f\n"
	        "# HELP cctns_pool_connects_total Database connections "
	        "established.\n"
	        "# TYPE cctns_pool_connects_total counter\n"
	        "cctns_pool_connects_total %llu\n"
	        "# HELP cctns_pool_connection_failures_total Database "
	        "connections lost or failed to connect, each retried with "
	        "backoff.\n"
	        "# TYPE cctns_pool_connection_failures_total counter\n"
	        "cctns_pool_connection_failures_total %llu\n"
	        "# HELP cctns_pool_groups_total Transactions that carried "
	        "several registrations waiting together ([database] group).\n"
	        "# TYPE cctns_pool_groups_total counter\n"
	        "cctns_pool_groups_total %llu\n"
	        "# HELP cctns_pool_grouped_statements_total Statements sent "
	        "in those transactions.\n"
	        "# TYPE cctns_pool_grouped_statements_total counter\n"
	        "cctns_pool_grouped_statements_total %llu\n"
	        "# HELP cctns_pool_group_retries_total Statements of a group "
	        "whose transaction failed as a whole, sent again alone.\n"
	        "# TYPE cctns_pool_group_retries_total counter\n"
	        "cctns_pool_group_retries_total %llu\n",
	        (unsigned long long)pc->statements,
	        (unsigned long long)pc->waited, (double)pc->wait_us / 1e6,
	        (unsigned long long)pc->connects, (unsigned long long)pc->lost,
	        (unsigned long long)pc->groups, (unsigned long long)pc->grouped,
	        (unsigned long long)pc->group_retries);
}

static void render_sessions(const struct metrics *m,
                            const struct metrics_sessions_view *sv,
                            struct evbuffer *out)
{
	evbuffer_add_printf(out,
	                    "# HELP cctns_connections_by_state Open terminal "
	                    "connections by session state.\n"
	                    "# TYPE cctns_connections_by_state gauge\n");
	for (size_t i = 0; i < sv->n; i++)
		evbuffer_add_printf(
		        out, "cctns_connections_by_state{state=\"%s\"} %llu\n",
		        sv->names[i], (unsigned long long)sv->counts[i]);
	evbuffer_add_printf(
	        out,
	        "# HELP cctns_tls_handshakes_total TLS handshakes by result.\n"
	        "# TYPE cctns_tls_handshakes_total counter\n"
	        "cctns_tls_handshakes_total{result=\"ok\"} %llu\n"
	        "cctns_tls_handshakes_total{result=\"failed\"} %llu\n",
	        (unsigned long long)m->tls_handshakes,
	        (unsigned long long)m->refused[REFUSED_TLS]);
	/* hs (issue 7): the verified-certificate cache (certcache.c) */
	evbuffer_add_printf(
	        out,
	        "# HELP cctns_tls_client_verify_total Client certificate "
	        "chain verifications: in full, or skipped for a certificate "
	        "verified in full within the last minutes.\n"
	        "# TYPE cctns_tls_client_verify_total counter\n"
	        "cctns_tls_client_verify_total{how=\"full\"} %llu\n"
	        "cctns_tls_client_verify_total{how=\"cached\"} %llu\n",
	        (unsigned long long)m->tls_verify_full,
	        (unsigned long long)m->tls_verify_cached);
	evbuffer_add_printf(
	        out,
	        "# HELP cctns_answer_writes_total Answers written to their "
	        "socket at once and whole (direct), or queued: behind output "
	        "not yet sent, or more than the socket took (a slow reader).\n"
	        "# TYPE cctns_answer_writes_total counter\n"
	        "cctns_answer_writes_total{how=\"direct\"} %llu\n"
	        "cctns_answer_writes_total{how=\"queued\"} %llu\n",
	        (unsigned long long)m->answers_direct,
	        (unsigned long long)m->answers_queued);
}

/* reg: the time a write's answer waits for its audit record. */
static void render_audit_hold(const struct metrics *m, struct evbuffer *out)
{
	uint64_t cum = 0;

	evbuffer_add_printf(out,
	                    "# HELP cctns_audit_hold_seconds Time a write's "
	                    "answer is held until its audit record commits.\n"
	                    "# TYPE cctns_audit_hold_seconds histogram\n");
	for (size_t b = 0; b < METRICS_BUCKETS; b++) {
		cum += m->audit_hold_buckets[b];
		evbuffer_add_printf(
		        out,
		        "cctns_audit_hold_seconds_bucket{le=\"%g\"} %llu\n",
		        (double)batch_bucket_us[b] / 1e6,
		        (unsigned long long)cum);
	}
	evbuffer_add_printf(
	        out,
	        "cctns_audit_hold_seconds_bucket{le=\"+Inf\"} %llu\n"
	        "cctns_audit_hold_seconds_sum %.6f\n"
	        "cctns_audit_hold_seconds_count %llu\n",
	        (unsigned long long)m->audit_hold_count,
	        (double)m->audit_hold_sum_us / 1e6,
	        (unsigned long long)m->audit_hold_count);
}

/* reg: api.person_search_flush calls (ginflush.c). */
static void render_search_flush(const struct metrics *m, struct evbuffer *out)
{
	evbuffer_add_printf(
	        out,
	        "# HELP cctns_search_flushes_total Calls of "
	        "api.person_search_flush (the person search GIN pending list "
	        "moved into the index tree), by result.\n"
	        "# TYPE cctns_search_flushes_total counter\n"
	        "cctns_search_flushes_total{result=\"ok\"} %llu\n"
	        "cctns_search_flushes_total{result=\"failed\"} %llu\n"
	        "# HELP cctns_search_flush_pages_total Pending list pages "
	        "moved by those calls.\n"
	        "# TYPE cctns_search_flush_pages_total counter\n"
	        "cctns_search_flush_pages_total %llu\n",
	        (unsigned long long)m->search_flushes,
	        (unsigned long long)m->search_flush_failures,
	        (unsigned long long)m->search_flush_pages);
}

static void render_audit_batches(const struct metrics *m, struct evbuffer *out)
{
	uint64_t cum = 0;

	evbuffer_add_printf(out,
	                    "# HELP cctns_audit_batch_seconds Time from "
	                    "sending an audit batch to its commit.\n"
	                    "# TYPE cctns_audit_batch_seconds histogram\n");
	for (size_t b = 0; b < METRICS_BUCKETS; b++) {
		cum += m->audit_batch_buckets[b];
		evbuffer_add_printf(
		        out,
		        "cctns_audit_batch_seconds_bucket{le=\"%g\"} %llu\n",
		        (double)batch_bucket_us[b] / 1e6,
		        (unsigned long long)cum);
	}
	evbuffer_add_printf(
	        out,
	        "cctns_audit_batch_seconds_bucket{le=\"+Inf\"} %llu\n"
	        "cctns_audit_batch_seconds_sum %.6f\n"
	        "cctns_audit_batch_seconds_count %llu\n"
	        "# HELP cctns_audit_queue_length Audit records waiting to be "
	        "written.\n"
	        "# TYPE cctns_audit_queue_length gauge\n"
	        "cctns_audit_queue_length %llu\n",
	        (unsigned long long)m->audit_batch_count,
	        (double)m->audit_batch_sum_us / 1e6,
	        (unsigned long long)m->audit_batch_count,
	        (unsigned long long)m->audit_pending);
}

static void render_outbox(const struct metrics_outbox *o, struct evbuffer *out)
{
	evbuffer_add_printf(
	        out,
	        "# HELP cctns_terminal_outbox_pending Writes queued offline, "
	        "summed over the terminals, as each told in its last Hello.\n"
	        "# TYPE cctns_terminal_outbox_pending gauge\n"
	        "cctns_terminal_outbox_pending %llu\n"
	        "# HELP cctns_terminals_with_outbox Terminals whose last Hello "
	        "told a non-empty outbox.\n"
	        "# TYPE cctns_terminals_with_outbox gauge\n"
	        "cctns_terminals_with_outbox %llu\n"
	        "# HELP cctns_terminal_outbox_reports_total Hellos that told a "
	        "non-empty outbox.\n"
	        "# TYPE cctns_terminal_outbox_reports_total counter\n"
	        "cctns_terminal_outbox_reports_total %llu\n"
	        "# TYPE cctns_terminal_outbox_untracked_total counter\n"
	        "cctns_terminal_outbox_untracked_total %llu\n",
	        (unsigned long long)o->sum, (unsigned long long)o->with_backlog,
	        (unsigned long long)o->reports,
	        (unsigned long long)o->untracked);
}

static void render_repl(const struct metrics_repl *r, struct evbuffer *out)
{
	evbuffer_add_printf(
	        out,
	        "# HELP cctns_replication_polls_total Readings of "
	        "api.replication_status(), and failed ones.\n"
	        "# TYPE cctns_replication_polls_total counter\n"
	        "cctns_replication_polls_total{result=\"ok\"} %llu\n"
	        "cctns_replication_polls_total{result=\"failed\"} %llu\n",
	        (unsigned long long)(r->polls - r->failures),
	        (unsigned long long)r->failures);
	if (!r->known)
		return;
	evbuffer_add_printf(
	        out,
	        "# HELP cctns_database_is_standby 1 when the server's database "
	        "is a standby (read-only), 0 on a primary.\n"
	        "# TYPE cctns_database_is_standby gauge\n"
	        "cctns_database_is_standby %d\n"
	        "# HELP cctns_replication_standbys Standbys streaming from the "
	        "primary.\n"
	        "# TYPE cctns_replication_standbys gauge\n"
	        "cctns_replication_standbys %llu\n"
	        "# HELP cctns_replication_lag_seconds Worst replay lag: on a "
	        "primary of its standbys, on a standby its own.\n"
	        "# TYPE cctns_replication_lag_seconds gauge\n"
	        "cctns_replication_lag_seconds %.3f\n"
	        "# HELP cctns_replication_lag_bytes Worst WAL not yet "
	        "replayed, bytes.\n"
	        "# TYPE cctns_replication_lag_bytes gauge\n"
	        "cctns_replication_lag_bytes %llu\n",
	        r->standby, (unsigned long long)r->standbys, r->lag_seconds,
	        (unsigned long long)r->lag_bytes);
}

void metrics_render_ops(const struct metrics *m,
                        const struct metrics_pool_counters *pc,
                        const struct metrics_sessions_view *sv,
                        struct evbuffer *out)
{
	if (pc)
		render_pool_counters(pc, out);
	if (sv)
		render_sessions(m, sv, out);
	render_audit_batches(m, out);
	render_audit_hold(m, out);   /* reg */
	render_search_flush(m, out); /* reg */
	metrics_render_side(m, out); /* ops (slice 11) */
	render_outbox(&m->outbox, out);
	render_repl(&m->repl, out);
}
