/* partitions.c: `cctns-admin partitions ensure|list|detach`: the case
 * tables' year partitions over time (0034). ensure makes a whole year for
 * every state ahead of time (a monthly timer runs it); list shows the years
 * there are; detach takes a past year out of the live tables into an
 * archive file (pg_dump -Fc), verifies the file with pg_restore --list and
 * drops the detached tables only when asked (--drop). */
#include <errno.h>
#include <fcntl.h>
#include <getopt.h>
#include <spawn.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>
#include <time.h>

#include "admin.h"
#include "db.h"
#include "util.h"

extern char **environ;

/* "prefix" followed by value, newly allocated. */
static char *concat(const char *prefix, const char *value)
{
	size_t n = strlen(prefix) + strlen(value) + 1;
	char *s = xmalloc(n);

	snprintf(s, n, "%s%s", prefix, value);
	return s;
}

static const char partitions_help[] =
        "usage: cctns-admin [--db CONNINFO] partitions ensure [--year Y]\n"
        "       cctns-admin [--db CONNINFO] partitions list [--exact]\n"
        "       cctns-admin [--db CONNINFO] partitions detach YEAR --archive "
        "FILE\n"
        "                                  [--drop] [--force]\n"
        "\n"
        "The case tables are partitioned by state, then by year.\n"
        "\n"
        "  ensure     make every partition of year Y (default: next year, "
        "IST) for\n"
        "             every state served (a station registered, or "
        "partitions made);\n"
        "             idempotent. deploy/systemd/cctns-partitions.timer runs "
        "it monthly.\n"
        "  list       each year with partitions: states, partitions, "
        "detached ones,\n"
        "             FIRs, rows of all case tables, size (--exact: count "
        "rows\n"
        "             instead of the planner's estimates)\n"
        "  detach     detach every partition of the past YEAR (refused while "
        "a case of\n"
        "             it is open, unless --force; refused by PostgreSQL while "
        "a later\n"
        "             record refers to one of its FIRs), dump them with "
        "pg_dump -Fc\n"
        "             into FILE, check FILE with pg_restore --list, and with "
        "--drop\n"
        "             only then drop them. Without --drop the detached "
        "tables stay\n"
        "             in schema core (see `list`); run again with --drop "
        "later.\n"
        "\n"
        "Runs as cctns_owner; pg_dump and pg_restore must be on PATH.\n"
        "\n"
        "Examples:\n"
        "  cctns-admin partitions ensure\n"
        "  cctns-admin partitions ensure --year 2030\n"
        "  cctns-admin partitions list --exact\n"
        "  cctns-admin partitions detach 2012 --archive "
        "/srv/archive/cctns-2012.dump --drop\n";

struct part_args {
	const char *db;
	int year;
	int exact;
	int drop;
	int force;
	const char *archive;
};

/* Next year in India Standard Time (UTC+5:30, no DST). */
static int next_year_ist(void)
{
	time_t now = time(NULL) + 19800;
	struct tm tm;

	gmtime_r(&now, &tm);
	return tm.tm_year + 1900 + 1;
}

static int parse_args(const char *cmd, int argc, char **argv,
                      struct part_args *a)
{
	static const struct option opts[] = {
	        {"year", required_argument, NULL, 'y'},
	        {"exact", no_argument, NULL, 'e'},
	        {"drop", no_argument, NULL, 'x'},
	        {"force", no_argument, NULL, 'f'},
	        {"archive", required_argument, NULL, 'a'},
	        {"db", required_argument, NULL, 'D'},
	        {"help", no_argument, NULL, 'h'},
	        {NULL, 0, NULL, 0},
	};
	int opt;

	optind = 0;
	opterr = 0;
	while ((opt = getopt_long(argc, argv, "", opts, NULL)) != -1) {
		switch (opt) {
		case 'y':
			if (admin_parse_code(optarg, &a->year) != 0 ||
			    a->year < 2000 || a->year > 2199)
				return admin_usage(cmd,
				                   "--year: a year 2000..2199, "
				                   "not %s",
				                   optarg);
			break;
		case 'e':
			a->exact = 1;
			break;
		case 'x':
			a->drop = 1;
			break;
		case 'f':
			a->force = 1;
			break;
		case 'a':
			a->archive = optarg;
			break;
		case 'D':
			a->db = optarg;
			break;
		case 'h':
			fputs(partitions_help, stdout);
			return 1;
		default:
			return admin_usage(cmd,
			                   "unknown or incomplete option %s",
			                   argv[optind - 1]);
		}
	}
	return 0;
}

