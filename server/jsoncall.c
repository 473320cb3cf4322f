/* jsoncall.c: the pure part of the generic JSON call (jsoncall.h): checking
 * a row against the messages, building the statement parameters from a
 * request, naming the field of a database error, and building the
 * response around the result. Fields are found by name through the
 * protobuf-c descriptors, so a new request is a row, not code. */
#include "jsoncall.h"

#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "audit.h"
#include "pbjson.h"
#include "util.h"

#define KEY_FIELD      "idempotency_key"
#define REPLAYED_FIELD "replayed"

static const ProtobufCFieldDescriptor *
field_of(const ProtobufCMessageDescriptor *d, const char *name)
{
	return protobuf_c_message_descriptor_get_field_by_name(d, name);
}

static void *slot_of(const void *msg, const ProtobufCFieldDescriptor *f)
{
	return (char *)msg + f->offset;
}

/* The Envelope field of a body case, or NULL. */
static const ProtobufCFieldDescriptor *
envelope_field(Cctns__V1__Envelope__BodyCase c)
{
	if (c == CCTNS__V1__ENVELOPE__BODY__NOT_SET)
		return NULL;
	return protobuf_c_message_descriptor_get_field(
	        &cctns__v1__envelope__descriptor, (unsigned)c);
}

static const ProtobufCMessageDescriptor *
body_desc(Cctns__V1__Envelope__BodyCase c)
{
	const ProtobufCFieldDescriptor *f = envelope_field(c);
	return f && f->type == PROTOBUF_C_TYPE_MESSAGE ? f->descriptor : NULL;
}

const ProtobufCMessage *jsoncall_request_body(const Envelope *env)
{
	const ProtobufCFieldDescriptor *f = envelope_field(env->body_case);
	return f ? *(ProtobufCMessage *const *)slot_of(env, f) : NULL;
}

static int is_json_body(const struct jsoncall *c)
{
	return c->json && strcmp(c->json, JSONCALL_BODY) == 0;
}

/* ------------------------------------------------------------ the check */

static int single(const ProtobufCFieldDescriptor *f, ProtobufCType t)
{
	return f && f->type == t && f->label != PROTOBUF_C_LABEL_REPEATED;
}

/* The last field of a dotted path of singular message fields from d. */
static const ProtobufCFieldDescriptor *
path_field(const ProtobufCMessageDescriptor *d, const char *path)
{
	char seg[64];
	const ProtobufCFieldDescriptor *f = NULL;

	while (d && *path) {
		size_t n = strcspn(path, ".");
		if (n >= sizeof(seg))
			return NULL;
		memcpy(seg, path, n);
		seg[n] = '\0';
		f = field_of(d, seg);
		if (!single(f, PROTOBUF_C_TYPE_MESSAGE))
			return NULL;
		d = f->descriptor;
		path += n + (path[n] == '.');
	}
	return f;
}

static int bad(char *why, size_t whysz, const char *fmt, ...)
        __attribute__((format(printf, 3, 4)));

static int bad(char *why, size_t whysz, const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	vsnprintf(why, whysz, fmt, ap);
	va_end(ap);
	return -1;
}

/* The request side: key, text[] and json name fields of req. Returns the
 * number of parameters they make, or -1. */
static int check_request(const struct jsoncall *c,
                         const ProtobufCMessageDescriptor *req, char *why,
                         size_t whysz)
{
	int n = 3;

	if (c->key && !single(field_of(req, KEY_FIELD), PROTOBUF_C_TYPE_BYTES))
		return bad(why, whysz, "%s has no bytes " KEY_FIELD, req->name);
	n += !!c->key;
	for (int i = 0; c->text[i]; i++, n++) {
		if (!single(field_of(req, c->text[i]), PROTOBUF_C_TYPE_STRING))
			return bad(why, whysz, "%s has no string field %s",
			           req->name, c->text[i]);
	}
	if (c->json && !is_json_body(c) &&
	    !single(field_of(req, c->json), PROTOBUF_C_TYPE_MESSAGE))
		return bad(why, whysz, "%s has no message field %s", req->name,
		           c->json);
	return n + !!c->json;
}

