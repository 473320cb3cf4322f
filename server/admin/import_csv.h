/* import_csv.h (issue 7): the CSV form of a legacy FIR import file
 * (docs/IMPORT.md, "The file as CSV"). Two layers, both pure (no database,
 * no I/O), so they are unit-tested and fuzzed alone:
 *  - csv_reader: an RFC 4180 tokenizer over a file in memory (header row,
 *    comma, double quotes with "" escaping, quoted fields holding commas and
 *    newlines, UTF-8, optional BOM, CRLF or LF), one record at a time, with
 *    errors naming the line and column and recovery at the next line;
 *  - imp_csv_head / imp_csv_record: the header's columns and one row turned
 *    into the same JSON record the JSON-lines path checks (import_line.c's
 *    imp_parse_object), so there is one validator for both formats. */
#ifndef CCTNS_ADMIN_IMPORT_CSV_H
#define CCTNS_ADMIN_IMPORT_CSV_H

#include <stddef.h>

#include "import_line.h"

/* Most fields in one record. */
#define CSV_FIELDS_MAX 512

struct csv_reader {
	const char *s;
	size_t n, pos;
	long long line; /* physical line (1-based) at pos */
	size_t max;     /* longest record in bytes */
	char *buf;      /* the current record's fields, unescaped, each
	                 * followed by a NUL */
	size_t len, cap;
	size_t off[CSV_FIELDS_MAX], flen[CSV_FIELDS_MAX];
	size_t nfields;
	/* the current (or refused) record as read: s[start..end), without its
	 * line ending, starting on physical line `first` */
	size_t start, end;
	long long first;
};

/* Why a record was refused by the tokenizer: its column (1-based; 0 for
 * the record as a whole) and a reason in printable ASCII. */
struct csv_error {
	size_t column;
	char reason[160];
	int unclosed; /* a quote never closed: the record runs to the end of
	               * the input, so it can only be the last one */
};

/* Read s[0..n) (a UTF-8 BOM at its start is skipped); records longer than
 * max bytes are refused. */
void csv_init(struct csv_reader *r, const char *s, size_t n, size_t max);
void csv_free(struct csv_reader *r);

/* The next record: 1 (fields in r), 0 at the end of the input, or -1 when
 * the record is refused (r->start..r->end and r->first say which bytes and
 * line, *err why); the reader then goes on with the next record. Blank
 * lines and lines starting with # (at the start of a record) are skipped. */
int csv_next(struct csv_reader *r, struct csv_error *err)
        __attribute__((warn_unused_result));

/* Field i of the current record (NUL-terminated; *len its length). */
const char *csv_field(const struct csv_reader *r, size_t i, size_t *len);

struct imp_csv_head;

/* The columns named by the header record now in r. NULL with a message
 * (naming the column) in why when a column is unknown, given twice, or a
 * required one is missing. */
struct imp_csv_head *imp_csv_head_new(const struct csv_reader *r, char *why,
                                      size_t whylen);
void imp_csv_head_free(struct imp_csv_head *h);
size_t imp_csv_head_columns(const struct imp_csv_head *h);
/* Column i's name (0-based) as in the header, lower case, printable. */
const char *imp_csv_head_name(const struct imp_csv_head *h, size_t i);

/* Check the record now in r (read from raw[0..n), line_no its first line)
 * as one FIR and append its COPY rows to out, exactly as imp_parse_line
 * does for a JSON line. -1 with *rej (field = the CSV column) on refusal,
 * out unchanged. */
int imp_csv_record(const struct imp_csv_head *h, const struct csv_reader *r,
                   const char *raw, size_t n, long long line_no,
                   struct imp_rows *out, struct imp_reject *rej)
        __attribute__((warn_unused_result));

/* Rename a refusal naming JSON fields (persons[1].age, sections[0].act,
 * place.city: what core.import_batch() reports) into the CSV columns of
 * the record raw[0..n) as read, in place. */
void imp_csv_rename(const struct imp_csv_head *h, const char *raw, size_t n,
                    struct imp_reject *rej);

#endif
