/* print_ncr.c: the non-cognizable report as the NCR register records it:
 * number and diary entry, sections, when, where, who informed against
 * whom, the substance, and that the informant was referred to the
 * Magistrate (BNSS s.174). */
#include "print_ncr.h"

#include "printout.h"

#define IND SECTION_INDENT

static int empty(const char *s)
{
	return !s || !*s;
}

static void print_report(FILE *out, const Cctns__V1__NcrReceipt *rc,
                         const Cctns__V1__Ncr *n)
{
	char t[64], gd[96], officer[256];

	pr_heading(out, 1, "Report");
	pr_row(out, IND, "NCR No.", rc ? rc->ncr_number : NULL);
	pr_row(out, IND, "Recorded at",
	       fmt_time(rc ? rc->registered_at : NULL, t, sizeof(t)));
	pr_row(out, IND, "General Diary reference",
	       rc ? fmt_gd_ref(rc->gd_date, rc->gd_number, NULL, gd, sizeof(gd))
	          : NULL);
	pr_row(out, IND, "Recorded by",
	       n->officer ? fmt_officer(n->officer, officer, sizeof(officer))
	                  : NULL);
}

static void print_sections(FILE *out, const Cctns__V1__Ncr *n)
{
	char buf[256];

	pr_heading(out, 2, "Acts and sections (non-cognizable)");
	if (n->n_sections == 0)
		pr_para(out, IND, NULL);
	for (size_t i = 0; i < n->n_sections; i++) {
		pr_spaces(out, IND);
		fprintf(out, "%s\n",
		        fmt_charge(n->sections[i], buf, sizeof(buf)));
	}
}

static void print_persons(FILE *out, const Cctns__V1__Ncr *n)
{
	pr_heading(out, 5, "Informant");
	pr_person(out, IND, n->informant);
	pr_heading(out, 6, "Opposite party");
	if (n->n_opposite_party == 0)
		pr_para(out, IND, "none named");
	for (size_t i = 0; i < n->n_opposite_party; i++) {
		pr_spaces(out, IND);
		fprintf(out, "(%zu)\n", i + 1);
		pr_person(out, IND + 4, n->opposite_party[i]);
	}
}

void print_ncr(FILE *out, const Cctns__V1__NcrRecord *r)
{
	static const Cctns__V1__Ncr none = CCTNS__V1__NCR__INIT;
	const Cctns__V1__Ncr *n = r->ncr ? r->ncr : &none;
	char t[64];

	pr_center(out, "NON-COGNIZABLE REPORT");
	print_report(out, r->receipt, n);
	print_sections(out, n);
	pr_heading(out, 3, "Occurrence");
	pr_row(out, IND, "Occurred at", fmt_time(n->occurred_at, t, sizeof(t)));
	pr_row(out, IND, "Reported at", fmt_time(n->reported_at, t, sizeof(t)));
	pr_heading(out, 4, "Place of occurrence");
	pr_place(out, IND, n->place);
	print_persons(out, n);
	pr_heading(out, 7, "Substance of the information");
	pr_para(out, IND, n->brief_facts);
	pr_heading(out, 8, "Action taken");
	pr_para(out, IND,
	        n->advice_given
	                ? "The substance of the information was entered in "
	                  "this register and the informant was referred to "
	                  "the Magistrate (BNSS s.174)."
	                : "Referral to the Magistrate not recorded.");
}

void print_ncr_receipt(FILE *out, const Cctns__V1__NcrReceipt *r,
                       const char *key_hex)
{
	char t[64], gd[96];

	fprintf(out, "NCR %s recorded on %s%s\n", r->ncr_number,
	        fmt_time(r->registered_at, t, sizeof(t)),
	        r->replayed ? " (already recorded earlier with this key)" : "");
	fputs("The informant is referred to the Magistrate (BNSS s.174).\n",
	      out);
	if (r->gd_number)
		fprintf(out, "General Diary: %s\n",
		        fmt_gd_ref(r->gd_date, r->gd_number, NULL, gd,
		                   sizeof(gd)));
	fprintf(out, "idempotency key: %s\n", empty(key_hex) ? "" : key_hex);
}
