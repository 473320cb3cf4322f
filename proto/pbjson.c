/* pbjson.c: JSON <-> protobuf by walking protobuf-c descriptors (mapping in
 * pbjson.h). Parsing builds json-c objects and copies them into a message
 * allocated with malloc, so protobuf_c_message_free_unpacked(msg, NULL)
 * frees it, even half-built after an error. Output is written by hand (not
 * by json-c) so the format is ours: descriptor order, defaults omitted,
 * enums by short name, invalid UTF-8 replaced by U+FFFD. */
#include "pbjson.h"

#include <errno.h>
#include <float.h>
#include <inttypes.h>
#include <math.h>
#include <stdarg.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <json-c/json.h>

#include "pbfield.h"
#include "util.h"

#define PBJSON_MAX_INPUT (8u * 1024u * 1024u)
#define PBJSON_MAX_DEPTH 32

/* ------------------------------------------------------------ enum names */

/* "InformationType" -> "INFORMATION_TYPE_" */
static void enum_prefix(const char *camel, char *out, size_t outsz)
{
	size_t o = 0;

	for (size_t i = 0; camel[i] && o + 3 < outsz; i++) {
		char c = camel[i];
		int up = c >= 'A' && c <= 'Z';
		if (up && i > 0) {
			char p = camel[i - 1], n = camel[i + 1];
			int p_low = (p >= 'a' && p <= 'z') ||
			            (p >= '0' && p <= '9');
			int p_up = p >= 'A' && p <= 'Z';
			if (p_low || (p_up && n >= 'a' && n <= 'z'))
				out[o++] = '_';
		}
		out[o++] = (c >= 'a' && c <= 'z') ? (char)(c - 32) : c;
	}
	out[o++] = '_';
	out[o] = '\0';
}

static const char *strip_prefix(const ProtobufCEnumDescriptor *desc,
                                const char *name)
{
	char prefix[128];
	size_t n;

	enum_prefix(desc->short_name, prefix, sizeof(prefix));
	n = strlen(prefix);
	if (strncmp(name, prefix, n) == 0 && name[n])
		return name + n;
	return name;
}

static char lower(char c)
{
	return (c >= 'A' && c <= 'Z') ? (char)(c + 32) : c;
}

const char *pbjson_enum_short(const ProtobufCEnumDescriptor *desc, int value,
                              char *buf, size_t bufsz)
{
	const ProtobufCEnumValue *v =
	        protobuf_c_enum_descriptor_get_value(desc, value);
	const char *s;
	size_t i;

	if (!v || bufsz == 0)
		return NULL;
	s = strip_prefix(desc, v->name);
	for (i = 0; s[i] && i + 1 < bufsz; i++)
		buf[i] = lower(s[i]);
	buf[i] = '\0';
	return buf;
}

static int ieq(const char *a, const char *b)
{
	for (; *a && *b; a++, b++) {
		if (lower(*a) != lower(*b))
			return 0;
	}
	return *a == *b;
}

/* Short name in any case, or the full name. Returns 0 or -1. */
static int enum_by_name(const ProtobufCEnumDescriptor *desc, const char *s,
                        int *out)
{
	for (unsigned i = 0; i < desc->n_values; i++) {
		const char *full = desc->values[i].name;
		if (ieq(s, strip_prefix(desc, full)) || ieq(s, full)) {
			*out = desc->values[i].value;
			return 0;
		}
	}
	return -1;
}

/* ------------------------------------------------------------ parsing */

typedef struct pctx {
	pbjson_error *err;
	char path[128];
	size_t len;
} pctx;

static size_t path_add(pctx *c, const char *fmt, ...)
        __attribute__((format(printf, 2, 3)));

static size_t path_add(pctx *c, const char *fmt, ...)
{
	size_t old = c->len;
	va_list ap;
	int n;

	va_start(ap, fmt);
	n = vsnprintf(c->path + c->len, sizeof(c->path) - c->len, fmt, ap);
	va_end(ap);
	if (n > 0)
		c->len += (size_t)n;
	if (c->len >= sizeof(c->path))
		c->len = sizeof(c->path) - 1;
	return old;
}

