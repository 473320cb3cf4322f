/* import_line.c (issue 7): checks one JSON line of a legacy FIR import
 * (docs/IMPORT.md) with json-c and writes its COPY text rows (see
 * import_line.h). What only the database knows (the station, sections in
 * ref.section, the order of dates, duplicates) is core.import_batch's. */
#include "import_line.h"
#include "timefmt.h"

#include <limits.h>
#include <openssl/sha.h>
#include <stdarg.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <json-c/json.h>

#include "util.h"

#define MAX_PERSONS  100
#define MAX_SECTIONS 50

struct imp_parser {
	struct json_tokener *tok;
};

void imp_buf_put(struct imp_buf *b, const char *s, size_t n)
{
	if (b->len + n + 1 > b->cap) {
		size_t cap = b->cap ? b->cap : 65536;
		while (cap < b->len + n + 1)
			cap *= 2;
		b->p = xrealloc(b->p, cap);
		b->cap = cap;
	}
	memcpy(b->p + b->len, s, n);
	b->len += n;
	b->p[b->len] = '\0';
}

void imp_buf_free(struct imp_buf *b)
{
	free(b->p);
	memset(b, 0, sizeof(*b));
}

/* A COPY text field: backslash, tab, newline and carriage return escaped;
 * NULL as \N. Callers have refused NUL bytes. */
static void put_field(struct imp_buf *b, const char *s, int first)
{
	const char *run;

	if (!first)
		imp_buf_put(b, "\t", 1);
	if (!s) {
		imp_buf_put(b, "\\N", 2);
		return;
	}
	run = s;
	for (; *s; s++) {
		const char *esc = NULL;
		switch (*s) {
		case '\\':
			esc = "\\\\";
			break;
		case '\t':
			esc = "\\t";
			break;
		case '\n':
			esc = "\\n";
			break;
		case '\r':
			esc = "\\r";
			break;
		default:
			continue;
		}
		imp_buf_put(b, run, (size_t)(s - run));
		imp_buf_put(b, esc, 2);
		run = s + 1;
	}
	imp_buf_put(b, run, (size_t)(s - run));
}

static void put_int(struct imp_buf *b, long long v, int first)
{
	char n[24];

	snprintf(n, sizeof(n), "%lld", v);
	put_field(b, n, first);
}

void imp_printable(char *s)
{
	for (; *s; s++)
		if ((unsigned char)*s < 0x20 || (unsigned char)*s > 0x7e)
			*s = '?';
}

/* Field and reason are one line of printable ASCII each (an unknown key or
 * a quoted value may hold anything), the field never empty. */
__attribute__((format(printf, 3, 4))) static int
bad(struct imp_reject *r, const char *field, const char *fmt, ...)
{
	va_list ap;

	snprintf(r->field, sizeof(r->field), "%s", *field ? field : "line");
	va_start(ap, fmt);
	vsnprintf(r->reason, sizeof(r->reason), fmt, ap);
	va_end(ap);
	imp_printable(r->field);
	imp_printable(r->reason);
	return -1;
}

/* ------------------------------------------------------------ values */

/* An optional string of at most max bytes: NULL when absent or JSON null;
 * refused when of another type, empty when required, with a NUL (an
 * escaped \u0000), not UTF-8 (an escaped lone surrogate) or too long. */
static int get_str(struct json_object *o, const char *key, const char *path,
                   size_t max, int required, const char **out,
                   struct imp_reject *r)
{
	struct json_object *v = NULL;
	const char *s;
	size_t n;

	*out = NULL;
	if (!json_object_object_get_ex(o, key, &v) || !v) {
		if (required)
			return bad(r, path, "%s is required", path);
		return 0;
	}
	if (!json_object_is_type(v, json_type_string))
		return bad(r, path, "%s: expected a string", path);
	s = json_object_get_string(v);
	n = (size_t)json_object_get_string_len(v);
	if (strlen(s) != n)
		return bad(r, path, "%s: contains a NUL character", path);
	if (!utf8_valid(s, n))
		return bad(r, path, "%s: not valid UTF-8", path);
	if (n > max)
		return bad(r, path, "%s: longer than %zu bytes", path, max);
	if (strspn(s, " \t\r\n") == n) {
		if (required)
			return bad(r, path, "%s is required (empty)", path);
		return 0;
	}
	*out = s;
	return 0;
}

static int get_int(struct json_object *o, const char *key, const char *path,
                   long long lo, long long hi, int required, long long *out,
                   struct imp_reject *r)
{
	struct json_object *v = NULL;
	int64_t x;

