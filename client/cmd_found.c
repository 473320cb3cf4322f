/* cmd_found.c: the found persons register (search, slice 8): cctns found
 * register FILE.json|- records a living person found who cannot say who
 * they are, on the path every write takes (submit.c); the server matches
 * them against the missing persons of the state (cctns alerts list).
 * cctns found show NUMBER prints a report, cctns found list the station's
 * found persons not yet traced (--all: every one), cctns found traced
 * NUMBER FILE.json|- records the handing over; cctns found new fills the
 * report in field by field (form_cmd.h). */
#include <stdio.h>

#include "cmd_r2.h"
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

/* The document is the request without its key and number: a shallow copy
 * carries them, so the document is never changed. */
static void *wrap_traced(const submit_call *c, Envelope *env)
{
	Cctns__V1__MarkFoundTraced *r = xmalloc(sizeof(*r));

	*r = *(const Cctns__V1__MarkFoundTraced *)c->doc;
	r->idempotency_key = c->key;
	r->number = (char *)c->fir_number;
	env->body_case = CCTNS__V1__ENVELOPE__BODY_MARK_FOUND_TRACED;
	env->mark_found_traced = r;
	return r;
}

static void print_traced_answer(FILE *out, const ProtobufCMessage *m,
                                const char *key_hex)
{
	print_found_traced(out, (const Cctns__V1__FoundTracedReceipt *)m,
	                   key_hex);
}

static const char *const traced_own[] = {"idempotency_key", "number", NULL};
static const char *const traced_strip[] = {"mark_found_traced.", NULL};

static int found_number(const char *arg)
{
	char buf[64];

	snprintf(buf, sizeof(buf), "%s", arg);
	return r2_number_arg(buf, NULL, NOUN);
}

const submit_kind found_traced_kind = {
        .noun = "handing over",
        .doc = &cctns__v1__mark_found_traced__descriptor,
        .own = traced_own,
        .fir_number_arg = 1,
        .check_number = found_number,
        .number_noun = NOUN,
        .wrap = wrap_traced,
        .reply = {.answer = CCTNS__V1__ENVELOPE__BODY_FOUND_TRACED_RECEIPT,
                  .noun = "a receipt",
                  .print = print_traced_answer,
                  .strip = traced_strip},
};

int cmd_found_traced(const command *self, cli_ctx *ctx, int argc, char **argv)
{
	char *number = r2_first_arg(argc, argv);

	if (number && r2_number_arg(number, NULL, NOUN) != 0)
		return 2;
	return submit_run(&found_traced_kind, self, ctx, argc, argv);
}

static void print_report(FILE *out, const ProtobufCMessage *m,
                         const char *key_hex)
{
	(void)key_hex;
	print_found_person(out, (const Cctns__V1__FoundPerson *)m);
}

int cmd_found_show(const command *self, cli_ctx *ctx, int argc, char **argv)
{
	int json = 0, rc;
	const cli_opt opts[] = {{"--json", NULL, &json}};
	char *pos[1], not_found[128];
	Cctns__V1__GetFoundPerson get = CCTNS__V1__GET_FOUND_PERSON__INIT;
	Envelope env = CCTNS__V1__ENVELOPE__INIT;
	const reply_spec spec = {.answer =
	                                 CCTNS__V1__ENVELOPE__BODY_FOUND_PERSON,
	                         .noun = "a found person report",
	                         .print = print_report,
	                         .not_found = not_found};

	if (cli_parse(self, ctx, argc, argv, opts, ARRAY_LEN(opts), pos, 1, 1,
	              &rc) < 0)
		return rc;
	if (r2_number_arg(pos[0], NULL, NOUN) != 0)
		return 2;
	snprintf(not_found, sizeof(not_found),
	         "no found person report %s at this station", pos[0]);
	get.number = pos[0];
	env.body_case = CCTNS__V1__ENVELOPE__BODY_GET_FOUND_PERSON;
	env.get_found_person = &get;
	return reply_call(ctx, &env, &spec, json, NULL);
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