/* Append a key; bytes that are not printable ASCII become '?'. */
static size_t path_key(pctx *c, const char *key)
{
	char clean[64];
	size_t i;

	for (i = 0; key[i] && i + 1 < sizeof(clean); i++) {
		unsigned char k = (unsigned char)key[i];
		clean[i] = (k > 0x20 && k < 0x7f) ? key[i] : '?';
	}
	clean[i] = '\0';
	return path_add(c, "%s%s", c->len ? "." : "", clean);
}

static void path_pop(pctx *c, size_t old)
{
	c->len = old;
	c->path[old] = '\0';
}

static int fail(pctx *c, const char *fmt, ...)
        __attribute__((format(printf, 2, 3)));

static int fail(pctx *c, const char *fmt, ...)
{
	va_list ap;

	snprintf(c->err->path, sizeof(c->err->path), "%s", c->path);
	va_start(ap, fmt);
	vsnprintf(c->err->message, sizeof(c->err->message), fmt, ap);
	va_end(ap);
	c->err->line = 0;
	return -1;
}

static const char *type_name(json_object *v)
{
	switch (json_object_get_type(v)) {
	case json_type_null:
		return "null";
	case json_type_boolean:
		return "a boolean";
	case json_type_double:
	case json_type_int:
		return "a number";
	case json_type_object:
		return "an object";
	case json_type_array:
		return "an array";
	case json_type_string:
		return "a string";
	}
	return "a value";
}

/* No libm: the library links without -lm. */
static double absval(double d)
{
	return d < 0 ? -d : d;
}

/* Is the finite d a whole number? Beyond 2^53 every double is. */
static int integral(double d)
{
	double a = absval(d);

	return a >= 9007199254740992.0 || (double)(int64_t)a == a;
}

/* An integer as sign and magnitude, from a JSON number or, when strings
 * are allowed, a decimal string. */
typedef struct intval {
	int neg;
	uint64_t mag;
} intval;

static int int_from_string(const char *s, intval *out)
{
	const char *p = s;
	char *end;

	out->neg = *p == '-';
	if (out->neg)
		p++;
	if (*p < '0' || *p > '9')
		return -1;
	errno = 0;
	out->mag = strtoull(p, &end, 10);
	if (errno || *end)
		return -1;
	return 0;
}

static int get_int(pctx *c, json_object *v, int strings_ok, intval *out)
{
	double d;

	switch (json_object_get_type(v)) {
	case json_type_int:
		if (json_object_get_int64(v) < 0) {
			out->neg = 1;
			out->mag = 0 - (uint64_t)json_object_get_int64(v);
		} else {
			out->neg = 0;
			out->mag = json_object_get_uint64(v);
		}
		return 0;
	case json_type_double:
		d = json_object_get_double(v);
		if (!isfinite(d) || !integral(d))
			return fail(c, "expected an integer, got %s",
			            isfinite(d) ? "a fraction"
			                        : "a non-finite number");
		if (absval(d) >= 18446744073709551616.0)
			return fail(c, "number out of range");
		out->neg = d < 0;
		out->mag = (uint64_t)absval(d);
		return 0;
	case json_type_string:
		if (strings_ok) {
			if (int_from_string(json_object_get_string(v), out))
				return fail(c,
				            "expected a decimal integer, "
				            "got \"%.40s\"",
				            json_object_get_string(v));
			return 0;
		}
		/* fall through */
	default:
		return fail(c, "expected an integer, got %s", type_name(v));
	}
}

/* Range of each integer type: signed?, max magnitude of negatives, max. */
typedef struct int_range {
	const char *name;
	int is_signed, wide;
	uint64_t neg_max, pos_max;
} int_range;

static const int_range *range_of(ProtobufCType t)
{
	static const int_range i32 = {"int32", 1, 0, 2147483648u, INT32_MAX};
	static const int_range u32 = {"uint32", 0, 0, 0, UINT32_MAX};
	static const int_range i64 = {"int64", 1, 1, 9223372036854775808u,
	                              INT64_MAX};
	static const int_range u64 = {"uint64", 0, 1, 0, UINT64_MAX};

	switch (t) {
	case PROTOBUF_C_TYPE_INT32:
	case PROTOBUF_C_TYPE_SINT32:
	case PROTOBUF_C_TYPE_SFIXED32:
	case PROTOBUF_C_TYPE_ENUM:
		return &i32;
	case PROTOBUF_C_TYPE_UINT32:
	case PROTOBUF_C_TYPE_FIXED32:
		return &u32;
	case PROTOBUF_C_TYPE_INT64:
	case PROTOBUF_C_TYPE_SINT64:
	case PROTOBUF_C_TYPE_SFIXED64:
		return &i64;
	default:
		return &u64;
	}
}

