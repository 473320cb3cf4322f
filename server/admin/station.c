/* station.c: `cctns-admin station add|list`: the station register
 * (ref.station) that decides which certificates may connect. */
#include <getopt.h>
#include <stdio.h>
#include <string.h>

#include "admin.h"
#include "db.h"
#include "util.h"

#define NAME_MAX_BYTES 200

static const char station_help[] =
        "usage: cctns-admin [--db CONNINFO] station add --state S --district D "
        "--code C --name NAME\n"
        "       cctns-admin [--db CONNINFO] station list [--state S] "
        "[--district D]\n"
        "\n"
        "The station register (ref.station). A terminal's certificate CN\n"
        "station:S:D:C is accepted only when station C of district D of state "
        "S is in it\n"
        "and active. S and D are LGD codes (ref.state, ref.district); C is "
        "unique within\n"
        "the district. Run `cctns-admin station add --help` or `station list "
        "--help`.\n";

static const char add_help[] =
        "usage: cctns-admin [--db CONNINFO] station add --state S --district D "
        "--code C --name NAME\n"
        "\n"
        "Add a police station to the register. Fails (exit 1) when state S "
        "does not\n"
        "exist, when district D is not a district of state S, or when the "
        "station\n"
        "already exists.\n"
        "\n"
        "Options:\n"
        "  --state S      LGD state code, e.g. 9 (Uttar Pradesh)\n"
        "  --district D   LGD district code within that state, e.g. 118 "
        "(Agra)\n"
        "  --code C       station code, unique within the district (1 or "
        "more)\n"
        "  --name NAME    station name, up to 200 bytes of UTF-8\n"
        "  --db CONNINFO  libpq connection string (default $CCTNS_DB, else "
        "\"dbname=cctns\")\n"
        "  --help         show this help\n"
        "\n"
        "Examples:\n"
        "  cctns-admin station add --state 9 --district 118 --code 1001 "
        "--name \"Police Station Hari Parvat\"\n"
        "  cctns-admin --db \"host=/srv/cctns/pg dbname=cctns "
        "user=cctns_owner\" station add \\\n"
        "      --state 27 --district 482 --code 12 --name \"Police Station "
        "Colaba\"\n";

static const char list_help[] =
        "usage: cctns-admin [--db CONNINFO] station list [--state S] "
        "[--district D]\n"
        "\n"
        "List registered stations (state, district, code, active, name, "
        "district name,\n"
        "state name), optionally of one state or one district.\n"
        "\n"
        "Options:\n"
        "  --state S      only stations of this LGD state code\n"
        "  --district D   only stations of this LGD district code\n"
        "  --db CONNINFO  libpq connection string (default $CCTNS_DB, else "
        "\"dbname=cctns\")\n"
        "  --help         show this help\n"
        "\n"
        "Examples:\n"
        "  cctns-admin station list\n"
        "  cctns-admin station list --state 9 --district 118\n";

/* The options of both subcommands; which ones are allowed is checked by
 * the subcommand. */
struct station_args {
	const char *db;
	const char *state, *district, *code, *name;
};

/* Returns 0 to go on, 1 when --help was shown, ADMIN_USAGE on a bad
 * command line (message printed). */
static int parse_args(const char *cmd, const char *help, int argc, char **argv,
                      struct station_args *a)
{
	static const struct option opts[] = {
	        {"state", required_argument, NULL, 's'},
	        {"district", required_argument, NULL, 'd'},
	        {"code", required_argument, NULL, 'c'},
	        {"name", required_argument, NULL, 'n'},
	        {"db", required_argument, NULL, 'D'},
	        {"help", no_argument, NULL, 'h'},
	        {NULL, 0, NULL, 0},
	};
	int opt;

