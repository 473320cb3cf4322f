/* status.c: `cctns-admin status`: one screen for a State Data Centre
 * operator. Each check is a row of one table (name, function); a check says
 * ok, warning or failure and one line of detail. Exit 0 when every check is
 * ok, 1 with a warning, 2 with a failure; --json prints the same as one
 * JSON object. Read-only: nothing is changed anywhere. */
#include <dirent.h>
#include <getopt.h>
#include <netdb.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/socket.h>
#include <sys/stat.h>
#include <sys/time.h>
#include <time.h>
#include <unistd.h>

#include "admin.h"
#include "db.h"
#include "util.h"

#ifndef CCTNS_SCHEMA_DIR
#define CCTNS_SCHEMA_DIR "schema"
#endif

enum level { LV_OK, LV_WARN, LV_FAIL };
static const char *const level_names[] = {"ok", "warning", "failure"};

struct status_args {
	const char *db;
	const char *http;       /* host:port of the server's [http] listen */
	const char *backup_dir; /* deploy/backup-now's repository */
	const char *schema_dir;
	int json;
};

struct check_out {
	enum level level;
	char detail[400];
};

struct status_ctx {
	const struct status_args *a;
	PGconn *c;     /* NULL when the database is unreachable */
	char why[200]; /* then libpq's reason, first line */
};

static void say(struct check_out *o, enum level lv, const char *fmt, ...)
        __attribute__((format(printf, 3, 4)));
static void say(struct check_out *o, enum level lv, const char *fmt, ...)
{
	va_list ap;

	o->level = lv;
	va_start(ap, fmt);
	vsnprintf(o->detail, sizeof(o->detail), fmt, ap);
	va_end(ap);
}

/* One row (or NULL after saying why in o). */
static PGresult *query(struct status_ctx *s, struct check_out *o,
                       const char *sql)
{
	PGresult *res;

	if (!s->c) {
		say(o, LV_FAIL, "database unreachable: %s", s->why);
		return NULL;
	}
	res = PQexecParams(s->c, sql, 0, NULL, NULL, NULL, NULL, 0);
	if (PQresultStatus(res) != PGRES_TUPLES_OK) {
		say(o, LV_FAIL, "%s", PQresultErrorMessage(res));
		o->detail[strcspn(o->detail, "\n")] = 0;
		PQclear(res);
		return NULL;
	}
	return res;
}

/* ------------------------------------------------------------ server */

/* GET path from host:port over plain HTTP/1.0, 3 s at most per read. The
 * status code into *code and the body (NUL-terminated, at most 8 MiB) into
 * *body when body is not NULL (free it). 0, or -1 unreachable, -2 no HTTP
 * answer. */
static int http_get(const char *host, const char *port, const char *path,
                    int *code, char **body)
{
	struct addrinfo hints = {.ai_socktype = SOCK_STREAM}, *ai = NULL;
	struct timeval tv = {3, 0};
	size_t got = 0, cap = 4096;
	char *buf = xmalloc(cap), *p;
	int fd = -1, rc = -1;
	ssize_t n;

	if (getaddrinfo(host, port, &hints, &ai) != 0 ||
	    (fd = socket(ai->ai_family, ai->ai_socktype, 0)) < 0 ||
	    setsockopt(fd, SOL_SOCKET, SO_RCVTIMEO, &tv, sizeof(tv)) != 0 ||
	    setsockopt(fd, SOL_SOCKET, SO_SNDTIMEO, &tv, sizeof(tv)) != 0 ||
	    connect(fd, ai->ai_addr, ai->ai_addrlen) != 0)
		goto out;
	rc = -2;
	snprintf(buf, cap, "GET %s HTTP/1.0\r\nHost: %s\r\n\r\n", path, host);
	if (write(fd, buf, strlen(buf)) < 0)
		goto out;
	while ((n = read(fd, buf + got, cap - 1 - got)) > 0) {
		got += (size_t)n;
		if (got == cap - 1) {
			if (cap >= 8u << 20)
				break;
			cap *= 2;
			buf = xrealloc(buf, cap);
		}
	}
	buf[got] = 0;
	if (sscanf(buf, "HTTP/%*s %d", code) != 1)
		goto out;
	rc = 0;
	if (body && (p = strstr(buf, "\r\n\r\n"))) {
		memmove(buf, p + 4, strlen(p + 4) + 1);
		*body = buf;
		buf = NULL;
	}
out:
	free(buf);
	if (fd >= 0)
		close(fd);
	if (ai)
		freeaddrinfo(ai);
	return rc;
}

