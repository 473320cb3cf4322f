/* totp.h: one-time codes (RFC 6238 TOTP over RFC 4226 HOTP, HMAC-SHA1,
 * 30-second steps, 6 digits) and the base32 form (RFC 4648) an
 * authenticator app takes. OpenSSL only; used by the server (verify) and
 * cctns-admin (new secrets). */
#ifndef CCTNS_SERVER_TOTP_H
#define CCTNS_SERVER_TOTP_H

#include <stddef.h>
#include <stdint.h>
#include <time.h>

#define TOTP_STEP 30

/* HOTP value of counter, digits (6..8) long. */
uint32_t totp_hotp(const uint8_t *key, size_t keylen, uint64_t counter,
                   int digits);

/* Does code (6 digits) match at time now, one step either side? */
int totp_verify(const uint8_t *key, size_t keylen, const char *code,
                time_t now);

/* Base32 of data, NUL-terminated, into out (needs (len*8+4)/5 + 1). */
void totp_base32(const uint8_t *data, size_t len, char *out, size_t outsz);

#endif
