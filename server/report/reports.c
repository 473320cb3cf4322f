/* reports.c: the reports cctns-report knows, as one table: each names its
 * options, its one parameterized statement over the reporting views (never
 * core), its columns and its chart. Adding a report is adding a row. */
#include <string.h>

#include "report.h"
#include "util.h"

#define BIT(o) (1u << (o))

static const struct rcol state_cols[] = {
        {"year", "Year", 1},
        {"state_code", "Code", 1},
        {"state_name", "State/UT", 0},
        {"cases_2", "Cases Y-2", 1},
        {"cases_1", "Cases Y-1", 1},
        {"cases", "Cases", 1},
        {"population_lakhs", "Population (lakhs)", 1},
        {"crime_rate", "Crime rate", 1},
        {"charge_sheeted", "Charge-sheeted", 1},
        {"final_report_true", "Final report true", 1},
        {"chargesheeting_rate", "Charge-sheeting rate", 1},
};

static const struct rcol district_cols[] = {
        {"year", "Year", 1},
        {"district_code", "Code", 1},
        {"district_name", "District", 0},
        {"crime_head", "Head", 0},
        {"crime_head_name", "Crime head", 0},
        {"cases", "Cases", 1},
};

static const struct rcol trend_cols[] = {
        {"month", "Month", 0},
        {"cases", "Cases", 1},
};

static const struct rcol pendency_cols[] = {
        {"year", "Year", 1},
        {"pending_at_start", "Pending at start", 1},
        {"registered", "Registered", 1},
        {"disposed_by_police", "Disposed by police", 1},
        {"pending_at_end", "Pending at end", 1},
        {"pendency_pct", "Pendency %", 1},
};

/* Without --year: the latest year that has cases. */
static const char state_sql[] =
        "SELECT year, state_code, state_name, cases_2, cases_1, cases, "
        "population_lakhs, crime_rate, charge_sheeted, final_report_true, "
        "chargesheeting_rate "
        "FROM reporting.state_table "
        "WHERE year = coalesce($1::int, "
        "(SELECT max(year) FROM reporting.state_table)) "
        "ORDER BY state_name, state_code";

static const char district_sql[] =
        "SELECT year, district_code, district_name, crime_head, "
        "crime_head_name, cases "
        "FROM reporting.district_head_table "
        "WHERE state_code = $1::int AND year = coalesce($2::int, "
        "(SELECT max(year) FROM reporting.district_head_table "
        "WHERE state_code = $1::int)) "
        "ORDER BY district_name, district_code, cases DESC, crime_head";

/* Every month of the range, months without cases as 0; without --from or
 * --to the state's first or last month with cases. */
static const char trend_sql[] =
        "WITH r AS (SELECT coalesce($2::date, min(month)) AS lo, "
        "coalesce($3::date, max(month)) AS hi "
        "FROM reporting.monthly_trend WHERE state_code = $1::int) "
        "SELECT to_char(g.m, 'YYYY-MM') AS month, "
        "coalesce(sum(t.cases), 0) AS cases "
        "FROM r CROSS JOIN LATERAL "
        "generate_series(r.lo, r.hi, interval '1 month') AS g(m) "
        "LEFT JOIN reporting.monthly_trend t "
        "ON t.month = g.m::date AND t.state_code = $1::int "
        "GROUP BY g.m ORDER BY g.m";

static const char pendency_sql[] =
        "SELECT year, pending_at_start, registered, disposed_by_police, "
        "pending_at_end, pendency_pct "
        "FROM reporting.pendency "
        "WHERE state_code = $1::int AND ($2::int IS NULL OR year = $2::int) "
        "ORDER BY year";

static const struct report reports[] = {
        {
                .name = "state",
                .summary = "cases, crime rate and charge-sheeting rate per "
                           "state (NCRB Table 1A.1)",
                .usage = "[--year Y]",
                .params = {OPT_YEAR, OPT_END},
                .title = "Crime in States/UTs (NCRB Table 1A.1)",
                .sql = state_sql,
                .cols = state_cols,
                .ncols = ARRAY_LEN(state_cols),
                .year_col = 0,
                .chart = CHART_BARS,
                .label_col = 2,
                .label_col2 = -1,
                .value_col = 5,
                .label_axis = "State/UT",
                .value_axis = "Cases registered",
        },
        {
                .name = "district-heads",
                .summary = "cases per district and crime head in a state",
                .usage = "--state S [--year Y]",
                .required = BIT(OPT_STATE),
                .params = {OPT_STATE, OPT_YEAR, OPT_END},
                .title = "Cases by district and crime head",
                .sql = district_sql,
                .cols = district_cols,
                .ncols = ARRAY_LEN(district_cols),
                .year_col = 0,
                .chart = CHART_BARS,
                .label_col = 2,
                .label_col2 = 4,
                .value_col = 5,
                .label_axis = "District / crime head",
                .value_axis = "Cases registered",
        },
        {
                .name = "trend",
                .summary = "cases registered per month in a state",
                .usage = "--state S [--from YYYY-MM] [--to YYYY-MM]",
                .required = BIT(OPT_STATE),
                .params = {OPT_STATE, OPT_FROM, OPT_TO, OPT_END},
                .title = "Cases registered per month",
                .sql = trend_sql,
                .cols = trend_cols,
                .ncols = ARRAY_LEN(trend_cols),
                .year_col = -1,
                .chart = CHART_LINE,
                .label_col = 0,
                .label_col2 = -1,
                .value_col = 1,
                .label_axis = "Month of registration",
                .value_axis = "Cases registered",
        },
        {
                .name = "pendency",
                .summary = "cases pending police investigation per year in "
                           "a state",
                .usage = "--state S [--year Y]",
                .required = BIT(OPT_STATE),
                .params = {OPT_STATE, OPT_YEAR, OPT_END},
                .title = "Pendency of police investigation",
                .sql = pendency_sql,
                .cols = pendency_cols,
                .ncols = ARRAY_LEN(pendency_cols),
                .year_col = -1,
                .chart = CHART_BARS,
                .label_col = 0,
                .label_col2 = -1,
                .value_col = 4,
                .label_axis = "Year",
                .value_axis = "Cases pending at the end of the year",
        },
};

const struct report *report_find(const char *word)
{
	size_t i;

	for (i = 0; i < ARRAY_LEN(reports); i++)
		if (strcmp(word, reports[i].name) == 0)
			return &reports[i];
	return NULL;
}

const struct report *report_all(size_t *n)
{
	*n = ARRAY_LEN(reports);
	return reports;
}