/* load: the value of the line "cctns_workers N" of /metrics, or 1. */
static long workers_of(const char *host, const char *port)
{
	char *body = NULL, *p;
	long n = 1;
	int code = 0;

	if (http_get(host, port, "/metrics", &code, &body) != 0 || !body)
		return 1;
	for (p = body; (p = strstr(p, "cctns_workers ")); p++)
		if (p == body || p[-1] == '\n') {
			n = strtol(p + strlen("cctns_workers "), NULL, 10);
			break;
		}
	free(body);
	return n >= 1 && n <= 256 ? n : 1;
}

/* load: /healthz of workers 1..n-1 on the ports after the first. */
static void check_workers(struct check_out *o, const char *host, long port,
                          long n)
{
	char p[24];
	int code = 0, rc;

	for (long i = 1; i < n; i++) {
		snprintf(p, sizeof(p), "%ld", port + i);
		rc = http_get(host, p, "/healthz", &code, NULL);
		if (rc == 0 && code == 200)
			continue;
		say(o, LV_FAIL, "worker %ld (http://%s:%ld/healthz) %s", i,
		    host, port + i,
		    rc == -1   ? "unreachable"
		    : rc == -2 ? "gave no HTTP answer"
		               : "not 200 (no database connection)");
		return;
	}
	say(o, LV_OK,
	    "http://%s:%ld/healthz 200, %ld workers: ports %ld-%ld all 200",
	    host, port, n, port, port + n - 1);
}

/* GET /healthz on loopback; with several workers (cctns_workers in
 * /metrics) every worker's port. */
static void check_server(struct status_ctx *s, struct check_out *o)
{
	char host[256], *port;
	int code = 0, rc;
	long n;

	snprintf(host, sizeof(host), "%s", s->a->http);
	if (!(port = strrchr(host, ':'))) {
		say(o, LV_FAIL, "--http %s: HOST:PORT expected", s->a->http);
		return;
	}
	*port++ = 0;
	rc = http_get(host, port, "/healthz", &code, NULL);
	if (rc == -1) {
		say(o, LV_FAIL, "http://%s/healthz unreachable", s->a->http);
	} else if (rc == -2) {
		say(o, LV_FAIL, "http://%s/healthz: no HTTP answer",
		    s->a->http);
	} else if (code != 200) {
		say(o, LV_FAIL, "http://%s/healthz %d (no database connection)",
		    s->a->http, code);
	} else if ((n = workers_of(host, port)) > 1) {
		check_workers(o, host, strtol(port, NULL, 10), n);
	} else {
		say(o, LV_OK, "http://%s/healthz 200", s->a->http);
	}
}

/* ------------------------------------------------------------ database */

static void check_database(struct status_ctx *s, struct check_out *o)
{
	PGresult *res = query(s, o,
	                      "SELECT CASE WHEN pg_is_in_recovery() THEN "
	                      "'standby' ELSE 'primary' END, "
	                      "current_setting('server_version'), "
	                      "pg_size_pretty(pg_database_size(current_"
	                      "database()))");

	if (!res)
		return;
	say(o, LV_OK, "%s, PostgreSQL %s, %s", PQgetvalue(res, 0, 0),
	    PQgetvalue(res, 0, 1), PQgetvalue(res, 0, 2));
	PQclear(res);
}

/* Migration files shipped: NNNN_*.sql in schema_dir/migrations. */
static int shipped_migrations(const char *dir, int *last)
{
	char path[1024];
	DIR *d;
	struct dirent *e;
	int n = 0, v;

	snprintf(path, sizeof(path), "%s/migrations", dir);
	if (!(d = opendir(path)))
		return -1;
	*last = 0;
	while ((e = readdir(d))) {
		size_t len = strlen(e->d_name);
		if (len < 9 || strcmp(e->d_name + len - 4, ".sql") != 0 ||
		    sscanf(e->d_name, "%4d_", &v) != 1)
			continue;
		n++;
		if (v > *last)
			*last = v;
	}
	closedir(d);
	return n;
}

