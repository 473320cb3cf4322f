/* print_fir.h: the FIR printout, laid out like the paper First Information
 * Report (NCRB IIF-I), and the receipt of a registration. The formatting
 * helpers behind it are in printout.h. */
#ifndef CCTNS_CLIENT_PRINT_FIR_H
#define CCTNS_CLIENT_PRINT_FIR_H

#include <stdio.h>

#include "cctns.pb-c.h"
#include "printout.h"

/* The whole FIR: header (with the General Diary reference), sections 1 to
 * 8, and 9, the officer who recorded it. */
void print_fir(FILE *out, const Cctns__V1__Fir *fir);

/* "FIR 0042/2026 registered at <station> on <time>", the General Diary
 * entry written for it (when the receipt names one), then
 * "idempotency key: <key_hex>"; notes a replayed receipt. */
void print_receipt(FILE *out, const Cctns__V1__FirReceipt *r,
                   const char *key_hex);

#endif
