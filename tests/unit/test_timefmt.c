/* test_timefmt.c: the strict RFC 3339 time and YYYY-MM-DD date checks
 * (proto/timefmt.h). */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>

#include <cmocka.h>

#include "timefmt.h"

static void accepts_rfc3339_with_offset_or_z(void **state)
{
	static const char *const good[] = {
	        "2026-03-14T21:30:00+05:30",      "2026-03-14T21:30:00Z",
	        "2026-03-14T21:30:00-08:00",      "2026-03-14T21:30:00.1+05:30",
	        "2026-03-14T21:30:00.123456789Z", "0001-01-01T00:00:00Z",
	        "9999-12-31T23:59:59+23:59",      "2024-02-29T12:00:00+05:30",
	        "2000-02-29T00:00:00Z",
	};
	(void)state;
	for (size_t i = 0; i < sizeof(good) / sizeof(good[0]); i++) {
		if (!rfc3339_valid(good[i]))
			fail_msg("rejected %s", good[i]);
	}
}

static void rejects_malformed_or_impossible_times(void **state)
{
	static const char *const bad[] = {
	        "",
	        "2026-03-14",
	        "2026-03-14T21:30:00",       /* no offset */
	        "2026-03-14 21:30:00+05:30", /* space, not T */
	        "2026-03-14t21:30:00+05:30", /* lower-case t */
	        "2026-03-14T21:30:00z",      /* lower-case z */
	        "2026-03-14T21:30+05:30",    /* no seconds */
	        "2026-03-14T24:00:00+05:30", /* 24:00 */
	        "2026-03-14T23:60:00+05:30",
	        "2026-03-14T23:59:60+05:30", /* no leap second */
	        "2026-02-29T10:00:00+05:30", /* 2026 is not a leap year */
	        "1900-02-29T10:00:00+05:30", /* century, not leap */
	        "2026-04-31T10:00:00+05:30",
	        "2026-13-01T10:00:00+05:30",
	        "2026-00-01T10:00:00+05:30",
	        "2026-01-00T10:00:00+05:30",
	        "0000-01-01T10:00:00Z",
	        "2026-3-14T21:30:00+05:30",
	        "2026-03-14T21:30:00.+05:30",      /* empty fraction */
	        "2026-03-14T21:30:00.1234567890Z", /* 10 digits */
	        "2026-03-14T21:30:00+0530",
	        "2026-03-14T21:30:00+05",
	        "2026-03-14T21:30:00+24:00",
	        "2026-03-14T21:30:00+05:60",
	        "2026-03-14T21:30:00+05:30 ",
	        "2026-03-14T21:30:00Z0",
	        "+2026-03-14T21:30:00Z",
	        "2026-03-14T21:30:00+05:30:00",
	};
	(void)state;
	assert_false(rfc3339_valid(NULL));
	for (size_t i = 0; i < sizeof(bad) / sizeof(bad[0]); i++) {
		if (rfc3339_valid(bad[i]))
			fail_msg("accepted %s", bad[i]);
	}
}

static void
accepts_real_calendar_dates_including_feb_29_of_leap_years(void **state)
{
	(void)state;
	assert_true(date_valid("1985-07-23"));
	assert_true(date_valid("2024-02-29"));
	assert_true(date_valid("2000-02-29"));
	assert_true(date_valid("2026-12-31"));
	assert_true(date_valid("2026-04-30"));
}

static void rejects_impossible_or_malformed_dates(void **state)
{
	static const char *const bad[] = {
	        "",           "2026-02-29", "2100-02-29", "2026-04-31",
	        "2026-13-01", "2026-1-01",  "26-01-01",   "2026-01-01T",
	        "2026/01/01", "2026-01-1",  "0000-01-01", "2026-01-01 ",
	        "abcd-ef-gh",
	};
	(void)state;
	assert_false(date_valid(NULL));
	for (size_t i = 0; i < sizeof(bad) / sizeof(bad[0]); i++) {
		if (date_valid(bad[i]))
			fail_msg("accepted %s", bad[i]);
	}
}

int main(void)
{
	const struct CMUnitTest tests[] = {
	        cmocka_unit_test(accepts_rfc3339_with_offset_or_z),
	        cmocka_unit_test(rejects_malformed_or_impossible_times),
	        cmocka_unit_test(
	                accepts_real_calendar_dates_including_feb_29_of_leap_years),
	        cmocka_unit_test(rejects_impossible_or_malformed_dates),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
