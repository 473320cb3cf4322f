/* test_outbox_rec.c: the outbox record format (outbox_rec.h): a record
 * reads back as written; every single-byte change, every truncation and
 * any extra byte is detected; a request of another kind or not an
 * Envelope is refused; encode refuses texts and requests out of range. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>

#include "envelope.h"
#include "outbox_rec.h"

static const uint8_t key[16] = {1, 2,  3,  4,  5,  6,  7,  8,
                                9, 10, 11, 12, 13, 14, 15, 16};

/* A RegisterFir envelope, packed, in r. */
static void make_record(outbox_rec *r, uint32_t kind)
{
	Cctns__V1__RegisterFir reg = CCTNS__V1__REGISTER_FIR__INIT;
	Cctns__V1__FirContent fir = CCTNS__V1__FIR_CONTENT__INIT;
	Envelope env = CCTNS__V1__ENVELOPE__INIT;

	fir.information_received_at = "2026-11-29T10:00:00+05:30";
	reg.idempotency_key.len = sizeof(key);
	reg.idempotency_key.data = (uint8_t *)key;
	reg.fir = &fir;
	env.body_case = CCTNS__V1__ENVELOPE__BODY_REGISTER_FIR;
	env.register_fir = &reg;
	memset(r, 0, sizeof(*r));
	r->version = OUTBOX_FORMAT;
	r->kind = kind;
	r->queued_at = 1796000000;
	strcpy(r->receipt, "OFF-9-118-1001-desk-1-000042");
	strcpy(r->noun, "FIR");
	r->request_len = cctns__v1__envelope__get_packed_size(&env);
	r->request = malloc(r->request_len);
	assert_non_null(r->request);
	cctns__v1__envelope__pack(&env, r->request);
}

static void encode(uint32_t kind, uint8_t **buf, size_t *len)
{
	outbox_rec r;

	make_record(&r, kind);
	assert_int_equal(outbox_rec_encode(&r, buf, len), 0);
	outbox_rec_free(&r);
}

static void round_trip(void **state)
{
	outbox_rec in, out;
	uint8_t *buf;
	size_t len;
	char why[128];
	Envelope *env;

	(void)state;
	make_record(&in, CCTNS__V1__ENVELOPE__BODY_REGISTER_FIR);
	assert_int_equal(outbox_rec_encode(&in, &buf, &len), 0);
	assert_int_equal(outbox_rec_decode(buf, len, &out, why, sizeof(why)),
	                 0);
	assert_int_equal(out.version, OUTBOX_FORMAT);
	assert_int_equal(out.kind, in.kind);
	assert_true(out.queued_at == in.queued_at);
	assert_string_equal(out.receipt, in.receipt);
	assert_string_equal(out.noun, in.noun);
	assert_int_equal(out.request_len, in.request_len);
	assert_memory_equal(out.request, in.request, in.request_len);
	env = cctns__v1__envelope__unpack(NULL, out.request_len, out.request);
	assert_non_null(env);
	assert_int_equal(env->register_fir->idempotency_key.len, 16);
	assert_memory_equal(env->register_fir->idempotency_key.data, key, 16);
	envelope_free(env);
	outbox_rec_free(&in);
	outbox_rec_free(&out);
	free(buf);
}

/* Every byte, changed in three ways: the record is refused. */
static void every_byte_corruption_is_detected(void **state)
{
	static const uint8_t flips[] = {0x01, 0x80, 0xff};
	uint8_t *buf;
	size_t len;
	outbox_rec out;
	char why[128];

	(void)state;
	encode(CCTNS__V1__ENVELOPE__BODY_REGISTER_FIR, &buf, &len);
	for (size_t i = 0; i < len; i++) {
		for (size_t k = 0; k < sizeof(flips); k++) {
			buf[i] ^= flips[k];
			if (outbox_rec_decode(buf, len, &out, why,
			                      sizeof(why)) == 0)
				fail_msg("byte %zu ^ 0x%02x was not detected",
				         i, flips[k]);
			buf[i] ^= flips[k];
		}
	}
	assert_int_equal(outbox_rec_decode(buf, len, &out, why, sizeof(why)),
	                 0);
	outbox_rec_free(&out);
	free(buf);
}

/* Every shorter length (a torn write), and one byte more. */
static void every_truncation_is_detected(void **state)
{
	uint8_t *buf, *longer;
	size_t len;
	outbox_rec out;
	char why[128];

	(void)state;
	encode(CCTNS__V1__ENVELOPE__BODY_REGISTER_FIR, &buf, &len);
	for (size_t n = 0; n < len; n++)
		if (outbox_rec_decode(buf, n, &out, why, sizeof(why)) == 0)
			fail_msg("a record cut to %zu of %zu bytes was read", n,
			         len);
	longer = malloc(len + 1);
	assert_non_null(longer);
	memcpy(longer, buf, len);
	longer[len] = 0;
	assert_int_equal(
	        outbox_rec_decode(longer, len + 1, &out, why, sizeof(why)), -1);
	/* A zero-filled file of the right size (a torn page) too. */
	memset(longer, 0, len);
	assert_int_equal(outbox_rec_decode(longer, len, &out, why, sizeof(why)),
	                 -1);
	free(longer);
	free(buf);
}

/* A valid checksum over a request of another kind is still refused. */
static void request_must_be_of_its_kind(void **state)
{
	uint8_t *buf;
	size_t len;
	outbox_rec out, bad;
	char why[128];

	(void)state;
	encode(CCTNS__V1__ENVELOPE__BODY_GET_FIR, &buf, &len);
	assert_int_equal(outbox_rec_decode(buf, len, &out, why, sizeof(why)),
	                 -1);
	assert_non_null(strstr(why, "kind"));
	free(buf);
	make_record(&bad, CCTNS__V1__ENVELOPE__BODY_REGISTER_FIR);
	memset(bad.request, 0xff, bad.request_len); /* not an Envelope */
	assert_int_equal(outbox_rec_encode(&bad, &buf, &len), 0);
	assert_int_equal(outbox_rec_decode(buf, len, &out, why, sizeof(why)),
	                 -1);
	free(buf);
	outbox_rec_free(&bad);
}

static void encode_refuses_out_of_range(void **state)
{
	outbox_rec r;
	uint8_t *buf = NULL;
	size_t len;

	(void)state;
	make_record(&r, CCTNS__V1__ENVELOPE__BODY_REGISTER_FIR);
	r.receipt[0] = '\0';
	assert_int_equal(outbox_rec_encode(&r, &buf, &len), -1);
	strcpy(r.receipt, "OFF\n1");
	assert_int_equal(outbox_rec_encode(&r, &buf, &len), -1);
	strcpy(r.receipt, "OFF-1");
	r.noun[0] = '\0';
	assert_int_equal(outbox_rec_encode(&r, &buf, &len), -1);
	strcpy(r.noun, "FIR");
	r.request_len = 0;
	assert_int_equal(outbox_rec_encode(&r, &buf, &len), -1);
	assert_null(buf);
	outbox_rec_free(&r);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
	        cmocka_unit_test(round_trip),
	        cmocka_unit_test(every_byte_corruption_is_detected),
	        cmocka_unit_test(every_truncation_is_detected),
	        cmocka_unit_test(request_must_be_of_its_kind),
	        cmocka_unit_test(encode_refuses_out_of_range),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