	*out = 0;
	if (!json_object_object_get_ex(o, key, &v) || !v) {
		if (required)
			return bad(r, path, "%s is required", path);
		return 1; /* absent */
	}
	if (!json_object_is_type(v, json_type_int))
		return bad(r, path, "%s: expected a whole number", path);
	x = json_object_get_int64(v);
	if (x < lo || x > hi)
		return bad(r, path, "%s: %lld is out of range %lld..%lld", path,
		           (long long)x, lo, hi);
	*out = x;
	return 0;
}

static int one_of(const char *s, const char *const *set)
{
	for (; *set; set++)
		if (strcmp(s, *set) == 0)
			return 1;
	return 0;
}

static int get_enum(struct json_object *o, const char *key, const char *path,
                    const char *const *set, const char *dflt, const char **out,
                    struct imp_reject *r)
{
	if (get_str(o, key, path, 32, 0, out, r) != 0)
		return -1;
	if (!*out) {
		*out = dflt;
		return 0;
	}
	if (!one_of(*out, set))
		return bad(r, path,
		           "%s: \"%s\" is not one of the allowed values", path,
		           *out);
	return 0;
}

static int pincode_ok(const char *s)
{
	size_t i;

	if (strlen(s) != 6 || s[0] < '1' || s[0] > '9')
		return 0;
	for (i = 1; i < 6; i++)
		if (s[i] < '0' || s[i] > '9')
			return 0;
	return 1;
}

static int get_pincode(struct json_object *o, const char *key, const char *path,
                       const char **out, struct imp_reject *r)
{
	if (get_str(o, key, path, 6, 0, out, r) != 0)
		return -1;
	if (*out && !pincode_ok(*out))
		return bad(r, path,
		           "%s: expected six digits, not starting with 0",
		           path);
	return 0;
}

/* ------------------------------------------------------------ times */

/* "YYYY-MM-DDTHH:MM[:SS](Z|+HH:MM|-HH:MM)" ('T' or a space; no zone means
 * IST) into out as "YYYY-MM-DD HH:MM:SS+HH:MM". Returns 0 or -1. */
static int parse_time(const char *s, char out[32])
{
	int y, mo, d, h, mi, sec = 0, oh = 5, om = 30;
	char sign = '+';
	size_t n = strlen(s), i;

	if (n < 16 || timefmt_digits(s, 4, &y) || s[4] != '-' ||
	    timefmt_digits(s + 5, 2, &mo) || s[7] != '-' ||
	    timefmt_digits(s + 8, 2, &d) || (s[10] != 'T' && s[10] != ' ') ||
	    timefmt_digits(s + 11, 2, &h) || s[13] != ':' ||
	    timefmt_digits(s + 14, 2, &mi))
		return -1;
	i = 16;
	if (i < n && s[i] == ':') {
		if (n < 19 || timefmt_digits(s + 17, 2, &sec))
			return -1;
		i = 19;
	}
	if (i < n && (s[i] == 'Z' || s[i] == 'z') && i + 1 == n) {
		oh = om = 0;
	} else if (i < n) {
		if ((s[i] != '+' && s[i] != '-') || n - i != 6 ||
		    timefmt_digits(s + i + 1, 2, &oh) || s[i + 3] != ':' ||
		    timefmt_digits(s + i + 4, 2, &om))
			return -1;
		sign = s[i];
	}
	/* every field bounded on both sides, so the compiler sees the text
	 * fits (timefmt_digits never gives a negative, but it is not inline) */
	if (y < 1900 || y > 9999 || mo < 1 || mo > 12 || d < 1 || d > 31 ||
	    d > timefmt_days_in_month(y, mo) || h < 0 || h > 23 || mi < 0 ||
	    mi > 59 || sec < 0 || sec > 59 || oh < 0 || oh > 14 || om < 0 ||
	    om > 59)
		return -1;
	snprintf(out, 32, "%04d-%02d-%02d %02d:%02d:%02d%c%02d:%02d", y, mo, d,
	         h, mi, sec, sign, oh, om);
	return 0;
}

static int get_time(struct json_object *o, const char *key, int required,
                    char out[32], struct imp_reject *r)
{
	const char *s;

	out[0] = '\0';
	if (get_str(o, key, key, 40, required, &s, r) != 0)
		return -1;
	if (s && parse_time(s, out) != 0)
		return bad(r, key,
		           "%s: expected a date and time such as "
		           "2019-03-04T10:15:00+05:30 (a real calendar date)",
		           key);
	return 0;
}

