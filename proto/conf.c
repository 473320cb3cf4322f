/* conf.c: ini configuration driven by a conf_key table (conf.h). inih reads
 * the syntax; this file owns everything else: one line per key, sections and
 * keys checked against the table, values typed and range-checked, duplicates
 * and missing required keys reported with file:line [section] key. Lines are
 * handed to inih one at a time by our own reader, which is how the handler
 * knows the line number and how unknown (even empty) sections are caught. */
#include "conf.h"

#include <errno.h>
#include <ini.h>
#include <limits.h>
#include <stdarg.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "util.h"

#define CONF_LINE_MAX 4096          /* bytes in one line */
#define CONF_FILE_MAX (1024 * 1024) /* bytes in one file */

/* State of one load, shared by the reader and the handler. */
typedef struct loader {
	const conf_key *keys;
	size_t nkeys;
	void *cfg;
	const char *fname;
	const char *base_dir;
	const char *text;
	size_t pos;
	int line;
	int *set_line; /* per key: line it was set on, 0 if not yet */
	conf_error *err;
	int failed;
} loader;

static void lfail(loader *l, int line, const char *fmt, ...)
        __attribute__((format(printf, 3, 4)));

static void lfail(loader *l, int line, const char *fmt, ...)
{
	size_t n;
	va_list ap;

	if (l->failed)
		return; /* the first error is the one to fix */
	l->failed = 1;
	if (line > 0)
		snprintf(l->err->message, sizeof(l->err->message),
		         "%s:%d: ", l->fname, line);
	else
		snprintf(l->err->message, sizeof(l->err->message),
		         "%s: ", l->fname);
	n = strlen(l->err->message);
	va_start(ap, fmt);
	vsnprintf(l->err->message + n, sizeof(l->err->message) - n, fmt, ap);
	va_end(ap);
}

/* ------------------------------------------------------------ values */

static char **str_at(const conf_key *k, void *cfg)
{
	return (char **)((char *)cfg + k->offset);
}

static long *long_at(const conf_key *k, void *cfg)
{
	return (long *)((char *)cfg + k->offset);
}

static int *int_at(const conf_key *k, void *cfg)
{
	return (int *)((char *)cfg + k->offset);
}

static const struct {
	const char *word;
	int value;
} bool_words[] = {
        {"true", 1},  {"yes", 1}, {"on", 1},  {"1", 1},
        {"false", 0}, {"no", 0},  {"off", 0}, {"0", 0},
};

static int parse_bool(const char *s, int *out)
{
	for (size_t i = 0; i < ARRAY_LEN(bool_words); i++) {
		if (strcasecmp(s, bool_words[i].word) == 0) {
			*out = bool_words[i].value;
			return 0;
		}
	}
	return -1;
}

typedef struct unit {
	const char *suffix;
	long mult;
} unit;

static const unit duration_units[] = {
        {"ms", 1}, {"s", 1000}, {"m", 60000}, {"h", 3600000}, {"", 1000},
};

static const unit size_units[] = {
        {"k", 1024L},
        {"K", 1024L},
        {"m", 1024L * 1024},
        {"M", 1024L * 1024},
        {"g", 1024L * 1024 * 1024},
        {"G", 1024L * 1024 * 1024},
        {"", 1},
};

/* Decimal digits then one suffix of units (exact match). */
static int parse_with_unit(const char *s, const unit *units, size_t nunits,
                           long *out)
{
	char *end;
	long v;

	if (*s < '0' || *s > '9')
		return -1;
	errno = 0;
	v = strtol(s, &end, 10);
	if (errno)
		return -1;
	for (size_t i = 0; i < nunits; i++) {
		if (strcmp(end, units[i].suffix) == 0) {
			if (v > LONG_MAX / units[i].mult)
				return -1;
			*out = v * units[i].mult;
			return 0;
		}
	}
	return -1;
}

static int parse_long(const char *s, long *out)
{
	char *end;

	if (!*s)
		return -1;
	errno = 0;
	*out = strtol(s, &end, 10);
	return errno || *end ? -1 : 0;
}

/* "1h", "5m", "30s", "250ms" for a duration in ms; sizes in k/M/G. */
static void show(conf_type t, long v, char *buf, size_t bufsz)
{
	static const unit dur[] = {
	        {"h", 3600000}, {"m", 60000}, {"s", 1000}, {"ms", 1}};
	static const unit size[] = {{"G", 1024L * 1024 * 1024},
	                            {"M", 1024L * 1024},
	                            {"k", 1024},
	                            {"", 1}};
	const unit *u = t == CONF_DURATION ? dur : size;
	size_t n = t == CONF_DURATION ? ARRAY_LEN(dur) : ARRAY_LEN(size);

	if (t == CONF_INT || v == 0) {
		snprintf(buf, bufsz, "%ld", v);
		return;
	}
	for (size_t i = 0; i < n; i++) {
		if (v % u[i].mult == 0) {
			snprintf(buf, bufsz, "%ld%s", v / u[i].mult,
			         u[i].suffix);
			return;
		}
	}
	snprintf(buf, bufsz, "%ld", v);
}

