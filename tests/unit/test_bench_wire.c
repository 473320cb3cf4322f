/* test_bench_wire.c: cctns-bench's walk of an Envelope's top level
 * (tests/bench/bench_wire.c, bench, issue 7): request id and body field as
 * protobuf-c's unpacking finds them, for answers packed by protobuf-c; every
 * truncation and broken key refused; a body's own bytes not looked at. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>

#include "../bench/bench_wire.c"
#include "envelope.h"

/* Pack env into buf (room for 4096 bytes); its length. */
static size_t pack(const Envelope *env, uint8_t *buf)
{
	size_t n = cctns__v1__envelope__get_packed_size(env);

	assert_true(n <= 4096);
	cctns__v1__envelope__pack(env, buf);
	return n;
}

static void finds_id_and_body_of_packed_answers(void **state)
{
	Envelope env = CCTNS__V1__ENVELOPE__INIT;
	Cctns__V1__Fir fir = CCTNS__V1__FIR__INIT;
	Cctns__V1__FirReceipt rc = CCTNS__V1__FIR_RECEIPT__INIT;
	Cctns__V1__Status st = CCTNS__V1__STATUS__INIT;
	uint8_t buf[4096];
	uint64_t id;
	uint32_t body;
	size_t n;

	(void)state;
	rc.fir_number = "0001/2026";
	fir.receipt = &rc;
	env.request_id = 300; /* a two-byte varint */
	env.body_case = CCTNS__V1__ENVELOPE__BODY_FIR;
	env.fir = &fir;
	n = pack(&env, buf);
	assert_int_equal(wire_envelope_top(buf, n, &id, &body), 0);
	assert_int_equal(id, 300);
	assert_int_equal(body, CCTNS__V1__ENVELOPE__BODY_FIR);

	st.message = "sign in first";
	env.request_id = UINT64_MAX; /* ten bytes */
	env.body_case = CCTNS__V1__ENVELOPE__BODY_STATUS;
	env.status = &st;
	n = pack(&env, buf);
	assert_int_equal(wire_envelope_top(buf, n, &id, &body), 0);
	assert_int_equal(id, UINT64_MAX);
	assert_int_equal(body, CCTNS__V1__ENVELOPE__BODY_STATUS);

	/* an empty body (a message with no fields set) is still the body */
	env.request_id = 0;
	env.body_case = CCTNS__V1__ENVELOPE__BODY_FIR;
	env.fir = &(Cctns__V1__Fir)CCTNS__V1__FIR__INIT;
	n = pack(&env, buf);
	assert_int_equal(wire_envelope_top(buf, n, &id, &body), 0);
	assert_int_equal(id, 0);
	assert_int_equal(body, CCTNS__V1__ENVELOPE__BODY_FIR);
	/* nothing at all: no id, no body (not an error here: the bench then
	 * counts an answer without the body its request expects) */
	assert_int_equal(wire_envelope_top(buf, 0, &id, &body), 0);
	assert_int_equal(body, 0);
}

/* Every proper prefix of a packed answer that protobuf-c refuses is refused
 * here too, and a prefix the walk accepts unpacks to the same id and body. */
static void truncations_agree_with_unpacking(void **state)
{
	Envelope env = CCTNS__V1__ENVELOPE__INIT;
	Cctns__V1__Fir fir = CCTNS__V1__FIR__INIT;
	Cctns__V1__FirReceipt rc = CCTNS__V1__FIR_RECEIPT__INIT;
	uint8_t buf[4096];
	size_t n;

	(void)state;
	rc.fir_number = "0042/2026";
	rc.registered_at = "2026-11-30T04:00:00Z";
	rc.year = 2026;
	fir.receipt = &rc;
	env.request_id = 123456789;
	env.body_case = CCTNS__V1__ENVELOPE__BODY_FIR;
	env.fir = &fir;
	n = pack(&env, buf);
	for (size_t k = 0; k < n; k++) {
		uint64_t id;
		uint32_t body;
		int walk = wire_envelope_top(buf, k, &id, &body);
		Envelope *e = envelope_decode(buf, k);

		if (walk != 0) {
			envelope_free(e);
			continue;
		}
		if (k > 0) {
			assert_non_null(e);
			assert_int_equal(e->request_id, id);
			assert_int_equal((uint32_t)e->body_case, body);
		}
		envelope_free(e);
	}
	/* cut inside the body's bytes: refused (length beyond the end) */
	{
		uint64_t id;
		uint32_t body;

		assert_int_equal(wire_envelope_top(buf, n - 1, &id, &body), -1);
	}
}

static void broken_keys_and_wire_types_refused(void **state)
{
	uint64_t id;
	uint32_t body;
	/* field 0 */
	static const uint8_t zero_field[] = {0x00, 0x01};
	/* request_id (1) as length-delimited */
	static const uint8_t id_as_bytes[] = {0x0a, 0x00};
	/* a body field (fir, 23) as a varint */
	static const uint8_t body_as_varint[] = {0xb8, 0x01, 0x05};
	/* a start-group wire type */
	static const uint8_t group[] = {0x0b};
	/* a varint that never ends */
	static const uint8_t endless[] = {0x08, 0xff, 0xff, 0xff, 0xff, 0xff,
	                                  0xff, 0xff, 0xff, 0xff, 0xff, 0x01};
	/* a length past the end */
	static const uint8_t too_long[] = {0xba, 0x01, 0x05, 0x00};
	/* an unknown field (2000, varint) then the body: skipped, as
	 * protobuf-c skips it */
	static const uint8_t unknown[] = {0x80, 0x7d, 0x07, 0x08,
	                                  0x02, 0xba, 0x01, 0x00};

	(void)state;
	assert_int_equal(
	        wire_envelope_top(zero_field, sizeof(zero_field), &id, &body),
	        -1);
	assert_int_equal(
	        wire_envelope_top(id_as_bytes, sizeof(id_as_bytes), &id, &body),
	        -1);
	assert_int_equal(wire_envelope_top(body_as_varint,
	                                   sizeof(body_as_varint), &id, &body),
	                 -1);
	assert_int_equal(wire_envelope_top(group, sizeof(group), &id, &body),
	                 -1);
	assert_int_equal(
	        wire_envelope_top(endless, sizeof(endless), &id, &body), -1);
	assert_int_equal(
	        wire_envelope_top(too_long, sizeof(too_long), &id, &body), -1);
	assert_int_equal(
	        wire_envelope_top(unknown, sizeof(unknown), &id, &body), 0);
	assert_int_equal(id, 2);
	assert_int_equal(body, CCTNS__V1__ENVELOPE__BODY_FIR);
	{
		Envelope *e = envelope_decode(unknown, sizeof(unknown));

		assert_non_null(e);
		assert_int_equal(e->request_id, 2);
		assert_int_equal(e->body_case, CCTNS__V1__ENVELOPE__BODY_FIR);
		envelope_free(e);
	}
}

int main(void)
{
	const struct CMUnitTest tests[] = {
	        cmocka_unit_test(finds_id_and_body_of_packed_answers),
	        cmocka_unit_test(truncations_agree_with_unpacking),
	        cmocka_unit_test(broken_keys_and_wire_types_refused),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
