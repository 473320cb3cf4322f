/* cmd_fir_show.c: cctns fir show NUMBER: fetch one FIR of this station and
 * print it like the paper form, or as JSON. */
#include <ctype.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "commands.h"
#include "pbjson.h"
#include "print_fir.h"
#include "util.h"

/* 1 to 6 digits, "/", a 4-digit year: "42/2026", "0042/2026". */
static int looks_like_fir_number(const char *s)
{
	size_t n = 0, y = 0;

	while (isdigit((unsigned char)s[n]))
		n++;
	if (n < 1 || n > 6 || s[n] != '/')
		return 0;
	while (isdigit((unsigned char)s[n + 1 + y]))
		y++;
	return y == 4 && s[n + 1 + y] == '\0';
}

static int print_answer(const Envelope *resp, const char *number, int json)
{
	term_error err;

	if (resp->body_case == CCTNS__V1__ENVELOPE__BODY_FIR) {
		if (json) {
			char *text =
			        pbjson_format(&resp->fir->base, PBJSON_PRETTY);
			printf("%s\n", text);
			free(text);
		} else {
			print_fir(stdout, resp->fir);
		}
		return 0;
	}
	if (resp->body_case == CCTNS__V1__ENVELOPE__BODY_STATUS) {
		term_error_from_status(resp->status, &err);
		if (err.kind == TERM_ERR_NOT_FOUND && !*resp->status->message)
			term_fail(&err, TERM_ERR_NOT_FOUND,
			          "no FIR %s at this station", number);
		return cli_report(&err);
	}
	term_fail(&err, TERM_ERR_INTERNAL,
	          "the server answered with %s instead of an FIR",
	          envelope_body_name(resp));
	return cli_report(&err);
}

int cmd_fir_show(const command *self, cli_ctx *ctx, int argc, char **argv)
{
	int json = 0, rc;
	const cli_opt opts[] = {{"--json", NULL, &json}};
	char *pos[1];
	Cctns__V1__GetFir get = CCTNS__V1__GET_FIR__INIT;
	Envelope env = CCTNS__V1__ENVELOPE__INIT, *resp = NULL;
	term_error err;
	term_conn *conn;

	if (cli_parse(self, ctx, argc, argv, opts, ARRAY_LEN(opts), pos, 1, 1,
	              &rc) < 0)
		return rc;
	if (!looks_like_fir_number(pos[0])) {
		fprintf(stderr,
		        "%s: \"%s\" is not an FIR number: write it like "
		        "42/2026\n",
		        PROG, pos[0]);
		return 2;
	}
	get.fir_number = pos[0];
	env.body_case = CCTNS__V1__ENVELOPE__BODY_GET_FIR;
	env.get_fir = &get;
	conn = cli_connect(ctx, &err);
	if (!conn)
		return cli_report(&err);
	if (term_call(conn, &env, &resp, &err) < 0) {
		term_close(conn);
		return cli_report(&err);
	}
	term_close(conn);
	rc = print_answer(resp, pos[0], json);
	envelope_free(resp);
	return rc;
}
