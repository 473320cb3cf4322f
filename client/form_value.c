/* form_value.c: one field of a message, read and written as text by its
 * descriptor (strings, numbers, bools, enums; sub-messages and the entries
 * of repeated fields added and removed), and the times and dates of the
 * forms: typed the way a station writes them, stored as RFC 3339 in IST. */
#include "form_int.h"

#include <ctype.h>
#include <errno.h>
#include <inttypes.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <time.h>

#include "pbfield.h"
#include "pbjson.h"
#include "timefmt.h"
#include "util.h"

#define IST_OFFSET_S (5 * 3600 + 30 * 60)

/* ------------------------------------------------------------ slots */

static int is_repeated(const ProtobufCFieldDescriptor *f)
{
	return f->label == PROTOBUF_C_LABEL_REPEATED;
}

static size_t *count_slot(const ProtobufCMessage *m,
                          const ProtobufCFieldDescriptor *f)
{
	return (size_t *)((char *)m + f->quantifier_offset);
}

/* The has_ flag of a proto3 optional scalar, or the case of a oneof. */
static uint32_t *quantifier(const ProtobufCMessage *m,
                            const ProtobufCFieldDescriptor *f)
{
	if (f->flags & PROTOBUF_C_FIELD_FLAG_ONEOF)
		return (uint32_t *)((char *)m + f->quantifier_offset);
	return NULL;
}

static protobuf_c_boolean *has_flag(const ProtobufCMessage *m,
                                    const ProtobufCFieldDescriptor *f)
{
	if (f->label != PROTOBUF_C_LABEL_OPTIONAL ||
	    (f->flags & PROTOBUF_C_FIELD_FLAG_ONEOF) ||
	    f->type == PROTOBUF_C_TYPE_STRING ||
	    f->type == PROTOBUF_C_TYPE_MESSAGE)
		return NULL;
	return (protobuf_c_boolean *)((char *)m + f->quantifier_offset);
}

static void *slot(const fv_ref *r)
{
	char *base = (char *)r->m + r->f->offset;

	if (r->elem)
		return *(char **)base + r->i * pbfield_elem_size(r->f->type);
	return base;
}

size_t fv_count(const ProtobufCMessage *m, const ProtobufCFieldDescriptor *f)
{
	return is_repeated(f) ? *count_slot(m, f) : 0;
}

static int all_zero(const void *p, size_t n)
{
	const unsigned char *b = p;

	for (size_t i = 0; i < n; i++)
		if (b[i])
			return 0;
	return 1;
}

int fv_present(const ProtobufCMessage *m, const ProtobufCFieldDescriptor *f)
{
	const fv_ref r = {(ProtobufCMessage *)m, f, 0, 0};
	const uint32_t *q = quantifier(m, f);
	const protobuf_c_boolean *has = has_flag(m, f);
	const void *p;

	if (is_repeated(f))
		return fv_count(m, f) > 0;
	if (q && *q != f->id)
		return 0;
	if (has)
		return *has != 0;
	p = slot(&r);
	switch (f->type) {
	case PROTOBUF_C_TYPE_STRING:
		return *(char *const *)p && **(char *const *)p;
	case PROTOBUF_C_TYPE_MESSAGE:
		return *(void *const *)p != NULL;
	case PROTOBUF_C_TYPE_BYTES:
		return ((const ProtobufCBinaryData *)p)->len > 0;
	default:
		return !all_zero(p, pbfield_elem_size(f->type));
	}
}

/* ------------------------------------------------------------ messages */

static ProtobufCMessage *new_message(const ProtobufCMessageDescriptor *d)
{
	ProtobufCMessage *m = xmalloc(d->sizeof_message);

	protobuf_c_message_init(d, m);
	return m;
}

