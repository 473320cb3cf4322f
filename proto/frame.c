/* frame.c: the 4-byte big-endian length prefix of every frame, checked
 * against the cap as soon as the header is there (see frame.h). */
#include "frame.h"

static uint32_t clamp_cap(uint32_t max)
{
	if (max == 0 || max > FRAME_ABSOLUTE_MAX)
		return FRAME_ABSOLUTE_MAX;
	return max;
}

frame_status frame_peek(const uint8_t *buf, size_t avail, uint32_t max,
                        uint32_t *body_len)
{
	uint32_t n;

	if (avail < FRAME_HEADER_LEN)
		return FRAME_NEED_MORE;
	n = (uint32_t)buf[0] << 24 | (uint32_t)buf[1] << 16 |
	    (uint32_t)buf[2] << 8 | (uint32_t)buf[3];
	if (body_len)
		*body_len = n;
	if (n == 0)
		return FRAME_ERR_ZERO;
	if (n > clamp_cap(max))
		return FRAME_ERR_OVERSIZE;
	if (avail - FRAME_HEADER_LEN < n)
		return FRAME_NEED_MORE;
	return FRAME_READY;
}

void frame_put_header(uint8_t out[FRAME_HEADER_LEN], uint32_t body_len)
{
	out[0] = (uint8_t)(body_len >> 24);
	out[1] = (uint8_t)(body_len >> 16);
	out[2] = (uint8_t)(body_len >> 8);
	out[3] = (uint8_t)body_len;
}

const char *frame_status_str(frame_status st)
{
	switch (st) {
	case FRAME_READY:
		return "frame ready";
	case FRAME_NEED_MORE:
		return "frame incomplete";
	case FRAME_ERR_ZERO:
		return "frame length 0";
	case FRAME_ERR_OVERSIZE:
		return "frame length over the cap";
	}
	return "unknown frame status";
}
