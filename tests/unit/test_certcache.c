/* test_certcache.c: server/certcache.c (hs, issue 7), the verified-
 * certificate cache: entries live for the TTL and only inside their
 * validity window, a set keeps its most recently used entries, and the
 * verification through it (certificates made here, ECDSA P-256, a real
 * X509_STORE) verifies in full the first time, skips it for the same bytes
 * afterwards, never caches a refusal, refuses a cached certificate once it
 * has expired, and a new context (a reload with a CRL) refuses a revoked
 * certificate that an older context had cached. The server source is
 * included directly: this executable links cctnsproto and OpenSSL. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>
#include <openssl/ec.h>
#include <openssl/evp.h>
#include <openssl/ssl.h>
#include <openssl/x509.h>
#include <openssl/x509v3.h>

#include "../../server/certcache.c"
#include "cert_fixtures.h"

static void key_of(uint8_t key[CERTCACHE_KEY], int n)
{
	memset(key, 0, CERTCACHE_KEY);
	key[0] = (uint8_t)n; /* the set: n mod sets */
	key[31] = (uint8_t)(n >> 8);
	key[30] = 0x5a;
}

static void test_ttl_and_window(void **state)
{
	struct certcache *c = certcache_new(8, 600);
	uint8_t k[CERTCACHE_KEY], other[CERTCACHE_KEY];
	struct certcache_stats st;
	const time_t t = 1800000000;

	(void)state;
	key_of(k, 1);
	key_of(other, 2);
	assert_int_equal(certcache_hit(c, k, t), 0);
	certcache_put(c, k, t - 100, t + 1000, t);
	assert_int_equal(certcache_hit(c, k, t), 1);
	assert_int_equal(certcache_hit(c, k, t + 599), 1);
	assert_int_equal(certcache_hit(c, other, t), 0);
	assert_int_equal(certcache_hit(c, k, t + 600), 0); /* TTL over */
	assert_int_equal(certcache_hit(c, k, t + 1), 0);   /* ... dropped */
	certcache_stats(c, &st);
	assert_int_equal(st.entries, 0);

	certcache_put(c, k, t - 100, t + 300, t);
	assert_int_equal(certcache_hit(c, k, t + 300), 1);
	assert_int_equal(certcache_hit(c, k, t + 301), 0); /* expired */
	certcache_put(c, k, t + 10, t + 300, t);
	assert_int_equal(certcache_hit(c, k, t + 9), 0); /* not yet valid */
	certcache_put(c, k, t - 100, t + 300, t);
	assert_int_equal(certcache_hit(c, k, t - 1), 0); /* clock went back */
	certcache_free(c);
}

static void test_bounded_lru(void **state)
{
	struct certcache *c = certcache_new(1, 600); /* one set of 4 */
	uint8_t k[8][CERTCACHE_KEY];
	struct certcache_stats st;
	const time_t t = 1800000000;

	(void)state;
	for (int i = 0; i < 8; i++)
		key_of(k[i], 256 * (i + 1));
	for (int i = 0; i < CERTCACHE_WAYS; i++)
		certcache_put(c, k[i], t - 1, t + 1000, t);
	assert_int_equal(certcache_hit(c, k[0], t), 1); /* 1 is now LRU */
	certcache_put(c, k[4], t - 1, t + 1000, t);
	assert_int_equal(certcache_hit(c, k[1], t), 0);
	assert_int_equal(certcache_hit(c, k[0], t), 1);
	assert_int_equal(certcache_hit(c, k[4], t), 1);
	for (int i = 5; i < 8; i++)
		certcache_put(c, k[i], t - 1, t + 1000, t);
	certcache_stats(c, &st);
	assert_int_equal(st.entries, CERTCACHE_WAYS);
	certcache_put(c, k[7], t - 1, t + 1000, t); /* again: no new entry */
	certcache_stats(c, &st);
	assert_int_equal(st.entries, CERTCACHE_WAYS);
	certcache_free(c);
}

struct pki {
	EVP_PKEY *ca_key, *term_key, *rogue_key;
	X509 *ca, *term, *rogue_ca, *forged;
};

static void pki_make(struct pki *p)
{
	p->ca_key = EVP_EC_gen("P-256");
	p->term_key = EVP_EC_gen("P-256");
	p->rogue_key = EVP_EC_gen("P-256");
	assert_non_null(p->ca_key);
	p->ca = fixture_cert("test CA", p->ca_key, NULL, p->ca_key, 1);
	p->term = fixture_cert("station:9:118:1001", p->term_key, p->ca,
	                       p->ca_key, 3);
	/* the same names from a CA that is not trusted */
	p->rogue_ca =
	        fixture_cert("test CA", p->rogue_key, NULL, p->rogue_key, 1);
	p->forged = fixture_cert("station:9:118:1001", p->term_key, p->rogue_ca,
	                         p->rogue_key, 3);
}

static void pki_free(struct pki *p)
{
	X509_free(p->ca);
	X509_free(p->term);
	X509_free(p->rogue_ca);
	X509_free(p->forged);
	EVP_PKEY_free(p->ca_key);
	EVP_PKEY_free(p->term_key);
	EVP_PKEY_free(p->rogue_key);
}

