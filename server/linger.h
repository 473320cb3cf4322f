/* linger.h: closing a TCP connection gracefully. Closing a socket whose
 * peer has sent bytes we never read makes the kernel send a reset, which
 * can destroy the last bytes we wrote (a TLS alert such as "certificate
 * required", a final Status) before the peer reads them. A lingering close
 * half-closes (FIN after our last bytes), then reads and discards until the
 * peer closes too or a short deadline passes. */
#ifndef CCTNS_SERVER_LINGER_H
#define CCTNS_SERVER_LINGER_H

#include <stddef.h>

#include <event2/util.h>

struct event_base;
struct lingering;

#define LINGER_MS  2000
#define LINGER_MAX 1024 /* sockets lingering at once; more close at once */

struct linger_set {
	struct lingering *head;
	size_t n;
};

/* Take fd (owned from now on) and close it gracefully. */
void linger_close(struct linger_set *set, struct event_base *base,
                  evutil_socket_t fd);

/* Exit: close every lingering socket now. */
void linger_free_all(struct linger_set *set);

#endif
