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
	/* Put c into a new request in env (body_case and body). Returns what
	 * it allocated, freed with free() after the call: a shallow wrapper,
	 * pointing into c. */
	void *(*wrap)(const submit_call *c, Envelope *env);
	/* The receipt: its body case and printer, and the prefixes of a
	 * Status field path that lead into the document, e.g.
	 * {"register_fir.", "fir.", NULL}. */
	reply_spec reply;
} submit_kind;

/* The whole command: options (--key HEX32, --json), arguments ([NUMBER]
 * FILE.json|-), document, key, send with retries, receipt. Returns the
 * exit code. */
int submit_run(const submit_kind *kind, const command *self, cli_ctx *ctx,
               int argc, char **argv);

#endif
