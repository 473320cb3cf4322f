/* db.h: the few libpq habits cctns-admin uses everywhere: connecting with a
 * name and quiet notices, running one parameterized statement, and printing
 * a server error with its SQLSTATE, detail and hint. Blocking libpq. */
#ifndef CCTNS_ADMIN_DB_H
#define CCTNS_ADMIN_DB_H

#include <libpq-fe.h>

/* The connection string when --db is not given: env CCTNS_DB, else
 * "dbname=cctns". */
const char *db_default_conninfo(void);

/* Connect (application_name=cctns-admin, client_min_messages=warning).
 * Returns NULL after printing why. The caller PQfinish()es the result. */
PGconn *db_connect(const char *conninfo) __attribute__((warn_unused_result));

/* Run one statement with text parameters (PQexecParams; n may be 0).
 * Returns the result when its status is COMMAND_OK or TUPLES_OK; otherwise
 * prints "cctns-admin: <what>: <error>" and returns NULL. The caller
 * PQclear()s a non-NULL result. */
PGresult *db_exec(PGconn *c, const char *what, const char *sql, int n,
                  const char *const *params)
        __attribute__((warn_unused_result));

/* Print a failed result (or, with res NULL, the connection's error):
 * "cctns-admin: <what>: <message> (SQLSTATE xxxxx)" plus DETAIL, HINT and
 * CONTEXT lines when the server sent them. */
void db_report(const char *what, PGconn *c, const PGresult *res);

/* SQLSTATE of a result, "" when there is none. */
const char *db_sqlstate(const PGresult *res);

#endif
