/* print_fir.c: the FIR printout in the order and numbering of the paper form
 * (NCRB IIF-I): 1 district, police station, year, FIR number and date,
 * 2 acts and sections, 3 occurrence, information received and the General
 * Diary reference, 4 type of information, 5 place of occurrence (and the
 * station whose limits it is in, when outside this one's), 6 complainant /
 * informant with passport, 7 accused, 8 reasons for delay, 9 properties,
 * 10 their total value, 11 inquest / U.D. case number, 12 the first
 * information, 13 action taken and the officer, 14 the informant's
 * signature (e-FIR), 15 dispatch to the court; then where the case stands
 * (status, transfer to or from another station). Also the receipts of a
 * transfer and of an e-FIR signature, and the list of pending e-FIRs. */
#include "print_fir.h"

#include <string.h>

#define IND SECTION_INDENT

static int empty(const char *s)
{
	return !s || !*s;
}

/* ------------------------------------------------------------ 1 to 4 */

static void print_header(FILE *out, const Cctns__V1__FirReceipt *r)
{
	const Cctns__V1__Identity *st = r ? r->station : NULL;
	char buf[160], tbuf[64];

	pr_title(out, "FIRST INFORMATION REPORT");
	pr_center(out, "(Integrated Investigation Form I, section 173 BNSS)");
	pr_heading(out, 1, "District, police station, year, FIR number, date");
	if (st) {
		snprintf(buf, sizeof(buf), "%s (%u)", st->state_name,
		         st->state_code);
		pr_row(out, IND, "State", buf);
		snprintf(buf, sizeof(buf), "%s (%u)", st->district_name,
		         st->district_code);
		pr_row(out, IND, "District", buf);
		snprintf(buf, sizeof(buf), "%s (%u)", st->station_name,
		         st->station_code);
		pr_row(out, IND, "Police Station", buf);
	}
	snprintf(buf, sizeof(buf), "%u", r ? r->year : 0);
	pr_row(out, IND, "Year", r && r->year ? buf : NULL);
	pr_row(out, IND, "FIR No.", r ? r->fir_number : NULL);
	pr_row(out, IND, "Registered at",
	       fmt_time(r ? r->registered_at : NULL, tbuf, sizeof(tbuf)));
}

static void print_charges(FILE *out, const Cctns__V1__FirContent *c)
{
	char buf[256];

	pr_heading(out, 2, "Acts and sections");
	if (c->n_charges == 0)
		pr_row(out, IND, "Charges", NULL);
	for (size_t i = 0; i < c->n_charges; i++) {
		pr_spaces(out, IND);
		fprintf(out, "%s\n",
		        fmt_charge(c->charges[i], buf, sizeof(buf)));
	}
}

/* "Saturday" for the IST day of an RFC 3339 time; NULL when not IST. */
static const char *weekday(const char *t)
{
	static const char *const days[] = {"Sunday",    "Monday",   "Tuesday",
	                                   "Wednesday", "Thursday", "Friday",
	                                   "Saturday"};
	static const int shift[] = {0, 3, 2, 5, 0, 3, 5, 1, 4, 6, 2, 4};
	int y, m, d;

	if (empty(t) || strlen(t) < 25 || strcmp(t + strlen(t) - 6, "+05:30"))
		return NULL;
	if (sscanf(t, "%4d-%2d-%2d", &y, &m, &d) != 3 || m < 1 || m > 12)
		return NULL;
	y -= m < 3; /* Sakamoto's method */
	return days[(y + y / 4 - y / 100 + y / 400 + shift[m - 1] + d) % 7];
}

static void print_occurrence(FILE *out, const Cctns__V1__FirContent *c,
                             const Cctns__V1__FirReceipt *r)
{
	char tbuf[64], gd[128];

	pr_heading(out, 3, "Occurrence of offence");
	pr_row(out, IND, "(a) Day", weekday(c->occurred_from));
	pr_row(out, IND + 4, "From",
	       fmt_time(c->occurred_from, tbuf, sizeof(tbuf)));
	pr_row(out, IND + 4, "To",
	       fmt_time(c->occurred_to, tbuf, sizeof(tbuf)));
	pr_row(out, IND, "(b) Information received",
	       fmt_time(c->information_received_at, tbuf, sizeof(tbuf)));
	/* 3(c): the General Diary reference, entry and time. */
	pr_row(out, IND, "(c) General Diary entry",
	       r ? fmt_gd_ref(r->gd_date, r->gd_number, r->gd_entered_at, gd,
	                      sizeof(gd))
	         : NULL);
}

