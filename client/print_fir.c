/* print_fir.c: the FIR printout in the order of the paper form (IIF-I):
 * header with the General Diary reference, 1 acts and sections,
 * 2 occurrence, 3 place, 4 complainant, 5 accused, 6 delay, 7 properties,
 * 8 first information, 9 the officer who recorded it. */
#include "print_fir.h"

static int empty(const char *s)
{
	return !s || !*s;
}

static void print_header(FILE *out, const Cctns__V1__FirReceipt *r)
{
	const Cctns__V1__Identity *st = r ? r->station : NULL;
	char buf[160], tbuf[64];

	pr_title(out, "FIRST INFORMATION REPORT");
	pr_row(out, 0, "FIR No.", r ? r->fir_number : NULL);
	snprintf(buf, sizeof(buf), "%u", r ? r->year : 0);
	pr_row(out, 0, "Year", r && r->year ? buf : NULL);
	if (st) {
		snprintf(buf, sizeof(buf), "%s (%u)", st->station_name,
		         st->station_code);
		pr_row(out, 0, "Police Station", buf);
		snprintf(buf, sizeof(buf), "%s (%u)", st->district_name,
		         st->district_code);
		pr_row(out, 0, "District", buf);
		snprintf(buf, sizeof(buf), "%s (%u)", st->state_name,
		         st->state_code);
		pr_row(out, 0, "State", buf);
	}
	pr_row(out, 0, "Registered at",
	       fmt_time(r ? r->registered_at : NULL, tbuf, sizeof(tbuf)));
	/* IIF-I item 3(c): the General Diary reference, entry and time. */
	if (r)
		pr_row(out, 0, "General Diary reference",
		       fmt_gd_ref(r->gd_date, r->gd_number, r->gd_entered_at,
		                  buf, sizeof(buf)));
}

static void print_charges(FILE *out, const Cctns__V1__FirContent *c)
{
	char buf[256];

	pr_heading(out, 1, "Acts and sections");
	if (c->n_charges == 0)
		pr_row(out, SECTION_INDENT, "Charges", NULL);
	for (size_t i = 0; i < c->n_charges; i++) {
		pr_spaces(out, SECTION_INDENT);
		fprintf(out, "%s\n",
		        fmt_charge(c->charges[i], buf, sizeof(buf)));
	}
}

static void print_occurrence(FILE *out, const Cctns__V1__FirContent *c)
{
	char tbuf[64];

	pr_heading(out, 2, "Occurrence of offence");
	pr_row(out, SECTION_INDENT, "From",
	       fmt_time(c->occurred_from, tbuf, sizeof(tbuf)));
	pr_row(out, SECTION_INDENT, "To",
	       fmt_time(c->occurred_to, tbuf, sizeof(tbuf)));
	pr_row(out, SECTION_INDENT, "Information received at",
	       fmt_time(c->information_received_at, tbuf, sizeof(tbuf)));
	pr_row(out, SECTION_INDENT, "Type of information",
	       word_information_type(c->information_type));
}

static void print_place(FILE *out, const Cctns__V1__Place *p)
{
	char dist[32], buf[96];

	pr_heading(out, 3, "Place of occurrence");
	if (!p) {
		pr_row(out, SECTION_INDENT, "Address", NULL);
		return;
	}
	if (p->distance_m || p->direction) {
		snprintf(buf, sizeof(buf), "%s %s of the police station",
		         fmt_distance(p->distance_m, dist, sizeof(dist)),
		         p->direction ? word_direction(p->direction)
		                      : "(direction not stated)");
		pr_row(out, SECTION_INDENT, "Distance and direction", buf);
	} else {
		pr_row(out, SECTION_INDENT, "Distance and direction", NULL);
	}
	pr_row(out, SECTION_INDENT, "Beat", p->beat);
	pr_address(out, SECTION_INDENT, "Address", p->address);
}

