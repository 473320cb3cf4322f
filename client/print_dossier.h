/* print_dossier.h: the criminal dossier of a person, and the results of the
 * vehicle, property and modus-operandi searches and the match alerts, as
 * an investigator reads them on the terminal. */
#ifndef CCTNS_CLIENT_PRINT_DOSSIER_H
#define CCTNS_CLIENT_PRINT_DOSSIER_H

#include <stdio.h>

#include "cctns.pb-c.h"

/* The person (as print_person_record writes it, without links), then the
 * cases, arrests, court results, property seized, associates and last
 * known addresses. */
void print_dossier(FILE *out, const Cctns__V1__Dossier *d);

/* "3 reports of the state for UP32AB1234 (registration):" and one match
 * each, or that there are none. */
void print_vehicle_search(FILE *out, const Cctns__V1__VehicleSearchResult *r);

/* One line group per item: register, record, station, kind, description,
 * identifiers, what matched. */
void print_property_search(FILE *out, const Cctns__V1__PropertySearchResult *r);

/* One group per FIR: number, station, time, MO, place, accused. */
void print_mo_search(FILE *out, const Cctns__V1__MoSearchResult *r);

/* One alert: number, kind, the two records and stations, what matched. */
void print_match_alert(FILE *out, const Cctns__V1__MatchAlert *a);

/* Every alert, newest first, or that there are none. */
void print_alert_list(FILE *out, const Cctns__V1__AlertList *l);

#endif
