/* prepack.c: a message with all its fields but one encoded once
 * (prepack.h). */
#include "prepack.h"

#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "util.h"

struct prepack {
	ProtobufCMessage *shell;
	ProtobufCMessageUnknownField *fields;
	uint8_t *bytes;
	size_t len;
};

/* The varint at p (at most n bytes): its value and length; 0 when cut or
 * longer than ten bytes. */
static size_t varint(const uint8_t *p, size_t n, uint64_t *v)
{
	*v = 0;
	for (size_t i = 0; i < n && i < 10; i++) {
		*v |= (uint64_t)(p[i] & 0x7f) << (7 * i);
		if (!(p[i] & 0x80))
			return i + 1;
	}
	return 0;
}

/* The field at p: its number, wire type and the length of what follows
 * its tag (length prefix included); 0 when it is not a whole field. */
static size_t field_at(const uint8_t *p, size_t n, uint32_t *number,
                       ProtobufCWireType *wire, size_t *body)
{
	uint64_t tag, len;
	size_t t = varint(p, n, &tag), l;

	if (!t || (tag >> 3) == 0 || (tag >> 3) > UINT32_MAX)
		return 0;
	*number = (uint32_t)(tag >> 3);
	*wire = (ProtobufCWireType)(tag & 7);
	switch (tag & 7) {
	case PROTOBUF_C_WIRE_TYPE_VARINT:
		l = varint(p + t, n - t, &len);
		if (!l)
			return 0;
		*body = l;
		break;
	case PROTOBUF_C_WIRE_TYPE_64BIT:
		*body = 8;
		break;
	case PROTOBUF_C_WIRE_TYPE_32BIT:
		*body = 4;
		break;
	case PROTOBUF_C_WIRE_TYPE_LENGTH_PREFIXED:
		l = varint(p + t, n - t, &len);
		if (!l || len > n - t - l)
			return 0;
		*body = l + (size_t)len;
		break;
	default: /* groups: never written by protobuf-c */
		return 0;
	}
	return *body <= n - t ? t + *body : 0;
}

struct prepack *prepack_new(ProtobufCMessage *msg, const char *keep)
{
	const ProtobufCMessageDescriptor *d = msg->descriptor;
	const ProtobufCFieldDescriptor *f =
	        protobuf_c_message_descriptor_get_field_by_name(d, keep);
	ProtobufCMessage **slot, *saved;
	struct prepack *p;
	size_t off, n = 0, i = 0;

	if (!f || f->type != PROTOBUF_C_TYPE_MESSAGE ||
	    f->label == PROTOBUF_C_LABEL_REPEATED ||
	    (f->flags & PROTOBUF_C_FIELD_FLAG_ONEOF))
		return NULL;
	p = xcalloc(1, sizeof(*p));
	slot = (ProtobufCMessage **)((char *)msg + f->offset);
	saved = *slot;
	*slot = NULL; /* everything but keep */
	p->len = protobuf_c_message_get_packed_size(msg);
	p->bytes = xmalloc(p->len ? p->len : 1);
	(void)protobuf_c_message_pack(msg, p->bytes);
	*slot = saved;
	for (off = 0; off < p->len; n++) {
		uint32_t num;
		ProtobufCWireType w;
		size_t body, step = field_at(p->bytes + off, p->len - off, &num,
		                             &w, &body);
		if (!step) {
			prepack_free(p);
			return NULL;
		}
		off += step;
	}
	p->fields = xcalloc(n ? n : 1, sizeof(*p->fields));
	for (off = 0; off < p->len; i++) {
		ProtobufCMessageUnknownField *u = &p->fields[i];
		size_t step = field_at(p->bytes + off, p->len - off, &u->tag,
		                       &u->wire_type, &u->len);

		u->data = p->bytes + off + (step - u->len);
		off += step;
	}
	p->shell = xcalloc(1, d->sizeof_message);
	protobuf_c_message_init(d, p->shell);
	*(ProtobufCMessage **)((char *)p->shell + f->offset) = saved;
	p->shell->n_unknown_fields = (unsigned)n;
	p->shell->unknown_fields = p->fields;
	return p;
}

ProtobufCMessage *prepack_msg(struct prepack *p)
{
	return p->shell;
}

size_t prepack_bytes(const struct prepack *p)
{
	return sizeof(*p) + p->len + p->shell->descriptor->sizeof_message +
	       p->shell->n_unknown_fields * sizeof(*p->fields);
}

void prepack_free(struct prepack *p)
{
	if (!p)
		return;
	free(p->shell);
	free(p->fields);
	free(p->bytes);
	free(p);
}
