/* image.c: the kind and dimensions of a JPEG or PNG image from its header
 * (see image.h). Every read is bounds-checked against len; nothing is
 * allocated. */
#include "image.h"

#include <string.h>

#include "util.h"

static const uint8_t png_magic[8] = {0x89, 'P',  'N',  'G',
                                     0x0d, 0x0a, 0x1a, 0x0a};

#define PNG_IHDR_LEN 13u
#define PNG_HEAD_LEN (8u + 4u + 4u + PNG_IHDR_LEN + 4u) /* magic, IHDR */

static uint32_t be32(const uint8_t *p)
{
	return (uint32_t)p[0] << 24 | (uint32_t)p[1] << 16 |
	       (uint32_t)p[2] << 8 | p[3];
}

static uint32_t be16(const uint8_t *p)
{
	return (uint32_t)p[0] << 8 | p[1];
}

/* CRC-32 (ISO 3309, as PNG uses it), bit by bit: 17 bytes per image. */
static uint32_t crc32_of(const uint8_t *p, size_t n)
{
	uint32_t c = 0xffffffffu;

	for (size_t i = 0; i < n; i++) {
		c ^= p[i];
		for (int k = 0; k < 8; k++)
			c = (c >> 1) ^ (0xedb88320u & (0u - (c & 1u)));
	}
	return c ^ 0xffffffffu;
}

/* Bit depths each PNG colour type allows, as a bit set of depths. */
static int png_depth_ok(uint8_t colour, uint8_t depth)
{
	static const struct {
		uint8_t colour;
		unsigned depths; /* bit d set: depth d allowed */
	} allowed[] = {
	        {0, 1u << 1 | 1u << 2 | 1u << 4 | 1u << 8 | 1u << 16},
	        {2, 1u << 8 | 1u << 16},
	        {3, 1u << 1 | 1u << 2 | 1u << 4 | 1u << 8},
	        {4, 1u << 8 | 1u << 16},
	        {6, 1u << 8 | 1u << 16},
	};

	for (size_t i = 0; i < ARRAY_LEN(allowed); i++) {
		if (allowed[i].colour == colour)
			return depth <= 16 && (allowed[i].depths >> depth & 1u);
	}
	return 0;
}

static int png_probe(const uint8_t *p, size_t len, image_info *info,
                     const char **why)
{
	const uint8_t *ihdr = p + 16; /* after magic, length and type */

	if (len < PNG_HEAD_LEN || be32(p + 8) != PNG_IHDR_LEN ||
	    memcmp(p + 12, "IHDR", 4) != 0) {
		*why = "is a damaged PNG image: its header (IHDR) is missing "
		       "or cut short";
		return -1;
	}
	if (crc32_of(p + 12, 4 + PNG_IHDR_LEN) != be32(ihdr + PNG_IHDR_LEN)) {
		*why = "is a damaged PNG image: the checksum of its header "
		       "does not match";
		return -1;
	}
	if (!png_depth_ok(ihdr[9], ihdr[8]) || ihdr[10] != 0 || ihdr[11] != 0 ||
	    ihdr[12] > 1) {
		*why = "is a damaged PNG image: its header names an "
		       "impossible bit depth, colour type or method";
		return -1;
	}
	info->width = be32(ihdr);
	info->height = be32(ihdr + 4);
	if (info->width == 0 || info->height == 0 ||
	    info->width > 0x7fffffffu || info->height > 0x7fffffffu) {
		*why = "is a damaged PNG image: its header gives a width or "
		       "height of 0 or beyond 2^31";
		return -1;
	}
	return 0;
}

/* Start Of Frame markers: C0..CF except DHT (C4), JPG (C8), DAC (CC). */
static int jpeg_is_sof(uint8_t m)
{
	return m >= 0xc0 && m <= 0xcf && m != 0xc4 && m != 0xc8 && m != 0xcc;
}

/* Markers without a length: TEM, RST0..RST7. */
static int jpeg_standalone(uint8_t m)
{
	return m == 0x01 || (m >= 0xd0 && m <= 0xd7);
}

static int jpeg_frame(const uint8_t *seg, uint32_t seglen, image_info *info,
                      const char **why)
{
	/* Lf, P, Y, X, Nf, then 3 bytes per component. */
	if (seglen < 8 || seg[7] == 0 || seg[7] > 4 ||
	    seglen != 8u + 3u * seg[7]) {
		*why = "is a damaged JPEG image: its frame header is malformed";
		return -1;
	}
	info->height = be16(seg + 3);
	info->width = be16(seg + 5);
	if (info->height == 0 || info->width == 0) {
		*why = "is a JPEG image whose frame header gives no width or "
		       "height (height defined later is not supported)";
		return -1;
	}
	return 0;
}

static int jpeg_probe(const uint8_t *p, size_t len, image_info *info,
                      const char **why)
{
	size_t pos = 2; /* after SOI */

	for (;;) {
		uint8_t m;
		uint32_t seglen;

		if (pos >= len || p[pos] != 0xff)
			break;
		while (pos < len && p[pos] == 0xff) /* fill bytes */
			pos++;
		if (pos >= len)
			break;
		m = p[pos++];
		if (jpeg_standalone(m))
			continue;
		if (m == 0xda || m == 0xd9 || m == 0xd8 || m == 0x00) {
			*why = "is a damaged JPEG image: no frame header "
			       "before its image data";
			return -1;
		}
		if (len - pos < 2 || (seglen = be16(p + pos)) < 2 ||
		    len - pos < seglen)
			break;
		if (jpeg_is_sof(m))
			return jpeg_frame(p + pos, seglen, info, why);
		pos += seglen;
	}
	*why = "is a damaged JPEG image: it is cut short or a marker is "
	       "missing before its frame header";
	return -1;
}

int image_probe(const uint8_t *p, size_t len, image_info *info,
                const char **why)
{
	memset(info, 0, sizeof(*info));
	if (!p || len == 0) {
		*why = "is empty";
		return -1;
	}
	if (len >= sizeof(png_magic) &&
	    memcmp(p, png_magic, sizeof(png_magic)) == 0) {
		info->kind = IMAGE_PNG;
		return png_probe(p, len, info, why);
	}
	if (len >= 3 && p[0] == 0xff && p[1] == 0xd8 && p[2] == 0xff) {
		info->kind = IMAGE_JPEG;
		return jpeg_probe(p, len, info, why);
	}
	*why = "is neither a JPEG nor a PNG image";
	return -1;
}

static const struct {
	image_kind kind;
	const char *mime;
} mimes[] = {
        {IMAGE_PNG, "image/png"},
        {IMAGE_JPEG, "image/jpeg"},
};

const char *image_mime(image_kind kind)
{
	for (size_t i = 0; i < ARRAY_LEN(mimes); i++) {
		if (mimes[i].kind == kind)
			return mimes[i].mime;
	}
	return NULL;
}

image_kind image_kind_of_mime(const char *mime)
{
	for (size_t i = 0; mime && i < ARRAY_LEN(mimes); i++) {
		if (strcmp(mimes[i].mime, mime) == 0)
			return mimes[i].kind;
	}
	return IMAGE_UNKNOWN;
}
