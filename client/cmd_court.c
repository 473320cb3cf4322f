/* cmd_court.c: what the courts decide in a case: cctns court disposal
 * NUMBER FILE (IIF-VI), cctns court appeal NUMBER FILE and cctns court
 * appeal-result NUMBER FILE (IIF-VII), each on the path every write takes
 * (submit.c); the same filled in field by field (form_cmd.h): cctns court
 * new-disposal, new-appeal, new-appeal-result NUMBER; and cctns court show
 * NUMBER, the record laid out like the forms. */
#include <stdio.h>

#include "commands.h"
#include "form_cmd.h"
#include "form_kinds.h"
#include "print_court.h"
#include "reply.h"
#include "submit.h"
#include "util.h"

static void print_receipt_answer(FILE *out, const ProtobufCMessage *m,
                                 const char *key_hex)
{
	print_court_receipt(out, (const Cctns__V1__CourtReceipt *)m, key_hex);
}

#define COURT_REPLY(prefixes)                                                  \
	{                                                                      \
		.answer = CCTNS__V1__ENVELOPE__BODY_COURT_RECEIPT,             \
		.noun = "a receipt", .print = print_receipt_answer,            \
		.strip = prefixes                                              \
	}

/* ------------------------------------------------------------ disposal */

static void *wrap_disposal(const submit_call *c, Envelope *env)
{
	Cctns__V1__RecordCourtDisposal *r = xmalloc(sizeof(*r));

	cctns__v1__record_court_disposal__init(r);
	r->idempotency_key = c->key;
	r->fir_number = (char *)c->fir_number;
	r->disposal = (Cctns__V1__CourtDisposal *)c->doc;
	env->body_case = CCTNS__V1__ENVELOPE__BODY_RECORD_COURT_DISPOSAL;
	env->record_court_disposal = r;
	return r;
}

static const char *const disposal_strip[] = {"record_court_disposal.",
                                             "disposal.", NULL};

/* forms: each paper as the court record will print it. */
static void preview_disposal(FILE *out, const ProtobufCMessage *m)
{
	Cctns__V1__CourtRecord r = CCTNS__V1__COURT_RECORD__INIT;

	r.disposal = (Cctns__V1__CourtDisposal *)m;
	print_court_record(out, &r);
}

const submit_kind court_disposal_kind = {
        .noun = "court disposal",
        .doc = &cctns__v1__court_disposal__descriptor,
        .fir_number_arg = 1,
        .wrap = wrap_disposal,
        .reply = COURT_REPLY(disposal_strip),
        .preview = preview_disposal,
};

int cmd_court_disposal(const command *self, cli_ctx *ctx, int argc, char **argv)
{
	return submit_run(&court_disposal_kind, self, ctx, argc, argv);
}

int cmd_court_new_disposal(const command *self, cli_ctx *ctx, int argc,
                           char **argv)
{
	return form_run(&court_disposal_kind, self, ctx, argc, argv);
}

/* ------------------------------------------------------------ appeal */

static void *wrap_appeal(const submit_call *c, Envelope *env)
{
	Cctns__V1__FileAppeal *r = xmalloc(sizeof(*r));

	cctns__v1__file_appeal__init(r);
	r->idempotency_key = c->key;
	r->fir_number = (char *)c->fir_number;
	r->appeal = (Cctns__V1__Appeal *)c->doc;
	env->body_case = CCTNS__V1__ENVELOPE__BODY_FILE_APPEAL;
	env->file_appeal = r;
	return r;
}

static const char *const appeal_strip[] = {"file_appeal.", "appeal.", NULL};

static void preview_appeal(FILE *out, const ProtobufCMessage *m)
{
	Cctns__V1__CourtRecord r = CCTNS__V1__COURT_RECORD__INIT;

	r.appeal = (Cctns__V1__Appeal *)m;
	print_court_record(out, &r);
}

const submit_kind court_appeal_kind = {
        .noun = "appeal",
        .doc = &cctns__v1__appeal__descriptor,
        .fir_number_arg = 1,
        .wrap = wrap_appeal,
        .reply = COURT_REPLY(appeal_strip),
        .preview = preview_appeal,
};

int cmd_court_appeal(const command *self, cli_ctx *ctx, int argc, char **argv)
{
	return submit_run(&court_appeal_kind, self, ctx, argc, argv);
}

int cmd_court_new_appeal(const command *self, cli_ctx *ctx, int argc,
                         char **argv)
{
	return form_run(&court_appeal_kind, self, ctx, argc, argv);
}

/* ------------------------------------------------------------ result */

static void *wrap_result(const submit_call *c, Envelope *env)
{
	Cctns__V1__RecordAppealResult *r = xmalloc(sizeof(*r));

	cctns__v1__record_appeal_result__init(r);
	r->idempotency_key = c->key;
	r->fir_number = (char *)c->fir_number;
	r->result = (Cctns__V1__AppealResult *)c->doc;
	env->body_case = CCTNS__V1__ENVELOPE__BODY_RECORD_APPEAL_RESULT;
	env->record_appeal_result = r;
	return r;
}

static const char *const result_strip[] = {"record_appeal_result.", "result.",
                                           NULL};

static void preview_result(FILE *out, const ProtobufCMessage *m)
{
	Cctns__V1__CourtRecord r = CCTNS__V1__COURT_RECORD__INIT;

	r.appeal_result = (Cctns__V1__AppealResult *)m;
	print_court_record(out, &r);
}

const submit_kind court_appeal_result_kind = {
        .noun = "result of appeal",
        .doc = &cctns__v1__appeal_result__descriptor,
        .fir_number_arg = 1,
        .wrap = wrap_result,
        .reply = COURT_REPLY(result_strip),
        .preview = preview_result,
};

int cmd_court_appeal_result(const command *self, cli_ctx *ctx, int argc,
                            char **argv)
{
	return submit_run(&court_appeal_result_kind, self, ctx, argc, argv);
}

int cmd_court_new_appeal_result(const command *self, cli_ctx *ctx, int argc,
                                char **argv)
{
	return form_run(&court_appeal_result_kind, self, ctx, argc, argv);
}

/* ------------------------------------------------------------ show */

static void print_record(FILE *out, const ProtobufCMessage *m,
                         const char *key_hex)
{
	(void)key_hex;
	print_court_record(out, (const Cctns__V1__CourtRecord *)m);
}

int cmd_court_show(const command *self, cli_ctx *ctx, int argc, char **argv)
{
	int json = 0, rc;
	const cli_opt opts[] = {{"--json", NULL, &json}};
	char *pos[1], not_found[96];
	Cctns__V1__GetCourtRecord get = CCTNS__V1__GET_COURT_RECORD__INIT;
	Envelope env = CCTNS__V1__ENVELOPE__INIT;
	const reply_spec spec = {.answer =
	                                 CCTNS__V1__ENVELOPE__BODY_COURT_RECORD,
	                         .noun = "a court record",
	                         .print = print_record,
	                         .not_found = not_found};

	if (cli_parse(self, ctx, argc, argv, opts, ARRAY_LEN(opts), pos, 1, 1,
	              &rc) < 0)
		return rc;
	rc = cli_fir_arg(pos[0], not_found, sizeof(not_found));
	if (rc != 0)
		return rc;
	get.fir_number = pos[0];
	env.body_case = CCTNS__V1__ENVELOPE__BODY_GET_COURT_RECORD;
	env.get_court_record = &get;
	return reply_call(ctx, &env, &spec, json, NULL);
}
