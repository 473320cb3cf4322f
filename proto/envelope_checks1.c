/* envelope_checks1.c: the format checks of strings (PIN code, section, FIR
 * number, accused code, phone) and the cross-field checks of the FIR, GD,
 * arrest and registers families that the rule table (envelope_rules.c) names.
 */
#include "envelope.h"

#include <stdarg.h>
#include <stdio.h>
#include <string.h>

#include "envelope_int.h"
#include "frame.h"
#include "image.h"
#include "pbfield.h"
#include "pbjson.h"
#include "timefmt.h"
#include "util.h"

/* ------------------------------------------------------------ formats */

int env_is_digit(char c)
{
	return c >= '0' && c <= '9';
}

int env_pincode_valid(const char *s)
{
	for (int i = 0; i < 6; i++) {
		if (!env_is_digit(s[i]))
			return 0;
	}
	return s[6] == '\0';
}

/* Digits, optional upper-case letters, optional "(x)" groups: 303(2)(a). */
int env_section_valid(const char *s)
{
	if (!env_is_digit(*s))
		return 0;
	while (env_is_digit(*s))
		s++;
	while (*s >= 'A' && *s <= 'Z')
		s++;
	while (*s == '(') {
		const char *start = ++s;
		while (env_is_digit(*s) || (*s >= 'a' && *s <= 'z') ||
		       (*s >= 'A' && *s <= 'Z'))
			s++;
		if (s == start || *s != ')')
			return 0;
		s++;
	}
	return *s == '\0';
}

/* An FIR number as the station writes it: 1..9 digits, "/", the year:
 * "42/2026" or "0042/2026" (envelope.h). */
int envelope_fir_number_parse(const char *s, uint32_t *no, uint32_t *year)
{
	uint32_t v = 0, y = 0;
	size_t n = 0;

	while (env_is_digit(s[n]))
		v = v * 10 + (uint32_t)(s[n++] - '0'); /* 9 digits fit */
	if (n < 1 || n > 9 || s[n] != '/')
		return -1;
	s += n + 1;
	for (int i = 0; i < 4; i++) {
		if (!env_is_digit(s[i]))
			return -1;
		y = y * 10 + (uint32_t)(s[i] - '0');
	}
	if (s[4] != '\0')
		return -1;
	*no = v;
	*year = y;
	return 0;
}

int env_fir_number_valid(const char *s)
{
	uint32_t no, year;

	return envelope_fir_number_parse(s, &no, &year) == 0;
}

/* An accused code: a capital letter and a digit 1..9 ("A1", "B9"). */
int env_accused_code_valid(const char *s)
{
	return s[0] >= 'A' && s[0] <= 'Z' && s[1] >= '1' && s[1] <= '9' &&
	       s[2] == '\0';
}

int env_phone_valid(const char *s)
{
	int digits = 0;

	for (; *s; s++) {
		if (env_is_digit(*s))
			digits++;
		else if (!strchr("+- ()", *s))
			return 0;
	}
	return digits >= 3;
}

/* The idempotency_key field of any write request. */
int check_idempotency_key(walk *w, const ProtobufCMessage *m)
{
	const ProtobufCFieldDescriptor *f =
	        protobuf_c_message_descriptor_get_field_by_name(
	                m->descriptor, "idempotency_key");
	const ProtobufCBinaryData *key =
	        (const ProtobufCBinaryData *)((const char *)m + f->offset);

	if (key->len != 16) {
		char msg[128];
		snprintf(msg, sizeof(msg),
		         "must be exactly 16 bytes (a random key made by the "
		         "terminal), got %zu",
		         key->len);
		return walk_fail_at(w, "idempotency_key", msg);
	}
	return 0;
}

int check_law(walk *w, const ProtobufCMessage *m)
{
	const Cctns__V1__Charge *c = (const Cctns__V1__Charge *)m;
	int special = c->act == CCTNS__V1__ACT__ACT_SPECIAL_LOCAL;

	if (special && !*c->law)
		return walk_fail_at(
		        w, "law",
		        "is required for a special or local law: name "
		        "the law, e.g. NDPS");
	if (!special && *c->law)
		return walk_fail_at(
		        w, "law", "must be empty unless act is special_local");
	return 0;
}

