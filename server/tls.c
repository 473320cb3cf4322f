/* tls.c: building the SSL_CTX the listener hands to every new connection,
 * and extracting the station identity from a client certificate's subject
 * (the grammar itself is in identity.c). */
#include "tls.h"

#include <stdio.h>
#include <string.h>

#include <openssl/err.h>
#include <openssl/pem.h>
#include <openssl/x509.h>

#include "certcache.h"
#include "crl.h"
#include "tlsprov.h"
#include "tlsrec.h"

const char *tls_last_error(char *buf, size_t bufsz)
{
	unsigned long e = ERR_peek_error(); /* the oldest: the root cause */

	buf[0] = '\0';
	if (e)
		ERR_error_string_n(e, buf, bufsz);
	ERR_clear_error();
	return buf;
}

static int tls_fail(char *why, size_t whysz, const char *what, const char *path)
{
	char err[256];

	snprintf(why, whysz, "%s %s: %s", what, path ? path : "",
	         tls_last_error(err, sizeof(err)));
	return -1;
}

/* The protocol and verification policy, independent of the files. */
static int tls_ctx_policy(SSL_CTX *ctx, char *why, size_t whysz)
{
	if (!SSL_CTX_set_min_proto_version(ctx, TLS1_3_VERSION) ||
	    !SSL_CTX_set_max_proto_version(ctx, TLS1_3_VERSION))
		return tls_fail(why, whysz, "cannot require TLS 1.3", NULL);
	SSL_CTX_set_options(ctx, SSL_OP_IGNORE_UNEXPECTED_EOF |
	                                 SSL_OP_NO_TICKET |
	                                 SSL_OP_NO_RENEGOTIATION);
	SSL_CTX_set_session_cache_mode(ctx, SSL_SESS_CACHE_OFF);
	/* load: an idle connection gives back its TLS record buffers (about
	 * 34 KB of the 40 KB an idle terminal cost; tests/bench/README.md) */
	SSL_CTX_set_mode(ctx, SSL_MODE_RELEASE_BUFFERS);
	if (!SSL_CTX_set_num_tickets(ctx, 0))
		return tls_fail(why, whysz, "cannot disable tickets", NULL);
	SSL_CTX_set_verify(
	        ctx, SSL_VERIFY_PEER | SSL_VERIFY_FAIL_IF_NO_PEER_CERT, NULL);
	SSL_CTX_set_verify_depth(ctx, 4);
	/* tlsrec: after the handshake our record layer carries the
	 * connection: the suites it handles, and the traffic secrets. hs
	 * (issue 7): ours is the choice, AES-128-GCM first (SHA-256 for the
	 * transcript and key schedule: 3 % fewer instructions a handshake
	 * than AES-256-GCM's SHA-384, and cheaper records) */
	SSL_CTX_set_options(ctx, SSL_OP_CIPHER_SERVER_PREFERENCE);
	if (!SSL_CTX_set_ciphersuites(ctx, "TLS_AES_128_GCM_SHA256:"
	                                   "TLS_AES_256_GCM_SHA384:"
	                                   "TLS_CHACHA20_POLY1305_SHA256") ||
	    tlsrec_ctx_prepare(ctx) != 0)
		return tls_fail(why, whysz, "cannot set the TLS 1.3 suites",
		                NULL);
	return 0;
}

/* Trust the CA and name it to clients as the acceptable issuer. */
static int tls_ctx_ca(SSL_CTX *ctx, const char *ca, char *why, size_t whysz)
{
	STACK_OF(X509_NAME) * names;

	if (!SSL_CTX_load_verify_locations(ctx, ca, NULL))
		return tls_fail(why, whysz, "cannot load CA", ca);
	names = SSL_load_client_CA_file(ca);
	if (!names)
		return tls_fail(why, whysz, "no CA certificate in", ca);
	SSL_CTX_set_client_CA_list(ctx, names);
	return 0;
}

/* hs: the key is read with the process's default library context (the
 * TLS context's, tlsprov.h, decodes certificates' public keys only). */
static int tls_ctx_key(SSL_CTX *ctx, const char *key)
{
	BIO *in = BIO_new_file(key, "r");
	EVP_PKEY *pkey = in ? PEM_read_bio_PrivateKey_ex(in, NULL, NULL, NULL,
	                                                 NULL, NULL)
	                    : NULL;
	int ok = pkey && SSL_CTX_use_PrivateKey(ctx, pkey) == 1;

	EVP_PKEY_free(pkey);
	BIO_free(in);
	return ok ? 0 : -1;
}

