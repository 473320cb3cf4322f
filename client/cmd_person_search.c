/* cmd_person_search.c: finding persons across the state (search helper,
 * issue 4). cctns person search NAME [filters] ranks the state's persons
 * with why each matched and their cases; cctns person match ID (or --name
 * ...) proposes likely duplicates; cctns person merge KEEP OTHER, cctns
 * person unmerge MERGE_ID and cctns person distinct A B settle them. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "commands.h"
#include "print_person_search.h"
#include "reply.h"
#include "util.h"

/* ------------------------------------------------------------ arguments */

/* A whole number of at most max (digits only); 0 on success, else 2 after
 * saying what what should be. */
static int number_arg(const char *s, const char *what, uint64_t max,
                      uint64_t *out)
{
	size_t n = strspn(s, "0123456789");
	char *end;

	if (n >= 1 && n <= 18 && s[n] == '\0') {
		*out = strtoull(s, &end, 10);
		if (*out >= 1 && *out <= max)
			return 0;
	}
	fprintf(stderr, "%s: \"%s\" is not %s\n", PROG, s, what);
	return 2;
}

static int gender_arg(const char *s, Cctns__V1__Gender *g)
{
	static const struct {
		const char *name;
		Cctns__V1__Gender g;
	} names[] = {
	        {"male", CCTNS__V1__GENDER__GENDER_MALE},
	        {"m", CCTNS__V1__GENDER__GENDER_MALE},
	        {"female", CCTNS__V1__GENDER__GENDER_FEMALE},
	        {"f", CCTNS__V1__GENDER__GENDER_FEMALE},
	        {"transgender", CCTNS__V1__GENDER__GENDER_TRANSGENDER},
	        {"t", CCTNS__V1__GENDER__GENDER_TRANSGENDER},
	};

	for (size_t i = 0; i < ARRAY_LEN(names); i++) {
		if (strcmp(s, names[i].name) == 0) {
			*g = names[i].g;
			return 0;
		}
	}
	fprintf(stderr, "%s: --gender %s: one of male, female, transgender\n",
	        PROG, s);
	return 2;
}

/* "25-35" */
static int band_arg(const char *s, uint32_t *from, uint32_t *to)
{
	unsigned a, b;
	char tail;

	if (sscanf(s, "%u-%u%c", &a, &b, &tail) == 2 && a <= b && b <= 120) {
		*from = a;
		*to = b;
		return 0;
	}
	fprintf(stderr,
	        "%s: --age-band %s: write it as FROM-TO in years, e.g. 25-35\n",
	        PROG, s);
	return 2;
}

/* Check as the server will, then ask and print. */
static int call(cli_ctx *ctx, Envelope *env, const reply_spec *spec, int json)
{
	check_error err;

	env->request_id = 1;
	if (envelope_check_request(env, &err) < 0) {
		fprintf(stderr, "%s: %s: %s\n", PROG, err.field, err.message);
		return 3;
	}
	return reply_call(ctx, env, spec, json, NULL);
}

static void print_matches(FILE *out, const ProtobufCMessage *m,
                          const char *key_hex)
{
	(void)key_hex;
	print_person_matches(out, (const Cctns__V1__PersonMatches *)m);
}

static void print_receipt(FILE *out, const ProtobufCMessage *m,
                          const char *key_hex)
{
	(void)key_hex;
	print_person_merge_receipt(out,
	                           (const Cctns__V1__PersonMergeReceipt *)m);
}

static const reply_spec matches_spec = {
        .answer = CCTNS__V1__ENVELOPE__BODY_PERSON_MATCHES,
        .noun = "a list of persons",
        .print = print_matches};

static const reply_spec receipt_spec = {
        .answer = CCTNS__V1__ENVELOPE__BODY_PERSON_MERGE_RECEIPT,
        .noun = "a merge receipt",
        .print = print_receipt,
        .lost_hint = "ask cctns person show for both persons to see "
                     "whether it was done"};

/* ------------------------------------------------------------ search */

typedef struct search_args {
	const char *alias, *relative, *gender, *age, *band, *district, *station,
	        *address, *marks, *document, *limit;
	int plain, json;
} search_args;

