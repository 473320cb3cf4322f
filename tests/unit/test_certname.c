/* test_certname.c: the text rules of cctns-admin's certificate commands
 * (server/admin/certname.c): serials as an operator types them, revocation
 * reasons, terminal names, station CNs. The source is included directly. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <string.h>

#include <cmocka.h>

#include "../../server/admin/certname.c"

static void serial_forms_are_canonical(void **state)
{
	static const struct {
		const char *in, *want;
	} ok[] = {
	        {"1A2B", "1A2B"},
	        {"0x1a2b", "1A2B"},
	        {"0X001A2B", "1A2B"},
	        {"serial=01A2B3", "1A2B3"},
	        {"01:a2:b3", "1A2B3"},
	        {"697c87736932b492a6fa2813e9c53b5a",
	         "697C87736932B492A6FA2813E9C53B5A"},
	        {"00FFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFF",
	         "FFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFF"},
	};
	char out[CERT_SERIAL_HEX_MAX + 1];

	(void)state;
	for (size_t i = 0; i < sizeof(ok) / sizeof(ok[0]); i++) {
		assert_int_equal(cert_serial_parse(ok[i].in, out, sizeof(out)),
		                 0);
		assert_string_equal(out, ok[i].want);
	}
}

static void bad_serials_are_refused(void **state)
{
	static const char *const bad[] = {
	        "",
	        "0",
	        "0x",
	        "00:00",
	        "serial=",
	        "12G4",
	        "-1A",
	        "1A ",
	        " 1A",
	        ":1A",
	        "1A:",
	        "1A::2B",
	        "0x0x1A",
	        "1A;DROP",
	        /* 21 octets */
	        "1FFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFF",
	};
	char out[CERT_SERIAL_HEX_MAX + 1];

	(void)state;
	for (size_t i = 0; i < sizeof(bad) / sizeof(bad[0]); i++)
		assert_int_equal(cert_serial_parse(bad[i], out, sizeof(out)),
		                 -1);
	assert_int_equal(cert_serial_parse("1A", out, 8), -1); /* buffer */
	assert_int_equal(cert_serial_parse(NULL, out, sizeof(out)), -1);
}

static void reasons_round_trip(void **state)
{
	int code = -1;

	(void)state;
	assert_int_equal(cert_reason_parse("key-compromise", &code), 0);
	assert_int_equal(code, 1);
	assert_int_equal(cert_reason_parse("privilege-withdrawn", &code), 0);
	assert_int_equal(code, 9);
	assert_string_equal(cert_reason_name(5), "cessation-of-operation");
	assert_null(cert_reason_name(2)); /* cACompromise: not for terminals */
	assert_null(cert_reason_name(6)); /* certificateHold */
	assert_int_equal(cert_reason_parse("keyCompromise", &code), -1);
	assert_int_equal(cert_reason_parse("", &code), -1);
	assert_int_equal(cert_reason_parse(NULL, &code), -1);
	for (int c = 0; c <= 10; c++) {
		const char *name = cert_reason_name(c);
		int back = -1;

		if (!name)
			continue;
		assert_int_equal(cert_reason_parse(name, &back), 0);
		assert_int_equal(back, c);
		assert_non_null(strstr(cert_reason_list(), name));
	}
}

static void terminal_names(void **state)
{
	(void)state;
	assert_true(cert_terminal_ok("desk-1"));
	assert_true(cert_terminal_ok("A.b_C-9"));
	assert_true(cert_terminal_ok("12345678901234567890123456789012"));
	assert_false(cert_terminal_ok(""));
	assert_false(cert_terminal_ok("123456789012345678901234567890123"));
	assert_false(cert_terminal_ok("desk 1"));
	assert_false(cert_terminal_ok("desk/1"));
	assert_false(cert_terminal_ok("desk,CN=x"));
	assert_false(cert_terminal_ok("d\xc3\xa9sk"));
}

static void station_cns(void **state)
{
	int s = 0, d = 0, c = 0;

	(void)state;
	assert_int_equal(
	        cert_station_cn_parse("station:9:118:1001", &s, &d, &c), 0);
	assert_int_equal(s, 9);
	assert_int_equal(d, 118);
	assert_int_equal(c, 1001);
	assert_int_equal(
	        cert_station_cn_parse("station:99:99999:999999", &s, &d, &c),
	        0);
	static const char *const bad[] = {
	        "station:9:118",      "station:9:118:1001:1", "court:9:118:1",
	        "station:09:118:1",   "station:9:118:",       "station:100:1:1",
	        "station:9:100000:1", "station:9:1:1000000",  "station:0:1:1",
	        "station:9:1:1x",     "Station:9:1:1",        "",
	};
	for (size_t i = 0; i < sizeof(bad) / sizeof(bad[0]); i++)
		assert_int_equal(cert_station_cn_parse(bad[i], &s, &d, &c), -1);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
	        cmocka_unit_test(serial_forms_are_canonical),
	        cmocka_unit_test(bad_serials_are_refused),
	        cmocka_unit_test(reasons_round_trip),
	        cmocka_unit_test(terminal_names),
	        cmocka_unit_test(station_cns),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
