/* print_dossier.c: the criminal dossier (the persons record, then every
 * case, arrest, court result, property seized, associate and address the
 * state holds) and the search and alert listings of the dossier commands.
 * Stations are named as "name (district D, station S)". */
#include "print_dossier.h"

#include <inttypes.h>
#include <string.h>

#include "print_person.h"
#include "print_r2.h"
#include "printout.h"

#define IND SECTION_INDENT

static int empty(const char *s)
{
	return !s || !*s;
}

/* "Kotwali (district 118, station 1001)"; "" for none. */
static const char *fmt_station(const Cctns__V1__Identity *s, char *buf,
                               size_t bufsz)
{
	if (!s) {
		snprintf(buf, bufsz, "%s", "");
		return buf;
	}
	snprintf(buf, bufsz, "%s%s(district %u, station %u)",
	         empty(s->station_name) ? "" : s->station_name,
	         empty(s->station_name) ? "" : " ", s->district_code,
	         s->station_code);
	return buf;
}

/* The strings joined with ", " into buf. */
static const char *fmt_list(char *const *v, size_t n, char *buf, size_t bufsz)
{
	size_t len = 0;

	buf[0] = '\0';
	for (size_t i = 0; i < n; i++)
		str_append(buf, bufsz, &len, ", ", v[i]);
	return buf;
}

static void print_cases(FILE *out, const Cctns__V1__Dossier *d)
{
	char st[200], roles[200], t[64], secs[400], head[120];

	pr_heading(out, 1, "Cases (newest first)");
	if (d->n_cases == 0) {
		pr_para(out, IND, "none");
		return;
	}
	for (size_t i = 0; i < d->n_cases; i++) {
		const Cctns__V1__DossierCase *c = d->cases[i];

		snprintf(head, sizeof(head), "FIR %s", c->fir_number);
		pr_row(out, IND, head, fmt_station(c->station, st, sizeof(st)));
		pr_row(out, IND + 2, "Role",
		       fmt_list(c->roles, c->n_roles, roles, sizeof(roles)));
		pr_row(out, IND + 2, "Status", c->status);
		pr_row(out, IND + 2, "Occurred",
		       fmt_time(c->occurred_from, t, sizeof(t)));
		pr_row(out, IND + 2, "Sections",
		       fmt_list(c->sections, c->n_sections, secs,
		                sizeof(secs)));
		if (!empty(c->mo))
			pr_row(out, IND + 2, "Modus operandi", c->mo);
	}
}

static void print_arrests(FILE *out, const Cctns__V1__Dossier *d)
{
	char st[200], t[64], head[120];

	pr_heading(out, 2, "Arrests");
	if (d->n_arrests == 0) {
		pr_para(out, IND, "none");
		return;
	}
	for (size_t i = 0; i < d->n_arrests; i++) {
		const Cctns__V1__DossierArrest *a = d->arrests[i];

		snprintf(head, sizeof(head), "%s in FIR %s", a->accused_code,
		         a->fir_number);
		pr_row(out, IND, head, fmt_station(a->station, st, sizeof(st)));
		pr_row(out, IND + 2,
		       a->court_surrender ? "Surrendered" : "Arrested",
		       fmt_time(a->arrested_at, t, sizeof(t)));
		pr_row(out, IND + 2, "Outcome", a->outcome);
	}
}

static void print_results(FILE *out, const Cctns__V1__Dossier *d)
{
	char st[200], dt[32], head[120], sentence[200], r[32];

	pr_heading(out, 3, "Court results");
	if (d->n_court_results == 0) {
		pr_para(out, IND, "none");
		return;
	}
	for (size_t i = 0; i < d->n_court_results; i++) {
		const Cctns__V1__DossierCourtResult *c = d->court_results[i];

		snprintf(head, sizeof(head), "FIR %s", c->fir_number);
		pr_row(out, IND, head, fmt_station(c->station, st, sizeof(st)));
		pr_row(out, IND + 2, "Judgement",
		       fmt_date(c->judgement_date, dt, sizeof(dt)));
		pr_row(out, IND + 2, "Court", c->court);
		pr_row(out, IND + 2, "Result", c->result);
		if (!empty(c->punishment)) {
			snprintf(sentence, sizeof(sentence),
			         "%s, %u months, fine %s", c->punishment,
			         c->period_months,
			         fmt_rupees(c->fine_rupees, r, sizeof(r)));
			pr_row(out, IND + 2, "Sentence", sentence);
		}
		if (!empty(c->appeal_result))
			pr_row(out, IND + 2, "Appeal", c->appeal_result);
	}
}

