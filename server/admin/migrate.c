/* migrate.c: `cctns-admin migrate`: apply the pending migrations of a schema
 * directory in order, one transaction each, under a session advisory lock,
 * recording version, name and checksum in cctns_meta.schema_migrations; and
 * refuse to run when an applied migration's file or data has changed or
 * gone. `--status` reports without changing anything. */
#include <getopt.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "admin.h"
#include "db.h"
#include "plan.h"
#include "util.h"

#ifndef CCTNS_SCHEMA_DIR
#define CCTNS_SCHEMA_DIR "schema"
#endif

/* pg_advisory_lock(class, id): 'CCTN' and 1 for migrate; 0003_fir.sql uses
 * id 2 for partition creation. */
#define LOCK_SQL_TRY  "SELECT pg_try_advisory_lock(1128485966, 1)"
#define LOCK_SQL_WAIT "SELECT pg_advisory_lock(1128485966, 1)"
#define COPY_CHUNK    65536

static const char *const meta_sql[] = {
        "CREATE SCHEMA IF NOT EXISTS cctns_meta",
        "COMMENT ON SCHEMA cctns_meta IS "
        "'Bookkeeping of cctns-admin: applied migrations'",
        "CREATE TABLE IF NOT EXISTS cctns_meta.schema_migrations ("
        " version int PRIMARY KEY CHECK (version > 0),"
        " name text NOT NULL,"
        " sha256 text NOT NULL CHECK (sha256 ~ '^[0-9a-f]{64}$'),"
        " applied_at timestamptz NOT NULL DEFAULT now())",
        "COMMENT ON TABLE cctns_meta.schema_migrations IS "
        "'One row per applied migration file "
        "(schema/migrations/NNNN_name.sql)'",
        "COMMENT ON COLUMN cctns_meta.schema_migrations.version IS "
        "'NNNN of the file name'",
        "COMMENT ON COLUMN cctns_meta.schema_migrations.name IS "
        "'name part of the file name'",
        "COMMENT ON COLUMN cctns_meta.schema_migrations.sha256 IS "
        "'SHA-256 (hex) of the file bytes followed by the bytes of each data "
        "file it copies'",
        "COMMENT ON COLUMN cctns_meta.schema_migrations.applied_at IS "
        "'when it was applied'",
};

/* One row of cctns_meta.schema_migrations. */
struct applied {
	int version;
	const char *name, *sha256, *applied_at; /* point into res */
};

struct applied_set {
	PGresult *res; /* owns the strings */
	struct applied *a;
	size_t n;
};

static void applied_free(struct applied_set *s)
{
	PQclear(s->res);
	free(s->a);
	memset(s, 0, sizeof(*s));
}

static const struct applied *applied_find(const struct applied_set *s,
                                          int version)
{
	size_t i;
	for (i = 0; i < s->n; i++)
		if (s->a[i].version == version)
			return &s->a[i];
	return NULL;
}

/* Objects must belong to cctns_owner: become it when connected as a
 * member (e.g. the postgres superuser), refuse otherwise. */
static int become_owner(PGconn *c)
{
	PGresult *res = db_exec(
	        c, "check role",
	        "SELECT current_user::text, "
	        "coalesce((SELECT pg_has_role(current_user, r.oid, 'MEMBER') "
	        "FROM pg_roles r WHERE r.rolname = 'cctns_owner'), false)",
	        0, NULL);
	int rc = -1;

	if (!res)
		return -1;
	if (strcmp(PQgetvalue(res, 0, 0), "cctns_owner") == 0) {
		rc = 0;
	} else if (strcmp(PQgetvalue(res, 0, 1), "t") == 0) {
		PGresult *set =
		        db_exec(c, "set role", "SET ROLE cctns_owner", 0, NULL);
		if (set) {
			fprintf(stderr,
			        "cctns-admin: connected as %s; migrating as "
			        "cctns_owner\n",
			        PQgetvalue(res, 0, 0));
			PQclear(set);
			rc = 0;
		}
	} else {
		fprintf(stderr,
		        "cctns-admin: migrate runs as cctns_owner, the owner "
		        "of "
		        "the database (connected as %s): add user=cctns_owner "
		        "to --db\n",
		        PQgetvalue(res, 0, 0));
	}
	PQclear(res);
	return rc;
}

