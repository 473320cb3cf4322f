/* print_found.c: the found person report in the order of the register's
 * columns, every section printed with "not stated" where the report is
 * silent; the station's list; the receipts. */
#include "print_found.h"

#include "print_r2.h"
#include "printout.h"

#define IND SECTION_INDENT

static const char *word_placed(int v)
{
	static const char *const words[] = {
	        NULL,     "Shelter",        "Hospital",
	        "Family", "Police station", "Other"};

	return v > 0 && v < 6 ? words[v] : NOT_STATED;
}

static const char *fmt_ages(const Cctns__V1__FoundPersonReport *r, char *buf,
                            size_t bufsz)
{
	if (!r->apparent_age_from && !r->apparent_age_to)
		return NULL;
	if (!r->apparent_age_to || r->apparent_age_to == r->apparent_age_from)
		snprintf(buf, bufsz, "about %u years", r->apparent_age_from);
	else
		snprintf(buf, bufsz, "%u to %u years", r->apparent_age_from,
		         r->apparent_age_to);
	return buf;
}

static void print_head(FILE *out, const Cctns__V1__FoundPersonReceipt *r)
{
	char t[64], gd[96];

	pr_heading(out, 1, "Report");
	pr_row(out, IND, "Report No.", r ? r->number : NULL);
	pr_row(out, IND, "Registered at",
	       fmt_time(r ? r->registered_at : NULL, t, sizeof(t)));
	pr_row(out, IND, "General Diary reference",
	       r ? fmt_gd_ref(r->gd_date, r->gd_number, NULL, gd, sizeof(gd))
	         : NULL);
}

static void print_found(FILE *out, const Cctns__V1__FoundPersonReport *r)
{
	char t[64];

	pr_heading(out, 2, "Found");
	pr_row(out, IND, "Found at", fmt_time(r->found_at, t, sizeof(t)));
	pr_place(out, IND, r->found_place);
	pr_row(out, IND, "How found", r->circumstances);
}

static void print_description(FILE *out, const Cctns__V1__FoundPersonReport *r)
{
	char ages[64];

	pr_heading(out, 3, "Description");
	pr_row(out, IND, "Sex", r->gender ? word_gender(r->gender) : NULL);
	pr_row(out, IND, "Apparent age", fmt_ages(r, ages, sizeof(ages)));
	pr_roll(out, IND, r->descriptive_roll, 1);
	pr_row(out, IND, "Clothing", r->clothing);
}

static void print_trace(FILE *out, const Cctns__V1__FoundPersonTrace *tr)
{
	char t[64], officer[256];

	pr_heading(out, 6, "Traced");
	if (!tr) {
		pr_para(out, IND, "Not traced yet.");
		return;
	}
	pr_row(out, IND, "Handed over at",
	       fmt_time(tr->traced_at, t, sizeof(t)));
	pr_row(out, IND, "Handed over to", tr->handed_to);
	pr_row(out, IND, "Missing person report",
	       *tr->missing_number ? tr->missing_number : "none given");
	pr_row(out, IND, "Recorded by",
	       fmt_officer(tr->officer, officer, sizeof(officer)));
}

void print_found_person(FILE *out, const Cctns__V1__FoundPerson *f)
{
	static const Cctns__V1__FoundPersonReport none =
	        CCTNS__V1__FOUND_PERSON_REPORT__INIT;
	const Cctns__V1__FoundPersonReport *r = f->report ? f->report : &none;
	char officer[256];

	pr_center(out, "FOUND PERSON REPORT");
	pr_center(out, "(Found persons register)");
	print_head(out, f->receipt);
	print_found(out, r);
	print_description(out, r);
	pr_heading(out, 4, "Placed");
	pr_row(out, IND, "Placed with", word_placed(r->placed));
	pr_row(out, IND, "Where", r->placed_where);
	pr_heading(out, 5, "Recorded by");
	pr_row(out, IND, "Officer",
	       fmt_officer(r->officer, officer, sizeof(officer)));
	print_trace(out, f->trace);
}

void print_found_list(FILE *out, const Cctns__V1__FoundPersonList *l)
{
	char t[64], ages[64];

	if (l->n_reports == 0) {
		fprintf(out, "No found persons in this station's register.\n");
		return;
	}
	fprintf(out, "%zu found person%s, newest first:\n", l->n_reports,
	        l->n_reports == 1 ? "" : "s");
	for (size_t i = 0; i < l->n_reports; i++) {
		const Cctns__V1__FoundPerson *f = l->reports[i];
		const Cctns__V1__FoundPersonReport *r = f->report;

		fprintf(out, "  %s  found %s, %s, %s; %s%s\n",
		        f->receipt ? f->receipt->number : "?",
		        fmt_time(r ? r->found_at : NULL, t, sizeof(t)),
		        r && r->gender ? word_gender(r->gender) : NOT_STATED,
		        (r && fmt_ages(r, ages, sizeof(ages)))
		                ? ages
		                : "age not stated",
		        word_placed(r ? (int)r->placed : 0),
		        f->trace ? "; traced" : "");
	}
}

void print_found_receipt(FILE *out, const Cctns__V1__FoundPersonReceipt *r,
                         const char *key_hex)
{
	char t[64], gd[96];

	fprintf(out, "Found person report %s registered on %s%s\n", r->number,
	        fmt_time(r->registered_at, t, sizeof(t)),
	        r->replayed ? " (already registered earlier with this key)"
	                    : "");
	if (r->gd_number)
		fprintf(out, "General Diary: %s\n",
		        fmt_gd_ref(r->gd_date, r->gd_number, NULL, gd,
		                   sizeof(gd)));
	fprintf(out, "Matched against the missing persons of the state: see "
	             "cctns alerts list\n");
	fprintf(out, "idempotency key: %s\n", key_hex);
}

void print_found_traced(FILE *out, const Cctns__V1__FoundTracedReceipt *r,
                        const char *key_hex)
{
	char t[64];
	const Cctns__V1__FoundPersonTrace *tr = r->trace;

	fprintf(out, "Found person report %s: handed over on %s%s\n", r->number,
	        fmt_time(tr ? tr->traced_at : NULL, t, sizeof(t)),
	        r->replayed ? " (already recorded earlier with this key)" : "");
	fprintf(out, "idempotency key: %s\n", key_hex);
}
