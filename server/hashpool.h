/* hashpool.h: Argon2id password verification off the event loop. A few
 * worker threads take jobs from a bounded queue; each result comes back on
 * the event loop through a pipe, where the job's callback runs. Verifying
 * costs tens of milliseconds of one core and 19 MiB by design: on the loop
 * it would stall every connection. */
#ifndef CCTNS_SERVER_HASHPOOL_H
#define CCTNS_SERVER_HASHPOOL_H

#include <stddef.h>

struct event_base;
struct hashpool;

#define HASHPOOL_QUEUE_MAX 64 /* jobs waiting; more are refused */

/* ok: 1 the password matches the encoded verifier, 0 not (or the verifier
 * is malformed). Runs on the event loop. */
typedef void (*hashpool_cb)(void *arg, int ok);

/* Start threads workers. NULL on failure (logged). */
struct hashpool *hashpool_new(struct event_base *base, int threads);

/* Stop the workers; jobs not yet run are answered with ok 0 first. */
void hashpool_free(struct hashpool *hp);

/* Queue a verification of password against encoded (both copied; the copy
 * of password is wiped after use). encoded NULL: verify against a dummy
 * verifier so an unknown officer costs the same time, answer 0. Returns 0
 * (cb runs once, later, on the loop) or -1 (queue full or stopping: cb will
 * not run). */
int hashpool_verify(struct hashpool *hp, const char *encoded,
                    const char *password, size_t passlen, hashpool_cb cb,
                    void *arg) __attribute__((warn_unused_result));

#endif
