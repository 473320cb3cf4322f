/* crl.h: certificate revocation for the server's TLS context. The [tls] crl
 * file holds the PEM CRL(s) of the state CA; they are checked (signed by a
 * CA of [tls] ca, current, one for every CA) and put in the context's
 * verify store with CRL checking of the leaf, so a revoked terminal fails
 * the handshake. After a reload the same store re-verifies the certificates
 * of connections that are already open. */
#ifndef CCTNS_SERVER_CRL_H
#define CCTNS_SERVER_CRL_H

#include <stddef.h>

#include <openssl/ssl.h>

/* What was loaded, for the log. */
struct crl_info {
	int crls;             /* CRLs in the file */
	int revoked;          /* revoked serials over all of them */
	char next_update[32]; /* earliest nextUpdate, "2026-12-01T00:00:00Z" */
};

/* Load the CRLs of path into ctx's verify store (whose CA certificates are
 * already loaded) and turn on CRL checking of the leaf. Returns 0, or -1
 * with a reason naming the file in why: missing, unreadable, no CRL, not
 * signed by a CA of the store, not yet valid, past its nextUpdate, or a
 * CA without a CRL. A CRL whose nextUpdate passes later, while loaded,
 * stays in force (a warning crl_stale is logged at most once a minute). */
int crl_load(SSL_CTX *ctx, const char *path, struct crl_info *info, char *why,
             size_t whysz) __attribute__((warn_unused_result));

/* Verify chain (the peer's certificates of an established server-side
 * connection, leaf first; conn: kept by peercert.c) again, against ctx's
 * store and parameters, as a handshake with ctx would. Returns X509_V_OK
 * or the X509_V_ERR_* code. */
int crl_recheck_chain(SSL_CTX *ctx, STACK_OF(X509) * chain);

/* The serial of leaf as upper-case hex into buf ("?" if none). */
const char *crl_cert_serial(X509 *leaf, char *buf, size_t bufsz);

#endif
