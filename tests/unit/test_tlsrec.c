/* test_tlsrec.c: server/tlsrec.c and tlsrec_ssl.c (tlsrec, issue 7) against
 * a real OpenSSL client in memory. A mutual TLS 1.3 handshake runs over a
 * BIO pair with OpenSSL on both sides (a CA, a server and a terminal
 * certificate made here); then the server's SSL is freed and our record
 * layer carries the connection: data both ways (1 byte to many records),
 * KeyUpdate asked by the terminal with and without update_requested, alerts
 * both ways, and hostile records (flipped bits, oversize, wrong types,
 * padding only, handshake messages) refused with an alert OpenSSL reads. The
 * server sources are included directly (this executable links cctnsproto,
 * libevent and OpenSSL). */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include <cmocka.h>
#include <event2/buffer.h>
#include <openssl/err.h>
#include <openssl/evp.h>
#include <openssl/ssl.h>
#include <openssl/x509.h>
#include <openssl/x509v3.h>

#include "../../server/tlsrec.c"
#include "../../server/tlsrec_ssl.c"
#include "cert_fixtures.h"

static struct {
	EVP_PKEY *ca_key, *srv_key, *term_key;
	X509 *ca, *srv, *term;
} pki;

static SSL_CTX *ctx_make(const SSL_METHOD *m, X509 *cert, EVP_PKEY *key,
                         const char *suites)
{
	SSL_CTX *ctx = SSL_CTX_new(m);

	assert_non_null(ctx);
	SSL_CTX_set_min_proto_version(ctx, TLS1_3_VERSION);
	SSL_CTX_set_options(ctx, SSL_OP_NO_TICKET);
	SSL_CTX_set_num_tickets(ctx, 0);
	assert_int_equal(SSL_CTX_set_ciphersuites(ctx, suites), 1);
	assert_int_equal(SSL_CTX_use_certificate(ctx, cert), 1);
	assert_int_equal(SSL_CTX_use_PrivateKey(ctx, key), 1);
	X509_STORE_add_cert(SSL_CTX_get_cert_store(ctx), pki.ca);
	SSL_CTX_set_verify(
	        ctx, SSL_VERIFY_PEER | SSL_VERIFY_FAIL_IF_NO_PEER_CERT, NULL);
	return ctx;
}

/* The server's side after the take-over: its half of the BIO pair, the
 * records in and out, and a copy of the secrets to play the terminal with
 * our own sealer (peer: reads the server's records, writes the client's). */
struct link {
	SSL_CTX *sctx, *cctx;
	SSL *term;
	BIO *srv_bio;
	struct tlsrec_engine *e;
	struct tlsrec rec, peer;
	struct evbuffer *in, *plain, *out;
};

static void link_up_suite(struct link *l, const char *suites)
{
	struct tlsrec_secrets sec = {0}, copy;
	BIO *a, *b;
	SSL *srv;
	const char *why = "x";
	int done = 0;

	memset(l, 0, sizeof(*l));
	l->sctx = ctx_make(TLS_server_method(), pki.srv, pki.srv_key, suites);
	l->cctx = ctx_make(TLS_client_method(), pki.term, pki.term_key, suites);
	assert_int_equal(tlsrec_ctx_prepare(l->sctx), 0);
	srv = SSL_new(l->sctx);
	l->term = SSL_new(l->cctx);
	assert_int_equal(tlsrec_ssl_attach(srv, &sec), 0);
	assert_int_equal(BIO_new_bio_pair(&a, 0, &b, 0), 1);
	SSL_set_bio(srv, a, a);
	SSL_set_bio(l->term, b, b);
	BIO_up_ref(a); /* outlives srv */
	l->srv_bio = a;
	SSL_set_accept_state(srv);
	SSL_set_connect_state(l->term);
	for (int i = 0; i < 100 && done != 3; i++) {
		if (!(done & 1) && SSL_do_handshake(l->term) == 1)
			done |= 1;
		if (!(done & 2) && SSL_do_handshake(srv) == 1)
			done |= 2;
	}
	assert_int_equal(done, 3);
	copy = sec;
	l->e = tlsrec_engine_new();
	assert_non_null(l->e);
	assert_int_equal(tlsrec_take_over(l->e, &l->rec, srv, &sec, &why), 0);
	assert_null(why);
	/* the secrets are wiped once the keys are made */
	assert_int_equal(sec.client_len, 0);
	assert_int_equal(sec.client[0] | sec.server[0], 0);
	SSL_free(srv); /* no shutdown: nothing more goes out of OpenSSL */
	assert_int_equal(tlsrec_init(l->e, &l->peer, l->rec.suite, copy.server,
	                             copy.client, copy.client_len),
	                 0);
	OPENSSL_cleanse(&copy, sizeof(copy));
	l->in = evbuffer_new();
	l->plain = evbuffer_new();
	l->out = evbuffer_new();
}

