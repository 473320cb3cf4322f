/* db.c: connecting, one-statement execution and error printing for
 * cctns-admin (see db.h). */
#include "db.h"

#include <stdio.h>
#include <stdlib.h>

const char *db_default_conninfo(void)
{
	const char *env = getenv("CCTNS_DB");
	return env && *env ? env : "dbname=cctns";
}

/* Notices (e.g. "relation exists, skipping") are noise for an operator;
 * warnings are kept. client_min_messages filters them at the server. */
PGconn *db_connect(const char *conninfo)
{
	/* application_name first: a value in conninfo (expanded from dbname)
	 * overrides it, as later keywords win. */
	const char *const keys[] = {"application_name", "dbname", NULL};
	const char *const vals[] = {"cctns-admin", conninfo, NULL};
	PGconn *c = PQconnectdbParams(keys, vals, 1);
	PGresult *res;

	if (!c) {
		fprintf(stderr, "cctns-admin: cannot connect: out of memory\n");
		return NULL;
	}
	if (PQstatus(c) != CONNECTION_OK) {
		fprintf(stderr,
		        "cctns-admin: cannot connect to the database: %s",
		        PQerrorMessage(c));
		fprintf(stderr, "cctns-admin: set --db CONNINFO or CCTNS_DB "
		                "(e.g. \"host=/path/to/socketdir "
		                "dbname=cctns user=cctns_owner\")\n");
		PQfinish(c);
		return NULL;
	}
	res = db_exec(c, "connect", "SET client_min_messages = warning", 0,
	              NULL);
	if (!res) {
		PQfinish(c);
		return NULL;
	}
	PQclear(res);
	return c;
}

const char *db_sqlstate(const PGresult *res)
{
	const char *s = res ? PQresultErrorField(res, PG_DIAG_SQLSTATE) : NULL;
	return s ? s : "";
}

static void print_field(const PGresult *res, int field, const char *label)
{
	const char *v = PQresultErrorField(res, field);
	if (v && *v)
		fprintf(stderr, "  %s: %s\n", label, v);
}

void db_report(const char *what, PGconn *c, const PGresult *res)
{
	const char *msg =
	        res ? PQresultErrorField(res, PG_DIAG_MESSAGE_PRIMARY) : NULL;

	if (!msg) {
		/* Connection-level failure: libpq's message ends with \n. */
		fprintf(stderr, "cctns-admin: %s: %s", what,
		        c ? PQerrorMessage(c) : "no connection\n");
		return;
	}
	fprintf(stderr, "cctns-admin: %s: %s (SQLSTATE %s)\n", what, msg,
	        db_sqlstate(res));
	print_field(res, PG_DIAG_MESSAGE_DETAIL, "DETAIL");
	print_field(res, PG_DIAG_MESSAGE_HINT, "HINT");
	print_field(res, PG_DIAG_CONTEXT, "CONTEXT");
}

PGresult *db_exec(PGconn *c, const char *what, const char *sql, int n,
                  const char *const *params)
{
	PGresult *res = PQexecParams(c, sql, n, NULL, params, NULL, NULL, 0);
	ExecStatusType st = PQresultStatus(res);

	if (st == PGRES_COMMAND_OK || st == PGRES_TUPLES_OK)
		return res;
	db_report(what, c, res);
	PQclear(res);
	return NULL;
}
