/* main.c: cctns-server, the State Data Centre server. Reads the command
 * line and the config, builds the TLS context, the database pool, the
 * listener and the HTTP endpoint around one event loop, and turns signals
 * into loop events: SIGTERM/SIGINT drain and exit (a second one exits at
 * once), SIGHUP reloads config and TLS material (build, then swap). */
#include <getopt.h>
#include <malloc.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <event2/event.h>

#include "audit.h"
#include "certcache.h"
#include "config.h"
#include "crl.h"
#include "dispatch.h"
#include "fircache.h"
#include "firlisten.h"
#include "ginflush.h"
#include "hashpool.h"
#include "http.h"
#include "listener.h"
#include "log.h"
#include "metrics.h"
#include "metrics_shared.h"
#include "notify.h"
#include "officercache.h" /* hs (issue 7) */
#include "opsmon.h"
#include "pool.h"
#include "readpool.h"
#include "session.h"
#include "stationcache.h" /* hs (issue 7) */
#include "tls.h"
#include "workers.h"

/* Everything the running server holds, passed to the signal handlers. */
struct server {
	const char *config_path;
	struct server_config cfg;
	struct event_base *base;
	struct metrics metrics;
	struct session_hub hub;
	struct hashpool *hashes; /* signin: Argon2id workers */
	struct pool *pool;
	struct pool *audit_pool;   /* reg: the audit's own connection */
	struct ginflush *ginflush; /* reg: worker 0 only */
	struct audit *audit;
	struct listener *listener;
	struct http *http;
	struct event *signals[3];
	struct event *drain_timer;
	int draining;
	struct opsmon *opsmon;  /* ops: replication lag for /metrics */
	struct readpool *reads; /* repl: reads on standbys */
	/* load: with workers > 1, the TLS context a worker starts with (the
	 * supervisor keeps it, reloaded on SIGHUP), this worker's index and
	 * the pipe that tells the supervisor it listens (-1: no supervisor) */
	SSL_CTX *ctx;
	int worker;
	int ready_fd;
	struct metrics_shared *shared; /* one /metrics for every worker */
};

enum mode { MODE_RUN, MODE_CHECK, MODE_HELP, MODE_HELP_CONFIG, MODE_VERSION };

static const struct option options[] = {
        {"config", required_argument, NULL, 'c'},
        {"check", no_argument, NULL, 'k'},
        {"help", no_argument, NULL, 'h'},
        {"help-config", no_argument, NULL, 'H'},
        {"version", no_argument, NULL, 'V'},
        {NULL, 0, NULL, 0},
};

static void usage(FILE *out)
{
	fprintf(out,
	        "usage: cctns-server --config FILE [--check]\n"
	        "       cctns-server --help | --help-config | --version\n"
	        "\n"
	        "  --config FILE  server.conf (ini); runs in the foreground,\n"
	        "                 logging key=value lines to stderr\n"
	        "  --check        load the config and TLS material, print\n"
	        "                 \"config ok\" and exit 0, or the error and "
	        "1\n"
	        "  --help-config  every config key with its default and help\n"
	        "  --version      print the version\n"
	        "\n"
	        "Signals: SIGTERM/SIGINT drain and exit, SIGHUP reloads.\n");
}

static int parse_args(int argc, char **argv, enum mode *mode,
                      const char **config)
{
	int c;

	*mode = MODE_RUN;
	*config = NULL;
	while ((c = getopt_long(argc, argv, "", options, NULL)) != -1) {
		switch (c) {
		case 'c':
			*config = optarg;
			break;
		case 'k':
			*mode = MODE_CHECK;
			break;
		case 'h':
			*mode = MODE_HELP;
			return 0;
		case 'H':
			*mode = MODE_HELP_CONFIG;
			return 0;
		case 'V':
			*mode = MODE_VERSION;
			return 0;
		default:
			return -1;
		}
	}
	if (optind != argc || !*config)
		return -1;
	return 0;
}

