/* stationcache.h: the worker's station register for Hello (hs, issue 7).
 * Every Hello used to ask the database (api.station_hello: the station's
 * three names, CT401 when it is unknown or inactive). The worker keeps the
 * answer of a station it was given (its names; refusals are never kept, so
 * that a station just registered works at once) and answers later Hellos of
 * that station itself, under the conditions of firlisten's local FIR answers
 * (firlisten_station_ok(): the LISTEN cctns_fir connection is up, heard from
 * within FIRLISTEN_DEAD_MS, the pool has not reconnected since; and an
 * answer is kept only when no notification arrived while it was fetched).
 *
 * What the answer reads, and what tells the workers to forget it: ref.station
 * (core.station_check reads only its row and `active`; the names), and the
 * names of ref.district and ref.state. Every UPDATE, DELETE and TRUNCATE of
 * ref.station sends '*' on cctns_fir (0053); an UPDATE or DELETE of
 * ref.district or ref.state TRUNCATEs core.fir_rendered (0039), whose
 * TRUNCATE trigger sends '*' (0053), and their TRUNCATE sends '*' (0053).
 * An INSERT changes no answer kept (a new station was refused before: not
 * kept). So every '*' (and every (re)LISTEN) forgets every station here;
 * payloads of FIR keys only forget FIR copies.
 *
 * Bounded: at most STATIONCACHE_MAX stations; when full, every one is
 * dropped and the register fills again. One per worker process; the event
 * loop only. Codes and names only: no personal data. */
#ifndef CCTNS_SERVER_STATIONCACHE_H
#define CCTNS_SERVER_STATIONCACHE_H

#include <stddef.h>
#include <stdint.h>

#define STATIONCACHE_MAX 4096

struct metrics;

/* [cache] station_local: off forgets every station and answers nothing. */
void stationcache_set_enabled(int enabled);
int stationcache_enabled(void);

/* Count hits and misses into m (the worker's /metrics; NULL: none). */
void stationcache_set_metrics(struct metrics *m);

/* The names of station state:district:station, or 0 when not held. The
 * pointers stay valid until the next put or forget. Counts a hit or, when
 * not held, nothing (the caller counts a miss when it asks the database). */
int stationcache_get(uint32_t state, uint32_t district, uint32_t station,
                     const char **station_name, const char **district_name,
                     const char **state_name);

/* A Hello asked the database (not answered from here). */
void stationcache_count_miss(void);

/* Keep the names of an accepted station (the caller checked the rules). */
void stationcache_put(uint32_t state, uint32_t district, uint32_t station,
                      const char *station_name, const char *district_name,
                      const char *state_name);

/* Drop every station (a '*' notification, the listener (re)connected). */
void stationcache_forget_all(void);

/* Stations held (tests, metrics). */
size_t stationcache_count(void);

#endif