	optind = 0;
	opterr = 0;
	while ((opt = getopt_long(argc, argv, "+", opts, NULL)) != -1) {
		switch (opt) {
		case 's':
			a->state = optarg;
			break;
		case 'd':
			a->district = optarg;
			break;
		case 'c':
			a->code = optarg;
			break;
		case 'n':
			a->name = optarg;
			break;
		case 'D':
			a->db = optarg;
			break;
		case 'h':
			fputs(help, stdout);
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

static int check_code(const char *cmd, const char *opt, const char *v)
{
	int n;
	if (admin_parse_code(v, &n) < 0)
		return admin_usage(cmd,
		                   "%s must be a positive number, got \"%s\"",
		                   opt, v);
	return 0;
}

static int check_name(const char *name)
{
	size_t len = strlen(name), i;

	if (len == 0 || len > NAME_MAX_BYTES || !utf8_valid(name, len))
		return admin_usage("station add",
		                   "--name must be 1 to %d bytes of UTF-8",
		                   NAME_MAX_BYTES);
	for (i = 0; i < len; i++)
		if ((unsigned char)name[i] < 0x20 || name[i] == 0x7f)
			return admin_usage("station add",
			                   "--name must not contain control "
			                   "characters");
	return 0;
}

/* Say precisely what is wrong with (state, district) before inserting;
 * when both are right, copy "district, state" names into where. */
static int check_place(PGconn *c, const struct station_args *a, char *where,
                       size_t wsz)
{
	const char *params[2] = {a->state, a->district};
	PGresult *res = db_exec(
	        c, "station add",
	        "SELECT (SELECT s.name FROM ref.state s WHERE s.code = "
	        "$1::int), "
	        "(SELECT d.name FROM ref.district d "
	        " WHERE d.state_code = $1::int AND d.district_code = $2::int), "
	        "(SELECT format('%s (%s) is in state %s (%s)', "
	        "d.district_code, "
	        "d.name, s.code, s.name) FROM ref.district d "
	        " JOIN ref.state s ON s.code = d.state_code "
	        " WHERE d.district_code = $2::int)",
	        2, params);
	int rc = -1;

	if (!res) {
		fprintf(stderr, "cctns-admin: has `cctns-admin migrate` been "
		                "run on this database?\n");
		return -1;
	}
	if (PQgetisnull(res, 0, 0))
		fprintf(stderr,
		        "cctns-admin: station add: there is no state with LGD "
		        "code %s (see ref.state)\n",
		        a->state);
	else if (!PQgetisnull(res, 0, 1)) {
		snprintf(where, wsz, "%s, %s", PQgetvalue(res, 0, 1),
		         PQgetvalue(res, 0, 0));
		rc = 0;
	} else if (!PQgetisnull(res, 0, 2))
		fprintf(stderr,
		        "cctns-admin: station add: district %s is not a "
		        "district of state %s (%s): district %s\n",
		        a->district, a->state, PQgetvalue(res, 0, 0),
		        PQgetvalue(res, 0, 2));
	else
		fprintf(stderr,
		        "cctns-admin: station add: there is no district with "
		        "LGD code %s (see ref.district)\n",
		        a->district);
	PQclear(res);
	return rc;
}

static int station_add(const char *db, int argc, char **argv)
{
	struct station_args a = {db, NULL, NULL, NULL, NULL};
	const char *params[4];
	char where[512];
	PGconn *c = NULL;
	PGresult *res;
	int rc;

	rc = parse_args("station add", add_help, argc, argv, &a);
	if (rc)
		return rc == 1 ? ADMIN_OK : rc;
	if (!a.state || !a.district || !a.code || !a.name)
		return admin_usage("station add", "--state, --district, --code "
		                                  "and --name are all needed");
	if (check_code("station add", "--state", a.state) ||
	    check_code("station add", "--district", a.district) ||
	    check_code("station add", "--code", a.code) || check_name(a.name))
		return ADMIN_USAGE;

	c = db_connect(a.db);
	if (!c)
		return ADMIN_FAIL;
	rc = ADMIN_FAIL;
	if (check_place(c, &a, where, sizeof(where)) < 0)
		goto out;
	params[0] = a.state;
	params[1] = a.district;
	params[2] = a.code;
	params[3] = a.name;
	res = PQexecParams(
	        c,
	        "INSERT INTO ref.station (state_code, district_code, "
	        "station_code, name) "
	        "VALUES ($1::int, $2::int, $3::int, $4) "
	        "ON CONFLICT DO NOTHING RETURNING name",
	        4, NULL, params, NULL, NULL, 0);
	if (PQresultStatus(res) != PGRES_TUPLES_OK) {
		db_report("station add", c, res);
	} else if (PQntuples(res) == 0) {
		fprintf(stderr,
		        "cctns-admin: station add: station %s:%s:%s already "
		        "exists (see `cctns-admin station list --state %s "
		        "--district %s`)\n",
		        a.state, a.district, a.code, a.state, a.district);
	} else {
		printf("added station %s:%s:%s (%s)\n", a.state, a.district,
		       a.code, where);
		rc = ADMIN_OK;
	}
	PQclear(res);
out:
	PQfinish(c);
	return rc;
}

static int station_list(const char *db, int argc, char **argv)
{
	struct station_args a = {db, NULL, NULL, NULL, NULL};
	const char *params[2];
	PGconn *c;
	PGresult *res;
	int rc, i;

	rc = parse_args("station list", list_help, argc, argv, &a);
	if (rc)
		return rc == 1 ? ADMIN_OK : rc;
	if (a.code || a.name)
		return admin_usage("station list",
		                   "--code and --name are for station add");
	if ((a.state && check_code("station list", "--state", a.state)) ||
	    (a.district &&
	     check_code("station list", "--district", a.district)))
		return ADMIN_USAGE;
	params[0] = a.state;
	params[1] = a.district;

	c = db_connect(a.db);
	if (!c)
		return ADMIN_FAIL;
	res = db_exec(c, "station list",
	              "SELECT s.state_code, s.district_code, s.station_code, "
	              "CASE WHEN s.active THEN 'yes' ELSE 'no' END, s.name, "
	              "d.name, st.name "
	              "FROM ref.station s "
	              "JOIN ref.district d ON d.state_code = s.state_code "
	              " AND d.district_code = s.district_code "
	              "JOIN ref.state st ON st.code = s.state_code "
	              "WHERE ($1::int IS NULL OR s.state_code = $1::int) "
	              "AND ($2::int IS NULL OR s.district_code = $2::int) "
	              "ORDER BY 1, 2, 3",
	              2, params);
	if (!res) {
		PQfinish(c);
		return ADMIN_FAIL;
	}
	printf("%-5s %-8s %-7s %-6s %s\n", "STATE", "DISTRICT", "STATION",
	       "ACTIVE", "NAME (DISTRICT, STATE)");
	for (i = 0; i < PQntuples(res); i++)
		printf("%-5s %-8s %-7s %-6s %s (%s, %s)\n",
		       PQgetvalue(res, i, 0), PQgetvalue(res, i, 1),
		       PQgetvalue(res, i, 2), PQgetvalue(res, i, 3),
		       PQgetvalue(res, i, 4), PQgetvalue(res, i, 5),
		       PQgetvalue(res, i, 6));
	if (PQntuples(res) == 0)
		fprintf(stderr, "cctns-admin: no stations registered%s\n",
		        a.state || a.district ? " there" : "");
	PQclear(res);
	PQfinish(c);
	return ADMIN_OK;
}

/* Subcommands of `station`, by name. */
static const struct {
	const char *name;
	admin_command_fn run;
} subcommands[] = {
        {"add", station_add},
        {"list", station_list},
};

int cmd_station(const char *db, int argc, char **argv)
{
	size_t i;

	if (argc < 2)
		return admin_usage("station", "add or list?");
	if (strcmp(argv[1], "--help") == 0 || strcmp(argv[1], "-h") == 0 ||
	    strcmp(argv[1], "help") == 0) {
		fputs(station_help, stdout);
		return ADMIN_OK;
	}
	for (i = 0; i < ARRAY_LEN(subcommands); i++)
		if (strcmp(argv[1], subcommands[i].name) == 0)
			return subcommands[i].run(db, argc - 1, argv + 1);
	return admin_usage("station", "unknown subcommand %s (add or list)",
	                   argv[1]);
}
