/* cctns_bench.c: cctns-bench, the load tool. One libevent loop drives N
 * real mutual-TLS terminal connections (certificates of many stations,
 * Hello with each station's officer session first) against cctns-server:
 *   run (default)  a mixed workload (register FIR, read FIR by number,
 *                  person search, reference lookup) flat out (each
 *                  connection keeps one request in flight) or at --rate
 *                  requests per second in total (open loop: latency counts
 *                  from the moment a request was due, queueing included);
 *   --idle         only hold the connections after HelloAck (for memory);
 *   --handshakes   connect, full TLS 1.3 handshake, Hello, HelloAck, close,
 *                  again and again on N concurrent slots.
 * Prints key=value lines: a total and one line per request type, with
 * throughput and p50/p99/p99.9 in milliseconds. tests/bench/compare runs
 * it; see tests/bench/README.md. */
#include <errno.h>
#include <getopt.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <netinet/in.h>
#include <netinet/tcp.h>
#include <sys/socket.h>

#include <event2/buffer.h>
#include <event2/bufferevent.h>
#include <event2/bufferevent_ssl.h>
#include <event2/event.h>
#include <event2/util.h>
#include <openssl/err.h>
#include <openssl/rand.h>
#include <openssl/ssl.h>

#include "bench_stats.h"
#include "conn.h"
#include "frame.h"
#include "pbjson.h"
#include "util.h"

#define MAX_OPEN_HANDSHAKES 64 /* connections being set up at once */

enum mode { MODE_RUN, MODE_IDLE, MODE_HANDSHAKES };
enum cstate { C_CLOSED, C_CONNECTING, C_HELLO, C_READY, C_BUSY };

struct station {
	term_config cfg;
	SSL_CTX *ctx;
	uint8_t token[TERM_TOKEN_LEN];
	int has_token;
	char fir[32]; /* a number this station registered, for reads */
};

struct conn {
	struct bench *b;
	struct station *st;
	struct bufferevent *bev;
	enum cstate state;
	int op;      /* the request in flight */
	uint64_t t0; /* when it was due or sent, us */
	uint64_t next_id;
};

struct bench {
	enum mode mode;
	int nconn, seconds, mix[OP_COUNT];
	double rate;
	const char *conf_pattern, *fir_path, *search_name;
	int nstations;
	struct station *stations;
	struct conn *conns;
	struct event_base *base;
	struct sockaddr_storage addr;
	int addrlen;
	ProtobufCMessage *fir;
	struct bench_stats stats;
	int opening, ready, failed_setup;
	int next_to_open;
	uint64_t started_us, end_us;
	/* --rate: requests due but not yet sent (their due times) */
	uint64_t *due;
	size_t due_head, due_len, due_cap;
	uint64_t issued;
	unsigned rr, mixpos;
	struct event *tick, *stop;
	char first_error[300];
};

static void conn_open(struct bench *b, struct conn *c);
static void bench_fill(struct bench *b);

static void note_error(struct bench *b, const char *what)
{
	if (!b->first_error[0])
		snprintf(b->first_error, sizeof(b->first_error), "%s", what);
}

/* ---------------------------------------------------------------- frames */

static int send_env(struct conn *c, Envelope *env)
{
	uint8_t *buf;
	size_t len;

	env->request_id = ++c->next_id;
	if (envelope_encode_frame(env, FRAME_DEFAULT_MAX, &buf, &len) != 0)
		return -1;
	bufferevent_write(c->bev, buf, len);
	free(buf);
	return 0;
}

static void send_hello(struct conn *c)
{
	Cctns__V1__Hello h = CCTNS__V1__HELLO__INIT;
	Envelope env = CCTNS__V1__ENVELOPE__INIT;

	h.protocol_version =
	        CCTNS__V1__PROTOCOL_VERSION__PROTOCOL_VERSION_CURRENT;
	h.software = "cctns-bench";
	if (c->st->has_token) {
		h.session_token.data = c->st->token;
		h.session_token.len = TERM_TOKEN_LEN;
	}
	env.body_case = CCTNS__V1__ENVELOPE__BODY_HELLO;
	env.hello = &h;
	c->state = C_HELLO;
	if (send_env(c, &env) != 0)
		note_error(c->b, "cannot encode Hello");
}

