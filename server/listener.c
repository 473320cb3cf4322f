/* listener.c: accepting connections. One evconnlistener on the configured
 * address (SO_REUSEADDR; SO_REUSEPORT when several workers share the port),
 * the connection limit, TCP_NODELAY (frames are small and latency counts),
 * and the TLS wrapper for each accepted socket. */
#include "listener.h"

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <arpa/inet.h>
#include <netinet/in.h>
#include <netinet/tcp.h>
#include <unistd.h>

#include <event2/bufferevent.h>
#include <event2/event.h>
#include <event2/listener.h>

#include "log.h"
#include "metrics.h"
#include "util.h"

#define ACCEPT_PAUSE_MS 100 /* after an accept error such as EMFILE */

struct listener {
	struct session_hub *hub;
	struct evconnlistener *evl;
	SSL_CTX *ctx;
	struct event *resume; /* re-enable accepting after an error */
	char address[80];
};

static void listener_refuse(struct listener *l, evutil_socket_t fd)
{
	l->hub->metrics->refused[REFUSED_MAX_CONNECTIONS]++;
	log_event(LOG_WARN, "conn_refused", "reason=max_connections open=%llu",
	          (unsigned long long)l->hub->open);
	evutil_closesocket(fd);
}

static void listener_accept_cb(struct evconnlistener *evl, evutil_socket_t fd,
                               struct sockaddr *sa, int salen, void *arg)
{
	struct listener *l = arg;
	struct bufferevent *bev;
	SSL *ssl;
	int one = 1;

	(void)evl;
	if ((long)l->hub->open >= l->hub->limits.max_connections) {
		listener_refuse(l, fd);
		return;
	}
	setsockopt(fd, IPPROTO_TCP, TCP_NODELAY, &one, sizeof(one));
	ssl = SSL_new(l->ctx);
	if (!ssl) {
		evutil_closesocket(fd);
		return;
	}
	/* With CLOSE_ON_FREE the bufferevent owns fd from here; tlsrec: the
	 * session runs OpenSSL's handshake on the socket, then carries the
	 * connection with records of its own through this plain bev. */
	bev = bufferevent_socket_new(l->hub->base, fd,
	                             BEV_OPT_CLOSE_ON_FREE |
	                                     BEV_OPT_DEFER_CALLBACKS);
	if (!bev) {
		SSL_free(ssl);
		evutil_closesocket(fd);
		return;
	}
	session_start(l->hub, bev, ssl, sa, salen);
}

static void listener_resume_cb(evutil_socket_t fd, short what, void *arg)
{
	struct listener *l = arg;

	(void)fd, (void)what;
	evconnlistener_enable(l->evl);
}

/* Accept failed (EMFILE, ENFILE, ENOBUFS...): pause instead of spinning. */
static void listener_error_cb(struct evconnlistener *evl, void *arg)
{
	struct listener *l = arg;
	struct timeval tv = {0, ACCEPT_PAUSE_MS * 1000};
	int err = EVUTIL_SOCKET_ERROR();

	log_event(LOG_ERROR, "accept_failed", "errno=%d error=\"%s\"", err,
	          evutil_socket_error_to_string(err));
	evconnlistener_disable(evl);
	evtimer_add(l->resume, &tv);
}

static void listener_bound_address(struct listener *l,
                                   const struct listen_addr *addr)
{
	struct sockaddr_storage ss;
	socklen_t len = sizeof(ss);
	int port = addr->port;
	int fd = evconnlistener_get_fd(l->evl);

	if (getsockname(fd, (struct sockaddr *)&ss, &len) == 0)
		port = ntohs(ss.ss_family == AF_INET6
		                     ? ((struct sockaddr_in6 *)&ss)->sin6_port
		                     : ((struct sockaddr_in *)&ss)->sin_port);
	snprintf(l->address, sizeof(l->address),
	         strchr(addr->host, ':') ? "[%s]:%d" : "%s:%d", addr->host,
	         port);
}

struct listener *listener_new(struct session_hub *hub,
                              const struct listen_addr *addr, SSL_CTX *ctx,
                              int reuse_port, char *why, size_t whysz)
{
	struct listener *l = xcalloc(1, sizeof(*l));

	l->hub = hub;
	l->ctx = ctx;
	l->evl = evconnlistener_new_bind(
	        hub->base, listener_accept_cb, l,
	        LEV_OPT_REUSEABLE | LEV_OPT_CLOSE_ON_FREE |
	                LEV_OPT_CLOSE_ON_EXEC |
	                (reuse_port ? LEV_OPT_REUSEABLE_PORT : 0),
	        1024, (const struct sockaddr *)&addr->sa, addr->salen);
	if (!l->evl) {
		snprintf(why, whysz, "cannot listen on %s:%d: %s", addr->host,
		         addr->port, strerror(errno));
		listener_free(l);
		return NULL;
	}
	evconnlistener_set_error_cb(l->evl, listener_error_cb);
	l->resume = evtimer_new(hub->base, listener_resume_cb, l);
	listener_bound_address(l, addr);
	return l;
}

void listener_set_ctx(struct listener *l, SSL_CTX *ctx)
{
	SSL_CTX_free(l->ctx); /* live SSL objects keep their own reference */
	l->ctx = ctx;
}

const char *listener_address(const struct listener *l)
{
	return l->address;
}

void listener_free(struct listener *l)
{
	if (!l)
		return;
	if (l->evl)
		evconnlistener_free(l->evl);
	if (l->resume)
		event_free(l->resume);
	SSL_CTX_free(l->ctx);
	free(l);
}
