/* perm.h: permissions as a bitmask. The codes and their order are those of
 * ref.permission (0028_officers.sql: code, bit); a dispatch row names the
 * permission its request needs, and the session checks the signed-in
 * officer's mask before any work. Pure C, unit-tested. */
#ifndef CCTNS_SERVER_PERM_H
#define CCTNS_SERVER_PERM_H

#include <stddef.h>
#include <stdint.h>

/* Pseudo-permissions a row may name instead of a ref.permission code. */
#define PERM_NONE    "none"    /* no officer needed (Hello, SignIn, ...) */
#define PERM_OFFICER "officer" /* any signed-in officer (SignOut, WhoAmI) */

/* Bit of code (a ref.permission code), or -1 when unknown. */
int perm_bit(const char *code);

/* Code of bit b, or NULL. */
const char *perm_code(int b);

/* Number of permission codes. */
size_t perm_count(void);

/* The mask of a PostgreSQL text[] literal of codes ("{read_station,
 * register}"). Unknown codes are skipped and counted in *unknown. */
uint64_t perm_mask_from_array(const char *pgarray, unsigned *unknown);

/* Does a row's permission admit an officer with mask (signed_in: an
 * officer is signed in)? 1 yes, 0 no. An unknown code admits nobody. */
int perm_allows(const char *permission, int signed_in, uint64_t mask);

#endif
