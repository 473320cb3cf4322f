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

#endif
