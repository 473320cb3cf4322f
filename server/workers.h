/* workers.h: every core. With [server] workers = N > 1 the process that
 * loaded the config and TLS material becomes a supervisor: it reserves the
 * TLS port (bound with SO_REUSEPORT, never listening), forks N workers that
 * each run the whole server (own event loop, database pool, audit writer
 * and SO_REUSEPORT listener on that port, so the kernel spreads new
 * connections over them), restarts a worker that dies, and passes SIGHUP
 * (reload) and SIGTERM/SIGINT (drain) to every worker. Worker i serves
 * /healthz and /metrics on the http port + i (its own figures). */
#ifndef CCTNS_SERVER_WORKERS_H
#define CCTNS_SERVER_WORKERS_H

#include "config.h"

/* What the supervisor calls. run: in the child, the worker's whole life
 * (returns its exit code); it calls workers_ready(ready_fd, index) once it
 * listens. reload: in the parent on SIGHUP, before the workers get it, so
 * that a worker started later has the new config (0 ok, -1 refused). */
struct workers_hooks {
	int (*run)(void *arg, int index, int ready_fd);
	int (*reload)(void *arg);
	void *arg;
};

/* Number of workers for the configured value (0 = one per online core). */
int workers_count(long configured);

/* Supervise n workers listening on *listen (its port is replaced by the
 * one actually reserved, so port 0 works). Returns the exit code: 0 when
 * every worker drained and exited 0. */
int workers_supervise(int n, struct listen_addr *listen,
                      const struct workers_hooks *hooks);

/* In a worker: tell the supervisor it listens. */
void workers_ready(int ready_fd, int index);

/* Set the port of a parsed address (sockaddr and number). */
void listen_addr_set_port(struct listen_addr *a, int port);

#endif
