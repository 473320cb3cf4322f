/* envelope.c: Envelope encode/decode and the checks every request passes
 * before dispatch. The checks walk the message descriptors generically (every
 * string: UTF-8, no control characters, a length limit; every enum: a known
 * value; every sub-message: recursively) and a rule table adds what is
 * particular to a field: required, limits, formats, and cross-field rules.
 * Field paths in errors are relative to the request body, e.g.
 * "fir.charges[0].section". */
#include "envelope.h"

#include <stdarg.h>
#include <stdio.h>
#include <string.h>

#include "frame.h"
#include "image.h"
#include "pbjson.h"
#include "timefmt.h"
#include "pbfield.h"
#include "util.h"

#define DEFAULT_STR_MAX 1000 /* characters, for strings not in the table */

int check_fail(check_error *err, Cctns__V1__StatusCode code, const char *field,
               const char *fmt, ...)
{
	va_list ap;

	err->code = code;
	snprintf(err->field, sizeof(err->field), "%s", field ? field : "");
	va_start(ap, fmt);
	vsnprintf(err->message, sizeof(err->message), fmt, ap);
	va_end(ap);
	return -1;
}

Envelope *envelope_decode(const uint8_t *body, size_t len)
{
	if (!body || len == 0)
		return NULL;
	return cctns__v1__envelope__unpack(NULL, len, body);
}

void envelope_free(Envelope *env)
{
	if (env)
		cctns__v1__envelope__free_unpacked(env, NULL);
}

int envelope_encode_frame(const Envelope *env, uint32_t max, uint8_t **out,
                          size_t *out_len)
{
	size_t n = cctns__v1__envelope__get_packed_size(env);
	uint8_t *buf;

	if (max == 0 || max > FRAME_ABSOLUTE_MAX)
		max = FRAME_ABSOLUTE_MAX;
	if (n == 0 || n > max)
		return -1;
	buf = xmalloc(FRAME_HEADER_LEN + n);
	frame_put_header(buf, (uint32_t)n);
	cctns__v1__envelope__pack(env, buf + FRAME_HEADER_LEN);
	*out = buf;
	*out_len = FRAME_HEADER_LEN + n;
	return 0;
}

/* The body cases a client may send. */
static const Cctns__V1__Envelope__BodyCase request_cases[] = {
        CCTNS__V1__ENVELOPE__BODY_HELLO,
        /* registers1: petitions, NCR, lost property */
        CCTNS__V1__ENVELOPE__BODY_REGISTER_PETITION,
        CCTNS__V1__ENVELOPE__BODY_GET_PETITION,
        CCTNS__V1__ENVELOPE__BODY_ASSIGN_ENQUIRY,
        CCTNS__V1__ENVELOPE__BODY_REPORT_ENQUIRY,
        CCTNS__V1__ENVELOPE__BODY_DISPOSE_PETITION,
        CCTNS__V1__ENVELOPE__BODY_REGISTER_NCR,
        CCTNS__V1__ENVELOPE__BODY_GET_NCR,
        CCTNS__V1__ENVELOPE__BODY_REGISTER_LOST_REPORT,
        CCTNS__V1__ENVELOPE__BODY_GET_LOST_REPORT,
        CCTNS__V1__ENVELOPE__BODY_REGISTER_FIR,
        CCTNS__V1__ENVELOPE__BODY_GET_FIR,
        CCTNS__V1__ENVELOPE__BODY_ADD_GD_ENTRY,
        CCTNS__V1__ENVELOPE__BODY_GET_GD,
        CCTNS__V1__ENVELOPE__BODY_ASSIGN_IO,
        CCTNS__V1__ENVELOPE__BODY_GET_CASE_TIMELINE,
        CCTNS__V1__ENVELOPE__BODY_REGISTER_ARREST,
        CCTNS__V1__ENVELOPE__BODY_GET_ARREST,
        /* seizure (IIF-IV) and malkhana */
        CCTNS__V1__ENVELOPE__BODY_REGISTER_SEIZURE,
        CCTNS__V1__ENVELOPE__BODY_GET_SEIZURE,
        CCTNS__V1__ENVELOPE__BODY_MOVE_PROPERTY,
        CCTNS__V1__ENVELOPE__BODY_GET_MALKHANA_ENTRY,
        CCTNS__V1__ENVELOPE__BODY_LIST_MALKHANA,
        /* registers2: missing persons, unnatural deaths, vehicles */
        CCTNS__V1__ENVELOPE__BODY_REGISTER_MISSING_PERSON,
        CCTNS__V1__ENVELOPE__BODY_MARK_MISSING_TRACED,
        CCTNS__V1__ENVELOPE__BODY_GET_MISSING_PERSON,
        CCTNS__V1__ENVELOPE__BODY_REGISTER_UNNATURAL_DEATH,
        CCTNS__V1__ENVELOPE__BODY_IDENTIFY_BODY,
        CCTNS__V1__ENVELOPE__BODY_GET_UNNATURAL_DEATH,
        CCTNS__V1__ENVELOPE__BODY_REPORT_VEHICLE,
        CCTNS__V1__ENVELOPE__BODY_FIND_VEHICLE,
        CCTNS__V1__ENVELOPE__BODY_GET_VEHICLE_REPORT,
        /* court: final report, disposal, appeal */
        CCTNS__V1__ENVELOPE__BODY_FILE_FINAL_REPORT,
        CCTNS__V1__ENVELOPE__BODY_GET_FINAL_REPORT,
        CCTNS__V1__ENVELOPE__BODY_RECORD_COURT_DISPOSAL,
        CCTNS__V1__ENVELOPE__BODY_FILE_APPEAL,
        CCTNS__V1__ENVELOPE__BODY_RECORD_APPEAL_RESULT,
        CCTNS__V1__ENVELOPE__BODY_GET_COURT_RECORD,
        /* forms: reference lookups */
        CCTNS__V1__ENVELOPE__BODY_LOOKUP_REF,
        /* fir: zero FIR transfer and export, e-FIR */
        CCTNS__V1__ENVELOPE__BODY_TRANSFER_FIR,
        CCTNS__V1__ENVELOPE__BODY_GET_FIR_EXPORT,
        CCTNS__V1__ENVELOPE__BODY_SIGN_EFIR,
        CCTNS__V1__ENVELOPE__BODY_LIST_PENDING_EFIRS,
        /* persons helper: persons, photos, crime details */
        CCTNS__V1__ENVELOPE__BODY_GET_PERSON,
        CCTNS__V1__ENVELOPE__BODY_UPDATE_PERSON,
        CCTNS__V1__ENVELOPE__BODY_ADD_PERSON_PHOTO,
        CCTNS__V1__ENVELOPE__BODY_GET_PERSON_PHOTO,
        CCTNS__V1__ENVELOPE__BODY_RECORD_CRIME_DETAILS,
        CCTNS__V1__ENVELOPE__BODY_GET_CRIME_DETAILS,
        /* dossier: dossier, vehicle / property / MO search, match alerts */
        CCTNS__V1__ENVELOPE__BODY_GET_DOSSIER,
        CCTNS__V1__ENVELOPE__BODY_SEARCH_VEHICLES,
        CCTNS__V1__ENVELOPE__BODY_SEARCH_PROPERTY,
        CCTNS__V1__ENVELOPE__BODY_SEARCH_MO,
        CCTNS__V1__ENVELOPE__BODY_LIST_ALERTS,
        CCTNS__V1__ENVELOPE__BODY_ACK_ALERT,
        /* search helper: person search, duplicates, merge */
        CCTNS__V1__ENVELOPE__BODY_SEARCH_PERSONS,
        CCTNS__V1__ENVELOPE__BODY_MATCH_PERSONS,
        CCTNS__V1__ENVELOPE__BODY_MERGE_PERSONS,
        CCTNS__V1__ENVELOPE__BODY_UNMERGE_PERSONS,
        CCTNS__V1__ENVELOPE__BODY_MARK_PERSONS_DISTINCT,
        /* signin: officers */
        CCTNS__V1__ENVELOPE__BODY_SIGN_IN,
        CCTNS__V1__ENVELOPE__BODY_SIGN_OUT,
        CCTNS__V1__ENVELOPE__BODY_WHO_AM_I,
        /* search (slice 8): found persons register */
        CCTNS__V1__ENVELOPE__BODY_REGISTER_FOUND_PERSON,
        CCTNS__V1__ENVELOPE__BODY_GET_FOUND_PERSON,
        CCTNS__V1__ENVELOPE__BODY_LIST_FOUND_PERSONS,
        CCTNS__V1__ENVELOPE__BODY_MARK_FOUND_TRACED,
        /* sealed: the public copy of an FIR */
        CCTNS__V1__ENVELOPE__BODY_GET_PUBLIC_FIR_COPY,
};

int envelope_is_request(const Envelope *env)
{
	for (size_t i = 0; i < ARRAY_LEN(request_cases); i++) {
		if (env->body_case == request_cases[i])
			return 1;
	}
	return 0;
}

static const ProtobufCFieldDescriptor *body_field(const Envelope *env)
{
	if (env->body_case == CCTNS__V1__ENVELOPE__BODY__NOT_SET)
		return NULL;
	return protobuf_c_message_descriptor_get_field(
	        &cctns__v1__envelope__descriptor, (unsigned)env->body_case);
}

const char *envelope_body_name(const Envelope *env)
{
	const ProtobufCFieldDescriptor *f = body_field(env);
	return f ? f->name : "none";
}

/* ------------------------------------------------------------ the walker */

typedef struct walk {
	check_error *err;
	char path[128];
	size_t len; /* strlen(path), even when truncated */
} walk;

/* Append ".name" (or "name" at the root) or "[i]"; returns the old length
 * for path_pop. */
static size_t path_push(walk *w, const char *name)
{
	size_t old = w->len;
	int n = snprintf(w->path + w->len, sizeof(w->path) - w->len, "%s%s",
	                 w->len ? "." : "", name);
	if (n > 0)
		w->len += (size_t)n;
	if (w->len >= sizeof(w->path))
		w->len = sizeof(w->path) - 1;
	return old;
}

static size_t path_index(walk *w, size_t i)
{
	size_t old = w->len;
	int n = snprintf(w->path + w->len, sizeof(w->path) - w->len, "[%zu]",
	                 i);
	if (n > 0)
		w->len += (size_t)n;
	if (w->len >= sizeof(w->path))
		w->len = sizeof(w->path) - 1;
	return old;
}

static void path_pop(walk *w, size_t old)
{
	w->len = old;
	w->path[old] = '\0';
}

static int fail(walk *w, const char *fmt, ...)
        __attribute__((format(printf, 2, 3)));

static int fail(walk *w, const char *fmt, ...)
{
	va_list ap;

	w->err->code = CCTNS__V1__STATUS_CODE__STATUS_CODE_INVALID_ARGUMENT;
	snprintf(w->err->field, sizeof(w->err->field), "%s", w->path);
	va_start(ap, fmt);
	vsnprintf(w->err->message, sizeof(w->err->message), fmt, ap);
	va_end(ap);
	return -1;
}

/* Fail at "<current path>.<rel>". */
static int fail_at(walk *w, const char *rel, const char *msg)
{
	path_push(w, rel);
	return fail(w, "%s", msg);
}

/* ------------------------------------------------------------ formats */

typedef int (*str_format)(const char *s);

static int is_digit(char c)
{
	return c >= '0' && c <= '9';
}

static int pincode_valid(const char *s)
{
	for (int i = 0; i < 6; i++) {
		if (!is_digit(s[i]))
			return 0;
	}
	return s[6] == '\0';
}

/* Digits, optional upper-case letters, optional "(x)" groups: 303(2)(a). */
static int section_valid(const char *s)
{
	if (!is_digit(*s))
		return 0;
	while (is_digit(*s))
		s++;
	while (*s >= 'A' && *s <= 'Z')
		s++;
	while (*s == '(') {
		const char *start = ++s;
		while (is_digit(*s) || (*s >= 'a' && *s <= 'z') ||
		       (*s >= 'A' && *s <= 'Z'))
			s++;
		if (s == start || *s != ')')
			return 0;
		s++;
	}
	return *s == '\0';
}

/* An FIR number as the station writes it: 1..9 digits, "/", the year:
 * "42/2026" or "0042/2026". */
static int fir_number_valid(const char *s)
{
	size_t n = 0;

	while (is_digit(s[n]))
		n++;
	if (n < 1 || n > 9 || s[n] != '/')
		return 0;
	s += n + 1;
	for (int i = 0; i < 4; i++) {
		if (!is_digit(s[i]))
			return 0;
	}
	return s[4] == '\0';
}

/* An accused code: a capital letter and a digit 1..9 ("A1", "B9"). */
static int accused_code_valid(const char *s)
{
	return s[0] >= 'A' && s[0] <= 'Z' && s[1] >= '1' && s[1] <= '9' &&
	       s[2] == '\0';
}

static int phone_valid(const char *s)
{
	int digits = 0;

	for (; *s; s++) {
		if (is_digit(*s))
			digits++;
		else if (!strchr("+- ()", *s))
			return 0;
	}
	return digits >= 3;
}

/* ------------------------------------------------------------ the rules */

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

/* The idempotency_key field of any write request. */
static int check_idempotency_key(walk *w, const ProtobufCMessage *m)
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
		return fail_at(w, "idempotency_key", msg);
	}
	return 0;
}

static int check_law(walk *w, const ProtobufCMessage *m)
{
	const Cctns__V1__Charge *c = (const Cctns__V1__Charge *)m;
	int special = c->act == CCTNS__V1__ACT__ACT_SPECIAL_LOCAL;

	if (special && !*c->law)
		return fail_at(w, "law",
		               "is required for a special or local law: name "
		               "the law, e.g. NDPS");
	if (!special && *c->law)
		return fail_at(w, "law",
		               "must be empty unless act is special_local");
	return 0;
}

static int needs_person(const Cctns__V1__Accused *a)
{
	return a->kind == CCTNS__V1__ACCUSED_KIND__ACCUSED_KIND_KNOWN ||
	       a->kind == CCTNS__V1__ACCUSED_KIND__ACCUSED_KIND_SUSPECTED;
}

static int check_accused_person(walk *w, const ProtobufCMessage *m)
{
	const Cctns__V1__Accused *a = (const Cctns__V1__Accused *)m;

	if (!needs_person(a))
		return 0;
	if (!a->person)
		return fail_at(w, "person",
		               "is required for a known or suspected accused");
	if (!*a->person->name)
		return fail_at(w, "person.name",
		               "is required for a known or suspected accused");
	return 0;
}

static int check_accused_description(walk *w, const ProtobufCMessage *m)
{
	const Cctns__V1__Accused *a = (const Cctns__V1__Accused *)m;

	if (a->kind == CCTNS__V1__ACCUSED_KIND__ACCUSED_KIND_UNKNOWN &&
	    !*a->description)
		return fail_at(w, "description",
		               "is required for an unknown accused: describe "
		               "what was seen");
	return 0;
}

static int check_complainant_name(walk *w, const ProtobufCMessage *m)
{
	const Cctns__V1__FirContent *f = (const Cctns__V1__FirContent *)m;

	if (f->complainant && !*f->complainant->name)
		return fail_at(w, "complainant.name",
		               "is required: the complainant's name");
	return 0;
}

