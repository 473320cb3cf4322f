-- 0023_reporting_scale.sql: the reporting schema at the scale of a state
-- (10 million FIRs over five years): the principal offence rule written
-- once, materialised aggregates under the standard tables with a refresh
-- that records how fresh they are, and comparisons of states and districts
-- by the same definitions.
--
-- 1. The principal offence rule lives in ONE view, core.fir_principal; the
--    three views that had their own copy of it (reporting.fir_case of 0020,
--    core.case_head of 0021, core.fir_principal_charge of 0022) are
--    redefined over it, with the same columns and comments.
-- 2. reporting.station_month and reporting.district_month are materialised
--    from reporting.fir_case (so they count exactly as it does), and the
--    standard tables (state_year_count, state_table, district_head_table,
--    monthly_trend; pendency through state_year_count) are redefined over
--    them with the same columns: they now read a few thousand rows instead
--    of every FIR and charge. The price: their counts are as of the last
--    reporting.refresh() (nightly, deploy/cctns-reporting-refresh.timer, or
--    `cctns-admin reporting refresh`), which reporting.freshness shows.
--    reporting.fir_case and the views of 0021/0022 still read the live
--    records.
-- 3. reporting.state_comparison and reporting.district_comparison put
--    states side by side, and the districts of a state, with the same
--    definitions (cases, crime rate, charge-sheeting rate, conviction
--    rate, pendency); ref.district_population gives district crime rates.

-- ------------------------------------------------------------ 1. the principal offence rule, once

CREATE VIEW core.fir_principal AS
SELECT DISTINCT ON (c.state_code, c.year, c.fir_id)
	c.state_code, c.year, c.fir_id, c.act, c.section_base AS section, k.crime_head, k.rank
FROM core.fir_charge c
LEFT JOIN ref.section_head sh ON sh.act = c.act AND sh.section = c.section_base
JOIN ref.crime_head_rank k ON k.crime_head = coalesce(sh.crime_head, 'other_ipc_crimes')
WHERE c.act IN ('ipc', 'bns')
ORDER BY c.state_code, c.year, c.fir_id, k.rank, c.seq;

COMMENT ON VIEW core.fir_principal IS
	'THE principal offence rule, the only place it is written: for each FIR with at least one IPC or BNS charge, the charge it is counted under: of its IPC/BNS charges the one whose crime head (ref.section_head; other_ipc_crimes when the section is not listed) ranks most serious (ref.crime_head_rank, lower rank first), the first charge (lowest seq) on a tie. reporting.fir_case, core.case_head and core.fir_principal_charge read it. Owner only: it carries fir_id';
COMMENT ON COLUMN core.fir_principal.state_code IS 'State of the FIR (core.fir_charge)';
COMMENT ON COLUMN core.fir_principal.year IS 'Registration year of the FIR';
COMMENT ON COLUMN core.fir_principal.fir_id IS 'The FIR';
COMMENT ON COLUMN core.fir_principal.act IS 'Act of the principal charge: ipc or bns';
COMMENT ON COLUMN core.fir_principal.section IS 'Base section of the principal charge (core.fir_charge.section_base: 302; 103 for BNS 103(1))';
COMMENT ON COLUMN core.fir_principal.crime_head IS 'NCRB crime head of the principal charge (a sub-head where the head has sub-heads)';
COMMENT ON COLUMN core.fir_principal.rank IS 'Seriousness of crime_head (ref.crime_head_rank.rank, 1 = murder)';

CREATE OR REPLACE VIEW core.fir_principal_charge AS
SELECT p.state_code, p.year, p.fir_id, p.act, p.section, p.crime_head
FROM core.fir_principal p;
COMMENT ON VIEW core.fir_principal_charge IS
	'The principal charge of each FIR with an IPC or BNS charge: core.fir_principal (where the rule is written) without its rank. For the reporting views that need the FIR''s id (0022); not for the analyst';

