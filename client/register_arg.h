/* register_arg.h: the NUMBER argument of the petition, NCR and lost
 * property commands, a register number as the station writes it ("1/2026",
 * "0001/2026"): checked before anything is sent, with the message for a
 * NOT_FOUND answer. */
#ifndef CCTNS_CLIENT_REGISTER_ARG_H
#define CCTNS_CLIENT_REGISTER_ARG_H

#include <ctype.h>
#include <stdio.h>

#include "cli.h"

/* 0 when arg is 1 to 6 digits, "/", a 4-digit year; the NOT_FOUND message
 * ("no petition 1/2026 at this station") into not_found (may be NULL).
 * Else 2 after saying how to write it. noun is "petition". */
static inline int register_number_arg(const char *arg, const char *noun,
                                      char *not_found, size_t n)
{
	size_t d = 0, y = 0;

	while (isdigit((unsigned char)arg[d]))
		d++;
	while (d >= 1 && d <= 6 && arg[d] == '/' &&
	       isdigit((unsigned char)arg[d + 1 + y]))
		y++;
	if (d >= 1 && d <= 6 && y == 4 && arg[d + 1 + y] == '\0') {
		if (not_found)
			snprintf(not_found, n, "no %s %s at this station", noun,
			         arg);
		return 0;
	}
	fprintf(stderr, "%s: \"%s\" is not a %s number: write it like 1/2026\n",
	        PROG, arg, noun);
	return 2;
}

#endif
