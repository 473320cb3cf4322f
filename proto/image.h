/* image.h: what a photograph is, read from its own bytes: JPEG or PNG by
 * the file's magic, and its width and height from the header (PNG: the
 * IHDR chunk, with its CRC; JPEG: the first SOFn frame header before the
 * scan). A pure function over a byte buffer, so the terminal, the server's
 * request checks and the fuzzer share it. It reads headers only: an image
 * whose header is sound but whose pixels are damaged passes. */
#ifndef CCTNS_IMAGE_H
#define CCTNS_IMAGE_H

#include <stddef.h>
#include <stdint.h>

/* What a person's photograph may be (AddPersonPhoto): checked by the
 * terminal and the server, and again by the database. */
#define PHOTO_MAX_BYTES (512u * 1024u)
#define PHOTO_MIN_PX    64u
#define PHOTO_MAX_PX    8000u

typedef enum image_kind {
	IMAGE_UNKNOWN = 0,
	IMAGE_PNG,
	IMAGE_JPEG,
} image_kind;

typedef struct image_info {
	image_kind kind;
	uint32_t width;
	uint32_t height;
} image_info;

/* Read the kind and dimensions of the image in p[0..len). Returns 0 with
 * info filled (width and height not 0), or -1 with *why (a static
 * sentence for a person, e.g. "is neither a JPEG nor a PNG image") and
 * info->kind set when the magic was recognised. */
int image_probe(const uint8_t *p, size_t len, image_info *info,
                const char **why) __attribute__((warn_unused_result));

/* "image/png", "image/jpeg"; NULL for IMAGE_UNKNOWN. */
const char *image_mime(image_kind kind);

/* The kind a MIME type names ("image/jpeg", "image/png"), or
 * IMAGE_UNKNOWN. */
image_kind image_kind_of_mime(const char *mime);

#endif
