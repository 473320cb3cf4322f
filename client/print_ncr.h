/* print_ncr.h: the non-cognizable report laid out like the NCR register,
 * and the receipt of a recorded NCR. Also the place printer the lost
 * property report shares. */
#ifndef CCTNS_CLIENT_PRINT_NCR_H
#define CCTNS_CLIENT_PRINT_NCR_H

#include <stdio.h>

#include "cctns.pb-c.h"

/* Sections: report, sections of law, occurrence, place, informant,
 * opposite party, substance of the information, action taken. */
void print_ncr(FILE *out, const Cctns__V1__NcrRecord *r);

/* "NCR 0001/2026 recorded on <time>", the referral to the Magistrate, the
 * General Diary entry, a note when the key had been used, the key. */
void print_ncr_receipt(FILE *out, const Cctns__V1__NcrReceipt *r,
                       const char *key_hex);

#endif