CREATE OR REPLACE VIEW core.case_head AS
SELECT f.state_code, f.year, f.fir_id, f.district_code, f.station_code, p.crime_head
FROM core.fir f
JOIN core.fir_principal p ON p.state_code = f.state_code AND p.year = f.year AND p.fir_id = f.fir_id
WHERE f.status <> 'transferred';
COMMENT ON VIEW core.case_head IS
	'Internal to the reporting views (not for the analyst): each IPC/BNS case (FIR with an IPC or BNS charge, not a transferred zero FIR) with its key, station and principal crime head by the rule of core.fir_principal (most serious head, first charge on a tie)';

-- Same columns and expressions as 0020; only the principal charge now comes
-- from core.fir_principal.
CREATE OR REPLACE VIEW reporting.fir_case AS
SELECT f.state_code,
	(SELECT s.name FROM ref.state s WHERE s.code = f.state_code) AS state_name,
	f.district_code,
	(SELECT d.name FROM ref.district d
		WHERE d.state_code = f.state_code AND d.district_code = f.district_code) AS district_name,
	f.station_code,
	(SELECT st.name FROM ref.station st WHERE st.state_code = f.state_code
		AND st.district_code = f.district_code AND st.station_code = f.station_code) AS station_name,
	f.year::int AS year,
	date_trunc('month', f.registered_at AT TIME ZONE 'Asia/Kolkata')::date AS month,
	(f.registered_at AT TIME ZONE 'Asia/Kolkata')::date AS registered_on,
	p.act,
	p.section AS principal_section,
	p.crime_head AS principal_head,
	h.name AS principal_head_name,
	coalesce(CASE WHEN h.level = 'sub_head' THEN h.parent_code END, h.code) AS major_head,
	f.status::text AS status,
	pd.police_disposal,
	(r.filed_at AT TIME ZONE 'Asia/Kolkata')::date AS police_disposed_on,
	extract(year FROM r.filed_at AT TIME ZONE 'Asia/Kolkata')::int AS police_disposal_year
FROM core.fir f
JOIN core.fir_principal p ON p.state_code = f.state_code AND p.year = f.year AND p.fir_id = f.fir_id
JOIN ref.crime_head h ON h.code = p.crime_head
LEFT JOIN core.final_report r ON r.state_code = f.state_code AND r.year = f.year AND r.fir_id = f.fir_id
	AND r.report_no = 1
LEFT JOIN ref.final_report_police_disposal pd ON pd.kind = r.kind;
COMMENT ON VIEW reporting.fir_case IS
	'One row per FIR (case) with at least one IPC or BNS charge, as NCRB counts it: its station, registration year and month (IST), principal offence (the rule of core.fir_principal) and police disposal. FIRs charged only under special and local laws are not here. Transferred zero FIRs are here with status transferred; the other reporting views leave them out (they are counted at the station that registered them on arrival). Live: it reads the case records as they are now (the aggregates station_month and district_month are counted from it at each refresh). No personal data';

-- ------------------------------------------------------------ 2. materialised aggregates

-- When each aggregate was refreshed and what it cost: one row per refresh of
-- each aggregate (kept, so the cost over time can be seen).
CREATE TABLE core.reporting_refresh (
	aggregate text NOT NULL CHECK (aggregate ~ '^reporting\.[a-z_]+$'),
	started_at timestamptz NOT NULL,
	seconds numeric NOT NULL CHECK (seconds >= 0),
	rows bigint NOT NULL CHECK (rows >= 0),
	concurrent boolean NOT NULL,
	PRIMARY KEY (aggregate, started_at)
);
COMMENT ON TABLE core.reporting_refresh IS
	'Log of reporting.refresh(): one row per materialised aggregate per refresh, kept. The analyst reads the latest of each through reporting.freshness';
COMMENT ON COLUMN core.reporting_refresh.aggregate IS 'The materialised view refreshed (reporting.station_month, ...)';
COMMENT ON COLUMN core.reporting_refresh.started_at IS 'When its refresh began: its counts are those of the records committed at that moment';
COMMENT ON COLUMN core.reporting_refresh.seconds IS 'How long the REFRESH MATERIALIZED VIEW took, seconds';
COMMENT ON COLUMN core.reporting_refresh.rows IS 'Rows in the aggregate after the refresh';
COMMENT ON COLUMN core.reporting_refresh.concurrent IS 'Refreshed CONCURRENTLY (readers not blocked) or not (faster, readers wait)';

