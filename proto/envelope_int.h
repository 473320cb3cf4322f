/* envelope_int.h: private to the envelope checks (envelope.c, the check
 * functions in envelope_checks1.c and envelope_checks2.c, the rule table in
 * envelope_rules.c): the walker that tracks a field's path, the rule
 * structure, and every check and format function the table names. */
#ifndef CCTNS_ENVELOPE_INT_H
#define CCTNS_ENVELOPE_INT_H

#include <stddef.h>
#include <stdint.h>

#include "envelope.h"

/* The walk of one message: where the error goes and the path so far. */
typedef struct walk {
	check_error *err;
	char path[128];
	size_t len; /* strlen(path), even when truncated */
} walk;

/* Append ".name" (or "name" at the root) or "[i]"; return the old length
 * for walk_pop. */
size_t walk_push(walk *w, const char *name);
size_t walk_index(walk *w, size_t i);
void walk_pop(walk *w, size_t old);
/* Set w's error: INVALID_ARGUMENT at the current path; returns -1. */
int walk_fail(walk *w, const char *fmt, ...)
        __attribute__((format(printf, 2, 3)));
/* Fail at "<current path>.<rel>". */
int walk_fail_at(walk *w, const char *rel, const char *msg);

typedef int (*str_format)(const char *s);

enum rule_flags {
	R_REQ = 1 << 0,   /* non-empty string, set enum, non-zero number,
	                     present message, at least one entry */
	R_LINES = 1 << 1, /* string may hold \n and \t */
	R_BYTES = 1 << 2, /* max counts bytes, not characters */
};

typedef struct rule rule;
struct rule {
	const ProtobufCMessageDescriptor *msg;
	const char *field;
	unsigned flags;
	size_t max;         /* characters (bytes with R_BYTES) or entries */
	str_format format;  /* for non-empty strings */
	const char *expect; /* what the format looks like */
	int (*post)(walk *w, const ProtobufCMessage *m); /* after the field */
};

/* The rule table (envelope_rules.c). */
extern const rule envelope_rules[];
extern const size_t envelope_nrules;

/* Limits and the wording of expected formats, shared by checks and rules. */
#define PETITION_EXPECT "a petition number like 1/2026 or 0001/2026"
#define LOST_RUPEES_LIMIT                                                      \
	1000000000000ULL /* 10^12: no lost item is worth more */
#define PETITION_DISPOSAL_KIND(x)                                              \
	CCTNS__V1__PETITION_DISPOSAL_KIND__PETITION_DISPOSAL_KIND_##x
#define R2_AGE_MAX       120
#define R2_HEIGHT_MIN_CM 30
#define R2_HEIGHT_MAX_CM 250
#define REC_EXPECT       "a register number like 3/2026 or 0003/2026"
#define UD_EXPECT        "a UD number like UD 0003/2026 or 3/2026"
#define REG_EXPECT                                                             \
	"a registration number like UP 32 AB 1234 (letters and digits, "       \
	"spaces, dashes or dots between)"
#define CHASSIS_EXPECT    "5 to 17 letters and digits (a VIN has 17)"
#define ENGINE_EXPECT     "5 to 20 letters and digits"
#define PERIOD_MAX_MONTHS 1200 /* 100 years */
#define CODE_EXPECT       "an accused code like A1 or B3"
#define PERSON_ID_MAX     999999999999999999ull /* 18 digits, as the database */
#define PHOTO_EXPECT      "image/jpeg or image/png"
#define MO_EXPECT                                                              \
	"a head code like house_breaking (cctns lookup mo WORDS finds heads)"
#define TIME_EXPECT          "a time like 2026-03-14T21:30:00+05:30"
#define DATE_EXPECT          "a date like 1985-07-23"
#define FIR_EXPECT           "an FIR number like 42/2026 or 0042/2026"
#define MALKHANA_EXPECT      "a malkhana number like 12/2026 or 0012/2026"
#define ACCUSED_EXPECT       "an accused code like A1 or B3"
#define SEIZURE_VALUE_MAX    999999999999ull /* rupees: below 10^12 */
#define SEIZURE_QUANTITY_MAX 1e9

