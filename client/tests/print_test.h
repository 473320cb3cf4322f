/* print_test.h: what the printout tests share: capturing what a printer
 * writes into a string, and asserting that strings occur in a text in
 * order. Include after <cmocka.h>. */
#ifndef CCTNS_CLIENT_TESTS_PRINT_TEST_H
#define CCTNS_CLIENT_TESTS_PRINT_TEST_H

#include <stdio.h>
#include <string.h>

/* Run a printer into a memory stream; capture_end returns the text
 * (caller frees). */
typedef struct capture_buf {
	FILE *f;
	char *buf;
	size_t len;
} capture_buf;

static inline FILE *capture_begin(capture_buf *c)
{
	c->buf = NULL;
	c->len = 0;
	c->f = open_memstream(&c->buf, &c->len);
	assert_non_null(c->f);
	return c->f;
}

static inline char *capture_end(capture_buf *c)
{
	fclose(c->f);
	return c->buf;
}

/* Every string of want occurs in text, in this order. */
static inline void assert_in_order(const char *text, const char *const *want,
                                   size_t n)
{
	const char *at = text;

	for (size_t i = 0; i < n; i++) {
		const char *hit = strstr(at, want[i]);

		if (!hit)
			fail_msg("missing or out of order: \"%s\" in\n%s",
			         want[i], text);
		at = hit + strlen(want[i]);
	}
}

#define ASSERT_IN_ORDER(text, want)                                            \
	assert_in_order(text, want, sizeof(want) / sizeof(want[0]))

#endif
