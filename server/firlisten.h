/* firlisten.h: the worker's LISTEN cctns_fir connection (fir, slice 12;
 * migration 0053). The database notifies cctns_fir with the keys of the
 * FIR renderings it forgets ('*': all of them); the listener forgets the
 * worker's copies of them (fircache.h), so that a verified plain copy may
 * be answered without the database (handlers_fir.c).
 *
 * One per worker process, on a libpq connection of its own (not the pool:
 * notifications arrive between statements), driven by the event loop:
 * connect, LISTEN, then read notifications as they come; every
 * FIRLISTEN_PING_MS a `SELECT 1` shows that the server still answers.
 * The generation counts every event that may hide a forgetting: each
 * cctns_fir notification received, each (re)connect and each loss. Local
 * answers are allowed only while the listener is listening, has heard from the
 * server within FIRLISTEN_DEAD_MS, and the worker's pool has not reconnected
 * since the LISTEN (a pool on another server than the listener, after a
 * failover, would see writes whose notifications never reach us). A ping
 * unanswered for FIRLISTEN_DEAD_MS closes the connection; it reconnects with
 * backoff, and every copy is forgotten when it listens again (notifications may
 * have been missed). hs (issue 7, 0063): the same connection also LISTENs
 * cctns_officer, whose notifications forget the worker's resumed officer
 * sessions (officercache.h). */
#ifndef CCTNS_SERVER_FIRLISTEN_H
#define CCTNS_SERVER_FIRLISTEN_H

#include <stdint.h>

#define FIRLISTEN_CHANNEL "cctns_fir"
/* hs (issue 7, 0063): every notification forgets every resumed session */
#define FIRLISTEN_OFFICER_CHANNEL "cctns_officer"
#define FIRLISTEN_PING_MS         1000
#define FIRLISTEN_DEAD_MS         3000

struct event_base;
struct metrics;
struct pool;

/* Start the worker's listener (one per process): conninfo as the pool's,
 * pool the worker's (its reconnects stop local answers), enabled from
 * [cache] fir_local (off: no connection, no local answers). */
void firlisten_start(struct event_base *base, const char *conninfo,
                     const struct pool *pool, struct metrics *metrics,
                     int enabled);

/* SIGHUP: [cache] fir_local. Off closes the connection at once (unless
 * [cache] station_local keeps it). */
void firlisten_set_enabled(int enabled);

/* hs (issue 7): [cache] station_local (stationcache.h): turns the station
 * register on or off; the connection is kept while either setting is on,
 * and each setting allows its own answers. A '*' payload and every
 * (re)LISTEN also forget the station register. */
void firlisten_set_station(int enabled);

/* hs (issue 7): [cache] officer_local (officercache.h): turns the resumed
 * sessions on or off; the connection also LISTENs cctns_officer, whose
 * every notification (and every (re)LISTEN) forgets every session. */
void firlisten_set_officer(int enabled);

/* Close the connection; local answers stop. */
void firlisten_stop(void);

/* The generation now (see above). */
uint64_t firlisten_generation(void);

/* hs: the officer sessions' generation: each cctns_officer notification,
 * (re)connect and loss; what a resume fetched from the database must not
 * have missed (officercache.h). */
uint64_t firlisten_officer_generation(void);

/* May a verified copy be answered locally now? */
int firlisten_local_ok(void);

/* hs: may a Hello be answered from the station register now (the same
 * conditions, with [cache] station_local instead of fir_local)? */
int firlisten_station_ok(void);

/* hs: may a Hello's session be resumed locally now (the same conditions,
 * with [cache] officer_local)? */
int firlisten_officer_ok(void);

/* The listener's payload: forget the keys it names ('*': every copy, and
 * every station of stationcache.h).
 * Returns the number of keys forgotten, -1 for '*' (exposed for tests). */
int firlisten_apply(const char *payload);

#endif
