/* session.c: the per-connection state machine. Reads frames off the TLS
 * bufferevent, decodes and checks envelopes, gates them on Hello, tracks the
 * requests in flight (capped, matched by request_id) and writes each answer
 * as it completes. A connection that goes away with requests still in the
 * database is closed at once; the session lingers, orphaned, until those
 * requests come back, and their answers are discarded. */
#include "session.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <arpa/inet.h>
#include <fcntl.h>
#include <netinet/in.h>
#include <sys/socket.h>

#include <event2/buffer.h>
#include <event2/bufferevent.h>
#include <event2/event.h>
#include <event2/util.h>
#include <openssl/err.h>
#include <openssl/ssl.h>

#include "audit.h"
#include "crl.h"
#include "dispatch.h"
#include "frame.h"
#include "identity.h"
#include "log.h"
#include "handlers.h"
#include "metrics.h"
#include "perm.h"
#include "peercert.h"
#include "request.h"
#include "tls.h"
#include "tlsaccept.h"
#include "tlsrec.h"
#include "util.h"

#define SC(x)                CCTNS__V1__STATUS_CODE__STATUS_CODE_##x
#define HANDSHAKE_TIMEOUT_MS 10000
#define FLUSH_TIMEOUT_MS     10000
#define BACKLOG_MIN          (4u * 1024 * 1024) /* output bytes before reads pause */

enum session_state {
	SESSION_HANDSHAKE,    /* TLS handshake in progress; nothing read yet */
	SESSION_AWAIT_HELLO,  /* handshake done, identity read from the
	                         certificate; only Hello is accepted */
	SESSION_HELLO_LOOKUP, /* Hello in flight: station register lookup */
	SESSION_READY,        /* HelloAck sent; requests are dispatched */
	SESSION_CLOSING,      /* reading stopped; flushing the last answers,
	                         then the connection is closed */
	SESSION_CLOSED,       /* connection closed; waiting for requests still
	                         in the database, whose answers are dropped */
};

struct session {
	struct session_hub *hub;
	struct session *prev, *next; /* hub->sessions */
	uint64_t id;
	enum session_state state;
	struct bufferevent *bev; /* NULL once closed */
	char peer[64];
	struct identity identity;
	char cert_why[128]; /* why the certificate gave no identity */
	struct request_limits limits;
	long idle_timeout_ms;
	struct request *in_flight;
	size_t n_in_flight;
	struct request *hello_req; /* the Hello in flight, if any */
	int busy;   /* inside a call that uses it after: do not free */
	int paused; /* reading paused until the output backlog drains */
	const char *close_reason;
	/* signin: the officer signed in on this connection (seat.officer_no,
	 * empty = none; seat.permissions, the perm.h mask). */
	struct seat seat;
	uint32_t outbox_pending; /* ops: told in Hello, counted at HelloAck */
	struct peercert cert;    /* conn: the peer's certificates, DER */
	/* tlsrec: OpenSSL's handshake while it runs (bev is then idle);
	 * after it, our record layer: rec protects what goes through bev,
	 * plain holds what was read and not yet taken as frames */
	struct tls_accept *hs;
	struct evbuffer *plain;
	struct tlsrec rec;
};

static void session_close_after_flush(struct session *s, const char *reason);
static void session_error(struct session *s, short what);
static void session_process_input(struct session *s);
static int session_recheck_cert(struct session *s, SSL_CTX *ctx); /* crl */

static struct timeval ms_tv(long ms)
{
	struct timeval tv = {ms / 1000, (ms % 1000) * 1000};
	return tv;
}

/* ---------------------------------------------------------------- life */

static void session_free_if_done(struct session *s)
{
	struct session_hub *hub = s->hub;

	if (s->bev || s->n_in_flight || s->busy)
		return;
	if (s->prev)
		s->prev->next = s->next;
	else
		hub->sessions = s->next;
	if (s->next)
		s->next->prev = s->prev;
	identity_clear(&s->identity);
	peercert_clear(&s->cert); /* conn */
	free(s);
	if (hub->draining && !hub->sessions && hub->on_empty)
		hub->on_empty(hub->on_empty_arg);
}

/* tlsrec: end the TLS part: a handshake in progress is dropped; an open
 * record layer says close_notify (best effort: what the socket takes now)
 * and forgets its keys. */
static void session_tls_end(struct session *s, evutil_socket_t fd)
{
	struct evbuffer *out = bufferevent_get_output(s->bev);

	if (s->hs) {
		tls_accept_free(s->hs);
		s->hs = NULL;
	} else if (s->rec.suite != TLSREC_NONE && fd >= 0) {
		tlsrec_alert(s->hub->tlsrec, &s->rec, out,
		             TLSREC_ALERT_CLOSE_NOTIFY);
		while (evbuffer_get_length(out) > 0 &&
		       evbuffer_write(out, fd) > 0)
			;
	}
	tlsrec_clear(&s->rec);
	if (s->plain)
		evbuffer_free(s->plain);
	s->plain = NULL;
}

/* Close the connection now (close_notify first if TLS is up). The session
 * stays until its requests in flight are answered. */
