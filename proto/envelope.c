/* envelope.c: Envelope encode/decode and the checks every request passes
 * before dispatch. The checks walk the message descriptors generically (every
 * string: UTF-8, no control characters, a length limit; every enum: a known
 * value; every sub-message: recursively) and a rule table adds what is
 * particular to a field: required, limits, formats, and cross-field rules.
 * Field paths in errors are relative to the request body, e.g.
 * "fir.charges[0].section". */
#include "envelope.h"

#include <pthread.h>
#include <stdarg.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>

#include "envelope_int.h"
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

/* Append ".name" (or "name" at the root) or "[i]"; returns the old length
 * for walk_pop. */
size_t walk_push(walk *w, const char *name)
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

size_t walk_index(walk *w, size_t i)
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

void walk_pop(walk *w, size_t old)
{
	w->len = old;
	w->path[old] = '\0';
}

int walk_fail(walk *w, const char *fmt, ...)
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
int walk_fail_at(walk *w, const char *rel, const char *msg)
{
	walk_push(w, rel);
	return walk_fail(w, "%s", msg);
}

static const rule default_rule = {NULL, NULL, 0,   DEFAULT_STR_MAX,
                                  NULL, NULL, NULL};

/* rule_for: the rule table indexed by a hash of (descriptor, field name),
 * built once (reg, issue 7: a request checks every field of its message tree;
 * a scan of the whole table per field was about 7 % of a worker's profile
 * under registrations). Open addressing, linear probing; rules are inserted in
 * table order, so a probe meets the first of two rules for one field first,
 * as the scan did. A table too big for the slots is scanned as before. */
#define RULE_SLOTS 2048 /* a power of two */

static uint16_t rule_slot[RULE_SLOTS]; /* rule index + 1; 0: empty */
static int rule_indexed;
static pthread_once_t rule_once = PTHREAD_ONCE_INIT;

static size_t rule_hash(const ProtobufCMessageDescriptor *msg,
                        const char *field)
{
	uint64_t h = (uint64_t)(uintptr_t)msg * 0x9E3779B97F4A7C15u;

	for (const unsigned char *p = (const unsigned char *)field; *p; p++)
		h = (h ^ *p) * 0x100000001B3u; /* FNV-1a step */
	return (size_t)(h ^ (h >> 29)) & (RULE_SLOTS - 1);
}

static void rule_index_build(void)
{
	if (envelope_nrules > RULE_SLOTS / 2 || envelope_nrules >= UINT16_MAX)
		return;
	for (size_t i = 0; i < envelope_nrules; i++) {
		size_t s = rule_hash(envelope_rules[i].msg,
		                     envelope_rules[i].field);

		while (rule_slot[s])
			s = (s + 1) & (RULE_SLOTS - 1);
		rule_slot[s] = (uint16_t)(i + 1);
	}
	rule_indexed = 1;
}

static const rule *rule_for(const ProtobufCMessageDescriptor *msg,
                            const char *field)
{
	(void)pthread_once(&rule_once, rule_index_build);
	if (!rule_indexed) {
		for (size_t i = 0; i < envelope_nrules; i++) {
			if (envelope_rules[i].msg == msg &&
			    strcmp(envelope_rules[i].field, field) == 0)
				return &envelope_rules[i];
		}
		return &default_rule;
	}
	for (size_t s = rule_hash(msg, field); rule_slot[s];
	     s = (s + 1) & (RULE_SLOTS - 1)) {
		const rule *r = &envelope_rules[rule_slot[s] - 1];

		if (r->msg == msg && strcmp(r->field, field) == 0)
			return r;
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
		return (r->flags & R_REQ) ? walk_fail(w, "is required") : 0;
	if (!utf8_valid(s, bytes))
		return walk_fail(w, "must be valid UTF-8 text");
	if (has_control(s, r->flags & R_LINES))
		return walk_fail(
		        w, (r->flags & R_LINES)
		                   ? "must not contain control characters "
		                     "other than line breaks and tabs"
		                   : "must be one line without control "
		                     "characters");
	if (has_bidi_control(s))
		return walk_fail(w,
		                 "must not contain bidirectional override "
		                 "characters (U+202A..U+202E, U+2066..U+2069)");
	if (r->flags & R_BYTES) {
		if (bytes > r->max)
			return walk_fail(w,
			                 "must be at most %zu bytes, got %zu",
			                 r->max, bytes);
	} else if (utf8_chars(s) > r->max) {
		return walk_fail(w, "must be at most %zu characters, got %zu",
		                 r->max, utf8_chars(s));
	}
	if (r->format && !r->format(s))
		return walk_fail(w, "must be %s", r->expect);
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
		return walk_fail(w, "is required: one of %s", choices);
	return walk_fail(w, "unknown value %d: must be one of %s", value,
	                 choices);
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
			return (r->flags & R_REQ) ? walk_fail(w, "is required")
			                          : 0;
		return check_message(w, f->descriptor, sub);
	case PROTOBUF_C_TYPE_UINT32:
	case PROTOBUF_C_TYPE_INT32:
		if ((r->flags & R_REQ) && *(const uint32_t *)p == 0)
			return walk_fail(w, "is required");
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
		return walk_fail(w, "needs at least one entry");
	if (r->max && n > r->max)
		return walk_fail(w, "must have at most %zu entries, got %zu",
		                 r->max, n);
	elem.flags &= ~(unsigned)R_REQ;
	if (f->type == PROTOBUF_C_TYPE_STRING)
		elem.max = DEFAULT_STR_MAX;
	for (size_t i = 0; i < n; i++) {
		size_t old = walk_index(w, i);
		if (check_value(w, &elem, f,
		                arr + i * pbfield_elem_size(f->type)))
			return -1;
		walk_pop(w, old);
	}
	return 0;
}

static int check_field(walk *w, const ProtobufCFieldDescriptor *f,
                       const ProtobufCMessage *m)
{
	const rule *r = rule_for(m->descriptor, f->name);
	const void *p = (const char *)m + f->offset;
	size_t old = walk_push(w, f->name);
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
	walk_pop(w, old);
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
