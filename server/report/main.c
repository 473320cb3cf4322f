/* main.c: cctns-report, the analyst's tool: prints NCRB-style tables from
 * the reporting views (never core) as aligned text, CSV or HTML, and draws
 * them as an SVG or PNG chart. Options and validation live here; the
 * reports are rows of reports.c, the printers in format.c, the charts in
 * chart.c (layout), svg.c and chart_png.c, libpq in db.c. */
#include <getopt.h>
#include <limits.h>
#include <math.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <unistd.h>

#include "chart_png.h"
#include "report.h"
#include "util.h"

#ifndef CCTNS_VERSION
#define CCTNS_VERSION "0.0.0"
#endif

/* --from/--to: at most this many months in one trend. */
#define MAX_MONTHS 1200

/* Everything the command line chose. */
struct args {
	const char *db;
	const char *format;
	const char *chart;
	int progress;
	const char *opt[OPT_COUNT]; /* SQL parameter text, NULL = not given */
	char month[2][11];          /* --from, --to as YYYY-MM-01 */
};

static const char *const opt_flag[OPT_COUNT] = {
        [OPT_STATE] = "--state", [OPT_YEAR] = "--year",   [OPT_FROM] = "--from",
        [OPT_TO] = "--to",       [OPT_LEVEL] = "--level",
};

static void usage(FILE *out)
{
	const struct report *r;
	size_t n, i;

	fputs("usage: cctns-report [--db CONNINFO] REPORT [OPTIONS]\n"
	      "       cctns-report --help | --version | REPORT --help\n"
	      "\nReports:\n",
	      out);
	r = report_all(&n);
	for (i = 0; i < n; i++)
		fprintf(out, "  %-15s %s\n  %-15s   %s %s\n", r[i].name,
		        r[i].summary, "", r[i].name, r[i].usage);
	fputs("\nOptions of every report:\n"
	      "  --format text|csv|html  output on stdout (default text)\n"
	      "  --chart FILE.svg|.png   also draw the table as a chart, SVG "
	      "or "
	      "PNG by the\n"
	      "                          file's extension\n"
	      "  --progress, --quiet     show (or hide) the wait for a long "
	      "query on\n"
	      "                          stderr (default: shown on a "
	      "terminal)\n"
	      "  --db CONNINFO           libpq connection string, as "
	      "cctns_analyst\n"
	      "                          (default $CCTNS_DB, else "
	      "\"dbname=cctns\")\n"
	      "\nWithout --year: the latest year with cases (mo-trend: the "
	      "latest quarter).\n"
	      "Each figure counts in the year of its event: an arrest, a "
	      "charge-sheet,\n"
	      "a judgement, a seizure (see the views' COMMENTs). CSV text "
	      "fields\n"
	      "starting with = + - @ get a leading ' so spreadsheets do not "
	      "run them.\n"
	      "\nExit status: 0 done, 1 failed, 2 bad command line, 3 chart "
	      "not written,\n"
	      "4 refused (login or permission), 5 database unreachable, 6 "
	      "nothing to report.\n"
	      "\nExamples:\n"
	      "  cctns-report --db \"host=/srv/cctns/pg dbname=cctns "
	      "user=cctns_analyst\" state --year 2022\n"
	      "  cctns-report district-heads --state 9 --format csv\n"
	      "  cctns-report trend --state 9 --from 2026-01 --to 2026-12 "
	      "--chart trend.svg\n"
	      "  cctns-report pendency --state 9 --format html > "
	      "pendency.html\n"
	      "  cctns-report courts --state 9 --year 2026 --chart "
	      "courts.svg\n"
	      "  cctns-report mo-trend --state 9 --format csv\n"
	      "  cctns-report compare --level state --year 2025 --chart "
	      "rates.svg\n"
	      "  cctns-report compare --level district --state 9 --format "
	      "csv\n",
	      out);
}

static int usage_error(const char *cmd, const char *fmt, ...)
        __attribute__((format(printf, 2, 3)));

