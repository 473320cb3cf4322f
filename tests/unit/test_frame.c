/* test_frame.c: the frame length prefix (proto/frame.h): partial input,
 * several frames in one buffer, the cap checked on the header alone, zero
 * length and the boundaries. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>

#include "frame.h"

/* Append a frame with a body of n bytes, each byte = fill. */
static size_t put_frame(uint8_t *buf, uint32_t n, uint8_t fill)
{
	frame_put_header(buf, n);
	memset(buf + FRAME_HEADER_LEN, fill, n);
	return FRAME_HEADER_LEN + n;
}

static void header_is_big_endian(void **state)
{
	uint8_t h[4];
	uint32_t len = 0;

	(void)state;
	frame_put_header(h, 0x01020304u);
	assert_int_equal(h[0], 1);
	assert_int_equal(h[1], 2);
	assert_int_equal(h[2], 3);
	assert_int_equal(h[3], 4);
	assert_int_equal(frame_peek(h, 4, FRAME_ABSOLUTE_MAX, &len),
	                 FRAME_NEED_MORE);
	assert_int_equal(len, 0x01020304u);
}

static void needs_more_until_header_complete(void **state)
{
	uint8_t buf[16];
	uint32_t len = 12345;

	(void)state;
	put_frame(buf, 3, 'x');
	for (size_t i = 0; i < FRAME_HEADER_LEN; i++)
		assert_int_equal(frame_peek(buf, i, 100, &len),
		                 FRAME_NEED_MORE);
	assert_int_equal(len, 12345); /* untouched without a header */
}

static void frame_split_across_reads_fed_byte_by_byte(void **state)
{
	uint8_t buf[64];
	size_t total = put_frame(buf, 20, 'a');
	uint32_t len = 0;

	(void)state;
	for (size_t avail = 0; avail < total; avail++)
		assert_int_equal(frame_peek(buf, avail, 100, &len),
		                 FRAME_NEED_MORE);
	assert_int_equal(frame_peek(buf, total, 100, &len), FRAME_READY);
	assert_int_equal(len, 20);
}

static void many_frames_in_one_buffer_come_out_in_order(void **state)
{
	uint8_t buf[1024];
	size_t n = 0, off = 0;
	uint32_t len;
	int seen = 0;

	(void)state;
	for (uint8_t i = 1; i <= 10; i++)
		n += put_frame(buf + n, i * 3u, i);
	while (frame_peek(buf + off, n - off, 100, &len) == FRAME_READY) {
		seen++;
		assert_int_equal(len, seen * 3);
		assert_int_equal(buf[off + FRAME_HEADER_LEN], seen);
		off += FRAME_HEADER_LEN + len;
	}
	assert_int_equal(seen, 10);
	assert_int_equal(off, n);
}

static void rejects_frame_over_cap_before_body_arrives(void **state)
{
	uint8_t h[4];
	uint32_t len = 0;

	(void)state;
	frame_put_header(h, 1025);
	assert_int_equal(frame_peek(h, 4, 1024, &len), FRAME_ERR_OVERSIZE);
	assert_int_equal(len, 1025);
}

static void rejects_zero_length_frame(void **state)
{
	uint8_t h[4] = {0, 0, 0, 0};
	uint32_t len = 99;

	(void)state;
	assert_int_equal(frame_peek(h, 4, 1024, &len), FRAME_ERR_ZERO);
	assert_string_equal(frame_status_str(FRAME_ERR_ZERO), "frame length 0");
}

static void accepts_frame_exactly_at_cap(void **state)
{
	uint32_t cap = 4096, len = 0;
	uint8_t *buf = malloc(FRAME_HEADER_LEN + cap);

	(void)state;
	put_frame(buf, cap, 'z');
	assert_int_equal(frame_peek(buf, FRAME_HEADER_LEN + cap - 1, cap, &len),
	                 FRAME_NEED_MORE);
	assert_int_equal(frame_peek(buf, FRAME_HEADER_LEN + cap, cap, &len),
	                 FRAME_READY);
	assert_int_equal(len, cap);
	free(buf);
}

static void one_byte_frame_is_valid(void **state)
{
	uint8_t buf[5];
	uint32_t len = 0;

	(void)state;
	put_frame(buf, 1, 'q');
	assert_int_equal(frame_peek(buf, 5, 1, &len), FRAME_READY);
	assert_int_equal(len, 1);
}

static void cap_never_exceeds_absolute_max(void **state)
{
	uint8_t h[4];
	uint32_t len;

	(void)state;
	frame_put_header(h, FRAME_ABSOLUTE_MAX);
	assert_int_equal(frame_peek(h, 4, UINT32_MAX, &len), FRAME_NEED_MORE);
	frame_put_header(h, FRAME_ABSOLUTE_MAX + 1);
	assert_int_equal(frame_peek(h, 4, UINT32_MAX, &len),
	                 FRAME_ERR_OVERSIZE);
	frame_put_header(h, UINT32_MAX);
	assert_int_equal(frame_peek(h, 4, FRAME_DEFAULT_MAX, &len),
	                 FRAME_ERR_OVERSIZE);
}

static void body_len_pointer_may_be_null(void **state)
{
	uint8_t buf[8];

	(void)state;
	put_frame(buf, 2, 0);
	assert_int_equal(frame_peek(buf, 6, 10, NULL), FRAME_READY);
}

static void every_status_has_text(void **state)
{
	(void)state;
	assert_non_null(frame_status_str(FRAME_READY));
	assert_non_null(frame_status_str(FRAME_NEED_MORE));
	assert_non_null(strstr(frame_status_str(FRAME_ERR_OVERSIZE), "cap"));
}

int main(void)
{
	const struct CMUnitTest tests[] = {
	        cmocka_unit_test(header_is_big_endian),
	        cmocka_unit_test(needs_more_until_header_complete),
	        cmocka_unit_test(frame_split_across_reads_fed_byte_by_byte),
	        cmocka_unit_test(many_frames_in_one_buffer_come_out_in_order),
	        cmocka_unit_test(rejects_frame_over_cap_before_body_arrives),
	        cmocka_unit_test(rejects_zero_length_frame),
	        cmocka_unit_test(accepts_frame_exactly_at_cap),
	        cmocka_unit_test(one_byte_frame_is_valid),
	        cmocka_unit_test(cap_never_exceeds_absolute_max),
	        cmocka_unit_test(body_len_pointer_may_be_null),
	        cmocka_unit_test(every_status_has_text),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
