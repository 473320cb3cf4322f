/* print_gd.h: the General Diary printouts: a station's day as a numbered
 * table (number, time, kind, officer, then the entry's text with what it
 * corrects and the case and accused it is about), and the receipt of a new
 * entry. */
#ifndef CCTNS_CLIENT_PRINT_GD_H
#define CCTNS_CLIENT_PRINT_GD_H

#include <stdio.h>

#include "cctns.pb-c.h"

/* The day: station and date, then every entry in order. */
void print_gd_day(FILE *out, const Cctns__V1__GdDay *day);

/* One entry as a row of the day's table (ends with an empty line). */
void print_gd_entry(FILE *out, const Cctns__V1__GdEntry *e);

/* "GD entry 4 of 29/11/2026 at 11:20 IST: Departure", a note when the key
 * had been used, then "idempotency key: <key_hex>". */
void print_gd_receipt(FILE *out, const Cctns__V1__GdEntryReceipt *r,
                      const char *key_hex);

#endif