static void check_migrations(struct status_ctx *s, struct check_out *o)
{
	int last = 0, shipped = shipped_migrations(s->a->schema_dir, &last);
	PGresult *res = query(s, o,
	                      "SELECT count(*), coalesce(max(version), 0) "
	                      "FROM cctns_meta.schema_migrations");
	int applied, top;

	if (!res)
		return;
	applied = atoi(PQgetvalue(res, 0, 0));
	top = atoi(PQgetvalue(res, 0, 1));
	PQclear(res);
	if (shipped < 0)
		say(o, LV_WARN,
		    "%d applied (last %04d); %s/migrations unreadable", applied,
		    top, s->a->schema_dir);
	else if (applied < shipped)
		say(o, LV_WARN,
		    "%d applied, %d shipped: %d pending (cctns-admin migrate)",
		    applied, shipped, shipped - applied);
	else if (top > last)
		say(o, LV_WARN,
		    "%d applied up to %04d, newer than the %d shipped here",
		    applied, top, shipped);
	else
		say(o, LV_OK, "%d applied of %d shipped (last %04d)", applied,
		    shipped, top);
}

static void check_partitions(struct status_ctx *s, struct check_out *o)
{
	PGresult *res =
	        query(s, o,
	              "SELECT y, core.partitions_missing(y), "
	              "core.partitions_missing(y + 1), "
	              "to_char(now() AT TIME ZONE 'Asia/Kolkata', 'MM-DD') >= "
	              "'11-01', "
	              "(SELECT count(*) FROM core.partition_states()) "
	              "FROM (SELECT extract(year FROM now() AT TIME ZONE "
	              "'Asia/Kolkata')::int AS y) n");
	int year, now_missing, next_missing, late, states;

	if (!res)
		return;
	year = atoi(PQgetvalue(res, 0, 0));
	now_missing = atoi(PQgetvalue(res, 0, 1));
	next_missing = atoi(PQgetvalue(res, 0, 2));
	late = PQgetvalue(res, 0, 3)[0] == 't';
	states = atoi(PQgetvalue(res, 0, 4));
	PQclear(res);
	if (next_missing && late)
		say(o, LV_WARN,
		    "%d of %d states lack %d's partitions "
		    "(cctns-admin partitions ensure)",
		    next_missing, states, year + 1);
	else if (now_missing)
		say(o, LV_WARN,
		    "%d of %d states lack %d's partitions (made at the first "
		    "registration; cctns-admin partitions ensure --year %d)",
		    now_missing, states, year, year);
	else
		say(o, LV_OK, "%d states: %d ready, %d %s", states, year,
		    year + 1,
		    next_missing ? "not yet (due by 1 Nov)" : "ready");
}

static void check_audit(struct status_ctx *s, struct check_out *o)
{
	PGresult *res = query(
	        s, o,
	        "SELECT count(*), coalesce(sum(c.last_seq), 0), "
	        "count(*) FILTER (WHERE c.closed_at IS NULL), "
	        "count(*) FILTER (WHERE c.last_seq > 0 AND NOT EXISTS ("
	        " SELECT 1 FROM audit.log l WHERE l.chain_id = c.chain_id"
	        " AND l.seq = c.last_seq AND l.hash = c.last_hash)"
	        " OR EXISTS (SELECT 1 FROM audit.log l WHERE l.chain_id = "
	        "c.chain_id AND l.seq > c.last_seq)), "
	        "coalesce(to_char(max(c.started_at) AT TIME ZONE "
	        "'Asia/Kolkata', 'YYYY-MM-DD HH24:MI \"IST\"'), 'never') "
	        "FROM audit.chain c");
	long broken;

	if (!res)
		return;
	broken = atol(PQgetvalue(res, 0, 3));
	if (broken)
		say(o, LV_FAIL,
		    "%ld chain tail(s) do not match their head: run "
		    "cctns-admin audit verify",
		    broken);
	else
		say(o, LV_OK,
		    "%s chains (%s open), %s records, every tail matches its "
		    "head; last chain started %s (full check: cctns-admin "
		    "audit verify)",
		    PQgetvalue(res, 0, 0), PQgetvalue(res, 0, 2),
		    PQgetvalue(res, 0, 1), PQgetvalue(res, 0, 4));
	PQclear(res);
}

