/* tlsrec.h: the TLS 1.3 record layer the server uses after OpenSSL's
 * handshake (tlsrec, issue 7). OpenSSL does the whole handshake (mutual TLS
 * 1.3, verification, CRLs) and every cryptographic operation (AEAD through
 * one EVP_CIPHER_CTX per worker, HKDF through EVP_KDF); what is ours is the
 * framing of RFC 8446 section 5: record headers, nonces, inner content
 * types and padding, alerts, KeyUpdate. Once the handshake is done the SSL
 * object is freed and a connection keeps only struct tlsrec (~200 bytes).
 *
 * What arrives after the handshake: application data is passed on; alert
 * close_notify ends the connection in order, any other alert ends it;
 * a handshake record holding exactly one KeyUpdate updates the read keys
 * (and, when the peer asks, ours, announced first); any other handshake
 * message, ChangeCipherSpec, an unprotected record, a bad tag, a bad length
 * or a padding-only record ends the connection with an alert. */
#ifndef CCTNS_SERVER_TLSREC_H
#define CCTNS_SERVER_TLSREC_H

#include <stddef.h>
#include <stdint.h>

#include <openssl/ssl.h>

struct evbuffer;

#define TLSREC_SECRET_MAX 48 /* SHA-384 */
#define TLSREC_KEY_MAX    32
#define TLSREC_IV_LEN     12
#define TLSREC_TAG_LEN    16
#define TLSREC_PLAIN_MAX  16384                    /* 2^14 */
#define TLSREC_CIPHER_MAX (TLSREC_PLAIN_MAX + 256) /* 2^14 + 256 */
#define TLSREC_HEADER_LEN 5

enum tlsrec_suite {
	TLSREC_NONE = 0,
	TLSREC_AES_128_GCM_SHA256,       /* 0x1301 */
	TLSREC_AES_256_GCM_SHA384,       /* 0x1302 */
	TLSREC_CHACHA20_POLY1305_SHA256, /* 0x1303 */
	TLSREC_SUITES
};

/* One direction's keys. seq is the next record's sequence number. */
struct tlsrec_dir {
	uint8_t secret[TLSREC_SECRET_MAX]; /* for KeyUpdate */
	uint8_t key[TLSREC_KEY_MAX];
	uint8_t iv[TLSREC_IV_LEN];
	uint64_t seq;
};

/* A connection's record state: read = the peer's keys, write = ours. */
struct tlsrec {
	struct tlsrec_dir rd, wr;
	uint8_t suite;     /* enum tlsrec_suite; TLSREC_NONE before init */
	uint8_t alert_out; /* an alert was sent: nothing more is */
};

/* What one worker shares among its connections: the AEAD context re-keyed
 * per record, the fetched algorithms and a record-sized scratch buffer. */
struct tlsrec_engine;

struct tlsrec_engine *tlsrec_engine_new(void)
        __attribute__((warn_unused_result));
void tlsrec_engine_free(struct tlsrec_engine *e);

/* The suite of a TLS 1.3 cipher (SSL_CIPHER_get_protocol_id), or
 * TLSREC_NONE when we do not handle it. */
int tlsrec_suite_of(uint16_t protocol_id);

/* Start r with the application traffic secrets (both secret_len bytes, the
 * suite's hash length): rd_secret the peer's, wr_secret ours; sequences 0.
 * Returns 0, or -1 (bad suite or length, KDF failure: r is cleared). */
int tlsrec_init(struct tlsrec_engine *e, struct tlsrec *r, int suite,
                const uint8_t *rd_secret, const uint8_t *wr_secret,
                size_t secret_len) __attribute__((warn_unused_result));

/* Forget every key (OPENSSL_cleanse). */
void tlsrec_clear(struct tlsrec *r);

enum tlsrec_result {
	TLSREC_AGAIN = 0,  /* every whole record taken; wait for more */
	TLSREC_CLOSED = 1, /* the peer sent close_notify */
	TLSREC_FAIL = -1,  /* the connection must end (an alert, if one is
	                      due, is already appended to out) */
};

/* Take every whole record off in: application data is appended to plain;
 * what the layer answers itself (our KeyUpdate, a fatal alert) to out.
 * On TLSREC_FAIL and TLSREC_CLOSED *why says what happened, for logs
 * (never any record content). */
enum tlsrec_result tlsrec_read(struct tlsrec_engine *e, struct tlsrec *r,
                               struct evbuffer *in, struct evbuffer *plain,
                               struct evbuffer *out, const char **why);

/* Protect len bytes of application data (split in records of at most 2^14
 * bytes) onto out. Returns 0, or -1 when the write sequence would run out
 * or the AEAD fails: then the connection must end. */
int tlsrec_write(struct tlsrec_engine *e, struct tlsrec *r,
                 struct evbuffer *out, const void *data, size_t len)
        __attribute__((warn_unused_result));

/* Append a protected alert (level fatal, or warning for close_notify) onto
 * out, unless one was sent already. Best effort. */
void tlsrec_alert(struct tlsrec_engine *e, struct tlsrec *r,
                  struct evbuffer *out, uint8_t description);

/* Protect one record of any inner content type (the fuzz target and the
 * tests build a peer's records with it). Returns 0 or -1. */
int tlsrec_seal(struct tlsrec_engine *e, struct tlsrec *r, struct evbuffer *out,
                uint8_t type, const void *data, size_t len)
        __attribute__((warn_unused_result));

#define TLSREC_ALERT_CLOSE_NOTIFY       0
#define TLSREC_ALERT_UNEXPECTED_MESSAGE 10
#define TLSREC_ALERT_BAD_RECORD_MAC     20
#define TLSREC_ALERT_RECORD_OVERFLOW    22
#define TLSREC_ALERT_DECODE_ERROR       50
#define TLSREC_ALERT_ILLEGAL_PARAMETER  47
#define TLSREC_ALERT_INTERNAL_ERROR     80

/* ---- taking over from OpenSSL (tlsrec_ssl.c) ---- */

/* The application traffic secrets of one handshake, caught by the keylog
 * callback (matched to its SSL by ex_data, never logged or kept as text). */
struct tlsrec_secrets {
	uint8_t client[TLSREC_SECRET_MAX], server[TLSREC_SECRET_MAX];
	uint8_t client_len, server_len;
};

/* Install the keylog callback on a server context. Returns 0 or -1. */
int tlsrec_ctx_prepare(SSL_CTX *ctx) __attribute__((warn_unused_result));

/* Make the keylog callback fill sec for ssl's handshake (sec must outlive
 * the handshake or be detached with NULL). Returns 0 or -1. */
int tlsrec_ssl_attach(SSL *ssl, struct tlsrec_secrets *sec)
        __attribute__((warn_unused_result));

/* After SSL_accept returned 1 on ssl (server side): check that OpenSSL holds
 * no record it read and that it is TLS 1.3 with a suite we handle, then
 * start r from the secrets (which are wiped either way). The caller then
 * frees ssl without a shutdown. Returns 0, or -1 with why. */
int tlsrec_take_over(struct tlsrec_engine *e, struct tlsrec *r, SSL *ssl,
                     struct tlsrec_secrets *sec, const char **why)
        __attribute__((warn_unused_result));

#endif