ProtobufCMessage *fv_message(const fv_ref *r)
{
	const uint32_t *q = quantifier(r->m, r->f);

	if (r->f->type != PROTOBUF_C_TYPE_MESSAGE || (q && *q != r->f->id))
		return NULL;
	return *(ProtobufCMessage **)slot(r);
}

/* The member of f's oneof that is set now, or NULL. */
static const ProtobufCFieldDescriptor *
oneof_member(const ProtobufCMessage *m, const ProtobufCFieldDescriptor *f,
             uint32_t which)
{
	const ProtobufCMessageDescriptor *d = m->descriptor;

	for (unsigned k = 0; k < d->n_fields; k++)
		if ((d->fields[k].flags & PROTOBUF_C_FIELD_FLAG_ONEOF) &&
		    d->fields[k].quantifier_offset == f->quantifier_offset &&
		    d->fields[k].id == which)
			return &d->fields[k];
	return NULL;
}

/* Free what the pointer raw holds as a value of type t. */
static void free_value(ProtobufCType t, const void *raw)
{
	if (t == PROTOBUF_C_TYPE_STRING) {
		char *s = *(char *const *)raw;
		if (s && s != protobuf_c_empty_string)
			free(s);
	} else if (t == PROTOBUF_C_TYPE_MESSAGE) {
		ProtobufCMessage *sub = *(ProtobufCMessage *const *)raw;
		if (sub)
			protobuf_c_message_free_unpacked(sub, NULL);
	} else if (t == PROTOBUF_C_TYPE_BYTES) {
		free(((const ProtobufCBinaryData *)raw)->data);
	}
}

/* Before setting a oneof member: free the member set now, if another. */
static void oneof_take(ProtobufCMessage *m, const ProtobufCFieldDescriptor *f)
{
	uint32_t *q = quantifier(m, f);
	const ProtobufCFieldDescriptor *old;

	if (!q)
		return;
	old = *q && *q != f->id ? oneof_member(m, f, *q) : NULL;
	if (old) {
		free_value(old->type, (char *)m + old->offset);
		memset((char *)m + old->offset, 0,
		       pbfield_elem_size(old->type));
	}
	*q = f->id;
}

ProtobufCMessage *fv_add_message(ProtobufCMessage *m,
                                 const ProtobufCFieldDescriptor *f)
{
	ProtobufCMessage **p = (ProtobufCMessage **)((char *)m + f->offset);

	oneof_take(m, f);
	if (!*p)
		*p = new_message(f->descriptor);
	return *p;
}

void fv_drop_message(ProtobufCMessage *m, const ProtobufCFieldDescriptor *f)
{
	ProtobufCMessage **p = (ProtobufCMessage **)((char *)m + f->offset);
	uint32_t *q = quantifier(m, f);

	if (q && *q != f->id)
		return;
	if (*p)
		protobuf_c_message_free_unpacked(*p, NULL);
	*p = NULL;
	if (q)
		*q = 0;
}

void fv_append(ProtobufCMessage *m, const ProtobufCFieldDescriptor *f)
{
	size_t n = *count_slot(m, f), sz = pbfield_elem_size(f->type);
	char **arr = (char **)((char *)m + f->offset);
	char *elem;

	*arr = xrealloc(*arr, (n + 1) * sz);
	elem = *arr + n * sz;
	memset(elem, 0, sz);
	if (f->type == PROTOBUF_C_TYPE_MESSAGE)
		*(ProtobufCMessage **)elem = new_message(f->descriptor);
	else if (f->type == PROTOBUF_C_TYPE_STRING)
		*(char **)elem = xstrdup("");
	*count_slot(m, f) = n + 1;
}

void fv_remove_last(ProtobufCMessage *m, const ProtobufCFieldDescriptor *f)
{
	size_t n = *count_slot(m, f), sz = pbfield_elem_size(f->type);
	char **arr = (char **)((char *)m + f->offset);

	if (n == 0)
		return;
	free_value(f->type, *arr + (n - 1) * sz);
	*count_slot(m, f) = n - 1;
	if (n == 1) {
		free(*arr);
		*arr = NULL;
	}
}

