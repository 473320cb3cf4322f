/* http.c: /healthz and /metrics on an evhttp server bound to loopback.
 * GET only; anything else is 404 or 405. The pool and metrics are read,
 * never changed, from here. */
#include "http.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <arpa/inet.h>
#include <netinet/in.h>
#include <sys/socket.h>

#include <event2/buffer.h>
#include <event2/http.h>
#include <event2/keyvalq_struct.h>

#include "dispatch.h"
#include "metrics.h"
#include "pool.h"
#include "readpool.h"
#include "session.h"
#include "util.h"

struct http {
	struct evhttp *evh;
	const struct metrics *metrics;
	const struct pool *pool;
	const struct readpool *reads; /* repl: NULL until set */
	char address[80];
};

static void http_reply(struct evhttp_request *req, int code, const char *reason,
                       struct evbuffer *body, const char *type)
{
	evhttp_add_header(evhttp_request_get_output_headers(req),
	                  "Content-Type", type);
	evhttp_send_reply(req, code, reason, body);
}

static void http_text(struct evhttp_request *req, int code, const char *reason,
                      const char *text)
{
	struct evbuffer *body = evbuffer_new();

	evbuffer_add(body, text, strlen(text));
	http_reply(req, code, reason, body, "text/plain; charset=utf-8");
	evbuffer_free(body);
}

static void http_healthz(struct evhttp_request *req, void *arg)
{
	struct http *h = arg;

	if (pool_ready_count(h->pool) > 0)
		http_text(req, 200, "OK", "ok\n");
	else
		http_text(req, 503, "Service Unavailable",
		          "database unavailable\n");
}

/* ops (issue 7): pool counters, sessions by state, and the rest. */
static void http_metrics_ops(const struct http *h, struct evbuffer *body)
{
	struct metrics_pool_counters pc;
	struct metrics_sessions_view sv;

	pool_ops_counters(h->pool, &pc);
	session_hub_states(h->metrics->hub, &sv);
	metrics_render_ops(h->metrics, &pc, h->metrics->hub ? &sv : NULL, body);
}

static void http_metrics(struct evhttp_request *req, void *arg)
{
	struct http *h = arg;
	struct metrics_pool_view view = {.nstates = POOL_CONN_STATE_COUNT};
	const char *types[METRICS_TYPES_MAX];
	size_t ntypes = dispatch_count() + 1; /* rows and "other" */
	struct evbuffer *body = evbuffer_new();
	struct pool_counters pc;

	for (size_t i = 0; i < ntypes && i < METRICS_TYPES_MAX; i++)
		types[i] = dispatch_type_name(i);
	pool_stats(h->pool, view.state_counts, &view.queue_depth);
	pool_counters(h->pool, &pc); /* trust */
	view.waiting = pc.waiting;
	view.queue_bytes = pc.queued_bytes;
	view.reconnects = pc.reconnects;
	view.wait_expired = pc.expired;
	view.queue_refused = pc.refused;
	for (size_t i = 0; i < view.nstates; i++)
		view.state_names[i] = pool_state_name((enum pool_conn_state)i);
	metrics_render(h->metrics, types, ntypes, &view, body);
	http_metrics_ops(h, body);
	readpool_render(h->reads, body); /* repl */
	http_reply(req, 200, "OK", body, "text/plain; version=0.0.4");
	evbuffer_free(body);
}

static void http_other(struct evhttp_request *req, void *arg)
{
	(void)arg;
	http_text(req, 404, "Not Found", "not found\n");
}

static void http_bound_address(struct http *h, struct evhttp_bound_socket *bs,
                               const struct listen_addr *addr)
{
	struct sockaddr_storage ss;
	socklen_t len = sizeof(ss);
	int port = addr->port;

	if (getsockname(evhttp_bound_socket_get_fd(bs), (struct sockaddr *)&ss,
	                &len) == 0)
		port = ntohs(ss.ss_family == AF_INET6
		                     ? ((struct sockaddr_in6 *)&ss)->sin6_port
		                     : ((struct sockaddr_in *)&ss)->sin_port);
	snprintf(h->address, sizeof(h->address),
	         strchr(addr->host, ':') ? "[%s]:%d" : "%s:%d", addr->host,
	         port);
}

struct http *http_new(struct event_base *base, const struct listen_addr *addr,
                      const struct metrics *metrics, const struct pool *pool,
                      char *why, size_t whysz)
{
	struct http *h = xcalloc(1, sizeof(*h));
	struct evhttp_bound_socket *bs;

	h->metrics = metrics;
	h->pool = pool;
	h->evh = evhttp_new(base);
	if (!h->evh)
		goto fail;
	evhttp_set_allowed_methods(h->evh, EVHTTP_REQ_GET | EVHTTP_REQ_HEAD);
	evhttp_set_timeout(h->evh, 10);
	evhttp_set_cb(h->evh, "/healthz", http_healthz, h);
	evhttp_set_cb(h->evh, "/metrics", http_metrics, h);
	evhttp_set_gencb(h->evh, http_other, h);
	bs = evhttp_bind_socket_with_handle(h->evh, addr->host,
	                                    (ev_uint16_t)addr->port);
	if (!bs)
		goto fail;
	http_bound_address(h, bs, addr);
	return h;
fail:
	snprintf(why, whysz, "cannot serve http on %s:%d", addr->host,
	         addr->port);
	http_free(h);
	return NULL;
}

void http_set_reads(struct http *h, const struct readpool *reads)
{
	h->reads = reads;
}

const char *http_address(const struct http *h)
{
	return h->address;
}

void http_free(struct http *h)
{
	if (!h)
		return;
	if (h->evh)
		evhttp_free(h->evh);
	free(h);
}
