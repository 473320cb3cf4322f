/* fuzz_import_line.c (import, issue 7): arbitrary bytes as one line of a
 * legacy FIR import file (server/admin/import_line.c). The line is either
 * refused with a field and a reason and the COPY streams unchanged, or it
 * adds exactly one FIR row and whole person and section rows, each with the
 * staging table's number of columns, and nothing in them a NUL: the COPY
 * text that reaches the database is well formed for any input. */
#include <stddef.h>
#include <stdint.h>
#include <string.h>

#include "fuzz_import_rows.h"
#include "fuzz_util.h"
#include "import_line.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	static struct imp_parser *p;
	struct imp_rows rows;
	struct imp_reject rej;
	size_t f, pe, c;

	if (!p)
		p = imp_parser_new();
	memset(&rows, 0, sizeof(rows));
	/* A row already there must stay as it was. */
	imp_buf_put(&rows.fir, "x\n", 2);
	f = rows.fir.len, pe = rows.person.len, c = rows.charge.len;
	memset(&rej, 0, sizeof(rej));
	if (imp_parse_line(p, (const char *)data, size, 7, &rows, &rej) != 0) {
		FUZZ_ASSERT(rows.fir.len == f && rows.person.len == pe &&
		                    rows.charge.len == c,
		            "a refused line left rows behind");
		FUZZ_ASSERT(rej.field[0] && rej.reason[0],
		            "a refusal without field or reason");
		for (const char *q = rej.field; *q; q++)
			FUZZ_ASSERT(*q >= 0x20 && *q <= 0x7e,
			            "field not printable");
		for (const char *q = rej.reason; *q; q++)
			FUZZ_ASSERT(*q >= 0x20 && *q <= 0x7e,
			            "reason not printable");
	} else {
		FUZZ_ASSERT(rows.fir.len > f && rows.person.len > pe &&
		                    rows.charge.len > c,
		            "an accepted line without its rows");
		check_rows(&rows.fir, f, 17, "fir row");
		check_rows(&rows.person, pe, 10, "person row");
		check_rows(&rows.charge, c, 4, "section row");
	}
	imp_buf_free(&rows.fir);
	imp_buf_free(&rows.person);
	imp_buf_free(&rows.charge);
	return 0;
}
