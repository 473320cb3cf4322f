/* envelope_checks2.c: the cross-field checks of the court, lookup, complete
 * FIR, persons and crime details, seizure and malkhana, search, dossier and
 * sign-in requests that the rule table (envelope_rules.c) names. */
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

/* ------------------------------------------------------------ court family
 * Final report (IIF-V), court disposal (IIF-VI), result of appeal
 * (IIF-VII). The database holds every rule again, with those that need the
 * case (the investigating officer, dates against the FIR and the reports,
 * accused of the case). */

/* A string or message field of m by name, via the descriptor, so one check
 * serves every message naming an accused by code or as a person. */
const void *field_ptr(const ProtobufCMessage *m, const char *name)
{
	const ProtobufCFieldDescriptor *f =
	        protobuf_c_message_descriptor_get_field_by_name(m->descriptor,
	                                                        name);
	return (const char *)m + f->offset;
}

static int nonempty(const char *s)
{
	return s && *s;
}

/* Exactly one of accused_code and person; a person has a name or names an
 * existing person. */
int check_code_or_person(walk *w, const ProtobufCMessage *m)
{
	const char *code = *(char *const *)field_ptr(m, "accused_code");
	const Cctns__V1__Person *p =
	        *(Cctns__V1__Person *const *)field_ptr(m, "person");

	if (nonempty(code) && p)
		return walk_fail_at(
		        w, "person",
		        "must be empty when accused_code is given: name "
		        "the accused one way");
	if (!nonempty(code) && !p)
		return walk_fail_at(
		        w, "accused_code",
		        "is required: the accused code of the arrest "
		        "memo, or a person for an accused never arrested");
	if (p && !nonempty(p->name) && p->person_id == 0)
		return walk_fail_at(w, "person.name",
		                    "is required: the accused's name");
	return 0;
}

static int is_charge_sheet(const Cctns__V1__FinalReport *r)
{
	return r->kind ==
	       CCTNS__V1__FINAL_REPORT_KIND__FINAL_REPORT_KIND_CHARGE_SHEET;
}

/* A charge-sheet sends at least one accused for trial; no other report
 * sends any. */
int check_report_charged(walk *w, const ProtobufCMessage *m)
{
	const Cctns__V1__FinalReport *r = (const Cctns__V1__FinalReport *)m;

	if (is_charge_sheet(r) && r->n_charged == 0)
		return walk_fail_at(w, "charged",
		                    "a charge-sheet needs at least one charged "
		                    "accused with the sections charged");
	if (!is_charge_sheet(r) && r->n_charged > 0)
		return walk_fail_at(
		        w, "charged",
		        "must be empty: only a charge-sheet charges "
		        "accused; name them under not_charged");
	return 0;
}

int check_witness_name(walk *w, const ProtobufCMessage *m)
{
	const Cctns__V1__ReportWitness *r = (const Cctns__V1__ReportWitness *)m;

	if (r->person && !nonempty(r->person->name) &&
	    r->person->person_id == 0)
		return walk_fail_at(w, "person.name",
		                    "is required: the witness's name");
	return 0;
}

static int is_imprisonment(Cctns__V1__Punishment p)
{
	return p == CCTNS__V1__PUNISHMENT__PUNISHMENT_RIGOROUS_IMPRISONMENT ||
	       p == CCTNS__V1__PUNISHMENT__PUNISHMENT_SIMPLE_IMPRISONMENT;
}

/* The terms of a punishment: a period for imprisonment (and probation
 * only), within 100 years; a fine for fine_only. */
static int check_terms(walk *w, Cctns__V1__Punishment p, uint32_t months,
                       uint64_t fine)
{
	if (months > PERIOD_MAX_MONTHS)
		return walk_fail_at(w, "period_months",
		                    "must be at most 1200 months (100 years)");
	if (is_imprisonment(p) && months == 0)
		return walk_fail_at(w, "period_months",
		                    "is required for imprisonment: the term in "
		                    "months");
	if (months && !is_imprisonment(p) &&
	    p != CCTNS__V1__PUNISHMENT__PUNISHMENT_PROBATION)
		return walk_fail_at(w, "period_months",
		                    "must be 0 unless the punishment is "
		                    "imprisonment or probation");
	if (p == CCTNS__V1__PUNISHMENT__PUNISHMENT_FINE_ONLY && fine == 0)
		return walk_fail_at(
		        w, "fine_rupees",
		        "is required for fine_only: the fine in rupees");
	return 0;
}

