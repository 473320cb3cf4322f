/* audit_note.h (trust): one administrative act into the audit chain (see
 * audit_note.c). */
#ifndef CCTNS_ADMIN_AUDIT_NOTE_H
#define CCTNS_ADMIN_AUDIT_NOTE_H

#include <stdint.h>

#include <libpq-fe.h>

/* Append {terminal "cctns-admin", action, record, outcome ok} for state
 * as a one-record chain of its own. 0, or -1 (printed by db_exec). */
int audit_note(PGconn *c, uint32_t state, const char *action,
               const char *record) __attribute__((warn_unused_result));

#endif
