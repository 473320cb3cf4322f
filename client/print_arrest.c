/* print_arrest.c: the arrest / court surrender memo in the order of the
 * paper form (IIF-III). Every section is printed, with "not stated" where
 * the memo is silent, so a reader sees what was left out. */
#include "print_arrest.h"

#include <string.h>

#include "printout.h"

#define IND SECTION_INDENT

static int empty(const char *s)
{
	return !s || !*s;
}

static const char *yes_no(int v)
{
	return v ? "Yes" : "No";
}

static void print_case(FILE *out, const Cctns__V1__ArrestReceipt *r)
{
	char t[64], gd[96];

	pr_heading(out, 1, "Case");
	pr_row(out, IND, "FIR No.", r ? r->fir_number : NULL);
	pr_row(out, IND, "Memo recorded at",
	       fmt_time(r ? r->registered_at : NULL, t, sizeof(t)));
	pr_row(out, IND, "General Diary reference",
	       r ? fmt_gd_ref(r->gd_date, r->gd_number, NULL, gd, sizeof(gd))
	         : NULL);
	pr_heading(out, 2, "Accused code");
	pr_row(out, IND, "Code", r ? r->accused_code : NULL);
}

/* "Aadhaar (masked) XXXX XXXX 1234", "Voter id ABC1234567". */
static const char *document_text(const Cctns__V1__IdentityDocument *d,
                                 char *buf, size_t bufsz)
{
	char kind[64];

	if (!d || (empty(d->kind) && empty(d->number)))
		snprintf(buf, bufsz, NOT_STATED);
	else if (d->kind && strcmp(d->kind, "aadhaar_masked") == 0)
		snprintf(buf, bufsz, "Aadhaar (masked) XXXX XXXX %s",
		         empty(d->number) ? "????" : d->number);
	else
		snprintf(buf, bufsz, "%s %s",
		         empty(d->kind) ? "Document"
		                        : fmt_kind(d->kind, kind, sizeof(kind)),
		         empty(d->number) ? "(number not stated)" : d->number);
	return buf;
}

static void print_identity(FILE *out, const Cctns__V1__ArrestMemo *m)
{
	Cctns__V1__Person who = CCTNS__V1__PERSON__INIT;
	char age[48], doc[192];
	int years;

	pr_heading(out, 3, "Identity");
	if (m->person)
		who = *m->person;
	who.address = NULL; /* section 5 */
	pr_person(out, IND, &who);
	years = age_at(who.date_of_birth, who.year_of_birth, m->arrested_at);
	if (years >= 0) {
		snprintf(age, sizeof(age), "%s%d years",
		         empty(who.date_of_birth) ? "about " : "", years);
		pr_row(out, IND, "Age at arrest", age);
	}
	pr_row(out, IND, "Religion", m->religion);
	pr_row(out, IND, "Caste / tribe", m->caste_tribe);
	pr_row(out, IND, "Identity document",
	       document_text(m->identity_document, doc, sizeof(doc)));
}

static void print_aliases(FILE *out, const Cctns__V1__ArrestMemo *m)
{
	char label[32];

	pr_heading(out, 4, "Aliases");
	if (m->n_aliases == 0)
		pr_para(out, IND, "none");
	for (size_t i = 0; i < m->n_aliases; i++) {
		snprintf(label, sizeof(label), "(%zu)", i + 1);
		pr_row(out, IND, label, m->aliases[i]);
	}
}

static void print_arrest_event(FILE *out, const Cctns__V1__ArrestMemo *m)
{
	char t[64], officer[256];

	pr_heading(out, 6, "Arrest / court surrender");
	pr_row(out, IND, "Arrested or surrendered",
	       m->court_surrender ? "Surrendered in court" : "Arrested");
	pr_row(out, IND, "Date and time",
	       fmt_time(m->arrested_at, t, sizeof(t)));
	pr_row(out, IND, m->court_surrender ? "Court" : "Place of arrest",
	       m->place);
	pr_row(out, IND, m->court_surrender ? "Officer" : "Arresting officer",
	       fmt_officer(m->officer, officer, sizeof(officer)));
	pr_heading(out, 7, "Outcome");
	pr_para(out, IND, word_arrest_outcome(m->outcome));
}