-- The aggregates, in the order they are refreshed (each from the ones
-- before it or from the live records).
CREATE TABLE core.reporting_aggregate (
	aggregate text PRIMARY KEY CHECK (aggregate ~ '^reporting\.[a-z_]+$'),
	refresh_order int NOT NULL UNIQUE,
	source text NOT NULL CHECK (source <> '')
);
COMMENT ON TABLE core.reporting_aggregate IS
	'The materialised aggregates of schema reporting that reporting.refresh() refreshes, in refresh_order (an aggregate built from another comes after it)';
COMMENT ON COLUMN core.reporting_aggregate.aggregate IS 'Materialised view, schema-qualified';
COMMENT ON COLUMN core.reporting_aggregate.refresh_order IS 'Lower first';
COMMENT ON COLUMN core.reporting_aggregate.source IS 'What it is counted from';

-- Cases registered and cases disposed of by the police, per station, month,
-- act and principal head: each case counts once in its registration month
-- and, when its original final report was filed, once in that month.
CREATE MATERIALIZED VIEW reporting.station_month AS
SELECT c.state_code,
	c.district_code,
	c.station_code,
	v.month,
	c.act,
	c.principal_head AS crime_head,
	c.major_head,
	sum(v.registered)::bigint AS registered,
	sum(v.disposed)::bigint AS disposed_by_police,
	sum(v.charge_sheeted)::bigint AS charge_sheeted,
	sum(v.final_report_true)::bigint AS final_report_true,
	sum(v.final_report_false)::bigint AS final_report_false
FROM reporting.fir_case c
CROSS JOIN LATERAL (VALUES
	(c.month, 1, 0, 0, 0, 0),
	(date_trunc('month', c.police_disposed_on)::date, 0, 1, (c.police_disposal = 'charge_sheeted')::int,
		(c.police_disposal = 'final_report_true')::int, (c.police_disposal = 'final_report_false')::int)
) v (month, registered, disposed, charge_sheeted, final_report_true, final_report_false)
WHERE c.status <> 'transferred' AND v.month IS NOT NULL
GROUP BY c.state_code, c.district_code, c.station_code, v.month, c.act, c.principal_head, c.major_head;

CREATE UNIQUE INDEX station_month_key ON reporting.station_month
	(state_code, district_code, station_code, month, act, crime_head);
COMMENT ON INDEX reporting.station_month_key IS 'One row per station, month, act and head; lets REFRESH ... CONCURRENTLY work';

COMMENT ON MATERIALIZED VIEW reporting.station_month IS
	'MATERIALISED, counts as of the last refresh (reporting.freshness). IPC/BNS cases per registering station, month (IST), act and principal crime head, counted from reporting.fir_case without transferred zero FIRs: registered = cases registered in the month; disposed_by_police and its parts = cases whose original final report was filed in the month, whatever month they were registered. One row per station, month, act and head with either; the base of the other aggregates and of ad-hoc station-level questions';
COMMENT ON COLUMN reporting.station_month.state_code IS 'LGD state code';
COMMENT ON COLUMN reporting.station_month.district_code IS 'LGD district code of the registering station';
COMMENT ON COLUMN reporting.station_month.station_code IS 'The registering station (ref.station)';
COMMENT ON COLUMN reporting.station_month.month IS 'First day of the month (IST): of registration for registered, of filing of the original final report for the disposals';
COMMENT ON COLUMN reporting.station_month.act IS 'Act of the principal charge: ipc or bns';
COMMENT ON COLUMN reporting.station_month.crime_head IS 'Principal crime head (reporting.fir_case.principal_head)';
COMMENT ON COLUMN reporting.station_month.major_head IS 'Its major head (reporting.fir_case.major_head)';
COMMENT ON COLUMN reporting.station_month.registered IS 'Cases registered in the month';
COMMENT ON COLUMN reporting.station_month.disposed_by_police IS 'Cases whose original final report (any kind) was filed in the month';
COMMENT ON COLUMN reporting.station_month.charge_sheeted IS 'Of those, charge-sheeted';
COMMENT ON COLUMN reporting.station_month.final_report_true IS 'Of those, closed by a true final report (want of evidence, undetected, untraced, abated)';
COMMENT ON COLUMN reporting.station_month.final_report_false IS 'Of those, closed by a false final report (unoccurred_*)';