static int check_reply(const struct jsoncall *c, char *why, size_t whysz)
{
	const ProtobufCMessageDescriptor *rep = body_desc(c->reply);
	Envelope e = CCTNS__V1__ENVELOPE__INIT;
	const ProtobufCFieldDescriptor *f;

	e.body_case = c->reply;
	if (!rep || envelope_is_request(&e))
		return bad(why, whysz, "reply %d is not a response",
		           (int)c->reply);
	if (c->into && !single(field_of(rep, c->into), PROTOBUF_C_TYPE_MESSAGE))
		return bad(why, whysz, "%s has no message field %s", rep->name,
		           c->into);
	if (c->replayed &&
	    !single(field_of(rep, REPLAYED_FIELD), PROTOBUF_C_TYPE_BOOL))
		return bad(why, whysz, "%s has no bool " REPLAYED_FIELD,
		           rep->name);
	if (c->echo_key && (!c->key || !single(field_of(rep, KEY_FIELD),
	                                       PROTOBUF_C_TYPE_BYTES)))
		return bad(why, whysz, "%s cannot echo a key", rep->name);
	f = c->station ? path_field(rep, c->station) : NULL;
	if (c->station &&
	    (!f || f->descriptor != &cctns__v1__identity__descriptor))
		return bad(why, whysz, "%s has no Identity at %s", rep->name,
		           c->station);
	return 0;
}

int jsoncall_check(const struct jsoncall *c,
                   Cctns__V1__Envelope__BodyCase request, char *why,
                   size_t whysz)
{
	const ProtobufCMessageDescriptor *req = body_desc(request);
	int n;

	if (!req)
		return bad(why, whysz, "no request body %d", (int)request);
	if ((n = check_request(c, req, why, whysz)) < 0)
		return -1;
	if (c->stmt.nparams != n || n > POOL_MAX_PARAMS)
		return bad(why, whysz,
		           "statement %s takes %d parameters, the row "
		           "makes %d",
		           c->stmt.name, c->stmt.nparams, n);
	if (c->audited.sql &&
	    (!c->key || c->audited.nparams != n + AUDIT_TX_NPARAMS ||
	     c->audited.nparams > POOL_MAX_PARAMS || !c->audited.name))
		return bad(why, whysz,
		           "statement %s: a write's audited statement takes "
		           "its %d parameters and %d more",
		           c->stmt.name, n, AUDIT_TX_NPARAMS);
	/* reg: groups are ordered by the station's codes, the first three */
	if (c->group_key &&
	    (!c->audited.sql || c->group_key < 0 || c->group_key > 3))
		return bad(why, whysz,
		           "statement %s: group_key %d needs an audited "
		           "statement and orders by the codes, at most 3",
		           c->stmt.name, c->group_key);
	return check_reply(c, why, whysz);
}

/* ------------------------------------------------------------ parameters */

static void add_param(struct jsoncall_params *p, const char *v, int len,
                      int binary)
{
	p->values[p->n] = v;
	p->lengths[p->n] = len;
	p->formats[p->n] = binary;
	p->n++;
}

/* The body as JSON without the key and the text[] fields: a shallow copy
 * with those cleared (the copy owns nothing; only it is freed). */
static char *json_of_body(const struct jsoncall *c, const ProtobufCMessage *m)
{
	const ProtobufCMessageDescriptor *d = m->descriptor;
	ProtobufCMessage *copy = xmalloc(d->sizeof_message);
	char *json;

	memcpy(copy, m, d->sizeof_message);
	if (c->key)
		memset(slot_of(copy, field_of(d, KEY_FIELD)), 0,
		       sizeof(ProtobufCBinaryData));
	for (int i = 0; c->text[i]; i++)
		*(char **)slot_of(copy, field_of(d, c->text[i])) = NULL;
	json = pbjson_format(copy, 0);
	free(copy);
	return json;
}

/* The JSON parameter; *null when the sub-message is unset. */
static char *json_param(const struct jsoncall *c, const ProtobufCMessage *m,
                        int *null)
{
	const ProtobufCMessage *sub;

	*null = 0;
	if (is_json_body(c))
		return json_of_body(c, m);
	sub = *(ProtobufCMessage *const *)slot_of(
	        m, field_of(m->descriptor, c->json));
	if (!sub) {
		*null = 1;
		return NULL;
	}
	return pbjson_format(sub, 0);
}

int jsoncall_params(const struct jsoncall *c, const ProtobufCMessage *body,
                    const uint32_t codes[3], struct jsoncall_params *p)
{
	const ProtobufCMessageDescriptor *d = body->descriptor;
	int null;

	memset(p, 0, sizeof(*p));
	for (int i = 0; i < 3; i++) {
		snprintf(p->codes[i], sizeof(p->codes[i]), "%u", codes[i]);
		add_param(p, p->codes[i], 0, 0);
	}
	if (c->key) {
		const ProtobufCBinaryData *k =
		        slot_of(body, field_of(d, KEY_FIELD));
		p->key = k->data;
		p->keylen = k->len;
		add_param(p, (const char *)k->data, (int)k->len, 1);
	}
	for (int i = 0; c->text[i]; i++) {
		const char *s =
		        *(char *const *)slot_of(body, field_of(d, c->text[i]));
		add_param(p, s ? s : "", 0, 0);
	}
	if (!c->json)
		return 0;
	p->json = json_param(c, body, &null);
	if (!p->json && !null)
		return -1;
	add_param(p, p->json, 0, 0);
	return 0;
}

