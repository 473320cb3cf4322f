/* notify.h: telling systemd how the server is doing (Type=notify), by the
 * NOTIFY_SOCKET datagram protocol of sd_notify(3), written here in a few
 * lines instead of linking libsystemd. Without NOTIFY_SOCKET (not started
 * by systemd) every call does nothing. */
#ifndef CCTNS_SERVER_NOTIFY_H
#define CCTNS_SERVER_NOTIFY_H

struct event_base;
struct pool;

/* Send one state string ("READY=1", "STOPPING=1", ...) to $NOTIFY_SOCKET.
 * Returns 1 sent, 0 no socket set, -1 failed (logged once). */
int notify_send(const char *state);

/* READY=1 as soon as the pool has a connection up (checked every 50 ms;
 * the listener is already up when this is called), with STATUS= naming
 * the listen address. Call once, after the listener is bound. */
void notify_when_ready(struct event_base *base, const struct pool *pool,
                       const char *listen);

/* SIGHUP: RELOADING=1 with MONOTONIC_USEC (systemd 253's notify-reload
 * wants it; older ones ignore it), then READY=1 when the reload is over. */
/* The supervisor of several workers: READY=1 once every worker listens. */
void notify_workers_ready(const char *host, int port, int workers);
void notify_reloading(void);
void notify_reloaded(void);

/* SIGTERM: STOPPING=1. */
void notify_stopping(void);

/* Free the readiness timer (at exit). */
void notify_free(void);

#endif