/* Nothing of a sentence: no punishment (or none), no period, no fine. */
static int check_no_sentence(walk *w, const char *punishment_field,
                             Cctns__V1__Punishment p, uint32_t months,
                             uint64_t fine, const char *why)
{
	if (p != CCTNS__V1__PUNISHMENT__PUNISHMENT_UNSPECIFIED &&
	    p != CCTNS__V1__PUNISHMENT__PUNISHMENT_NONE)
		return walk_fail_at(w, punishment_field, why);
	if (months)
		return walk_fail_at(w, "period_months", why);
	if (fine)
		return walk_fail_at(w, "fine_rupees", why);
	return 0;
}

/* Convicted: sections and a punishment; otherwise neither. */
int check_trial_sentence(walk *w, const ProtobufCMessage *m)
{
	const Cctns__V1__AccusedDisposal *a =
	        (const Cctns__V1__AccusedDisposal *)m;

	if (a->result != CCTNS__V1__TRIAL_RESULT__TRIAL_RESULT_CONVICTED) {
		if (a->n_sections_convicted)
			return walk_fail_at(
			        w, "sections_convicted",
			        "must be empty unless the accused was "
			        "convicted");
		return check_no_sentence(w, "punishment", a->punishment,
		                         a->period_months, a->fine_rupees,
		                         "must be empty unless the accused was "
		                         "convicted");
	}
	if (a->n_sections_convicted == 0)
		return walk_fail_at(w, "sections_convicted",
		                    "a conviction needs at least one section "
		                    "convicted under");
	if (a->punishment == CCTNS__V1__PUNISHMENT__PUNISHMENT_UNSPECIFIED ||
	    a->punishment == CCTNS__V1__PUNISHMENT__PUNISHMENT_NONE)
		return walk_fail_at(
		        w, "punishment",
		        "is required for a conviction: death, "
		        "life_imprisonment, rigorous_imprisonment, "
		        "simple_imprisonment, fine_only or probation");
	return check_terms(w, a->punishment, a->period_months, a->fine_rupees);
}

int check_appeal_accused(walk *w, const ProtobufCMessage *m)
{
	const Cctns__V1__Appeal *a = (const Cctns__V1__Appeal *)m;

	if (a->n_accused_codes + a->n_accused_names == 0)
		return walk_fail_at(
		        w, "accused_codes",
		        "needs at least one entry: the accused the appeal "
		        "is about (by code, or by name in accused_names)");
	return 0;
}

static int appeal_sentences(Cctns__V1__AppealOutcome o)
{
	return o == CCTNS__V1__APPEAL_OUTCOME__APPEAL_OUTCOME_CONVICTED_ON_APPEAL ||
	       o == CCTNS__V1__APPEAL_OUTCOME__APPEAL_OUTCOME_SENTENCE_MODIFIED;
}

/* Exactly one of code and name; a new sentence exactly when the appeal
 * convicts or modifies the sentence. */