static int needs_person(const Cctns__V1__Accused *a)
{
	return a->kind == CCTNS__V1__ACCUSED_KIND__ACCUSED_KIND_KNOWN ||
	       a->kind == CCTNS__V1__ACCUSED_KIND__ACCUSED_KIND_SUSPECTED;
}

int check_accused_person(walk *w, const ProtobufCMessage *m)
{
	const Cctns__V1__Accused *a = (const Cctns__V1__Accused *)m;

	if (!needs_person(a))
		return 0;
	if (!a->person)
		return walk_fail_at(
		        w, "person",
		        "is required for a known or suspected accused");
	if (!*a->person->name)
		return walk_fail_at(
		        w, "person.name",
		        "is required for a known or suspected accused");
	return 0;
}

int check_accused_description(walk *w, const ProtobufCMessage *m)
{
	const Cctns__V1__Accused *a = (const Cctns__V1__Accused *)m;

	if (a->kind == CCTNS__V1__ACCUSED_KIND__ACCUSED_KIND_UNKNOWN &&
	    !*a->description)
		return walk_fail_at(
		        w, "description",
		        "is required for an unknown accused: describe "
		        "what was seen");
	return 0;
}

int check_complainant_name(walk *w, const ProtobufCMessage *m)
{
	const Cctns__V1__FirContent *f = (const Cctns__V1__FirContent *)m;

	if (f->complainant && !*f->complainant->name)
		return walk_fail_at(w, "complainant.name",
		                    "is required: the complainant's name");
	return 0;
}

/* A correction names the entry it corrects; other entries name none. */
int check_gd_correction(walk *w, const ProtobufCMessage *m)
{
	const Cctns__V1__AddGdEntry *g = (const Cctns__V1__AddGdEntry *)m;

	if (g->kind == CCTNS__V1__GD_KIND__GD_KIND_CORRECTION) {
		if (!*g->corrects_date)
			return walk_fail_at(
			        w, "corrects_date",
			        "is required for a correction: the day "
			        "of the entry it corrects");
		if (!g->corrects_number)
			return walk_fail_at(w, "corrects_number",
			                    "is required for a correction: the "
			                    "number of the entry it corrects");
		return 0;
	}
	if (*g->corrects_date)
		return walk_fail_at(w, "corrects_date",
		                    "must be empty unless kind is correction");
	if (g->corrects_number)
		return walk_fail_at(w, "corrects_number",
		                    "must be 0 unless kind is correction");
	return 0;
}

int check_arrested_name(walk *w, const ProtobufCMessage *m)
{
	const Cctns__V1__ArrestMemo *a = (const Cctns__V1__ArrestMemo *)m;

	if (a->person && !*a->person->name)
		return walk_fail_at(w, "person.name",
		                    "is required: the arrested person's name");
	return 0;
}

/* Twelve digits once spaces and dashes are dropped: a full Aadhaar number
 * (or something that cannot be told from one). */
static int looks_like_aadhaar(const char *s)
{
	int digits = 0;

	for (; *s; s++) {
		if (env_is_digit(*s))
			digits++;
		else if (*s != ' ' && *s != '-')
			return 0;
	}
	return digits == 12;
}

/* ------------------------------------------------------------ registers1
 * Petitions, non-cognizable reports, lost property reports (here, after
 * looks_like_aadhaar, which the lost items use). */

/* The persons of a register entry are named: person (when set) must have a
 * name. what is "the petitioner's name". */
static int registers1_named(walk *w, const Cctns__V1__Person *p,
                            const char *rel, const char *what)
{
	char path[64], msg[96];

	if (!p || *p->name)
		return 0;
	snprintf(path, sizeof(path), "%s.name", rel);
	snprintf(msg, sizeof(msg), "is required: %s", what);
	return walk_fail_at(w, path, msg);
}

/* Every person of a list has a name: "respondents[1].name". */
static int registers1_all_named(walk *w, Cctns__V1__Person *const *list,
                                size_t n, const char *rel, const char *what)
{
	char path[48];

	for (size_t i = 0; i < n; i++) {
		snprintf(path, sizeof(path), "%s[%zu]", rel, i);
		if (registers1_named(w, list[i], path, what))
			return -1;
	}
	return 0;
}