static void link_up(struct link *l)
{
	link_up_suite(l, "TLS_AES_128_GCM_SHA256");
}

static void link_down(struct link *l)
{
	SSL_free(l->term);
	BIO_free(l->srv_bio);
	SSL_CTX_free(l->sctx);
	SSL_CTX_free(l->cctx);
	tlsrec_engine_free(l->e);
	evbuffer_free(l->in);
	evbuffer_free(l->plain);
	evbuffer_free(l->out);
	ERR_clear_error();
}

/* What the terminal sent, as records in l->in. */
static void pull_from_term(struct link *l)
{
	uint8_t buf[4096];
	int n;

	while ((n = BIO_read(l->srv_bio, buf, sizeof(buf))) > 0)
		evbuffer_add(l->in, buf, (size_t)n);
}

/* What the server wrote, to the terminal (as much as the pair takes). */
static void push_to_term(struct link *l)
{
	uint8_t buf[4096];
	ev_ssize_t n;
	int w;

	while ((n = evbuffer_copyout(l->out, buf, sizeof(buf))) > 0) {
		w = BIO_write(l->srv_bio, buf, (int)n);
		if (w <= 0)
			return;
		evbuffer_drain(l->out, (size_t)w);
	}
}

static enum tlsrec_result srv_read(struct link *l, const char **why)
{
	pull_from_term(l);
	return tlsrec_read(l->e, &l->rec, l->in, l->plain, l->out, why);
}

static void term_send(struct link *l, const void *data, size_t len)
{
	const uint8_t *p = data;

	while (len) {
		int n = SSL_write(l->term, p, (int)(len > 8192 ? 8192 : len));

		assert_true(n > 0);
		p += n;
		len -= (size_t)n;
		pull_from_term(l); /* keep the BIO pair from filling */
	}
}

/* The terminal reads exactly len bytes and they equal want. */
static void term_expect(struct link *l, const uint8_t *want, size_t len)
{
	uint8_t *got = malloc(len + 1);
	size_t have = 0;
	int n;

	while (have < len) {
		push_to_term(l);
		n = SSL_read(l->term, got + have, (int)(len - have));
		assert_true(n > 0);
		have += (size_t)n;
	}
	assert_memory_equal(got, want, len);
	free(got);
}

static uint8_t *pattern(size_t len)
{
	uint8_t *p = malloc(len ? len : 1);

	for (size_t i = 0; i < len; i++)
		p[i] = (uint8_t)(i * 7 + 3);
	return p;
}

/* Both directions, len bytes each way. */
static void both_ways(struct link *l, size_t len)
{
	uint8_t *data = pattern(len), *got = malloc(len ? len : 1);
	const char *why;

	term_send(l, data, len);
	assert_int_equal(srv_read(l, &why), TLSREC_AGAIN);
	assert_int_equal(evbuffer_get_length(l->plain), len);
	evbuffer_remove(l->plain, got, len);
	assert_memory_equal(got, data, len);
	assert_int_equal(tlsrec_write(l->e, &l->rec, l->out, data, len), 0);
	term_expect(l, data, len);
	free(data);
	free(got);
}