/* A CRL of ca revoking serial, valid for an hour. */
static X509_CRL *crl_make(struct pki *p, long serial)
{
	X509_CRL *crl = X509_CRL_new();
	X509_REVOKED *r = X509_REVOKED_new();
	ASN1_INTEGER *sn = ASN1_INTEGER_new();
	ASN1_TIME *when = ASN1_TIME_adj(NULL, time(NULL), 0, -60);
	ASN1_TIME *next = ASN1_TIME_adj(NULL, time(NULL), 0, 3600);

	assert_non_null(crl);
	X509_CRL_set_version(crl, 1);
	X509_CRL_set_issuer_name(crl, X509_get_subject_name(p->ca));
	X509_CRL_set1_lastUpdate(crl, when);
	X509_CRL_set1_nextUpdate(crl, next);
	ASN1_INTEGER_set(sn, serial);
	X509_REVOKED_set_serialNumber(r, sn);
	X509_REVOKED_set_revocationDate(r, when);
	X509_CRL_add0_revoked(crl, r);
	assert_true(X509_CRL_sign(crl, p->ca_key, EVP_sha256()) > 0);
	ASN1_INTEGER_free(sn);
	ASN1_TIME_free(when);
	ASN1_TIME_free(next);
	return crl;
}

/* The verification of leaf through c against a store trusting ca (and
 * holding crl, with revocation checking, when not NULL), at time at (0:
 * now). Returns certcache_verify's answer; the store error into *err. */
static int verify(struct certcache *c, struct pki *p, X509 *leaf, X509_CRL *crl,
                  time_t at, int *err)
{
	X509_STORE *store = X509_STORE_new();
	X509_STORE_CTX *sctx = X509_STORE_CTX_new();
	int ok;

	assert_true(X509_STORE_add_cert(store, p->ca));
	if (crl) {
		assert_true(X509_STORE_add_crl(store, crl));
		X509_STORE_set_flags(store, X509_V_FLAG_CRL_CHECK);
	}
	assert_true(X509_STORE_CTX_init(sctx, store, leaf, NULL));
	assert_true(X509_STORE_CTX_set_default(sctx, "ssl_client"));
	if (at)
		X509_STORE_CTX_set_time(sctx, 0, at);
	ok = certcache_verify(c, sctx);
	*err = X509_STORE_CTX_get_error(sctx);
	X509_STORE_CTX_free(sctx);
	X509_STORE_free(store);
	return ok;
}

static void test_verify_through_the_cache(void **state)
{
	/* a TTL of a day: only the validity window can refuse below */
	struct certcache *c = certcache_new(16, 86400);
	struct certcache_stats st;
	struct pki p;
	int err;

	(void)state;
	pki_make(&p);
	assert_int_equal(verify(c, &p, p.term, NULL, 0, &err), 1);
	assert_int_equal(err, X509_V_OK);
	certcache_stats(c, &st);
	assert_int_equal(st.full, 1);
	assert_int_equal(st.hits, 0);
	assert_int_equal(st.entries, 1);
	assert_int_equal(verify(c, &p, p.term, NULL, 0, &err), 1);
	assert_int_equal(err, X509_V_OK);
	certcache_stats(c, &st);
	assert_int_equal(st.full, 1);
	assert_int_equal(st.hits, 1);

	/* the same names signed by another CA: refused, twice, never
	 * cached */
	for (int i = 0; i < 2; i++) {
		assert_int_equal(verify(c, &p, p.forged, NULL, 0, &err), 0);
		assert_int_not_equal(err, X509_V_OK);
	}
	certcache_stats(c, &st);
	assert_int_equal(st.full, 3);
	assert_int_equal(st.entries, 1);

	/* two hours on, the cached certificate has expired: verified in
	 * full, and refused as expired */
	assert_int_equal(verify(c, &p, p.term, NULL, time(NULL) + 7200, &err),
	                 0);
	assert_int_equal(err, X509_V_ERR_CERT_HAS_EXPIRED);
	certcache_stats(c, &st);
	assert_int_equal(st.full, 4);
	assert_int_equal(st.hits, 1);
	assert_int_equal(st.entries, 0);
	pki_free(&p);
	certcache_free(c);
}

/* A reload builds a new context: its cache starts empty, so a certificate
 * revoked by the new CRL is refused although the old context cached it. */
static void test_new_context_refuses_revoked(void **state)
{
	SSL_CTX *old = SSL_CTX_new(TLS_server_method());
	SSL_CTX *next = SSL_CTX_new(TLS_server_method());
	X509_CRL *crl;
	struct certcache_stats st;
	struct pki p;
	int err;

	(void)state;
	pki_make(&p);
	crl = crl_make(&p, 3);
	assert_int_equal(certcache_attach(old), 0);
	assert_int_equal(certcache_attach(next), 0);
	assert_ptr_not_equal(certcache_of(old), certcache_of(next));
	assert_int_equal(verify(certcache_of(old), &p, p.term, NULL, 0, &err),
	                 1);
	assert_int_equal(verify(certcache_of(old), &p, p.term, NULL, 0, &err),
	                 1);
	certcache_stats(certcache_of(old), &st);
	assert_int_equal(st.hits, 1);
	assert_int_equal(verify(certcache_of(next), &p, p.term, crl, 0, &err),
	                 0);
	assert_int_equal(err, X509_V_ERR_CERT_REVOKED);
	certcache_stats(certcache_of(next), &st);
	assert_int_equal(st.entries, 0);
	X509_CRL_free(crl);
	pki_free(&p);
	SSL_CTX_free(old); /* frees its cache (ASan: no leak) */
	SSL_CTX_free(next);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
	        cmocka_unit_test(test_ttl_and_window),
	        cmocka_unit_test(test_bounded_lru),
	        cmocka_unit_test(test_verify_through_the_cache),
	        cmocka_unit_test(test_new_context_refuses_revoked),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
