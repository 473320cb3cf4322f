/* print_crime_details.c: the Crime Details Form (IIF-II) in the order of
 * the paper form. Every section is printed, with "not stated" or "none"
 * where the form is silent, so a reader sees what was left out. Persons
 * carry the number of the persons master record they are linked to. */
#include "print_crime_details.h"

#include <string.h>

#include "printout.h"

#define IND SECTION_INDENT

static int empty(const char *s)
{
	return !s || !*s;
}

static const char *word_in(const char *const *words, size_t n, int v)
{
	if (v == 0)
		return NOT_STATED;
	return v > 0 && (size_t)v < n ? words[v] : "unrecognised";
}

#define WORDS(fn, ...)                                                         \
	const char *fn(int v)                                                  \
	{                                                                      \
		static const char *const words[] = {NULL, __VA_ARGS__};        \
		return word_in(words, sizeof(words) / sizeof(words[0]), v);    \
	}

WORDS(word_place_type, "Residence", "Shop", "Bank", "ATM", "Road or street",
      "Highway", "Railway station, train or track", "Bus or bus stand",
      "Place of worship", "School or college", "Hospital", "Office", "Factory",
      "Market", "Hotel, lodge or restaurant", "Farm or field", "Forest",
      "River, canal, pond or well", "Inside a private vehicle",
      "Park or open ground", "Other")
WORDS(word_sc_st, "Neither", "Scheduled Caste", "Scheduled Tribe")
WORDS(word_injury, "None", "Simple", "Grievous", "Fatal")

/* A person of the form: the Person rows and the master record's number. */
static void print_named(FILE *out, const Cctns__V1__Person *p)
{
	char id[32];

	pr_person(out, IND, p);
	if (p && p->person_id) {
		snprintf(id, sizeof(id), "%llu",
		         (unsigned long long)p->person_id);
		pr_row(out, IND, "Person No.", id);
	}
}

static void print_list(FILE *out, char *const *items, size_t n,
                       const char *label)
{
	char l[64];

	if (n == 0)
		pr_row(out, IND, label, NULL);
	for (size_t i = 0; i < n; i++) {
		snprintf(l, sizeof(l), "%s (%zu)", label, i + 1);
		pr_row(out, IND, l, items[i]);
	}
}

static void print_case(FILE *out, const Cctns__V1__CrimeDetailsRecord *r,
                       const Cctns__V1__CrimeDetails *d)
{
	char t[64], v[48], officer[256];
	const Cctns__V1__CrimeDetailsReceipt *rc = r->receipt;

	pr_heading(out, 1, "Case");
	pr_row(out, IND, "FIR No.", rc ? rc->fir_number : NULL);
	snprintf(v, sizeof(v), "%u of %u", rc ? rc->version : 0, r->versions);
	pr_row(out, IND, "Version", v);
	pr_row(out, IND, "Recorded at",
	       fmt_time(rc ? rc->recorded_at : NULL, t, sizeof(t)));
	pr_row(out, IND, "Investigating officer",
	       fmt_officer(d->officer, officer, sizeof(officer)));
}

static void print_place(FILE *out, const Cctns__V1__CrimeDetails *d)
{
	pr_heading(out, 2, "Type of place of occurrence");
	pr_row(out, IND, "Type", word_place_type(d->place_type));
	if (!empty(d->place_description))
		pr_row(out, IND, "Description", d->place_description);
	pr_heading(out, 3, "Place shown by");
	if (!d->place_shown_by) {
		pr_para(out, IND, NOT_STATED);
		return;
	}
	print_named(out, d->place_shown_by->person);
	pr_row(out, IND, "Relation", d->place_shown_by->relation);
}

static void print_mo(FILE *out, const Cctns__V1__CrimeDetails *d)
{
	static const Cctns__V1__ModusOperandi none =
	        CCTNS__V1__MODUS_OPERANDI__INIT;
	const Cctns__V1__ModusOperandi *m = d->mo ? d->mo : &none;
	char major[100], minor[100];

	pr_heading(out, 4, "Modus operandi");
	pr_row(out, IND, "Major head",
	       empty(m->major) ? NULL
	                       : fmt_kind(m->major, major, sizeof(major)));
	pr_row(out, IND, "Minor head",
	       empty(m->minor) ? NULL
	                       : fmt_kind(m->minor, minor, sizeof(minor)));
	print_list(out, m->methods, m->n_methods, "Method");
	pr_row(out, IND, "Conveyance used", m->conveyance_used);
	pr_row(out, IND, "Character assumed", m->character_assumed);
	pr_row(out, IND, "Language or slang", m->language_or_slang);
	print_list(out, m->special_features, m->n_special_features,
	           "Special feature");
}

