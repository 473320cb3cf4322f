/* outbox_int.h: the outbox's file helpers, shared by outbox.c (queueing,
 * delivery) and cmd_outbox.c (sync, list, show). */
#ifndef CCTNS_CLIENT_OUTBOX_INT_H
#define CCTNS_CLIENT_OUTBOX_INT_H

#include <dirent.h>
#include <stddef.h>
#include <stdint.h>

#include "cli.h"
#include "outbox_rec.h"

/* DIR/rel of the outbox ("" for the directory itself). */
void ob_path(const cli_ctx *ctx, const char *rel, char *out, size_t n);
/* dir/name written by temp file + fsync + rename + directory fsync. */
int ob_write_file(const char *dir, const char *name, const void *data,
                  size_t len) __attribute__((warn_unused_result));
int ob_read_file(const char *path, uint8_t **out, size_t *len)
        __attribute__((warn_unused_result));
/* The outbox lock (flock), waiting or not; -1 when not had. */
int ob_lock(const cli_ctx *ctx, int wait) __attribute__((warn_unused_result));
void ob_unlock(int fd);
/* The *.rec names of an area in order; -1 when it cannot be read. */
int ob_list(const cli_ctx *ctx, const char *area, struct dirent ***names);
void ob_list_free(struct dirent **names, int n);
/* Read and check area/name. -1 with why. */
int ob_load(const cli_ctx *ctx, const char *area, const char *name,
            outbox_rec *r, char *why, size_t whysz)
        __attribute__((warn_unused_result));
/* area/name -> to/name, with to/name.reason when reason is not NULL. */
int ob_move(const cli_ctx *ctx, const char *area, const char *name,
            const char *to, const char *reason)
        __attribute__((warn_unused_result));
/* The idempotency key in r's request as hex ("" when none). */
void ob_request_key(const outbox_rec *r, char *out);

#endif