static void hub_limits(const struct server_config *cfg,
                       struct session_limits *out)
{
	out->max_connections = cfg->max_connections;
	out->max_frame = (uint32_t)cfg->max_frame;
	out->max_in_flight = (uint32_t)cfg->max_in_flight;
	out->idle_timeout_ms = cfg->idle_timeout_ms;
	out->officer_idle_s = (uint32_t)((cfg->officer_idle_ms + 999) / 1000);
	out->lockout_s = (uint32_t)((cfg->officer_lockout_ms + 999) / 1000);
	out->max_failures = (uint32_t)cfg->officer_max_failures;
}

/* ---------------------------------------------------------------- reload */

static void reload_refused(const char *reason, const char *detail)
{
	char q[600];

	log_event(LOG_ERROR, "reload", "ok=0 reason=%s detail=%s", reason,
	          log_quote(detail, q, sizeof(q)));
}

/* crl: what the [tls] crl file held (nothing when it is not set). */
static void log_crl(const struct crl_info *crl)
{
	if (crl->crls)
		log_event(LOG_INFO, "crl_loaded",
		          "crls=%d revoked=%d next_update=%s", crl->crls,
		          crl->revoked, crl->next_update);
}

/* repl: the read pool as the config says (started, replaced or stopped). */
static void reads_configure(struct server *srv)
{
	readpool_configure(srv->reads, srv->cfg.db_read_conninfo,
	                   (int)srv->cfg.db_read_pool_size,
	                   srv->cfg.db_wait_ms);
}

/* SIGHUP: build the new config and TLS context aside; swap only if both
 * are complete and no unreloadable key changed. */
static void server_reload(struct server *srv)
{
	struct server_config next;
	conf_error err;
	char keys[256], why[512];
	SSL_CTX *ctx;
	struct crl_info crl;
	size_t closed;

	if (config_load(srv->config_path, &next, &err) != 0) {
		reload_refused("config", err.message);
		return;
	}
	if (config_unreloadable(&srv->cfg, &next, keys, sizeof(keys)) > 0) {
		reload_refused("not_reloadable", keys);
		goto fail;
	}
	ctx = tls_ctx_new(next.tls_ca, next.tls_cert, next.tls_key,
	                  next.tls_crl, &crl, why, sizeof(why));
	if (!ctx) {
		reload_refused("tls", why);
		goto fail;
	}
	log_crl(&crl);
	/* crl: open connections are checked against the new CA and CRLs. */
	closed = session_hub_recheck(&srv->hub, ctx);
	if (srv->listener)
		listener_set_ctx(srv->listener, ctx);
	else
		SSL_CTX_free(ctx);
	config_free(&srv->cfg);
	srv->cfg = next;
	hub_limits(&srv->cfg, &srv->hub.limits);
	pool_set_wait(srv->pool, srv->cfg.db_wait_ms);
	pool_set_group(srv->pool, (int)srv->cfg.db_group);
	fircache_configure((size_t)srv->cfg.cache_fir_mb << 20);
	firlisten_set_enabled(srv->cfg.cache_fir_local); /* fir (slice 12) */
	firlisten_set_station(srv->cfg.cache_station_local); /* hs */
	firlisten_set_officer(srv->cfg.cache_officer_local); /* hs */
	ginflush_set_interval(srv->ginflush,
	                      srv->cfg.search_flush_ms); /* ops */
	reads_configure(srv);                            /* repl */
	log_set_level(srv->cfg.level);
	log_event(LOG_INFO, "reload", "ok=1 closed=%zu", closed);
	return;
fail:
	config_free(&next);
}

/* ---------------------------------------------------------------- drain */

static void audit_idle(void *arg)
{
	struct server *srv = arg;

	event_base_loopbreak(srv->base);
}

/* Every connection is done: exit once the audit log has every record
 * (bounded by the drain timeout). */
static void drain_done(void *arg)
{
	struct server *srv = arg;

	log_event(LOG_INFO, "drain_done", "open=%llu",
	          (unsigned long long)srv->hub.open);
	audit_when_idle(srv->audit, audit_idle, srv);
}

static void drain_timeout_cb(evutil_socket_t fd, short what, void *arg)
{
	struct server *srv = arg;

	(void)fd, (void)what;
	log_event(LOG_WARN, "drain_timeout", "open=%llu",
	          (unsigned long long)srv->hub.open);
	event_base_loopbreak(srv->base);
}