static void check_reporting(struct status_ctx *s, struct check_out *o)
{
	PGresult *res = query(
	        s, o,
	        "SELECT count(*) FILTER (WHERE refreshed_at IS NULL), "
	        "coalesce(extract(epoch FROM now() - min(refreshed_at))"
	        "::bigint / 3600, -1), count(*) FROM reporting.freshness");
	long never, hours;

	if (!res)
		return;
	never = atol(PQgetvalue(res, 0, 0));
	hours = atol(PQgetvalue(res, 0, 1));
	if (never)
		say(o, LV_WARN,
		    "%ld of %s aggregates never refreshed (cctns-admin "
		    "reporting refresh)",
		    never, PQgetvalue(res, 0, 2));
	else if (hours > 36)
		say(o, LV_WARN, "oldest aggregate refreshed %ld h ago", hours);
	else
		say(o, LV_OK, "%s aggregates, oldest refreshed %ld h ago",
		    PQgetvalue(res, 0, 2), hours);
	PQclear(res);
}

static void check_replication(struct status_ctx *s, struct check_out *o)
{
	PGresult *res = query(s, o,
	                      "SELECT role, coalesce(standby, '-'), state, "
	                      "coalesce(lag_bytes::text, '?'), "
	                      "coalesce(round(replay_lag_seconds::numeric, 1)"
	                      "::text, '?'), coalesce(replay_lag_seconds, 0) "
	                      "FROM api.replication_status()");
	double worst = 0;
	size_t off = 0;

	if (!res)
		return;
	o->level = LV_OK;
	for (int i = 0; i < PQntuples(res); i++) {
		double lag = atof(PQgetvalue(res, i, 5));
		if (lag > worst)
			worst = lag;
		if (strcmp(PQgetvalue(res, i, 2), "no_standby") == 0) {
			off += (size_t)snprintf(
			        o->detail + off, sizeof(o->detail) - off,
			        "primary, no standby streaming");
			break;
		}
		off += (size_t)snprintf(
		        o->detail + off, sizeof(o->detail) - off,
		        "%s%s %s %s: %s bytes, %s s behind", i ? "; " : "",
		        PQgetvalue(res, i, 0), PQgetvalue(res, i, 1),
		        PQgetvalue(res, i, 2), PQgetvalue(res, i, 3),
		        PQgetvalue(res, i, 4));
		if (off >= sizeof(o->detail))
			break;
	}
	if (worst > 60)
		o->level = LV_WARN;
	PQclear(res);
}

/* deploy/backup-now writes DIR/LAST: "<unix time> <label>". */
static void check_backup(struct status_ctx *s, struct check_out *o)
{
	char path[1024], label[256] = "";
	long long at = 0;
	FILE *f;
	long hours;

	snprintf(path, sizeof(path), "%s/LAST", s->a->backup_dir);
	if (!(f = fopen(path, "r"))) {
		say(o, LV_WARN, "no backup recorded in %s (deploy/backup-now)",
		    s->a->backup_dir);
		return;
	}
	if (fscanf(f, "%lld %255s", &at, label) != 2) {
		fclose(f);
		say(o, LV_WARN, "%s unreadable", path);
		return;
	}
	fclose(f);
	hours = (long)((time(NULL) - (time_t)at) / 3600);
	if (hours > 26)
		say(o, LV_WARN, "last backup %s, %ld h ago (daily expected)",
		    label, hours);
	else
		say(o, LV_OK, "last backup %s, %ld h ago", label, hours);
}

/* ------------------------------------------------------------ output */

static const struct check {
	const char *name;
	void (*run)(struct status_ctx *s, struct check_out *o);
} checks[] = {
        {"server", check_server},
        {"database", check_database},
        {"migrations", check_migrations},
        {"partitions", check_partitions},
        {"audit", check_audit},
        {"reporting", check_reporting},
        {"replication", check_replication},
        {"backup", check_backup},
};

static void json_string(const char *s)
{
	putchar('"');
	for (; *s; s++) {
		unsigned char ch = (unsigned char)*s;
		if (ch == '"' || ch == '\\')
			printf("\\%c", ch);
		else if (ch < 0x20)
			printf("\\u%04x", ch);
		else
			putchar(ch);
	}
	putchar('"');
}

