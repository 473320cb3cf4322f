/* cmd_missing.c: the missing persons register: cctns missing register
 * FILE.json|- records a report on the path every write takes (submit.c);
 * cctns missing show NUMBER prints it like the register; cctns missing
 * traced NUMBER FILE.json|- records that the person was found. cctns
 * missing new and missing new-tracing NUMBER fill the same in field by
 * field (form_cmd.h). */
#include <stdio.h>

#include "cmd_r2.h"
#include "commands.h"
#include "form_cmd.h"
#include "form_kinds.h"
#include "print_missing.h"
#include "reply.h"
#include "submit.h"
#include "util.h"

#define NOUN "missing person report"

static void *wrap_report(const submit_call *c, Envelope *env)
{
	Cctns__V1__RegisterMissingPerson *r = xmalloc(sizeof(*r));

	cctns__v1__register_missing_person__init(r);
	r->idempotency_key = c->key;
	r->report = (Cctns__V1__MissingPersonReport *)c->doc;
	env->body_case = CCTNS__V1__ENVELOPE__BODY_REGISTER_MISSING_PERSON;
	env->register_missing_person = r;
	return r;
}

static void print_receipt_answer(FILE *out, const ProtobufCMessage *m,
                                 const char *key_hex)
{
	print_missing_receipt(out, (const Cctns__V1__MissingPersonReceipt *)m,
	                      key_hex);
}

static const char *const report_strip[] = {"register_missing_person.",
                                           "report.", NULL};

/* forms: the report as the register will show it, before it has a
 * number. */
static void preview_report(FILE *out, const ProtobufCMessage *m)
{
	Cctns__V1__MissingPerson p = CCTNS__V1__MISSING_PERSON__INIT;

	p.report = (Cctns__V1__MissingPersonReport *)m;
	print_missing_person(out, &p);
}

const submit_kind missing_register_kind = {
        .noun = NOUN,
        .doc = &cctns__v1__missing_person_report__descriptor,
        .wrap = wrap_report,
        .reply = {.answer = CCTNS__V1__ENVELOPE__BODY_MISSING_PERSON_RECEIPT,
                  .noun = "a receipt",
                  .print = print_receipt_answer,
                  .strip = report_strip},
        .preview = preview_report,
};

int cmd_missing_register(const command *self, cli_ctx *ctx, int argc,
                         char **argv)
{
	return submit_run(&missing_register_kind, self, ctx, argc, argv);
}

int cmd_missing_new(const command *self, cli_ctx *ctx, int argc, char **argv)
{
	return form_run(&missing_register_kind, self, ctx, argc, argv);
}

/* The document is the request without its key and number: a shallow copy
 * carries them, so the document is never changed. */
static void *wrap_traced(const submit_call *c, Envelope *env)
{
	Cctns__V1__MarkMissingTraced *r = xmalloc(sizeof(*r));

	*r = *(const Cctns__V1__MarkMissingTraced *)c->doc;
	r->idempotency_key = c->key;
	r->number = (char *)c->fir_number;
	env->body_case = CCTNS__V1__ENVELOPE__BODY_MARK_MISSING_TRACED;
	env->mark_missing_traced = r;
	return r;
}

static void print_traced_answer(FILE *out, const ProtobufCMessage *m,
                                const char *key_hex)
{
	print_missing_traced(out, (const Cctns__V1__MissingTracedReceipt *)m,
	                     key_hex);
}

static const char *const traced_own[] = {"idempotency_key", "number", NULL};
static const char *const traced_strip[] = {"mark_missing_traced.", NULL};

/* NUMBER of the report traced (checked in a copy: nothing to take off). */
static int missing_number(const char *arg)
{
	char buf[64];

	snprintf(buf, sizeof(buf), "%s", arg);
	return r2_number_arg(buf, NULL, NOUN);
}

const submit_kind missing_traced_kind = {
        .noun = "tracing",
        .doc = &cctns__v1__mark_missing_traced__descriptor,
        .own = traced_own,
        .fir_number_arg = 1,
        .check_number = missing_number,
        .number_noun = NOUN,
        .wrap = wrap_traced,
        .reply = {.answer = CCTNS__V1__ENVELOPE__BODY_MISSING_TRACED_RECEIPT,
                  .noun = "a receipt",
                  .print = print_traced_answer,
                  .strip = traced_strip},
};

int cmd_missing_traced(const command *self, cli_ctx *ctx, int argc, char **argv)
{
	char *number = r2_first_arg(argc, argv);

	if (number && r2_number_arg(number, NULL, NOUN) != 0)
		return 2;
	return submit_run(&missing_traced_kind, self, ctx, argc, argv);
}

int cmd_missing_new_tracing(const command *self, cli_ctx *ctx, int argc,
                            char **argv)
{
	return form_run(&missing_traced_kind, self, ctx, argc, argv);
}

static void print_report(FILE *out, const ProtobufCMessage *m,
                         const char *key_hex)
{
	(void)key_hex;
	print_missing_person(out, (const Cctns__V1__MissingPerson *)m);
}

int cmd_missing_show(const command *self, cli_ctx *ctx, int argc, char **argv)
{
	int json = 0, rc;
	const cli_opt opts[] = {{"--json", NULL, &json}};
	char *pos[1], not_found[128];
	Cctns__V1__GetMissingPerson get = CCTNS__V1__GET_MISSING_PERSON__INIT;
	Envelope env = CCTNS__V1__ENVELOPE__INIT;
	const reply_spec spec = {
	        .answer = CCTNS__V1__ENVELOPE__BODY_MISSING_PERSON,
	        .noun = "a missing person report",
	        .print = print_report,
	        .not_found = not_found};

	if (cli_parse(self, ctx, argc, argv, opts, ARRAY_LEN(opts), pos, 1, 1,
	              &rc) < 0)
		return rc;
	if (r2_number_arg(pos[0], NULL, NOUN) != 0)
		return 2;
	snprintf(not_found, sizeof(not_found),
	         "no missing person report %s at this station", pos[0]);
	get.number = pos[0];
	env.body_case = CCTNS__V1__ENVELOPE__BODY_GET_MISSING_PERSON;
	env.get_missing_person = &get;
	return reply_call(ctx, &env, &spec, json, NULL);
}
