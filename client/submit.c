/* submit.c: one path for every write from a JSON document (see submit.h):
 * arguments, document, idempotency key, structural check, send with
 * retries on a lost link, receipt or error. */
#include "submit.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include <openssl/rand.h>

#include "doc.h"
#include "util.h"

#define MAX_RETRIES 3

typedef struct submit {
	const submit_kind *kind;
	const command *self;
	const char *fir_number; /* NUMBER, or NULL */
	doc in;
	uint8_t key[SUBMIT_KEY_LEN];
	char key_hex[2 * SUBMIT_KEY_LEN + 1];
} submit;

static int make_key(submit *s, const char *key_arg)
{
	if (key_arg) {
		if (hex_decode(key_arg, s->key, SUBMIT_KEY_LEN) < 0) {
			fprintf(stderr,
			        "%s: --key needs 32 hex digits (the "
			        "idempotency key an earlier run printed), got "
			        "\"%s\"\n",
			        PROG, key_arg);
			return 2;
		}
	} else if (RAND_bytes(s->key, SUBMIT_KEY_LEN) != 1) {
		fprintf(stderr,
		        "%s: no random numbers for the idempotency key\n",
		        PROG);
		return 1;
	}
	hex_encode(s->key, SUBMIT_KEY_LEN, s->key_hex);
	return 0;
}

static void pause_before_retry(int attempt)
{
	struct timespec ts = {0, 250L * 1000 * 1000 * attempt};

	nanosleep(&ts, NULL);
}

/* Connect and call; on a link lost after sending, again with the same
 * envelope (same key), up to MAX_RETRIES times. *maybe_sent tells whether
 * the request may have reached the server in a failed attempt. */
static int call_with_retries(const submit *s, cli_ctx *ctx, Envelope *env,
                             Envelope **resp, int *maybe_sent, term_error *err)
{
	for (int attempt = 0;; attempt++) {
		term_conn *conn = cli_connect(ctx, err);
		int rc;

		if (!conn)
			return -1;
		rc = term_call(conn, env, resp, err);
		term_close(conn);
		if (rc == 0)
			return 0;
		if (err->kind == TERM_ERR_UNREACHABLE)
			*maybe_sent = 1;
		if (!err->lost || attempt == MAX_RETRIES)
			return -1;
		fprintf(stderr,
		        "%s: note: %s; sending the same %s again with the "
		        "same idempotency key (retry %d of %d)\n",
		        PROG, err->message, s->kind->noun, attempt + 1,
		        MAX_RETRIES);
		pause_before_retry(attempt + 1);
	}
}

/* After a failure that may have reached the server: how to find out
 * without recording it twice. */
static void print_retry_hint(const submit *s)
{
	const command *c = s->self;

	fprintf(stderr,
	        "%s: the %s may or may not have been recorded; to find out "
	        "without recording it twice, run:\n  %s %s%s%s%s%s %s --key "
	        "%s\n",
	        PROG, s->kind->noun, PROG, c->group ? c->group : "",
	        c->group ? " " : "", c->name, s->fir_number ? " " : "",
	        s->fir_number ? s->fir_number : "", s->in.arg, s->key_hex);
}

static int send_doc(submit *s, cli_ctx *ctx, int json)
{
	submit_call c = {s->in.msg, {SUBMIT_KEY_LEN, s->key}, s->fir_number};
	Envelope env = CCTNS__V1__ENVELOPE__INIT, *resp = NULL;
	check_error cerr;
	term_error err;
	int maybe_sent = 0, rc;
	void *request = s->kind->wrap(&c, &env);

	env.request_id = 1; /* checked like the server will; reassigned */
	if (envelope_check_request(&env, &cerr) < 0) {
		rc = doc_error(&s->in, 0,
		               doc_path(cerr.field, s->kind->reply.strip),
		               cerr.message);
		goto done;
	}
	if (call_with_retries(s, ctx, &env, &resp, &maybe_sent, &err) < 0) {
		rc = cli_report(&err);
		if (maybe_sent)
			print_retry_hint(s);
		goto done;
	}
	rc = reply_print(resp, &s->kind->reply, json, s->key_hex, &s->in);
	envelope_free(resp);
done:
	free(request);
	return rc;
}

int submit_run(const submit_kind *kind, const command *self, cli_ctx *ctx,
               int argc, char **argv)
{
	const char *key_arg = NULL;
	int json = 0, rc;
	const cli_opt opts[] = {{"--key", &key_arg, NULL},
	                        {"--json", NULL, &json}};
	size_t npos = kind->fir_number_arg ? 2 : 1;
	char *pos[2];
	submit s = {.kind = kind, .self = self};

	if (cli_parse(self, ctx, argc, argv, opts, ARRAY_LEN(opts), pos, npos,
	              npos, &rc) < 0)
		return rc;
	if (kind->fir_number_arg) {
		rc = kind->check_number ? kind->check_number(pos[0])
		                        : cli_check_fir_number(pos[0]);
		if (rc != 0)
			return rc;
		s.fir_number = pos[0];
	}
	rc = make_key(&s, key_arg);
	if (rc != 0)
		return rc;
	rc = doc_load(&s.in, pos[npos - 1], kind->doc, kind->own);
	if (rc == 0)
		rc = send_doc(&s, ctx, json);
	doc_free(&s.in);
	return rc;
}