static int parse_int(pctx *c, ProtobufCType t, json_object *v, void *dst)
{
	const int_range *r = range_of(t);
	intval iv = {0, 0};

	if (get_int(c, v, r->wide, &iv))
		return -1;
	if (iv.neg && iv.mag && !r->is_signed)
		return fail(c, "must not be negative");
	if ((iv.neg && iv.mag > r->neg_max) || (!iv.neg && iv.mag > r->pos_max))
		return fail(c, "out of range for %s", r->name);
	if (r->is_signed) {
		int64_t s = iv.neg ? (int64_t)(0 - iv.mag) : (int64_t)iv.mag;
		if (r->wide)
			*(int64_t *)dst = s;
		else
			*(int32_t *)dst = (int32_t)s;
	} else if (r->wide) {
		*(uint64_t *)dst = iv.mag;
	} else {
		*(uint32_t *)dst = (uint32_t)iv.mag;
	}
	return 0;
}

static const struct {
	const char *name;
	double value;
} special_floats[] = {
        {"NaN", NAN},
        {"Infinity", INFINITY},
        {"-Infinity", -INFINITY},
};

static int parse_float(pctx *c, ProtobufCType t, json_object *v, void *dst)
{
	enum json_type jt = json_object_get_type(v);
	double d;
	size_t i;

	if (jt == json_type_string) {
		for (i = 0; i < ARRAY_LEN(special_floats); i++) {
			if (strcmp(json_object_get_string(v),
			           special_floats[i].name) == 0)
				break;
		}
		if (i == ARRAY_LEN(special_floats))
			return fail(c, "expected a number, got a string");
		d = special_floats[i].value;
	} else if (jt == json_type_int || jt == json_type_double) {
		d = json_object_get_double(v);
		if (!isfinite(d) ||
		    (t == PROTOBUF_C_TYPE_FLOAT && absval(d) > FLT_MAX))
			return fail(c, "number out of range");
	} else {
		return fail(c, "expected a number, got %s", type_name(v));
	}
	if (t == PROTOBUF_C_TYPE_FLOAT)
		*(float *)dst = (float)d;
	else
		*(double *)dst = d;
	return 0;
}

static int parse_enum(pctx *c, const ProtobufCEnumDescriptor *e, json_object *v,
                      void *dst)
{
	enum json_type jt = json_object_get_type(v);
	char choices[200];
	size_t o = 0;
	int value;

	if (jt == json_type_int || jt == json_type_double)
		return parse_int(c, PROTOBUF_C_TYPE_ENUM, v, dst);
	if (jt != json_type_string)
		return fail(c, "expected a name, got %s", type_name(v));
	if (enum_by_name(e, json_object_get_string(v), &value) == 0) {
		*(int *)dst = value;
		return 0;
	}
	choices[0] = '\0';
	for (unsigned i = 0; i < e->n_values && o < sizeof(choices); i++) {
		char name[64];
		if (!e->values[i].value ||
		    !pbjson_enum_short(e, e->values[i].value, name,
		                       sizeof(name)))
			continue;
		int n = snprintf(choices + o, sizeof(choices) - o, "%s%s",
		                 o ? ", " : "", name);
		if (n < 0)
			break;
		o += (size_t)n;
	}
	return fail(c, "unknown %s \"%.40s\": expected one of %s",
	            e->short_name, json_object_get_string(v), choices);
}

static int get_string(pctx *c, json_object *v, const char **s, size_t *len)
{
	if (json_object_get_type(v) != json_type_string)
		return fail(c, "expected a string, got %s", type_name(v));
	*s = json_object_get_string(v);
	*len = (size_t)json_object_get_string_len(v);
	if (memchr(*s, '\0', *len))
		return fail(c, "must not contain NUL characters");
	if (!utf8_valid(*s, *len))
		return fail(c, "must be valid UTF-8");
	return 0;
}

static int b64_value(char ch)
{
	static const char alphabet[] = "ABCDEFGHIJKLMNOPQRSTUVWXYZ"
	                               "abcdefghijklmnopqrstuvwxyz0123456789+/";
	const char *p = ch ? strchr(alphabet, ch) : NULL;
	return p ? (int)(p - alphabet) : -1;
}

