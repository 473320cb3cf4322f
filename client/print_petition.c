/* print_petition.c: the petition register page: acknowledgement, who
 * petitioned against whom, the subject and text, the enquiry and its
 * report, the disposal, and the history of every step with its time and
 * officer. Every section is printed, "not stated" or "none" where the
 * record is silent. */
#include "print_petition.h"

#include "printout.h"

#define IND SECTION_INDENT

static int empty(const char *s)
{
	return !s || !*s;
}

static const char *word_of(const char *const *words, size_t n, int v)
{
	if (v == 0)
		return NOT_STATED;
	return v > 0 && (size_t)v < n ? words[v] : "unrecognised";
}

#define WORDS(fn, ...)                                                         \
	const char *fn(int v)                                                  \
	{                                                                      \
		static const char *const words[] = {NULL, __VA_ARGS__};        \
		return word_of(words, sizeof(words) / sizeof(words[0]), v);    \
	}

WORDS(word_petition_mode, "In person", "By post", "Online", "By e-mail",
      "Forwarded by a higher officer", "Referred by a court")
WORDS(word_petition_status, "Received", "Under enquiry", "Enquiry reported",
      "Disposed")
WORDS(word_petition_event, "Received", "Received by transfer",
      "Enquiry assigned", "Enquiry reassigned", "Enquiry reported", "Disposed")
WORDS(word_recommendation, "Close the petition", "Register an FIR",
      "Transfer to another station")

/* The other station of a transfer as two rows: "Aligarh Civil Lines
 * (district Aligarh)" under label, and its number there. */
static void print_link(FILE *out, const char *label,
                       const Cctns__V1__PetitionLink *l)
{
	const Cctns__V1__Identity *s = l->station;
	char buf[256];

	if (s && !empty(s->station_name))
		snprintf(buf, sizeof(buf), "%s (district %s)", s->station_name,
		         empty(s->district_name) ? NOT_STATED
		                                 : s->district_name);
	else
		snprintf(buf, sizeof(buf), NOT_STATED);
	pr_row(out, IND, label, buf);
	pr_row(out, IND, "Petition No. there", l->petition_number);
}

static void print_acknowledgement(FILE *out, const Cctns__V1__PetitionRecord *r,
                                  const Cctns__V1__Petition *p)
{
	const Cctns__V1__PetitionReceipt *rc = r->receipt;
	char t[64], gd[96], officer[256];

	pr_heading(out, 1, "Acknowledgement");
	pr_row(out, IND, "Petition No.", rc ? rc->petition_number : NULL);
	pr_row(out, IND, "Received at", fmt_time(p->received_at, t, sizeof(t)));
	pr_row(out, IND, "How received", word_petition_mode(p->mode));
	if (!empty(p->reference))
		pr_row(out, IND, "Reference", p->reference);
	if (r->transferred_from)
		print_link(out, "Received by transfer from",
		           r->transferred_from);
	pr_row(out, IND, "Registered at",
	       fmt_time(rc ? rc->registered_at : NULL, t, sizeof(t)));
	pr_row(out, IND, "General Diary reference",
	       rc ? fmt_gd_ref(rc->gd_date, rc->gd_number, NULL, gd, sizeof(gd))
	          : NULL);
	pr_row(out, IND, "Received by",
	       p->officer ? fmt_officer(p->officer, officer, sizeof(officer))
	                  : NULL);
}

static void print_parties(FILE *out, const Cctns__V1__Petition *p)
{
	pr_heading(out, 2, "Petitioner");
	pr_person(out, IND, p->petitioner);
	pr_heading(out, 3, "Against whom (respondents)");
	if (p->n_respondents == 0)
		pr_para(out, IND, "none named");
	for (size_t i = 0; i < p->n_respondents; i++) {
		pr_spaces(out, IND);
		fprintf(out, "(%zu)\n", i + 1);
		pr_person(out, IND + 4, p->respondents[i]);
	}
}

static void print_enquiry(FILE *out, const Cctns__V1__PetitionRecord *r)
{
	const Cctns__V1__PetitionEnquiryReport *e = r->report;
	char officer[256], t[64];

	pr_heading(out, 6, "Enquiry");
	pr_row(out, IND, "Status", word_petition_status(r->status));
	pr_row(out, IND, "Enquiry officer",
	       r->enquiry_officer ? fmt_officer(r->enquiry_officer, officer,
	                                        sizeof(officer))
	                          : "none assigned");
	pr_heading(out, 7, "Enquiry report");
	if (!e) {
		pr_para(out, IND, "not yet reported");
		return;
	}
	pr_row(out, IND, "Reported at", fmt_time(e->reported_at, t, sizeof(t)));
	pr_row(out, IND, "Reported by",
	       fmt_officer(e->officer, officer, sizeof(officer)));
	pr_row(out, IND, "Recommendation",
	       word_recommendation(e->recommendation));
	pr_row(out, IND, "Findings", e->findings);
}

/* "Closed", "Converted into FIR 0005/2026", "Transferred to another
 * station". */
