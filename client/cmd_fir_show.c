/* cmd_fir_show.c: cctns fir show NUMBER: fetch one FIR of this station and
 * print it like the paper form, or as JSON. */
#include <stdio.h>

#include "commands.h"
#include "print_fir.h"
#include "reply.h"
#include "util.h"

static void print_fir_answer(FILE *out, const ProtobufCMessage *m,
                             const char *key_hex)
{
	(void)key_hex;
	print_fir(out, (const Cctns__V1__Fir *)m);
}

int cmd_fir_show(const command *self, cli_ctx *ctx, int argc, char **argv)
{
	int json = 0, rc;
	const cli_opt opts[] = {{"--json", NULL, &json}, CLI_OPT_PDF(ctx)};
	char *pos[1], not_found[96];
	Cctns__V1__GetFir get = CCTNS__V1__GET_FIR__INIT;
	Envelope env = CCTNS__V1__ENVELOPE__INIT;
	const reply_spec spec = {.answer = CCTNS__V1__ENVELOPE__BODY_FIR,
	                         .noun = "an FIR",
	                         .print = print_fir_answer,
	                         .not_found = not_found};

	if (cli_parse(self, ctx, argc, argv, opts, ARRAY_LEN(opts), pos, 1, 1,
	              &rc) < 0)
		return rc;
	rc = cli_fir_arg(pos[0], not_found, sizeof(not_found));
	if (rc != 0)
		return rc;
	get.fir_number = pos[0];
	env.body_case = CCTNS__V1__ENVELOPE__BODY_GET_FIR;
	env.get_fir = &get;
	return reply_call(ctx, &env, &spec, json, NULL);
}
