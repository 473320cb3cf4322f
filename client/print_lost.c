/* print_lost.c: the lost property report as the register records it:
 * number and diary entry, the owner, when and where the property was
 * lost, each item with what identifies it and its value, and how it was
 * lost. */
#include "print_lost.h"

#include "print_ncr.h"
#include "printout.h"

#define IND SECTION_INDENT

static int empty(const char *s)
{
	return !s || !*s;
}

const char *word_lost_item(int v)
{
	static const char *const words[] = {
	        NULL,   "Document",  "Mobile phone", "Wallet or purse",
	        "Cash", "Jewellery", "Bag",          "Electronics",
	        "Keys", "Other",
	};

	if (v == 0)
		return NOT_STATED;
	return v > 0 && (size_t)v < sizeof(words) / sizeof(words[0])
	               ? words[v]
	               : "unrecognised";
}

/* What the identifier of an item is called on the form. */
static const char *identifier_label(int kind)
{
	switch (kind) {
	case CCTNS__V1__LOST_ITEM_KIND__LOST_ITEM_KIND_MOBILE_PHONE:
		return "IMEI";
	case CCTNS__V1__LOST_ITEM_KIND__LOST_ITEM_KIND_DOCUMENT:
		return "Document number";
	default:
		return "Identifier";
	}
}

static void print_report(FILE *out, const Cctns__V1__LostReportReceipt *rc,
                         const Cctns__V1__LostReport *l)
{
	char t[64], gd[96], officer[256];

	pr_heading(out, 1, "Report");
	pr_row(out, IND, "Report No.", rc ? rc->report_number : NULL);
	pr_row(out, IND, "Recorded at",
	       fmt_time(rc ? rc->registered_at : NULL, t, sizeof(t)));
	pr_row(out, IND, "General Diary reference",
	       rc ? fmt_gd_ref(rc->gd_date, rc->gd_number, NULL, gd, sizeof(gd))
	          : NULL);
	pr_row(out, IND, "Recorded by",
	       l->officer ? fmt_officer(l->officer, officer, sizeof(officer))
	                  : NULL);
}

static void print_items(FILE *out, const Cctns__V1__LostReport *l)
{
	char label[48], money[40];
	uint64_t total = 0;

	pr_heading(out, 5, "Property lost");
	if (l->n_items == 0)
		pr_para(out, IND, "none");
	for (size_t i = 0; i < l->n_items; i++) {
		const Cctns__V1__LostItem *it = l->items[i];

		snprintf(label, sizeof(label), "(%zu) %s", i + 1,
		         word_lost_item(it->kind));
		pr_row(out, IND, label,
		       it->value_rupees ? fmt_rupees(it->value_rupees, money,
		                                     sizeof(money))
		                        : "value not stated");
		if (!empty(it->description))
			pr_row(out, IND + 4, "Description", it->description);
		if (!empty(it->identifier))
			pr_row(out, IND + 4, identifier_label(it->kind),
			       it->identifier);
		pr_property_ids(out, IND + 4, it->identifiers,
		                it->n_identifiers);
		total += it->value_rupees;
	}
	pr_row(out, IND, "Total value",
	       fmt_rupees(total, money, sizeof(money)));
}

void print_lost_report(FILE *out, const Cctns__V1__LostReportRecord *r)
{
	static const Cctns__V1__LostReport none = CCTNS__V1__LOST_REPORT__INIT;
	const Cctns__V1__LostReport *l = r->report ? r->report : &none;
	char t[64];

	pr_center(out, "LOST PROPERTY REPORT");
	print_report(out, r->receipt, l);
	pr_heading(out, 2, "Reporter (owner)");
	pr_person(out, IND, l->reporter);
	pr_heading(out, 3, "When lost");
	pr_row(out, IND, empty(l->lost_to) ? "At" : "Between",
	       fmt_time(l->lost_from, t, sizeof(t)));
	if (!empty(l->lost_to))
		pr_row(out, IND, "and", fmt_time(l->lost_to, t, sizeof(t)));
	pr_heading(out, 4, "Where lost");
	pr_place(out, IND, l->place);
	print_items(out, l);
	pr_heading(out, 6, "How it was lost");
	pr_para(out, IND, l->circumstances);
}

void print_lost_receipt(FILE *out, const Cctns__V1__LostReportReceipt *r,
                        const char *key_hex)
{
	char t[64], gd[96];

	fprintf(out, "Lost property report %s recorded on %s%s\n",
	        r->report_number, fmt_time(r->registered_at, t, sizeof(t)),
	        r->replayed ? " (already recorded earlier with this key)" : "");
	if (r->gd_number)
		fprintf(out, "General Diary: %s\n",
		        fmt_gd_ref(r->gd_date, r->gd_number, NULL, gd,
		                   sizeof(gd)));
	fprintf(out, "idempotency key: %s\n", empty(key_hex) ? "" : key_hex);
}
