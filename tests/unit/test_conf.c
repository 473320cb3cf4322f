/* test_conf.c: table-driven ini configuration (proto/conf.h), exercised
 * with a table shaped like server.conf: types, defaults, required keys,
 * errors that name file:line [section] key, paths, reload diff, help. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include <cmocka.h>

#include "conf.h"

typedef struct tcfg {
	char *listen;
	long max_connections;
	long max_frame;
	long idle_timeout;
	int verbose;
	char *ca;
	char *conninfo;
	char *http_listen;
	char *level;
} tcfg;

#define K(sec, name, type, def, min, max, rel, field, help)                    \
	{                                                                      \
		sec, name, type, def, min, max, rel, offsetof(tcfg, field),    \
		        help                                                   \
	}

static const conf_key keys[] = {
        K("server", "listen", CONF_STRING, "127.0.0.1:7443", 0, 0, 0, listen,
          "host:port of the TLS listener"),
        K("server", "max_connections", CONF_INT, "1024", 1, 100000, 1,
          max_connections, "connections accepted at once"),
        K("server", "max_frame", CONF_SIZE, "1M", 1024, 64L * 1024 * 1024, 0,
          max_frame, "cap on one frame body"),
        K("server", "idle_timeout", CONF_DURATION, "5m", 1000, 86400000L, 1,
          idle_timeout, "close a connection idle this long"),
        K("server", "verbose", CONF_BOOL, "false", 0, 0, 1, verbose,
          "log more"),
        K("tls", "ca", CONF_PATH, NULL, 0, 0, 0, ca, "the state CA"),
        K("database", "conninfo", CONF_STRING, NULL, 0, 0, 0, conninfo,
          "libpq connection string"),
        K("http", "listen", CONF_STRING, "", 0, 0, 0, http_listen,
          "/healthz and /metrics; empty = off"),
        K("log", "level", CONF_STRING, "info", 0, 0, 1, level,
          "debug, info, warn, error"),
};
#define NKEYS (sizeof(keys) / sizeof(keys[0]))

#define REQUIRED "[tls]\nca = ca.crt\n[database]\nconninfo = dbname=x\n"

static int load(const char *text, tcfg *c, conf_error *err)
{
	memset(c, 0xA5, sizeof(*c)); /* garbage: conf must not trust it */
	return conf_load_string(keys, NKEYS, text, "/etc/cctns", c, err);
}

static void load_ok(const char *text, tcfg *c)
{
	conf_error err;

	if (load(text, c, &err) != 0)
		fail_msg("rejected: %s", err.message);
}

/* Load must fail with exactly this message. */
static void load_fails(const char *text, const char *message)
{
	tcfg c;
	conf_error err;

	assert_int_equal(load(text, &c, &err), -1);
	if (strcmp(err.message, message) != 0)
		fail_msg("got \"%s\", expected \"%s\"", err.message, message);
	/* Nothing left allocated: every string field is NULL. */
	assert_null(c.listen);
	assert_null(c.ca);
	assert_null(c.conninfo);
	conf_free(keys, NKEYS, &c);
}

static void defaults_apply_when_keys_are_absent(void **state)
{
	tcfg c;

	(void)state;
	load_ok(REQUIRED, &c);
	assert_string_equal(c.listen, "127.0.0.1:7443");
	assert_int_equal(c.max_connections, 1024);
	assert_int_equal(c.max_frame, 1024 * 1024);
	assert_int_equal(c.idle_timeout, 5 * 60 * 1000);
	assert_int_equal(c.verbose, 0);
	assert_string_equal(c.http_listen, "");
	assert_string_equal(c.level, "info");
	conf_free(keys, NKEYS, &c);
	assert_null(c.listen);
}

