/* perm.c: the permission codes in ref.permission's bit order (see perm.h);
 * 0028_officers.sql inserts the same list, and tests/unit/test_perm.c
 * checks the mapping. */
#include "perm.h"

#include <string.h>

#include "util.h"

/* Index = bit. Keep in step with ref.permission (0028_officers.sql). */
static const char *const perm_codes[] = {
        "read_station", "register",      "investigate", "supervise",
        "court",        "read_district", "read_state",  "merge_persons",
        "view_sealed",  "operate",       "report",      "verify",
};

int perm_bit(const char *code)
{
	for (size_t i = 0; i < ARRAY_LEN(perm_codes); i++) {
		if (strcmp(perm_codes[i], code) == 0)
			return (int)i;
	}
	return -1;
}

const char *perm_code(int b)
{
	if (b < 0 || (size_t)b >= ARRAY_LEN(perm_codes))
		return NULL;
	return perm_codes[b];
}

size_t perm_count(void)
{
	return ARRAY_LEN(perm_codes);
}

uint64_t perm_mask_from_array(const char *pgarray, unsigned *unknown)
{
	uint64_t mask = 0;
	char word[48];
	size_t n = 0;

	*unknown = 0;
	if (!pgarray)
		return 0;
	for (const char *p = pgarray;; p++) {
		if (*p == '{' || *p == '"')
			continue;
		if (*p == ',' || *p == '}' || *p == '\0') {
			word[n < sizeof(word) ? n : sizeof(word) - 1] = '\0';
			if (n > 0 && n < sizeof(word)) {
				int b = perm_bit(word);

				if (b >= 0)
					mask |= UINT64_C(1) << b;
				else
					(*unknown)++;
			} else if (n > 0) {
				(*unknown)++;
			}
			n = 0;
			if (*p != ',')
				break;
			continue;
		}
		if (n < sizeof(word))
			word[n] = *p;
		n++;
	}
	return mask;
}

int perm_allows(const char *permission, int signed_in, uint64_t mask)
{
	int b;

	if (!permission)
		return 0;
	if (strcmp(permission, PERM_NONE) == 0)
		return 1;
	if (!signed_in)
		return 0;
	if (strcmp(permission, PERM_OFFICER) == 0)
		return 1;
	b = perm_bit(permission);
	return b >= 0 && (mask >> b) & 1;
}
