/* print_gd.c: the General Diary day as a numbered table. Each entry is a
 * line "No. Time Kind Officer", then, under the kind column, what it
 * corrects, its text wrapped, and the case (FIR number, accused code) it
 * is about. */
#include "print_gd.h"

#include "printout.h"

#define COL_KIND    13 /* "HH:MM  " after the time */
#define COL_OFFICER 31 /* kinds are up to 16 columns ("Property deposit") */

static int empty(const char *s)
{
	return !s || !*s;
}

static void print_station(FILE *out, const Cctns__V1__Identity *st)
{
	char buf[192];

	if (!st)
		return;
	snprintf(buf, sizeof(buf), "%s (%u)", st->station_name,
	         st->station_code);
	pr_row(out, 0, "Police Station", buf);
	if (st->district_code) {
		snprintf(buf, sizeof(buf), "%s (%u)", st->district_name,
		         st->district_code);
		pr_row(out, 0, "District", buf);
	}
	if (st->state_code) {
		snprintf(buf, sizeof(buf), "%s (%u)", st->state_name,
		         st->state_code);
		pr_row(out, 0, "State", buf);
	}
}

/* "Case: FIR 0001/2026, accused A1", or nothing. */
static void print_case_ref(FILE *out, const Cctns__V1__GdEntry *e)
{
	if (empty(e->fir_number) && empty(e->accused_code))
		return;
	pr_spaces(out, COL_KIND);
	fputs("Case:", out);
	if (!empty(e->fir_number))
		fprintf(out, " FIR %s", e->fir_number);
	if (!empty(e->accused_code))
		fprintf(out, "%s accused %s", empty(e->fir_number) ? "" : ",",
		        e->accused_code);
	fputc('\n', out);
}

void print_gd_entry(FILE *out, const Cctns__V1__GdEntry *e)
{
	char when[48], officer[256], date[32];
	int used;

	used = fprintf(out, "%4u  %-5s  %-16s  ", e->number,
	               fmt_ist(e->entered_at, 0, when, sizeof(when)),
	               word_gd_kind(e->kind));
	wrap_text(out, fmt_officer(e->officer, officer, sizeof(officer)),
	          used > COL_OFFICER ? (size_t)used : COL_OFFICER, COL_OFFICER,
	          PRINT_WIDTH);
	if (e->corrects_number || !empty(e->corrects_date)) {
		pr_spaces(out, COL_KIND);
		fprintf(out, "Corrects entry %u of %s\n", e->corrects_number,
		        fmt_date(e->corrects_date, date, sizeof(date)));
	}
	pr_spaces(out, COL_KIND);
	wrap_text(out, empty(e->text) ? "(no text)" : e->text, COL_KIND,
	          COL_KIND, PRINT_WIDTH);
	print_case_ref(out, e);
	fputc('\n', out);
}

void print_gd_day(FILE *out, const Cctns__V1__GdDay *day)
{
	char date[32], count[32];

	pr_title(out, "GENERAL DIARY");
	print_station(out, day->station);
	pr_row(out, 0, "Date", fmt_date(day->date, date, sizeof(date)));
	snprintf(count, sizeof(count), "%zu", day->n_entries);
	pr_row(out, 0, "Entries", day->n_entries ? count : "none");
	if (day->n_entries == 0)
		return;
	fprintf(out, "\n%4s  %-5s  %-16s  %s\n", "No.", "Time", "Kind",
	        "Officer (times are IST)");
	fprintf(out, "%4s  %-5s  %-16s  %s\n\n", "---", "-----",
	        "----------------", "-----------------------");
	for (size_t i = 0; i < day->n_entries; i++)
		print_gd_entry(out, day->entries[i]);
}

void print_gd_receipt(FILE *out, const Cctns__V1__GdEntryReceipt *r,
                      const char *key_hex)
{
	static const Cctns__V1__GdEntry none = CCTNS__V1__GD_ENTRY__INIT;
	const Cctns__V1__GdEntry *e = r->entry ? r->entry : &none;
	char ref[96];

	fprintf(out, "%s: %s%s\n",
	        fmt_gd_ref(e->date, e->number, e->entered_at, ref, sizeof(ref)),
	        word_gd_kind(e->kind),
	        r->replayed ? " (already entered earlier with this key)" : "");
	fprintf(out, "idempotency key: %s\n", key_hex);
}