static int usage_error(const char *cmd, const char *fmt, ...)
{
	va_list ap;

	fprintf(stderr, "cctns-report %s: ", cmd);
	va_start(ap, fmt);
	vfprintf(stderr, fmt, ap);
	va_end(ap);
	fprintf(stderr, "\nTry 'cctns-report --help'.\n");
	return REPORT_USAGE;
}

/* ------------------------------------------------------------ validation */

static int parse_int(const char *s, long lo, long hi)
{
	char *end;
	long v;

	if (!s || *s < '0' || *s > '9')
		return -1;
	v = strtol(s, &end, 10);
	return *end || v < lo || v > hi ? -1 : (int)v;
}

/* YYYY-MM -> months since year 0, or -1. */
static long parse_month(const char *s)
{
	int y, m;

	if (strlen(s) != 7 || s[4] != '-')
		return -1;
	y = parse_int((char[]){s[0], s[1], s[2], s[3], 0}, 1900, 9999);
	m = parse_int((char[]){s[5], s[6], 0}, 1, 12);
	return y < 0 || m < 0 ? -1 : y * 12L + m - 1;
}

static int check_months(const char *cmd, struct args *a)
{
	long m[2] = {-1, -1};
	int i;

	for (i = 0; i < 2; i++) {
		const char *s = a->opt[OPT_FROM + i];
		if (!s)
			continue;
		m[i] = parse_month(s);
		if (m[i] < 0)
			return usage_error(cmd, "%s wants YYYY-MM, not %s",
			                   opt_flag[OPT_FROM + i], s);
		memcpy(a->month[i], s, 7);
		memcpy(a->month[i] + 7, "-01", 4);
		a->opt[OPT_FROM + i] = a->month[i];
	}
	if (m[0] >= 0 && m[1] >= 0 && m[0] > m[1])
		return usage_error(cmd, "--from is after --to");
	if (m[0] >= 0 && m[1] >= 0 && m[1] - m[0] >= MAX_MONTHS)
		return usage_error(cmd, "at most %d months at once",
		                   MAX_MONTHS);
	return REPORT_OK;
}

/* The chart writers, by the chart file's extension (any case). */
typedef int (*chart_writer)(FILE *out, const struct chart *ch,
                            const char *path);

static int write_svg(FILE *out, const struct chart *ch, const char *path)
{
	if (svg_write(out, ch) == 0)
		return 0;
	perror(path);
	return -1;
}

static int write_png(FILE *out, const struct chart *ch, const char *path)
{
	enum chart_png_result r = chart_png_write(out, ch);

	if (r == CHART_PNG_OK)
		return 0;
	if (r == CHART_PNG_WRITE)
		perror(path);
	else
		fprintf(stderr, "cctns-report: %s: %s\n", path,
		        chart_png_strerror(r));
	return -1;
}

static chart_writer chart_writer_for(const char *path)
{
	static const struct {
		const char *ext;
		chart_writer write;
	} writers[] = {{".svg", write_svg}, {".png", write_png}};
	size_t n = strlen(path), i;

	for (i = 0; i < ARRAY_LEN(writers); i++)
		if (n > 4 && strcasecmp(path + n - 4, writers[i].ext) == 0)
			return writers[i].write;
	return NULL;
}