static void print_information_type(FILE *out, const Cctns__V1__FirContent *c)
{
	pr_heading(out, 4, "Type of information");
	pr_row(out, IND, "Type", word_information_type(c->information_type));
	if (c->e_fir)
		pr_row(out, IND, "e-FIR",
		       "Yes: registered online, to be signed by the informant "
		       "within three days");
	if (c->zero_fir)
		pr_row(out, IND, "Zero FIR",
		       "Yes: registered whatever the place of occurrence, to "
		       "be transferred to the competent station");
}

/* ------------------------------------------------------------ 5 to 7 */

/* "Sadar Bazar (station 2001), district Aligarh (119), state 9". */
static const char *station_ref_text(const Cctns__V1__StationRef *s, char *buf,
                                    size_t bufsz)
{
	char code[32] = "";

	if (!s)
		return NULL;
	if (s->station_code)
		snprintf(code, sizeof(code), " (station %u)", s->station_code);
	snprintf(buf, bufsz, "%s%s, district %s%s(%u), state %u",
	         empty(s->station_name) ? "(name not stated)" : s->station_name,
	         code, empty(s->district_name) ? "" : s->district_name,
	         empty(s->district_name) ? "" : " ", s->district_code,
	         s->state_code);
	return buf;
}

static void print_place(FILE *out, const Cctns__V1__FirContent *c)
{
	const Cctns__V1__Place *p = c->place;
	char dist[32], buf[512];

	pr_heading(out, 5, "Place of occurrence");
	if (p && (p->distance_m || p->direction)) {
		snprintf(buf, sizeof(buf), "%s %s of the police station",
		         fmt_distance(p->distance_m, dist, sizeof(dist)),
		         p->direction ? word_direction(p->direction)
		                      : "(direction not stated)");
		pr_row(out, IND, "(a) Distance, direction", buf);
	} else {
		pr_row(out, IND, "(a) Distance, direction", NULL);
	}
	pr_row(out, IND + 4, "Beat", p ? p->beat : NULL);
	pr_address(out, IND, "(b) Address", p ? p->address : NULL);
	pr_row(out, IND, "(c) Outside: P.S.",
	       c->outside_station
	               ? station_ref_text(c->outside_station, buf, sizeof(buf))
	               : "no: within this police station's limits");
}

static void print_passport(FILE *out, const Cctns__V1__Passport *pp)
{
	char date[32];

	pr_row(out, IND, "Passport No.", pp ? pp->number : NULL);
	if (!pp)
		return;
	pr_row(out, IND + 4, "Date of issue",
	       fmt_date(pp->date_of_issue, date, sizeof(date)));
	pr_row(out, IND + 4, "Place of issue", pp->place_of_issue);
}

static void print_person_id(FILE *out, size_t indent,
                            const Cctns__V1__Person *p)
{
	char id[32];

	if (!p || !p->person_id)
		return;
	snprintf(id, sizeof(id), "%llu", (unsigned long long)p->person_id);
	pr_row(out, indent, "Persons register No.", id);
}

/* IIF-I item 6 in its order: name, father's / husband's name, birth,
 * nationality, passport, occupation, address (then phone). */
static void print_complainant(FILE *out, const Cctns__V1__FirContent *c)
{
	const Cctns__V1__Person *p = c->complainant;
	Cctns__V1__Person first = CCTNS__V1__PERSON__INIT;

	pr_heading(out, 6, "Complainant / informant");
	if (!p) {
		pr_row(out, IND, "Name", NULL);
		return;
	}
	first = *p;
	first.occupation = NULL;
	first.address = NULL;
	first.phone = NULL;
	pr_person(out, IND, &first);
	print_passport(out, c->complainant_passport);
	pr_row(out, IND, "Occupation", p->occupation);
	pr_address(out, IND, "Address", p->address);
	if (!empty(p->phone))
		pr_row(out, IND, "Phone", p->phone);
	print_person_id(out, IND, p);
	if (!c->informant) {
		pr_row(out, IND, "Informant", "the complainant");
		return;
	}
	pr_spaces(out, IND);
	fputs("Informant (another person than the complainant)\n", out);
	pr_person(out, IND + 4, c->informant);
	print_person_id(out, IND + 4, c->informant);
}

