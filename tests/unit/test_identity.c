/* test_identity.c: the certificate subject grammar of server/identity.c:
 * CN=<kind>:<state>:<district>:<station> with decimal codes, no leading
 * zeros and fixed ranges, and OU as an optional terminal name. The server
 * source is included directly: this executable links only cctnsproto. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>

#include "../../server/identity.c"

static int parse(const char *cn, struct identity *id)
{
	char why[128];

	memset(id, 0, sizeof(*id));
	return identity_parse_cn(cn, strlen(cn), id, why, sizeof(why));
}

static void accepts_station_cn(void **state)
{
	struct identity id;

	(void)state;
	assert_int_equal(parse("station:9:118:1001", &id), 0);
	assert_int_equal(id.kind, IDENTITY_STATION);
	assert_int_equal(id.state, 9);
	assert_int_equal(id.district, 118);
	assert_int_equal(id.station, 1001);
}

static void accepts_codes_at_their_limits(void **state)
{
	struct identity id;

	(void)state;
	assert_int_equal(parse("station:1:1:1", &id), 0);
	assert_int_equal(parse("station:99:99999:999999", &id), 0);
	assert_int_equal(id.state, 99);
	assert_int_equal(id.district, 99999);
	assert_int_equal(id.station, 999999);
}

static void rejects_codes_out_of_range(void **state)
{
	struct identity id;

	(void)state;
	assert_int_equal(parse("station:100:1:1", &id), -1);
	assert_int_equal(parse("station:1:100000:1", &id), -1);
	assert_int_equal(parse("station:1:1:1000000", &id), -1);
	assert_int_equal(parse("station:0:1:1", &id), -1);
	assert_int_equal(parse("station:1:1:4294967297", &id), -1);
}

static void rejects_leading_zeros_and_signs(void **state)
{
	struct identity id;

	(void)state;
	assert_int_equal(parse("station:09:118:1001", &id), -1);
	assert_int_equal(parse("station:9:0118:1001", &id), -1);
	assert_int_equal(parse("station:+9:118:1001", &id), -1);
	assert_int_equal(parse("station:-9:118:1001", &id), -1);
	assert_int_equal(parse("station: 9:118:1001", &id), -1);
}

static void rejects_wrong_shape(void **state)
{
	struct identity id;

	(void)state;
	assert_int_equal(parse("", &id), -1);
	assert_int_equal(parse("station", &id), -1);
	assert_int_equal(parse("station:9:118", &id), -1);
	assert_int_equal(parse("station:9:118:1001:7", &id), -1);
	assert_int_equal(parse("station:9::1001", &id), -1);
	assert_int_equal(parse("station:9:118:", &id), -1);
	assert_int_equal(parse("Station:9:118:1001", &id), -1);
	assert_int_equal(parse("hello world", &id), -1);
	assert_int_equal(parse("station:9:118:1001x", &id), -1);
}

static void rejects_kinds_not_accepted_yet(void **state)
{
	struct identity id;

	(void)state;
	assert_int_equal(parse("department:9:118:1001", &id), -1);
	assert_int_equal(parse("operator:9:118:1001", &id), -1);
	assert_int_equal(id.kind, IDENTITY_NONE);
}

static void rejects_embedded_nul_and_overlong_cn(void **state)
{
	struct identity id = {0};
	char why[128], big[IDENTITY_CN_MAX + 2];

	(void)state;
	assert_int_equal(identity_parse_cn("station:9:118:1001\0x", 20, &id,
	                                   why, sizeof(why)),
	                 -1);
	memset(big, '1', sizeof(big));
	memcpy(big, "station:9:118:", 14);
	assert_int_equal(
	        identity_parse_cn(big, sizeof(big), &id, why, sizeof(why)), -1);
}

static void failure_reason_names_the_code(void **state)
{
	struct identity id = {0};
	char why[128];

	(void)state;
	assert_int_equal(
	        identity_parse_cn("station:9:0:1", 13, &id, why, sizeof(why)),
	        -1);
	assert_non_null(strstr(why, "district"));
}

static void terminal_accepts_plain_names(void **state)
{
	struct identity id = {0};
	char why[128];

	(void)state;
	assert_int_equal(
	        identity_set_terminal("desk-1", 6, &id, why, sizeof(why)), 0);
	assert_string_equal(id.terminal, "desk-1");
	assert_int_equal(
	        identity_set_terminal("Desk 2.a_b", 10, &id, why, sizeof(why)),
	        0);
}

static void terminal_rejects_odd_characters_and_length(void **state)
{
	struct identity id = {0};
	char why[128], big[IDENTITY_TERMINAL_MAX + 1];

	(void)state;
	assert_int_equal(
	        identity_set_terminal("desk\n1", 6, &id, why, sizeof(why)), -1);
	assert_int_equal(
	        identity_set_terminal("desk\"1", 6, &id, why, sizeof(why)), -1);
	assert_int_equal(identity_set_terminal("", 0, &id, why, sizeof(why)),
	                 -1);
	memset(big, 'a', sizeof(big));
	assert_int_equal(
	        identity_set_terminal(big, sizeof(big), &id, why, sizeof(why)),
	        -1);
}

static void names_are_copied_and_cleared(void **state)
{
	struct identity id = {0};

	(void)state;
	identity_set_names(&id, "Kotwali", "Agra", "Uttar Pradesh");
	identity_set_names(&id, "Hazratganj", "Lucknow", "Uttar Pradesh");
	assert_string_equal(id.station_name, "Hazratganj");
	identity_clear(&id);
	assert_null(id.station_name);
	assert_int_equal(id.kind, IDENTITY_NONE);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
	        cmocka_unit_test(accepts_station_cn),
	        cmocka_unit_test(accepts_codes_at_their_limits),
	        cmocka_unit_test(rejects_codes_out_of_range),
	        cmocka_unit_test(rejects_leading_zeros_and_signs),
	        cmocka_unit_test(rejects_wrong_shape),
	        cmocka_unit_test(rejects_kinds_not_accepted_yet),
	        cmocka_unit_test(rejects_embedded_nul_and_overlong_cn),
	        cmocka_unit_test(failure_reason_names_the_code),
	        cmocka_unit_test(terminal_accepts_plain_names),
	        cmocka_unit_test(terminal_rejects_odd_characters_and_length),
	        cmocka_unit_test(names_are_copied_and_cleared),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
