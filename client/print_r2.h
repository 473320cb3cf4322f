/* print_r2.h: what the printouts of the missing persons, unnatural death
 * and vehicle registers share: their enums as words, a place, a
 * descriptive roll, and one line per vehicle report a search found. */
#ifndef CCTNS_CLIENT_PRINT_R2_H
#define CCTNS_CLIENT_PRINT_R2_H

#include <stdio.h>

#include "cctns.pb-c.h"

/* Enum values as words: "Returned home", "Unidentified dead body",
 * "Railway accident", "Stolen", "Two-wheeler"; "not stated" for
 * unspecified, "unrecognised" for a value unknown here. */
const char *word_traced_how(int v);
const char *word_ud_kind(int v);
const char *word_apparent_cause(int v);
const char *word_vehicle_kind(int v);
const char *word_vehicle_type(int v);

/* Rows of a descriptive roll, the height included when with_height. */
void pr_roll(FILE *out, size_t indent, const Cctns__V1__DescriptiveRoll *d,
             int with_height);

/* "Stolen 0001/2026, Agra Kotwali (9:118:1001)", then indented under it
 * "matched by registration, chassis", the vehicle, when, and the FIR. */
void pr_vehicle_match(FILE *out, size_t indent,
                      const Cctns__V1__VehicleMatch *m);

#endif
