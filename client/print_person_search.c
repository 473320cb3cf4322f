/* print_person_search.c: person search results as an investigator reads
 * them (best first: the person, why they matched, their cases) and the
 * receipts of merges. */
#include "print_person_search.h"

#include <inttypes.h>
#include <string.h>

#include "printout.h"

static int empty(const char *s)
{
	return !s || !*s;
}

static const char *gender_word(Cctns__V1__Gender g)
{
	switch (g) {
	case CCTNS__V1__GENDER__GENDER_MALE:
		return "male";
	case CCTNS__V1__GENDER__GENDER_FEMALE:
		return "female";
	case CCTNS__V1__GENDER__GENDER_TRANSGENDER:
		return "transgender";
	default:
		return NULL;
	}
}

static const char *relative_word(Cctns__V1__RelativeKind k)
{
	switch (k) {
	case CCTNS__V1__RELATIVE_KIND__RELATIVE_KIND_FATHER:
		return "father";
	case CCTNS__V1__RELATIVE_KIND__RELATIVE_KIND_HUSBAND:
		return "husband";
	case CCTNS__V1__RELATIVE_KIND__RELATIVE_KIND_MOTHER:
		return "mother";
	case CCTNS__V1__RELATIVE_KIND__RELATIVE_KIND_GUARDIAN:
		return "guardian";
	default:
		return "relative";
	}
}

/* "Name (father Relative), male, born 1990" */
static void print_who(FILE *out, const Cctns__V1__PersonMatch *p)
{
	char line[1024], year[16];
	size_t n = 0;

	line[0] = '\0';
	str_append(line, sizeof(line), &n, "", p->name);
	if (!empty(p->relative_name)) {
		char rel[700];
		snprintf(rel, sizeof(rel), "(%s %s)",
		         relative_word(p->relative_kind), p->relative_name);
		str_append(line, sizeof(line), &n, " ", rel);
	}
	str_append(line, sizeof(line), &n, ", ", gender_word(p->gender));
	if (p->year_of_birth) {
		snprintf(year, sizeof(year), "born %u", p->year_of_birth);
		str_append(line, sizeof(line), &n, ", ", year);
	}
	wrap_text(out, line, 0, 6, PRINT_WIDTH);
}

static void print_list(FILE *out, const char *label, char *const *items,
                       size_t n, const char *sep)
{
	char buf[4096];
	size_t used = 0;

	if (n == 0)
		return;
	buf[0] = '\0';
	for (size_t i = 0; i < n; i++)
		str_append(buf, sizeof(buf), &used, sep, items[i]);
	pr_row(out, 6, label, buf);
}

static void print_cases(FILE *out, const Cctns__V1__PersonMatch *p)
{
	char buf[4096], one[512];
	size_t used = 0;

	buf[0] = '\0';
	for (size_t i = 0; i < p->n_cases; i++) {
		const Cctns__V1__PersonCase *c = p->cases[i];
		snprintf(one, sizeof(one), "FIR %s, %s (%s)", c->fir_number,
		         c->station && !empty(c->station->station_name)
		                 ? c->station->station_name
		                 : "station not known",
		         c->role);
		str_append(buf, sizeof(buf), &used, "; ", one);
	}
	pr_row(out, 6, "Cases", p->n_cases ? buf : "none recorded");
}

static void print_one(FILE *out, size_t i, const Cctns__V1__PersonMatch *p)
{
	char by[512];

	fprintf(out, "%3zu. Person %" PRIu64 "  (score %d)\n", i + 1,
	        p->person_id, p->score);
	fputs("      ", out);
	print_who(out, p);
	print_list(out, "Aliases", p->aliases, p->n_aliases, ", ");
	if (!empty(p->address))
		pr_row(out, 6, "Address", p->address);
	if (p->created_by) {
		snprintf(by, sizeof(by), "%s, %s",
		         empty(p->created_by->station_name)
		                 ? "?"
		                 : p->created_by->station_name,
		         empty(p->created_by->district_name)
		                 ? "?"
		                 : p->created_by->district_name);
		pr_row(out, 6, "Recorded by", by);
	}
	/* One reason a line: each says which field matched how. */
	for (size_t r = 0; r < p->n_reasons; r++)
		fprintf(out, "      %-22s%s\n", r ? "" : "Why", p->reasons[r]);
	print_cases(out, p);
}

void print_person_matches(FILE *out, const Cctns__V1__PersonMatches *m)
{
	int dup = m->mode && !strcmp(m->mode, "duplicates");

	if (!empty(m->searched_as))
		fprintf(out, "Searched as: %s\n", m->searched_as);
	if (m->n_matches == 0) {
		fputs(dup ? "No likely duplicate in the state's records.\n"
		          : "No person of the state matches.\n",
		      out);
		return;
	}
	fprintf(out, "%zu %s%s, best first:\n", m->n_matches,
	        dup ? "likely duplicate" : "person",
	        m->n_matches == 1 ? "" : "s");
	for (size_t i = 0; i < m->n_matches; i++)
		print_one(out, i, m->matches[i]);
}

void print_person_merge_receipt(FILE *out,
                                const Cctns__V1__PersonMergeReceipt *r)
{
	char t[64];

	if (r->action && !strcmp(r->action, "distinct")) {
		fprintf(out,
		        "Persons %" PRIu64 " and %" PRIu64
		        " are recorded as different people (on %s): they "
		        "will not be proposed as duplicates again.\n",
		        r->keep_person_id, r->other_person_id,
		        fmt_time(r->at, t, sizeof(t)));
		return;
	}
	if (r->action && !strcmp(r->action, "unmerged"))
		fprintf(out,
		        "Merge %" PRIu64 " undone on %s: person %" PRIu64
		        " is a record of its own again.\n",
		        r->merge_id, fmt_time(r->at, t, sizeof(t)),
		        r->other_person_id);
	else
		fprintf(out,
		        "Merge %" PRIu64 ": person %" PRIu64
		        " merged into person %" PRIu64
		        " on %s (undo with cctns person unmerge %" PRIu64
		        ").\n",
		        r->merge_id, r->other_person_id, r->keep_person_id,
		        fmt_time(r->at, t, sizeof(t)), r->merge_id);
	for (size_t i = 0; i < r->n_moved; i++)
		fprintf(out, "  %s %s\n",
		        r->action && !strcmp(r->action, "unmerged")
		                ? "returned:"
		                : "moved:",
		        r->moved[i]);
}