static const char *const type_expect[] = {
        [CONF_STRING] = "text",
        [CONF_PATH] = "a file path",
        [CONF_INT] = "an integer",
        [CONF_BOOL] = "true or false (yes/no, on/off, 1/0)",
        [CONF_DURATION] = "a duration like 250ms, 30s, 5m or 1h",
        [CONF_SIZE] = "a size like 512, 64k, 1M or 1G",
};

static const char *const type_names[] = {
        [CONF_STRING] = "string",     [CONF_PATH] = "path",
        [CONF_INT] = "integer",       [CONF_BOOL] = "boolean",
        [CONF_DURATION] = "duration", [CONF_SIZE] = "size",
};

static int has_range(const conf_key *k)
{
	return k->min != 0 || k->max != 0;
}

static char *resolve_path(const char *v, const char *base_dir)
{
	size_t n;
	char *p;

	if (!*v || v[0] == '/' || !base_dir || !*base_dir)
		return xstrdup(v);
	n = strlen(base_dir) + strlen(v) + 2;
	p = xmalloc(n);
	snprintf(p, n, "%s%s%s", base_dir,
	         base_dir[strlen(base_dir) - 1] == '/' ? "" : "/", v);
	return p;
}

/* Parse value v for key k into cfg. Returns 0, or -1 with err filled. */
static int set_value(loader *l, const conf_key *k, const char *v, int line)
{
	char lo[32], hi[32];
	long n = 0;
	int b;

	switch (k->type) {
	case CONF_STRING:
	case CONF_PATH:
		free(*str_at(k, l->cfg));
		*str_at(k, l->cfg) = k->type == CONF_PATH
		                             ? resolve_path(v, l->base_dir)
		                             : xstrdup(v);
		return 0;
	case CONF_BOOL:
		if (parse_bool(v, &b))
			goto bad;
		*int_at(k, l->cfg) = b;
		return 0;
	case CONF_INT:
		if (parse_long(v, &n))
			goto bad;
		break;
	case CONF_DURATION:
		if (parse_with_unit(v, duration_units,
		                    ARRAY_LEN(duration_units), &n))
			goto bad;
		break;
	case CONF_SIZE:
		if (parse_with_unit(v, size_units, ARRAY_LEN(size_units), &n))
			goto bad;
		break;
	}
	if (has_range(k) && (n < k->min || n > k->max)) {
		show(k->type, k->min, lo, sizeof(lo));
		show(k->type, k->max, hi, sizeof(hi));
		lfail(l, line, "[%s] %s: must be between %s and %s, got \"%s\"",
		      k->section, k->name, lo, hi, v);
		return -1;
	}
	*long_at(k, l->cfg) = n;
	return 0;
bad:
	lfail(l, line, "[%s] %s: expected %s, got \"%s\"", k->section, k->name,
	      type_expect[k->type], v);
	return -1;
}

/* ------------------------------------------------------------ inih glue */

static const conf_key *find_key(loader *l, const char *section,
                                const char *name)
{
	for (size_t i = 0; i < l->nkeys; i++) {
		if (strcmp(l->keys[i].section, section) == 0 &&
		    strcmp(l->keys[i].name, name) == 0)
			return &l->keys[i];
	}
	return NULL;
}

static int section_known(loader *l, const char *section, size_t len)
{
	for (size_t i = 0; i < l->nkeys; i++) {
		if (strlen(l->keys[i].section) == len &&
		    strncmp(l->keys[i].section, section, len) == 0)
			return 1;
	}
	return 0;
}

static int on_value(void *user, const char *section, const char *name,
                    const char *value)
{
	loader *l = user;
	const conf_key *k;
	size_t idx;

	if (l->failed)
		return 0;
	if (!*section) {
		lfail(l, l->line, "%s: key outside any [section]", name);
		return 0;
	}
	k = find_key(l, section, name);
	if (!k) {
		lfail(l, l->line, "[%s] %s: unknown key", section, name);
		return 0;
	}
	idx = (size_t)(k - l->keys);
	if (l->set_line[idx]) {
		lfail(l, l->line, "[%s] %s: set twice (first on line %d)",
		      section, name, l->set_line[idx]);
		return 0;
	}
	l->set_line[idx] = l->line;
	return set_value(l, k, value ? value : "", l->line) == 0;
}

