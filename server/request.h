/* request.h: one request in flight between the session that read it and the
 * handler that answers it. The session creates it and owns it; the handler
 * answers exactly once with request_reply() or request_fail(), after which
 * the request is gone (the session wrote or discarded the answer and freed
 * it). A handler that waits for the database keeps the pointer until then:
 * the session is kept alive while requests are in flight. */
#ifndef CCTNS_SERVER_REQUEST_H
#define CCTNS_SERVER_REQUEST_H

#include <stddef.h>
#include <stdint.h>

#include "envelope.h"

struct audit;
struct hashpool;
struct identity;
struct pool;
struct readpool;
struct request;

/* Limits a session announces in HelloAck, and the officer settings. */
struct request_limits {
	uint32_t max_frame;
	uint32_t max_in_flight;
	uint32_t officer_idle_s; /* [officers] session_idle */
	uint32_t lockout_s;      /* [officers] lockout */
	uint32_t max_failures;   /* [officers] max_failures */
};

/* signin: the officer signed in on a connection (the session's). */
struct seat {
	char officer_no[32];    /* empty: no officer */
	uint64_t permissions;   /* perm.h bits */
	uint64_t last_use_us;   /* now_us() of the last request */
	uint64_t last_touch_us; /* last_seen last written to the database */
	uint8_t token_hash[32]; /* SHA-256 of the session token */
	int has_token;          /* token_hash is set (resume or sign-in) */
	char why[96]; /* why there is no officer (resume refused), or "" */
};

/* The session's side: write (or discard) resp, then free req. resp belongs
 * to the caller and is only read. */
typedef void (*request_done_fn)(struct request *req, Envelope *resp);

struct request {
	uint64_t id;               /* request_id, echoed in the answer */
	size_t type;               /* dispatch row index (metrics label) */
	uint64_t start_us;         /* now_us() when the frame was read */
	uint64_t conn_id;          /* for logs */
	struct identity *identity; /* the session's; Hello completes it */
	const struct request_limits *limits;
	struct pool *pool;       /* the database */
	struct readpool *reads;  /* repl: reads on standbys, or NULL */
	struct seat *seat;       /* the session's officer (signin) */
	struct hashpool *hashes; /* password verification (signin) */
	request_done_fn done;    /* set by the session */
	void *owner;             /* the session */
	struct request *next;    /* the session's in-flight list */
	/* audit (audit.h): a write (the request has an idempotency key) is
	 * answered only once its audit record is written; the record the
	 * request names; no record at all for a request refused because the
	 * audit log is backed up (counted instead). */
	int write;
	int audit_skip;
	char audit_record[64];
	/* reg (0058): the worker's audit writer (NULL: none), and whether this
	 * write's statement wrote its record in its own transaction (then an
	 * answer OK is already audited and is not held) */
	struct audit *audit;
	int audited;
};

/* A Status code's name into buf ("ok", "invalid_argument", ...; the number
 * when it has none): for logs and audit records. Returns buf. */
const char *request_status_name(int code, char *buf, size_t bufsz);

/* Answer with resp (its request_id is set here). req is freed. */
void request_reply(struct request *req, Envelope *resp);

/* Answer with a Status. field may be NULL. req is freed. */
void request_fail(struct request *req, Cctns__V1__StatusCode code,
                  const char *field, const char *fmt, ...)
        __attribute__((format(printf, 4, 5)));

#endif
