/* http.c: /healthz and /metrics on an evhttp server bound to loopback.
 * GET only; anything else is 404 or 405. The pool and metrics are read,
 * never changed, from here. With several workers (http_share) /metrics is
 * the sum of every worker's published snapshot (metrics_shared.h), and this
 * worker publishes its own every second. */
#include "http.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <arpa/inet.h>
#include <netinet/in.h>
#include <sys/socket.h>

#include <event2/buffer.h>
#include <event2/event.h>
#include <event2/http.h>
#include <event2/keyvalq_struct.h>

#include "dispatch.h"
#include "fircache.h"
#include "metrics.h"
#include "metrics_shared.h"
#include "pool.h"
#include "readpool.h"
#include "session.h"
#include "util.h"

struct http {
	struct evhttp *evh;
	struct event_base *base;
	const struct metrics *metrics;
	const struct pool *pool;
	const struct readpool *reads;                /* repl: NULL until set */
	const struct pool *side[METRICS_SIDE_POOLS]; /* ops: audit, flush */
	char address[80];
	/* load: several workers (NULL: this process alone) */
	struct metrics_shared *shared;
	int worker;
	struct event *publish; /* every second */
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

_Static_assert(POOL_CONN_STATE_COUNT == METRICS_SIDE_STATES,
               "metrics.h: one side_conns gauge per pool connection state");

/* ops (slice 11): the FIR copies' gauges, and the audit's and flush's
 * connections (their reconnects continue an earlier worker's: the value
 * struct metrics resumed with, plus this process's). */
static void http_side(const struct http *h, struct metrics_snapshot *s)
{
	struct fircache_stats fs;
	struct pool_counters pc;
	uint64_t queued;

	fircache_stats(&fs);
	s->m.fircache_entries = fs.entries;
	s->m.fircache_bytes = fs.bytes;
	for (int p = 0; p < METRICS_SIDE_POOLS; p++) {
		memset(s->m.side_conns[p], 0, sizeof(s->m.side_conns[p]));
		if (!h->side[p])
			continue;
		pool_stats(h->side[p], s->m.side_conns[p], &queued);
		pool_counters(h->side[p], &pc);
		s->m.side_reconnects[p] += pc.reconnects;
	}
}

/* Everything /metrics renders of this process, read now. */
static void http_snapshot(const struct http *h, struct metrics_snapshot *s)
{
	struct pool_counters pc;

	memset(s, 0, sizeof(*s));
	s->m = *h->metrics;
	s->pool.nstates = POOL_CONN_STATE_COUNT;
	pool_stats(h->pool, s->pool.state_counts, &s->pool.queue_depth);
	pool_counters(h->pool, &pc); /* trust */
	s->pool.waiting = pc.waiting;
	s->pool.queue_bytes = pc.queued_bytes;
	s->pool.reconnects = pc.reconnects;
	s->pool.wait_expired = pc.expired;
	s->pool.queue_refused = pc.refused;
	for (size_t i = 0; i < s->pool.nstates; i++)
		s->pool.state_names[i] =
		        pool_state_name((enum pool_conn_state)i);
	pool_ops_counters(h->pool, &s->pc); /* ops (issue 7) */
	session_hub_states(h->metrics->hub, &s->sv);
	s->has_sv = h->metrics->hub != NULL;
	readpool_view(h->reads, &s->rv); /* repl */
	http_side(h, s);                 /* ops (slice 11) */
}

static void http_render(const struct metrics_snapshot *s, struct evbuffer *body)
{
	const char *types[METRICS_TYPES_MAX];
	size_t ntypes = dispatch_count() + 1; /* rows and "other" */

	for (size_t i = 0; i < ntypes && i < METRICS_TYPES_MAX; i++)
		types[i] = dispatch_type_name(i);
	metrics_render(&s->m, types, ntypes, &s->pool, body);
	metrics_render_ops(&s->m, &s->pc, s->has_sv ? &s->sv : NULL, body);
	readpool_render(&s->rv, body); /* repl */
}

/* load: this worker's snapshot into its slot. */
static void http_publish(evutil_socket_t fd, short what, void *arg)
{
	struct http *h = arg;
	struct metrics_snapshot *s = xmalloc(sizeof(*s));

	(void)fd;
	(void)what;
	http_snapshot(h, s);
	metrics_shared_publish(h->shared, h->worker, s);
	free(s);
}

static void http_metrics(struct evhttp_request *req, void *arg)
{
	struct http *h = arg;
	struct evbuffer *body = evbuffer_new();
	struct metrics_snapshot *s = xmalloc(sizeof(*s));

	http_snapshot(h, s);
	if (h->shared) { /* load: the whole server, this worker up to now */
		metrics_shared_publish(h->shared, h->worker, s);
		(void)metrics_shared_sum(h->shared, s);
	}
	http_render(s, body);
	if (h->shared)
		metrics_shared_render_workers(h->shared, body);
	http_reply(req, 200, "OK", body, "text/plain; version=0.0.4");
	evbuffer_free(body);
	free(s);
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

	h->base = base;
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

const char *http_address(const struct http *h)
{
	return h->address;
}

int http_share(struct http *h, struct metrics_shared *shared, int worker)
{
	struct timeval second = {1, 0};

	h->shared = shared;
	h->worker = worker;
	h->publish = event_new(h->base, -1, EV_PERSIST, http_publish, h);
	if (!h->publish || event_add(h->publish, &second) != 0)
		return -1;
	http_publish(-1, 0, h);
	return 0;
}

void http_free(struct http *h)
{
	if (!h)
		return;
	if (h->publish)
		event_free(h->publish);
	if (h->evh)
		evhttp_free(h->evh);
	free(h);
}

void http_set_reads(struct http *h, const struct readpool *reads)
{
	h->reads = reads;
}

void http_set_side_pools(struct http *h, const struct pool *audit,
                         const struct pool *flush)
{
	h->side[0] = audit;
	h->side[1] = flush;
}
