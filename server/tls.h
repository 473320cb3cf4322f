/* tls.h: the server's TLS context (TLS 1.3 only, client certificates
 * required and verified against the state CA) and reading the peer's
 * identity from its verified certificate. A context is built whole; SIGHUP
 * builds a new one and swaps it in only when every step succeeded. */
#ifndef CCTNS_SERVER_TLS_H
#define CCTNS_SERVER_TLS_H

#include <stddef.h>

#include <openssl/ssl.h>

#include "identity.h"

struct crl_info;

/* Build a context from CA, certificate chain and key (PEM files), and when
 * crl is not NULL or empty, the CA's CRLs with revocation checking (what
 * was loaded goes to crl_info). Returns NULL with a reason naming the file
 * and OpenSSL's error in why. */
SSL_CTX *tls_ctx_new(const char *ca, const char *cert, const char *key,
                     const char *crl, struct crl_info *crl_info, char *why,
                     size_t whysz) __attribute__((warn_unused_result));

/* Read kind, codes (CN) and terminal (OU, optional) from a verified client
 * certificate. Borrows cert (e.g. SSL_get0_peer_certificate). Returns 0, or
 * -1 with why (never quoting the subject). */
int identity_from_cert(X509 *cert, struct identity *out, char *why,
                       size_t whysz) __attribute__((warn_unused_result));

/* The most recent OpenSSL error as text into buf ("" when none); clears the
 * thread's error queue so it cannot be blamed on another connection. */
const char *tls_last_error(char *buf, size_t bufsz);

#endif