static void session_teardown(struct session *s, const char *reason)
{
	evutil_socket_t fd, keep = -1;

	if (!s->bev)
		return;
	fd = bufferevent_getfd(s->bev);
	session_tls_end(s, fd);
	if (fd >= 0)
		keep = fcntl(fd, F_DUPFD_CLOEXEC,
		             0);  /* for the lingering close */
	bufferevent_free(s->bev); /* closes fd */
	if (keep >= 0)
		linger_close(&s->hub->lingers, s->hub->base, keep);
	s->bev = NULL;
	s->state = SESSION_CLOSED;
	s->hub->open--;
	s->hub->metrics->connections_open--;
	log_event(LOG_INFO, "conn_close", "conn=%llu reason=%s in_flight=%zu",
	          (unsigned long long)s->id, reason, s->n_in_flight);
	session_free_if_done(s);
}

/* ---------------------------------------------------------------- output */

/* A Status answer to request id as a frame. */
static int session_encode_status(const struct session *s, uint64_t id, int code,
                                 const char *message, uint8_t **buf,
                                 size_t *len)
{
	Envelope env = CCTNS__V1__ENVELOPE__INIT;
	Cctns__V1__Status st = CCTNS__V1__STATUS__INIT;

	st.code = code;
	st.message = (char *)message;
	env.request_id = id;
	env.body_case = CCTNS__V1__ENVELOPE__BODY_STATUS;
	env.status = &st;
	return envelope_encode_frame(&env, s->limits.max_frame, buf, len);
}

/* resp as a frame; one too large for a frame becomes an INTERNAL Status. */
static int session_encode(const struct session *s, const Envelope *resp,
                          uint8_t **buf, size_t *len)
{
	if (envelope_encode_frame(resp, s->limits.max_frame, buf, len) == 0)
		return 0;
	return session_encode_status(
	        s, resp->request_id, SC(INTERNAL),
	        "internal error: answer larger than a frame", buf, len);
}

/* Write an encoded frame (taking buf); pause reading past the backlog.
 * An answer goes straight to the socket when nothing waits before it in
 * the output: sealed into the worker's scratch buffer and written at once
 * (one writev). Through the bufferevent it would cost a loop pass and two
 * epoll_ctl (the write event added, then removed once the output drains)
 * for every answer. Whatever the socket does not take now, and any error,
 * is handed to the bufferevent in order: its write event sends the rest,
 * its event callback reports the error. */
static void session_send_frame(struct session *s, uint8_t *buf, size_t len)
{
	struct evbuffer *out = bufferevent_get_output(s->bev);
	struct evbuffer *rec = out;
	size_t backlog;

	if (s->hub->direct && evbuffer_get_length(out) == 0)
		rec = s->hub->direct;
	if (tlsrec_write(s->hub->tlsrec, &s->rec, rec, buf, len) != 0) {
		/* tlsrec: no record can be protected (the sequence ran out):
		 * the socket's end brings the teardown through the event */
		log_event(LOG_WARN, "tls_record_refused",
		          "conn=%llu reason=write", (unsigned long long)s->id);
		shutdown(bufferevent_getfd(s->bev), SHUT_RDWR);
	}
	free(buf);
	if (rec != out && evbuffer_write(rec, bufferevent_getfd(s->bev)) >= 0 &&
	    evbuffer_get_length(rec) == 0) {
		s->hub->metrics->answers_direct++;
	} else {
		s->hub->metrics->answers_queued++;
		if (rec != out)
			evbuffer_add_buffer(out, rec); /* the rest, in order */
	}
	backlog = evbuffer_get_length(out);
	if (!s->paused && backlog > BACKLOG_MIN + s->limits.max_frame) {
		s->paused = 1; /* resumed by the write callback */
		bufferevent_disable(s->bev, EV_READ);
	}
}

static void session_send(struct session *s, const Envelope *resp)
{
	uint8_t *buf;
	size_t len;

	if (session_encode(s, resp, &buf, &len) == 0)
		session_send_frame(s, buf, len);
}

static int resp_status(const Envelope *resp)
{
	if (resp->body_case == CCTNS__V1__ENVELOPE__BODY_STATUS)
		return resp->status->code;
	return SC(OK);
}

static void session_log_hello(struct session *s, int status)
{
	const struct identity *id = &s->identity;
	char q[IDENTITY_TERMINAL_MAX * 4 + 3], name[32];

	if (status == SC(OK)) {
		log_event(LOG_INFO, "hello",
		          "conn=%llu state=%u district=%u station=%u "
		          "terminal=%s",
		          (unsigned long long)s->id, id->state, id->district,
		          id->station, log_quote(id->terminal, q, sizeof(q)));
		return;
	}
	log_event(LOG_WARN, "hello_refused", "conn=%llu status=%s cert=%s",
	          (unsigned long long)s->id,
	          request_status_name(status, name, sizeof(name)),
	          log_quote(id->kind == IDENTITY_NONE ? s->cert_why : "ok", q,
	                    sizeof(q)));
	if (status == SC(UNAUTHENTICATED))
		s->hub->metrics->refused[REFUSED_UNAUTHENTICATED]++;
}

/* ops (issue 7): the terminal's outbox backlog, keyed by a hash of its
 * identity (FNV-1a over the codes and the terminal name). */
