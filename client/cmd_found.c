/* cmd_found.c: the found persons register (search, slice 8): cctns found
 * register FILE.json|- records a living person found who cannot say who
 * they are, on the path every write takes (submit.c); the server matches
 * them against the missing persons of the state (cctns alerts list).
 * cctns found show NUMBER prints a report, cctns found list the station's
 * found persons not yet traced (--all: every one), cctns found traced
 * NUMBER FILE.json|- records the handing over; cctns found new fills the
 * report in field by field (form_cmd.h). */
#include <stdio.h>

#include "cmd_person_reg.h"
#include "commands.h"
#include "form_cmd.h"
#include "form_kinds.h"
#include "print_found.h"
#include "reply.h"
#include "submit.h"
#include "util.h"

#define NOUN "found person report"

static void *wrap_report(const submit_call *c, Envelope *env)
{
	Cctns__V1__RegisterFoundPerson *r = xmalloc(sizeof(*r));

	cctns__v1__register_found_person__init(r);
	r->idempotency_key = c->key;
	r->report = (Cctns__V1__FoundPersonReport *)c->doc;
	env->body_case = CCTNS__V1__ENVELOPE__BODY_REGISTER_FOUND_PERSON;
	env->register_found_person = r;
	return r;
}

static void print_receipt_answer(FILE *out, const ProtobufCMessage *m,
                                 const char *key_hex)
{
	print_found_receipt(out, (const Cctns__V1__FoundPersonReceipt *)m,
	                    key_hex);
}

static const char *const report_strip[] = {"register_found_person.", "report.",
                                           NULL};

static void preview_report(FILE *out, const ProtobufCMessage *m)
{
	Cctns__V1__FoundPerson p = CCTNS__V1__FOUND_PERSON__INIT;

	p.report = (Cctns__V1__FoundPersonReport *)m;
	print_found_person(out, &p);
}

const submit_kind found_register_kind = {
        .noun = NOUN,
        .doc = &cctns__v1__found_person_report__descriptor,
        .wrap = wrap_report,
        .reply = {.answer = CCTNS__V1__ENVELOPE__BODY_FOUND_PERSON_RECEIPT,
                  .noun = "a receipt",
                  .print = print_receipt_answer,
                  .strip = report_strip},
        .preview = preview_report,
};

int cmd_found_register(const command *self, cli_ctx *ctx, int argc, char **argv)
{
	return submit_run(&found_register_kind, self, ctx, argc, argv);
}

int cmd_found_new(const command *self, cli_ctx *ctx, int argc, char **argv)
{
	return form_run(&found_register_kind, self, ctx, argc, argv);
}

static void print_traced_answer(FILE *out, const ProtobufCMessage *m,
                                const char *key_hex)
{
	print_found_traced(out, (const Cctns__V1__FoundTracedReceipt *)m,
	                   key_hex);
}

static const char *const traced_strip[] = {"mark_found_traced.", NULL};

static int found_number(const char *arg)
{
	return person_reg_number(arg, NOUN);
}

const submit_kind found_traced_kind = {
        .noun = "handing over",
        .doc = &cctns__v1__mark_found_traced__descriptor,
        .own = person_reg_traced_own,
        .fir_number_arg = 1,
        .check_number = found_number,
        .number_noun = NOUN,
        .wrap = person_reg_wrap_traced,
        .reply = {.answer = CCTNS__V1__ENVELOPE__BODY_FOUND_TRACED_RECEIPT,
                  .noun = "a receipt",
                  .print = print_traced_answer,
                  .strip = traced_strip},
};

int cmd_found_traced(const command *self, cli_ctx *ctx, int argc, char **argv)
{
	return person_reg_traced(&found_traced_kind, self, ctx, argc, argv);
}

static void print_report(FILE *out, const ProtobufCMessage *m,
                         const char *key_hex)
{
	(void)key_hex;
	print_found_person(out, (const Cctns__V1__FoundPerson *)m);
}

static const person_reg_show show = {
        .noun = NOUN,
        .get = &cctns__v1__get_found_person__descriptor,
        .answer = CCTNS__V1__ENVELOPE__BODY_FOUND_PERSON,
        .answer_noun = "a found person report",
        .print = print_report,
};

int cmd_found_show(const command *self, cli_ctx *ctx, int argc, char **argv)
{
	return person_reg_show_run(&show, self, ctx, argc, argv);
}

static void print_list(FILE *out, const ProtobufCMessage *m,
                       const char *key_hex)
{
	(void)key_hex;
	print_found_list(out, (const Cctns__V1__FoundPersonList *)m);
}

int cmd_found_list(const command *self, cli_ctx *ctx, int argc, char **argv)
{
	int json = 0, all = 0, rc;
	const cli_opt opts[] = {{"--all", NULL, &all}, {"--json", NULL, &json}};
	Cctns__V1__ListFoundPersons q = CCTNS__V1__LIST_FOUND_PERSONS__INIT;
	Envelope env = CCTNS__V1__ENVELOPE__INIT;
	const reply_spec spec = {
	        .answer = CCTNS__V1__ENVELOPE__BODY_FOUND_PERSON_LIST,
	        .noun = "a list of found persons",
	        .print = print_list};

	if (cli_parse(self, ctx, argc, argv, opts, ARRAY_LEN(opts), NULL, 0, 0,
	              &rc) < 0)
		return rc;
	q.all = all;
	env.body_case = CCTNS__V1__ENVELOPE__BODY_LIST_FOUND_PERSONS;
	env.list_found_persons = &q;
	return reply_call(ctx, &env, &spec, json, NULL);
}
