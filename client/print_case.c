/* print_case.c: the case timeline as a table, oldest event first, one line
 * per event:
 *   When (IST)        Event           Status after         GD   Officer
 * The officer is the last column and is never cut or wrapped, so each
 * event stays one line (wider than the printout when a name is long);
 * the event's summary goes under it. */
#include "print_case.h"

#include <string.h>

#include "printout.h"

#define COL_EVENT 18 /* "DD/MM/YYYY HH:MM  " */

static int empty(const char *s)
{
	return !s || !*s;
}

/* "Arrest A1", "IO assigned". Returns buf. */
static const char *event_text(const Cctns__V1__CaseEvent *e, char *buf,
                              size_t bufsz)
{
	snprintf(buf, bufsz, "%s%s%s", word_case_event(e->kind),
	         empty(e->accused_code) ? "" : " ",
	         empty(e->accused_code) ? "" : e->accused_code);
	return buf;
}

/* The entry number when the entry is of the event's own day (as it is when
 * the server writes both at once), else "N of DD/MM/YYYY"; "-" for none. */
static const char *gd_text(const Cctns__V1__CaseEvent *e, char *buf,
                           size_t bufsz)
{
	char date[32];

	if (e->gd_number == 0)
		snprintf(buf, bufsz, "-");
	else if (!empty(e->gd_date) && !empty(e->at) &&
	         strncmp(e->gd_date, e->at, 10) == 0)
		snprintf(buf, bufsz, "%u", e->gd_number);
	else
		snprintf(buf, bufsz, "%u of %s", e->gd_number,
		         fmt_date(e->gd_date, date, sizeof(date)));
	return buf;
}

void print_case_event(FILE *out, const Cctns__V1__CaseEvent *e)
{
	char when[48], event[64], gd[48], officer[256];

	fprintf(out, "%-16s  %-14s  %-19s  %-3s  %s\n",
	        fmt_ist(e->at, 1, when, sizeof(when)),
	        event_text(e, event, sizeof(event)),
	        word_case_status(e->status), gd_text(e, gd, sizeof(gd)),
	        fmt_officer(e->officer, officer, sizeof(officer)));
	if (!empty(e->summary)) {
		pr_spaces(out, COL_EVENT);
		wrap_text(out, e->summary, COL_EVENT, COL_EVENT, PRINT_WIDTH);
	}
}

void print_case_timeline(FILE *out, const Cctns__V1__CaseTimeline *t)
{
	char officer[256];

	pr_title(out, "CASE TIMELINE");
	pr_row(out, 0, "FIR No.", t->fir_number);
	pr_row(out, 0, "Status", word_case_status(t->status));
	pr_row(out, 0, "Investigating officer",
	       t->io ? fmt_officer(t->io, officer, sizeof(officer))
	             : "none assigned");
	if (t->n_events == 0) {
		fputs("\nNo events.\n", out);
		return;
	}
	fprintf(out, "\n%-16s  %-14s  %-19s  %-3s  %s\n", "When (IST)", "Event",
	        "Status after", "GD", "Officer");
	fprintf(out, "%-16s  %-14s  %-19s  %-3s  %s\n", "----------------",
	        "--------------", "-------------------", "---",
	        "----------------");
	for (size_t i = 0; i < t->n_events; i++)
		print_case_event(out, t->events[i]);
}
