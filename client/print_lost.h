/* print_lost.h: the lost property report laid out like the register, and
 * the receipt of a recorded report. */
#ifndef CCTNS_CLIENT_PRINT_LOST_H
#define CCTNS_CLIENT_PRINT_LOST_H

#include <stdio.h>

#include "cctns.pb-c.h"

/* Sections: report, reporter, when lost, where lost, items lost (with
 * their identifiers and total value), circumstances. */
void print_lost_report(FILE *out, const Cctns__V1__LostReportRecord *r);

/* "Lost property report 0001/2026 recorded on <time>", the General Diary
 * entry, a note when the key had been used, the key. */
void print_lost_receipt(FILE *out, const Cctns__V1__LostReportReceipt *r,
                        const char *key_hex);

const char *word_lost_item(int v); /* "Mobile phone" */

#endif
