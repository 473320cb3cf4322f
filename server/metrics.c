/* metrics.c: counting requests into per-type, per-status counters and a
 * latency histogram, and writing everything as Prometheus text format 0.0.4.
 * Label values are fixed names from tables, never client input. */
#include "metrics.h"

#include <event2/buffer.h>

#include "cctns.pb-c.h"
#include "pbjson.h"
#include "util.h"

/* Upper bounds of the latency buckets, microseconds (0.001 s .. 5 s). */
static const uint64_t bucket_us[METRICS_BUCKETS] = {
        1000,   2500,   5000,   10000,   25000,   50000,
        100000, 250000, 500000, 1000000, 2500000, 5000000,
};

static const char *const refused_names[REFUSED_COUNT] = {
        [REFUSED_MAX_CONNECTIONS] = "max_connections",
        [REFUSED_TLS] = "tls",
        [REFUSED_UNAUTHENTICATED] = "unauthenticated",
};

static const char *const proto_names[PROTO_COUNT] = {
        [PROTO_FRAME_ZERO] = "frame_zero",
        [PROTO_FRAME_OVERSIZE] = "frame_oversize",
        [PROTO_DECODE] = "decode",
        [PROTO_TRUNCATED] = "truncated",
};

void metrics_request(struct metrics *m, size_t type, int status, uint64_t us)
{
	if (type >= METRICS_TYPES_MAX)
		type = METRICS_TYPES_MAX - 1;
	if (status < 0 || status >= METRICS_STATUS_MAX)
		status = CCTNS__V1__STATUS_CODE__STATUS_CODE_INTERNAL;
	m->requests[type][status]++;
	m->duration_count[type]++;
	m->duration_sum_us[type] += us;
	for (size_t b = 0; b < METRICS_BUCKETS; b++) {
		if (us <= bucket_us[b]) {
			m->buckets[type][b]++;
			break;
		}
	}
}

static void render_connections(const struct metrics *m, struct evbuffer *out)
{
	evbuffer_add_printf(out,
	                    "# TYPE cctns_connections_open gauge\n"
	                    "cctns_connections_open %llu\n"
	                    "# TYPE cctns_connections_total counter\n"
	                    "cctns_connections_total %llu\n"
	                    "# TYPE cctns_connections_refused_total counter\n",
	                    (unsigned long long)m->connections_open,
	                    (unsigned long long)m->connections_total);
	for (size_t i = 0; i < REFUSED_COUNT; i++)
		evbuffer_add_printf(
		        out,
		        "cctns_connections_refused_total{reason=\"%s\"} %llu\n",
		        refused_names[i], (unsigned long long)m->refused[i]);
	evbuffer_add_printf(out,
	                    "# TYPE cctns_protocol_errors_total counter\n");
	for (size_t i = 0; i < PROTO_COUNT; i++)
		evbuffer_add_printf(
		        out,
		        "cctns_protocol_errors_total{reason=\"%s\"} %llu\n",
		        proto_names[i],
		        (unsigned long long)m->protocol_errors[i]);
}

static void render_requests(const struct metrics *m,
                            const char *const *type_names, size_t ntypes,
                            struct evbuffer *out)
{
	char status[64];

	evbuffer_add_printf(out, "# TYPE cctns_requests_total counter\n");
	for (size_t t = 0; t < ntypes; t++) {
		for (int s = 0; s < METRICS_STATUS_MAX; s++) {
			if (!m->requests[t][s] ||
			    !pbjson_enum_short(
			            &cctns__v1__status_code__descriptor, s,
			            status, sizeof(status)))
				continue;
			evbuffer_add_printf(
			        out,
			        "cctns_requests_total{type=\"%s\","
			        "status=\"%s\"} %llu\n",
			        type_names[t], status,
			        (unsigned long long)m->requests[t][s]);
		}
	}
}

