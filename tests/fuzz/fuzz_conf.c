/* fuzz_conf.c: arbitrary text as an ini file for a key table shaped like
 * server.conf: conf_load_string must either fail with a message and nothing
 * allocated, or fill every key; help and the reload diff must not fail. */
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "conf.h"
#include "fuzz_util.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

typedef struct fcfg {
	char *listen, *ca, *cert, *key, *conninfo, *http_listen, *level;
	long max_connections, max_frame, max_in_flight, idle_timeout,
	        drain_timeout, pool_size;
	int flag;
} fcfg;

#define K(sec, name, type, def, min, max, rel, field)                          \
	{                                                                      \
		sec, name, type, def, min, max, rel, offsetof(fcfg, field),    \
		        name                                                   \
	}

static const conf_key keys[] = {
        K("server", "listen", CONF_STRING, "127.0.0.1:7443", 0, 0, 0, listen),
        K("server", "max_connections", CONF_INT, "1024", 1, 1000000, 0,
          max_connections),
        K("server", "max_frame", CONF_SIZE, "1M", 1024, 64L << 20, 0,
          max_frame),
        K("server", "max_in_flight", CONF_INT, "64", 1, 4096, 1, max_in_flight),
        K("server", "idle_timeout", CONF_DURATION, "5m", 1000, 86400000L, 1,
          idle_timeout),
        K("server", "drain_timeout", CONF_DURATION, "30s", 0, 3600000L, 1,
          drain_timeout),
        K("server", "flag", CONF_BOOL, "off", 0, 0, 1, flag),
        K("tls", "ca", CONF_PATH, NULL, 0, 0, 1, ca),
        K("tls", "cert", CONF_PATH, NULL, 0, 0, 1, cert),
        K("tls", "key", CONF_PATH, NULL, 0, 0, 1, key),
        K("database", "conninfo", CONF_STRING, NULL, 0, 0, 0, conninfo),
        K("database", "pool_size", CONF_INT, "4", 1, 64, 0, pool_size),
        K("http", "listen", CONF_STRING, "", 0, 0, 0, http_listen),
        K("log", "level", CONF_STRING, "info", 0, 0, 1, level),
};
#define NKEYS (sizeof(keys) / sizeof(keys[0]))

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	char *text = xmalloc(size + 1);
	fcfg a, b;
	conf_error err;
	char diff[256];

	memcpy(text, data, size);
	text[size] = '\0';
	if (conf_load_string(keys, NKEYS, text, "/etc/cctns", &a, &err) != 0) {
		FUZZ_ASSERT(err.message[0] != '\0', "error without a message");
		FUZZ_ASSERT(!a.listen && !a.ca && !a.conninfo,
		            "failed load left strings allocated");
		conf_free(keys, NKEYS, &a);
		free(text);
		return 0;
	}
	FUZZ_ASSERT(a.listen && a.ca && a.cert && a.key && a.conninfo,
	            "loaded config lacks a string");
	FUZZ_ASSERT(a.max_frame >= 1024 && a.max_frame <= (64L << 20),
	            "max_frame out of range");
	FUZZ_ASSERT(a.ca[0] == '\0' || a.ca[0] == '/', "ca not absolute");
	FUZZ_ASSERT(conf_load_string(keys, NKEYS, text, "/etc/cctns", &b,
	                             &err) == 0,
	            "second load differs");
	FUZZ_ASSERT(conf_diff_unreloadable(keys, NKEYS, &a, &b, diff,
	                                   sizeof(diff)) == 0,
	            "same text, different config");
	conf_free(keys, NKEYS, &a);
	conf_free(keys, NKEYS, &b);
	free(text);
	return 0;
}
