/* tlsrec.c: the TLS 1.3 record layer after the handshake (see tlsrec.h):
 * RFC 8446 section 5 framing (5-byte header as additional data, nonce =
 * iv XOR sequence, inner plaintext = content || type || zero padding),
 * section 7.1-7.2 key derivation (HKDF-Expand-Label through OpenSSL's
 * EVP_KDF "HKDF") and section 4.6.3 KeyUpdate. The AEAD is OpenSSL's: one
 * EVP_CIPHER_CTX per worker, keyed again for every record. */
#include "tlsrec.h"

#include <string.h>

#include <event2/buffer.h>
#include <openssl/core_names.h>
#include <openssl/crypto.h>
#include <openssl/err.h>
#include <openssl/evp.h>
#include <openssl/kdf.h>

#include "util.h"

#define CT_ALERT     21
#define CT_HANDSHAKE 22
#define CT_APPDATA   23
#define CT_CCS       20
#define HS_KEYUPDATE 24

static const struct {
	const char *cipher, *md;
	size_t key_len, hash_len;
	uint16_t id;
} suite_table[TLSREC_SUITES] = {
        [TLSREC_AES_128_GCM_SHA256] = {"AES-128-GCM", "SHA256", 16, 32, 0x1301},
        [TLSREC_AES_256_GCM_SHA384] = {"AES-256-GCM", "SHA384", 32, 48, 0x1302},
        [TLSREC_CHACHA20_POLY1305_SHA256] = {"ChaCha20-Poly1305", "SHA256", 32,
                                             32, 0x1303},
};

struct tlsrec_engine {
	EVP_CIPHER_CTX *ctx;
	int keyed; /* the suite whose cipher ctx holds; TLSREC_NONE: none */
	EVP_CIPHER *cipher[TLSREC_SUITES];
	EVP_KDF *hkdf;
	uint8_t buf[TLSREC_CIPHER_MAX]; /* one record's plaintext */
};

struct tlsrec_engine *tlsrec_engine_new(void)
{
	struct tlsrec_engine *e = xcalloc(1, sizeof(*e));

	e->ctx = EVP_CIPHER_CTX_new();
	e->hkdf = EVP_KDF_fetch(NULL, "HKDF", NULL);
	if (!e->ctx || !e->hkdf)
		goto fail;
	for (int s = 1; s < TLSREC_SUITES; s++)
		if (!(e->cipher[s] = EVP_CIPHER_fetch(
		              NULL, suite_table[s].cipher, NULL)))
			goto fail;
	return e;
fail:
	ERR_clear_error();
	tlsrec_engine_free(e);
	return NULL;
}

void tlsrec_engine_free(struct tlsrec_engine *e)
{
	if (!e)
		return;
	EVP_CIPHER_CTX_free(e->ctx);
	for (int s = 1; s < TLSREC_SUITES; s++)
		EVP_CIPHER_free(e->cipher[s]);
	EVP_KDF_free(e->hkdf);
	OPENSSL_cleanse(e->buf, sizeof(e->buf));
	free(e);
}

int tlsrec_suite_of(uint16_t protocol_id)
{
	for (int s = 1; s < TLSREC_SUITES; s++)
		if (suite_table[s].id == protocol_id)
			return s;
	return TLSREC_NONE;
}

/* ---------------------------------------------------------------- keys */

