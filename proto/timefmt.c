/* timefmt.c: strict RFC 3339 time and YYYY-MM-DD date checks (timefmt.h).
 * Hand-written rather than strptime: strptime accepts too much (missing
 * leading zeros, 24:00, day 31 in any month). */
#include "timefmt.h"

#include <stddef.h>

int timefmt_digits(const char *s, int n, int *out)
{
	int v = 0;

	for (int i = 0; i < n; i++) {
		if (s[i] < '0' || s[i] > '9')
			return -1;
		v = v * 10 + (s[i] - '0');
	}
	*out = v;
	return 0;
}

static int is_leap(int y)
{
	return (y % 4 == 0 && y % 100 != 0) || y % 400 == 0;
}

int timefmt_days_in_month(int y, int m)
{
	static const int days[12] = {31, 28, 31, 30, 31, 30,
	                             31, 31, 30, 31, 30, 31};
	return m == 2 && is_leap(y) ? 29 : days[m - 1];
}

/* YYYY-MM-DD at s (10 characters). Returns 0 or -1. */
static int date_part(const char *s)
{
	int y, m, d;

	if (timefmt_digits(s, 4, &y) || s[4] != '-' ||
	    timefmt_digits(s + 5, 2, &m) || s[7] != '-' ||
	    timefmt_digits(s + 8, 2, &d))
		return -1;
	if (y < 1 || m < 1 || m > 12 || d < 1 ||
	    d > timefmt_days_in_month(y, m))
		return -1;
	return 0;
}

/* HH:MM at s (5 characters), hours 00..23. */
static int hh_mm(const char *s)
{
	int h, m;

	if (timefmt_digits(s, 2, &h) || s[2] != ':' ||
	    timefmt_digits(s + 3, 2, &m))
		return -1;
	return h <= 23 && m <= 59 ? 0 : -1;
}

int date_valid(const char *s)
{
	if (!s)
		return 0;
	for (int i = 0; i < 10; i++) {
		if (!s[i])
			return 0;
	}
	return date_part(s) == 0 && s[10] == '\0';
}

/* Length of the prefix of s made of up to max non-NUL characters. */
static size_t bounded_len(const char *s, size_t max)
{
	size_t n = 0;

	while (n < max && s[n])
		n++;
	return n;
}

int rfc3339_valid(const char *s)
{
	int sec;
	size_t i = 19, frac = 0;

	/* YYYY-MM-DDTHH:MM:SS is 19 characters. */
	if (!s || bounded_len(s, 19) < 19 || date_part(s) || s[10] != 'T' ||
	    hh_mm(s + 11) || s[16] != ':' || timefmt_digits(s + 17, 2, &sec) ||
	    sec > 59)
		return 0;
	if (s[i] == '.') {
		for (i++; s[i] >= '0' && s[i] <= '9'; i++)
			frac++;
		if (frac < 1 || frac > 9)
			return 0;
	}
	if (s[i] == 'Z')
		return s[i + 1] == '\0';
	if (s[i] != '+' && s[i] != '-')
		return 0;
	i++;
	return bounded_len(s + i, 6) == 5 && hh_mm(s + i) == 0;
}
