/* print_r2.c: the words, places, descriptive rolls and vehicle match lines
 * of the registers2 printouts (see print_r2.h). */
#include "print_r2.h"

#include <string.h>

#include "printout.h"

static int empty(const char *s)
{
	return !s || !*s;
}

/* words[v] for 0 < v < n, else "not stated" or "unrecognised". */
static const char *word_of(const char *const *words, size_t n, int v)
{
	if (v == 0)
		return NOT_STATED;
	if (v > 0 && (size_t)v < n && words[v])
		return words[v];
	return "unrecognised";
}

#define R2_WORD_FN(fn, ...)                                                    \
	const char *fn(int v)                                                  \
	{                                                                      \
		static const char *const words[] = {NULL, __VA_ARGS__};        \
		return word_of(words, sizeof(words) / sizeof(words[0]), v);    \
	}

R2_WORD_FN(word_traced_how, "Returned home", "Found by police", "Found dead",
           "Other")
R2_WORD_FN(word_ud_kind, "Unidentified dead body", "Unnatural death")
R2_WORD_FN(word_apparent_cause, "Drowning", "Hanging", "Burns", "Poisoning",
           "Road accident", "Railway accident", "Fall", "Electrocution",
           "Snake bite", "Unknown", "Other")
R2_WORD_FN(word_vehicle_kind, "Stolen", "Recovered", "Unclaimed")
R2_WORD_FN(word_vehicle_type, "Two-wheeler", "Car", "Jeep", "Truck", "Bus",
           "Tractor", "Auto-rickshaw", "E-rickshaw", "Other")

void pr_roll(FILE *out, size_t indent, const Cctns__V1__DescriptiveRoll *d,
             int with_height)
{
	char height[32], languages[512] = "";
	size_t n = 0;

	if (!d) {
		pr_row(out, indent, "Description", NULL);
		return;
	}
	const struct {
		const char *label, *value;
	} rows[] = {
	        {"Build", d->build},
	        {"Complexion", d->complexion},
	        {"Identification marks", d->identification_marks},
	        {"Deformities", d->deformities},
	        {"Teeth", d->teeth},
	        {"Hair", d->hair},
	        {"Eyes", d->eyes},
	        {"Habits", d->habits},
	        {"Dress", d->dress},
	        {"Burn marks", d->burn_marks},
	        {"Moles", d->moles},
	        {"Scars", d->scars},
	        {"Tattoos", d->tattoos},
	};

	if (with_height) {
		snprintf(height, sizeof(height), "%u cm", d->height_cm);
		pr_row(out, indent, "Height", d->height_cm ? height : NULL);
	}
	for (size_t i = 0; i < sizeof(rows) / sizeof(rows[0]); i++)
		if (!empty(rows[i].value))
			pr_row(out, indent, rows[i].label, rows[i].value);
	for (size_t i = 0; i < d->n_languages; i++)
		str_append(languages, sizeof(languages), &n, ", ",
		           d->languages[i]);
	if (n)
		pr_row(out, indent, "Languages", languages);
}

void pr_vehicle_match(FILE *out, size_t indent,
                      const Cctns__V1__VehicleMatch *m)
{
	char head[256], by[64] = "", what[512] = "", t[64], line[160];
	size_t nb = 0, nw = 0;
	const Cctns__V1__Identity *st = m->station;

	snprintf(head, sizeof(head), "%s %s, %s (%u:%u:%u)",
	         word_vehicle_kind(m->kind), m->number,
	         st && !empty(st->station_name) ? st->station_name : "station",
	         st ? st->state_code : 0, st ? st->district_code : 0,
	         st ? st->station_code : 0);
	pr_spaces(out, indent);
	wrap_text(out, head, indent, indent + 4, PRINT_WIDTH);
	for (size_t i = 0; i < m->n_matched_by; i++)
		str_append(by, sizeof(by), &nb, ", ", m->matched_by[i]);
	if (nb) {
		snprintf(line, sizeof(line), "matched by %s", by);
		pr_spaces(out, indent + 4);
		wrap_text(out, line, indent + 4, indent + 4, PRINT_WIDTH);
	}
	str_append(what, sizeof(what), &nw, ", ",
	           m->vehicle_type ? word_vehicle_type(m->vehicle_type) : NULL);
	str_append(what, sizeof(what), &nw, ", ", m->registration_number);
	str_append(what, sizeof(what), &nw, ", ", m->make);
	str_append(what, sizeof(what), &nw, " ", m->model);
	str_append(what, sizeof(what), &nw, ", ", m->colour);
	if (!empty(m->chassis_number)) {
		snprintf(line, sizeof(line), "chassis %s", m->chassis_number);
		str_append(what, sizeof(what), &nw, ", ", line);
	}
	if (!empty(m->engine_number)) {
		snprintf(line, sizeof(line), "engine %s", m->engine_number);
		str_append(what, sizeof(what), &nw, ", ", line);
	}
	pr_spaces(out, indent + 4);
	wrap_text(out, nw ? what : NOT_STATED, indent + 4, indent + 4,
	          PRINT_WIDTH);
	snprintf(
	        line, sizeof(line), "%s %s%s%s",
	        m->kind == CCTNS__V1__VEHICLE_REPORT_KIND__VEHICLE_REPORT_KIND_STOLEN
	                ? "stolen"
	                : "found",
	        fmt_time(m->at, t, sizeof(t)),
	        empty(m->fir_number) ? "" : ", FIR ",
	        empty(m->fir_number) ? "" : m->fir_number);
	pr_spaces(out, indent + 4);
	wrap_text(out, line, indent + 4, indent + 4, PRINT_WIDTH);
}