static int check_args(const struct report *r, struct args *a)
{
	unsigned allowed = 0;
	size_t i;

	for (i = 0; r->params[i] != OPT_END; i++)
		allowed |= 1u << r->params[i];
	if (r->level)
		allowed |= 1u << OPT_LEVEL;
	for (i = 1; i < OPT_COUNT; i++) {
		if (a->opt[i] && !(allowed & (1u << i)))
			return usage_error(r->name, "does not take %s",
			                   opt_flag[i]);
		if (!a->opt[i] && (r->required & (1u << i)))
			return usage_error(r->name, "needs %s", opt_flag[i]);
	}
	if (a->opt[OPT_STATE] && parse_int(a->opt[OPT_STATE], 1, 99) < 0)
		return usage_error(r->name,
		                   "--state wants a state code 1-99, "
		                   "not %s",
		                   a->opt[OPT_STATE]);
	if (a->opt[OPT_YEAR] && parse_int(a->opt[OPT_YEAR], 1900, 9999) < 0)
		return usage_error(r->name, "--year wants a year, not %s",
		                   a->opt[OPT_YEAR]);
	if (a->chart && !chart_writer_for(a->chart))
		return usage_error(r->name,
		                   "--chart wants a file ending in .svg or "
		                   ".png, not %s",
		                   a->chart);
	if (!printer_by_name(a->format))
		return usage_error(r->name,
		                   "--format is text, csv or html, "
		                   "not %s",
		                   a->format);
	return check_months(r->name, a);
}

/* Options after the report word. */
static int parse_args(const struct report *r, int argc, char **argv,
                      struct args *a)
{
	static const struct option opts[] = {
	        {"state", required_argument, NULL, OPT_STATE},
	        {"year", required_argument, NULL, OPT_YEAR},
	        {"from", required_argument, NULL, OPT_FROM},
	        {"to", required_argument, NULL, OPT_TO},
	        {"level", required_argument, NULL, OPT_LEVEL},
	        {"format", required_argument, NULL, 'f'},
	        {"chart", required_argument, NULL, 'c'},
	        {"db", required_argument, NULL, 'd'},
	        {"progress", no_argument, NULL, 'p'},
	        {"quiet", no_argument, NULL, 'q'},
	        {"help", no_argument, NULL, 'h'},
	        {NULL, 0, NULL, 0},
	};
	int opt;

	optind = 0; /* glibc: start afresh on this argv */
	while ((opt = getopt_long(argc, argv, "+", opts, NULL)) != -1) {
		switch (opt) {
		case 'f':
			a->format = optarg;
			break;
		case 'c':
			a->chart = optarg;
			break;
		case 'd':
			a->db = optarg;
			break;
		case 'p':
		case 'q':
			a->progress = opt == 'p';
			break;
		case 'h':
			usage(stdout);
			return -1;
		case '?':
			return usage_error(r->name,
			                   "unknown or incomplete option %s",
			                   argv[optind - 1]);
		default:
			a->opt[opt] = optarg;
		}
	}
	if (optind < argc)
		return usage_error(r->name, "unexpected argument %s",
		                   argv[optind]);
	return check_args(r, a);
}

/* ------------------------------------------------------------ output */

static char *make_title(const struct report *r, const struct args *a,
                        const struct rtable *t, const char *as_of)
{
	char *buf = NULL;
	size_t len = 0;
	FILE *f = open_memstream(&buf, &len);

	if (!f)
		abort();
	fputs(r->title, f);
	if (a->opt[OPT_STATE])
		fprintf(f, ", state %s", a->opt[OPT_STATE]);
	if (r->year_col >= 0 && t->nrows && rtable_cell(t, 0, r->year_col))
		fprintf(f, ", %s", rtable_cell(t, 0, r->year_col));
	if (r->chart == CHART_LINE && t->nrows)
		fprintf(f, ", %s to %s", rtable_cell(t, 0, 0),
		        rtable_cell(t, t->nrows - 1, 0));
	if (as_of)
		fprintf(f, " (counted at the refresh of %s IST)", as_of);
	if (fclose(f) != 0)
		abort();
	return buf;
}

static char *chart_label(const struct report *r, const struct rtable *t,
                         size_t row)
{
	const char *a = rtable_cell(t, row, r->label_col);
	const char *b =
	        r->label_col2 >= 0 ? rtable_cell(t, row, r->label_col2) : NULL;
	char *s;

	a = a ? a : "";
	if (!b)
		return xstrdup(a);
	s = xmalloc(strlen(a) + strlen(b) + 4);
	strcpy(s, a);
	strcat(s, " / ");
	strcat(s, b);
	return s;
}