static void session_report_outbox(struct session *s)
{
	const struct identity *id = &s->identity;
	uint32_t codes[3] = {id->state, id->district, id->station};
	uint64_t h = 1469598103934665603ull;
	const unsigned char *p = (const unsigned char *)codes;

	for (size_t i = 0; i < sizeof(codes); i++)
		h = (h ^ p[i]) * 1099511628211ull;
	for (p = (const unsigned char *)id->terminal; *p; p++)
		h = (h ^ *p) * 1099511628211ull;
	metrics_outbox_report(s->hub->metrics, h, s->outbox_pending);
}

/* The answer to Hello decides the connection: HelloAck opens it, anything
 * else closes it once the Status is flushed. */
static void session_hello_answered(struct session *s, int status)
{
	session_log_hello(s, status);
	if (s->state != SESSION_HELLO_LOOKUP)
		return;
	if (status == SC(OK)) {
		s->state = SESSION_READY;
		session_report_outbox(s); /* ops */
	} else
		session_close_after_flush(s, "hello_refused");
}

static void session_unlink_request(struct session *s, struct request *req)
{
	struct request **pp = &s->in_flight;

	while (*pp != req)
		pp = &(*pp)->next;
	*pp = req->next;
	s->n_in_flight--;
}

/* ---------------------------------------------------------------- audit */

/* Record what happened on this connection: action (a dispatch row's name,
 * "frame", "tls_handshake"), the record touched (or NULL), the outcome (a
 * Status code). done(arg, ok) when set is called once it is written. */
static void session_audit(struct session *s, const char *action,
                          const char *record, int code, audit_done_fn done,
                          void *arg)
{
	char outcome[32];
	struct audit_entry e;

	audit_entry_set(&e, &s->identity, s->seat.officer_no, action, record,
	                request_status_name(code, outcome, sizeof(outcome)));
	if (s->hub->audit)
		audit_append(s->hub->audit, &e, done, arg);
	else if (done)
		done(arg, 1); /* no audit log configured (never in main) */
}

/* A refusal that is not a request (a broken frame, a failed handshake):
 * recorded unless the log is backed up (then counted). */
static void session_audit_event(struct session *s, const char *action, int code)
{
	if (s->hub->audit && audit_full(s->hub->audit))
		audit_refused(s->hub->audit);
	else
		session_audit(s, action, NULL, code, NULL, NULL);
}

/* ---------------------------------------------------------------- answers */

/* Count, log, write (unless the connection is gone) an answer already
 * encoded (buf is taken), then forget the request. */
static void session_finish(struct request *req, int status, uint8_t *buf,
                           size_t len)
{
	struct session *s = req->owner;
	uint64_t us = now_us() - req->start_us;
	char name[32];

	/* held: a close below may tear the connection down at once (the
	 * answer already went to the socket), and the session is used after */
	s->busy++;
	metrics_request(s->hub->metrics, req->type, status, us);
	/* an answered request at debug: the audit log records every one (at
	 * 30,000 a second an info line each was 15 % of the server's CPU per
	 * FIR read, and a flood for journald); refusals and failures at info */
	log_event(status == SC(OK) ? LOG_DEBUG : LOG_INFO, "request",
	          "conn=%llu id=%llu type=%s status=%s us=%llu",
	          (unsigned long long)s->id, (unsigned long long)req->id,
	          dispatch_type_name(req->type),
	          request_status_name(status, name, sizeof(name)),
	          (unsigned long long)us);
	if (s->bev && buf)
		session_send_frame(s, buf, len);
	else
		free(buf);
	session_unlink_request(s, req);
	if (req == s->hello_req) {
		s->hello_req = NULL;
		session_hello_answered(s, status);
	}
	free(req);
	if (s->state == SESSION_CLOSING && !s->n_in_flight)
		session_close_after_flush(s, NULL); /* the last answer is out */
	s->busy--;
	session_free_if_done(s);
}

/* A write's answer, held until its audit record is written. */
struct held {
	struct request *req;
	uint64_t since_us; /* reg: when the answer was ready */
	int status;
	uint8_t *buf;
	size_t len;
};

/* audit_done_fn: the record of a held answer is written (ok), or never
 * will be: then the terminal is told to send again with the same key
 * (the write is safe to repeat) rather than "done" about an unaudited
 * write. */
static void session_held_done(void *arg, int ok)
{
	struct held *h = arg;
	struct session *s = h->req->owner;

	metrics_audit_hold(s->hub->metrics, metrics_now_us() - h->since_us);
	if (!ok) {
		free(h->buf);
		h->buf = NULL;
		h->status = SC(UNAVAILABLE);
		if (session_encode_status(
		            s, h->req->id, h->status,
		            "unavailable: the audit log could not "
		            "be written; send again with the same "
		            "idempotency key",
		            &h->buf, &h->len) != 0)
			h->buf = NULL;
	}
	session_finish(h->req, h->status, h->buf, h->len);
	free(h);
}

/* request_done_fn: audit, then answer: a successful write once its audit
 * record is written (group commit: the next batch), anything else at once
 * (its record follows in the next batch). */
