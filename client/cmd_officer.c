/* cmd_officer.c (signin): cctns login, logout, whoami. An officer signs in
 * on top of this terminal's certificate with the officer number and
 * password (and a one-time code when the officer has one); the server
 * gives a session token, kept in [officer] session_file (mode 0600) and
 * sent in Hello by every later command. The password is read from a file
 * or the terminal without echo, never from the command line, and wiped
 * after use. */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <termios.h>
#include <unistd.h>

#include <openssl/crypto.h>

#include "commands.h"
#include "pbjson.h"
#include "util.h"

#define SC(x)    CCTNS__V1__STATUS_CODE__STATUS_CODE_##x
#define PASS_MAX 1024

/* One line from file, or from the terminal (echo off when secret). Returns
 * its length or -1 (message printed). */
static long read_line(const char *file, const char *prompt, int secret,
                      char *buf, size_t bufsz)
{
	FILE *f = file ? fopen(file, "r") : fopen("/dev/tty", "r+");
	struct termios old, quiet;
	int tty = 0;

	if (!f) {
		fprintf(stderr, "%s: cannot open %s: %s\n", PROG,
		        file ? file : "the terminal (use --password-file)",
		        strerror(errno));
		return -1;
	}
	if (!file) {
		if (secret && tcgetattr(fileno(f), &old) == 0) {
			quiet = old;
			quiet.c_lflag &= ~(tcflag_t)ECHO;
			tty = tcsetattr(fileno(f), TCSAFLUSH, &quiet) == 0;
		}
		fputs(prompt, f);
		fflush(f);
	}
	if (!fgets(buf, (int)bufsz, f))
		buf[0] = '\0';
	if (tty) {
		tcsetattr(fileno(f), TCSAFLUSH, &old);
		fputc('\n', f);
	}
	fclose(f);
	buf[strcspn(buf, "\r\n")] = '\0';
	return (long)strlen(buf);
}

static void print_officer(const Cctns__V1__SignedInOfficer *o)
{
	printf("Officer    %s %s (%s)\n", o->rank, o->name, o->officer_no);
	printf("Roles      ");
	for (size_t i = 0; i < o->n_roles; i++)
		printf("%s%s", i ? ", " : "", o->roles[i]);
	printf("\nMay        ");
	for (size_t i = 0; i < o->n_permissions; i++)
		printf("%s%s", i ? ", " : "", o->permissions[i]);
	printf("\nSession    locks after %u minutes idle\n",
	       (o->idle_timeout_seconds + 59) / 60);
}

/* Send SignIn; on a request for a one-time code with none given, ask and
 * send again. Returns the answer (caller frees) or NULL with err. */
static Envelope *sign_in(term_conn *conn, Cctns__V1__SignIn *si, int ask_otp,
                         term_error *err)
{
	Envelope req = CCTNS__V1__ENVELOPE__INIT, *resp = NULL;
	char otp[16];

	req.body_case = CCTNS__V1__ENVELOPE__BODY_SIGN_IN;
	req.sign_in = si;
	if (term_call(conn, &req, &resp, err) < 0)
		return NULL;
	if (ask_otp && resp->body_case == CCTNS__V1__ENVELOPE__BODY_STATUS &&
	    resp->status->code == SC(UNAUTHENTICATED) && resp->status->field &&
	    strcmp(resp->status->field, "otp") == 0) {
		envelope_free(resp);
		resp = NULL;
		if (read_line(NULL, "One-time code: ", 0, otp, sizeof(otp)) < 0)
			return NULL;
		si->otp = otp;
		req.request_id = 0;
		if (term_call(conn, &req, &resp, err) < 0)
			resp = NULL;
		si->otp = (char *)"";
	}
	return resp;
}

