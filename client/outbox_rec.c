/* outbox_rec.c: the outbox record's bytes (see outbox_rec.h): encode, and
 * a reader that trusts nothing it has not checked. */
#include "outbox_rec.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <openssl/evp.h>

#include "envelope.h"
#include "util.h"

#define MAGIC_LEN 8u
#define FIXED_LEN (MAGIC_LEN + 4u + 4u + 8u)

static int sha256(const uint8_t *p, size_t n, uint8_t out[OUTBOX_SUM_LEN])
{
	unsigned int len = 0;

	if (EVP_Digest(p, n, out, &len, EVP_sha256(), NULL) != 1 ||
	    len != OUTBOX_SUM_LEN)
		return -1;
	return 0;
}

static int text_ok(const char *s, size_t n)
{
	if (n == 0 || n > OUTBOX_TEXT_MAX)
		return 0;
	for (size_t i = 0; i < n; i++)
		if (s[i] < 0x20 || s[i] > 0x7e)
			return 0;
	return 1;
}

/* ------------------------------------------------------------ writing */

static uint8_t *put_be(uint8_t *p, uint64_t v, size_t n)
{
	for (size_t i = 0; i < n; i++)
		p[i] = (uint8_t)(v >> (8 * (n - 1 - i)));
	return p + n;
}

static uint8_t *put_text(uint8_t *p, const char *s)
{
	size_t n = strlen(s);

	p = put_be(p, n, 2);
	memcpy(p, s, n);
	return p + n;
}

int outbox_rec_encode(const outbox_rec *r, uint8_t **out, size_t *len)
{
	size_t nr = strlen(r->receipt), nn = strlen(r->noun), total;
	uint8_t *buf, *p;

	if (!text_ok(r->receipt, nr) || !text_ok(r->noun, nn) ||
	    r->request_len == 0 || r->request_len > OUTBOX_MAX_REQUEST)
		return -1;
	total = FIXED_LEN + 2 + nr + 2 + nn + 4 + r->request_len +
	        OUTBOX_SUM_LEN;
	buf = xmalloc(total);
	memcpy(buf, OUTBOX_MAGIC, MAGIC_LEN);
	p = put_be(buf + MAGIC_LEN, r->version, 4);
	p = put_be(p, r->kind, 4);
	p = put_be(p, (uint64_t)r->queued_at, 8);
	p = put_text(p, r->receipt);
	p = put_text(p, r->noun);
	p = put_be(p, r->request_len, 4);
	memcpy(p, r->request, r->request_len);
	p += r->request_len;
	if (sha256(buf, (size_t)(p - buf), p) < 0) {
		free(buf);
		return -1;
	}
	*out = buf;
	*len = total;
	return 0;
}

/* ------------------------------------------------------------ reading */

typedef struct reader {
	const uint8_t *p;
	size_t left;
} reader;

static int get_be(reader *rd, size_t n, uint64_t *v)
{
	if (rd->left < n)
		return -1;
	*v = 0;
	for (size_t i = 0; i < n; i++)
		*v = (*v << 8) | rd->p[i];
	rd->p += n;
	rd->left -= n;
	return 0;
}

static int get_text(reader *rd, char *out)
{
	uint64_t n;

	if (get_be(rd, 2, &n) < 0 || n > rd->left ||
	    !text_ok((const char *)rd->p, (size_t)n))
		return -1;
	memcpy(out, rd->p, (size_t)n);
	out[n] = '\0';
	rd->p += n;
	rd->left -= (size_t)n;
	return 0;
}

static int fail(char *why, size_t whysz, const char *text)
{
	snprintf(why, whysz, "%s", text);
	return -1;
}

/* The request must be an Envelope whose body is of the recorded kind. */
static int request_ok(const outbox_rec *r)
{
	Envelope *env =
	        cctns__v1__envelope__unpack(NULL, r->request_len, r->request);
	int ok;

	if (!env)
		return 0;
	ok = (uint32_t)env->body_case == r->kind && r->kind != 0;
	cctns__v1__envelope__free_unpacked(env, NULL);
	return ok;
}

static int read_fields(reader *rd, outbox_rec *r, char *why, size_t whysz)
{
	uint64_t v, n;

	if (get_be(rd, 4, &v) < 0)
		return fail(why, whysz, "cut short");
	r->version = (uint32_t)v;
	if (r->version != OUTBOX_FORMAT)
		return fail(why, whysz, "unknown format version");
	if (get_be(rd, 4, &v) < 0)
		return fail(why, whysz, "cut short");
	r->kind = (uint32_t)v;
	if (get_be(rd, 8, &v) < 0)
		return fail(why, whysz, "cut short");
	r->queued_at = (int64_t)v;
	if (get_text(rd, r->receipt) < 0 || get_text(rd, r->noun) < 0)
		return fail(why, whysz, "bad receipt or kind text");
	if (get_be(rd, 4, &n) < 0 || n == 0 || n > OUTBOX_MAX_REQUEST ||
	    n != rd->left)
		return fail(why, whysz, "bad request length");
	r->request = xmalloc((size_t)n);
	memcpy(r->request, rd->p, (size_t)n);
	r->request_len = (size_t)n;
	if (!request_ok(r))
		return fail(why, whysz,
		            "the request is not a request of its kind");
	return 0;
}

int outbox_rec_decode(const uint8_t *buf, size_t len, outbox_rec *r, char *why,
                      size_t whysz)
{
	uint8_t sum[OUTBOX_SUM_LEN];
	reader rd;

	memset(r, 0, sizeof(*r));
	if (len < FIXED_LEN + OUTBOX_SUM_LEN)
		return fail(why, whysz, "cut short");
	if (memcmp(buf, OUTBOX_MAGIC, MAGIC_LEN) != 0)
		return fail(why, whysz, "not an outbox record");
	if (sha256(buf, len - OUTBOX_SUM_LEN, sum) < 0)
		return fail(why, whysz, "no SHA-256 available");
	if (memcmp(sum, buf + len - OUTBOX_SUM_LEN, OUTBOX_SUM_LEN) != 0)
		return fail(why, whysz,
		            "checksum does not match (torn or altered)");
	rd.p = buf + MAGIC_LEN;
	rd.left = len - MAGIC_LEN - OUTBOX_SUM_LEN;
	if (read_fields(&rd, r, why, whysz) < 0) {
		outbox_rec_free(r);
		return -1;
	}
	return 0;
}

void outbox_rec_free(outbox_rec *r)
{
	free(r->request);
	r->request = NULL;
	r->request_len = 0;
}