static void print_one_accused(FILE *out, size_t n, const Cctns__V1__Accused *a)
{
	char buf[64];

	pr_spaces(out, SECTION_INDENT);
	if (a->kind == CCTNS__V1__ACCUSED_KIND__ACCUSED_KIND_UNKNOWN) {
		unsigned count = a->count ? a->count : 1;

		snprintf(buf, sizeof(buf), "(%zu) Unknown, %u person%s", n,
		         count, count == 1 ? "" : "s");
		fprintf(out, "%s\n", buf);
		pr_row(out, SECTION_INDENT + 4, "Description", a->description);
		return;
	}
	fprintf(out, "(%zu) %s\n", n, word_accused_kind(a->kind));
	pr_person(out, SECTION_INDENT + 4, a->person);
	if (!empty(a->description))
		pr_row(out, SECTION_INDENT + 4, "Description", a->description);
}

static void print_accused(FILE *out, const Cctns__V1__FirContent *c)
{
	pr_heading(out, 5, "Details of known / suspected / unknown accused");
	if (c->n_accused == 0) {
		pr_spaces(out, SECTION_INDENT);
		fputs("none named\n", out);
	}
	for (size_t i = 0; i < c->n_accused; i++)
		print_one_accused(out, i + 1, c->accused[i]);
}

static void print_properties(FILE *out, const Cctns__V1__FirContent *c)
{
	char kind[96], label[112], money[40];
	uint64_t total = 0;

	pr_heading(out, 7, "Particulars of properties involved");
	if (c->n_properties == 0) {
		pr_spaces(out, SECTION_INDENT);
		fputs("none\n", out);
		return;
	}
	for (size_t i = 0; i < c->n_properties; i++) {
		const Cctns__V1__Property *p = c->properties[i];

		snprintf(label, sizeof(label), "(%zu) %s", i + 1,
		         fmt_kind(p->kind, kind, sizeof(kind)));
		pr_row(out, SECTION_INDENT, label,
		       fmt_rupees(p->value_rupees, money, sizeof(money)));
		if (!empty(p->description)) {
			pr_spaces(out, LABEL_COL);
			wrap_text(out, p->description, LABEL_COL, LABEL_COL,
			          PRINT_WIDTH);
		}
		total += p->value_rupees;
	}
	pr_row(out, SECTION_INDENT, "Total value",
	       fmt_rupees(total, money, sizeof(money)));
}

/* The paper form ends with the name, rank and number of the officer who
 * recorded the FIR. */
static void print_officer(FILE *out, const Cctns__V1__Officer *o)
{
	pr_heading(out, 9, "Officer who recorded the FIR");
	pr_row(out, SECTION_INDENT, "Name", o ? o->name : NULL);
	pr_row(out, SECTION_INDENT, "Rank", o ? o->rank : NULL);
	pr_row(out, SECTION_INDENT, "Number", o ? o->number : NULL);
}

void print_fir(FILE *out, const Cctns__V1__Fir *fir)
{
	static const Cctns__V1__FirContent none = CCTNS__V1__FIR_CONTENT__INIT;
	const Cctns__V1__FirContent *c = fir->content ? fir->content : &none;

	print_header(out, fir->receipt);
	print_charges(out, c);
	print_occurrence(out, c);
	print_place(out, c->place);
	pr_heading(out, 4, "Complainant / informant");
	pr_person(out, SECTION_INDENT, c->complainant);
	print_accused(out, c);
	pr_heading(out, 6, "Reasons for delay in reporting");
	pr_spaces(out, SECTION_INDENT);
	wrap_text(out, empty(c->delay_reason) ? "none stated" : c->delay_reason,
	          SECTION_INDENT, SECTION_INDENT, PRINT_WIDTH);
	print_properties(out, c);
	pr_heading(out, 8, "First information contents");
	pr_para(out, SECTION_INDENT, c->brief_facts);
	print_officer(out, c->officer);
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
