/* test_tlsaccept.c: server/tlsaccept.c (issue 7), the server's side of a
 * mutual TLS 1.3 handshake on a real non-blocking socket (a socketpair)
 * driven by a libevent loop, with an OpenSSL terminal in memory whose
 * bytes the test writes to the socket as it chooses:
 * - the terminal's last flight and its first request in one write: the
 *   handshake is done, the request's record is what tls_accept_rest gives
 *   (OpenSSL read the handshake and nothing after it), the record layer
 *   takes over and opens it;
 * - nothing after the Finished: no rest;
 * - every byte in a write of its own: the handshake still completes (the
 *   buffer hands OpenSSL what it has and waits for more), at the Finished's
 *   last byte, and the request's bytes after it stay in the socket;
 * - the terminal gone before its ClientHello: the handshake fails, "eof".
 * The server sources are included directly. */
#include <setjmp.h>
#include <signal.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>
#include <errno.h>
#include <event2/buffer.h>
#include <event2/event.h>
#include <fcntl.h>
#include <openssl/err.h>
#include <openssl/evp.h>
#include <openssl/ssl.h>
#include <openssl/x509.h>
#include <openssl/x509v3.h>
#include <sys/socket.h>
#include <unistd.h>

#include "../../server/tlsaccept.c"
#include "../../server/tlsrec.c"
#include "../../server/tlsrec_ssl.c"
#include "cert_fixtures.h"

/* tls.c's, which brings the whole context with it. */
const char *tls_last_error(char *buf, size_t bufsz)
{
	unsigned long e = ERR_get_error();

	if (e)
		ERR_error_string_n(e, buf, bufsz);
	else
		buf[0] = '\0';
	ERR_clear_error();
	return buf;
}

static const char request[] = "the first request";

static SSL_CTX *ctx_make(struct fixture_pki *p, const SSL_METHOD *m, X509 *cert,
                         EVP_PKEY *key)
{
	SSL_CTX *ctx = SSL_CTX_new(m);

	assert_non_null(ctx);
	SSL_CTX_set_min_proto_version(ctx, TLS1_3_VERSION);
	SSL_CTX_set_options(ctx, SSL_OP_NO_TICKET);
	SSL_CTX_set_num_tickets(ctx, 0);
	assert_int_equal(SSL_CTX_use_certificate(ctx, cert), 1);
	assert_int_equal(SSL_CTX_use_PrivateKey(ctx, key), 1);
	X509_STORE_add_cert(SSL_CTX_get_cert_store(ctx), p->ca);
	SSL_CTX_set_verify(
	        ctx, SSL_VERIFY_PEER | SSL_VERIFY_FAIL_IF_NO_PEER_CERT, NULL);
	return ctx;
}

/* One handshake: the server on sfd, the terminal in memory behind cfd. */
struct hs {
	struct fixture_pki pki;
	SSL_CTX *sctx, *cctx;
	SSL *term;
	BIO *term_in, *term_out;
	int sfd, cfd;
	struct event_base *base;
	struct tls_accept *a;
	int done;
	const char *err;
	/* in the callback: the rest, and the record layer taking over */
	unsigned char rest[256];
	size_t nrest;
	int took_over;
	struct tlsrec_engine *e;
	struct tlsrec rec;
};

static void hs_done(void *arg, SSL *ssl, struct tlsrec_secrets *sec,
                    const char *err)
{
	struct hs *h = arg;
	const unsigned char *rest;
	const char *why = NULL;

	h->done = 1;
	h->err = err;
	if (err)
		return;
	h->nrest = tls_accept_rest(h->a, &rest);
	assert_true(h->nrest <= sizeof(h->rest));
	memcpy(h->rest, rest, h->nrest);
	/* the rest is the caller's now: OpenSSL has nothing pending */
	h->took_over = tlsrec_take_over(h->e, &h->rec, ssl, sec, &why) == 0;
	if (!h->took_over)
		fprintf(stderr, "take-over refused: %s\n", why);
}

static void hs_up(struct hs *h)
{
	int sv[2];

	memset(h, 0, sizeof(*h));
	fixture_pki_make(&h->pki);
	h->sctx = ctx_make(&h->pki, TLS_server_method(), h->pki.srv,
	                   h->pki.srv_key);
	h->cctx = ctx_make(&h->pki, TLS_client_method(), h->pki.term,
	                   h->pki.term_key);
	assert_int_equal(tlsrec_ctx_prepare(h->sctx), 0);
	assert_int_equal(socketpair(AF_UNIX, SOCK_STREAM, 0, sv), 0);
	h->sfd = sv[0];
	h->cfd = sv[1];
	assert_int_equal(fcntl(h->sfd, F_SETFL, O_NONBLOCK), 0);
	assert_int_equal(fcntl(h->cfd, F_SETFL, O_NONBLOCK), 0);
	h->base = event_base_new();
	assert_non_null(h->base);
	h->e = tlsrec_engine_new();
	assert_non_null(h->e);
	h->a = tls_accept_start(h->base, h->sfd, SSL_new(h->sctx), 5000,
	                        hs_done, h);
	assert_non_null(h->a);
	h->term = SSL_new(h->cctx);
	h->term_in = BIO_new(BIO_s_mem());
	h->term_out = BIO_new(BIO_s_mem());
	SSL_set_bio(h->term, h->term_in, h->term_out);
	SSL_set_connect_state(h->term);
}

