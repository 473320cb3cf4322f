/* plan.c: load the migration files of a schema directory, cut them into SQL
 * and COPY steps at "--@copy" directive lines, read the data files they name
 * and checksum each migration with its data (OpenSSL EVP SHA-256). */
#include "plan.h"

#include <ctype.h>
#include <dirent.h>
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <openssl/evp.h>

#include "sqlscan.h"
#include "util.h"

#define MAX_FILE_BYTES                                                         \
	(64u << 20) /* a migration or CSV above this is a mistake */
#define DIRECTIVE      "--@"
#define COPY_DIRECTIVE "--@copy "

/* Read a whole file; NUL-terminated for convenience. */
static int read_file(const char *path, char **data, size_t *len)
{
	FILE *f = fopen(path, "rb");
	char *buf = NULL;
	size_t cap = 0, n = 0;

	if (!f) {
		fprintf(stderr, "cctns-admin: cannot open %s: %s\n", path,
		        strerror(errno));
		return -1;
	}
	for (;;) {
		size_t got;
		if (cap - n < 65536) {
			cap = cap ? cap * 2 : 65536;
			buf = xrealloc(buf, cap + 1);
		}
		got = fread(buf + n, 1, cap - n, f);
		n += got;
		if (got == 0)
			break;
		if (n > MAX_FILE_BYTES) {
			fprintf(stderr, "cctns-admin: %s is over %u bytes\n",
			        path, MAX_FILE_BYTES);
			goto fail;
		}
	}
	if (ferror(f)) {
		fprintf(stderr, "cctns-admin: cannot read %s\n", path);
		goto fail;
	}
	fclose(f);
	buf = xrealloc(buf, n + 1);
	buf[n] = '\0';
	*data = buf;
	*len = n;
	return 0;
fail:
	fclose(f);
	free(buf);
	return -1;
}

/* NNNN_name.sql with a lower-case name; fills version and name. */
static int parse_file_name(const char *file, int *version, char **name)
{
	size_t len = strlen(file);
	size_t i;

	if (len < 10 || strcmp(file + len - 4, ".sql") != 0 || file[4] != '_')
		return -1;
	for (i = 0; i < 4; i++)
		if (!isdigit((unsigned char)file[i]))
			return -1;
	for (i = 5; i < len - 4; i++)
		if (!islower((unsigned char)file[i]) &&
		    !isdigit((unsigned char)file[i]) && file[i] != '_')
			return -1;
	*version = (file[0] - '0') * 1000 + (file[1] - '0') * 100 +
	           (file[2] - '0') * 10 + (file[3] - '0');
	*name = xstrndup(file + 5, len - 9);
	return *version > 0 ? 0 : -1;
}

/* A data path stays inside the schema dir: relative, no "..", plain chars. */
static int safe_path(const char *p)
{
	if (!*p || *p == '/' || strstr(p, ".."))
		return 0;
	for (; *p; p++)
		if (!isalnum((unsigned char)*p) && !strchr("_./-", *p))
			return 0;
	return 1;
}

/* A COPY target is a table name and a column list, nothing more. */
static int safe_target(const char *t)
{
	if (!*t)
		return 0;
	for (; *t; t++)
		if (!isalnum((unsigned char)*t) && !strchr("_.,() ", *t))
			return 0;
	return 1;
}

static char *trim(char *s)
{
	char *e;
	while (*s == ' ' || *s == '\t')
		s++;
	e = s + strlen(s);
	while (e > s && (e[-1] == ' ' || e[-1] == '\t' || e[-1] == '\r'))
		*--e = '\0';
	return s;
}

static struct step *add_step(struct migration *m, enum step_kind kind, int line)
{
	struct step *s;
	m->steps = xrealloc(m->steps, (m->nsteps + 1) * sizeof(*m->steps));
	s = &m->steps[m->nsteps++];
	memset(s, 0, sizeof(*s));
	s->kind = kind;
	s->line = line;
	return s;
}