static void session_request_done(struct request *req, Envelope *resp)
{
	struct session *s = req->owner;
	int status = resp_status(resp);
	const char *action = dispatch_type_name(req->type);
	struct held *h;
	uint8_t *buf = NULL;
	size_t len = 0;

	if (!req->audit_record[0] && status == SC(OK))
		audit_record_of(resp, 1, req->audit_record,
		                sizeof(req->audit_record));
	if (session_encode(s, resp, &buf, &len) != 0)
		buf = NULL;
	if (req->audit_skip) {
		session_finish(req, status, buf, len);
		return;
	}
	if (req->audited && status == SC(OK)) {
		/* its record committed with it (0058): nothing to wait for */
		audit_tx_written(req->audit);
		session_finish(req, status, buf, len);
		return;
	}
	if (req->write && status == SC(OK) && s->hub->audit) {
		h = xcalloc(1, sizeof(*h));
		h->req = req;
		h->since_us = metrics_now_us();
		h->status = status;
		h->buf = buf;
		h->len = len;
		session_audit(s, action, req->audit_record, status,
		              session_held_done, h);
		return;
	}
	session_audit(s, action, req->audit_record, status, NULL, NULL);
	session_finish(req, status, buf, len);
}

/* ---------------------------------------------------------------- input */

/* The audit's view of a request: is it a write, which record it names. */
static void session_note(struct request *req, const Envelope *env)
{
	size_t type;
	const struct dispatch_row *row = dispatch_find(env->body_case, &type);

	req->write = row && row->call && row->call->key;
	audit_record_of(env, 0, req->audit_record, sizeof(req->audit_record));
}

static struct request *session_request_new(struct session *s,
                                           const Envelope *env, size_t type,
                                           uint64_t start)
{
	struct request *req = xcalloc(1, sizeof(*req));
	uint64_t id = env->request_id;

	req->id = id;
	req->type = type;
	req->start_us = start;
	req->conn_id = s->id;
	req->identity = &s->identity;
	req->limits = &s->limits;
	req->pool = s->hub->pool;
	req->reads = s->hub->reads; /* repl */
	req->seat = &s->seat;
	req->hashes = s->hub->hashes;
	req->audit = s->hub->audit;
	req->done = session_request_done;
	req->owner = s;
	session_note(req, env);
	req->next = s->in_flight;
	s->in_flight = req;
	s->n_in_flight++;
	return req;
}

static int session_id_in_flight(const struct session *s, uint64_t id)
{
	for (const struct request *r = s->in_flight; r; r = r->next)
		if (r->id == id)
			return 1;
	return 0;
}

/* Hello comes first, once. Returns why not, or NULL; *close says the
 * connection ends after the answer. */
static const char *session_gate_hello(const struct session *s,
                                      const struct dispatch_row *row,
                                      int *close)
{
	*close = 1;
	if (s->state == SESSION_AWAIT_HELLO && row->needs_hello)
		return "send Hello first";
	if (s->state == SESSION_HELLO_LOOKUP)
		return "wait for HelloAck before sending more requests";
	*close = 0;
	if (s->state == SESSION_READY && !row->needs_hello)
		return "Hello was already done on this connection";
	return NULL;
}

/* signin: does the connection's officer hold the row's permission? Locks
 * a session idle past [officers] session_idle first. Returns why not (into
 * buf), or NULL; *code is the Status code. */
static const char *session_gate_officer(struct session *s,
                                        const struct dispatch_row *row,
                                        int *code, char *buf, size_t bufsz)
{
	struct seat *seat = &s->seat;
	uint64_t now = now_us();
	char q[80];

	if (seat->officer_no[0] &&
	    now - seat->last_use_us >
	            (uint64_t)s->limits.officer_idle_s * 1000000u) {
		char rec[64];

		log_event(LOG_INFO, "session_locked", "conn=%llu officer=%s",
		          (unsigned long long)s->id,
		          log_quote(seat->officer_no, q, sizeof(q)));
		/* the lock is a record of its own, naming the officer */
		snprintf(rec, sizeof(rec), "officer:%s idle", seat->officer_no);
		if (s->hub->audit && audit_full(s->hub->audit))
			audit_refused(s->hub->audit);
		else
			session_audit(s, "session_locked", rec,
			              SC(UNAUTHENTICATED), NULL, NULL);
		memset(seat, 0, sizeof(*seat));
		snprintf(seat->why, sizeof(seat->why),
		         "session locked: sign in again (cctns login)");
	}
	if (perm_allows(row->permission, seat->officer_no[0] != '\0',
	                seat->permissions)) {
		if (seat->officer_no[0]) {
			seat->last_use_us = now;
			if (now - seat->last_touch_us > 60u * 1000000u) {
				seat->last_touch_us = now;
				officer_touch(s->hub->pool, seat->token_hash);
			}
		}
		return NULL;
	}
	if (!seat->officer_no[0]) {
		*code = SC(UNAUTHENTICATED);
		return seat->why[0] ? seat->why : "sign in first (cctns login)";
	}
	*code = SC(PERMISSION_DENIED);
	snprintf(buf, bufsz,
	         "officer %s does not hold the permission %s needed for %s",
	         seat->officer_no, row->permission, row->name);
	return buf;
}

/* Per-connection limits on requests in flight. Returns why not, or NULL. */
static const char *session_gate_flight(const struct session *s,
                                       const Envelope *env, int *code)
{
	if (session_id_in_flight(s, env->request_id)) {
		*code = SC(INVALID_ARGUMENT);
		return "request_id is already in flight on this connection";
	}
	if (s->n_in_flight >= s->limits.max_in_flight) {
		*code = SC(RESOURCE_EXHAUSTED);
		return "too many requests in flight; wait for answers";
	}
	return NULL;
}

