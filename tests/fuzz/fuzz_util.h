/* fuzz_util.h: what the fuzz targets share: packing a message to bytes,
 * comparing two messages by their serialization, and a generic walk that
 * drops unknown fields and tells whether every string is valid UTF-8 (the
 * condition under which JSON can carry a message unchanged). */
#ifndef CCTNS_FUZZ_UTIL_H
#define CCTNS_FUZZ_UTIL_H

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <protobuf-c/protobuf-c.h>

#include "util.h"

#define FUZZ_ASSERT(cond, what)                                                \
	do {                                                                   \
		if (!(cond)) {                                                 \
			fprintf(stderr, "fuzz invariant broken: %s\n", what);  \
			abort();                                               \
		}                                                              \
	} while (0)

static inline uint8_t *fuzz_pack(const ProtobufCMessage *m, size_t *len)
{
	uint8_t *buf;

	*len = protobuf_c_message_get_packed_size(m);
	buf = xmalloc(*len ? *len : 1);
	FUZZ_ASSERT(protobuf_c_message_pack(m, buf) == *len, "pack size");
	return buf;
}

static inline int fuzz_same(const ProtobufCMessage *a,
                            const ProtobufCMessage *b)
{
	size_t alen, blen;
	uint8_t *pa = fuzz_pack(a, &alen), *pb = fuzz_pack(b, &blen);
	int same = alen == blen && memcmp(pa, pb, alen) == 0;

	free(pa);
	free(pb);
	return same;
}

static inline void fuzz_drop_unknown(ProtobufCMessage *m)
{
	for (unsigned i = 0; i < m->n_unknown_fields; i++)
		free(m->unknown_fields[i].data);
	free(m->unknown_fields);
	m->unknown_fields = NULL;
	m->n_unknown_fields = 0;
}

/* Drop unknown fields everywhere in m; return 1 if every string in m is
 * valid UTF-8. */
static inline int fuzz_normalize(ProtobufCMessage *m)
{
	const ProtobufCMessageDescriptor *d = m->descriptor;
	int ok = 1;

	fuzz_drop_unknown(m);
	for (unsigned i = 0; i < d->n_fields; i++) {
		const ProtobufCFieldDescriptor *f = &d->fields[i];
		char *p = (char *)m + f->offset;
		size_t n = 1;

		if (f->flags & PROTOBUF_C_FIELD_FLAG_ONEOF &&
		    *(uint32_t *)((char *)m + f->quantifier_offset) != f->id)
			continue;
		if (f->type != PROTOBUF_C_TYPE_STRING &&
		    f->type != PROTOBUF_C_TYPE_MESSAGE)
			continue;
		if (f->label == PROTOBUF_C_LABEL_REPEATED) {
			n = *(size_t *)((char *)m + f->quantifier_offset);
			p = *(char **)p;
		}
		for (size_t k = 0; k < n; k++) {
			void *v = *(void **)(p + k * sizeof(void *));
			if (!v)
				continue;
			if (f->type == PROTOBUF_C_TYPE_STRING)
				ok &= utf8_valid(v, strlen(v));
			else
				ok &= fuzz_normalize(v);
		}
	}
	return ok;
}

#endif
