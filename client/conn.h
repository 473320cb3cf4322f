/* conn.h: the terminal's link to cctns-server. TCP, then TLS 1.3 with this
 * terminal's certificate, then Hello/HelloAck; only after HelloAck is the
 * link trusted (in TLS 1.3 a refused client certificate shows up after the
 * handshake). Then request/response frames, one at a time (term_call) or
 * pipelined (term_send/term_recv). Blocking with deadlines, one thread.
 *
 * This module never prints. Every failure is a term_error: a kind, which
 * decides the exit code, and a message a station writer can act on.
 * The first term_connect sets SIGPIPE to ignored for the whole process
 * (a write to a closed socket must be an error, not a kill). */
#ifndef CCTNS_CLIENT_CONN_H
#define CCTNS_CLIENT_CONN_H

#include <stddef.h>
#include <stdint.h>

#include "config.h"
#include "envelope.h"

typedef enum term_kind {
	TERM_OK = 0,
	TERM_ERR_USAGE,   /* command line or terminal config: exit 2 */
	TERM_ERR_INPUT,   /* bad document or field: exit 3 */
	TERM_ERR_REFUSED, /* certificate, identity, permission, conflict: 4 */
	TERM_ERR_UNREACHABLE, /* no link, link lost, server unavailable: 5 */
	TERM_ERR_NOT_FOUND,   /* no such record: exit 6 */
	TERM_ERR_INTERNAL,    /* anything else: exit 1 */
} term_kind;

typedef struct term_error {
	term_kind kind;
	/* Set when an established link broke (closed, reset, TLS error) while
	 * a request was outstanding: it may or may not have been carried out,
	 * so only an idempotent request may be sent again. Not set on a
	 * timeout. */
	int lost;
	char field[128];   /* Status.field of a refused request, else "" */
	char message[512]; /* for a person: what failed and what to do */
} term_error;

typedef struct term_conn term_conn;

/* Exit code of the terminal for a kind (see CONTRACT: 0..6). */
int term_exit_code(term_kind kind);

/* Fill err (kind, printf-style message); field and lost are cleared.
 * Returns -1 for "return term_fail(...)". */
int term_fail(term_error *err, term_kind kind, const char *fmt, ...)
        __attribute__((format(printf, 3, 4)));

/* Turn a Status answered by the server into err: kind by status code,
 * message from the server (or a default per code), field copied. */
void term_error_from_status(const Cctns__V1__Status *st, term_error *err);

/* Connect, handshake, Hello, HelloAck. NULL with err filled on failure.
 * cfg must outlive the returned link. */
term_conn *term_connect(const term_config *cfg, term_error *err)
        __attribute__((warn_unused_result));

/* The server's HelloAck (identity, server software, limits). Owned by the
 * link. */
const Cctns__V1__HelloAck *term_hello_ack(const term_conn *c);

/* Address as written in the config, for messages. */
const char *term_peer(const term_conn *c);

/* Send req and wait for the response with the same request_id (frames for
 * other ids are dropped: use term_send/term_recv when pipelining; a Status
 * with request_id 0 is about the whole link and is returned too). Sets
 * req->request_id. On 0, *resp is the decoded response, which may be a
 * Status: the caller inspects it and frees it with envelope_free(). */
int term_call(term_conn *c, Envelope *req, Envelope **resp, term_error *err)
        __attribute__((warn_unused_result));

/* Pipelining: term_send assigns req->request_id (also stored in *id when
 * id is not NULL) and writes the whole frame; term_recv waits up to the
 * request timeout for the next response frame, whatever its id. Keep at
 * most HelloAck.max_in_flight requests outstanding. */
int term_send(term_conn *c, Envelope *req, uint64_t *id, term_error *err)
        __attribute__((warn_unused_result));
int term_recv(term_conn *c, Envelope **resp, term_error *err)
        __attribute__((warn_unused_result));

/* signin: the officer's session token, kept in [officer] session_file
 * (mode 0600) by cctns login and sent in every Hello. */
#define TERM_TOKEN_LEN 32

/* Read the token (and the officer number into officer_no when not NULL).
 * 0, or -1 when there is no usable session file. */
int term_session_read(const term_config *cfg, uint8_t token[TERM_TOKEN_LEN],
                      char *officer_no, size_t osz);

/* Write the session file (0600, replaced atomically). 0 or -1 with err. */
int term_session_write(const term_config *cfg,
                       const uint8_t token[TERM_TOKEN_LEN],
                       const char *officer_no, term_error *err)
        __attribute__((warn_unused_result));

/* Remove the session file. */
void term_session_forget(const term_config *cfg);

/* Close politely (TLS close_notify when the link is still good) and free.
 * NULL is fine. */
void term_close(term_conn *c);

/* ops (issue 7): the offline outbox count the next Hello tells the server
 * (Hello.outbox_pending), so the operator sees backlogs on /metrics. */
void term_conn_report_outbox(uint32_t pending);

#endif
