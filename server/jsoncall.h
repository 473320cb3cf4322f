/* jsoncall.h: the generic "JSON call". Most requests are one call of one
 * api.* SQL function: the station codes from the certificate, some fields of
 * the request, and a part of it as JSON go in; one JSON document (the
 * pbjson mapping of a message) comes back and becomes the response. A row
 * (struct jsoncall) in the request table says which; handlers_call.c runs
 * any row on the pool. This file is the pure part (protobuf-c and pbjson
 * only, no libpq), unit-tested in tests/unit/test_jsoncall.c.
 *
 * Statement parameters, in this order:
 *   $1, $2, $3  state, district and station codes (text) from the identity;
 *   then        the request's idempotency_key (bytea), when key is set;
 *   then        the request's string fields named in text[], as text;
 *   last        the JSON document (jsonb), when json is set.
 * The statement returns one row: column 1 the result as JSON (NULL: not
 * found), column 2 a boolean for the response's "replayed" when replayed is
 * set.
 *
 * Status.field of a database error (CT4xx with COLUMN) is always relative
 * to the request body: a COLUMN naming the key or a text[] field is used as
 * it is; otherwise it is a path in the JSON document, prefixed with the
 * request field that carried it and a dot ("memo." + "person.name"); no
 * prefix when the document is the request body itself (JSONCALL_BODY) or
 * there is none. An empty COLUMN names the JSON field itself ("memo"). */
#ifndef CCTNS_SERVER_JSONCALL_H
#define CCTNS_SERVER_JSONCALL_H

#include <stddef.h>
#include <stdint.h>

#include "envelope.h"
#include "stmt.h"

/* json: the request body itself, without the key and the text[] fields. */
#define JSONCALL_BODY "."

#define JSONCALL_TEXT_MAX 3 /* text[] fields of one request */

struct jsoncall {
	struct pool_stmt stmt; /* parameters as above */
	int key;               /* the request's idempotency_key is $4 */
	/* Request string fields passed as text, in order; NULL-terminated. */
	const char *text[JSONCALL_TEXT_MAX + 1];
	/* Request sub-message passed as JSON ("memo"), JSONCALL_BODY, or
	 * NULL for none. An unset sub-message is passed as SQL NULL. */
	const char *json;
	Cctns__V1__Envelope__BodyCase reply; /* the response body */
	/* Field of the response body the result fills ("entry" of
	 * GdEntryReceipt), or NULL: the result is the response body. */
	const char *into;
	int replayed; /* column 2 sets the response body's "replayed" */
	/* Path in the response body of an Identity to fill from the session
	 * when the database left it out ("station", "receipt.station"). */
	const char *station;
	int echo_key; /* the response body's idempotency_key echoes the key */
	/* reg (0058): stmt with its audit record appended in its own
	 * transaction (api.audit_in_tx): stmt's parameters, then the
	 * AUDIT_TX_NPARAMS of audit_tx_params(), in order. NULL sql: the
	 * record goes to the worker's chain after the answer (audit.h). */
	struct pool_stmt audited;
	/* reg (issue 7): > 0, the audited statements of this row that wait
	 * for a connection at the same moment may share one transaction
	 * (pool_query_group); their first group_key parameters, non-negative
	 * integers as text, order them (the order their rows are locked in). */
	int group_key;
};

/* Is c a sound row for requests of body case request: every field it names
 * exists with the right type, the reply is a response, stmt.nparams fits.
 * Returns 0, or -1 with why. */
int jsoncall_check(const struct jsoncall *c,
                   Cctns__V1__Envelope__BodyCase request, char *why,
                   size_t whysz) __attribute__((warn_unused_result));

/* The body message of env, or NULL. */
const ProtobufCMessage *jsoncall_request_body(const Envelope *env);

/* The parameters of one call. values[] point into the request body and
 * into this struct: use them while both live (pool_query copies them). */
struct jsoncall_params {
	int n;
	const char *values[POOL_MAX_PARAMS];
	int lengths[POOL_MAX_PARAMS];
	int formats[POOL_MAX_PARAMS];
	char codes[3][12];
	char *json;         /* malloc'd */
	const uint8_t *key; /* the request's key (into the body), or NULL */
	size_t keylen;
};

/* Build the parameters of c from body with the station codes (state,
 * district, station). Returns 0, or -1 when the JSON cannot be made.
 * Free with jsoncall_params_free() either way. */
int jsoncall_params(const struct jsoncall *c, const ProtobufCMessage *body,
                    const uint32_t codes[3], struct jsoncall_params *p)
        __attribute__((warn_unused_result));
void jsoncall_params_free(struct jsoncall_params *p);

/* Status.field for a database error whose COLUMN is column (NULL: none),
 * as the header comment says; "" when there is no field. */
void jsoncall_field(const struct jsoncall *c, const char *column, char *out,
                    size_t outsz);

/* The message type of the result JSON. */
const ProtobufCMessageDescriptor *
jsoncall_result_desc(const struct jsoncall *c);

/* A response built around a parsed result. env is what to send. The
 * result is owned (freed by jsoncall_reply_free); a wrapper around it, the
 * station Identity and the key are borrowed and detached before freeing. */
struct jsoncall_reply {
	Envelope env;
	ProtobufCMessage *result;
	ProtobufCMessage *body;          /* result, or a wrapper made here */
	ProtobufCMessage **station_slot; /* filled with station, or NULL */
	ProtobufCBinaryData *key_slot;   /* filled with the key, or NULL */
};

/* Take result (a message of jsoncall_result_desc(c)) and build the
 * response of c: placed into its wrapper when c->into, replayed set when
 * c->replayed, station filled where c->station and unset, the key echoed
 * when c->echo_key. station and key must outlive the reply. */
void jsoncall_reply_make(struct jsoncall_reply *r, const struct jsoncall *c,
                         ProtobufCMessage *result, int replayed,
                         Cctns__V1__Identity *station, const uint8_t *key,
                         size_t keylen);
void jsoncall_reply_free(struct jsoncall_reply *r);

/* fir: the same, except that the result is not freed but returned, as it
 * was before jsoncall_reply_make (a kept copy answers again). */
ProtobufCMessage *jsoncall_reply_detach(struct jsoncall_reply *r);

/* issue 7: the top-level field of the result that jsoncall_reply_make
 * fills per request, written into keep (size n): the first segment of
 * c->station ("receipt" of "receipt.station"). NULL when the reply fills
 * anything else (a wrapper, replayed, the key) or nothing: every other
 * field of a kept result is then the same in every answer (prepack.h). */
const char *jsoncall_reply_keep(const struct jsoncall *c, char *keep, size_t n);

#endif
