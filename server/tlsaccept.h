/* tlsaccept.h: the server side of one TLS handshake, driven by an event on
 * the accepted socket (tlsrec, issue 7). OpenSSL reads the socket itself
 * (read_ahead off: it takes the handshake records and nothing after them),
 * and the keylog callback fills the application traffic secrets, so that
 * once the handshake is done the connection is handed to our record layer
 * (tlsrec.h) and the SSL is freed without a shutdown. */
#ifndef CCTNS_SERVER_TLSACCEPT_H
#define CCTNS_SERVER_TLSACCEPT_H

#include <event2/util.h>
#include <openssl/ssl.h>

#include "tlsrec.h"

struct event_base;
struct tls_accept;

/* The handshake's end. On success err is NULL, ssl is the finished
 * connection and sec its traffic secrets (both valid during the call
 * only: hand them to tlsrec_take_over). On failure err says why
 * (OpenSSL's oldest error, "eof", or tls_accept_timeout) and ssl still
 * tells the verify result. The callback may free the tls_accept. */
typedef void (*tls_accept_fn)(void *arg, SSL *ssl, struct tlsrec_secrets *sec,
                              const char *err);

extern const char tls_accept_timeout[]; /* err of a handshake too slow */

/* Start accepting on fd with ssl (taken: freed by tls_accept_free; fd
 * stays the caller's), for at most timeout_ms. The first step runs at once
 * but done is only ever called from the event loop. NULL on failure (ssl
 * freed then). */
struct tls_accept *tls_accept_start(struct event_base *base, evutil_socket_t fd,
                                    SSL *ssl, long timeout_ms,
                                    tls_accept_fn done, void *arg)
        __attribute__((warn_unused_result));

/* Stop (if still running), wipe the secrets, free the SSL (no shutdown:
 * after a finished handshake nothing more goes out of OpenSSL). */
void tls_accept_free(struct tls_accept *a);

#endif