static void print_one_accused(FILE *out, size_t n, const Cctns__V1__Accused *a)
{
	char buf[64];

	pr_spaces(out, IND);
	if (a->kind == CCTNS__V1__ACCUSED_KIND__ACCUSED_KIND_UNKNOWN) {
		unsigned count = a->count ? a->count : 1;

		snprintf(buf, sizeof(buf), "(%zu) Unknown, %u person%s", n,
		         count, count == 1 ? "" : "s");
		fprintf(out, "%s\n", buf);
		pr_row(out, IND + 4, "Description", a->description);
		return;
	}
	fprintf(out, "(%zu) %s\n", n, word_accused_kind(a->kind));
	pr_person(out, IND + 4, a->person);
	print_person_id(out, IND + 4, a->person);
	if (!empty(a->description))
		pr_row(out, IND + 4, "Description", a->description);
}

static void print_accused(FILE *out, const Cctns__V1__FirContent *c)
{
	pr_heading(out, 7, "Details of known / suspected / unknown accused");
	if (c->n_accused == 0) {
		pr_spaces(out, IND);
		fputs("none named\n", out);
	}
	for (size_t i = 0; i < c->n_accused; i++)
		print_one_accused(out, i + 1, c->accused[i]);
}

/* ------------------------------------------------------------ 8 to 12 */

/* Item 10 is the server's total; a printout of a document not yet sent
 * shows the sum of the items. */
static uint64_t total_value(const Cctns__V1__FirContent *c)
{
	uint64_t total = 0;

	if (c->total_value_rupees)
		return c->total_value_rupees;
	for (size_t i = 0; i < c->n_properties; i++)
		total += c->properties[i]->value_rupees;
	return total;
}

static void print_properties(FILE *out, const Cctns__V1__FirContent *c)
{
	char kind[96], label[112], money[40];

	pr_heading(out, 9, "Particulars of properties stolen / involved");
	if (c->n_properties == 0) {
		pr_spaces(out, IND);
		fputs("none\n", out);
	}
	for (size_t i = 0; i < c->n_properties; i++) {
		const Cctns__V1__Property *p = c->properties[i];

		snprintf(label, sizeof(label), "(%zu) %s", i + 1,
		         fmt_kind(p->kind, kind, sizeof(kind)));
		pr_row(out, IND, label,
		       p->value_rupees ? fmt_rupees(p->value_rupees, money,
		                                    sizeof(money))
		                       : "value not stated");
		if (!empty(p->description)) {
			pr_spaces(out, LABEL_COL);
			wrap_text(out, p->description, LABEL_COL, LABEL_COL,
			          PRINT_WIDTH);
		}
		pr_property_ids(out, IND + 4, p->identifiers, p->n_identifiers);
	}
	pr_heading(out, 10, "Total value of properties stolen / involved");
	pr_row(out, IND, "Total value",
	       fmt_rupees(total_value(c), money, sizeof(money)));
}

static void print_delay_to_contents(FILE *out, const Cctns__V1__FirContent *c)
{
	pr_heading(out, 8, "Reasons for delay in reporting");
	pr_para(out, IND,
	        empty(c->delay_reason) ? "none stated" : c->delay_reason);
	print_properties(out, c);
	pr_heading(out, 11, "Inquest report / U.D. case No., if any");
	pr_para(out, IND,
	        empty(c->inquest_number) ? "none" : c->inquest_number);
	pr_heading(out, 12, "First information contents");
	pr_para(out, IND, c->brief_facts);
}

/* ------------------------------------------------------------ 13 to 15 */

static const char *action_text(const Cctns__V1__ActionTaken *a, char *buf,
                               size_t bufsz)
{
	char st[512];

	switch (a ? a->action : 0) {
	case CCTNS__V1__FIR_ACTION__FIR_ACTION_REGISTERED_AND_INVESTIGATION_TAKEN_UP:
		return "Registered the case and took up the investigation.";
	case CCTNS__V1__FIR_ACTION__FIR_ACTION_REFUSED_INVESTIGATION:
		snprintf(buf, bufsz, "Refused investigation due to: %s",
		         empty(a->reason) ? NOT_STATED : a->reason);
		return buf;
	case CCTNS__V1__FIR_ACTION__FIR_ACTION_TRANSFERRED_TO_STATION:
		snprintf(buf, bufsz,
		         "Transferred to police station %s on point of "
		         "jurisdiction.",
		         a->to_station ? station_ref_text(a->to_station, st,
		                                          sizeof(st))
		                       : NOT_STATED);
		return buf;
	default:
		return NULL;
	}
}

