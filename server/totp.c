/* totp.c: RFC 6238 / RFC 4226 codes and base32 (see totp.h). */
#include "totp.h"

#include <stdio.h>
#include <string.h>

#include <openssl/crypto.h>
#include <openssl/evp.h>
#include <openssl/hmac.h>

uint32_t totp_hotp(const uint8_t *key, size_t keylen, uint64_t counter,
                   int digits)
{
	uint8_t msg[8], mac[EVP_MAX_MD_SIZE];
	unsigned maclen = 0, off;
	uint32_t bin, mod = 1;

	for (int i = 7; i >= 0; i--) {
		msg[i] = (uint8_t)(counter & 0xff);
		counter >>= 8;
	}
	if (!HMAC(EVP_sha1(), key, (int)keylen, msg, sizeof(msg), mac,
	          &maclen) ||
	    maclen < 20)
		return UINT32_MAX;
	off = mac[maclen - 1] & 0x0f;
	bin = ((uint32_t)(mac[off] & 0x7f) << 24) |
	      ((uint32_t)mac[off + 1] << 16) | ((uint32_t)mac[off + 2] << 8) |
	      mac[off + 3];
	for (int i = 0; i < digits; i++)
		mod *= 10;
	return bin % mod;
}

int totp_verify(const uint8_t *key, size_t keylen, const char *code, time_t now)
{
	uint64_t step = (uint64_t)now / TOTP_STEP;
	char want[8];
	int ok = 0;

	if (!code || strlen(code) != 6)
		return 0;
	for (int d = -1; d <= 1; d++) {
		snprintf(want, sizeof(want), "%06u",
		         (unsigned)totp_hotp(key, keylen, step + (uint64_t)d,
		                             6));
		/* constant time; no early exit */
		ok |= CRYPTO_memcmp(want, code, 6) == 0;
	}
	return ok;
}

void totp_base32(const uint8_t *data, size_t len, char *out, size_t outsz)
{
	static const char alphabet[] = "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567";
	size_t o = 0;
	uint32_t buf = 0;
	int bits = 0;

	for (size_t i = 0; i < len; i++) {
		buf = (buf << 8) | data[i];
		bits += 8;
		while (bits >= 5 && o + 1 < outsz) {
			out[o++] = alphabet[(buf >> (bits - 5)) & 31];
			bits -= 5;
		}
	}
	if (bits > 0 && o + 1 < outsz)
		out[o++] = alphabet[(buf << (5 - bits)) & 31];
	if (outsz)
		out[o] = '\0';
}