CREATE MATERIALIZED VIEW reporting.district_month AS
SELECT m.state_code,
	m.district_code,
	m.month,
	m.crime_head,
	m.major_head,
	sum(m.registered)::bigint AS registered,
	sum(m.disposed_by_police)::bigint AS disposed_by_police,
	sum(m.charge_sheeted)::bigint AS charge_sheeted,
	sum(m.final_report_true)::bigint AS final_report_true,
	sum(m.final_report_false)::bigint AS final_report_false
FROM reporting.station_month m
GROUP BY m.state_code, m.district_code, m.month, m.crime_head, m.major_head;

CREATE UNIQUE INDEX district_month_key ON reporting.district_month (state_code, district_code, month, crime_head);
COMMENT ON INDEX reporting.district_month_key IS 'One row per district, month and head; lets REFRESH ... CONCURRENTLY work and finds a state''s rows';

COMMENT ON MATERIALIZED VIEW reporting.district_month IS
	'MATERIALISED, counts as of the last refresh (reporting.freshness). reporting.station_month summed per district, month and principal head (both acts together): what state_table, district_head_table, monthly_trend and pendency are read from';
COMMENT ON COLUMN reporting.district_month.state_code IS 'LGD state code';
COMMENT ON COLUMN reporting.district_month.district_code IS 'LGD district code of the registering station';
COMMENT ON COLUMN reporting.district_month.month IS 'First day of the month (IST): of registration for registered, of filing for the disposals';
COMMENT ON COLUMN reporting.district_month.crime_head IS 'Principal crime head';
COMMENT ON COLUMN reporting.district_month.major_head IS 'Its major head';
COMMENT ON COLUMN reporting.district_month.registered IS 'Cases registered in the month';
COMMENT ON COLUMN reporting.district_month.disposed_by_police IS 'Cases whose original final report (any kind) was filed in the month';
COMMENT ON COLUMN reporting.district_month.charge_sheeted IS 'Of those, charge-sheeted';
COMMENT ON COLUMN reporting.district_month.final_report_true IS 'Of those, closed by a true final report';
COMMENT ON COLUMN reporting.district_month.final_report_false IS 'Of those, closed by a false final report';

-- Court disposals per judgement year and district, from reporting.court_table
-- (0021), for the comparisons.
CREATE MATERIALIZED VIEW reporting.court_year AS
SELECT c.year, c.state_code, c.district_code, c.trials_completed, c.convicted, c.acquitted, c.discharged
FROM reporting.court_table c;

CREATE UNIQUE INDEX court_year_key ON reporting.court_year (year, state_code, district_code);
COMMENT ON INDEX reporting.court_year_key IS 'One row per year and district; lets REFRESH ... CONCURRENTLY work';

COMMENT ON MATERIALIZED VIEW reporting.court_year IS
	'MATERIALISED, counts as of the last refresh (reporting.freshness). reporting.court_table without its rate: IPC/BNS cases whose trial a court completed, per year of judgement and district, for the conviction rates of state_comparison and district_comparison';
COMMENT ON COLUMN reporting.court_year.year IS 'Year of the judgement';
COMMENT ON COLUMN reporting.court_year.state_code IS 'LGD state code of the case''s registering station';
COMMENT ON COLUMN reporting.court_year.district_code IS 'LGD district code of the case''s registering station';
COMMENT ON COLUMN reporting.court_year.trials_completed IS 'Cases whose trial was completed by a judgement in the year (convicted + acquitted + discharged)';
COMMENT ON COLUMN reporting.court_year.convicted IS 'Cases convicted (at least one accused)';
COMMENT ON COLUMN reporting.court_year.acquitted IS 'Cases acquitted';
COMMENT ON COLUMN reporting.court_year.discharged IS 'Cases discharged';

INSERT INTO core.reporting_aggregate (aggregate, refresh_order, source) VALUES
	('reporting.station_month', 1, 'reporting.fir_case (the live case records)'),
	('reporting.district_month', 2, 'reporting.station_month'),
	('reporting.court_year', 3, 'reporting.court_table (the live court disposals)');