/* ------------------------------------------------------------ objects */

static int only_keys(struct json_object *o, const char *path,
                     const char *const *keys, struct imp_reject *r)
{
	json_object_object_foreach(o, k, v)
	{
		(void)v;
		if (!one_of(k, keys)) {
			char f[64];
			snprintf(f, sizeof(f), "%s%s%.40s", path,
			         *path ? "." : "", k);
			return bad(r, f, "unknown field \"%.40s\"%s%s", k,
			           *path ? " in " : "", path);
		}
	}
	return 0;
}

static const char *const info_types[] = {"oral", "written", "telephonic",
                                         "electronic", NULL};
static const char *const roles[] = {"complainant", "accused", "victim", NULL};
static const char *const relatives[] = {"father", "husband", "mother",
                                        "guardian", NULL};
static const char *const genders[] = {"male", "female", "transgender", NULL};
static const char *const acts[] = {"ipc", "bns", NULL};

static int person_row(struct json_object *p, int i, long long line_no,
                      long long fir_year, struct imp_buf *b, int *complainants,
                      struct imp_reject *r)
{
	static const char *const keys[] = {
	        "role", "name",       "relative_kind", "relative_name", "sex",
	        "age",  "birth_year", "address",       "pincode",       NULL};
	char path[48], f[64];
	const char *role, *name, *rk, *rn, *sex, *addr, *pin;
	long long age, yob;
	int has_age, has_yob;

	snprintf(path, sizeof(path), "persons[%d]", i);
	if (!json_object_is_type(p, json_type_object))
		return bad(r, path, "%s: expected an object", path);
	if (only_keys(p, path, keys, r) != 0)
		return -1;
#define F(k) (snprintf(f, sizeof(f), "%s.%s", path, k), f)
	if (get_str(p, "role", F("role"), 32, 1, &role, r) != 0)
		return -1;
	if (!one_of(role, roles))
		return bad(
		        r, f,
		        "%s: \"%.32s\" is not complainant, accused or victim",
		        f, role);
	if (get_str(p, "name", F("name"), 600, strcmp(role, "accused") != 0,
	            &name, r) != 0 ||
	    get_enum(p, "relative_kind", F("relative_kind"), relatives, NULL,
	             &rk, r) != 0 ||
	    get_str(p, "relative_name", F("relative_name"), 600, 0, &rn, r) !=
	            0 ||
	    get_enum(p, "sex", F("sex"), genders, NULL, &sex, r) != 0 ||
	    get_str(p, "address", F("address"), 600, 0, &addr, r) != 0 ||
	    get_pincode(p, "pincode", F("pincode"), &pin, r) != 0)
		return -1;
	has_age = get_int(p, "age", F("age"), 0, 120, 0, &age, r);
	if (has_age < 0)
		return -1;
	has_yob = get_int(p, "birth_year", F("birth_year"), 1900, 2200, 0, &yob,
	                  r);
	if (has_yob < 0)
		return -1;
	if (has_age == 0 && has_yob == 0)
		return bad(r, F("age"),
		           "%s.age and birth_year: give one, not both", path);
	if (has_age == 0) {
		yob = fir_year - age;
		if (yob < 1900)
			return bad(r, F("age"), "%s.age: born before 1900",
			           path);
	}
	if (!name &&
	    (rk || rn || sex || addr || pin || has_age == 0 || has_yob == 0))
		return bad(r, F("name"),
		           "%s.name: an unnamed (unknown) accused has no other "
		           "details",
		           path);
#undef F
	if (rn && !rk)
		rk = "father";
	if (strcmp(role, "complainant") == 0)
		(*complainants)++;
	put_int(b, line_no, 1);
	put_int(b, i, 0);
	put_field(b, role, 0);
	put_field(b, name, 0);
	put_field(b, rk, 0);
	put_field(b, rn, 0);
	put_field(b, sex, 0);
	if (has_age == 0 || has_yob == 0)
		put_int(b, yob, 0);
	else
		put_field(b, NULL, 0);
	put_field(b, addr, 0);
	put_field(b, pin, 0);
	imp_buf_put(b, "\n", 1);
	return 0;
}

static int charge_row(struct json_object *c, int i, long long line_no,
                      struct imp_buf *b, struct imp_reject *r)
{
	static const char *const keys[] = {"act", "section", NULL};
	char path[48], f[64];
	const char *act, *sec;

