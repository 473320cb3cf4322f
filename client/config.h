/* config.h: the terminal's station.conf (server address and name, timeouts,
 * the state CA, this terminal's certificate and key), declared once as a
 * conf_key table. Shared by cctns and the benchmark. */
#ifndef CCTNS_CLIENT_CONFIG_H
#define CCTNS_CLIENT_CONFIG_H

#include <stddef.h>
#include <stdio.h>

#include "conf.h"

typedef struct term_config {
	char *address;           /* [server] address: host:port */
	char *server_name;       /* [server] server_name: checked in the cert */
	long connect_timeout_ms; /* [server] connect_timeout */
	long request_timeout_ms; /* [server] request_timeout */
	char *ca;                /* [tls] ca: the state CA certificate */
	char *cert;              /* [tls] cert: "" when none is configured */
	char *key;               /* [tls] key: "" when none is configured */
	char *outbox_dir;        /* [outbox] dir: the offline outbox */
	char *session_file; /* [officer] session_file (signin); never empty */
	char *path;         /* the file it was read from (not a key) */
} term_config;

/* Environment variable naming the config when --config is not given. */
#define TERM_CONFIG_ENV "CCTNS_CONFIG"

/* Which file to read: path when not NULL, else $CCTNS_CONFIG. NULL when
 * neither is set. */
const char *term_config_path(const char *path);

/* Load the file at path (NULL: $CCTNS_CONFIG) into cfg. On error returns -1
 * with a message for a person in msg (file, line, key, what to do). cfg is
 * then empty; term_config_free is safe either way. */
int term_config_load(const char *path, term_config *cfg, char *msg,
                     size_t msgsz) __attribute__((warn_unused_result));
void term_config_free(term_config *cfg);

/* Print every key with its default and help as a commented station.conf. */
void term_config_print_help(FILE *out);

#endif