void jsoncall_params_free(struct jsoncall_params *p)
{
	free(p->json);
	p->json = NULL;
}

/* ------------------------------------------------------------ errors */

/* Does column name a request field passed as a parameter of its own? */
static int is_param_field(const struct jsoncall *c, const char *column)
{
	if (c->key && strcmp(column, KEY_FIELD) == 0)
		return 1;
	for (int i = 0; c->text[i]; i++) {
		if (strcmp(column, c->text[i]) == 0)
			return 1;
	}
	return 0;
}

void jsoncall_field(const struct jsoncall *c, const char *column, char *out,
                    size_t outsz)
{
	out[0] = '\0';
	if (!column)
		return;
	if (!c->json || is_json_body(c) || is_param_field(c, column))
		snprintf(out, outsz, "%s", column);
	else
		snprintf(out, outsz, "%s%s%s", c->json, *column ? "." : "",
		         column);
}

/* ------------------------------------------------------------ the reply */

const ProtobufCMessageDescriptor *jsoncall_result_desc(const struct jsoncall *c)
{
	const ProtobufCMessageDescriptor *rep = body_desc(c->reply);
	return c->into ? field_of(rep, c->into)->descriptor : rep;
}

/* The slot of the message at a dotted path under m, or NULL when a message
 * on the way is unset. */
static ProtobufCMessage **message_slot(ProtobufCMessage *m, const char *path)
{
	char seg[64];
	ProtobufCMessage **slot = NULL;

	while (m && *path) {
		size_t n = strcspn(path, ".");
		if (n >= sizeof(seg))
			return NULL;
		memcpy(seg, path, n);
		seg[n] = '\0';
		slot = slot_of(m, field_of(m->descriptor, seg));
		m = *slot;
		path += n + (path[n] == '.');
	}
	return *path ? NULL : slot;
}

void jsoncall_reply_make(struct jsoncall_reply *r, const struct jsoncall *c,
                         ProtobufCMessage *result, int replayed,
                         Cctns__V1__Identity *station, const uint8_t *key,
                         size_t keylen)
{
	const ProtobufCMessageDescriptor *rep = body_desc(c->reply);
	ProtobufCMessage **slot;

	memset(r, 0, sizeof(*r));
	cctns__v1__envelope__init(&r->env);
	r->result = r->body = result;
	if (c->into) {
		r->body = xmalloc(rep->sizeof_message);
		protobuf_c_message_init(rep, r->body);
		*(ProtobufCMessage **)slot_of(r->body, field_of(rep, c->into)) =
		        result;
	}
	if (c->replayed)
		*(protobuf_c_boolean *)slot_of(
		        r->body, field_of(rep, REPLAYED_FIELD)) = !!replayed;
	if (c->station && (slot = message_slot(r->body, c->station)) &&
	    !*slot) {
		*slot = &station->base;
		r->station_slot = slot;
	}
	if (c->echo_key) {
		ProtobufCBinaryData *k =
		        slot_of(r->body, field_of(rep, KEY_FIELD));
		if (!k->len) {
			k->data = (uint8_t *)key;
			k->len = keylen;
			r->key_slot = k;
		}
	}
	r->env.body_case = c->reply;
	*(ProtobufCMessage **)slot_of(&r->env, envelope_field(c->reply)) =
	        r->body;
}

const char *jsoncall_reply_keep(const struct jsoncall *c, char *keep, size_t n)
{
	size_t len;

	if (!c->station || c->into || c->replayed || c->echo_key)
		return NULL;
	len = strcspn(c->station, ".");
	if (len == 0 || len >= n)
		return NULL;
	memcpy(keep, c->station, len);
	keep[len] = '\0';
	return keep;
}

ProtobufCMessage *jsoncall_reply_detach(struct jsoncall_reply *r)
{
	ProtobufCMessage *result = r->result;

	if (r->station_slot)
		*r->station_slot = NULL;
	if (r->key_slot)
		*r->key_slot = (ProtobufCBinaryData){0, NULL};
	if (r->body != r->result)
		free(r->body); /* the wrapper owns nothing */
	memset(r, 0, sizeof(*r));
	return result;
}

void jsoncall_reply_free(struct jsoncall_reply *r)
{
	protobuf_c_message_free_unpacked(jsoncall_reply_detach(r), NULL);
}