/* Standard alphabet, padding optional, unused bits must be zero. */
static int b64_decode(const char *s, size_t len, ProtobufCBinaryData *out)
{
	size_t n = len, o = 0;
	uint32_t acc = 0;
	int bits = 0;
	uint8_t *buf;

	if (n % 4 == 0 && n >= 2 && s[n - 1] == '=')
		n -= s[n - 2] == '=' ? 2 : 1;
	if (n % 4 == 1)
		return -1;
	buf = xmalloc(n * 3 / 4 + 1);
	for (size_t i = 0; i < n; i++) {
		int val = b64_value(s[i]);
		if (val < 0)
			goto fail;
		acc = (acc << 6) | (uint32_t)val;
		bits += 6;
		if (bits >= 8) {
			bits -= 8;
			buf[o++] = (uint8_t)(acc >> bits);
		}
	}
	if (acc & ((1u << bits) - 1))
		goto fail;
	if (o == 0) {
		free(buf);
		buf = NULL;
	}
	out->data = buf;
	out->len = o;
	return 0;
fail:
	free(buf);
	return -1;
}

static int parse_message(pctx *c, const ProtobufCMessageDescriptor *d,
                         ProtobufCMessage *m, json_object *obj);

/* Parse v into the storage of one value of field f at dst. For strings,
 * bytes and messages dst is written only once something is allocated. */
static int parse_value(pctx *c, const ProtobufCFieldDescriptor *f,
                       json_object *v, void *dst)
{
	const ProtobufCMessageDescriptor *md;
	ProtobufCMessage *sub;
	const char *s;
	size_t len;

	switch (f->type) {
	case PROTOBUF_C_TYPE_FLOAT:
	case PROTOBUF_C_TYPE_DOUBLE:
		return parse_float(c, f->type, v, dst);
	case PROTOBUF_C_TYPE_BOOL:
		if (json_object_get_type(v) != json_type_boolean)
			return fail(c, "expected true or false, got %s",
			            type_name(v));
		*(protobuf_c_boolean *)dst = json_object_get_boolean(v) ? 1 : 0;
		return 0;
	case PROTOBUF_C_TYPE_ENUM:
		return parse_enum(c, f->descriptor, v, dst);
	case PROTOBUF_C_TYPE_STRING:
		if (get_string(c, v, &s, &len))
			return -1;
		*(char **)dst = xstrndup(s, len);
		return 0;
	case PROTOBUF_C_TYPE_BYTES:
		if (get_string(c, v, &s, &len))
			return -1;
		if (b64_decode(s, len, dst))
			return fail(c, "expected base64 (standard alphabet)");
		return 0;
	case PROTOBUF_C_TYPE_MESSAGE:
		if (json_object_get_type(v) != json_type_object)
			return fail(c, "expected an object, got %s",
			            type_name(v));
		md = f->descriptor;
		sub = xmalloc(md->sizeof_message);
		protobuf_c_message_init(md, sub);
		*(ProtobufCMessage **)dst = sub;
		return parse_message(c, md, sub, v);
	default:
		return parse_int(c, f->type, v, dst);
	}
}

static int parse_repeated(pctx *c, const ProtobufCFieldDescriptor *f,
                          ProtobufCMessage *m, json_object *v)
{
	size_t *count = (size_t *)((char *)m + f->quantifier_offset);
	char **arrp = (char **)((char *)m + f->offset);
	size_t n, esz = pbfield_elem_size(f->type);

	if (json_object_get_type(v) != json_type_array)
		return fail(c, "expected an array, got %s", type_name(v));
	n = json_object_array_length(v);
	if (n == 0)
		return 0;
	*arrp = xcalloc(n, esz);
	for (size_t i = 0; i < n; i++) {
		json_object *e = json_object_array_get_idx(v, i);
		size_t old = path_add(c, "[%zu]", i);
		char *slot = *arrp + i * esz;
		int rc;

		if (!e)
			return fail(c, "must not be null");
		rc = parse_value(c, f, e, slot);
		/* A sub-message is counted as soon as it exists, so the
		 * caller's free reaches it even when it is half built. */
		if (rc == 0 ||
		    (f->type == PROTOBUF_C_TYPE_MESSAGE && *(void **)slot))
			*count = i + 1;
		if (rc)
			return -1;
		path_pop(c, old);
	}
	return 0;
}