static void test_both_ways_every_suite(void **state)
{
	static const char *const names[] = {"TLS_AES_128_GCM_SHA256",
	                                    "TLS_AES_256_GCM_SHA384",
	                                    "TLS_CHACHA20_POLY1305_SHA256"};
	struct link l;

	(void)state;
	for (size_t i = 0; i < 3; i++) {
		link_up_suite(&l, names[i]);
		assert_int_equal(l.rec.suite, (int)i + 1);
		both_ways(&l, 1);
		both_ways(&l, 16384);
		both_ways(&l, 16385);
		both_ways(&l, 100000); /* records of 2^14 and a tail */
		link_down(&l);
	}
}

/* One worker's engine serves connections of every suite in turn, and a
 * record refused on one connection leaves the next connection's records
 * whole: the context is keyed for each record, its cipher changed only when
 * the suite changes (aead_init). */
static void test_suites_share_one_engine(void **state)
{
	struct link a, b;
	struct tlsrec_engine *own;
	const char *why;
	uint8_t rec[64];
	size_t n;

	(void)state;
	link_up_suite(&a, "TLS_AES_128_GCM_SHA256");
	link_up_suite(&b, "TLS_CHACHA20_POLY1305_SHA256");
	own = b.e;
	b.e = a.e;
	for (int i = 0; i < 3; i++) {
		both_ways(&a, 100);
		both_ways(&b, 100);
		both_ways(&b, 50);
		both_ways(&a, 16385);
	}
	/* a bad tag on b, then a's records as before */
	assert_int_equal(SSL_write(b.term, "hello", 5), 5);
	pull_from_term(&b);
	n = evbuffer_remove(b.in, rec, sizeof(rec));
	rec[n - 1] ^= 0x01;
	evbuffer_add(b.in, rec, n);
	assert_int_equal(tlsrec_read(b.e, &b.rec, b.in, b.plain, b.out, &why),
	                 TLSREC_FAIL);
	both_ways(&a, 100);
	b.e = own;
	link_down(&b);
	link_down(&a);
}

static void test_many_records_in_one_read(void **state)
{
	struct link l;
	const char *why;
	uint8_t got[300];

	(void)state;
	link_up(&l);
	for (int i = 0; i < 300; i++) {
		uint8_t c = (uint8_t)i;

		assert_int_equal(SSL_write(l.term, &c, 1), 1);
	}
	assert_int_equal(srv_read(&l, &why), TLSREC_AGAIN);
	assert_int_equal(l.rec.rd.seq, 300);
	assert_int_equal(evbuffer_remove(l.plain, got, sizeof(got)), 300);
	for (int i = 0; i < 300; i++)
		assert_int_equal(got[i], (uint8_t)i);
	/* a record split over many reads is taken once whole */
	assert_int_equal(SSL_write(l.term, "abc", 3), 3);
	pull_from_term(&l);
	{
		size_t n = evbuffer_get_length(l.in);
		struct evbuffer *hold = evbuffer_new();

		evbuffer_remove_buffer(l.in, hold, n);
		for (size_t i = 0; i < n; i++) {
			evbuffer_remove_buffer(hold, l.in, 1);
			assert_int_equal(tlsrec_read(l.e, &l.rec, l.in, l.plain,
			                             l.out, &why),
			                 TLSREC_AGAIN);
			assert_int_equal(evbuffer_get_length(l.plain),
			                 i + 1 < n ? 0 : 3);
		}
		evbuffer_free(hold);
	}
	link_down(&l);
}

static void key_update(int requested)
{
	struct link l;
	const char *why;
	uint8_t before[TLSREC_KEY_MAX], wbefore[TLSREC_KEY_MAX];

	link_up(&l);
	both_ways(&l, 10);
	memcpy(before, l.rec.rd.key, sizeof(before));
	memcpy(wbefore, l.rec.wr.key, sizeof(wbefore));
	for (int round = 0; round < 3; round++) {
		assert_int_equal(
		        SSL_key_update(l.term,
		                       requested
		                               ? SSL_KEY_UPDATE_REQUESTED
		                               : SSL_KEY_UPDATE_NOT_REQUESTED),
		        1);
		both_ways(&l, 20); /* the update goes out with the data */
		assert_int_equal(l.rec.rd.seq, 1);
		assert_int_equal(l.rec.wr.seq,
		                 requested ? 1 : (uint64_t)round + 2);
	}
	assert_memory_not_equal(before, l.rec.rd.key, sizeof(before));
	if (requested)
		assert_memory_not_equal(wbefore, l.rec.wr.key, sizeof(wbefore));
	else
		assert_memory_equal(wbefore, l.rec.wr.key, sizeof(wbefore));
	both_ways(&l, 5000);
	/* close_notify from the terminal: an orderly end */
	assert_int_equal(SSL_shutdown(l.term), 0);
	assert_int_equal(srv_read(&l, &why), TLSREC_CLOSED);
	assert_string_equal(why, "close_notify");
	link_down(&l);
}