static void values_may_contain_equals_and_colons(void **state)
{
	tcfg c;

	(void)state;
	load_ok("[server]\nlisten = 0.0.0.0:7443\n[tls]\nca = ca.crt\n"
	        "[database]\nconninfo = host=/run/pg dbname=cctns "
	        "user=cctns_server\n",
	        &c);
	assert_string_equal(c.listen, "0.0.0.0:7443");
	assert_string_equal(c.conninfo,
	                    "host=/run/pg dbname=cctns user=cctns_server");
	conf_free(keys, NKEYS, &c);
}

static void inline_comment_needs_whitespace_before_semicolon(void **state)
{
	tcfg c;

	(void)state;
	load_ok("; a comment\n# another\n[server]\n"
	        "listen = 127.0.0.1:1 ; host:port\n"
	        "[tls]\nca = a;b.crt\n[database]\nconninfo = x # not a "
	        "comment\n"
	        "[log]\n  level = debug\t; indented key, tab before ;\n",
	        &c);
	assert_string_equal(c.listen, "127.0.0.1:1");
	assert_string_equal(c.ca, "/etc/cctns/a;b.crt");
	assert_string_equal(c.conninfo, "x # not a comment");
	assert_string_equal(c.level, "debug");
	conf_free(keys, NKEYS, &c);
}

static void integers_booleans_durations_and_sizes_parse(void **state)
{
	static const struct {
		const char *line;
		size_t off;
		long want;
	} rows[] = {
	        {"max_connections = 1", offsetof(tcfg, max_connections), 1},
	        {"max_connections = 100000", offsetof(tcfg, max_connections),
	         100000},
	        {"max_frame = 1024", offsetof(tcfg, max_frame), 1024},
	        {"max_frame = 64k", offsetof(tcfg, max_frame), 65536},
	        {"max_frame = 64K", offsetof(tcfg, max_frame), 65536},
	        {"max_frame = 2M", offsetof(tcfg, max_frame), 2097152},
	        {"max_frame = 64M", offsetof(tcfg, max_frame), 67108864},
	        {"idle_timeout = 1500ms", offsetof(tcfg, idle_timeout), 1500},
	        {"idle_timeout = 30s", offsetof(tcfg, idle_timeout), 30000},
	        {"idle_timeout = 5m", offsetof(tcfg, idle_timeout), 300000},
	        {"idle_timeout = 1h", offsetof(tcfg, idle_timeout), 3600000},
	        {"idle_timeout = 45", offsetof(tcfg, idle_timeout), 45000},
	};
	char text[256];
	tcfg c;

	(void)state;
	for (size_t i = 0; i < sizeof(rows) / sizeof(rows[0]); i++) {
		snprintf(text, sizeof(text), "[server]\n%s\n" REQUIRED,
		         rows[i].line);
		load_ok(text, &c);
		long got = *(long *)((char *)&c + rows[i].off);
		if (got != rows[i].want)
			fail_msg("%s gave %ld", rows[i].line, got);
		conf_free(keys, NKEYS, &c);
	}
}

static void booleans_accept_the_usual_words(void **state)
{
	static const struct {
		const char *word;
		int want;
	} rows[] = {{"true", 1},  {"yes", 1}, {"on", 1},  {"1", 1}, {"TRUE", 1},
	            {"false", 0}, {"no", 0},  {"off", 0}, {"0", 0}};
	char text[256];
	tcfg c;

	(void)state;
	for (size_t i = 0; i < sizeof(rows) / sizeof(rows[0]); i++) {
		snprintf(text, sizeof(text),
		         "[server]\nverbose = %s\n" REQUIRED, rows[i].word);
		load_ok(text, &c);
		assert_int_equal(c.verbose, rows[i].want);
		conf_free(keys, NKEYS, &c);
	}
}

static void relative_paths_resolve_against_base_dir(void **state)
{
	tcfg c;

	(void)state;
	load_ok(REQUIRED, &c);
	assert_string_equal(c.ca, "/etc/cctns/ca.crt");
	conf_free(keys, NKEYS, &c);
	load_ok("[tls]\nca = /abs/ca.crt\n[database]\nconninfo = x\n", &c);
	assert_string_equal(c.ca, "/abs/ca.crt");
	conf_free(keys, NKEYS, &c);
	load_ok("[tls]\nca = sub/dir/ca.crt\n[database]\nconninfo = x\n", &c);
	assert_string_equal(c.ca, "/etc/cctns/sub/dir/ca.crt");
	conf_free(keys, NKEYS, &c);
}