static uint32_t *oneof_case(const ProtobufCFieldDescriptor *f,
                            ProtobufCMessage *m)
{
	return (uint32_t *)((char *)m + f->quantifier_offset);
}

static int oneof_taken(pctx *c, const ProtobufCMessageDescriptor *d,
                       const ProtobufCFieldDescriptor *f, ProtobufCMessage *m)
{
	const ProtobufCFieldDescriptor *other;

	if (*oneof_case(f, m) == 0)
		return 0;
	other = protobuf_c_message_descriptor_get_field(d, *oneof_case(f, m));
	return fail(c, "only one of a group may be set: %s is set already",
	            other ? other->name : "another field");
}

/* Record that f is present (oneof case or proto3-optional has_ flag). */
static void mark_present(const ProtobufCFieldDescriptor *f, ProtobufCMessage *m)
{
	if (f->flags & PROTOBUF_C_FIELD_FLAG_ONEOF)
		*oneof_case(f, m) = f->id;
	else if (f->label == PROTOBUF_C_LABEL_OPTIONAL &&
	         f->quantifier_offset && f->type != PROTOBUF_C_TYPE_STRING &&
	         f->type != PROTOBUF_C_TYPE_MESSAGE)
		*(protobuf_c_boolean *)((char *)m + f->quantifier_offset) = 1;
}

static int parse_field(pctx *c, const ProtobufCMessageDescriptor *d,
                       ProtobufCMessage *m, const char *key, json_object *v)
{
	const ProtobufCFieldDescriptor *f =
	        protobuf_c_message_descriptor_get_field_by_name(d, key);
	int rc;

	if (!f)
		return fail(c, "unknown field");
	if (!v)
		return 0; /* null: unset */
	if ((f->flags & PROTOBUF_C_FIELD_FLAG_ONEOF) && oneof_taken(c, d, f, m))
		return -1;
	if (f->label == PROTOBUF_C_LABEL_REPEATED)
		return parse_repeated(c, f, m, v);
	rc = parse_value(c, f, v, (char *)m + f->offset);
	/* A sub-message is stored before it is filled: mark it present
	 * whenever it exists, so a oneof case always matches what free will
	 * look at. */
	if (rc == 0 || (f->type == PROTOBUF_C_TYPE_MESSAGE &&
	                *(void **)((char *)m + f->offset)))
		mark_present(f, m);
	return rc;
}

static int parse_message(pctx *c, const ProtobufCMessageDescriptor *d,
                         ProtobufCMessage *m, json_object *obj)
{
	if (json_object_get_type(obj) != json_type_object)
		return fail(c, "expected an object, got %s", type_name(obj));
	json_object_object_foreach(obj, key, val)
	{
		size_t old = path_key(c, key);
		if (parse_field(c, d, m, key, val))
			return -1;
		path_pop(c, old);
	}
	return 0;
}

static int line_of(const char *json, size_t off)
{
	int line = 1;

	for (size_t i = 0; i < off; i++) {
		if (json[i] == '\n')
			line++;
	}
	return line;
}

static void syntax_error(pbjson_error *err, const char *json, size_t off,
                         const char *what)
{
	err->path[0] = '\0';
	snprintf(err->message, sizeof(err->message), "%s", what);
	err->line = line_of(json, off);
}

/* json-c saturates integers beyond 64 bits; find them in the text first.
 * Returns the offset of the first such literal, or len. */
static size_t find_huge_integer(const char *s, size_t len)
{
	static const char u64max[] = "18446744073709551615";
	static const char i64min[] = "9223372036854775808";
	size_t i = 0;

	while (i < len) {
		if (s[i] == '"') {
			for (i++; i < len && s[i] != '"'; i++) {
				if (s[i] == '\\')
					i++;
			}
			i++;
			continue;
		}
		if (!(s[i] == '-' || (s[i] >= '0' && s[i] <= '9'))) {
			i++;
			continue;
		}
		size_t start = i, neg = s[i] == '-';
		size_t d0 = start + neg, j = d0;
		while (j < len && s[j] >= '0' && s[j] <= '9')
			j++;
		int is_int = !(j < len &&
		               (s[j] == '.' || s[j] == 'e' || s[j] == 'E'));
		const char *lim = neg ? i64min : u64max;
		size_t nd = j - d0, ld = strlen(lim);
		if (is_int &&
		    (nd > ld || (nd == ld && memcmp(s + d0, lim, ld) > 0)))
			return start;
		i = j > i ? j : i + 1;
	}
	return len;
}

