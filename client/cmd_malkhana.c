/* cmd_malkhana.c: the station's property store register (malkhana):
 * cctns malkhana show NUMBER prints an entry with its chain of custody,
 * cctns malkhana list a page of the register (by FIR, by state), cctns
 * malkhana move NUMBER FILE.json|- records a movement on the path every
 * write takes (submit.c); cctns malkhana new-movement NUMBER fills the
 * movement in field by field (form_cmd.h). */
#include <ctype.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "commands.h"
#include "form_cmd.h"
#include "form_kinds.h"
#include "print_malkhana.h"
#include "reply.h"
#include "submit.h"
#include "util.h"

/* A malkhana number as written: 1 to 6 digits, "/", a 4-digit year. 0, or
 * 2 after saying how to write it. */
static int check_malkhana_number(const char *s)
{
	size_t n = 0, y = 0;

	while (isdigit((unsigned char)s[n]))
		n++;
	if (n >= 1 && n <= 6 && s[n] == '/') {
		while (isdigit((unsigned char)s[n + 1 + y]))
			y++;
		if (y == 4 && s[n + 1 + y] == '\0')
			return 0;
	}
	fprintf(stderr,
	        "%s: \"%s\" is not a malkhana number: write it like 12/2026\n",
	        PROG, s);
	return 2;
}

/* ------------------------------------------------------------ show */

static void print_entry(FILE *out, const ProtobufCMessage *m,
                        const char *key_hex)
{
	(void)key_hex;
	print_malkhana_entry(out, (const Cctns__V1__MalkhanaEntry *)m);
}

int cmd_malkhana_show(const command *self, cli_ctx *ctx, int argc, char **argv)
{
	int json = 0, rc;
	const cli_opt opts[] = {{"--json", NULL, &json}};
	char *pos[1], not_found[128];
	Cctns__V1__GetMalkhanaEntry get = CCTNS__V1__GET_MALKHANA_ENTRY__INIT;
	Envelope env = CCTNS__V1__ENVELOPE__INIT;
	const reply_spec spec = {
	        .answer = CCTNS__V1__ENVELOPE__BODY_MALKHANA_ENTRY,
	        .noun = "a malkhana entry",
	        .print = print_entry,
	        .not_found = not_found};

	if (cli_parse(self, ctx, argc, argv, opts, ARRAY_LEN(opts), pos, 1, 1,
	              &rc) < 0)
		return rc;
	rc = check_malkhana_number(pos[0]);
	if (rc != 0)
		return rc;
	snprintf(not_found, sizeof(not_found),
	         "no malkhana entry %s at this station", pos[0]);
	get.malkhana_number = pos[0];
	env.body_case = CCTNS__V1__ENVELOPE__BODY_GET_MALKHANA_ENTRY;
	env.get_malkhana_entry = &get;
	return reply_call(ctx, &env, &spec, json, NULL);
}

/* ------------------------------------------------------------ list */

static const struct {
	const char *name;
	Cctns__V1__MalkhanaState state;
} states[] = {
        {"in_store", CCTNS__V1__MALKHANA_STATE__MALKHANA_STATE_IN_STORE},
        {"out_court", CCTNS__V1__MALKHANA_STATE__MALKHANA_STATE_OUT_COURT},
        {"out_fsl", CCTNS__V1__MALKHANA_STATE__MALKHANA_STATE_OUT_FSL},
        {"released", CCTNS__V1__MALKHANA_STATE__MALKHANA_STATE_RELEASED},
        {"disposed", CCTNS__V1__MALKHANA_STATE__MALKHANA_STATE_DISPOSED},
        {"transferred", CCTNS__V1__MALKHANA_STATE__MALKHANA_STATE_TRANSFERRED},
};

static int state_arg(const char *arg, Cctns__V1__MalkhanaState *st)
{
	for (size_t i = 0; i < ARRAY_LEN(states); i++) {
		if (strcmp(arg, states[i].name) == 0) {
			*st = states[i].state;
			return 0;
		}
	}
	fprintf(stderr,
	        "%s: --state \"%s\": write one of in_store, out_court, "
	        "out_fsl, released, disposed, transferred\n",
	        PROG, arg);
	return 2;
}

