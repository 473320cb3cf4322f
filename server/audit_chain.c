/* audit_chain.c: the canonical encoding and SHA-256 link of audit records
 * (audit_chain.h), shared by the server and cctns-admin. */
#include "audit_chain.h"

#include <string.h>
#include <threads.h>

#include <openssl/evp.h>

#include "util.h"

#define AUDIT_TAG "cctns-audit-1"
#define NULL_LEN  0xFFFFFFFFu

void audit_clean(const char *src, size_t len, char *out, size_t outsz)
{
	static const char ok[] = " ./:_-";
	size_t n = 0;

	for (size_t i = 0; i < len && n + 1 < outsz; i++) {
		unsigned char c = (unsigned char)src[i];
		int keep = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') ||
		           (c >= '0' && c <= '9') || (c && strchr(ok, c));

		out[n++] = keep ? (char)c : '?';
	}
	out[n] = '\0';
}

static size_t put_len(uint8_t *buf, size_t at, uint32_t len)
{
	buf[at] = (uint8_t)(len >> 24);
	buf[at + 1] = (uint8_t)(len >> 16);
	buf[at + 2] = (uint8_t)(len >> 8);
	buf[at + 3] = (uint8_t)len;
	return at + 4;
}

static size_t put_bytes(uint8_t *buf, size_t at, const void *p, size_t n)
{
	at = put_len(buf, at, (uint32_t)n);
	memcpy(buf + at, p, n);
	return at + n;
}

static size_t put_u64(uint8_t *buf, size_t at, uint64_t v)
{
	uint8_t b[8];

	for (int i = 0; i < 8; i++)
		b[i] = (uint8_t)(v >> (56 - 8 * i));
	return put_bytes(buf, at, b, sizeof(b));
}

/* A code: 0 is NULL. */
static size_t put_code(uint8_t *buf, size_t at, uint32_t v)
{
	return v ? put_u64(buf, at, v) : put_len(buf, at, NULL_LEN);
}

/* A string: "" is NULL. */
static size_t put_str(uint8_t *buf, size_t at, const char *s)
{
	return *s ? put_bytes(buf, at, s, strlen(s))
	          : put_len(buf, at, NULL_LEN);
}

size_t audit_encode(const struct audit_rec *r, uint8_t *buf)
{
	size_t at = 0;

	at = put_bytes(buf, at, AUDIT_TAG, sizeof(AUDIT_TAG) - 1);
	at = put_bytes(buf, at, r->chain, AUDIT_CHAIN_LEN);
	at = put_u64(buf, at, r->seq);
	at = put_u64(buf, at, (uint64_t)r->at_us);
	at = put_code(buf, at, r->state);
	at = put_code(buf, at, r->district);
	at = put_code(buf, at, r->station);
	at = put_str(buf, at, r->terminal);
	at = put_str(buf, at, r->officer);
	at = put_str(buf, at, r->action);
	at = put_str(buf, at, r->record);
	at = put_str(buf, at, r->outcome);
	at = put_bytes(buf, at, r->prev, AUDIT_HASH_LEN);
	return at;
}

/* SHA-256, fetched once per process: EVP_sha256() makes EVP_Digest fetch
 * the algorithm from the provider at every call, which was half of a
 * record's hashing (tests/bench/README.md, "Tenth run"). Kept until exit. */
static EVP_MD *sha256_md;

static void sha256_fetch(void)
{
	sha256_md = EVP_MD_fetch(NULL, "SHA2-256", NULL);
}

int audit_hash(struct audit_rec *r)
{
	static once_flag once = ONCE_FLAG_INIT;
	uint8_t buf[AUDIT_ENCODED_MAX];
	size_t n = audit_encode(r, buf);
	unsigned int len = 0;

	call_once(&once, sha256_fetch);
	if (!sha256_md ||
	    EVP_Digest(buf, n, r->hash, &len, sha256_md, NULL) != 1 ||
	    len != AUDIT_HASH_LEN)
		return -1;
	return 0;
}

void audit_hex(const uint8_t *b, size_t n, char *out)
{
	hex_encode(b, n, out);
}

int audit_unhex(const char *s, uint8_t *out, size_t n)
{
	if (s[0] == '\\' && s[1] == 'x')
		s += 2;
	return hex_decode(s, out, n);
}

void audit_uuid_str(const uint8_t id[AUDIT_CHAIN_LEN], char out[37])
{
	char hex[2 * AUDIT_CHAIN_LEN + 1];

	audit_hex(id, AUDIT_CHAIN_LEN, hex);
	memcpy(out, hex, 8);
	out[8] = '-';
	memcpy(out + 9, hex + 8, 4);
	out[13] = '-';
	memcpy(out + 14, hex + 12, 4);
	out[18] = '-';
	memcpy(out + 19, hex + 16, 4);
	out[23] = '-';
	memcpy(out + 24, hex + 20, 12);
	out[36] = '\0';
}

int audit_uuid_parse(const char *s, uint8_t id[AUDIT_CHAIN_LEN])
{
	char hex[2 * AUDIT_CHAIN_LEN + 1];
	size_t n = 0;

	for (; *s; s++) {
		if (*s == '-')
			continue;
		if (n == 2 * AUDIT_CHAIN_LEN)
			return -1;
		hex[n++] = *s;
	}
	hex[n] = '\0';
	return audit_unhex(hex, id, AUDIT_CHAIN_LEN);
}