/* Formats and checks (envelope_checks1.c, envelope_checks2.c). */
int env_is_digit(char c);
int env_pincode_valid(const char *s);
int env_section_valid(const char *s);
int env_fir_number_valid(const char *s);
int env_accused_code_valid(const char *s);
int env_phone_valid(const char *s);
int check_idempotency_key(walk *w, const ProtobufCMessage *m);
int check_law(walk *w, const ProtobufCMessage *m);
int check_accused_person(walk *w, const ProtobufCMessage *m);
int check_accused_description(walk *w, const ProtobufCMessage *m);
int check_complainant_name(walk *w, const ProtobufCMessage *m);
int check_gd_correction(walk *w, const ProtobufCMessage *m);
int check_arrested_name(walk *w, const ProtobufCMessage *m);
int check_petition_petitioner(walk *w, const ProtobufCMessage *m);
int check_petition_respondents(walk *w, const ProtobufCMessage *m);
int check_ncr_informant(walk *w, const ProtobufCMessage *m);
int check_ncr_opposite_party(walk *w, const ProtobufCMessage *m);
int check_ncr_advice_given(walk *w, const ProtobufCMessage *m);
int check_lost_reporter(walk *w, const ProtobufCMessage *m);
int check_lost_item_value(walk *w, const ProtobufCMessage *m);
int check_lost_item_identifier(walk *w, const ProtobufCMessage *m);
int check_petition_disposal(walk *w, const ProtobufCMessage *m);
int check_identity_document(walk *w, const ProtobufCMessage *m);
int env_ud_number_valid(const char *s);
int env_registration_valid(const char *s);
int env_chassis_valid(const char *s);
int env_engine_valid(const char *s);
int check_missing_person(walk *w, const ProtobufCMessage *m);
int check_missing_age(walk *w, const ProtobufCMessage *m);
int check_missing_roll(walk *w, const ProtobufCMessage *m);
int check_missing_informant(walk *w, const ProtobufCMessage *m);
int check_deceased(walk *w, const ProtobufCMessage *m);
int check_apparent_age(walk *w, const ProtobufCMessage *m);
int check_ud_height(walk *w, const ProtobufCMessage *m);
int check_inquest(walk *w, const ProtobufCMessage *m);
int check_ud_informant(walk *w, const ProtobufCMessage *m);
int check_identified(walk *w, const ProtobufCMessage *m);
int check_vehicle_numbers(walk *w, const ProtobufCMessage *m);
int check_model_year(walk *w, const ProtobufCMessage *m);
int check_owner(walk *w, const ProtobufCMessage *m);
int check_find_vehicle(walk *w, const ProtobufCMessage *m);
const void *field_ptr(const ProtobufCMessage *m, const char *name);
int check_code_or_person(walk *w, const ProtobufCMessage *m);
int check_report_charged(walk *w, const ProtobufCMessage *m);
int check_witness_name(walk *w, const ProtobufCMessage *m);
int check_trial_sentence(walk *w, const ProtobufCMessage *m);
int check_appeal_accused(walk *w, const ProtobufCMessage *m);
int check_appeal_outcome(walk *w, const ProtobufCMessage *m);
int check_lookup_act(walk *w, const ProtobufCMessage *m);
int check_lookup_limit(walk *w, const ProtobufCMessage *m);
int env_passport_number_valid(const char *s);
int check_informant_name(walk *w, const ProtobufCMessage *m);
int check_efir_electronic(walk *w, const ProtobufCMessage *m);
int check_total_value(walk *w, const ProtobufCMessage *m);
int check_action(walk *w, const ProtobufCMessage *m);
int check_person_id(walk *w, const ProtobufCMessage *m);
int check_update_has_details(walk *w, const ProtobufCMessage *m);
int check_phone_added_at(walk *w, const ProtobufCMessage *m);
int check_address_added_at(walk *w, const ProtobufCMessage *m);
int env_mime_valid(const char *s);
int check_photo_data(walk *w, const ProtobufCMessage *m);
int env_mo_code_valid(const char *s);
int check_victim_name(walk *w, const ProtobufCMessage *m);
int check_shown_by_name(walk *w, const ProtobufCMessage *m);
int check_place_description(walk *w, const ProtobufCMessage *m);
int check_panch_witnesses(walk *w, const ProtobufCMessage *m);
int check_seized_from(walk *w, const ProtobufCMessage *m);
int check_professional_receiver(walk *w, const ProtobufCMessage *m);
int check_witnesses(walk *w, const ProtobufCMessage *m);
int check_item_quantity(walk *w, const ProtobufCMessage *m);
int check_item_value(walk *w, const ProtobufCMessage *m);
int check_perishable(walk *w, const ProtobufCMessage *m);
int check_movement(walk *w, const ProtobufCMessage *m);
int check_movement_reference(walk *w, const ProtobufCMessage *m);
int check_property_identifier(walk *w, const ProtobufCMessage *m);
int check_found_ages(walk *w, const ProtobufCMessage *m);
int check_search_vehicles(walk *w, const ProtobufCMessage *m);
int check_alert_id(walk *w, const ProtobufCMessage *m);
int check_session_token(walk *w, const ProtobufCMessage *m);
int env_officer_no_valid(const char *s);
int env_otp_valid(const char *s);

#endif