/* Answer at once, without a handler. */
static void session_refuse(struct session *s, const Envelope *env, size_t type,
                           uint64_t start, int code, const char *field,
                           const char *why)
{
	request_fail(session_request_new(s, env, type, start),
	             (Cctns__V1__StatusCode)code, field, "%s", why);
}

/* The audit log is backed up: refuse without a record of its own (the
 * count is recorded once it drains). */
static int session_gate_audit(struct session *s, const Envelope *env,
                              size_t type, uint64_t start)
{
	struct request *req;

	if (!s->hub->audit || !audit_full(s->hub->audit))
		return 0;
	audit_refused(s->hub->audit);
	req = session_request_new(s, env, type, start);
	req->audit_skip = 1;
	request_fail(req, SC(UNAVAILABLE), NULL,
	             "unavailable: the server is busy; try again shortly");
	return 1;
}

/* One decoded envelope: gate on the audit backlog and Hello, check,
 * limit, then hand it to its handler. */
static void session_handle(struct session *s, const Envelope *env)
{
	uint64_t start = now_us();
	check_error err;
	size_t type;
	const struct dispatch_row *row = dispatch_find(env->body_case, &type);
	const char *why;
	int code, close;
	char buf[200];

	if (session_gate_audit(s, env, type, start))
		return;
	if (row && (why = session_gate_hello(s, row, &close))) {
		session_refuse(s, env, type, start, SC(FAILED_PRECONDITION),
		               NULL, why);
		if (close)
			session_close_after_flush(s, "precondition");
		return;
	}
	if (row && row->needs_hello &&
	    (why = session_gate_officer(s, row, &code, buf, sizeof(buf)))) {
		session_refuse(s, env, type, start, code, NULL, why);
		return;
	}
	if (envelope_check_request(env, &err) != 0 || !row) {
		session_refuse(s, env, type, start,
		               row ? err.code : SC(INVALID_ARGUMENT),
		               row ? err.field : NULL,
		               row ? err.message : "not a request");
		return;
	}
	if ((why = session_gate_flight(s, env, &code))) {
		session_refuse(s, env, type, start, code,
		               code == SC(INVALID_ARGUMENT) ? "request_id"
		                                            : NULL,
		               why);
		return;
	}
	if (!row->needs_hello) {
		s->state = SESSION_HELLO_LOOKUP;
		s->outbox_pending = env->hello ? env->hello->outbox_pending : 0;
		s->hello_req = session_request_new(s, env, type, start);
		row->handler(s->hello_req, env, row->call);
		return;
	}
	row->handler(session_request_new(s, env, type, start), env, row->call);
}

/* A broken frame: say why in a Status (request_id 0), then close. */
static void session_protocol_error(struct session *s,
                                   enum metrics_protocol_error reason,
                                   const char *name, const char *message)
{
	Envelope env = CCTNS__V1__ENVELOPE__INIT;
	Cctns__V1__Status st = CCTNS__V1__STATUS__INIT;

	s->hub->metrics->protocol_errors[reason]++;
	log_event(LOG_WARN, "protocol_error", "conn=%llu reason=%s",
	          (unsigned long long)s->id, name);
	session_audit_event(s, "frame", SC(INVALID_ARGUMENT));
	st.code = SC(INVALID_ARGUMENT);
	st.message = (char *)message;
	env.body_case = CCTNS__V1__ENVELOPE__BODY_STATUS;
	env.status = &st;
	session_send(s, &env);
	session_close_after_flush(s, "protocol_error");
}

static int session_accepts_input(const struct session *s)
{
	return s->bev && !s->paused &&
	       (s->state == SESSION_AWAIT_HELLO ||
	        s->state == SESSION_HELLO_LOOKUP || s->state == SESSION_READY);
}

/* Take one frame off in. 1: handled, 0: need more, -1: connection ends. */
static int session_one_frame(struct session *s, struct evbuffer *in)
{
	uint8_t hdr[FRAME_HEADER_LEN];
	uint32_t len = 0;
	Envelope *env;
	frame_status st;

	if (evbuffer_copyout(in, hdr, sizeof(hdr)) != (ev_ssize_t)sizeof(hdr))
		return 0;
	st = frame_peek(hdr, sizeof(hdr), s->limits.max_frame, &len);
	if (st == FRAME_ERR_ZERO || st == FRAME_ERR_OVERSIZE) {
		session_protocol_error(
		        s,
		        st == FRAME_ERR_ZERO ? PROTO_FRAME_ZERO
		                             : PROTO_FRAME_OVERSIZE,
		        st == FRAME_ERR_ZERO ? "frame_zero" : "frame_oversize",
		        frame_status_str(st));
		return -1;
	}
	if (evbuffer_get_length(in) < FRAME_HEADER_LEN + (size_t)len)
		return 0;
	evbuffer_drain(in, FRAME_HEADER_LEN);
	env = envelope_decode(evbuffer_pullup(in, len), len);
	evbuffer_drain(in, len);
	if (!env) {
		session_protocol_error(s, PROTO_DECODE, "decode",
		                       "frame body is not a cctns.v1.Envelope");
		return -1;
	}
	session_handle(s, env);
	envelope_free(env);
	return 1;
}

