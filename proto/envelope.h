/* envelope.h: encoding, decoding and structural validation of
 * cctns.v1.Envelope. Validation here is what every request must satisfy
 * before dispatch (request id, a known request body, required fields
 * present); content rules (dates, codes, sections) live in fir_check.h and in
 * the database. */
#ifndef CCTNS_ENVELOPE_H
#define CCTNS_ENVELOPE_H

#include <stddef.h>
#include <stdint.h>

#include "cctns.pb-c.h"

typedef Cctns__V1__Envelope Envelope;

/* Result of a check: ok, or a status code with a field path and a message. */
typedef struct check_error {
	Cctns__V1__StatusCode code; /* CCTNS__V1__STATUS_CODE__OK when fine */
	char field[128];            /* e.g. "register_fir.fir.charges[0].act" */
	char message[256];          /* for a person: what is wrong */
} check_error;

/* Fill err (code, field, printf-style message). Returns -1 so callers can
 * write "return check_fail(err, ...)". */
int check_fail(check_error *err, Cctns__V1__StatusCode code, const char *field,
               const char *fmt, ...) __attribute__((format(printf, 4, 5)));

/* Unpack one envelope body. NULL if the bytes are not a valid Envelope.
 * The caller frees the result with envelope_free(). */
Envelope *envelope_decode(const uint8_t *body, size_t len)
        __attribute__((warn_unused_result));
void envelope_free(Envelope *env);

/* Serialize env as one frame (header + body) into a malloc'd buffer owned by
 * the caller. Returns -1 if the body would exceed max. */
int envelope_encode_frame(const Envelope *env, uint32_t max, uint8_t **out,
                          size_t *out_len) __attribute__((warn_unused_result));

/* Is this body a request a client may send (hello, register_fir, get_fir,
 * add_gd_entry, ...), rather than a response? */
int envelope_is_request(const Envelope *env);

/* Structural checks of a request from a client: non-zero request_id, a
 * request body, required sub-messages present, idempotency key of 16 bytes
 * on writes, string lengths within limits, valid UTF-8 in every string.
 * Returns 0, or -1 with err filled. */
int envelope_check_request(const Envelope *env, check_error *err)
        __attribute__((warn_unused_result));

/* Name of the body case for logs and metrics: "hello", "register_fir", ...
 * "none" when unset. */
const char *envelope_body_name(const Envelope *env);

/* ------------------------------------------------------------ forms
 * The same checks, for the terminal's forms, which check each answer as it
 * is given. Paths in err are relative to m ("name", "address.pincode",
 * "charges[0].section"). */

/* Check field (by its proto name) of m: its value (a sub-message
 * recursively, every entry of a repeated field) and the rules that follow
 * it (cross-field rules sit on the later field). 0 or -1 with err. */
int envelope_check_field(const ProtobufCMessage *m, const char *field,
                         check_error *err) __attribute__((warn_unused_result));

/* Check every field of m. 0 or -1 with err. */
int envelope_check_message(const ProtobufCMessage *m, check_error *err)
        __attribute__((warn_unused_result));

/* What the rules say about a field, for asking it. */
typedef struct field_rule_info {
	int required;       /* must be given (a repeated field: one entry) */
	int lines;          /* a text that may hold line breaks */
	int bytes;          /* max counts bytes, not characters */
	size_t max;         /* characters (bytes) of a string, or entries */
	const char *expect; /* the format, "6 digits like 226001", or NULL */
	int is_time;        /* an RFC 3339 time */
	int is_date;        /* a date YYYY-MM-DD */
} field_rule_info;

void envelope_field_info(const ProtobufCMessageDescriptor *msg,
                         const char *field, field_rule_info *out);

/* ops (slice 11): an FIR number as the station writes it ("42/2026",
 * "0042/2026": 1..9 digits, "/", 4 digits; the request check and
 * core.fir_number_parse take the same) into its number and year, read as
 * the database reads them, so "12/2026" and "0012/2026" give 12 and 2026.
 * 0, or -1 when s is not one (nothing written). */
int envelope_fir_number_parse(const char *s, uint32_t *no, uint32_t *year);

#endif
