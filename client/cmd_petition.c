/* cmd_petition.c: the petition and complaint register: cctns petition
 * register FILE gives the acknowledgement number; petition assign, report
 * and dispose NUMBER FILE take a petition through its enquiry to its
 * disposal (closed, converted into an FIR, transferred), every one on the
 * path every write takes (submit.c); petition show NUMBER prints the
 * register's page with the history. The same papers filled in field by
 * field (form_cmd.h): petition new, and petition new-assignment,
 * new-report, new-disposal NUMBER. */
#include <stdio.h>

#include "commands.h"
#include "form_cmd.h"
#include "form_kinds.h"
#include "print_petition.h"
#include "register_arg.h"
#include "reply.h"
#include "submit.h"
#include "util.h"

static void print_receipt_answer(FILE *out, const ProtobufCMessage *m,
                                 const char *key_hex)
{
	print_petition_receipt(out, (const Cctns__V1__PetitionReceipt *)m,
	                       key_hex);
}

static void print_step_answer(FILE *out, const ProtobufCMessage *m,
                              const char *key_hex)
{
	print_petition_step(out, (const Cctns__V1__PetitionRecord *)m, key_hex);
}

static void print_record_answer(FILE *out, const ProtobufCMessage *m,
                                const char *key_hex)
{
	(void)key_hex;
	print_petition(out, (const Cctns__V1__PetitionRecord *)m);
}

/* ------------------------------------------------------------ register */

static void *wrap_register(const submit_call *c, Envelope *env)
{
	Cctns__V1__RegisterPetition *r = xmalloc(sizeof(*r));

	cctns__v1__register_petition__init(r);
	r->idempotency_key = c->key;
	r->petition = (Cctns__V1__Petition *)c->doc;
	env->body_case = CCTNS__V1__ENVELOPE__BODY_REGISTER_PETITION;
	env->register_petition = r;
	return r;
}

static const char *const register_strip[] = {"register_petition.", "petition.",
                                             NULL};

/* forms: the petition as the register's page will show it, before it has
 * a number. */
static void preview_petition(FILE *out, const ProtobufCMessage *m)
{
	Cctns__V1__PetitionRecord r = CCTNS__V1__PETITION_RECORD__INIT;

	r.petition = (Cctns__V1__Petition *)m;
	print_petition(out, &r);
}

const submit_kind petition_register_kind = {
        .noun = "petition",
        .doc = &cctns__v1__petition__descriptor,
        .wrap = wrap_register,
        .reply = {.answer = CCTNS__V1__ENVELOPE__BODY_PETITION_RECEIPT,
                  .noun = "a receipt",
                  .print = print_receipt_answer,
                  .strip = register_strip},
        .preview = preview_petition,
};

int cmd_petition_register(const command *self, cli_ctx *ctx, int argc,
                          char **argv)
{
	return submit_run(&petition_register_kind, self, ctx, argc, argv);
}

int cmd_petition_new(const command *self, cli_ctx *ctx, int argc, char **argv)
{
	return form_run(&petition_register_kind, self, ctx, argc, argv);
}

/* ------------------------------------------------------------ steps */

/* The steps name the petition as NUMBER before FILE, checked with words
 * for a petition (by submit.c, and form_cmd.c for the forms). */
static int petition_number(const char *arg)
{
	return register_number_arg(arg, "petition", NULL, 0);
}

/* AssignEnquiry: the document is the request without its key and number. */
static void *wrap_assign(const submit_call *c, Envelope *env)
{
	Cctns__V1__AssignEnquiry *r = xmalloc(sizeof(*r));

	*r = *(const Cctns__V1__AssignEnquiry *)c->doc;
	r->idempotency_key = c->key;
	r->petition_number = (char *)c->fir_number;
	env->body_case = CCTNS__V1__ENVELOPE__BODY_ASSIGN_ENQUIRY;
	env->assign_enquiry = r;
	return r;
}

static const char *const assign_own[] = {"idempotency_key", "petition_number",
                                         NULL};
static const char *const assign_strip[] = {"assign_enquiry.", NULL};

const submit_kind petition_assign_kind = {
        .noun = "enquiry assignment",
        .doc = &cctns__v1__assign_enquiry__descriptor,
        .own = assign_own,
        .fir_number_arg = 1,
        .check_number = petition_number,
        .number_noun = "petition",
        .wrap = wrap_assign,
        .reply = {.answer = CCTNS__V1__ENVELOPE__BODY_PETITION_RECORD,
                  .noun = "a petition",
                  .print = print_step_answer,
                  .strip = assign_strip},
};