int check_appeal_outcome(walk *w, const ProtobufCMessage *m)
{
	const Cctns__V1__AccusedAppealResult *r =
	        (const Cctns__V1__AccusedAppealResult *)m;

	if (nonempty(r->accused_code) && nonempty(r->accused_name))
		return walk_fail_at(w, "accused_name",
		                    "must be empty when accused_code is given");
	if (!nonempty(r->accused_code) && !nonempty(r->accused_name))
		return walk_fail_at(w, "accused_code",
		                    "is required: the accused's code, or "
		                    "accused_name for one without a code");
	if (!appeal_sentences(r->result))
		return check_no_sentence(
		        w, "new_punishment", r->new_punishment,
		        r->period_months, r->fine_rupees,
		        "must be empty unless the appeal convicts or modifies "
		        "the sentence");
	if (r->new_punishment ==
	            CCTNS__V1__PUNISHMENT__PUNISHMENT_UNSPECIFIED ||
	    r->new_punishment == CCTNS__V1__PUNISHMENT__PUNISHMENT_NONE)
		return walk_fail_at(w, "new_punishment",
		                    "is required when the appeal convicts or "
		                    "modifies the sentence");
	return check_terms(w, r->new_punishment, r->period_months,
	                   r->fine_rupees);
}

/* forms: a section lookup names IPC or BNS, never a special law; the
 * other lookups take no act nor date. */
int check_lookup_act(walk *w, const ProtobufCMessage *m)
{
	const Cctns__V1__LookupRef *q = (const Cctns__V1__LookupRef *)m;

	if (q->kind != CCTNS__V1__LOOKUP_KIND__LOOKUP_KIND_SECTION) {
		if (q->act)
			return walk_fail_at(w, "act",
			                    "is for section lookups only");
		if (*q->on_date)
			return walk_fail_at(w, "on_date",
			                    "is for section lookups only");
		return 0;
	}
	if (q->act == CCTNS__V1__ACT__ACT_SPECIAL_LOCAL)
		return walk_fail_at(
		        w, "act",
		        "must be ipc or bns: look up special and local "
		        "laws with kind special_law");
	return 0;
}

int check_lookup_limit(walk *w, const ProtobufCMessage *m)
{
	const Cctns__V1__LookupRef *q = (const Cctns__V1__LookupRef *)m;

	if (q->limit > 100)
		return walk_fail_at(w, "limit", "must be at most 100 items");
	return 0;
}

/* ------------------------------------------------------------ fir checks
 * (IIF-I complete, zero FIR, e-FIR) */

/* A passport number: letters and digits only. */
int env_passport_number_valid(const char *s)
{
	for (; *s; s++) {
		if (!env_is_digit(*s) && !(*s >= 'A' && *s <= 'Z') &&
		    !(*s >= 'a' && *s <= 'z'))
			return 0;
	}
	return 1;
}

int check_informant_name(walk *w, const ProtobufCMessage *m)
{
	const Cctns__V1__FirContent *f = (const Cctns__V1__FirContent *)m;

	if (f->informant && !*f->informant->name)
		return walk_fail_at(
		        w, "informant.name",
		        "is required: the informant's name (leave "
		        "informant out when the complainant informed)");
	return 0;
}

/* An e-FIR is registered online: its information came electronically. */
int check_efir_electronic(walk *w, const ProtobufCMessage *m)
{
	const Cctns__V1__FirContent *f = (const Cctns__V1__FirContent *)m;

	if (f->e_fir &&
	    f->information_type !=
	            CCTNS__V1__INFORMATION_TYPE__INFORMATION_TYPE_ELECTRONIC)
		return walk_fail_at(w, "information_type",
		                    "must be electronic for an e-FIR (e_fir)");
	return 0;
}

/* The total is the server's sum of the properties; one given must agree. */
int check_total_value(walk *w, const ProtobufCMessage *m)
{
	const Cctns__V1__FirContent *f = (const Cctns__V1__FirContent *)m;
	uint64_t sum = 0;
	char msg[160];

	if (!f->total_value_rupees)
		return 0;
	for (size_t i = 0; i < f->n_properties; i++)
		sum += f->properties[i]->value_rupees;
	if (sum == f->total_value_rupees)
		return 0;
	snprintf(msg, sizeof(msg),
	         "must be the sum of the properties' value_rupees, %llu, or "
	         "left out (the server computes it)",
	         (unsigned long long)sum);
	return walk_fail_at(w, "total_value_rupees", msg);
}