int check_petition_petitioner(walk *w, const ProtobufCMessage *m)
{
	const Cctns__V1__Petition *p = (const Cctns__V1__Petition *)m;

	return registers1_named(w, p->petitioner, "petitioner",
	                        "the petitioner's name");
}

int check_petition_respondents(walk *w, const ProtobufCMessage *m)
{
	const Cctns__V1__Petition *p = (const Cctns__V1__Petition *)m;

	return registers1_all_named(w, p->respondents, p->n_respondents,
	                            "respondents", "each respondent's name");
}

int check_ncr_informant(walk *w, const ProtobufCMessage *m)
{
	const Cctns__V1__Ncr *n = (const Cctns__V1__Ncr *)m;

	return registers1_named(w, n->informant, "informant",
	                        "the informant's name");
}

int check_ncr_opposite_party(walk *w, const ProtobufCMessage *m)
{
	const Cctns__V1__Ncr *n = (const Cctns__V1__Ncr *)m;

	return registers1_all_named(w, n->opposite_party, n->n_opposite_party,
	                            "opposite_party",
	                            "each opposite party's name");
}

/* BNSS s.174 (CrPC s.155): the informant of a non-cognizable offence is
 * referred to the Magistrate; the register records that it was done. */
int check_ncr_advice_given(walk *w, const ProtobufCMessage *m)
{
	const Cctns__V1__Ncr *n = (const Cctns__V1__Ncr *)m;

	if (!n->advice_given)
		return walk_fail_at(w, "advice_given",
		                    "must be true: the informant of a "
		                    "non-cognizable offence is referred to the "
		                    "Magistrate (BNSS s.174)");
	return 0;
}

int check_lost_reporter(walk *w, const ProtobufCMessage *m)
{
	const Cctns__V1__LostReport *r = (const Cctns__V1__LostReport *)m;

	return registers1_named(w, r->reporter, "reporter",
	                        "the reporter's name");
}

int check_lost_item_value(walk *w, const ProtobufCMessage *m)
{
	const Cctns__V1__LostItem *i = (const Cctns__V1__LostItem *)m;

	if (i->value_rupees >= LOST_RUPEES_LIMIT)
		return walk_fail_at(
		        w, "value_rupees",
		        "must be below 10^12 rupees: state the value of "
		        "the item in whole rupees");
	return 0;
}

/* An identifier of a lost item (IMEI, document number) is never a full
 * Aadhaar number; the message never repeats it. */
int check_lost_item_identifier(walk *w, const ProtobufCMessage *m)
{
	const Cctns__V1__LostItem *i = (const Cctns__V1__LostItem *)m;

	if (looks_like_aadhaar(i->identifier))
		return walk_fail_at(
		        w, "identifier",
		        "must not be a full Aadhaar number (12 digits): "
		        "for a lost Aadhaar card give only its last 4 "
		        "digits");
	return 0;
}

/* What each kind of disposal needs, and nothing of the others. */
int check_petition_disposal(walk *w, const ProtobufCMessage *m)
{
	const Cctns__V1__PetitionDisposal *d =
	        (const Cctns__V1__PetitionDisposal *)m;
	int closed = d->kind == PETITION_DISPOSAL_KIND(CLOSED);
	int fir = d->kind == PETITION_DISPOSAL_KIND(CONVERTED_TO_FIR);
	int transfer = d->kind == PETITION_DISPOSAL_KIND(TRANSFERRED);

	if (closed && !*d->reason)
		return walk_fail_at(
		        w, "reason",
		        "is required to close a petition: why it is "
		        "closed");
	if (fir != !!*d->fir_number)
		return walk_fail_at(
		        w, "fir_number",
		        fir ? "is required for converted_to_fir: the FIR "
		              "registered on the petition"
		            : "must be empty unless kind is "
		              "converted_to_fir");
	if (transfer && !d->transfer_district_code)
		return walk_fail_at(
		        w, "transfer_district_code",
		        "is required for transferred: the district of "
		        "the station the petition goes to");
	if (transfer != !!d->transfer_station_code)
		return walk_fail_at(
		        w, "transfer_station_code",
		        transfer ? "is required for transferred: the "
		                   "station the petition goes to"
		                 : "must be 0 unless kind is transferred");
	if (!transfer && d->transfer_district_code)
		return walk_fail_at(w, "transfer_district_code",
		                    "must be 0 unless kind is transferred");
	return 0;
}