/* Stop accepting, let open connections finish what is in flight. */
static void server_drain(struct server *srv)
{
	struct timeval tv = {srv->cfg.drain_timeout_ms / 1000,
	                     (srv->cfg.drain_timeout_ms % 1000) * 1000};

	srv->draining = 1;
	notify_stopping(); /* ops: systemd */
	log_event(LOG_INFO, "drain", "open=%llu timeout_ms=%ld",
	          (unsigned long long)srv->hub.open, srv->cfg.drain_timeout_ms);
	listener_free(srv->listener);
	srv->listener = NULL;
	srv->drain_timer = evtimer_new(srv->base, drain_timeout_cb, srv);
	evtimer_add(srv->drain_timer, &tv);
	srv->hub.on_empty = drain_done;
	srv->hub.on_empty_arg = srv;
	session_hub_drain(&srv->hub);
}

static void signal_cb(evutil_socket_t sig, short what, void *arg)
{
	struct server *srv = arg;

	(void)what;
	if (sig == SIGHUP) {
		notify_reloading(); /* ops: systemd */
		server_reload(srv);
		notify_reloaded();
	} else if (srv->draining) {
		log_event(LOG_WARN, "exit_now", "signal=%d", (int)sig);
		event_base_loopbreak(srv->base);
	} else {
		server_drain(srv);
	}
}

/* ---------------------------------------------------------------- run */

static int server_start(struct server *srv, SSL_CTX *ctx)
{
	static const int sigs[] = {SIGTERM, SIGINT, SIGHUP};
	char why[512];

	srv->hub.base = srv->base;
	srv->hub.metrics = &srv->metrics;
	hub_limits(&srv->cfg, &srv->hub.limits);
	srv->pool = pool_new(srv->base, srv->cfg.db_conninfo,
	                     (int)srv->cfg.db_pool_size);
	pool_set_wait(srv->pool, srv->cfg.db_wait_ms);
	pool_set_group(srv->pool, (int)srv->cfg.db_group);
	fircache_configure((size_t)srv->cfg.cache_fir_mb << 20);
	fircache_set_metrics(&srv->metrics);  /* ops (slice 11) */
	certcache_set_metrics(&srv->metrics); /* hs (issue 7) */
	srv->hub.pool = srv->pool;
	srv->reads = readpool_new(srv->base, srv->pool); /* repl */
	reads_configure(srv);
	srv->hub.reads = srv->reads;
	stationcache_set_metrics(&srv->metrics);             /* hs */
	firlisten_set_station(srv->cfg.cache_station_local); /* hs */
	officercache_set_metrics(&srv->metrics);             /* hs */
	firlisten_set_officer(srv->cfg.cache_officer_local); /* hs */
	firlisten_start(srv->base, srv->cfg.db_conninfo, srv->pool,
	                &srv->metrics, srv->cfg.cache_fir_local); /* fir */
	srv->audit_pool = pool_new_named(srv->base, srv->cfg.db_conninfo, 1,
	                                 "cctns-server-audit"); /* reg */
	pool_set_wait(srv->audit_pool, srv->cfg.db_wait_ms);
	srv->audit = audit_new(srv->base, srv->audit_pool, &srv->metrics);
	srv->hub.audit = srv->audit;
	srv->metrics.hub = &srv->hub;                                  /* ops */
	srv->opsmon = opsmon_new(srv->base, srv->pool, &srv->metrics); /* ops */
	if (srv->worker == 0) /* reg: one worker per server */
		srv->ginflush = ginflush_new(
		        srv->base, srv->cfg.db_conninfo, srv->cfg.db_wait_ms,
		        srv->cfg.search_flush_ms, &srv->metrics);
	srv->hashes =
	        hashpool_new(srv->base, (int)srv->cfg.officer_hash_threads);
	srv->hub.hashes = srv->hashes;
	if (!srv->hashes) {
		snprintf(why, sizeof(why),
		         "password hash workers did not start");
		goto fail;
	}
	srv->listener = listener_new(&srv->hub, &srv->cfg.listen_addr, ctx,
	                             srv->ready_fd >= 0, why, sizeof(why));
	if (!srv->listener)
		goto fail;
	if (srv->cfg.http_addr.set &&
	    !(srv->http = http_new(srv->base, &srv->cfg.http_addr,
	                           &srv->metrics, srv->pool, why, sizeof(why))))
		goto fail;
	if (srv->http && srv->shared &&
	    http_share(srv->http, srv->shared, srv->worker) != 0) {
		snprintf(why, sizeof(why), "cannot publish metrics");
		goto fail;
	}
	if (srv->http)
		http_set_reads(srv->http, srv->reads); /* repl */
	if (srv->http) /* ops (slice 11): the audit's and flush's own */
		http_set_side_pools(srv->http, srv->audit_pool,
		                    ginflush_pool(srv->ginflush));
	for (size_t i = 0; i < sizeof(sigs) / sizeof(sigs[0]); i++) {
		srv->signals[i] =
		        evsignal_new(srv->base, sigs[i], signal_cb, srv);
		evsignal_add(srv->signals[i], NULL);
	}
	return 0;
fail:
	log_event(LOG_ERROR, "start_failed", "error=\"%s\"", why);
	return -1;
}

