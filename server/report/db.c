/* db.c: connecting and running one report query for cctns-report, with
 * progress on stderr while a long query runs. Blocking libpq, but the query
 * is sent asynchronously so the wait can be reported. */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/select.h>

#include "report.h"
#include "util.h"

/* Seconds of waiting before the first progress line. */
#define PROGRESS_AFTER_S 1

const char *db_default_conninfo(void)
{
	const char *env = getenv("CCTNS_DB");
	return env && *env ? env : "dbname=cctns";
}

/* SQLSTATE classes that mean "you may not", not "it broke". */
static int refused_state(const char *state)
{
	return state &&
	       (strcmp(state, "42501") == 0 || strncmp(state, "28", 2) == 0);
}

PGconn *db_connect(const char *conninfo, int *code)
{
	/* application_name first: one given in conninfo wins. */
	const char *const keys[] = {"application_name", "dbname", NULL};
	const char *const vals[] = {"cctns-report", conninfo, NULL};
	PGconn *c = PQconnectdbParams(keys, vals, 1);

	if (c && PQstatus(c) == CONNECTION_OK)
		return c;
	fprintf(stderr, "cctns-report: cannot connect to the database: %s",
	        c ? PQerrorMessage(c) : "out of memory\n");
	fprintf(stderr, "cctns-report: set --db CONNINFO or CCTNS_DB (e.g. "
	                "\"host=/path/to/socketdir dbname=cctns "
	                "user=cctns_analyst\")\n");
	/* libpq keeps no SQLSTATE for a refused login; its text says so. */
	*code = c && strstr(PQerrorMessage(c), "authentication")
	                ? REPORT_REFUSED
	                : REPORT_UNREACHABLE;
	PQfinish(c);
	return NULL;
}

static void report_error(const char *what, PGconn *c, const PGresult *res)
{
	const char *msg =
	        res ? PQresultErrorField(res, PG_DIAG_MESSAGE_PRIMARY) : NULL;
	const char *state =
	        res ? PQresultErrorField(res, PG_DIAG_SQLSTATE) : NULL;
	const char *hint =
	        res ? PQresultErrorField(res, PG_DIAG_MESSAGE_HINT) : NULL;

	if (!msg) {
		fprintf(stderr, "cctns-report: %s: %s", what,
		        PQerrorMessage(c));
		return;
	}
	fprintf(stderr, "cctns-report: %s: %s (SQLSTATE %s)\n", what, msg,
	        state ? state : "?");
	if (hint)
		fprintf(stderr, "  HINT: %s\n", hint);
	if (refused_state(state))
		fprintf(stderr, "cctns-report: the reports read the reporting "
		                "views as cctns_analyst\n");
}

/* Wait up to one second for the socket; 1 ready, 0 timeout, -1 error. */
static int wait_readable(int fd)
{
	struct timeval tv = {.tv_sec = 1, .tv_usec = 0};
	fd_set set;
	int r;

	FD_ZERO(&set);
	FD_SET(fd, &set);
	r = select(fd + 1, &set, NULL, NULL, &tv);
	return r < 0 && errno == EINTR ? 0 : r;
}

/* Wait for the whole answer; 0, or -1 when the connection broke. */
static int wait_answer(PGconn *c, const char *what, int progress)
{
	uint64_t start = now_us();
	int shown = 0;

	while (PQisBusy(c)) {
		int r = wait_readable(PQsocket(c));
		uint64_t s = (now_us() - start) / 1000000;
		if (r < 0 || (r > 0 && !PQconsumeInput(c)))
			return -1;
		if (r == 0 && progress && s >= PROGRESS_AFTER_S) {
			fprintf(stderr, "\rcctns-report: %s: waiting %llu s",
			        what, (unsigned long long)s);
			shown = 1;
		}
	}
	if (shown)
		fputc('\n', stderr);
	return 0;
}

PGresult *db_query(PGconn *c, const char *what, const char *sql, int n,
                   const char *const *params, int progress, int *code)
{
	PGresult *res = NULL, *next;

	*code = REPORT_FAIL;
	if (!PQsendQueryParams(c, sql, n, NULL, params, NULL, NULL, 0) ||
	    wait_answer(c, what, progress) < 0) {
		report_error(what, c, NULL);
		return NULL;
	}
	/* One statement: keep its result, drain the terminating NULL. */
	while ((next = PQgetResult(c)) != NULL) {
		if (res)
			PQclear(res);
		res = next;
	}
	if (PQresultStatus(res) == PGRES_TUPLES_OK)
		return res;
	report_error(what, c, res);
	if (refused_state(res ? PQresultErrorField(res, PG_DIAG_SQLSTATE)
	                      : NULL))
		*code = REPORT_REFUSED;
	PQclear(res);
	return NULL;
}
