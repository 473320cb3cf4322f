/* print_seizure.c: the seizure memo in the order of the paper form
 * (IIF-IV). Every section is printed, with "not stated" where the memo is
 * silent, so a reader sees what was left out. */
#include "print_seizure.h"

#include <string.h>

#include "printout.h"

#define IND      SECTION_INDENT
#define ITEM_IND (SECTION_INDENT + 3)

static int empty(const char *s)
{
	return !s || !*s;
}

/* words[v] for 0 < v < n; "not stated" for 0, "unrecognised" otherwise. */
static const char *word_in(const char *const *words, size_t n, int v)
{
	if (v == 0)
		return NOT_STATED;
	return v > 0 && (size_t)v < n ? words[v] : "unrecognised";
}

const char *word_seizure_nature(int v)
{
	static const char *const words[] = {
	        NULL,
	        "Stolen property",
	        "Unclaimed property",
	        "Property in unlawful possession",
	        "Property involved in the offence",
	        "Intestate property",
	};
	return word_in(words, sizeof(words) / sizeof(words[0]), v);
}

const char *word_malkhana_state(int v)
{
	static const char *const words[] = {
	        NULL,
	        "In store",
	        "Out: in court",
	        "Out: at the FSL",
	        "Released to owner",
	        "Disposed of",
	        "Transferred",
	};
	return word_in(words, sizeof(words) / sizeof(words[0]), v);
}

const char *word_property_movement(int v)
{
	static const char *const words[] = {
	        NULL,
	        "Sent to court",
	        "Sent to FSL",
	        "Returned to store",
	        "Released to owner",
	        "Disposed of",
	        "Transferred",
	        "Deposited",
	};
	return word_in(words, sizeof(words) / sizeof(words[0]), v);
}

const char *fmt_quantity(double quantity, const char *unit, char *buf,
                         size_t bufsz)
{
	char num[48];
	size_t n;

	if (quantity > -1e15 && quantity < 1e15 &&
	    (double)(long long)quantity == quantity) {
		snprintf(num, sizeof(num), "%.0f", quantity);
	} else if (quantity > -1 && quantity < 1) {
		snprintf(num, sizeof(num), "%.6g", quantity);
	} else {
		snprintf(num, sizeof(num), "%.3f", quantity);
		n = strlen(num);
		while (n > 1 && num[n - 1] == '0')
			num[--n] = '\0';
		if (n > 1 && num[n - 1] == '.')
			num[--n] = '\0';
	}
	snprintf(buf, bufsz, "%s%s%s", num, empty(unit) ? "" : " ",
	         empty(unit) ? "" : unit);
	return buf;
}

static void print_case(FILE *out, const Cctns__V1__SeizureReceipt *r)
{
	char t[64], gd[96], no[16];

	pr_heading(out, 1, "Case");
	pr_row(out, IND, "FIR No.", r ? r->fir_number : NULL);
	snprintf(no, sizeof(no), "%u", r ? r->seizure_no : 0);
	pr_row(out, IND, "Seizure No.", r && r->seizure_no ? no : NULL);
	pr_row(out, IND, "Memo recorded at",
	       fmt_time(r ? r->registered_at : NULL, t, sizeof(t)));
	pr_row(out, IND, "General Diary reference",
	       r ? fmt_gd_ref(r->gd_date, r->gd_number, NULL, gd, sizeof(gd))
	         : NULL);
	pr_row(out, IND, "Deposit in malkhana",
	       r ? fmt_gd_ref(r->deposit_gd_date, r->deposit_gd_number, NULL,
	                      gd, sizeof(gd))
	         : NULL);
}

static void print_when_where(FILE *out, const Cctns__V1__SeizureMemo *m)
{
	char t[64];

	pr_heading(out, 2, "Nature of the property");
	pr_para(out, IND, word_seizure_nature(m->nature));
	pr_heading(out, 3, "Date, time and place of seizure");
	pr_row(out, IND, "Date and time", fmt_time(m->seized_at, t, sizeof(t)));
	pr_row(out, IND, "Place", m->place);
	if (m->place_address)
		pr_address(out, IND, "Address", m->place_address);
}

static void print_seized_from(FILE *out, const Cctns__V1__SeizureMemo *m)
{
	char age[48];
	int years;

	pr_heading(out, 4, "Seized from");
	if (!m->seized_from) {
		pr_para(out, IND, "No one (the property was found unclaimed).");
		return;
	}
	pr_person(out, IND, m->seized_from);
	years = age_at(m->seized_from->date_of_birth,
	               m->seized_from->year_of_birth, m->seized_at);
	if (years >= 0) {
		snprintf(age, sizeof(age), "%s%d years",
		         empty(m->seized_from->date_of_birth) ? "about " : "",
		         years);
		pr_row(out, IND, "Age at seizure", age);
	}
	pr_row(out, IND, "Professional receiver",
	       m->professional_receiver ? "Yes" : "No");
	pr_row(out, IND, "Accused code",
	       empty(m->accused_code) ? "none (not an arrested accused)"
	                              : m->accused_code);
}

