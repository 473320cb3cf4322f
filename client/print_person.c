/* print_person.c: the persons master record laid out in numbered sections
 * like the other printouts (see print_person.h). Every section is printed,
 * with "none" where the record has nothing, so a reader sees what is not
 * known. */
#include "print_person.h"

#include <string.h>

#include "printout.h"

#define IND SECTION_INDENT

static int empty(const char *s)
{
	return !s || !*s;
}

/* The IST day of an RFC 3339 time of the server ("29/11/2026"). */
static const char *day_of(const char *rfc3339, char *buf, size_t bufsz)
{
	char day[11];

	if (!rfc3339 || strlen(rfc3339) < 10)
		return fmt_date(rfc3339, buf, bufsz);
	memcpy(day, rfc3339, 10);
	day[10] = '\0';
	return fmt_date(day, buf, bufsz);
}

/* 2768 -> "2,768 bytes" (Indian grouping, as rupees are written). */
static const char *fmt_bytes(uint32_t n, char *buf, size_t bufsz)
{
	char rupees[48];

	fmt_rupees(n, rupees, sizeof(rupees));
	snprintf(buf, bufsz, "%s bytes",
	         strncmp(rupees, "Rs. ", 4) == 0 ? rupees + 4 : rupees);
	return buf;
}

const char *fmt_photo(const Cctns__V1__PhotoInfo *i, char *buf, size_t bufsz)
{
	char size[64];

	snprintf(buf, bufsz, "%s, %u x %u pixels, %s",
	         i->mime && strcmp(i->mime, "image/png") == 0 ? "PNG" : "JPEG",
	         i->width, i->height,
	         fmt_bytes(i->size_bytes, size, sizeof(size)));
	return buf;
}

const char *fmt_document(const Cctns__V1__IdentityDocument *d, char *buf,
                         size_t bufsz)
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

/* "Agra Kotwali (Agra, Uttar Pradesh)", or the codes when the names are
 * not known. */
static const char *station_text(const Cctns__V1__Identity *s, char *buf,
                                size_t bufsz)
{
	if (!s)
		snprintf(buf, bufsz, NOT_STATED);
	else if (!empty(s->station_name))
		snprintf(buf, bufsz, "%s (%s, %s)", s->station_name,
		         empty(s->district_name) ? "?" : s->district_name,
		         empty(s->state_name) ? "?" : s->state_name);
	else
		snprintf(buf, bufsz, "station %u:%u:%u", s->state_code,
		         s->district_code, s->station_code);
	return buf;
}

static void print_identity(FILE *out, const Cctns__V1__PersonRecord *r)
{
	char id[32], t[64], st[400];

	pr_heading(out, 1, "Person");
	snprintf(id, sizeof(id), "%llu",
	         (unsigned long long)(r->person ? r->person->person_id : 0));
	pr_row(out, IND, "Person No.", id);
	pr_person(out, IND, r->person);
	pr_row(out, IND, "First recorded",
	       fmt_time(r->created_at, t, sizeof(t)));
	pr_row(out, IND, "By", station_text(r->created_by, st, sizeof(st)));
}

static void print_aliases(FILE *out, const Cctns__V1__PersonRecord *r)
{
	char label[32];

	pr_heading(out, 2, "Aliases");
	if (r->n_aliases == 0)
		pr_para(out, IND, "none");
	for (size_t i = 0; i < r->n_aliases; i++) {
		snprintf(label, sizeof(label), "(%zu)", i + 1);
		pr_row(out, IND, label, r->aliases[i]);
	}
}

static void print_documents(FILE *out, const Cctns__V1__PersonRecord *r)
{
	char label[32], doc[200];

	pr_heading(out, 3, "Identity documents");
	if (r->n_identity_documents == 0)
		pr_para(out, IND, "none");
	for (size_t i = 0; i < r->n_identity_documents; i++) {
		snprintf(label, sizeof(label), "(%zu)", i + 1);
		pr_row(out, IND, label,
		       fmt_document(r->identity_documents[i], doc,
		                    sizeof(doc)));
	}
}

static void print_phones(FILE *out, const Cctns__V1__PersonRecord *r)
{
	char label[32], t[32], line[200];

	pr_heading(out, 4, "Phones");
	if (r->n_phones == 0)
		pr_para(out, IND,
		        r->person && !empty(r->person->phone)
		                ? "none besides the one above"
		                : "none");
	for (size_t i = 0; i < r->n_phones; i++) {
		const Cctns__V1__PersonPhone *p = r->phones[i];

		snprintf(label, sizeof(label), "(%zu)", i + 1);
		snprintf(line, sizeof(line), "%s%s%s%s, added %s", p->number,
		         empty(p->kind) ? "" : " (",
		         empty(p->kind) ? "" : p->kind,
		         empty(p->kind) ? "" : ")",
		         day_of(p->added_at, t, sizeof(t)));
		pr_row(out, IND, label, line);
	}
}

static const char *address_kind(int v)
{
	static const char *const words[] = {"Address", "Present address",
	                                    "Permanent address",
	                                    "Other address"};

	return v >= 0 && (size_t)v < sizeof(words) / sizeof(words[0])
	               ? words[v]
	               : "Address";
}

