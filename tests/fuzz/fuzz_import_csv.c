/* fuzz_import_csv.c (import, issue 7): arbitrary bytes as a CSV import file
 * (server/admin/import_csv.c's tokenizer, import_csvrec.c's columns and
 * rows, import_line.c's checks). An input starting with '!' has the rest
 * read after a fixed good header, so the fuzzer reaches the rows; any other
 * input is read whole, its first record the header. For any input: the
 * reader always moves forward and ends; each record or refusal lies inside
 * the input, on a line not before the previous one; the fields of a record
 * are valid UTF-8 without NUL; a refusal names a column of the record (or
 * none) in printable text; a refused row leaves the COPY streams as they
 * were, an accepted one adds whole rows with the staging tables' columns. */
#include <stddef.h>
#include <stdint.h>
#include <string.h>

#include "fuzz_import_rows.h"
#include "fuzz_util.h"
#include "import_csv.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

static const char header[] =
        "state,district,station,year,fir_no,registered_at,occurred_from,"
        "occurred_to,information_received_at,information_type,place_line1,"
        "place_line2,place_city,place_pincode,brief_facts,sections,"
        "complainant_name,complainant_relative_kind,complainant_relative_name,"
        "complainant_sex,complainant_age,complainant_birth_year,"
        "complainant_address,complainant_pincode,accused_1_name,accused_1_age,"
        "accused_2_name,accused_2_birth_year,victim_1_name,victim_1_sex,"
        "unknown_accused\n";

static void printable(const char *s, const char *what)
{
	FUZZ_ASSERT(*s, what);
	for (; *s; s++)
		FUZZ_ASSERT(*s >= 0x20 && *s <= 0x7e, what);
}

static void one_row(const struct imp_csv_head *h, const struct csv_reader *r,
                    struct imp_rows *rows)
{
	const char *raw = r->s + r->start;
	size_t n = r->end - r->start;
	size_t f = rows->fir.len, pe = rows->person.len, c = rows->charge.len;
	struct imp_reject rej;

	memset(&rej, 0, sizeof(rej));
	if (imp_csv_record(h, r, raw, n, r->first, rows, &rej) != 0) {
		FUZZ_ASSERT(rows->fir.len == f && rows->person.len == pe &&
		                    rows->charge.len == c,
		            "a refused row left rows behind");
		printable(rej.field, "refusal field");
		printable(rej.reason, "refusal reason");
		return;
	}
	FUZZ_ASSERT(rows->fir.len > f && rows->person.len > pe &&
	                    rows->charge.len > c,
	            "an accepted row without its rows");
	check_rows(&rows->fir, f, 17, "fir row");
	check_rows(&rows->person, pe, 10, "person row");
	check_rows(&rows->charge, c, 4, "section row");
	/* what the database may say of it, named in CSV columns */
	snprintf(rej.field, sizeof(rej.field), "persons[1].birth_year");
	snprintf(rej.reason, sizeof(rej.reason), "sections[0].act: x");
	imp_csv_rename(h, raw, n, &rej);
	printable(rej.field, "renamed field");
	printable(rej.reason, "renamed reason");
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct csv_reader r, hr;
	struct csv_error e;
	struct imp_csv_head *h = NULL;
	struct imp_rows rows;
	char why[200];
	size_t last_pos = 0;
	long long last_line = 1;
	int got, prefixed = size > 0 && data[0] == '!';

	memset(&rows, 0, sizeof(rows));
	if (prefixed) {
		csv_init(&hr, header, sizeof(header) - 1, IMP_LINE_MAX);
		FUZZ_ASSERT(csv_next(&hr, &e) == 1, "the fixed header");
		h = imp_csv_head_new(&hr, why, sizeof(why));
		FUZZ_ASSERT(h, "the fixed header's columns");
		csv_free(&hr);
		data++, size--;
	}
	/* a small record cap, so overlong records are reached too */
	csv_init(&r, (const char *)data, size, 4096);
	while ((got = csv_next(&r, &e)) != 0) {
		FUZZ_ASSERT(r.pos > last_pos && r.pos <= size, "no progress");
		FUZZ_ASSERT(r.start <= r.end && r.end <= size, "record span");
		FUZZ_ASSERT(r.first >= last_line && r.line >= r.first,
		            "line numbers");
		last_pos = r.pos;
		last_line = r.first;
		if (got < 0) {
			FUZZ_ASSERT(e.column <= CSV_FIELDS_MAX + 1,
			            "error column");
			printable(e.reason, "error reason");
			continue;
		}
		FUZZ_ASSERT(r.nfields >= 1 && r.nfields <= CSV_FIELDS_MAX,
		            "field count");
		for (size_t i = 0; i < r.nfields; i++) {
			size_t len;
			const char *f = csv_field(&r, i, &len);
			FUZZ_ASSERT(f[len] == '\0' && strlen(f) == len,
			            "field with a NUL");
			FUZZ_ASSERT(utf8_valid(f, len), "field not UTF-8");
		}
		if (!h) {
			h = imp_csv_head_new(&r, why, sizeof(why));
			if (!h) {
				printable(why, "header refusal");
				break;
			}
			continue;
		}
		one_row(h, &r, &rows);
	}
	csv_free(&r);
	imp_csv_head_free(h);
	imp_buf_free(&rows.fir);
	imp_buf_free(&rows.person);
	imp_buf_free(&rows.charge);
	return 0;
}
