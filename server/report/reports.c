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

static const struct rcol persons_cols[] = {
        {"year", "Year", 1},
        {"district_code", "Code", 1},
        {"district_name", "District", 0},
        {"crime_head", "Head", 0},
        {"crime_head_name", "Crime head", 0},
        {"arrested", "Arrested", 1},
        {"charge_sheeted", "Charge-sheeted", 1},
        {"convicted", "Convicted", 1},
};

static const struct rcol property_cols[] = {
        {"year", "Year", 1},
        {"district_code", "Code", 1},
        {"district_name", "District", 0},
        {"property_kind", "Kind", 0},
        {"property_kind_name", "Nature of property", 0},
        {"stolen_cases", "Cases", 1},
        {"value_stolen", "Value stolen (Rs)", 1},
        {"value_recovered", "Value recovered (Rs)", 1},
        {"recovery_pct", "Recovery %", 1},
};

static const struct rcol court_cols[] = {
        {"year", "Year", 1},
        {"district_code", "Code", 1},
        {"district_name", "District", 0},
        {"trials_completed", "Trials completed", 1},
        {"convicted", "Convicted", 1},
        {"acquitted", "Acquitted", 1},
        {"discharged", "Discharged", 1},
        {"conviction_rate", "Conviction rate", 1},
};

static const struct rcol group_cols[] = {
        {"year", "Year", 1},
        {"district_code", "Code", 1},
        {"district_name", "District", 0},
        {"crime_group", "Group", 0},
        {"crime_group_name", "Crimes against", 0},
        {"cases", "Cases", 1},
};

static const struct rcol mo_cols[] = {
        {"quarter", "Quarter", 0},
        {"district_code", "Code", 1},
        {"district_name", "District", 0},
        {"mo_major", "MO major", 0},
        {"mo_minor", "MO minor", 0},
        {"mo_label", "Modus operandi", 0},
        {"cases", "Cases", 1},
        {"cases_prev_quarter", "Previous quarter", 1},
        {"change", "Change", 1},
};

/* rep-scale: comparisons of states, and of a state's districts. */
static const struct rcol compare_state_cols[] = {
        {"year", "Year", 1},
        {"state_code", "Code", 1},
        {"state_name", "State/UT", 0},
        {"cases", "Cases", 1},
        {"crime_rate", "Crime rate", 1},
        {"chargesheeting_rate", "Charge-sheeting rate", 1},
        {"conviction_rate", "Conviction rate", 1},
        {"pendency_pct", "Pendency %", 1},
        {"rank_by_rate", "Rank by rate", 1},
};

static const struct rcol compare_district_cols[] = {
        {"year", "Year", 1},
        {"district_code", "Code", 1},
        {"district_name", "District", 0},
        {"cases", "Cases", 1},
        {"cases_prev_year", "Cases Y-1", 1},
        {"change_pct", "Change %", 1},
        {"share_of_state_pct", "Share of state %", 1},
        {"crime_rate", "Crime rate", 1},
        {"chargesheeting_rate", "Charge-sheeting rate", 1},
        {"conviction_rate", "Conviction rate", 1},
        {"rank_in_state", "Rank in state", 1},
};

static const char compare_state_sql[] =
        "SELECT year, state_code, state_name, cases, crime_rate, "
        "chargesheeting_rate, conviction_rate, pendency_pct, rank_by_rate "
        "FROM reporting.state_comparison "
        "WHERE year = coalesce($1::int, "
        "(SELECT max(year) FROM reporting.state_comparison)) "
        "ORDER BY rank_by_rate NULLS LAST, cases DESC, state_name";

static const char compare_district_sql[] =
        "SELECT year, district_code, district_name, cases, cases_prev_year, "
        "change_pct, share_of_state_pct, crime_rate, chargesheeting_rate, "
        "conviction_rate, rank_in_state "
        "FROM reporting.district_comparison "
        "WHERE state_code = $1::int AND year = coalesce($2::int, "
        "(SELECT max(year) FROM reporting.district_comparison "
        "WHERE state_code = $1::int)) "
        "ORDER BY rank_in_state, district_name, district_code";

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

/* The view has one row per year, district and head already; summed all the
 * same so that the report stays one row per district and head. */
