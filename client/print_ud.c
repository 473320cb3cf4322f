/* print_ud.c: the unidentified dead body / unnatural death report in the
 * order of the inquest register. Every section is printed, with "not
 * stated" where the report is silent. */
#include "print_ud.h"

#include "print_r2.h"
#include "printout.h"

#define IND SECTION_INDENT

static int empty(const char *s)
{
	return !s || !*s;
}

static int unidentified(const Cctns__V1__UnnaturalDeathReport *r)
{
	return r->kind ==
	       CCTNS__V1__UNNATURAL_DEATH_KIND__UNNATURAL_DEATH_KIND_UNIDENTIFIED_BODY;
}

static void print_case(FILE *out, const Cctns__V1__UnnaturalDeathReceipt *r)
{
	char t[64], gd[96];

	pr_heading(out, 1, "Case");
	pr_row(out, IND, "UD No.", r ? r->ud_number : NULL);
	pr_row(out, IND, "Registered at",
	       fmt_time(r ? r->registered_at : NULL, t, sizeof(t)));
	pr_row(out, IND, "General Diary reference",
	       r ? fmt_gd_ref(r->gd_date, r->gd_number, NULL, gd, sizeof(gd))
	         : NULL);
	pr_row(out, IND, "FIR No.",
	       r && !empty(r->fir_number) ? r->fir_number : "none");
}

static void print_finding(FILE *out, const Cctns__V1__UnnaturalDeathReport *r)
{
	char t[64];

	pr_heading(out, 2, "Finding");
	pr_row(out, IND, "Kind", word_ud_kind(r->kind));
	pr_row(out, IND, unidentified(r) ? "Found at" : "Reported at",
	       fmt_time(r->found_at, t, sizeof(t)));
	pr_place(out, IND, r->place);
	pr_row(out, IND, "Apparent cause of death",
	       word_apparent_cause(r->apparent_cause));
}

static void print_deceased(FILE *out, const Cctns__V1__UnnaturalDeathReport *r)
{
	pr_heading(out, 3, "The deceased");
	if (unidentified(r)) {
		pr_row(out, IND, "Name", "unidentified");
		pr_row(out, IND, "Gender",
		       r->deceased && r->deceased->gender
		               ? word_gender(r->deceased->gender)
		               : NULL);
		return;
	}
	pr_person(out, IND, r->deceased);
}

static void print_description(FILE *out,
                              const Cctns__V1__UnnaturalDeathReport *r)
{
	char age[48], height[32];

	pr_heading(out, 4, "Description");
	if (r->apparent_age_to == r->apparent_age_from)
		snprintf(age, sizeof(age), "about %u years",
		         r->apparent_age_to);
	else
		snprintf(age, sizeof(age), "%u to %u years",
		         r->apparent_age_from, r->apparent_age_to);
	pr_row(out, IND, "Apparent age", r->apparent_age_to ? age : NULL);
	snprintf(height, sizeof(height), "%u cm", r->height_cm);
	pr_row(out, IND, "Height", r->height_cm ? height : NULL);
	if (r->descriptive_roll)
		pr_roll(out, IND, r->descriptive_roll, 0);
	pr_row(out, IND, "Clothing", r->clothing);
}

static void print_inquest(FILE *out, const Cctns__V1__UnnaturalDeathReport *r)
{
	char t[64], officer[256], d[32];

	pr_heading(out, 7, "Inquest");
	pr_row(out, IND, "Held at", fmt_time(r->inquest_at, t, sizeof(t)));
	if (!empty(r->inquest_magistrate))
		pr_row(out, IND, "By the magistrate", r->inquest_magistrate);
	else
		pr_row(out, IND, "By",
		       r->inquest_officer
		               ? fmt_officer(r->inquest_officer, officer,
		                             sizeof(officer))
		               : NULL);
	pr_heading(out, 8, "Post-mortem");
	pr_row(out, IND, "Hospital",
	       r->post_mortem ? r->post_mortem->hospital : NULL);
	pr_row(out, IND, "Date",
	       r->post_mortem ? fmt_date(r->post_mortem->date, d, sizeof(d))
	                      : NULL);
}

