/* audit_chain.h: one audit record and its place in a hash chain, the pure
 * part shared by cctns-server (which hashes) and cctns-admin (which
 * verifies): the canonical encoding, the SHA-256 link, cleaning of the
 * text fields, hex. OpenSSL's libcrypto only; unit-tested in
 * tests/unit/test_audit_chain.c.
 *
 * Canonical encoding (version 1) of a record, hashed with SHA-256:
 *   "cctns-audit-1", chain_id (16 bytes), seq, at_us, state, district,
 *   station, terminal, officer_no, action, record, outcome, prev_hash
 * each field as a 4-byte big-endian length then its bytes; integers as
 * 8 bytes big-endian (two's complement); a NULL (a code of 0, an empty
 * string) as the length 0xFFFFFFFF and no bytes. So no two different
 * records encode alike, whatever their strings hold. */
#ifndef CCTNS_SERVER_AUDIT_CHAIN_H
#define CCTNS_SERVER_AUDIT_CHAIN_H

#include <stddef.h>
#include <stdint.h>

#define AUDIT_HASH_LEN     32
#define AUDIT_CHAIN_LEN    16
#define AUDIT_TERMINAL_MAX 64
#define AUDIT_OFFICER_MAX  31
#define AUDIT_ACTION_MAX   47
#define AUDIT_RECORD_MAX   63
#define AUDIT_OUTCOME_MAX  31
#define AUDIT_ENCODED_MAX  512 /* bound on audit_encode's output */

struct audit_rec {
	uint8_t chain[AUDIT_CHAIN_LEN];
	uint64_t seq;  /* 1, 2, ... */
	int64_t at_us; /* microseconds since 1970-01-01 UTC */
	uint32_t state, district, station;     /* 0: none (NULL) */
	char terminal[AUDIT_TERMINAL_MAX + 1]; /* "": NULL */
	char officer[AUDIT_OFFICER_MAX + 1];   /* "": NULL */
	char action[AUDIT_ACTION_MAX + 1];
	char record[AUDIT_RECORD_MAX + 1]; /* "": NULL */
	char outcome[AUDIT_OUTCOME_MAX + 1];
	uint8_t prev[AUDIT_HASH_LEN];
	uint8_t hash[AUDIT_HASH_LEN]; /* set by audit_hash() */
};

/* Copy src (len bytes) into out (outsz > 0) keeping only characters a
 * record number, code or terminal name may hold: [A-Za-z0-9 ./:_-];
 * anything else becomes '?'. Truncated to outsz - 1. */
void audit_clean(const char *src, size_t len, char *out, size_t outsz);

/* The canonical encoding of r (with r->prev, without r->hash) into buf
 * (AUDIT_ENCODED_MAX bytes). Returns its length. */
size_t audit_encode(const struct audit_rec *r, uint8_t *buf);

/* Compute r->hash = SHA-256(audit_encode(r)). Returns 0, -1 on an OpenSSL
 * failure. */
int audit_hash(struct audit_rec *r) __attribute__((warn_unused_result));

/* Lower-case hex of n bytes into out (2n + 1 bytes). */
void audit_hex(const uint8_t *b, size_t n, char *out);

/* Parse 2n hex digits (an optional "\x" prefix is skipped) into n bytes.
 * Returns 0, or -1 when s is not exactly that. */
int audit_unhex(const char *s, uint8_t *out, size_t n)
        __attribute__((warn_unused_result));

/* A uuid's text form (36 chars + NUL) and back. */
void audit_uuid_str(const uint8_t id[AUDIT_CHAIN_LEN], char out[37]);
int audit_uuid_parse(const char *s, uint8_t id[AUDIT_CHAIN_LEN])
        __attribute__((warn_unused_result));

#endif