/* The next request type by the mix (a repeating sequence). */
static int next_op(struct bench *b, const struct station *st)
{
	int total = 0, k;

	for (k = 0; k < OP_COUNT; k++)
		total += b->mix[k];
	k = (int)(b->mixpos++ % (unsigned)total);
	for (int op = 0; op < OP_COUNT; op++) {
		if (k < b->mix[op])
			return op == OP_SHOW && !st->fir[0] ? OP_REGISTER : op;
		k -= b->mix[op];
	}
	return OP_REGISTER;
}

static void send_request(struct conn *c, uint64_t t0)
{
	Envelope env = CCTNS__V1__ENVELOPE__INIT;
	Cctns__V1__RegisterFir reg = CCTNS__V1__REGISTER_FIR__INIT;
	Cctns__V1__GetFir get = CCTNS__V1__GET_FIR__INIT;
	Cctns__V1__SearchPersons sp = CCTNS__V1__SEARCH_PERSONS__INIT;
	Cctns__V1__LookupRef lk = CCTNS__V1__LOOKUP_REF__INIT;
	uint8_t key[16];

	c->op = next_op(c->b, c->st);
	switch (c->op) {
	case OP_REGISTER:
		if (RAND_bytes(key, sizeof(key)) != 1)
			abort();
		reg.idempotency_key.data = key;
		reg.idempotency_key.len = sizeof(key);
		reg.fir = (Cctns__V1__FirContent *)c->b->fir;
		env.body_case = CCTNS__V1__ENVELOPE__BODY_REGISTER_FIR;
		env.register_fir = &reg;
		break;
	case OP_SHOW:
		get.fir_number = c->st->fir;
		env.body_case = CCTNS__V1__ENVELOPE__BODY_GET_FIR;
		env.get_fir = &get;
		break;
	case OP_SEARCH:
		sp.name = (char *)c->b->search_name;
		sp.limit = 10;
		env.body_case = CCTNS__V1__ENVELOPE__BODY_SEARCH_PERSONS;
		env.search_persons = &sp;
		break;
	default:
		lk.kind = CCTNS__V1__LOOKUP_KIND__LOOKUP_KIND_SECTION;
		lk.query = "theft";
		lk.limit = 10;
		env.body_case = CCTNS__V1__ENVELOPE__BODY_LOOKUP_REF;
		env.lookup_ref = &lk;
		break;
	}
	c->t0 = t0;
	c->state = C_BUSY;
	if (send_env(c, &env) != 0)
		note_error(c->b, "cannot encode a request");
}

/* ---------------------------------------------------------------- answers */

static void conn_close(struct conn *c)
{
	struct bench *b = c->b;

	if (c->bev)
		bufferevent_free(c->bev);
	c->bev = NULL;
	if (c->state == C_CONNECTING || c->state == C_HELLO)
		b->opening--;
	else if (c->state == C_READY || c->state == C_BUSY)
		b->ready--;
	c->state = C_CLOSED;
}

/* A connection is free: in run mode give it work. */
static void conn_free_for_work(struct conn *c)
{
	struct bench *b = c->b;
	uint64_t now = now_us();

	c->state = C_READY;
	if (b->mode != MODE_RUN || !b->started_us || now >= b->end_us)
		return;
	if (b->rate <= 0) {
		send_request(c, now);
	} else if (b->due_len > 0) {
		uint64_t t = b->due[b->due_head];

		b->due_head = (b->due_head + 1) % b->due_cap;
		b->due_len--;
		send_request(c, t);
	}
}

