/* cmd_ud.c: the register of unidentified dead bodies and unnatural deaths:
 * cctns ud register FILE.json|- records one and gives its UD number; cctns
 * ud show NUMBER prints it; cctns ud identify NUMBER FILE.json|- records
 * who an unidentified body was; cctns ud new and ud new-identification
 * NUMBER fill the same in field by field (form_cmd.h). NUMBER is "UD
 * 3/2026" (quoted), "UD3/2026", "UD-3/2026" or just "3/2026". */
#include <stdio.h>

#include "cmd_r2.h"
#include "commands.h"
#include "form_cmd.h"
#include "form_kinds.h"
#include "print_ud.h"
#include "reply.h"
#include "submit.h"
#include "util.h"

#define NOUN "UD"

static void *wrap_report(const submit_call *c, Envelope *env)
{
	Cctns__V1__RegisterUnnaturalDeath *r = xmalloc(sizeof(*r));

	cctns__v1__register_unnatural_death__init(r);
	r->idempotency_key = c->key;
	r->report = (Cctns__V1__UnnaturalDeathReport *)c->doc;
	env->body_case = CCTNS__V1__ENVELOPE__BODY_REGISTER_UNNATURAL_DEATH;
	env->register_unnatural_death = r;
	return r;
}

static void print_receipt_answer(FILE *out, const ProtobufCMessage *m,
                                 const char *key_hex)
{
	print_ud_receipt(out, (const Cctns__V1__UnnaturalDeathReceipt *)m,
	                 key_hex);
}

static const char *const report_strip[] = {"register_unnatural_death.",
                                           "report.", NULL};

/* forms: the report as the register will show it, before it has a UD
 * number. */
static void preview_report(FILE *out, const ProtobufCMessage *m)
{
	Cctns__V1__UnnaturalDeath u = CCTNS__V1__UNNATURAL_DEATH__INIT;

	u.report = (Cctns__V1__UnnaturalDeathReport *)m;
	print_unnatural_death(out, &u);
}

const submit_kind ud_register_kind = {
        .noun = "unnatural death report",
        .doc = &cctns__v1__unnatural_death_report__descriptor,
        .wrap = wrap_report,
        .reply = {.answer = CCTNS__V1__ENVELOPE__BODY_UNNATURAL_DEATH_RECEIPT,
                  .noun = "a receipt",
                  .print = print_receipt_answer,
                  .strip = report_strip},
        .preview = preview_report,
};

int cmd_ud_register(const command *self, cli_ctx *ctx, int argc, char **argv)
{
	return submit_run(&ud_register_kind, self, ctx, argc, argv);
}

int cmd_ud_new(const command *self, cli_ctx *ctx, int argc, char **argv)
{
	return form_run(&ud_register_kind, self, ctx, argc, argv);
}

static void *wrap_identify(const submit_call *c, Envelope *env)
{
	Cctns__V1__IdentifyBody *r = xmalloc(sizeof(*r));

	*r = *(const Cctns__V1__IdentifyBody *)c->doc;
	r->idempotency_key = c->key;
	r->ud_number = (char *)c->fir_number;
	env->body_case = CCTNS__V1__ENVELOPE__BODY_IDENTIFY_BODY;
	env->identify_body = r;
	return r;
}

static void print_identified_answer(FILE *out, const ProtobufCMessage *m,
                                    const char *key_hex)
{
	print_ud_identified(out, (const Cctns__V1__BodyIdentifiedReceipt *)m,
	                    key_hex);
}

static const char *const identify_own[] = {"idempotency_key", "ud_number",
                                           NULL};
static const char *const identify_strip[] = {"identify_body.", NULL};

/* NUMBER once its "UD" is taken off (ud_number_first). */
static int ud_number(const char *arg)
{
	char buf[64];

	snprintf(buf, sizeof(buf), "%s", arg);
	return r2_number_arg(buf, "UD", NOUN);
}

const submit_kind ud_identify_kind = {
        .noun = "identification",
        .doc = &cctns__v1__identify_body__descriptor,
        .own = identify_own,
        .fir_number_arg = 1,
        .check_number = ud_number,
        .number_noun = NOUN,
        .wrap = wrap_identify,
        .reply = {.answer = CCTNS__V1__ENVELOPE__BODY_BODY_IDENTIFIED_RECEIPT,
                  .noun = "a receipt",
                  .print = print_identified_answer,
                  .strip = identify_strip},
};

/* NUMBER, the first argument, written without its "UD" in place. 0, or 2
 * after saying how to write it. */
static int ud_number_first(int argc, char **argv)
{
	char *number = r2_first_arg(argc, argv);

	return number ? r2_number_arg(number, "UD", NOUN) : 0;
}

int cmd_ud_identify(const command *self, cli_ctx *ctx, int argc, char **argv)
{
	if (ud_number_first(argc, argv) != 0)
		return 2;
	return submit_run(&ud_identify_kind, self, ctx, argc, argv);
}

int cmd_ud_new_identification(const command *self, cli_ctx *ctx, int argc,
                              char **argv)
{
	if (ud_number_first(argc, argv) != 0)
		return 2;
	return form_run(&ud_identify_kind, self, ctx, argc, argv);
}

static void print_report(FILE *out, const ProtobufCMessage *m,
                         const char *key_hex)
{
	(void)key_hex;
	print_unnatural_death(out, (const Cctns__V1__UnnaturalDeath *)m);
}

int cmd_ud_show(const command *self, cli_ctx *ctx, int argc, char **argv)
{
	int json = 0, rc;
	const cli_opt opts[] = {{"--json", NULL, &json}};
	char *pos[1], not_found[128];
	Cctns__V1__GetUnnaturalDeath get = CCTNS__V1__GET_UNNATURAL_DEATH__INIT;
	Envelope env = CCTNS__V1__ENVELOPE__INIT;
	const reply_spec spec = {
	        .answer = CCTNS__V1__ENVELOPE__BODY_UNNATURAL_DEATH,
	        .noun = "an unnatural death report",
	        .print = print_report,
	        .not_found = not_found};

	if (cli_parse(self, ctx, argc, argv, opts, ARRAY_LEN(opts), pos, 1, 1,
	              &rc) < 0)
		return rc;
	if (r2_number_arg(pos[0], "UD", NOUN) != 0)
		return 2;
	snprintf(not_found, sizeof(not_found), "no UD %s at this station",
	         pos[0]);
	get.ud_number = pos[0];
	env.body_case = CCTNS__V1__ENVELOPE__BODY_GET_UNNATURAL_DEATH;
	env.get_unnatural_death = &get;
	return reply_call(ctx, &env, &spec, json, NULL);
}
