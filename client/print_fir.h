/* print_fir.h: the FIR printout, laid out like the paper First Information
 * Report (NCRB IIF-I), the receipt of a registration, and the answers of
 * the zero FIR transfer and the e-FIR (signature, pending list). The
 * formatting helpers behind them are in printout.h. */
#ifndef CCTNS_CLIENT_PRINT_FIR_H
#define CCTNS_CLIENT_PRINT_FIR_H

#include <stdio.h>

#include "cctns.pb-c.h"
#include "printout.h"

/* The whole FIR: items 1 to 15 of the paper form in its order, then the
 * case's status and the station it was transferred to or from. */
void print_fir(FILE *out, const Cctns__V1__Fir *fir);

/* "FIR 0042/2026 registered at <station> on <time>", the General Diary
 * entry written for it (when the receipt names one), then
 * "idempotency key: <key_hex>"; notes a replayed receipt. */
void print_receipt(FILE *out, const Cctns__V1__FirReceipt *r,
                   const char *key_hex);

/* "FIR 0003/2026 transferred to <station> (s:d:st) on <time>", the FIR
 * number there or how to export it, both diary entries, the key. */
void print_transfer_receipt(FILE *out, const Cctns__V1__FirTransferReceipt *r,
                            const char *key_hex);

/* "e-FIR 0004/2026 signed by the informant on <time> (deadline <time>)",
 * the diary entry, the key. */
void print_efir_sign_receipt(FILE *out, const Cctns__V1__EfirSignReceipt *r,
                             const char *key_hex);

/* A table of the e-FIRs waiting for a signature: number, registered, sign
 * by (IST), and "OVERDUE" for the lapsed ones. */
void print_pending_efirs(FILE *out, const Cctns__V1__PendingEfirs *p);

#endif
