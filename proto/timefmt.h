/* timefmt.h: strict checks of the date and time text used in messages.
 * A time is RFC 3339 with an explicit offset,
 * YYYY-MM-DDTHH:MM:SS[.fraction](Z|+HH:MM|-HH:MM), e.g.
 * "2026-03-14T21:30:00+05:30"; a date is YYYY-MM-DD. Both must name a real
 * calendar day (leap years included), year 0001..9999, hour 00..23 (no
 * 24:00), no leap second, fraction of 1..9 digits, offset up to 23:59. */
#ifndef CCTNS_TIMEFMT_H
#define CCTNS_TIMEFMT_H

/* 1 if s is such a time, else 0. NULL is not valid. */
int rfc3339_valid(const char *s);

/* 1 if s is such a date, else 0. NULL is not valid. */
int date_valid(const char *s);

/* Read exactly n decimal digits at s into *out. Returns 0 or -1. Also used
 * by other strict parsers of dates (cctns-admin import). */
int timefmt_digits(const char *s, int n, int *out);

/* Days in month m (1..12) of year y, leap years included. */
int timefmt_days_in_month(int y, int m);

#endif