/* ------------------------------------------------------------ scalars */

void fv_text(const fv_ref *r, char *buf, size_t bufsz)
{
	const void *p;
	char name[64];

	buf[0] = '\0';
	if (!r->elem && !fv_present(r->m, r->f))
		return;
	p = slot(r);
	switch (r->f->type) {
	case PROTOBUF_C_TYPE_STRING:
		snprintf(buf, bufsz, "%s",
		         *(char *const *)p ? *(char *const *)p : "");
		break;
	case PROTOBUF_C_TYPE_ENUM:
		if (pbjson_enum_short(r->f->descriptor, *(const int *)p, name,
		                      sizeof(name)))
			snprintf(buf, bufsz, "%s", name);
		else
			snprintf(buf, bufsz, "%d", *(const int *)p);
		break;
	case PROTOBUF_C_TYPE_BOOL:
		snprintf(buf, bufsz, "%s",
		         *(const protobuf_c_boolean *)p ? "yes" : "");
		break;
	case PROTOBUF_C_TYPE_INT32:
	case PROTOBUF_C_TYPE_SINT32:
	case PROTOBUF_C_TYPE_SFIXED32:
		snprintf(buf, bufsz, "%" PRId32, *(const int32_t *)p);
		break;
	case PROTOBUF_C_TYPE_UINT32:
	case PROTOBUF_C_TYPE_FIXED32:
		snprintf(buf, bufsz, "%" PRIu32, *(const uint32_t *)p);
		break;
	case PROTOBUF_C_TYPE_INT64:
	case PROTOBUF_C_TYPE_SINT64:
	case PROTOBUF_C_TYPE_SFIXED64:
		snprintf(buf, bufsz, "%" PRId64, *(const int64_t *)p);
		break;
	case PROTOBUF_C_TYPE_UINT64:
	case PROTOBUF_C_TYPE_FIXED64:
		snprintf(buf, bufsz, "%" PRIu64, *(const uint64_t *)p);
		break;
	case PROTOBUF_C_TYPE_FLOAT:
		snprintf(buf, bufsz, "%g", (double)*(const float *)p);
		break;
	case PROTOBUF_C_TYPE_DOUBLE:
		snprintf(buf, bufsz, "%g", *(const double *)p);
		break;
	default:
		break;
	}
	if (r->f->type != PROTOBUF_C_TYPE_STRING &&
	    r->f->type != PROTOBUF_C_TYPE_ENUM && strcmp(buf, "0") == 0)
		buf[0] = '\0';
}

static int allowed_name(const char *const *allowed, const char *name)
{
	for (size_t i = 0; allowed && allowed[i]; i++)
		if (strcmp(allowed[i], name) == 0)
			return 1;
	return !allowed;
}

size_t fv_enum_choices(const ProtobufCEnumDescriptor *e,
                       const char *const *allowed,
                       const ProtobufCEnumValue **out, size_t max)
{
	size_t n = 0;
	char name[64];

	for (unsigned i = 0; i < e->n_values && n < max; i++) {
		const ProtobufCEnumValue *v = &e->values[i];

		if (v->value == 0 ||
		    !pbjson_enum_short(e, v->value, name, sizeof(name)) ||
		    !allowed_name(allowed, name))
			continue;
		out[n++] = v;
	}
	return n;
}

/* An enum by number in the list, short name, full name or a prefix of one
 * short name only. */