-- ------------------------------------------------------------ refresh and freshness

CREATE FUNCTION reporting.refresh(concurrent boolean DEFAULT true)
RETURNS TABLE (aggregate text, rows bigint, seconds numeric)
LANGUAGE plpgsql
SECURITY DEFINER
SET search_path = pg_catalog, pg_temp
SET work_mem = '128MB'
AS $fn$
DECLARE
	a record;
	t0 timestamptz;
	n bigint;
	s numeric;
BEGIN
	-- One refresh at a time (a second caller waits for the first).
	PERFORM pg_advisory_xact_lock(1128485966, 23);
	FOR a IN SELECT g.aggregate FROM core.reporting_aggregate g ORDER BY g.refresh_order LOOP
		t0 := clock_timestamp();
		EXECUTE format('REFRESH MATERIALIZED VIEW %s %s', CASE WHEN concurrent THEN 'CONCURRENTLY' ELSE '' END,
			a.aggregate::regclass);
		s := round(extract(epoch FROM clock_timestamp() - t0)::numeric, 3);
		EXECUTE format('SELECT count(*) FROM %s', a.aggregate::regclass) INTO n;
		INSERT INTO core.reporting_refresh (aggregate, started_at, seconds, rows, concurrent)
		VALUES (a.aggregate, t0, s, n, concurrent);
		aggregate := a.aggregate;
		rows := n;
		seconds := s;
		RETURN NEXT;
	END LOOP;
END
$fn$;
COMMENT ON FUNCTION reporting.refresh(boolean) IS
	'Recount the materialised aggregates of schema reporting (core.reporting_aggregate, in order) from the live records and log each one''s time and size in core.reporting_refresh; returns one row per aggregate. CONCURRENTLY by default: analysts keep reading the previous counts meanwhile (false: faster, readers wait). One refresh at a time. Run nightly by deploy/cctns-reporting-refresh.timer or by hand with `cctns-admin reporting refresh`. Owner only (SECURITY DEFINER, not executable by the analyst or the server)';
REVOKE ALL ON FUNCTION reporting.refresh(boolean) FROM PUBLIC;

CREATE VIEW reporting.freshness AS
SELECT g.aggregate,
	l.started_at AS refreshed_at,
	l.rows,
	l.seconds
FROM core.reporting_aggregate g
LEFT JOIN LATERAL (
	SELECT r.started_at, r.rows, r.seconds FROM core.reporting_refresh r
	WHERE r.aggregate = g.aggregate ORDER BY r.started_at DESC LIMIT 1
) l ON true;
COMMENT ON VIEW reporting.freshness IS
	'How fresh the materialised counts are: each aggregate, when it was last refreshed, its rows and how long the refresh took. state_table, district_head_table, monthly_trend, pendency, state_year_count, state_comparison and district_comparison count records committed before refreshed_at: quote it ("as of ...") with every answer. refreshed_at NULL: never refreshed since the migration that created it';
COMMENT ON COLUMN reporting.freshness.aggregate IS 'The materialised view (reporting.station_month, reporting.district_month, reporting.court_year)';
COMMENT ON COLUMN reporting.freshness.refreshed_at IS 'When its last refresh began: it counts the records committed by then';
COMMENT ON COLUMN reporting.freshness.rows IS 'Rows it holds';
COMMENT ON COLUMN reporting.freshness.seconds IS 'How long its last refresh took, seconds';

-- ------------------------------------------------------------ the standard tables over the aggregates

CREATE OR REPLACE VIEW reporting.state_year_count AS
SELECT m.state_code,
	extract(year FROM m.month)::int AS year,
	sum(m.registered)::bigint AS registered,
	sum(m.disposed_by_police)::bigint AS disposed_by_police,
	sum(m.charge_sheeted)::bigint AS charge_sheeted,
	sum(m.final_report_true)::bigint AS final_report_true,
	sum(m.final_report_false)::bigint AS final_report_false
