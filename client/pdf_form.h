/* pdf_form.h: an answer of the server (an FIR, an arrest memo, ...) as a
 * PDF printout. The body is the text printout the terminal already makes
 * (the command's print function, captured in memory); the page header and
 * footer are read from the answer itself, by field name, so any record that
 * follows the pattern of the others prints as a PDF without code here:
 *   station   the terminal's station (HelloAck identity)
 *   title     the printout's first line (its centred title), unless the
 *             table in pdf_form.c gives one (the FIR: the informant's copy)
 *   numbers   the string fields of the answer's "receipt" named *_number,
 *             *_no or *_code, as "FIR No. 0042/2026 · Accused code A1"
 *   reference the receipt's General Diary entry (gd_date, gd_number,
 *             gd_entered_at) and its registered_at
 *   officer   the first field named "officer" (an Officer), nearest the
 *             top of the answer
 * Adding --pdf to a show command is then the one row CLI_OPT_PDF(ctx) in
 * its option table (cli.h). */
#ifndef CCTNS_CLIENT_PDF_FORM_H
#define CCTNS_CLIENT_PDF_FORM_H

#include <stdio.h>
#include <time.h>

#include "cctns.pb-c.h"
#include "pdf.h"

/* A command's text printout (reply_spec.print). */
typedef void (*pdf_print_fn)(FILE *out, const ProtobufCMessage *answer,
                             const char *key_hex);

/* Render answer as a PDF printed at now. station may be NULL. 0 with *out
 * filled, or -1 with a message in err. */
int pdf_form_render(const ProtobufCMessage *answer, pdf_print_fn print,
                    const Cctns__V1__Identity *station, time_t now,
                    pdf_doc *out, char *err, size_t errsz)
        __attribute__((warn_unused_result));

/* What pdf_form_render puts in the header and footer: fills the strings of
 * meta into the caller's buffers (each PDF_FORM_LINE bytes). title is from
 * the table, or NULL: the caller takes the printout's first line. */
#define PDF_FORM_LINE 512
typedef struct pdf_form_lines {
	char station[PDF_FORM_LINE];
	char numbers[PDF_FORM_LINE];
	char reference[PDF_FORM_LINE];
	char officer[PDF_FORM_LINE];
	const char *title;
	const char *subtitle;
} pdf_form_lines;

void pdf_form_describe(const ProtobufCMessage *answer,
                       const Cctns__V1__Identity *station,
                       pdf_form_lines *lines);

/* For a show command (reply.c): the check before asking the server (a
 * usable target; not with --json): 0, or the exit code after printing why.
 */
int pdf_form_check(const char *path, int json)
        __attribute__((warn_unused_result));

/* Render answer and write it to path; "PDF written to PATH: N pages" on
 * standard output (on standard error when path is "-"). Returns the exit
 * code after printing any error. */
int pdf_form_write(const char *path, const ProtobufCMessage *answer,
                   pdf_print_fn print, const Cctns__V1__Identity *station)
        __attribute__((warn_unused_result));

#endif