static void test_key_update_not_requested(void **state)
{
	(void)state;
	key_update(0);
}

static void test_key_update_requested(void **state)
{
	(void)state;
	key_update(1);
}

static void test_close_notify_both_ways(void **state)
{
	struct link l;
	char c;

	(void)state;
	link_up(&l);
	both_ways(&l, 3);
	tlsrec_alert(l.e, &l.rec, l.out, TLSREC_ALERT_CLOSE_NOTIFY);
	tlsrec_alert(l.e, &l.rec, l.out, TLSREC_ALERT_CLOSE_NOTIFY); /* once */
	push_to_term(&l);
	assert_int_equal(SSL_read(l.term, &c, 1), 0);
	assert_int_equal(SSL_get_error(l.term, 0), SSL_ERROR_ZERO_RETURN);
	link_down(&l);
}

/* The terminal's next record of "hello", with byte at flipped XOR mask;
 * expect our refusal why and an alert the terminal reads as alert. */
static void refused(struct link *l, const char *want, int alert)
{
	const char *why = NULL;
	char c;

	assert_int_equal(
	        tlsrec_read(l->e, &l->rec, l->in, l->plain, l->out, &why),
	        TLSREC_FAIL);
	assert_string_equal(why, want);
	assert_int_equal(evbuffer_get_length(l->plain), 0);
	if (alert < 0) {
		assert_int_equal(evbuffer_get_length(l->out), 0);
		return;
	}
	push_to_term(l);
	ERR_clear_error();
	assert_true(SSL_read(l->term, &c, 1) <= 0);
	/* OpenSSL reports a received alert as reason 1000 + description */
	assert_int_equal(ERR_GET_REASON(ERR_peek_error()), 1000 + alert);
}

static void flip(size_t at, const char *want, int alert)
{
	struct link l;
	uint8_t rec[64];
	size_t n;

	link_up(&l);
	assert_int_equal(SSL_write(l.term, "hello", 5), 5);
	pull_from_term(&l);
	n = evbuffer_remove(l.in, rec, sizeof(rec));
	assert_int_equal(n, 5 + 5 + 1 + 16);
	rec[at < n ? at : n - 1] ^= at < n ? 0x01 : 0x80;
	evbuffer_add(l.in, rec, n);
	refused(&l, want, alert);
	link_down(&l);
}

static void test_flipped_bits_refused(void **state)
{
	(void)state;
	flip(2, "bad_record_mac", TLSREC_ALERT_BAD_RECORD_MAC);   /* version */
	flip(6, "bad_record_mac", TLSREC_ALERT_BAD_RECORD_MAC);   /* data */
	flip(100, "bad_record_mac", TLSREC_ALERT_BAD_RECORD_MAC); /* tag */
	flip(0, "record_type", TLSREC_ALERT_UNEXPECTED_MESSAGE);  /* 23->22 */
}

static void test_bad_lengths_refused(void **state)
{
	static const uint8_t over[5] = {23, 3, 3, 0x41, 0x01}; /* 2^14+257 */
	static const uint8_t shrt[5 + 16] = {23, 3, 3, 0, 16};
	static const uint8_t ccs[6] = {20, 3, 3, 0, 1, 1};
	static const uint8_t plain_alert[7] = {21, 3, 3, 0, 2, 2, 0};
	struct link l;

	(void)state;
	link_up(&l);
	evbuffer_add(l.in, over, sizeof(over));
	refused(&l, "record_overflow", TLSREC_ALERT_RECORD_OVERFLOW);
	link_down(&l);
	link_up(&l);
	evbuffer_add(l.in, shrt, sizeof(shrt));
	refused(&l, "record_short", TLSREC_ALERT_DECODE_ERROR);
	link_down(&l);
	link_up(&l);
	evbuffer_add(l.in, ccs, sizeof(ccs));
	refused(&l, "change_cipher_spec", TLSREC_ALERT_UNEXPECTED_MESSAGE);
	link_down(&l);
	link_up(&l);
	evbuffer_add(l.in, plain_alert, sizeof(plain_alert));
	refused(&l, "record_type", TLSREC_ALERT_UNEXPECTED_MESSAGE);
	link_down(&l);
}