FROM reporting.district_month m
GROUP BY m.state_code, extract(year FROM m.month)::int;
COMMENT ON VIEW reporting.state_year_count IS
	'Counts as of the last refresh (reporting.freshness). Per state and year: IPC/BNS cases registered that year and cases the police disposed of that year (original final report filed that year, whatever year registered), from reporting.district_month (reporting.fir_case without transferred zero FIRs); one row per state and year with either';

CREATE OR REPLACE VIEW reporting.state_table AS
SELECT t.year,
	t.state_code,
	s.name AS state_name,
	t.cases_2,
	t.cases_1,
	t.cases,
	pp.population_lakhs,
	round(t.cases / pp.population_lakhs, 1) AS crime_rate,
	t.charge_sheeted,
	t.final_report_true,
	round(100.0 * t.charge_sheeted / nullif(t.charge_sheeted + t.final_report_true, 0), 1) AS chargesheeting_rate
FROM (
	SELECT c.state_code,
		v.year,
		sum(v.cases)::bigint AS cases,
		sum(v.cases_1)::bigint AS cases_1,
		sum(v.cases_2)::bigint AS cases_2,
		sum(v.charge_sheeted)::bigint AS charge_sheeted,
		sum(v.final_report_true)::bigint AS final_report_true
	FROM reporting.state_year_count c
	CROSS JOIN LATERAL (VALUES
		(c.year, c.registered, 0::bigint, 0::bigint, c.charge_sheeted, c.final_report_true),
		(c.year + 1, 0, c.registered, 0, 0, 0),
		(c.year + 2, 0, 0, c.registered, 0, 0)
	) v (year, cases, cases_1, cases_2, charge_sheeted, final_report_true)
	GROUP BY c.state_code, v.year
) t
JOIN ref.state s ON s.code = t.state_code
LEFT JOIN ref.population_projection pp ON pp.state_code = t.state_code AND pp.year = t.year
WHERE t.cases > 0;
COMMENT ON VIEW reporting.state_table IS
	'NCRB Crime in India Table 1A.1 (State/UT-wise cognizable IPC crimes) from the raw records, counts as of the last refresh (reporting.freshness): one row per state and year that has cases. Cases are FIRs with an IPC/BNS charge (reporting.fir_case), transferred zero FIRs left out; read from reporting.district_month';

CREATE OR REPLACE VIEW reporting.district_head_table AS
SELECT t.year,
	t.state_code,
	t.district_code,
	d.name AS district_name,
	t.crime_head,
	h.name AS crime_head_name,
	t.cases
FROM (
	SELECT extract(year FROM m.month)::int AS year, m.state_code, m.district_code, m.crime_head,
		sum(m.registered)::bigint AS cases
	FROM reporting.district_month m
	WHERE m.registered > 0
	GROUP BY 1, m.state_code, m.district_code, m.crime_head
) t
JOIN ref.district d ON d.state_code = t.state_code AND d.district_code = t.district_code
JOIN ref.crime_head h ON h.code = t.crime_head;
COMMENT ON VIEW reporting.district_head_table IS
	'Cases by district and crime head per year (the shape of NCRB''s district-wise IPC crime table), counts as of the last refresh (reporting.freshness): one row per year, district and head with cases. A case counts once, under its principal head (a sub-head where the head has sub-heads; add the sub-heads for the major head, and all rows for the total); read from reporting.district_month';

CREATE OR REPLACE VIEW reporting.monthly_trend AS
SELECT m.month,
	m.state_code,
	m.district_code,
	m.crime_head,
	m.registered AS cases
FROM reporting.district_month m
WHERE m.registered > 0;
COMMENT ON VIEW reporting.monthly_trend IS
	'Cases registered per month, district and principal crime head, counts as of the last refresh (reporting.freshness): one row per month, district and head with cases (months without cases have no row: treat them as 0); read from reporting.district_month';

COMMENT ON VIEW reporting.pendency IS
	'Police investigation pendency per state and year (NCRB''s "police disposal" table), counts as of the last refresh (reporting.freshness, through reporting.state_year_count): cases pending at the start, registered, disposed of by the police (original final report filed), pending at the end. One row per state for every year from its first case to its last registration or disposal. Transferred zero FIRs left out; cases registered before CCTNS held them are not known, so the first year starts at 0';