static int fill_search(const search_args *a, Cctns__V1__SearchPersons *s)
{
	uint64_t v;

	if (a->alias)
		s->alias = (char *)a->alias;
	if (a->relative)
		s->relative_name = (char *)a->relative;
	if (a->gender && gender_arg(a->gender, &s->gender))
		return 2;
	if (a->age) {
		if (number_arg(a->age, "an age in years (1 to 120)", 120, &v))
			return 2;
		s->age = (uint32_t)v;
	}
	if (a->band && band_arg(a->band, &s->age_from, &s->age_to))
		return 2;
	if (a->district) {
		if (number_arg(a->district, "a district code", 999999, &v))
			return 2;
		s->district_code = (uint32_t)v;
	}
	if (a->station) {
		if (number_arg(a->station, "a station code", 99999999, &v))
			return 2;
		s->station_code = (uint32_t)v;
	}
	if (a->address)
		s->address = (char *)a->address;
	if (a->marks)
		s->marks = (char *)a->marks;
	if (a->document)
		s->document = (char *)a->document;
	if (a->limit) {
		if (number_arg(a->limit, "a number of results (1 to 100)", 100,
		               &v))
			return 2;
		s->limit = (uint32_t)v;
	}
	if (a->plain)
		s->mode = "plain";
	return 0;
}

int cmd_person_search(const command *self, cli_ctx *ctx, int argc, char **argv)
{
	search_args a = {0};
	const cli_opt opts[] = {
	        {"--alias", &a.alias, NULL},
	        {"--relative", &a.relative, NULL},
	        {"--gender", &a.gender, NULL},
	        {"--age", &a.age, NULL},
	        {"--age-band", &a.band, NULL},
	        {"--district", &a.district, NULL},
	        {"--station", &a.station, NULL},
	        {"--address", &a.address, NULL},
	        {"--marks", &a.marks, NULL},
	        {"--document", &a.document, NULL},
	        {"--limit", &a.limit, NULL},
	        {"--plain", NULL, &a.plain},
	        {"--json", NULL, &a.json},
	};
	char *pos[1] = {NULL};
	Cctns__V1__SearchPersons s = CCTNS__V1__SEARCH_PERSONS__INIT;
	Envelope env = CCTNS__V1__ENVELOPE__INIT;
	int rc;

	if (cli_parse(self, ctx, argc, argv, opts, ARRAY_LEN(opts), pos, 0, 1,
	              &rc) < 0)
		return rc;
	if (a.age && a.band) {
		fprintf(stderr, "%s: give --age or --age-band, not both\n",
		        PROG);
		return 2;
	}
	if ((rc = fill_search(&a, &s)) != 0)
		return rc;
	if (pos[0])
		s.name = pos[0];
	env.body_case = CCTNS__V1__ENVELOPE__BODY_SEARCH_PERSONS;
	env.search_persons = &s;
	return call(ctx, &env, &matches_spec, a.json);
}

/* ------------------------------------------------------------ match */

int cmd_person_match(const command *self, cli_ctx *ctx, int argc, char **argv)
{
	const char *name = NULL, *relative = NULL, *gender = NULL, *born = NULL;
	int json = 0, rc;
	const cli_opt opts[] = {{"--name", &name, NULL},
	                        {"--relative", &relative, NULL},
	                        {"--gender", &gender, NULL},
	                        {"--born", &born, NULL},
	                        {"--json", NULL, &json}};
	char *pos[1] = {NULL};
	Cctns__V1__MatchPersons m = CCTNS__V1__MATCH_PERSONS__INIT;
	Cctns__V1__Person p = CCTNS__V1__PERSON__INIT;
	Envelope env = CCTNS__V1__ENVELOPE__INIT;
	uint64_t v;

	if (cli_parse(self, ctx, argc, argv, opts, ARRAY_LEN(opts), pos, 0, 1,
	              &rc) < 0)
		return rc;
	if ((pos[0] != NULL) == (name != NULL)) {
		fprintf(stderr,
		        "%s: give a person number (cctns person match 1234) "
		        "or --name NAME of a person about to be recorded\n",
		        PROG);
		return 2;
	}
	if (pos[0]) {
		if (number_arg(pos[0], "a person number", 999999999999999999u,
		               &m.person_id))
			return 2;
	} else {
		p.name = (char *)name;
		if (relative) {
			p.relative_name = (char *)relative;
			p.relative_kind =
			        CCTNS__V1__RELATIVE_KIND__RELATIVE_KIND_FATHER;
		}
		if (gender && gender_arg(gender, &p.gender))
			return 2;
		if (born) {
			if (number_arg(born, "a year of birth", 2200, &v) ||
			    v < 1900)
				return 2;
			p.year_of_birth = (uint32_t)v;
		}
		m.person = &p;
	}
	env.body_case = CCTNS__V1__ENVELOPE__BODY_MATCH_PERSONS;
	env.match_persons = &m;
	return call(ctx, &env, &matches_spec, json);
}

/* ------------------------------------------------------------ merge */

typedef struct officer_args {
	const char *number, *name, *rank, *reason;
	int json;
} officer_args;

/* The officer of a merge, unmerge or distinct; 0, or 2 after saying
 * what is missing. */