static int parse_enum(const ProtobufCFieldDescriptor *f, const char *text,
                      const char *const *allowed, int *value, char *why,
                      size_t whysz)
{
	const ProtobufCEnumValue *v[64];
	size_t n = fv_enum_choices(f->descriptor, allowed, v, 64), hits = 0;
	char name[64], *end;
	long k = strtol(text, &end, 10);

	if (*text && *end == '\0') {
		if (k >= 1 && (size_t)k <= n) {
			*value = v[k - 1]->value;
			return 0;
		}
		snprintf(why, whysz, "choose a number from 1 to %zu", n);
		return -1;
	}
	for (size_t i = 0; i < n; i++) {
		pbjson_enum_short(f->descriptor, v[i]->value, name,
		                  sizeof(name));
		if (strcasecmp(name, text) == 0 ||
		    strcasecmp(v[i]->name, text) == 0) {
			*value = v[i]->value;
			return 0;
		}
		if (strncasecmp(name, text, strlen(text)) == 0) {
			*value = v[i]->value;
			hits++;
		}
	}
	if (hits == 1)
		return 0;
	snprintf(why, whysz, "%s: choose by number or name from the list",
	         hits ? "more than one choice starts like that"
	              : "not one of the choices");
	return -1;
}

static int parse_bool(const char *text, protobuf_c_boolean *b)
{
	static const char *const yes[] = {"y", "yes", "true", "1"};
	static const char *const no[] = {"n", "no", "false", "0"};

	for (size_t i = 0; i < ARRAY_LEN(yes); i++) {
		if (strcasecmp(text, yes[i]) == 0) {
			*b = 1;
			return 0;
		}
		if (strcasecmp(text, no[i]) == 0) {
			*b = 0;
			return 0;
		}
	}
	return -1;
}

/* A whole number; commas and spaces between digits are ignored (Indian
 * grouping: 1,23,456). */
static int parse_whole(const char *text, int is_signed, int64_t lo, uint64_t hi,
                       uint64_t *mag, int *neg, char *why, size_t whysz)
{
	char digits[32];
	size_t n = 0;
	const char *p = text;
	char *end;

	*neg = *p == '-';
	if (*p == '-' || *p == '+')
		p++;
	for (; *p && n + 1 < sizeof(digits); p++) {
		if (isdigit((unsigned char)*p))
			digits[n++] = *p;
		else if (!(*p == ',' && n > 0))
			break;
	}
	digits[n] = '\0';
	if (n == 0 || *p) {
		snprintf(why, whysz, "must be a whole number, like 1200");
		return -1;
	}
	errno = 0;
	*mag = strtoull(digits, &end, 10);
	if (*neg && (!is_signed || *mag > (uint64_t) - (lo + 1) + 1)) {
		snprintf(why, whysz,
		         is_signed ? "is too small"
		                   : "must not be "
		                     "negative");
		return -1;
	}
	if (errno || (!*neg && *mag > hi)) {
		snprintf(why, whysz, "must be at most %" PRIu64, hi);
		return -1;
	}
	return 0;
}

static int set_number(const fv_ref *r, const char *text, char *why,
                      size_t whysz)
{
	void *p = slot(r);
	uint64_t mag;
	int neg;
	ProtobufCType t = r->f->type;
	int is64 = pbfield_elem_size(t) == 8;
	int sgn = t == PROTOBUF_C_TYPE_INT32 || t == PROTOBUF_C_TYPE_SINT32 ||
	          t == PROTOBUF_C_TYPE_SFIXED32 || t == PROTOBUF_C_TYPE_INT64 ||
	          t == PROTOBUF_C_TYPE_SINT64 || t == PROTOBUF_C_TYPE_SFIXED64;
	uint64_t hi = is64 ? (sgn ? INT64_MAX : UINT64_MAX)
	                   : (sgn ? INT32_MAX : UINT32_MAX);
	int64_t lo = is64 ? INT64_MIN : INT32_MIN;

	if (parse_whole(text, sgn, lo, hi, &mag, &neg, why, whysz) < 0)
		return -1;
	if (is64 && sgn)
		*(int64_t *)p = neg ? -(int64_t)(mag - 1) - 1 : (int64_t)mag;
	else if (is64)
		*(uint64_t *)p = mag;
	else if (sgn)
		*(int32_t *)p = neg ? -(int32_t)(mag - 1) - 1 : (int32_t)mag;
	else
		*(uint32_t *)p = (uint32_t)mag;
	return 0;
}

