/* print_seizure.h: the Property Search and Seizure Memo laid out like NCRB's
 * IIF-IV, the receipt of a recorded memo, and the words and values the
 * seizure and malkhana printouts share. */
#ifndef CCTNS_CLIENT_PRINT_SEIZURE_H
#define CCTNS_CLIENT_PRINT_SEIZURE_H

#include <stddef.h>
#include <stdio.h>

#include "cctns.pb-c.h"

/* The memo in eight sections: case, nature of the property, date, time and
 * place of seizure, seized from, witnesses, property seized (each item with
 * its malkhana number), seal, seizing officer. */
void print_seizure(FILE *out, const Cctns__V1__Seizure *s);

/* "Seizure 1 recorded in FIR 0001/2026 on <time>", its two diary entries,
 * the malkhana number of every item, a note when the key had been used,
 * then "idempotency key: ...". */
void print_seizure_receipt(FILE *out, const Cctns__V1__SeizureReceipt *r,
                           const char *key_hex);

/* The rows of one item (kind, description, quantity, value, identifiers,
 * perishable, packet and seal), at indent. */
void print_seized_item(FILE *out, size_t indent,
                       const Cctns__V1__SeizedItem *it);

/* "1", "2.5 kg", "12500 rupees". Returns buf. */
const char *fmt_quantity(double quantity, const char *unit, char *buf,
                         size_t bufsz);

/* Enum values as words: "Stolen property", "In store", "Sent to court". */
const char *word_seizure_nature(int v);
const char *word_malkhana_state(int v);
const char *word_property_movement(int v);

#endif