/* HKDF-Expand-Label(secret, label, "", len) (RFC 8446 section 7.1). */
static int expand_label(struct tlsrec_engine *e, int suite,
                        const uint8_t *secret, const char *label, uint8_t *out,
                        size_t len)
{
	uint8_t info[2 + 1 + 6 + 16 + 1];
	size_t ll = strlen(label), n = 0;
	int mode = EVP_KDF_HKDF_MODE_EXPAND_ONLY, ok;
	EVP_KDF_CTX *k;
	OSSL_PARAM p[5];

	if (ll > 16 || len > 255)
		return -1;
	info[n++] = 0;
	info[n++] = (uint8_t)len;
	info[n++] = (uint8_t)(6 + ll);
	memcpy(info + n, "tls13 ", 6);
	n += 6;
	memcpy(info + n, label, ll);
	n += ll;
	info[n++] = 0; /* empty context */
	p[0] = OSSL_PARAM_construct_int(OSSL_KDF_PARAM_MODE, &mode);
	p[1] = OSSL_PARAM_construct_utf8_string(
	        OSSL_KDF_PARAM_DIGEST, (char *)suite_table[suite].md, 0);
	p[2] = OSSL_PARAM_construct_octet_string(OSSL_KDF_PARAM_KEY,
	                                         (void *)secret,
	                                         suite_table[suite].hash_len);
	p[3] = OSSL_PARAM_construct_octet_string(OSSL_KDF_PARAM_INFO, info, n);
	p[4] = OSSL_PARAM_construct_end();
	k = EVP_KDF_CTX_new(e->hkdf);
	ok = k && EVP_KDF_derive(k, out, len, p) > 0;
	EVP_KDF_CTX_free(k);
	if (!ok)
		ERR_clear_error();
	return ok ? 0 : -1;
}

/* Key and IV of a direction from its traffic secret; sequence 0. */
static int dir_set(struct tlsrec_engine *e, int suite, struct tlsrec_dir *d,
                   const uint8_t *secret)
{
	if (secret != d->secret)
		memcpy(d->secret, secret, suite_table[suite].hash_len);
	d->seq = 0;
	if (expand_label(e, suite, d->secret, "key", d->key,
	                 suite_table[suite].key_len) != 0 ||
	    expand_label(e, suite, d->secret, "iv", d->iv, TLSREC_IV_LEN) != 0)
		return -1;
	return 0;
}

/* KeyUpdate: the next secret is HKDF-Expand-Label(secret, "traffic upd"). */
static int dir_update(struct tlsrec_engine *e, int suite, struct tlsrec_dir *d)
{
	uint8_t next[TLSREC_SECRET_MAX];
	int rc;

	if (expand_label(e, suite, d->secret, "traffic upd", next,
	                 suite_table[suite].hash_len) != 0)
		return -1;
	rc = dir_set(e, suite, d, next);
	OPENSSL_cleanse(next, sizeof(next));
	return rc;
}

int tlsrec_init(struct tlsrec_engine *e, struct tlsrec *r, int suite,
                const uint8_t *rd_secret, const uint8_t *wr_secret,
                size_t secret_len)
{
	memset(r, 0, sizeof(*r));
	if (suite <= TLSREC_NONE || suite >= TLSREC_SUITES ||
	    secret_len != suite_table[suite].hash_len)
		return -1;
	if (dir_set(e, suite, &r->rd, rd_secret) != 0 ||
	    dir_set(e, suite, &r->wr, wr_secret) != 0) {
		tlsrec_clear(r);
		return -1;
	}
	r->suite = (uint8_t)suite;
	return 0;
}

void tlsrec_clear(struct tlsrec *r)
{
	OPENSSL_cleanse(r, sizeof(*r));
}

/* ---------------------------------------------------------------- AEAD */

static void make_nonce(const struct tlsrec_dir *d, uint8_t nonce[12])
{
	memcpy(nonce, d->iv, TLSREC_IV_LEN);
	for (int i = 0; i < 8; i++)
		nonce[TLSREC_IV_LEN - 1 - i] ^= (uint8_t)(d->seq >> (8 * i));
}

/* Key the worker's context for one record of suite (enc: 1 seal, 0 open).
 * The cipher is named only when the context holds another suite's: naming
 * it resets the context, freeing and making again OpenSSL's cipher state
 * (test_rekey_cost: 0.53 -> 0.45 us a 100-byte record).
 * The key and nonce are set every time, so no record's state outlives it. */
