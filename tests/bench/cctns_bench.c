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
 * throughput and p50/p99/p99.9 in milliseconds. An answer is ok when it is
 * the answer its request expects (body and request id); a Status or any
 * other answer is an error. Its own connection engine (bench, issue 7: a
 * socket, an SSL object and one read event each, no bufferevent) keeps the
 * tool's CPU per request low, since it shares the cores with the server.
 * tests/bench/compare runs it; see tests/bench/README.md. */
#include <errno.h>
#include <getopt.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include <netinet/in.h>
#include <netinet/tcp.h>
#include <sys/socket.h>

#include <event2/event.h>
#include <event2/util.h>
#include <openssl/err.h>
#include <openssl/rand.h>
#include <openssl/ssl.h>

#include "bench_stats.h"
#include "bench_wire.h"
#include "conn.h"
#include "frame.h"
#include "pbjson.h"
#include "util.h"

#define MAX_OPEN_HANDSHAKES 64   /* connections being set up at once */
#define READ_ROOM           4096 /* free bytes in a buffer before a read */

enum mode { MODE_RUN, MODE_IDLE, MODE_HANDSHAKES };
enum cstate { C_CLOSED, C_CONNECTING, C_TLS, C_HELLO, C_READY, C_BUSY };

struct station {
	term_config cfg;
	SSL_CTX *ctx;
	uint8_t token[TERM_TOKEN_LEN];
	int has_token;
	char fir[32]; /* a number this station registered, for reads */
	/* bench: the Envelope of each request but a registration, packed once
	 * without its request id (see send_request) */
	uint8_t *req[OP_COUNT];
	size_t req_len[OP_COUNT];
};

/* bench: one connection, a connection engine of its own (not a
 * bufferevent): a non-blocking socket with an SSL object on it (read-ahead
 * on, so one read() takes every record there), one persistent read event,
 * and a one-shot write event only while the socket cannot take more (TCP
 * connect, handshake, or a request SSL_write could not finish). */
