/* tlsaccept.c: the server's TLS handshake on an event of its own (see
 * tlsaccept.h). Each step calls SSL_accept on the non-blocking socket and
 * waits for what OpenSSL wants (readable or writable) until the deadline. */
#include "tlsaccept.h"

#include <errno.h>
#include <stdio.h>
#include <string.h>

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
};

static void tls_accept_cb(evutil_socket_t fd, short what, void *arg);

/* Wait for what (EV_READ or EV_WRITE) until the deadline. */
static int tls_accept_wait(struct tls_accept *a, short what)
{
	uint64_t now = now_us();
	uint64_t left = a->deadline_us > now ? a->deadline_us - now : 0;
	struct timeval tv = {(time_t)(left / 1000000),
	                     (suseconds_t)(left % 1000000)};

	event_del(a->ev);
	if (event_assign(a->ev, a->base, a->fd, what, tls_accept_cb, a) != 0)
		return -1;
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

	a->ssl = ssl;
	a->base = base;
	a->fd = fd;
	a->done = done;
	a->arg = arg;
	a->deadline_us = now_us() + (uint64_t)timeout_ms * 1000u;
	SSL_set_read_ahead(ssl, 0);
	a->ev = event_new(base, -1, 0, tls_accept_first_cb, a);
	if (!a->ev || tlsrec_ssl_attach(ssl, &a->sec) != 0 ||
	    SSL_set_fd(ssl, (int)fd) != 1) {
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