/* A record the terminal could not have sent, sealed with its keys. */
static void sealed(uint8_t type, const void *data, size_t len, const char *want,
                   int alert)
{
	struct link l;

	link_up(&l);
	assert_int_equal(tlsrec_seal(l.e, &l.peer, l.in, type, data, len), 0);
	refused(&l, want, alert);
	link_down(&l);
}

static void test_wrong_inner_types_refused(void **state)
{
	static const uint8_t ticket[8] = {4, 0, 0, 4, 0, 0, 0, 0};
	static const uint8_t certreq[5] = {13, 0, 0, 1, 0};
	static const uint8_t ku_long[6] = {24, 0, 0, 2, 0, 0};
	static const uint8_t ku_bad[5] = {24, 0, 0, 1, 2};
	static const uint8_t alert_long[3] = {2, 40, 0};
	static const uint8_t fatal[2] = {2, 40};
	struct link l;
	const char *why;

	(void)state;
	sealed(99, "x", 1, "content_type", TLSREC_ALERT_UNEXPECTED_MESSAGE);
	sealed(20, "\1", 1, "content_type", TLSREC_ALERT_UNEXPECTED_MESSAGE);
	sealed(0, "", 0, "padding_only", TLSREC_ALERT_UNEXPECTED_MESSAGE);
	sealed(22, ticket, sizeof(ticket), "handshake_message",
	       TLSREC_ALERT_UNEXPECTED_MESSAGE);
	sealed(22, certreq, sizeof(certreq), "handshake_message",
	       TLSREC_ALERT_UNEXPECTED_MESSAGE);
	sealed(22, "", 0, "handshake_empty", TLSREC_ALERT_DECODE_ERROR);
	sealed(22, ku_long, sizeof(ku_long), "key_update_length",
	       TLSREC_ALERT_DECODE_ERROR);
	sealed(22, ku_bad, sizeof(ku_bad), "key_update_value",
	       TLSREC_ALERT_ILLEGAL_PARAMETER);
	sealed(21, alert_long, sizeof(alert_long), "alert_length",
	       TLSREC_ALERT_DECODE_ERROR);
	sealed(21, fatal, sizeof(fatal), "peer_alert", -1); /* no answer */
	/* zero-length application data and padding are fine */
	link_up(&l);
	assert_int_equal(tlsrec_seal(l.e, &l.peer, l.in, 23, "", 0), 0);
	assert_int_equal(tlsrec_seal(l.e, &l.peer, l.in, 0, "ok\x17\0\0", 5),
	                 0);
	assert_int_equal(tlsrec_read(l.e, &l.rec, l.in, l.plain, l.out, &why),
	                 TLSREC_AGAIN);
	assert_int_equal(evbuffer_get_length(l.plain), 2);
	link_down(&l);
}

static void test_sequence_never_wraps(void **state)
{
	struct link l;
	const char *why;

	(void)state;
	link_up(&l);
	l.rec.wr.seq = UINT64_MAX - 1;
	assert_int_equal(tlsrec_write(l.e, &l.rec, l.out, "a", 1), 0);
	assert_int_equal(tlsrec_write(l.e, &l.rec, l.out, "a", 1), -1);
	l.rec.rd.seq = UINT64_MAX;
	assert_int_equal(SSL_write(l.term, "a", 1), 1);
	assert_int_equal(srv_read(&l, &why), TLSREC_FAIL);
	assert_string_equal(why, "sequence_exhausted");
	link_down(&l);
}

