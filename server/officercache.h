/* officercache.h: the worker's resumed officer sessions for Hello (hs,
 * issue 7). A Hello with a session token used to ask the database every
 * time (api.officer_resume): a pool round trip that, with signed-in
 * terminals reconnecting, cost about a fifth of a handshake's server CPU
 * (tests/bench/README.md, "Thirteenth run"). The worker keeps what an
 * accepted resume gave (the officer number and permission bits of the
 * session, for the terminal that resumed it) and answers the same token
 * from the same terminal itself for a short window, under the conditions of
 * the station register (firlisten_officer_ok(): the LISTEN connection is up,
 * heard from within FIRLISTEN_DEAD_MS, the pool has not reconnected since;
 * an answer is kept only when no notification arrived while it was fetched).
 *
 * Forgetting: every change that can alter a resume's answer sends a
 * notification on cctns_officer (0063: a session ended, moved or deleted;
 * an officer's number, state, active flag or lock changed, or the officer
 * deleted; any change of core.officer_role or ref.role_permission), and
 * every one of them forgets every session here, as does every (re)LISTEN.
 * A SignOut on this worker forgets its token at once.
 *
 * The window: an entry answers for officercache_window_us(idle) after the
 * database accepted the session (a twentieth of [officers] session_idle, at
 * most 30 s), so the database still sees every session at least that
 * often, sets last_seen as 0062 does, and ends an idle session itself. A
 * session is thereby found idle at most 0.15 of session_idle early (0062's
 * tenth plus this window). Refusals are never kept.
 *
 * Bounded: at most OFFICERCACHE_MAX sessions; when full, every one is
 * dropped. One per worker process; the event loop only. Holds the SHA-256
 * of session tokens (as the seats do), never a token. */
#ifndef CCTNS_SERVER_OFFICERCACHE_H
#define CCTNS_SERVER_OFFICERCACHE_H

#include <stddef.h>
#include <stdint.h>

#define OFFICERCACHE_MAX 8192

/* Microseconds an accepted resume may be answered locally, for a
 * session_idle of idle_s seconds: a twentieth of it, at most 30 s. */
uint64_t officercache_window_us(uint32_t idle_s);

struct metrics;

/* [cache] officer_local: off forgets every session and answers nothing. */
void officercache_set_enabled(int enabled);
int officercache_enabled(void);

/* Count hits and misses into m (the worker's /metrics; NULL: none). */
void officercache_set_metrics(struct metrics *m);

/* The officer and permissions of session token_hash resumed from terminal
 * state:district:station:terminal, when held, inside its window at now_us
 * and kept for the same session_idle (idle_s): 1, else 0. Counts a hit. */
int officercache_get(const uint8_t token_hash[32], uint32_t state,
                     uint32_t district, uint32_t station, const char *terminal,
                     uint32_t idle_s, uint64_t now_us, char officer_no[32],
                     uint64_t *permissions);

/* A Hello with a session token asked the database. */
void officercache_count_miss(void);

/* Keep an accepted resume (the caller checked the rules), answered by the
 * database at now_us. */
void officercache_put(const uint8_t token_hash[32], uint32_t state,
                      uint32_t district, uint32_t station, const char *terminal,
                      uint32_t idle_s, uint64_t now_us, const char *officer_no,
                      uint64_t permissions);

/* Forget one session (SignOut on this worker). */
void officercache_forget(const uint8_t token_hash[32]);

/* Drop every session (a cctns_officer notification, the listener
 * (re)connected, the setting turned off). */
void officercache_forget_all(void);

/* Sessions held (tests). */
size_t officercache_count(void);

#endif
