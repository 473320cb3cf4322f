/* printout.h: what every printout of the terminal shares (the FIR, the
 * General Diary, the case timeline, the arrest memo): values formatted for a
 * person (times in IST, dates, rupees in Indian digit grouping, distances,
 * officers, General Diary references, enum values as words), word wrap, and
 * the form layout: a title, numbered headings, label/value rows whose values
 * wrap under a value column, addresses and persons. Pure functions over
 * messages and FILE streams. */
#ifndef CCTNS_CLIENT_PRINTOUT_H
#define CCTNS_CLIENT_PRINTOUT_H

#include <stddef.h>
#include <stdint.h>
#include <stdio.h>

#include "cctns.pb-c.h"

#define PRINT_WIDTH    78 /* columns of the printout */
#define LABEL_COL      28 /* values of label/value rows start here */
#define SECTION_INDENT 3  /* rows under a numbered heading */
#define NOT_STATED     "not stated"

/* ------------------------------------------------------------ values */

/* "2026-03-14T21:30:00+05:30" -> "14/03/2026 21:30 IST" ("UTC" for Z,
 * "UTC+04:00" for other offsets). Anything else is copied as it is; ""
 * gives "not stated". Returns buf. */
const char *fmt_time(const char *rfc3339, char *buf, size_t bufsz);

/* For columns of a table whose heading says the times are IST: an IST time
 * without its zone, "14/03/2026 21:30" (with_date) or "21:30"; any other
 * time as fmt_time writes it. Returns buf. */
const char *fmt_ist(const char *rfc3339, int with_date, char *buf,
                    size_t bufsz);

/* "2026-11-29" -> "29/11/2026"; anything else copied; "" -> "not stated".
 * Returns buf. */
const char *fmt_date(const char *yyyy_mm_dd, char *buf, size_t bufsz);

/* 12345678 -> "Rs. 1,23,45,678". Returns buf. */
const char *fmt_rupees(uint64_t rupees, char *buf, size_t bufsz);

/* 350 -> "350 m", 1200 -> "1.2 km", 3000 -> "3 km". Returns buf. */
const char *fmt_distance(uint32_t metres, char *buf, size_t bufsz);

/* "BNS 303(2)", "IPC 379", "Arms Act 25". Returns buf. */
const char *fmt_charge(const Cctns__V1__Charge *ch, char *buf, size_t bufsz);

/* "mobile_phone" -> "Mobile phone". Returns buf. */
const char *fmt_kind(const char *kind, char *buf, size_t bufsz);

/* "SI Ravi Kumar (UP-1234)": rank, name, (number), each when given;
 * "not stated" for NULL or an empty officer. Returns buf. */
const char *fmt_officer(const Cctns__V1__Officer *o, char *buf, size_t bufsz);

/* "GD entry 12 of 29/11/2026 at 11:10 IST" (without " at ..." when
 * entered_at is empty); "not stated" when number is 0. Returns buf. */
const char *fmt_gd_ref(const char *date, uint32_t number,
                       const char *entered_at, char *buf, size_t bufsz);

/* Completed years of age on the day of the RFC 3339 time at, from a date
 * of birth "YYYY-MM-DD", else from a year of birth (then the age reached
 * during that year). -1 when unknown or not before at. */
int age_at(const char *date_of_birth, uint32_t year_of_birth, const char *at);

/* Enum values as words for a person: "Written", "North-east", "Female",
 * "Under investigation"; "not stated" for unspecified, "unrecognised" for
 * a value unknown here. */
const char *word_information_type(int v);
const char *word_direction(int v);
const char *word_gender(int v);
const char *word_accused_kind(int v);
const char *word_relative(int v); /* "Father's name" */
const char *word_peer_kind(int v);
const char *word_gd_kind(int v);        /* "Departure" */
const char *word_case_status(int v);    /* "Charge-sheeted" */
const char *word_case_event(int v);     /* "IO assigned" */
const char *word_arrest_outcome(int v); /* "Arrested and forwarded ..." */

/* ------------------------------------------------------------ layout */

/* Write text word-wrapped to width columns (UTF-8 code points count one
 * column each; words are never split, even when longer than a line). The
 * cursor is at column col already; following lines start with indent
 * spaces. Newlines in text start a new line, empty lines are kept. Ends
 * with a newline. */
void wrap_text(FILE *out, const char *text, size_t col, size_t indent,
               size_t width);

/* Columns of s[0..len) on a terminal (UTF-8 code points). */
size_t utf8_columns(const char *s, size_t len);

void pr_spaces(FILE *out, size_t n);

/* A line of text centred in PRINT_WIDTH. */
void pr_center(FILE *out, const char *text);

/* The title centred on the first line, then an empty line. */
void pr_title(FILE *out, const char *title);

/* "\n<n>. <title>\n" */
void pr_heading(FILE *out, int n, const char *title);

/* "   Label ...... value", the value wrapped under LABEL_COL; "not stated"
 * for NULL or "". */
void pr_row(FILE *out, size_t indent, const char *label, const char *value);

/* A paragraph at indent, wrapped; "not stated" for NULL or "". */
void pr_para(FILE *out, size_t indent, const char *text);

/* As on an envelope: line1, line2, then "city PIN (district D, state S)",
 * each on its own line of the row's value. */
void pr_address(FILE *out, size_t indent, const char *label,
                const Cctns__V1__Address *a);

/* Name, relative, gender, birth, nationality, occupation, address, phone:
 * the rows that are given (the name always). */
void pr_person(FILE *out, size_t indent, const Cctns__V1__Person *p);

/* Append s to buf (holding *n chars) after sep (no sep when buf is empty),
 * truncating quietly; nothing for NULL or "". */
void str_append(char *buf, size_t bufsz, size_t *n, const char *sep,
                const char *s);

/* A place of occurrence or of a report: distance and direction from the
 * station, beat and address, as label/value rows at indent. */
void pr_place(FILE *out, size_t indent, const Cctns__V1__Place *p);

/* recall (issue 4): the structured identifying numbers of a property item,
 * one row each ("IMEI", "Serial No.", "Engine No.", ...) at indent. */
void pr_property_ids(FILE *out, size_t indent,
                     Cctns__V1__PropertyIdentifier *const *ids, size_t n);

#endif
