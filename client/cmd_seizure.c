/* cmd_seizure.c: the property search and seizure memo (IIF-IV): cctns
 * seizure register NUMBER FILE.json|- records a memo (and the deposit of
 * its items in the malkhana) on the path every write takes (submit.c);
 * cctns seizure new NUMBER fills it in field by field (form_cmd.h); cctns
 * seizure show NUMBER SEIZURE_NO prints it like the paper form. */
#include <ctype.h>
#include <stdio.h>
#include <stdlib.h>

#include "commands.h"
#include "form_cmd.h"
#include "form_kinds.h"
#include "print_seizure.h"
#include "reply.h"
#include "submit.h"
#include "util.h"

static void *wrap_seizure(const submit_call *c, Envelope *env)
{
	Cctns__V1__RegisterSeizure *r = xmalloc(sizeof(*r));

	cctns__v1__register_seizure__init(r);
	r->idempotency_key = c->key;
	r->fir_number = (char *)c->fir_number;
	r->seizure = (Cctns__V1__SeizureMemo *)c->doc;
	env->body_case = CCTNS__V1__ENVELOPE__BODY_REGISTER_SEIZURE;
	env->register_seizure = r;
	return r;
}

static void print_receipt_answer(FILE *out, const ProtobufCMessage *m,
                                 const char *key_hex)
{
	print_seizure_receipt(out, (const Cctns__V1__SeizureReceipt *)m,
	                      key_hex);
}

static const char *const seizure_strip[] = {"register_seizure.", "seizure.",
                                            NULL};

/* forms: the memo as it will print, before it has a number. */
static void preview_seizure(FILE *out, const ProtobufCMessage *m)
{
	Cctns__V1__Seizure s = CCTNS__V1__SEIZURE__INIT;

	s.memo = (Cctns__V1__SeizureMemo *)m;
	print_seizure(out, &s);
}

const submit_kind seizure_register_kind = {
        .noun = "seizure memo",
        .doc = &cctns__v1__seizure_memo__descriptor,
        .fir_number_arg = 1,
        .wrap = wrap_seizure,
        .reply = {.answer = CCTNS__V1__ENVELOPE__BODY_SEIZURE_RECEIPT,
                  .noun = "a receipt",
                  .print = print_receipt_answer,
                  .strip = seizure_strip},
        .preview = preview_seizure,
};

int cmd_seizure_register(const command *self, cli_ctx *ctx, int argc,
                         char **argv)
{
	return submit_run(&seizure_register_kind, self, ctx, argc, argv);
}

int cmd_seizure_new(const command *self, cli_ctx *ctx, int argc, char **argv)
{
	return form_run(&seizure_register_kind, self, ctx, argc, argv);
}

static void print_memo(FILE *out, const ProtobufCMessage *m,
                       const char *key_hex)
{
	(void)key_hex;
	print_seizure(out, (const Cctns__V1__Seizure *)m);
}

/* SEIZURE_NO: 1 to 9999, digits only. 0, or 2 after saying why. */
static int seizure_no_arg(const char *arg, uint32_t *no)
{
	size_t n = 0;

	while (isdigit((unsigned char)arg[n]))
		n++;
	if (n >= 1 && n <= 4 && arg[n] == '\0' && atoi(arg) > 0) {
		*no = (uint32_t)atoi(arg);
		return 0;
	}
	fprintf(stderr,
	        "%s: \"%s\" is not a seizure number: write the number the "
	        "receipt gave, like 1 or 2\n",
	        PROG, arg);
	return 2;
}

int cmd_seizure_show(const command *self, cli_ctx *ctx, int argc, char **argv)
{
	int json = 0, rc;
	const cli_opt opts[] = {{"--json", NULL, &json}, CLI_OPT_PDF(ctx)};
	char *pos[2], not_found[128];
	Cctns__V1__GetSeizure get = CCTNS__V1__GET_SEIZURE__INIT;
	Envelope env = CCTNS__V1__ENVELOPE__INIT;
	const reply_spec spec = {.answer = CCTNS__V1__ENVELOPE__BODY_SEIZURE,
	                         .noun = "a seizure memo",
	                         .print = print_memo,
	                         .not_found = not_found};

	if (cli_parse(self, ctx, argc, argv, opts, ARRAY_LEN(opts), pos, 2, 2,
	              &rc) < 0)
		return rc;
	rc = cli_check_fir_number(pos[0]);
	if (rc == 0)
		rc = seizure_no_arg(pos[1], &get.seizure_no);
	if (rc != 0)
		return rc;
	snprintf(not_found, sizeof(not_found),
	         "no seizure memo %u in FIR %s at this station", get.seizure_no,
	         pos[0]);
	get.fir_number = pos[0];
	env.body_case = CCTNS__V1__ENVELOPE__BODY_GET_SEIZURE;
	env.get_seizure = &get;
	return reply_call(ctx, &env, &spec, json, NULL);
}