static void print_property(FILE *out, const Cctns__V1__Dossier *d)
{
	char st[200], t[64], head[160], r[32];

	pr_heading(out, 4, "Property seized from the person");
	if (d->n_property_seized == 0) {
		pr_para(out, IND, "none");
		return;
	}
	for (size_t i = 0; i < d->n_property_seized; i++) {
		const Cctns__V1__DossierProperty *p = d->property_seized[i];

		snprintf(head, sizeof(head), "FIR %s seizure %u item %u",
		         p->fir_number, p->seizure_no, p->item_no);
		pr_row(out, IND, head, fmt_station(p->station, st, sizeof(st)));
		pr_row(out, IND + 2, "Seized",
		       fmt_time(p->seized_at, t, sizeof(t)));
		pr_row(out, IND + 2, "Kind", p->kind);
		pr_row(out, IND + 2, "Description", p->description);
		pr_row(out, IND + 2, "Quantity", p->quantity);
		if (!empty(p->identifiers))
			pr_row(out, IND + 2, "Identifiers", p->identifiers);
		if (p->value_rupees)
			pr_row(out, IND + 2, "Value",
			       fmt_rupees(p->value_rupees, r, sizeof(r)));
	}
}

static void print_associates(FILE *out, const Cctns__V1__Dossier *d)
{
	char head[200], firs[600];

	pr_heading(out, 5,
	           "Associates (co-accused, most cases together first)");
	if (d->n_associates == 0) {
		pr_para(out, IND, "none");
		return;
	}
	for (size_t i = 0; i < d->n_associates; i++) {
		const Cctns__V1__DossierAssociate *a = d->associates[i];
		char n[64];

		snprintf(head, sizeof(head), "Person %" PRIu64, a->person_id);
		pr_row(out, IND, head, a->name);
		snprintf(n, sizeof(n), "%u", a->cases_together);
		pr_row(out, IND + 2, "Cases together", n);
		pr_row(out, IND + 2, "In",
		       fmt_list(a->fir_labels, a->n_fir_labels, firs,
		                sizeof(firs)));
	}
}

static void print_addresses(FILE *out, const Cctns__V1__Dossier *d)
{
	char t[64], st[200];

	pr_heading(out, 6, "Last known addresses (newest first)");
	if (d->n_last_known_addresses == 0) {
		pr_para(out, IND, "none");
		return;
	}
	for (size_t i = 0; i < d->n_last_known_addresses; i++) {
		const Cctns__V1__DossierAddress *a = d->last_known_addresses[i];

		pr_address(out, IND, fmt_time(a->as_of, t, sizeof(t)),
		           a->address);
		pr_row(out, IND + 2, "From", a->source);
		pr_row(out, IND + 2, "Station",
		       fmt_station(a->station, st, sizeof(st)));
	}
}

void print_dossier(FILE *out, const Cctns__V1__Dossier *d)
{
	char line[160];

	pr_center(out, "CRIMINAL DOSSIER");
	snprintf(line, sizeof(line), "(records of %u station%s of the state)",
	         d->stations, d->stations == 1 ? "" : "s");
	pr_center(out, line);
	fputc('\n', out);
	if (d->person)
		print_person_record(out, d->person);
	fputs("\n", out);
	print_cases(out, d);
	print_arrests(out, d);
	print_results(out, d);
	print_property(out, d);
	print_associates(out, d);
	print_addresses(out, d);
}

void print_vehicle_search(FILE *out, const Cctns__V1__VehicleSearchResult *r)
{
	if (r->n_matches == 0) {
		fprintf(out, "No vehicle report of the state has %s %s%s.\n",
		        r->by, r->whole ? "" : "containing ", r->searched);
		return;
	}
	fprintf(out, "%s%zu report%s of the state with %s %s%s, exact first:\n",
	        r->more ? "The first " : "", r->n_matches,
	        r->n_matches == 1 ? "" : "s", r->by,
	        r->whole ? "" : "containing ", r->searched);
	for (size_t i = 0; i < r->n_matches; i++)
		pr_vehicle_match(out, 2, r->matches[i]);
	if (r->more)
		fprintf(out, "More reports match: give more of the number to "
		             "narrow the search.\n");
}

