/* test_stationcache.c: the worker's station register for Hello (hs, issue 7;
 * server/stationcache.c, included directly): a station put is found with
 * its three names and replaced by a newer answer; other codes are not
 * found; forget_all empties it; off forgets everything and keeps nothing;
 * bounded: filling it to STATIONCACHE_MAX drops every station and starts
 * again; hits and misses reach the worker's /metrics counters. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>

#include "../../server/stationcache.c"

static int names_are(uint32_t st, uint32_t d, uint32_t s, const char *a,
                     const char *b, const char *c)
{
	const char *x, *y, *z;

	return stationcache_get(st, d, s, &x, &y, &z) && strcmp(x, a) == 0 &&
	       strcmp(y, b) == 0 && strcmp(z, c) == 0;
}

static int held(uint32_t st, uint32_t d, uint32_t s)
{
	const char *x, *y, *z;

	return stationcache_get(st, d, s, &x, &y, &z);
}

static void test_put_get_replace_forget(void **state)
{
	(void)state;
	stationcache_set_enabled(1);
	assert_false(held(9, 118, 1001));
	stationcache_put(9, 118, 1001, "Agra Kotwali", "Agra", "Uttar Pradesh");
	assert_true(names_are(9, 118, 1001, "Agra Kotwali", "Agra",
	                      "Uttar Pradesh"));
	assert_false(held(9, 118, 1002));
	assert_false(held(9, 119, 1001));
	assert_false(held(10, 118, 1001));
	stationcache_put(9, 118, 1001, "Agra Kotwali Nagar", "Agra",
	                 "Uttar Pradesh");
	assert_true(names_are(9, 118, 1001, "Agra Kotwali Nagar", "Agra",
	                      "Uttar Pradesh"));
	assert_int_equal(1, stationcache_count());
	stationcache_put(9, 119, 2001, "Aligarh Civil Lines", "Aligarh",
	                 "Uttar Pradesh");
	assert_int_equal(2, stationcache_count());
	stationcache_forget_all();
	assert_int_equal(0, stationcache_count());
	assert_false(held(9, 118, 1001));
	assert_false(held(9, 119, 2001));
}

static void test_off_keeps_nothing(void **state)
{
	(void)state;
	stationcache_set_enabled(1);
	stationcache_put(9, 118, 1001, "A", "B", "C");
	stationcache_set_enabled(0);
	assert_false(stationcache_enabled());
	assert_false(held(9, 118, 1001));
	stationcache_put(9, 118, 1001, "A", "B", "C");
	assert_int_equal(0, stationcache_count());
	stationcache_set_enabled(1);
	assert_false(held(9, 118, 1001)); /* forgotten when turned off */
}

static void test_bounded(void **state)
{
	uint32_t i;

	(void)state;
	stationcache_set_enabled(1);
	stationcache_forget_all();
	for (i = 1; i < STATIONCACHE_MAX; i++)
		stationcache_put(9, 118, i, "S", "D", "T");
	assert_int_equal(STATIONCACHE_MAX - 1, stationcache_count());
	for (i = 1; i < STATIONCACHE_MAX; i++)
		assert_true(held(9, 118, i));
	/* full: every station goes, the new one is kept */
	stationcache_put(9, 119, 1, "New", "D", "T");
	assert_int_equal(1, stationcache_count());
	assert_true(names_are(9, 119, 1, "New", "D", "T"));
	assert_false(held(9, 118, 1));
	stationcache_forget_all();
}

static void test_counts_into_metrics(void **state)
{
	struct metrics *m = xcalloc(1, sizeof(*m));

	(void)state;
	stationcache_set_enabled(1);
	stationcache_set_metrics(m);
	stationcache_put(9, 118, 1001, "A", "B", "C");
	assert_true(held(9, 118, 1001));
	assert_true(held(9, 118, 1001));
	assert_false(held(9, 118, 1002)); /* not held: no hit */
	stationcache_count_miss();
	assert_int_equal(2, m->station_local_hits);
	assert_int_equal(1, m->station_local_misses);
	stationcache_set_metrics(NULL);
	stationcache_forget_all();
	free(m);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
	        cmocka_unit_test(test_put_get_replace_forget),
	        cmocka_unit_test(test_off_keeps_nothing),
	        cmocka_unit_test(test_bounded),
	        cmocka_unit_test(test_counts_into_metrics),
	};
	int rc = cmocka_run_group_tests(tests, NULL, NULL);

	free(sc.slots); /* the table itself lives for the process */
	return rc;
}
