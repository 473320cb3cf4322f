/* certcache.c: the verified-certificate cache of a TLS context (see
 * certcache.h). A set-associative table: the first bytes of a key pick a
 * set of CERTCACHE_WAYS entries, the least recently used of which makes
 * room for a new one. */
#include "certcache.h"

#include <stdlib.h>
#include <string.h>

#include <openssl/err.h>
#include <openssl/evp.h>
#include <openssl/x509.h>

#include "metrics.h"
#include "util.h"

struct certcache_entry {
	uint8_t key[CERTCACHE_KEY];
	int64_t not_before, not_after; /* of the whole chain */
	int64_t verified_at;           /* 0: the entry is empty */
	uint64_t used;                 /* tick of the last hit or put */
};

struct certcache {
	struct certcache_entry *table; /* sets * CERTCACHE_WAYS, lazily */
	unsigned sets;                 /* a power of two */
	long ttl_s;
	uint64_t tick;
	uint64_t hits, full, entries;
};

static struct metrics *cc_metrics; /* the worker's, NULL in unit tests */
static int cc_index = -1;          /* SSL_CTX ex_data slot */

#define COUNT(field)                                                           \
	do {                                                                   \
		if (cc_metrics)                                                \
			cc_metrics->field++;                                   \
	} while (0)

struct certcache *certcache_new(unsigned sets, long ttl_s)
{
	struct certcache *c = xcalloc(1, sizeof(*c));

	c->sets = 1;
	while (c->sets < sets && c->sets < (1u << 20))
		c->sets <<= 1;
	c->ttl_s = ttl_s;
	return c;
}

void certcache_free(struct certcache *c)
{
	if (!c)
		return;
	if (c->table)
		OPENSSL_cleanse(c->table,
		                sizeof(*c->table) * c->sets * CERTCACHE_WAYS);
	free(c->table);
	free(c);
}

static struct certcache_entry *set_of(struct certcache *c,
                                      const uint8_t key[CERTCACHE_KEY])
{
	uint32_t h;

	if (!c->table)
		c->table = xcalloc((size_t)c->sets * CERTCACHE_WAYS,
		                   sizeof(*c->table));
	memcpy(&h, key, sizeof(h)); /* a SHA-256: its bytes are uniform */
	return c->table + (size_t)(h & (c->sets - 1)) * CERTCACHE_WAYS;
}

static void entry_drop(struct certcache *c, struct certcache_entry *e)
{
	memset(e, 0, sizeof(*e));
	c->entries--;
}

int certcache_hit(struct certcache *c, const uint8_t key[CERTCACHE_KEY],
                  time_t now)
{
	struct certcache_entry *set = set_of(c, key), *e;

	for (int w = 0; w < CERTCACHE_WAYS; w++) {
		e = &set[w];
		if (!e->verified_at || memcmp(e->key, key, CERTCACHE_KEY) != 0)
			continue;
		/* past the TTL, a clock gone back, outside the validity */
		if (now < e->verified_at || now - e->verified_at >= c->ttl_s ||
		    now < e->not_before || now > e->not_after) {
			entry_drop(c, e);
			return 0;
		}
		e->used = ++c->tick;
		return 1;
	}
	return 0;
}

void certcache_put(struct certcache *c, const uint8_t key[CERTCACHE_KEY],
                   time_t not_before, time_t not_after, time_t now)
{
	struct certcache_entry *set = set_of(c, key), *e = NULL;

	for (int w = 0; w < CERTCACHE_WAYS && !e; w++)
		if (set[w].verified_at &&
		    memcmp(set[w].key, key, CERTCACHE_KEY) == 0)
			e = &set[w];
	for (int w = 0; w < CERTCACHE_WAYS && !e; w++)
		if (!set[w].verified_at)
			e = &set[w];
	if (!e) {
		e = &set[0];
		for (int w = 1; w < CERTCACHE_WAYS; w++)
			if (set[w].used < e->used)
				e = &set[w];
		entry_drop(c, e);
	}
	if (!e->verified_at)
		c->entries++;
	memcpy(e->key, key, CERTCACHE_KEY);
	e->not_before = not_before;
	e->not_after = not_after;
	e->verified_at = now > 0 ? now : 1;
	e->used = ++c->tick;
}

