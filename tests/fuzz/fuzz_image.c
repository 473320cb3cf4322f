/* fuzz_image.c: arbitrary bytes as a photograph: image_probe either
 * refuses them with a reason, or names a kind whose magic the bytes start
 * with and a width and height that are not 0. It reads headers only, so
 * the answer is the same with a byte appended, and the same twice. */
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "fuzz_util.h"
#include "image.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

static void check_success(const uint8_t *data, size_t size,
                          const image_info *info)
{
	FUZZ_ASSERT(info->width > 0 && info->height > 0, "zero dimension");
	FUZZ_ASSERT(image_mime(info->kind) != NULL, "kind without mime");
	FUZZ_ASSERT(image_kind_of_mime(image_mime(info->kind)) == info->kind,
	            "mime round trip");
	if (info->kind == IMAGE_PNG)
		FUZZ_ASSERT(size >= 33 && data[0] == 0x89 && data[1] == 'P',
		            "PNG without its magic and header");
	else
		FUZZ_ASSERT(size >= 3 && data[0] == 0xff && data[1] == 0xd8,
		            "JPEG without its magic");
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	image_info a, b, c;
	const char *why_a = NULL, *why_b = NULL;
	uint8_t *longer = xmalloc(size + 1);
	int rc_a = image_probe(data, size, &a, &why_a);
	int rc_b = image_probe(data, size, &b, &why_b);

	FUZZ_ASSERT(rc_a == 0 || rc_a == -1, "result");
	FUZZ_ASSERT(rc_a == rc_b && memcmp(&a, &b, sizeof(a)) == 0,
	            "same input, same answer");
	if (rc_a == 0) {
		check_success(data, size, &a);
		if (size)
			memcpy(longer, data, size);
		longer[size] = 0xab;
		FUZZ_ASSERT(image_probe(longer, size + 1, &c, &why_b) == 0 &&
		                    memcmp(&a, &c, sizeof(a)) == 0,
		            "a byte appended changed the answer");
	} else {
		FUZZ_ASSERT(why_a != NULL && *why_a, "refused without reason");
	}
	free(longer);
	return 0;
}
