/* ca.h: the state CA as cctns-admin uses it, with OpenSSL: loading
 * DIR/ca.crt + DIR/ca.key, issuing a station terminal certificate (ECDSA
 * P-256, SHA-256, the subject of deploy/pki: O=CCTNS, OU=<terminal>,
 * CN=station:<state>:<district>:<station>), signing a CRL, and writing
 * files whole (temporary file, fsync, rename). The CA key is read from DIR
 * and never written anywhere. */
#ifndef CCTNS_ADMIN_CA_H
#define CCTNS_ADMIN_CA_H

#include <stddef.h>
#include <time.h>

#include <openssl/evp.h>
#include <openssl/x509.h>

struct ca {
	char dir[4096];
	X509 *cert;
	EVP_PKEY *key;
	char key_id[65]; /* SHA-256 of the public key, lower-case hex */
};

/* Load DIR/ca.crt and DIR/ca.key (and check they belong together). 0, or
 * -1 after printing why. */
int ca_load(struct ca *ca, const char *dir) __attribute__((warn_unused_result));
void ca_free(struct ca *ca);

/* A new key and a certificate for it, valid from now for days. */
struct issued {
	EVP_PKEY *key;
	X509 *cert;
	char serial[41]; /* upper-case hex */
	time_t not_before, not_after;
};

int ca_issue_terminal(const struct ca *ca, int state, int district, int station,
                      const char *terminal, int days, struct issued *out)
        __attribute__((warn_unused_result));
void issued_free(struct issued *is);

/* One revoked serial for the CRL. */
struct revoked_entry {
	const char *serial; /* canonical hex */
	time_t revoked_at;
	int reason; /* RFC 5280 CRLReason */
};

/* Sign a CRL with number crl_number listing entries, lastUpdate now,
 * nextUpdate now + days, and write it to path as PEM (0644). 0 or -1
 * after printing why. */
int ca_write_crl(const struct ca *ca, const struct revoked_entry *entries,
                 size_t n, long crl_number, int days, const char *path,
                 char *next_update, size_t nusz)
        __attribute__((warn_unused_result));

/* Write the key (0600) and certificate (0644) of is to base.key and
 * base.crt. Refuses to replace existing files unless force. 0 or -1. */
int ca_write_issued(const struct issued *is, const char *base, int force)
        __attribute__((warn_unused_result));

/* Read a PEM certificate; NULL after printing why. */
X509 *ca_read_cert(const char *path) __attribute__((warn_unused_result));

/* 1 when cert was issued and signed by ca. */
int ca_issued_it(const struct ca *ca, X509 *cert);

/* The serial of cert as canonical hex into buf (41 bytes). 0 or -1. */
int ca_cert_serial(X509 *cert, char *buf, size_t bufsz)
        __attribute__((warn_unused_result));

/* ASN1 time as time_t. 0 or -1. */
int ca_time(const ASN1_TIME *t, time_t *out)
        __attribute__((warn_unused_result));

#endif