static int write_chart(const struct report *r, const struct rtable *t,
                       const char *path)
{
	char **labels = xcalloc(t->nrows + 1, sizeof(*labels));
	double *values = xcalloc(t->nrows + 1, sizeof(*values));
	struct chart ch = {r->chart,      t->title, r->label_axis,
	                   r->value_axis, t->nrows, (const char *const *)labels,
	                   values};
	FILE *f = fopen(path, "w");
	int rc = REPORT_BAD_OUTPUT;
	size_t i;

	for (i = 0; i < t->nrows; i++) {
		const char *v = rtable_cell(t, i, r->value_col);
		labels[i] = chart_label(r, t, i);
		values[i] = v ? strtod(v, NULL) : NAN;
	}
	if (!f) {
		perror(path);
		goto out;
	}
	if (chart_writer_for(path)(f, &ch, path) < 0) {
		fclose(f);
		f = NULL;
		remove(path); /* no half-drawn chart left behind */
		goto out;
	}
	if (fclose(f) != 0) {
		f = NULL;
		perror(path);
		goto out;
	}
	f = NULL;
	rc = REPORT_OK;
out:
	if (f)
		fclose(f);
	for (i = 0; i < t->nrows; i++)
		free(labels[i]);
	free(labels);
	free(values);
	return rc;
}

/* The result as a table of borrowed cells (NULL where SQL said NULL). */
static const char **result_cells(const PGresult *res, size_t rows, size_t cols)
{
	const char **cells = xcalloc(rows * cols + 1, sizeof(*cells));
	size_t i, j;

	for (i = 0; i < rows; i++)
		for (j = 0; j < cols; j++)
			cells[i * cols + j] =
			        PQgetisnull(res, (int)i, (int)j)
			                ? NULL
			                : PQgetvalue(res, (int)i, (int)j);
	return cells;
}

static int print_result(const struct report *r, const struct args *a,
                        const PGresult *res, const char *as_of)
{
	struct rtable t = {NULL, r->ncols, (size_t)PQntuples(res), r->cols,
	                   NULL};
	const char **cells;
	char *title;
	int rc = REPORT_OK;

	if ((size_t)PQnfields(res) != r->ncols) {
		fprintf(stderr,
		        "cctns-report: %s: the view returned %d "
		        "columns, not %zu (schema out of date?)\n",
		        r->name, PQnfields(res), r->ncols);
		return REPORT_FAIL;
	}
	if (t.nrows == 0) {
		fprintf(stderr,
		        "cctns-report: %s: no cases for that "
		        "selection\n",
		        r->name);
		return REPORT_EMPTY;
	}
	cells = result_cells(res, t.nrows, t.ncols);
	t.cells = cells;
	title = make_title(r, a, &t, as_of);
	t.title = title;
	if (printer_by_name(a->format)(stdout, &t) < 0 || fflush(stdout)) {
		perror("cctns-report: stdout");
		rc = REPORT_FAIL;
	}
	if (rc == REPORT_OK && a->chart)
		rc = write_chart(r, &t, a->chart);
	free(title);
	free(cells);
	return rc;
}

/* ------------------------------------------------------------ running */

/* When the aggregates were last counted (the oldest of them), as
 * DD/MM/YYYY HH:MM in IST, or NULL when that cannot be read. */
static char *refreshed_at(PGconn *c)
{
	static const char sql[] =
	        "SELECT to_char(min(refreshed_at) AT TIME ZONE 'Asia/Kolkata', "
	        "'DD/MM/YYYY HH24:MI') FROM reporting.freshness";
	PGresult *res = PQexecParams(c, sql, 0, NULL, NULL, NULL, NULL, 0);
	char *s = NULL;

	if (PQresultStatus(res) == PGRES_TUPLES_OK && PQntuples(res) == 1 &&
	    !PQgetisnull(res, 0, 0))
		s = xstrdup(PQgetvalue(res, 0, 0));
	PQclear(res);
	return s;
}

