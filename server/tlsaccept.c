/* tlsaccept.c: the server's TLS handshake on an event of its own (see
 * tlsaccept.h). Each step calls SSL_accept on the non-blocking socket and
 * waits for what OpenSSL wants (readable or writable) until the deadline.
 * OpenSSL reads through a BIO of ours that takes what the socket has in
 * one read() and hands it out as OpenSSL asks (a header, then a record,
 * with read_ahead off): one system call where a socket BIO made two a
 * record, ten a handshake. What came after the client's Finished stays in
 * that buffer for the record layer (tls_accept_rest). */
#include "tlsaccept.h"

#include <errno.h>
#include <stdio.h>
#include <string.h>

#include <unistd.h>

#include <event2/event.h>
#include <openssl/crypto.h>
#include <openssl/err.h>

#include "tls.h"
#include "util.h"

const char tls_accept_timeout[] = "handshake_timeout";

struct tls_accept {
	SSL *ssl;
	struct event *ev;
	struct event_base *base;
	evutil_socket_t fd;
	uint64_t deadline_us;
	tls_accept_fn done;
	void *arg;
	struct tlsrec_secrets sec;
	char err[160];
	size_t in_off, in_len; /* in[in_off, in_len): read, not yet taken */
	int rest_taken;        /* tls_accept_rest: the rest is the caller's */
	short waiting;         /* EV_READ or EV_WRITE the event waits for */
	unsigned char in[4096];
};

/* ---------------------------------------------------------------- the BIO */

static int hsbio_read(BIO *b, char *out, int outl)
{
	struct tls_accept *a = BIO_get_data(b);
	size_t n;

	BIO_clear_retry_flags(b);
	if (outl <= 0)
		return 0;
	if (a->in_off == a->in_len) {
		ssize_t r = read(a->fd, a->in, sizeof(a->in));

		if (r == 0)
			return 0;
		if (r < 0) {
			if (errno == EAGAIN || errno == EWOULDBLOCK ||
			    errno == EINTR)
				BIO_set_retry_read(b);
			return -1;
		}
		a->in_off = 0;
		a->in_len = (size_t)r;
	}
	n = a->in_len - a->in_off;
	if (n > (size_t)outl)
		n = (size_t)outl;
	memcpy(out, a->in + a->in_off, n);
	a->in_off += n;
	return (int)n;
}

static int hsbio_write(BIO *b, const char *in, int inl)
{
	struct tls_accept *a = BIO_get_data(b);
	ssize_t r;

	BIO_clear_retry_flags(b);
	if (inl <= 0)
		return 0;
	r = write(a->fd, in, (size_t)inl);
	if (r < 0 &&
	    (errno == EAGAIN || errno == EWOULDBLOCK || errno == EINTR))
		BIO_set_retry_write(b);
	return r < 0 ? -1 : (int)r;
}

static long hsbio_ctrl(BIO *b, int cmd, long num, void *ptr)
{
	struct tls_accept *a = BIO_get_data(b);

	(void)num, (void)ptr;
	switch (cmd) {
	case BIO_CTRL_FLUSH:
		return 1;
	case BIO_CTRL_PENDING: /* read and not taken by OpenSSL */
		return a && !a->rest_taken ? (long)(a->in_len - a->in_off) : 0;
	default:
		return 0;
	}
}

static int hsbio_create(BIO *b)
{
	BIO_set_init(b, 1);
	return 1;
}

/* One method for the process (made at the first handshake). */
static BIO_METHOD *hsbio_method(void)
{
	static BIO_METHOD *m;

	if (m)
		return m;
	m = BIO_meth_new(BIO_get_new_index() | BIO_TYPE_SOURCE_SINK,
	                 "cctns handshake socket");
	if (m && (!BIO_meth_set_read(m, hsbio_read) ||
	          !BIO_meth_set_write(m, hsbio_write) ||
	          !BIO_meth_set_ctrl(m, hsbio_ctrl) ||
	          !BIO_meth_set_create(m, hsbio_create))) {
		BIO_meth_free(m);
		m = NULL;
	}
	return m;
}

/* ---------------------------------------------------------------- steps */

static void tls_accept_cb(evutil_socket_t fd, short what, void *arg);

/* Wait for what (EV_READ or EV_WRITE) until the deadline. The event
 * persists while OpenSSL keeps wanting the same (the socket stays in the
 * epoll set: only the deadline is set again, no system call). */
