/* dberr.h: what a failed database statement means for the client (see
 * dberr.c): one table from SQLSTATE to Status code. */
#ifndef CCTNS_SERVER_DBERR_H
#define CCTNS_SERVER_DBERR_H

#include <stddef.h>

#include <libpq-fe.h>

#include "pool.h"
#include "request.h"

/* Turn the error's COLUMN (a field path as the SQL function knows it) into
 * Status.field, relative to the request body; "" for none. */
typedef void (*dberr_field_fn)(const void *arg, const char *column, char *out,
                               size_t outsz);

/* Answer req with the Status for a failed statement. SQLSTATEs
 * CT400..CT409 map to their codes with the server's message; the error's
 * COLUMN becomes Status.field through field(arg, ...) (NULL: as it is).
 * Class 08, 57P01-57P03, 40001 and 40P01 are UNAVAILABLE; the rest
 * INTERNAL, logged by SQLSTATE only (never the message: it may quote case
 * data). */
void dberr_fail(struct request *req, enum pool_outcome outcome,
                const PGresult *res, dberr_field_fn field, const void *arg);

#endif