-- ------------------------------------------------------------ 3. comparisons by the same definitions

CREATE TABLE ref.district_population (
	state_code int NOT NULL,
	district_code int NOT NULL,
	year int NOT NULL CHECK (year BETWEEN 1950 AND 2199),
	population_lakhs numeric NOT NULL CHECK (population_lakhs > 0),
	source text NOT NULL CHECK (source <> ''),
	PRIMARY KEY (state_code, district_code, year),
	FOREIGN KEY (state_code, district_code) REFERENCES ref.district (state_code, district_code)
);
COMMENT ON TABLE ref.district_population IS
	'Mid-year (projected) population of each district by year, the denominator of the district crime rate (reporting.district_comparison). Empty as shipped: NCRB publishes no district projection; an operator loads one (e.g. the state''s projection from Census 2011), connected as cctns_owner, with: \copy ref.district_population FROM ''file.csv'' CSV HEADER (columns state_code,district_code,year,population_lakhs,source; LGD codes as in ref.district)';
COMMENT ON COLUMN ref.district_population.state_code IS 'LGD state code';
COMMENT ON COLUMN ref.district_population.district_code IS 'LGD district code (ref.district)';
COMMENT ON COLUMN ref.district_population.year IS 'Calendar year of the figure (mid-year)';
COMMENT ON COLUMN ref.district_population.population_lakhs IS 'Population, in lakhs (1 lakh = 100,000)';
COMMENT ON COLUMN ref.district_population.source IS 'Where the figure comes from (publication, table, method)';
GRANT SELECT ON ref.district_population TO cctns_analyst;

CREATE VIEW reporting.state_comparison AS
SELECT s.year,
	s.state_code,
	s.state_name,
	s.cases,
	s.crime_rate,
	s.chargesheeting_rate,
	c.conviction_rate,
	p.pendency_pct,
	CASE WHEN s.crime_rate IS NOT NULL THEN
		rank() OVER (PARTITION BY s.year ORDER BY s.crime_rate DESC NULLS LAST) END AS rank_by_rate
FROM reporting.state_table s
LEFT JOIN (
	SELECT k.year, k.state_code,
		round(100.0 * sum(k.convicted) / nullif(sum(k.trials_completed), 0), 1) AS conviction_rate
	FROM reporting.court_year k
	GROUP BY k.year, k.state_code
) c ON c.year = s.year AND c.state_code = s.state_code
LEFT JOIN reporting.pendency p ON p.year = s.year AND p.state_code = s.state_code;

COMMENT ON VIEW reporting.state_comparison IS
	'States side by side, each figure by the same definition for every state, counts as of the last refresh (reporting.freshness): one row per state and year with cases (reporting.state_table). Rates from state_table (crime rate, charge-sheeting rate), reporting.court_year (conviction rate) and reporting.pendency; rank_by_rate ranks the states with a population by crime rate within the year';
COMMENT ON COLUMN reporting.state_comparison.year IS 'Year (registration year for cases, the year of the event for the rates)';
COMMENT ON COLUMN reporting.state_comparison.state_code IS 'LGD state code';
COMMENT ON COLUMN reporting.state_comparison.state_name IS 'State name (ref.state)';
COMMENT ON COLUMN reporting.state_comparison.cases IS 'IPC/BNS cases registered in the year (reporting.state_table.cases)';
COMMENT ON COLUMN reporting.state_comparison.crime_rate IS 'Cases per lakh of the projected population (reporting.state_table.crime_rate); NULL without a population';
COMMENT ON COLUMN reporting.state_comparison.chargesheeting_rate IS 'Charge-sheets / (charge-sheets + true final reports) filed in the year, percent (reporting.state_table)';
COMMENT ON COLUMN reporting.state_comparison.conviction_rate IS 'Cases convicted / trials completed by judgements in the year, percent, over all the state''s districts (reporting.court_year); NULL when no trial was completed';
COMMENT ON COLUMN reporting.state_comparison.pendency_pct IS 'Cases pending police investigation at the end of the year / (pending at the end + disposed of in the year), percent (reporting.pendency)';
COMMENT ON COLUMN reporting.state_comparison.rank_by_rate IS 'Rank of the state by crime rate within the year, 1 = highest rate (ties share a rank); NULL for a state without a population';

