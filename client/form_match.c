/* form_match.c: a person entered in a form may be one recorded already
 * (search, issue 4: duplicate persons are the first data-quality failure
 * of the real system). At the end of every Person sub-form (complainant,
 * accused, victim, witness, arrested person, missing person, ...) the
 * server is asked for likely matches (MatchPersons, through the form's
 * callback); the best few are shown with the reason for each, and the
 * officer links one (the person's person_id is set, so no new person is
 * recorded) or keeps a new person. Offline or with no answer, a new person
 * is recorded and the form says so. */
#include <inttypes.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "form_int.h"
#include "util.h"

#define SHOW_MAX 5 /* matches shown */

static int empty(const char *s)
{
	return !s || !*s;
}

/* What identifies the person as typed: name, relative, sex, birth. */
static void signature(const Cctns__V1__Person *p, const char *ctx, char *buf,
                      size_t bufsz)
{
	snprintf(buf, bufsz, "%s|%s|%s|%d|%s|%u", ctx, p->name,
	         p->relative_name ? p->relative_name : "", (int)p->gender,
	         p->date_of_birth ? p->date_of_birth : "", p->year_of_birth);
}

/* 1 when the person was offered before as they are now; else remember. */
static int seen_before(form_match_memo *memo, const char *sig)
{
	for (size_t i = 0; i < FORM_MATCH_MEMO; i++)
		if (strcmp(memo->seen[i], sig) == 0)
			return 1;
	snprintf(memo->seen[memo->next], sizeof(memo->seen[0]), "%s", sig);
	memo->next = (memo->next + 1) % FORM_MATCH_MEMO;
	return 0;
}

static const char *relative_word(int kind)
{
	static const char *const words[] = {"relative", "father", "husband",
	                                    "mother", "guardian"};

	return kind > 0 && kind < 5 ? words[kind] : words[0];
}

static const char *gender_word(int g)
{
	static const char *const words[] = {NULL, "male", "female",
	                                    "transgender"};

	return g > 0 && g < 4 ? words[g] : NULL;
}

/* "  2  Mohd Shahid, father Abdul Rashid, male, born 1990 (person
 *       1234, 3 cases)" and under it the reasons and the address. */
static void show_match(FILE *out, size_t n, const Cctns__V1__PersonMatch *m)
{
	fprintf(out, "  %zu  %s", n, m->name);
	if (!empty(m->relative_name))
		fprintf(out, ", %s %s", relative_word(m->relative_kind),
		        m->relative_name);
	if (gender_word(m->gender))
		fprintf(out, ", %s", gender_word(m->gender));
	if (m->year_of_birth)
		fprintf(out, ", born %u", m->year_of_birth);
	fprintf(out, " (person %" PRIu64 ", %zu case%s)\n", m->person_id,
	        m->n_cases, m->n_cases == 1 ? "" : "s");
	if (m->n_aliases)
		fprintf(out, "       alias %s\n", m->aliases[0]);
	if (!empty(m->address))
		fprintf(out, "       %s\n", m->address);
	for (size_t i = 0; i < m->n_reasons && i < 3; i++)
		fprintf(out, "       why: %s\n", m->reasons[i]);
}

/* Read the officer's choice: 0 new person, 1..n a match, -1 end of
 * input. Asks again on anything else. */
static int choose(const form_spec *spec, size_t n, char **line, size_t *cap)
{
	for (;;) {
		ssize_t len;
		char *end;
		unsigned long v;

		fprintf(spec->out,
		        "Link one of them (1-%zu), or Enter for a new "
		        "person: ",
		        n);
		fflush(spec->out);
		len = getline(line, cap, spec->in);
		if (len < 0)
			return -1;
		while (len > 0 &&
		       ((*line)[len - 1] == '\n' || (*line)[len - 1] == '\r' ||
		        (*line)[len - 1] == ' '))
			(*line)[--len] = '\0';
		if (spec->echo)
			fprintf(spec->out, "%s\n", *line);
		if (len == 0 || strcasecmp(*line, "n") == 0 ||
		    strcasecmp(*line, "new") == 0)
			return 0;
		v = strtoul(*line, &end, 10);
		if (*end == '\0' && v >= 1 && v <= n)
			return (int)v;
		fprintf(spec->out,
		        "! answer a number from 1 to %zu, or Enter for a new "
		        "person\n",
		        n);
	}
}

int form_match_person(const form_spec *spec, form_match_memo *memo,
                      ProtobufCMessage *m, const char *ctx, char **line,
                      size_t *linecap)
{
	Cctns__V1__Person *p = (Cctns__V1__Person *)m;
	Cctns__V1__PersonMatches *res = NULL;
	char sig[192], why[256] = "";
	size_t n;
	int pick;

	if (!m || m->descriptor != &cctns__v1__person__descriptor ||
	    !spec->match.fn || p->person_id || empty(p->name))
		return 0;
	signature(p, ctx, sig, sizeof(sig));
	if (seen_before(memo, sig))
		return 0;
	if (spec->match.fn(spec->match.arg, p, &res, why, sizeof(why)) < 0) {
		fprintf(spec->out,
		        "  (Could not look for %s among the persons already "
		        "recorded: %s. A new person will be recorded.)\n",
		        p->name, why);
		return 0;
	}
	n = res->n_matches < SHOW_MAX ? res->n_matches : SHOW_MAX;
	if (n == 0) {
		fprintf(spec->out,
		        "  No person already recorded looks like %s: a new "
		        "person will be recorded.\n",
		        p->name);
		protobuf_c_message_free_unpacked(&res->base, NULL);
		return 0;
	}
	fprintf(spec->out,
	        "\nPersons already recorded who may be %s%s%s, best first:\n",
	        p->name, empty(ctx) ? "" : " of ", empty(ctx) ? "" : ctx);
	for (size_t i = 0; i < n; i++)
		show_match(spec->out, i + 1, res->matches[i]);
	pick = choose(spec, n, line, linecap);
	if (pick > 0) {
		p->person_id = res->matches[pick - 1]->person_id;
		fprintf(spec->out,
		        "  Linked to person %" PRIu64
		        ": no new person will be recorded.\n",
		        p->person_id);
	} else if (pick == 0) {
		fprintf(spec->out, "  A new person will be recorded.\n");
	}
	protobuf_c_message_free_unpacked(&res->base, NULL);
	return pick < 0 ? -1 : 0;
}