/* The frames in plain, while input is accepted (s is not freed here). */
static void session_take_frames(struct session *s)
{
	s->busy++;
	while (session_accepts_input(s) && session_one_frame(s, s->plain) > 0)
		;
	s->busy--;
}

static void session_process_input(struct session *s)
{
	session_take_frames(s);
	session_free_if_done(s);
}

/* ---------------------------------------------------------------- events */

/* Stop reading; once the requests in flight are answered and the output
 * is flushed (bounded by a write timeout), close. */
static void session_close_after_flush(struct session *s, const char *reason)
{
	struct timeval flush = ms_tv(FLUSH_TIMEOUT_MS);

	if (!s->bev)
		return;
	if (!s->close_reason)
		s->close_reason = reason;
	s->state = SESSION_CLOSING;
	bufferevent_disable(s->bev, EV_READ);
	if (s->n_in_flight)
		return; /* session_request_done calls again */
	if (evbuffer_get_length(bufferevent_get_output(s->bev)) == 0)
		session_teardown(s, s->close_reason);
	else
		bufferevent_set_timeouts(s->bev, NULL, &flush);
}

/* tlsrec: the records read, through our record layer: application data
 * goes to plain and on to the frames; close_notify ends the connection
 * once what came before it is taken; a refused record ends it at once
 * (after the alert tlsrec_read queued). */
static void session_read_cb(struct bufferevent *bev, void *arg)
{
	struct session *s = arg;
	const char *why;
	enum tlsrec_result rc;

	s->busy++;
	rc = tlsrec_read(s->hub->tlsrec, &s->rec, bufferevent_get_input(bev),
	                 s->plain, bufferevent_get_output(bev), &why);
	if (rc != TLSREC_FAIL)
		session_take_frames(s);
	if (rc == TLSREC_FAIL && s->bev) {
		s->hub->metrics->protocol_errors[PROTO_DECODE]++;
		log_event(LOG_WARN, "tls_record_refused", "conn=%llu reason=%s",
		          (unsigned long long)s->id, why);
		session_teardown(s, "tls_record");
	} else if (rc == TLSREC_CLOSED && s->bev) {
		session_error(s, BEV_EVENT_EOF | BEV_EVENT_READING);
	}
	s->busy--;
	session_free_if_done(s);
}

/* Output drained: finish a close, or resume reading after a backlog. */
static void session_write_cb(struct bufferevent *bev, void *arg)
{
	struct session *s = arg;

	/* tlsrec: a plain socket bufferevent also calls this when its write
	 * event fires with nothing to write (deferred, so data may have come
	 * since): only a drained output counts */
	if (evbuffer_get_length(bufferevent_get_output(bev)) > 0)
		return;
	if (s->state == SESSION_CLOSING) {
		if (!s->n_in_flight)
			session_teardown(s, s->close_reason);
		return;
	}
	if (s->paused) {
		s->paused = 0;
		bufferevent_enable(s->bev, EV_READ);
		session_process_input(s);
	}
}

/* A handshake that failed or was refused (err): counted, audited, logged
 * with the verify result, and the connection closed. */
static void session_tls_refused(struct session *s, SSL *ssl, const char *err)
{
	long v = ssl ? SSL_get_verify_result(ssl) : X509_V_OK;
	char q[300], vq[128];
	int timeout = err == tls_accept_timeout;

	s->hub->metrics->refused[REFUSED_TLS]++;
	session_audit_event(s, "tls_handshake", SC(UNAUTHENTICATED));
	if (!timeout)
		log_event(
		        LOG_WARN, "tls_refused", "conn=%llu error=%s verify=%s",
		        (unsigned long long)s->id, log_quote(err, q, sizeof(q)),
		        log_quote(v == X509_V_OK
		                          ? "ok"
		                          : X509_verify_cert_error_string(v),
		                  vq, sizeof(vq)));
	session_teardown(s, timeout ? "handshake_timeout" : "tls");
}

/* tls_accept_fn: the handshake is over. On success the identity and the
 * peer's certificates (DER) are taken from ssl, the traffic secrets go to
 * our record layer, and OpenSSL's part ends (tlsrec, issue 7). */
static void session_handshake_done(void *arg, SSL *ssl,
                                   struct tlsrec_secrets *sec, const char *err)
{
	struct session *s = arg;
	SSL_CTX *began = SSL_get_SSL_CTX(ssl); /* peercert_keep changes it */
	struct timeval idle = ms_tv(s->idle_timeout_ms);
	const char *why = NULL;

