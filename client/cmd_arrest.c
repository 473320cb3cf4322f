/* cmd_arrest.c: the arrest / court surrender memo (IIF-III): cctns arrest
 * register NUMBER FILE.json|- records one accused's memo on the path every
 * write takes (submit.c); cctns arrest new NUMBER fills it in field by field
 * (form_cmd.h); cctns arrest show NUMBER CODE prints it like the paper form. */
#include <stdio.h>

#include "commands.h"
#include "form_cmd.h"
#include "print_arrest.h"
#include "reply.h"
#include "submit.h"
#include "util.h"

static void *wrap_arrest(const submit_call *c, Envelope *env)
{
	Cctns__V1__RegisterArrest *r = xmalloc(sizeof(*r));

	cctns__v1__register_arrest__init(r);
	r->idempotency_key = c->key;
	r->fir_number = (char *)c->fir_number;
	r->memo = (Cctns__V1__ArrestMemo *)c->doc;
	env->body_case = CCTNS__V1__ENVELOPE__BODY_REGISTER_ARREST;
	env->register_arrest = r;
	return r;
}

static void print_receipt_answer(FILE *out, const ProtobufCMessage *m,
                                 const char *key_hex)
{
	print_arrest_receipt(out, (const Cctns__V1__ArrestReceipt *)m, key_hex);
}

/* forms: the memo as it will print, before it has an accused code. */
static void preview_memo(FILE *out, const ProtobufCMessage *memo)
{
	Cctns__V1__Arrest a = CCTNS__V1__ARREST__INIT;

	a.memo = (Cctns__V1__ArrestMemo *)memo;
	print_arrest(out, &a);
}

static const char *const arrest_strip[] = {"register_arrest.", "memo.", NULL};

static const submit_kind arrest_kind = {
        .noun = "arrest memo",
        .doc = &cctns__v1__arrest_memo__descriptor,
        .fir_number_arg = 1,
        .wrap = wrap_arrest,
        .reply = {.answer = CCTNS__V1__ENVELOPE__BODY_ARREST_RECEIPT,
                  .noun = "a receipt",
                  .print = print_receipt_answer,
                  .strip = arrest_strip},
        .preview = preview_memo,
};

int cmd_arrest_register(const command *self, cli_ctx *ctx, int argc,
                        char **argv)
{
	return submit_run(&arrest_kind, self, ctx, argc, argv);
}

static void print_memo(FILE *out, const ProtobufCMessage *m,
                       const char *key_hex)
{
	(void)key_hex;
	print_arrest(out, (const Cctns__V1__Arrest *)m);
}

int cmd_arrest_new(const command *self, cli_ctx *ctx, int argc, char **argv)
{
	return form_run(&arrest_kind, self, ctx, argc, argv);
}

int cmd_arrest_show(const command *self, cli_ctx *ctx, int argc, char **argv)
{
	int json = 0, rc;
	const cli_opt opts[] = {{"--json", NULL, &json}, CLI_OPT_PDF(ctx)};
	char *pos[2], not_found[128];
	Cctns__V1__GetArrest get = CCTNS__V1__GET_ARREST__INIT;
	Envelope env = CCTNS__V1__ENVELOPE__INIT;
	const reply_spec spec = {.answer = CCTNS__V1__ENVELOPE__BODY_ARREST,
	                         .noun = "an arrest memo",
	                         .print = print_memo,
	                         .not_found = not_found};

	if (cli_parse(self, ctx, argc, argv, opts, ARRAY_LEN(opts), pos, 2, 2,
	              &rc) < 0)
		return rc;
	rc = cli_check_fir_number(pos[0]);
	if (rc == 0)
		rc = cli_check_accused_code(pos[1]);
	if (rc != 0)
		return rc;
	snprintf(not_found, sizeof(not_found),
	         "no arrest memo %s in FIR %s at this station", pos[1], pos[0]);
	get.fir_number = pos[0];
	get.accused_code = pos[1];
	env.body_case = CCTNS__V1__ENVELOPE__BODY_GET_ARREST;
	env.get_arrest = &get;
	return reply_call(ctx, &env, &spec, json, NULL);
}
