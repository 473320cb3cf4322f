/* listener.h: the TLS listening socket. Accepts TCP connections, refuses
 * those over max_connections, and hands the rest to a new session as a
 * socket bufferevent and an SSL of the current TLS context (OpenSSL does
 * the handshake, our record layer the rest: tlsrec.h). */
#ifndef CCTNS_SERVER_LISTENER_H
#define CCTNS_SERVER_LISTENER_H

#include <stddef.h>

#include <openssl/ssl.h>

#include "config.h"
#include "session.h"

struct listener;

/* Listen on addr. Takes ownership of ctx. reuse_port: SO_REUSEPORT (load:
 * the workers' listeners share one port). NULL with why on failure. */
struct listener *listener_new(struct session_hub *hub,
                              const struct listen_addr *addr, SSL_CTX *ctx,
                              int reuse_port, char *why, size_t whysz)
        __attribute__((warn_unused_result));

/* Use ctx (owned from now on) for connections accepted from now on; open
 * connections keep their own SSL objects, which hold the old context. */
void listener_set_ctx(struct listener *l, SSL_CTX *ctx);

/* "host:port" actually bound (the port is known even if 0 was asked). */
const char *listener_address(const struct listener *l);

/* Close the listening socket and free everything. */
void listener_free(struct listener *l);

#endif