/* "--@copy <target> FROM <path>" at line; reads the data file. */
static int parse_copy(struct migration *m, const char *dir, const char *text,
                      size_t len, int line)
{
	char *buf = xstrndup(text, len);
	char *from = NULL, *p, *target, *path, *full;
	struct step *s;
	int rc = -1;

	for (p = strstr(buf, " FROM "); p; p = strstr(p + 1, " FROM "))
		from = p;
	if (!from) {
		fprintf(stderr,
		        "cctns-admin: %s:%d: expected --@copy TABLE (COLUMNS) "
		        "FROM data/FILE.csv\n",
		        m->file, line);
		goto out;
	}
	*from = '\0';
	target = trim(buf + strlen(COPY_DIRECTIVE));
	path = trim(from + strlen(" FROM "));
	if (!safe_target(target) || !safe_path(path)) {
		fprintf(stderr,
		        "cctns-admin: %s:%d: bad --@copy target or path "
		        "(path must be relative to the schema directory)\n",
		        m->file, line);
		goto out;
	}
	s = add_step(m, STEP_COPY, line);
	s->target = xstrdup(target);
	s->path = xstrdup(path);
	full = xmalloc(strlen(dir) + strlen(path) + 2);
	sprintf(full, "%s/%s", dir, path);
	rc = read_file(full, &s->data, &s->len);
	if (rc < 0)
		fprintf(stderr, "cctns-admin: %s:%d: data file %s is needed\n",
		        m->file, line, path);
	free(full);
out:
	free(buf);
	return rc;
}

/* Add the SQL between two directives as a step. The migration runs in
 * one transaction that cctns-admin opens and commits, so statements that
 * would end it are refused here, before anything runs. */
static int flush_sql(struct migration *m, const char *start, const char *end,
                     int line)
{
	struct step *s;
	char word[16];
	int at;

	if (end == start)
		return 0;
	s = add_step(m, STEP_SQL, line);
	s->sql = xstrndup(start, (size_t)(end - start));
	at = sqlscan_txn_control(s->sql, line, word, sizeof(word));
	if (at) {
		fprintf(stderr,
		        "cctns-admin: %s:%d: %s: a migration must not open or "
		        "end transactions; cctns-admin runs each file in one\n",
		        m->file, at, word);
		return -1;
	}
	return 0;
}

/* Cut the file text into steps at directive lines. */
static int split_steps(struct migration *m, const char *dir, const char *text,
                       size_t len)
{
	const char *p = text, *end = text + len, *chunk = text;
	int line = 1, chunk_line = 1;

	while (p < end) {
		const char *eol = memchr(p, '\n', (size_t)(end - p));
		const char *next = eol ? eol + 1 : end;
		size_t n = (size_t)((eol ? eol : end) - p);

		if (n >= strlen(DIRECTIVE) &&
		    memcmp(p, DIRECTIVE, strlen(DIRECTIVE)) == 0) {
			if (n < strlen(COPY_DIRECTIVE) ||
			    memcmp(p, COPY_DIRECTIVE, strlen(COPY_DIRECTIVE)) !=
			            0) {
				fprintf(stderr,
				        "cctns-admin: %s:%d: unknown directive "
				        "(only --@copy is known)\n",
				        m->file, line);
				return -1;
			}
			if (flush_sql(m, chunk, p, chunk_line) < 0 ||
			    parse_copy(m, dir, p, n, line) < 0)
				return -1;
			chunk = next;
			chunk_line = line + 1;
		}
		p = next;
		line++;
	}
	return flush_sql(m, chunk, end, chunk_line);
}

/* SHA-256 of the file bytes, then of each copied data file in order. */
static int checksum(struct migration *m, const char *text, size_t len)
{
	EVP_MD_CTX *ctx = EVP_MD_CTX_new();
	unsigned char md[EVP_MAX_MD_SIZE];
	unsigned int mdlen = 0;
	int ok;
	size_t i;

	if (!ctx)
		return -1;
	ok = EVP_DigestInit_ex(ctx, EVP_sha256(), NULL) &&
	     EVP_DigestUpdate(ctx, text, len);
	for (i = 0; ok && i < m->nsteps; i++)
		if (m->steps[i].kind == STEP_COPY)
			ok = EVP_DigestUpdate(ctx, m->steps[i].data,
			                      m->steps[i].len);
	ok = ok && EVP_DigestFinal_ex(ctx, md, &mdlen) && mdlen == 32;
	EVP_MD_CTX_free(ctx);
	if (!ok) {
		fprintf(stderr, "cctns-admin: SHA-256 failed\n");
		return -1;
	}
	hex_encode(md, mdlen, m->sha256);
	return 0;
}

