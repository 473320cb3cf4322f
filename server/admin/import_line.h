/* import_line.h (issue 7): one line of a legacy FIR import file (JSON
 * lines, docs/IMPORT.md) checked and turned into COPY text rows of the
 * staging tables of 0038 (core.import_fir_stage, import_person_stage,
 * import_charge_stage). Pure: no database, no I/O, so it is fuzzed alone. */
#ifndef CCTNS_ADMIN_IMPORT_LINE_H
#define CCTNS_ADMIN_IMPORT_LINE_H

#include <stddef.h>

/* Longest line accepted (bytes, without the newline). */
#define IMP_LINE_MAX (1u << 20)

/* A growable byte buffer (x* allocators: never fails). */
struct imp_buf {
	char *p;
	size_t len, cap;
};

void imp_buf_put(struct imp_buf *b, const char *s, size_t n);
void imp_buf_free(struct imp_buf *b);

/* The three COPY streams of a batch. */
struct imp_rows {
	struct imp_buf fir, person, charge;
};

/* Why a line was refused: the field (as named in the file format,
 * e.g. "persons[1].name", or "line" for the line as a whole) and a reason
 * without personal data. */
struct imp_reject {
	char field[64];
	char reason[200];
};

/* Replace every byte outside printable ASCII by '?' (reject reasons). */
void imp_printable(char *s);

struct imp_parser;

struct imp_parser *imp_parser_new(void);
void imp_parser_free(struct imp_parser *p);

/* Check line s[0..n) (number line_no, no newline) and append its rows to
 * out. Returns 0, or -1 with *rej filled and out unchanged. */
int imp_parse_line(struct imp_parser *p, const char *s, size_t n,
                   long long line_no, struct imp_rows *out,
                   struct imp_reject *rej) __attribute__((warn_unused_result));

/* The same checks and rows for a record already parsed into a JSON object
 * (the CSV path builds one per row, import_csv.h); raw[0..n) is the record
 * as read (its SHA-256 is stored). Returns 0, or -1 with *rej filled and
 * out unchanged. */
struct json_object;
int imp_parse_object(struct json_object *o, const char *raw, size_t n,
                     long long line_no, struct imp_rows *out,
                     struct imp_reject *rej)
        __attribute__((warn_unused_result));

#endif
