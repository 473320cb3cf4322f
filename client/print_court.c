/* print_court.c: the final report (IIF-V), the court disposal (IIF-VI)
 * and the result of appeal (IIF-VII) in the order of the paper forms.
 * Every section is printed, with "not stated" or "none" where the record
 * is silent, so a reader sees what was left out. */
#include "print_court.h"

#include <string.h>

#include "printout.h"

#define IND    SECTION_INDENT
#define SUBIND (SECTION_INDENT + 4) /* rows under "(1) A1" */

static int empty(const char *s)
{
	return !s || !*s;
}

/* ------------------------------------------------------------ words */

static const char *word_in(const char *const *words, size_t n, int v)
{
	if (v == 0)
		return NOT_STATED;
	if (v > 0 && (size_t)v < n && words[v])
		return words[v];
	return "unrecognised";
}

#define WORDS(fn, ...)                                                         \
	const char *fn(int v)                                                  \
	{                                                                      \
		static const char *const words[] = {NULL, __VA_ARGS__};        \
		return word_in(words, sizeof(words) / sizeof(words[0]), v);    \
	}

WORDS(word_final_report_kind, "Charge-sheet",
      "Not charge-sheeted for want of evidence", "Final report: undetected",
      "Final report: untraced", "Final report: abated",
      "Final report: unoccurred, false",
      "Final report: unoccurred, mistake of fact",
      "Final report: unoccurred, mistake of law",
      "Final report: unoccurred, non-cognizable",
      "Final report: unoccurred, civil nature")
WORDS(word_charged_status, "In custody", "On bail", "Absconding",
      "Not arrested")
WORDS(word_witness_kind, "Eye-witness", "Panch witness", "Expert witness",
      "Official witness", "Other witness")
WORDS(word_disposal_kind, "Convicted", "Acquitted", "Discharged", "Compounded",
      "Prosecution withdrawn", "Abated", "Partly convicted")
WORDS(word_trial_result, "Convicted", "Acquitted", "Discharged", "Compounded",
      "Abated")
WORDS(word_punishment, "None", "Death", "Imprisonment for life",
      "Rigorous imprisonment", "Simple imprisonment", "Fine only",
      "Released on probation")
WORDS(word_appellant, "The State", "The accused", "The complainant")
WORDS(word_appeal_outcome, "Upheld", "Acquitted on appeal",
      "Convicted on appeal", "Sentence modified", "Remanded for retrial")

const char *fmt_months(uint32_t months, char *buf, size_t bufsz)
{
	uint32_t y = months / 12, m = months % 12;

	if (y && m)
		snprintf(buf, bufsz, "%u year%s %u month%s", y,
		         y == 1 ? "" : "s", m, m == 1 ? "" : "s");
	else if (y)
		snprintf(buf, bufsz, "%u year%s", y, y == 1 ? "" : "s");
	else
		snprintf(buf, bufsz, "%u month%s", m, m == 1 ? "" : "s");
	return buf;
}

/* "BNS 303(2), BNS 331(4)"; NULL when there are none. */
static const char *sections_text(Cctns__V1__Charge *const *c, size_t n,
                                 char *buf, size_t bufsz)
{
	char one[128];
	size_t used = 0;

	buf[0] = '\0';
	for (size_t i = 0; i < n; i++)
		str_append(buf, bufsz, &used, ", ",
		           fmt_charge(c[i], one, sizeof(one)));
	return n ? buf : NULL;
}

/* "(1) A1", "(2) Mohan Lal (not arrested: no accused code)". */
static void accused_heading(FILE *out, size_t i, const char *code,
                            const Cctns__V1__Person *p)
{
	pr_spaces(out, IND);
	if (!empty(code))
		fprintf(out, "(%zu) Accused %s\n", i + 1, code);
	else
		fprintf(out, "(%zu) %s (no accused code: never arrested)\n",
		        i + 1, p && !empty(p->name) ? p->name : "Accused");
}

/* The rows of a person named as an accused without a code (the name is in
 * the heading). */