static void on_hello_ack(struct conn *c, const Envelope *env)
{
	struct bench *b = c->b;

	if (env->body_case != CCTNS__V1__ENVELOPE__BODY_HELLO_ACK) {
		b->failed_setup++;
		note_error(b, env->body_case == CCTNS__V1__ENVELOPE__BODY_STATUS
		                      ? env->status->message
		                      : "no HelloAck");
		conn_close(c);
		return;
	}
	b->opening--;
	if (b->mode == MODE_HANDSHAKES) {
		bench_stats_add(&b->stats, OP_HANDSHAKE, now_us() - c->t0, 1);
		c->state = C_READY;
		b->ready++;
		conn_close(c);
		if (now_us() < b->end_us)
			conn_open(b, c);
		return;
	}
	b->ready++;
	conn_free_for_work(c);
	bench_fill(b);
}

static void on_answer(struct conn *c, const Envelope *env)
{
	struct bench *b = c->b;
	int ok = env->body_case != CCTNS__V1__ENVELOPE__BODY_STATUS;

	if (c->op == OP_REGISTER && ok &&
	    env->body_case == CCTNS__V1__ENVELOPE__BODY_FIR_RECEIPT &&
	    env->fir_receipt->fir_number)
		snprintf(c->st->fir, sizeof(c->st->fir), "%s",
		         env->fir_receipt->fir_number);
	if (!ok)
		note_error(b, env->status->message);
	bench_stats_add(&b->stats, c->op, now_us() - c->t0, ok);
	conn_free_for_work(c);
}

static void read_cb(struct bufferevent *bev, void *arg)
{
	struct conn *c = arg;
	struct evbuffer *in = bufferevent_get_input(bev);
	uint8_t hdr[FRAME_HEADER_LEN];
	uint32_t len;
	Envelope *env;

	while (c->bev && evbuffer_copyout(in, hdr, sizeof(hdr)) ==
	                         (ev_ssize_t)sizeof(hdr)) {
		if (frame_peek(hdr, sizeof(hdr), FRAME_ABSOLUTE_MAX, &len) <
		            0 ||
		    evbuffer_get_length(in) < FRAME_HEADER_LEN + len)
			return;
		evbuffer_drain(in, FRAME_HEADER_LEN);
		env = envelope_decode(evbuffer_pullup(in, len), len);
		evbuffer_drain(in, len);
		if (!env) {
			note_error(c->b, "undecodable frame");
			conn_close(c);
			return;
		}
		if (c->state == C_HELLO)
			on_hello_ack(c, env);
		else if (c->state == C_BUSY)
			on_answer(c, env);
		envelope_free(env);
	}
}

static void event_cb(struct bufferevent *bev, short what, void *arg)
{
	struct conn *c = arg;
	struct bench *b = c->b;

	(void)bev;
	if (what & BEV_EVENT_CONNECTED) {
		send_hello(c);
		return;
	}
	if (c->state == C_CONNECTING || c->state == C_HELLO) {
		unsigned long e = bufferevent_get_openssl_error(c->bev);
		char msg[256];

		b->failed_setup++;
		snprintf(msg, sizeof(msg), "connection setup failed: %s",
		         e ? ERR_reason_error_string(e)
		           : evutil_socket_error_to_string(
		                     EVUTIL_SOCKET_ERROR()));
		note_error(b, msg);
	} else if (c->state == C_BUSY) {
		bench_stats_add(&b->stats, c->op, now_us() - c->t0, 0);
		note_error(b, "connection lost with a request in flight");
	}
	conn_close(c);
	if (b->mode == MODE_HANDSHAKES && now_us() < b->end_us)
		conn_open(b, c);
	else
		bench_fill(b);
}

/* ---------------------------------------------------------------- setup */

