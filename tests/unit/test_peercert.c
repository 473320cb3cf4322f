/* test_peercert.c: server/peercert.c (conn, issue 7): after a real mutual
 * TLS 1.3 handshake in memory (a CA, a server and a terminal certificate
 * made here, ECDSA P-256), the connection's parsed peer certificate is
 * given up, kept as DER that parses back to the same certificate, and the
 * connection still carries data both ways, survives a key update asked by
 * the terminal and closes cleanly. The server source is included directly:
 * this executable links cctnsproto and OpenSSL. */
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

#include "../../server/peercert.c"
#include "cert_fixtures.h"

static SSL_CTX *ctx_make(const SSL_METHOD *m, X509 *cert, EVP_PKEY *key,
                         X509 *ca)
{
	SSL_CTX *ctx = SSL_CTX_new(m);

	assert_non_null(ctx);
	SSL_CTX_set_min_proto_version(ctx, TLS1_3_VERSION);
	SSL_CTX_set_options(ctx, SSL_OP_NO_TICKET);
	SSL_CTX_set_session_cache_mode(ctx, SSL_SESS_CACHE_OFF);
	SSL_CTX_set_mode(ctx, SSL_MODE_RELEASE_BUFFERS);
	SSL_CTX_set_num_tickets(ctx, 0);
	if (cert) {
		assert_int_equal(SSL_CTX_use_certificate(ctx, cert), 1);
		assert_int_equal(SSL_CTX_use_PrivateKey(ctx, key), 1);
	}
	X509_STORE_add_cert(SSL_CTX_get_cert_store(ctx), ca);
	SSL_CTX_set_verify(
	        ctx, SSL_VERIFY_PEER | SSL_VERIFY_FAIL_IF_NO_PEER_CERT, NULL);
	return ctx;
}

struct link {
	SSL_CTX *sctx, *cctx;
	SSL *srv, *term;
};

/* A server and a terminal joined by a BIO pair, handshake done. */
static void link_up(struct link *l, struct fixture_pki *p, int with_term_cert)
{
	BIO *a, *b;
	int done = 0;

	l->sctx = ctx_make(TLS_server_method(), p->srv, p->srv_key, p->ca);
	l->cctx = ctx_make(TLS_client_method(), with_term_cert ? p->term : NULL,
	                   p->term_key, p->ca);
	if (!with_term_cert)
		SSL_CTX_set_verify(l->sctx, SSL_VERIFY_NONE, NULL);
	l->srv = SSL_new(l->sctx);
	l->term = SSL_new(l->cctx);
	assert_int_equal(BIO_new_bio_pair(&a, 0, &b, 0), 1);
	SSL_set_bio(l->srv, a, a);
	SSL_set_bio(l->term, b, b);
	SSL_set_accept_state(l->srv);
	SSL_set_connect_state(l->term);
	for (int i = 0; i < 100 && done != 3; i++) {
		if (SSL_do_handshake(l->term) == 1)
			done |= 1;
		if (SSL_do_handshake(l->srv) == 1)
			done |= 2;
	}
	assert_int_equal(done, 3);
}

static void link_down(struct link *l)
{
	SSL_free(l->srv);
	SSL_free(l->term);
	SSL_CTX_free(l->sctx);
	SSL_CTX_free(l->cctx);
}

/* from writes msg; to reads it (pumping from while to waits). */
static void pass(SSL *from, SSL *to, const char *msg)
{
	char buf[64];
	int n = -1;

	assert_int_equal(SSL_write(from, msg, (int)strlen(msg)),
	                 (int)strlen(msg));
	for (int i = 0; i < 20 && n <= 0; i++) {
		n = SSL_read(to, buf, sizeof(buf));
		if (n <= 0)
			(void)SSL_read(from, buf, 0); /* let from answer */
	}
	assert_int_equal(n, (int)strlen(msg));
	assert_memory_equal(buf, msg, strlen(msg));
}

static void drops_the_parsed_certificate_and_keeps_der(void **state)
{
	struct fixture_pki p;
	struct link l;
	struct peercert pc = {0};
	STACK_OF(X509) * chain;

	(void)state;
	fixture_pki_make(&p);
	link_up(&l, &p, 1);
	assert_non_null(SSL_get0_peer_certificate(l.srv));
	assert_int_equal(peercert_keep(l.srv, &pc), 0);
	assert_null(SSL_get0_peer_certificate(l.srv));
	assert_int_equal(SSL_get_verify_result(l.srv), X509_V_OK);
	assert_int_equal(SSL_version(l.srv), TLS1_3_VERSION);
	assert_non_null(SSL_get_current_cipher(l.srv));
	chain = peercert_chain(&pc);
	assert_non_null(chain);
	/* the terminal sends its certificate, then the CA (OpenSSL builds
	 * the chain from the client's store) */
	assert_int_equal(sk_X509_num(chain), 2);
	assert_int_equal(X509_cmp(sk_X509_value(chain, 0), p.term), 0);
	assert_int_equal(X509_cmp(sk_X509_value(chain, 1), p.ca), 0);
	sk_X509_pop_free(chain, X509_free);
	peercert_clear(&pc);
	assert_null(pc.der);
	link_down(&l);
	fixture_pki_free(&p);
}

static void connection_still_works_after(void **state)
{
	struct fixture_pki p;
	struct link l;
	struct peercert pc = {0};
	char buf[8];

	(void)state;
	fixture_pki_make(&p);
	link_up(&l, &p, 1);
	assert_int_equal(peercert_keep(l.srv, &pc), 0);
	pass(l.term, l.srv, "hello from the terminal");
	pass(l.srv, l.term, "hello ack");
	/* the terminal changes its keys and asks the server to follow */
	assert_int_equal(SSL_key_update(l.term, SSL_KEY_UPDATE_REQUESTED), 1);
	pass(l.term, l.srv, "after the key update");
	pass(l.srv, l.term, "answer after it");
	pass(l.term, l.srv, "and again");
	/* a clean close: the terminal sees close_notify */
	assert_int_equal(SSL_shutdown(l.srv), 0);
	assert_true(SSL_read(l.term, buf, sizeof(buf)) <= 0);
	assert_int_equal(SSL_get_error(l.term, 0), SSL_ERROR_ZERO_RETURN);
	peercert_clear(&pc);
	link_down(&l);
	fixture_pki_free(&p);
}

static void without_a_peer_certificate_nothing_changes(void **state)
{
	struct fixture_pki p;
	struct link l;
	struct peercert pc = {0};

	(void)state;
	fixture_pki_make(&p);
	link_up(&l, &p, 0);
	assert_int_equal(peercert_keep(l.srv, &pc), -1);
	assert_null(pc.der);
	assert_ptr_equal(SSL_get_SSL_CTX(l.srv), l.sctx);
	pass(l.term, l.srv, "still fine");
	link_down(&l);
	fixture_pki_free(&p);
}

static void garbage_der_gives_no_chain(void **state)
{
	unsigned char junk[] = {0x30, 0x82, 0x01, 0x00, 0x01};
	struct peercert pc = {junk, sizeof(junk)};

	(void)state;
	assert_null(peercert_chain(&pc));
	pc.der = NULL;
	pc.len = 0;
	assert_null(peercert_chain(&pc));
}

int main(void)
{
	const struct CMUnitTest tests[] = {
	        cmocka_unit_test(drops_the_parsed_certificate_and_keeps_der),
	        cmocka_unit_test(connection_still_works_after),
	        cmocka_unit_test(without_a_peer_certificate_nothing_changes),
	        cmocka_unit_test(garbage_der_gives_no_chain),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
