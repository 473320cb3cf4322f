/* session.h: one client connection after accept: TLS handshake, identity
 * from the certificate, Hello, then framed requests dispatched with their
 * answers written back in whatever order they complete. The hub is what all
 * sessions share (event base, pool, metrics, limits, the list used to drain)
 * and is owned by main. */
#ifndef CCTNS_SERVER_SESSION_H
#define CCTNS_SERVER_SESSION_H

#include <stddef.h>
#include <stdint.h>

#include <sys/socket.h>

#include "linger.h"

struct bufferevent;
struct evbuffer;
struct event_base;
struct hashpool;
struct metrics;
struct pool;
struct readpool;
struct audit;
struct session;
struct ssl_ctx_st;
struct ssl_st;
struct tlsrec_engine;

/* Limits applied to connections accepted from now on (SIGHUP updates). */
struct session_limits {
	long max_connections;
	uint32_t max_frame;
	uint32_t max_in_flight;
	long idle_timeout_ms;
	/* signin: [officers] */
	uint32_t officer_idle_s;
	uint32_t lockout_s;
	uint32_t max_failures;
};

struct session_hub {
	struct event_base *base;
	struct pool *pool;
	struct readpool *reads;  /* repl: reads on standbys, or NULL */
	struct hashpool *hashes; /* signin: password verification */
	struct metrics *metrics;
	struct audit *audit; /* every request is recorded there */
	struct session_limits limits;
	struct session *sessions; /* every live session, open or orphaned */
	uint64_t open;            /* connections open (not yet closed) */
	uint64_t next_id;
	int draining;
	struct linger_set lingers; /* closed connections still draining */
	/* Called when draining and the last session is gone. */
	void (*on_empty)(void *arg);
	void *on_empty_arg;
	/* crl: the TLS context of the last reload (a reference; NULL before
	 * any), which handshakes begun under an older one are checked against
	 * when they finish. Freed by session_hub_close_all. */
	struct ssl_ctx_st *verify_ctx;
	/* tlsrec: the record layer's AEAD context and scratch buffer, one
	 * per worker, made at the first connection; freed by
	 * session_hub_close_all. */
	struct tlsrec_engine *tlsrec;
	/* An answer sealed here is written to its socket at once when the
	 * connection's output is empty (session_send_frame). */
	struct evbuffer *direct;
};

/* Take over bev (a socket bufferevent, not enabled, callbacks not set)
 * and ssl (new, server side) for a connection from peer: OpenSSL does the
 * handshake on the socket, then our record layer (tlsrec.h) carries the
 * connection through bev. */
void session_start(struct session_hub *hub, struct bufferevent *bev,
                   struct ssl_st *ssl, const struct sockaddr *peer,
                   int peerlen);

/* SIGTERM: stop reading on every connection; each closes once its requests
 * in flight are answered. on_empty fires when none is left. */
void session_hub_drain(struct session_hub *hub);

/* Exit: close every connection now. Call after pool_free(), which answers
 * every request in flight, so every session can be freed here. */
void session_hub_close_all(struct session_hub *hub);

/* crl: revocation (issue 5). After a reload with the new context ctx (a
 * reference is taken): the certificate of every open connection is
 * verified again against ctx's CA and CRLs; a connection whose certificate
 * no longer passes (revoked, expired since) gets a Status (request_id 0)
 * saying why, reads no more requests and is closed once its answers are
 * out. Returns how many were closed. */
size_t session_hub_recheck(struct session_hub *hub, struct ssl_ctx_st *ctx);

/* ops (issue 7): count the hub's sessions by state (for /metrics). */
struct metrics_sessions_view;
void session_hub_states(const struct session_hub *hub,
                        struct metrics_sessions_view *out);

#endif
