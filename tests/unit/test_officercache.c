/* test_officercache.c: the worker's resumed officer sessions (hs, issue 7;
 * server/officercache.c, included directly): a session put is found for the
 * same token, terminal and session_idle inside its window, with its officer
 * and permissions; another token, station, terminal or session_idle is not
 * found, nor the session once its window (a twentieth of session_idle, at
 * most 30 s) has passed; forget drops one session, forget_all every one; off
 * forgets everything and keeps nothing; bounded: filling it to
 * OFFICERCACHE_MAX drops every session and starts again; hits and misses
 * reach the worker's /metrics counters. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>

#include "../../server/officercache.c"

#define IDLE 1800u /* 30 min: a window of 30 s */
#define T0   1000000000ull

static void token(uint8_t key[32], unsigned n)
{
	for (int i = 0; i < 32; i++)
		key[i] = (uint8_t)(n * 2654435761u >> (i % 4 * 8)) ^ (uint8_t)i;
}

/* Session n from desk-1 of 9/118/1001 at time now: held? */
static int held_at(unsigned n, uint64_t now, char no[32], uint64_t *perm)
{
	uint8_t key[32];

	token(key, n);
	return officercache_get(key, 9, 118, 1001, "desk-1", IDLE, now, no,
	                        perm);
}

static void put(unsigned n, uint64_t now, const char *no, uint64_t perm)
{
	uint8_t key[32];

	token(key, n);
	officercache_put(key, 9, 118, 1001, "desk-1", IDLE, now, no, perm);
}

static void test_window(void **state)
{
	(void)state;
	assert_int_equal(30000000u, officercache_window_us(1800));
	assert_int_equal(30000000u, officercache_window_us(36000));
	assert_int_equal(6000000u, officercache_window_us(120));
	assert_int_equal(400000u, officercache_window_us(8));
	assert_int_equal(0, officercache_window_us(0));
}

static void test_put_get_window_forget(void **state)
{
	char no[32];
	uint64_t perm = 0;
	uint8_t key[32];

	(void)state;
	officercache_set_enabled(1);
	put(1, T0, "UP-123", 0x2a);
	assert_true(held_at(1, T0, no, &perm));
	assert_string_equal("UP-123", no);
	assert_int_equal(0x2a, perm);
	assert_true(held_at(1, T0 + 29999999u, no, &perm));
	assert_false(held_at(1, T0 + 30000000u, no, &perm)); /* window over */
	assert_false(held_at(2, T0, no, &perm));             /* another token */

	token(key, 1);
	assert_false(officercache_get(key, 9, 118, 1002, "desk-1", IDLE, T0, no,
	                              &perm)); /* another station */
	assert_false(officercache_get(key, 9, 119, 1001, "desk-1", IDLE, T0, no,
	                              &perm)); /* another district */
	assert_false(officercache_get(key, 10, 118, 1001, "desk-1", IDLE, T0,
	                              no, &perm)); /* another state */
	assert_false(officercache_get(key, 9, 118, 1001, "desk-2", IDLE, T0, no,
	                              &perm)); /* another terminal */
	assert_false(officercache_get(key, 9, 118, 1001, "desk-", IDLE, T0, no,
	                              &perm));
	assert_false(officercache_get(key, 9, 118, 1001, "desk-1", IDLE - 60,
	                              T0, no,
	                              &perm)); /* session_idle changed */

	put(1, T0 + 1000, "UP-124", 0x1); /* a newer answer replaces it */
	assert_true(held_at(1, T0 + 2000, no, &perm));
	assert_string_equal("UP-124", no);
	assert_int_equal(0x1, perm);
	assert_int_equal(1, officercache_count());

	put(2, T0, "UP-200", 0x3);
	officercache_forget(key); /* SignOut of token 1 */
	assert_false(held_at(1, T0 + 2000, no, &perm));
	assert_true(held_at(2, T0 + 2000, no, &perm));
	put(1, T0 + 3000, "UP-124", 0x1); /* signed in again: same slot */
	assert_true(held_at(1, T0 + 4000, no, &perm));
	assert_int_equal(2, officercache_count());

	officercache_forget_all();
	assert_int_equal(0, officercache_count());
	assert_false(held_at(1, T0 + 4000, no, &perm));
	assert_false(held_at(2, T0 + 4000, no, &perm));
	officercache_forget(key); /* nothing held: nothing happens */
}

