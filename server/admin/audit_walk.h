/* audit_walk.h (cleanup, slice 10): what both hash chains of `cctns-admin
 * audit verify` share (audit.log per server process, audit.c; the sealed
 * reads, audit_sealed.c): streaming a chain's rows in sequence order and
 * holding each against the chain so far, then the chain's end against its
 * head. The callers compute the hashes (each chain has its encoding) and
 * print the broken link with their own wording of where it is. */
#ifndef CCTNS_ADMIN_AUDIT_WALK_H
#define CCTNS_ADMIN_AUDIT_WALK_H

#include <stddef.h>
#include <stdint.h>

#include <libpq-fe.h>

#include "audit_chain.h"

/* A chain walked so far: the hash of the last record, the seq expected
 * next (1 at the start) and how many records held. */
struct audit_link {
	uint8_t prev[AUDIT_HASH_LEN];
	unsigned long long expect;
	long long records;
};

void audit_link_init(struct audit_link *l);

/* One streamed row (PGRES_SINGLE_TUPLE): 0 while the chain holds, -1 at its
 * first broken link (the callback has printed it). */
typedef int (*audit_row_fn)(const PGresult *row, void *arg);

/* Send sql (parameters as text) in single-row mode and call fn on each row
 * until it returns -1; later rows are read and dropped. Returns 1 when
 * every row held, 0 when fn stopped at a broken link, -1 on a database
 * error (reported with what). */
int audit_walk(PGconn *c, const char *what, const char *sql, int nparams,
               const char *const *params, audit_row_fn fn, void *arg)
        __attribute__((warn_unused_result));

/* A record with sequence number seq, stored prev_hash prev and stored hash
 * stored, whose hash recomputed over its columns and prev is computed:
 * returns 0 and advances l, or -1 with *at (the seq of the broken link)
 * and why (as audit verify prints it: "missing sequence (next record found
 * is N)", "prev_hash mismatch", "hash mismatch"). */
int audit_link_next(struct audit_link *l, unsigned long long seq,
                    const uint8_t *prev, const uint8_t *stored,
                    const uint8_t *computed, unsigned long long *at, char *why,
                    size_t whysz) __attribute__((warn_unused_result));

/* The end of a chain walked up to its head (last seq, last hash in hex;
 * head names the table for the message): 0, or -1 with *at and why
 * ("missing sequence (the chain's head is N)", "head hash mismatch
 * (HEAD)"). A record beyond the head is audit_beyond_head's. */
int audit_link_end(const struct audit_link *l, unsigned long long last,
                   const char *last_hash_hex, const char *head,
                   unsigned long long *at, char *why, size_t whysz)
        __attribute__((warn_unused_result));

/* A record beyond a chain's head, by sql: one row, one column, the lowest
 * seq above the head or NULL, read with the head in one statement (a
 * record is appended with its head in one transaction, so one beyond the
 * head in the same snapshot was put there by hand). Returns 1 with *at
 * (printed by the caller as "record beyond the chain's head"), 0 when there
 * is none, -1 on a database error (reported). */
int audit_beyond_head(PGconn *c, const char *sql, int nparams,
                      const char *const *params, unsigned long long *at)
        __attribute__((warn_unused_result));

#endif
