/* firlisten.c: the worker's LISTEN cctns_fir connection (firlisten.h): a
 * small state machine on one libpq connection (down, connecting,
 * subscribing, listening) and one timer (retry backoff, connect timeout,
 * ping). Payloads carry FIR keys only (numbers), nothing is logged of them. */
#include "firlisten.h"

#include <stdlib.h>
#include <string.h>

#include <event2/event.h>
#include <libpq-fe.h>

#include "fircache.h"
#include "log.h"
#include "metrics.h"
#include "officercache.h"
#include "pool.h"
#include "stationcache.h"
#include "util.h"

#define BACKOFF_MIN_MS     100
#define BACKOFF_MAX_MS     5000
#define CONNECT_TIMEOUT_MS 5000

enum fl_state { FL_OFF, FL_DOWN, FL_CONNECTING, FL_SUBSCRIBING, FL_UP };

/* Both channels in one simple-protocol query (two results). */
static const char *const listen_sql =
        "LISTEN " FIRLISTEN_CHANNEL "; LISTEN " FIRLISTEN_OFFICER_CHANNEL;
static const char *const ping_sql = "SELECT 1";

static struct {
	struct event_base *base;
	char *conninfo;
	const struct pool *pool;
	struct metrics *metrics;
	PGconn *pg;
	struct event *io, *timer;
	int io_fd;
	short io_what;
	enum fl_state state;
	int enabled; /* [cache] fir_local */
	int station; /* hs: [cache] station_local (stationcache.h) */
	int officer; /* hs: [cache] officer_local (officercache.h) */
	long backoff_ms;
	uint64_t gen;  /* cctns_fir notifications and connection events */
	uint64_t ogen; /* hs: cctns_officer notifications and the same events */
	uint64_t heard_us;    /* last bytes from the server */
	uint64_t ping_us;     /* when the ping in flight went; 0: none */
	int busy;             /* a command is out (LISTEN or a ping) */
	uint64_t pool_reconn; /* the pool's reconnects when LISTEN took */
	struct metrics dummy; /* metrics when none is given (tests) */
} fl = {.io_fd = -1};

static void fl_connect(void);

/* A (re)connect, loss or close: a notification of either channel may have
 * been missed, so both generations move. */
static void fl_lost_track(void)
{
	fl.gen++;
	fl.ogen++;
}
static void fl_io_cb(evutil_socket_t fd, short what, void *arg);

/* hs: the pool's reconnects alone (pool_counters walks every connection). */
static uint64_t reconnects(void)
{
	return fl.pool ? pool_reconnects(fl.pool) : 0;
}

static void fl_timer_in(long ms)
{
	struct timeval tv = {ms / 1000, (ms % 1000) * 1000};

	if (fl.timer)
		evtimer_add(fl.timer, &tv);
}

static int fl_watch(short what)
{
	int fd = PQsocket(fl.pg);

	if (fd < 0)
		return -1;
	if (fl.io && fd == fl.io_fd && what == fl.io_what)
		return 0;
	if (fl.io)
		event_free(fl.io);
	fl.io = event_new(fl.base, fd, what | EV_PERSIST, fl_io_cb, NULL);
	if (!fl.io || event_add(fl.io, NULL) != 0)
		return -1;
	fl.io_fd = fd;
	fl.io_what = what;
	return 0;
}

static void fl_close(void)
{
	if (fl.io)
		event_free(fl.io);
	fl.io = NULL;
	fl.io_fd = -1;
	fl.io_what = 0;
	if (fl.pg)
		PQfinish(fl.pg);
	fl.pg = NULL;
	fl.ping_us = 0;
	fl.busy = 0;
	fl.metrics->firlisten_up = 0;
}

/* The connection is gone (or never came): no local answers from now on
 * (the generation moves), retry after the backoff. */
static void fl_down(const char *why)
{
	char q[300];

	if (fl.state == FL_UP)
		fl.metrics->firlisten_lost++;
	log_event(LOG_WARN, "fir_listen_down", "retry_ms=%ld reason=%s",
	          fl.backoff_ms, log_quote(why, q, sizeof(q)));
	fl_close();
	fl_lost_track();
	fl.state = FL_DOWN;
	fl_timer_in(fl.backoff_ms);
	fl.backoff_ms = fl.backoff_ms * 2 > BACKOFF_MAX_MS ? BACKOFF_MAX_MS
	                                                   : fl.backoff_ms * 2;
}

