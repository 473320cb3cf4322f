/* certname.c: serials, revocation reasons, terminal names and station CNs
 * as text (see certname.h). */
#include "certname.h"

#include <stdio.h>
#include <string.h>

/* RFC 5280 5.3.1 CRLReason values an operator may give; cACompromise,
 * certificateHold and removeFromCRL are not for terminal certificates. */
static const struct {
	const char *name;
	int code;
} reasons[] = {
        {"unspecified", 0},
        {"key-compromise", 1},
        {"affiliation-changed", 3},
        {"superseded", 4},
        {"cessation-of-operation", 5},
        {"privilege-withdrawn", 9},
};

#define N_REASONS (sizeof(reasons) / sizeof(reasons[0]))

static int hex_value(char ch)
{
	if (ch >= '0' && ch <= '9')
		return ch - '0';
	if (ch >= 'a' && ch <= 'f')
		return ch - 'a' + 10;
	if (ch >= 'A' && ch <= 'F')
		return ch - 'A' + 10;
	return -1;
}

int cert_serial_parse(const char *in, char *out, size_t outsz)
{
	static const char digits[] = "0123456789ABCDEF";
	size_t n = 0;
	int prev_colon = 1; /* no ':' first */

	if (!in || outsz < CERT_SERIAL_HEX_MAX + 1)
		return -1;
	if (strncmp(in, "serial=", 7) == 0)
		in += 7;
	else if (in[0] == '0' && (in[1] == 'x' || in[1] == 'X'))
		in += 2;
	for (; *in; in++) {
		int v = hex_value(*in);

		if (*in == ':' && !prev_colon) {
			prev_colon = 1;
			continue;
		}
		if (v < 0)
			return -1;
		prev_colon = 0;
		if (n == 0 && v == 0)
			continue; /* leading zero */
		if (n >= CERT_SERIAL_HEX_MAX)
			return -1;
		out[n++] = digits[v];
	}
	if (n == 0 || prev_colon)
		return -1;
	out[n] = '\0';
	return 0;
}

int cert_reason_parse(const char *name, int *code)
{
	for (size_t i = 0; name && i < N_REASONS; i++)
		if (strcmp(name, reasons[i].name) == 0) {
			*code = reasons[i].code;
			return 0;
		}
	return -1;
}

const char *cert_reason_name(int code)
{
	for (size_t i = 0; i < N_REASONS; i++)
		if (reasons[i].code == code)
			return reasons[i].name;
	return NULL;
}

const char *cert_reason_list(void)
{
	return "unspecified, key-compromise, affiliation-changed, superseded, "
	       "cessation-of-operation, privilege-withdrawn";
}

int cert_terminal_ok(const char *name)
{
	size_t len = strlen(name);

	if (len == 0 || len > 32)
		return 0;
	return strspn(name,
	              "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz"
	              "0123456789._-") == len;
}

/* One decimal code of s[0..len): no leading zero, 1..max. */
static int code_of(const char *s, size_t len, long max, int *out)
{
	long v = 0;

	if (len == 0 || len > 6 || s[0] == '0')
		return -1;
	for (size_t i = 0; i < len; i++) {
		if (s[i] < '0' || s[i] > '9')
			return -1;
		v = v * 10 + (s[i] - '0');
	}
	if (v > max)
		return -1;
	*out = (int)v;
	return 0;
}

int cert_station_cn_parse(const char *cn, int *s, int *d, int *c)
{
	static const long max[3] = {99, 99999, 999999};
	int *outs[3] = {s, d, c};
	const char *p;

	if (strncmp(cn, "station:", 8) != 0)
		return -1;
	p = cn + 8;
	for (int i = 0; i < 3; i++) {
		const char *end = strchr(p, ':');

		if ((i < 2) != (end != NULL))
			return -1;
		if (!end)
			end = p + strlen(p);
		if (code_of(p, (size_t)(end - p), max[i], outs[i]) != 0)
			return -1;
		p = end + (i < 2);
	}
	return 0;
}
