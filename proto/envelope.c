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
        CCTNS__V1__ENVELOPE__BODY_REGISTER_FIR,
        CCTNS__V1__ENVELOPE__BODY_GET_FIR,
        CCTNS__V1__ENVELOPE__BODY_ADD_GD_ENTRY,
        CCTNS__V1__ENVELOPE__BODY_GET_GD,
        CCTNS__V1__ENVELOPE__BODY_ASSIGN_IO,
        CCTNS__V1__ENVELOPE__BODY_GET_CASE_TIMELINE,
        CCTNS__V1__ENVELOPE__BODY_REGISTER_ARREST,
        CCTNS__V1__ENVELOPE__BODY_GET_ARREST,
        /* persons helper: persons, photos, crime details */
        CCTNS__V1__ENVELOPE__BODY_GET_PERSON,
        CCTNS__V1__ENVELOPE__BODY_UPDATE_PERSON,
        CCTNS__V1__ENVELOPE__BODY_ADD_PERSON_PHOTO,
        CCTNS__V1__ENVELOPE__BODY_GET_PERSON_PHOTO,
        CCTNS__V1__ENVELOPE__BODY_RECORD_CRIME_DETAILS,
        CCTNS__V1__ENVELOPE__BODY_GET_CRIME_DETAILS,
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

static const rule rules[] = {
        /* Hello */
        {&cctns__v1__hello__descriptor, "protocol_version", R_REQ, 0, NULL,
         NULL, NULL},
        {&cctns__v1__hello__descriptor, "software", 0, 100, NULL, NULL, NULL},
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