static int aead_init(struct tlsrec_engine *e, int suite, const uint8_t *key,
                     const uint8_t *nonce, int enc)
{
	const EVP_CIPHER *c = e->keyed == suite ? NULL : e->cipher[suite];

	if (EVP_CipherInit_ex(e->ctx, c, NULL, key, nonce, enc) != 1) {
		e->keyed = TLSREC_NONE; /* named again next time */
		return -1;
	}
	e->keyed = suite;
	return 0;
}

/* Encrypt in (len) || type into out, tag after it; hdr is the AAD. */
static int aead_seal(struct tlsrec_engine *e, int suite,
                     const struct tlsrec_dir *d, const uint8_t hdr[5],
                     const uint8_t *in, size_t len, uint8_t type, uint8_t *out)
{
	uint8_t nonce[TLSREC_IV_LEN];
	int n, m, f;

	make_nonce(d, nonce);
	if (aead_init(e, suite, d->key, nonce, 1) != 0 ||
	    EVP_EncryptUpdate(e->ctx, NULL, &n, hdr, TLSREC_HEADER_LEN) != 1)
		return -1;
	n = 0;
	if (len && EVP_EncryptUpdate(e->ctx, out, &n, in, (int)len) != 1)
		return -1;
	if (EVP_EncryptUpdate(e->ctx, out + n, &m, &type, 1) != 1 ||
	    EVP_EncryptFinal_ex(e->ctx, out + n + m, &f) != 1 ||
	    (size_t)(n + m + f) != len + 1)
		return -1;
	return EVP_CIPHER_CTX_ctrl(e->ctx, EVP_CTRL_AEAD_GET_TAG,
	                           TLSREC_TAG_LEN, out + len + 1) == 1
	               ? 0
	               : -1;
}

/* Decrypt and authenticate ct (len bytes, tag included) into out. */
static int aead_open(struct tlsrec_engine *e, int suite,
                     const struct tlsrec_dir *d, const uint8_t *hdr,
                     const uint8_t *ct, size_t len, uint8_t *out)
{
	uint8_t nonce[TLSREC_IV_LEN];
	size_t clen = len - TLSREC_TAG_LEN;
	int n, f;

	make_nonce(d, nonce);
	if (aead_init(e, suite, d->key, nonce, 0) != 0 ||
	    EVP_CIPHER_CTX_ctrl(e->ctx, EVP_CTRL_AEAD_SET_TAG, TLSREC_TAG_LEN,
	                        (void *)(ct + clen)) != 1 ||
	    EVP_DecryptUpdate(e->ctx, NULL, &n, hdr, TLSREC_HEADER_LEN) != 1 ||
	    EVP_DecryptUpdate(e->ctx, out, &n, ct, (int)clen) != 1 ||
	    EVP_DecryptFinal_ex(e->ctx, out + n, &f) != 1 ||
	    (size_t)(n + f) != clen) {
		ERR_clear_error();
		return -1;
	}
	return 0;
}

/* ---------------------------------------------------------------- write */

int tlsrec_seal(struct tlsrec_engine *e, struct tlsrec *r, struct evbuffer *out,
                uint8_t type, const void *data, size_t len)
{
	size_t total = len + 1 + TLSREC_TAG_LEN;
	struct evbuffer_iovec v;
	uint8_t *p;

	if (r->suite == TLSREC_NONE || len > TLSREC_PLAIN_MAX ||
	    r->wr.seq == UINT64_MAX) /* never wraps: the connection ends */
		return -1;
	if (evbuffer_reserve_space(out, (ev_ssize_t)(TLSREC_HEADER_LEN + total),
	                           &v, 1) < 1 ||
	    v.iov_len < TLSREC_HEADER_LEN + total)
		return -1;
	p = v.iov_base;
	p[0] = CT_APPDATA;
	p[1] = 3;
	p[2] = 3;
	p[3] = (uint8_t)(total >> 8);
	p[4] = (uint8_t)total;
	if (aead_seal(e, r->suite, &r->wr, p, data, len, type,
	              p + TLSREC_HEADER_LEN) != 0) {
		ERR_clear_error();
		return -1;
	}
	r->wr.seq++;
	v.iov_len = TLSREC_HEADER_LEN + total;
	return evbuffer_commit_space(out, &v, 1) == 0 ? 0 : -1;
}

