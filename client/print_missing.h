/* print_missing.h: a missing person report laid out like the station's
 * missing persons register, and the receipts of its registration and of
 * its tracing. */
#ifndef CCTNS_CLIENT_PRINT_MISSING_H
#define CCTNS_CLIENT_PRINT_MISSING_H

#include <stdio.h>

#include "cctns.pb-c.h"

/* Eight sections: report, missing person, description, when and where last
 * seen, circumstances, informant, recording officer, tracing. */
void print_missing_person(FILE *out, const Cctns__V1__MissingPerson *m);

/* "Missing person report 0003/2026 registered on <time>", the child and
 * FIR lines, the General Diary entry, then "idempotency key: ...". */
void print_missing_receipt(FILE *out, const Cctns__V1__MissingPersonReceipt *r,
                           const char *key_hex);

/* "Missing person report 0003/2026: traced on <time> (returned home)",
 * the General Diary entry, then "idempotency key: ...". */
void print_missing_traced(FILE *out, const Cctns__V1__MissingTracedReceipt *r,
                          const char *key_hex);

#endif