static void print_addresses(FILE *out, const Cctns__V1__PersonRecord *r)
{
	char d[32], t[64], line[200];

	pr_heading(out, 5, "Addresses");
	if (r->n_addresses == 0)
		pr_para(out, IND,
		        r->person && r->person->address
		                ? "none besides the one above"
		                : "none");
	for (size_t i = 0; i < r->n_addresses; i++) {
		const Cctns__V1__PersonAddress *a = r->addresses[i];

		pr_address(out, IND, address_kind(a->kind), a->address);
		snprintf(line, sizeof(line), "%s%s%s",
		         empty(a->since) ? "" : "since ",
		         empty(a->since) ? ""
		                         : fmt_date(a->since, d, sizeof(d)),
		         empty(a->since) ? "" : "; ");
		snprintf(line + strlen(line), sizeof(line) - strlen(line),
		         "added %s", day_of(a->added_at, t, sizeof(t)));
		pr_row(out, IND, "", line);
	}
}

static void print_roll(FILE *out, const Cctns__V1__PersonRecord *r)
{
	static const Cctns__V1__DescriptiveRoll none =
	        CCTNS__V1__DESCRIPTIVE_ROLL__INIT;
	const Cctns__V1__DescriptiveRoll *d =
	        r->descriptive_roll ? r->descriptive_roll : &none;
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
	char height[32], t[64], languages[512] = "";
	size_t n = 0;

	pr_heading(out, 6, "Descriptive roll");
	if (!r->descriptive_roll) {
		pr_para(out, IND, "none recorded");
		return;
	}
	pr_row(out, IND, "Recorded at",
	       fmt_time(r->descriptive_roll_at, t, sizeof(t)));
	snprintf(height, sizeof(height), "%u cm", d->height_cm);
	pr_row(out, IND, "Height", d->height_cm ? height : NULL);
	for (size_t i = 0; i < sizeof(rows) / sizeof(rows[0]); i++) {
		if (!empty(rows[i].value))
			pr_row(out, IND, rows[i].label, rows[i].value);
	}
	for (size_t i = 0; i < d->n_languages; i++)
		str_append(languages, sizeof(languages), &n, ", ",
		           d->languages[i]);
	if (n)
		pr_row(out, IND, "Languages", languages);
}

static void print_links(FILE *out, const Cctns__V1__PersonRecord *r)
{
	char when[32], role[64], st[400], line[800];

	pr_heading(out, 7, "Records naming the person");
	if (r->n_links == 0) {
		pr_para(out, IND, "none");
		return;
	}
	pr_spaces(out, IND);
	fputs("When (IST)        As              Record\n", out);
	for (size_t i = 0; i < r->n_links; i++) {
		const Cctns__V1__PersonLink *l = r->links[i];

		pr_spaces(out, IND);
		fprintf(out, "%-16s  %-14s  ",
		        fmt_ist(l->linked_at, 1, when, sizeof(when)),
		        fmt_kind(l->role, role, sizeof(role)));
		wrap_text(out, l->label, IND + 34, IND + 34, PRINT_WIDTH);
		if (!l->station)
			continue;
		pr_spaces(out, IND + 34);
		snprintf(line, sizeof(line), "at %s",
		         station_text(l->station, st, sizeof(st)));
		wrap_text(out, line, IND + 34, IND + 37, PRINT_WIDTH);
	}
}

static void print_photos(FILE *out, const Cctns__V1__PersonRecord *r)
{
	char label[32], t[64], what[200], line[400];

	pr_heading(out, 8, "Photographs");
	if (r->n_photos == 0) {
		pr_para(out, IND, "none");
		return;
	}
	for (size_t i = 0; i < r->n_photos; i++) {
		const Cctns__V1__PhotoInfo *p = r->photos[i];

		snprintf(label, sizeof(label), "Photo %u", p->photo_no);
		pr_row(out, IND, label, fmt_photo(p, what, sizeof(what)));
		snprintf(line, sizeof(line), "added %s",
		         fmt_time(p->added_at, t, sizeof(t)));
		pr_row(out, IND, "", line);
		if (!empty(p->taken_at)) {
			snprintf(line, sizeof(line), "taken %s",
			         fmt_time(p->taken_at, t, sizeof(t)));
			pr_row(out, IND, "", line);
		}
	}
}

void print_person_record(FILE *out, const Cctns__V1__PersonRecord *r)
{
	pr_center(out, "PERSON");
	pr_center(out, "(persons master record)");
	print_identity(out, r);
	print_aliases(out, r);
	print_documents(out, r);
	print_phones(out, r);
	print_addresses(out, r);
	print_roll(out, r);
	print_links(out, r);
	print_photos(out, r);
}

void print_person_update(FILE *out, const Cctns__V1__PersonRecord *r,
                         const char *key_hex)
{
	fprintf(out, "Details of person %llu recorded%s\n\n",
	        (unsigned long long)(r->person ? r->person->person_id : 0),
	        r->replayed ? " (already recorded earlier with this key)" : "");
	print_person_record(out, r);
	fprintf(out, "\nidempotency key: %s\n", key_hex);
}

void print_photo_added(FILE *out, const Cctns__V1__PersonPhoto *p,
                       const char *key_hex)
{
	static const Cctns__V1__PhotoInfo none = CCTNS__V1__PHOTO_INFO__INIT;
	const Cctns__V1__PhotoInfo *i = p->info ? p->info : &none;
	char what[200];

	fprintf(out, "Photo %u of person %llu added: %s%s\n", i->photo_no,
	        (unsigned long long)p->person_id,
	        fmt_photo(i, what, sizeof(what)),
	        p->replayed ? " (already added earlier with this key)" : "");
	fprintf(out, "SHA-256: %s\n", i->sha256);
	if (key_hex)
		fprintf(out, "idempotency key: %s\n", key_hex);
}
