/* test_tlsprov.c: server/tlsprov.c (hs, issue 7), the library context of
 * the server's TLS contexts: it exists, parses an ECDSA P-256 certificate
 * (its key decoded), does not decode an Ed25519 one, and carries a whole
 * mutual TLS 1.3 handshake in memory (certificates made here, the server's
 * key made in the default context as the server reads it) with the client
 * certificate verified, a key share of X25519 or P-256, and each of the
 * three suites. The server source is included directly. */
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

#include "../../server/tlsprov.c"
#include "cert_fixtures.h"

/* cert parsed again from its DER in lib: 1 when its key decodes. */
static int key_decodes_in(OSSL_LIB_CTX *lib, X509 *cert)
{
	unsigned char *der = NULL;
	const unsigned char *p;
	int len = i2d_X509(cert, &der);
	X509 *x = X509_new_ex(lib, NULL);
	int ok;

	assert_true(len > 0);
	assert_non_null(x);
	p = der;
	ok = d2i_X509(&x, &p, len) && X509_get0_pubkey(x) != NULL;
	X509_free(x);
	OPENSSL_free(der);
	ERR_clear_error();
	return ok;
}

static void decodes_ec_keys_only(void **state)
{
	OSSL_LIB_CTX *lib = tlsprov_libctx();
	EVP_PKEY *ed = EVP_PKEY_Q_keygen(NULL, NULL, "ED25519");
	struct fixture_pki p;
	X509 *edcert;

	(void)state;
	assert_non_null(lib);
	assert_ptr_equal(lib, tlsprov_libctx()); /* one per process */
	fixture_pki_make(&p);
	assert_non_null(ed);
	edcert = fixture_cert("station:9:118:1001", ed, p.ca, p.ca_key, 4);
	assert_int_equal(key_decodes_in(lib, p.term), 1);
	assert_int_equal(key_decodes_in(NULL, edcert), 1);
	assert_int_equal(key_decodes_in(lib, edcert), 0);
	X509_free(edcert);
	EVP_PKEY_free(ed);
	fixture_pki_free(&p);
}

static SSL_CTX *server_ctx(struct fixture_pki *p, const char *suite)
{
	SSL_CTX *ctx =
	        SSL_CTX_new_ex(tlsprov_libctx(), NULL, TLS_server_method());

	assert_non_null(ctx);
	SSL_CTX_set_min_proto_version(ctx, TLS1_3_VERSION);
	assert_int_equal(SSL_CTX_set_ciphersuites(ctx, suite), 1);
	SSL_CTX_set_options(ctx, SSL_OP_NO_TICKET);
	assert_int_equal(SSL_CTX_use_certificate(ctx, p->srv), 1);
	assert_int_equal(SSL_CTX_use_PrivateKey(ctx, p->srv_key), 1);
	assert_int_equal(SSL_CTX_check_private_key(ctx), 1);
	assert_int_equal(
	        X509_STORE_add_cert(SSL_CTX_get_cert_store(ctx), p->ca), 1);
	SSL_CTX_set_verify(
	        ctx, SSL_VERIFY_PEER | SSL_VERIFY_FAIL_IF_NO_PEER_CERT, NULL);
	return ctx;
}

static SSL_CTX *terminal_ctx(struct fixture_pki *p, const char *groups)
{
	SSL_CTX *ctx = SSL_CTX_new(TLS_client_method());

	assert_non_null(ctx);
	SSL_CTX_set_min_proto_version(ctx, TLS1_3_VERSION);
	assert_int_equal(SSL_CTX_set1_groups_list(ctx, groups), 1);
	assert_int_equal(SSL_CTX_use_certificate(ctx, p->term), 1);
	assert_int_equal(SSL_CTX_use_PrivateKey(ctx, p->term_key), 1);
	X509_STORE_add_cert(SSL_CTX_get_cert_store(ctx), p->ca);
	SSL_CTX_set_verify(ctx, SSL_VERIFY_PEER, NULL);
	return ctx;
}

/* One handshake over a BIO pair; checks what the server saw. */
static void handshake(struct fixture_pki *p, const char *suite,
                      const char *groups)
{
	SSL_CTX *sctx = server_ctx(p, suite), *cctx = terminal_ctx(p, groups);
	SSL *srv = SSL_new(sctx), *term = SSL_new(cctx);
	BIO *a, *b;
	int done = 0;

	assert_int_equal(BIO_new_bio_pair(&a, 0, &b, 0), 1);
	SSL_set_bio(srv, a, a);
	SSL_set_bio(term, b, b);
	SSL_set_accept_state(srv);
	SSL_set_connect_state(term);
	for (int i = 0; i < 100 && done != 3; i++) {
		if (!(done & 1) && SSL_do_handshake(term) == 1)
			done |= 1;
		if (!(done & 2) && SSL_do_handshake(srv) == 1)
			done |= 2;
	}
	assert_int_equal(done, 3);
	assert_int_equal(SSL_get_verify_result(srv), X509_V_OK);
	assert_int_equal(SSL_get_verify_result(term), X509_V_OK);
	assert_non_null(SSL_get0_peer_certificate(srv));
	assert_string_equal(SSL_CIPHER_get_name(SSL_get_current_cipher(srv)),
	                    suite);
	SSL_free(srv);
	SSL_free(term);
	SSL_CTX_free(sctx);
	SSL_CTX_free(cctx);
}

static void carries_mutual_tls13(void **state)
{
	static const char *const suites[] = {"TLS_AES_128_GCM_SHA256",
	                                     "TLS_AES_256_GCM_SHA384",
	                                     "TLS_CHACHA20_POLY1305_SHA256"};
	struct fixture_pki p;

	(void)state;
	fixture_pki_make(&p);
	for (size_t i = 0; i < sizeof(suites) / sizeof(suites[0]); i++)
		handshake(&p, suites[i], "X25519");
	handshake(&p, suites[0], "P-256");
	fixture_pki_free(&p);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
	        cmocka_unit_test(decodes_ec_keys_only),
	        cmocka_unit_test(carries_mutual_tls13),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
