/* fuzz_import_rows.h: the check the two import fuzz targets (JSON lines and
 * CSV) make of the COPY text they produce. */
#ifndef CCTNS_FUZZ_IMPORT_ROWS_H
#define CCTNS_FUZZ_IMPORT_ROWS_H

#include <string.h>

#include "fuzz_util.h"
#include "import_line.h"

/* Every row of b[from..) ends in a newline and has cols columns. */
static inline void check_rows(const struct imp_buf *b, size_t from, int cols,
                              const char *what)
{
	int tabs = 0;

	FUZZ_ASSERT(b->len == from || b->p[b->len - 1] == '\n', what);
	FUZZ_ASSERT(b->len == from || !memchr(b->p + from, '\0', b->len - from),
	            what);
	for (size_t i = from; i < b->len; i++) {
		if (b->p[i] == '\t') {
			tabs++;
		} else if (b->p[i] == '\n') {
			FUZZ_ASSERT(tabs == cols - 1, what);
			tabs = 0;
		}
	}
}

#endif