/* The law forbids storing a full Aadhaar number: refuse it here, before it
 * reaches the database, under any kind; a masked one is its last 4 digits.
 * Messages never repeat the number. */
int check_identity_document(walk *w, const ProtobufCMessage *m)
{
	const Cctns__V1__IdentityDocument *d =
	        (const Cctns__V1__IdentityDocument *)m;
	const char *n = d->number;

	if (strcmp(d->kind, "aadhaar") == 0)
		return walk_fail_at(
		        w, "kind",
		        "must not be aadhaar: a full Aadhaar number may "
		        "not be stored; use aadhaar_masked with its last "
		        "4 digits");
	if (looks_like_aadhaar(n))
		return walk_fail_at(
		        w, "number",
		        "must not be a full Aadhaar number (12 digits); "
		        "use kind aadhaar_masked with its last 4 digits");
	if (strcmp(d->kind, "aadhaar_masked") == 0 &&
	    !(env_is_digit(n[0]) && env_is_digit(n[1]) && env_is_digit(n[2]) &&
	      env_is_digit(n[3]) && n[4] == '\0'))
		return walk_fail_at(
		        w, "number",
		        "must be the last 4 digits of the Aadhaar number "
		        "for kind aadhaar_masked");
	return 0;
}

/* ------------------------------------------------------------ registers2
 * Missing persons, unnatural deaths (UD), stolen and recovered vehicles.
 * Structure only; the order of times, the FIR a child's report needs and
 * the registration number formats are the database's rules. */

/* "UD 0003/2026", "UD-3/2026", "ud3/2026" or just "3/2026". */
int env_ud_number_valid(const char *s)
{
	if ((s[0] == 'U' || s[0] == 'u') && (s[1] == 'D' || s[1] == 'd')) {
		s += 2;
		if (*s == ' ' || *s == '-')
			s++;
	}
	return env_fir_number_valid(s);
}

static int is_alnum(char c)
{
	return env_is_digit(c) || (c >= 'A' && c <= 'Z') ||
	       (c >= 'a' && c <= 'z');
}

/* Letters and digits, with separators from seps; at least min_alnum
 * letters or digits (and at most max_alnum), at least one of each when
 * mixed. */
static int vehicle_chars(const char *s, const char *seps, int min_alnum,
                         int max_alnum, int mixed)
{
	int n = 0, letters = 0, digits = 0;

	for (; *s; s++) {
		if (is_alnum(*s)) {
			n++;
			letters += !env_is_digit(*s);
			digits += env_is_digit(*s);
		} else if (!strchr(seps, *s)) {
			return 0;
		}
	}
	return n >= min_alnum && n <= max_alnum &&
	       (!mixed || (letters && digits));
}

/* 4 to 13 letters and digits, both, spaces, dashes and dots between:
 * "UP 32 AB 1234", "22 BH 1234 AA", "DLK 1234". The formats themselves
 * are checked by the server (ref.vehicle_registration_format). */
int env_registration_valid(const char *s)
{
	return vehicle_chars(s, " -.", 4, 13, 1);
}

/* A VIN has 17; older frames fewer (at least 5). */
int env_chassis_valid(const char *s)
{
	return vehicle_chars(s, " -", 5, 17, 0);
}

int env_engine_valid(const char *s)
{
	return vehicle_chars(s, " -/.", 5, 20, 0);
}

static int model_year_ok(uint32_t y)
{
	return y == 0 || (y >= 1900 && y <= 2200);
}

/* Person p at rel must have a name, unless it names an existing person. */
static int need_name(walk *w, const Cctns__V1__Person *p, const char *rel,
                     const char *who)
{
	char path[64], msg[160];

	if (!p || *p->name || p->person_id)
		return 0;
	snprintf(path, sizeof(path), "%s.name", rel);
	snprintf(msg, sizeof(msg),
	         "is required: the %s's name (or person_id of a person "
	         "already on record)",
	         who);
	return walk_fail_at(w, path, msg);
}