static void accused_person(FILE *out, const char *code,
                           const Cctns__V1__Person *p)
{
	char id[32];

	if (!empty(code) || !p)
		return;
	if (!empty(p->relative_name))
		pr_row(out, SUBIND,
		       p->relative_kind ? word_relative(p->relative_kind)
		                        : "Relative's name",
		       p->relative_name);
	if (p->gender)
		pr_row(out, SUBIND, "Gender", word_gender(p->gender));
	if (p->address)
		pr_address(out, SUBIND, "Address", p->address);
	if (p->person_id) {
		snprintf(id, sizeof(id), "%llu",
		         (unsigned long long)p->person_id);
		pr_row(out, SUBIND, "Person record No.", id);
	}
}

/* ------------------------------------------------------------ IIF-V */

static void print_report_case(FILE *out, const Cctns__V1__FinalReportRecord *r,
                              const Cctns__V1__FinalReport *f)
{
	const Cctns__V1__FinalReportReceipt *rc = r->receipt;
	char buf[128], t[64], gd[96];

	pr_heading(out, 1, "Case and report");
	pr_row(out, IND, "FIR No.", rc ? rc->fir_number : NULL);
	if (rc) {
		snprintf(buf, sizeof(buf), "%u of %u: %s", rc->report_no,
		         r->reports ? r->reports : rc->report_no,
		         f->supplementary ? "supplementary" : "original");
		pr_row(out, IND, "Report No.", buf);
	}
	pr_row(out, IND, "Filed in court", f->court);
	pr_row(out, IND, "Filed at", fmt_time(f->filed_at, t, sizeof(t)));
	pr_row(out, IND, "Case status after it",
	       rc ? word_case_status(rc->status) : NULL);
	pr_row(out, IND, "General Diary reference",
	       rc ? fmt_gd_ref(rc->gd_date, rc->gd_number, NULL, gd, sizeof(gd))
	          : NULL);
	pr_heading(out, 2, "Type of final report");
	pr_para(out, IND, word_final_report_kind(f->kind));
	pr_heading(out, 3, "Investigating officer");
	pr_para(out, IND, fmt_officer(f->officer, buf, sizeof(buf)));
}

static void print_charged(FILE *out, const Cctns__V1__FinalReport *f)
{
	char secs[512], d[32];

	pr_heading(out, 4, "Accused charge-sheeted");
	if (f->n_charged == 0)
		pr_para(out, IND, "none");
	for (size_t i = 0; i < f->n_charged; i++) {
		const Cctns__V1__ChargedAccused *a = f->charged[i];

		accused_heading(out, i, a->accused_code, a->person);
		accused_person(out, a->accused_code, a->person);
		pr_row(out, SUBIND, "Sections",
		       sections_text(a->sections, a->n_sections, secs,
		                     sizeof(secs)));
		pr_row(out, SUBIND, "Arrested on",
		       empty(a->arrested_on)
		               ? NULL
		               : fmt_date(a->arrested_on, d, sizeof(d)));
		pr_row(out, SUBIND, "Bailed on",
		       empty(a->bailed_on)
		               ? NULL
		               : fmt_date(a->bailed_on, d, sizeof(d)));
		pr_row(out, SUBIND, "Forwarded to court",
		       empty(a->forwarded_on)
		               ? NULL
		               : fmt_date(a->forwarded_on, d, sizeof(d)));
		pr_row(out, SUBIND, "Prev. convictions",
		       a->previous_convictions);
		pr_row(out, SUBIND, "Status", word_charged_status(a->status));
	}
}

static void print_not_charged(FILE *out, const Cctns__V1__FinalReport *f)
{
	pr_heading(out, 5, "Accused not charge-sheeted");
	if (f->n_not_charged == 0)
		pr_para(out, IND, "none");
	for (size_t i = 0; i < f->n_not_charged; i++) {
		const Cctns__V1__NotChargedAccused *a = f->not_charged[i];

		accused_heading(out, i, a->accused_code, a->person);
		accused_person(out, a->accused_code, a->person);
		pr_row(out, SUBIND, "Reason", a->reason);
	}
}

static void print_witnesses(FILE *out, const Cctns__V1__FinalReport *f)
{
	pr_heading(out, 6, "Witnesses");
	if (f->n_witnesses == 0)
		pr_para(out, IND, "none");
	for (size_t i = 0; i < f->n_witnesses; i++) {
		const Cctns__V1__ReportWitness *w = f->witnesses[i];

		pr_spaces(out, IND);
		fprintf(out, "(%zu) %s\n", i + 1, word_witness_kind(w->kind));
		pr_person(out, SUBIND, w->person);
	}
}