static int tls_ctx_cert(SSL_CTX *ctx, const char *cert, const char *key,
                        char *why, size_t whysz)
{
	if (!SSL_CTX_use_certificate_chain_file(ctx, cert))
		return tls_fail(why, whysz, "cannot load certificate", cert);
	if (tls_ctx_key(ctx, key) != 0)
		return tls_fail(why, whysz, "cannot load key", key);
	if (!SSL_CTX_check_private_key(ctx))
		return tls_fail(why, whysz, "key does not match certificate",
		                key);
	return 0;
}

/* conn (issue 7): the chain sent to terminals, built once here instead of
 * at every handshake (without a chain of its own, OpenSSL builds one per
 * handshake with a whole X509_verify_cert, signature checks included), and
 * without the root, which every terminal holds as its [tls] ca. A server
 * certificate the CA file cannot chain keeps the per-handshake way. */
static void tls_ctx_chain(SSL_CTX *ctx)
{
	if (SSL_CTX_build_cert_chain(ctx, SSL_BUILD_CHAIN_FLAG_NO_ROOT) != 1)
		ERR_clear_error();
}

SSL_CTX *tls_ctx_new(const char *ca, const char *cert, const char *key,
                     const char *crl, struct crl_info *crl_info, char *why,
                     size_t whysz)
{
	/* hs (issue 7): a library context with fewer decoders (tlsprov.h) */
	SSL_CTX *ctx =
	        SSL_CTX_new_ex(tlsprov_libctx(), NULL, TLS_server_method());

	if (!ctx) {
		tls_fail(why, whysz, "cannot create TLS context", NULL);
		return NULL;
	}
	if (tls_ctx_policy(ctx, why, whysz) != 0 ||
	    tls_ctx_ca(ctx, ca, why, whysz) != 0 ||
	    tls_ctx_cert(ctx, cert, key, why, whysz) != 0)
		goto fail;
	tls_ctx_chain(ctx);
	memset(crl_info, 0, sizeof(*crl_info));
	if (crl && *crl && crl_load(ctx, crl, crl_info, why, whysz) != 0)
		goto fail;
	/* hs (issue 7): a chain verified in full is not verified again at
	 * every handshake of the same certificate (certcache.h) */
	if (certcache_attach(ctx) != 0) {
		tls_fail(why, whysz, "cannot set up certificate verification",
		         NULL);
		goto fail;
	}
	return ctx;
fail:
	SSL_CTX_free(ctx);
	return NULL;
}

/* The single entry nid of name as UTF-8 into buf. Returns its length, 0 if
 * absent, -1 if repeated, unreadable or too long. */
static int subject_entry(X509_NAME *name, int nid, char *buf, size_t bufsz)
{
	int idx = X509_NAME_get_index_by_NID(name, nid, -1);
	unsigned char *utf8 = NULL;
	int len;

	if (idx < 0)
		return 0;
	if (X509_NAME_get_index_by_NID(name, nid, idx) >= 0)
		return -1;
	len = ASN1_STRING_to_UTF8(
	        &utf8,
	        X509_NAME_ENTRY_get_data(X509_NAME_get_entry(name, idx)));
	if (len < 0 || (size_t)len >= bufsz) {
		OPENSSL_free(utf8);
		return -1;
	}
	memcpy(buf, utf8, (size_t)len);
	buf[len] = '\0';
	OPENSSL_free(utf8);
	return len;
}

int identity_from_cert(X509 *cert, struct identity *out, char *why,
                       size_t whysz)
{
	X509_NAME *name = cert ? X509_get_subject_name(cert) : NULL;
	char cn[IDENTITY_CN_MAX + 1], ou[IDENTITY_TERMINAL_MAX + 1];
	int cnlen, oulen;
	struct identity id = {0};

	if (!name) {
		snprintf(why, whysz, "no client certificate");
		return -1;
	}
	cnlen = subject_entry(name, NID_commonName, cn, sizeof(cn));
	if (cnlen <= 0) {
		snprintf(why, whysz,
		         "subject needs exactly one CN of at most "
		         "64 bytes");
		return -1;
	}
	if (identity_parse_cn(cn, (size_t)cnlen, &id, why, whysz) != 0)
		return -1;
	oulen = subject_entry(name, NID_organizationalUnitName, ou, sizeof(ou));
	if (oulen < 0 ||
	    (oulen > 0 &&
	     identity_set_terminal(ou, (size_t)oulen, &id, why, whysz) != 0)) {
		if (oulen < 0)
			snprintf(why, whysz, "subject needs at most one OU");
		return -1;
	}
	identity_clear(out);
	*out = id;
	return 0;
}