static void conn_open(struct bench *b, struct conn *c)
{
	SSL *ssl = SSL_new(c->st->ctx);

	if (!ssl)
		abort();
	if (!strchr(c->st->cfg.server_name, ':') &&
	    strspn(c->st->cfg.server_name, "0123456789.") !=
	            strlen(c->st->cfg.server_name))
		SSL_set_tlsext_host_name(ssl, c->st->cfg.server_name);
	SSL_set1_host(ssl, c->st->cfg.server_name);
	c->bev = bufferevent_openssl_socket_new(
	        b->base, -1, ssl, BUFFEREVENT_SSL_CONNECTING,
	        BEV_OPT_CLOSE_ON_FREE | BEV_OPT_DEFER_CALLBACKS);
	bufferevent_openssl_set_allow_dirty_shutdown(c->bev, 1);
	bufferevent_setcb(c->bev, read_cb, NULL, event_cb, c);
	bufferevent_enable(c->bev, EV_READ | EV_WRITE);
	c->state = C_CONNECTING;
	c->t0 = now_us();
	c->next_id = 0;
	b->opening++;
	if (bufferevent_socket_connect(c->bev, (struct sockaddr *)&b->addr,
	                               b->addrlen) != 0) {
		b->failed_setup++;
		note_error(b, "connect failed");
		conn_close(c);
		return;
	}
	/* as the terminal does (client/conn.c): frames are small */
	(void)setsockopt(bufferevent_getfd(c->bev), IPPROTO_TCP, TCP_NODELAY,
	                 &(int){1}, sizeof(int));
}

/* Open connections until all are open, at most MAX_OPEN_HANDSHAKES at a
 * time (so the listen backlog never overflows). */
static void bench_fill(struct bench *b)
{
	while (b->next_to_open < b->nconn && b->opening < MAX_OPEN_HANDSHAKES) {
		struct conn *c = &b->conns[b->next_to_open++];

		conn_open(b, c);
	}
}

static SSL_CTX *station_ctx(const term_config *cfg, char *why, size_t n)
{
	SSL_CTX *ctx = SSL_CTX_new(TLS_client_method());

	if (!ctx || SSL_CTX_set_min_proto_version(ctx, TLS1_3_VERSION) != 1 ||
	    SSL_CTX_load_verify_locations(ctx, cfg->ca, NULL) != 1 ||
	    SSL_CTX_use_certificate_chain_file(ctx, cfg->cert) != 1 ||
	    SSL_CTX_use_PrivateKey_file(ctx, cfg->key, SSL_FILETYPE_PEM) != 1) {
		snprintf(why, n, "%s: cannot load the TLS material (%s)",
		         cfg->path, ERR_reason_error_string(ERR_get_error()));
		SSL_CTX_free(ctx);
		return NULL;
	}
	SSL_CTX_set_verify(ctx, SSL_VERIFY_PEER, NULL);
	SSL_CTX_set_session_cache_mode(ctx, SSL_SESS_CACHE_OFF);
	SSL_CTX_set_options(ctx, SSL_OP_NO_TICKET);
	/* conn: as the terminal does (client/conn.c): the certificate alone,
	 * without the CA, chained once */
	if (SSL_CTX_build_cert_chain(ctx, SSL_BUILD_CHAIN_FLAG_NO_ROOT) != 1)
		ERR_clear_error();
	return ctx;
}

static int stations_load(struct bench *b, char *why, size_t n)
{
	const char *pat = b->conf_pattern, *hole = strstr(pat, "%d");
	char path[1024];

	b->stations = xcalloc((size_t)b->nstations, sizeof(*b->stations));
	for (int i = 0; i < b->nstations; i++) {
		struct station *st = &b->stations[i];

		if (hole)
			snprintf(path, sizeof(path), "%.*s%d%s",
			         (int)(hole - pat), pat, i + 1, hole + 2);
		else
			snprintf(path, sizeof(path), "%s", pat);
		if (term_config_load(path, &st->cfg, why, n) != 0)
			return -1;
		if (!(st->ctx = station_ctx(&st->cfg, why, n)))
			return -1;
		st->has_token =
		        term_session_read(&st->cfg, st->token, NULL, 0) == 0;
	}
	b->addrlen = (int)sizeof(b->addr);
	if (evutil_parse_sockaddr_port(b->stations[0].cfg.address,
	                               (struct sockaddr *)&b->addr,
	                               &b->addrlen) != 0) {
		snprintf(why, n, "bad [server] address %s",
		         b->stations[0].cfg.address);
		return -1;
	}
	return 0;
}

