/* crl.c: loading the state CA's CRLs into a TLS context and re-verifying
 * the certificates of open connections after a reload (see crl.h). A CRL
 * that is missing, forged, not yet valid or past its nextUpdate is refused
 * at load, so a reload with it keeps the old set. One whose nextUpdate
 * passes while it is loaded stays in force (logged as crl_stale) rather
 * than making OpenSSL refuse every terminal of the state. */
#include "crl.h"

#include <errno.h>
#include <stdio.h>
#include <string.h>
#include <time.h>

#include <openssl/err.h>
#include <openssl/pem.h>
#include <openssl/x509.h>
#include <openssl/x509_vfy.h>

#include "log.h"
#include "tls.h"

#define STALE_LOG_EVERY_S 60 /* a stale CRL is logged at most this often */

#define CRL_MAX 64 /* CRLs in one file; a state has one CA, maybe two */

/* "CRL <path>: <detail>", or OpenSSL's error when detail is NULL. */
static int crl_fail(char *why, size_t whysz, const char *path,
                    const char *detail)
{
	char err[256];

	tls_last_error(err, sizeof(err));
	snprintf(why, whysz, "CRL %s: %s", path, detail ? detail : err);
	return -1;
}

static void asn1_time_text(const ASN1_TIME *t, char *buf, size_t bufsz)
{
	struct tm tm;

	if (!t || ASN1_TIME_to_tm(t, &tm) != 1 ||
	    strftime(buf, bufsz, "%Y-%m-%dT%H:%M:%SZ", &tm) == 0)
		snprintf(buf, bufsz, "?");
}

/* Read every PEM CRL of path into crls. Returns their number or -1. */
static int crl_read_file(const char *path, STACK_OF(X509_CRL) * crls, char *why,
                         size_t whysz)
{
	BIO *in = BIO_new_file(path, "r");
	X509_CRL *crl;
	unsigned long e;
	char detail[160];

	if (!in) {
		snprintf(detail, sizeof(detail), "cannot read it: %s",
		         strerror(errno));
		return crl_fail(why, whysz, path, detail);
	}
	while ((crl = PEM_read_bio_X509_CRL(in, NULL, NULL, NULL))) {
		if (sk_X509_CRL_num(crls) >= CRL_MAX) {
			X509_CRL_free(crl);
			BIO_free(in);
			return crl_fail(why, whysz, path, "more than 64 CRLs");
		}
		sk_X509_CRL_push(crls, crl);
	}
	BIO_free(in);
	e = ERR_peek_last_error();
	if (ERR_GET_LIB(e) == ERR_LIB_PEM &&
	    ERR_GET_REASON(e) == PEM_R_NO_START_LINE)
		ERR_clear_error(); /* the end of the file */
	else if (e) {
		snprintf(detail, sizeof(detail),
		         "not a valid PEM CRL after %d good one(s) (%s)",
		         sk_X509_CRL_num(crls),
		         ERR_reason_error_string(e) ? ERR_reason_error_string(e)
		                                    : "?");
		return crl_fail(why, whysz, path, detail);
	}
	if (sk_X509_CRL_num(crls) == 0)
		return crl_fail(why, whysz, path,
		                "no PEM X509 CRL in the file");
	return sk_X509_CRL_num(crls);
}

/* The CA of cas that issued and signed crl, or NULL. */
static X509 *crl_issuer(X509_CRL *crl, STACK_OF(X509) * cas)
{
	for (int i = 0; i < sk_X509_num(cas); i++) {
		X509 *ca = sk_X509_value(cas, i);
		EVP_PKEY *pub = X509_get0_pubkey(ca);

		if (X509_NAME_cmp(X509_CRL_get_issuer(crl),
		                  X509_get_subject_name(ca)) == 0 &&
		    pub && X509_CRL_verify(crl, pub) == 1)
			return ca;
	}
	ERR_clear_error();
	return NULL;
}

/* Signed by a CA of the store, and current. */
static int crl_check_one(X509_CRL *crl, STACK_OF(X509) * cas, const char *path,
                         int n, struct crl_info *info, char *why, size_t whysz)
{
	const ASN1_TIME *last = X509_CRL_get0_lastUpdate(crl);
	const ASN1_TIME *next = X509_CRL_get0_nextUpdate(crl);
	char when[32], detail[160];

	if (!crl_issuer(crl, cas)) {
		snprintf(detail, sizeof(detail),
		         "CRL %d is not signed by a CA of [tls] ca", n);
		return crl_fail(why, whysz, path, detail);
	}
	if (!last || X509_cmp_time(last, NULL) >= 0) {
		asn1_time_text(last, when, sizeof(when));
		snprintf(detail, sizeof(detail),
		         "CRL %d is not valid before %s", n, when);
		return crl_fail(why, whysz, path, detail);
	}
	if (!next || X509_cmp_time(next, NULL) <= 0) {
		asn1_time_text(next, when, sizeof(when));
		snprintf(detail, sizeof(detail),
		         "CRL %d expired (nextUpdate %s); re-issue it with "
		         "cctns-admin crl",
		         n, when);
		return crl_fail(why, whysz, path, detail);
	}
	asn1_time_text(next, when, sizeof(when));
	if (!info->next_update[0] || strcmp(when, info->next_update) < 0)
		snprintf(info->next_update, sizeof(info->next_update), "%s",
		         when);
	if (X509_CRL_get_REVOKED(crl))
		info->revoked += sk_X509_REVOKED_num(X509_CRL_get_REVOKED(crl));
	return 0;
}