static void render_histogram(const struct metrics *m, size_t t,
                             const char *name, struct evbuffer *out)
{
	uint64_t cum = 0;

	for (size_t b = 0; b < METRICS_BUCKETS; b++) {
		cum += m->buckets[t][b];
		evbuffer_add_printf(
		        out,
		        "cctns_request_duration_seconds_bucket{type="
		        "\"%s\",le=\"%g\"} %llu\n",
		        name, (double)bucket_us[b] / 1e6,
		        (unsigned long long)cum);
	}
	evbuffer_add_printf(
	        out,
	        "cctns_request_duration_seconds_bucket{type=\"%s\",le=\"+Inf\"}"
	        " %llu\n"
	        "cctns_request_duration_seconds_sum{type=\"%s\"} %.6f\n"
	        "cctns_request_duration_seconds_count{type=\"%s\"} %llu\n",
	        name, (unsigned long long)m->duration_count[t], name,
	        (double)m->duration_sum_us[t] / 1e6, name,
	        (unsigned long long)m->duration_count[t]);
}

static void render_pool(const struct metrics_pool_view *pool,
                        struct evbuffer *out)
{
	evbuffer_add_printf(out, "# TYPE cctns_pool_connections gauge\n");
	for (size_t i = 0; i < pool->nstates; i++)
		evbuffer_add_printf(
		        out, "cctns_pool_connections{state=\"%s\"} %llu\n",
		        pool->state_names[i],
		        (unsigned long long)pool->state_counts[i]);
	evbuffer_add_printf(out,
	                    "# TYPE cctns_pool_queue_depth gauge\n"
	                    "cctns_pool_queue_depth %llu\n",
	                    (unsigned long long)pool->queue_depth);
	/* trust: waiting for the database */
	evbuffer_add_printf(out,
	                    "# TYPE cctns_pool_waiting gauge\n"
	                    "cctns_pool_waiting %llu\n"
	                    "# TYPE cctns_pool_queue_bytes gauge\n"
	                    "cctns_pool_queue_bytes %llu\n"
	                    "# TYPE cctns_pool_reconnects_total counter\n"
	                    "cctns_pool_reconnects_total %llu\n"
	                    "# TYPE cctns_pool_wait_expired_total counter\n"
	                    "cctns_pool_wait_expired_total %llu\n"
	                    "# TYPE cctns_pool_queue_refused_total counter\n"
	                    "cctns_pool_queue_refused_total %llu\n",
	                    (unsigned long long)pool->waiting,
	                    (unsigned long long)pool->queue_bytes,
	                    (unsigned long long)pool->reconnects,
	                    (unsigned long long)pool->wait_expired,
	                    (unsigned long long)pool->queue_refused);
}

static void render_audit(const struct metrics *m, struct evbuffer *out)
{
	evbuffer_add_printf(out,
	                    "# TYPE cctns_audit_records_total counter\n"
	                    "cctns_audit_records_total %llu\n"
	                    "# TYPE cctns_audit_batches_total counter\n"
	                    "cctns_audit_batches_total %llu\n"
	                    "# TYPE cctns_audit_failures_total counter\n"
	                    "cctns_audit_failures_total %llu\n"
	                    "# TYPE cctns_audit_pending gauge\n"
	                    "cctns_audit_pending %llu\n"
	                    "# TYPE cctns_audit_refused_total counter\n"
	                    "cctns_audit_refused_total %llu\n"
	                    "# TYPE cctns_audit_in_write_total counter\n"
	                    "cctns_audit_in_write_total %llu\n",
	                    (unsigned long long)m->audit_records,
	                    (unsigned long long)m->audit_batches,
	                    (unsigned long long)m->audit_failures,
	                    (unsigned long long)m->audit_pending,
	                    (unsigned long long)m->audit_refused,
	                    (unsigned long long)m->audit_in_tx);
}

void metrics_render(const struct metrics *m, const char *const *type_names,
                    size_t ntypes, const struct metrics_pool_view *pool,
                    struct evbuffer *out)
{
	if (ntypes > METRICS_TYPES_MAX)
		ntypes = METRICS_TYPES_MAX;
	render_connections(m, out);
	render_requests(m, type_names, ntypes, out);
	evbuffer_add_printf(
	        out, "# TYPE cctns_request_duration_seconds histogram\n");
	for (size_t t = 0; t < ntypes; t++)
		render_histogram(m, t, type_names[t], out);
	if (pool)
		render_pool(pool, out);
	render_audit(m, out);
}