int certcache_key(X509 *cert, uint8_t key[CERTCACHE_KEY])
{
	static EVP_MD *sha256; /* fetched once: a fetch per call costs */
	unsigned int len = 0;

	if (!sha256)
		sha256 = EVP_MD_fetch(NULL, "SHA256", NULL);
	if (!sha256 || !X509_digest(cert, sha256, key, &len) ||
	    len != CERTCACHE_KEY) {
		ERR_clear_error();
		return -1;
	}
	return 0;
}

static int asn1_time_t(const ASN1_TIME *a, int64_t *out)
{
	struct tm tm;

	if (!a || ASN1_TIME_to_tm(a, &tm) != 1)
		return -1;
	*out = (int64_t)timegm(&tm);
	return 0;
}

/* The window in which every certificate of chain is valid. */
static int chain_window(STACK_OF(X509) * chain, int64_t *nb, int64_t *na)
{
	int64_t b, a;

	if (!chain || sk_X509_num(chain) < 1)
		return -1;
	*nb = INT64_MIN;
	*na = INT64_MAX;
	for (int i = 0; i < sk_X509_num(chain); i++) {
		X509 *x = sk_X509_value(chain, i);

		if (asn1_time_t(X509_get0_notBefore(x), &b) != 0 ||
		    asn1_time_t(X509_get0_notAfter(x), &a) != 0)
			return -1;
		if (b > *nb)
			*nb = b;
		if (a < *na)
			*na = a;
	}
	return 0;
}

static time_t verify_now(X509_STORE_CTX *sctx)
{
	X509_VERIFY_PARAM *p = X509_STORE_CTX_get0_param(sctx);

	if (p && (X509_VERIFY_PARAM_get_flags(p) & X509_V_FLAG_USE_CHECK_TIME))
		return X509_VERIFY_PARAM_get_time(p);
	return time(NULL);
}

int certcache_verify(struct certcache *c, X509_STORE_CTX *sctx)
{
	X509 *leaf = X509_STORE_CTX_get0_cert(sctx);
	time_t now = verify_now(sctx);
	uint8_t key[CERTCACHE_KEY];
	int64_t nb, na;
	int have_key = leaf && c && certcache_key(leaf, key) == 0;
	int ok;

	if (have_key && certcache_hit(c, key, now)) {
		c->hits++;
		COUNT(tls_verify_cached);
		X509_STORE_CTX_set_error(sctx, X509_V_OK);
		return 1;
	}
	if (c)
		c->full++;
	COUNT(tls_verify_full);
	ok = X509_verify_cert(sctx);
	if (ok == 1 && have_key &&
	    X509_STORE_CTX_get_error(sctx) == X509_V_OK &&
	    chain_window(X509_STORE_CTX_get0_chain(sctx), &nb, &na) == 0)
		certcache_put(c, key, (time_t)nb, (time_t)na, now);
	return ok == 1 ? 1 : 0;
}

static int certcache_cb(X509_STORE_CTX *sctx, void *arg)
{
	return certcache_verify(arg, sctx);
}

static void certcache_ex_free(void *parent, void *ptr, CRYPTO_EX_DATA *ad,
                              int idx, long argl, void *argp)
{
	(void)parent, (void)ad, (void)idx, (void)argl, (void)argp;
	certcache_free(ptr);
}

int certcache_attach(SSL_CTX *ctx)
{
	struct certcache *c;

	if (cc_index < 0)
		cc_index = SSL_CTX_get_ex_new_index(0, NULL, NULL, NULL,
		                                    certcache_ex_free);
	if (cc_index < 0)
		return -1;
	c = certcache_new(CERTCACHE_SETS, CERTCACHE_TTL_S);
	if (SSL_CTX_set_ex_data(ctx, cc_index, c) != 1) {
		certcache_free(c);
		ERR_clear_error();
		return -1;
	}
	SSL_CTX_set_cert_verify_callback(ctx, certcache_cb, c);
	return 0;
}

struct certcache *certcache_of(SSL_CTX *ctx)
{
	return cc_index < 0 ? NULL : SSL_CTX_get_ex_data(ctx, cc_index);
}

void certcache_stats(const struct certcache *c, struct certcache_stats *out)
{
	memset(out, 0, sizeof(*out));
	if (!c)
		return;
	out->hits = c->hits;
	out->full = c->full;
	out->entries = c->entries;
}

void certcache_set_metrics(struct metrics *m)
{
	cc_metrics = m;
}