static void print_witnesses(FILE *out, const Cctns__V1__SeizureMemo *m)
{
	pr_heading(out, 5, "Witnesses");
	if (m->n_witnesses == 0)
		pr_para(out, IND, NOT_STATED);
	for (size_t i = 0; i < m->n_witnesses; i++) {
		pr_spaces(out, IND);
		fprintf(out, "Witness %zu\n", i + 1);
		pr_person(out, ITEM_IND, m->witnesses[i]);
	}
}

void print_seized_item(FILE *out, size_t indent,
                       const Cctns__V1__SeizedItem *it)
{
	char buf[128], packet[256];
	size_t n = 0;

	pr_row(out, indent, "Kind", fmt_kind(it->kind, buf, sizeof(buf)));
	pr_row(out, indent, "Description", it->description);
	pr_row(out, indent, "Quantity",
	       fmt_quantity(it->quantity, it->unit, buf, sizeof(buf)));
	pr_row(out, indent, "Estimated value",
	       it->value_rupees ? fmt_rupees(it->value_rupees, buf, sizeof(buf))
	                        : NULL);
	if (!empty(it->identifiers))
		pr_row(out, indent, "Identifiers", it->identifiers);
	pr_property_ids(out, indent, it->identifying_numbers,
	                it->n_identifying_numbers);
	pr_row(out, indent, "Perishable", it->perishable ? "Yes" : "No");
	if (it->perishable)
		pr_row(out, indent, "Perishable handling",
		       it->perishable_handling);
	packet[0] = '\0';
	str_append(packet, sizeof(packet), &n, "", it->packet_no);
	str_append(packet, sizeof(packet), &n, ": ", it->seal_description);
	pr_row(out, indent, "Sealed packet", empty(packet) ? "none" : packet);
}

/* The malkhana number the receipt gave item item_no, or NULL. */
static const char *malkhana_of(const Cctns__V1__SeizureReceipt *r,
                               uint32_t item_no)
{
	for (size_t i = 0; r && i < r->n_deposits; i++)
		if (r->deposits[i]->item_no == item_no)
			return r->deposits[i]->malkhana_number;
	return NULL;
}

static void print_items(FILE *out, const Cctns__V1__SeizureMemo *m,
                        const Cctns__V1__SeizureReceipt *r)
{
	char total[64];
	uint64_t sum = 0;

	pr_heading(out, 6, "Property seized");
	if (m->n_items == 0)
		pr_para(out, IND, NOT_STATED);
	for (size_t i = 0; i < m->n_items; i++) {
		pr_spaces(out, IND);
		fprintf(out, "Item %zu\n", i + 1);
		print_seized_item(out, ITEM_IND, m->items[i]);
		pr_row(out, ITEM_IND, "Malkhana No.",
		       malkhana_of(r, (uint32_t)(i + 1)));
		sum += m->items[i]->value_rupees;
	}
	pr_row(out, IND, "Total value",
	       sum ? fmt_rupees(sum, total, sizeof(total)) : NULL);
}

void print_seizure(FILE *out, const Cctns__V1__Seizure *s)
{
	static const Cctns__V1__SeizureMemo none =
	        CCTNS__V1__SEIZURE_MEMO__INIT;
	const Cctns__V1__SeizureMemo *m = s->memo ? s->memo : &none;
	char officer[256];

	pr_center(out, "PROPERTY SEARCH AND SEIZURE MEMO");
	pr_center(out, "(Integrated Investigation Form IV)");
	print_case(out, s->receipt);
	print_when_where(out, m);
	print_seized_from(out, m);
	print_witnesses(out, m);
	print_items(out, m, s->receipt);
	pr_heading(out, 7, "Seal");
	pr_para(out, IND, m->seal);
	pr_heading(out, 8, "Seizing officer");
	pr_row(out, IND, "Officer",
	       fmt_officer(m->officer, officer, sizeof(officer)));
}

void print_seizure_receipt(FILE *out, const Cctns__V1__SeizureReceipt *r,
                           const char *key_hex)
{
	char t[64], gd[96];

	fprintf(out, "Seizure %u recorded in FIR %s on %s%s\n", r->seizure_no,
	        r->fir_number, fmt_time(r->registered_at, t, sizeof(t)),
	        r->replayed ? " (already recorded earlier with this key)" : "");
	if (r->gd_number)
		fprintf(out, "General Diary: %s (seizure)\n",
		        fmt_gd_ref(r->gd_date, r->gd_number, NULL, gd,
		                   sizeof(gd)));
	if (r->deposit_gd_number)
		fprintf(out, "General Diary: %s (deposit in the malkhana)\n",
		        fmt_gd_ref(r->deposit_gd_date, r->deposit_gd_number,
		                   NULL, gd, sizeof(gd)));
	for (size_t i = 0; i < r->n_deposits; i++)
		fprintf(out, "Item %u: malkhana %s\n", r->deposits[i]->item_no,
		        r->deposits[i]->malkhana_number);
	fprintf(out, "idempotency key: %s\n", key_hex);
}