static int take_lock(PGconn *c)
{
	PGresult *res = db_exec(c, "lock", LOCK_SQL_TRY, 0, NULL);
	int got;

	if (!res)
		return -1;
	got = strcmp(PQgetvalue(res, 0, 0), "t") == 0;
	PQclear(res);
	if (got)
		return 0;
	fprintf(stderr, "cctns-admin: another migrate is running; waiting\n");
	res = db_exec(c, "lock", LOCK_SQL_WAIT, 0, NULL);
	if (!res)
		return -1;
	PQclear(res);
	return 0;
}

static int ensure_meta(PGconn *c)
{
	size_t i;
	for (i = 0; i < ARRAY_LEN(meta_sql); i++) {
		PGresult *res =
		        db_exec(c, "create cctns_meta.schema_migrations",
		                meta_sql[i], 0, NULL);
		if (!res)
			return -1;
		PQclear(res);
	}
	return 0;
}

/* Read the applied migrations; an absent table means none. */
static int read_applied(PGconn *c, struct applied_set *s)
{
	PGresult *res;
	int i;

	memset(s, 0, sizeof(*s));
	res = db_exec(c, "read applied migrations",
	              "SELECT to_regclass('cctns_meta.schema_migrations') "
	              "IS NOT NULL",
	              0, NULL);
	if (!res)
		return -1;
	i = strcmp(PQgetvalue(res, 0, 0), "t") == 0;
	PQclear(res);
	if (!i)
		return 0;
	s->res = db_exec(c, "read applied migrations",
	                 "SELECT version, name, sha256, "
	                 "to_char(applied_at, 'YYYY-MM-DD HH24:MI:SS TZ') "
	                 "FROM cctns_meta.schema_migrations ORDER BY version",
	                 0, NULL);
	if (!s->res)
		return -1;
	s->n = (size_t)PQntuples(s->res);
	s->a = xcalloc(s->n ? s->n : 1, sizeof(*s->a));
	for (i = 0; i < PQntuples(s->res); i++) {
		s->a[i].version = atoi(PQgetvalue(s->res, i, 0));
		s->a[i].name = PQgetvalue(s->res, i, 1);
		s->a[i].sha256 = PQgetvalue(s->res, i, 2);
		s->a[i].applied_at = PQgetvalue(s->res, i, 3);
	}
	return 0;
}

/* Every applied migration must still be on disk, byte for byte; pending
 * ones must come after the last applied. Prints each problem; returns how
 * many there were. */

/* Name the data files a changed migration loads: the change may be in one. */
static void print_data_files(const struct migration *m)
{
	int first = 1;

	for (size_t k = 0; k < m->nsteps; k++) {
		if (m->steps[k].kind != STEP_COPY)
			continue;
		fprintf(stderr, "%s%s",
		        first ? "cctns-admin:   its checksum "
		                "also covers: "
		              : ", ",
		        m->steps[k].path);
		first = 0;
	}
	if (!first)
		fputc('\n', stderr);
}

static int verify(const struct plan *p, const struct applied_set *s,
                  const char *dir)
{
	int problems = 0, last = 0;
	size_t i;

	for (i = 0; i < s->n; i++) {
		const struct applied *a = &s->a[i];
		const struct migration *m = plan_find(p, a->version);

		if (a->version > last)
			last = a->version;
		if (!m) {
			fprintf(stderr,
			        "cctns-admin: migration %04d_%s.sql was "
			        "applied "
			        "(%s) but is missing from %s/migrations: "
			        "restore it\n",
			        a->version, a->name, a->applied_at, dir);
			problems++;
		} else if (strcmp(m->name, a->name) != 0) {
			fprintf(stderr,
			        "cctns-admin: %s/migrations/%s: version %04d "
			        "was applied as %04d_%s.sql: restore that "
			        "name\n",
			        dir, m->file, a->version, a->version, a->name);
			problems++;
		} else if (strcmp(m->sha256, a->sha256) != 0) {
			fprintf(stderr,
			        "cctns-admin: %s/migrations/%s was changed "
			        "after it was applied (%s): sha256 of the file "
			        "and its data is %.12s..., recorded %.12s...; "
			        "restore it and put the change in a new "
			        "migration\n",
			        dir, m->file, a->applied_at, m->sha256,
			        a->sha256);
			print_data_files(m);
			problems++;
		}
	}
	for (i = 0; i < p->n; i++) {
		if (p->m[i].version < last &&
		    !applied_find(s, p->m[i].version)) {
			fprintf(stderr,
			        "cctns-admin: %s/migrations/%s is not applied "
			        "but a later migration (%04d) is: number it "
			        "after the last applied one\n",
			        dir, p->m[i].file, last);
			problems++;
		}
	}
	return problems;
}