static int fir_load(struct bench *b, char *why, size_t n)
{
	FILE *f = fopen(b->fir_path, "r");
	char *text = xmalloc(1 << 20);
	size_t len;
	pbjson_error jerr;

	if (!f) {
		snprintf(why, n, "%s: %s", b->fir_path, strerror(errno));
		free(text);
		return -1;
	}
	len = fread(text, 1, (1 << 20) - 1, f);
	fclose(f);
	text[len] = '\0';
	b->fir = pbjson_parse(&cctns__v1__fir_content__descriptor, text, len,
	                      &jerr);
	free(text);
	if (!b->fir) {
		snprintf(why, n, "%s: %s", b->fir_path, jerr.message);
		return -1;
	}
	return 0;
}

/* ---------------------------------------------------------------- timing */

static void due_push(struct bench *b, uint64_t t)
{
	if (b->due_len == b->due_cap) {
		size_t cap = b->due_cap ? 2 * b->due_cap : 1024;
		uint64_t *d = xmalloc(cap * sizeof(*d));

		for (size_t k = 0; k < b->due_len; k++)
			d[k] = b->due[(b->due_head + k) % b->due_cap];
		free(b->due);
		b->due = d;
		b->due_cap = cap;
		b->due_head = 0;
	}
	b->due[(b->due_head + b->due_len++) % b->due_cap] = t;
}

/* --rate: request k (from 0) is due at started_us + k / rate. */
static uint64_t due_at(const struct bench *b, uint64_t k)
{
	return b->started_us + (uint64_t)((double)k * 1e6 / b->rate);
}

/* --rate: the requests due by now (every one whose due time has come, the
 * k-th at due_at(k)) go to free connections or wait in the due queue, their
 * latency counted from their due time; then the timer is set for the next
 * due time (a precise timer, see main: not rounded up to a millisecond). */
static void tick_cb(evutil_socket_t fd, short what, void *arg)
{
	struct bench *b = arg;
	uint64_t now = now_us(), next;
	struct timeval tv;

	(void)fd, (void)what;
	if (!b->started_us || now >= b->end_us)
		return;
	for (; due_at(b, b->issued) <= now; b->issued++)
		due_push(b, due_at(b, b->issued));
	for (int k = 0; k < b->nconn && b->due_len > 0; k++) {
		struct conn *c = &b->conns[b->rr++ % (unsigned)b->nconn];

		if (c->state == C_READY)
			conn_free_for_work(c);
	}
	next = due_at(b, b->issued);
	now = now_us();
	next = next > now ? next - now : 0;
	tv.tv_sec = (time_t)(next / 1000000u);
	tv.tv_usec = (suseconds_t)(next % 1000000u);
	evtimer_add(b->tick, &tv);
}

static void start_measuring(struct bench *b)
{
	b->started_us = now_us();
	b->end_us = b->started_us + (uint64_t)b->seconds * 1000000u;
	bench_stats_reset(&b->stats);
	if (b->mode == MODE_RUN && b->rate <= 0)
		for (int k = 0; k < b->nconn; k++)
			if (b->conns[k].state == C_READY)
				conn_free_for_work(&b->conns[k]);
	if (b->mode == MODE_RUN && b->rate > 0)
		tick_cb(-1, EV_TIMEOUT, b);
}

/* Every 100 ms: start measuring once every connection is up, stop at the
 * end (waiting at most 5 s for answers in flight). */