static const char persons_sql[] =
        "SELECT p.year, p.district_code, d.name AS district_name, "
        "p.crime_head, h.name AS crime_head_name, "
        "sum(p.arrested)::bigint AS arrested, "
        "sum(p.charge_sheeted)::bigint AS charge_sheeted, "
        "sum(p.convicted)::bigint AS convicted "
        "FROM reporting.persons_table p "
        "LEFT JOIN ref.district d ON d.state_code = p.state_code "
        "AND d.district_code = p.district_code "
        "LEFT JOIN ref.crime_head h ON h.code = p.crime_head "
        "WHERE p.state_code = $1::int AND p.year = coalesce($2::int, "
        "(SELECT max(year) FROM reporting.persons_table "
        "WHERE state_code = $1::int)) "
        "GROUP BY p.year, p.district_code, d.name, p.crime_head, h.name "
        "ORDER BY d.name, p.district_code, 6 DESC, p.crime_head";

static const char property_sql[] =
        "SELECT p.year, p.district_code, d.name AS district_name, "
        "p.property_kind, k.name AS property_kind_name, p.stolen_cases, "
        "p.value_stolen, p.value_recovered, p.recovery_pct "
        "FROM reporting.property_table p "
        "LEFT JOIN ref.district d ON d.state_code = p.state_code "
        "AND d.district_code = p.district_code "
        "LEFT JOIN ref.property_kind k ON k.code = p.property_kind "
        "WHERE p.state_code = $1::int AND p.year = coalesce($2::int, "
        "(SELECT max(year) FROM reporting.property_table "
        "WHERE state_code = $1::int)) "
        "ORDER BY d.name, p.district_code, k.ord, p.property_kind";

static const char court_sql[] =
        "SELECT c.year, c.district_code, d.name AS district_name, "
        "c.trials_completed, c.convicted, c.acquitted, c.discharged, "
        "c.conviction_rate "
        "FROM reporting.court_table c "
        "LEFT JOIN ref.district d ON d.state_code = c.state_code "
        "AND d.district_code = c.district_code "
        "WHERE c.state_code = $1::int AND c.year = coalesce($2::int, "
        "(SELECT max(year) FROM reporting.court_table "
        "WHERE state_code = $1::int)) "
        "ORDER BY d.name, c.district_code";

static const char group_sql[] =
        "SELECT g.year, g.district_code, d.name AS district_name, "
        "g.crime_group, r.name AS crime_group_name, g.cases "
        "FROM reporting.group_table g "
        "LEFT JOIN ref.district d ON d.state_code = g.state_code "
        "AND d.district_code = g.district_code "
        "LEFT JOIN ref.crime_group r ON r.code = g.crime_group "
        "WHERE g.state_code = $1::int AND g.year = coalesce($2::int, "
        "(SELECT max(year) FROM reporting.group_table "
        "WHERE state_code = $1::int)) "
        "ORDER BY d.name, g.district_code, g.crime_group";

/* The state's latest quarter in the view, rising methods first. */
static const char mo_sql[] =
        "SELECT to_char(t.quarter, 'YYYY-\"Q\"Q') AS quarter, "
        "t.district_code, d.name AS district_name, t.mo_major, t.mo_minor, "
        "m.label AS mo_label, t.cases, t.cases_prev_quarter, t.change "
        "FROM reporting.mo_trend t "
        "LEFT JOIN ref.district d ON d.state_code = t.state_code "
        "AND d.district_code = t.district_code "
        "LEFT JOIN ref.mo_head m ON m.major = t.mo_major "
        "AND m.minor = t.mo_minor "
        "WHERE t.state_code = $1::int AND t.quarter = "
        "(SELECT max(quarter) FROM reporting.mo_trend "
        "WHERE state_code = $1::int) "
        "ORDER BY t.change DESC, t.cases DESC, d.name, t.district_code, "
        "t.mo_major, t.mo_minor";