/* 1-based file line of an error in a SQL step, from its character
 * position; the step's first line when the server gave no position. */
static int error_line(const struct step *s, const PGresult *res)
{
	const char *pos = PQresultErrorField(res, PG_DIAG_STATEMENT_POSITION);
	const unsigned char *p;
	long want, k = 0;
	int line = s->line;

	if (!pos)
		return s->line;
	want = strtol(pos, NULL, 10);
	for (p = (const unsigned char *)s->sql; *p; p++) {
		if ((*p & 0xC0) == 0x80)
			continue;
		if (++k >= want)
			break;
		if (*p == '\n')
			line++;
	}
	return line;
}

static int run_sql(PGconn *c, const struct migration *m, const struct step *s)
{
	PGresult *res = PQexec(c, s->sql);
	ExecStatusType st = PQresultStatus(res);
	char what[256];

	if (st == PGRES_COMMAND_OK || st == PGRES_TUPLES_OK ||
	    st == PGRES_EMPTY_QUERY) {
		PQclear(res);
		if (PQtransactionStatus(c) != PQTRANS_INTRANS) {
			fprintf(stderr,
			        "cctns-admin: %s: a migration must not COMMIT "
			        "or ROLLBACK itself (statements from line "
			        "%d)\n",
			        m->file, s->line);
			return -1;
		}
		return 0;
	}
	snprintf(what, sizeof(what), "%s:%d", m->file, error_line(s, res));
	db_report(what, c, res);
	PQclear(res);
	return -1;
}

/* COPY target FROM STDIN, streaming the data file. Adds the row count. */
static int run_copy(PGconn *c, const struct migration *m, const struct step *s,
                    long *rows)
{
	static const char tail[] = " FROM STDIN WITH (FORMAT csv, HEADER true)";
	char *sql = xmalloc(strlen(s->target) + sizeof(tail) + 6);
	char what[512];
	PGresult *res;
	size_t off;
	int rc = -1;

	snprintf(what, sizeof(what), "%s:%d (COPY from %s)", m->file, s->line,
	         s->path);
	sprintf(sql, "COPY %s%s", s->target, tail);
	res = PQexec(c, sql);
	free(sql);
	if (PQresultStatus(res) != PGRES_COPY_IN) {
		db_report(what, c, res);
		PQclear(res);
		return -1;
	}
	PQclear(res);
	for (off = 0; off < s->len; off += COPY_CHUNK) {
		size_t n =
		        s->len - off < COPY_CHUNK ? s->len - off : COPY_CHUNK;
		if (PQputCopyData(c, s->data + off, (int)n) != 1)
			break;
	}
	if (PQputCopyEnd(c, off >= s->len ? NULL : "send failed") != 1) {
		db_report(what, c, NULL);
		return -1;
	}
	while ((res = PQgetResult(c)) != NULL) {
		if (PQresultStatus(res) == PGRES_COMMAND_OK) {
			*rows += atol(PQcmdTuples(res));
			rc = 0;
		} else {
			db_report(what, c, res);
			rc = -1;
		}
		PQclear(res);
	}
	return rc;
}

static int simple(PGconn *c, const char *what, const char *sql)
{
	PGresult *res = db_exec(c, what, sql, 0, NULL);
	if (!res)
		return -1;
	PQclear(res);
	return 0;
}

/* Objects in the project's schemas not owned by cctns_owner, one per line,
 * after a migration: a migration must leave every object to the owner role
 * (the server's and analyst's rights come from grants, never ownership). */
