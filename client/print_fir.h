/* print_fir.h: the FIR printout, laid out like the paper First Information
 * Report (NCRB IIF-I), and the small formatting helpers behind it: times,
 * rupees in Indian digit grouping, distances, enum values as words, word
 * wrap. Pure functions over messages and FILE streams. */
#ifndef CCTNS_CLIENT_PRINT_FIR_H
#define CCTNS_CLIENT_PRINT_FIR_H

#include <stddef.h>
#include <stdint.h>
#include <stdio.h>

#include "cctns.pb-c.h"

#define PRINT_WIDTH 78 /* columns of the printout */

/* "2026-03-14T21:30:00+05:30" -> "14/03/2026 21:30 IST" ("UTC" for Z,
 * "UTC+04:00" for other offsets). Anything else is copied as it is; ""
 * gives "not stated". Returns buf. */
const char *fmt_time(const char *rfc3339, char *buf, size_t bufsz);

/* 12345678 -> "Rs. 1,23,45,678". Returns buf. */
const char *fmt_rupees(uint64_t rupees, char *buf, size_t bufsz);

/* 350 -> "350 m", 1200 -> "1.2 km", 3000 -> "3 km". Returns buf. */
const char *fmt_distance(uint32_t metres, char *buf, size_t bufsz);

/* "BNS 303(2)", "IPC 379", "Arms Act 25". Returns buf. */
const char *fmt_charge(const Cctns__V1__Charge *ch, char *buf, size_t bufsz);

/* "mobile_phone" -> "Mobile phone". Returns buf. */
const char *fmt_kind(const char *kind, char *buf, size_t bufsz);

/* Enum values as words for a person: "Written", "North-east", "Female",
 * "Suspected"; "not stated" for unspecified, "unrecognised" for a value unknown
 * here. */
const char *word_information_type(int v);
const char *word_direction(int v);
const char *word_gender(int v);
const char *word_accused_kind(int v);
const char *word_relative(int v); /* "Father's name" */
const char *word_peer_kind(int v);

/* Write text word-wrapped to width columns (UTF-8 code points count one
 * column each; words are never split, even when longer than a line). The
 * cursor is at column col already; following lines start with indent
 * spaces. Newlines in text start a new line, empty lines are kept. Ends
 * with a newline. */
void wrap_text(FILE *out, const char *text, size_t col, size_t indent,
               size_t width);

/* The whole FIR, sections 1 to 8. */
void print_fir(FILE *out, const Cctns__V1__Fir *fir);

/* "FIR 0042/2026 registered at <station> on <time>", then
 * "idempotency key: <key_hex>"; notes a replayed receipt. */
void print_receipt(FILE *out, const Cctns__V1__FirReceipt *r,
                   const char *key_hex);

#endif
