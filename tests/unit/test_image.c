/* test_image.c: the JPEG / PNG header reader (proto/image.h): kinds and
 * dimensions of sound headers, and a refusal with a reason for everything
 * else: other formats, headers cut short at every length, bad checksums,
 * impossible fields, a scan before the frame header. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <string.h>

#include <cmocka.h>

#include "image.h"
#include "image_fixtures.h"

static void expect_image(const fx_image *im, image_kind kind, uint32_t w,
                         uint32_t h)
{
	image_info info;
	const char *why = NULL;

	if (image_probe(im->b, im->len, &info, &why) != 0)
		fail_msg("refused: %s", why);
	assert_int_equal(info.kind, kind);
	assert_int_equal(info.width, w);
	assert_int_equal(info.height, h);
}

/* Refused, with a reason containing part. */
static void expect_refused(const uint8_t *p, size_t len, const char *part)
{
	image_info info;
	const char *why = NULL;

	assert_int_equal(image_probe(p, len, &info, &why), -1);
	assert_non_null(why);
	if (part && !strstr(why, part))
		fail_msg("reason \"%s\" lacks \"%s\"", why, part);
}

static void reads_png_width_and_height(void **state)
{
	static const struct {
		uint32_t w, h;
		uint8_t depth, colour;
	} ok[] = {
	        {64, 64, 8, 2},        {640, 480, 8, 6}, {1, 1, 1, 0},
	        {8000, 64, 16, 0},     {300, 400, 4, 3}, {70, 90, 16, 4},
	        {0x7fffffff, 2, 8, 2},
	};

	(void)state;
	for (size_t i = 0; i < sizeof(ok) / sizeof(ok[0]); i++) {
		fx_image im =
		        fx_png(ok[i].w, ok[i].h, ok[i].depth, ok[i].colour);
		expect_image(&im, IMAGE_PNG, ok[i].w, ok[i].h);
	}
}

static void reads_jpeg_baseline_and_progressive_frames(void **state)
{
	fx_image base = fx_jpeg(200, 250, 0xc0);
	fx_image prog = fx_jpeg(4000, 3000, 0xc2);
	fx_image ext = fx_jpeg(65535, 1, 0xc1);

	(void)state;
	expect_image(&base, IMAGE_JPEG, 200, 250);
	expect_image(&prog, IMAGE_JPEG, 4000, 3000);
	expect_image(&ext, IMAGE_JPEG, 65535, 1);
}

/* Fill bytes before a marker and a restart marker (no length) are
 * skipped. */
static void jpeg_fill_bytes_and_standalone_markers_are_skipped(void **state)
{
	fx_image im = fx_jpeg(100, 120, 0xc0), out = {{0}, 0};

	(void)state;
	fx_put(&out, im.b, 2);                       /* SOI */
	fx_put(&out, "\xff\xff\xff\xd3\xff\x01", 6); /* fill, RST3, TEM */
	fx_put(&out, im.b + 2, im.len - 2);
	expect_image(&out, IMAGE_JPEG, 100, 120);
}

/* A Huffman table (C4) before the frame is a segment, not a frame. */
static void jpeg_huffman_table_is_not_a_frame_header(void **state)
{
	fx_image im = fx_jpeg(100, 120, 0xc0), out = {{0}, 0};

	(void)state;
	fx_put(&out, im.b, 2);
	fx_put(&out, "\xff\xc4\x00\x06\x00\x10\x00\x10", 8);
	fx_put(&out, im.b + 2, im.len - 2);
	expect_image(&out, IMAGE_JPEG, 100, 120);
}

static void refuses_other_formats_and_empty_input(void **state)
{
	static const struct {
		const char *bytes;
		size_t len;
	} bad[] = {
	        {"GIF89a\x40\x00\x40\x00", 10},
	        {"BM\x36\x00\x0c\x00\x00\x00", 8},
	        {"%PDF-1.7\n", 9},
	        {"\xff\xd8", 2},        /* SOI alone: not even the magic */
	        {"\x89PNG\r\n\x1a", 7}, /* 7 of 8 magic bytes */
	        {"hello, world", 12},
	};

	(void)state;
	expect_refused(NULL, 0, "empty");
	expect_refused((const uint8_t *)"", 0, "empty");
	for (size_t i = 0; i < sizeof(bad) / sizeof(bad[0]); i++)
		expect_refused((const uint8_t *)bad[i].bytes, bad[i].len,
		               "neither a JPEG nor a PNG");
}

static void refuses_png_cut_short_at_every_length(void **state)
{
	fx_image im = fx_png(64, 64, 8, 2);

	(void)state;
	for (size_t n = 8; n < 33; n++)
		expect_refused(im.b, n, "PNG");
}

static void refuses_png_with_a_bad_header_checksum(void **state)
{
	fx_image im = fx_png(64, 64, 8, 2);

	(void)state;
	im.b[19] ^= 0x01; /* width changed, checksum not */
	expect_refused(im.b, im.len, "checksum");
}

/* Rewrite the IHDR checksum after changing a field. */
static void png_fix_crc(fx_image *im)
{
	uint32_t c = fx_crc32(im->b + 12, 17);

	im->b[29] = (uint8_t)(c >> 24);
	im->b[30] = (uint8_t)(c >> 16);
	im->b[31] = (uint8_t)(c >> 8);
	im->b[32] = (uint8_t)c;
}