static int set_real(const fv_ref *r, const char *text, char *why, size_t whysz)
{
	char *end;
	double d = strtod(text, &end);

	if (!*text || *end) {
		snprintf(why, whysz, "must be a number, like 12.5");
		return -1;
	}
	if (r->f->type == PROTOBUF_C_TYPE_FLOAT)
		*(float *)slot(r) = (float)d;
	else
		*(double *)slot(r) = d;
	return 0;
}

static void mark_set(const fv_ref *r)
{
	protobuf_c_boolean *has;

	if (r->elem)
		return;
	oneof_take(r->m, r->f);
	has = has_flag(r->m, r->f);
	if (has)
		*has = 1;
}

void fv_save(const fv_ref *r, fv_saved *s)
{
	const uint32_t *q = r->elem ? NULL : quantifier(r->m, r->f);
	const protobuf_c_boolean *has = r->elem ? NULL : has_flag(r->m, r->f);

	memset(s, 0, sizeof(*s));
	memcpy(s->raw, slot(r), pbfield_elem_size(r->f->type));
	s->quantifier = q ? *q : has ? (uint32_t)*has : 0;
}

int fv_set_text(const fv_ref *r, const char *text, const char *const *allowed,
                char *why, size_t whysz)
{
	int rc = 0, e;
	protobuf_c_boolean b;

	switch (r->f->type) {
	case PROTOBUF_C_TYPE_STRING:
		*(char **)slot(r) = xstrdup(text);
		break;
	case PROTOBUF_C_TYPE_ENUM:
		rc = parse_enum(r->f, text, allowed, &e, why, whysz);
		if (rc == 0)
			*(int *)slot(r) = e;
		break;
	case PROTOBUF_C_TYPE_BOOL:
		rc = parse_bool(text, &b);
		if (rc == 0)
			*(protobuf_c_boolean *)slot(r) = b;
		else
			snprintf(why, whysz, "answer y or n");
		break;
	case PROTOBUF_C_TYPE_FLOAT:
	case PROTOBUF_C_TYPE_DOUBLE:
		rc = set_real(r, text, why, whysz);
		break;
	case PROTOBUF_C_TYPE_MESSAGE:
	case PROTOBUF_C_TYPE_BYTES:
		snprintf(why, whysz, "cannot be typed in");
		rc = -1;
		break;
	default:
		rc = set_number(r, text, why, whysz);
		break;
	}
	if (rc == 0)
		mark_set(r);
	return rc;
}

void fv_clear(const fv_ref *r)
{
	void *p = slot(r);
	uint32_t *q = r->elem ? NULL : quantifier(r->m, r->f);
	protobuf_c_boolean *has = r->elem ? NULL : has_flag(r->m, r->f);

	if (r->f->type == PROTOBUF_C_TYPE_STRING)
		/* An entry of a repeated field is always freed: never the
		 * shared empty string. */
		*(char **)p =
		        r->elem ? xstrdup("") : (char *)protobuf_c_empty_string;
	else
		memset(p, 0, pbfield_elem_size(r->f->type));
	if (q && *q == r->f->id)
		*q = 0;
	if (has)
		*has = 0;
}

/* The type of the value saved in s: f's, or the oneof member's set then. */
static ProtobufCType saved_type(const fv_ref *r, const fv_saved *s)
{
	const ProtobufCFieldDescriptor *old;

	if (r->elem || !quantifier(r->m, r->f))
		return r->f->type;
	old = s->quantifier ? oneof_member(r->m, r->f, s->quantifier) : NULL;
	return old ? old->type : PROTOBUF_C_TYPE_INT32;
}