static int height_ok(walk *w, uint32_t cm, const char *rel)
{
	char msg[96];

	if (cm == 0 || (cm >= R2_HEIGHT_MIN_CM && cm <= R2_HEIGHT_MAX_CM))
		return 0;
	snprintf(msg, sizeof(msg), "%u cm is not a human height (%d to %d)", cm,
	         R2_HEIGHT_MIN_CM, R2_HEIGHT_MAX_CM);
	return walk_fail_at(w, rel, msg);
}

int check_missing_person(walk *w, const ProtobufCMessage *m)
{
	const Cctns__V1__MissingPersonReport *r =
	        (const Cctns__V1__MissingPersonReport *)m;

	return need_name(w, r->person, "person", "missing person");
}

int check_missing_age(walk *w, const ProtobufCMessage *m)
{
	const Cctns__V1__MissingPersonReport *r =
	        (const Cctns__V1__MissingPersonReport *)m;

	if (r->age_years > R2_AGE_MAX)
		return walk_fail_at(w, "age_years", "must be 0 to 120 years");
	if (r->age_years && r->person &&
	    (*r->person->date_of_birth || r->person->year_of_birth))
		return walk_fail_at(
		        w, "age_years",
		        "must be empty when the date or year of birth "
		        "is given: it is the stated age when they are "
		        "not known");
	return 0;
}

int check_missing_roll(walk *w, const ProtobufCMessage *m)
{
	const Cctns__V1__MissingPersonReport *r =
	        (const Cctns__V1__MissingPersonReport *)m;

	if (!r->descriptive_roll)
		return 0;
	return height_ok(w, r->descriptive_roll->height_cm,
	                 "descriptive_roll.height_cm");
}

int check_missing_informant(walk *w, const ProtobufCMessage *m)
{
	const Cctns__V1__MissingPersonReport *r =
	        (const Cctns__V1__MissingPersonReport *)m;

	return need_name(w, r->informant, "informant", "informant");
}

static int is_unidentified(const Cctns__V1__UnnaturalDeathReport *r)
{
	return r->kind ==
	       CCTNS__V1__UNNATURAL_DEATH_KIND__UNNATURAL_DEATH_KIND_UNIDENTIFIED_BODY;
}

/* What an unidentified body can show: nothing but its gender. */
static int unseen_field(const Cctns__V1__Person *p)
{
	if (*p->name)
		return 1;
	if (p->relative_kind || *p->relative_name || *p->date_of_birth ||
	    p->year_of_birth)
		return 2;
	if (*p->nationality || *p->occupation || p->address || *p->phone)
		return 2;
	return p->person_id ? 3 : 0;
}

int check_deceased(walk *w, const ProtobufCMessage *m)
{
	const Cctns__V1__UnnaturalDeathReport *r =
	        (const Cctns__V1__UnnaturalDeathReport *)m;
	static const char *const why[] = {
	        NULL,
	        "must be empty for an unidentified body: record a known "
	        "person as kind unnatural_death, or identify the body later "
	        "(cctns ud identify)",
	        "an unidentified body records only what is seen (gender); "
	        "the rest comes when it is identified (cctns ud identify)",
	        "an unidentified body names no person on record; identify "
	        "it later (cctns ud identify)",
	};
	static const char *const rel[] = {NULL, "deceased.name", "deceased",
	                                  "deceased.person_id"};
	int u;

	if (!is_unidentified(r)) {
		if (!r->deceased && r->kind)
			return walk_fail_at(
			        w, "deceased",
			        "is required for an unnatural death: "
			        "the person who died");
		return need_name(w, r->deceased, "deceased", "deceased");
	}
	u = r->deceased ? unseen_field(r->deceased) : 0;
	return u ? walk_fail_at(w, rel[u], why[u]) : 0;
}

