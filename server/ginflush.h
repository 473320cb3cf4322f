/* ginflush.h: the person search GIN pending list moved into the index
 * tree by the server, not by a registration (reg, issue 7; migration
 * 0044). Every [search] flush_ms (ops, slice 11; default 250, 0 = off) one
 * api.person_search_flush() on a database connection of its own (so no
 * request waits behind it), one call in flight at most; after a failure (a
 * standby, a schema before 0044) it waits GINFLUSH_BACKOFF_MS. One worker
 * of each server runs it. */
#ifndef CCTNS_SERVER_GINFLUSH_H
#define CCTNS_SERVER_GINFLUSH_H

#define GINFLUSH_INTERVAL_MS 250 /* the default of [search] flush_ms */
#define GINFLUSH_BACKOFF_MS  30000

struct event_base;
struct metrics;
struct ginflush;
struct pool;

/* Start: connect to conninfo, the first flush interval_ms from now (0: no
 * flush until ginflush_set_interval turns it on). */
struct ginflush *ginflush_new(struct event_base *base, const char *conninfo,
                              long wait_ms, long interval_ms,
                              struct metrics *metrics);

/* ops (slice 11): SIGHUP: the new interval, from the next flush on (0
 * stops the timer; from 0 the first flush is one interval from now). */
void ginflush_set_interval(struct ginflush *g, long interval_ms);

/* ops (slice 11): its connection, for /metrics (NULL when g is NULL). */
const struct pool *ginflush_pool(const struct ginflush *g);

/* Stop the timer and close the connection (a call in flight is dropped;
 * the database finishes or rolls it back on its own). NULL is fine. */
void ginflush_free(struct ginflush *g);

#endif
