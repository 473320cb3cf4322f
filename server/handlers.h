/* handlers.h: the request handlers the dispatch table points at. Each
 * follows dispatch_handler's contract (answer once; env is borrowed). Most
 * requests are rows run by the one generic handler, handle_json_call; only
 * Hello, which completes the session's identity, has its own. No libpq
 * here, so the request table compiles without it (its unit test). */
#ifndef CCTNS_SERVER_HANDLERS_H
#define CCTNS_SERVER_HANDLERS_H

#include "envelope.h"
#include "jsoncall.h"
#include "request.h"

/* handlers_session.c: Hello (call is NULL). */
void handle_hello(struct request *req, const Envelope *env,
                  const struct jsoncall *call);

/* Fill out (an Identity message) from id; strings point into id. */
struct identity;
void handlers_identity_pb(const struct identity *id, Cctns__V1__Identity *out);

/* handlers_call.c: any request whose row is a JSON call (jsoncall.h). */
void handle_json_call(struct request *req, const Envelope *env,
                      const struct jsoncall *call);

/* The call's parameters for req's body and station (jsoncall_params), or -1
 * after req has been answered INTERNAL (p is then freed). */
int handlers_call_params(struct request *req, const Envelope *env,
                         const struct jsoncall *row, struct jsoncall_params *p);

/* The officer context of req for the database: ctx[0] the signed-in
 * officer's number ("" when none), ctx[1] the session's permission mask in
 * decimal, written into mask. */
void handlers_officer_ctx(const struct request *req, const char *ctx[2],
                          char mask[24]);

/* The call's result message built from the database's JSON answer, or NULL
 * after req has been answered INTERNAL (and the reason logged, without
 * content). */
ProtobufCMessage *handlers_parse_answer(struct request *req,
                                        const struct jsoncall *row,
                                        const char *json, size_t len);

/* dberr_field_fn over a JSON call's row (jsoncall_field). */
void handlers_call_field(const void *row, const char *column, char *out,
                         size_t outsz);

/* handlers_officer.c (signin): SignIn, SignOut, WhoAmI (call is NULL). */
void handle_sign_in(struct request *req, const Envelope *env,
                    const struct jsoncall *call);
void handle_sign_out(struct request *req, const Envelope *env,
                     const struct jsoncall *call);
void handle_who_am_i(struct request *req, const Envelope *env,
                     const struct jsoncall *call);

/* Resume the session whose token hash is in req->seat (has_token set),
 * then call next(req); NULL next answers with the Officer. A refused
 * resume leaves the seat empty with seat->why set. */
void officer_resume(struct request *req, void (*next)(struct request *req));
/* hs (issue 7): resume req->seat's token from the worker's sessions
 * (officercache.h) when allowed and held: 1 with the seat filled; else 0
 * (counted as a miss: the caller asks the database). */
int officer_resume_local(struct request *req);

/* Keep a signed-in session's last_seen fresh (fire and forget). */
struct pool;
void officer_touch(struct pool *pool, const uint8_t token_hash[32]);

#endif