static void test_refuses_what_does_not_fit(void **state)
{
	char no[32];
	uint64_t perm;
	uint8_t key[32];
	char longterm[IDENTITY_TERMINAL_MAX + 2];

	(void)state;
	officercache_set_enabled(1);
	token(key, 7);
	memset(longterm, 't', sizeof(longterm) - 1);
	longterm[sizeof(longterm) - 1] = '\0';
	officercache_put(key, 9, 118, 1001, longterm, IDLE, T0, "UP-1", 1);
	assert_int_equal(0, officercache_count());
	officercache_put(key, 9, 118, 1001, "desk-1", IDLE, T0,
	                 "0123456789012345678901234567890123", 1);
	assert_int_equal(0, officercache_count());
	assert_false(officercache_get(key, 9, 118, 1001, "desk-1", IDLE, T0, no,
	                              &perm));
}

static void test_off_keeps_nothing(void **state)
{
	char no[32];
	uint64_t perm;

	(void)state;
	officercache_set_enabled(1);
	put(1, T0, "UP-1", 1);
	officercache_set_enabled(0);
	assert_false(officercache_enabled());
	assert_false(held_at(1, T0, no, &perm));
	put(1, T0, "UP-1", 1);
	assert_int_equal(0, officercache_count());
	officercache_set_enabled(1);
	assert_false(held_at(1, T0, no, &perm)); /* forgotten when turned off */
}

static void test_bounded(void **state)
{
	char no[32];
	uint64_t perm;

	(void)state;
	officercache_set_enabled(1);
	officercache_forget_all();
	for (unsigned i = 1; i < OFFICERCACHE_MAX; i++)
		put(i, T0, "UP-1", 1);
	assert_int_equal(OFFICERCACHE_MAX - 1, officercache_count());
	assert_true(held_at(1, T0, no, &perm));
	assert_true(held_at(OFFICERCACHE_MAX - 1, T0, no, &perm));
	put(OFFICERCACHE_MAX, T0, "UP-2", 2); /* full: start again */
	assert_int_equal(1, officercache_count());
	assert_false(held_at(1, T0, no, &perm));
	assert_true(held_at(OFFICERCACHE_MAX, T0, no, &perm));
	officercache_forget_all();
}

static void test_counts_into_metrics(void **state)
{
	struct metrics *m = xcalloc(1, sizeof(*m));
	char no[32];
	uint64_t perm;

	(void)state;
	officercache_set_enabled(1);
	officercache_set_metrics(m);
	put(1, T0, "UP-1", 1);
	assert_true(held_at(1, T0, no, &perm));
	assert_true(held_at(1, T0, no, &perm));
	assert_false(held_at(2, T0, no, &perm)); /* not held: no hit */
	officercache_count_miss();
	assert_int_equal(2, m->officer_local_hits);
	assert_int_equal(1, m->officer_local_misses);
	officercache_set_metrics(NULL);
	officercache_forget_all();
	free(m);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
	        cmocka_unit_test(test_window),
	        cmocka_unit_test(test_put_get_window_forget),
	        cmocka_unit_test(test_refuses_what_does_not_fit),
	        cmocka_unit_test(test_off_keeps_nothing),
	        cmocka_unit_test(test_bounded),
	        cmocka_unit_test(test_counts_into_metrics),
	};
	int rc = cmocka_run_group_tests(tests, NULL, NULL);

	free(oc.slots); /* the table itself lives for the process */
	return rc;
}