/* With CRL checking on, a CA without a CRL would refuse all its
 * terminals: say so at load instead. */
static int crl_every_ca(STACK_OF(X509_CRL) * crls, STACK_OF(X509) * cas,
                        const char *path, char *why, size_t whysz)
{
	for (int i = 0; i < sk_X509_num(cas); i++) {
		X509 *ca = sk_X509_value(cas, i);
		int found = 0;

		for (int j = 0; j < sk_X509_CRL_num(crls) && !found; j++)
			found = crl_issuer(sk_X509_CRL_value(crls, j), cas) ==
			        ca;
		if (!found)
			return crl_fail(why, whysz, path,
			                "a CA of [tls] ca has no CRL in it");
	}
	return 0;
}

/* A CRL checked at load whose nextUpdate has passed since: keep honouring
 * it (it still lists every revocation the server was given) rather than
 * refuse every terminal of the state until it is re-issued; say so in the
 * log. Every other verify error stands. */
static int crl_verify_cb(int ok, X509_STORE_CTX *sctx)
{
	static time_t last_logged;
	time_t now;

	if (ok || X509_STORE_CTX_get_error(sctx) != X509_V_ERR_CRL_HAS_EXPIRED)
		return ok;
	now = time(NULL);
	if (now - last_logged >= STALE_LOG_EVERY_S) {
		last_logged = now;
		log_event(
		        LOG_WARN, "crl_stale",
		        "detail=\"the CRL's nextUpdate has passed: re-issue it "
		        "(cctns-admin crl) and reload\"");
	}
	X509_STORE_CTX_set_error(sctx, X509_V_OK);
	return 1;
}

int crl_load(SSL_CTX *ctx, const char *path, struct crl_info *info, char *why,
             size_t whysz)
{
	X509_STORE *store = SSL_CTX_get_cert_store(ctx);
	STACK_OF(X509_CRL) *crls = sk_X509_CRL_new_null();
	STACK_OF(X509) *cas = X509_STORE_get1_all_certs(store);
	int n, rc = -1;

	memset(info, 0, sizeof(*info));
	if (!crls || !cas) {
		crl_fail(why, whysz, path, "out of memory");
		goto out;
	}
	if ((n = crl_read_file(path, crls, why, whysz)) < 0)
		goto out;
	for (int i = 0; i < n; i++)
		if (crl_check_one(sk_X509_CRL_value(crls, i), cas, path, i + 1,
		                  info, why, whysz) != 0)
			goto out;
	if (crl_every_ca(crls, cas, path, why, whysz) != 0)
		goto out;
	for (int i = 0; i < n; i++)
		if (!X509_STORE_add_crl(store, sk_X509_CRL_value(crls, i))) {
			crl_fail(why, whysz, path, NULL);
			goto out;
		}
	X509_STORE_set_flags(store, X509_V_FLAG_CRL_CHECK);
	SSL_CTX_set_verify(ctx, SSL_CTX_get_verify_mode(ctx), crl_verify_cb);
	info->crls = n;
	rc = 0;
out:
	sk_X509_CRL_pop_free(crls, X509_CRL_free);
	sk_X509_pop_free(cas, X509_free);
	return rc;
}

int crl_recheck_chain(SSL_CTX *ctx, STACK_OF(X509) * chain)
{
	X509 *leaf = chain && sk_X509_num(chain) > 0 ? sk_X509_value(chain, 0)
	                                             : NULL;
	STACK_OF(X509) *untrusted = NULL;
	X509_STORE_CTX *sctx;
	int rc = X509_V_ERR_UNSPECIFIED;

	if (!leaf)
		return rc;
	sctx = X509_STORE_CTX_new();
	untrusted = sk_X509_dup(chain);
	if (!sctx || !untrusted) {
		rc = X509_V_ERR_OUT_OF_MEM;
		goto out;
	}
	(void)sk_X509_shift(untrusted); /* the leaf */
	if (X509_STORE_CTX_init(sctx, SSL_CTX_get_cert_store(ctx), leaf,
	                        untrusted) == 1 &&
	    X509_STORE_CTX_set_default(sctx, "ssl_client") == 1 &&
	    X509_VERIFY_PARAM_set1(X509_STORE_CTX_get0_param(sctx),
	                           SSL_CTX_get0_param(ctx)) == 1) {
		if (SSL_CTX_get_verify_callback(ctx))
			X509_STORE_CTX_set_verify_cb(
			        sctx, SSL_CTX_get_verify_callback(ctx));
		if (X509_verify_cert(sctx) == 1)
			rc = X509_V_OK;
		else
			rc = X509_STORE_CTX_get_error(sctx);
	}
out:
	X509_STORE_CTX_free(sctx);
	sk_X509_free(untrusted);
	ERR_clear_error();
	return rc;
}

const char *crl_cert_serial(X509 *leaf, char *buf, size_t bufsz)
{
	BIGNUM *bn =
	        leaf ? ASN1_INTEGER_to_BN(X509_get0_serialNumber(leaf), NULL)
	             : NULL;
	char *hex = bn ? BN_bn2hex(bn) : NULL;

	snprintf(buf, bufsz, "%s", hex ? hex : "?");
	OPENSSL_free(hex);
	BN_free(bn);
	return buf;
}