static void stop_cb(evutil_socket_t fd, short what, void *arg)
{
	struct bench *b = arg;
	uint64_t now = now_us();
	int busy = 0;

	(void)fd, (void)what;
	if (!b->started_us) {
		if (b->mode == MODE_HANDSHAKES ||
		    b->ready + b->failed_setup >= b->nconn) {
			if (b->mode == MODE_IDLE) {
				printf("held=%d failed=%d\n", b->ready,
				       b->failed_setup);
				fflush(stdout);
			}
			start_measuring(b);
		}
		return;
	}
	for (int k = 0; k < b->nconn; k++)
		busy += b->conns[k].state == C_BUSY;
	if (now >= b->end_us && (busy == 0 || now >= b->end_us + 5000000u))
		event_base_loopbreak(b->base);
}

/* ---------------------------------------------------------------- main */

static void bench_free(struct bench *b)
{
	for (int k = 0; k < b->nconn; k++)
		if (b->conns[k].bev)
			bufferevent_free(b->conns[k].bev);
	/* let the frees libevent deferred run before the base goes */
	event_base_loop(b->base, EVLOOP_NONBLOCK);
	free(b->conns);
	event_free(b->tick);
	event_free(b->stop);
	event_base_free(b->base);
	for (int i = 0; i < b->nstations; i++) {
		SSL_CTX_free(b->stations[i].ctx);
		term_config_free(&b->stations[i].cfg);
	}
	free(b->stations);
	if (b->fir)
		protobuf_c_message_free_unpacked(b->fir, NULL);
	bench_stats_free(&b->stats);
	free(b->due);
}

static void usage(FILE *out)
{
	fprintf(out,
	        "usage: cctns-bench --conf PATTERN [--stations M] "
	        "[--connections N]\n"
	        "                   [--seconds S] [--rate R] [--mix "
	        "register:1,show:1,search:1,lookup:1]\n"
	        "                   [--fir FILE] [--search NAME] [--idle | "
	        "--handshakes]\n"
	        "  PATTERN  terminal config path with %%d for the station "
	        "1..M (each\n"
	        "           with its certificate and a signed-in officer "
	        "session)\n"
	        "  --rate   requests per second in total (default: flat "
	        "out, one in\n"
	        "           flight per connection)\n"
	        "  --idle   only hold N connections after HelloAck for S "
	        "seconds\n"
	        "  --handshakes  full handshakes to HelloAck on N slots for "
	        "S seconds\n");
}

static int parse_mix(struct bench *b, const char *text)
{
	static const char *const names[OP_COUNT] = {"register", "show",
	                                            "search", "lookup"};
	char *copy = xstrdup(text), *save = NULL;

	memset(b->mix, 0, sizeof(b->mix));
	for (char *t = strtok_r(copy, ",", &save); t;
	     t = strtok_r(NULL, ",", &save)) {
		char *colon = strchr(t, ':');
		int k;

		for (k = 0; k < OP_COUNT && colon; k++)
			if (strncmp(t, names[k], (size_t)(colon - t)) == 0 &&
			    names[k][colon - t] == '\0')
				break;
		if (!colon || k == OP_COUNT || atoi(colon + 1) < 0) {
			free(copy);
			return -1;
		}
		b->mix[k] = atoi(colon + 1);
	}
	free(copy);
	return b->mix[0] + b->mix[1] + b->mix[2] + b->mix[3] > 0 ? 0 : -1;
}