static void server_stop(struct server *srv)
{
	audit_stop(srv->audit);       /* held answers become UNAVAILABLE */
	hashpool_free(srv->hashes);   /* its callbacks may still query */
	readpool_free(srv->reads);    /* repl: before the primary's pool */
	pool_free(srv->pool);         /* answers whatever is still in flight */
	firlisten_stop();             /* fir (slice 12) */
	pool_free(srv->audit_pool);   /* reg: after audit_stop, before free */
	opsmon_free(srv->opsmon);     /* ops */
	ginflush_free(srv->ginflush); /* reg */
	notify_free();                /* ops */
	audit_free(srv->audit);
	session_hub_close_all(&srv->hub);
	listener_free(srv->listener);
	http_free(srv->http);
	for (size_t i = 0; i < sizeof(srv->signals) / sizeof(srv->signals[0]);
	     i++)
		if (srv->signals[i])
			event_free(srv->signals[i]);
	if (srv->drain_timer)
		event_free(srv->drain_timer);
	event_base_free(srv->base);
	config_free(&srv->cfg);
}

static int server_run(struct server *srv, SSL_CTX *ctx)
{
	int rc = 1;

	signal(SIGPIPE, SIG_IGN);
	srv->base = event_base_new();
	if (!srv->base) {
		SSL_CTX_free(ctx);
		return 1;
	}
	if (server_start(srv, ctx) == 0) {
		log_event(LOG_INFO, "ready", "listen=%s http=%s pool_size=%ld",
		          listener_address(srv->listener),
		          srv->http ? http_address(srv->http) : "off",
		          srv->cfg.db_pool_size);
		/* systemd READY=1 once a database connection is up; with
		 * several workers the supervisor tells systemd instead */
		if (srv->ready_fd < 0)
			notify_when_ready(srv->base, srv->pool,
			                  listener_address(srv->listener));
		workers_ready(srv->ready_fd, srv->worker);
		event_base_dispatch(srv->base);
		rc = 0;
	}
	server_stop(srv);
	log_event(LOG_INFO, "exit", "code=%d", rc);
	return rc;
}

/* ------------------------------------------------------ load: workers */

/* In a forked worker: the whole server, on the supervisor's port with
 * SO_REUSEPORT; its /healthz and /metrics on the http port + index, where
 * /metrics sums every worker (metrics_shared.h). */
static int worker_run(void *arg, int index, int ready_fd)
{
	struct server *srv = arg;
	SSL_CTX *ctx = srv->ctx;

	srv->ctx = NULL;
	srv->worker = index;
	srv->ready_fd = ready_fd;
	metrics_shared_resume(srv->shared, index, &srv->metrics);
	if (srv->cfg.http_addr.set && srv->cfg.http_addr.port)
		listen_addr_set_port(&srv->cfg.http_addr,
		                     srv->cfg.http_addr.port + index);
	return server_run(srv, ctx);
}

/* SIGHUP in the supervisor: load the new config and TLS context so that a
 * worker started from now on has them; 0 lets the workers reload too. */