static void print_properties(FILE *out, const Cctns__V1__FinalReport *f)
{
	pr_heading(out, 7, "Properties and their disposal");
	if (f->n_properties == 0)
		pr_para(out, IND, "none");
	for (size_t i = 0; i < f->n_properties; i++) {
		const Cctns__V1__ReportProperty *p = f->properties[i];

		pr_spaces(out, IND);
		fprintf(out, "(%zu)\n", i + 1);
		pr_row(out, SUBIND, "Property", p->description);
		pr_row(out, SUBIND, "Malkhana entry", p->malkhana_number);
		pr_row(out, SUBIND, "Disposal", p->disposal);
	}
}

void print_final_report(FILE *out, const Cctns__V1__FinalReportRecord *r)
{
	static const Cctns__V1__FinalReport none =
	        CCTNS__V1__FINAL_REPORT__INIT;
	const Cctns__V1__FinalReport *f = r->report ? r->report : &none;

	pr_center(
	        out,
	        f->kind == CCTNS__V1__FINAL_REPORT_KIND__FINAL_REPORT_KIND_CHARGE_SHEET
	                ? "FINAL REPORT: CHARGE-SHEET"
	                : "FINAL REPORT");
	pr_center(out,
	          "(Integrated Investigation Form V; s.193 BNSS / s.173 CrPC)");
	print_report_case(out, r, f);
	print_charged(out, f);
	print_not_charged(out, f);
	print_witnesses(out, f);
	print_properties(out, f);
	pr_heading(out, 8, "Brief facts and result of investigation");
	pr_para(out, IND, f->brief_facts);
}

void print_final_report_receipt(FILE *out,
                                const Cctns__V1__FinalReportReceipt *r,
                                const char *key_hex)
{
	char t[64], gd[96];

	fprintf(out, "Final report %u (%s) recorded in FIR %s%s\n",
	        r->report_no, r->report_no > 1 ? "supplementary" : "original",
	        r->fir_number,
	        r->replayed ? " (already recorded earlier with this key)" : "");
	fprintf(out, "Filed in court: %s\n",
	        fmt_time(r->filed_at, t, sizeof(t)));
	fprintf(out, "Case status: %s\n", word_case_status(r->status));
	if (r->gd_number)
		fprintf(out, "General Diary: %s\n",
		        fmt_gd_ref(r->gd_date, r->gd_number, NULL, gd,
		                   sizeof(gd)));
	fprintf(out, "idempotency key: %s\n", key_hex);
}

/* ------------------------------------------------------------ IIF-VI, VII */

/* Punishment, term and fine rows of a sentence. */
static void print_sentence(FILE *out, const char *label, int punishment,
                           uint32_t months, uint64_t fine)
{
	char buf[64];

	pr_row(out, SUBIND, label, word_punishment(punishment));
	if (months)
		pr_row(out, SUBIND, "Term",
		       fmt_months(months, buf, sizeof(buf)));
	if (fine)
		pr_row(out, SUBIND, "Fine", fmt_rupees(fine, buf, sizeof(buf)));
}

static void print_recorded(FILE *out, const Cctns__V1__Officer *o,
                           const Cctns__V1__CourtReceipt *r)
{
	char buf[256], gd[96], t[64];

	pr_row(out, IND, "Recorded by", fmt_officer(o, buf, sizeof(buf)));
	if (!r)
		return;
	pr_row(out, IND, "Recorded at", fmt_time(r->recorded_at, t, sizeof(t)));
	pr_row(out, IND, "General Diary reference",
	       fmt_gd_ref(r->gd_date, r->gd_number, NULL, gd, sizeof(gd)));
}

