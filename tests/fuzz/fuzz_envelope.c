/* fuzz_envelope.c: arbitrary bytes as one Envelope body: decode, run the
 * request checks, format as JSON and parse back. The JSON must always parse,
 * and when every string is valid UTF-8 the parsed message must serialize to
 * the same bytes as the decoded one (unknown fields dropped first). */
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "envelope.h"
#include "fuzz_util.h"
#include "pbjson.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	Envelope *env = envelope_decode(data, size);
	ProtobufCMessage *back;
	pbjson_error perr;
	check_error cerr;
	int utf8_ok, checked;
	char *json;

	if (!env)
		return 0;
	checked = envelope_check_request(env, &cerr) == 0;
	utf8_ok = fuzz_normalize(&env->base);
	FUZZ_ASSERT(!checked || utf8_ok, "check passed invalid UTF-8");
	json = pbjson_format(&env->base, size & 1 ? PBJSON_PRETTY : 0);
	FUZZ_ASSERT(json != NULL, "format");
	back = pbjson_parse(&cctns__v1__envelope__descriptor, json,
	                    strlen(json), &perr);
	if (!back) {
		fprintf(stderr, "%s at %s: %s\n", perr.message, perr.path,
		        json);
		FUZZ_ASSERT(0, "formatted JSON does not parse");
	}
	if (utf8_ok)
		FUZZ_ASSERT(fuzz_same(&env->base, back),
		            "JSON round trip changed the envelope");
	if (checked) {
		Envelope *b = (Envelope *)back;
		FUZZ_ASSERT(envelope_check_request(b, &cerr) == 0,
		            "round trip made a valid request invalid");
	}
	protobuf_c_message_free_unpacked(back, NULL);
	free(json);
	envelope_free(env);
	return 0;
}
