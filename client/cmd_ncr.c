/* cmd_ncr.c: the non-cognizable report register: cctns ncr register FILE
 * records one (the path every write takes, submit.c); cctns ncr new fills
 * it in field by field (form_cmd.h); cctns ncr show NUMBER prints it like
 * the register. */
#include <stdio.h>

#include "commands.h"
#include "form_cmd.h"
#include "form_kinds.h"
#include "print_ncr.h"
#include "register_arg.h"
#include "reply.h"
#include "submit.h"
#include "util.h"

static void *wrap_ncr(const submit_call *c, Envelope *env)
{
	Cctns__V1__RegisterNcr *r = xmalloc(sizeof(*r));

	cctns__v1__register_ncr__init(r);
	r->idempotency_key = c->key;
	r->ncr = (Cctns__V1__Ncr *)c->doc;
	env->body_case = CCTNS__V1__ENVELOPE__BODY_REGISTER_NCR;
	env->register_ncr = r;
	return r;
}

static void print_receipt_answer(FILE *out, const ProtobufCMessage *m,
                                 const char *key_hex)
{
	print_ncr_receipt(out, (const Cctns__V1__NcrReceipt *)m, key_hex);
}

static const char *const ncr_strip[] = {"register_ncr.", "ncr.", NULL};

/* forms: the report as the register will show it, before it has a
 * number. */
static void preview_ncr(FILE *out, const ProtobufCMessage *m)
{
	Cctns__V1__NcrRecord r = CCTNS__V1__NCR_RECORD__INIT;

	r.ncr = (Cctns__V1__Ncr *)m;
	print_ncr(out, &r);
}

const submit_kind ncr_register_kind = {
        .noun = "NCR",
        .doc = &cctns__v1__ncr__descriptor,
        .wrap = wrap_ncr,
        .reply = {.answer = CCTNS__V1__ENVELOPE__BODY_NCR_RECEIPT,
                  .noun = "a receipt",
                  .print = print_receipt_answer,
                  .strip = ncr_strip},
        .preview = preview_ncr,
};

int cmd_ncr_register(const command *self, cli_ctx *ctx, int argc, char **argv)
{
	return submit_run(&ncr_register_kind, self, ctx, argc, argv);
}

int cmd_ncr_new(const command *self, cli_ctx *ctx, int argc, char **argv)
{
	return form_run(&ncr_register_kind, self, ctx, argc, argv);
}

static void print_record_answer(FILE *out, const ProtobufCMessage *m,
                                const char *key_hex)
{
	(void)key_hex;
	print_ncr(out, (const Cctns__V1__NcrRecord *)m);
}

int cmd_ncr_show(const command *self, cli_ctx *ctx, int argc, char **argv)
{
	int json = 0, rc;
	const cli_opt opts[] = {{"--json", NULL, &json}};
	char *pos[1], not_found[96];
	Cctns__V1__GetNcr get = CCTNS__V1__GET_NCR__INIT;
	Envelope env = CCTNS__V1__ENVELOPE__INIT;
	const reply_spec spec = {.answer = CCTNS__V1__ENVELOPE__BODY_NCR_RECORD,
	                         .noun = "an NCR",
	                         .print = print_record_answer,
	                         .not_found = not_found};

	if (cli_parse(self, ctx, argc, argv, opts, ARRAY_LEN(opts), pos, 1, 1,
	              &rc) < 0)
		return rc;
	rc = register_number_arg(pos[0], "NCR", not_found, sizeof(not_found));
	if (rc != 0)
		return rc;
	get.ncr_number = pos[0];
	env.body_case = CCTNS__V1__ENVELOPE__BODY_GET_NCR;
	env.get_ncr = &get;
	return reply_call(ctx, &env, &spec, json, NULL);
}