static int partitions_ensure(const char *db, int argc, char **argv)
{
	struct part_args a = {.db = db};
	int rc = parse_args("partitions ensure", argc, argv, &a);
	char year[16];
	const char *params[1] = {year};
	PGconn *c;
	PGresult *res;
	long made = 0;

	if (rc)
		return rc == 1 ? ADMIN_OK : rc;
	if (optind < argc)
		return admin_usage("partitions ensure",
		                   "unexpected argument %s", argv[optind]);
	snprintf(year, sizeof(year), "%d", a.year ? a.year : next_year_ist());
	if (!(c = db_connect(a.db)))
		return ADMIN_FAIL;
	res = db_exec(c, "partitions ensure",
	              "SELECT state_code, created "
	              "FROM core.partitions_ensure_year($1::int)",
	              1, params);
	if (!res) {
		PQfinish(c);
		return ADMIN_FAIL;
	}
	for (int i = 0; i < PQntuples(res); i++) {
		printf("state %-4s year %s: %s partitions created\n",
		       PQgetvalue(res, i, 0), year, PQgetvalue(res, i, 1));
		made += atol(PQgetvalue(res, i, 1));
	}
	printf("partitions of %s: %d states, %ld created\n", year,
	       PQntuples(res), made);
	PQclear(res);
	PQfinish(c);
	return ADMIN_OK;
}

static int partitions_list(const char *db, int argc, char **argv)
{
	struct part_args a = {.db = db};
	int rc = parse_args("partitions list", argc, argv, &a);
	const char *params[1];
	PGconn *c;
	PGresult *res;

	if (rc)
		return rc == 1 ? ADMIN_OK : rc;
	if (optind < argc)
		return admin_usage("partitions list", "unexpected argument %s",
		                   argv[optind]);
	params[0] = a.exact ? "true" : "false";
	if (!(c = db_connect(a.db)))
		return ADMIN_FAIL;
	res = db_exec(c, "partitions list",
	              "SELECT year, states, partitions, detached, fir_rows, "
	              "all_rows, pg_size_pretty(bytes) "
	              "FROM core.partition_years($1::boolean)",
	              1, params);
	if (!res) {
		PQfinish(c);
		return ADMIN_FAIL;
	}
	printf("%-6s %6s %10s %8s %12s %14s %10s\n", "year", "states",
	       "partitions", "detached", "firs", "rows", "size");
	for (int i = 0; i < PQntuples(res); i++)
		printf("%-6s %6s %10s %8s %12s %14s %10s\n",
		       PQgetvalue(res, i, 0), PQgetvalue(res, i, 1),
		       PQgetvalue(res, i, 2), PQgetvalue(res, i, 3),
		       PQgetvalue(res, i, 4), PQgetvalue(res, i, 5),
		       PQgetvalue(res, i, 6));
	if (!a.exact)
		puts("(rows are planner estimates; --exact counts them)");
	PQclear(res);
	PQfinish(c);
	return ADMIN_OK;
}

/* Run argv (PATH lookup), stdout to out_path when not NULL; 0 when it
 * exited 0. */
static int run_tool(char *const *argv, const char *out_path)
{
	posix_spawn_file_actions_t fa;
	pid_t pid;
	int st, rc;

	posix_spawn_file_actions_init(&fa);
	if (out_path)
		posix_spawn_file_actions_addopen(
		        &fa, 1, out_path, O_WRONLY | O_CREAT | O_TRUNC, 0600);
	rc = posix_spawnp(&pid, argv[0], &fa, NULL, argv, environ);
	posix_spawn_file_actions_destroy(&fa);
	if (rc != 0) {
		fprintf(stderr, "cctns-admin: cannot run %s: %s\n", argv[0],
		        strerror(rc));
		return -1;
	}
	while (waitpid(pid, &st, 0) < 0)
		if (errno != EINTR)
			return -1;
	if (!WIFEXITED(st) || WEXITSTATUS(st) != 0) {
		fprintf(stderr, "cctns-admin: %s failed (status %d)\n", argv[0],
		        WIFEXITED(st) ? WEXITSTATUS(st) : -1);
		return -1;
	}
	return 0;
}

/* pg_dump -Fc the tables of res (column 0, qualified names) into file. */
static int dump_tables(const char *db, const PGresult *res, const char *file)
{
	int n = PQntuples(res), i, rc;
	char **argv = xcalloc((size_t)(2 * n + 8), sizeof(*argv));
	char *dbarg = concat("--dbname=", db);
	char *farg = concat("--file=", file);
	size_t k = 0;

	argv[k++] = "pg_dump";
	argv[k++] = "--format=custom";
	argv[k++] = "--no-owner";
	argv[k++] = dbarg;
	argv[k++] = farg;
	for (i = 0; i < n; i++) {
		argv[k++] = "--table";
		argv[k++] = PQgetvalue(res, i, 0);
	}
	argv[k] = NULL;
	rc = run_tool(argv, NULL);
	free(dbarg);
	free(farg);
	free(argv);
	return rc;
}

