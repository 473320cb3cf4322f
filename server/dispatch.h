/* dispatch.h: the request table. One row per request body a client may
 * send: its name (logs and metrics labels), its handler, whether it needs a
 * completed Hello, and, for the requests that are one api.* call, the JSON
 * call (jsoncall.h: statement, parameters, response), and the permission
 * the signed-in officer needs (perm.h; checked by the session before any
 * work; dispatch_check refuses a row without one). Audit actions join the
 * row when they arrive; nothing else in the server lists request types. */
#ifndef CCTNS_SERVER_DISPATCH_H
#define CCTNS_SERVER_DISPATCH_H

#include <stddef.h>

#include "envelope.h"
#include "jsoncall.h"
#include "request.h"

/* A handler answers req exactly once (now or from a pool callback). env is
 * freed by the session when the handler returns: copy what you keep. call
 * is the row's JSON call (NULL when it has none). */
typedef void (*dispatch_handler)(struct request *req, const Envelope *env,
                                 const struct jsoncall *call);

struct dispatch_row {
	Cctns__V1__Envelope__BodyCase body;
	const char *name; /* as in envelope_body_name() */
	dispatch_handler handler;
	int needs_hello; /* refused with FAILED_PRECONDITION before */
	const struct jsoncall *call; /* handle_json_call's row, or NULL */
	/* signin: what the officer needs: a ref.permission code (perm.h),
	 * PERM_OFFICER (any officer) or PERM_NONE; checked by the session
	 * before any work. */
	const char *permission;
	const char *audit; /* reserved: audit action recorded (later) */
};

/* The row for a body case and its index, or NULL. */
const struct dispatch_row *dispatch_find(Cctns__V1__Envelope__BodyCase body,
                                         size_t *index);

/* Number of rows; index dispatch_count() is the metrics label "other". */
size_t dispatch_count(void);

/* Label of index i (a row's name, or "other"). */
const char *dispatch_type_name(size_t i);

/* Is the table sound: every request body of the protocol has a row named as
 * envelope_body_name() names it, every JSON call fits its messages, the
 * statement names are unique, the metrics have room. Run at start-up.
 * Returns 0, or -1 with why. */
int dispatch_check(char *why, size_t whysz) __attribute__((warn_unused_result));

#endif