static int load_one(const char *dir, const char *file, struct migration *m)
{
	char *path = xmalloc(strlen(dir) + strlen(file) + 13);
	char *text = NULL;
	size_t len = 0;
	int rc = -1;

	sprintf(path, "%s/migrations/%s", dir, file);
	if (read_file(path, &text, &len) < 0)
		goto out;
	if (memchr(text, '\0', len) || !utf8_valid(text, len)) {
		fprintf(stderr, "cctns-admin: %s is not UTF-8 text\n", path);
		goto out;
	}
	if (split_steps(m, dir, text, len) < 0 || checksum(m, text, len) < 0)
		goto out;
	rc = 0;
out:
	free(text);
	free(path);
	return rc;
}

static int by_version(const void *a, const void *b)
{
	const struct migration *x = a, *y = b;
	return (x->version > y->version) - (x->version < y->version);
}

/* Collect NNNN_name.sql entries; any other *.sql is an error. */
static int scan_dir(const char *dir, struct plan *p)
{
	char *mdir = xmalloc(strlen(dir) + 12);
	DIR *d;
	struct dirent *e;
	int rc = 0;

	sprintf(mdir, "%s/migrations", dir);
	d = opendir(mdir);
	if (!d) {
		fprintf(stderr, "cctns-admin: cannot open %s: %s\n", mdir,
		        strerror(errno));
		free(mdir);
		return -1;
	}
	while ((e = readdir(d)) != NULL) {
		size_t len = strlen(e->d_name);
		struct migration m;

		if (len < 4 || strcmp(e->d_name + len - 4, ".sql") != 0)
			continue;
		memset(&m, 0, sizeof(m));
		if (parse_file_name(e->d_name, &m.version, &m.name) < 0) {
			fprintf(stderr,
			        "cctns-admin: %s/%s: a migration is named "
			        "NNNN_name.sql (4 digits, lower-case name)\n",
			        mdir, e->d_name);
			free(m.name);
			rc = -1;
			continue;
		}
		m.file = xstrdup(e->d_name);
		p->m = xrealloc(p->m, (p->n + 1) * sizeof(*p->m));
		p->m[p->n++] = m;
	}
	closedir(d);
	free(mdir);
	return rc;
}

int plan_load(const char *dir, struct plan *out)
{
	struct plan p = {NULL, 0};
	size_t i;

	out->m = NULL;
	out->n = 0;
	if (scan_dir(dir, &p) < 0)
		goto fail;
	qsort(p.m, p.n, sizeof(*p.m), by_version);
	for (i = 1; i < p.n; i++) {
		if (p.m[i].version == p.m[i - 1].version) {
			fprintf(stderr,
			        "cctns-admin: %s and %s have the same "
			        "version\n",
			        p.m[i - 1].file, p.m[i].file);
			goto fail;
		}
	}
	for (i = 0; i < p.n; i++)
		if (load_one(dir, p.m[i].file, &p.m[i]) < 0)
			goto fail;
	*out = p;
	return 0;
fail:
	plan_free(&p);
	return -1;
}

void plan_free(struct plan *p)
{
	size_t i, k;

	for (i = 0; i < p->n; i++) {
		struct migration *m = &p->m[i];
		for (k = 0; k < m->nsteps; k++) {
			free(m->steps[k].sql);
			free(m->steps[k].target);
			free(m->steps[k].path);
			free(m->steps[k].data);
		}
		free(m->steps);
		free(m->name);
		free(m->file);
	}
	free(p->m);
	p->m = NULL;
	p->n = 0;
}

const struct migration *plan_find(const struct plan *p, int version)
{
	size_t i;
	for (i = 0; i < p->n; i++)
		if (p->m[i].version == version)
			return &p->m[i];
	return NULL;
}
