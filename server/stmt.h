/* stmt.h: a named SQL statement as the pool prepares and runs it. A header
 * of its own, without libpq, so that tables holding statements (the request
 * table in dispatch.c) compile, and are unit-tested, without libpq. */
#ifndef CCTNS_SERVER_STMT_H
#define CCTNS_SERVER_STMT_H

#define POOL_MAX_PARAMS 16 /* parameters of one statement */

/* A statement, defined once (static const) by the code that owns its SQL.
 * The name must be unique per SQL text; it is the prepared statement name.
 * The pool knows a statement by its address, which must stay valid. */
struct pool_stmt {
	const char *name;
	const char *sql;
	int nparams;
};

#endif
