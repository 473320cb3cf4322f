/* cmd_final_report.c: the final report of an investigation (IIF-V):
 * cctns final-report file NUMBER FILE.json|- files one on the path every
 * write takes (submit.c); cctns final-report new NUMBER fills it in field
 * by field (form_cmd.h); cctns final-report show NUMBER [REPORT_NO] prints
 * one like the paper form. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "commands.h"
#include "form_cmd.h"
#include "form_kinds.h"
#include "print_court.h"
#include "reply.h"
#include "submit.h"
#include "util.h"

#define REPORT_NO_MAX 999

static void *wrap_report(const submit_call *c, Envelope *env)
{
	Cctns__V1__FileFinalReport *r = xmalloc(sizeof(*r));

	cctns__v1__file_final_report__init(r);
	r->idempotency_key = c->key;
	r->fir_number = (char *)c->fir_number;
	r->report = (Cctns__V1__FinalReport *)c->doc;
	env->body_case = CCTNS__V1__ENVELOPE__BODY_FILE_FINAL_REPORT;
	env->file_final_report = r;
	return r;
}

static void print_receipt_answer(FILE *out, const ProtobufCMessage *m,
                                 const char *key_hex)
{
	print_final_report_receipt(
	        out, (const Cctns__V1__FinalReportReceipt *)m, key_hex);
}

static const char *const report_strip[] = {"file_final_report.", "report.",
                                           NULL};

/* forms: the report as it will print, before it has a number. */
static void preview_report(FILE *out, const ProtobufCMessage *m)
{
	Cctns__V1__FinalReportRecord r = CCTNS__V1__FINAL_REPORT_RECORD__INIT;

	r.report = (Cctns__V1__FinalReport *)m;
	print_final_report(out, &r);
}

const submit_kind final_report_file_kind = {
        .noun = "final report",
        .doc = &cctns__v1__final_report__descriptor,
        .fir_number_arg = 1,
        .wrap = wrap_report,
        .reply = {.answer = CCTNS__V1__ENVELOPE__BODY_FINAL_REPORT_RECEIPT,
                  .noun = "a receipt",
                  .print = print_receipt_answer,
                  .strip = report_strip},
        .preview = preview_report,
};

int cmd_final_report_file(const command *self, cli_ctx *ctx, int argc,
                          char **argv)
{
	return submit_run(&final_report_file_kind, self, ctx, argc, argv);
}

int cmd_final_report_new(const command *self, cli_ctx *ctx, int argc,
                         char **argv)
{
	return form_run(&final_report_file_kind, self, ctx, argc, argv);
}

static void print_report(FILE *out, const ProtobufCMessage *m,
                         const char *key_hex)
{
	(void)key_hex;
	print_final_report(out, (const Cctns__V1__FinalReportRecord *)m);
}

/* REPORT_NO: 1..999. Returns it, or 0 after printing why. */
static uint32_t report_no_arg(const char *arg)
{
	char *end;
	unsigned long n = strtoul(arg, &end, 10);

	if (arg[0] < '0' || arg[0] > '9' || *end || n < 1 ||
	    n > REPORT_NO_MAX) {
		fprintf(stderr,
		        "%s: REPORT_NO is the number of a final report of the "
		        "case: 1 for the original, 2.. for supplementary "
		        "ones; got \"%s\"\n",
		        PROG, arg);
		return 0;
	}
	return (uint32_t)n;
}

int cmd_final_report_show(const command *self, cli_ctx *ctx, int argc,
                          char **argv)
{
	int json = 0, rc;
	const cli_opt opts[] = {{"--json", NULL, &json}};
	char *pos[2] = {NULL, NULL}, not_found[128];
	Cctns__V1__GetFinalReport get = CCTNS__V1__GET_FINAL_REPORT__INIT;
	Envelope env = CCTNS__V1__ENVELOPE__INIT;
	const reply_spec spec = {
	        .answer = CCTNS__V1__ENVELOPE__BODY_FINAL_REPORT_RECORD,
	        .noun = "a final report",
	        .print = print_report,
	        .not_found = not_found};

	if (cli_parse(self, ctx, argc, argv, opts, ARRAY_LEN(opts), pos, 1, 2,
	              &rc) < 0)
		return rc;
	rc = cli_fir_arg(pos[0], not_found, sizeof(not_found));
	if (rc != 0)
		return rc;
	if (pos[1]) {
		get.report_no = report_no_arg(pos[1]);
		if (!get.report_no)
			return 2;
	}
	get.fir_number = pos[0];
	env.body_case = CCTNS__V1__ENVELOPE__BODY_GET_FINAL_REPORT;
	env.get_final_report = &get;
	return reply_call(ctx, &env, &spec, json, NULL);
}
