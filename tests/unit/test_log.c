/* test_log.c: key=value log lines (proto/log.h): line shape, levels,
 * quoting, one line per event whatever the values hold. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>

#include "log.h"

/* Run one log call into a memory stream and return what it wrote. */
static char *capture_begin(FILE **f, char **buf, size_t *len)
{
	*f = open_memstream(buf, len);
	log_set_stream(*f);
	return *buf;
}

static char *capture_end(FILE *f, char **buf)
{
	fclose(f);
	log_set_stream(NULL);
	return *buf;
}

static void line_has_ts_level_event_and_pairs(void **state)
{
	FILE *f;
	char *buf = NULL;
	size_t len = 0;

	(void)state;
	log_set_level(LOG_INFO);
	capture_begin(&f, &buf, &len);
	log_event(LOG_INFO, "conn_open", "peer=%s conn=%d", "10.0.0.1:5", 7);
	capture_end(f, &buf);
	assert_int_equal(strncmp(buf, "ts=", 3), 0);
	/* ts=2026-11-29T05:10:00.123Z */
	assert_int_equal(buf[3 + 4], '-');
	assert_int_equal(buf[3 + 10], 'T');
	assert_int_equal(buf[3 + 19], '.');
	assert_int_equal(buf[3 + 23], 'Z');
	assert_non_null(strstr(buf, " level=info event=conn_open "
	                            "peer=10.0.0.1:5 conn=7\n"));
	assert_int_equal(strchr(buf, '\n') - buf + 1, (long)strlen(buf));
	free(buf);
}

static void events_below_level_are_dropped(void **state)
{
	FILE *f;
	char *buf = NULL;
	size_t len = 0;

	(void)state;
	log_set_level(LOG_WARN);
	capture_begin(&f, &buf, &len);
	log_event(LOG_INFO, "quiet", "a=1");
	log_event(LOG_DEBUG, "quiet", "a=1");
	log_event(LOG_ERROR, "loud", "a=1");
	capture_end(f, &buf);
	assert_null(strstr(buf, "quiet"));
	assert_non_null(strstr(buf, "level=error event=loud a=1"));
	log_set_level(LOG_INFO);
	free(buf);
}

static void newlines_in_values_never_split_the_line(void **state)
{
	FILE *f;
	char *buf = NULL;
	size_t len = 0;

	(void)state;
	capture_begin(&f, &buf, &len);
	log_event(LOG_WARN, "odd", "v=%s", "a\nb\rc");
	capture_end(f, &buf);
	assert_int_equal(strchr(buf, '\n') - buf + 1, (long)strlen(buf));
	free(buf);
}

static void event_without_pairs_has_no_trailing_space(void **state)
{
	FILE *f;
	char *buf = NULL;
	size_t len = 0;

	(void)state;
	capture_begin(&f, &buf, &len);
	log_event(LOG_INFO, "ready", "%s", "");
	capture_end(f, &buf);
	assert_non_null(strstr(buf, "event=ready\n"));
	free(buf);
}

static void quote_leaves_plain_values_alone(void **state)
{
	char buf[64];

	(void)state;
	assert_string_equal(log_quote("abc-1.2:3/4", buf, sizeof(buf)),
	                    "abc-1.2:3/4");
}

static void quote_wraps_spaces_quotes_equals_and_empty(void **state)
{
	char buf[64];

	(void)state;
	assert_string_equal(log_quote("a b", buf, sizeof(buf)), "\"a b\"");
	assert_string_equal(log_quote("", buf, sizeof(buf)), "\"\"");
	assert_string_equal(log_quote("say \"hi\"", buf, sizeof(buf)),
	                    "\"say \\\"hi\\\"\"");
	assert_string_equal(log_quote("k=v", buf, sizeof(buf)), "\"k=v\"");
	assert_string_equal(log_quote("a\\b", buf, sizeof(buf)), "\"a\\\\b\"");
	assert_string_equal(log_quote("l1\nl2\t\x01", buf, sizeof(buf)),
	                    "\"l1\\nl2\\t\\x01\"");
	assert_string_equal(log_quote(NULL, buf, sizeof(buf)), "\"\"");
}

static void quote_truncates_but_stays_closed(void **state)
{
	char buf[8];
	const char *q = log_quote("a very long value", buf, sizeof(buf));

	(void)state;
	assert_true(strlen(q) < sizeof(buf));
	assert_int_equal(q[0], '"');
	assert_int_equal(q[strlen(q) - 1], '"');
}

static void parses_level_names(void **state)
{
	log_level l;

	(void)state;
	assert_int_equal(log_level_parse("debug", &l), 0);
	assert_int_equal(l, LOG_DEBUG);
	assert_int_equal(log_level_parse("info", &l), 0);
	assert_int_equal(l, LOG_INFO);
	assert_int_equal(log_level_parse("WARN", &l), 0);
	assert_int_equal(l, LOG_WARN);
	assert_int_equal(log_level_parse("error", &l), 0);
	assert_int_equal(l, LOG_ERROR);
	assert_int_equal(log_level_parse("verbose", &l), -1);
	assert_int_equal(log_level_parse("", &l), -1);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
	        cmocka_unit_test(line_has_ts_level_event_and_pairs),
	        cmocka_unit_test(events_below_level_are_dropped),
	        cmocka_unit_test(newlines_in_values_never_split_the_line),
	        cmocka_unit_test(event_without_pairs_has_no_trailing_space),
	        cmocka_unit_test(quote_leaves_plain_values_alone),
	        cmocka_unit_test(quote_wraps_spaces_quotes_equals_and_empty),
	        cmocka_unit_test(quote_truncates_but_stays_closed),
	        cmocka_unit_test(parses_level_names),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