/* First line of libpq's error: about sockets and roles, no case data. */
static void fl_down_pq(void)
{
	char buf[256];
	const char *msg = fl.pg ? PQerrorMessage(fl.pg) : "out of memory";
	size_t n = strcspn(msg, "\n");

	if (n >= sizeof(buf))
		n = sizeof(buf) - 1;
	memcpy(buf, msg, n);
	buf[n] = '\0';
	fl_down(n ? buf : "connection lost");
}

/* Send a statement without parameters (the simple protocol: LISTEN sends
 * two in one string) and push it out. */
static int fl_send(const char *sql)
{
	int r;

	if (!PQsendQuery(fl.pg, sql))
		return -1;
	fl.busy = 1;
	r = PQflush(fl.pg);
	if (r < 0)
		return -1;
	return fl_watch(r ? EV_READ | EV_WRITE : EV_READ);
}

int firlisten_apply(const char *payload)
{
	int n = fircache_forget_payload(payload);

	if (n < 0) /* hs: '*' is also every change of the station register */
		stationcache_forget_all();
	return n;
}

static void fl_notified(const PGnotify *n)
{
	if (strcmp(n->relname, FIRLISTEN_OFFICER_CHANNEL) == 0) {
		fl.ogen++;
		fl.metrics->officer_local_forgets++;
		officercache_forget_all(); /* hs: any payload, every session */
		return;
	}
	fl.gen++;
	fl.metrics->firlisten_notifications++;
	if (strcmp(n->relname, FIRLISTEN_CHANNEL) != 0)
		return;
	if (firlisten_apply(n->extra ? n->extra : "*") < 0)
		fl.metrics->firlisten_forget_all++;
}

/* LISTEN took: from now on every forgetting reaches us; what happened
 * before may not have, so every copy goes. */
static void fl_listening(void)
{
	fl.state = FL_UP;
	fl_lost_track();
	fl.backoff_ms = BACKOFF_MIN_MS;
	fl.pool_reconn = reconnects();
	fl.metrics->firlisten_up = 1;
	fl.metrics->firlisten_connects++;
	fircache_forget_all();
	stationcache_forget_all(); /* hs */
	officercache_forget_all(); /* hs */
	log_event(LOG_INFO, "fir_listen_up", "channel=%s", FIRLISTEN_CHANNEL);
	fl_timer_in(FIRLISTEN_PING_MS);
}

/* Results of LISTEN and of the pings; -1 when one failed. A command is
 * done when libpq's results end (its ReadyForQuery came): only then may
 * the next one be sent. */
static int fl_results(void)
{
	while (fl.busy && !PQisBusy(fl.pg)) {
		PGresult *res = PQgetResult(fl.pg);
		ExecStatusType st;

		if (!res) {
			fl.busy = 0;
			if (fl.state == FL_SUBSCRIBING)
				fl_listening();
			else
				fl.ping_us = 0;
			break;
		}
		st = PQresultStatus(res);
		PQclear(res);
		if (st != PGRES_COMMAND_OK && st != PGRES_TUPLES_OK)
			return -1;
	}
	return 0;
}

static void fl_io_ready(short what)
{
	PGnotify *n;

	if ((what & EV_READ) && !PQconsumeInput(fl.pg)) {
		fl_down_pq();
		return;
	}
	if (what & EV_READ)
		fl.heard_us = metrics_now_us();
	if (what & EV_WRITE) {
		int r = PQflush(fl.pg);

		if (r < 0 || fl_watch(r ? EV_READ | EV_WRITE : EV_READ) != 0) {
			fl_down("flush failed");
			return;
		}
	}
	if (fl_results() != 0) {
		fl_down_pq();
		return;
	}
	while ((n = PQnotifies(fl.pg))) {
		fl_notified(n);
		PQfreemem(n);
	}
	if (PQstatus(fl.pg) == CONNECTION_BAD)
		fl_down_pq();
}

static void fl_connected(void)
{
	if (PQsetnonblocking(fl.pg, 1) != 0 || fl_send(listen_sql) != 0) {
		fl_down_pq();
		return;
	}
	fl.state = FL_SUBSCRIBING;
	fl.heard_us = metrics_now_us();
}

static void fl_connect_step(void)
{
	switch (PQconnectPoll(fl.pg)) {
	case PGRES_POLLING_READING:
		if (fl_watch(EV_READ) != 0)
			fl_down("no socket");
		break;
	case PGRES_POLLING_WRITING:
		if (fl_watch(EV_WRITE) != 0)
			fl_down("no socket");
		break;
	case PGRES_POLLING_OK:
		fl_connected();
		break;
	default:
		fl_down_pq();
		break;
	}
}

static void fl_io_cb(evutil_socket_t fd, short what, void *arg)
{
	(void)fd, (void)arg;
	if (fl.state == FL_CONNECTING)
		fl_connect_step();
	else if (fl.state == FL_SUBSCRIBING || fl.state == FL_UP)
		fl_io_ready(what);
}