	snprintf(path, sizeof(path), "sections[%d]", i);
	if (!json_object_is_type(c, json_type_object))
		return bad(r, path,
		           "%s: expected an object {\"act\", \"section\"}",
		           path);
	if (only_keys(c, path, keys, r) != 0)
		return -1;
	snprintf(f, sizeof(f), "%s.act", path);
	if (get_str(c, "act", f, 8, 1, &act, r) != 0)
		return -1;
	if (!one_of(act, acts))
		return bad(r, f, "%s: expected ipc or bns", f);
	snprintf(f, sizeof(f), "%s.section", path);
	if (get_str(c, "section", f, 32, 1, &sec, r) != 0)
		return -1;
	put_int(b, line_no, 1);
	put_int(b, i, 0);
	put_field(b, act, 0);
	put_field(b, sec, 0);
	imp_buf_put(b, "\n", 1);
	return 0;
}

static int get_array(struct json_object *o, const char *key, size_t max,
                     struct json_object **out, struct imp_reject *r)
{
	size_t n;

	if (!json_object_object_get_ex(o, key, out) || !*out)
		return bad(r, key, "%s is required (at least one)", key);
	if (!json_object_is_type(*out, json_type_array))
		return bad(r, key, "%s: expected an array", key);
	n = json_object_array_length(*out);
	if (n == 0)
		return bad(r, key, "%s: at least one is required", key);
	if (n > max)
		return bad(r, key, "%s: at most %zu", key, max);
	return 0;
}

/* The whole record; rows are appended, the caller rolls back on -1. */
static int record(struct json_object *o, const char *line, size_t n,
                  long long line_no, struct imp_rows *out, struct imp_reject *r)
{
	static const char *const keys[] = {"state",
	                                   "district",
	                                   "station",
	                                   "year",
	                                   "fir_no",
	                                   "registered_at",
	                                   "occurred_from",
	                                   "occurred_to",
	                                   "information_received_at",
	                                   "information_type",
	                                   "place",
	                                   "brief_facts",
	                                   "sections",
	                                   "persons",
	                                   NULL};
	static const char *const place_keys[] = {"line1", "line2", "city",
	                                         "pincode", NULL};
	long long st, di, sn, yr, no;
	char reg[32], from[32], to[32], info[32],
	        hex[2 * SHA256_DIGEST_LENGTH + 1];
	const char *itype, *facts, *l1 = NULL, *l2 = NULL, *city = NULL,
	                           *pin = NULL;
	struct json_object *place = NULL, *persons, *sections;
	unsigned char sha[SHA256_DIGEST_LENGTH];
	int complainants = 0;
	size_t i;

	if (only_keys(o, "", keys, r) != 0)
		return -1;
	if (get_int(o, "state", "state", 1, INT_MAX, 1, &st, r) != 0 ||
	    get_int(o, "district", "district", 1, INT_MAX, 1, &di, r) != 0 ||
	    get_int(o, "station", "station", 1, INT_MAX, 1, &sn, r) != 0 ||
	    get_int(o, "year", "year", 1900, 9999, 1, &yr, r) != 0 ||
	    get_int(o, "fir_no", "fir_no", 1, INT_MAX, 1, &no, r) != 0)
		return -1;
	if (get_time(o, "registered_at", 1, reg, r) != 0 ||
	    get_time(o, "occurred_from", 0, from, r) != 0 ||
	    get_time(o, "occurred_to", 0, to, r) != 0 ||
	    get_time(o, "information_received_at", 0, info, r) != 0)
		return -1;
	if (get_enum(o, "information_type", "information_type", info_types,
	             "written", &itype, r) != 0 ||
	    get_str(o, "brief_facts", "brief_facts", 65536, 1, &facts, r) != 0)
		return -1;
	if (json_object_object_get_ex(o, "place", &place) && place) {
		if (!json_object_is_type(place, json_type_object))
			return bad(r, "place", "place: expected an object");
		if (only_keys(place, "place", place_keys, r) != 0 ||
		    get_str(place, "line1", "place.line1", 300, 0, &l1, r) !=
		            0 ||
		    get_str(place, "line2", "place.line2", 300, 0, &l2, r) !=
		            0 ||
		    get_str(place, "city", "place.city", 300, 0, &city, r) !=
		            0 ||
		    get_pincode(place, "pincode", "place.pincode", &pin, r) !=
		            0)
			return -1;
	}
	if (get_array(o, "sections", MAX_SECTIONS, &sections, r) != 0 ||
	    get_array(o, "persons", MAX_PERSONS, &persons, r) != 0)
		return -1;
	for (i = 0; i < json_object_array_length(sections); i++)
		if (charge_row(json_object_array_get_idx(sections, i), (int)i,
		               line_no, &out->charge, r) != 0)
			return -1;
	for (i = 0; i < json_object_array_length(persons); i++)
		if (person_row(json_object_array_get_idx(persons, i), (int)i,
		               line_no, yr, &out->person, &complainants,
		               r) != 0)
			return -1;
	if (complainants != 1)
		return bad(r, "persons",
		           "persons: exactly one complainant is required (%d "
		           "given)",
		           complainants);

	SHA256((const unsigned char *)line, n, sha);
	hex_encode(sha, sizeof(sha), hex);
	put_int(&out->fir, line_no, 1);
	put_int(&out->fir, st, 0);
	put_int(&out->fir, di, 0);
	put_int(&out->fir, sn, 0);
	put_int(&out->fir, yr, 0);
	put_int(&out->fir, no, 0);
	put_field(&out->fir, reg, 0);
	put_field(&out->fir, from[0] ? from : reg, 0);
	put_field(&out->fir, to[0] ? to : NULL, 0);
	put_field(&out->fir, info[0] ? info : reg, 0);
	put_field(&out->fir, itype, 0);
	put_field(&out->fir, l1, 0);
	put_field(&out->fir, l2, 0);
	put_field(&out->fir, city, 0);
	put_field(&out->fir, pin, 0);
	put_field(&out->fir, facts, 0);
	put_field(&out->fir, hex, 0);
	imp_buf_put(&out->fir, "\n", 1);
	return 0;
}

