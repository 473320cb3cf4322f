/* identity.h: who is at the other end of a connection. The kind and codes
 * come from the client certificate's subject (CN=<kind>:<state>:<district>:
 * <station>, OU=<terminal>), never from a message; the names come from the
 * station register at Hello. The parsers here are pure functions over
 * strings, so they are unit-tested without OpenSSL. */
#ifndef CCTNS_SERVER_IDENTITY_H
#define CCTNS_SERVER_IDENTITY_H

#include <stddef.h>
#include <stdint.h>

#define IDENTITY_TERMINAL_MAX 64 /* X.520 upper bound of an OU */
#define IDENTITY_CN_MAX       64 /* X.520 upper bound of a CN */

/* Same numbers as cctns.v1.PeerKind. */
enum identity_kind {
	IDENTITY_NONE = 0,    /* no usable identity in the certificate */
	IDENTITY_STATION = 1, /* a police station terminal */
	IDENTITY_DEPARTMENT =
	        2,             /* court, prison, lab, ... (not accepted yet) */
	IDENTITY_OPERATOR = 3, /* SDC operator (not accepted yet) */
};

struct identity {
	enum identity_kind kind;
	uint32_t state;    /* LGD state code, 1..99 */
	uint32_t district; /* LGD district code, 1..99999 */
	uint32_t station;  /* station code within the district, 1..999999 */
	char terminal[IDENTITY_TERMINAL_MAX + 1]; /* OU, may be empty */
	/* From the station register after Hello; malloc'd, NULL before. */
	char *station_name;
	char *district_name;
	char *state_name;
};

/* Parse a CN of len bytes ("station:9:118:1001") into out's kind and codes.
 * Codes are decimal without leading zeros and within their range. Returns 0,
 * or -1 with a reason (never echoing the CN) in why. */
int identity_parse_cn(const char *cn, size_t len, struct identity *out,
                      char *why, size_t whysz)
        __attribute__((warn_unused_result));

/* Check an OU of len bytes as a terminal name (1..64 of [A-Za-z0-9 ._-]) and
 * copy it into out->terminal. Returns 0, or -1 with why. */
int identity_set_terminal(const char *ou, size_t len, struct identity *out,
                          char *why, size_t whysz)
        __attribute__((warn_unused_result));

/* Store copies of the register's names (replacing earlier ones). */
void identity_set_names(struct identity *id, const char *station,
                        const char *district, const char *state);

/* Free the names; the identity is then empty. */
void identity_clear(struct identity *id);

#endif
