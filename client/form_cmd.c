/* form_cmd.c: "cctns <noun> new" (see form_cmd.h): where the draft lives,
 * lookups over one lookup_link kept open while the person types (opened again
 * when the server has closed it), and the loop of review and submission: a
 * document refused as invalid goes back to the form at the field named; a
 * document that could not be sent stays in the draft with its idempotency
 * key, so sending it again never records it twice. */
#include "form_cmd.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include <openssl/rand.h>

#include "form.h"
#include "util.h"

#define DRAFT_PATH_MAX 1024

/* ------------------------------------------------------------ drafts */

static int draft_dir(char *buf, size_t n)
{
	const char *dir = getenv("CCTNS_DRAFT_DIR");
	const char *state = getenv("XDG_STATE_HOME");
	const char *home = getenv("HOME");

	if (dir && *dir)
		snprintf(buf, n, "%s", dir);
	else if (state && *state)
		snprintf(buf, n, "%s/cctns/drafts", state);
	else if (home && *home)
		snprintf(buf, n, "%s/.local/state/cctns/drafts", home);
	else
		return -1;
	return 0;
}

/* DIR/fir-new.json, DIR/arrest-new-0042-2026.json */
static int draft_path(const command *self, const char *number, char *buf,
                      size_t n)
{
	char dir[DRAFT_PATH_MAX - 128], num[32] = "";

	if (draft_dir(dir, sizeof(dir)) < 0)
		return -1;
	if (number) {
		snprintf(num, sizeof(num), "-%s", number);
		for (char *p = num; *p; p++)
			if (*p == '/')
				*p = '-';
	}
	snprintf(buf, n, "%s/%s-%s%s.json", dir,
	         self->group ? self->group : "form", self->name, num);
	return 0;
}

/* ------------------------------------------------------------ lookups */

typedef struct lookup_link {
	cli_ctx *ctx;
	term_conn *conn;
} lookup_link;

/* The RefList of a good answer into *out; else why. */
static int take_list(Envelope *resp, Cctns__V1__RefList **out, char *why,
                     size_t whysz)
{
	int rc = -1;

	if (resp->body_case == CCTNS__V1__ENVELOPE__BODY_REF_LIST &&
	    resp->ref_list) {
		*out = resp->ref_list;
		resp->ref_list = NULL;
		resp->body_case = CCTNS__V1__ENVELOPE__BODY__NOT_SET;
		rc = 0;
	} else if (resp->body_case == CCTNS__V1__ENVELOPE__BODY_STATUS) {
		snprintf(why, whysz, "%s%s%s", resp->status->field,
		         *resp->status->field ? ": " : "",
		         resp->status->message);
	} else {
		snprintf(why, whysz, "the server answered with %s",
		         envelope_body_name(resp));
	}
	envelope_free(resp);
	return rc;
}

/* A lookup is a read: on a broken or closed lookup_link it is sent once more on
 * a new one. */
static int link_lookup(void *arg, const Cctns__V1__LookupRef *q,
                       Cctns__V1__RefList **out, char *why, size_t whysz)
{
	lookup_link *l = arg;
	term_error err = {.message = "no lookup_link"};

	for (int attempt = 0; attempt < 2; attempt++) {
		Envelope env = CCTNS__V1__ENVELOPE__INIT, *resp = NULL;

		if (!l->conn && !(l->conn = cli_connect(l->ctx, &err)))
			break;
		env.body_case = CCTNS__V1__ENVELOPE__BODY_LOOKUP_REF;
		env.lookup_ref = (Cctns__V1__LookupRef *)q;
		if (term_call(l->conn, &env, &resp, &err) == 0) {
			if (resp->request_id != 0)
				return take_list(resp, out, why, whysz);
			/* about the whole lookup_link: closed for idleness */
			snprintf(
			        err.message, sizeof(err.message), "%s",
			        resp->body_case ==
			                        CCTNS__V1__ENVELOPE__BODY_STATUS
			                ? resp->status->message
			                : "the lookup_link was closed");
			envelope_free(resp);
		}
		term_close(l->conn);
		l->conn = NULL;
	}
	snprintf(why, whysz, "%s", err.message);
	return -1;
}

/* search: the persons recorded who may be the person just entered
 * (MatchPersons, the best 5), over the same link as the lookups; a read,
 * so sent once more on a new link when the old one was closed. */
static int link_match(void *arg, const Cctns__V1__Person *p,
                      Cctns__V1__PersonMatches **out, char *why, size_t whysz)
{
	lookup_link *l = arg;
	term_error err = {.message = "no link"};
	Cctns__V1__MatchPersons q = CCTNS__V1__MATCH_PERSONS__INIT;

	q.person = (Cctns__V1__Person *)p;
	q.limit = 5;
	for (int attempt = 0; attempt < 2; attempt++) {
		Envelope env = CCTNS__V1__ENVELOPE__INIT, *resp = NULL;
		int answered;

		if (!l->conn && !(l->conn = cli_connect(l->ctx, &err)))
			break;
		env.body_case = CCTNS__V1__ENVELOPE__BODY_MATCH_PERSONS;
		env.match_persons = &q;
		if (term_call(l->conn, &env, &resp, &err) == 0) {
			if (resp->request_id != 0 &&
			    resp->body_case ==
			            CCTNS__V1__ENVELOPE__BODY_PERSON_MATCHES) {
				*out = resp->person_matches;
				resp->person_matches = NULL;
				resp->body_case =
				        CCTNS__V1__ENVELOPE__BODY__NOT_SET;
				envelope_free(resp);
				return 0;
			}
			snprintf(
			        err.message, sizeof(err.message), "%s",
			        resp->body_case ==
			                        CCTNS__V1__ENVELOPE__BODY_STATUS
			                ? resp->status->message
			                : "no answer");
			answered = resp->request_id != 0;
			envelope_free(resp);
			if (answered)
				break; /* refused: asking again will not help */
		}
		term_close(l->conn);
		l->conn = NULL;
	}
	snprintf(why, whysz, "%s", err.message);
	return -1;
}

