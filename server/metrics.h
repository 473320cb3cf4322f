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
/* ops (slice 11): connections of their own (audit writer, search flush),
 * by state (down, connecting, ready: enum pool_conn_state). */
#define METRICS_SIDE_POOLS  2 /* 0 audit, 1 flush */
#define METRICS_SIDE_STATES 3

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

/* ops (issue 7): replication as last read by opsmon.c. */
struct metrics_repl {
	int known;                /* a reading succeeded */
	int standby;              /* this database is a standby */
	uint64_t standbys;        /* primary: standbys streaming */
	double lag_seconds;       /* worst replay lag, seconds */
	uint64_t lag_bytes;       /* worst replay lag, bytes of WAL */
	uint64_t polls, failures; /* readings tried, and failed */
};

/* ops (issue 7): the outbox backlog each terminal said it had in its last
 * Hello, by a 64-bit hash of its identity (state, district, station,
 * terminal name); a fixed table, open addressing. Terminals past its size
 * are counted in `untracked`. */
#define METRICS_OUTBOX_SLOTS 8192
struct metrics_outbox {
	uint64_t key[METRICS_OUTBOX_SLOTS]; /* 0 = empty */
	uint32_t pending[METRICS_OUTBOX_SLOTS];
	uint64_t terminals;    /* slots in use */
	uint64_t sum;          /* sum of pending over the table */
	uint64_t with_backlog; /* terminals whose pending > 0 */
	uint64_t reports;      /* Hellos that told a pending count > 0 */
	uint64_t untracked;    /* reports that found the table full */
};

struct session_hub;

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
	uint64_t audit_in_tx;    /* write records in the write's transaction */
	/* ops (issue 7): what an operator watches (metrics_ops.c) */
	uint64_t tls_handshakes; /* handshakes completed */
	uint64_t audit_batch_buckets[METRICS_BUCKETS]; /* batch latency */
	uint64_t audit_batch_count;
	uint64_t audit_batch_sum_us;
	/* reg: how long a write's answer was held for its audit record */
	uint64_t audit_hold_buckets[METRICS_BUCKETS];
	uint64_t audit_hold_count;
	uint64_t audit_hold_sum_us;
	/* reg: api.person_search_flush calls (ginflush.c) */
	uint64_t search_flushes;        /* calls that succeeded */
	uint64_t search_flush_pages;    /* pending pages they moved */
	uint64_t search_flush_failures; /* calls that failed */
	/* ops (slice 11): the worker's FIR copies (fircache.c); counters
	 * bumped by fircache, gauges set at every snapshot */
	uint64_t fircache_hits;           /* answers sent from a copy */
	uint64_t fircache_misses_absent;  /* built fresh: no copy held */
	uint64_t fircache_misses_changed; /* built fresh: copy out of date */
	uint64_t fircache_stores;         /* copies kept */
	uint64_t fircache_evictions;      /* dropped for room */
	uint64_t fircache_entries;        /* gauge: copies held */
	uint64_t fircache_bytes;          /* gauge: their estimated bytes */
	/* ops (slice 11): the flush (ginflush.c) and its setting */
	uint64_t search_flush_us;          /* time of the calls, microseconds */
	uint64_t search_flush_interval_ms; /* gauge: [search] flush_ms, 0 off */
	/* ops (slice 11): the audit writer's and the flush's own connections,
	 * which are not in the pool's series */
	uint64_t audit_in_flight; /* gauge: batches sent, not answered */
	uint64_t audit_resends;   /* batches sent again after a failure */
	uint64_t side_conns[METRICS_SIDE_POOLS]
	                   [METRICS_SIDE_STATES];     /* gauge */
	uint64_t side_reconnects[METRICS_SIDE_POOLS]; /* carried + live */
	/* fir (slice 12): local answers and their listener (firlisten.c) */
	uint64_t fircache_local_hits;     /* answered without the database */
	uint64_t firlisten_up;            /* gauge: 1 while listening */
	uint64_t firlisten_connects;      /* LISTEN established */
	uint64_t firlisten_lost;          /* listener connections lost */
	uint64_t firlisten_notifications; /* notifications received */
	uint64_t firlisten_forget_all;    /* of them '*' */
	/* hs (issue 7): client certificate verifications (certcache.c) */
	uint64_t tls_verify_cached; /* chain verification skipped: cached */
	uint64_t tls_verify_full;   /* chain verified in full */
	/* hs (issue 7): Hellos and the station register (stationcache.c) */
	uint64_t station_local_hits;   /* answered without the database */
	uint64_t station_local_misses; /* asked api.station_hello */
	/* hs (issue 7): Hellos and the resumed sessions (officercache.c) */
	uint64_t officer_local_hits;    /* resumed without the database */
	uint64_t officer_local_misses;  /* asked api.officer_resume */
	uint64_t officer_local_forgets; /* cctns_officer notifications */
	/* core (session 10): how answers reached their sockets */
	uint64_t answers_direct;  /* written at once, whole */
	uint64_t answers_queued;  /* behind output, or the socket was full */
	struct metrics_repl repl; /* opsmon.c: api.replication_status */
	struct metrics_outbox outbox;  /* outbox backlog told in Hello */
	const struct session_hub *hub; /* connections by state */
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

/* A snapshot of the pool's counters (pool_counters), for metrics_ops. */
struct metrics_pool_counters {
	uint64_t statements; /* statements sent to the database */
	uint64_t waited;     /* of them, queued over 1 ms for a connection */
	uint64_t wait_us;    /* total time statements spent queued */
	uint64_t connects;   /* connections established */
	uint64_t lost;       /* connections lost or failed (each retried) */
	/* reg: transactions of several statements (pool.h pool_set_group),
	 * the statements sent in them, and those sent again alone after their
	 * group's transaction failed as a whole */
	uint64_t groups;
	uint64_t grouped;
	uint64_t group_retries;
};

/* ops (issue 7): sessions per state, from session_hub_states(). */
#define METRICS_SESSION_STATES 6
struct metrics_sessions_view {
	const char *names[METRICS_SESSION_STATES];
	uint64_t counts[METRICS_SESSION_STATES];
	size_t n;
};

/* Monotonic microseconds, for latencies. */
uint64_t metrics_now_us(void);

/* ops: one audit batch written in us microseconds. */
void metrics_audit_batch(struct metrics *m, uint64_t us);
/* reg: a write's answer held us microseconds for its audit record. */
void metrics_audit_hold(struct metrics *m, uint64_t us);

/* ops: terminal identity key (never 0) said `pending` in its Hello. */
void metrics_outbox_report(struct metrics *m, uint64_t key, uint32_t pending);

/* ops (slice 11): the FIR copies, the flush, the side connections
 * (metrics_side.c); called by metrics_render_ops. */
void metrics_render_side(const struct metrics *m, struct evbuffer *out);

/* ops: append the operator's series (pool counters, sessions by state, TLS
 * handshakes, audit batch latency, outbox backlog, replication). */
void metrics_render_ops(const struct metrics *m,
                        const struct metrics_pool_counters *pc,
                        const struct metrics_sessions_view *sv,
                        struct evbuffer *out);

/* Count one answered request of dispatch row `type` (or the "other" index)
 * with status `status`, which took `us` microseconds. */
void metrics_request(struct metrics *m, size_t type, int status, uint64_t us);

/* Append the Prometheus text exposition to out. type_names[0..ntypes) label
 * the request types (the last being "other"). */
void metrics_render(const struct metrics *m, const char *const *type_names,
                    size_t ntypes, const struct metrics_pool_view *pool,
                    struct evbuffer *out);

#endif
