/* print_vehicle.c: the vehicle report in the order of the register, and the
 * matching reports of other stations under it. */
#include "print_vehicle.h"

#include "print_r2.h"
#include "printout.h"

#define IND SECTION_INDENT

static int empty(const char *s)
{
	return !s || !*s;
}

static void print_matches(FILE *out, size_t indent,
                          Cctns__V1__VehicleMatch *const *m, size_t n,
                          const char *none)
{
	if (n == 0) {
		pr_spaces(out, indent);
		wrap_text(out, none, indent, indent, PRINT_WIDTH);
		return;
	}
	for (size_t i = 0; i < n; i++)
		pr_vehicle_match(out, indent, m[i]);
}

static const char *no_match_text(int kind)
{
	return kind == CCTNS__V1__VEHICLE_REPORT_KIND__VEHICLE_REPORT_KIND_STOLEN
	               ? "No recovered or unclaimed vehicle of the state "
	                 "matches it yet."
	               : "No stolen vehicle report of the state matches it.";
}

static void print_head(FILE *out, const Cctns__V1__VehicleReceipt *r)
{
	char t[64], gd[96];

	pr_heading(out, 1, "Report");
	pr_row(out, IND, "Report No.", r ? r->number : NULL);
	pr_row(out, IND, "Registered at",
	       fmt_time(r ? r->registered_at : NULL, t, sizeof(t)));
	pr_row(out, IND, "General Diary reference",
	       r ? fmt_gd_ref(r->gd_date, r->gd_number, NULL, gd, sizeof(gd))
	         : NULL);
}

static void print_vehicle(FILE *out, const Cctns__V1__VehicleReport *v,
                          const Cctns__V1__VehicleReceipt *r)
{
	char reg[128], year[16];

	pr_heading(out, 2, "Vehicle");
	pr_row(out, IND, "Type", word_vehicle_type(v->vehicle_type));
	if (!empty(v->registration_number) && r &&
	    !empty(r->registration_normalised))
		snprintf(reg, sizeof(reg), "%s (searched as %s)",
		         v->registration_number, r->registration_normalised);
	else
		snprintf(reg, sizeof(reg), "%s", v->registration_number);
	pr_row(out, IND, "Registration number", reg);
	pr_row(out, IND, "Chassis number", v->chassis_number);
	pr_row(out, IND, "Engine number", v->engine_number);
	pr_row(out, IND, "Make", v->make);
	pr_row(out, IND, "Model", v->model);
	pr_row(out, IND, "Colour", v->colour);
	snprintf(year, sizeof(year), "%u", v->model_year);
	pr_row(out, IND, "Model year", v->model_year ? year : NULL);
}

void print_vehicle_record(FILE *out, const Cctns__V1__VehicleRecord *rec)
{
	static const Cctns__V1__VehicleReport none =
	        CCTNS__V1__VEHICLE_REPORT__INIT;
	const Cctns__V1__VehicleReport *v = rec->report ? rec->report : &none;
	const Cctns__V1__VehicleReceipt *r = rec->receipt;
	char title[64], t[64], officer[256];

	snprintf(
	        title, sizeof(title), "%s VEHICLE REPORT",
	        v->kind == CCTNS__V1__VEHICLE_REPORT_KIND__VEHICLE_REPORT_KIND_STOLEN
	                ? "STOLEN"
	        : v->kind == CCTNS__V1__VEHICLE_REPORT_KIND__VEHICLE_REPORT_KIND_RECOVERED
	                ? "RECOVERED"
	                : "UNCLAIMED");
	pr_center(out, title);
	pr_center(out, "(Register of stolen and recovered vehicles)");
	print_head(out, r);
	pr_row(out, IND, "FIR No.",
	       empty(v->fir_number) ? "none" : v->fir_number);
	print_vehicle(out, v, r);
	pr_heading(out, 3, "When and where");
	pr_row(out, IND, word_vehicle_kind(v->kind),
	       fmt_time(v->at, t, sizeof(t)));
	pr_place(out, IND, v->place);
	pr_heading(out, 4, "Owner");
	if (v->owner)
		pr_person(out, IND, v->owner);
	else
		pr_para(out, IND, "not known");
	pr_heading(out, 5, "Recorded by");
	pr_row(out, IND, "Officer",
	       fmt_officer(v->officer, officer, sizeof(officer)));
	pr_heading(out, 6, "Matching reports of the state");
	print_matches(out, IND, r ? r->matches : NULL, r ? r->n_matches : 0,
	              no_match_text(v->kind));
}

void print_vehicle_receipt(FILE *out, const Cctns__V1__VehicleReceipt *r,
                           const char *key_hex)
{
	char t[64], gd[96];

	fprintf(out, "Vehicle report %s registered on %s%s%s%s%s\n", r->number,
	        fmt_time(r->registered_at, t, sizeof(t)),
	        empty(r->registration_normalised) ? "" : " (",
	        empty(r->registration_normalised) ? ""
	                                          : r->registration_normalised,
	        empty(r->registration_normalised) ? "" : ")",
	        r->replayed ? " (already registered earlier with this key)"
	                    : "");
	if (r->gd_number)
		fprintf(out, "General Diary: %s\n",
		        fmt_gd_ref(r->gd_date, r->gd_number, NULL, gd,
		                   sizeof(gd)));
	if (r->n_matches) {
		fprintf(out, "It matches %zu report%s of the state:\n",
		        r->n_matches, r->n_matches == 1 ? "" : "s");
		print_matches(out, 2, r->matches, r->n_matches, "");
	} else {
		fputs("No matching report of the state.\n", out);
	}
	fprintf(out, "idempotency key: %s\n", key_hex);
}

void print_vehicle_matches(FILE *out, const Cctns__V1__VehicleMatches *m)
{
	if (m->n_matches == 0) {
		fputs("No vehicle report of the state names this vehicle.\n",
		      out);
		return;
	}
	fprintf(out, "%zu report%s of the state, newest first:\n", m->n_matches,
	        m->n_matches == 1 ? "" : "s");
	print_matches(out, 2, m->matches, m->n_matches, "");
}
