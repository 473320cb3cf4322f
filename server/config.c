/* config.c: the table of server.conf keys and the checks the table cannot
 * express (listen addresses, log level). Loading, defaults, ranges and
 * --help-config all come from the one table below. */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <event2/util.h>

#include "frame.h"
#include "util.h"

#define KEY(sec, name, type, def, min, max, reload, field, help)               \
	{                                                                      \
		sec, name, type, def, min, max, reload,                        \
		        offsetof(struct server_config, field), help            \
	}

static const conf_key server_keys[] = {
        KEY("server", "listen", CONF_STRING, "127.0.0.1:7443", 0, 0, 0, listen,
            "host:port of the TLS listener"),
        KEY("server", "max_connections", CONF_INT, "1024", 1, 1000000, 1,
            max_connections, "open connections; more are accepted and closed"),
        KEY("server", "max_frame", CONF_SIZE, "1M", 64, FRAME_ABSOLUTE_MAX, 1,
            max_frame, "cap on one frame body (new connections)"),
        KEY("server", "max_in_flight", CONF_INT, "64", 1, 4096, 1,
            max_in_flight, "requests in flight per connection"),
        KEY("server", "idle_timeout", CONF_DURATION, "5m", 1000, 86400000L, 1,
            idle_timeout_ms, "close a connection idle this long"),
        KEY("server", "drain_timeout", CONF_DURATION, "30s", 0, 3600000L, 1,
            drain_timeout_ms, "SIGTERM: time to finish in-flight requests"),
        KEY("tls", "ca", CONF_PATH, NULL, 0, 0, 1, tls_ca,
            "the state CA: client certificates must chain to it"),
        KEY("tls", "cert", CONF_PATH, NULL, 0, 0, 1, tls_cert,
            "server certificate chain (PEM)"),
        KEY("tls", "key", CONF_PATH, NULL, 0, 0, 1, tls_key,
            "server private key (PEM)"),
        /* crl: revocation (issue 5) */
        KEY("tls", "crl", CONF_PATH, "", 0, 0, 1, tls_crl,
            "PEM CRL(s) of the state CA (cctns-admin crl); empty = none"),
        KEY("database", "conninfo", CONF_STRING, NULL, 0, 0, 0, db_conninfo,
            "libpq connection string of the cctns_server role"),
        KEY("database", "pool_size", CONF_INT, "2", 1, 256, 0, db_pool_size,
            "database connections of each worker (statements pipeline on "
            "them, and registrations waiting together share a "
            "transaction: two keep a core's backend busy)"),
        /* trust: requests wait for the database within this deadline */
        KEY("database", "wait", CONF_DURATION, "4s", 100, 600000L, 1,
            db_wait_ms,
            "a request waits this long for a database connection (the "
            "pool reconnects with backoff meanwhile), then fails with "
            "unavailable; nothing of it is stored (keep it below the "
            "terminals' connect_timeout, 5s, so they hear why)"),
        /* reg (issue 7): registrations waiting together, one transaction */
        KEY("database", "group", CONF_INT, "8", 1, 16, 1, db_group,
            "FIR registrations waiting for a connection at the same "
            "moment go up to this many in one transaction, in station "
            "order, each in its own savepoint (one's error undoes nothing "
            "of the others) and each answered once it has committed: "
            "fewer commits and less work per registration under load; 1 = "
            "each registration its own transaction"),
        KEY("http", "listen", CONF_STRING, "127.0.0.1:7480", 0, 0, 0,
            http_listen, "host:port for /healthz and /metrics; empty = off"),
        KEY("log", "level", CONF_STRING, "info", 0, 0, 1, log_level,
            "debug, info, warn, error"),
        /* signin */
        KEY("officers", "session_idle", CONF_DURATION, "30m", 1000, 86400000L,
            1, officer_idle_ms,
            "an officer's session locks after this idle time"),
        KEY("officers", "lockout", CONF_DURATION, "10m", 1000, 86400000L, 1,
            officer_lockout_ms,
            "an officer is locked this long after max_failures"),
        KEY("officers", "max_failures", CONF_INT, "5", 1, 100, 1,
            officer_max_failures, "failed sign-ins in a row that lock"),
        KEY("officers", "hash_threads", CONF_INT, "2", 1, 64, 0,
            officer_hash_threads,
            "threads verifying passwords (Argon2id, 19 MiB each)"),
        /* load: every core */
        KEY("server", "workers", CONF_INT, "0", 0, 256, 0, workers,
            "worker processes, each with its own loop, pool and listener "
            "(SO_REUSEPORT); 0 = one per core; worker i serves http on "
            "port + i"),
        /* repl: reads on standbys */
        KEY("database", "read_conninfo", CONF_STRING, "", 0, 0, 1,
            db_read_conninfo,
            "libpq connection string for searches, the dossier and "
            "lookups (a hot standby; several hosts with "
            "target_session_attrs=prefer-standby); empty = the primary; "
            "reads fall back to the primary while it is down"),
        KEY("database", "read_pool_size", CONF_INT, "2", 1, 256, 1,
            db_read_pool_size, "connections of the read pool"),
        /* fir: the worker's FIR copies (fircache.h) */
        KEY("cache", "fir_mb", CONF_INT, "16", 0, 4096, 1, cache_fir_mb,
            "MB of FIRs each worker keeps as built (0 = off)"),
        /* ops (slice 11): the person search GIN flush (ginflush.h) */
        KEY("search", "flush_ms", CONF_INT, "250", 0, 3600000L, 1,
            search_flush_ms,
            "milliseconds between moves of the person search index's "
            "pending list into its tree (one worker; 0 = off: "
            "autovacuum and registrations past gin_pending_list_limit "
            "do it)"),
        /* fir (slice 12): local answers of plain FIR copies (firlisten.h) */
        KEY("cache", "fir_local", CONF_BOOL, "on", 0, 1, 1, cache_fir_local,
            "answer a current plain FIR copy in the worker, without the "
            "database, while its LISTEN cctns_fir connection is up (off: "
            "every read asks the database)"),
        /* hs (issue 7): Hello from the worker's station register
         * (stationcache.h) */
        KEY("cache", "station_local", CONF_BOOL, "on", 0, 1, 1,
            cache_station_local,
            "answer a Hello's station lookup from the worker's register "
            "of stations it was told about, while its LISTEN cctns_fir "
            "connection is up (off: every Hello asks the database)"),
        /* hs (issue 7): a Hello's session resumed from the worker's
         * sessions (officercache.h) */
        KEY("cache", "officer_local", CONF_BOOL, "on", 0, 1, 1,
            cache_officer_local,
            "resume a Hello's officer session from the worker's sessions "
            "the database accepted in the last twentieth of "
            "session_idle (at most 30 s), while its LISTEN connection is "
            "up; sign-outs, locks and role changes forget them at once "
            "(off: every Hello with a session token asks the database)"),
};