static void refuses_png_with_impossible_header_fields(void **state)
{
	static const struct {
		uint32_t w, h;
		uint8_t depth, colour;
	} bad[] = {
	        {0, 64, 8, 2},           {64, 0, 8, 2},  {64, 64, 3, 0},
	        {64, 64, 16, 3},         {64, 64, 8, 5}, {64, 64, 1, 2},
	        {0x80000000u, 64, 8, 2},
	};

	(void)state;
	for (size_t i = 0; i < sizeof(bad) / sizeof(bad[0]); i++) {
		fx_image im =
		        fx_png(bad[i].w, bad[i].h, bad[i].depth, bad[i].colour);
		expect_refused(im.b, im.len, "PNG");
	}
}

static void refuses_png_with_unknown_methods(void **state)
{
	for (int at = 26; at <= 28; at++) {
		fx_image im = fx_png(64, 64, 8, 2);

		im.b[at] = 2; /* compression, filter, interlace */
		png_fix_crc(&im);
		expect_refused(im.b, im.len, "method");
	}
	(void)state;
}

static void refuses_png_whose_first_chunk_is_not_ihdr(void **state)
{
	fx_image im = fx_png(64, 64, 8, 2);

	(void)state;
	memcpy(im.b + 12, "IDAT", 4);
	png_fix_crc(&im);
	expect_refused(im.b, im.len, "IHDR");
	im = fx_png(64, 64, 8, 2);
	im.b[11] = 14; /* IHDR length */
	expect_refused(im.b, im.len, "IHDR");
}

/* The frame header ends at byte 2 + 18 + 8 + 19 = 47. */
static void refuses_jpeg_cut_short_before_its_frame_header(void **state)
{
	fx_image im = fx_jpeg(200, 250, 0xc0);

	(void)state;
	for (size_t n = 3; n < 47; n++)
		expect_refused(im.b, n, "JPEG");
}

static void refuses_jpeg_with_scan_or_end_before_frame(void **state)
{
	static const char *const before[] = {"\xff\xda", "\xff\xd9",
	                                     "\xff\xd8"};
	fx_image im = fx_jpeg(200, 250, 0xc0);

	(void)state;
	for (size_t i = 0; i < 3; i++) {
		fx_image out = {{0}, 0};
		fx_put(&out, im.b, 2);
		fx_put(&out, before[i], 2);
		fx_put(&out, im.b + 2, im.len - 2);
		expect_refused(out.b, out.len, "no frame header");
	}
}

static void refuses_jpeg_frame_without_height_or_width(void **state)
{
	fx_image h0 = fx_jpeg(200, 0, 0xc0), w0 = fx_jpeg(0, 250, 0xc0);

	(void)state;
	expect_refused(h0.b, h0.len, "no width or height");
	expect_refused(w0.b, w0.len, "no width or height");
}

static void refuses_jpeg_with_bad_segment_lengths(void **state)
{
	fx_image im = fx_jpeg(200, 250, 0xc0);

	(void)state;
	im.b[4] = 0x00; /* APP0 length 1 */
	im.b[5] = 0x01;
	expect_refused(im.b, im.len, "JPEG");
	im = fx_jpeg(200, 250, 0xc0);
	im.b[4] = 0x7f; /* APP0 running past the end */
	expect_refused(im.b, im.len, "JPEG");
	im = fx_jpeg(200, 250, 0xc0);
	im.b[31] = 18; /* frame header length not 8 + 3 * components */
	expect_refused(im.b, im.len, "frame header is malformed");
	im = fx_jpeg(200, 250, 0xc0);
	im.b[37] = 0; /* no components */
	expect_refused(im.b, im.len, "frame header is malformed");
	im = fx_jpeg(200, 250, 0xc0);
	im.b[20] = 0x12; /* a byte where a marker must be */
	expect_refused(im.b, im.len, "marker");
}

static void mime_types_name_the_kinds(void **state)
{
	(void)state;
	assert_string_equal(image_mime(IMAGE_PNG), "image/png");
	assert_string_equal(image_mime(IMAGE_JPEG), "image/jpeg");
	assert_null(image_mime(IMAGE_UNKNOWN));
	assert_int_equal(image_kind_of_mime("image/jpeg"), IMAGE_JPEG);
	assert_int_equal(image_kind_of_mime("image/png"), IMAGE_PNG);
	assert_int_equal(image_kind_of_mime("image/jpg"), IMAGE_UNKNOWN);
	assert_int_equal(image_kind_of_mime("IMAGE/PNG"), IMAGE_UNKNOWN);
	assert_int_equal(image_kind_of_mime(NULL), IMAGE_UNKNOWN);
}

int main(void)
{
	static const struct CMUnitTest tests[] = {
	        cmocka_unit_test(reads_png_width_and_height),
	        cmocka_unit_test(reads_jpeg_baseline_and_progressive_frames),
	        cmocka_unit_test(
	                jpeg_fill_bytes_and_standalone_markers_are_skipped),
	        cmocka_unit_test(jpeg_huffman_table_is_not_a_frame_header),
	        cmocka_unit_test(refuses_other_formats_and_empty_input),
	        cmocka_unit_test(refuses_png_cut_short_at_every_length),
	        cmocka_unit_test(refuses_png_with_a_bad_header_checksum),
	        cmocka_unit_test(refuses_png_with_impossible_header_fields),
	        cmocka_unit_test(refuses_png_with_unknown_methods),
	        cmocka_unit_test(refuses_png_whose_first_chunk_is_not_ihdr),
	        cmocka_unit_test(
	                refuses_jpeg_cut_short_before_its_frame_header),
	        cmocka_unit_test(refuses_jpeg_with_scan_or_end_before_frame),
	        cmocka_unit_test(refuses_jpeg_frame_without_height_or_width),
	        cmocka_unit_test(refuses_jpeg_with_bad_segment_lengths),
	        cmocka_unit_test(mime_types_name_the_kinds),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
