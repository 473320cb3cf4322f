/* audit_sealed.c (sealed2): `cctns-admin audit verify` for the chain of
 * sealed reads (audit.sealed_read, audit.sealed_head; migration 0035).
 * Each row's hash is recomputed here, in C, from its columns with the
 * encoding of core.sealed_read_encode (version 1):
 *   "cctns-sealed-1", seq, at (microseconds since 1970 UTC), state,
 *   district, station (each 8 bytes big-endian), officer_no, action,
 *   record, person_ids as text ("{1,2}"), sealed_by (each a 4-byte
 *   big-endian length then the bytes; NULL as ffffffff and no bytes),
 *   prev_hash (32 bytes); hash = SHA-256 of that.
 * The rows are streamed in seq order (libpq single-row mode); the first
 * broken link is named: a gap (deleted row), a prev_hash or hash mismatch
 * (edited row), a tail cut behind the head. */
#include "audit_sealed.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <openssl/evp.h>

#include "audit_chain.h"
#include "audit_walk.h"
#include "db.h"

#define SEALED_MAGIC "cctns-sealed-1"

static int put_int(EVP_MD_CTX *md, long long v)
{
	uint8_t b[8];
	unsigned long long u = (unsigned long long)v;

	for (int i = 7; i >= 0; i--) {
		b[i] = (uint8_t)(u & 0xff);
		u >>= 8;
	}
	return EVP_DigestUpdate(md, b, sizeof(b)) == 1 ? 0 : -1;
}

static int put_text(EVP_MD_CTX *md, const PGresult *res, int col)
{
	uint8_t len[4] = {0xff, 0xff, 0xff, 0xff};
	size_t n;

	if (PQgetisnull(res, 0, col))
		return EVP_DigestUpdate(md, len, sizeof(len)) == 1 ? 0 : -1;
	n = (size_t)PQgetlength(res, 0, col);
	len[0] = (uint8_t)(n >> 24);
	len[1] = (uint8_t)(n >> 16);
	len[2] = (uint8_t)(n >> 8);
	len[3] = (uint8_t)n;
	if (EVP_DigestUpdate(md, len, sizeof(len)) != 1 ||
	    EVP_DigestUpdate(md, PQgetvalue(res, 0, col), n) != 1)
		return -1;
	return 0;
}

/* Columns: 0 seq, 1 at_us, 2 state, 3 district, 4 station, 5 officer_no,
 * 6 action, 7 record, 8 person_ids, 9 sealed_by, 10 prev hex, 11 hash hex */
static int row_hash(const PGresult *res, const uint8_t *prev, uint8_t *out)
{
	EVP_MD_CTX *md = EVP_MD_CTX_new();
	unsigned int outlen = 0;
	int rc = -1;

	if (!md)
		return -1;
	if (EVP_DigestInit_ex(md, EVP_sha256(), NULL) != 1 ||
	    EVP_DigestUpdate(md, SEALED_MAGIC, strlen(SEALED_MAGIC)) != 1)
		goto fail;
	for (int col = 0; col <= 4; col++)
		if (put_int(md, strtoll(PQgetvalue(res, 0, col), NULL, 10)))
			goto fail;
	for (int col = 5; col <= 9; col++)
		if (put_text(md, res, col))
			goto fail;
	if (EVP_DigestUpdate(md, prev, AUDIT_HASH_LEN) != 1 ||
	    EVP_DigestFinal_ex(md, out, &outlen) != 1 ||
	    outlen != AUDIT_HASH_LEN)
		goto fail;
	rc = 0;
fail:
	EVP_MD_CTX_free(md);
	return rc;
}

static void sealed_broken(int *broken, unsigned long long seq, const char *what)
{
	printf("audit: sealed reads broken at seq %llu: %s\n", seq, what);
	*broken = 1;
}

/* One streamed row against the chain so far (audit_row_fn): 0 while it
 * holds, -1 at the first broken link (printed). */
static int sealed_row(const PGresult *res, void *arg)
{
	struct audit_link *l = arg;
	unsigned long long seq = strtoull(PQgetvalue(res, 0, 0), NULL, 10);
	uint8_t prev[AUDIT_HASH_LEN] = {0}, stored[AUDIT_HASH_LEN] = {0},
	        hash[AUDIT_HASH_LEN] = {0};
	unsigned long long at;
	char why[96];
	int broken = 0;

	if (seq == l->expect) { /* else audit_link_next names the gap */
		if (audit_unhex(PQgetvalue(res, 0, 10), prev, AUDIT_HASH_LEN) ||
		    audit_unhex(PQgetvalue(res, 0, 11), stored,
		                AUDIT_HASH_LEN)) {
			sealed_broken(&broken, seq, "unreadable record");
			return -1;
		}
		if (row_hash(res, prev, hash) != 0) /* a hash mismatch */
			memset(hash, ~stored[0], sizeof(hash));
	}
	if (audit_link_next(l, seq, prev, stored, hash, &at, why,
	                    sizeof(why)) != 0) {
		sealed_broken(&broken, at, why);
		return -1;
	}
	return 0;
}

int audit_verify_sealed(PGconn *c, long long *records)
{
	static const char sql[] =
	        "SELECT seq, (extract(epoch FROM at) * 1000000)::bigint, "
	        "state_code, district_code, station_code, officer_no, action, "
	        "record, person_ids::text, sealed_by, encode(prev_hash, "
	        "'hex'), encode(hash, 'hex') FROM audit.sealed_read "
	        "WHERE $1::bigint IS NULL OR seq <= $1::bigint ORDER BY seq";
	static const char beyond_sql[] =
	        "SELECT min(r.seq) FROM audit.sealed_read r "
	        "JOIN audit.sealed_head h ON r.seq > h.last_seq";
	struct audit_link l;
	char last[32] = "", hash[2 * AUDIT_HASH_LEN + 1] = "";
	const char *params[1] = {NULL};
	unsigned long long at;
	char why[96];
	int held, broken = 0, beyond;
	/* The head first: the walk goes up to it, so that reads sealed while
	 * verify runs are left to the next run (audit.c says why). */
	PGresult *res = db_exec(c, "audit verify",
	                        "SELECT last_seq, encode(last_hash, 'hex') "
	                        "FROM audit.sealed_head",
	                        0, NULL);

	if (!res)
		return -1;
	if (PQntuples(res) == 1) {
		snprintf(last, sizeof(last), "%s", PQgetvalue(res, 0, 0));
		snprintf(hash, sizeof(hash), "%s", PQgetvalue(res, 0, 1));
		params[0] = last;
	}
	PQclear(res);
	audit_link_init(&l);
	held = audit_walk(c, "audit verify", sql, 1, params, sealed_row, &l);
	if (held < 0)
		return -1;
	if (held == 0)
		return 1;
	*records = l.records;
	/* The end of the chain must be its head, or the tail was cut; and
	 * nothing may lie beyond the head now. */
	if (!params[0]) {
		sealed_broken(&broken, l.expect,
		              "the head (audit.sealed_head) is gone");
		return 1;
	}
	if (audit_link_end(&l, strtoull(last, NULL, 10), hash,
	                   "audit.sealed_head", &at, why, sizeof(why)) != 0) {
		sealed_broken(&broken, at, why);
		return 1;
	}
	beyond = audit_beyond_head(c, beyond_sql, 0, NULL, &at);
	if (beyond < 0)
		return -1;
	if (beyond)
		sealed_broken(&broken, at, "record beyond the chain's head");
	return broken;
}
