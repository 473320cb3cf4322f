/* cmd_crime_details.c: the Crime Details Form (IIF-II). cctns crime-details
 * record NUMBER FILE.json|- records a version of the form for an FIR on
 * the path every write takes (submit.c); cctns crime-details show NUMBER
 * [--version N] prints the latest version, or an earlier one, like the
 * paper form. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "commands.h"
#include "form_cmd.h"
#include "form_kinds.h"
#include "print_crime_details.h"
#include "reply.h"
#include "submit.h"
#include "util.h"

static void *wrap_details(const submit_call *c, Envelope *env)
{
	Cctns__V1__RecordCrimeDetails *r = xmalloc(sizeof(*r));

	cctns__v1__record_crime_details__init(r);
	r->idempotency_key = c->key;
	r->fir_number = (char *)c->fir_number;
	r->details = (Cctns__V1__CrimeDetails *)c->doc;
	env->body_case = CCTNS__V1__ENVELOPE__BODY_RECORD_CRIME_DETAILS;
	env->record_crime_details = r;
	return r;
}

static void print_receipt_answer(FILE *out, const ProtobufCMessage *m,
                                 const char *key_hex)
{
	print_crime_details_receipt(
	        out, (const Cctns__V1__CrimeDetailsReceipt *)m, key_hex);
}

static const char *const details_strip[] = {"record_crime_details.", "details.",
                                            NULL};

const submit_kind crime_details_record_kind = {
        .noun = "crime details",
        .doc = &cctns__v1__crime_details__descriptor,
        .fir_number_arg = 1,
        .wrap = wrap_details,
        .reply = {.answer = CCTNS__V1__ENVELOPE__BODY_CRIME_DETAILS_RECEIPT,
                  .noun = "a receipt",
                  .print = print_receipt_answer,
                  .strip = details_strip},
};

int cmd_crime_details_record(const command *self, cli_ctx *ctx, int argc,
                             char **argv)
{
	return submit_run(&crime_details_record_kind, self, ctx, argc, argv);
}

static void print_form(FILE *out, const ProtobufCMessage *m,
                       const char *key_hex)
{
	(void)key_hex;
	print_crime_details(out, (const Cctns__V1__CrimeDetailsRecord *)m);
}

/* --version N: 1..32767. 0 for the latest (no option). -1 when bad. */
static long version_arg(const char *s)
{
	if (!s)
		return 0;
	if (*s && strlen(s) <= 5 && strspn(s, "0123456789") == strlen(s) &&
	    strtol(s, NULL, 10) >= 1 && strtol(s, NULL, 10) <= 32767)
		return strtol(s, NULL, 10);
	fprintf(stderr,
	        "%s: --version takes a version number, 1 for the first "
	        "recorded; got \"%s\"\n",
	        PROG, s);
	return -1;
}

int cmd_crime_details_show(const command *self, cli_ctx *ctx, int argc,
                           char **argv)
{
	const char *version = NULL;
	int json = 0, rc;
	const cli_opt opts[] = {{"--version", &version, NULL},
	                        {"--json", NULL, &json}};
	char *pos[1], not_found[128];
	Cctns__V1__GetCrimeDetails get = CCTNS__V1__GET_CRIME_DETAILS__INIT;
	Envelope env = CCTNS__V1__ENVELOPE__INIT;
	const reply_spec spec = {
	        .answer = CCTNS__V1__ENVELOPE__BODY_CRIME_DETAILS_RECORD,
	        .noun = "crime details",
	        .print = print_form,
	        .not_found = not_found};
	long v;

	if (cli_parse(self, ctx, argc, argv, opts, ARRAY_LEN(opts), pos, 1, 1,
	              &rc) < 0)
		return rc;
	if ((rc = cli_fir_arg(pos[0], not_found, sizeof(not_found))) != 0)
		return rc;
	if ((v = version_arg(version)) < 0)
		return 2;
	get.fir_number = pos[0];
	get.version = (uint32_t)v;
	env.body_case = CCTNS__V1__ENVELOPE__BODY_GET_CRIME_DETAILS;
	env.get_crime_details = &get;
	return reply_call(ctx, &env, &spec, json, NULL);
}

int cmd_crime_details_new(const command *self, cli_ctx *ctx, int argc,
                          char **argv)
{
	return form_run(&crime_details_record_kind, self, ctx, argc, argv);
}
