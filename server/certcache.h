/* certcache.h: the verified-certificate cache of a TLS context (hs, issue
 * 7). A terminal's certificate chain is verified in full (X509_verify_cert:
 * chain to the state CA, signatures, CRL, purpose, dates) the first time it
 * is seen; the SHA-256 of its DER is then remembered, with the validity
 * window of the chain, for CERTCACHE_TTL_S seconds. A later handshake
 * presenting the same bytes skips the chain verification if the
 * certificate is still inside its validity window at that moment; anything
 * else (unknown bytes, past the TTL, outside the window) is verified in full.
 * What the cache does not replace: the peer's proof of its key (the
 * CertificateVerify signature, checked by libssl at every handshake), and
 * revocation: a cache belongs to one SSL_CTX, and the CA and CRLs only
 * change by building a new context (SIGHUP), which starts with an empty
 * cache. Bounded: CERTCACHE_SETS x CERTCACHE_WAYS entries (least recently
 * used evicted within a set), about 64 bytes each, allocated at first use.
 * Not thread-safe: one worker process, one event loop. */
#ifndef CCTNS_SERVER_CERTCACHE_H
#define CCTNS_SERVER_CERTCACHE_H

#include <stdint.h>
#include <time.h>

#include <openssl/ssl.h>
#include <openssl/x509_vfy.h>

#define CERTCACHE_TTL_S 600 /* a certificate is verified in full this often */
#define CERTCACHE_SETS  1024
#define CERTCACHE_WAYS  4
#define CERTCACHE_KEY   32 /* SHA-256 of the certificate's DER */

struct certcache;
struct metrics;

struct certcache_stats {
	uint64_t hits;    /* chain verifications skipped */
	uint64_t full;    /* chain verifications done (X509_verify_cert) */
	uint64_t entries; /* certificates remembered now */
};

/* A cache of sets x CERTCACHE_WAYS entries remembered ttl_s seconds (sets
 * is rounded up to a power of two). */
struct certcache *certcache_new(unsigned sets, long ttl_s)
        __attribute__((warn_unused_result));
void certcache_free(struct certcache *c);

/* 1 when key was remembered less than ttl_s before now and now lies in its
 * validity window, else 0 (an entry found out of date is dropped). */
int certcache_hit(struct certcache *c, const uint8_t key[CERTCACHE_KEY],
                  time_t now);

/* Remember key as verified at now, valid from not_before to not_after. */
void certcache_put(struct certcache *c, const uint8_t key[CERTCACHE_KEY],
                   time_t not_before, time_t not_after, time_t now);

/* The cache key of cert: SHA-256 of its DER. Returns 0 or -1. */
int certcache_key(X509 *cert, uint8_t key[CERTCACHE_KEY])
        __attribute__((warn_unused_result));

/* The certificate verification of one handshake (what
 * SSL_CTX_set_cert_verify_callback calls): from the cache, else
 * X509_verify_cert, remembering a success. "now" is the store context's
 * check time when it has one (X509_V_FLAG_USE_CHECK_TIME), else the clock.
 * Returns 1 (verified) or 0 with the store context's error set. */
int certcache_verify(struct certcache *c, X509_STORE_CTX *sctx);

/* Give ctx a cache of its own (freed with ctx) and verify its peers
 * through it. Returns 0 or -1. */
int certcache_attach(SSL_CTX *ctx) __attribute__((warn_unused_result));

/* The cache of ctx, or NULL. */
struct certcache *certcache_of(SSL_CTX *ctx);

void certcache_stats(const struct certcache *c, struct certcache_stats *out);

/* The worker's /metrics counters to bump (NULL in unit tests). */
void certcache_set_metrics(struct metrics *m);

#endif