static int parse_args(struct bench *b, int argc, char **argv)
{
	static const struct option opts[] = {
	        {"conf", required_argument, NULL, 'c'},
	        {"stations", required_argument, NULL, 'm'},
	        {"connections", required_argument, NULL, 'n'},
	        {"seconds", required_argument, NULL, 's'},
	        {"rate", required_argument, NULL, 'r'},
	        {"mix", required_argument, NULL, 'x'},
	        {"fir", required_argument, NULL, 'f'},
	        {"search", required_argument, NULL, 'q'},
	        {"idle", no_argument, NULL, 'i'},
	        {"handshakes", no_argument, NULL, 'H'},
	        {"help", no_argument, NULL, 'h'},
	        {NULL, 0, NULL, 0},
	};
	int o;

	while ((o = getopt_long(argc, argv, "", opts, NULL)) != -1) {
		switch (o) {
		case 'c':
			b->conf_pattern = optarg;
			break;
		case 'm':
			b->nstations = atoi(optarg);
			break;
		case 'n':
			b->nconn = atoi(optarg);
			break;
		case 's':
			b->seconds = atoi(optarg);
			break;
		case 'r':
			b->rate = atof(optarg);
			break;
		case 'x':
			if (parse_mix(b, optarg) != 0)
				return -1;
			break;
		case 'f':
			b->fir_path = optarg;
			break;
		case 'q':
			b->search_name = optarg;
			break;
		case 'i':
			b->mode = MODE_IDLE;
			break;
		case 'H':
			b->mode = MODE_HANDSHAKES;
			break;
		case 'h':
			usage(stdout);
			exit(0);
		default:
			return -1;
		}
	}
	return optind == argc && b->conf_pattern && b->nstations > 0 &&
	                       b->nconn > 0 && b->seconds >= 0
	               ? 0
	               : -1;
}

int main(int argc, char **argv)
{
	struct bench b = {.nconn = 32,
	                  .nstations = 1,
	                  .seconds = 10,
	                  .mix = {1, 0, 0, 0},
	                  .fir_path = "deploy/samples/fir.json",
	                  .search_name = "Ramesh Agarwal"};
	struct timeval tenth = {0, 10000};
	struct event_config *cfg;
	char why[600];

	if (parse_args(&b, argc, argv) != 0) {
		usage(stderr);
		return 2;
	}
	signal(SIGPIPE, SIG_IGN);
	if (stations_load(&b, why, sizeof(why)) != 0 ||
	    (b.mode == MODE_RUN && fir_load(&b, why, sizeof(why)) != 0)) {
		fprintf(stderr, "cctns-bench: %s\n", why);
		return 2;
	}
	/* --rate: requests go out at their due time to the microsecond
	 * (timerfd), not at epoll's timeout rounded up to a millisecond */
	cfg = event_config_new();
	if (!cfg || event_config_set_flag(cfg, EVENT_BASE_FLAG_PRECISE_TIMER))
		abort();
	b.base = event_base_new_with_config(cfg);
	event_config_free(cfg);
	if (!b.base)
		abort();
	b.conns = xcalloc((size_t)b.nconn, sizeof(*b.conns));
	for (int k = 0; k < b.nconn; k++) {
		b.conns[k].b = &b;
		b.conns[k].st = &b.stations[k % b.nstations];
	}
	bench_stats_init(&b.stats);
	b.tick = evtimer_new(b.base, tick_cb, &b); /* set by start_measuring */
	b.stop = event_new(b.base, -1, EV_PERSIST, stop_cb, &b);
	event_add(b.stop, &tenth);
	if (b.mode == MODE_HANDSHAKES) {
		start_measuring(&b);
		for (int k = 0; k < b.nconn; k++)
			conn_open(&b, &b.conns[k]);
	} else {
		bench_fill(&b);
	}
	event_base_dispatch(b.base);
	bench_stats_print(&b.stats, stdout,
	                  (double)(now_us() - b.started_us) / 1e6,
	                  b.mode == MODE_HANDSHAKES ? "handshakes"
	                  : b.mode == MODE_IDLE     ? "idle"
	                                            : "run",
	                  b.nconn, b.rate, b.failed_setup);
	if (b.first_error[0])
		printf("first_error=\"%s\"\n", b.first_error);
	bench_free(&b);
	return b.failed_setup > 0 ? 1 : 0;
}
