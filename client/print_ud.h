/* print_ud.h: an unidentified dead body or unnatural death report laid out
 * like the station's register of them (inquest cases), and the receipts of
 * its registration and of a body's identification. */
#ifndef CCTNS_CLIENT_PRINT_UD_H
#define CCTNS_CLIENT_PRINT_UD_H

#include <stdio.h>

#include "cctns.pb-c.h"

/* Ten sections: case, finding, the deceased, description, articles found,
 * informant, inquest, post-mortem, recording officer, identification. */
void print_unnatural_death(FILE *out, const Cctns__V1__UnnaturalDeath *u);

/* "UD 0003/2026 registered on <time>", the FIR, the General Diary entry,
 * then "idempotency key: ...". */
void print_ud_receipt(FILE *out, const Cctns__V1__UnnaturalDeathReceipt *r,
                      const char *key_hex);

/* "UD 0003/2026: body identified on <time>", the General Diary entry,
 * then "idempotency key: ...". */
void print_ud_identified(FILE *out, const Cctns__V1__BodyIdentifiedReceipt *r,
                         const char *key_hex);

#endif