static const char status_help[] =
        "usage: cctns-admin [--db CONNINFO] status [--http HOST:PORT] "
        "[--backup-dir DIR]\n"
        "                                  [--schema DIR] [--json]\n"
        "\n"
        "One screen for the operator: the server's /healthz (of every "
        "worker when its\n"
        "/metrics says cctns_workers N: ports PORT .. PORT+N-1), the database "
        "(reachable,\n"
        "primary or standby), migrations applied against those shipped, "
        "partitions of\n"
        "this and next year, the audit chains' tails, reporting freshness, "
        "replication\n"
        "lag and the last backup.\n"
        "\n"
        "  --http HOST:PORT  the server's [http] listen (default "
        "$CCTNS_HTTP, else\n"
        "                    127.0.0.1:7480)\n"
        "  --backup-dir DIR  deploy/backup-now's repository (default "
        "$CCTNS_BACKUP_DIR,\n"
        "                    else /var/lib/cctns/backup)\n"
        "  --schema DIR      the shipped schema (default compiled in)\n"
        "  --json            one JSON object: {\"status\", \"checks\": "
        "[{name, status,\n"
        "                    detail}]}\n"
        "\n"
        "Exit status: 0 every check ok, 1 a warning, 2 a failure.\n";

static int parse_args(int argc, char **argv, struct status_args *a)
{
	static const struct option opts[] = {
	        {"http", required_argument, NULL, 'H'},
	        {"backup-dir", required_argument, NULL, 'b'},
	        {"schema", required_argument, NULL, 's'},
	        {"json", no_argument, NULL, 'j'},
	        {"db", required_argument, NULL, 'D'},
	        {"help", no_argument, NULL, 'h'},
	        {NULL, 0, NULL, 0},
	};
	int opt;

	optind = 0;
	opterr = 0;
	while ((opt = getopt_long(argc, argv, "+", opts, NULL)) != -1) {
		switch (opt) {
		case 'H':
			a->http = optarg;
			break;
		case 'b':
			a->backup_dir = optarg;
			break;
		case 's':
			a->schema_dir = optarg;
			break;
		case 'j':
			a->json = 1;
			break;
		case 'D':
			a->db = optarg;
			break;
		case 'h':
			fputs(status_help, stdout);
			return 1;
		default:
			return admin_usage("status",
			                   "unknown or incomplete option %s",
			                   argv[optind - 1]);
		}
	}
	if (optind < argc)
		return admin_usage("status", "unexpected argument %s",
		                   argv[optind]);
	return 0;
}

static const char *env_or(const char *name, const char *dflt)
{
	const char *v = getenv(name);

	return v && *v ? v : dflt;
}

int cmd_status(const char *db, int argc, char **argv)
{
	struct status_args a = {
	        .db = db,
	        .http = env_or("CCTNS_HTTP", "127.0.0.1:7480"),
	        .backup_dir =
	                env_or("CCTNS_BACKUP_DIR", "/var/lib/cctns/backup"),
	        .schema_dir = CCTNS_SCHEMA_DIR,
	};
	struct status_ctx s = {&a, NULL, ""};
	struct check_out out[ARRAY_LEN(checks)];
	enum level worst = LV_OK;
	int rc = parse_args(argc, argv, &a);
	size_t i;

	if (rc)
		return rc == 1 ? ADMIN_OK : rc;
	s.c = PQconnectdb(a.db);
	if (PQstatus(s.c) != CONNECTION_OK) {
		snprintf(s.why, sizeof(s.why), "%s", PQerrorMessage(s.c));
		s.why[strcspn(s.why, "\n")] = 0;
		PQfinish(s.c);
		s.c = NULL;
	} else {
		PQclear(PQexec(s.c, "SET client_min_messages = warning"));
	}
	for (i = 0; i < ARRAY_LEN(checks); i++) {
		memset(&out[i], 0, sizeof(out[i]));
		checks[i].run(&s, &out[i]);
		if (out[i].level > worst)
			worst = out[i].level;
	}
	if (a.json) {
		printf("{\"status\":\"%s\",\"checks\":[", level_names[worst]);
		for (i = 0; i < ARRAY_LEN(checks); i++) {
			printf("%s{\"name\":\"%s\",\"status\":\"%s\","
			       "\"detail\":",
			       i ? "," : "", checks[i].name,
			       level_names[out[i].level]);
			json_string(out[i].detail);
			putchar('}');
		}
		puts("]}");
	} else {
		for (i = 0; i < ARRAY_LEN(checks); i++)
			printf("%-12s %-8s %s\n", checks[i].name,
			       level_names[out[i].level], out[i].detail);
		printf("%-12s %s\n", "overall", level_names[worst]);
	}
	if (s.c)
		PQfinish(s.c);
	return worst == LV_OK ? 0 : worst == LV_WARN ? 1 : 2;
}