static int officer_of(const officer_args *o, Cctns__V1__Officer *out)
{
	if (!o->number || !o->name || !o->rank) {
		fprintf(stderr,
		        "%s: say which officer does it: --officer-number, "
		        "--officer-name and --officer-rank (recorded with it; "
		        "the permission check comes with officer sign-in)\n",
		        PROG);
		return 2;
	}
	out->number = (char *)o->number;
	out->name = (char *)o->name;
	out->rank = (char *)o->rank;
	return 0;
}

#define OFFICER_OPTS(o)                                                        \
	{"--officer-number", &(o).number, NULL},                               \
	        {"--officer-name", &(o).name, NULL},                           \
	        {"--officer-rank", &(o).rank, NULL},                           \
	        {"--reason", &(o).reason, NULL},                               \
	{                                                                      \
		"--json", NULL, &(o).json                                      \
	}

int cmd_person_merge(const command *self, cli_ctx *ctx, int argc, char **argv)
{
	officer_args o = {0};
	const cli_opt opts[] = {OFFICER_OPTS(o)};
	char *pos[2];
	Cctns__V1__MergePersons m = CCTNS__V1__MERGE_PERSONS__INIT;
	Cctns__V1__Officer off = CCTNS__V1__OFFICER__INIT;
	Envelope env = CCTNS__V1__ENVELOPE__INIT;
	int rc;

	if (cli_parse(self, ctx, argc, argv, opts, ARRAY_LEN(opts), pos, 2, 2,
	              &rc) < 0)
		return rc;
	if (number_arg(pos[0], "a person number (the one kept)",
	               999999999999999999u, &m.keep_person_id) ||
	    number_arg(pos[1], "a person number (the one merged into it)",
	               999999999999999999u, &m.other_person_id))
		return 2;
	if (!o.reason) {
		fprintf(stderr,
		        "%s: say why they are one person: --reason TEXT\n",
		        PROG);
		return 2;
	}
	if ((rc = officer_of(&o, &off)) != 0)
		return rc;
	m.reason = (char *)o.reason;
	m.officer = &off;
	env.body_case = CCTNS__V1__ENVELOPE__BODY_MERGE_PERSONS;
	env.merge_persons = &m;
	return call(ctx, &env, &receipt_spec, o.json);
}

int cmd_person_unmerge(const command *self, cli_ctx *ctx, int argc, char **argv)
{
	officer_args o = {0};
	const cli_opt opts[] = {OFFICER_OPTS(o)};
	char *pos[1];
	Cctns__V1__UnmergePersons u = CCTNS__V1__UNMERGE_PERSONS__INIT;
	Cctns__V1__Officer off = CCTNS__V1__OFFICER__INIT;
	Envelope env = CCTNS__V1__ENVELOPE__INIT;
	int rc;

	if (cli_parse(self, ctx, argc, argv, opts, ARRAY_LEN(opts), pos, 1, 1,
	              &rc) < 0)
		return rc;
	if (number_arg(pos[0], "a merge number (as cctns person merge printed)",
	               999999999999999999u, &u.merge_id))
		return 2;
	if ((rc = officer_of(&o, &off)) != 0)
		return rc;
	if (o.reason)
		u.reason = (char *)o.reason;
	u.officer = &off;
	env.body_case = CCTNS__V1__ENVELOPE__BODY_UNMERGE_PERSONS;
	env.unmerge_persons = &u;
	return call(ctx, &env, &receipt_spec, o.json);
}

int cmd_person_distinct(const command *self, cli_ctx *ctx, int argc,
                        char **argv)
{
	officer_args o = {0};
	const cli_opt opts[] = {OFFICER_OPTS(o)};
	char *pos[2];
	Cctns__V1__MarkPersonsDistinct d =
	        CCTNS__V1__MARK_PERSONS_DISTINCT__INIT;
	Cctns__V1__Officer off = CCTNS__V1__OFFICER__INIT;
	Envelope env = CCTNS__V1__ENVELOPE__INIT;
	int rc;

	if (cli_parse(self, ctx, argc, argv, opts, ARRAY_LEN(opts), pos, 2, 2,
	              &rc) < 0)
		return rc;
	if (number_arg(pos[0], "a person number", 999999999999999999u,
	               &d.person_a) ||
	    number_arg(pos[1], "a person number", 999999999999999999u,
	               &d.person_b))
		return 2;
	if ((rc = officer_of(&o, &off)) != 0)
		return rc;
	if (o.reason)
		d.reason = (char *)o.reason;
	d.officer = &off;
	env.body_case = CCTNS__V1__ENVELOPE__BODY_MARK_PERSONS_DISTINCT;
	env.mark_persons_distinct = &d;
	return call(ctx, &env, &receipt_spec, o.json);
}
