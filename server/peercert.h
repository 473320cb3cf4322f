/* peercert.h: conn (issue 7): the peer's certificates of an established
 * connection kept as DER bytes (about 0.5 KB) instead of the parsed X509
 * objects OpenSSL holds for the connection's lifetime (the certificate,
 * its EC public key with a group of its own: several KB per connection).
 * The rare users (revocation recheck after a reload, its log line) parse
 * the DER again. */
#ifndef CCTNS_SERVER_PEERCERT_H
#define CCTNS_SERVER_PEERCERT_H

#include <stddef.h>

#include <openssl/ssl.h>

struct peercert {
	unsigned char *der; /* every certificate the peer sent, leaf first,
	                       DER one after the other; NULL: none kept */
	size_t len;
};

/* After the handshake of ssl (server side): copy the peer's certificates
 * into pc, then let ssl forget its parsed copies (the session's peer and
 * chain, the verified chain). Returns 0, or -1 with ssl left as it was
 * (no certificate, or OpenSSL refused). */
int peercert_keep(SSL *ssl, struct peercert *pc)
        __attribute__((warn_unused_result));

/* The kept certificates parsed again, leaf first (free with
 * sk_X509_pop_free(chain, X509_free)); NULL if none or unreadable. */
STACK_OF(X509) * peercert_chain(const struct peercert *pc);

void peercert_clear(struct peercert *pc);

#endif