static void print_action(FILE *out, const Cctns__V1__FirContent *c)
{
	const Cctns__V1__Officer *o = c->officer;
	char buf[1024];

	pr_heading(out, 13, "Action taken");
	pr_para(out, IND, action_text(c->action_taken, buf, sizeof(buf)));
	if (c->action_taken && !empty(c->action_taken->text))
		pr_para(out, IND, c->action_taken->text);
	pr_para(out, IND,
	        "F.I.R. read over to the complainant / informant, admitted to "
	        "be correctly recorded and a copy given to the complainant / "
	        "informant free of cost.");
	pr_spaces(out, IND);
	fputs("Officer in charge who recorded the FIR:\n", out);
	pr_row(out, IND + 4, "Name", o ? o->name : NULL);
	pr_row(out, IND + 4, "Rank", o ? o->rank : NULL);
	pr_row(out, IND + 4, "Number", o ? o->number : NULL);
}

static void print_signature(FILE *out, const Cctns__V1__Fir *fir,
                            const Cctns__V1__FirContent *c)
{
	char t[64], buf[128];

	pr_heading(out, 14,
	           "Signature / thumb impression of the complainant / "
	           "informant");
	if (!c->e_fir) {
		pr_para(out, IND, "on the paper copy");
		return;
	}
	if (!empty(fir->efir_signed_at)) {
		snprintf(buf, sizeof(buf),
		         "e-FIR signed by the informant on %s",
		         fmt_time(fir->efir_signed_at, t, sizeof(t)));
		pr_para(out, IND, buf);
		return;
	}
	snprintf(buf, sizeof(buf),
	         "e-FIR not signed yet: the informant must sign by %s",
	         fmt_time(fir->efir_sign_by, t, sizeof(t)));
	pr_para(out, IND, buf);
}

static void print_dispatch(FILE *out, const Cctns__V1__FirContent *c)
{
	char t[64];

	pr_heading(out, 15, "Date and time of dispatch to the court");
	pr_para(out, IND,
	        empty(c->dispatched_to_court_at)
	                ? "not dispatched yet"
	                : fmt_time(c->dispatched_to_court_at, t, sizeof(t)));
}

/* ------------------------------------------------------------ the case */

static void print_link(FILE *out, const char *label,
                       const Cctns__V1__FirTransferLink *l)
{
	const Cctns__V1__Identity *s = l->station;
	char buf[512], t[64], officer[256];

	snprintf(buf, sizeof(buf), "%s (%u:%u:%u)%s%s%s",
	         s && !empty(s->station_name) ? s->station_name : "a station",
	         s ? s->state_code : 0, s ? s->district_code : 0,
	         s ? s->station_code : 0, empty(l->fir_number) ? "" : ", FIR ",
	         empty(l->fir_number) ? "" : l->fir_number,
	         l->exported ? ", in another state: exported" : "");
	pr_row(out, IND, label, buf);
	pr_row(out, IND + 4, "On", fmt_time(l->at, t, sizeof(t)));
	pr_row(out, IND + 4, "Reason", l->reason);
	pr_row(out, IND + 4, "By",
	       fmt_officer(l->officer, officer, sizeof(officer)));
}

static void print_case(FILE *out, const Cctns__V1__Fir *fir)
{
	if (!fir->status && !fir->transferred_to && !fir->transferred_from)
		return;
	fputs("\nThe case\n", out);
	if (fir->status)
		pr_row(out, IND, "Status", word_case_status(fir->status));
	if (fir->transferred_from)
		print_link(out, "Received by transfer from",
		           fir->transferred_from);
	if (fir->transferred_to)
		print_link(out, "Transferred to", fir->transferred_to);
}