static void print_properties(FILE *out, const Cctns__V1__CrimeDetails *d)
{
	char label[32], kind[100], value[48], line[4300];
	uint64_t total = 0;

	pr_heading(out, 6, "Properties stolen or involved");
	if (d->n_properties == 0)
		pr_para(out, IND, "none");
	for (size_t i = 0; i < d->n_properties; i++) {
		const Cctns__V1__Property *p = d->properties[i];

		snprintf(label, sizeof(label), "(%zu)", i + 1);
		snprintf(line, sizeof(line), "%s%s%s, %s",
		         fmt_kind(p->kind, kind, sizeof(kind)),
		         empty(p->description) ? "" : ": ",
		         empty(p->description) ? "" : p->description,
		         p->value_rupees ? fmt_rupees(p->value_rupees, value,
		                                      sizeof(value))
		                         : "value not stated");
		pr_row(out, IND, label, line);
		pr_property_ids(out, IND + 4, p->identifiers, p->n_identifiers);
		total += p->value_rupees;
	}
	if (d->n_properties)
		pr_row(out, IND, "Total value",
		       fmt_rupees(total, value, sizeof(value)));
}

static void print_victims(FILE *out, const Cctns__V1__CrimeDetails *d)
{
	char label[32];

	pr_heading(out, 9, "Victims");
	if (d->n_victims == 0)
		pr_para(out, IND, "none");
	for (size_t i = 0; i < d->n_victims; i++) {
		const Cctns__V1__Victim *v = d->victims[i];

		snprintf(label, sizeof(label), "Victim %zu", i + 1);
		pr_spaces(out, IND);
		fprintf(out, "%s\n", label);
		print_named(out, v->person);
		pr_row(out, IND, "Religion", v->religion);
		pr_row(out, IND, "SC/ST", word_sc_st(v->sc_st));
		pr_row(out, IND, "Injury", word_injury(v->injury));
		if (!empty(v->injury_details))
			pr_row(out, IND, "Nature of injury", v->injury_details);
	}
}

static void print_panchnama(FILE *out, const Cctns__V1__CrimeDetails *d)
{
	char t[64];

	pr_heading(out, 10, "Panchnama");
	pr_row(out, IND, "Date and time",
	       fmt_time(d->panchnama_at, t, sizeof(t)));
	if (d->n_panch_witnesses == 0)
		pr_row(out, IND, "Witnesses", "none");
	for (size_t i = 0; i < d->n_panch_witnesses; i++) {
		pr_spaces(out, IND);
		fprintf(out, "Witness %zu\n", i + 1);
		print_named(out, d->panch_witnesses[i]);
	}
}

void print_crime_details(FILE *out, const Cctns__V1__CrimeDetailsRecord *r)
{
	static const Cctns__V1__CrimeDetails none =
	        CCTNS__V1__CRIME_DETAILS__INIT;
	const Cctns__V1__CrimeDetails *d = r->details ? r->details : &none;

	pr_center(out, "CRIME DETAILS FORM");
	pr_center(out, "(Integrated Investigation Form II)");
	print_case(out, r, d);
	print_place(out, d);
	print_mo(out, d);
	pr_heading(out, 5, "Motive");
	pr_para(out, IND, d->motive);
	print_properties(out, d);
	pr_heading(out, 7, "Description of the scene");
	pr_para(out, IND, d->scene_description);
	pr_heading(out, 8, "Physical evidence");
	pr_para(out, IND, d->physical_evidence);
	print_victims(out, d);
	print_panchnama(out, d);
	pr_heading(out, 11, "Weapon used");
	pr_para(out, IND, d->weapon_used);
	pr_heading(out, 12, "Vehicle used");
	pr_para(out, IND, d->vehicle_used);
}

void print_crime_details_receipt(FILE *out,
                                 const Cctns__V1__CrimeDetailsReceipt *r,
                                 const char *key_hex)
{
	char t[64];

	fprintf(out, "Crime details of FIR %s recorded as version %u on %s%s\n",
	        r->fir_number, r->version,
	        fmt_time(r->recorded_at, t, sizeof(t)),
	        r->replayed ? " (already recorded earlier with this key)" : "");
	fprintf(out, "idempotency key: %s\n", key_hex);
}