/* pg_restore --list FILE must name the data of every table of res. */
static int verify_archive(const PGresult *res, const char *file)
{
	char list[4096];
	char *argv[] = {"pg_restore", "--list", (char *)file, NULL};
	FILE *f;
	char line[1024];
	int n = PQntuples(res), found = 0, rc = -1;
	char *seen = xcalloc((size_t)n + 1, 1);

	snprintf(list, sizeof(list), "%s.list", file);
	if (run_tool(argv, list) != 0)
		goto fail;
	if (!(f = fopen(list, "r")))
		goto fail;
	/* "123; 0 16384 TABLE DATA core fir_9_2020 cctns_owner" */
	while (fgets(line, sizeof(line), f)) {
		char *p = strstr(line, " TABLE DATA core ");
		if (!p)
			continue;
		p += strlen(" TABLE DATA core ");
		for (int i = 0; i < n; i++) {
			const char *name =
			        PQgetvalue(res, i, 0) + 5; /* core. */
			size_t len = strlen(name);
			if (!seen[i] && strncmp(p, name, len) == 0 &&
			    p[len] == ' ') {
				seen[i] = 1;
				found++;
			}
		}
	}
	fclose(f);
	remove(list);
	if (found != n) {
		fprintf(stderr,
		        "cctns-admin: partitions detach: %s holds the data of "
		        "%d of %d tables; nothing dropped\n",
		        file, found, n);
		goto fail;
	}
	rc = 0;
fail:
	free(seen);
	return rc;
}

static int detach_run(PGconn *c, const struct part_args *a)
{
	char year[16], force[8];
	const char *params[2] = {year, force};
	PGresult *res, *dropped;
	int rc = ADMIN_FAIL;

	snprintf(year, sizeof(year), "%d", a->year);
	snprintf(force, sizeof(force), "%s", a->force ? "true" : "false");
	res = db_exec(c, "partitions detach",
	              "SELECT t::text FROM core.partitions_detach_year("
	              "$1::int, $2::boolean) t",
	              2, params);
	if (!res)
		return ADMIN_FAIL;
	if (PQntuples(res) == 0) {
		printf("no partitions of %s\n", year);
		PQclear(res);
		return ADMIN_OK;
	}
	printf("detached %d partitions of %s\n", PQntuples(res), year);
	if (dump_tables(a->db, res, a->archive) != 0 ||
	    verify_archive(res, a->archive) != 0)
		goto out;
	printf("archived %d tables into %s (verified with pg_restore "
	       "--list)\n",
	       PQntuples(res), a->archive);
	if (!a->drop) {
		printf("detached tables kept in schema core; run again with "
		       "--drop to drop them\n");
		rc = ADMIN_OK;
		goto out;
	}
	dropped =
	        db_exec(c, "partitions detach",
	                "SELECT core.partitions_drop_year($1::int)", 1, params);
	if (!dropped)
		goto out;
	printf("dropped %s tables of %s\n", PQgetvalue(dropped, 0, 0), year);
	PQclear(dropped);
	rc = ADMIN_OK;
out:
	PQclear(res);
	return rc;
}

static int partitions_detach(const char *db, int argc, char **argv)
{
	struct part_args a = {.db = db};
	int rc = parse_args("partitions detach", argc, argv, &a);
	PGconn *c;

	if (rc)
		return rc == 1 ? ADMIN_OK : rc;
	if (optind + 1 != argc)
		return admin_usage("partitions detach", "which YEAR?");
	if (admin_parse_code(argv[optind], &a.year) != 0 || a.year < 2000 ||
	    a.year > 2199)
		return admin_usage("partitions detach",
		                   "YEAR: a year 2000..2199, not %s",
		                   argv[optind]);
	if (!a.archive)
		return admin_usage("partitions detach",
		                   "--archive FILE is required");
	if (!(c = db_connect(a.db)))
		return ADMIN_FAIL;
	rc = detach_run(c, &a);
	PQfinish(c);
	return rc;
}

static const struct {
	const char *name;
	admin_command_fn run;
} subcommands[] = {
        {"ensure", partitions_ensure},
        {"list", partitions_list},
        {"detach", partitions_detach},
};

int cmd_partitions(const char *db, int argc, char **argv)
{
	size_t i;

	if (argc < 2)
		return admin_usage("partitions", "ensure, list or detach?");
	if (strcmp(argv[1], "--help") == 0 || strcmp(argv[1], "-h") == 0 ||
	    strcmp(argv[1], "help") == 0) {
		fputs(partitions_help, stdout);
		return ADMIN_OK;
	}
	for (i = 0; i < ARRAY_LEN(subcommands); i++)
		if (strcmp(argv[1], subcommands[i].name) == 0)
			return subcommands[i].run(db, argc - 1, argv + 1);
	return admin_usage("partitions",
	                   "unknown subcommand %s (ensure, list or detach)",
	                   argv[1]);
}
