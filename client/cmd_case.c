/* cmd_case.c: the life of a case: cctns case timeline NUMBER prints its
 * status, investigating officer and every event; cctns case assign-io
 * NUMBER FILE.json|- assigns or changes the investigating officer and
 * prints the timeline that results; cctns case new-assignment NUMBER fills
 * the assignment in field by field (form_cmd.h). */
#include <stdio.h>

#include "commands.h"
#include "form_cmd.h"
#include "form_kinds.h"
#include "print_case.h"
#include "reply.h"
#include "submit.h"
#include "util.h"

static void print_timeline(FILE *out, const ProtobufCMessage *m,
                           const char *key_hex)
{
	(void)key_hex;
	print_case_timeline(out, (const Cctns__V1__CaseTimeline *)m);
}

int cmd_case_timeline(const command *self, cli_ctx *ctx, int argc, char **argv)
{
	int json = 0, rc;
	const cli_opt opts[] = {{"--json", NULL, &json}};
	char *pos[1], not_found[96];
	Cctns__V1__GetCaseTimeline get = CCTNS__V1__GET_CASE_TIMELINE__INIT;
	Envelope env = CCTNS__V1__ENVELOPE__INIT;
	const reply_spec spec = {
	        .answer = CCTNS__V1__ENVELOPE__BODY_CASE_TIMELINE,
	        .noun = "a case timeline",
	        .print = print_timeline,
	        .not_found = not_found};

	if (cli_parse(self, ctx, argc, argv, opts, ARRAY_LEN(opts), pos, 1, 1,
	              &rc) < 0)
		return rc;
	rc = cli_fir_arg(pos[0], not_found, sizeof(not_found));
	if (rc != 0)
		return rc;
	get.fir_number = pos[0];
	env.body_case = CCTNS__V1__ENVELOPE__BODY_GET_CASE_TIMELINE;
	env.get_case_timeline = &get;
	return reply_call(ctx, &env, &spec, json, NULL);
}

static void print_assigned(FILE *out, const ProtobufCMessage *m,
                           const char *key_hex)
{
	const Cctns__V1__CaseTimeline *t = (const Cctns__V1__CaseTimeline *)m;

	if (t->replayed)
		fprintf(out, "(already recorded with this key: the answer "
		             "given then)\n");
	print_case_timeline(out, t);
	fprintf(out, "idempotency key: %s\n", key_hex);
}

static void *wrap_assign(const submit_call *c, Envelope *env)
{
	Cctns__V1__AssignIo *r = xmalloc(sizeof(*r));

	*r = *(const Cctns__V1__AssignIo *)c->doc;
	r->idempotency_key = c->key;
	r->fir_number = (char *)c->fir_number;
	env->body_case = CCTNS__V1__ENVELOPE__BODY_ASSIGN_IO;
	env->assign_io = r;
	return r;
}

static const char *const assign_own[] = {"fir_number", "idempotency_key", NULL};
static const char *const assign_strip[] = {"assign_io.", NULL};

const submit_kind case_assign_io_kind = {
        .noun = "assignment",
        .doc = &cctns__v1__assign_io__descriptor,
        .own = assign_own,
        .fir_number_arg = 1,
        .wrap = wrap_assign,
        .reply = {.answer = CCTNS__V1__ENVELOPE__BODY_CASE_TIMELINE,
                  .noun = "a case timeline",
                  .print = print_assigned,
                  .strip = assign_strip},
};

/* An assignment carries an idempotency key like every write: after a lost
 * link it is sent again with the same key and answered, not refused. */
int cmd_case_assign_io(const command *self, cli_ctx *ctx, int argc, char **argv)
{
	return submit_run(&case_assign_io_kind, self, ctx, argc, argv);
}

int cmd_case_new_assignment(const command *self, cli_ctx *ctx, int argc,
                            char **argv)
{
	return form_run(&case_assign_io_kind, self, ctx, argc, argv);
}