static const char owner_check_sql[] =
        "SELECT string_agg(format('%s %s (owner %s)', what, name, owner), "
        "', ' ORDER BY name) FROM ("
        " SELECT 'relation' AS what, c.oid::regclass::text AS name,"
        "  pg_get_userbyid(c.relowner) AS owner"
        " FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace"
        " WHERE n.nspname IN ('ref', 'core', 'api', 'reporting', 'audit')"
        " UNION ALL"
        " SELECT 'function', p.oid::regprocedure::text,"
        "  pg_get_userbyid(p.proowner)"
        " FROM pg_proc p JOIN pg_namespace n ON n.oid = p.pronamespace"
        " WHERE n.nspname IN ('ref', 'core', 'api', 'reporting', 'audit')) o"
        " WHERE o.owner <> 'cctns_owner'";

/* 0 when everything is owned by cctns_owner, else -1 naming what is not. */
static int check_owners(PGconn *c, const struct migration *m)
{
	PGresult *res = db_exec(c, m->file, owner_check_sql, 0, NULL);
	int rc = 0;

	if (!res)
		return -1;
	if (!PQgetisnull(res, 0, 0)) {
		fprintf(stderr,
		        "cctns-admin: %s leaves objects not owned by "
		        "cctns_owner: %s; create them as cctns_owner (do not "
		        "change their owner)\n",
		        m->file, PQgetvalue(res, 0, 0));
		rc = -1;
	}
	PQclear(res);
	return rc;
}

/* BEGIN; steps; owner check; record; COMMIT. Rolls back and returns -1 on
 * any error. */
static int apply_one(PGconn *c, const struct migration *m)
{
	char version[16];
	const char *params[3] = {version, m->name, m->sha256};
	uint64_t t0 = now_us();
	long rows = 0;
	size_t i;
	PGresult *res;

	snprintf(version, sizeof(version), "%d", m->version);
	if (simple(c, m->file, "BEGIN") < 0)
		return -1;
	for (i = 0; i < m->nsteps; i++) {
		const struct step *s = &m->steps[i];
		int rc = s->kind == STEP_SQL ? run_sql(c, m, s)
		                             : run_copy(c, m, s, &rows);
		if (rc < 0)
			goto fail;
	}
	if (check_owners(c, m) < 0)
		goto fail;
	res = db_exec(c, m->file,
	              "INSERT INTO cctns_meta.schema_migrations "
	              "(version, name, sha256) VALUES ($1::int, $2, $3)",
	              3, params);
	if (!res)
		goto fail;
	PQclear(res);
	if (simple(c, m->file, "COMMIT") < 0)
		goto fail;
	if (rows)
		printf("applied %s (%ld rows copied) in %llu ms\n", m->file,
		       rows, (unsigned long long)((now_us() - t0) / 1000));
	else
		printf("applied %s in %llu ms\n", m->file,
		       (unsigned long long)((now_us() - t0) / 1000));
	fflush(stdout);
	return 0;
fail:
	if (PQtransactionStatus(c) != PQTRANS_IDLE)
		PQclear(PQexec(c, "ROLLBACK"));
	fprintf(stderr, "cctns-admin: %s was not applied (rolled back)\n",
	        m->file);
	return -1;
}

static int show_status(const struct plan *p, const struct applied_set *s)
{
	size_t i;

	for (i = 0; i < p->n; i++) {
		const struct migration *m = &p->m[i];
		const struct applied *a = applied_find(s, m->version);
		if (!a)
			printf("%-32s pending\n", m->file);
		else if (strcmp(a->sha256, m->sha256) != 0 ||
		         strcmp(a->name, m->name) != 0)
			printf("%-32s CHANGED since applied %s\n", m->file,
			       a->applied_at);
		else
			printf("%-32s applied %s\n", m->file, a->applied_at);
	}
	for (i = 0; i < s->n; i++) {
		char file[256];
		if (plan_find(p, s->a[i].version))
			continue;
		snprintf(file, sizeof(file), "%04d_%s.sql", s->a[i].version,
		         s->a[i].name);
		printf("%-32s MISSING, applied %s\n", file, s->a[i].applied_at);
	}
	return 0;
}

