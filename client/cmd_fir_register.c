/* cmd_fir_register.c: cctns fir register FILE.json|- : read and check a
 * FirContent document, send it with an idempotency key, and retry with the
 * same key when the link breaks before the answer. */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include <openssl/rand.h>

#include "commands.h"
#include "pbjson.h"
#include "print_fir.h"
#include "util.h"

#define INPUT_MAX   (8u * 1024u * 1024u)
#define KEY_LEN     16u
#define MAX_RETRIES 3

typedef struct reg_input {
	const char *name; /* file name for messages, "<stdin>" for "-" */
	const char *arg;  /* FILE as given */
	char *text;
	size_t len;
	uint8_t key[KEY_LEN];
	char key_hex[2 * KEY_LEN + 1];
} reg_input;

/* Read all of in->arg ("-" = stdin), at most INPUT_MAX bytes. */
static int read_input(reg_input *in)
{
	int is_stdin = strcmp(in->arg, "-") == 0;
	FILE *f = is_stdin ? stdin : fopen(in->arg, "rb");
	size_t cap = 64 * 1024;
	int rc = -1;

	if (!f) {
		fprintf(stderr, "%s: cannot read %s: %s\n", PROG, in->name,
		        strerror(errno));
		return -1;
	}
	in->text = xmalloc(cap + 1);
	for (;;) {
		size_t n = fread(in->text + in->len, 1, cap - in->len, f);

		in->len += n;
		if (in->len > INPUT_MAX) {
			fprintf(stderr,
			        "%s: larger than 8 MiB; an FIR document is far "
			        "smaller (brief facts are capped at 64 KiB)\n",
			        in->name);
			goto done;
		}
		if (n == 0)
			break;
		if (in->len == cap) {
			cap = cap * 2 > INPUT_MAX + 1 ? INPUT_MAX + 1 : cap * 2;
			in->text = xrealloc(in->text, cap + 1);
		}
	}
	if (ferror(f)) {
		fprintf(stderr, "%s: cannot read %s: %s\n", PROG, in->name,
		        strerror(errno));
		goto done;
	}
	in->text[in->len] = '\0';
	rc = 0;
done:
	if (!is_stdin)
		fclose(f);
	return rc;
}

/* A field path relative to the document: "register_fir.fir.charges[0]"
 * and "fir.charges[0]" both become "charges[0]". */
static const char *document_path(const char *field)
{
	static const char *const prefixes[] = {"register_fir.", "fir."};

	for (size_t i = 0; i < ARRAY_LEN(prefixes); i++) {
		size_t n = strlen(prefixes[i]);

		if (strncmp(field, prefixes[i], n) == 0)
			field += n;
	}
	if (strcmp(field, "fir") == 0 || strcmp(field, "register_fir") == 0)
		return "";
	return field;
}

/* "FILE:LINE: path: message" (LINE and path when known). */
static int input_error(const char *name, int line, const char *path,
                       const char *message)
{
	if (line > 0)
		fprintf(stderr, "%s:%d: ", name, line);
	else
		fprintf(stderr, "%s: ", name);
	if (path && *path)
		fprintf(stderr, "%s: ", path);
	fprintf(stderr, "%s\n", message);
	return 3;
}

static int make_key(reg_input *in, const char *key_arg)
{
	if (key_arg) {
		if (hex_decode(key_arg, in->key, KEY_LEN) < 0) {
			fprintf(stderr,
			        "%s: --key needs 32 hex digits (the "
			        "idempotency "
			        "key an earlier run printed), got \"%s\"\n",
			        PROG, key_arg);
			return 2;
		}
	} else if (RAND_bytes(in->key, KEY_LEN) != 1) {
		fprintf(stderr,
		        "%s: no random numbers for the idempotency key\n",
		        PROG);
		return 1;
	}
	hex_encode(in->key, KEY_LEN, in->key_hex);
	return 0;
}

static void pause_before_retry(int attempt)
{
	struct timespec ts = {0, 250L * 1000 * 1000 * attempt};

	nanosleep(&ts, NULL);
}

/* Connect and call; on a link lost after sending, again with the same
 * envelope (same key), up to MAX_RETRIES times. *maybe_sent tells whether
 * the FIR may have reached the server in a failed attempt. */