static json_object *tokenize(const char *json, size_t len, pbjson_error *err)
{
	struct json_tokener *tok = json_tokener_new_ex(PBJSON_MAX_DEPTH);
	enum json_tokener_error e;
	json_object *root;
	size_t end, huge;

	if (!tok)
		abort();
	json_tokener_set_flags(tok, JSON_TOKENER_STRICT);
	root = json_tokener_parse_ex(tok, json, (int)len);
	e = json_tokener_get_error(tok);
	end = json_tokener_get_parse_end(tok);
	if (e == json_tokener_continue) {
		/* A bare number may go on: one NUL ends the document. */
		root = json_tokener_parse_ex(tok, "", 1);
		e = json_tokener_get_error(tok);
	}
	json_tokener_free(tok);
	if (e == json_tokener_error_depth) {
		syntax_error(err, json, end, "nesting deeper than 32 levels");
		return NULL;
	}
	if (e != json_tokener_success || !root) {
		char msg[128];
		snprintf(msg, sizeof(msg), "JSON syntax error: %s",
		         end >= len ? "unexpected end of document"
		                    : json_tokener_error_desc(e));
		syntax_error(err, json, end, msg);
		json_object_put(root);
		return NULL;
	}
	huge = find_huge_integer(json, len);
	if (huge < len) {
		syntax_error(err, json, huge, "number out of 64-bit range");
		json_object_put(root);
		return NULL;
	}
	return root;
}

ProtobufCMessage *pbjson_parse(const ProtobufCMessageDescriptor *desc,
                               const char *json, size_t len, pbjson_error *err)
{
	pctx c = {.err = err};
	ProtobufCMessage *msg = NULL;
	json_object *root = NULL;
	const char *nul;

	memset(err, 0, sizeof(*err));
	if (!json)
		json = "", len = 0;
	if (len > PBJSON_MAX_INPUT) {
		snprintf(err->message, sizeof(err->message),
		         "document larger than 8 MiB");
		return NULL;
	}
	nul = memchr(json, '\0', len);
	if (nul) {
		syntax_error(err, json, (size_t)(nul - json),
		             "NUL byte in the document");
		return NULL;
	}
	root = tokenize(json, len, err);
	if (!root)
		return NULL;
	msg = xmalloc(desc->sizeof_message);
	protobuf_c_message_init(desc, msg);
	if (parse_message(&c, desc, msg, root))
		goto fail;
	json_object_put(root);
	return msg;
fail:
	json_object_put(root);
	protobuf_c_message_free_unpacked(msg, NULL);
	return NULL;
}

/* ------------------------------------------------------------ output */

typedef struct out {
	char *buf;
	size_t len, cap;
	int pretty;
} out;

static void put(out *o, const char *s, size_t n)
{
	if (o->len + n + 1 > o->cap) {
		while (o->len + n + 1 > o->cap)
			o->cap = o->cap ? o->cap * 2 : 256;
		o->buf = xrealloc(o->buf, o->cap);
	}
	memcpy(o->buf + o->len, s, n);
	o->len += n;
	o->buf[o->len] = '\0';
}

static void puts_(out *o, const char *s)
{
	put(o, s, strlen(s));
}

static void putf(out *o, const char *fmt, ...)
        __attribute__((format(printf, 2, 3)));

static void putf(out *o, const char *fmt, ...)
{
	char tmp[64];
	va_list ap;
	int n;

	va_start(ap, fmt);
	n = vsnprintf(tmp, sizeof(tmp), fmt, ap);
	va_end(ap);
	if (n > 0)
		put(o, tmp,
		    (size_t)n < sizeof(tmp) ? (size_t)n : sizeof(tmp) - 1);
}

static void newline(out *o, int depth)
{
	if (!o->pretty)
		return;
	puts_(o, "\n");
	for (int i = 0; i < depth; i++)
		puts_(o, "  ");
}

/* Length of the valid UTF-8 sequence at s (at most avail bytes), or 0. */
static size_t utf8_seq(const unsigned char *s, size_t avail)
{
	size_t n = *s >= 0xF0 ? 4 : *s >= 0xE0 ? 3 : *s >= 0xC0 ? 2 : 1;

	if (n > avail || !utf8_valid((const char *)s, n))
		return 0;
	return n;
}