void print_property_search(FILE *out, const Cctns__V1__PropertySearchResult *r)
{
	char st[200], t[64], by[200];

	if (r->n_hits == 0) {
		fputs("No property of the state matches.\n", out);
		return;
	}
	fprintf(out, "%zu item%s of the state, newest first:\n", r->n_hits,
	        r->n_hits == 1 ? "" : "s");
	for (size_t i = 0; i < r->n_hits; i++) {
		const Cctns__V1__PropertyHit *h = r->hits[i];

		fprintf(out, "\n");
		pr_row(out, 2, h->register_, h->record);
		pr_row(out, 4, "Station",
		       fmt_station(h->station, st, sizeof(st)));
		pr_row(out, 4, "Kind", h->kind);
		pr_row(out, 4, "Description", h->description);
		if (!empty(h->identifiers))
			pr_row(out, 4, "Identifiers", h->identifiers);
		pr_row(out, 4, "Recorded", fmt_time(h->at, t, sizeof(t)));
		pr_row(out, 4, "Matched by",
		       fmt_list(h->matched_by, h->n_matched_by, by,
		                sizeof(by)));
	}
}

void print_mo_search(FILE *out, const Cctns__V1__MoSearchResult *r)
{
	char st[200], t[64], mo[200], methods[400];

	if (r->n_cases == 0) {
		fputs("No FIR of the state has crime details like these.\n",
		      out);
		return;
	}
	fprintf(out, "%zu FIR%s of the state, newest first:\n", r->n_cases,
	        r->n_cases == 1 ? "" : "s");
	for (size_t i = 0; i < r->n_cases; i++) {
		const Cctns__V1__MoCase *c = r->cases[i];
		char head[64];

		fprintf(out, "\n");
		snprintf(head, sizeof(head), "FIR %s", c->fir_number);
		pr_row(out, 2, head, fmt_station(c->station, st, sizeof(st)));
		pr_row(out, 4, "Occurred",
		       fmt_time(c->occurred_from, t, sizeof(t)));
		snprintf(mo, sizeof(mo), "%s / %s", c->major, c->minor);
		pr_row(out, 4, "MO", mo);
		if (c->n_methods)
			pr_row(out, 4, "Methods",
			       fmt_list(c->methods, c->n_methods, methods,
			                sizeof(methods)));
		pr_row(out, 4, "Place type", c->place_type);
		if (c->n_accused == 0)
			pr_row(out, 4, "Accused", "none named");
		for (size_t j = 0; j < c->n_accused; j++) {
			const Cctns__V1__MoAccused *a = c->accused[j];
			char who[400], roles[100];

			snprintf(who, sizeof(who),
			         "%s (person %" PRIu64 ", %s)", a->name,
			         a->person_id,
			         fmt_list(a->roles, a->n_roles, roles,
			                  sizeof(roles)));
			pr_row(out, 4, j == 0 ? "Accused" : "", who);
		}
	}
}

void print_match_alert(FILE *out, const Cctns__V1__MatchAlert *a)
{
	char st[200], t[64], by[200], head[64];

	snprintf(head, sizeof(head), "Alert %" PRIu64, a->alert_id);
	pr_row(out, 2, head, a->kind);
	pr_row(out, 4, "Raised", fmt_time(a->raised_at, t, sizeof(t)));
	pr_row(out, 4, "Record", a->record);
	pr_row(out, 4, "At", fmt_station(a->station, st, sizeof(st)));
	pr_row(out, 4, "Matches", a->other_record);
	pr_row(out, 4, "At", fmt_station(a->other_station, st, sizeof(st)));
	pr_row(out, 4, "Matched by",
	       fmt_list(a->matched_by, a->n_matched_by, by, sizeof(by)));
	pr_row(out, 4, "Summary", a->summary);
	pr_row(out, 4, "Acknowledged",
	       empty(a->acknowledged_at)
	               ? "not yet"
	               : fmt_time(a->acknowledged_at, t, sizeof(t)));
}

void print_alert_list(FILE *out, const Cctns__V1__AlertList *l)
{
	if (l->n_alerts == 0) {
		fputs("No match alerts for this station.\n", out);
		return;
	}
	fprintf(out, "%zu match alert%s, newest first:\n", l->n_alerts,
	        l->n_alerts == 1 ? "" : "s");
	for (size_t i = 0; i < l->n_alerts; i++) {
		fputc('\n', out);
		print_match_alert(out, l->alerts[i]);
	}
}
