/* frame.h: the wire framing. A frame is a 4-byte big-endian body length
 * followed by the body (one serialized cctns.v1.Envelope). The length is
 * checked against a hard cap before anything is buffered; a length of 0 is
 * an error, never an empty message. Pure functions over byte buffers, so the
 * server (libevent evbuffers) and the terminal (blocking TLS) share them. */
#ifndef CCTNS_FRAME_H
#define CCTNS_FRAME_H

#include <stddef.h>
#include <stdint.h>

#define FRAME_HEADER_LEN   4u
#define FRAME_DEFAULT_MAX  (1024u * 1024u)       /* 1 MiB body */
#define FRAME_ABSOLUTE_MAX (64u * 1024u * 1024u) /* no config may exceed */

typedef enum frame_status {
	FRAME_READY = 0,        /* a whole frame is available */
	FRAME_NEED_MORE = 1,    /* header or body incomplete: read more */
	FRAME_ERR_ZERO = -1,    /* length 0: protocol error */
	FRAME_ERR_OVERSIZE = -2 /* length above the cap: protocol error */
} frame_status;

/* Look at the first avail bytes of buf. On FRAME_READY and FRAME_NEED_MORE
 * with a complete header, *body_len is set to the announced body length.
 * Errors are reported as soon as the 4 header bytes are there, before the
 * body arrives. max is the cap on the body length (1..FRAME_ABSOLUTE_MAX). */
frame_status frame_peek(const uint8_t *buf, size_t avail, uint32_t max,
                        uint32_t *body_len);

/* Write the 4-byte header for body_len into out. */
void frame_put_header(uint8_t out[FRAME_HEADER_LEN], uint32_t body_len);

/* Human text for a status, e.g. "frame length 0". */
const char *frame_status_str(frame_status st);

#endif