/* A reason only for a refusal, a station only for a transfer. */
int check_action(walk *w, const ProtobufCMessage *m)
{
	const Cctns__V1__ActionTaken *a = (const Cctns__V1__ActionTaken *)m;
	int refused = a->action ==
	              CCTNS__V1__FIR_ACTION__FIR_ACTION_REFUSED_INVESTIGATION;
	int transfer = a->action ==
	               CCTNS__V1__FIR_ACTION__FIR_ACTION_TRANSFERRED_TO_STATION;

	if (refused && !*a->reason)
		return walk_fail_at(
		        w, "reason",
		        "is required when investigation is refused: "
		        "say why");
	if (!refused && *a->reason)
		return walk_fail_at(w, "reason",
		                    "is only for refused_investigation");
	if (transfer && !a->to_station)
		return walk_fail_at(
		        w, "to_station",
		        "is required for transferred_to_station: the "
		        "station of jurisdiction");
	if (!transfer && a->to_station)
		return walk_fail_at(w, "to_station",
		                    "is only for transferred_to_station");
	return 0;
}

/* ---------------- persons helper: persons, photos, crime details */

/* The person_id field of any persons request: required. */
int check_person_id(walk *w, const ProtobufCMessage *m)
{
	const ProtobufCFieldDescriptor *f =
	        protobuf_c_message_descriptor_get_field_by_name(m->descriptor,
	                                                        "person_id");
	uint64_t id = *(const uint64_t *)((const char *)m + f->offset);

	if (id == 0)
		return walk_fail_at(
		        w, "person_id",
		        "is required: the person's number, as cctns "
		        "person show prints it");
	if (id > PERSON_ID_MAX)
		return walk_fail_at(
		        w, "person_id",
		        "is not a person number (at most 18 digits)");
	return 0;
}

/* An update adds something. */
int check_update_has_details(walk *w, const ProtobufCMessage *m)
{
	const Cctns__V1__UpdatePerson *u = (const Cctns__V1__UpdatePerson *)m;

	if (u->n_aliases || u->n_identity_documents || u->n_phones ||
	    u->n_addresses || u->descriptive_roll)
		return 0;
	return walk_fail(w, "nothing to add: give aliases, identity_documents, "
	                    "phones, addresses or a descriptive_roll");
}

/* Fields the server fills in its answers. */
static int check_answer_only(walk *w, const char *field, const char *value)
{
	if (value && *value)
		return walk_fail_at(w, field,
		                    "is set by the server when it records the "
		                    "entry; leave it out");
	return 0;
}

int check_phone_added_at(walk *w, const ProtobufCMessage *m)
{
	return check_answer_only(w, "added_at",
	                         ((const Cctns__V1__PersonPhone *)m)->added_at);
}

int check_address_added_at(walk *w, const ProtobufCMessage *m)
{
	return check_answer_only(
	        w, "added_at", ((const Cctns__V1__PersonAddress *)m)->added_at);
}

int env_mime_valid(const char *s)
{
	return image_kind_of_mime(s) != IMAGE_UNKNOWN;
}

/* The photograph itself: present, within the size limit, a JPEG or PNG
 * whose header reads, of the kind mime names, of a sensible size. */
int check_photo_data(walk *w, const ProtobufCMessage *m)
{
	const Cctns__V1__AddPersonPhoto *a =
	        (const Cctns__V1__AddPersonPhoto *)m;
	image_info info;
	const char *why;
	char msg[200];

	if (a->data.len == 0)
		return walk_fail_at(w, "data", "is required: the image file");
	if (a->data.len > PHOTO_MAX_BYTES) {
		snprintf(msg, sizeof(msg),
		         "is %zu bytes: a photo may be at most %u bytes (512 "
		         "KiB); make it smaller",
		         a->data.len, PHOTO_MAX_BYTES);
		return walk_fail_at(w, "data", msg);
	}
	if (image_probe(a->data.data, a->data.len, &info, &why) != 0)
		return walk_fail_at(w, "data", why);
	if (info.kind != image_kind_of_mime(a->mime)) {
		snprintf(msg, sizeof(msg), "is %s but the data is a %s image",
		         a->mime, info.kind == IMAGE_PNG ? "PNG" : "JPEG");
		return walk_fail_at(w, "mime", msg);
	}
	if (info.width < PHOTO_MIN_PX || info.height < PHOTO_MIN_PX ||
	    info.width > PHOTO_MAX_PX || info.height > PHOTO_MAX_PX) {
		snprintf(msg, sizeof(msg),
		         "is %u x %u pixels: a photo must be %u to %u pixels "
		         "wide and high",
		         info.width, info.height, PHOTO_MIN_PX, PHOTO_MAX_PX);
		return walk_fail_at(w, "data", msg);
	}
	return 0;
}

