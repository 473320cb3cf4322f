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
#include "outbox.h"
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

int submit_send(cli_ctx *ctx, term_conn **conn, const char *noun, Envelope *env,
                Envelope **resp, int *maybe_sent, term_error *err)
{
	for (int attempt = 0;; attempt++) {
		int rc;

		if (!*conn)
			*conn = cli_connect(ctx, err);
		if (!*conn)
			return -1;
		rc = term_call(*conn, env, resp, err);
		if (rc == 0)
			return 0;
		term_close(*conn);
		*conn = NULL;
		if (err->kind == TERM_ERR_UNREACHABLE)
			*maybe_sent = 1;
		if (!err->lost || attempt == MAX_RETRIES)
			return -1;
		fprintf(stderr,
		        "%s: note: %s; sending the same %s again with the "
		        "same idempotency key (retry %d of %d)\n",
		        PROG, err->message, noun, attempt + 1, MAX_RETRIES);
		pause_before_retry(attempt + 1);
	}
}

/* Connect and call (submit_send), then close. */
static int call_with_retries(const submit_kind *kind, cli_ctx *ctx,
                             Envelope *env, Envelope **resp, int *maybe_sent,
                             term_error *err)
{
	term_conn *conn = NULL;
	int rc =
	        submit_send(ctx, &conn, kind->noun, env, resp, maybe_sent, err);

	term_close(conn);
	return rc;
}

/* outbox: the server could not be reached, or said it is unavailable,
 * before answering: keep the request (with its key) in the outbox, unless
 * --no-queue. 1 when it was handed to the outbox (*rc its exit code). */
static int queue_instead(const submit_kind *kind, cli_ctx *ctx,
                         const Envelope *env, const term_error *err,
                         const char *key_hex, int json, int *rc)
{
	if (ctx->no_queue || err->kind != TERM_ERR_UNREACHABLE ||
	    !ctx->cfg_loaded)
		return 0;
	*rc = outbox_queue(ctx, kind->noun, env, key_hex, json, err);
	return 1;
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

/* A refusal of the document as invalid, from a Status, into res. */
static int invalid_status(const submit_kind *kind, const Envelope *resp,
                          submit_result *res)
{
	term_error err;

	if (resp->body_case != CCTNS__V1__ENVELOPE__BODY_STATUS)
		return 0;
	term_error_from_status(resp->status, &err);
	if (err.kind != TERM_ERR_INPUT)
		return 0;
	snprintf(res->field, sizeof(res->field), "%s",
	         doc_path(err.field, kind->reply.strip));
	snprintf(res->message, sizeof(res->message), "%s", err.message);
	return 1;
}

int submit_doc(const submit_kind *kind, cli_ctx *ctx, ProtobufCMessage *msg,
               const uint8_t key[SUBMIT_KEY_LEN], const char *fir_number,
               int json, submit_result *res)
{
	submit_call c = {msg, {SUBMIT_KEY_LEN, (uint8_t *)key}, fir_number};
	Envelope env = CCTNS__V1__ENVELOPE__INIT, *resp = NULL;
	check_error cerr;
	term_error err;
	char key_hex[2 * SUBMIT_KEY_LEN + 1];
	int rc, maybe_sent = 0;
	void *request = kind->wrap(&c, &env);

	memset(res, 0, sizeof(*res));
	hex_encode(key, SUBMIT_KEY_LEN, key_hex);
	env.request_id = 1; /* checked like the server will; reassigned */
	if (envelope_check_request(&env, &cerr) < 0) {
		snprintf(res->field, sizeof(res->field), "%s",
		         doc_path(cerr.field, kind->reply.strip));
		snprintf(res->message, sizeof(res->message), "%s",
		         cerr.message);
		rc = 3;
		goto done;
	}
	if (call_with_retries(kind, ctx, &env, &resp, &maybe_sent, &err) < 0) {
		if (queue_instead(kind, ctx, &env, &err, key_hex, json, &rc))
			goto done;
		res->maybe_sent = maybe_sent;
		rc = cli_report(&err);
		goto done;
	}
	if (resp->body_case == CCTNS__V1__ENVELOPE__BODY_STATUS) {
		term_error_from_status(resp->status, &err);
		if (queue_instead(kind, ctx, &env, &err, key_hex, json, &rc)) {
			envelope_free(resp);
			goto done;
		}
	}
	rc = invalid_status(kind, resp, res)
	             ? 3
	             : reply_print(resp, &kind->reply, json, key_hex, NULL);
	envelope_free(resp);
done:
	free(request);
	return rc;
}

static int send_doc(submit *s, cli_ctx *ctx, int json)
{
	submit_result res;
	int rc = submit_doc(s->kind, ctx, s->in.msg, s->key, s->fir_number,
	                    json, &res);

	if (*res.message)
		return doc_error(&s->in, 0, res.field, res.message);
	if (rc != 0 && res.maybe_sent)
		print_retry_hint(s);
	return rc;
}

int submit_run(const submit_kind *kind, const command *self, cli_ctx *ctx,
               int argc, char **argv)
{
	const char *key_arg = NULL;
	int json = 0, rc;
	const cli_opt opts[] = {{"--key", &key_arg, NULL},
	                        {"--json", NULL, &json},
	                        {"--no-queue", NULL, &ctx->no_queue}};
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
