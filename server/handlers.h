/* handlers.h: the request handlers the dispatch table points at, and the
 * mapping of database errors to Status codes they share. Each handler
 * follows dispatch_handler's contract (answer once; env is borrowed). */
#ifndef CCTNS_SERVER_HANDLERS_H
#define CCTNS_SERVER_HANDLERS_H

#include <libpq-fe.h>

#include "envelope.h"
#include "pool.h"
#include "request.h"

/* handlers_session.c */
void handle_hello(struct request *req, const Envelope *env);

/* Fill out (an Identity message) from id; strings point into id. */
struct identity;
void handlers_identity_pb(const struct identity *id, Cctns__V1__Identity *out);

/* handlers_fir.c */
void handle_register_fir(struct request *req, const Envelope *env);
void handle_get_fir(struct request *req, const Envelope *env);

/* dberr.c: answer req with the Status for a failed statement. SQLSTATEs
 * CT400..CT409 map to their codes with the server's message; for CT400 the
 * error's COLUMN names the field, prefixed with field_prefix ("fir.").
 * Class 08 and 57P01-57P03 are UNAVAILABLE; the rest INTERNAL, logged by
 * SQLSTATE only (never the message: it may quote case data). */
void dberr_fail(struct request *req, enum pool_outcome outcome,
                const PGresult *res, const char *field_prefix);

#endif
