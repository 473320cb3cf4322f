/* print_malkhana.h: the property store register (malkhana): one entry with
 * its item and chain of custody, a page of the register as a table, and
 * the receipt of a movement. */
#ifndef CCTNS_CLIENT_PRINT_MALKHANA_H
#define CCTNS_CLIENT_PRINT_MALKHANA_H

#include <stdio.h>

#include "cctns.pb-c.h"

/* The entry: number, case, nature, where the property is now, the item,
 * then the chain of custody as a table, deposit first (times IST). */
void print_malkhana_entry(FILE *out, const Cctns__V1__MalkhanaEntry *e);

/* One line per entry: number, FIR, seizure/item, kind, state, since;
 * offset is where the page starts in the whole list. */
void print_malkhana_list(FILE *out, const Cctns__V1__MalkhanaList *l,
                         unsigned offset);

/* "Malkhana 0001/2026 (FIR 0001/2026): sent to court on <time>; now out:
 * in court", the diary entry, then "idempotency key: ...". */
void print_movement_receipt(FILE *out,
                            const Cctns__V1__PropertyMovementReceipt *r,
                            const char *key_hex);

#endif
