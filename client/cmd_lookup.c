/* cmd_lookup.c: cctns lookup KIND [WORDS...]: the reference lists behind
 * the forms' pick-lists, read from the server: IPC and BNS sections by
 * number or by words of their title (with the corresponding section of the
 * other act), districts, police stations, states, modus operandi heads,
 * special and local laws. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "commands.h"
#include "form.h"
#include "reply.h"
#include "util.h"

#define MAX_WORDS 16

#define K(x) CCTNS__V1__LOOKUP_KIND__LOOKUP_KIND_##x

static const struct {
	const char *name;
	Cctns__V1__LookupKind kind;
	const char *plural;
} kinds[] = {
        {"section", K(SECTION), "sections"},
        {"district", K(DISTRICT), "districts"},
        {"station", K(STATION), "police stations"},
        {"mo", K(MO_HEAD), "MO heads"},
        {"law", K(SPECIAL_LAW), "special and local laws"},
        {"state", K(STATE), "states"},
};

static const char *plural_of(Cctns__V1__LookupKind k)
{
	for (size_t i = 0; i < ARRAY_LEN(kinds); i++)
		if (kinds[i].kind == k)
			return kinds[i].plural;
	return "entries";
}

static void print_list(FILE *out, const ProtobufCMessage *m,
                       const char *key_hex)
{
	const Cctns__V1__RefList *l = (const Cctns__V1__RefList *)m;

	(void)key_hex;
	if (l->act)
		fprintf(out, "Act in force on that day: %s\n",
		        l->act == CCTNS__V1__ACT__ACT_IPC ? "IPC" : "BNS");
	if (l->n_items == 0)
		fprintf(out, "No %s found.\n", plural_of(l->kind));
	for (size_t i = 0; i < l->n_items; i++)
		form_print_ref_item(out, l->kind, 0, l->items[i]);
	if (l->more)
		fprintf(out,
		        "(more match: add words, or --limit N up to 100)\n");
}

/* --limit, --state, --district: a whole number. */
static int whole(const char *opt, const char *arg, uint32_t *out)
{
	char *end;
	unsigned long v;

	if (!arg)
		return 0;
	v = strtoul(arg, &end, 10);
	if (!*arg || *end || v > 1000000) {
		fprintf(stderr, "%s: %s takes a whole number, got \"%s\"\n",
		        PROG, opt, arg);
		return 2;
	}
	*out = (uint32_t)v;
	return 0;
}

static int parse_kind(const char *arg, Cctns__V1__LookupKind *k)
{
	for (size_t i = 0; i < ARRAY_LEN(kinds); i++)
		if (strcmp(kinds[i].name, arg) == 0) {
			*k = kinds[i].kind;
			return 0;
		}
	fprintf(stderr,
	        "%s: \"%s\" is not a list: section, district, station, mo, "
	        "law or state\n",
	        PROG, arg);
	return 2;
}

static int parse_act(const char *arg, Cctns__V1__Act *act)
{
	if (!arg)
		return 0;
	if (strcmp(arg, "ipc") == 0 || strcmp(arg, "bns") == 0) {
		*act = arg[0] == 'i' ? CCTNS__V1__ACT__ACT_IPC
		                     : CCTNS__V1__ACT__ACT_BNS;
		return 0;
	}
	fprintf(stderr, "%s: --act is ipc or bns, got \"%s\"\n", PROG, arg);
	return 2;
}

int cmd_lookup(const command *self, cli_ctx *ctx, int argc, char **argv)
{
	const char *act = NULL, *on = NULL, *state = NULL, *district = NULL,
	           *limit = NULL;
	int json = 0, rc;
	const cli_opt opts[] = {
	        {"--act", &act, NULL},     {"--on", &on, NULL},
	        {"--state", &state, NULL}, {"--district", &district, NULL},
	        {"--limit", &limit, NULL}, {"--json", NULL, &json}};
	char *pos[1 + MAX_WORDS], query[512] = "";
	size_t n = 0;
	Cctns__V1__LookupRef q = CCTNS__V1__LOOKUP_REF__INIT;
	Envelope env = CCTNS__V1__ENVELOPE__INIT;
	const reply_spec spec = {.answer = CCTNS__V1__ENVELOPE__BODY_REF_LIST,
	                         .noun = "a list",
	                         .print = print_list};

	if (cli_parse(self, ctx, argc, argv, opts, ARRAY_LEN(opts), pos, 1,
	              ARRAY_LEN(pos), &rc) < 0)
		return rc;
	if ((rc = parse_kind(pos[0], &q.kind)) ||
	    (rc = parse_act(act, &q.act)) ||
	    (rc = whole("--state", state, &q.state_code)) ||
	    (rc = whole("--district", district, &q.district_code)) ||
	    (rc = whole("--limit", limit, &q.limit)))
		return rc;
	for (size_t i = 1; i < ARRAY_LEN(pos) && pos[i] && n < sizeof(query);
	     i++)
		n += (size_t)snprintf(query + n, sizeof(query) - n, "%s%s",
		                      n ? " " : "", pos[i]);
	q.query = query;
	q.on_date = (char *)(on ? on : "");
	env.body_case = CCTNS__V1__ENVELOPE__BODY_LOOKUP_REF;
	env.lookup_ref = &q;
	return reply_call(ctx, &env, &spec, json, NULL);
}
