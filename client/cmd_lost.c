/* cmd_lost.c: the lost property register: cctns lost register FILE records
 * a report (the path every write takes, submit.c); cctns lost new fills it
 * in field by field (form_cmd.h); cctns lost show NUMBER prints it like the
 * register. */
#include <stdio.h>

#include "commands.h"
#include "form_cmd.h"
#include "form_kinds.h"
#include "print_lost.h"
#include "register_arg.h"
#include "reply.h"
#include "submit.h"
#include "util.h"

static void *wrap_lost(const submit_call *c, Envelope *env)
{
	Cctns__V1__RegisterLostReport *r = xmalloc(sizeof(*r));

	cctns__v1__register_lost_report__init(r);
	r->idempotency_key = c->key;
	r->report = (Cctns__V1__LostReport *)c->doc;
	env->body_case = CCTNS__V1__ENVELOPE__BODY_REGISTER_LOST_REPORT;
	env->register_lost_report = r;
	return r;
}

static void print_receipt_answer(FILE *out, const ProtobufCMessage *m,
                                 const char *key_hex)
{
	print_lost_receipt(out, (const Cctns__V1__LostReportReceipt *)m,
	                   key_hex);
}

static const char *const lost_strip[] = {"register_lost_report.", "report.",
                                         NULL};

/* forms: the report as the register will show it, before it has a
 * number. */
static void preview_lost(FILE *out, const ProtobufCMessage *m)
{
	Cctns__V1__LostReportRecord r = CCTNS__V1__LOST_REPORT_RECORD__INIT;

	r.report = (Cctns__V1__LostReport *)m;
	print_lost_report(out, &r);
}

const submit_kind lost_register_kind = {
        .noun = "lost property report",
        .doc = &cctns__v1__lost_report__descriptor,
        .wrap = wrap_lost,
        .reply = {.answer = CCTNS__V1__ENVELOPE__BODY_LOST_REPORT_RECEIPT,
                  .noun = "a receipt",
                  .print = print_receipt_answer,
                  .strip = lost_strip},
        .preview = preview_lost,
};

int cmd_lost_register(const command *self, cli_ctx *ctx, int argc, char **argv)
{
	return submit_run(&lost_register_kind, self, ctx, argc, argv);
}

int cmd_lost_new(const command *self, cli_ctx *ctx, int argc, char **argv)
{
	return form_run(&lost_register_kind, self, ctx, argc, argv);
}

static void print_record_answer(FILE *out, const ProtobufCMessage *m,
                                const char *key_hex)
{
	(void)key_hex;
	print_lost_report(out, (const Cctns__V1__LostReportRecord *)m);
}

int cmd_lost_show(const command *self, cli_ctx *ctx, int argc, char **argv)
{
	int json = 0, rc;
	const cli_opt opts[] = {{"--json", NULL, &json}};
	char *pos[1], not_found[112];
	Cctns__V1__GetLostReport get = CCTNS__V1__GET_LOST_REPORT__INIT;
	Envelope env = CCTNS__V1__ENVELOPE__INIT;
	const reply_spec spec = {
	        .answer = CCTNS__V1__ENVELOPE__BODY_LOST_REPORT_RECORD,
	        .noun = "a lost property report",
	        .print = print_record_answer,
	        .not_found = not_found};

	if (cli_parse(self, ctx, argc, argv, opts, ARRAY_LEN(opts), pos, 1, 1,
	              &rc) < 0)
		return rc;
	rc = register_number_arg(pos[0], "lost property report", not_found,
	                         sizeof(not_found));
	if (rc != 0)
		return rc;
	get.report_number = pos[0];
	env.body_case = CCTNS__V1__ENVELOPE__BODY_GET_LOST_REPORT;
	env.get_lost_report = &get;
	return reply_call(ctx, &env, &spec, json, NULL);
}
