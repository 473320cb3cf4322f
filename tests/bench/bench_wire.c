/* bench_wire.c: see bench_wire.h. */
#include "bench_wire.h"

#include <protobuf-c/protobuf-c.h>

#include "cctns.pb-c.h"

/* One varint at *pos (at most 10 bytes), or -1. */
static int varint(const uint8_t *buf, size_t len, size_t *pos, uint64_t *out)
{
	uint64_t v = 0;

	for (unsigned shift = 0; shift < 70; shift += 7) {
		uint8_t byte;

		if (*pos >= len)
			return -1;
		byte = buf[(*pos)++];
		v |= (uint64_t)(byte & 0x7f) << shift;
		if (!(byte & 0x80)) {
			*out = v;
			return 0;
		}
	}
	return -1;
}

int wire_envelope_top(const uint8_t *buf, size_t len, uint64_t *request_id,
                      uint32_t *body_field)
{
	const ProtobufCMessageDescriptor *desc =
	        &cctns__v1__envelope__descriptor;
	size_t pos = 0;

	*request_id = 0;
	*body_field = 0;
	while (pos < len) {
		uint64_t key, v;
		uint32_t field;
		const ProtobufCFieldDescriptor *fd;

		if (varint(buf, len, &pos, &key) != 0 || key >> 3 == 0 ||
		    key >> 3 > 536870911u)
			return -1;
		field = (uint32_t)(key >> 3);
		fd = protobuf_c_message_descriptor_get_field(desc, field);
		switch (key & 7) {
		case 0: /* varint */
			if (varint(buf, len, &pos, &v) != 0 ||
			    (fd && fd->type == PROTOBUF_C_TYPE_MESSAGE))
				return -1;
			if (field == 1)
				*request_id = v;
			break;
		case 1: /* 64-bit */
			if (len - pos < 8 || fd)
				return -1;
			pos += 8;
			break;
		case 2: /* length-delimited */
			if (varint(buf, len, &pos, &v) != 0 || v > len - pos ||
			    field == 1)
				return -1;
			pos += (size_t)v;
			if (fd && fd->type == PROTOBUF_C_TYPE_MESSAGE)
				*body_field = field;
			break;
		case 5: /* 32-bit */
			if (len - pos < 4 || fd)
				return -1;
			pos += 4;
			break;
		default: /* groups (3, 4) and 6, 7: not in our messages */
			return -1;
		}
	}
	return 0;
}
