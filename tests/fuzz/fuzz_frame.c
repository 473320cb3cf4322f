/* fuzz_frame.c: arbitrary bytes as a stream of frames: frame_peek finds
 * each frame (or an error), every whole frame goes through envelope_decode
 * and the request checks, and decoded envelopes re-encode into a frame that
 * frame_peek accepts. The first byte picks the frame cap. */
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>

#include "envelope.h"
#include "frame.h"
#include "fuzz_util.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

static void one_frame(const uint8_t *body, uint32_t len)
{
	Envelope *env = envelope_decode(body, len);
	check_error err;
	uint8_t *out;
	size_t out_len;
	uint32_t back_len;

	if (!env)
		return;
	if (envelope_check_request(env, &err) == 0)
		FUZZ_ASSERT(envelope_is_request(env), "checked a non-request");
	else
		FUZZ_ASSERT(err.code != CCTNS__V1__STATUS_CODE__STATUS_CODE_OK,
		            "failed check without a code");
	FUZZ_ASSERT(envelope_body_name(env) != NULL, "body name");
	if (envelope_encode_frame(env, FRAME_ABSOLUTE_MAX, &out, &out_len) ==
	    0) {
		FUZZ_ASSERT(frame_peek(out, out_len, FRAME_ABSOLUTE_MAX,
		                       &back_len) == FRAME_READY,
		            "re-encoded frame not ready");
		FUZZ_ASSERT(back_len + FRAME_HEADER_LEN == out_len,
		            "re-encoded frame length");
		free(out);
	}
	envelope_free(env);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	uint32_t cap, len = 0;
	size_t off = 1;

	if (size < 1)
		return 0;
	cap = 1u + (uint32_t)data[0] * 64u; /* 1 .. 16321 */
	while (off < size) {
		frame_status st = frame_peek(data + off, size - off, cap, &len);
		if (st != FRAME_READY)
			break;
		FUZZ_ASSERT(len >= 1 && len <= cap, "ready frame within cap");
		/* One byte less must not be a frame yet. */
		FUZZ_ASSERT(frame_peek(data + off, FRAME_HEADER_LEN + len - 1,
		                       cap, NULL) == FRAME_NEED_MORE,
		            "partial frame reported ready");
		one_frame(data + off + FRAME_HEADER_LEN, len);
		off += FRAME_HEADER_LEN + len;
	}
	return 0;
}