/* Seconds since a. */
static double since(const struct timespec *a)
{
	struct timespec b;

	clock_gettime(CLOCK_MONOTONIC, &b);
	return (double)(b.tv_sec - a->tv_sec) +
	       (double)(b.tv_nsec - a->tv_nsec) / 1e9;
}

/* The cost of keying the worker's one AEAD context again per record,
 * against the same records on a context keyed once (only the nonce set). */
static void test_rekey_cost(void **state)
{
	struct link l;
	struct timespec a;
	uint8_t data[100] = {0}, out[200], hdr[5] = {23, 3, 3, 0, 117};
	uint8_t nonce[TLSREC_IV_LEN] = {0};
	const int n = 20000;
	double rekeyed, once;
	int m;

	(void)state;
	link_up(&l);
	clock_gettime(CLOCK_MONOTONIC, &a);
	for (int i = 0; i < n; i++) {
		assert_int_equal(tlsrec_write(l.e, &l.rec, l.out, data, 100),
		                 0);
		evbuffer_drain(l.out, evbuffer_get_length(l.out));
	}
	rekeyed = since(&a) / n * 1e6;
	assert_int_equal(EVP_CipherInit_ex(l.e->ctx, l.e->cipher[l.rec.suite],
	                                   NULL, l.rec.wr.key, nonce, 1),
	                 1);
	clock_gettime(CLOCK_MONOTONIC, &a);
	for (int i = 0; i < n; i++) {
		nonce[11] = (uint8_t)i;
		assert_int_equal(
		        EVP_CipherInit_ex(l.e->ctx, NULL, NULL, NULL, nonce, 1),
		        1);
		assert_int_equal(EVP_EncryptUpdate(l.e->ctx, NULL, &m, hdr, 5),
		                 1);
		assert_int_equal(
		        EVP_EncryptUpdate(l.e->ctx, out, &m, data, 100), 1);
		assert_int_equal(EVP_EncryptUpdate(l.e->ctx, out + 100, &m,
		                                   (const uint8_t *)"\x17", 1),
		                 1);
		assert_int_equal(EVP_EncryptFinal_ex(l.e->ctx, out + 101, &m),
		                 1);
		assert_int_equal(EVP_CIPHER_CTX_ctrl(l.e->ctx,
		                                     EVP_CTRL_AEAD_GET_TAG, 16,
		                                     out + 101),
		                 1);
	}
	once = since(&a) / n * 1e6;
	printf("tlsrec: %.2f us per 100-byte record keyed per record "
	       "(AES-128-GCM), %.2f us on a context keyed once\n",
	       rekeyed, once);
	link_down(&l);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
	        cmocka_unit_test(test_both_ways_every_suite),
	        cmocka_unit_test(test_suites_share_one_engine),
	        cmocka_unit_test(test_many_records_in_one_read),
	        cmocka_unit_test(test_key_update_not_requested),
	        cmocka_unit_test(test_key_update_requested),
	        cmocka_unit_test(test_close_notify_both_ways),
	        cmocka_unit_test(test_flipped_bits_refused),
	        cmocka_unit_test(test_bad_lengths_refused),
	        cmocka_unit_test(test_wrong_inner_types_refused),
	        cmocka_unit_test(test_sequence_never_wraps),
	        cmocka_unit_test(test_rekey_cost),
	};
	int rc;

	pki.ca_key = EVP_EC_gen("P-256");
	pki.srv_key = EVP_EC_gen("P-256");
	pki.term_key = EVP_EC_gen("P-256");
	pki.ca = fixture_cert("test CA", pki.ca_key, NULL, pki.ca_key, 1);
	pki.srv = fixture_cert("localhost", pki.srv_key, pki.ca, pki.ca_key, 2);
	pki.term = fixture_cert("station:9:118:1001", pki.term_key, pki.ca,
	                        pki.ca_key, 3);
	rc = cmocka_run_group_tests(tests, NULL, NULL);
	X509_free(pki.ca);
	X509_free(pki.srv);
	X509_free(pki.term);
	EVP_PKEY_free(pki.ca_key);
	EVP_PKEY_free(pki.srv_key);
	EVP_PKEY_free(pki.term_key);
	return rc;
}