int cmd_petition_assign(const command *self, cli_ctx *ctx, int argc,
                        char **argv)
{
	return submit_run(&petition_assign_kind, self, ctx, argc, argv);
}

static void *wrap_report(const submit_call *c, Envelope *env)
{
	Cctns__V1__ReportEnquiry *r = xmalloc(sizeof(*r));

	cctns__v1__report_enquiry__init(r);
	r->idempotency_key = c->key;
	r->petition_number = (char *)c->fir_number;
	r->report = (Cctns__V1__PetitionEnquiryReport *)c->doc;
	env->body_case = CCTNS__V1__ENVELOPE__BODY_REPORT_ENQUIRY;
	env->report_enquiry = r;
	return r;
}

static const char *const report_strip[] = {"report_enquiry.", "report.", NULL};

const submit_kind petition_report_kind = {
        .noun = "enquiry report",
        .doc = &cctns__v1__petition_enquiry_report__descriptor,
        .fir_number_arg = 1,
        .check_number = petition_number,
        .number_noun = "petition",
        .wrap = wrap_report,
        .reply = {.answer = CCTNS__V1__ENVELOPE__BODY_PETITION_RECORD,
                  .noun = "a petition",
                  .print = print_step_answer,
                  .strip = report_strip},
};

int cmd_petition_report(const command *self, cli_ctx *ctx, int argc,
                        char **argv)
{
	return submit_run(&petition_report_kind, self, ctx, argc, argv);
}

static void *wrap_dispose(const submit_call *c, Envelope *env)
{
	Cctns__V1__DisposePetition *r = xmalloc(sizeof(*r));

	cctns__v1__dispose_petition__init(r);
	r->idempotency_key = c->key;
	r->petition_number = (char *)c->fir_number;
	r->disposal = (Cctns__V1__PetitionDisposal *)c->doc;
	env->body_case = CCTNS__V1__ENVELOPE__BODY_DISPOSE_PETITION;
	env->dispose_petition = r;
	return r;
}

static const char *const dispose_strip[] = {"dispose_petition.", "disposal.",
                                            NULL};

const submit_kind petition_dispose_kind = {
        .noun = "disposal",
        .doc = &cctns__v1__petition_disposal__descriptor,
        .fir_number_arg = 1,
        .check_number = petition_number,
        .number_noun = "petition",
        .wrap = wrap_dispose,
        .reply = {.answer = CCTNS__V1__ENVELOPE__BODY_PETITION_RECORD,
                  .noun = "a petition",
                  .print = print_step_answer,
                  .strip = dispose_strip},
};

int cmd_petition_dispose(const command *self, cli_ctx *ctx, int argc,
                         char **argv)
{
	return submit_run(&petition_dispose_kind, self, ctx, argc, argv);
}

int cmd_petition_new_assignment(const command *self, cli_ctx *ctx, int argc,
                                char **argv)
{
	return form_run(&petition_assign_kind, self, ctx, argc, argv);
}

int cmd_petition_new_report(const command *self, cli_ctx *ctx, int argc,
                            char **argv)
{
	return form_run(&petition_report_kind, self, ctx, argc, argv);
}

int cmd_petition_new_disposal(const command *self, cli_ctx *ctx, int argc,
                              char **argv)
{
	return form_run(&petition_dispose_kind, self, ctx, argc, argv);
}

/* ------------------------------------------------------------ show */

int cmd_petition_show(const command *self, cli_ctx *ctx, int argc, char **argv)
{
	int json = 0, rc;
	const cli_opt opts[] = {{"--json", NULL, &json}};
	char *pos[1], not_found[96];
	Cctns__V1__GetPetition get = CCTNS__V1__GET_PETITION__INIT;
	Envelope env = CCTNS__V1__ENVELOPE__INIT;
	const reply_spec spec = {
	        .answer = CCTNS__V1__ENVELOPE__BODY_PETITION_RECORD,
	        .noun = "a petition",
	        .print = print_record_answer,
	        .not_found = not_found};

	if (cli_parse(self, ctx, argc, argv, opts, ARRAY_LEN(opts), pos, 1, 1,
	              &rc) < 0)
		return rc;
	rc = register_number_arg(pos[0], "petition", not_found,
	                         sizeof(not_found));
	if (rc != 0)
		return rc;
	get.petition_number = pos[0];
	env.body_case = CCTNS__V1__ENVELOPE__BODY_GET_PETITION;
	env.get_petition = &get;
	return reply_call(ctx, &env, &spec, json, NULL);
}
