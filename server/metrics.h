/* metrics.h: the server's counters and their Prometheus text rendering.
 * Counters are plain integers bumped on the one event loop thread; the
 * /metrics handler renders them. Request types are indexes into the
 * dispatch table (its names label the series); METRICS_TYPE_OTHER counts
 * requests that never reached a row (malformed envelopes). */
#ifndef CCTNS_SERVER_METRICS_H
#define CCTNS_SERVER_METRICS_H

#include <stddef.h>
#include <stdint.h>

struct evbuffer;

#define METRICS_TYPES_MAX  96 /* dispatch rows, plus one for "other" */
#define METRICS_STATUS_MAX 16 /* cctns.v1.StatusCode values */
#define METRICS_BUCKETS    12

enum metrics_refused {
	REFUSED_MAX_CONNECTIONS, /* accepted and closed at once: limit hit */
	REFUSED_TLS,             /* handshake failed (certificate, version) */
	REFUSED_UNAUTHENTICATED, /* Hello refused: no station identity */
	REFUSED_COUNT
};

enum metrics_protocol_error {
	PROTO_FRAME_ZERO,     /* frame length 0 */
	PROTO_FRAME_OVERSIZE, /* frame length above max_frame */
	PROTO_DECODE,         /* body is not an Envelope */
	PROTO_TRUNCATED,      /* connection ended inside a frame */
	PROTO_COUNT
};

struct metrics {
	uint64_t connections_open;
	uint64_t connections_total;
	uint64_t refused[REFUSED_COUNT];
	uint64_t protocol_errors[PROTO_COUNT];
	uint64_t requests[METRICS_TYPES_MAX][METRICS_STATUS_MAX];
	uint64_t buckets[METRICS_TYPES_MAX][METRICS_BUCKETS]; /* per bucket */
	uint64_t duration_count[METRICS_TYPES_MAX];
	uint64_t duration_sum_us[METRICS_TYPES_MAX];
	/* audit (audit.c) */
	uint64_t audit_records;  /* records written to audit.log */
	uint64_t audit_batches;  /* batches (statements) written */
	uint64_t audit_failures; /* batches that failed and wait to retry */
	uint64_t audit_pending;  /* records not yet written (gauge) */
	uint64_t audit_refused;  /* requests refused: too many pending */
};

/* A snapshot of the pool, for the gauges. */
struct metrics_pool_view {
	const char *state_names[4];
	uint64_t state_counts[4];
	size_t nstates;
	uint64_t queue_depth;
	/* trust: waiting for the database */
	uint64_t waiting;       /* queued while no connection is ready */
	uint64_t queue_bytes;   /* parameter bytes queued */
	uint64_t reconnects;    /* connections made again after a loss */
	uint64_t wait_expired;  /* statements that passed [database] wait */
	uint64_t queue_refused; /* refused: the queue was full */
};

/* Count one answered request of dispatch row `type` (or the "other" index)
 * with status `status`, which took `us` microseconds. */
void metrics_request(struct metrics *m, size_t type, int status, uint64_t us);

/* Append the Prometheus text exposition to out. type_names[0..ntypes) label
 * the request types (the last being "other"). */
void metrics_render(const struct metrics *m, const char *const *type_names,
                    size_t ntypes, const struct metrics_pool_view *pool,
                    struct evbuffer *out);

#endif
