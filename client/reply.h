/* reply.h: one request, one answer. Connect, send, and either print the
 * answer the command expects (as text for a person, or as JSON with
 * --json) or report the Status the server answered with: "cctns: field:
 * message" on stderr and its exit code. Every command that reads (fir
 * show, gd show, case timeline, arrest show) and case assign-io go this
 * way; submit.c prints the answers of writes with reply_print. */
#ifndef CCTNS_CLIENT_REPLY_H
#define CCTNS_CLIENT_REPLY_H

#include <stdio.h>

#include "cli.h"
#include "doc.h"

typedef struct reply_spec {
	Cctns__V1__Envelope__BodyCase answer; /* the body of a good answer */
	const char
	        *noun; /* "an FIR": "... answered with X instead of <noun>" */
	/* The answer as text; key_hex is the idempotency key of a write, or
	 * NULL. */
	void (*print)(FILE *out, const ProtobufCMessage *answer,
	              const char *key_hex);
	/* The message when the server says NOT_FOUND without one, or NULL. */
	const char *not_found;
	/* For a request made from a document: the prefixes of a Status field
	 * path that lead into the document (see doc_path), or NULL. */
	const char *const *strip;
	/* Said after a link lost with the request outstanding (it may or may
	 * not have been carried out), or NULL. */
	const char *lost_hint;
} reply_spec;

/* The message in the body of env (the member of its oneof), or NULL. */
const ProtobufCMessage *reply_body(const Envelope *env);

/* Print resp as spec says: the answer as text or JSON (returns 0), or the
 * Status or an unexpected answer on stderr (returns the exit code). An
 * invalid field of the document in (NULL when there is none) is named as
 * "FILE: path: message". */
int reply_print(const Envelope *resp, const reply_spec *spec, int json,
                const char *key_hex, const doc *in);

/* Connect, send env once, reply_print the answer. With ctx->pdf_path (the
 * command's --pdf FILE, CLI_OPT_PDF) the target is checked before
 * connecting and the answer's printout (spec->print) is written to it as a
 * PDF headed with this terminal's station (pdf_form.h) instead. Returns the
 * exit code. */
int reply_call(cli_ctx *ctx, Envelope *env, const reply_spec *spec, int json,
               const doc *in);

#endif
