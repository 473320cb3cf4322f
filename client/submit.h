/* submit.h: the writes the terminal sends from a JSON document (fir
 * register, gd add, arrest register), one path for all of them: read the
 * document and check it as the server will, give it a 16-byte idempotency
 * key (random, or --key), send it, and when the link is lost after sending,
 * send the same request again with the same key (up to 3 times), so the
 * server never records it twice. A command is a submit_kind row and a few
 * lines that put the document into its request. */
#ifndef CCTNS_CLIENT_SUBMIT_H
#define CCTNS_CLIENT_SUBMIT_H

#include "cli.h"
#include "reply.h"

#define SUBMIT_KEY_LEN 16u

/* What wrap gets to build the request from. */
typedef struct submit_call {
	ProtobufCMessage *doc;   /* the parsed document (submit owns it) */
	ProtobufCBinaryData key; /* the idempotency key (submit owns it) */
	const char *fir_number;  /* the NUMBER argument, or NULL */
} submit_call;

typedef struct submit_kind {
	const char *noun; /* "FIR", "diary entry", "arrest memo" */
	const ProtobufCMessageDescriptor *doc; /* the document's message */
	/* Fields of the document the command fills itself (refused in the
	 * document), NULL-terminated, or NULL. */
	const char *const *own;
	int fir_number_arg; /* the command takes NUMBER before FILE */
	/* Checks NUMBER: 0, or the exit code after saying what is wrong;
	 * NULL: NUMBER is an FIR number (cli_check_fir_number). */
	int (*check_number)(const char *arg);
	/* forms: what NUMBER names, for a person ("petition"); NULL: an
	 * FIR. */
	const char *number_noun;
	/* Put c into a new request in env (body_case and body). Returns what
	 * it allocated, freed with free() after the call: a shallow wrapper,
	 * pointing into c. */
	void *(*wrap)(const submit_call *c, Envelope *env);
	/* The receipt: its body case and printer, and the prefixes of a
	 * Status field path that lead into the document, e.g.
	 * {"register_fir.", "fir.", NULL}. */
	reply_spec reply;
	/* forms: the document as its printout, shown at the review of
	 * "cctns <noun> new" before it is sent; NULL: a list of fields. */
	void (*preview)(FILE *out, const ProtobufCMessage *doc);
} submit_kind;

/* The whole command: options (--key HEX32, --json), arguments ([NUMBER]
 * FILE.json|-), document, key, send with retries, receipt. Returns the
 * exit code. */
int submit_run(const submit_kind *kind, const command *self, cli_ctx *ctx,
               int argc, char **argv);

/* forms: how a ready document fared (submit_doc). */
typedef struct submit_result {
	int maybe_sent;    /* a failed attempt may have reached the server */
	char field[128];   /* refused as invalid: the path in the document */
	char message[512]; /*   and why; "" when not refused as invalid */
} submit_result;

/* Send a ready document (an interactive form's) with its key: the same
 * structural check, retries with the same key and receipt as submit_run.
 * Returns the exit code: 0 after printing the receipt; 3 with res->field
 * and res->message when the document was refused as invalid (by this check
 * or by the server; nothing printed); other failures are printed. */
int submit_doc(const submit_kind *kind, cli_ctx *ctx, ProtobufCMessage *msg,
               const uint8_t key[SUBMIT_KEY_LEN], const char *fir_number,
               int json, submit_result *res);

/* outbox: send env (a write of noun) over *conn, connecting when *conn is
 * NULL; on a link lost after sending, again with the same envelope (same
 * key), up to 3 times. On 0 *resp is the answer and *conn stays open; on
 * -1 *conn is NULL and *maybe_sent tells whether a failed attempt may have
 * reached the server. Used by submit_doc and by the outbox's delivery. */
int submit_send(cli_ctx *ctx, term_conn **conn, const char *noun, Envelope *env,
                Envelope **resp, int *maybe_sent, term_error *err)
        __attribute__((warn_unused_result));

#endif
