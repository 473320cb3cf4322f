/* print_arrest.h: the arrest / court surrender memo laid out like NCRB's
 * IIF-III, and the receipt of a registered memo. */
#ifndef CCTNS_CLIENT_PRINT_ARREST_H
#define CCTNS_CLIENT_PRINT_ARREST_H

#include <stdio.h>

#include "cctns.pb-c.h"

/* The memo in thirteen sections: case, accused code, identity, aliases,
 * addresses, arrest or surrender, outcome, injuries and medical
 * examination, articles found, intimation, descriptive roll, fingerprints,
 * risk flags. */
void print_arrest(FILE *out, const Cctns__V1__Arrest *a);

/* "Arrest memo A1 recorded in FIR 0001/2026 on <time>", the General Diary
 * entry, a note when the key had been used, then "idempotency key: ...". */
void print_arrest_receipt(FILE *out, const Cctns__V1__ArrestReceipt *r,
                          const char *key_hex);

#endif