static int run_report(const struct report *r, const struct args *a)
{
	const char *params[REPORT_MAX_PARAMS];
	PGresult *res;
	PGconn *c;
	int n, rc;

	for (n = 0; r->params[n] != OPT_END; n++)
		params[n] = a->opt[r->params[n]];
	c = db_connect(a->db, &rc);
	if (!c)
		return rc;
	res = db_query(c, r->name, r->sql, n, params, a->progress, &rc);
	if (res) {
		char *as_of = r->as_of ? refreshed_at(c) : NULL;
		rc = print_result(r, a, res, as_of);
		free(as_of);
		PQclear(res);
	}
	PQfinish(c);
	return rc;
}

/* Global options before the report word; returns the index of the word,
 * or -(exit code + 1) when there is nothing to run. */
static int parse_global(int argc, char **argv, struct args *a)
{
	static const struct option opts[] = {
	        {"db", required_argument, NULL, 'd'},
	        {"help", no_argument, NULL, 'h'},
	        {"version", no_argument, NULL, 'V'},
	        {NULL, 0, NULL, 0},
	};
	int opt;

	opterr = 0;
	while ((opt = getopt_long(argc, argv, "+", opts, NULL)) != -1) {
		if (opt == 'd') {
			a->db = optarg;
		} else if (opt == 'h' || opt == 'V') {
			if (opt == 'h')
				usage(stdout);
			else
				printf("cctns-report %s\n", CCTNS_VERSION);
			return -(REPORT_OK + 1);
		} else {
			fprintf(stderr,
			        "cctns-report: unknown or incomplete option "
			        "%s\n\n",
			        argv[optind - 1]);
			usage(stderr);
			return -(REPORT_USAGE + 1);
		}
	}
	if (optind < argc)
		return optind;
	usage(stderr);
	return -(REPORT_USAGE + 1);
}

/* The value of --level among a report's options (the last one given), so
 * that the options are checked against that level's row; NULL if none. */
static const char *find_level(int argc, char **argv)
{
	const char *level = NULL;
	int i;

	for (i = 1; i < argc; i++) {
		if (strcmp(argv[i], "--") == 0)
			break;
		if (strcmp(argv[i], "--level") == 0 && i + 1 < argc)
			level = argv[++i];
		else if (strncmp(argv[i], "--level=", 8) == 0)
			level = argv[i] + 8;
	}
	return level;
}

/* Whether --help is among a report's options. */
static int has_help(int argc, char **argv)
{
	int i;

	for (i = 1; i < argc && strcmp(argv[i], "--") != 0; i++)
		if (strcmp(argv[i], "--help") == 0)
			return 1;
	return 0;
}

int main(int argc, char **argv)
{
	struct args a = {.db = db_default_conninfo(),
	                 .format = "text",
	                 .progress = isatty(STDERR_FILENO)};
	const struct report *r;
	int i = parse_global(argc, argv, &a), rc;

	if (i < 0)
		return -i - 1;
	if (strcmp(argv[i], "help") == 0) {
		usage(stdout);
		return REPORT_OK;
	}
	r = report_find(argv[i]);
	if (!r) {
		fprintf(stderr, "cctns-report: unknown report %s\n\n", argv[i]);
		usage(stderr);
		return REPORT_USAGE;
	}
	if (r->level) {
		const char *level = find_level(argc - i, argv + i);

		if (!level && !has_help(argc - i, argv + i))
			return usage_error(argv[i],
			                   "needs --level state|district");
		if (level && !(r = report_level(r, level)))
			return usage_error(
			        argv[i], "--level is state or district, not %s",
			        level);
	}
	rc = parse_args(r, argc - i, argv + i, &a);
	if (rc < 0)
		return REPORT_OK; /* --help */
	return rc != REPORT_OK ? rc : run_report(r, &a);
}