static void empty_value_is_allowed_for_strings(void **state)
{
	tcfg c;

	(void)state;
	load_ok("[http]\nlisten =\n" REQUIRED, &c);
	assert_string_equal(c.http_listen, "");
	conf_free(keys, NKEYS, &c);
}

static void crlf_line_endings_and_bom_are_accepted(void **state)
{
	tcfg c;

	(void)state;
	load_ok("\xef\xbb\xbf[tls]\r\nca = ca.crt\r\n[database]\r\n"
	        "conninfo = dbname=x\r\n",
	        &c);
	assert_string_equal(c.conninfo, "dbname=x");
	conf_free(keys, NKEYS, &c);
}

static void long_lines_up_to_4096_bytes_are_read_whole(void **state)
{
	size_t vlen = 4000;
	char *text = malloc(vlen + 200);
	tcfg c;

	(void)state;
	strcpy(text, "[tls]\nca = x\n[database]\nconninfo = ");
	size_t n = strlen(text);
	memset(text + n, 'v', vlen);
	strcpy(text + n + vlen, "\n");
	load_ok(text, &c);
	assert_int_equal(strlen(c.conninfo), vlen);
	conf_free(keys, NKEYS, &c);
	free(text);
}

static void rejects_line_over_4096_bytes(void **state)
{
	char *text = malloc(6000);

	(void)state;
	strcpy(text, "[tls]\nca = x\n[database]\nconninfo = ");
	size_t n = strlen(text);
	memset(text + n, 'v', 5000);
	strcpy(text + n + 5000, "\n");
	load_fails(text, "config:4: line longer than 4096 bytes");
	free(text);
}

static void rejects_missing_required_key(void **state)
{
	(void)state;
	load_fails("[tls]\nca = ca.crt\n",
	           "config: [database] conninfo: required key missing "
	           "(libpq connection string)");
}

static void rejects_unknown_key_naming_line_and_section(void **state)
{
	(void)state;
	load_fails(REQUIRED "[server]\nlisten = x\nlisen = y\n",
	           "config:7: [server] lisen: unknown key");
}

static void rejects_unknown_section_even_when_empty(void **state)
{
	(void)state;
	load_fails(REQUIRED "[servre]\n",
	           "config:5: [servre]: unknown section");
}

static void rejects_section_name_with_blanks_inside_brackets(void **state)
{
	(void)state;
	load_fails(REQUIRED "[ server ]\nlisten = x\n",
	           "config:5: [ server ]: unknown section");
}

static void rejects_duplicate_key_naming_both_lines(void **state)
{
	(void)state;
	load_fails("[server]\nlisten = a:1\n\nlisten = b:2\n" REQUIRED,
	           "config:4: [server] listen: set twice (first on line 2)");
}

static void rejects_key_outside_section(void **state)
{
	(void)state;
	load_fails("listen = x\n" REQUIRED,
	           "config:1: listen: key outside any [section]");
}

static void rejects_line_without_equals(void **state)
{
	(void)state;
	load_fails("[server]\nlisten\n" REQUIRED,
	           "config:2: expected \"key = value\", \"[section]\" or a "
	           "comment");
}