/* A head code of ref.mo_head: lower-case letters and underscores. */
int env_mo_code_valid(const char *s)
{
	if (!(*s >= 'a' && *s <= 'z'))
		return 0;
	for (; *s; s++) {
		if (!((*s >= 'a' && *s <= 'z') || *s == '_'))
			return 0;
	}
	return 1;
}

static int check_named(walk *w, const Cctns__V1__Person *p, const char *who)
{
	char msg[128];

	if (!p || *p->name)
		return 0;
	snprintf(msg, sizeof(msg), "is required: the %s's name", who);
	return walk_fail_at(w, "person.name", msg);
}

int check_victim_name(walk *w, const ProtobufCMessage *m)
{
	return check_named(w, ((const Cctns__V1__Victim *)m)->person, "victim");
}

int check_shown_by_name(walk *w, const ProtobufCMessage *m)
{
	return check_named(w, ((const Cctns__V1__PlaceShownBy *)m)->person,
	                   "person who showed the place");
}

int check_place_description(walk *w, const ProtobufCMessage *m)
{
	const Cctns__V1__CrimeDetails *d = (const Cctns__V1__CrimeDetails *)m;

	if (d->place_type == CCTNS__V1__PLACE_TYPE__PLACE_TYPE_OTHER &&
	    !*d->place_description)
		return walk_fail_at(w, "place_description",
		                    "is required when place_type is other: say "
		                    "what kind of place it was");
	return 0;
}

/* Two panch witnesses sign a panchnama; without one there are none. */
int check_panch_witnesses(walk *w, const ProtobufCMessage *m)
{
	const Cctns__V1__CrimeDetails *d = (const Cctns__V1__CrimeDetails *)m;
	char at[48];

	if (*d->panchnama_at && d->n_panch_witnesses != 2)
		return walk_fail_at(
		        w, "panch_witnesses",
		        "a panchnama has exactly 2 panch witnesses");
	if (!*d->panchnama_at && d->n_panch_witnesses)
		return walk_fail_at(w, "panch_witnesses",
		                    "panch witnesses go with a panchnama: give "
		                    "panchnama_at too");
	for (size_t i = 0; i < d->n_panch_witnesses; i++) {
		if (*d->panch_witnesses[i]->name)
			continue;
		snprintf(at, sizeof(at), "panch_witnesses[%zu].name", i);
		return walk_fail_at(w, at, "is required: the witness's name");
	}
	return 0;
}

/* ------------------------------------------------------------ seizure (IIF-IV)
 * and malkhana: the checks of the seizure helper. */

int check_seized_from(walk *w, const ProtobufCMessage *m)
{
	const Cctns__V1__SeizureMemo *s = (const Cctns__V1__SeizureMemo *)m;

	if (s->seized_from && !*s->seized_from->name)
		return walk_fail_at(w, "seized_from.name",
		                    "is required: the name of the person the "
		                    "property was seized from");
	return 0;
}

int check_professional_receiver(walk *w, const ProtobufCMessage *m)
{
	const Cctns__V1__SeizureMemo *s = (const Cctns__V1__SeizureMemo *)m;

	if (s->professional_receiver && !s->seized_from)
		return walk_fail_at(
		        w, "professional_receiver",
		        "needs seized_from: name the person who is a "
		        "professional receiver");
	return 0;
}

