/* outbox_rec.h: one record of the terminal's offline outbox, as bytes on
 * disk. A record is a write the server could not be reached for: the
 * request exactly as it would have been sent (a packed Envelope carrying
 * its idempotency key), what kind of request it is, when it was queued and
 * the offline receipt given to the citizen, closed by a SHA-256 over all of
 * it. The reader accepts a record only when every byte is accounted for
 * and the checksum matches, so a torn or altered file is detected, never
 * replayed. Pure functions (no files, no network): the unit test and the
 * fuzz target link this alone.
 *
 * Layout, integers big-endian:
 *   8  magic "CCTNSOBX"
 *   4  format version (OUTBOX_FORMAT)
 *   4  kind: the request's Envelope body case (20 = RegisterFir, ...)
 *   8  queued at, seconds since the epoch (signed)
 *   2+n offline receipt, printable ASCII, 1..63 bytes
 *   2+n noun ("FIR", "diary entry"), printable ASCII, 1..63 bytes
 *   4+n the request: a packed Envelope, 1 byte .. OUTBOX_MAX_REQUEST
 *   32 SHA-256 of every byte before it */
#ifndef CCTNS_CLIENT_OUTBOX_REC_H
#define CCTNS_CLIENT_OUTBOX_REC_H

#include <stddef.h>
#include <stdint.h>

#define OUTBOX_MAGIC       "CCTNSOBX"
#define OUTBOX_FORMAT      1u
#define OUTBOX_TEXT_MAX    63u
#define OUTBOX_MAX_REQUEST (16u * 1024u * 1024u)
#define OUTBOX_SUM_LEN     32u

typedef struct outbox_rec {
	uint32_t version;
	uint32_t kind;     /* Envelope body case of the request */
	int64_t queued_at; /* seconds since the epoch */
	char receipt[OUTBOX_TEXT_MAX + 1];
	char noun[OUTBOX_TEXT_MAX + 1];
	uint8_t *request; /* packed Envelope (malloc'd) */
	size_t request_len;
} outbox_rec;

/* The record as bytes (malloc'd into *out). -1 when a field is out of
 * range (text empty, too long or not printable; request empty or too
 * long). */
int outbox_rec_encode(const outbox_rec *r, uint8_t **out, size_t *len)
        __attribute__((warn_unused_result));

/* Read buf into r (r->request malloc'd; free with outbox_rec_free). -1
 * with why (for a person: "checksum does not match", "cut short", ...)
 * when anything is wrong: magic, version, a length, the checksum, a text,
 * or a request that is not an Envelope of the recorded kind. */
int outbox_rec_decode(const uint8_t *buf, size_t len, outbox_rec *r, char *why,
                      size_t whysz) __attribute__((warn_unused_result));

void outbox_rec_free(outbox_rec *r);

#endif
