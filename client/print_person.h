/* print_person.h: the persons master record as a station reads it (the
 * person, aliases, identity documents, phones, addresses, the latest
 * descriptive roll, the records that name the person, the photographs),
 * and the answers to adding details and photographs. */
#ifndef CCTNS_CLIENT_PRINT_PERSON_H
#define CCTNS_CLIENT_PRINT_PERSON_H

#include <stdio.h>

#include "cctns.pb-c.h"

/* The record in eight numbered sections. */
void print_person_record(FILE *out, const Cctns__V1__PersonRecord *r);

/* "Details of person 123 recorded" (or already recorded with this key),
 * the record as it is now, then "idempotency key: ...". */
void print_person_update(FILE *out, const Cctns__V1__PersonRecord *r,
                         const char *key_hex);

/* "Photo 2 of person 123 added: JPEG, 200 x 250 pixels, 2,768 bytes",
 * its SHA-256, then "idempotency key: ..." when key_hex is given. */
void print_photo_added(FILE *out, const Cctns__V1__PersonPhoto *p,
                       const char *key_hex);

/* "JPEG, 200 x 250 pixels, 2,768 bytes". Returns buf. */
const char *fmt_photo(const Cctns__V1__PhotoInfo *i, char *buf, size_t bufsz);

/* "Aadhaar (masked) XXXX XXXX 4821", "Voter id ABC1234567". Returns buf. */
const char *fmt_document(const Cctns__V1__IdentityDocument *d, char *buf,
                         size_t bufsz);

#endif