static const char *disposal_text(const Cctns__V1__PetitionDisposal *d,
                                 char *buf, size_t bufsz)
{
	switch (d->kind) {
	case CCTNS__V1__PETITION_DISPOSAL_KIND__PETITION_DISPOSAL_KIND_CLOSED:
		snprintf(buf, bufsz, "Closed");
		break;
	case CCTNS__V1__PETITION_DISPOSAL_KIND__PETITION_DISPOSAL_KIND_CONVERTED_TO_FIR:
		snprintf(buf, bufsz, "Converted into FIR %s", d->fir_number);
		break;
	case CCTNS__V1__PETITION_DISPOSAL_KIND__PETITION_DISPOSAL_KIND_TRANSFERRED:
		snprintf(buf, bufsz, "Transferred to another station");
		break;
	default:
		snprintf(buf, bufsz, NOT_STATED);
		break;
	}
	return buf;
}

static void print_disposal(FILE *out, const Cctns__V1__PetitionRecord *r)
{
	char what[96], t[64], officer[256], gd[96];

	pr_heading(out, 8, "Disposal");
	if (!r->disposal) {
		pr_para(out, IND, "not yet disposed of");
		return;
	}
	pr_row(out, IND, "Disposal",
	       disposal_text(r->disposal, what, sizeof(what)));
	if (r->transferred_to)
		print_link(out, "Transferred to", r->transferred_to);
	if (!empty(r->disposal->reason))
		pr_row(out, IND, "Reason / remarks", r->disposal->reason);
	pr_row(out, IND, "Disposed at", fmt_time(r->disposed_at, t, sizeof(t)));
	pr_row(out, IND, "Disposed by",
	       fmt_officer(r->disposal->officer, officer, sizeof(officer)));
	pr_row(out, IND, "General Diary reference",
	       fmt_gd_ref(r->disposal_gd_date, r->disposal_gd_number, NULL, gd,
	                  sizeof(gd)));
}

/* One line per step, oldest first:
 *   When (IST)        Step                  GD   Officer
 * and the step's summary under it. */
#define COL_SUMMARY 18

static void print_history(FILE *out, const Cctns__V1__PetitionRecord *r)
{
	char when[48], gd[16], officer[256];

	pr_heading(out, 9, "History");
	if (r->n_history == 0) {
		pr_para(out, IND, "none");
		return;
	}
	fprintf(out, "%-16s  %-20s  %-3s  %s\n", "When (IST)", "Step", "GD",
	        "Officer");
	for (size_t i = 0; i < r->n_history; i++) {
		const Cctns__V1__PetitionEvent *e = r->history[i];

		snprintf(gd, sizeof(gd), "%u", e->gd_number);
		fprintf(out, "%-16s  %-20s  %-3s  %s\n",
		        fmt_ist(e->at, 1, when, sizeof(when)),
		        word_petition_event(e->kind), e->gd_number ? gd : "-",
		        fmt_officer(e->officer, officer, sizeof(officer)));
		if (!empty(e->summary)) {
			pr_spaces(out, COL_SUMMARY);
			wrap_text(out, e->summary, COL_SUMMARY, COL_SUMMARY,
			          PRINT_WIDTH);
		}
	}
}

void print_petition(FILE *out, const Cctns__V1__PetitionRecord *r)
{
	static const Cctns__V1__Petition none = CCTNS__V1__PETITION__INIT;
	const Cctns__V1__Petition *p = r->petition ? r->petition : &none;

	pr_center(out, "PETITION / COMPLAINT REGISTER");
	print_acknowledgement(out, r, p);
	print_parties(out, p);
	pr_heading(out, 4, "Subject");
	pr_para(out, IND, p->subject);
	pr_heading(out, 5, "The petition");
	pr_para(out, IND, p->text);
	print_enquiry(out, r);
	print_disposal(out, r);
	print_history(out, r);
}

void print_petition_receipt(FILE *out, const Cctns__V1__PetitionReceipt *r,
                            const char *key_hex)
{
	char t[64], rec[64], gd[96];

	fprintf(out, "Petition %s registered on %s (received %s)%s\n",
	        r->petition_number, fmt_time(r->registered_at, t, sizeof(t)),
	        fmt_time(r->received_at, rec, sizeof(rec)),
	        r->replayed ? " (already registered earlier with this key)"
	                    : "");
	fprintf(out, "Acknowledgement number: %s\n", r->petition_number);
	if (r->gd_number)
		fprintf(out, "General Diary: %s\n",
		        fmt_gd_ref(r->gd_date, r->gd_number, NULL, gd,
		                   sizeof(gd)));
	fprintf(out, "idempotency key: %s\n", key_hex);
}

void print_petition_step(FILE *out, const Cctns__V1__PetitionRecord *r,
                         const char *key_hex)
{
	const Cctns__V1__PetitionEvent *last =
	        r->n_history ? r->history[r->n_history - 1] : NULL;
	char gd[96];

	fprintf(out, "Petition %s is now %s%s\n",
	        r->receipt ? r->receipt->petition_number : "(no number)",
	        word_petition_status(r->status),
	        r->replayed ? " (already recorded earlier with this key)" : "");
	if (last && !empty(last->summary))
		fprintf(out, "%s\n", last->summary);
	if (last && last->gd_number)
		fprintf(out, "General Diary: %s\n",
		        fmt_gd_ref(last->gd_date, last->gd_number, NULL, gd,
		                   sizeof(gd)));
	fprintf(out, "idempotency key: %s\n", key_hex);
}