struct conn {
	struct bench *b;
	struct station *st;
	int fd;
	SSL *ssl;
	struct event *rev, *wev;
	enum cstate state;
	unsigned gen; /* bumped at every close: a callback stops if it moved */
	int op;       /* the request in flight */
	uint64_t t0;  /* when it was due or sent, us */
	uint64_t next_id;
	uint8_t *in; /* bytes read, not yet a whole frame */
	size_t in_len, in_cap;
	uint8_t *out; /* a frame SSL_write has not taken all of */
	size_t out_off, out_len;
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

/* The answer each request type expects (its Envelope body field). */
static const uint32_t answer_body[OP_COUNT] = {
        [OP_REGISTER] = CCTNS__V1__ENVELOPE__BODY_FIR_RECEIPT,
        [OP_SHOW] = CCTNS__V1__ENVELOPE__BODY_FIR,
        [OP_SEARCH] = CCTNS__V1__ENVELOPE__BODY_PERSON_MATCHES,
        [OP_LOOKUP] = CCTNS__V1__ENVELOPE__BODY_REF_LIST,
};

static void conn_open(struct bench *b, struct conn *c);
static void bench_fill(struct bench *b);
static void conn_lost(struct conn *c, const char *why);

static void note_error(struct bench *b, const char *what)
{
	if (!b->first_error[0])
		snprintf(b->first_error, sizeof(b->first_error), "%s", what);
}

/* What went wrong on an SSL call that failed with err. */
static const char *ssl_why(int err, char *buf, size_t n)
{
	int saved = errno;
	unsigned long e = ERR_get_error();
	const char *reason = e ? ERR_reason_error_string(e) : NULL;

	ERR_clear_error();
	if (e)
		snprintf(buf, n, "%s", reason ? reason : "TLS error");
	else if (err == SSL_ERROR_ZERO_RETURN ||
	         (err == SSL_ERROR_SYSCALL && saved == 0))
		snprintf(buf, n, "closed by the server");
	else
		snprintf(buf, n, "%s", strerror(saved));
	return buf;
}

/* After an SSL call on c returned r <= 0: wait for the socket (a write
 * event when OpenSSL wants to write; the read event is always on), or end
 * the connection. Returns -1 if it was lost. */
static int ssl_wait(struct conn *c, int r)
{
	char why[200];
	int err = SSL_get_error(c->ssl, r);

	if (err == SSL_ERROR_WANT_READ)
		return 0;
	if (err == SSL_ERROR_WANT_WRITE) {
		event_add(c->wev, NULL);
		return 0;
	}
	conn_lost(c, ssl_why(err, why, sizeof(why)));
	return -1;
}

/* ---------------------------------------------------------------- writing */

/* Hand what is left of c->out to SSL_write; what the socket cannot take
 * now waits for the write event. Returns -1 if the connection was lost. */
static int flush_out(struct conn *c)
{
	while (c->out_off < c->out_len) {
		int r = SSL_write(c->ssl, c->out + c->out_off,
		                  (int)(c->out_len - c->out_off));

		if (r <= 0) /* wanting to read: retried at the next read */
			return ssl_wait(c, r);
		c->out_off += (size_t)r;
	}
	free(c->out);
	c->out = NULL;
	c->out_off = c->out_len = 0;
	return 0;
}

/* Send a frame: straight to SSL_write, unless an earlier one is still
 * waiting (then after it); what SSL_write does not take is kept in c->out. */
static void send_bytes(struct conn *c, const uint8_t *buf, size_t len)
{
	size_t left = c->out_len - c->out_off;
	uint8_t *all;

	if (!c->out) {
		int r = SSL_write(c->ssl, buf, (int)len);

		if (r > 0 && (size_t)r == len)
			return;
		if (r > 0) {
			buf += r;
			len -= (size_t)r;
		}
	}
	all = xmalloc(left + len);
	if (left)
		memcpy(all, c->out + c->out_off, left);
	memcpy(all + left, buf, len);
	free(c->out);
	c->out = all;
	c->out_off = 0;
	c->out_len = left + len;
	(void)flush_out(c);
}

static int send_env(struct conn *c, Envelope *env)
{
	uint8_t *buf;
	size_t len;

	env->request_id = ++c->next_id;
	if (envelope_encode_frame(env, FRAME_DEFAULT_MAX, &buf, &len) != 0)
		return -1;
	send_bytes(c, buf, len);
	free(buf);
	return 0;
}

/* Send env (packed without a request id into *packed the first time) with
 * the next request id: the bytes protobuf-c would make (request_id, field
 * 1, first), without packing the same request again and again. */
static int send_packed(struct conn *c, Envelope *env, uint8_t **packed,
                       size_t *packed_len)
{
	uint8_t stack[512], *frame = stack;
	uint64_t id = ++c->next_id;
	size_t n = FRAME_HEADER_LEN;

	if (!*packed) {
		*packed_len = cctns__v1__envelope__get_packed_size(env);
		if (*packed_len == 0 || *packed_len > FRAME_DEFAULT_MAX - 16)
			return -1;
		*packed = xmalloc(*packed_len);
		cctns__v1__envelope__pack(env, *packed);
	}
	if (*packed_len + 16 > sizeof(stack))
		frame = xmalloc(*packed_len + 16);
	frame[n++] = 0x08; /* field 1, varint */
	for (; id >= 0x80; id >>= 7)
		frame[n++] = (uint8_t)(id | 0x80);
	frame[n++] = (uint8_t)id;
	memcpy(frame + n, *packed, *packed_len);
	n += *packed_len;
	frame_put_header(frame, (uint32_t)(n - FRAME_HEADER_LEN));
	send_bytes(c, frame, n);
	if (frame != stack)
		free(frame);
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
	if ((c->op == OP_REGISTER ? send_env(c, &env)
	                          : send_packed(c, &env, &c->st->req[c->op],
	                                        &c->st->req_len[c->op])) != 0)
		note_error(c->b, "cannot encode a request");
}

/* ---------------------------------------------------------------- answers */

static void conn_close(struct conn *c)
{
	struct bench *b = c->b;

	if (c->state == C_CLOSED)
		return;
	event_free(c->rev);
	event_free(c->wev);
	c->rev = c->wev = NULL;
	SSL_free(c->ssl); /* no close_notify: the socket just closes */
	c->ssl = NULL;
	close(c->fd);
	c->fd = -1;
	free(c->out);
	c->out = NULL;
	c->out_off = c->out_len = 0;
	c->in_len = 0;
	c->gen++;
	if (c->state == C_CONNECTING || c->state == C_TLS ||
	    c->state == C_HELLO)
		b->opening--;
	else
		b->ready--;
	c->state = C_CLOSED;
}

/* The connection failed or broke (why: for the first error): a setup that
 * failed, or a request in flight lost, is counted; then, with
 * --handshakes, the slot opens again. */
static void conn_lost(struct conn *c, const char *why)
{
	struct bench *b = c->b;
	char msg[300];

	if (c->state == C_CONNECTING || c->state == C_TLS ||
	    c->state == C_HELLO) {
		b->failed_setup++;
		snprintf(msg, sizeof(msg), "connection setup failed: %s", why);
		note_error(b, msg);
	} else if (c->state == C_BUSY) {
		bench_stats_add(&b->stats, c->op, now_us() - c->t0, 0);
		snprintf(msg, sizeof(msg),
		         "connection lost with a request in flight: %s", why);
		note_error(b, msg);
	}
	conn_close(c);
	if (b->mode == MODE_HANDSHAKES && now_us() < b->end_us)
		conn_open(b, c);
	else
		bench_fill(b);
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

/* The answer to the request in flight: ok when it is the answer that
 * request expects (its body, its request id); a Status is unpacked for its
 * message, a registration's receipt for the FIR number (later reads ask
 * for it); any other answer is checked by its top level only (bench_wire.h:
 * a read's Fir is not unpacked). Returns -1 on a frame that is no
 * Envelope. */
static int on_answer(struct conn *c, const uint8_t *body, uint32_t len)
{
	struct bench *b = c->b;
	uint64_t id;
	uint32_t field;
	int ok;
	char msg[200];

	if (wire_envelope_top(body, len, &id, &field) != 0)
		return -1;
	ok = field == answer_body[c->op] && id == c->next_id;
	if (field == CCTNS__V1__ENVELOPE__BODY_STATUS ||
	    (ok && c->op == OP_REGISTER)) {
		Envelope *env = envelope_decode(body, len);

		if (!env)
			return -1;
		if (field == CCTNS__V1__ENVELOPE__BODY_STATUS)
			note_error(b, env->status->message);
		else if (env->fir_receipt->fir_number &&
		         strcmp(c->st->fir, env->fir_receipt->fir_number)) {
			snprintf(c->st->fir, sizeof(c->st->fir), "%s",
			         env->fir_receipt->fir_number);
			free(c->st->req[OP_SHOW]); /* reads ask for this one */
			c->st->req[OP_SHOW] = NULL;
		}
		envelope_free(env);
	} else if (!ok) {
		snprintf(msg, sizeof(msg),
		         "answer %u to request %llu: expected %u to %llu",
		         (unsigned)field, (unsigned long long)id,
		         (unsigned)answer_body[c->op],
		         (unsigned long long)c->next_id);
		note_error(b, msg);
	}
	bench_stats_add(&b->stats, c->op, now_us() - c->t0, ok);
	conn_free_for_work(c);
	return 0;
}

/* One whole frame's body. Returns -1 on a frame that is no Envelope. */
static int on_frame(struct conn *c, const uint8_t *body, uint32_t len)
{
	Envelope *env;

	if (c->state == C_BUSY)
		return on_answer(c, body, len);
	if (c->state != C_HELLO)
		return 0; /* nothing asked: not counted, as before */
	if (!(env = envelope_decode(body, len)))
		return -1;
	on_hello_ack(c, env);
	envelope_free(env);
	return 0;
}

/* Cut the whole frames off c->in and answer them. Returns -1 if the
 * connection closed meanwhile (its buffer is then not touched again). */
static int cut_frames(struct conn *c)
{
	unsigned gen = c->gen;
	size_t off = 0;

	while (c->in_len - off >= FRAME_HEADER_LEN) {
		uint32_t len;
		frame_status st = frame_peek(c->in + off, c->in_len - off,
		                             FRAME_ABSOLUTE_MAX, &len);

		if (st == FRAME_NEED_MORE) {
			if (FRAME_HEADER_LEN + (size_t)len > c->in_cap) {
				c->in_cap = FRAME_HEADER_LEN + (size_t)len;
				c->in = xrealloc(c->in, c->in_cap);
			}
			break;
		}
		if (st != FRAME_READY ||
		    on_frame(c, c->in + off + FRAME_HEADER_LEN, len) != 0) {
			if (c->gen == gen)
				conn_lost(c, "undecodable frame");
			return -1;
		}
		if (c->gen != gen)
			return -1;
		off += FRAME_HEADER_LEN + len;
	}
	if (off > 0) {
		memmove(c->in, c->in + off, c->in_len - off);
		c->in_len -= off;
	}
	return 0;
}

/* Read what the socket has: SSL_read into c->in until OpenSSL wants more
 * from the socket, or until it holds nothing more and the frames read are
 * whole (the read event is level-triggered: more data wakes it again), so
 * an answer costs one read(). */
static void read_some(struct conn *c)
{
	unsigned gen = c->gen;

	for (;;) {
		int r;

		if (c->in_cap - c->in_len < READ_ROOM) {
			c->in_cap = c->in_cap ? 2 * c->in_cap : 2 * READ_ROOM;
			c->in = xrealloc(c->in, c->in_cap);
		}
		r = SSL_read(c->ssl, c->in + c->in_len,
		             (int)(c->in_cap - c->in_len));
		if (r <= 0) {
			(void)ssl_wait(c, r);
			return;
		}
		c->in_len += (size_t)r;
		if (cut_frames(c) != 0 || c->gen != gen)
			return;
		if (c->in_len == 0 && !SSL_has_pending(c->ssl))
			return;
	}
}

/* SSL_connect until the handshake is done, then Hello. */
static void tls_step(struct conn *c)
{
	int r = SSL_connect(c->ssl);

	if (r == 1)
		send_hello(c);
	else
		(void)ssl_wait(c, r);
}

static void on_readable(evutil_socket_t fd, short what, void *arg)
{
	struct conn *c = arg;
	unsigned gen = c->gen;

	(void)fd, (void)what;
	if (c->state == C_CONNECTING) /* the write event says how it went */
		return;
	if (c->state == C_TLS) {
		tls_step(c);
		return;
	}
	if (c->out && (flush_out(c) != 0 || c->gen != gen))
		return;
	read_some(c);
}

static void on_writable(evutil_socket_t fd, short what, void *arg)
{
	struct conn *c = arg;
	int err = 0;
	socklen_t len = sizeof(err);

	(void)what;
	if (c->state == C_CONNECTING) {
		if (getsockopt(fd, SOL_SOCKET, SO_ERROR, &err, &len) != 0)
			err = errno;
		if (err) {
			conn_lost(c, strerror(err));
			return;
		}
		c->state = C_TLS;
		tls_step(c);
	} else if (c->state == C_TLS) {
		tls_step(c);
	} else if (c->out) {
		(void)flush_out(c);
	} else if (c->state != C_CLOSED) {
		read_some(c); /* an SSL_read that wanted to write first */
	}
}

/* ---------------------------------------------------------------- setup */

static void conn_open(struct bench *b, struct conn *c)
{
	const char *name = c->st->cfg.server_name;
	int fd = socket(b->addr.ss_family,
	                SOCK_STREAM | SOCK_NONBLOCK | SOCK_CLOEXEC, 0);

	if (fd < 0) {
		b->failed_setup++;
		note_error(b, "cannot open a socket");
		return;
	}
	/* as the terminal does (client/conn.c): frames are small */
	(void)setsockopt(fd, IPPROTO_TCP, TCP_NODELAY, &(int){1}, sizeof(int));
	c->ssl = SSL_new(c->st->ctx);
	if (!c->ssl || SSL_set_fd(c->ssl, fd) != 1)
		abort();
	if (!strchr(name, ':') && strspn(name, "0123456789.") != strlen(name))
		SSL_set_tlsext_host_name(c->ssl, name);
	SSL_set1_host(c->ssl, name);
	SSL_set_connect_state(c->ssl);
	c->fd = fd;
	c->rev = event_new(b->base, fd, EV_READ | EV_PERSIST, on_readable, c);
	c->wev = event_new(b->base, fd, EV_WRITE, on_writable, c);
	if (!c->rev || !c->wev)
		abort();
	event_add(c->rev, NULL);
	c->state = C_CONNECTING;
	c->t0 = now_us();
	c->next_id = 0;
	b->opening++;
	if (connect(fd, (struct sockaddr *)&b->addr, (socklen_t)b->addrlen) ==
	    0) {
		c->state = C_TLS;
		tls_step(c);
	} else if (errno == EINPROGRESS) {
		event_add(c->wev, NULL);
	} else {
		b->failed_setup++;
		note_error(b, "connect failed");
		conn_close(c);
	}
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
	/* bench: one read() takes every record the socket has; SSL_write may
	 * take part of a frame and be called again with the rest */
	SSL_CTX_set_read_ahead(ctx, 1);
	SSL_CTX_set_mode(ctx, SSL_MODE_ENABLE_PARTIAL_WRITE |
	                              SSL_MODE_ACCEPT_MOVING_WRITE_BUFFER);
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
	for (int k = 0; k < b->nconn; k++) {
		conn_close(&b->conns[k]);
		free(b->conns[k].in);
	}
	free(b->conns);
	event_free(b->tick);
	event_free(b->stop);
	event_base_free(b->base);
	for (int i = 0; i < b->nstations; i++) {
		SSL_CTX_free(b->stations[i].ctx);
		for (int op = 0; op < OP_COUNT; op++)
			free(b->stations[i].req[op]);
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
	 * (timerfd), not at epoll's timeout rounded up to a millisecond; flat
	 * out, nothing waits for a timer but the stop check (bench: a timerfd
	 * re-armed at every turn of the loop was a system call a read) */
	cfg = event_config_new();
	if (!cfg || (b.rate > 0 &&
	             event_config_set_flag(cfg, EVENT_BASE_FLAG_PRECISE_TIMER)))
		abort();
	b.base = event_base_new_with_config(cfg);
	event_config_free(cfg);
	if (!b.base)
		abort();
	b.conns = xcalloc((size_t)b.nconn, sizeof(*b.conns));
	for (int k = 0; k < b.nconn; k++) {
		b.conns[k].b = &b;
		b.conns[k].fd = -1;
		b.conns[k].st = &b.stations[k % b.nstations];
	}
	bench_stats_init(&b.stats);
	b.tick = evtimer_new(b.base, tick_cb, &b); /* set by start_measuring */
	b.stop = event_new(b.base, -1, EV_PERSIST, stop_cb, &b);
	event_add(b.stop, &tenth);
	if (b.mode == MODE_HANDSHAKES) {
		start_measuring(&b);
		/* every slot opens now and reopens itself: bench_fill (after a
		 * failure past the end) must not open a slot again */
		b.next_to_open = b.nconn;
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