/* A correction names the entry it corrects; other entries name none. */
static int check_gd_correction(walk *w, const ProtobufCMessage *m)
{
	const Cctns__V1__AddGdEntry *g = (const Cctns__V1__AddGdEntry *)m;

	if (g->kind == CCTNS__V1__GD_KIND__GD_KIND_CORRECTION) {
		if (!*g->corrects_date)
			return fail_at(w, "corrects_date",
			               "is required for a correction: the day "
			               "of the entry it corrects");
		if (!g->corrects_number)
			return fail_at(w, "corrects_number",
			               "is required for a correction: the "
			               "number of the entry it corrects");
		return 0;
	}
	if (*g->corrects_date)
		return fail_at(w, "corrects_date",
		               "must be empty unless kind is correction");
	if (g->corrects_number)
		return fail_at(w, "corrects_number",
		               "must be 0 unless kind is correction");
	return 0;
}

static int check_arrested_name(walk *w, const ProtobufCMessage *m)
{
	const Cctns__V1__ArrestMemo *a = (const Cctns__V1__ArrestMemo *)m;

	if (a->person && !*a->person->name)
		return fail_at(w, "person.name",
		               "is required: the arrested person's name");
	return 0;
}

/* Twelve digits once spaces and dashes are dropped: a full Aadhaar number
 * (or something that cannot be told from one). */
