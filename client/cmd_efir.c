/* cmd_efir.c: the e-FIR, registered online and signed by its informant
 * within three days. cctns efir pending lists this station's e-FIRs still
 * waiting for the signature (the lapsed ones marked); cctns efir sign NUMBER
 * FILE.json|- records the signature (a SignEfir document without its key
 * and number) on the path every write takes (submit.c). */
#include <stdio.h>

#include "commands.h"
#include "form_cmd.h"
#include "form_kinds.h"
#include "print_fir.h"
#include "reply.h"
#include "submit.h"
#include "util.h"

static void print_pending(FILE *out, const ProtobufCMessage *m,
                          const char *key_hex)
{
	(void)key_hex;
	print_pending_efirs(out, (const Cctns__V1__PendingEfirs *)m);
}

int cmd_efir_pending(const command *self, cli_ctx *ctx, int argc, char **argv)
{
	int json = 0, rc;
	const cli_opt opts[] = {{"--json", NULL, &json}};
	char *pos[1];
	Cctns__V1__ListPendingEfirs list = CCTNS__V1__LIST_PENDING_EFIRS__INIT;
	Envelope env = CCTNS__V1__ENVELOPE__INIT;
	const reply_spec spec = {
	        .answer = CCTNS__V1__ENVELOPE__BODY_PENDING_EFIRS,
	        .noun = "a list of pending e-FIRs",
	        .print = print_pending};

	if (cli_parse(self, ctx, argc, argv, opts, ARRAY_LEN(opts), pos, 0, 0,
	              &rc) < 0)
		return rc;
	env.body_case = CCTNS__V1__ENVELOPE__BODY_LIST_PENDING_EFIRS;
	env.list_pending_efirs = &list;
	return reply_call(ctx, &env, &spec, json, NULL);
}

static void *wrap_sign(const submit_call *c, Envelope *env)
{
	Cctns__V1__SignEfir *r = xmalloc(sizeof(*r));

	*r = *(const Cctns__V1__SignEfir *)c->doc;
	r->idempotency_key = c->key;
	r->fir_number = (char *)c->fir_number;
	env->body_case = CCTNS__V1__ENVELOPE__BODY_SIGN_EFIR;
	env->sign_efir = r;
	return r;
}

static void print_sign_answer(FILE *out, const ProtobufCMessage *m,
                              const char *key_hex)
{
	print_efir_sign_receipt(out, (const Cctns__V1__EfirSignReceipt *)m,
	                        key_hex);
}

static const char *const sign_own[] = {"idempotency_key", "fir_number", NULL};
static const char *const sign_strip[] = {"sign_efir.", NULL};

const submit_kind efir_sign_kind = {
        .noun = "e-FIR signature",
        .doc = &cctns__v1__sign_efir__descriptor,
        .own = sign_own,
        .fir_number_arg = 1,
        .wrap = wrap_sign,
        .reply = {.answer = CCTNS__V1__ENVELOPE__BODY_EFIR_SIGN_RECEIPT,
                  .noun = "a signature receipt",
                  .print = print_sign_answer,
                  .strip = sign_strip},
};

int cmd_efir_sign(const command *self, cli_ctx *ctx, int argc, char **argv)
{
	return submit_run(&efir_sign_kind, self, ctx, argc, argv);
}

int cmd_efir_new_signature(const command *self, cli_ctx *ctx, int argc,
                           char **argv)
{
	return form_run(&efir_sign_kind, self, ctx, argc, argv);
}
