/* print_crime_details.h: the Crime Details Form (IIF-II) laid out like the
 * paper form, and the receipt of a recorded version. */
#ifndef CCTNS_CLIENT_PRINT_CRIME_DETAILS_H
#define CCTNS_CLIENT_PRINT_CRIME_DETAILS_H

#include <stdio.h>

#include "cctns.pb-c.h"

/* The form in twelve sections: case, place of occurrence, place shown by,
 * modus operandi, motive, properties, scene, physical evidence, victims,
 * panchnama, weapon used, vehicle used. */
void print_crime_details(FILE *out, const Cctns__V1__CrimeDetailsRecord *r);

/* "Crime details of FIR 0001/2026 recorded as version 2 on <time>", a note
 * when the key had been used, then "idempotency key: ...". */
void print_crime_details_receipt(FILE *out,
                                 const Cctns__V1__CrimeDetailsReceipt *r,
                                 const char *key_hex);

/* Enum values as words: "Place of worship", "Scheduled Caste",
 * "Grievous". */
const char *word_place_type(int v);
const char *word_sc_st(int v);
const char *word_injury(int v);

#endif