static int supervisor_reload(void *arg)
{
	struct server *srv = arg;
	struct server_config next;
	conf_error err;
	char keys[256], why[512];
	struct crl_info crl;
	SSL_CTX *ctx;

	if (config_load(srv->config_path, &next, &err) != 0) {
		reload_refused("config", err.message);
		return -1;
	}
	if (config_unreloadable(&srv->cfg, &next, keys, sizeof(keys)) > 0) {
		reload_refused("not_reloadable", keys);
		goto fail;
	}
	ctx = tls_ctx_new(next.tls_ca, next.tls_cert, next.tls_key,
	                  next.tls_crl, &crl, why, sizeof(why));
	if (!ctx) {
		reload_refused("tls", why);
		goto fail;
	}
	next.listen_addr = srv->cfg.listen_addr; /* the reserved port */
	SSL_CTX_free(srv->ctx);
	srv->ctx = ctx;
	config_free(&srv->cfg);
	srv->cfg = next;
	log_set_level(srv->cfg.level);
	log_event(LOG_INFO, "reload", "ok=1 supervisor=1");
	return 0;
fail:
	config_free(&next);
	return -1;
}

static int supervise(struct server *srv, SSL_CTX *ctx, int n)
{
	struct workers_hooks hooks = {worker_run, supervisor_reload, srv};
	int rc;

	srv->ctx = ctx;
	srv->shared = metrics_shared_new(n);
	if (!srv->shared)
		log_event(LOG_WARN, "metrics_not_shared",
		          "workers=%d reason=\"no shared memory: each worker's "
		          "/metrics is its own\"",
		          n);
	rc = workers_supervise(n, &srv->cfg.listen_addr, &hooks);
	metrics_shared_free(srv->shared);
	SSL_CTX_free(srv->ctx);
	config_free(&srv->cfg);
	return rc;
}

/* Load config and TLS material; on failure say why on stderr. */
static SSL_CTX *load_all(struct server *srv)
{
	conf_error err;
	struct crl_info crl;
	char why[512];
	SSL_CTX *ctx;

	if (config_load(srv->config_path, &srv->cfg, &err) != 0) {
		fprintf(stderr, "cctns-server: %s\n", err.message);
		return NULL;
	}
	log_set_level(srv->cfg.level);
	ctx = tls_ctx_new(srv->cfg.tls_ca, srv->cfg.tls_cert, srv->cfg.tls_key,
	                  srv->cfg.tls_crl, &crl, why, sizeof(why));
	if (!ctx) {
		fprintf(stderr, "cctns-server: %s: %s\n", srv->config_path,
		        why);
		config_free(&srv->cfg);
		return NULL;
	}
	log_crl(&crl);
	return ctx;
}

int main(int argc, char **argv)
{
	struct server srv;
	enum mode mode;
	SSL_CTX *ctx;
	char why[256];

	memset(&srv, 0, sizeof(srv));
	/* load: a fixed mmap threshold, so that the 19 MiB of each Argon2id
	 * verification is mapped and given back, not kept on the heap once
	 * glibc's dynamic threshold has grown past it (40 MB held after the
	 * first sign-ins, per worker). hs: a build linked with jemalloc
	 * (server/CMakeLists.txt) does not use glibc's malloc; jemalloc
	 * gives unused pages back on its own (dirty page decay, 10 s). */
	mallopt(M_MMAP_THRESHOLD, 1024 * 1024);
	if (parse_args(argc, argv, &mode, &srv.config_path) != 0) {
		usage(stderr);
		return 2;
	}
	switch (mode) {
	case MODE_HELP:
		usage(stdout);
		return 0;
	case MODE_HELP_CONFIG:
		config_print_help(stdout);
		return 0;
	case MODE_VERSION:
		printf("cctns-server %s\n", CCTNS_VERSION);
		return 0;
	default:
		break;
	}
	if (dispatch_check(why, sizeof(why)) != 0 ||
	    readpool_check(why, sizeof(why)) != 0) { /* repl */
		fprintf(stderr, "cctns-server: request table: %s\n", why);
		return 1;
	}
	srv.ready_fd = -1;
	if (!(ctx = load_all(&srv)))
		return 1;
	if (mode == MODE_CHECK) {
		SSL_CTX_free(ctx);
		config_free(&srv.cfg);
		printf("config ok\n");
		return 0;
	}
	if (workers_count(srv.cfg.workers) > 1) /* load */
		return supervise(&srv, ctx, workers_count(srv.cfg.workers));
	return server_run(&srv, ctx);
}