static void print_disposal(FILE *out, const Cctns__V1__CourtRecord *c)
{
	const Cctns__V1__CourtDisposal *d = c->disposal;
	char date[32], secs[512];

	pr_heading(out, 2, "Court disposal (IIF-VI)");
	if (!d) {
		pr_para(out, IND, "No court disposal recorded.");
		return;
	}
	pr_row(out, IND, "Court", d->court);
	pr_row(out, IND, "Case number in court", d->case_number_in_court);
	pr_row(out, IND, "Public prosecutor", d->prosecutor);
	pr_row(out, IND, "Date of judgement",
	       fmt_date(d->judgement_date, date, sizeof(date)));
	pr_row(out, IND, "Disposal", word_disposal_kind(d->kind));
	print_recorded(out, d->officer, c->disposal_receipt);
	pr_heading(out, 3, "Accused: result, sections and sentence");
	for (size_t i = 0; i < d->n_accused; i++) {
		const Cctns__V1__AccusedDisposal *a = d->accused[i];

		accused_heading(out, i, a->accused_code, a->person);
		pr_row(out, SUBIND, "Result", word_trial_result(a->result));
		if (a->result !=
		    CCTNS__V1__TRIAL_RESULT__TRIAL_RESULT_CONVICTED)
			continue;
		pr_row(out, SUBIND, "Convicted under",
		       sections_text(a->sections_convicted,
		                     a->n_sections_convicted, secs,
		                     sizeof(secs)));
		print_sentence(out, "Punishment", a->punishment,
		               a->period_months, a->fine_rupees);
	}
}

static void print_appeal(FILE *out, const Cctns__V1__CourtRecord *c)
{
	const Cctns__V1__Appeal *a = c->appeal;
	char date[32], who[512] = "";
	size_t n = 0;

	pr_heading(out, 4, "Appeal (IIF-VII)");
	if (!a) {
		pr_para(out, IND, "No appeal recorded.");
		return;
	}
	pr_row(out, IND, "Appellate court", a->court);
	pr_row(out, IND, "Filed on", fmt_date(a->filed_on, date, sizeof(date)));
	pr_row(out, IND, "Appellant", word_appellant(a->appellant));
	for (size_t i = 0; i < a->n_accused_codes; i++)
		str_append(who, sizeof(who), &n, ", ", a->accused_codes[i]);
	for (size_t i = 0; i < a->n_accused_names; i++)
		str_append(who, sizeof(who), &n, ", ", a->accused_names[i]);
	pr_row(out, IND, "Accused", who);
	print_recorded(out, a->officer, c->appeal_receipt);
}

static void print_appeal_result(FILE *out, const Cctns__V1__CourtRecord *c)
{
	const Cctns__V1__AppealResult *r = c->appeal_result;
	char date[32];

	pr_heading(out, 5, "Result of appeal (IIF-VII)");
	if (!r) {
		pr_para(out, IND,
		        c->appeal ? "Not decided yet." : "No appeal.");
		return;
	}
	pr_row(out, IND, "Court", r->court);
	pr_row(out, IND, "Decided on",
	       fmt_date(r->decided_on, date, sizeof(date)));
	print_recorded(out, r->officer, c->appeal_result_receipt);
	for (size_t i = 0; i < r->n_results; i++) {
		const Cctns__V1__AccusedAppealResult *x = r->results[i];

		pr_spaces(out, IND);
		if (!empty(x->accused_code))
			fprintf(out, "(%zu) Accused %s\n", i + 1,
			        x->accused_code);
		else
			fprintf(out, "(%zu) %s\n", i + 1, x->accused_name);
		pr_row(out, SUBIND, "Result", word_appeal_outcome(x->result));
		if (x->new_punishment)
			print_sentence(out, "New sentence", x->new_punishment,
			               x->period_months, x->fine_rupees);
	}
}

void print_court_record(FILE *out, const Cctns__V1__CourtRecord *c)
{
	pr_center(out, "COURT DISPOSAL AND RESULT OF APPEAL");
	pr_center(out, "(Integrated Investigation Forms VI and VII)");
	pr_heading(out, 1, "Case");
	pr_row(out, IND, "FIR No.", c->fir_number);
	pr_row(out, IND, "Case status", word_case_status(c->status));
	print_disposal(out, c);
	print_appeal(out, c);
	print_appeal_result(out, c);
}

void print_court_receipt(FILE *out, const Cctns__V1__CourtReceipt *r,
                         const char *key_hex)
{
	char t[64], gd[96];

	fprintf(out, "%s recorded in FIR %s on %s%s\n",
	        word_case_event(r->event), r->fir_number,
	        fmt_time(r->recorded_at, t, sizeof(t)),
	        r->replayed ? " (already recorded earlier with this key)" : "");
	fprintf(out, "Case status: %s\n", word_case_status(r->status));
	if (r->gd_number)
		fprintf(out, "General Diary: %s\n",
		        fmt_gd_ref(r->gd_date, r->gd_number, NULL, gd,
		                   sizeof(gd)));
	fprintf(out, "idempotency key: %s\n", key_hex);
}