void fv_commit(const fv_ref *r, const fv_saved *s)
{
	ProtobufCType t = saved_type(r, s);

	if ((t == PROTOBUF_C_TYPE_STRING || t == PROTOBUF_C_TYPE_MESSAGE) &&
	    *(void *const *)s->raw != *(void **)slot(r))
		free_value(t, s->raw);
}

void fv_restore(const fv_ref *r, const fv_saved *s)
{
	uint32_t *q = r->elem ? NULL : quantifier(r->m, r->f);
	protobuf_c_boolean *has = r->elem ? NULL : has_flag(r->m, r->f);
	void *p = slot(r);

	if (r->f->type == PROTOBUF_C_TYPE_STRING &&
	    *(void **)p != *(void *const *)s->raw)
		free_value(PROTOBUF_C_TYPE_STRING, p);
	memcpy(p, s->raw, pbfield_elem_size(r->f->type));
	if (q)
		*q = s->quantifier;
	if (has)
		*has = (protobuf_c_boolean)s->quantifier;
}

/* ------------------------------------------------------------ times */

/* Days since 1970-01-01 of a civil date (proleptic Gregorian). */
static int64_t days_from_civil(int64_t y, int m, int d)
{
	int64_t era, yoe, doy, doe;

	y -= m <= 2;
	era = (y >= 0 ? y : y - 399) / 400;
	yoe = y - era * 400;
	doy = (153 * (m + (m > 2 ? -3 : 9)) + 2) / 5 + d - 1;
	doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
	return era * 146097 + doe - 719468;
}

static int num(const char *s, size_t n)
{
	int v = 0;

	for (size_t i = 0; i < n; i++)
		v = v * 10 + (s[i] - '0');
	return v;
}

int64_t fv_time_epoch(const char *t)
{
	int64_t days = days_from_civil(num(t, 4), num(t + 5, 2), num(t + 8, 2));
	int64_t secs = days * 86400 + num(t + 11, 2) * 3600 +
	               num(t + 14, 2) * 60 + num(t + 17, 2);
	const char *z = t + 19;

	while (*z == '.' || isdigit((unsigned char)*z))
		z++;
	if (*z == '+' || *z == '-') {
		int off = num(z + 1, 2) * 3600 + num(z + 4, 2) * 60;
		secs += *z == '+' ? -off : off;
	}
	return secs;
}

void fv_now_text(int64_t now, char *buf, size_t bufsz)
{
	time_t t = (time_t)(now + IST_OFFSET_S);
	struct tm tm;

	gmtime_r(&t, &tm);
	snprintf(buf, bufsz, "%04d-%02d-%02dT%02d:%02d:%02d+05:30",
	         tm.tm_year + 1900, tm.tm_mon + 1, tm.tm_mday, tm.tm_hour,
	         tm.tm_min, tm.tm_sec);
}

void fv_time_words(const char *t, char *buf, size_t bufsz)
{
	size_t n = strlen(t);

	if (rfc3339_valid(t) && n >= 25 && strcmp(t + n - 6, "+05:30") == 0)
		snprintf(buf, bufsz, "%.2s/%.2s/%.4s %.5s", t + 8, t + 5, t,
		         t + 11);
	else
		snprintf(buf, bufsz, "%s", t);
}

/* The IST date days_ago days before now. */
static void ist_day(int64_t now, int days_ago, int *y, int *m, int *d)
{
	time_t t = (time_t)(now + IST_OFFSET_S - (int64_t)days_ago * 86400);
	struct tm tm;

	gmtime_r(&t, &tm);
	*y = tm.tm_year + 1900;
	*m = tm.tm_mon + 1;
	*d = tm.tm_mday;
}

/* Up to max digits at *s into *v; advances *s. Returns the count. */
static size_t take_digits(const char **s, size_t max, int *v)
{
	size_t n = 0;

	*v = 0;
	while (n < max && isdigit((unsigned char)(*s)[n]))
		*v = *v * 10 + ((*s)[n++] - '0');
	*s += n;
	return n;
}

