/* conf.h: table-driven ini configuration. Each program declares every key
 * once in a conf_key table (section, name, type, default, reloadable, help);
 * the same table drives parsing, validation, defaults and --help-config.
 * Files are read with inih (Debian's libinih). Unknown sections or keys,
 * values of the wrong type or out of range, and duplicate keys are errors
 * that name the file, line and key. */
#ifndef CCTNS_CONF_H
#define CCTNS_CONF_H

#include <stddef.h>
#include <stdio.h>

typedef enum conf_type {
	CONF_STRING,   /* char * (malloc'd copy; freed by conf_free) */
	CONF_PATH,     /* char *, a file path; relative paths are resolved
	                  against the config file's directory */
	CONF_INT,      /* long, within [min, max] */
	CONF_BOOL,     /* int 0/1; accepts true/false/yes/no/on/off/1/0 */
	CONF_DURATION, /* long milliseconds; accepts "250ms", "30s", "5m",
	                  "1h", or a bare number of seconds */
	CONF_SIZE,     /* long bytes; accepts "512", "64k", "1M", "1G" */
} conf_type;

typedef struct conf_key {
	const char *section; /* "server" for [server] */
	const char *name;    /* "max_connections" */
	conf_type type;
	const char *def;  /* default as text, NULL = required */
	long min, max;    /* for INT, DURATION, SIZE */
	int reloadable;   /* may SIGHUP change it? */
	size_t offset;    /* offsetof(struct your_config, field) */
	const char *help; /* one line */
} conf_key;

typedef struct conf_error {
	char message[512]; /* "server.conf:12: [server] max_frame: ..." */
} conf_error;

/* Load path into the struct at cfg using keys[0..nkeys). Defaults are applied
 * first, then the file. On error returns -1, fills err, and leaves cfg with
 * nothing allocated (conf_free is still safe to call). */
int conf_load(const conf_key *keys, size_t nkeys, const char *path, void *cfg,
              conf_error *err) __attribute__((warn_unused_result));

/* Same, from a string (for tests and fuzzing); base_dir resolves CONF_PATH. */
int conf_load_string(const conf_key *keys, size_t nkeys, const char *text,
                     const char *base_dir, void *cfg, conf_error *err)
        __attribute__((warn_unused_result));

/* Free the strings conf_load allocated in cfg. */
void conf_free(const conf_key *keys, size_t nkeys, void *cfg);

/* Print every key with its type, default, reloadability and help, grouped
 * by section, as a commented sample ini file. */
void conf_print_help(const conf_key *keys, size_t nkeys, FILE *out);

/* Names of keys whose values differ between a and b and are not reloadable,
 * comma-separated into buf. Returns the number of such keys. */
int conf_diff_unreloadable(const conf_key *keys, size_t nkeys, const void *a,
                           const void *b, char *buf, size_t bufsz);

#endif
