/* image_fixtures.h: small JPEG and PNG headers built byte by byte for the
 * tests of the image header reader (test_image.c) and of the photo request
 * checks (test_envelope_persons.c). The checksum here is computed with a
 * table, independently of proto/image.c. */
#ifndef CCTNS_TEST_IMAGE_FIXTURES_H
#define CCTNS_TEST_IMAGE_FIXTURES_H

#include <stddef.h>
#include <stdint.h>
#include <string.h>

typedef struct fx_image {
	uint8_t b[256];
	size_t len;
} fx_image;

static inline void fx_put(fx_image *im, const void *p, size_t n)
{
	memcpy(im->b + im->len, p, n);
	im->len += n;
}

static inline void fx_put32(fx_image *im, uint32_t v)
{
	const uint8_t b[4] = {(uint8_t)(v >> 24), (uint8_t)(v >> 16),
	                      (uint8_t)(v >> 8), (uint8_t)v};
	fx_put(im, b, 4);
}

static inline void fx_put16(fx_image *im, uint32_t v)
{
	const uint8_t b[2] = {(uint8_t)(v >> 8), (uint8_t)v};
	fx_put(im, b, 2);
}

static inline uint32_t fx_crc32(const uint8_t *p, size_t n)
{
	static uint32_t table[256];
	uint32_t c;

	if (!table[1]) {
		for (uint32_t i = 0; i < 256; i++) {
			c = i;
			for (int k = 0; k < 8; k++)
				c = c & 1 ? 0xedb88320u ^ (c >> 1) : c >> 1;
			table[i] = c;
		}
	}
	c = 0xffffffffu;
	for (size_t i = 0; i < n; i++)
		c = table[(c ^ p[i]) & 0xff] ^ (c >> 8);
	return c ^ 0xffffffffu;
}

/* PNG magic, IHDR (w x h, depth, colour type), then IEND. */
static inline fx_image fx_png(uint32_t w, uint32_t h, uint8_t depth,
                              uint8_t colour)
{
	static const uint8_t magic[8] = {0x89, 'P',  'N',  'G',
	                                 0x0d, 0x0a, 0x1a, 0x0a};
	static const uint8_t iend[12] = {0,   0,   0,    0,    'I',  'E',
	                                 'N', 'D', 0xae, 0x42, 0x60, 0x82};
	fx_image im = {{0}, 0};
	size_t type_at;
	const uint8_t tail[5] = {depth, colour, 0, 0, 0};

	fx_put(&im, magic, 8);
	fx_put32(&im, 13);
	type_at = im.len;
	fx_put(&im, "IHDR", 4);
	fx_put32(&im, w);
	fx_put32(&im, h);
	fx_put(&im, tail, 5);
	fx_put32(&im, fx_crc32(im.b + type_at, 17));
	fx_put(&im, iend, 12);
	return im;
}

/* SOI, APP0 (JFIF), a DQT-like filler segment, then the frame header
 * SOFn (marker sof: 0xc0 baseline, 0xc2 progressive) of w x h with 3
 * components, a DHT, SOS and a few bytes of scan data, EOI. */
static inline fx_image fx_jpeg(uint32_t w, uint32_t h, uint8_t sof)
{
	static const uint8_t soi[2] = {0xff, 0xd8};
	static const uint8_t app0[18] = {0xff, 0xe0, 0x00, 0x10, 'J',  'F',
	                                 'I',  'F',  0x00, 0x01, 0x01, 0x00,
	                                 0x00, 0x01, 0x00, 0x01, 0x00, 0x00};
	static const uint8_t dqt[8] = {0xff, 0xdb, 0x00, 0x06,
	                               0x00, 0x01, 0x02, 0x03};
	static const uint8_t comps[9] = {1, 0x22, 0, 2, 0x11, 1, 3, 0x11, 1};
	static const uint8_t dht[8] = {0xff, 0xc4, 0x00, 0x06,
	                               0x00, 0x00, 0x00, 0x00};
	static const uint8_t sos[14] = {0xff, 0xda, 0x00, 0x0c, 3, 1,  0,
	                                2,    0x11, 3,    0x11, 0, 63, 0};
	static const uint8_t scan[6] = {0x12, 0xff, 0x00, 0x34, 0xff, 0xd9};
	fx_image im = {{0}, 0};
	const uint8_t head[3] = {0xff, sof, 0};

	fx_put(&im, soi, 2);
	fx_put(&im, app0, sizeof(app0));
	fx_put(&im, dqt, sizeof(dqt));
	fx_put(&im, head, 2);
	fx_put16(&im, 17); /* 8 + 3 * 3 */
	fx_put(&im, "\x08", 1);
	fx_put16(&im, h);
	fx_put16(&im, w);
	fx_put(&im, "\x03", 1);
	fx_put(&im, comps, sizeof(comps));
	fx_put(&im, dht, sizeof(dht));
	fx_put(&im, sos, sizeof(sos));
	fx_put(&im, scan, sizeof(scan));
	return im;
}

#endif
