/* notify.c: the sd_notify(3) protocol by hand: one datagram of
 * "KEY=VALUE\n" lines to the AF_UNIX socket named by $NOTIFY_SOCKET (a path,
 * or an abstract name when it starts with '@'). Chosen over libsystemd's
 * sd_notify so the server takes no extra library for one sendto(); the
 * protocol is stable and documented by systemd. */
#include "notify.h"

#include <errno.h>
#include <stddef.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include <sys/socket.h>
#include <sys/un.h>
#include <unistd.h>

#include <event2/event.h>

#include "log.h"
#include "pool.h"

#define READY_POLL_MS 50

static struct {
	struct event *timer;
	const struct pool *pool;
	char status[160];
	int warned;
} ready;

int notify_send(const char *state)
{
	const char *path = getenv("NOTIFY_SOCKET");
	struct sockaddr_un sa = {.sun_family = AF_UNIX};
	size_t len;
	int fd, rc = -1;

	if (!path || !*path)
		return 0;
	len = strlen(path);
	if ((path[0] != '/' && path[0] != '@') || len >= sizeof(sa.sun_path))
		goto fail;
	memcpy(sa.sun_path, path, len);
	if (path[0] == '@')
		sa.sun_path[0] = '\0';
	fd = socket(AF_UNIX, SOCK_DGRAM | SOCK_CLOEXEC, 0);
	if (fd < 0)
		goto fail;
	if (sendto(fd, state, strlen(state), MSG_NOSIGNAL,
	           (struct sockaddr *)&sa,
	           (socklen_t)(offsetof(struct sockaddr_un, sun_path) + len)) >=
	    0)
		rc = 1;
	close(fd);
	if (rc == 1)
		return 1;
fail:
	if (!ready.warned) {
		ready.warned = 1;
		log_event(LOG_WARN, "notify_failed", "errno=%d", errno);
	}
	return -1;
}

static void ready_tick(evutil_socket_t fd, short what, void *arg)
{
	struct timeval tv = {0, READY_POLL_MS * 1000};
	char msg[256];

	(void)fd, (void)what, (void)arg;
	if (pool_ready_count(ready.pool) == 0) {
		evtimer_add(ready.timer, &tv);
		return;
	}
	snprintf(msg, sizeof(msg), "READY=1\nSTATUS=%s\nMAINPID=%ld",
	         ready.status, (long)getpid());
	if (notify_send(msg) == 1)
		log_event(LOG_INFO, "notify_ready", "pid=%ld", (long)getpid());
}

void notify_when_ready(struct event_base *base, const struct pool *pool,
                       const char *listen)
{
	struct timeval now = {0, 0};

	if (!getenv("NOTIFY_SOCKET") || ready.timer)
		return;
	ready.pool = pool;
	snprintf(ready.status, sizeof(ready.status), "serving on %s", listen);
	ready.timer = evtimer_new(base, ready_tick, NULL);
	evtimer_add(ready.timer, &now);
}

void notify_workers_ready(const char *host, int port, int workers)
{
	char msg[256];

	snprintf(
	        msg, sizeof(msg),
	        "READY=1\nSTATUS=serving on %s:%d with %d workers\nMAINPID=%ld",
	        host, port, workers, (long)getpid());
	if (notify_send(msg) == 1)
		log_event(LOG_INFO, "notify_ready", "pid=%ld", (long)getpid());
}

void notify_reloading(void)
{
	struct timespec ts;
	char msg[96];

	clock_gettime(CLOCK_MONOTONIC, &ts);
	snprintf(msg, sizeof(msg), "RELOADING=1\nMONOTONIC_USEC=%llu",
	         (unsigned long long)ts.tv_sec * 1000000ull +
	                 (unsigned long long)ts.tv_nsec / 1000ull);
	(void)notify_send(msg);
}

void notify_reloaded(void)
{
	(void)notify_send("READY=1");
}

void notify_stopping(void)
{
	(void)notify_send("STOPPING=1\nSTATUS=draining");
}

void notify_free(void)
{
	if (ready.timer)
		event_free(ready.timer);
	ready.timer = NULL;
}
