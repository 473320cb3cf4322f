/* audit_sealed.h (sealed2): verify the hash chain of the sealed reads
 * (audit.sealed_read, migration 0035); see audit_sealed.c. */
#ifndef CCTNS_ADMIN_AUDIT_SEALED_H
#define CCTNS_ADMIN_AUDIT_SEALED_H

#include <libpq-fe.h>

/* Recompute the chain of sealed reads; the first broken link is printed
 * ("audit: sealed reads broken at seq N: what"). Returns 0 when it holds
 * (*records: how many), 1 when broken, -1 on a database error (printed). */
int audit_verify_sealed(PGconn *c, long long *records)
        __attribute__((warn_unused_result));

#endif