/* A day: today, yesterday, D/M/YYYY, D-M-YYYY, YYYY-M-D. Advances *s. */
static int take_day(const char **s, int64_t now, int *y, int *m, int *d)
{
	const char *p = *s;
	int a, b, c;
	char sep;

	if (strncasecmp(p, "today", 5) == 0 ||
	    strncasecmp(p, "yesterday", 9) == 0) {
		int ago = tolower((unsigned char)*p) == 'y';
		ist_day(now, ago, y, m, d);
		*s = p + (ago ? 9 : 5);
		return 0;
	}
	if (take_digits(&p, 4, &a) == 4 && *p == '-') {
		p++;
		if (!take_digits(&p, 2, &b) || *p++ != '-' ||
		    !take_digits(&p, 2, &c))
			return -1;
		*y = a, *m = b, *d = c;
	} else {
		p = *s;
		if (!take_digits(&p, 2, &a) || (*p != '/' && *p != '-'))
			return -1;
		sep = *p++;
		if (!take_digits(&p, 2, &b) || *p++ != sep ||
		    take_digits(&p, 4, &c) != 4)
			return -1;
		*y = c, *m = b, *d = a;
	}
	*s = p;
	return 0;
}

/* HH:MM or HH:MM:SS. Advances *s. */
static int take_clock(const char **s, int *h, int *mi, int *sec)
{
	const char *p = *s;

	if (!take_digits(&p, 2, h) || *p++ != ':' ||
	    take_digits(&p, 2, mi) != 2)
		return -1;
	*sec = 0;
	if (*p == ':' && (p++, take_digits(&p, 2, sec) != 2))
		return -1;
	*s = p;
	return 0;
}

#define TIME_HOW "write it like 29/11/2026 10:30 (or now, today 10:30)"
#define DATE_HOW "write it like 29/11/2026 (or today, yesterday)"

int form_parse_time(const char *in, int64_t now, char *out, size_t outsz,
                    char *why, size_t whysz)
{
	const char *p = in;
	int y, m, d, h, mi, sec;

	if (strcasecmp(in, "now") == 0) {
		fv_now_text(now, out, outsz);
		return 0;
	}
	if (rfc3339_valid(in)) {
		snprintf(out, outsz, "%s", in);
		return 0;
	}
	if (take_day(&p, now, &y, &m, &d) < 0 ||
	    (*p != ' ' && *p != 'T' && *p != '\0')) {
		snprintf(why, whysz, "is not a time: %s", TIME_HOW);
		return -1;
	}
	while (*p == ' ' || *p == 'T')
		p++;
	if (*p == '\0') {
		snprintf(why, whysz, "needs the time of day too: %s", TIME_HOW);
		return -1;
	}
	if (take_clock(&p, &h, &mi, &sec) < 0 || *p) {
		snprintf(why, whysz, "is not a time: %s", TIME_HOW);
		return -1;
	}
	snprintf(out, outsz, "%04d-%02d-%02dT%02d:%02d:%02d+05:30", y, m, d, h,
	         mi, sec);
	if (!rfc3339_valid(out)) {
		snprintf(why, whysz,
		         "is not a time of the calendar (day, month, hour "
		         "00-23, minute 00-59)");
		return -1;
	}
	return 0;
}

int form_parse_date(const char *in, int64_t now, char *out, size_t outsz,
                    char *why, size_t whysz)
{
	const char *p = in;
	int y, m, d;

	if (take_day(&p, now, &y, &m, &d) < 0 || *p) {
		snprintf(why, whysz, "is not a date: %s", DATE_HOW);
		return -1;
	}
	snprintf(out, outsz, "%04d-%02d-%02d", y, m, d);
	if (!date_valid(out)) {
		snprintf(why, whysz, "is not a day of the calendar");
		return -1;
	}
	return 0;
}