/* Split "host:port" / "[v6]:port" into host and port text. */
static int split_host_port(const char *text, const char **host, size_t *hostlen,
                           const char **port)
{
	const char *end;

	if (text[0] == '[') {
		end = strchr(text, ']');
		if (!end || end[1] != ':')
			return -1;
		*host = text + 1;
		*hostlen = (size_t)(end - text - 1);
		*port = end + 2;
	} else {
		end = strchr(text, ':');
		if (!end || strchr(end + 1, ':'))
			return -1;
		*host = text;
		*hostlen = (size_t)(end - text);
		*port = end + 1;
	}
	if ((*port)[0] == '\0' ||
	    strspn(*port, "0123456789") != strlen(*port) || strlen(*port) > 5 ||
	    atoi(*port) > 65535)
		return -1;
	return 0;
}

int config_parse_listen(const char *text, struct listen_addr *out)
{
	const char *host, *port;
	size_t hostlen;

	memset(out, 0, sizeof(*out));
	if (split_host_port(text, &host, &hostlen, &port) != 0 ||
	    hostlen == 0 || hostlen >= sizeof(out->host))
		return -1;
	out->salen = (int)sizeof(out->sa);
	if (evutil_parse_sockaddr_port(text, (struct sockaddr *)&out->sa,
	                               &out->salen) != 0)
		return -1;
	memcpy(out->host, host, hostlen);
	out->port = atoi(port);
	out->set = 1;
	return 0;
}

static int config_fail(conf_error *err, const char *path, const char *key,
                       const char *why)
{
	snprintf(err->message, sizeof(err->message), "%s: %s: %s", path, key,
	         why);
	return -1;
}

/* What the table cannot check: addresses and the log level. */
static int config_derive(const char *path, struct server_config *cfg,
                         conf_error *err)
{
	if (config_parse_listen(cfg->listen, &cfg->listen_addr) != 0)
		return config_fail(err, path, "[server] listen",
		                   "expected IPv4:port or [IPv6]:port");
	if (cfg->http_listen[0] != '\0' &&
	    config_parse_listen(cfg->http_listen, &cfg->http_addr) != 0)
		return config_fail(err, path, "[http] listen",
		                   "expected IPv4:port, [IPv6]:port or empty");
	if (log_level_parse(cfg->log_level, &cfg->level) != 0)
		return config_fail(err, path, "[log] level",
		                   "expected debug, info, warn or error");
	if (cfg->db_conninfo[0] == '\0')
		return config_fail(err, path, "[database] conninfo",
		                   "must not be empty");
	return 0;
}

int config_load(const char *path, struct server_config *cfg, conf_error *err)
{
	memset(cfg, 0, sizeof(*cfg));
	if (conf_load(server_keys, ARRAY_LEN(server_keys), path, cfg, err) != 0)
		return -1;
	if (config_derive(path, cfg, err) != 0) {
		config_free(cfg);
		return -1;
	}
	return 0;
}

void config_free(struct server_config *cfg)
{
	conf_free(server_keys, ARRAY_LEN(server_keys), cfg);
	memset(cfg, 0, sizeof(*cfg));
}

int config_unreloadable(const struct server_config *old,
                        const struct server_config *new_cfg, char *buf,
                        size_t bufsz)
{
	return conf_diff_unreloadable(server_keys, ARRAY_LEN(server_keys), old,
	                              new_cfg, buf, bufsz);
}

void config_print_help(FILE *out)
{
	conf_print_help(server_keys, ARRAY_LEN(server_keys), out);
}
