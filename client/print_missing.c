/* print_missing.c: the missing person report in the order of the
 * register's columns. Every section is printed, with "not stated" where the
 * report is silent. */
#include "print_missing.h"

#include "print_r2.h"
#include "printout.h"

#define IND SECTION_INDENT

static int empty(const char *s)
{
	return !s || !*s;
}

static void print_report_head(FILE *out,
                              const Cctns__V1__MissingPersonReceipt *r)
{
	char t[64], gd[96];

	pr_heading(out, 1, "Report");
	pr_row(out, IND, "Report No.", r ? r->number : NULL);
	pr_row(out, IND, "Registered at",
	       fmt_time(r ? r->registered_at : NULL, t, sizeof(t)));
	pr_row(out, IND, "General Diary reference",
	       r ? fmt_gd_ref(r->gd_date, r->gd_number, NULL, gd, sizeof(gd))
	         : NULL);
	pr_row(out, IND, "Missing child",
	       r && r->child ? "Yes: under 18 when missing" : "No");
	pr_row(out, IND, "FIR No.",
	       r && !empty(r->fir_number) ? r->fir_number : "none");
}

static void print_person(FILE *out, const Cctns__V1__MissingPersonReport *m)
{
	char age[64];
	int years;

	pr_heading(out, 2, "Missing person");
	pr_person(out, IND, m->person);
	years = m->person ? age_at(m->person->date_of_birth,
	                           m->person->year_of_birth, m->missing_since)
	                  : -1;
	if (years >= 0) {
		snprintf(age, sizeof(age), "%s%d years",
		         empty(m->person->date_of_birth) ? "about " : "",
		         years);
		pr_row(out, IND, "Age when missing", age);
	} else if (m->age_years) {
		snprintf(age, sizeof(age), "%u years (stated)", m->age_years);
		pr_row(out, IND, "Age", age);
	}
}

static void print_description(FILE *out,
                              const Cctns__V1__MissingPersonReport *m)
{
	pr_heading(out, 3, "Description");
	pr_roll(out, IND, m->descriptive_roll, 1);
	pr_row(out, IND, "Clothing", m->clothing);
}

static void print_last_seen(FILE *out, const Cctns__V1__MissingPersonReport *m)
{
	char t[64];

	pr_heading(out, 4, "Last seen");
	pr_row(out, IND, "Missing since",
	       fmt_time(m->missing_since, t, sizeof(t)));
	pr_place(out, IND, m->last_seen_place);
}

static void print_informant(FILE *out, const Cctns__V1__MissingPersonReport *m)
{
	char t[64];

	pr_heading(out, 6, "Informant");
	pr_person(out, IND, m->informant);
	pr_row(out, IND, "Relation to the missing", m->relation_to_missing);
	pr_row(out, IND, "Reported at", fmt_time(m->reported_at, t, sizeof(t)));
}

static void print_trace(FILE *out, const Cctns__V1__MissingPersonTrace *tr)
{
	char t[64], gd[96], officer[256];

	pr_heading(out, 8, "Traced");
	if (!tr) {
		pr_para(out, IND, "Not traced yet.");
		return;
	}
	pr_row(out, IND, "Traced at", fmt_time(tr->traced_at, t, sizeof(t)));
	pr_row(out, IND, "How", word_traced_how(tr->how));
	pr_place(out, IND, tr->place);
	pr_row(out, IND, "Recorded by",
	       fmt_officer(tr->officer, officer, sizeof(officer)));
	pr_row(out, IND, "General Diary reference",
	       fmt_gd_ref(tr->gd_date, tr->gd_number, NULL, gd, sizeof(gd)));
}

void print_missing_person(FILE *out, const Cctns__V1__MissingPerson *mp)
{
	static const Cctns__V1__MissingPersonReport none =
	        CCTNS__V1__MISSING_PERSON_REPORT__INIT;
	const Cctns__V1__MissingPersonReport *m =
	        mp->report ? mp->report : &none;
	char officer[256];

	pr_center(out, "MISSING PERSON REPORT");
	pr_center(out, "(Missing persons register)");
	print_report_head(out, mp->receipt);
	print_person(out, m);
	print_description(out, m);
	print_last_seen(out, m);
	pr_heading(out, 5, "Circumstances");
	pr_para(out, IND, m->circumstances);
	print_informant(out, m);
	pr_heading(out, 7, "Recorded by");
	pr_row(out, IND, "Officer",
	       fmt_officer(m->officer, officer, sizeof(officer)));
	print_trace(out, mp->trace);
}

void print_missing_receipt(FILE *out, const Cctns__V1__MissingPersonReceipt *r,
                           const char *key_hex)
{
	char t[64], gd[96];

	fprintf(out, "Missing person report %s registered on %s%s\n", r->number,
	        fmt_time(r->registered_at, t, sizeof(t)),
	        r->replayed ? " (already registered earlier with this key)"
	                    : "");
	if (r->child)
		fprintf(out, "A missing child: FIR %s\n", r->fir_number);
	else if (!empty(r->fir_number))
		fprintf(out, "FIR %s\n", r->fir_number);
	if (r->gd_number)
		fprintf(out, "General Diary: %s\n",
		        fmt_gd_ref(r->gd_date, r->gd_number, NULL, gd,
		                   sizeof(gd)));
	fprintf(out, "idempotency key: %s\n", key_hex);
}

void print_missing_traced(FILE *out, const Cctns__V1__MissingTracedReceipt *r,
                          const char *key_hex)
{
	char t[64], gd[96];
	const Cctns__V1__MissingPersonTrace *tr = r->trace;

	fprintf(out, "Missing person report %s: traced on %s (%s)%s\n",
	        r->number, fmt_time(tr ? tr->traced_at : NULL, t, sizeof(t)),
	        tr ? word_traced_how(tr->how) : NOT_STATED,
	        r->replayed ? " (already recorded earlier with this key)" : "");
	if (tr && tr->gd_number)
		fprintf(out, "General Diary: %s\n",
		        fmt_gd_ref(tr->gd_date, tr->gd_number, NULL, gd,
		                   sizeof(gd)));
	fprintf(out, "idempotency key: %s\n", key_hex);
}
