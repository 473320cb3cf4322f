/* cmd_public_copy.c (sealed): cctns fir public-copy NUMBER: the copy of an
 * FIR a citizen or the public portal may get, printed like the paper form
 * under a heading that says what it is, as JSON, or as a PDF. The server
 * leaves out phone numbers, the accused's address, passports, birth dates
 * and person numbers, and refuses a case with a sealed identity (exit 4,
 * the law named). */
#include <stdio.h>

#include "commands.h"
#include "print_fir.h"
#include "reply.h"
#include "util.h"

static void print_public_copy(FILE *out, const ProtobufCMessage *m,
                              const char *key_hex)
{
	(void)key_hex;
	fputs("PUBLIC COPY: no phone numbers, no address of the accused, no "
	      "dates of birth\n\n",
	      out);
	print_fir(out, (const Cctns__V1__Fir *)m);
}

int cmd_fir_public_copy(const command *self, cli_ctx *ctx, int argc,
                        char **argv)
{
	int json = 0, rc;
	const cli_opt opts[] = {{"--json", NULL, &json}, CLI_OPT_PDF(ctx)};
	char *pos[1], not_found[96];
	Cctns__V1__GetPublicFirCopy get = CCTNS__V1__GET_PUBLIC_FIR_COPY__INIT;
	Envelope env = CCTNS__V1__ENVELOPE__INIT;
	const reply_spec spec = {.answer = CCTNS__V1__ENVELOPE__BODY_FIR,
	                         .noun = "an FIR",
	                         .print = print_public_copy,
	                         .not_found = not_found};

	if (cli_parse(self, ctx, argc, argv, opts, ARRAY_LEN(opts), pos, 1, 1,
	              &rc) < 0)
		return rc;
	rc = cli_fir_arg(pos[0], not_found, sizeof(not_found));
	if (rc != 0)
		return rc;
	get.fir_number = pos[0];
	env.body_case = CCTNS__V1__ENVELOPE__BODY_GET_PUBLIC_FIR_COPY;
	env.get_public_fir_copy = &get;
	return reply_call(ctx, &env, &spec, json, NULL);
}