static void print_identification(FILE *out, const Cctns__V1__UnnaturalDeath *u)
{
	const Cctns__V1__BodyIdentification *id = u->identification;
	char t[64], gd[96], officer[256];

	pr_heading(out, 10, "Identification");
	if (!id) {
		pr_para(out, IND,
		        u->report && unidentified(u->report)
		                ? "Not identified yet."
		                : "Not applicable: the deceased was known.");
		return;
	}
	pr_row(out, IND, "Identified at",
	       fmt_time(id->identified_at, t, sizeof(t)));
	pr_para(out, IND, "The deceased:");
	pr_person(out, IND + 2, id->deceased);
	pr_para(out, IND, "Identified by:");
	pr_person(out, IND + 2, id->identified_by);
	pr_row(out, IND, "Recorded by",
	       fmt_officer(id->officer, officer, sizeof(officer)));
	pr_row(out, IND, "General Diary reference",
	       fmt_gd_ref(id->gd_date, id->gd_number, NULL, gd, sizeof(gd)));
}

void print_unnatural_death(FILE *out, const Cctns__V1__UnnaturalDeath *u)
{
	static const Cctns__V1__UnnaturalDeathReport none =
	        CCTNS__V1__UNNATURAL_DEATH_REPORT__INIT;
	const Cctns__V1__UnnaturalDeathReport *r =
	        u->report ? u->report : &none;
	char officer[256];

	pr_center(out, unidentified(r) ? "UNIDENTIFIED DEAD BODY"
	                               : "UNNATURAL DEATH REPORT");
	pr_center(out, "(Register of unnatural deaths and inquests)");
	print_case(out, u->receipt);
	print_finding(out, r);
	print_deceased(out, r);
	print_description(out, r);
	pr_heading(out, 5, "Articles found");
	pr_para(out, IND, r->articles_found);
	pr_heading(out, 6, "Informant");
	if (r->informant)
		pr_person(out, IND, r->informant);
	else
		pr_para(out, IND, NOT_STATED);
	print_inquest(out, r);
	pr_heading(out, 9, "Recorded by");
	pr_row(out, IND, "Officer",
	       fmt_officer(r->officer, officer, sizeof(officer)));
	print_identification(out, u);
}

void print_ud_receipt(FILE *out, const Cctns__V1__UnnaturalDeathReceipt *r,
                      const char *key_hex)
{
	char t[64], gd[96];

	fprintf(out, "%s registered on %s%s\n", r->ud_number,
	        fmt_time(r->registered_at, t, sizeof(t)),
	        r->replayed ? " (already registered earlier with this key)"
	                    : "");
	if (!empty(r->fir_number))
		fprintf(out, "FIR %s\n", r->fir_number);
	if (r->gd_number)
		fprintf(out, "General Diary: %s\n",
		        fmt_gd_ref(r->gd_date, r->gd_number, NULL, gd,
		                   sizeof(gd)));
	fprintf(out, "idempotency key: %s\n", key_hex);
}

void print_ud_identified(FILE *out, const Cctns__V1__BodyIdentifiedReceipt *r,
                         const char *key_hex)
{
	char t[64], gd[96];
	const Cctns__V1__BodyIdentification *id = r->identification;

	fprintf(out, "%s: body identified on %s%s\n", r->ud_number,
	        fmt_time(id ? id->identified_at : NULL, t, sizeof(t)),
	        r->replayed ? " (already recorded earlier with this key)" : "");
	if (id && id->gd_number)
		fprintf(out, "General Diary: %s\n",
		        fmt_gd_ref(id->gd_date, id->gd_number, NULL, gd,
		                   sizeof(gd)));
	fprintf(out, "idempotency key: %s\n", key_hex);
}