int cmd_login(const command *self, cli_ctx *ctx, int argc, char **argv)
{
	const char *officer = NULL, *pwfile = NULL, *otp = NULL;
	const cli_opt opts[] = {{"--officer", &officer, NULL},
	                        {"--password-file", &pwfile, NULL},
	                        {"--otp", &otp, NULL}};
	Cctns__V1__SignIn si = CCTNS__V1__SIGN_IN__INIT;
	char number[64], pw[PASS_MAX + 2];
	Envelope *resp = NULL;
	term_error err;
	term_conn *conn;
	int rc;

	if (cli_parse(self, ctx, argc, argv, opts, ARRAY_LEN(opts), NULL, 0, 0,
	              &rc) < 0)
		return rc;
	if (!officer) {
		if (read_line(NULL, "Officer number: ", 0, number,
		              sizeof(number)) <= 0)
			return 2;
		officer = number;
	}
	if (read_line(pwfile, "Password: ", 1, pw, sizeof(pw)) <= 0) {
		fprintf(stderr, "%s: no password given\n", PROG);
		return 2;
	}
	si.officer_no = (char *)officer;
	si.password = pw;
	si.otp = (char *)(otp ? otp : "");
	ctx->outbox_busy = 1; /* deliver queued writes once signed in */
	conn = cli_connect(ctx, &err);
	if (conn)
		resp = sign_in(conn, &si, !otp && !pwfile, &err);
	OPENSSL_cleanse(pw, sizeof(pw));
	if (!resp) {
		term_close(conn);
		return cli_report(&err);
	}
	if (resp->body_case == CCTNS__V1__ENVELOPE__BODY_STATUS) {
		term_error_from_status(resp->status, &err);
		rc = cli_report(&err);
	} else if (resp->body_case != CCTNS__V1__ENVELOPE__BODY_SIGNED_IN ||
	           resp->signed_in->session_token.len != TERM_TOKEN_LEN ||
	           !resp->signed_in->officer) {
		term_fail(&err, TERM_ERR_INTERNAL,
		          "the server answered SignIn with %s",
		          envelope_body_name(resp));
		rc = cli_report(&err);
	} else if (term_session_write(&ctx->cfg,
	                              resp->signed_in->session_token.data,
	                              officer, &err) < 0) {
		rc = cli_report(&err);
	} else {
		printf("Signed in.\n");
		print_officer(resp->signed_in->officer);
		rc = 0;
	}
	if (resp->body_case == CCTNS__V1__ENVELOPE__BODY_SIGNED_IN)
		OPENSSL_cleanse(resp->signed_in->session_token.data,
		                resp->signed_in->session_token.len);
	envelope_free(resp);
	term_close(conn);
	return rc;
}

int cmd_logout(const command *self, cli_ctx *ctx, int argc, char **argv)
{
	Cctns__V1__SignOut so = CCTNS__V1__SIGN_OUT__INIT;
	Envelope req = CCTNS__V1__ENVELOPE__INIT, *resp = NULL;
	term_error err;
	term_conn *conn;
	int rc;

	if (cli_parse(self, ctx, argc, argv, NULL, 0, NULL, 0, 0, &rc) < 0)
		return rc;
	ctx->outbox_busy = 1;
	conn = cli_connect(ctx, &err);
	if (!conn)
		return cli_report(&err);
	req.body_case = CCTNS__V1__ENVELOPE__BODY_SIGN_OUT;
	req.sign_out = &so;
	rc = term_call(conn, &req, &resp, &err);
	term_close(conn);
	/* Forget the token whatever the answer: it is no use any more. */
	term_session_forget(&ctx->cfg);
	if (rc < 0)
		return cli_report(&err);
	if (resp->body_case == CCTNS__V1__ENVELOPE__BODY_STATUS &&
	    resp->status->code != SC(UNAUTHENTICATED)) {
		term_error_from_status(resp->status, &err);
		envelope_free(resp);
		return cli_report(&err);
	}
	envelope_free(resp);
	printf("Signed out.\n");
	return 0;
}

int cmd_whoami(const command *self, cli_ctx *ctx, int argc, char **argv)
{
	int json = 0, rc;
	const cli_opt opts[] = {{"--json", NULL, &json}};
	Cctns__V1__WhoAmI w = CCTNS__V1__WHO_AM_I__INIT;
	Envelope req = CCTNS__V1__ENVELOPE__INIT, *resp = NULL;
	term_error err;
	term_conn *conn;

	if (cli_parse(self, ctx, argc, argv, opts, 1, NULL, 0, 0, &rc) < 0)
		return rc;
	conn = cli_connect(ctx, &err);
	if (!conn)
		return cli_report(&err);
	req.body_case = CCTNS__V1__ENVELOPE__BODY_WHO_AM_I;
	req.who_am_i = &w;
	rc = term_call(conn, &req, &resp, &err);
	term_close(conn);
	if (rc < 0)
		return cli_report(&err);
	if (resp->body_case == CCTNS__V1__ENVELOPE__BODY_STATUS) {
		term_error_from_status(resp->status, &err);
		rc = cli_report(&err);
	} else if (resp->body_case !=
	           CCTNS__V1__ENVELOPE__BODY_SIGNED_IN_OFFICER) {
		term_fail(&err, TERM_ERR_INTERNAL,
		          "the server answered WhoAmI with %s",
		          envelope_body_name(resp));
		rc = cli_report(&err);
	} else if (json) {
		char *text = pbjson_format(&resp->signed_in_officer->base,
		                           PBJSON_PRETTY);
		printf("%s\n", text);
		free(text);
	} else {
		print_officer(resp->signed_in_officer);
	}
	envelope_free(resp);
	return rc;
}
