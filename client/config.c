/* config.c: station.conf keys as one table, and where the file comes from
 * (--config, else $CCTNS_CONFIG). */
#include "config.h"

#include <stdlib.h>
#include <string.h>

#include "util.h"

#define KEY(sec, nm, ty, def, lo, hi, field, help)                             \
	{                                                                      \
		sec, nm, ty, def, lo, hi, 0, offsetof(term_config, field),     \
		        help                                                   \
	}

static const conf_key term_keys[] = {
        KEY("server", "address", CONF_STRING, NULL, 0, 0, address,
            "host:port of cctns-server, e.g. 127.0.0.1:7443 or [::1]:7443"),
        KEY("server", "server_name", CONF_STRING, "", 0, 0, server_name,
            "name checked against the server certificate; empty = the host "
            "of address"),
        KEY("server", "connect_timeout", CONF_DURATION, "5s", 100, 600000,
            connect_timeout_ms, "time allowed to connect and complete Hello"),
        KEY("server", "request_timeout", CONF_DURATION, "30s", 100, 3600000,
            request_timeout_ms, "time allowed for the server to answer"),
        KEY("tls", "ca", CONF_PATH, NULL, 0, 0, ca,
            "the state CA certificate (PEM) the server certificate must chain "
            "to"),
        KEY("tls", "cert", CONF_PATH, "", 0, 0, cert,
            "this terminal's certificate (PEM), issued by the SDC"),
        KEY("tls", "key", CONF_PATH, "", 0, 0, key,
            "this terminal's private key (PEM, not encrypted)"),
        /* outbox: where writes wait while the server cannot be reached */
        KEY("outbox", "dir", CONF_PATH, "outbox", 0, 0, outbox_dir,
            "directory of the offline outbox (created 0700); writes made "
            "while the server cannot be reached wait here for cctns sync"),
        /* signin: the officer's session token (cctns login) */
        KEY("officer", "session_file", CONF_PATH, "", 0, 0, session_file,
            "file (0600) holding the session of the officer signed in with "
            "cctns login; empty = this config's path + \".session\""),
};

const char *term_config_path(const char *path)
{
	const char *env;

	if (path && *path)
		return path;
	env = getenv(TERM_CONFIG_ENV);
	return env && *env ? env : NULL;
}

/* A cert and key come together or not at all. */
static int check_pair(const term_config *cfg, char *msg, size_t msgsz)
{
	int has_cert = cfg->cert && *cfg->cert;
	int has_key = cfg->key && *cfg->key;

	if (has_cert == has_key)
		return 0;
	snprintf(msg, msgsz,
	         "%s: [tls] %s is set but %s is not: give both "
	         "the terminal certificate and its key",
	         cfg->path, has_cert ? "cert" : "key",
	         has_cert ? "key" : "cert");
	return -1;
}

int term_config_load(const char *path, term_config *cfg, char *msg,
                     size_t msgsz)
{
	conf_error cerr;

	memset(cfg, 0, sizeof(*cfg));
	path = term_config_path(path);
	if (!path) {
		snprintf(msg, msgsz,
		         "no terminal config: pass --config FILE or set "
		         "%s; ./deploy/quickstart writes var/station-a.conf",
		         TERM_CONFIG_ENV);
		return -1;
	}
	if (conf_load(term_keys, ARRAY_LEN(term_keys), path, cfg, &cerr) < 0) {
		snprintf(msg, msgsz, "%s", cerr.message);
		memset(cfg, 0, sizeof(*cfg));
		return -1;
	}
	cfg->path = xstrdup(path);
	if (!cfg->session_file || !*cfg->session_file) { /* signin */
		size_t n = strlen(path) + sizeof(".session");

		free(cfg->session_file);
		cfg->session_file = xmalloc(n);
		snprintf(cfg->session_file, n, "%s.session", path);
	}
	if (check_pair(cfg, msg, msgsz) < 0) {
		term_config_free(cfg);
		return -1;
	}
	return 0;
}

void term_config_free(term_config *cfg)
{
	conf_free(term_keys, ARRAY_LEN(term_keys), cfg);
	free(cfg->path);
	memset(cfg, 0, sizeof(*cfg));
}

void term_config_print_help(FILE *out)
{
	conf_print_help(term_keys, ARRAY_LEN(term_keys), out);
}
