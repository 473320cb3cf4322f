/* cmd_fir_transfer.c: the zero FIR. cctns fir transfer NUMBER FILE.json|-
 * sends an FIR of this station to the competent station (a TransferFir
 * document without its key and number) on the path every write takes
 * (submit.c); cctns fir export NUMBER [--out FILE] writes the FirExport of
 * an FIR transferred to another state as JSON. */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "commands.h"
#include "form_cmd.h"
#include "form_kinds.h"
#include "pbjson.h"
#include "print_fir.h"
#include "reply.h"
#include "submit.h"
#include "util.h"

static void *wrap_transfer(const submit_call *c, Envelope *env)
{
	Cctns__V1__TransferFir *r = xmalloc(sizeof(*r));

	*r = *(const Cctns__V1__TransferFir *)c->doc;
	r->idempotency_key = c->key;
	r->fir_number = (char *)c->fir_number;
	env->body_case = CCTNS__V1__ENVELOPE__BODY_TRANSFER_FIR;
	env->transfer_fir = r;
	return r;
}

static void print_transfer_answer(FILE *out, const ProtobufCMessage *m,
                                  const char *key_hex)
{
	print_transfer_receipt(out, (const Cctns__V1__FirTransferReceipt *)m,
	                       key_hex);
}

static const char *const transfer_own[] = {"idempotency_key", "fir_number",
                                           NULL};
static const char *const transfer_strip[] = {"transfer_fir.", NULL};

const submit_kind fir_transfer_kind = {
        .noun = "transfer",
        .doc = &cctns__v1__transfer_fir__descriptor,
        .own = transfer_own,
        .fir_number_arg = 1,
        .wrap = wrap_transfer,
        .reply = {.answer = CCTNS__V1__ENVELOPE__BODY_FIR_TRANSFER_RECEIPT,
                  .noun = "a transfer receipt",
                  .print = print_transfer_answer,
                  .strip = transfer_strip},
};

int cmd_fir_transfer(const command *self, cli_ctx *ctx, int argc, char **argv)
{
	return submit_run(&fir_transfer_kind, self, ctx, argc, argv);
}

/* ------------------------------------------------------------ export */

/* The export as JSON into path ("-" or NULL: standard output). Returns the
 * exit code. */
static int write_export(const ProtobufCMessage *m, const char *path)
{
	char *text = pbjson_format(m, PBJSON_PRETTY);
	FILE *f = stdout;
	int rc = 0;

	if (path && strcmp(path, "-") != 0) {
		f = fopen(path, "w");
		if (!f) {
			fprintf(stderr, "%s: cannot write %s: %s\n", PROG, path,
			        strerror(errno));
			free(text);
			return 1;
		}
	}
	if (fprintf(f, "%s\n", text) < 0)
		rc = 1;
	if (f != stdout && fclose(f) != 0)
		rc = 1;
	if (rc)
		fprintf(stderr, "%s: writing %s failed\n", PROG, path);
	else if (f != stdout)
		fprintf(stderr, "FIR export written to %s\n", path);
	free(text);
	return rc;
}

static void print_nothing(FILE *out, const ProtobufCMessage *m,
                          const char *key_hex)
{
	(void)out;
	(void)m;
	(void)key_hex;
}

int cmd_fir_export(const command *self, cli_ctx *ctx, int argc, char **argv)
{
	const char *out_path = NULL;
	int rc;
	const cli_opt opts[] = {{"--out", &out_path, NULL}};
	char *pos[1], not_found[96];
	Cctns__V1__GetFirExport get = CCTNS__V1__GET_FIR_EXPORT__INIT;
	Envelope env = CCTNS__V1__ENVELOPE__INIT, *resp = NULL;
	const reply_spec spec = {.answer = CCTNS__V1__ENVELOPE__BODY_FIR_EXPORT,
	                         .noun = "an FIR export",
	                         .print = print_nothing,
	                         .not_found = not_found};
	term_error err;
	term_conn *conn;

	if (cli_parse(self, ctx, argc, argv, opts, ARRAY_LEN(opts), pos, 1, 1,
	              &rc) < 0)
		return rc;
	rc = cli_fir_arg(pos[0], not_found, sizeof(not_found));
	if (rc != 0)
		return rc;
	get.fir_number = pos[0];
	env.body_case = CCTNS__V1__ENVELOPE__BODY_GET_FIR_EXPORT;
	env.get_fir_export = &get;
	conn = cli_connect(ctx, &err);
	if (!conn)
		return cli_report(&err);
	rc = term_call(conn, &env, &resp, &err);
	term_close(conn);
	if (rc < 0)
		return cli_report(&err);
	if (resp->body_case == CCTNS__V1__ENVELOPE__BODY_FIR_EXPORT &&
	    resp->fir_export)
		rc = write_export(&resp->fir_export->base, out_path);
	else
		rc = reply_print(resp, &spec, 0, NULL, NULL);
	envelope_free(resp);
	return rc;
}

int cmd_fir_new_transfer(const command *self, cli_ctx *ctx, int argc,
                         char **argv)
{
	return form_run(&fir_transfer_kind, self, ctx, argc, argv);
}