int tlsrec_write(struct tlsrec_engine *e, struct tlsrec *r,
                 struct evbuffer *out, const void *data, size_t len)
{
	const uint8_t *p = data;

	do {
		size_t n = len < TLSREC_PLAIN_MAX ? len : TLSREC_PLAIN_MAX;

		if (tlsrec_seal(e, r, out, CT_APPDATA, p, n) != 0)
			return -1;
		p += n;
		len -= n;
	} while (len);
	return 0;
}

void tlsrec_alert(struct tlsrec_engine *e, struct tlsrec *r,
                  struct evbuffer *out, uint8_t description)
{
	uint8_t a[2] = {description == TLSREC_ALERT_CLOSE_NOTIFY ? 1 : 2,
	                description};

	if (r->alert_out || r->suite == TLSREC_NONE)
		return;
	r->alert_out = 1;
	if (tlsrec_seal(e, r, out, CT_ALERT, a, sizeof(a)) != 0)
		return; /* best effort */
}

/* ---------------------------------------------------------------- read */

/* Refuse: send the alert (best effort) and end. */
static enum tlsrec_result refuse(struct tlsrec_engine *e, struct tlsrec *r,
                                 struct evbuffer *out, uint8_t alert,
                                 const char *what, const char **why)
{
	*why = what;
	tlsrec_alert(e, r, out, alert);
	return TLSREC_FAIL;
}

/* A handshake record after the handshake: exactly one whole KeyUpdate. */
static enum tlsrec_result on_handshake(struct tlsrec_engine *e,
                                       struct tlsrec *r, const uint8_t *m,
                                       size_t n, struct evbuffer *out,
                                       const char **why)
{
	static const uint8_t ours[5] = {HS_KEYUPDATE, 0, 0, 1, 0};

	if (m[0] != HS_KEYUPDATE)
		return refuse(e, r, out, TLSREC_ALERT_UNEXPECTED_MESSAGE,
		              "handshake_message", why);
	if (n != 5 || m[1] || m[2] || m[3] != 1)
		return refuse(e, r, out, TLSREC_ALERT_DECODE_ERROR,
		              "key_update_length", why);
	if (m[4] > 1)
		return refuse(e, r, out, TLSREC_ALERT_ILLEGAL_PARAMETER,
		              "key_update_value", why);
	if (dir_update(e, r->suite, &r->rd) != 0)
		return refuse(e, r, out, TLSREC_ALERT_INTERNAL_ERROR,
		              "key_update_derive", why);
	/* update_requested: ours goes out under the old keys, then switch */
	if (m[4] == 1 &&
	    (tlsrec_seal(e, r, out, CT_HANDSHAKE, ours, sizeof(ours)) != 0 ||
	     dir_update(e, r->suite, &r->wr) != 0))
		return refuse(e, r, out, TLSREC_ALERT_INTERNAL_ERROR,
		              "key_update_send", why);
	return TLSREC_AGAIN;
}

/* The inner plaintext of one authenticated record (n bytes in e->buf). */
static enum tlsrec_result on_inner(struct tlsrec_engine *e, struct tlsrec *r,
                                   size_t n, struct evbuffer *plain,
                                   struct evbuffer *out, const char **why)
{
	const uint8_t *m = e->buf;
	uint8_t type;