	if (err) {
		session_tls_refused(s, ssl, err);
		return;
	}
	if (identity_from_cert(SSL_get0_peer_certificate(ssl), &s->identity,
	                       s->cert_why, sizeof(s->cert_why)) != 0)
		s->identity.kind = IDENTITY_NONE; /* refused at Hello */
	/* conn: the certificates are kept as DER for the revocation recheck;
	 * tlsrec: they are needed, as OpenSSL's copies go with the SSL */
	if (peercert_keep(ssl, &s->cert) != 0)
		why = "peer_certificate_not_kept";
	else if (tlsrec_take_over(s->hub->tlsrec, &s->rec, ssl, sec, &why) == 0)
		why = NULL;
	if (why) {
		session_tls_refused(s, ssl, why);
		return;
	}
	SSL_CTX_up_ref(began);
	tls_accept_free(s->hs); /* SSL_free: no shutdown, nothing sent */
	s->hs = NULL;
	s->plain = evbuffer_new();
	if (!s->plain)
		abort(); /* out of memory, as xmalloc */
	s->state = SESSION_AWAIT_HELLO;
	s->hub->metrics->tls_handshakes++; /* ops */
	bufferevent_set_timeouts(s->bev, &idle, NULL);
	bufferevent_enable(s->bev, EV_READ | EV_WRITE);
	log_event(LOG_DEBUG, "tls_ok", "conn=%llu identity=%s",
	          (unsigned long long)s->id,
	          s->identity.kind == IDENTITY_NONE ? "none" : "station");
	/* Begun before a reload: check against what was reloaded. */
	if (s->hub->verify_ctx && began != s->hub->verify_ctx)
		(void)session_recheck_cert(s, s->hub->verify_ctx);
	SSL_CTX_free(began);
}

static void session_timeout(struct session *s, short what)
{
	if (s->state == SESSION_HANDSHAKE) {
		s->hub->metrics->refused[REFUSED_TLS]++;
		session_audit_event(s, "tls_handshake", SC(UNAUTHENTICATED));
		session_teardown(s, "handshake_timeout");
	} else if ((what & BEV_EVENT_READING) && s->n_in_flight) {
		bufferevent_enable(s->bev, EV_READ); /* busy, not idle */
	} else {
		session_teardown(s, (what & BEV_EVENT_WRITING) ? "write_timeout"
		                                               : "idle");
	}
}

static void session_error(struct session *s, short what)
{
	if ((what & BEV_EVENT_EOF) && s->state != SESSION_CLOSING &&
	    ((s->plain && evbuffer_get_length(s->plain) > 0) ||
	     evbuffer_get_length(bufferevent_get_input(s->bev)) > 0)) {
		s->hub->metrics->protocol_errors[PROTO_TRUNCATED]++;
		log_event(LOG_WARN, "protocol_error",
		          "conn=%llu reason=truncated",
		          (unsigned long long)s->id);
	}
	session_teardown(s, (what & BEV_EVENT_EOF) ? "eof" : "error");
}

static void session_event_cb(struct bufferevent *bev, short what, void *arg)
{
	struct session *s = arg;

	(void)bev;
	if (what & BEV_EVENT_TIMEOUT)
		session_timeout(s, what);
	else if (what & (BEV_EVENT_EOF | BEV_EVENT_ERROR))
		session_error(s, what);
}

/* ---------------------------------------------------------------- crl */

/* A certificate that no longer verifies (verr): say why in a Status about
 * the whole link (request_id 0), read nothing more, close. */
static void session_refuse_cert(struct session *s, int verr, X509 *leaf)
{
	Envelope env = CCTNS__V1__ENVELOPE__INIT;
	Cctns__V1__Status st = CCTNS__V1__STATUS__INIT;
	char msg[256], serial[96], q[128];

	s->hub->metrics->refused[REFUSED_UNAUTHENTICATED]++;
	session_audit_event(s, "certificate_recheck", SC(UNAUTHENTICATED));
	log_event(LOG_WARN, "cert_refused_open",
	          "conn=%llu serial=%s verify=%s", (unsigned long long)s->id,
	          crl_cert_serial(leaf, serial, sizeof(serial)),
	          log_quote(X509_verify_cert_error_string(verr), q, sizeof(q)));
	if (verr == X509_V_ERR_CERT_REVOKED)
		snprintf(msg, sizeof(msg),
		         "the certificate of this terminal was revoked: the "
		         "connection is closed; ask the SDC for a new "
		         "certificate");
	else
		snprintf(msg, sizeof(msg),
		         "the certificate of this terminal is no longer "
		         "accepted (%s): the connection is closed",
		         X509_verify_cert_error_string(verr));
	st.code = SC(UNAUTHENTICATED);
	st.message = msg;
	env.body_case = CCTNS__V1__ENVELOPE__BODY_STATUS;
	env.status = &st;
	session_send(s, &env);
	session_close_after_flush(s, verr == X509_V_ERR_CERT_REVOKED
	                                     ? "certificate_revoked"
	                                     : "certificate_invalid");
}

/* The peer's certificates, leaf first, from the DER kept at the handshake
 * (conn; tlsrec: a connection without it is refused at the handshake).
 * NULL if none. */
static STACK_OF(X509) * session_peer_chain(struct session *s)
{
	return s->cert.der ? peercert_chain(&s->cert) : NULL;
}

/* Verify s's certificate against ctx; refuse it when it fails. 1 when
 * the connection is being closed. */
static int session_recheck_cert(struct session *s, SSL_CTX *ctx)
{
	STACK_OF(X509) * chain;
	int verr;

	if (!s->bev)
		return 0;
	chain = session_peer_chain(s);
	verr = crl_recheck_chain(ctx, chain);
	if (verr != X509_V_OK)
		session_refuse_cert(s, verr,
		                    chain && sk_X509_num(chain) > 0
		                            ? sk_X509_value(chain, 0)
		                            : NULL);
	sk_X509_pop_free(chain, X509_free);
	return verr != X509_V_OK;
}