static int offset_arg(const char *arg, uint32_t *offset)
{
	size_t n = strspn(arg, "0123456789");

	if (n >= 1 && n <= 9 && arg[n] == '\0') {
		*offset = (uint32_t)atol(arg);
		return 0;
	}
	fprintf(stderr, "%s: --offset \"%s\": write a number like 100\n", PROG,
	        arg);
	return 2;
}

static unsigned list_offset; /* for the printer: where the page starts */

static void print_list(FILE *out, const ProtobufCMessage *m,
                       const char *key_hex)
{
	(void)key_hex;
	print_malkhana_list(out, (const Cctns__V1__MalkhanaList *)m,
	                    list_offset);
}

int cmd_malkhana_list(const command *self, cli_ctx *ctx, int argc, char **argv)
{
	int json = 0, rc = 0;
	const char *fir = NULL, *state = NULL, *offset = NULL;
	const cli_opt opts[] = {{"--json", NULL, &json},
	                        {"--fir", &fir, NULL},
	                        {"--state", &state, NULL},
	                        {"--offset", &offset, NULL}};
	char *pos[1], not_found[128] = "";
	Cctns__V1__ListMalkhana list = CCTNS__V1__LIST_MALKHANA__INIT;
	Envelope env = CCTNS__V1__ENVELOPE__INIT;
	const reply_spec spec = {
	        .answer = CCTNS__V1__ENVELOPE__BODY_MALKHANA_LIST,
	        .noun = "the malkhana register",
	        .print = print_list,
	        .not_found = not_found};

	if (cli_parse(self, ctx, argc, argv, opts, ARRAY_LEN(opts), pos, 0, 0,
	              &rc) < 0)
		return rc;
	if (fir)
		rc = cli_fir_arg(fir, not_found, sizeof(not_found));
	if (rc == 0 && state)
		rc = state_arg(state, &list.state);
	if (rc == 0 && offset)
		rc = offset_arg(offset, &list.offset);
	if (rc != 0)
		return rc;
	list.fir_number = (char *)(fir ? fir : "");
	list_offset = list.offset;
	env.body_case = CCTNS__V1__ENVELOPE__BODY_LIST_MALKHANA;
	env.list_malkhana = &list;
	return reply_call(ctx, &env, &spec, json, NULL);
}

/* ------------------------------------------------------------ move */

/* The document is the request without its key and number: a shallow copy
 * carries them, so the document is never changed. */
static void *wrap_move(const submit_call *c, Envelope *env)
{
	Cctns__V1__MoveProperty *r = xmalloc(sizeof(*r));

	*r = *(const Cctns__V1__MoveProperty *)c->doc;
	r->idempotency_key = c->key;
	r->malkhana_number = (char *)c->fir_number;
	env->body_case = CCTNS__V1__ENVELOPE__BODY_MOVE_PROPERTY;
	env->move_property = r;
	return r;
}

static void print_move_receipt(FILE *out, const ProtobufCMessage *m,
                               const char *key_hex)
{
	print_movement_receipt(
	        out, (const Cctns__V1__PropertyMovementReceipt *)m, key_hex);
}

static const char *const move_own[] = {"idempotency_key", "malkhana_number",
                                       NULL};
static const char *const move_strip[] = {"move_property.", NULL};

const submit_kind malkhana_move_kind = {
        .noun = "movement",
        .doc = &cctns__v1__move_property__descriptor,
        .own = move_own,
        .fir_number_arg = 1,
        .check_number = check_malkhana_number,
        .number_noun = "malkhana entry",
        .wrap = wrap_move,
        .reply = {.answer = CCTNS__V1__ENVELOPE__BODY_PROPERTY_MOVEMENT_RECEIPT,
                  .noun = "a receipt",
                  .print = print_move_receipt,
                  .strip = move_strip},
};

int cmd_malkhana_move(const command *self, cli_ctx *ctx, int argc, char **argv)
{
	return submit_run(&malkhana_move_kind, self, ctx, argc, argv);
}

int cmd_malkhana_new_movement(const command *self, cli_ctx *ctx, int argc,
                              char **argv)
{
	return form_run(&malkhana_move_kind, self, ctx, argc, argv);
}