static int tls_accept_wait(struct tls_accept *a, short what)
{
	uint64_t now = now_us();
	uint64_t left = a->deadline_us > now ? a->deadline_us - now : 0;
	struct timeval tv = {(time_t)(left / 1000000),
	                     (suseconds_t)(left % 1000000)};

	if (a->waiting != what) {
		event_del(a->ev);
		if (event_assign(a->ev, a->base, a->fd, what | EV_PERSIST,
		                 tls_accept_cb, a) != 0)
			return -1;
		a->waiting = what;
	}
	return event_add(a->ev, &tv);
}

/* Why SSL_accept failed with r (not a want). */
static const char *tls_accept_why(struct tls_accept *a, int r)
{
	int e = SSL_get_error(a->ssl, r), saved = errno;

	if (e == SSL_ERROR_ZERO_RETURN ||
	    (e == SSL_ERROR_SYSCALL && ERR_peek_error() == 0 && saved == 0))
		snprintf(a->err, sizeof(a->err), "eof");
	else if (e == SSL_ERROR_SYSCALL && ERR_peek_error() == 0)
		snprintf(a->err, sizeof(a->err), "%s", strerror(saved));
	else
		tls_last_error(a->err, sizeof(a->err));
	ERR_clear_error();
	return a->err[0] ? a->err : "handshake failed";
}

/* One step. Returns 1 when done (successfully or not: *err says), 0 when
 * waiting. */
static int tls_accept_step(struct tls_accept *a, const char **err)
{
	int r;

	ERR_clear_error();
	errno = 0;
	r = SSL_accept(a->ssl);
	*err = NULL;
	if (r == 1)
		return 1;
	switch (SSL_get_error(a->ssl, r)) {
	case SSL_ERROR_WANT_READ:
		if (tls_accept_wait(a, EV_READ) == 0)
			return 0;
		break;
	case SSL_ERROR_WANT_WRITE:
		if (tls_accept_wait(a, EV_WRITE) == 0)
			return 0;
		break;
	default:
		*err = tls_accept_why(a, r);
		return 1;
	}
	*err = "cannot wait for the socket";
	return 1;
}

static void tls_accept_cb(evutil_socket_t fd, short what, void *arg)
{
	struct tls_accept *a = arg;
	const char *err = tls_accept_timeout;

	(void)fd;
	if (!(what & EV_TIMEOUT) && !tls_accept_step(a, &err))
		return;
	event_del(a->ev); /* over: the persistent event fires no more */
	a->waiting = 0;
	a->done(a->arg, a->ssl, &a->sec, err); /* may free a */
}

/* The first step, from the loop (done must not run inside start). */
static void tls_accept_first_cb(evutil_socket_t fd, short what, void *arg)
{
	(void)what;
	tls_accept_cb(fd, EV_READ, arg);
}

struct tls_accept *tls_accept_start(struct event_base *base, evutil_socket_t fd,
                                    SSL *ssl, long timeout_ms,
                                    tls_accept_fn done, void *arg)
{
	struct tls_accept *a = xcalloc(1, sizeof(*a));
	BIO *bio;

	a->ssl = ssl;
	a->base = base;
	a->fd = fd;
	a->done = done;
	a->arg = arg;
	a->deadline_us = now_us() + (uint64_t)timeout_ms * 1000u;
	SSL_set_read_ahead(ssl, 0);
	a->ev = event_new(base, -1, 0, tls_accept_first_cb, a);
	bio = hsbio_method() ? BIO_new(hsbio_method()) : NULL;
	if (bio) {
		BIO_set_data(bio, a);
		SSL_set_bio(ssl, bio, bio); /* the SSL owns it */
	}
	if (!a->ev || !bio || tlsrec_ssl_attach(ssl, &a->sec) != 0) {
		tls_accept_free(a);
		ERR_clear_error();
		return NULL;
	}
	SSL_set_accept_state(ssl);
	event_active(a->ev, EV_READ, 0);
	return a;
}

void tls_accept_free(struct tls_accept *a)
{
	if (!a)
		return;
	if (a->ev)
		event_free(a->ev);
	if (a->ssl && tlsrec_ssl_attach(a->ssl, NULL) != 0)
		ERR_clear_error();
	SSL_free(a->ssl);
	OPENSSL_cleanse(&a->sec, sizeof(a->sec));
	free(a);
}

size_t tls_accept_rest(struct tls_accept *a, const unsigned char **rest)
{
	*rest = a->in + a->in_off;
	a->rest_taken = 1;
	return a->in_len - a->in_off;
}