	while (n > 0 && m[n - 1] == 0)
		n--;
	if (n == 0)
		return refuse(e, r, out, TLSREC_ALERT_UNEXPECTED_MESSAGE,
		              "padding_only", why);
	type = m[--n];
	if (n > TLSREC_PLAIN_MAX)
		return refuse(e, r, out, TLSREC_ALERT_RECORD_OVERFLOW,
		              "plaintext_overflow", why);
	switch (type) {
	case CT_APPDATA:
		if (n && evbuffer_add(plain, m, n) != 0)
			return refuse(e, r, out, TLSREC_ALERT_INTERNAL_ERROR,
			              "out_of_memory", why);
		return TLSREC_AGAIN;
	case CT_ALERT:
		if (n != 2)
			return refuse(e, r, out, TLSREC_ALERT_DECODE_ERROR,
			              "alert_length", why);
		if (m[1] == TLSREC_ALERT_CLOSE_NOTIFY) {
			*why = "close_notify";
			return TLSREC_CLOSED;
		}
		r->alert_out = 1; /* the peer gave up: say nothing more */
		*why = "peer_alert";
		return TLSREC_FAIL;
	case CT_HANDSHAKE:
		if (n == 0)
			return refuse(e, r, out, TLSREC_ALERT_DECODE_ERROR,
			              "handshake_empty", why);
		return on_handshake(e, r, m, n, out, why);
	default:
		return refuse(e, r, out, TLSREC_ALERT_UNEXPECTED_MESSAGE,
		              "content_type", why);
	}
}

/* One whole record of len ciphertext bytes at the head of in. */
static enum tlsrec_result read_record(struct tlsrec_engine *e, struct tlsrec *r,
                                      struct evbuffer *in, size_t len,
                                      struct evbuffer *plain,
                                      struct evbuffer *out, const char **why)
{
	const uint8_t *p = evbuffer_pullup(in, (ev_ssize_t)(5 + len));

	if (!p)
		return refuse(e, r, out, TLSREC_ALERT_INTERNAL_ERROR,
		              "out_of_memory", why);
	if (r->rd.seq == UINT64_MAX)
		return refuse(e, r, out, TLSREC_ALERT_INTERNAL_ERROR,
		              "sequence_exhausted", why);
	if (aead_open(e, r->suite, &r->rd, p, p + TLSREC_HEADER_LEN, len,
	              e->buf) != 0)
		return refuse(e, r, out, TLSREC_ALERT_BAD_RECORD_MAC,
		              "bad_record_mac", why);
	r->rd.seq++;
	evbuffer_drain(in, TLSREC_HEADER_LEN + len);
	if (len - TLSREC_TAG_LEN > TLSREC_PLAIN_MAX + 1) /* RFC 8446 5.2 */
		return refuse(e, r, out, TLSREC_ALERT_RECORD_OVERFLOW,
		              "plaintext_overflow", why);
	return on_inner(e, r, len - TLSREC_TAG_LEN, plain, out, why);
}

enum tlsrec_result tlsrec_read(struct tlsrec_engine *e, struct tlsrec *r,
                               struct evbuffer *in, struct evbuffer *plain,
                               struct evbuffer *out, const char **why)
{
	uint8_t hdr[TLSREC_HEADER_LEN];
	enum tlsrec_result rc;
	size_t len;

	*why = NULL;
	if (r->suite == TLSREC_NONE) {
		*why = "no_keys";
		return TLSREC_FAIL;
	}
	while (evbuffer_copyout(in, hdr, sizeof(hdr)) ==
	       (ev_ssize_t)sizeof(hdr)) {
		len = (size_t)hdr[3] << 8 | hdr[4];
		if (hdr[0] == CT_CCS)
			return refuse(e, r, out,
			              TLSREC_ALERT_UNEXPECTED_MESSAGE,
			              "change_cipher_spec", why);
		if (hdr[0] != CT_APPDATA)
			return refuse(e, r, out,
			              TLSREC_ALERT_UNEXPECTED_MESSAGE,
			              "record_type", why);
		if (len > TLSREC_CIPHER_MAX)
			return refuse(e, r, out, TLSREC_ALERT_RECORD_OVERFLOW,
			              "record_overflow", why);
		if (len < TLSREC_TAG_LEN + 1)
			return refuse(e, r, out, TLSREC_ALERT_DECODE_ERROR,
			              "record_short", why);
		if (evbuffer_get_length(in) < TLSREC_HEADER_LEN + len)
			break;
		rc = read_record(e, r, in, len, plain, out, why);
		if (rc != TLSREC_AGAIN)
			return rc;
	}
	return TLSREC_AGAIN;
}
