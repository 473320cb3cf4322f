/* util.h: what every program does the same way. Running out of memory is
 * decided once, here: the x* allocators print one line and abort, so callers
 * never carry half-handled NULL checks. */
#ifndef CCTNS_UTIL_H
#define CCTNS_UTIL_H

#include <stddef.h>
#include <stdint.h>

void *xmalloc(size_t n) __attribute__((malloc, returns_nonnull));
void *xcalloc(size_t nmemb, size_t size)
        __attribute__((malloc, returns_nonnull));
void *xrealloc(void *p, size_t n) __attribute__((returns_nonnull));
char *xstrdup(const char *s) __attribute__((malloc, returns_nonnull));
char *xstrndup(const char *s, size_t n)
        __attribute__((malloc, returns_nonnull));

/* Is s[0..len) valid UTF-8 (no overlongs, no surrogates, <= U+10FFFF)? */
int utf8_valid(const char *s, size_t len);

/* Lower-case hex of n bytes into out (2n+1 bytes). */
void hex_encode(const uint8_t *in, size_t n, char *out);
/* Parse exactly 2n hex digits into out. Returns 0 or -1. */
int hex_decode(const char *in, uint8_t *out, size_t n)
        __attribute__((warn_unused_result));

/* Monotonic clock in microseconds. */
uint64_t now_us(void);

#define ARRAY_LEN(a) (sizeof(a) / sizeof((a)[0]))

#endif