struct imp_parser *imp_parser_new(void)
{
	struct imp_parser *p = xcalloc(1, sizeof(*p));

	p->tok = json_tokener_new_ex(64);
	if (!p->tok) {
		fputs("cctns-admin: out of memory\n", stderr);
		abort();
	}
	json_tokener_set_flags(p->tok, JSON_TOKENER_STRICT |
	                                       JSON_TOKENER_VALIDATE_UTF8);
	return p;
}

void imp_parser_free(struct imp_parser *p)
{
	if (!p)
		return;
	json_tokener_free(p->tok);
	free(p);
}

int imp_parse_line(struct imp_parser *p, const char *s, size_t n,
                   long long line_no, struct imp_rows *out,
                   struct imp_reject *r)
{
	size_t end;
	struct json_object *o;
	int rc;

	if (n > IMP_LINE_MAX)
		return bad(r, "line", "line longer than %u bytes",
		           IMP_LINE_MAX);
	if (memchr(s, '\0', n))
		return bad(r, "line", "line contains a NUL byte at byte %zu",
		           (size_t)((const char *)memchr(s, '\0', n) - s) + 1);
	if (!utf8_valid(s, n))
		return bad(r, "line", "line is not valid UTF-8");
	json_tokener_reset(p->tok);
	o = json_tokener_parse_ex(p->tok, s, (int)n);
	if (!o) {
		enum json_tokener_error e = json_tokener_get_error(p->tok);
		return bad(r, "line", "not a JSON object: %s",
		           e == json_tokener_continue
		                   ? "the line ends inside the JSON value"
		                   : json_tokener_error_desc(e));
	}
	end = json_tokener_get_parse_end(p->tok);
	while (end < n && (s[end] == ' ' || s[end] == '\t' || s[end] == '\r'))
		end++;
	if (end != n) {
		json_object_put(o);
		return bad(r, "line", "text after the JSON object at byte %zu",
		           end + 1);
	}
	if (!json_object_is_type(o, json_type_object)) {
		json_object_put(o);
		return bad(r, "line", "expected one JSON object per line");
	}
	rc = imp_parse_object(o, s, n, line_no, out, r);
	json_object_put(o);
	return rc;
}

int imp_parse_object(struct json_object *o, const char *raw, size_t n,
                     long long line_no, struct imp_rows *out,
                     struct imp_reject *r)
{
	size_t keep_f = out->fir.len, keep_p = out->person.len,
	       keep_c = out->charge.len;
	int rc = record(o, raw, n, line_no, out, r);

	if (rc != 0) {
		out->fir.len = keep_f;
		out->person.len = keep_p;
		out->charge.len = keep_c;
	}
	return rc;
}
