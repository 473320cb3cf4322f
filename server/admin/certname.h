/* certname.h: the pure text rules of cctns-admin's certificate commands:
 * serial numbers as an operator may type them, revocation reasons by name,
 * terminal names and the station CN. No OpenSSL or libpq here, so they are
 * unit-tested alone (tests/unit/test_certname.c). */
#ifndef CCTNS_ADMIN_CERTNAME_H
#define CCTNS_ADMIN_CERTNAME_H

#include <stddef.h>

#define CERT_SERIAL_HEX_MAX 40 /* RFC 5280: at most 20 octets */

/* Parse a serial as typed: optional "serial=" or "0x" prefix, hex digits in
 * either case, optionally ':' between them (openssl's forms). Writes the
 * canonical form (upper case, no leading zeros) into out (at least
 * CERT_SERIAL_HEX_MAX + 1 bytes). Zero, empty, more than 20 octets or any
 * other character: -1. */
int cert_serial_parse(const char *in, char *out, size_t outsz)
        __attribute__((warn_unused_result));

/* RFC 5280 CRLReason codes cctns-admin accepts, by name
 * ("key-compromise", ...). 0 and *code set, or -1. */
int cert_reason_parse(const char *name, int *code)
        __attribute__((warn_unused_result));

/* The name of a reason code, NULL if not one of ours. */
const char *cert_reason_name(int code);

/* The accepted names, comma-separated, for messages. */
const char *cert_reason_list(void);

/* A terminal name (OU) as cctns-admin issues it: 1..32 of [A-Za-z0-9._-].
 * 1 or 0. */
int cert_terminal_ok(const char *name);

/* "station:S:D:C" with decimal codes without leading zeros (state 1..99,
 * district 1..99999, station 1..999999) into s, d, c. 0 or -1. */
int cert_station_cn_parse(const char *cn, int *s, int *d, int *c)
        __attribute__((warn_unused_result));

#endif