/* application_name first so that conninfo may override it. */
static void fl_connect(void)
{
	static const char *const keys[] = {"application_name", "dbname", NULL};
	const char *vals[] = {"cctns-server-firlisten", fl.conninfo, NULL};

	fl.pg = PQconnectStartParams(keys, vals, 1);
	if (!fl.pg || PQstatus(fl.pg) == CONNECTION_BAD) {
		fl_down_pq();
		return;
	}
	fl.state = FL_CONNECTING;
	fl_timer_in(CONNECT_TIMEOUT_MS);
	if (fl_watch(EV_WRITE) != 0) /* libpq: as if polling said writing */
		fl_down("no socket");
}

/* Listening: a ping unanswered too long, or the pool reconnected, ends the
 * connection; else send the next ping. */
static void fl_tick(void)
{
	uint64_t now = metrics_now_us();

	if (fl.ping_us && now - fl.ping_us > FIRLISTEN_DEAD_MS * 1000u) {
		fl_down("no answer to the ping");
		return;
	}
	if (reconnects() != fl.pool_reconn) {
		fl_down("the pool reconnected");
		return;
	}
	if (!fl.ping_us && !fl.busy) {
		if (fl_send(ping_sql) != 0) {
			fl_down_pq();
			return;
		}
		fl.ping_us = now;
	}
	fl_timer_in(FIRLISTEN_PING_MS);
}

static void fl_timer_cb(evutil_socket_t fd, short what, void *arg)
{
	(void)fd, (void)what, (void)arg;
	switch (fl.state) {
	case FL_DOWN:
		fl_connect();
		break;
	case FL_CONNECTING:
	case FL_SUBSCRIBING:
		fl_down("connect timeout");
		break;
	case FL_UP:
		fl_tick();
		break;
	case FL_OFF:
		break;
	}
}

void firlisten_start(struct event_base *base, const char *conninfo,
                     const struct pool *pool, struct metrics *metrics,
                     int enabled)
{
	fl.base = base;
	free(fl.conninfo);
	fl.conninfo = xstrdup(conninfo);
	fl.pool = pool;
	fl.metrics = metrics ? metrics : &fl.dummy;
	fl.metrics->firlisten_up = 0; /* a resumed worker's gauge */
	fl.timer = evtimer_new(base, fl_timer_cb, NULL);
	fl.state = FL_OFF;
	fl.backoff_ms = BACKOFF_MIN_MS;
	firlisten_set_enabled(enabled);
}

/* Open or close the connection as the three settings want it. */
static void fl_want(void)
{
	int want = fl.enabled || fl.station || fl.officer;

	if (!fl.timer)
		return;
	if (want && fl.state == FL_OFF) {
		fl.backoff_ms = BACKOFF_MIN_MS;
		fl_connect();
	} else if (!want && fl.state != FL_OFF) {
		evtimer_del(fl.timer);
		fl_close();
		fl_lost_track();
		fl.state = FL_OFF;
		log_event(LOG_INFO, "fir_listen_off", "channel=%s",
		          FIRLISTEN_CHANNEL);
	}
}

void firlisten_set_enabled(int enabled)
{
	fl.enabled = enabled != 0;
	fl_want();
}

void firlisten_set_station(int enabled)
{
	fl.station = enabled != 0;
	stationcache_set_enabled(fl.station); /* off: forgets every station */
	fl_want();
}

void firlisten_set_officer(int enabled)
{
	fl.officer = enabled != 0;
	officercache_set_enabled(fl.officer); /* off: forgets every session */
	fl_want();
}

void firlisten_stop(void)
{
	fl.station = 0;
	fl.officer = 0;
	firlisten_set_enabled(0);
	if (fl.timer)
		event_free(fl.timer);
	fl.timer = NULL;
	free(fl.conninfo);
	fl.conninfo = NULL;
}

uint64_t firlisten_generation(void)
{
	return fl.gen;
}

uint64_t firlisten_officer_generation(void)
{
	return fl.ogen;
}

/* Listening, heard from lately, the pool not reconnected since LISTEN. */
static int fl_current(void)
{
	return fl.state == FL_UP &&
	       metrics_now_us() - fl.heard_us <= FIRLISTEN_DEAD_MS * 1000u &&
	       reconnects() == fl.pool_reconn;
}

int firlisten_local_ok(void)
{
	return fl.enabled && fl_current();
}

int firlisten_station_ok(void)
{
	return fl.station && fl_current();
}

int firlisten_officer_ok(void)
{
	return fl.officer && fl_current();
}
