/* config.h: the server's configuration. Every key of server.conf is declared
 * once in the table in config.c (type, default, range, reloadability, help);
 * this header is the struct that table fills and the few derived values
 * (parsed listen addresses) the rest of the server needs. */
#ifndef CCTNS_SERVER_CONFIG_H
#define CCTNS_SERVER_CONFIG_H

#include <stddef.h>
#include <stdio.h>
#include <sys/socket.h>

#include "conf.h"
#include "log.h"

/* A parsed host:port. */
struct listen_addr {
	int set; /* 0 when the key is empty (listener off) */
	struct sockaddr_storage sa;
	int salen;
	char host[64]; /* host part as written, without brackets */
	int port;
};

struct server_config {
	/* [server] */
	char *listen;
	long max_connections;
	long max_frame; /* bytes, <= FRAME_ABSOLUTE_MAX */
	long max_in_flight;
	long idle_timeout_ms;
	long drain_timeout_ms;
	/* [tls] */
	char *tls_ca;
	char *tls_cert;
	char *tls_key;
	char *tls_crl; /* "" when revocation is not checked */
	/* [database] */
	char *db_conninfo;
	long db_pool_size;
	long db_wait_ms; /* trust: how long a request waits for a connection */
	long db_group;   /* reg: registrations in one transaction, at most */
	/* [http] */
	char *http_listen;
	/* [log] */
	char *log_level;
	/* [officers] (signin) */
	long officer_idle_ms;
	long officer_lockout_ms;
	long officer_max_failures;
	long officer_hash_threads;
	/* load: worker processes (0 = one per core) */
	long workers;
	/* repl: reads on standbys (readpool.h); "" = none */
	char *db_read_conninfo;
	long db_read_pool_size;
	/* fir: [cache] fir_mb, per worker (fircache.h) */
	long cache_fir_mb;
	/* ops (slice 11): [search] flush_ms (ginflush.h), 0 = off */
	long search_flush_ms;
	/* fir (slice 12): [cache] fir_local (firlisten.h) */
	int cache_fir_local;
	/* hs (issue 7): [cache] station_local (stationcache.h) */
	int cache_station_local;
	/* hs (issue 7): [cache] officer_local (officercache.h) */
	int cache_officer_local;

	/* Derived by config_load, not keys. */
	struct listen_addr listen_addr;
	struct listen_addr http_addr;
	log_level level;
};

/* Load and validate path into cfg (zeroed by the call). On error returns -1
 * with a message naming file, line and key in err; cfg then holds nothing. */
int config_load(const char *path, struct server_config *cfg, conf_error *err)
        __attribute__((warn_unused_result));

void config_free(struct server_config *cfg);

/* Which keys differ between old and new and cannot change on SIGHUP,
 * comma-separated into buf. Returns their number (0: the reload may go on). */
int config_unreloadable(const struct server_config *old,
                        const struct server_config *new_cfg, char *buf,
                        size_t bufsz);

void config_print_help(FILE *out);

/* Parse "host:port" or "[v6]:port" (port 0..65535). 0 or -1. */
int config_parse_listen(const char *text, struct listen_addr *out)
        __attribute__((warn_unused_result));

#endif