static void rejects_bad_values_saying_what_is_expected(void **state)
{
	static const struct {
		const char *line;
		const char *message;
	} rows[] = {
	        {"max_connections = many",
	         "config:2: [server] max_connections: expected an integer, got "
	         "\"many\""},
	        {"max_connections = 12x",
	         "config:2: [server] max_connections: expected an integer, got "
	         "\"12x\""},
	        {"max_connections = 0",
	         "config:2: [server] max_connections: must be between 1 and "
	         "100000, got \"0\""},
	        {"max_connections = 99999999999999999999",
	         "config:2: [server] max_connections: expected an integer, got "
	         "\"99999999999999999999\""},
	        {"max_frame = 1T",
	         "config:2: [server] max_frame: expected a size like 512, 64k, "
	         "1M or 1G, got \"1T\""},
	        {"max_frame = -1",
	         "config:2: [server] max_frame: expected a size like 512, 64k, "
	         "1M or 1G, got \"-1\""},
	        {"max_frame = 1G", "config:2: [server] max_frame: must be "
	                           "between 1k and 64M, got "
	                           "\"1G\""},
	        {"idle_timeout = 5 minutes",
	         "config:2: [server] idle_timeout: expected a duration like "
	         "250ms, 30s, 5m or 1h, got \"5 minutes\""},
	        {"idle_timeout = 100ms",
	         "config:2: [server] idle_timeout: must be between 1s and 24h, "
	         "got \"100ms\""},
	        {"verbose = maybe",
	         "config:2: [server] verbose: expected true or false (yes/no, "
	         "on/off, 1/0), got \"maybe\""},
	};
	char text[256];

	(void)state;
	for (size_t i = 0; i < sizeof(rows) / sizeof(rows[0]); i++) {
		snprintf(text, sizeof(text), "[server]\n%s\n" REQUIRED,
		         rows[i].line);
		load_fails(text, rows[i].message);
	}
}

static void load_from_file_names_the_file_and_resolves_next_to_it(void **state)
{
	char dir[] = "/tmp/cctns-conf-XXXXXX", path[128], want[160];
	conf_error err;
	FILE *f;
	tcfg c;

	(void)state;
	assert_non_null(mkdtemp(dir));
	snprintf(path, sizeof(path), "%s/server.conf", dir);
	f = fopen(path, "w");
	fputs("[tls]\nca = ca.crt\n[database]\nconninfo = x\n[server]\nbad = "
	      "1\n",
	      f);
	fclose(f);
	assert_int_equal(conf_load(keys, NKEYS, path, &c, &err), -1);
	snprintf(want, sizeof(want), "%s:6: [server] bad: unknown key", path);
	assert_string_equal(err.message, want);

	f = fopen(path, "w");
	fputs("[tls]\nca = ca.crt\n[database]\nconninfo = x\n", f);
	fclose(f);
	assert_int_equal(conf_load(keys, NKEYS, path, &c, &err), 0);
	snprintf(want, sizeof(want), "%s/ca.crt", dir);
	assert_string_equal(c.ca, want);
	conf_free(keys, NKEYS, &c);
	unlink(path);
	rmdir(dir);
}

static void load_of_missing_file_says_why(void **state)
{
	conf_error err;
	tcfg c;

	(void)state;
	assert_int_equal(
	        conf_load(keys, NKEYS, "/nonexistent/x.conf", &c, &err), -1);
	assert_string_equal(err.message,
	                    "/nonexistent/x.conf: No such file or directory");
	assert_null(c.ca);
	conf_free(keys, NKEYS, &c);
}

static void reload_diff_names_only_unreloadable_changes(void **state)
{
	tcfg a, b;
	char buf[128];

	(void)state;
	load_ok(REQUIRED "[server]\nmax_connections = 10\n", &a);
	load_ok(REQUIRED
	        "[server]\nmax_connections = 20\n[log]\nlevel = debug\n",
	        &b);
	assert_int_equal(
	        conf_diff_unreloadable(keys, NKEYS, &a, &b, buf, sizeof(buf)),
	        0);
	assert_string_equal(buf, "");
	conf_free(keys, NKEYS, &b);
	load_ok("[tls]\nca = other.crt\n[database]\nconninfo = dbname=x\n"
	        "[server]\nlisten = 0.0.0.0:1\nmax_frame = 2M\n",
	        &b);
	assert_int_equal(
	        conf_diff_unreloadable(keys, NKEYS, &a, &b, buf, sizeof(buf)),
	        3);
	assert_string_equal(buf, "server.listen,server.max_frame,tls.ca");
	conf_free(keys, NKEYS, &a);
	conf_free(keys, NKEYS, &b);
}