static void print_care(FILE *out, const Cctns__V1__ArrestMemo *m)
{
	char t[64], dot[96];

	pr_heading(out, 8, "Injuries and medical examination");
	pr_row(out, IND, "Injuries", m->injuries);
	pr_row(out, IND, "Medical examination", m->medical_examination);
	pr_heading(out, 9, "Articles found on personal search");
	pr_para(out, IND, m->articles_found);
	pr_heading(out, 10, "Intimation of arrest");
	pr_row(out, IND, "Relative informed", m->relative_informed);
	pr_row(out, IND, "Relative informed at",
	       fmt_time(m->relative_informed_at, t, sizeof(t)));
	/* BNSS s.37: the officer designated in the district is told of every
	 * arrest. */
	snprintf(dot, sizeof(dot), "informed at %s",
	         fmt_time(m->designated_officer_informed_at, t, sizeof(t)));
	pr_row(out, IND, "Designated officer",
	       empty(m->designated_officer_informed_at) ? NULL : dot);
}

static void print_roll(FILE *out, const Cctns__V1__ArrestMemo *m)
{
	static const Cctns__V1__DescriptiveRoll none =
	        CCTNS__V1__DESCRIPTIVE_ROLL__INIT;
	const Cctns__V1__DescriptiveRoll *d =
	        m->descriptive_roll ? m->descriptive_roll : &none;
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
	char height[32], languages[512] = "";
	size_t n = 0;

	pr_heading(out, 11, "Descriptive roll");
	pr_row(out, IND, "Sex",
	       m->person && m->person->gender ? word_gender(m->person->gender)
	                                      : NULL);
	snprintf(height, sizeof(height), "%u cm", d->height_cm);
	pr_row(out, IND, "Height", d->height_cm ? height : NULL);
	for (size_t i = 0; i < sizeof(rows) / sizeof(rows[0]); i++)
		pr_row(out, IND, rows[i].label, rows[i].value);
	for (size_t i = 0; i < d->n_languages; i++)
		str_append(languages, sizeof(languages), &n, ", ",
		           d->languages[i]);
	pr_row(out, IND, "Languages", languages);
}

static void print_flags(FILE *out, const Cctns__V1__ArrestMemo *m)
{
	const struct {
		const char *label;
		int value;
	} flags[] = {
	        {"Dangerous", m->dangerous},
	        {"Jumped bail before", m->jumped_bail_before},
	        {"Generally armed", m->generally_armed},
	        {"Works with accomplices", m->operates_with_accomplices},
	        {"Known / listed criminal", m->known_criminal},
	        {"Recidivist", m->recidivist},
	        {"Likely to jump bail", m->likely_to_jump_bail},
	        {"Wanted in another case", m->wanted_in_other_case},
	};

	pr_heading(out, 12, "Fingerprints");
	pr_row(out, IND, "Fingerprints taken", yes_no(m->fingerprints_taken));
	pr_heading(out, 13, "Risk flags");
	for (size_t i = 0; i < sizeof(flags) / sizeof(flags[0]); i++)
		pr_row(out, IND, flags[i].label, yes_no(flags[i].value));
}

void print_arrest(FILE *out, const Cctns__V1__Arrest *a)
{
	static const Cctns__V1__ArrestMemo none = CCTNS__V1__ARREST_MEMO__INIT;
	const Cctns__V1__ArrestMemo *m = a->memo ? a->memo : &none;

	pr_center(out, "ARREST / COURT SURRENDER MEMO");
	pr_center(out, "(Integrated Investigation Form III)");
	print_case(out, a->receipt);
	print_identity(out, m);
	print_aliases(out, m);
	pr_heading(out, 5, "Addresses");
	pr_address(out, IND, "Present address",
	           m->person ? m->person->address : NULL);
	pr_address(out, IND, "Permanent address", m->permanent_address);
	print_arrest_event(out, m);
	print_care(out, m);
	print_roll(out, m);
	print_flags(out, m);
}

void print_arrest_receipt(FILE *out, const Cctns__V1__ArrestReceipt *r,
                          const char *key_hex)
{
	char t[64], gd[96];

	fprintf(out, "Arrest memo %s recorded in FIR %s on %s%s\n",
	        r->accused_code, r->fir_number,
	        fmt_time(r->registered_at, t, sizeof(t)),
	        r->replayed ? " (already recorded earlier with this key)" : "");
	if (r->gd_number)
		fprintf(out, "General Diary: %s\n",
		        fmt_gd_ref(r->gd_date, r->gd_number, NULL, gd,
		                   sizeof(gd)));
	fprintf(out, "idempotency key: %s\n", key_hex);
}
