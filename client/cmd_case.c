/* cmd_case.c: the life of a case: cctns case timeline NUMBER prints its
 * status, investigating officer and every event; cctns case assign-io
 * NUMBER FILE.json|- assigns or changes the investigating officer and
 * prints the timeline that results. */
#include <stdio.h>

#include "commands.h"
#include "doc.h"
#include "print_case.h"
#include "reply.h"
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

static const char *const assign_own[] = {"fir_number", NULL};
static const char *const assign_strip[] = {"assign_io.", NULL};

/* An assignment carries no idempotency key: it is sent once, and after a
 * lost link the timeline tells whether it was recorded. */
int cmd_case_assign_io(const command *self, cli_ctx *ctx, int argc, char **argv)
{
	int json = 0, rc;
	const cli_opt opts[] = {{"--json", NULL, &json}};
	char *pos[2], not_found[96], lost[160];
	Envelope env = CCTNS__V1__ENVELOPE__INIT;
	Cctns__V1__AssignIo req;
	check_error cerr;
	doc in;
	const reply_spec spec = {
	        .answer = CCTNS__V1__ENVELOPE__BODY_CASE_TIMELINE,
	        .noun = "a case timeline",
	        .print = print_timeline,
	        .not_found = not_found,
	        .strip = assign_strip,
	        .lost_hint = lost};

	if (cli_parse(self, ctx, argc, argv, opts, ARRAY_LEN(opts), pos, 2, 2,
	              &rc) < 0)
		return rc;
	rc = cli_fir_arg(pos[0], not_found, sizeof(not_found));
	if (rc != 0)
		return rc;
	snprintf(lost, sizeof(lost),
	         "the assignment may or may not have been recorded; see: %s "
	         "case timeline %s",
	         PROG, pos[0]);
	rc = doc_load(&in, pos[1], &cctns__v1__assign_io__descriptor,
	              assign_own);
	if (rc != 0)
		goto done;
	req = *(const Cctns__V1__AssignIo *)in.msg;
	req.fir_number = pos[0];
	env.body_case = CCTNS__V1__ENVELOPE__BODY_ASSIGN_IO;
	env.assign_io = &req;
	env.request_id = 1; /* checked like the server will; reassigned */
	if (envelope_check_request(&env, &cerr) < 0)
		rc = doc_error(&in, 0, doc_path(cerr.field, assign_strip),
		               cerr.message);
	else
		rc = reply_call(ctx, &env, &spec, json, &in);
done:
	doc_free(&in);
	return rc;
}
