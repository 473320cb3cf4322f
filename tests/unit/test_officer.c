/* test_officer.c (signin): one-time codes against the RFC 6238 test vectors
 * (SHA-1 key "12345678901234567890", 8 digits, and our 6-digit window of
 * one step either side), base32 (RFC 4648 vectors), and the permission
 * mask: codes to bits in ref.permission's order, a PostgreSQL text[]
 * literal to a mask, and who a row's permission admits. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>

#include <cmocka.h>

#include "../../server/perm.c"
#include "../../server/totp.c"

static const uint8_t rfc_key[] = "12345678901234567890";

static void test_rfc6238_vectors(void **state)
{
	static const struct {
		uint64_t t;
		uint32_t code;
	} v[] = {
	        {59, 94287082},         {1111111109, 7081804},
	        {1111111111, 14050471}, {1234567890, 89005924},
	        {2000000000, 69279037}, {20000000000ULL, 65353130},
	};

	(void)state;
	for (size_t i = 0; i < sizeof(v) / sizeof(v[0]); i++)
		assert_int_equal(totp_hotp(rfc_key, 20, v[i].t / 30, 8),
		                 v[i].code);
}

static void test_rfc4226_hotp(void **state)
{
	(void)state;
	assert_int_equal(totp_hotp(rfc_key, 20, 0, 6), 755224);
	assert_int_equal(totp_hotp(rfc_key, 20, 1, 6), 287082);
	assert_int_equal(totp_hotp(rfc_key, 20, 9, 6), 520489);
}

static void test_totp_window(void **state)
{
	char code[8];
	time_t t = 1111111109;

	(void)state;
	snprintf(code, sizeof(code), "%06u",
	         (unsigned)totp_hotp(rfc_key, 20, (uint64_t)t / 30, 6));
	assert_string_equal(code, "081804");
	assert_true(totp_verify(rfc_key, 20, code, t));
	assert_true(totp_verify(rfc_key, 20, code, t + 30));
	assert_true(totp_verify(rfc_key, 20, code, t - 30));
	assert_false(totp_verify(rfc_key, 20, code, t + 90));
	assert_false(totp_verify(rfc_key, 20, "000000", t));
	assert_false(totp_verify(rfc_key, 20, "08180", t));
	assert_false(totp_verify(rfc_key, 20, NULL, t));
}

static void test_base32(void **state)
{
	char out[64];

	(void)state;
	totp_base32((const uint8_t *)"foobar", 6, out, sizeof(out));
	assert_string_equal(out, "MZXW6YTBOI");
	totp_base32((const uint8_t *)"f", 1, out, sizeof(out));
	assert_string_equal(out, "MY");
	totp_base32(rfc_key, 20, out, sizeof(out));
	assert_string_equal(out, "GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ");
}

static void test_perm_bits(void **state)
{
	(void)state;
	assert_int_equal(perm_bit("read_station"), 0);
	assert_int_equal(perm_bit("register"), 1);
	assert_int_equal(perm_bit("investigate"), 2);
	assert_int_equal(perm_bit("verify"), 11);
	assert_int_equal(perm_bit("nope"), -1);
	assert_int_equal(perm_count(), 12);
	for (size_t i = 0; i < perm_count(); i++)
		assert_int_equal(perm_bit(perm_code((int)i)), (int)i);
	assert_null(perm_code(64));
}

static void test_perm_mask(void **state)
{
	unsigned unknown;
	uint64_t m;

	(void)state;
	m = perm_mask_from_array("{read_station,register}", &unknown);
	assert_int_equal(m, 3);
	assert_int_equal(unknown, 0);
	m = perm_mask_from_array("{}", &unknown);
	assert_int_equal(m, 0);
	m = perm_mask_from_array("{court,bogus,\"verify\"}", &unknown);
	assert_int_equal(m, (1u << 4) | (1u << 11));
	assert_int_equal(unknown, 1);
	m = perm_mask_from_array(
	        "{a_very_long_code_that_overflows_the_word_buffer_easily}",
	        &unknown);
	assert_int_equal(m, 0);
	assert_int_equal(unknown, 1);
}

static void test_perm_allows(void **state)
{
	uint64_t writer = (1u << 0) | (1u << 1);

	(void)state;
	assert_true(perm_allows(PERM_NONE, 0, 0));
	assert_false(perm_allows(PERM_OFFICER, 0, 0));
	assert_true(perm_allows(PERM_OFFICER, 1, 0));
	assert_true(perm_allows("register", 1, writer));
	assert_false(perm_allows("register", 0, writer));
	assert_false(perm_allows("investigate", 1, writer));
	assert_false(perm_allows("unknown_code", 1, ~UINT64_C(0)));
	assert_false(perm_allows(NULL, 1, ~UINT64_C(0)));
}

int main(void)
{
	const struct CMUnitTest tests[] = {
	        cmocka_unit_test(test_rfc6238_vectors),
	        cmocka_unit_test(test_rfc4226_hotp),
	        cmocka_unit_test(test_totp_window),
	        cmocka_unit_test(test_base32),
	        cmocka_unit_test(test_perm_bits),
	        cmocka_unit_test(test_perm_mask),
	        cmocka_unit_test(test_perm_allows),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