static void put_string(out *o, const char *str, size_t len)
{
	const unsigned char *s = (const unsigned char *)str;
	size_t i = 0;

	puts_(o, "\"");
	while (i < len) {
		unsigned char ch = s[i];
		size_t n;

		if (ch == '"' || ch == '\\') {
			putf(o, "\\%c", ch);
			i++;
			continue;
		}
		if (ch < 0x20) {
			static const char *const short_esc[0x20] = {
			        ['\b'] = "\\b",
			        ['\f'] = "\\f",
			        ['\n'] = "\\n",
			        ['\r'] = "\\r",
			        ['\t'] = "\\t"};
			if (short_esc[ch])
				puts_(o, short_esc[ch]);
			else
				putf(o, "\\u%04x", ch);
			i++;
			continue;
		}
		n = utf8_seq(s + i, len - i);
		if (n == 0) {
			puts_(o, "\\ufffd");
			i++;
			continue;
		}
		put(o, (const char *)s + i, n);
		i += n;
	}
	puts_(o, "\"");
}

static void put_base64(out *o, const uint8_t *d, size_t n)
{
	static const char a[] = "ABCDEFGHIJKLMNOPQRSTUVWXYZ"
	                        "abcdefghijklmnopqrstuvwxyz0123456789+/";
	char q[4];

	puts_(o, "\"");
	for (size_t i = 0; i < n; i += 3) {
		uint32_t v = (uint32_t)d[i] << 16;
		if (i + 1 < n)
			v |= (uint32_t)d[i + 1] << 8;
		if (i + 2 < n)
			v |= d[i + 2];
		q[0] = a[v >> 18 & 63];
		q[1] = a[v >> 12 & 63];
		q[2] = i + 1 < n ? a[v >> 6 & 63] : '=';
		q[3] = i + 2 < n ? a[v & 63] : '=';
		put(o, q, 4);
	}
	puts_(o, "\"");
}

/* Shortest text that reads back as the same value. */
static void put_double(out *o, double d, int is_float)
{
	char tmp[40];

	if (isnan(d)) {
		puts_(o, "\"NaN\"");
		return;
	}
	if (isinf(d)) {
		puts_(o, d > 0 ? "\"Infinity\"" : "\"-Infinity\"");
		return;
	}
	for (int prec = 1; prec <= 17; prec++) {
		snprintf(tmp, sizeof(tmp), "%.*g", prec, d);
		if (is_float ? (float)strtod(tmp, NULL) == (float)d
		             : strtod(tmp, NULL) == d)
			break;
	}
	puts_(o, tmp);
}

static void format_message(out *o, const ProtobufCMessage *m, int depth);

static void format_value(out *o, const ProtobufCFieldDescriptor *f,
                         const void *p, int depth)
{
	char name[64];

	switch (f->type) {
	case PROTOBUF_C_TYPE_INT32:
	case PROTOBUF_C_TYPE_SINT32:
	case PROTOBUF_C_TYPE_SFIXED32:
		putf(o, "%" PRId32, *(const int32_t *)p);
		break;
	case PROTOBUF_C_TYPE_UINT32:
	case PROTOBUF_C_TYPE_FIXED32:
		putf(o, "%" PRIu32, *(const uint32_t *)p);
		break;
	case PROTOBUF_C_TYPE_INT64:
	case PROTOBUF_C_TYPE_SINT64:
	case PROTOBUF_C_TYPE_SFIXED64:
		putf(o, "%" PRId64, *(const int64_t *)p);
		break;
	case PROTOBUF_C_TYPE_UINT64:
	case PROTOBUF_C_TYPE_FIXED64:
		putf(o, "%" PRIu64, *(const uint64_t *)p);
		break;
	case PROTOBUF_C_TYPE_FLOAT:
		put_double(o, *(const float *)p, 1);
		break;
	case PROTOBUF_C_TYPE_DOUBLE:
		put_double(o, *(const double *)p, 0);
		break;
	case PROTOBUF_C_TYPE_BOOL:
		puts_(o, *(const protobuf_c_boolean *)p ? "true" : "false");
		break;
	case PROTOBUF_C_TYPE_ENUM:
		if (pbjson_enum_short(f->descriptor, *(const int *)p, name,
		                      sizeof(name)))
			put_string(o, name, strlen(name));
		else
			putf(o, "%d", *(const int *)p);
		break;
	case PROTOBUF_C_TYPE_STRING: {
		const char *s = *(char *const *)p;
		s = s ? s : "";
		put_string(o, s, strlen(s));
		break;
	}
	case PROTOBUF_C_TYPE_BYTES:
		put_base64(o, ((const ProtobufCBinaryData *)p)->data,
		           ((const ProtobufCBinaryData *)p)->len);
		break;
	case PROTOBUF_C_TYPE_MESSAGE:
		if (*(ProtobufCMessage *const *)p)
			format_message(o, *(ProtobufCMessage *const *)p, depth);
		else
			puts_(o, "null");
		break;
	}
}