size_t session_hub_recheck(struct session_hub *hub, SSL_CTX *ctx)
{
	struct session *s, *next;
	size_t closed = 0;

	SSL_CTX_up_ref(ctx);
	SSL_CTX_free(hub->verify_ctx);
	hub->verify_ctx = ctx;
	for (s = hub->sessions; s; s = next) {
		next = s->next;
		if (s->bev && (s->state == SESSION_AWAIT_HELLO ||
		               s->state == SESSION_HELLO_LOOKUP ||
		               s->state == SESSION_READY))
			closed += (size_t)session_recheck_cert(s, ctx);
	}
	return closed;
}

/* ---------------------------------------------------------------- hub */

/* "1.2.3.4:5678" or "[::1]:5678" for logs. */
static void format_peer(const struct sockaddr *sa, char *buf, size_t bufsz)
{
	char host[INET6_ADDRSTRLEN] = "?";

	if (sa->sa_family == AF_INET) {
		const struct sockaddr_in *in = (const struct sockaddr_in *)sa;

		evutil_inet_ntop(AF_INET, &in->sin_addr, host, sizeof(host));
		snprintf(buf, bufsz, "%s:%u", host, ntohs(in->sin_port));
	} else if (sa->sa_family == AF_INET6) {
		const struct sockaddr_in6 *in6 =
		        (const struct sockaddr_in6 *)sa;

		evutil_inet_ntop(AF_INET6, &in6->sin6_addr, host, sizeof(host));
		snprintf(buf, bufsz, "[%s]:%u", host, ntohs(in6->sin6_port));
	} else {
		snprintf(buf, bufsz, "unknown");
	}
}

void session_start(struct session_hub *hub, struct bufferevent *bev, SSL *ssl,
                   const struct sockaddr *peer, int peerlen)
{
	struct session *s = xcalloc(1, sizeof(*s));

	(void)peerlen;
	s->hub = hub;
	s->id = ++hub->next_id;
	s->bev = bev;
	s->state = SESSION_HANDSHAKE;
	s->limits.max_frame = hub->limits.max_frame;
	s->limits.max_in_flight = hub->limits.max_in_flight;
	s->idle_timeout_ms = hub->limits.idle_timeout_ms;
	s->limits.officer_idle_s = hub->limits.officer_idle_s;
	s->limits.lockout_s = hub->limits.lockout_s;
	s->limits.max_failures = hub->limits.max_failures;
	format_peer(peer, s->peer, sizeof(s->peer));
	s->next = hub->sessions;
	if (hub->sessions)
		hub->sessions->prev = s;
	hub->sessions = s;
	hub->open++;
	hub->metrics->connections_open++;
	hub->metrics->connections_total++;
	bufferevent_setcb(bev, session_read_cb, session_write_cb,
	                  session_event_cb, s);
	log_event(LOG_INFO, "conn_open", "conn=%llu peer=%s",
	          (unsigned long long)s->id, s->peer);
	/* tlsrec: bev stays idle until the handshake is done on its own
	 * event; one record engine per worker (hub) */
	if (!hub->tlsrec)
		hub->tlsrec = tlsrec_engine_new();
	if (!hub->direct) /* NULL (no memory): answers queue as before */
		hub->direct = evbuffer_new();
	if (hub->tlsrec)
		s->hs = tls_accept_start(hub->base, bufferevent_getfd(bev), ssl,
		                         HANDSHAKE_TIMEOUT_MS,
		                         session_handshake_done, s);
	else
		SSL_free(ssl);
	if (!s->hs)
		session_tls_refused(s, NULL, "cannot start the handshake");
}

void session_hub_drain(struct session_hub *hub)
{
	struct session *s = hub->sessions, *next;

	hub->draining = 1;
	if (!s && hub->on_empty) {
		hub->on_empty(hub->on_empty_arg);
		return;
	}
	for (; s; s = next) {
		next = s->next;
		session_close_after_flush(s, "drain");
	}
}

void session_hub_close_all(struct session_hub *hub)
{
	struct session *s = hub->sessions, *next;

	hub->on_empty = NULL;
	for (; s; s = next) {
		next = s->next;
		session_teardown(s, "shutdown");
	}
	linger_free_all(&hub->lingers);
	SSL_CTX_free(hub->verify_ctx); /* crl */
	hub->verify_ctx = NULL;
	tlsrec_engine_free(hub->tlsrec);
	hub->tlsrec = NULL;
	if (hub->direct)
		evbuffer_free(hub->direct);
	hub->direct = NULL;
}

/* ops (issue 7): open sessions by state, for /metrics. */
void session_hub_states(const struct session_hub *hub,
                        struct metrics_sessions_view *out)
{
	static const char *const names[] = {
	        [SESSION_HANDSHAKE] = "handshake",
	        [SESSION_AWAIT_HELLO] = "await_hello",
	        [SESSION_HELLO_LOOKUP] = "hello_lookup",
	        [SESSION_READY] = "ready",
	        [SESSION_CLOSING] = "closing",
	        [SESSION_CLOSED] = "closed",
	};

	memset(out, 0, sizeof(*out));
	out->n = ARRAY_LEN(names);
	for (size_t i = 0; i < out->n; i++)
		out->names[i] = names[i];
	for (const struct session *s = hub ? hub->sessions : NULL; s;
	     s = s->next)
		out->counts[s->state]++;
}