/* Exactly two witnesses, each named. */
int check_witnesses(walk *w, const ProtobufCMessage *m)
{
	const Cctns__V1__SeizureMemo *s = (const Cctns__V1__SeizureMemo *)m;
	char rel[48];

	if (s->n_witnesses != 2) {
		char msg[128];
		snprintf(msg, sizeof(msg),
		         "needs exactly 2 independent witnesses, got %zu",
		         s->n_witnesses);
		return walk_fail_at(w, "witnesses", msg);
	}
	for (size_t i = 0; i < s->n_witnesses; i++) {
		if (!*s->witnesses[i]->name) {
			snprintf(rel, sizeof(rel), "witnesses[%zu].name", i);
			return walk_fail_at(w, rel,
			                    "is required: the witness's name");
		}
	}
	return 0;
}

int check_item_quantity(walk *w, const ProtobufCMessage *m)
{
	const Cctns__V1__SeizedItem *it = (const Cctns__V1__SeizedItem *)m;

	/* Written so that NaN fails too. */
	if (!(it->quantity > 0 && it->quantity < SEIZURE_QUANTITY_MAX))
		return walk_fail_at(w, "quantity",
		                    "must be more than 0 (and below 10^9): how "
		                    "many, or how much in unit");
	return 0;
}

int check_item_value(walk *w, const ProtobufCMessage *m)
{
	const Cctns__V1__SeizedItem *it = (const Cctns__V1__SeizedItem *)m;

	if (it->value_rupees > SEIZURE_VALUE_MAX)
		return walk_fail_at(w, "value_rupees",
		                    "must be below 10^12 rupees (a value of "
		                    "999999999999 at most)");
	return 0;
}

int check_perishable(walk *w, const ProtobufCMessage *m)
{
	const Cctns__V1__SeizedItem *it = (const Cctns__V1__SeizedItem *)m;

	if (it->perishable && !*it->perishable_handling)
		return walk_fail_at(w, "perishable_handling",
		                    "is required for perishable property: say "
		                    "what was done with it");
	if (!it->perishable && *it->perishable_handling)
		return walk_fail_at(w, "perishable_handling",
		                    "must be empty unless perishable is set");
	return 0;
}

/* The deposit is written by the server; release and disposal need the
 * order that allows them. */
int check_movement(walk *w, const ProtobufCMessage *m)
{
	const Cctns__V1__MoveProperty *p = (const Cctns__V1__MoveProperty *)m;

	if (p->movement ==
	    CCTNS__V1__PROPERTY_MOVEMENT__PROPERTY_MOVEMENT_DEPOSITED)
		return walk_fail_at(
		        w, "movement",
		        "must not be deposited: property is deposited "
		        "by its seizure memo (cctns seizure register)");
	return 0;
}

int check_movement_reference(walk *w, const ProtobufCMessage *m)
{
	const Cctns__V1__MoveProperty *p = (const Cctns__V1__MoveProperty *)m;

	if (*p->reference)
		return 0;
	if (p->movement ==
	    CCTNS__V1__PROPERTY_MOVEMENT__PROPERTY_MOVEMENT_RELEASED_TO_OWNER)
		return walk_fail_at(
		        w, "reference",
		        "is required to release property: the court "
		        "order (or other authority) number");
	if (p->movement ==
	    CCTNS__V1__PROPERTY_MOVEMENT__PROPERTY_MOVEMENT_DISPOSED)
		return walk_fail_at(
		        w, "reference",
		        "is required to dispose of property: the court "
		        "order number");
	return 0;
}

/* ---------------- search (slice 8): property identifiers, found persons */

/* An identifying number: 6 to 24 letters and digits once spaces, dashes,
 * dots and slashes are dropped; an IMEI 15 digits, the last the Luhn check
 * digit of the first 14. */