static const struct report reports[] = {
        {
                .name = "state",
                .as_of = 1,
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
                .as_of = 1,
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
                .as_of = 1,
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
                .as_of = 1,
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
        {
                .name = "persons",
                .summary = "persons arrested, charge-sheeted and convicted "
                           "per head",
                .usage = "--state S [--year Y]",
                .required = BIT(OPT_STATE),
                .params = {OPT_STATE, OPT_YEAR, OPT_END},
                .title = "Persons arrested, charge-sheeted and convicted",
                .sql = persons_sql,
                .cols = persons_cols,
                .ncols = ARRAY_LEN(persons_cols),
                .year_col = 0,
                .chart = CHART_BARS,
                .label_col = 2,
                .label_col2 = 4,
                .value_col = 5,
                .label_axis = "District / crime head",
                .value_axis = "Persons arrested",
        },
        {
                .name = "property",
                .summary = "property stolen and recovered (Rs) per district "
                           "and kind",
                .usage = "--state S [--year Y]",
                .required = BIT(OPT_STATE),
                .params = {OPT_STATE, OPT_YEAR, OPT_END},
                .title = "Property stolen and recovered",
                .sql = property_sql,
                .cols = property_cols,
                .ncols = ARRAY_LEN(property_cols),
                .year_col = 0,
                .chart = CHART_BARS,
                .label_col = 2,
                .label_col2 = 4,
                .value_col = 6,
                .label_axis = "District / nature of property",
                .value_axis = "Value stolen (Rs)",
        },
        {
                .name = "courts",
                .summary = "court disposals and conviction rate per district",
                .usage = "--state S [--year Y]",
                .required = BIT(OPT_STATE),
                .params = {OPT_STATE, OPT_YEAR, OPT_END},
                .title = "Disposal of cases by courts",
                .sql = court_sql,
                .cols = court_cols,
                .ncols = ARRAY_LEN(court_cols),
                .year_col = 0,
                .chart = CHART_BARS,
                .label_col = 2,
                .label_col2 = -1,
                .value_col = 7,
                .label_axis = "District",
                .value_axis = "Conviction rate (%)",
        },
        {
                .name = "groups",
                .summary = "crimes against women, children, SC/ST, seniors "
                           "per district",
                .usage = "--state S [--year Y]",
                .required = BIT(OPT_STATE),
                .params = {OPT_STATE, OPT_YEAR, OPT_END},
                .title = "Crimes against women, children, SC/ST and "
                         "senior citizens",
                .sql = group_sql,
                .cols = group_cols,
                .ncols = ARRAY_LEN(group_cols),
                .year_col = 0,
                .chart = CHART_BARS,
                .label_col = 2,
                .label_col2 = 4,
                .value_col = 5,
                .label_axis = "District / group",
                .value_axis = "Cases registered",
        },
        {
                .name = "mo-trend",
                .summary = "cases per MO and district, latest quarter vs the "
                           "one before",
                .usage = "--state S",
                .required = BIT(OPT_STATE),
                .params = {OPT_STATE, OPT_END},
                .title = "Modus operandi by quarter",
                .sql = mo_sql,
                .cols = mo_cols,
                .ncols = ARRAY_LEN(mo_cols),
                .year_col = 0,
                .chart = CHART_BARS,
                .label_col = 2,
                .label_col2 = 5,
                .value_col = 6,
                .label_axis = "District / modus operandi",
                .value_axis = "Cases registered in the quarter",
        },
        /* rep-scale: compare, one row per --level. */
        {
                .name = "compare",
                .as_of = 1,
                .summary = "states side by side: cases and rates by the "
                           "same definitions",
                .usage = "--level state [--year Y]",
                .params = {OPT_YEAR, OPT_END},
                .title = "Comparison of States/UTs",
                .sql = compare_state_sql,
                .cols = compare_state_cols,
                .ncols = ARRAY_LEN(compare_state_cols),
                .year_col = 0,
                .chart = CHART_BARS,
                .label_col = 2,
                .label_col2 = -1,
                .value_col = 4,
                .label_axis = "State/UT",
                .value_axis = "Crime rate (cases per lakh population)",
                .level = "state",
        },
        {
                .name = "compare",
                .as_of = 1,
                .summary = "a state's districts side by side",
                .usage = "--level district --state S [--year Y]",
                .required = BIT(OPT_STATE),
                .params = {OPT_STATE, OPT_YEAR, OPT_END},
                .title = "Comparison of districts",
                .sql = compare_district_sql,
                .cols = compare_district_cols,
                .ncols = ARRAY_LEN(compare_district_cols),
                .year_col = 0,
                .chart = CHART_BARS,
                .label_col = 2,
                .label_col2 = -1,
                .value_col = 3,
                .label_axis = "District",
                .value_axis = "Cases registered",
                .level = "district",
        },
};

const struct report *report_level(const struct report *r, const char *level)
{
	size_t i;

	for (i = 0; i < ARRAY_LEN(reports); i++)
		if (strcmp(r->name, reports[i].name) == 0 && reports[i].level &&
		    strcmp(level, reports[i].level) == 0)
			return &reports[i];
	return NULL;
}

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
