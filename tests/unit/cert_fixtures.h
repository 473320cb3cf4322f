/* cert_fixtures.h: certificates made in memory for the unit tests that run a
 * real TLS 1.3 handshake (test_peercert.c, test_tlsrec.c, test_tlsprov.c,
 * test_certcache.c). Include after
 * cmocka.h and OpenSSL's x509/x509v3 headers. */
#ifndef CCTNS_TESTS_CERT_FIXTURES_H
#define CCTNS_TESTS_CERT_FIXTURES_H

/* A certificate O=CCTNS, CN=cn for key, valid from a minute ago for an hour,
 * signed by issuer (self-signed CA when issuer is NULL). */
static X509 *fixture_cert(const char *cn, EVP_PKEY *key, X509 *issuer,
                          EVP_PKEY *issuer_key, long serial)
{
	X509 *x = X509_new();
	X509_NAME *name = X509_NAME_new();

	assert_non_null(x);
	X509_set_version(x, 2);
	ASN1_INTEGER_set(X509_get_serialNumber(x), serial);
	X509_gmtime_adj(X509_getm_notBefore(x), -60);
	X509_gmtime_adj(X509_getm_notAfter(x), 3600);
	X509_NAME_add_entry_by_txt(name, "O", MBSTRING_ASC,
	                           (const unsigned char *)"CCTNS", -1, -1, 0);
	X509_NAME_add_entry_by_txt(name, "CN", MBSTRING_ASC,
	                           (const unsigned char *)cn, -1, -1, 0);
	X509_set_subject_name(x, name);
	X509_set_issuer_name(x, issuer ? X509_get_subject_name(issuer) : name);
	X509_NAME_free(name);
	X509_set_pubkey(x, key);
	if (!issuer) {
		X509_EXTENSION *ext = X509V3_EXT_conf_nid(
		        NULL, NULL, NID_basic_constraints, "critical,CA:TRUE");

		X509_add_ext(x, ext, -1);
		X509_EXTENSION_free(ext);
	}
	assert_true(X509_sign(x, issuer_key, EVP_sha256()) > 0);
	return x;
}

/* A state CA, a server certificate (CN=localhost) and a terminal
 * certificate (CN=station:9:118:1001), all ECDSA P-256, signed by that CA. */
struct fixture_pki {
	EVP_PKEY *ca_key, *srv_key, *term_key;
	X509 *ca, *srv, *term;
};

static inline void fixture_pki_make(struct fixture_pki *p)
{
	p->ca_key = EVP_EC_gen("P-256");
	p->srv_key = EVP_EC_gen("P-256");
	p->term_key = EVP_EC_gen("P-256");
	assert_non_null(p->ca_key);
	p->ca = fixture_cert("test CA", p->ca_key, NULL, p->ca_key, 1);
	p->srv = fixture_cert("localhost", p->srv_key, p->ca, p->ca_key, 2);
	p->term = fixture_cert("station:9:118:1001", p->term_key, p->ca,
	                       p->ca_key, 3);
}

static inline void fixture_pki_free(struct fixture_pki *p)
{
	X509_free(p->ca);
	X509_free(p->srv);
	X509_free(p->term);
	EVP_PKEY_free(p->ca_key);
	EVP_PKEY_free(p->srv_key);
	EVP_PKEY_free(p->term_key);
}

#endif