static int call_with_retries(cli_ctx *ctx, Envelope *env, Envelope **resp,
                             int *maybe_sent, term_error *err)
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
		        "%s: note: %s; sending the same FIR again with the "
		        "same idempotency key (retry %d of %d)\n",
		        PROG, err->message, attempt + 1, MAX_RETRIES);
		pause_before_retry(attempt + 1);
	}
}

static int print_result(const reg_input *in, const Envelope *resp, int json)
{
	term_error err;

	if (resp->body_case == CCTNS__V1__ENVELOPE__BODY_FIR_RECEIPT) {
		if (json) {
			char *text = pbjson_format(&resp->fir_receipt->base,
			                           PBJSON_PRETTY);
			printf("%s\n", text);
			free(text);
		} else {
			print_receipt(stdout, resp->fir_receipt, in->key_hex);
		}
		return 0;
	}
	if (resp->body_case != CCTNS__V1__ENVELOPE__BODY_STATUS) {
		term_fail(&err, TERM_ERR_INTERNAL,
		          "the server answered with %s instead of a receipt",
		          envelope_body_name(resp));
		return cli_report(&err);
	}
	term_error_from_status(resp->status, &err);
	if (err.kind == TERM_ERR_INPUT)
		return input_error(in->name, 0, document_path(err.field),
		                   err.message);
	return cli_report(&err);
}

/* Parse and check the document the way the server will. 0 or exit code. */
static int check_document(const reg_input *in, Cctns__V1__FirContent **fir)
{
	pbjson_error perr;
	ProtobufCMessage *msg;

	msg = pbjson_parse(&cctns__v1__fir_content__descriptor, in->text,
	                   in->len, &perr);
	if (!msg)
		return input_error(in->name, perr.line, perr.path,
		                   perr.message);
	*fir = (Cctns__V1__FirContent *)msg;
	return 0;
}

static int send_fir(const reg_input *in, cli_ctx *ctx,
                    Cctns__V1__FirContent *fir, int json)
{
	Cctns__V1__RegisterFir reg = CCTNS__V1__REGISTER_FIR__INIT;
	Envelope env = CCTNS__V1__ENVELOPE__INIT, *resp = NULL;
	check_error cerr;
	term_error err;
	int maybe_sent = 0, rc;

	reg.idempotency_key.data = (uint8_t *)in->key;
	reg.idempotency_key.len = KEY_LEN;
	reg.fir = fir;
	env.body_case = CCTNS__V1__ENVELOPE__BODY_REGISTER_FIR;
	env.register_fir = &reg;
	env.request_id = 1; /* checked like the server will; reassigned */
	if (envelope_check_request(&env, &cerr) < 0)
		return input_error(in->name, 0, document_path(cerr.field),
		                   cerr.message);
	if (call_with_retries(ctx, &env, &resp, &maybe_sent, &err) < 0) {
		rc = cli_report(&err);
		if (maybe_sent)
			fprintf(stderr,
			        "%s: the FIR may or may not have been "
			        "registered; to find out without registering "
			        "it twice, run:\n  %s fir register %s --key "
			        "%s\n",
			        PROG, PROG, in->arg, in->key_hex);
		return rc;
	}
	rc = print_result(in, resp, json);
	envelope_free(resp);
	return rc;
}

int cmd_fir_register(const command *self, cli_ctx *ctx, int argc, char **argv)
{
	const char *key_arg = NULL;
	int json = 0, rc;
	const cli_opt opts[] = {{"--key", &key_arg, NULL},
	                        {"--json", NULL, &json}};
	char *pos[1];
	reg_input in = {0};
	Cctns__V1__FirContent *fir = NULL;

	if (cli_parse(self, ctx, argc, argv, opts, ARRAY_LEN(opts), pos, 1, 1,
	              &rc) < 0)
		return rc;
	in.arg = pos[0];
	in.name = strcmp(pos[0], "-") == 0 ? "<stdin>" : pos[0];
	rc = make_key(&in, key_arg);
	if (rc != 0)
		return rc;
	if (read_input(&in) < 0) {
		rc = 3;
		goto done;
	}
	rc = check_document(&in, &fir);
	if (rc == 0)
		rc = send_fir(&in, ctx, fir, json);
done:
	if (fir)
		protobuf_c_message_free_unpacked(&fir->base, NULL);
	free(in.text);
	return rc;
}