static void hs_down(struct hs *h)
{
	tls_accept_free(h->a);
	tlsrec_clear(&h->rec);
	tlsrec_engine_free(h->e);
	SSL_free(h->term);
	SSL_CTX_free(h->sctx);
	SSL_CTX_free(h->cctx);
	event_base_free(h->base);
	close(h->sfd);
	if (h->cfd >= 0)
		close(h->cfd);
	fixture_pki_free(&h->pki);
	ERR_clear_error();
}

/* What the terminal wrote, to the socket: in one write, or a byte a write
 * with the server's loop run after each. */
static void term_flush(struct hs *h, int bytewise)
{
	char *p;
	long n = BIO_get_mem_data(h->term_out, &p);

	if (n <= 0)
		return;
	if (!bytewise) {
		assert_int_equal(write(h->cfd, p, (size_t)n), n);
	} else {
		for (long i = 0; i < n; i++) {
			assert_int_equal(write(h->cfd, p + i, 1), 1);
			event_base_loop(h->base, EVLOOP_NONBLOCK);
		}
	}
	(void)BIO_reset(h->term_out);
}

/* What the server wrote, to the terminal. */
static void term_fill(struct hs *h)
{
	char buf[4096];
	ssize_t n;

	while ((n = read(h->cfd, buf, sizeof(buf))) > 0)
		assert_int_equal(BIO_write(h->term_in, buf, (int)n), (int)n);
}

/* Run both sides until the server's handshake is over; with send, the
 * terminal's request goes in the same write as its last flight. */
static void hs_run(struct hs *h, int send, int bytewise)
{
	int sent = 0;

	for (int i = 0; i < 200 && !h->done; i++) {
		if (SSL_do_handshake(h->term) == 1 && send && !sent) {
			assert_int_equal(
			        SSL_write(h->term, request, sizeof(request)),
			        (int)sizeof(request));
			sent = 1;
		}
		term_flush(h, bytewise);
		event_base_loop(h->base, EVLOOP_NONBLOCK);
		term_fill(h);
	}
	assert_true(h->done);
}

/* The record layer opens rec (the bytes of one record): the request. */
static void opens_to_request(struct hs *h, const void *rec, size_t len)
{
	struct evbuffer *in = evbuffer_new(), *plain = evbuffer_new(),
	                *out = evbuffer_new();
	const char *why = NULL;
	char got[sizeof(request)];

	/* one record: header, the request, its inner type, the AEAD tag */
	assert_int_equal(len, 5 + sizeof(request) + 1 + 16);
	assert_int_equal(((const unsigned char *)rec)[0], 0x17);
	evbuffer_add(in, rec, len);
	assert_int_equal(tlsrec_read(h->e, &h->rec, in, plain, out, &why),
	                 TLSREC_AGAIN);
	assert_int_equal(evbuffer_get_length(plain), sizeof(request));
	evbuffer_remove(plain, got, sizeof(got));
	assert_memory_equal(got, request, sizeof(request));
	evbuffer_free(in);
	evbuffer_free(plain);
	evbuffer_free(out);
}

static void request_after_finished_is_the_rest(void **state)
{
	struct hs h;

	(void)state;
	hs_up(&h);
	hs_run(&h, 1, 0);
	assert_null(h.err);
	assert_true(h.took_over);
	opens_to_request(&h, h.rest, h.nrest);
	hs_down(&h);
}

static void nothing_after_finished_no_rest(void **state)
{
	struct hs h;

	(void)state;
	hs_up(&h);
	hs_run(&h, 0, 0);
	assert_null(h.err);
	assert_true(h.took_over);
	assert_int_equal(h.nrest, 0);
	hs_down(&h);
}

static void a_byte_a_write_still_completes(void **state)
{
	struct hs h;
	unsigned char buf[256];
	ssize_t n;

	(void)state;
	hs_up(&h);
	hs_run(&h, 1, 1);
	assert_null(h.err);
	assert_true(h.took_over);
	/* done at the Finished's last byte: the request's bytes came after,
	 * into the socket, where the record layer reads them */
	assert_int_equal(h.nrest, 0);
	n = read(h.sfd, buf, sizeof(buf));
	assert_true(n > 0);
	opens_to_request(&h, buf, (size_t)n);
	hs_down(&h);
}

static void terminal_gone_is_eof(void **state)
{
	struct hs h;

	(void)state;
	hs_up(&h);
	close(h.cfd); /* before its ClientHello */
	h.cfd = -1;
	for (int i = 0; i < 50 && !h.done; i++)
		event_base_loop(h.base, EVLOOP_NONBLOCK);
	assert_true(h.done);
	assert_non_null(h.err);
	assert_string_equal(h.err, "eof");
	hs_down(&h);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
	        cmocka_unit_test(request_after_finished_is_the_rest),
	        cmocka_unit_test(nothing_after_finished_no_rest),
	        cmocka_unit_test(a_byte_a_write_still_completes),
	        cmocka_unit_test(terminal_gone_is_eof),
	};

	signal(SIGPIPE, SIG_IGN); /* as the server */
	return cmocka_run_group_tests(tests, NULL, NULL);
}