/* Check a "[section]" line against the table before inih sees it. */
static void check_section_line(loader *l, const char *line, size_t len)
{
	const char *p = line, *end = line + len, *close;

	while (p < end && (*p == ' ' || *p == '\t'))
		p++;
	if (p == end || *p != '[')
		return;
	p++;
	close = memchr(p, ']', (size_t)(end - p));
	if (!close)
		return; /* inih reports the syntax error */
	/* inih keeps blanks inside the brackets: "[ server ]" is not
	 * [server], so it is not known here either. */
	if (!section_known(l, p, (size_t)(close - p)))
		lfail(l, l->line, "[%.*s]: unknown section",
		      (int)(close - p > 64 ? 64 : close - p), p);
}

/* fgets-like reader over l->text: always one whole line. */
static char *read_line(char *str, int num, void *stream)
{
	loader *l = stream;
	const char *start = l->text + l->pos, *nl;
	size_t len;

	if (l->failed || !*start)
		return NULL;
	nl = strchr(start, '\n');
	len = nl ? (size_t)(nl - start) + 1 : strlen(start);
	l->line++;
	if (len + 1 > (size_t)num || len > CONF_LINE_MAX) {
		lfail(l, l->line, "line longer than %d bytes", CONF_LINE_MAX);
		return NULL;
	}
	memcpy(str, start, len);
	str[len] = '\0';
	l->pos += len;
	check_section_line(l, str, len);
	return l->failed ? NULL : str;
}

/* inih's knobs are process globals in Debian's build: set what we rely on
 * before every parse. */
static void ini_setup(void)
{
	ini_allow_multiline = 0;
	ini_allow_bom = 1;
	ini_allow_inline_comments = 1;
	ini_allow_no_value = 0;
	ini_stop_on_first_error = 1;
	ini_use_stack = 0;
	ini_allow_realloc = 0;
	ini_initial_alloc = CONF_LINE_MAX + 3;
	ini_max_line = CONF_LINE_MAX + 3;
}

/* ------------------------------------------------------------ loading */

static void clear_fields(const conf_key *keys, size_t nkeys, void *cfg)
{
	for (size_t i = 0; i < nkeys; i++) {
		const conf_key *k = &keys[i];
		if (k->type == CONF_STRING || k->type == CONF_PATH)
			*str_at(k, cfg) = NULL;
		else if (k->type == CONF_BOOL)
			*int_at(k, cfg) = 0;
		else
			*long_at(k, cfg) = 0;
	}
}

static int apply_defaults(loader *l)
{
	for (size_t i = 0; i < l->nkeys; i++) {
		const conf_key *k = &l->keys[i];
		if (k->def && set_value(l, k, k->def, 0))
			return -1;
	}
	return 0;
}

static int check_required(loader *l)
{
	for (size_t i = 0; i < l->nkeys; i++) {
		const conf_key *k = &l->keys[i];
		if (!k->def && !l->set_line[i]) {
			lfail(l, 0, "[%s] %s: required key missing (%s)",
			      k->section, k->name, k->help ? k->help : "");
			return -1;
		}
	}
	return 0;
}

static int load_text(const conf_key *keys, size_t nkeys, const char *text,
                     const char *fname, const char *base_dir, void *cfg,
                     conf_error *err)
{
	loader l = {.keys = keys,
	            .nkeys = nkeys,
	            .cfg = cfg,
	            .fname = fname,
	            .base_dir = base_dir,
	            .text = text,
	            .err = err};
	int rc;

	err->message[0] = '\0';
	clear_fields(keys, nkeys, cfg);
	l.set_line = xcalloc(nkeys ? nkeys : 1, sizeof(int));
	if (apply_defaults(&l))
		goto fail;
	ini_setup();
	rc = ini_parse_stream(read_line, &l, on_value, &l);
	if (l.failed)
		goto fail;
	if (rc != 0) {
		lfail(&l, rc > 0 ? rc : 0,
		      "expected \"key = value\", \"[section]\" or a comment");
		goto fail;
	}
	if (check_required(&l))
		goto fail;
	free(l.set_line);
	return 0;
fail:
	free(l.set_line);
	conf_free(keys, nkeys, cfg);
	return -1;
}

int conf_load_string(const conf_key *keys, size_t nkeys, const char *text,
                     const char *base_dir, void *cfg, conf_error *err)
{
	return load_text(keys, nkeys, text, "config", base_dir, cfg, err);
}

