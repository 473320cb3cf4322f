/* identity.c: the certificate subject grammar for peer identities and the
 * identity record itself. No OpenSSL here: tls.c extracts the CN and OU
 * strings and hands them to these parsers. */
#include "identity.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "util.h"

/* One row per kind of peer the grammar names; only stations are accepted
 * today, the others are reserved so their certificates fail clearly. */
static const struct {
	const char *name;
	enum identity_kind kind;
	int accepted;
} identity_kinds[] = {
        {"station", IDENTITY_STATION, 1},
        {"department", IDENTITY_DEPARTMENT, 0},
        {"operator", IDENTITY_OPERATOR, 0},
};

/* Ranges of the three codes, in CN order. */
static const struct {
	const char *name;
	uint32_t max;
} identity_codes[] = {
        {"state", 99},
        {"district", 99999},
        {"station", 999999},
};

static int why_fail(char *why, size_t whysz, const char *msg)
{
	snprintf(why, whysz, "%s", msg);
	return -1;
}

/* One decimal code from s[0..len): digits only, no leading zero, 1..max. */
static int parse_code(const char *s, size_t len, uint32_t max, uint32_t *out)
{
	uint32_t v = 0;

	if (len == 0 || len > 9 || s[0] == '0')
		return -1;
	for (size_t i = 0; i < len; i++) {
		if (s[i] < '0' || s[i] > '9')
			return -1;
		v = v * 10 + (uint32_t)(s[i] - '0');
	}
	if (v < 1 || v > max)
		return -1;
	*out = v;
	return 0;
}

static int parse_kind(const char *s, size_t len, enum identity_kind *kind,
                      char *why, size_t whysz)
{
	for (size_t i = 0; i < ARRAY_LEN(identity_kinds); i++) {
		if (strlen(identity_kinds[i].name) != len ||
		    memcmp(identity_kinds[i].name, s, len) != 0)
			continue;
		if (!identity_kinds[i].accepted)
			return why_fail(why, whysz,
			                "CN kind is not accepted yet");
		*kind = identity_kinds[i].kind;
		return 0;
	}
	return why_fail(why, whysz, "CN does not start with a known kind");
}

int identity_parse_cn(const char *cn, size_t len, struct identity *out,
                      char *why, size_t whysz)
{
	uint32_t codes[ARRAY_LEN(identity_codes)];
	const char *p = cn, *end = cn + len, *colon;
	enum identity_kind kind;

	if (len == 0 || len > IDENTITY_CN_MAX || memchr(cn, '\0', len))
		return why_fail(why, whysz, "CN is empty or too long");
	colon = memchr(p, ':', len);
	if (!colon)
		return why_fail(why, whysz, "CN has no ':'");
	if (parse_kind(p, (size_t)(colon - p), &kind, why, whysz) != 0)
		return -1;
	for (size_t i = 0; i < ARRAY_LEN(identity_codes); i++) {
		p = colon + 1;
		colon = memchr(p, ':', (size_t)(end - p));
		if ((i + 1 < ARRAY_LEN(identity_codes)) != (colon != NULL)) {
			return why_fail(why, whysz,
			                "CN needs exactly kind and 3 codes");
		}
		if (!colon)
			colon = end;
		if (parse_code(p, (size_t)(colon - p), identity_codes[i].max,
		               &codes[i]) != 0) {
			snprintf(why, whysz,
			         "CN %s code is not a decimal 1..%u without "
			         "leading zeros",
			         identity_codes[i].name, identity_codes[i].max);
			return -1;
		}
	}
	out->kind = kind;
	out->state = codes[0];
	out->district = codes[1];
	out->station = codes[2];
	return 0;
}

static int terminal_char_ok(char c)
{
	return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') ||
	       (c >= '0' && c <= '9') || c == ' ' || c == '.' || c == '_' ||
	       c == '-';
}

int identity_set_terminal(const char *ou, size_t len, struct identity *out,
                          char *why, size_t whysz)
{
	if (len == 0 || len > IDENTITY_TERMINAL_MAX)
		return why_fail(why, whysz, "OU is empty or too long");
	for (size_t i = 0; i < len; i++) {
		if (!terminal_char_ok(ou[i]))
			return why_fail(why, whysz,
			                "OU has characters outside "
			                "[A-Za-z0-9 ._-]");
	}
	memcpy(out->terminal, ou, len);
	out->terminal[len] = '\0';
	return 0;
}

void identity_set_names(struct identity *id, const char *station,
                        const char *district, const char *state)
{
	free(id->station_name);
	free(id->district_name);
	free(id->state_name);
	id->station_name = xstrdup(station);
	id->district_name = xstrdup(district);
	id->state_name = xstrdup(state);
}

void identity_clear(struct identity *id)
{
	free(id->station_name);
	free(id->district_name);
	free(id->state_name);
	memset(id, 0, sizeof(*id));
}
