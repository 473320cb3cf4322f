/* print_case.h: the case timeline printout: the FIR number, the current
 * status and investigating officer at the top, then one line per event
 * (time, event, status after it, its General Diary entry, the officer who
 * acted) with the event's one-line summary under it. */
#ifndef CCTNS_CLIENT_PRINT_CASE_H
#define CCTNS_CLIENT_PRINT_CASE_H

#include <stdio.h>

#include "cctns.pb-c.h"

void print_case_timeline(FILE *out, const Cctns__V1__CaseTimeline *t);

/* One event as a line of the table (and its summary). */
void print_case_event(FILE *out, const Cctns__V1__CaseEvent *e);

#endif
