/* print_vehicle.h: a stolen, recovered or unclaimed vehicle report laid out
 * like the station's vehicle register, its receipt with the reports of the
 * state it matches, and the result of a search. */
#ifndef CCTNS_CLIENT_PRINT_VEHICLE_H
#define CCTNS_CLIENT_PRINT_VEHICLE_H

#include <stdio.h>

#include "cctns.pb-c.h"

/* Six sections: report, vehicle, when and where, owner, recording officer,
 * matching reports of the state. */
void print_vehicle_record(FILE *out, const Cctns__V1__VehicleRecord *v);

/* "Vehicle report 0003/2026 registered on <time> (UP80AB1234)", the
 * General Diary entry, the matching reports, then "idempotency key: ...". */
void print_vehicle_receipt(FILE *out, const Cctns__V1__VehicleReceipt *r,
                           const char *key_hex);

/* "2 reports in the state:" and one match each, or that there are none. */
void print_vehicle_matches(FILE *out, const Cctns__V1__VehicleMatches *m);

#endif