/* Read the whole file (NUL-terminated). NULL with err filled on failure. */
static char *slurp(const char *path, conf_error *err)
{
	FILE *f = fopen(path, "rb");
	char *buf;
	size_t n;

	if (!f) {
		snprintf(err->message, sizeof(err->message), "%s: %s", path,
		         strerror(errno));
		return NULL;
	}
	buf = xmalloc(CONF_FILE_MAX + 1);
	n = fread(buf, 1, CONF_FILE_MAX + 1, f);
	if (ferror(f) || n > CONF_FILE_MAX || memchr(buf, '\0', n)) {
		snprintf(err->message, sizeof(err->message), "%s: %s", path,
		         ferror(f)           ? strerror(errno)
		         : n > CONF_FILE_MAX ? "file larger than 1 MiB"
		                             : "NUL byte in file");
		fclose(f);
		free(buf);
		return NULL;
	}
	fclose(f);
	buf[n] = '\0';
	return buf;
}

/* Absolute directory of path, so paths stay right after a chdir. */
static char *dir_of(const char *path)
{
	const char *slash = strrchr(path, '/');
	char *dir = slash ? xstrndup(path,
	                             slash == path ? 1 : (size_t)(slash - path))
	                  : xstrdup(".");
	char *abs = realpath(dir, NULL);

	if (abs) {
		free(dir);
		return abs;
	}
	return dir;
}

int conf_load(const conf_key *keys, size_t nkeys, const char *path, void *cfg,
              conf_error *err)
{
	char *text, *dir;
	int rc;

	text = slurp(path, err);
	if (!text) {
		clear_fields(keys, nkeys, cfg);
		return -1;
	}
	dir = dir_of(path);
	rc = load_text(keys, nkeys, text, path, dir, cfg, err);
	free(dir);
	free(text);
	return rc;
}

void conf_free(const conf_key *keys, size_t nkeys, void *cfg)
{
	for (size_t i = 0; i < nkeys; i++) {
		const conf_key *k = &keys[i];
		if (k->type == CONF_STRING || k->type == CONF_PATH) {
			free(*str_at(k, cfg));
			*str_at(k, cfg) = NULL;
		}
	}
}

/* ------------------------------------------------------------ help, diff */

static void print_key(const conf_key *k, FILE *out)
{
	char lo[32], hi[32];

	fprintf(out, "; %s\n; %s", k->help ? k->help : "", type_names[k->type]);
	if (has_range(k) && k->type != CONF_STRING && k->type != CONF_PATH &&
	    k->type != CONF_BOOL) {
		show(k->type, k->min, lo, sizeof(lo));
		show(k->type, k->max, hi, sizeof(hi));
		fprintf(out, ", %s..%s", lo, hi);
	}
	fprintf(out, ", %s, %s\n", k->def ? "optional" : "required",
	        k->reloadable ? "reloadable" : "restart to change");
	if (k->def)
		fprintf(out, "%s = %s\n", k->name, k->def);
	else
		fprintf(out, ";%s =\n", k->name);
}

void conf_print_help(const conf_key *keys, size_t nkeys, FILE *out)
{
	for (size_t i = 0; i < nkeys; i++) {
		size_t first = i;
		/* Print each section once, at its first key. */
		for (size_t j = 0; j < i; j++) {
			if (strcmp(keys[j].section, keys[i].section) == 0) {
				first = j;
				break;
			}
		}
		if (first != i)
			continue;
		fprintf(out, "%s[%s]\n", i ? "\n" : "", keys[i].section);
		for (size_t j = i; j < nkeys; j++) {
			if (strcmp(keys[j].section, keys[i].section) == 0)
				print_key(&keys[j], out);
		}
	}
}

static int same_value(const conf_key *k, const void *a, const void *b)
{
	switch (k->type) {
	case CONF_STRING:
	case CONF_PATH: {
		const char *x = *str_at(k, (void *)a),
		           *y = *str_at(k, (void *)b);
		return (!x && !y) || (x && y && strcmp(x, y) == 0);
	}
	case CONF_BOOL:
		return *int_at(k, (void *)a) == *int_at(k, (void *)b);
	default:
		return *long_at(k, (void *)a) == *long_at(k, (void *)b);
	}
}

int conf_diff_unreloadable(const conf_key *keys, size_t nkeys, const void *a,
                           const void *b, char *buf, size_t bufsz)
{
	size_t o = 0;
	int count = 0;

	if (bufsz)
		buf[0] = '\0';
	for (size_t i = 0; i < nkeys; i++) {
		if (keys[i].reloadable || same_value(&keys[i], a, b))
			continue;
		count++;
		if (o < bufsz) {
			int n = snprintf(buf + o, bufsz - o, "%s%s.%s",
			                 o ? "," : "", keys[i].section,
			                 keys[i].name);
			if (n > 0)
				o += (size_t)n;
		}
	}
	return count;
}