static int looks_like_aadhaar(const char *s)
{
	int digits = 0;

	for (; *s; s++) {
		if (is_digit(*s))
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
	return fail_at(w, path, msg);
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

static int check_petition_petitioner(walk *w, const ProtobufCMessage *m)
{
	const Cctns__V1__Petition *p = (const Cctns__V1__Petition *)m;

	return registers1_named(w, p->petitioner, "petitioner",
	                        "the petitioner's name");
}

static int check_petition_respondents(walk *w, const ProtobufCMessage *m)
{
	const Cctns__V1__Petition *p = (const Cctns__V1__Petition *)m;

	return registers1_all_named(w, p->respondents, p->n_respondents,
	                            "respondents", "each respondent's name");
}

static int check_ncr_informant(walk *w, const ProtobufCMessage *m)
{
	const Cctns__V1__Ncr *n = (const Cctns__V1__Ncr *)m;

	return registers1_named(w, n->informant, "informant",
	                        "the informant's name");
}

static int check_ncr_opposite_party(walk *w, const ProtobufCMessage *m)
{
	const Cctns__V1__Ncr *n = (const Cctns__V1__Ncr *)m;

	return registers1_all_named(w, n->opposite_party, n->n_opposite_party,
	                            "opposite_party",
	                            "each opposite party's name");
}

/* BNSS s.174 (CrPC s.155): the informant of a non-cognizable offence is
 * referred to the Magistrate; the register records that it was done. */
static int check_ncr_advice_given(walk *w, const ProtobufCMessage *m)
{
	const Cctns__V1__Ncr *n = (const Cctns__V1__Ncr *)m;

	if (!n->advice_given)
		return fail_at(w, "advice_given",
		               "must be true: the informant of a "
		               "non-cognizable offence is referred to the "
		               "Magistrate (BNSS s.174)");
	return 0;
}

static int check_lost_reporter(walk *w, const ProtobufCMessage *m)
{
	const Cctns__V1__LostReport *r = (const Cctns__V1__LostReport *)m;

	return registers1_named(w, r->reporter, "reporter",
	                        "the reporter's name");
}

#define PETITION_EXPECT "a petition number like 1/2026 or 0001/2026"

#define LOST_RUPEES_LIMIT                                                      \
	1000000000000ULL /* 10^12: no lost item is worth more */

static int check_lost_item_value(walk *w, const ProtobufCMessage *m)
{
	const Cctns__V1__LostItem *i = (const Cctns__V1__LostItem *)m;

	if (i->value_rupees >= LOST_RUPEES_LIMIT)
		return fail_at(w, "value_rupees",
		               "must be below 10^12 rupees: state the value of "
		               "the item in whole rupees");
	return 0;
}

/* An identifier of a lost item (IMEI, document number) is never a full
 * Aadhaar number; the message never repeats it. */
static int check_lost_item_identifier(walk *w, const ProtobufCMessage *m)
{
	const Cctns__V1__LostItem *i = (const Cctns__V1__LostItem *)m;

	if (looks_like_aadhaar(i->identifier))
		return fail_at(w, "identifier",
		               "must not be a full Aadhaar number (12 digits): "
		               "for a lost Aadhaar card give only its last 4 "
		               "digits");
	return 0;
}

#define PETITION_DISPOSAL_KIND(x)                                              \
	CCTNS__V1__PETITION_DISPOSAL_KIND__PETITION_DISPOSAL_KIND_##x

/* What each kind of disposal needs, and nothing of the others. */
static int check_petition_disposal(walk *w, const ProtobufCMessage *m)
{
	const Cctns__V1__PetitionDisposal *d =
	        (const Cctns__V1__PetitionDisposal *)m;
	int closed = d->kind == PETITION_DISPOSAL_KIND(CLOSED);
	int fir = d->kind == PETITION_DISPOSAL_KIND(CONVERTED_TO_FIR);
	int transfer = d->kind == PETITION_DISPOSAL_KIND(TRANSFERRED);

	if (closed && !*d->reason)
		return fail_at(w, "reason",
		               "is required to close a petition: why it is "
		               "closed");
	if (fir != !!*d->fir_number)
		return fail_at(
		        w, "fir_number",
		        fir ? "is required for converted_to_fir: the FIR "
		              "registered on the petition"
		            : "must be empty unless kind is "
		              "converted_to_fir");
	if (transfer && !d->transfer_district_code)
		return fail_at(w, "transfer_district_code",
		               "is required for transferred: the district of "
		               "the station the petition goes to");
	if (transfer != !!d->transfer_station_code)
		return fail_at(
		        w, "transfer_station_code",
		        transfer ? "is required for transferred: the "
		                   "station the petition goes to"
		                 : "must be 0 unless kind is transferred");
	if (!transfer && d->transfer_district_code)
		return fail_at(w, "transfer_district_code",
		               "must be 0 unless kind is transferred");
	return 0;
}

/* The law forbids storing a full Aadhaar number: refuse it here, before it
 * reaches the database, under any kind; a masked one is its last 4 digits.
 * Messages never repeat the number. */
static int check_identity_document(walk *w, const ProtobufCMessage *m)
{
	const Cctns__V1__IdentityDocument *d =
	        (const Cctns__V1__IdentityDocument *)m;
	const char *n = d->number;

	if (strcmp(d->kind, "aadhaar") == 0)
		return fail_at(
		        w, "kind",
		        "must not be aadhaar: a full Aadhaar number may "
		        "not be stored; use aadhaar_masked with its last "
		        "4 digits");
	if (looks_like_aadhaar(n))
		return fail_at(
		        w, "number",
		        "must not be a full Aadhaar number (12 digits); "
		        "use kind aadhaar_masked with its last 4 digits");
	if (strcmp(d->kind, "aadhaar_masked") == 0 &&
	    !(is_digit(n[0]) && is_digit(n[1]) && is_digit(n[2]) &&
	      is_digit(n[3]) && n[4] == '\0'))
		return fail_at(
		        w, "number",
		        "must be the last 4 digits of the Aadhaar number "
		        "for kind aadhaar_masked");
	return 0;
}

/* ------------------------------------------------------------ registers2
 * Missing persons, unnatural deaths (UD), stolen and recovered vehicles.
 * Structure only; the order of times, the FIR a child's report needs and
 * the registration number formats are the database's rules. */

#define R2_AGE_MAX       120
#define R2_HEIGHT_MIN_CM 30
#define R2_HEIGHT_MAX_CM 250

/* "UD 0003/2026", "UD-3/2026", "ud3/2026" or just "3/2026". */
static int ud_number_valid(const char *s)
{
	if ((s[0] == 'U' || s[0] == 'u') && (s[1] == 'D' || s[1] == 'd')) {
		s += 2;
		if (*s == ' ' || *s == '-')
			s++;
	}
	return fir_number_valid(s);
}

static int is_alnum(char c)
{
	return is_digit(c) || (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z');
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
			letters += !is_digit(*s);
			digits += is_digit(*s);
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
static int registration_valid(const char *s)
{
	return vehicle_chars(s, " -.", 4, 13, 1);
}

/* A VIN has 17; older frames fewer (at least 5). */
static int chassis_valid(const char *s)
{
	return vehicle_chars(s, " -", 5, 17, 0);
}

static int engine_valid(const char *s)
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
	return fail_at(w, path, msg);
}

static int height_ok(walk *w, uint32_t cm, const char *rel)
{
	char msg[96];

	if (cm == 0 || (cm >= R2_HEIGHT_MIN_CM && cm <= R2_HEIGHT_MAX_CM))
		return 0;
	snprintf(msg, sizeof(msg), "%u cm is not a human height (%d to %d)", cm,
	         R2_HEIGHT_MIN_CM, R2_HEIGHT_MAX_CM);
	return fail_at(w, rel, msg);
}

static int check_missing_person(walk *w, const ProtobufCMessage *m)
{
	const Cctns__V1__MissingPersonReport *r =
	        (const Cctns__V1__MissingPersonReport *)m;

	return need_name(w, r->person, "person", "missing person");
}

static int check_missing_age(walk *w, const ProtobufCMessage *m)
{
	const Cctns__V1__MissingPersonReport *r =
	        (const Cctns__V1__MissingPersonReport *)m;

	if (r->age_years > R2_AGE_MAX)
		return fail_at(w, "age_years", "must be 0 to 120 years");
	if (r->age_years && r->person &&
	    (*r->person->date_of_birth || r->person->year_of_birth))
		return fail_at(w, "age_years",
		               "must be empty when the date or year of birth "
		               "is given: it is the stated age when they are "
		               "not known");
	return 0;
}

static int check_missing_roll(walk *w, const ProtobufCMessage *m)
{
	const Cctns__V1__MissingPersonReport *r =
	        (const Cctns__V1__MissingPersonReport *)m;

	if (!r->descriptive_roll)
		return 0;
	return height_ok(w, r->descriptive_roll->height_cm,
	                 "descriptive_roll.height_cm");
}

static int check_missing_informant(walk *w, const ProtobufCMessage *m)
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

static int check_deceased(walk *w, const ProtobufCMessage *m)
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
			return fail_at(w, "deceased",
			               "is required for an unnatural death: "
			               "the person who died");
		return need_name(w, r->deceased, "deceased", "deceased");
	}
	u = r->deceased ? unseen_field(r->deceased) : 0;
	return u ? fail_at(w, rel[u], why[u]) : 0;
}

static int check_apparent_age(walk *w, const ProtobufCMessage *m)
{
	const Cctns__V1__UnnaturalDeathReport *r =
	        (const Cctns__V1__UnnaturalDeathReport *)m;

	if (r->apparent_age_from > R2_AGE_MAX)
		return fail_at(w, "apparent_age_from",
		               "must be 0 to 120 years");
	if (r->apparent_age_to > R2_AGE_MAX)
		return fail_at(w, "apparent_age_to", "must be 0 to 120 years");
	if (r->apparent_age_from && !r->apparent_age_to)
		return fail_at(w, "apparent_age_to",
		               "is required with apparent_age_from (the same "
		               "value for one age)");
	if (r->apparent_age_from > r->apparent_age_to)
		return fail_at(w, "apparent_age_from",
		               "must not be above apparent_age_to");
	return 0;
}

static int check_ud_height(walk *w, const ProtobufCMessage *m)
{
	const Cctns__V1__UnnaturalDeathReport *r =
	        (const Cctns__V1__UnnaturalDeathReport *)m;

	if (r->descriptive_roll && r->descriptive_roll->height_cm)
		return fail_at(w, "descriptive_roll.height_cm",
		               "must be empty: give the height in height_cm");
	return height_ok(w, r->height_cm, "height_cm");
}

static int check_inquest(walk *w, const ProtobufCMessage *m)
{
	const Cctns__V1__UnnaturalDeathReport *r =
	        (const Cctns__V1__UnnaturalDeathReport *)m;
	int by = (r->inquest_officer != NULL) + (*r->inquest_magistrate != 0);

	if (by > 1)
		return fail_at(w, "inquest_magistrate",
		               "must be empty when inquest_officer is given: "
		               "the inquest is held by one of them");
	if (by && !*r->inquest_at)
		return fail_at(w, "inquest_at",
		               "is required when the inquest is recorded");
	if (!by && *r->inquest_at)
		return fail_at(w, "inquest_officer",
		               "is required with inquest_at (or "
		               "inquest_magistrate): who held the inquest");
	return 0;
}

static int check_ud_informant(walk *w, const ProtobufCMessage *m)
{
	const Cctns__V1__UnnaturalDeathReport *r =
	        (const Cctns__V1__UnnaturalDeathReport *)m;

	return need_name(w, r->informant, "informant", "informant");
}

static int check_identified(walk *w, const ProtobufCMessage *m)
{
	const Cctns__V1__IdentifyBody *b = (const Cctns__V1__IdentifyBody *)m;

	if (need_name(w, b->deceased, "deceased", "deceased"))
		return -1;
	return need_name(w, b->identified_by, "identified_by",
	                 "identifying person");
}

static int check_vehicle_numbers(walk *w, const ProtobufCMessage *m)
{
	const Cctns__V1__VehicleReport *v = (const Cctns__V1__VehicleReport *)m;

	if (!*v->registration_number && !*v->chassis_number &&
	    !*v->engine_number)
		return fail_at(w, "registration_number",
		               "is required unless the chassis or engine "
		               "number is given");
	return 0;
}

static int check_model_year(walk *w, const ProtobufCMessage *m)
{
	const Cctns__V1__VehicleReport *v = (const Cctns__V1__VehicleReport *)m;

	if (!model_year_ok(v->model_year))
		return fail_at(w, "model_year", "must be a year like 2019");
	return 0;
}

static int check_owner(walk *w, const ProtobufCMessage *m)
{
	const Cctns__V1__VehicleReport *v = (const Cctns__V1__VehicleReport *)m;

	return need_name(w, v->owner, "owner", "owner");
}

static int check_find_vehicle(walk *w, const ProtobufCMessage *m)
{
	const Cctns__V1__FindVehicle *f = (const Cctns__V1__FindVehicle *)m;
	int n = (*f->registration_number != 0) + (*f->chassis_number != 0) +
	        (*f->engine_number != 0);

	if (n == 0)
		return fail_at(w, "registration_number",
		               "is required: search by one of "
		               "registration_number, chassis_number and "
		               "engine_number");
	if (n > 1)
		return fail_at(w,
		               *f->registration_number ? "chassis_number"
		                                       : "engine_number",
		               "must be empty: search by one number at a time");
	return 0;
}

#define REC_EXPECT "a register number like 3/2026 or 0003/2026"
#define UD_EXPECT  "a UD number like UD 0003/2026 or 3/2026"
#define REG_EXPECT                                                             \
	"a registration number like UP 32 AB 1234 (letters and digits, "       \
	"spaces, dashes or dots between)"
#define CHASSIS_EXPECT "5 to 17 letters and digits (a VIN has 17)"
#define ENGINE_EXPECT  "5 to 20 letters and digits"
/* ------------------------------------------------------------ court family
 * Final report (IIF-V), court disposal (IIF-VI), result of appeal
 * (IIF-VII). The database holds every rule again, with those that need the
 * case (the investigating officer, dates against the FIR and the reports,
 * accused of the case). */

#define PERIOD_MAX_MONTHS 1200 /* 100 years */

/* A string or message field of m by name, via the descriptor, so one check
 * serves every message naming an accused by code or as a person. */
static const void *field_ptr(const ProtobufCMessage *m, const char *name)
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
static int check_code_or_person(walk *w, const ProtobufCMessage *m)
{
	const char *code = *(char *const *)field_ptr(m, "accused_code");
	const Cctns__V1__Person *p =
	        *(Cctns__V1__Person *const *)field_ptr(m, "person");

	if (nonempty(code) && p)
		return fail_at(w, "person",
		               "must be empty when accused_code is given: name "
		               "the accused one way");
	if (!nonempty(code) && !p)
		return fail_at(
		        w, "accused_code",
		        "is required: the accused code of the arrest "
		        "memo, or a person for an accused never arrested");
	if (p && !nonempty(p->name) && p->person_id == 0)
		return fail_at(w, "person.name",
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
static int check_report_charged(walk *w, const ProtobufCMessage *m)
{
	const Cctns__V1__FinalReport *r = (const Cctns__V1__FinalReport *)m;

	if (is_charge_sheet(r) && r->n_charged == 0)
		return fail_at(w, "charged",
		               "a charge-sheet needs at least one charged "
		               "accused with the sections charged");
	if (!is_charge_sheet(r) && r->n_charged > 0)
		return fail_at(w, "charged",
		               "must be empty: only a charge-sheet charges "
		               "accused; name them under not_charged");
	return 0;
}

static int check_witness_name(walk *w, const ProtobufCMessage *m)
{
	const Cctns__V1__ReportWitness *r = (const Cctns__V1__ReportWitness *)m;

	if (r->person && !nonempty(r->person->name) &&
	    r->person->person_id == 0)
		return fail_at(w, "person.name",
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
		return fail_at(w, "period_months",
		               "must be at most 1200 months (100 years)");
	if (is_imprisonment(p) && months == 0)
		return fail_at(w, "period_months",
		               "is required for imprisonment: the term in "
		               "months");
	if (months && !is_imprisonment(p) &&
	    p != CCTNS__V1__PUNISHMENT__PUNISHMENT_PROBATION)
		return fail_at(w, "period_months",
		               "must be 0 unless the punishment is "
		               "imprisonment or probation");
	if (p == CCTNS__V1__PUNISHMENT__PUNISHMENT_FINE_ONLY && fine == 0)
		return fail_at(w, "fine_rupees",
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
		return fail_at(w, punishment_field, why);
	if (months)
		return fail_at(w, "period_months", why);
	if (fine)
		return fail_at(w, "fine_rupees", why);
	return 0;
}

/* Convicted: sections and a punishment; otherwise neither. */
static int check_trial_sentence(walk *w, const ProtobufCMessage *m)
{
	const Cctns__V1__AccusedDisposal *a =
	        (const Cctns__V1__AccusedDisposal *)m;

	if (a->result != CCTNS__V1__TRIAL_RESULT__TRIAL_RESULT_CONVICTED) {
		if (a->n_sections_convicted)
			return fail_at(w, "sections_convicted",
			               "must be empty unless the accused was "
			               "convicted");
		return check_no_sentence(w, "punishment", a->punishment,
		                         a->period_months, a->fine_rupees,
		                         "must be empty unless the accused was "
		                         "convicted");
	}
	if (a->n_sections_convicted == 0)
		return fail_at(w, "sections_convicted",
		               "a conviction needs at least one section "
		               "convicted under");
	if (a->punishment == CCTNS__V1__PUNISHMENT__PUNISHMENT_UNSPECIFIED ||
	    a->punishment == CCTNS__V1__PUNISHMENT__PUNISHMENT_NONE)
		return fail_at(w, "punishment",
		               "is required for a conviction: death, "
		               "life_imprisonment, rigorous_imprisonment, "
		               "simple_imprisonment, fine_only or probation");
	return check_terms(w, a->punishment, a->period_months, a->fine_rupees);
}

static int check_appeal_accused(walk *w, const ProtobufCMessage *m)
{
	const Cctns__V1__Appeal *a = (const Cctns__V1__Appeal *)m;

	if (a->n_accused_codes + a->n_accused_names == 0)
		return fail_at(
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
static int check_appeal_outcome(walk *w, const ProtobufCMessage *m)
{
	const Cctns__V1__AccusedAppealResult *r =
	        (const Cctns__V1__AccusedAppealResult *)m;

	if (nonempty(r->accused_code) && nonempty(r->accused_name))
		return fail_at(w, "accused_name",
		               "must be empty when accused_code is given");
	if (!nonempty(r->accused_code) && !nonempty(r->accused_name))
		return fail_at(w, "accused_code",
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
		return fail_at(w, "new_punishment",
		               "is required when the appeal convicts or "
		               "modifies the sentence");
	return check_terms(w, r->new_punishment, r->period_months,
	                   r->fine_rupees);
}

#define CODE_EXPECT "an accused code like A1 or B3"

/* forms: a section lookup names IPC or BNS, never a special law; the
 * other lookups take no act nor date. */
static int check_lookup_act(walk *w, const ProtobufCMessage *m)
{
	const Cctns__V1__LookupRef *q = (const Cctns__V1__LookupRef *)m;

	if (q->kind != CCTNS__V1__LOOKUP_KIND__LOOKUP_KIND_SECTION) {
		if (q->act)
			return fail_at(w, "act", "is for section lookups only");
		if (*q->on_date)
			return fail_at(w, "on_date",
			               "is for section lookups only");
		return 0;
	}
	if (q->act == CCTNS__V1__ACT__ACT_SPECIAL_LOCAL)
		return fail_at(w, "act",
		               "must be ipc or bns: look up special and local "
		               "laws with kind special_law");
	return 0;
}

static int check_lookup_limit(walk *w, const ProtobufCMessage *m)
{
	const Cctns__V1__LookupRef *q = (const Cctns__V1__LookupRef *)m;

	if (q->limit > 100)
		return fail_at(w, "limit", "must be at most 100 items");
	return 0;
}

/* ------------------------------------------------------------ fir checks
 * (IIF-I complete, zero FIR, e-FIR) */

/* A passport number: letters and digits only. */
static int passport_number_valid(const char *s)
{
	for (; *s; s++) {
		if (!is_digit(*s) && !(*s >= 'A' && *s <= 'Z') &&
		    !(*s >= 'a' && *s <= 'z'))
			return 0;
	}
	return 1;
}

static int check_informant_name(walk *w, const ProtobufCMessage *m)
{
	const Cctns__V1__FirContent *f = (const Cctns__V1__FirContent *)m;

	if (f->informant && !*f->informant->name)
		return fail_at(w, "informant.name",
		               "is required: the informant's name (leave "
		               "informant out when the complainant informed)");
	return 0;
}

/* An e-FIR is registered online: its information came electronically. */
static int check_efir_electronic(walk *w, const ProtobufCMessage *m)
{
	const Cctns__V1__FirContent *f = (const Cctns__V1__FirContent *)m;

	if (f->e_fir &&
	    f->information_type !=
	            CCTNS__V1__INFORMATION_TYPE__INFORMATION_TYPE_ELECTRONIC)
		return fail_at(w, "information_type",
		               "must be electronic for an e-FIR (e_fir)");
	return 0;
}

/* The total is the server's sum of the properties; one given must agree. */
static int check_total_value(walk *w, const ProtobufCMessage *m)
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
	return fail_at(w, "total_value_rupees", msg);
}

/* A reason only for a refusal, a station only for a transfer. */
static int check_action(walk *w, const ProtobufCMessage *m)
{
	const Cctns__V1__ActionTaken *a = (const Cctns__V1__ActionTaken *)m;
	int refused = a->action ==
	              CCTNS__V1__FIR_ACTION__FIR_ACTION_REFUSED_INVESTIGATION;
	int transfer = a->action ==
	               CCTNS__V1__FIR_ACTION__FIR_ACTION_TRANSFERRED_TO_STATION;

	if (refused && !*a->reason)
		return fail_at(w, "reason",
		               "is required when investigation is refused: "
		               "say why");
	if (!refused && *a->reason)
		return fail_at(w, "reason",
		               "is only for refused_investigation");
	if (transfer && !a->to_station)
		return fail_at(w, "to_station",
		               "is required for transferred_to_station: the "
		               "station of jurisdiction");
	if (!transfer && a->to_station)
		return fail_at(w, "to_station",
		               "is only for transferred_to_station");
	return 0;
}

/* ---------------- persons helper: persons, photos, crime details */

#define PERSON_ID_MAX 999999999999999999ull /* 18 digits, as the database */

/* The person_id field of any persons request: required. */
static int check_person_id(walk *w, const ProtobufCMessage *m)
{
	const ProtobufCFieldDescriptor *f =
	        protobuf_c_message_descriptor_get_field_by_name(m->descriptor,
	                                                        "person_id");
	uint64_t id = *(const uint64_t *)((const char *)m + f->offset);

	if (id == 0)
		return fail_at(w, "person_id",
		               "is required: the person's number, as cctns "
		               "person show prints it");
	if (id > PERSON_ID_MAX)
		return fail_at(w, "person_id",
		               "is not a person number (at most 18 digits)");
	return 0;
}

/* An update adds something. */
static int check_update_has_details(walk *w, const ProtobufCMessage *m)
{
	const Cctns__V1__UpdatePerson *u = (const Cctns__V1__UpdatePerson *)m;

	if (u->n_aliases || u->n_identity_documents || u->n_phones ||
	    u->n_addresses || u->descriptive_roll)
		return 0;
	return fail(w, "nothing to add: give aliases, identity_documents, "
	               "phones, addresses or a descriptive_roll");
}

/* Fields the server fills in its answers. */
static int check_answer_only(walk *w, const char *field, const char *value)
{
	if (value && *value)
		return fail_at(w, field,
		               "is set by the server when it records the "
		               "entry; leave it out");
	return 0;
}

static int check_phone_added_at(walk *w, const ProtobufCMessage *m)
{
	return check_answer_only(w, "added_at",
	                         ((const Cctns__V1__PersonPhone *)m)->added_at);
}

static int check_address_added_at(walk *w, const ProtobufCMessage *m)
{
	return check_answer_only(
	        w, "added_at", ((const Cctns__V1__PersonAddress *)m)->added_at);
}

static int mime_valid(const char *s)
{
	return image_kind_of_mime(s) != IMAGE_UNKNOWN;
}

/* The photograph itself: present, within the size limit, a JPEG or PNG
 * whose header reads, of the kind mime names, of a sensible size. */
static int check_photo_data(walk *w, const ProtobufCMessage *m)
{
	const Cctns__V1__AddPersonPhoto *a =
	        (const Cctns__V1__AddPersonPhoto *)m;
	image_info info;
	const char *why;
	char msg[200];

	if (a->data.len == 0)
		return fail_at(w, "data", "is required: the image file");
	if (a->data.len > PHOTO_MAX_BYTES) {
		snprintf(msg, sizeof(msg),
		         "is %zu bytes: a photo may be at most %u bytes (512 "
		         "KiB); make it smaller",
		         a->data.len, PHOTO_MAX_BYTES);
		return fail_at(w, "data", msg);
	}
	if (image_probe(a->data.data, a->data.len, &info, &why) != 0)
		return fail_at(w, "data", why);
	if (info.kind != image_kind_of_mime(a->mime)) {
		snprintf(msg, sizeof(msg), "is %s but the data is a %s image",
		         a->mime, info.kind == IMAGE_PNG ? "PNG" : "JPEG");
		return fail_at(w, "mime", msg);
	}
	if (info.width < PHOTO_MIN_PX || info.height < PHOTO_MIN_PX ||
	    info.width > PHOTO_MAX_PX || info.height > PHOTO_MAX_PX) {
		snprintf(msg, sizeof(msg),
		         "is %u x %u pixels: a photo must be %u to %u pixels "
		         "wide and high",
		         info.width, info.height, PHOTO_MIN_PX, PHOTO_MAX_PX);
		return fail_at(w, "data", msg);
	}
	return 0;
}

/* A head code of ref.mo_head: lower-case letters and underscores. */
static int mo_code_valid(const char *s)
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
	return fail_at(w, "person.name", msg);
}

static int check_victim_name(walk *w, const ProtobufCMessage *m)
{
	return check_named(w, ((const Cctns__V1__Victim *)m)->person, "victim");
}

static int check_shown_by_name(walk *w, const ProtobufCMessage *m)
{
	return check_named(w, ((const Cctns__V1__PlaceShownBy *)m)->person,
	                   "person who showed the place");
}

static int check_place_description(walk *w, const ProtobufCMessage *m)
{
	const Cctns__V1__CrimeDetails *d = (const Cctns__V1__CrimeDetails *)m;

	if (d->place_type == CCTNS__V1__PLACE_TYPE__PLACE_TYPE_OTHER &&
	    !*d->place_description)
		return fail_at(w, "place_description",
		               "is required when place_type is other: say "
		               "what kind of place it was");
	return 0;
}

/* Two panch witnesses sign a panchnama; without one there are none. */
static int check_panch_witnesses(walk *w, const ProtobufCMessage *m)
{
	const Cctns__V1__CrimeDetails *d = (const Cctns__V1__CrimeDetails *)m;
	char at[48];

	if (*d->panchnama_at && d->n_panch_witnesses != 2)
		return fail_at(w, "panch_witnesses",
		               "a panchnama has exactly 2 panch witnesses");
	if (!*d->panchnama_at && d->n_panch_witnesses)
		return fail_at(w, "panch_witnesses",
		               "panch witnesses go with a panchnama: give "
		               "panchnama_at too");
	for (size_t i = 0; i < d->n_panch_witnesses; i++) {
		if (*d->panch_witnesses[i]->name)
			continue;
		snprintf(at, sizeof(at), "panch_witnesses[%zu].name", i);
		return fail_at(w, at, "is required: the witness's name");
	}
	return 0;
}

#define PHOTO_EXPECT "image/jpeg or image/png"
#define MO_EXPECT                                                              \
	"a head code like house_breaking (cctns lookup mo WORDS finds heads)"

#define TIME_EXPECT "a time like 2026-03-14T21:30:00+05:30"
#define DATE_EXPECT "a date like 1985-07-23"
#define FIR_EXPECT  "an FIR number like 42/2026 or 0042/2026"

/* ------------------------------------------------------------ seizure (IIF-IV)
 * and malkhana: the checks of the seizure helper. */

#define MALKHANA_EXPECT "a malkhana number like 12/2026 or 0012/2026"
#define ACCUSED_EXPECT  "an accused code like A1 or B3"

#define SEIZURE_VALUE_MAX    999999999999ull /* rupees: below 10^12 */
#define SEIZURE_QUANTITY_MAX 1e9

static int check_seized_from(walk *w, const ProtobufCMessage *m)
{
	const Cctns__V1__SeizureMemo *s = (const Cctns__V1__SeizureMemo *)m;

	if (s->seized_from && !*s->seized_from->name)
		return fail_at(w, "seized_from.name",
		               "is required: the name of the person the "
		               "property was seized from");
	return 0;
}

static int check_professional_receiver(walk *w, const ProtobufCMessage *m)
{
	const Cctns__V1__SeizureMemo *s = (const Cctns__V1__SeizureMemo *)m;

	if (s->professional_receiver && !s->seized_from)
		return fail_at(w, "professional_receiver",
		               "needs seized_from: name the person who is a "
		               "professional receiver");
	return 0;
}

/* Exactly two witnesses, each named. */
static int check_witnesses(walk *w, const ProtobufCMessage *m)
{
	const Cctns__V1__SeizureMemo *s = (const Cctns__V1__SeizureMemo *)m;
	char rel[48];

	if (s->n_witnesses != 2) {
		char msg[128];
		snprintf(msg, sizeof(msg),
		         "needs exactly 2 independent witnesses, got %zu",
		         s->n_witnesses);
		return fail_at(w, "witnesses", msg);
	}
	for (size_t i = 0; i < s->n_witnesses; i++) {
		if (!*s->witnesses[i]->name) {
			snprintf(rel, sizeof(rel), "witnesses[%zu].name", i);
			return fail_at(w, rel,
			               "is required: the witness's name");
		}
	}
	return 0;
}

static int check_item_quantity(walk *w, const ProtobufCMessage *m)
{
	const Cctns__V1__SeizedItem *it = (const Cctns__V1__SeizedItem *)m;

	/* Written so that NaN fails too. */
	if (!(it->quantity > 0 && it->quantity < SEIZURE_QUANTITY_MAX))
		return fail_at(w, "quantity",
		               "must be more than 0 (and below 10^9): how "
		               "many, or how much in unit");
	return 0;
}

static int check_item_value(walk *w, const ProtobufCMessage *m)
{
	const Cctns__V1__SeizedItem *it = (const Cctns__V1__SeizedItem *)m;

	if (it->value_rupees > SEIZURE_VALUE_MAX)
		return fail_at(w, "value_rupees",
		               "must be below 10^12 rupees (a value of "
		               "999999999999 at most)");
	return 0;
}

static int check_perishable(walk *w, const ProtobufCMessage *m)
{
	const Cctns__V1__SeizedItem *it = (const Cctns__V1__SeizedItem *)m;

	if (it->perishable && !*it->perishable_handling)
		return fail_at(w, "perishable_handling",
		               "is required for perishable property: say "
		               "what was done with it");
	if (!it->perishable && *it->perishable_handling)
		return fail_at(w, "perishable_handling",
		               "must be empty unless perishable is set");
	return 0;
}

/* The deposit is written by the server; release and disposal need the
 * order that allows them. */
static int check_movement(walk *w, const ProtobufCMessage *m)
{
	const Cctns__V1__MoveProperty *p = (const Cctns__V1__MoveProperty *)m;

	if (p->movement ==
	    CCTNS__V1__PROPERTY_MOVEMENT__PROPERTY_MOVEMENT_DEPOSITED)
		return fail_at(w, "movement",
		               "must not be deposited: property is deposited "
		               "by its seizure memo (cctns seizure register)");
	return 0;
}

static int check_movement_reference(walk *w, const ProtobufCMessage *m)
{
	const Cctns__V1__MoveProperty *p = (const Cctns__V1__MoveProperty *)m;

	if (*p->reference)
		return 0;
	if (p->movement ==
	    CCTNS__V1__PROPERTY_MOVEMENT__PROPERTY_MOVEMENT_RELEASED_TO_OWNER)
		return fail_at(w, "reference",
		               "is required to release property: the court "
		               "order (or other authority) number");
	if (p->movement ==
	    CCTNS__V1__PROPERTY_MOVEMENT__PROPERTY_MOVEMENT_DISPOSED)
		return fail_at(w, "reference",
		               "is required to dispose of property: the court "
		               "order number");
	return 0;
}

/* ---------------- search (slice 8): property identifiers, found persons */

/* An identifying number: 6 to 24 letters and digits once spaces, dashes,
 * dots and slashes are dropped; an IMEI 15 digits, the last the Luhn check
 * digit of the first 14. */
static int check_property_identifier(walk *w, const ProtobufCMessage *m)
{
	const Cctns__V1__PropertyIdentifier *id =
	        (const Cctns__V1__PropertyIdentifier *)m;
	char n[64];
	size_t len = 0;
	int sum = 0;

	for (const char *c = id->number; *c && len < sizeof(n) - 1; c++) {
		if (is_digit(*c) || (*c >= 'A' && *c <= 'Z') ||
		    (*c >= 'a' && *c <= 'z'))
			n[len++] = *c;
	}
	n[len] = '\0';
	if (len < 6 || len > 24)
		return fail_at(w, "number",
		               "an identifying number has 6 to 24 letters and "
		               "digits (spaces, dashes and dots ignored)");
	if (id->kind !=
	    CCTNS__V1__PROPERTY_IDENTIFIER_KIND__PROPERTY_IDENTIFIER_KIND_IMEI)
		return 0;
	for (size_t i = 0; i < len; i++) {
		int d = n[len - 1 - i] - '0';

		if (len != 15 || !is_digit(n[len - 1 - i]))
			return fail_at(w, "number",
			               "an IMEI is 15 digits whose last is the "
			               "Luhn check digit");
		d = i % 2 ? d * 2 : d;
		sum += d / 10 + d % 10;
	}
	if (sum % 10 != 0)
		return fail_at(w, "number",
		               "an IMEI is 15 digits whose last is the Luhn "
		               "check digit: this one's check digit is wrong");
	return 0;
}

static int check_found_ages(walk *w, const ProtobufCMessage *m)
{
	const Cctns__V1__FoundPersonReport *r =
	        (const Cctns__V1__FoundPersonReport *)m;

	if (r->apparent_age_from > 120 || r->apparent_age_to > 120)
		return fail_at(w,
		               r->apparent_age_from > 120 ? "apparent_age_from"
		                                          : "apparent_age_to",
		               "not a human age (0 to 120)");
	if (r->apparent_age_to && r->apparent_age_to < r->apparent_age_from)
		return fail_at(w, "apparent_age_to", "below apparent_age_from");
	return 0;
}

/* ---------------- dossier: dossier, searches, match alerts */

/* One number to search vehicles by. */
static int check_search_vehicles(walk *w, const ProtobufCMessage *m)
{
	const Cctns__V1__SearchVehicles *q =
	        (const Cctns__V1__SearchVehicles *)m;
	int n = (*q->number != '\0') + (*q->chassis_number != '\0') +
	        (*q->engine_number != '\0');

	if (n == 0)
		return fail_at(w, "number",
		               "give a registration number (whole or part), a "
		               "chassis number or an engine number");
	if (n > 1)
		return fail_at(w,
		               *q->number ? "chassis_number" : "engine_number",
		               "search by one number at a time");
	return 0;
}

static int check_alert_id(walk *w, const ProtobufCMessage *m)
{
	const Cctns__V1__AckAlert *a = (const Cctns__V1__AckAlert *)m;

	if (a->alert_id == 0)
		return fail_at(w, "alert_id",
		               "is required: the alert number, as cctns alerts "
		               "list prints it");
	return 0;
}

/* signin: Hello.session_token is empty or 32 bytes. */
static int check_session_token(walk *w, const ProtobufCMessage *m)
{
	const Cctns__V1__Hello *h = (const Cctns__V1__Hello *)m;

	if (h->session_token.len != 0 && h->session_token.len != 32)
		return fail_at(w, "session_token",
		               "must be empty or the 32 bytes SignedIn gave");
	return 0;
}

static int officer_no_valid(const char *s)
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

static int otp_valid(const char *s)
{
	size_t n = 0;

	for (; s[n]; n++) {
		if (s[n] < '0' || s[n] > '9')
			return 0;
	}
	return n == 6;
}

static const rule rules[] = {
        /* Hello */
        {&cctns__v1__hello__descriptor, "protocol_version", R_REQ, 0, NULL,
         NULL, NULL},
        {&cctns__v1__hello__descriptor, "software", 0, 100, NULL, NULL, NULL},
        {&cctns__v1__hello__descriptor, "session_token", 0, 0, NULL, NULL,
         check_session_token},
        /* signin */
        {&cctns__v1__sign_in__descriptor, "officer_no", R_REQ, 32,
         officer_no_valid, "letters, digits and / . _ - (32 at most)", NULL},
        {&cctns__v1__sign_in__descriptor, "password", R_REQ | R_BYTES, 1024,
         NULL, NULL, NULL},
        {&cctns__v1__sign_in__descriptor, "otp", 0, 8, otp_valid, "6 digits",
         NULL},
        /* RegisterFir */
        {&cctns__v1__register_fir__descriptor, "idempotency_key", 0, 0, NULL,
         NULL, check_idempotency_key},
        {&cctns__v1__register_fir__descriptor, "fir", R_REQ, 0, NULL, NULL,
         NULL},
        /* GetFir */
        {&cctns__v1__get_fir__descriptor, "fir_number", R_REQ, 20,
         fir_number_valid, FIR_EXPECT, NULL},
        /* AddGdEntry, GetGd */
        {&cctns__v1__add_gd_entry__descriptor, "idempotency_key", 0, 0, NULL,
         NULL, check_idempotency_key},
        {&cctns__v1__add_gd_entry__descriptor, "kind", R_REQ, 0, NULL, NULL,
         NULL},
        {&cctns__v1__add_gd_entry__descriptor, "text",
         R_REQ | R_LINES | R_BYTES, 16 * 1024, NULL, NULL, NULL},
        {&cctns__v1__add_gd_entry__descriptor, "officer", R_REQ, 0, NULL, NULL,
         NULL},
        {&cctns__v1__add_gd_entry__descriptor, "corrects_date", 0, 10,
         date_valid, DATE_EXPECT, NULL},
        {&cctns__v1__add_gd_entry__descriptor, "corrects_number", 0, 0, NULL,
         NULL, check_gd_correction},
        {&cctns__v1__get_gd__descriptor, "date", 0, 10, date_valid, DATE_EXPECT,
         NULL},
        /* AssignIo, GetCaseTimeline */
        {&cctns__v1__assign_io__descriptor, "idempotency_key", 0, 0, NULL, NULL,
         check_idempotency_key},
        {&cctns__v1__assign_io__descriptor, "fir_number", R_REQ, 20,
         fir_number_valid, FIR_EXPECT, NULL},
        {&cctns__v1__assign_io__descriptor, "io", R_REQ, 0, NULL, NULL, NULL},
        {&cctns__v1__assign_io__descriptor, "acting", R_REQ, 0, NULL, NULL,
         NULL},
        {&cctns__v1__get_case_timeline__descriptor, "fir_number", R_REQ, 20,
         fir_number_valid, FIR_EXPECT, NULL},
        /* RegisterArrest, GetArrest */
        {&cctns__v1__register_arrest__descriptor, "idempotency_key", 0, 0, NULL,
         NULL, check_idempotency_key},
        {&cctns__v1__register_arrest__descriptor, "fir_number", R_REQ, 20,
         fir_number_valid, FIR_EXPECT, NULL},
        {&cctns__v1__register_arrest__descriptor, "memo", R_REQ, 0, NULL, NULL,
         NULL},
        {&cctns__v1__get_arrest__descriptor, "fir_number", R_REQ, 20,
         fir_number_valid, FIR_EXPECT, NULL},
        {&cctns__v1__get_arrest__descriptor, "accused_code", R_REQ, 2,
         accused_code_valid, "an accused code like A1 or B3", NULL},
        /* seizure (IIF-IV) and malkhana: RegisterSeizure, GetSeizure */
        {&cctns__v1__register_seizure__descriptor, "idempotency_key", 0, 0,
         NULL, NULL, check_idempotency_key},
        {&cctns__v1__register_seizure__descriptor, "fir_number", R_REQ, 20,
         fir_number_valid, FIR_EXPECT, NULL},
        {&cctns__v1__register_seizure__descriptor, "seizure", R_REQ, 0, NULL,
         NULL, NULL},
        {&cctns__v1__get_seizure__descriptor, "fir_number", R_REQ, 20,
         fir_number_valid, FIR_EXPECT, NULL},
        {&cctns__v1__get_seizure__descriptor, "seizure_no", R_REQ, 0, NULL,
         NULL, NULL},
        /* SeizureMemo, SeizedItem */
        {&cctns__v1__seizure_memo__descriptor, "nature", R_REQ, 0, NULL, NULL,
         NULL},
        {&cctns__v1__seizure_memo__descriptor, "seized_at", R_REQ, 64,
         rfc3339_valid, TIME_EXPECT, NULL},
        {&cctns__v1__seizure_memo__descriptor, "place", R_REQ, 500, NULL, NULL,
         NULL},
        {&cctns__v1__seizure_memo__descriptor, "seized_from", 0, 0, NULL, NULL,
         check_seized_from},
        {&cctns__v1__seizure_memo__descriptor, "professional_receiver", 0, 0,
         NULL, NULL, check_professional_receiver},
        {&cctns__v1__seizure_memo__descriptor, "accused_code", 0, 2,
         accused_code_valid, ACCUSED_EXPECT, NULL},
        {&cctns__v1__seizure_memo__descriptor, "witnesses", 0, 0, NULL, NULL,
         check_witnesses},
        {&cctns__v1__seizure_memo__descriptor, "items", R_REQ, 200, NULL, NULL,
         NULL},
        {&cctns__v1__seizure_memo__descriptor, "seal", R_LINES, 500, NULL, NULL,
         NULL},
        {&cctns__v1__seizure_memo__descriptor, "officer", R_REQ, 0, NULL, NULL,
         NULL},
        {&cctns__v1__seized_item__descriptor, "kind", R_REQ, 100, NULL, NULL,
         NULL},
        {&cctns__v1__seized_item__descriptor, "description", R_REQ | R_LINES,
         4000, NULL, NULL, NULL},
        {&cctns__v1__seized_item__descriptor, "quantity", 0, 0, NULL, NULL,
         check_item_quantity},
        {&cctns__v1__seized_item__descriptor, "unit", 0, 30, NULL, NULL, NULL},
        {&cctns__v1__seized_item__descriptor, "value_rupees", 0, 0, NULL, NULL,
         check_item_value},
        {&cctns__v1__seized_item__descriptor, "identifiers", R_LINES, 1000,
         NULL, NULL, NULL},
        {&cctns__v1__seized_item__descriptor, "perishable_handling", R_LINES,
         1000, NULL, NULL, check_perishable},
        {&cctns__v1__seized_item__descriptor, "packet_no", 0, 50, NULL, NULL,
         NULL},
        {&cctns__v1__seized_item__descriptor, "seal_description", R_LINES, 500,
         NULL, NULL, NULL},
        /* MoveProperty, GetMalkhanaEntry, ListMalkhana */
        {&cctns__v1__move_property__descriptor, "idempotency_key", 0, 0, NULL,
         NULL, check_idempotency_key},
        {&cctns__v1__move_property__descriptor, "malkhana_number", R_REQ, 20,
         fir_number_valid, MALKHANA_EXPECT, NULL},
        {&cctns__v1__move_property__descriptor, "movement", R_REQ, 0, NULL,
         NULL, check_movement},
        {&cctns__v1__move_property__descriptor, "at", R_REQ, 64, rfc3339_valid,
         TIME_EXPECT, NULL},
        {&cctns__v1__move_property__descriptor, "to_whom", R_REQ, 200, NULL,
         NULL, NULL},
        {&cctns__v1__move_property__descriptor, "reference", 0, 200, NULL, NULL,
         check_movement_reference},
        {&cctns__v1__move_property__descriptor, "officer", R_REQ, 0, NULL, NULL,
         NULL},
        {&cctns__v1__get_malkhana_entry__descriptor, "malkhana_number", R_REQ,
         20, fir_number_valid, MALKHANA_EXPECT, NULL},
        {&cctns__v1__list_malkhana__descriptor, "fir_number", 0, 20,
         fir_number_valid, FIR_EXPECT, NULL},
        /* Officer: named by number, name and rank wherever one is given */
        {&cctns__v1__officer__descriptor, "number", R_REQ, 32, NULL, NULL,
         NULL},
        {&cctns__v1__officer__descriptor, "name", R_REQ, 200, NULL, NULL, NULL},
        {&cctns__v1__officer__descriptor, "rank", R_REQ, 50, NULL, NULL, NULL},
        /* ArrestMemo, IdentityDocument, DescriptiveRoll */
        {&cctns__v1__arrest_memo__descriptor, "person", R_REQ, 0, NULL, NULL,
         check_arrested_name},
        {&cctns__v1__arrest_memo__descriptor, "aliases", 0, 2, NULL, NULL,
         NULL},
        {&cctns__v1__arrest_memo__descriptor, "religion", 0, 100, NULL, NULL,
         NULL},
        {&cctns__v1__arrest_memo__descriptor, "caste_tribe", 0, 100, NULL, NULL,
         NULL},
        {&cctns__v1__arrest_memo__descriptor, "arrested_at", R_REQ, 64,
         rfc3339_valid, TIME_EXPECT, NULL},
        {&cctns__v1__arrest_memo__descriptor, "place", 0, 500, NULL, NULL,
         NULL},
        {&cctns__v1__arrest_memo__descriptor, "outcome", R_REQ, 0, NULL, NULL,
         NULL},
        {&cctns__v1__arrest_memo__descriptor, "injuries", R_LINES, 4000, NULL,
         NULL, NULL},
        {&cctns__v1__arrest_memo__descriptor, "medical_examination", R_LINES,
         4000, NULL, NULL, NULL},
        {&cctns__v1__arrest_memo__descriptor, "articles_found", R_LINES, 4000,
         NULL, NULL, NULL},
        {&cctns__v1__arrest_memo__descriptor, "relative_informed", 0, 200, NULL,
         NULL, NULL},
        {&cctns__v1__arrest_memo__descriptor, "relative_informed_at", 0, 64,
         rfc3339_valid, TIME_EXPECT, NULL},
        {&cctns__v1__arrest_memo__descriptor, "designated_officer_informed_at",
         0, 64, rfc3339_valid, TIME_EXPECT, NULL},
        {&cctns__v1__arrest_memo__descriptor, "officer", R_REQ, 0, NULL, NULL,
         NULL},
        {&cctns__v1__identity_document__descriptor, "kind", R_REQ, 50, NULL,
         NULL, NULL},
        {&cctns__v1__identity_document__descriptor, "number", 0, 50, NULL, NULL,
         check_identity_document},
        {&cctns__v1__descriptive_roll__descriptor, "identification_marks",
         R_LINES, 1000, NULL, NULL, NULL},
        {&cctns__v1__descriptive_roll__descriptor, "languages", 0, 20, NULL,
         NULL, NULL},
        /* registers1: RegisterPetition, Petition, GetPetition */
        {&cctns__v1__register_petition__descriptor, "idempotency_key", 0, 0,
         NULL, NULL, check_idempotency_key},
        {&cctns__v1__register_petition__descriptor, "petition", R_REQ, 0, NULL,
         NULL, NULL},
        {&cctns__v1__petition__descriptor, "received_at", R_REQ, 64,
         rfc3339_valid, TIME_EXPECT, NULL},
        {&cctns__v1__petition__descriptor, "mode", R_REQ, 0, NULL, NULL, NULL},
        {&cctns__v1__petition__descriptor, "petitioner", R_REQ, 0, NULL, NULL,
         check_petition_petitioner},
        {&cctns__v1__petition__descriptor, "respondents", 0, 20, NULL, NULL,
         check_petition_respondents},
        {&cctns__v1__petition__descriptor, "subject", R_REQ, 500, NULL, NULL,
         NULL},
        {&cctns__v1__petition__descriptor, "text", R_REQ | R_LINES | R_BYTES,
         64 * 1024, NULL, NULL, NULL},
        {&cctns__v1__petition__descriptor, "officer", R_REQ, 0, NULL, NULL,
         NULL},
        {&cctns__v1__petition__descriptor, "reference", 0, 200, NULL, NULL,
         NULL},
        {&cctns__v1__get_petition__descriptor, "petition_number", R_REQ, 20,
         fir_number_valid, PETITION_EXPECT, NULL},
        /* AssignEnquiry, ReportEnquiry, DisposePetition */
        {&cctns__v1__assign_enquiry__descriptor, "idempotency_key", 0, 0, NULL,
         NULL, check_idempotency_key},
        {&cctns__v1__assign_enquiry__descriptor, "petition_number", R_REQ, 20,
         fir_number_valid, PETITION_EXPECT, NULL},
        {&cctns__v1__assign_enquiry__descriptor, "enquiry_officer", R_REQ, 0,
         NULL, NULL, NULL},
        {&cctns__v1__assign_enquiry__descriptor, "acting", R_REQ, 0, NULL, NULL,
         NULL},
        {&cctns__v1__report_enquiry__descriptor, "idempotency_key", 0, 0, NULL,
         NULL, check_idempotency_key},
        {&cctns__v1__report_enquiry__descriptor, "petition_number", R_REQ, 20,
         fir_number_valid, PETITION_EXPECT, NULL},
        {&cctns__v1__report_enquiry__descriptor, "report", R_REQ, 0, NULL, NULL,
         NULL},
        {&cctns__v1__petition_enquiry_report__descriptor, "reported_at", R_REQ,
         64, rfc3339_valid, TIME_EXPECT, NULL},
        {&cctns__v1__petition_enquiry_report__descriptor, "findings",
         R_REQ | R_LINES | R_BYTES, 64 * 1024, NULL, NULL, NULL},
        {&cctns__v1__petition_enquiry_report__descriptor, "recommendation",
         R_REQ, 0, NULL, NULL, NULL},
        {&cctns__v1__petition_enquiry_report__descriptor, "officer", R_REQ, 0,
         NULL, NULL, NULL},
        {&cctns__v1__dispose_petition__descriptor, "idempotency_key", 0, 0,
         NULL, NULL, check_idempotency_key},
        {&cctns__v1__dispose_petition__descriptor, "petition_number", R_REQ, 20,
         fir_number_valid, PETITION_EXPECT, NULL},
        {&cctns__v1__dispose_petition__descriptor, "disposal", R_REQ, 0, NULL,
         NULL, NULL},
        {&cctns__v1__petition_disposal__descriptor, "kind", R_REQ, 0, NULL,
         NULL, NULL},
        {&cctns__v1__petition_disposal__descriptor, "reason", R_LINES, 4000,
         NULL, NULL, NULL},
        {&cctns__v1__petition_disposal__descriptor, "fir_number", 0, 20,
         fir_number_valid, FIR_EXPECT, NULL},
        {&cctns__v1__petition_disposal__descriptor, "transfer_station_code", 0,
         0, NULL, NULL, check_petition_disposal},
        {&cctns__v1__petition_disposal__descriptor, "officer", R_REQ, 0, NULL,
         NULL, NULL},
        /* RegisterNcr, Ncr, GetNcr */
        {&cctns__v1__register_ncr__descriptor, "idempotency_key", 0, 0, NULL,
         NULL, check_idempotency_key},
        {&cctns__v1__register_ncr__descriptor, "ncr", R_REQ, 0, NULL, NULL,
         NULL},
        {&cctns__v1__ncr__descriptor, "occurred_at", R_REQ, 64, rfc3339_valid,
         TIME_EXPECT, NULL},
        {&cctns__v1__ncr__descriptor, "reported_at", R_REQ, 64, rfc3339_valid,
         TIME_EXPECT, NULL},
        {&cctns__v1__ncr__descriptor, "informant", R_REQ, 0, NULL, NULL,
         check_ncr_informant},
        {&cctns__v1__ncr__descriptor, "opposite_party", 0, 20, NULL, NULL,
         check_ncr_opposite_party},
        {&cctns__v1__ncr__descriptor, "sections", R_REQ, 20, NULL, NULL, NULL},
        {&cctns__v1__ncr__descriptor, "brief_facts", R_REQ | R_LINES | R_BYTES,
         64 * 1024, NULL, NULL, NULL},
        {&cctns__v1__ncr__descriptor, "advice_given", 0, 0, NULL, NULL,
         check_ncr_advice_given},
        {&cctns__v1__ncr__descriptor, "officer", R_REQ, 0, NULL, NULL, NULL},
        {&cctns__v1__get_ncr__descriptor, "ncr_number", R_REQ, 20,
         fir_number_valid, "an NCR number like 1/2026 or 0001/2026", NULL},
        /* RegisterLostReport, LostReport, LostItem, GetLostReport */
        {&cctns__v1__register_lost_report__descriptor, "idempotency_key", 0, 0,
         NULL, NULL, check_idempotency_key},
        {&cctns__v1__register_lost_report__descriptor, "report", R_REQ, 0, NULL,
         NULL, NULL},
        {&cctns__v1__lost_report__descriptor, "reporter", R_REQ, 0, NULL, NULL,
         check_lost_reporter},
        {&cctns__v1__lost_report__descriptor, "lost_from", R_REQ, 64,
         rfc3339_valid, TIME_EXPECT, NULL},
        {&cctns__v1__lost_report__descriptor, "lost_to", 0, 64, rfc3339_valid,
         TIME_EXPECT, NULL},
        {&cctns__v1__lost_report__descriptor, "items", R_REQ, 50, NULL, NULL,
         NULL},
        {&cctns__v1__lost_report__descriptor, "circumstances",
         R_LINES | R_BYTES, 16 * 1024, NULL, NULL, NULL},
        {&cctns__v1__lost_report__descriptor, "officer", R_REQ, 0, NULL, NULL,
         NULL},
        {&cctns__v1__lost_item__descriptor, "kind", R_REQ, 0, NULL, NULL, NULL},
        {&cctns__v1__lost_item__descriptor, "description", R_LINES, 4000, NULL,
         NULL, NULL},
        {&cctns__v1__lost_item__descriptor, "identifier", 0, 64, NULL, NULL,
         check_lost_item_identifier},
        {&cctns__v1__lost_item__descriptor, "value_rupees", 0, 0, NULL, NULL,
         check_lost_item_value},
        {&cctns__v1__get_lost_report__descriptor, "report_number", R_REQ, 20,
         fir_number_valid, "a report number like 1/2026 or 0001/2026", NULL},
        /* FirContent */
        {&cctns__v1__fir_content__descriptor, "occurred_from", R_REQ, 64,
         rfc3339_valid, TIME_EXPECT, NULL},
        {&cctns__v1__fir_content__descriptor, "occurred_to", 0, 64,
         rfc3339_valid, TIME_EXPECT, NULL},
        {&cctns__v1__fir_content__descriptor, "information_received_at", R_REQ,
         64, rfc3339_valid, TIME_EXPECT, NULL},
        {&cctns__v1__fir_content__descriptor, "information_type", R_REQ, 0,
         NULL, NULL, NULL},
        {&cctns__v1__fir_content__descriptor, "charges", R_REQ, 50, NULL, NULL,
         NULL},
        {&cctns__v1__fir_content__descriptor, "complainant", R_REQ, 0, NULL,
         NULL, check_complainant_name},
        {&cctns__v1__fir_content__descriptor, "accused", 0, 100, NULL, NULL,
         NULL},
        {&cctns__v1__fir_content__descriptor, "brief_facts",
         R_REQ | R_LINES | R_BYTES, 64 * 1024, NULL, NULL, NULL},
        {&cctns__v1__fir_content__descriptor, "properties", 0, 200, NULL, NULL,
         NULL},
        {&cctns__v1__fir_content__descriptor, "delay_reason", R_LINES, 4000,
         NULL, NULL, NULL},
        /* Place, Address */
        {&cctns__v1__place__descriptor, "beat", 0, 100, NULL, NULL, NULL},
        {&cctns__v1__address__descriptor, "line1", 0, 500, NULL, NULL, NULL},
        {&cctns__v1__address__descriptor, "line2", 0, 500, NULL, NULL, NULL},
        {&cctns__v1__address__descriptor, "city", 0, 200, NULL, NULL, NULL},
        {&cctns__v1__address__descriptor, "pincode", 0, 6, pincode_valid,
         "6 digits like 226001", NULL},
        /* Charge */
        {&cctns__v1__charge__descriptor, "act", R_REQ, 0, NULL, NULL, NULL},
        {&cctns__v1__charge__descriptor, "section", R_REQ, 16, section_valid,
         "a section like 303(2), 376A or 498A", NULL},
        {&cctns__v1__charge__descriptor, "law", 0, 200, NULL, NULL, check_law},
        /* Person */
        {&cctns__v1__person__descriptor, "name", 0, 200, NULL, NULL, NULL},
        {&cctns__v1__person__descriptor, "relative_name", 0, 200, NULL, NULL,
         NULL},
        {&cctns__v1__person__descriptor, "date_of_birth", 0, 10, date_valid,
         DATE_EXPECT, NULL},
        {&cctns__v1__person__descriptor, "nationality", 0, 100, NULL, NULL,
         NULL},
        {&cctns__v1__person__descriptor, "occupation", 0, 200, NULL, NULL,
         NULL},
        {&cctns__v1__person__descriptor, "phone", 0, 20, phone_valid,
         "a phone number like +91 522 2345678", NULL},
        /* Accused */
        {&cctns__v1__accused__descriptor, "kind", R_REQ, 0, NULL, NULL, NULL},
        {&cctns__v1__accused__descriptor, "person", 0, 0, NULL, NULL,
         check_accused_person},
        {&cctns__v1__accused__descriptor, "description", R_LINES, 4000, NULL,
         NULL, check_accused_description},
        /* Property */
        {&cctns__v1__property__descriptor, "kind", R_REQ, 100, NULL, NULL,
         NULL},
        {&cctns__v1__property__descriptor, "description", R_LINES, 4000, NULL,
         NULL, NULL},
        /* registers2: RegisterMissingPerson, MissingPersonReport */
        {&cctns__v1__register_missing_person__descriptor, "idempotency_key", 0,
         0, NULL, NULL, check_idempotency_key},
        {&cctns__v1__register_missing_person__descriptor, "report", R_REQ, 0,
         NULL, NULL, NULL},
        {&cctns__v1__missing_person_report__descriptor, "person", R_REQ, 0,
         NULL, NULL, check_missing_person},
        {&cctns__v1__missing_person_report__descriptor, "age_years", 0, 0, NULL,
         NULL, check_missing_age},
        {&cctns__v1__missing_person_report__descriptor, "descriptive_roll", 0,
         0, NULL, NULL, check_missing_roll},
        {&cctns__v1__missing_person_report__descriptor, "missing_since", R_REQ,
         64, rfc3339_valid, TIME_EXPECT, NULL},
        {&cctns__v1__missing_person_report__descriptor, "circumstances",
         R_LINES | R_BYTES, 4000, NULL, NULL, NULL},
        {&cctns__v1__missing_person_report__descriptor, "clothing", R_LINES,
         1000, NULL, NULL, NULL},
        {&cctns__v1__missing_person_report__descriptor, "reported_at", R_REQ,
         64, rfc3339_valid, TIME_EXPECT, NULL},
        {&cctns__v1__missing_person_report__descriptor, "informant", R_REQ, 0,
         NULL, NULL, check_missing_informant},
        {&cctns__v1__missing_person_report__descriptor, "relation_to_missing",
         0, 100, NULL, NULL, NULL},
        {&cctns__v1__missing_person_report__descriptor, "fir_number", 0, 20,
         fir_number_valid, FIR_EXPECT, NULL},
        {&cctns__v1__missing_person_report__descriptor, "officer", R_REQ, 0,
         NULL, NULL, NULL},
        /* MarkMissingTraced, GetMissingPerson */
        {&cctns__v1__mark_missing_traced__descriptor, "idempotency_key", 0, 0,
         NULL, NULL, check_idempotency_key},
        {&cctns__v1__mark_missing_traced__descriptor, "number", R_REQ, 20,
         fir_number_valid, REC_EXPECT, NULL},
        {&cctns__v1__mark_missing_traced__descriptor, "traced_at", R_REQ, 64,
         rfc3339_valid, TIME_EXPECT, NULL},
        {&cctns__v1__mark_missing_traced__descriptor, "how", R_REQ, 0, NULL,
         NULL, NULL},
        {&cctns__v1__mark_missing_traced__descriptor, "officer", R_REQ, 0, NULL,
         NULL, NULL},
        {&cctns__v1__get_missing_person__descriptor, "number", R_REQ, 20,
         fir_number_valid, REC_EXPECT, NULL},
        /* RegisterUnnaturalDeath, UnnaturalDeathReport, PostMortem */
        {&cctns__v1__register_unnatural_death__descriptor, "idempotency_key", 0,
         0, NULL, NULL, check_idempotency_key},
        {&cctns__v1__register_unnatural_death__descriptor, "report", R_REQ, 0,
         NULL, NULL, NULL},
        {&cctns__v1__unnatural_death_report__descriptor, "kind", R_REQ, 0, NULL,
         NULL, NULL},
        {&cctns__v1__unnatural_death_report__descriptor, "found_at", R_REQ, 64,
         rfc3339_valid, TIME_EXPECT, NULL},
        {&cctns__v1__unnatural_death_report__descriptor, "apparent_cause",
         R_REQ, 0, NULL, NULL, NULL},
        {&cctns__v1__unnatural_death_report__descriptor, "deceased", 0, 0, NULL,
         NULL, check_deceased},
        {&cctns__v1__unnatural_death_report__descriptor, "apparent_age_to", 0,
         0, NULL, NULL, check_apparent_age},
        {&cctns__v1__unnatural_death_report__descriptor, "descriptive_roll", 0,
         0, NULL, NULL, check_ud_height},
        {&cctns__v1__unnatural_death_report__descriptor, "clothing", R_LINES,
         1000, NULL, NULL, NULL},
        {&cctns__v1__unnatural_death_report__descriptor, "articles_found",
         R_LINES, 4000, NULL, NULL, NULL},
        {&cctns__v1__unnatural_death_report__descriptor, "informant", 0, 0,
         NULL, NULL, check_ud_informant},
        {&cctns__v1__unnatural_death_report__descriptor, "inquest_at", 0, 64,
         rfc3339_valid, TIME_EXPECT, NULL},
        {&cctns__v1__unnatural_death_report__descriptor, "inquest_magistrate",
         0, 200, NULL, NULL, check_inquest},
        {&cctns__v1__unnatural_death_report__descriptor, "fir_number", 0, 20,
         fir_number_valid, FIR_EXPECT, NULL},
        {&cctns__v1__unnatural_death_report__descriptor, "officer", R_REQ, 0,
         NULL, NULL, NULL},
        {&cctns__v1__post_mortem__descriptor, "hospital", R_REQ, 200, NULL,
         NULL, NULL},
        {&cctns__v1__post_mortem__descriptor, "date", R_REQ, 10, date_valid,
         DATE_EXPECT, NULL},
        /* IdentifyBody, GetUnnaturalDeath */
        {&cctns__v1__identify_body__descriptor, "idempotency_key", 0, 0, NULL,
         NULL, check_idempotency_key},
        {&cctns__v1__identify_body__descriptor, "ud_number", R_REQ, 24,
         ud_number_valid, UD_EXPECT, NULL},
        {&cctns__v1__identify_body__descriptor, "deceased", R_REQ, 0, NULL,
         NULL, NULL},
        {&cctns__v1__identify_body__descriptor, "identified_by", R_REQ, 0, NULL,
         NULL, check_identified},
        {&cctns__v1__identify_body__descriptor, "identified_at", R_REQ, 64,
         rfc3339_valid, TIME_EXPECT, NULL},
        {&cctns__v1__identify_body__descriptor, "officer", R_REQ, 0, NULL, NULL,
         NULL},
        {&cctns__v1__get_unnatural_death__descriptor, "ud_number", R_REQ, 24,
         ud_number_valid, UD_EXPECT, NULL},
        /* ReportVehicle, VehicleReport, FindVehicle, GetVehicleReport */
        {&cctns__v1__report_vehicle__descriptor, "idempotency_key", 0, 0, NULL,
         NULL, check_idempotency_key},
        {&cctns__v1__report_vehicle__descriptor, "report", R_REQ, 0, NULL, NULL,
         NULL},
        {&cctns__v1__vehicle_report__descriptor, "kind", R_REQ, 0, NULL, NULL,
         NULL},
        {&cctns__v1__vehicle_report__descriptor, "registration_number", 0, 20,
         registration_valid, REG_EXPECT, NULL},
        {&cctns__v1__vehicle_report__descriptor, "chassis_number", 0, 30,
         chassis_valid, CHASSIS_EXPECT, NULL},
        {&cctns__v1__vehicle_report__descriptor, "engine_number", 0, 30,
         engine_valid, ENGINE_EXPECT, check_vehicle_numbers},
        {&cctns__v1__vehicle_report__descriptor, "vehicle_type", R_REQ, 0, NULL,
         NULL, NULL},
        {&cctns__v1__vehicle_report__descriptor, "make", 0, 100, NULL, NULL,
         NULL},
        {&cctns__v1__vehicle_report__descriptor, "model", 0, 100, NULL, NULL,
         NULL},
        {&cctns__v1__vehicle_report__descriptor, "colour", 0, 50, NULL, NULL,
         NULL},
        {&cctns__v1__vehicle_report__descriptor, "model_year", 0, 0, NULL, NULL,
         check_model_year},
        {&cctns__v1__vehicle_report__descriptor, "at", R_REQ, 64, rfc3339_valid,
         TIME_EXPECT, NULL},
        {&cctns__v1__vehicle_report__descriptor, "owner", 0, 0, NULL, NULL,
         check_owner},
        {&cctns__v1__vehicle_report__descriptor, "fir_number", 0, 20,
         fir_number_valid, FIR_EXPECT, NULL},
        {&cctns__v1__vehicle_report__descriptor, "officer", R_REQ, 0, NULL,
         NULL, NULL},
        {&cctns__v1__find_vehicle__descriptor, "registration_number", 0, 20,
         registration_valid, REG_EXPECT, NULL},
        {&cctns__v1__find_vehicle__descriptor, "chassis_number", 0, 30,
         chassis_valid, CHASSIS_EXPECT, NULL},
        {&cctns__v1__find_vehicle__descriptor, "engine_number", 0, 30,
         engine_valid, ENGINE_EXPECT, check_find_vehicle},
        {&cctns__v1__get_vehicle_report__descriptor, "number", R_REQ, 20,
         fir_number_valid, REC_EXPECT, NULL},
        /* court: FileFinalReport, GetFinalReport */
        {&cctns__v1__file_final_report__descriptor, "idempotency_key", 0, 0,
         NULL, NULL, check_idempotency_key},
        {&cctns__v1__file_final_report__descriptor, "fir_number", R_REQ, 20,
         fir_number_valid, FIR_EXPECT, NULL},
        {&cctns__v1__file_final_report__descriptor, "report", R_REQ, 0, NULL,
         NULL, NULL},
        {&cctns__v1__get_final_report__descriptor, "fir_number", R_REQ, 20,
         fir_number_valid, FIR_EXPECT, NULL},
        /* court: FinalReport and its parts */
        {&cctns__v1__final_report__descriptor, "kind", R_REQ, 0, NULL, NULL,
         NULL},
        {&cctns__v1__final_report__descriptor, "filed_at", R_REQ, 64,
         rfc3339_valid, TIME_EXPECT, NULL},
        {&cctns__v1__final_report__descriptor, "court", R_REQ, 300, NULL, NULL,
         NULL},
        {&cctns__v1__final_report__descriptor, "charged", 0, 100, NULL, NULL,
         check_report_charged},
        {&cctns__v1__final_report__descriptor, "not_charged", 0, 100, NULL,
         NULL, NULL},
        {&cctns__v1__final_report__descriptor, "witnesses", 0, 200, NULL, NULL,
         NULL},
        {&cctns__v1__final_report__descriptor, "properties", 0, 200, NULL, NULL,
         NULL},
        {&cctns__v1__final_report__descriptor, "brief_facts", R_LINES | R_BYTES,
         64 * 1024, NULL, NULL, NULL},
        {&cctns__v1__final_report__descriptor, "officer", R_REQ, 0, NULL, NULL,
         NULL},
        {&cctns__v1__charged_accused__descriptor, "accused_code", 0, 2,
         accused_code_valid, CODE_EXPECT, NULL},
        {&cctns__v1__charged_accused__descriptor, "person", 0, 0, NULL, NULL,
         check_code_or_person},
        {&cctns__v1__charged_accused__descriptor, "sections", R_REQ, 50, NULL,
         NULL, NULL},
        {&cctns__v1__charged_accused__descriptor, "arrested_on", 0, 10,
         date_valid, DATE_EXPECT, NULL},
        {&cctns__v1__charged_accused__descriptor, "bailed_on", 0, 10,
         date_valid, DATE_EXPECT, NULL},
        {&cctns__v1__charged_accused__descriptor, "forwarded_on", 0, 10,
         date_valid, DATE_EXPECT, NULL},
        {&cctns__v1__charged_accused__descriptor, "previous_convictions",
         R_LINES, 4000, NULL, NULL, NULL},
        {&cctns__v1__charged_accused__descriptor, "status", R_REQ, 0, NULL,
         NULL, NULL},
        {&cctns__v1__not_charged_accused__descriptor, "accused_code", 0, 2,
         accused_code_valid, CODE_EXPECT, NULL},
        {&cctns__v1__not_charged_accused__descriptor, "person", 0, 0, NULL,
         NULL, check_code_or_person},
        {&cctns__v1__not_charged_accused__descriptor, "reason", R_REQ | R_LINES,
         4000, NULL, NULL, NULL},
        {&cctns__v1__report_witness__descriptor, "person", R_REQ, 0, NULL, NULL,
         check_witness_name},
        {&cctns__v1__report_witness__descriptor, "kind", R_REQ, 0, NULL, NULL,
         NULL},
        {&cctns__v1__report_property__descriptor, "description",
         R_REQ | R_LINES, 4000, NULL, NULL, NULL},
        {&cctns__v1__report_property__descriptor, "malkhana_number", 0, 50,
         NULL, NULL, NULL},
        {&cctns__v1__report_property__descriptor, "disposal", R_REQ | R_LINES,
         4000, NULL, NULL, NULL},
        /* court: RecordCourtDisposal, CourtDisposal, AccusedDisposal */
        {&cctns__v1__record_court_disposal__descriptor, "idempotency_key", 0, 0,
         NULL, NULL, check_idempotency_key},
        {&cctns__v1__record_court_disposal__descriptor, "fir_number", R_REQ, 20,
         fir_number_valid, FIR_EXPECT, NULL},
        {&cctns__v1__record_court_disposal__descriptor, "disposal", R_REQ, 0,
         NULL, NULL, NULL},
        {&cctns__v1__court_disposal__descriptor, "kind", R_REQ, 0, NULL, NULL,
         NULL},
        {&cctns__v1__court_disposal__descriptor, "judgement_date", R_REQ, 10,
         date_valid, DATE_EXPECT, NULL},
        {&cctns__v1__court_disposal__descriptor, "court", R_REQ, 300, NULL,
         NULL, NULL},
        {&cctns__v1__court_disposal__descriptor, "case_number_in_court", 0, 100,
         NULL, NULL, NULL},
        {&cctns__v1__court_disposal__descriptor, "prosecutor", 0, 200, NULL,
         NULL, NULL},
        {&cctns__v1__court_disposal__descriptor, "accused", R_REQ, 100, NULL,
         NULL, NULL},
        {&cctns__v1__court_disposal__descriptor, "officer", R_REQ, 0, NULL,
         NULL, NULL},
        {&cctns__v1__accused_disposal__descriptor, "accused_code", 0, 2,
         accused_code_valid, CODE_EXPECT, NULL},
        {&cctns__v1__accused_disposal__descriptor, "person", 0, 0, NULL, NULL,
         check_code_or_person},
        {&cctns__v1__accused_disposal__descriptor, "result", R_REQ, 0, NULL,
         NULL, NULL},
        {&cctns__v1__accused_disposal__descriptor, "sections_convicted", 0, 50,
         NULL, NULL, NULL},
        {&cctns__v1__accused_disposal__descriptor, "fine_rupees", 0, 0, NULL,
         NULL, check_trial_sentence},
        /* court: FileAppeal, Appeal */
        {&cctns__v1__file_appeal__descriptor, "idempotency_key", 0, 0, NULL,
         NULL, check_idempotency_key},
        {&cctns__v1__file_appeal__descriptor, "fir_number", R_REQ, 20,
         fir_number_valid, FIR_EXPECT, NULL},
        {&cctns__v1__file_appeal__descriptor, "appeal", R_REQ, 0, NULL, NULL,
         NULL},
        {&cctns__v1__appeal__descriptor, "court", R_REQ, 300, NULL, NULL, NULL},
        {&cctns__v1__appeal__descriptor, "filed_on", R_REQ, 10, date_valid,
         DATE_EXPECT, NULL},
        {&cctns__v1__appeal__descriptor, "appellant", R_REQ, 0, NULL, NULL,
         NULL},
        {&cctns__v1__appeal__descriptor, "accused_codes", 0, 100,
         accused_code_valid, CODE_EXPECT, NULL},
        {&cctns__v1__appeal__descriptor, "accused_names", 0, 100, NULL, NULL,
         check_appeal_accused},
        {&cctns__v1__appeal__descriptor, "officer", R_REQ, 0, NULL, NULL, NULL},
        /* court: RecordAppealResult, AppealResult, AccusedAppealResult */
        {&cctns__v1__record_appeal_result__descriptor, "idempotency_key", 0, 0,
         NULL, NULL, check_idempotency_key},
        {&cctns__v1__record_appeal_result__descriptor, "fir_number", R_REQ, 20,
         fir_number_valid, FIR_EXPECT, NULL},
        {&cctns__v1__record_appeal_result__descriptor, "result", R_REQ, 0, NULL,
         NULL, NULL},
        {&cctns__v1__appeal_result__descriptor, "court", R_REQ, 300, NULL, NULL,
         NULL},
        {&cctns__v1__appeal_result__descriptor, "decided_on", R_REQ, 10,
         date_valid, DATE_EXPECT, NULL},
        {&cctns__v1__appeal_result__descriptor, "results", R_REQ, 100, NULL,
         NULL, NULL},
        {&cctns__v1__appeal_result__descriptor, "officer", R_REQ, 0, NULL, NULL,
         NULL},
        {&cctns__v1__accused_appeal_result__descriptor, "accused_code", 0, 2,
         accused_code_valid, CODE_EXPECT, NULL},
        {&cctns__v1__accused_appeal_result__descriptor, "accused_name", 0, 200,
         NULL, NULL, NULL},
        {&cctns__v1__accused_appeal_result__descriptor, "result", R_REQ, 0,
         NULL, NULL, NULL},
        {&cctns__v1__accused_appeal_result__descriptor, "fine_rupees", 0, 0,
         NULL, NULL, check_appeal_outcome},
        /* court: GetCourtRecord */
        {&cctns__v1__get_court_record__descriptor, "fir_number", R_REQ, 20,
         fir_number_valid, FIR_EXPECT, NULL},
        /* forms: LookupRef (pick-lists) */
        {&cctns__v1__lookup_ref__descriptor, "kind", R_REQ, 0, NULL, NULL,
         NULL},
        {&cctns__v1__lookup_ref__descriptor, "query", 0, 200, NULL, NULL, NULL},
        {&cctns__v1__lookup_ref__descriptor, "on_date", 0, 10, date_valid,
         DATE_EXPECT, check_lookup_act},
        {&cctns__v1__lookup_ref__descriptor, "limit", 0, 0, NULL, NULL,
         check_lookup_limit},
        /* fir: FirContent fields 13-21 (IIF-I complete) */
        {&cctns__v1__fir_content__descriptor, "informant", 0, 0, NULL, NULL,
         check_informant_name},
        {&cctns__v1__fir_content__descriptor, "inquest_number", 0, 50, NULL,
         NULL, NULL},
        {&cctns__v1__fir_content__descriptor, "dispatched_to_court_at", 0, 64,
         rfc3339_valid, TIME_EXPECT, NULL},
        {&cctns__v1__fir_content__descriptor, "total_value_rupees", 0, 0, NULL,
         NULL, check_total_value},
        {&cctns__v1__fir_content__descriptor, "e_fir", 0, 0, NULL, NULL,
         check_efir_electronic},
        {&cctns__v1__passport__descriptor, "number", R_REQ, 20,
         passport_number_valid, "letters and digits, like K1234567", NULL},
        {&cctns__v1__passport__descriptor, "date_of_issue", 0, 10, date_valid,
         DATE_EXPECT, NULL},
        {&cctns__v1__passport__descriptor, "place_of_issue", 0, 100, NULL, NULL,
         NULL},
        {&cctns__v1__station_ref__descriptor, "state_code", R_REQ, 0, NULL,
         NULL, NULL},
        {&cctns__v1__station_ref__descriptor, "district_code", R_REQ, 0, NULL,
         NULL, NULL},
        {&cctns__v1__station_ref__descriptor, "station_name", R_REQ, 200, NULL,
         NULL, NULL},
        {&cctns__v1__station_ref__descriptor, "district_name", 0, 200, NULL,
         NULL, NULL},
        {&cctns__v1__action_taken__descriptor, "action", R_REQ, 0, NULL, NULL,
         NULL},
        {&cctns__v1__action_taken__descriptor, "reason", R_LINES, 4000, NULL,
         NULL, check_action},
        {&cctns__v1__action_taken__descriptor, "text", R_LINES, 8000, NULL,
         NULL, NULL},
        /* fir: TransferFir, StationCode, GetFirExport */
        {&cctns__v1__transfer_fir__descriptor, "idempotency_key", 0, 0, NULL,
         NULL, check_idempotency_key},
        {&cctns__v1__transfer_fir__descriptor, "fir_number", R_REQ, 20,
         fir_number_valid, FIR_EXPECT, NULL},
        {&cctns__v1__transfer_fir__descriptor, "to", R_REQ, 0, NULL, NULL,
         NULL},
        {&cctns__v1__transfer_fir__descriptor, "reason", R_REQ | R_LINES, 4000,
         NULL, NULL, NULL},
        {&cctns__v1__transfer_fir__descriptor, "officer", R_REQ, 0, NULL, NULL,
         NULL},
        {&cctns__v1__station_code__descriptor, "state_code", R_REQ, 0, NULL,
         NULL, NULL},
        {&cctns__v1__station_code__descriptor, "district_code", R_REQ, 0, NULL,
         NULL, NULL},
        {&cctns__v1__station_code__descriptor, "station_code", R_REQ, 0, NULL,
         NULL, NULL},
        {&cctns__v1__get_fir_export__descriptor, "fir_number", R_REQ, 20,
         fir_number_valid, FIR_EXPECT, NULL},
        /* fir: SignEfir */
        {&cctns__v1__sign_efir__descriptor, "idempotency_key", 0, 0, NULL, NULL,
         check_idempotency_key},
        {&cctns__v1__sign_efir__descriptor, "fir_number", R_REQ, 20,
         fir_number_valid, FIR_EXPECT, NULL},
        {&cctns__v1__sign_efir__descriptor, "signed_at", R_REQ, 64,
         rfc3339_valid, TIME_EXPECT, NULL},
        {&cctns__v1__sign_efir__descriptor, "officer", R_REQ, 0, NULL, NULL,
         NULL},
        /* ---------------- persons helper: persons, photos, crime details */
        /* GetPerson, UpdatePerson, PersonPhone, PersonAddress */
        {&cctns__v1__get_person__descriptor, "person_id", 0, 0, NULL, NULL,
         check_person_id},
        {&cctns__v1__update_person__descriptor, "idempotency_key", 0, 0, NULL,
         NULL, check_idempotency_key},
        {&cctns__v1__update_person__descriptor, "person_id", 0, 0, NULL, NULL,
         check_person_id},
        {&cctns__v1__update_person__descriptor, "aliases", 0, 10, NULL, NULL,
         NULL},
        {&cctns__v1__update_person__descriptor, "identity_documents", 0, 10,
         NULL, NULL, NULL},
        {&cctns__v1__update_person__descriptor, "phones", 0, 10, NULL, NULL,
         NULL},
        {&cctns__v1__update_person__descriptor, "addresses", 0, 10, NULL, NULL,
         NULL},
        {&cctns__v1__update_person__descriptor, "officer", R_REQ, 0, NULL, NULL,
         check_update_has_details},
        {&cctns__v1__person_phone__descriptor, "number", R_REQ, 20, phone_valid,
         "a phone number like +91 522 2345678", NULL},
        {&cctns__v1__person_phone__descriptor, "kind", 0, 30, NULL, NULL, NULL},
        {&cctns__v1__person_phone__descriptor, "added_at", 0, 64, NULL, NULL,
         check_phone_added_at},
        {&cctns__v1__person_address__descriptor, "kind", R_REQ, 0, NULL, NULL,
         NULL},
        {&cctns__v1__person_address__descriptor, "address", R_REQ, 0, NULL,
         NULL, NULL},
        {&cctns__v1__person_address__descriptor, "since", 0, 10, date_valid,
         DATE_EXPECT, NULL},
        {&cctns__v1__person_address__descriptor, "added_at", 0, 64, NULL, NULL,
         check_address_added_at},
        /* AddPersonPhoto, GetPersonPhoto */
        {&cctns__v1__add_person_photo__descriptor, "idempotency_key", 0, 0,
         NULL, NULL, check_idempotency_key},
        {&cctns__v1__add_person_photo__descriptor, "person_id", 0, 0, NULL,
         NULL, check_person_id},
        {&cctns__v1__add_person_photo__descriptor, "mime", R_REQ, 20,
         mime_valid, PHOTO_EXPECT, NULL},
        {&cctns__v1__add_person_photo__descriptor, "data", 0, 0, NULL, NULL,
         check_photo_data},
        {&cctns__v1__add_person_photo__descriptor, "taken_at", 0, 64,
         rfc3339_valid, TIME_EXPECT, NULL},
        {&cctns__v1__add_person_photo__descriptor, "officer", R_REQ, 0, NULL,
         NULL, NULL},
        {&cctns__v1__get_person_photo__descriptor, "person_id", 0, 0, NULL,
         NULL, check_person_id},
        {&cctns__v1__get_person_photo__descriptor, "photo_no", R_REQ, 0, NULL,
         NULL, NULL},
        /* RecordCrimeDetails, GetCrimeDetails */
        {&cctns__v1__record_crime_details__descriptor, "idempotency_key", 0, 0,
         NULL, NULL, check_idempotency_key},
        {&cctns__v1__record_crime_details__descriptor, "fir_number", R_REQ, 20,
         fir_number_valid, FIR_EXPECT, NULL},
        {&cctns__v1__record_crime_details__descriptor, "details", R_REQ, 0,
         NULL, NULL, NULL},
        {&cctns__v1__get_crime_details__descriptor, "fir_number", R_REQ, 20,
         fir_number_valid, FIR_EXPECT, NULL},
        /* CrimeDetails, PlaceShownBy, ModusOperandi, Victim */
        {&cctns__v1__crime_details__descriptor, "mo", R_REQ, 0, NULL, NULL,
         NULL},
        {&cctns__v1__crime_details__descriptor, "place_type", R_REQ, 0, NULL,
         NULL, NULL},
        {&cctns__v1__crime_details__descriptor, "place_description", 0, 500,
         NULL, NULL, check_place_description},
        {&cctns__v1__crime_details__descriptor, "motive", R_LINES, 1000, NULL,
         NULL, NULL},
        {&cctns__v1__crime_details__descriptor, "properties", 0, 200, NULL,
         NULL, NULL},
        {&cctns__v1__crime_details__descriptor, "scene_description",
         R_LINES | R_BYTES, 16 * 1024, NULL, NULL, NULL},
        {&cctns__v1__crime_details__descriptor, "physical_evidence",
         R_LINES | R_BYTES, 16 * 1024, NULL, NULL, NULL},
        {&cctns__v1__crime_details__descriptor, "victims", 0, 50, NULL, NULL,
         NULL},
        {&cctns__v1__crime_details__descriptor, "panchnama_at", 0, 64,
         rfc3339_valid, TIME_EXPECT, NULL},
        {&cctns__v1__crime_details__descriptor, "panch_witnesses", 0, 2, NULL,
         NULL, check_panch_witnesses},
        {&cctns__v1__crime_details__descriptor, "weapon_used", 0, 500, NULL,
         NULL, NULL},
        {&cctns__v1__crime_details__descriptor, "vehicle_used", 0, 500, NULL,
         NULL, NULL},
        {&cctns__v1__crime_details__descriptor, "officer", R_REQ, 0, NULL, NULL,
         NULL},
        {&cctns__v1__place_shown_by__descriptor, "person", R_REQ, 0, NULL, NULL,
         check_shown_by_name},
        {&cctns__v1__place_shown_by__descriptor, "relation", 0, 100, NULL, NULL,
         NULL},
        {&cctns__v1__modus_operandi__descriptor, "major", R_REQ, 64,
         mo_code_valid, MO_EXPECT, NULL},
        {&cctns__v1__modus_operandi__descriptor, "minor", R_REQ, 64,
         mo_code_valid, "a head code like lock_broken, or general", NULL},
        {&cctns__v1__modus_operandi__descriptor, "methods", 0, 3, NULL, NULL,
         NULL},
        {&cctns__v1__modus_operandi__descriptor, "conveyance_used", 0, 300,
         NULL, NULL, NULL},
        {&cctns__v1__modus_operandi__descriptor, "character_assumed", 0, 300,
         NULL, NULL, NULL},
        {&cctns__v1__modus_operandi__descriptor, "language_or_slang", 0, 300,
         NULL, NULL, NULL},
        {&cctns__v1__modus_operandi__descriptor, "special_features", 0, 3, NULL,
         NULL, NULL},
        {&cctns__v1__victim__descriptor, "person", R_REQ, 0, NULL, NULL,
         check_victim_name},
        {&cctns__v1__victim__descriptor, "religion", 0, 100, NULL, NULL, NULL},
        {&cctns__v1__victim__descriptor, "injury_details", R_LINES, 1000, NULL,
         NULL, NULL},
        /* ---------------- dossier: dossier, searches, match alerts */
        {&cctns__v1__get_dossier__descriptor, "person_id", 0, 0, NULL, NULL,
         check_person_id},
        {&cctns__v1__search_vehicles__descriptor, "number", 0, 40, NULL, NULL,
         NULL},
        {&cctns__v1__search_vehicles__descriptor, "chassis_number", 0, 40, NULL,
         NULL, NULL},
        {&cctns__v1__search_vehicles__descriptor, "engine_number", 0, 40, NULL,
         NULL, check_search_vehicles},
        {&cctns__v1__search_property__descriptor, "kind", 0, 100, NULL, NULL,
         NULL},
        {&cctns__v1__search_property__descriptor, "number", 0, 60, NULL, NULL,
         NULL},
        {&cctns__v1__search_property__descriptor, "words", 0, 200, NULL, NULL,
         NULL},
        {&cctns__v1__search_property__descriptor, "register", 0, 20, NULL, NULL,
         NULL},
        {&cctns__v1__search_mo__descriptor, "major", 0, 64, NULL, NULL, NULL},
        {&cctns__v1__search_mo__descriptor, "minor", 0, 64, NULL, NULL, NULL},
        {&cctns__v1__search_mo__descriptor, "methods", 0, 200, NULL, NULL,
         NULL},
        {&cctns__v1__search_mo__descriptor, "place_type", 0, 64, NULL, NULL,
         NULL},
        {&cctns__v1__search_mo__descriptor, "hours", 0, 10, NULL, NULL, NULL},
        {&cctns__v1__search_mo__descriptor, "from", 0, 10, date_valid,
         DATE_EXPECT, NULL},
        {&cctns__v1__search_mo__descriptor, "to", 0, 10, date_valid,
         DATE_EXPECT, NULL},
        {&cctns__v1__ack_alert__descriptor, "alert_id", 0, 0, NULL, NULL,
         check_alert_id},
        /* ---------------- search helper: person search, duplicates, merge */
        {&cctns__v1__search_persons__descriptor, "name", 0, 200, NULL, NULL,
         NULL},
        {&cctns__v1__search_persons__descriptor, "alias", 0, 200, NULL, NULL,
         NULL},
        {&cctns__v1__search_persons__descriptor, "relative_name", 0, 200, NULL,
         NULL, NULL},
        {&cctns__v1__search_persons__descriptor, "address", 0, 300, NULL, NULL,
         NULL},
        {&cctns__v1__search_persons__descriptor, "marks", 0, 300, NULL, NULL,
         NULL},
        {&cctns__v1__search_persons__descriptor, "document", 0, 64, NULL, NULL,
         NULL},
        {&cctns__v1__search_persons__descriptor, "mode", 0, 20, NULL, NULL,
         NULL},
        {&cctns__v1__merge_persons__descriptor, "reason", R_REQ, 1000, NULL,
         NULL, NULL},
        {&cctns__v1__merge_persons__descriptor, "officer", R_REQ, 0, NULL, NULL,
         NULL},
        {&cctns__v1__unmerge_persons__descriptor, "reason", 0, 1000, NULL, NULL,
         NULL},
        {&cctns__v1__unmerge_persons__descriptor, "officer", R_REQ, 0, NULL,
         NULL, NULL},
        {&cctns__v1__mark_persons_distinct__descriptor, "reason", 0, 1000, NULL,
         NULL, NULL},
        {&cctns__v1__mark_persons_distinct__descriptor, "officer", R_REQ, 0,
         NULL, NULL, NULL},
        /* ---------------- search (slice 8): property identifiers, found
         * persons */
        {&cctns__v1__property__descriptor, "identifiers", 0, 20, NULL, NULL,
         NULL},
        {&cctns__v1__lost_item__descriptor, "identifiers", 0, 20, NULL, NULL,
         NULL},
        {&cctns__v1__seized_item__descriptor, "identifying_numbers", 0, 20,
         NULL, NULL, NULL},
        {&cctns__v1__property_identifier__descriptor, "kind", R_REQ, 0, NULL,
         NULL, NULL},
        {&cctns__v1__property_identifier__descriptor, "number", R_REQ, 60, NULL,
         NULL, check_property_identifier},
        {&cctns__v1__register_found_person__descriptor, "idempotency_key", 0, 0,
         NULL, NULL, check_idempotency_key},
        {&cctns__v1__register_found_person__descriptor, "report", R_REQ, 0,
         NULL, NULL, NULL},
        {&cctns__v1__found_person_report__descriptor, "found_at", R_REQ, 64,
         rfc3339_valid, TIME_EXPECT, NULL},
        {&cctns__v1__found_person_report__descriptor, "gender", R_REQ, 0, NULL,
         NULL, NULL},
        {&cctns__v1__found_person_report__descriptor, "apparent_age_to", 0, 0,
         NULL, NULL, check_found_ages},
        {&cctns__v1__found_person_report__descriptor, "clothing", R_LINES, 3000,
         NULL, NULL, NULL},
        {&cctns__v1__found_person_report__descriptor, "circumstances", R_LINES,
         4000, NULL, NULL, NULL},
        {&cctns__v1__found_person_report__descriptor, "placed", R_REQ, 0, NULL,
         NULL, NULL},
        {&cctns__v1__found_person_report__descriptor, "placed_where", 0, 300,
         NULL, NULL, NULL},
        {&cctns__v1__found_person_report__descriptor, "officer", R_REQ, 0, NULL,
         NULL, NULL},
        {&cctns__v1__get_found_person__descriptor, "number", R_REQ, 20, NULL,
         NULL, NULL},
        {&cctns__v1__mark_found_traced__descriptor, "idempotency_key", 0, 0,
         NULL, NULL, check_idempotency_key},
        {&cctns__v1__mark_found_traced__descriptor, "number", R_REQ, 20, NULL,
         NULL, NULL},
        {&cctns__v1__mark_found_traced__descriptor, "traced_at", R_REQ, 64,
         rfc3339_valid, TIME_EXPECT, NULL},
        {&cctns__v1__mark_found_traced__descriptor, "handed_to", R_REQ, 300,
         NULL, NULL, NULL},
        {&cctns__v1__mark_found_traced__descriptor, "missing_number", 0, 20,
         NULL, NULL, NULL},
        {&cctns__v1__mark_found_traced__descriptor, "officer", R_REQ, 0, NULL,
         NULL, NULL},
        /* sealed: GetPublicFirCopy */
        {&cctns__v1__get_public_fir_copy__descriptor, "fir_number", R_REQ, 20,
         fir_number_valid, FIR_EXPECT, NULL},
};

static const rule default_rule = {NULL, NULL, 0,   DEFAULT_STR_MAX,
                                  NULL, NULL, NULL};

static const rule *rule_for(const ProtobufCMessageDescriptor *msg,
                            const char *field)
{
	for (size_t i = 0; i < ARRAY_LEN(rules); i++) {
		if (rules[i].msg == msg && strcmp(rules[i].field, field) == 0)
			return &rules[i];
	}
	return &default_rule;
}

/* ------------------------------------------------------------ checks */

static size_t utf8_chars(const char *s)
{
	size_t n = 0;

	for (; *s; s++) {
		if (((unsigned char)*s & 0xC0) != 0x80)
			n++;
	}
	return n;
}

/* Control characters: C0, DEL and C1 (U+0080..U+009F, 0xC2 0x80..0x9F). */
static int has_control(const char *s, int lines_ok)
{
	for (const unsigned char *p = (const unsigned char *)s; *p; p++) {
		if (lines_ok && (*p == '\n' || *p == '\t'))
			continue;
		if (*p < 0x20 || *p == 0x7f)
			return 1;
		if (*p == 0xC2 && p[1] >= 0x80 && p[1] <= 0x9F)
			return 1;
	}
	return 0;
}

/* trust: bidirectional embedding, override and isolate controls (U+202A..
 * U+202E, U+2066..U+2069) make a record read differently from what is
 * stored (a name or a section shown reversed): refused in every string. */
static int has_bidi_control(const char *s)
{
	for (const unsigned char *p = (const unsigned char *)s; *p; p++) {
		if (p[0] != 0xE2 || !p[1])
			continue;
		if ((p[1] == 0x80 && p[2] >= 0xAA && p[2] <= 0xAE) ||
		    (p[1] == 0x81 && p[2] >= 0xA6 && p[2] <= 0xA9))
			return 1;
	}
	return 0;
}

static int check_string(walk *w, const rule *r, const char *s)
{
	size_t bytes = strlen(s);

	if (!*s)
		return (r->flags & R_REQ) ? fail(w, "is required") : 0;
	if (!utf8_valid(s, bytes))
		return fail(w, "must be valid UTF-8 text");
	if (has_control(s, r->flags & R_LINES))
		return fail(w, (r->flags & R_LINES)
		                       ? "must not contain control characters "
		                         "other than line breaks and tabs"
		                       : "must be one line without control "
		                         "characters");
	if (has_bidi_control(s))
		return fail(w, "must not contain bidirectional override "
		               "characters (U+202A..U+202E, U+2066..U+2069)");
	if (r->flags & R_BYTES) {
		if (bytes > r->max)
			return fail(w, "must be at most %zu bytes, got %zu",
			            r->max, bytes);
	} else if (utf8_chars(s) > r->max) {
		return fail(w, "must be at most %zu characters, got %zu",
		            r->max, utf8_chars(s));
	}
	if (r->format && !r->format(s))
		return fail(w, "must be %s", r->expect);
	return 0;
}

/* "oral, written, telephonic, electronic" */
static void enum_choices(const ProtobufCEnumDescriptor *e, char *buf,
                         size_t bufsz)
{
	size_t o = 0;
	char name[64];

	buf[0] = '\0';
	for (unsigned i = 0; i < e->n_values && o < bufsz; i++) {
		if (e->values[i].value == 0 ||
		    !pbjson_enum_short(e, e->values[i].value, name,
		                       sizeof(name)))
			continue;
		int n = snprintf(buf + o, bufsz - o, "%s%s", o ? ", " : "",
		                 name);
		if (n < 0)
			break;
		o += (size_t)n;
	}
}

static int check_enum(walk *w, const rule *r, const ProtobufCEnumDescriptor *e,
                      int value)
{
	char choices[160];

	if (value == 0 && !(r->flags & R_REQ))
		return 0;
	if (value != 0 && protobuf_c_enum_descriptor_get_value(e, value))
		return 0;
	enum_choices(e, choices, sizeof(choices));
	if (value == 0)
		return fail(w, "is required: one of %s", choices);
	return fail(w, "unknown value %d: must be one of %s", value, choices);
}

static int check_message(walk *w, const ProtobufCMessageDescriptor *d,
                         const ProtobufCMessage *m);

/* One value of field f (an element when repeated) at p. */
static int check_value(walk *w, const rule *r,
                       const ProtobufCFieldDescriptor *f, const void *p)
{
	const ProtobufCMessage *sub;

	switch (f->type) {
	case PROTOBUF_C_TYPE_STRING:
		return check_string(w, r,
		                    *(char *const *)p ? *(char *const *)p : "");
	case PROTOBUF_C_TYPE_ENUM:
		return check_enum(w, r, f->descriptor, *(const int *)p);
	case PROTOBUF_C_TYPE_MESSAGE:
		sub = *(ProtobufCMessage *const *)p;
		if (!sub)
			return (r->flags & R_REQ) ? fail(w, "is required") : 0;
		return check_message(w, f->descriptor, sub);
	case PROTOBUF_C_TYPE_UINT32:
	case PROTOBUF_C_TYPE_INT32:
		if ((r->flags & R_REQ) && *(const uint32_t *)p == 0)
			return fail(w, "is required");
		return 0;
	default:
		return 0;
	}
}

static int check_repeated(walk *w, const rule *r,
                          const ProtobufCFieldDescriptor *f,
                          const ProtobufCMessage *m)
{
	size_t n = *(const size_t *)((const char *)m + f->quantifier_offset);
	const char *arr = *(char *const *)((const char *)m + f->offset);
	rule elem = *r;

	if ((r->flags & R_REQ) && n == 0)
		return fail(w, "needs at least one entry");
	if (r->max && n > r->max)
		return fail(w, "must have at most %zu entries, got %zu", r->max,
		            n);
	elem.flags &= ~(unsigned)R_REQ;
	if (f->type == PROTOBUF_C_TYPE_STRING)
		elem.max = DEFAULT_STR_MAX;
	for (size_t i = 0; i < n; i++) {
		size_t old = path_index(w, i);
		if (check_value(w, &elem, f,
		                arr + i * pbfield_elem_size(f->type)))
			return -1;
		path_pop(w, old);
	}
	return 0;
}

static int check_field(walk *w, const ProtobufCFieldDescriptor *f,
                       const ProtobufCMessage *m)
{
	const rule *r = rule_for(m->descriptor, f->name);
	const void *p = (const char *)m + f->offset;
	size_t old = path_push(w, f->name);
	int rc;

	if ((f->flags & PROTOBUF_C_FIELD_FLAG_ONEOF) &&
	    *(const uint32_t *)((const char *)m + f->quantifier_offset) !=
	            f->id)
		rc = 0;
	else if (f->label == PROTOBUF_C_LABEL_REPEATED)
		rc = check_repeated(w, r, f, m);
	else
		rc = check_value(w, r, f, p);
	if (rc)
		return rc;
	path_pop(w, old);
	return r->post ? r->post(w, m) : 0;
}

static int check_message(walk *w, const ProtobufCMessageDescriptor *d,
                         const ProtobufCMessage *m)
{
	for (unsigned i = 0; i < d->n_fields; i++) {
		if (check_field(w, &d->fields[i], m))
			return -1;
	}
	return 0;
}

int envelope_check_request(const Envelope *env, check_error *err)
{
	walk w = {.err = err};
	const ProtobufCFieldDescriptor *f;
	const ProtobufCMessage *body;

	err->code = CCTNS__V1__STATUS_CODE__STATUS_CODE_OK;
	err->field[0] = err->message[0] = '\0';
	if (env->request_id == 0)
		return check_fail(
		        err,
		        CCTNS__V1__STATUS_CODE__STATUS_CODE_INVALID_ARGUMENT,
		        "request_id", "must not be 0");
	f = body_field(env);
	if (!f)
		return check_fail(
		        err,
		        CCTNS__V1__STATUS_CODE__STATUS_CODE_INVALID_ARGUMENT,
		        "", "no request: the envelope has no body");
	if (!envelope_is_request(env))
		return check_fail(
		        err,
		        CCTNS__V1__STATUS_CODE__STATUS_CODE_INVALID_ARGUMENT,
		        "", "%s is not a request", f->name);
	body = *(ProtobufCMessage *const *)((const char *)env + f->offset);
	if (!body)
		return check_fail(
		        err,
		        CCTNS__V1__STATUS_CODE__STATUS_CODE_INVALID_ARGUMENT,
		        "", "empty %s", f->name);
	return check_message(&w, f->descriptor, body);
}

/* ------------------------------------------------------------ forms */

/* The checks of one field, or of a whole message, outside a request: the
 * terminal's forms check each answer as it is given (see envelope.h). */

int envelope_check_field(const ProtobufCMessage *m, const char *field,
                         check_error *err)
{
	walk w = {.err = err};
	const ProtobufCFieldDescriptor *f =
	        protobuf_c_message_descriptor_get_field_by_name(m->descriptor,
	                                                        field);

	err->code = CCTNS__V1__STATUS_CODE__STATUS_CODE_OK;
	err->field[0] = err->message[0] = '\0';
	if (!f)
		return check_fail(
		        err,
		        CCTNS__V1__STATUS_CODE__STATUS_CODE_INVALID_ARGUMENT,
		        field, "no such field in %s", m->descriptor->name);
	return check_field(&w, f, m);
}

int envelope_check_message(const ProtobufCMessage *m, check_error *err)
{
	walk w = {.err = err};

	err->code = CCTNS__V1__STATUS_CODE__STATUS_CODE_OK;
	err->field[0] = err->message[0] = '\0';
	return check_message(&w, m->descriptor, m);
}

void envelope_field_info(const ProtobufCMessageDescriptor *msg,
                         const char *field, field_rule_info *out)
{
	const rule *r = rule_for(msg, field);

	memset(out, 0, sizeof(*out));
	out->required = (r->flags & R_REQ) != 0;
	out->lines = (r->flags & R_LINES) != 0;
	out->bytes = (r->flags & R_BYTES) != 0;
	out->max = r->max;
	out->expect = r->expect;
	out->is_time = r->format == rfc3339_valid;
	out->is_date = r->format == date_valid;
}
