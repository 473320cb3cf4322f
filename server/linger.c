/* linger.c: lingering close of sockets handed over by sessions: shutdown
 * the write side, then drain reads until EOF, an error or LINGER_MS. */
#include "linger.h"

#include <errno.h>
#include <stdlib.h>

#include <sys/socket.h>
#include <unistd.h>

#include <event2/event.h>

#include "util.h"

struct lingering {
	struct linger_set *set;
	struct lingering *prev, *next;
	evutil_socket_t fd;
	struct event *ev;
	uint64_t deadline_us;
};

static void linger_done(struct lingering *l)
{
	if (l->prev)
		l->prev->next = l->next;
	else
		l->set->head = l->next;
	if (l->next)
		l->next->prev = l->prev;
	l->set->n--;
	event_free(l->ev);
	evutil_closesocket(l->fd);
	free(l);
}

/* Discard what the peer still sends; done at EOF, error or deadline. */
static void linger_cb(evutil_socket_t fd, short what, void *arg)
{
	struct lingering *l = arg;
	char buf[4096];
	ssize_t n;

	if (!(what & EV_TIMEOUT)) {
		while ((n = read(fd, buf, sizeof(buf))) > 0)
			;
		if (n < 0 && (errno == EAGAIN || errno == EWOULDBLOCK) &&
		    now_us() < l->deadline_us)
			return;
	}
	linger_done(l);
}

void linger_close(struct linger_set *set, struct event_base *base,
                  evutil_socket_t fd)
{
	struct timeval tv = {LINGER_MS / 1000, (LINGER_MS % 1000) * 1000};
	struct lingering *l;

	if (set->n >= LINGER_MAX || shutdown(fd, SHUT_WR) != 0) {
		evutil_closesocket(fd);
		return;
	}
	l = xcalloc(1, sizeof(*l));
	l->set = set;
	l->fd = fd;
	l->deadline_us = now_us() + LINGER_MS * 1000ull;
	l->ev = event_new(base, fd, EV_READ | EV_PERSIST, linger_cb, l);
	l->next = set->head;
	if (set->head)
		set->head->prev = l;
	set->head = l;
	set->n++;
	event_add(l->ev, &tv);
}

void linger_free_all(struct linger_set *set)
{
	while (set->head)
		linger_done(set->head);
}