static int migrate(PGconn *c, const char *dir, int status_only)
{
	struct plan p;
	struct applied_set s;
	size_t i;
	int applied = 0, rc = ADMIN_FAIL;

	if (plan_load(dir, &p) < 0)
		return ADMIN_FAIL;
	memset(&s, 0, sizeof(s));
	if (!status_only &&
	    (become_owner(c) < 0 || take_lock(c) < 0 || ensure_meta(c) < 0))
		goto out;
	if (read_applied(c, &s) < 0)
		goto out;
	if (status_only) {
		show_status(&p, &s);
		rc = verify(&p, &s, dir) ? ADMIN_FAIL : ADMIN_OK;
		goto out;
	}
	if (verify(&p, &s, dir)) {
		fprintf(stderr, "cctns-admin: nothing was applied\n");
		goto out;
	}
	for (i = 0; i < p.n; i++) {
		if (applied_find(&s, p.m[i].version))
			continue;
		if (apply_one(c, &p.m[i]) < 0)
			goto out;
		applied++;
	}
	if (!applied)
		printf("database is up to date (%zu migrations applied)\n",
		       s.n);
	rc = ADMIN_OK;
out:
	applied_free(&s);
	plan_free(&p);
	return rc;
}

static const char migrate_help[] =
        "usage: cctns-admin [--db CONNINFO] migrate [--schema DIR] "
        "[--status]\n"
        "\n"
        "Apply the pending migrations DIR/migrations/NNNN_name.sql in order, "
        "each in its\n"
        "own transaction, and record them in cctns_meta.schema_migrations "
        "(version, name,\n"
        "sha256, applied_at). A line \"--@copy TABLE (COLUMNS) FROM "
        "data/FILE.csv\" in a\n"
        "migration loads DIR/data/FILE.csv with COPY (CSV with a header "
        "row). The checksum\n"
        "of a migration covers the file and every data file it copies.\n"
        "\n"
        "Refuses (exit 1, changing nothing) when an applied migration's file "
        "or data\n"
        "changed, when its file is missing, or when a pending migration is "
        "numbered\n"
        "before an applied one. A migration that leaves an object in ref, "
        "core or api\n"
        "owned by another role than cctns_owner is rolled back. Two "
        "migrators never\n"
        "race: the second waits for the first\n"
        "(advisory lock). Runs as cctns_owner; connected as a member of it "
        "(e.g. the\n"
        "postgres superuser) it switches to it with SET ROLE.\n"
        "\n"
        "Options:\n"
        "  --schema DIR   schema directory (default " CCTNS_SCHEMA_DIR ")\n"
        "  --status       list applied, pending, changed and missing "
        "migrations; change\n"
        "                 nothing; exit 1 if any was changed or is missing\n"
        "  --db CONNINFO  libpq connection string (default $CCTNS_DB, else "
        "\"dbname=cctns\")\n"
        "  --help         show this help\n"
        "\n"
        "Examples:\n"
        "  cctns-admin --db \"host=/srv/cctns/pg dbname=cctns "
        "user=cctns_owner\" migrate\n"
        "  cctns-admin migrate --status\n"
        "  CCTNS_DB=\"host=/tmp/pg dbname=cctns user=cctns_owner\" "
        "cctns-admin migrate --schema ./schema\n";

int cmd_migrate(const char *db, int argc, char **argv)
{
	static const struct option opts[] = {
	        {"schema", required_argument, NULL, 's'},
	        {"status", no_argument, NULL, 't'},
	        {"db", required_argument, NULL, 'd'},
	        {"help", no_argument, NULL, 'h'},
	        {NULL, 0, NULL, 0},
	};
	const char *dir = CCTNS_SCHEMA_DIR;
	int status_only = 0, opt, rc;
	PGconn *c;

	optind = 0;
	opterr = 0;
	while ((opt = getopt_long(argc, argv, "+", opts, NULL)) != -1) {
		switch (opt) {
		case 's':
			dir = optarg;
			break;
		case 't':
			status_only = 1;
			break;
		case 'd':
			db = optarg;
			break;
		case 'h':
			fputs(migrate_help, stdout);
			return ADMIN_OK;
		default:
			return admin_usage("migrate",
			                   "unknown or incomplete "
			                   "option %s",
			                   argv[optind - 1]);
		}
	}
	if (optind < argc)
		return admin_usage("migrate", "unexpected argument %s",
		                   argv[optind]);
	c = db_connect(db);
	if (!c)
		return ADMIN_FAIL;
	rc = migrate(c, dir, status_only);
	PQfinish(c);
	return rc;
}