static int is_zero(const ProtobufCFieldDescriptor *f, const void *p)
{
	switch (f->type) {
	case PROTOBUF_C_TYPE_STRING:
		return !*(char *const *)p || !**(char *const *)p;
	case PROTOBUF_C_TYPE_BYTES:
		return ((const ProtobufCBinaryData *)p)->len == 0;
	case PROTOBUF_C_TYPE_MESSAGE:
		return !*(ProtobufCMessage *const *)p;
	case PROTOBUF_C_TYPE_FLOAT:
		return *(const float *)p == 0;
	case PROTOBUF_C_TYPE_DOUBLE:
		return *(const double *)p == 0;
	default:
		return pbfield_elem_size(f->type) == 8
		               ? *(const uint64_t *)p == 0
		               : *(const uint32_t *)p == 0;
	}
}

static int present(const ProtobufCFieldDescriptor *f, const ProtobufCMessage *m)
{
	const char *base = (const char *)m;
	const void *p = base + f->offset;

	if (f->flags & PROTOBUF_C_FIELD_FLAG_ONEOF)
		return *(const uint32_t *)(base + f->quantifier_offset) ==
		       f->id;
	if (f->label == PROTOBUF_C_LABEL_REPEATED)
		return *(const size_t *)(base + f->quantifier_offset) > 0;
	if (f->type == PROTOBUF_C_TYPE_MESSAGE)
		return *(ProtobufCMessage *const *)p != NULL;
	if (f->label == PROTOBUF_C_LABEL_REQUIRED)
		return 1;
	if (f->label == PROTOBUF_C_LABEL_OPTIONAL) {
		if (f->type == PROTOBUF_C_TYPE_STRING)
			return *(char *const *)p != NULL;
		if (f->quantifier_offset)
			return *(const protobuf_c_boolean
			                 *)(base + f->quantifier_offset);
	}
	return !is_zero(f, p);
}

static void format_repeated(out *o, const ProtobufCFieldDescriptor *f,
                            const ProtobufCMessage *m, int depth)
{
	size_t n = *(const size_t *)((const char *)m + f->quantifier_offset);
	const char *arr = *(char *const *)((const char *)m + f->offset);
	size_t esz = pbfield_elem_size(f->type);

	puts_(o, "[");
	for (size_t i = 0; i < n; i++) {
		if (i)
			puts_(o, ",");
		newline(o, depth + 1);
		format_value(o, f, arr + i * esz, depth + 1);
	}
	newline(o, depth);
	puts_(o, "]");
}

static void format_message(out *o, const ProtobufCMessage *m, int depth)
{
	const ProtobufCMessageDescriptor *d = m->descriptor;
	int first = 1;

	puts_(o, "{");
	for (unsigned i = 0; i < d->n_fields; i++) {
		const ProtobufCFieldDescriptor *f = &d->fields[i];
		if (!present(f, m))
			continue;
		if (!first)
			puts_(o, ",");
		first = 0;
		newline(o, depth + 1);
		put_string(o, f->name, strlen(f->name));
		puts_(o, o->pretty ? ": " : ":");
		if (f->label == PROTOBUF_C_LABEL_REPEATED)
			format_repeated(o, f, m, depth + 1);
		else
			format_value(o, f, (const char *)m + f->offset,
			             depth + 1);
	}
	if (!first)
		newline(o, depth);
	puts_(o, "}");
}

char *pbjson_format(const ProtobufCMessage *msg, int flags)
{
	out o = {.pretty = (flags & PBJSON_PRETTY) != 0};

	format_message(&o, msg, 0);
	return o.buf;
}