int check_property_identifier(walk *w, const ProtobufCMessage *m)
{
	const Cctns__V1__PropertyIdentifier *id =
	        (const Cctns__V1__PropertyIdentifier *)m;
	char n[64];
	size_t len = 0;
	int sum = 0;

	for (const char *c = id->number; *c && len < sizeof(n) - 1; c++) {
		if (env_is_digit(*c) || (*c >= 'A' && *c <= 'Z') ||
		    (*c >= 'a' && *c <= 'z'))
			n[len++] = *c;
	}
	n[len] = '\0';
	if (len < 6 || len > 24)
		return walk_fail_at(
		        w, "number",
		        "an identifying number has 6 to 24 letters and "
		        "digits (spaces, dashes and dots ignored)");
	if (id->kind !=
	    CCTNS__V1__PROPERTY_IDENTIFIER_KIND__PROPERTY_IDENTIFIER_KIND_IMEI)
		return 0;
	for (size_t i = 0; i < len; i++) {
		int d = n[len - 1 - i] - '0';

		if (len != 15 || !env_is_digit(n[len - 1 - i]))
			return walk_fail_at(
			        w, "number",
			        "an IMEI is 15 digits whose last is the "
			        "Luhn check digit");
		d = i % 2 ? d * 2 : d;
		sum += d / 10 + d % 10;
	}
	if (sum % 10 != 0)
		return walk_fail_at(
		        w, "number",
		        "an IMEI is 15 digits whose last is the Luhn "
		        "check digit: this one's check digit is wrong");
	return 0;
}

int check_found_ages(walk *w, const ProtobufCMessage *m)
{
	const Cctns__V1__FoundPersonReport *r =
	        (const Cctns__V1__FoundPersonReport *)m;

	if (r->apparent_age_from > 120 || r->apparent_age_to > 120)
		return walk_fail_at(w,
		                    r->apparent_age_from > 120
		                            ? "apparent_age_from"
		                            : "apparent_age_to",
		                    "not a human age (0 to 120)");
	if (r->apparent_age_to && r->apparent_age_to < r->apparent_age_from)
		return walk_fail_at(w, "apparent_age_to",
		                    "below apparent_age_from");
	return 0;
}

/* ---------------- dossier: dossier, searches, match alerts */

/* One number to search vehicles by. */
int check_search_vehicles(walk *w, const ProtobufCMessage *m)
{
	const Cctns__V1__SearchVehicles *q =
	        (const Cctns__V1__SearchVehicles *)m;
	int n = (*q->number != '\0') + (*q->chassis_number != '\0') +
	        (*q->engine_number != '\0');

	if (n == 0)
		return walk_fail_at(
		        w, "number",
		        "give a registration number (whole or part), a "
		        "chassis number or an engine number");
	if (n > 1)
		return walk_fail_at(
		        w, *q->number ? "chassis_number" : "engine_number",
		        "search by one number at a time");
	return 0;
}

int check_alert_id(walk *w, const ProtobufCMessage *m)
{
	const Cctns__V1__AckAlert *a = (const Cctns__V1__AckAlert *)m;

	if (a->alert_id == 0)
		return walk_fail_at(
		        w, "alert_id",
		        "is required: the alert number, as cctns alerts "
		        "list prints it");
	return 0;
}

/* signin: Hello.session_token is empty or 32 bytes. */
int check_session_token(walk *w, const ProtobufCMessage *m)
{
	const Cctns__V1__Hello *h = (const Cctns__V1__Hello *)m;

	if (h->session_token.len != 0 && h->session_token.len != 32)
		return walk_fail_at(
		        w, "session_token",
		        "must be empty or the 32 bytes SignedIn gave");
	return 0;
}

int env_officer_no_valid(const char *s)
{
	for (const char *p = s; *p; p++) {
		if (!((*p >= 'A' && *p <= 'Z') || (*p >= 'a' && *p <= 'z') ||
		      (*p >= '0' && *p <= '9') ||
		      ((*p == '/' || *p == '.' || *p == '_' || *p == '-') &&
		       p != s)))
			return 0;
	}
	return 1;
}

int env_otp_valid(const char *s)
{
	size_t n = 0;

	for (; s[n]; n++) {
		if (s[n] < '0' || s[n] > '9')
			return 0;
	}
	return n == 6;
}