static void help_lists_every_key_with_default_and_reloadability(void **state)
{
	char *out = NULL;
	size_t len = 0;
	FILE *f = open_memstream(&out, &len);

	(void)state;
	conf_print_help(keys, NKEYS, f);
	fclose(f);
	for (size_t i = 0; i < NKEYS; i++) {
		char needle[96];
		if (keys[i].def)
			snprintf(needle, sizeof(needle), "\n%s = %s\n",
			         keys[i].name, keys[i].def);
		else
			snprintf(needle, sizeof(needle), "\n;%s =\n",
			         keys[i].name);
		if (!strstr(out, needle))
			fail_msg("help lacks \"%s\":\n%s", needle, out);
		assert_non_null(strstr(out, keys[i].help));
	}
	assert_int_equal(strncmp(out, "[server]\n", 9), 0);
	assert_non_null(strstr(out, "\n[tls]\n"));
	assert_non_null(strstr(out, "size, 1k..64M, optional, restart to "
	                            "change"));
	assert_non_null(strstr(out, "duration, 1s..24h, optional, reloadable"));
	assert_non_null(strstr(out, "path, required"));
	/* Each section header once, though [server] keys are not adjacent
	 * to the [http] listen key of the same name. */
	assert_null(strstr(strstr(out, "[server]") + 1, "[server]"));
	free(out);
}

static void help_output_loads_back_once_required_keys_are_filled(void **state)
{
	char *out = NULL, *text;
	size_t len = 0;
	FILE *f = open_memstream(&out, &len);
	tcfg c;

	(void)state;
	conf_print_help(keys, NKEYS, f);
	fclose(f);
	text = malloc(len + 64);
	snprintf(text, len + 64, "%s", out);
	/* Fill the required keys in their own sections. */
	char *p = strstr(text, ";ca =");
	memcpy(p, "ca = x", 6);
	p = strstr(text, ";conninfo =");
	memcpy(p, "conninfo = x", 12);
	load_ok(text, &c);
	conf_free(keys, NKEYS, &c);
	free(text);
	free(out);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
	        cmocka_unit_test(defaults_apply_when_keys_are_absent),
	        cmocka_unit_test(values_may_contain_equals_and_colons),
	        cmocka_unit_test(
	                inline_comment_needs_whitespace_before_semicolon),
	        cmocka_unit_test(integers_booleans_durations_and_sizes_parse),
	        cmocka_unit_test(booleans_accept_the_usual_words),
	        cmocka_unit_test(relative_paths_resolve_against_base_dir),
	        cmocka_unit_test(empty_value_is_allowed_for_strings),
	        cmocka_unit_test(crlf_line_endings_and_bom_are_accepted),
	        cmocka_unit_test(long_lines_up_to_4096_bytes_are_read_whole),
	        cmocka_unit_test(rejects_line_over_4096_bytes),
	        cmocka_unit_test(rejects_missing_required_key),
	        cmocka_unit_test(rejects_unknown_key_naming_line_and_section),
	        cmocka_unit_test(rejects_unknown_section_even_when_empty),
	        cmocka_unit_test(
	                rejects_section_name_with_blanks_inside_brackets),
	        cmocka_unit_test(rejects_duplicate_key_naming_both_lines),
	        cmocka_unit_test(rejects_key_outside_section),
	        cmocka_unit_test(rejects_line_without_equals),
	        cmocka_unit_test(rejects_bad_values_saying_what_is_expected),
	        cmocka_unit_test(
	                load_from_file_names_the_file_and_resolves_next_to_it),
	        cmocka_unit_test(load_of_missing_file_says_why),
	        cmocka_unit_test(reload_diff_names_only_unreloadable_changes),
	        cmocka_unit_test(
	                help_lists_every_key_with_default_and_reloadability),
	        cmocka_unit_test(
	                help_output_loads_back_once_required_keys_are_filled),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
