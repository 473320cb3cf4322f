/* reporting.c: `cctns-admin reporting refresh|status`: recount the
 * materialised aggregates of schema reporting (reporting.refresh(), run as
 * cctns_owner) and show how fresh they are (reporting.freshness). */
#include <getopt.h>
#include <stdio.h>
#include <string.h>

#include "admin.h"
#include "db.h"
#include "util.h"

static const char reporting_help[] =
        "usage: cctns-admin [--db CONNINFO] reporting refresh [--blocking]\n"
        "       cctns-admin [--db CONNINFO] reporting status\n"
        "\n"
        "The standard tables of schema reporting (state_table, "
        "district_head_table,\n"
        "monthly_trend, pendency, state_comparison, district_comparison) "
        "read\n"
        "materialised aggregates, counted from the case records at the last "
        "refresh.\n"
        "\n"
        "  refresh     recount every aggregate (reporting.refresh()) and "
        "print each\n"
        "              one's rows and seconds; analysts keep reading the "
        "previous\n"
        "              counts meanwhile (REFRESH ... CONCURRENTLY)\n"
        "  --blocking  refresh without CONCURRENTLY: faster, but readers "
        "wait\n"
        "  status      print when each aggregate was last refreshed "
        "(reporting.freshness)\n"
        "\n"
        "Runs as cctns_owner. deploy/cctns-reporting-refresh.timer runs "
        "refresh nightly.\n"
        "\n"
        "Examples:\n"
        "  cctns-admin reporting refresh\n"
        "  cctns-admin --db \"host=/srv/cctns/pg dbname=cctns "
        "user=cctns_owner\" reporting status\n";

struct reporting_args {
	const char *db;
	int blocking;
};

static int parse_args(const char *cmd, int argc, char **argv,
                      struct reporting_args *a)
{
	static const struct option opts[] = {
	        {"blocking", no_argument, NULL, 'b'},
	        {"db", required_argument, NULL, 'D'},
	        {"help", no_argument, NULL, 'h'},
	        {NULL, 0, NULL, 0},
	};
	int opt;

	optind = 0;
	opterr = 0;
	while ((opt = getopt_long(argc, argv, "+", opts, NULL)) != -1) {
		switch (opt) {
		case 'b':
			a->blocking = 1;
			break;
		case 'D':
			a->db = optarg;
			break;
		case 'h':
			fputs(reporting_help, stdout);
			return 1;
		default:
			return admin_usage(cmd,
			                   "unknown or incomplete option %s",
			                   argv[optind - 1]);
		}
	}
	if (optind < argc)
		return admin_usage(cmd, "unexpected argument %s", argv[optind]);
	return 0;
}

/* Run sql (no parameters but the one given) and print its rows as
 * "aggregate  N rows  S s" lines; returns an admin_exit code. */
static int print_aggregates(const char *db, const char *what, const char *sql,
                            const char *param)
{
	const char *params[1] = {param};
	PGconn *c = db_connect(db);
	PGresult *res;
	int i;

	if (!c)
		return ADMIN_FAIL;
	res = db_exec(c, what, sql, param ? 1 : 0, params);
	if (!res) {
		PQfinish(c);
		return ADMIN_FAIL;
	}
	for (i = 0; i < PQntuples(res); i++) {
		if (PQgetisnull(res, i, 1)) {
			printf("%-26s never refreshed\n",
			       PQgetvalue(res, i, 0));
			continue;
		}
		printf("%-26s %10s rows %10s s", PQgetvalue(res, i, 0),
		       PQgetvalue(res, i, 1), PQgetvalue(res, i, 2));
		if (PQnfields(res) > 3)
			printf("  as of %s", PQgetvalue(res, i, 3));
		putchar('\n');
	}
	PQclear(res);
	PQfinish(c);
	return ADMIN_OK;
}

static int reporting_refresh(const char *db, int argc, char **argv)
{
	struct reporting_args a = {db, 0};
	int rc = parse_args("reporting refresh", argc, argv, &a);

	if (rc)
		return rc == 1 ? ADMIN_OK : rc;
	fprintf(stderr, "cctns-admin: refreshing the reporting aggregates%s\n",
	        a.blocking ? " (blocking readers)" : "");
	return print_aggregates(a.db, "reporting refresh",
	                        "SELECT aggregate, rows, seconds "
	                        "FROM reporting.refresh($1::boolean)",
	                        a.blocking ? "false" : "true");
}

static int reporting_status(const char *db, int argc, char **argv)
{
	struct reporting_args a = {db, 0};
	int rc = parse_args("reporting status", argc, argv, &a);

	if (rc)
		return rc == 1 ? ADMIN_OK : rc;
	if (a.blocking)
		return admin_usage("reporting status",
		                   "--blocking is for reporting refresh");
	return print_aggregates(
	        a.db, "reporting status",
	        "SELECT aggregate, rows, seconds, "
	        "to_char(refreshed_at AT TIME ZONE 'Asia/Kolkata', "
	        "'YYYY-MM-DD HH24:MI:SS \"IST\"') "
	        "FROM reporting.freshness ORDER BY aggregate",
	        NULL);
}

/* Subcommands of `reporting`, by name. */
static const struct {
	const char *name;
	admin_command_fn run;
} subcommands[] = {
        {"refresh", reporting_refresh},
        {"status", reporting_status},
};

int cmd_reporting(const char *db, int argc, char **argv)
{
	size_t i;

	if (argc < 2)
		return admin_usage("reporting", "refresh or status?");
	if (strcmp(argv[1], "--help") == 0 || strcmp(argv[1], "-h") == 0 ||
	    strcmp(argv[1], "help") == 0) {
		fputs(reporting_help, stdout);
		return ADMIN_OK;
	}
	for (i = 0; i < ARRAY_LEN(subcommands); i++)
		if (strcmp(argv[1], subcommands[i].name) == 0)
			return subcommands[i].run(db, argc - 1, argv + 1);
	return admin_usage("reporting",
	                   "unknown subcommand %s (refresh or status)",
	                   argv[1]);
}
