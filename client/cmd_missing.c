/* cmd_missing.c: the missing persons register: cctns missing register
 * FILE.json|- records a report on the path every write takes (submit.c);
 * cctns missing show NUMBER prints it like the register; cctns missing
 * traced NUMBER FILE.json|- records that the person was found. cctns
 * missing new and missing new-tracing NUMBER fill the same in field by
 * field (form_cmd.h). */
#include <stdio.h>

#include "cmd_person_reg.h"
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

static void print_traced_answer(FILE *out, const ProtobufCMessage *m,
                                const char *key_hex)
{
	print_missing_traced(out, (const Cctns__V1__MissingTracedReceipt *)m,
	                     key_hex);
}

static const char *const traced_strip[] = {"mark_missing_traced.", NULL};

static int missing_number(const char *arg)
{
	return person_reg_number(arg, NOUN);
}

const submit_kind missing_traced_kind = {
        .noun = "tracing",
        .doc = &cctns__v1__mark_missing_traced__descriptor,
        .own = person_reg_traced_own,
        .fir_number_arg = 1,
        .check_number = missing_number,
        .number_noun = NOUN,
        .wrap = person_reg_wrap_traced,
        .reply = {.answer = CCTNS__V1__ENVELOPE__BODY_MISSING_TRACED_RECEIPT,
                  .noun = "a receipt",
                  .print = print_traced_answer,
                  .strip = traced_strip},
};

int cmd_missing_traced(const command *self, cli_ctx *ctx, int argc, char **argv)
{
	return person_reg_traced(&missing_traced_kind, self, ctx, argc, argv);
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

static const person_reg_show show = {
        .noun = NOUN,
        .get = &cctns__v1__get_missing_person__descriptor,
        .answer = CCTNS__V1__ENVELOPE__BODY_MISSING_PERSON,
        .answer_noun = "a missing person report",
        .print = print_report,
};

int cmd_missing_show(const command *self, cli_ctx *ctx, int argc, char **argv)
{
	return person_reg_show_run(&show, self, ctx, argc, argv);
}