void print_fir(FILE *out, const Cctns__V1__Fir *fir)
{
	static const Cctns__V1__FirContent none = CCTNS__V1__FIR_CONTENT__INIT;
	const Cctns__V1__FirContent *c = fir->content ? fir->content : &none;

	print_header(out, fir->receipt);
	print_charges(out, c);
	print_occurrence(out, c, fir->receipt);
	print_information_type(out, c);
	print_place(out, c);
	print_complainant(out, c);
	print_accused(out, c);
	print_delay_to_contents(out, c);
	print_action(out, c);
	print_signature(out, fir, c);
	print_dispatch(out, c);
	print_case(out, fir);
}

void print_receipt(FILE *out, const Cctns__V1__FirReceipt *r,
                   const char *key_hex)
{
	char tbuf[64], gd[96];
	const char *station = r->station && !empty(r->station->station_name)
	                              ? r->station->station_name
	                              : "this station";

	fprintf(out, "FIR %s registered at %s on %s%s\n", r->fir_number,
	        station, fmt_time(r->registered_at, tbuf, sizeof(tbuf)),
	        r->replayed ? " (already registered earlier with this key)"
	                    : "");
	if (r->gd_number)
		fprintf(out, "General Diary: %s\n",
		        fmt_gd_ref(r->gd_date, r->gd_number, r->gd_entered_at,
		                   gd, sizeof(gd)));
	fprintf(out, "idempotency key: %s\n", key_hex);
}

/* ------------------------------------------------------------ transfer, e-FIR
 */

void print_transfer_receipt(FILE *out, const Cctns__V1__FirTransferReceipt *r,
                            const char *key_hex)
{
	const Cctns__V1__Identity *to = r->to;
	char t[64], gd[96];

	fprintf(out, "FIR %s transferred to %s (%u:%u:%u) on %s%s\n",
	        r->fir_number,
	        to && !empty(to->station_name) ? to->station_name : "a station",
	        to ? to->state_code : 0, to ? to->district_code : 0,
	        to ? to->station_code : 0,
	        fmt_time(r->transferred_at, t, sizeof(t)),
	        r->replayed ? " (already transferred earlier with this key)"
	                    : "");
	if (!empty(r->new_fir_number))
		fprintf(out, "Registered there as FIR %s\n", r->new_fir_number);
	if (r->exported)
		fprintf(out,
		        "Another state: export it for the receiving station "
		        "with: cctns fir export %s --out FILE\n",
		        r->fir_number);
	if (r->gd_number)
		fprintf(out, "General Diary here: %s\n",
		        fmt_gd_ref(r->gd_date, r->gd_number, NULL, gd,
		                   sizeof(gd)));
	if (r->to_gd_number)
		fprintf(out, "General Diary there: %s\n",
		        fmt_gd_ref(r->to_gd_date, r->to_gd_number, NULL, gd,
		                   sizeof(gd)));
	fprintf(out, "idempotency key: %s\n", key_hex);
}

void print_efir_sign_receipt(FILE *out, const Cctns__V1__EfirSignReceipt *r,
                             const char *key_hex)
{
	char t[64], by[64], gd[96];

	fprintf(out, "e-FIR %s signed by the informant on %s (deadline %s)%s\n",
	        r->fir_number, fmt_time(r->signed_at, t, sizeof(t)),
	        fmt_time(r->sign_by, by, sizeof(by)),
	        r->replayed ? " (already recorded earlier with this key)" : "");
	if (r->gd_number)
		fprintf(out, "General Diary: %s\n",
		        fmt_gd_ref(r->gd_date, r->gd_number, NULL, gd,
		                   sizeof(gd)));
	fprintf(out, "idempotency key: %s\n", key_hex);
}

void print_pending_efirs(FILE *out, const Cctns__V1__PendingEfirs *p)
{
	char reg[32], by[32];

	if (p->n_items == 0) {
		fputs("No e-FIR is waiting for its informant's signature.\n",
		      out);
		return;
	}
	fprintf(out, "%-11s  %-16s  %-16s  %s\n", "FIR No.", "Registered",
	        "Sign by", "(times are IST)");
	for (size_t i = 0; i < p->n_items; i++) {
		const Cctns__V1__PendingEfir *e = p->items[i];

		fprintf(out, "%-11s  %-16s  %-16s  %s\n", e->fir_number,
		        fmt_ist(e->registered_at, 1, reg, sizeof(reg)),
		        fmt_ist(e->sign_by, 1, by, sizeof(by)),
		        e->overdue ? "OVERDUE: lapsed unsigned" : "waiting");
	}
}
