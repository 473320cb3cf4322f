/* audit_walk.c (cleanup, slice 10): the row loop and the link checks both
 * chains of `cctns-admin audit verify` share; see audit_walk.h. */
#include "audit_walk.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "db.h"

void audit_link_init(struct audit_link *l)
{
	memset(l, 0, sizeof(*l));
	l->expect = 1;
}

int audit_walk(PGconn *c, const char *what, const char *sql, int nparams,
               const char *const *params, audit_row_fn fn, void *arg)
{
	PGresult *res;
	int ok = 1, failed = 0;

	if (!PQsendQueryParams(c, sql, nparams, NULL, params, NULL, NULL, 0) ||
	    !PQsetSingleRowMode(c)) {
		db_report(what, c, NULL);
		return -1;
	}
	while ((res = PQgetResult(c))) {
		ExecStatusType st = PQresultStatus(res);

		if (st == PGRES_SINGLE_TUPLE && ok)
			ok = fn(res, arg) == 0;
		else if (st != PGRES_SINGLE_TUPLE && st != PGRES_TUPLES_OK) {
			db_report(what, c, res);
			failed = 1;
		}
		PQclear(res);
	}
	return failed ? -1 : ok;
}

int audit_link_next(struct audit_link *l, unsigned long long seq,
                    const uint8_t *prev, const uint8_t *stored,
                    const uint8_t *computed, unsigned long long *at, char *why,
                    size_t whysz)
{
	*at = seq;
	if (seq != l->expect) {
		*at = l->expect;
		snprintf(why, whysz,
		         "missing sequence (next record found is %llu)", seq);
		return -1;
	}
	if (memcmp(prev, l->prev, AUDIT_HASH_LEN) != 0) {
		snprintf(why, whysz, "prev_hash mismatch");
		return -1;
	}
	if (memcmp(computed, stored, AUDIT_HASH_LEN) != 0) {
		snprintf(why, whysz, "hash mismatch");
		return -1;
	}
	memcpy(l->prev, stored, AUDIT_HASH_LEN);
	l->expect++;
	l->records++;
	return 0;
}

int audit_link_end(const struct audit_link *l, unsigned long long last,
                   const char *last_hash_hex, const char *head,
                   unsigned long long *at, char *why, size_t whysz)
{
	uint8_t h[AUDIT_HASH_LEN];

	if (l->expect - 1 < last) {
		*at = l->expect;
		snprintf(why, whysz,
		         "missing sequence (the chain's head is %llu)", last);
		return -1;
	}
	if (audit_unhex(last_hash_hex, h, AUDIT_HASH_LEN) != 0 ||
	    memcmp(h, l->prev, AUDIT_HASH_LEN) != 0) {
		*at = last;
		snprintf(why, whysz, "head hash mismatch (%s)", head);
		return -1;
	}
	return 0;
}

int audit_beyond_head(PGconn *c, const char *sql, int nparams,
                      const char *const *params, unsigned long long *at)
{
	PGresult *res = db_exec(c, "audit verify", sql, nparams, params);
	int found;

	if (!res)
		return -1;
	found = PQntuples(res) == 1 && !PQgetisnull(res, 0, 0);
	if (found)
		*at = strtoull(PQgetvalue(res, 0, 0), NULL, 10);
	PQclear(res);
	return found;
}
