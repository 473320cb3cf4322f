/* print_found.h: a found person report laid out like the station's found
 * persons register, the list of the station's found persons, and the
 * receipts of registration and tracing (search, slice 8). */
#ifndef CCTNS_CLIENT_PRINT_FOUND_H
#define CCTNS_CLIENT_PRINT_FOUND_H

#include <stdio.h>

#include "cctns.pb-c.h"

/* Six sections: report, found (when, where), description, placed,
 * recorded by, traced. */
void print_found_person(FILE *out, const Cctns__V1__FoundPerson *f);

/* One line per report: number, found when, sex and age band, placed, and
 * "traced" when handed over; "No found persons ..." when none. */
void print_found_list(FILE *out, const Cctns__V1__FoundPersonList *l);

/* "Found person report 0003/2026 registered on <time>", the General Diary
 * entry, the hint to look at alerts, then "idempotency key: ...". */
void print_found_receipt(FILE *out, const Cctns__V1__FoundPersonReceipt *r,
                         const char *key_hex);

/* "Found person report 0003/2026: handed over on <time>", then
 * "idempotency key: ...". */
void print_found_traced(FILE *out, const Cctns__V1__FoundTracedReceipt *r,
                        const char *key_hex);

#endif
