/* fuzz_json.c: arbitrary bytes as JSON for FirContent or Envelope (first
 * byte picks which, and compact or pretty output). Whatever parses must
 * format, and that text must parse back into the same message. */
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "cctns.pb-c.h"
#include "fuzz_util.h"
#include "pbjson.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	const ProtobufCMessageDescriptor *desc;
	ProtobufCMessage *m, *back;
	pbjson_error err;
	char *json;

	if (size < 1)
		return 0;
	desc = data[0] & 1 ? &cctns__v1__envelope__descriptor
	                   : &cctns__v1__fir_content__descriptor;
	m = pbjson_parse(desc, (const char *)data + 1, size - 1, &err);
	if (!m) {
		FUZZ_ASSERT(err.message[0] != '\0', "error without a message");
		return 0;
	}
	json = pbjson_format(m, data[0] & 2 ? PBJSON_PRETTY : 0);
	back = pbjson_parse(desc, json, strlen(json), &err);
	if (!back) {
		fprintf(stderr, "%s at %s: %s\n", err.message, err.path, json);
		FUZZ_ASSERT(0, "formatted JSON does not parse");
	}
	FUZZ_ASSERT(fuzz_same(m, back), "JSON round trip changed the message");
	protobuf_c_message_free_unpacked(back, NULL);
	protobuf_c_message_free_unpacked(m, NULL);
	free(json);
	return 0;
}