int check_apparent_age(walk *w, const ProtobufCMessage *m)
{
	const Cctns__V1__UnnaturalDeathReport *r =
	        (const Cctns__V1__UnnaturalDeathReport *)m;

	if (r->apparent_age_from > R2_AGE_MAX)
		return walk_fail_at(w, "apparent_age_from",
		                    "must be 0 to 120 years");
	if (r->apparent_age_to > R2_AGE_MAX)
		return walk_fail_at(w, "apparent_age_to",
		                    "must be 0 to 120 years");
	if (r->apparent_age_from && !r->apparent_age_to)
		return walk_fail_at(
		        w, "apparent_age_to",
		        "is required with apparent_age_from (the same "
		        "value for one age)");
	if (r->apparent_age_from > r->apparent_age_to)
		return walk_fail_at(w, "apparent_age_from",
		                    "must not be above apparent_age_to");
	return 0;
}

int check_ud_height(walk *w, const ProtobufCMessage *m)
{
	const Cctns__V1__UnnaturalDeathReport *r =
	        (const Cctns__V1__UnnaturalDeathReport *)m;

	if (r->descriptive_roll && r->descriptive_roll->height_cm)
		return walk_fail_at(
		        w, "descriptive_roll.height_cm",
		        "must be empty: give the height in height_cm");
	return height_ok(w, r->height_cm, "height_cm");
}

int check_inquest(walk *w, const ProtobufCMessage *m)
{
	const Cctns__V1__UnnaturalDeathReport *r =
	        (const Cctns__V1__UnnaturalDeathReport *)m;
	int by = (r->inquest_officer != NULL) + (*r->inquest_magistrate != 0);

	if (by > 1)
		return walk_fail_at(
		        w, "inquest_magistrate",
		        "must be empty when inquest_officer is given: "
		        "the inquest is held by one of them");
	if (by && !*r->inquest_at)
		return walk_fail_at(w, "inquest_at",
		                    "is required when the inquest is recorded");
	if (!by && *r->inquest_at)
		return walk_fail_at(
		        w, "inquest_officer",
		        "is required with inquest_at (or "
		        "inquest_magistrate): who held the inquest");
	return 0;
}

int check_ud_informant(walk *w, const ProtobufCMessage *m)
{
	const Cctns__V1__UnnaturalDeathReport *r =
	        (const Cctns__V1__UnnaturalDeathReport *)m;

	return need_name(w, r->informant, "informant", "informant");
}

int check_identified(walk *w, const ProtobufCMessage *m)
{
	const Cctns__V1__IdentifyBody *b = (const Cctns__V1__IdentifyBody *)m;

	if (need_name(w, b->deceased, "deceased", "deceased"))
		return -1;
	return need_name(w, b->identified_by, "identified_by",
	                 "identifying person");
}

int check_vehicle_numbers(walk *w, const ProtobufCMessage *m)
{
	const Cctns__V1__VehicleReport *v = (const Cctns__V1__VehicleReport *)m;

	if (!*v->registration_number && !*v->chassis_number &&
	    !*v->engine_number)
		return walk_fail_at(w, "registration_number",
		                    "is required unless the chassis or engine "
		                    "number is given");
	return 0;
}

int check_model_year(walk *w, const ProtobufCMessage *m)
{
	const Cctns__V1__VehicleReport *v = (const Cctns__V1__VehicleReport *)m;

	if (!model_year_ok(v->model_year))
		return walk_fail_at(w, "model_year",
		                    "must be a year like 2019");
	return 0;
}

int check_owner(walk *w, const ProtobufCMessage *m)
{
	const Cctns__V1__VehicleReport *v = (const Cctns__V1__VehicleReport *)m;

	return need_name(w, v->owner, "owner", "owner");
}

int check_find_vehicle(walk *w, const ProtobufCMessage *m)
{
	const Cctns__V1__FindVehicle *f = (const Cctns__V1__FindVehicle *)m;
	int n = (*f->registration_number != 0) + (*f->chassis_number != 0) +
	        (*f->engine_number != 0);

	if (n == 0)
		return walk_fail_at(w, "registration_number",
		                    "is required: search by one of "
		                    "registration_number, chassis_number and "
		                    "engine_number");
	if (n > 1)
		return walk_fail_at(
		        w,
		        *f->registration_number ? "chassis_number"
		                                : "engine_number",
		        "must be empty: search by one number at a time");
	return 0;
}
