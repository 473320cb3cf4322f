/* report.h: what the parts of cctns-report share: exit codes (the same
 * numbers as the terminal's), the options a report reads, the report table
 * and the database calls. */
#ifndef CCTNS_REPORT_H
#define CCTNS_REPORT_H

#include <libpq-fe.h>

#include "format.h"
#include "svg.h"

enum report_exit {
	REPORT_OK = 0,
	REPORT_FAIL = 1,        /* database or other failure; message printed */
	REPORT_USAGE = 2,       /* bad command line */
	REPORT_BAD_OUTPUT = 3,  /* the chart file could not be written */
	REPORT_REFUSED = 4,     /* login or permission refused */
	REPORT_UNREACHABLE = 5, /* no database connection */
	REPORT_EMPTY = 6,       /* no cases for that selection */
};

/* The command-line options a report may take; each becomes one SQL
 * parameter ($n in the order a report lists them), NULL when not given. */
enum report_opt {
	OPT_END = 0,
	OPT_STATE, /* --state S: state code */
	OPT_YEAR,  /* --year Y */
	OPT_FROM,  /* --from YYYY-MM, passed as YYYY-MM-01 */
	OPT_TO,    /* --to YYYY-MM, passed as YYYY-MM-01 */
	OPT_LEVEL, /* --level state|district: picks the row of a report with
	              levels (compare); never an SQL parameter */
	OPT_COUNT,
};

#define REPORT_MAX_PARAMS 4

/* One report: a command word, its one parameterized statement over the
 * reporting views, the columns it returns (in order) and its chart. */
struct report {
	const char *name;
	const char *summary;
	const char *usage; /* the options line of its --help */
	unsigned required; /* bit (1 << opt) for each option it needs */
	enum report_opt params[REPORT_MAX_PARAMS + 1]; /* $1.., OPT_END */
	const char *title;
	const char *sql;
	const struct rcol *cols;
	size_t ncols;
	int year_col; /* column holding the year for the title, or -1 */
	enum chart_kind chart;
	int label_col, label_col2; /* chart labels ("a / b" with col2 >= 0) */
	int value_col;
	const char *label_axis, *value_axis;
	/* Reports with levels (compare): rows of one name, one per --level
	 * value, which the command line must give; NULL for the others. */
	const char *level;
	/* Reads the materialised aggregates (0023): the title says when
	 * they were last counted (reporting.freshness). */
	int as_of;
};

/* The report named word, NULL when there is none. */
const struct report *report_find(const char *word);
/* The row of report r's name for --level level, NULL when there is none. */
const struct report *report_level(const struct report *r, const char *level);
/* All reports, for --help. */
const struct report *report_all(size_t *n);

/* Database (db.c). The connection string when --db is not given: env
 * CCTNS_DB, else "dbname=cctns". */
const char *db_default_conninfo(void);

/* Connect (application_name=cctns-report). On failure prints why and
 * returns NULL with *code REPORT_REFUSED or REPORT_UNREACHABLE. */
PGconn *db_connect(const char *conninfo, int *code)
        __attribute__((warn_unused_result));

/* Run sql with text parameters, printing elapsed seconds on stderr while it
 * runs when progress is set. Returns the TUPLES_OK result or NULL after
 * printing the error, with *code set (REPORT_REFUSED for SQLSTATE 42501
 * and 28xxx, else REPORT_FAIL). */
PGresult *db_query(PGconn *c, const char *what, const char *sql, int n,
                   const char *const *params, int progress, int *code)
        __attribute__((warn_unused_result));

#endif
