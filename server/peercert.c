/* peercert.c: the peer's certificates of an open connection as DER (see
 * peercert.h). OpenSSL keeps them parsed in the connection's SSL_SESSION
 * (peer, peer_chain) and in its verified chain until SSL_free; with
 * session caching and tickets off nothing reads that session again, so it
 * is replaced by a bare one carrying only the protocol and cipher. */
#include "peercert.h"

#include <limits.h>
#include <stdlib.h>
#include <string.h>

#include <openssl/err.h>
#include <openssl/x509.h>

#include "util.h"

/* The certificate i of what the peer sent: -1 is the leaf, then the
 * chain without the leaf (which OpenSSL 3.0 puts first on the server side
 * too, unlike its documentation says). */
static X509 *peercert_nth(X509 *leaf, STACK_OF(X509) * chain, int i)
{
	return i < 0 ? leaf : sk_X509_value(chain, i);
}

static int peercert_first(X509 *leaf, STACK_OF(X509) * chain)
{
	return sk_X509_num(chain) > 0 &&
	                       X509_cmp(sk_X509_value(chain, 0), leaf) == 0
	               ? 1
	               : 0;
}

/* The DER of leaf, then of the rest of chain, into pc. */
static int peercert_encode(X509 *leaf, STACK_OF(X509) * chain,
                           struct peercert *pc)
{
	int n = chain ? sk_X509_num(chain) : 0;
	int first = chain ? peercert_first(leaf, chain) : 0;
	size_t total = 0;
	unsigned char *p;
	int len;

	for (int i = -1; i < n; i = i < 0 ? first : i + 1) {
		len = i2d_X509(peercert_nth(leaf, chain, i), NULL);
		if (len <= 0)
			return -1;
		total += (size_t)len;
	}
	pc->der = p = xmalloc(total);
	pc->len = total;
	for (int i = -1; i < n; i = i < 0 ? first : i + 1)
		(void)i2d_X509(peercert_nth(leaf, chain, i), &p);
	return 0;
}

/* A context of the protocol's own method (the version-specific one the
 * handshake switched ssl to), one per process: SSL_set_session() refuses to
 * swap a session while the SSL's context was made with another method (it
 * would reset the connection's whole TLS state). */
static SSL_CTX *peercert_bare_ctx(SSL *ssl)
{
	static SSL_CTX *bare;

	if (!bare)
		bare = SSL_CTX_new(SSL_get_ssl_method(ssl));
	if (!bare || SSL_CTX_get_ssl_method(bare) != SSL_get_ssl_method(ssl))
		return NULL;
	return bare;
}

#define BARE_SESSIONS 8 /* TLS 1.3 has five cipher suites */

/* A session with nothing but what the record layer may ask of it (the
 * protocol and cipher of old), one per cipher and process, shared by
 * every connection (reference counted; nothing writes to the session of
 * an established server-side connection without tickets or caching). */
static SSL_SESSION *peercert_bare_of(SSL_SESSION *old)
{
	static struct {
		const SSL_CIPHER *cipher;
		int version;
		SSL_SESSION *sess;
	} bare[BARE_SESSIONS];
	const SSL_CIPHER *cipher = SSL_SESSION_get0_cipher(old);
	int version = SSL_SESSION_get_protocol_version(old);
	SSL_SESSION *sess;
	int i;

	for (i = 0; i < BARE_SESSIONS && bare[i].sess; i++)
		if (bare[i].cipher == cipher && bare[i].version == version)
			return bare[i].sess;
	if (i == BARE_SESSIONS || !cipher || !(sess = SSL_SESSION_new()))
		return NULL;
	if (!SSL_SESSION_set_protocol_version(sess, version) ||
	    !SSL_SESSION_set_cipher(sess, cipher)) {
		SSL_SESSION_free(sess);
		return NULL;
	}
	bare[i].cipher = cipher;
	bare[i].version = version;
	bare[i].sess = sess;
	return sess;
}

static int peercert_bare_session(SSL *ssl)
{
	SSL_SESSION *old = SSL_get_session(ssl);
	SSL_SESSION *bare = old ? peercert_bare_of(old) : NULL;
	SSL_CTX *bare_ctx = peercert_bare_ctx(ssl);
	long verify = SSL_get_verify_result(ssl);
	int ok;

	if (!bare || !bare_ctx)
		return -1;
	/* the handshake is over: the server certificate and key, the CA list
	 * and the verify store of ssl's context are not used again */
	ok = SSL_set_SSL_CTX(ssl, bare_ctx) == bare_ctx &&
	     SSL_set_session(ssl, bare); /* takes a reference */
	SSL_set_verify_result(ssl, verify);
	return ok ? 0 : -1;
}

int peercert_keep(SSL *ssl, struct peercert *pc)
{
	X509 *leaf = SSL_get0_peer_certificate(ssl);
	STACK_OF(X509) *verified = SSL_get0_verified_chain(ssl);
	X509 *x;

	if (!leaf ||
	    peercert_encode(leaf, SSL_get_peer_cert_chain(ssl), pc) != 0)
		goto fail;
	if (peercert_bare_session(ssl) != 0) {
		peercert_clear(pc);
		goto fail;
	}
	/* references to the leaf and the CA certificate */
	while (verified && (x = sk_X509_pop(verified)))
		X509_free(x);
	return 0;
fail:
	ERR_clear_error();
	return -1;
}

STACK_OF(X509) * peercert_chain(const struct peercert *pc)
{
	const unsigned char *p = pc->der, *end;
	STACK_OF(X509) *chain = sk_X509_new_null();
	X509 *x;

	if (!chain || !pc->der || pc->len > LONG_MAX)
		goto fail;
	end = pc->der + pc->len;
	while (p < end) {
		x = d2i_X509(NULL, &p, (long)(end - p));
		if (!x)
			goto fail;
		if (!sk_X509_push(chain, x)) {
			X509_free(x);
			goto fail;
		}
	}
	return chain;
fail:
	sk_X509_pop_free(chain, X509_free);
	ERR_clear_error();
	return NULL;
}

void peercert_clear(struct peercert *pc)
{
	free(pc->der);
	pc->der = NULL;
	pc->len = 0;
}
