/* ginflush.h: the person search GIN pending list moved into the index
 * tree by the server, not by a registration (reg, issue 7; migration
 * 0044). Every GINFLUSH_INTERVAL_MS one api.person_search_flush() on a
 * database connection of its own (so no request waits behind it), one call
 * in flight at most; after a failure (a standby, a schema before 0044) it
 * waits GINFLUSH_BACKOFF_MS. One worker of each server runs it. */
#ifndef CCTNS_SERVER_GINFLUSH_H
#define CCTNS_SERVER_GINFLUSH_H

#define GINFLUSH_INTERVAL_MS 250
#define GINFLUSH_BACKOFF_MS  30000

struct event_base;
struct metrics;
struct ginflush;

/* Start: connect to conninfo, the first flush one interval from now. */
struct ginflush *ginflush_new(struct event_base *base, const char *conninfo,
                              long wait_ms, struct metrics *metrics);

/* Stop the timer and close the connection (a call in flight is dropped;
 * the database finishes or rolls it back on its own). NULL is fine. */
void ginflush_free(struct ginflush *g);

#endif
