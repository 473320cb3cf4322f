/* print_malkhana.c: the malkhana entry with its chain of custody, the
 * register as a table, and the receipt of a movement. The chain is a
 * table, one row per movement:
 *    No.  When (IST)        Movement           Officer
 * with, under the movement, the states it moved between, to whom, on what
 * authority, and its General Diary entry. */
#include "print_malkhana.h"

#include <string.h>

#include "print_seizure.h"
#include "printout.h"

#define IND       SECTION_INDENT
#define COL_UNDER 24 /* under the movement column */
#define KIND_COLS 16 /* kind column of the list */

static int empty(const char *s)
{
	return !s || !*s;
}

static void print_custody_row(FILE *out, const Cctns__V1__CustodyEntry *c)
{
	char when[48], officer[256], line[512], gd[96];
	int used;

	used = fprintf(out, "%4u  %-16s  %-17s  ", c->seq,
	               fmt_ist(c->at, 1, when, sizeof(when)),
	               word_property_movement(c->movement));
	wrap_text(out, fmt_officer(c->officer, officer, sizeof(officer)),
	          (size_t)used, (size_t)used, PRINT_WIDTH);
	if (c->from_state)
		snprintf(line, sizeof(line), "%s -> %s",
		         word_malkhana_state(c->from_state),
		         word_malkhana_state(c->to_state));
	else
		snprintf(line, sizeof(line), "-> %s",
		         word_malkhana_state(c->to_state));
	pr_spaces(out, COL_UNDER);
	wrap_text(out, line, COL_UNDER, COL_UNDER, PRINT_WIDTH);
	if (!empty(c->to_whom)) {
		snprintf(line, sizeof(line), "To: %s", c->to_whom);
		pr_spaces(out, COL_UNDER);
		wrap_text(out, line, COL_UNDER, COL_UNDER + 4, PRINT_WIDTH);
	}
	if (!empty(c->reference)) {
		snprintf(line, sizeof(line), "Reference: %s", c->reference);
		pr_spaces(out, COL_UNDER);
		wrap_text(out, line, COL_UNDER, COL_UNDER + 11, PRINT_WIDTH);
	}
	pr_spaces(out, COL_UNDER);
	fprintf(out, "%s\n",
	        fmt_gd_ref(c->gd_date, c->gd_number, NULL, gd, sizeof(gd)));
}

void print_malkhana_entry(FILE *out, const Cctns__V1__MalkhanaEntry *e)
{
	char buf[256], t[64];

	pr_title(out, "PROPERTY STORE REGISTER (MALKHANA)");
	pr_row(out, 0, "Malkhana No.", e->number);
	snprintf(buf, sizeof(buf), "FIR %s, seizure %u, item %u",
	         empty(e->fir_number) ? "?" : e->fir_number, e->seizure_no,
	         e->item_no);
	pr_row(out, 0, "Case", buf);
	pr_row(out, 0, "Nature", word_seizure_nature(e->nature));
	snprintf(buf, sizeof(buf), "%s, since %s",
	         word_malkhana_state(e->state),
	         fmt_time(e->since, t, sizeof(t)));
	pr_row(out, 0, "Where it is", buf);
	if (!empty(e->with_whom))
		pr_row(out, 0, "With", e->with_whom);
	pr_heading(out, 1, "Property");
	if (e->item)
		print_seized_item(out, IND, e->item);
	else
		pr_para(out, IND, NOT_STATED);
	pr_heading(out, 2, "Chain of custody");
	if (e->n_movements == 0) {
		pr_para(out, IND, "no movements");
		return;
	}
	fprintf(out, "%4s  %-16s  %-17s  %s\n", "No.", "When (IST)", "Movement",
	        "Officer");
	fprintf(out, "%4s  %-16s  %-17s  %s\n", "---", "----------------",
	        "-----------------", "----------------");
	for (size_t i = 0; i < e->n_movements; i++)
		print_custody_row(out, e->movements[i]);
}

/* The first KIND_COLS code points of s into buf. */
static const char *fit(const char *s, char *buf, size_t bufsz)
{
	size_t cols = 0, i = 0;

	for (; s[i] && i + 1 < bufsz; i++) {
		if (((unsigned char)s[i] & 0xC0) != 0x80 && cols++ == KIND_COLS)
			break;
	}
	memcpy(buf, s, i);
	buf[i] = '\0';
	return buf;
}

void print_malkhana_list(FILE *out, const Cctns__V1__MalkhanaList *l,
                         unsigned offset)
{
	char kind[128], shown[128], since[48], item[24];

	pr_title(out, "PROPERTY STORE REGISTER (MALKHANA)");
	if (l->n_entries == 0) {
		fprintf(out, "No entries%s.\n",
		        l->total ? " on this page" : "");
		return;
	}
	fprintf(out, "Entries %u to %zu of %u\n\n", offset + 1,
	        offset + l->n_entries, l->total);
	fprintf(out, "%-9s  %-9s  %-6s  %-16s  %-17s  %s\n", "Malkhana", "FIR",
	        "Sz/It", "Kind", "State", "Since");
	fprintf(out, "%-9s  %-9s  %-6s  %-16s  %-17s  %s\n", "---------",
	        "---------", "------", "----------------", "-----------------",
	        "----------");
	for (size_t i = 0; i < l->n_entries; i++) {
		const Cctns__V1__MalkhanaEntry *e = l->entries[i];

		snprintf(item, sizeof(item), "%u/%u", e->seizure_no,
		         e->item_no);
		fmt_kind(e->item ? e->item->kind : "", kind, sizeof(kind));
		fmt_ist(e->since, 1, since, sizeof(since));
		since[strcspn(since, " ")] = '\0'; /* the day */
		fprintf(out, "%-9s  %-9s  %-6s  ", e->number, e->fir_number,
		        item);
		fputs(fit(kind, shown, sizeof(shown)), out);
		pr_spaces(out,
		          2 + KIND_COLS - utf8_columns(shown, strlen(shown)));
		fprintf(out, "%-17s  %s\n", word_malkhana_state(e->state),
		        since);
	}
	if (offset + l->n_entries < l->total)
		fprintf(out, "\nMore: the same command with --offset %zu\n",
		        offset + l->n_entries);
}

void print_movement_receipt(FILE *out,
                            const Cctns__V1__PropertyMovementReceipt *r,
                            const char *key_hex)
{
	static const Cctns__V1__CustodyEntry none =
	        CCTNS__V1__CUSTODY_ENTRY__INIT;
	const Cctns__V1__CustodyEntry *c = r->entry ? r->entry : &none;
	char t[64], gd[96];

	fprintf(out, "Malkhana %s (FIR %s): %s on %s; now %s%s\n",
	        r->malkhana_number, r->fir_number,
	        word_property_movement(c->movement),
	        fmt_time(c->at, t, sizeof(t)), word_malkhana_state(r->state),
	        r->replayed ? " (already recorded earlier with this key)" : "");
	if (c->gd_number)
		fprintf(out, "General Diary: %s\n",
		        fmt_gd_ref(c->gd_date, c->gd_number, NULL, gd,
		                   sizeof(gd)));
	fprintf(out, "idempotency key: %s\n", key_hex);
}