/* ------------------------------------------------------------ the command */

/* station.conf is read before the first question, so a terminal that is
 * not set up says so at once rather than after the form. */
static int load_config(cli_ctx *ctx)
{
	char msg[512];

	if (ctx->cfg_loaded)
		return 0;
	if (term_config_load(ctx->config_path, &ctx->cfg, msg, sizeof(msg)) <
	    0) {
		fprintf(stderr, "%s: %s\n", PROG, msg);
		return 2;
	}
	ctx->cfg_loaded = 1;
	return 0;
}

typedef struct run {
	const submit_kind *kind;
	const command *self;
	cli_ctx *ctx;
	const char *number;
	const char *path;
	form *f;
	int last_rc; /* of the last submission that failed, else 0 */
} run;

static void how_to_resume(const run *r)
{
	printf("The draft is kept in %s; to go on, run: %s %s %s%s%s\n",
	       r->path, PROG, r->self->group, r->self->name,
	       r->number ? " " : "", r->number ? r->number : "");
}

/* Submit; 1 when done, 0 to go back to the form. */
static int submit(run *r, int *rc)
{
	submit_result res;

	*rc = submit_doc(r->kind, r->ctx, form_doc(r->f), form_key(r->f),
	                 r->number, 0, &res);
	if (*rc == 0) {
		form_draft_remove(r->f);
		return 1;
	}
	if (*res.message) {
		form_refused(r->f, res.field, res.message);
		return 0;
	}
	r->last_rc = *rc;
	printf("The %s was %s. The draft keeps it with its idempotency key: "
	       "submit again from the review (the server never records it "
	       "twice), or quit and send it later.\n",
	       r->kind->noun,
	       res.maybe_sent ? "perhaps not recorded" : "not recorded");
	return 0;
}

static int fill(run *r)
{
	int rc;

	for (;;) {
		switch (form_fill(r->f)) {
		case FORM_SUBMIT:
			if (submit(r, &rc))
				return rc;
			break;
		case FORM_QUIT:
			how_to_resume(r);
			return 0;
		case FORM_DISCARD:
			printf("Discarded: nothing was sent.\n");
			return 0;
		case FORM_EOF:
			printf("\n");
			how_to_resume(r);
			return r->last_rc ? r->last_rc : 3;
		}
	}
}

/* NUMBER as the kind writes it: 0, or the exit code after saying why. */
static int check_number(const submit_kind *kind, const char *arg)
{
	return kind->check_number ? kind->check_number(arg)
	                          : cli_check_fir_number(arg);
}

/* "New seizure memo in FIR 42/2026.", "New enquiry report for petition
 * 1/2026." */
static void greet(const submit_kind *kind, const char *number)
{
	printf("New %s", kind->noun);
	if (number && kind->number_noun)
		printf(" for %s %s", kind->number_noun, number);
	else if (number)
		printf(" in FIR %s", number);
	printf(". Answer each question; ? explains a field, < goes back, "
	       "Enter keeps the value in [ ] or skips.\n");
}

int form_run(const submit_kind *kind, const command *self, cli_ctx *ctx,
             int argc, char **argv)
{
	char *pos[1] = {NULL}, path[DRAFT_PATH_MAX];
	size_t npos = kind->fir_number_arg ? 1 : 0;
	lookup_link l = {ctx, NULL};
	run r = {kind, self, ctx, NULL, path, NULL, 0};
	form_spec spec = {
	        .desc = kind->doc,
	        .title = kind->noun,
	        .own = kind->own,
	        .preview = kind->preview,
	        .draft_path = path,
	        .in = stdin,
	        .out = stdout,
	        .echo = !isatty(STDIN_FILENO),
	        .lookup = {link_lookup, &l},
	        .match = {link_match, &l},
	};
	int rc;

	if (cli_parse(self, ctx, argc, argv, NULL, 0, pos, npos, npos, &rc) < 0)
		return rc;
	if (npos && (rc = check_number(kind, pos[0])) != 0)
		return rc;
	r.number = pos[0];
	if ((rc = load_config(ctx)) != 0)
		return rc;
	if (draft_path(self, r.number, path, sizeof(path)) < 0) {
		fprintf(stderr,
		        "%s: no place for drafts: set CCTNS_DRAFT_DIR or "
		        "HOME\n",
		        PROG);
		return 2;
	}
	if (RAND_bytes(spec.key, FORM_KEY_LEN) != 1) {
		fprintf(stderr,
		        "%s: no random numbers for the idempotency key\n",
		        PROG);
		return 1;
	}
	r.f = form_new(&spec);
	greet(kind, r.number);
	rc = form_offer_draft(r.f) < 0 ? 3 : fill(&r);
	form_free(r.f);
	term_close(l.conn);
	return rc;
}