CREATE VIEW reporting.district_comparison AS
WITH d AS (
	SELECT extract(year FROM m.month)::int AS year, m.state_code, m.district_code,
		sum(m.registered)::bigint AS cases,
		sum(m.charge_sheeted)::bigint AS charge_sheeted,
		sum(m.final_report_true)::bigint AS final_report_true
	FROM reporting.district_month m
	GROUP BY 1, m.state_code, m.district_code
)
SELECT d.year,
	d.state_code,
	d.district_code,
	(SELECT x.name FROM ref.district x WHERE x.state_code = d.state_code AND x.district_code = d.district_code) AS district_name,
	d.cases,
	coalesce(prev.cases, 0) AS cases_prev_year,
	round(100.0 * (d.cases - prev.cases) / nullif(prev.cases, 0), 1) AS change_pct,
	round(100.0 * d.cases / sum(d.cases) OVER (PARTITION BY d.year, d.state_code), 1) AS share_of_state_pct,
	round(d.cases / dp.population_lakhs, 1) AS crime_rate,
	round(100.0 * d.charge_sheeted / nullif(d.charge_sheeted + d.final_report_true, 0), 1) AS chargesheeting_rate,
	round(100.0 * k.convicted / nullif(k.trials_completed, 0), 1) AS conviction_rate,
	rank() OVER (PARTITION BY d.year, d.state_code ORDER BY d.cases DESC) AS rank_in_state
FROM d
LEFT JOIN d prev ON prev.state_code = d.state_code AND prev.district_code = d.district_code AND prev.year = d.year - 1
LEFT JOIN ref.district_population dp ON dp.state_code = d.state_code AND dp.district_code = d.district_code
	AND dp.year = d.year
LEFT JOIN reporting.court_year k ON k.year = d.year AND k.state_code = d.state_code AND k.district_code = d.district_code
WHERE d.cases > 0;

COMMENT ON VIEW reporting.district_comparison IS
	'The districts of each state side by side, by the same definitions as reporting.state_comparison, counts as of the last refresh (reporting.freshness): one row per year and district with cases registered (reporting.district_month). The district is that of the registering station';
COMMENT ON COLUMN reporting.district_comparison.year IS 'Year (registration year for cases, the year of the event for the rates)';
COMMENT ON COLUMN reporting.district_comparison.state_code IS 'LGD state code';
COMMENT ON COLUMN reporting.district_comparison.district_code IS 'LGD district code of the registering stations';
COMMENT ON COLUMN reporting.district_comparison.district_name IS 'District name (ref.district)';
COMMENT ON COLUMN reporting.district_comparison.cases IS 'IPC/BNS cases registered in the year in the district, each under its principal head once';
COMMENT ON COLUMN reporting.district_comparison.cases_prev_year IS 'The same count for the year before (0 when none)';
COMMENT ON COLUMN reporting.district_comparison.change_pct IS 'Change on the year before, percent: round(100 * (cases - cases_prev_year) / cases_prev_year, 1); NULL when the year before had no case';
COMMENT ON COLUMN reporting.district_comparison.share_of_state_pct IS 'The district''s share of the state''s cases of the year, percent';
COMMENT ON COLUMN reporting.district_comparison.crime_rate IS 'Cases per lakh of the district''s population of the year (ref.district_population); NULL when none is loaded';
COMMENT ON COLUMN reporting.district_comparison.chargesheeting_rate IS 'Charge-sheets / (charge-sheets + true final reports) filed in the year in the district''s cases, percent; NULL when neither';
COMMENT ON COLUMN reporting.district_comparison.conviction_rate IS 'Cases convicted / trials completed by judgements in the year (reporting.court_year), percent; NULL when no trial was completed';
COMMENT ON COLUMN reporting.district_comparison.rank_in_state IS 'Rank of the district within its state and year by cases, 1 = most (ties share a rank); by cases, not rate, because district populations may be missing';

GRANT SELECT ON ALL TABLES IN SCHEMA reporting TO cctns_analyst;
