-- reporting3_checks.sql: checks of migration 0023 (reporting at scale): the principal offence
-- rule is written once (core.fir_principal), the standard tables count as of the last
-- reporting.refresh() and not before, reporting.freshness says when, the refresh is the
-- owner's alone, and reporting.state_comparison / district_comparison give hand-computed
-- figures. Run by run_api_checks.sh; any failed check raises an exception and stops the run.
--
-- Hand-made cases in state 37 (Ladakh), stations 990065-990067, in 2023 and 2024, inserted as
-- the owner straight into the case tables (FIRs of past years: no diary entry needed, see
-- core.fir's CHECK fir_gd_entry_given; final reports with theirs) in ONE transaction that is
-- rolled back, so nothing stays (and the concurrency check's race to create state 37's
-- partitions of this year is untouched):
--   2023: Kargil (district 6) 2 cases, Leh (9) 2 cases; nothing disposed of in 2023.
--   2024: Kargil 3 cases: murder+theft (principal murder), theft, hurt; Leh 1 case (cheating).
--         Filed in 2024: 2 charge-sheets (Kargil 2024), undetected (a Kargil 2023 case),
--         want of evidence (the Leh 2024 case), unoccurred_false (a Leh 2023 case).
--   Population: state 37, 2024: 3.0 lakh; Kargil 2024: 1.5 lakh; Leh none.
-- So for 2024: state 4 cases, rate 4 / 3.0 = 1.3, charge-sheeting 2 / (2 + 2) = 50.0,
-- pendency (4 + 4 - 5 = 3) / (3 + 5) = 37.5; Kargil 3 cases (2 the year before: +50.0 %),
-- 75.0 % of the state, rate 3 / 1.5 = 2.0, charge-sheeting 2 / 3 = 66.7, rank 1; Leh 1 case
-- (2 before: -50.0 %), 25.0 %, no rate, charge-sheeting 0.0, rank 2.

\set ON_ERROR_STOP 1
\c - cctns_owner
\ir helpers.sql
SET client_min_messages = warning;

-- ------------------------------------------------------------ the rule, once
SELECT pg_temp.check(count(*) = 1 AND min(c.oid::regclass::text) = 'core.fir_principal',
	'only core.fir_principal ranks charges (views reading ref.crime_head_rank: '
	|| string_agg(c.oid::regclass::text, ', ') || ')')
FROM pg_class c
WHERE c.relkind IN ('v', 'm') AND c.relnamespace IN ('core'::regnamespace, 'reporting'::regnamespace)
	AND pg_get_viewdef(c.oid) LIKE '%crime_head_rank%';
SELECT pg_temp.check(bool_and(pg_get_viewdef(v::regclass) LIKE '%fir_principal %'),
	'reporting.fir_case, core.case_head and core.fir_principal_charge read core.fir_principal')
FROM unnest(ARRAY['reporting.fir_case', 'core.case_head', 'core.fir_principal_charge']) v;

-- ------------------------------------------------------------ the refresh is the owner's
SELECT pg_temp.check(p.prosecdef AND pg_get_userbyid(p.proowner) = 'cctns_owner'
	AND p.proconfig @> ARRAY['search_path=pg_catalog, pg_temp']
	AND NOT has_function_privilege('cctns_analyst', p.oid, 'EXECUTE')
	AND NOT has_function_privilege('cctns_server', p.oid, 'EXECUTE'),
	'reporting.refresh() is SECURITY DEFINER, the owner''s, not executable by the analyst or the server')
FROM pg_proc p WHERE p.oid = 'reporting.refresh(boolean)'::regprocedure;
SELECT pg_temp.check(count(*) = 3 AND bool_and(obj_description(c.oid, 'pg_class') LIKE '%as of the last refresh%')
	AND bool_and(EXISTS (SELECT 1 FROM pg_index i WHERE i.indrelid = c.oid AND i.indisunique)),
	'3 materialised aggregates, each with a unique index (REFRESH CONCURRENTLY) and saying it counts as of the last refresh')
FROM pg_class c WHERE c.relnamespace = 'reporting'::regnamespace AND c.relkind = 'm';
SELECT pg_temp.check(bool_and(obj_description(v::regclass, 'pg_class') LIKE '%as of the last refresh%'),
	'every view over the aggregates says its counts are as of the last refresh')
FROM unnest(ARRAY['reporting.state_table', 'reporting.district_head_table', 'reporting.monthly_trend',
	'reporting.pendency', 'reporting.state_year_count', 'reporting.state_comparison',
	'reporting.district_comparison']) v;
SELECT pg_temp.check(obj_description('ref.district_population'::regclass, 'pg_class') LIKE '%\copy ref.district_population FROM%'
	AND NOT EXISTS (SELECT 1 FROM ref.district_population),
	'ref.district_population ships empty and its comment says how to load it');
SELECT pg_temp.check(string_agg(a.attname, ',' ORDER BY a.attnum) = v.want, v.view || ' has its columns')
FROM (VALUES
	('reporting.state_comparison', 'year,state_code,state_name,cases,crime_rate,chargesheeting_rate,conviction_rate,pendency_pct,rank_by_rate'),
	('reporting.district_comparison', 'year,state_code,district_code,district_name,cases,cases_prev_year,change_pct,share_of_state_pct,crime_rate,chargesheeting_rate,conviction_rate,rank_in_state'),
	('reporting.freshness', 'aggregate,refreshed_at,rows,seconds')
) v (view, want)
JOIN pg_attribute a ON a.attrelid = v.view::regclass AND a.attnum > 0
GROUP BY v.view, v.want;

-- ------------------------------------------------------------ the cases (rolled back)
BEGIN;
SELECT core.ensure_partitions(37, 2023), core.ensure_partitions(37, 2024);
INSERT INTO ref.station (state_code, district_code, station_code, name, active) VALUES
	(37, 6, 990065, 'Test PS 990065 Kargil (reporting3)', true),
	(37, 6, 990066, 'Test PS 990066 Kargil (reporting3)', true),
	(37, 9, 990067, 'Test PS 990067 Leh (reporting3)', true)
ON CONFLICT DO NOTHING;
INSERT INTO ref.population_projection (state_code, year, population_lakhs, source)
VALUES (37, 2024, 3.0, 'reporting3_checks.sql test value');
INSERT INTO ref.district_population (state_code, district_code, year, population_lakhs, source)
VALUES (37, 6, 2024, 1.5, 'reporting3_checks.sql test value');

-- An FIR of state 37 registered at reg with these IPC sections, in this status (with an IO
-- unless registered); returns its fir_id.
CREATE FUNCTION pg_temp.fir3(district int, station int, reg timestamptz, sections text[], status text)
RETURNS bigint LANGUAGE plpgsql AS $$
DECLARE
	id bigint := nextval('core.fir_id_seq');
	y int := extract(year FROM reg AT TIME ZONE 'Asia/Kolkata');
BEGIN
	INSERT INTO core.fir (fir_id, state_code, year, district_code, station_code, fir_no, registered_at,
		occurred_from, occurred_to, information_received_at, information_type, brief_facts,
		idempotency_key, content_sha256, action, status, io_number, io_name, io_rank)
	SELECT id, 37, y, district, station,
		(SELECT coalesce(max(f.fir_no), 0) + 1 FROM core.fir f WHERE f.state_code = 37 AND f.year = y
			AND f.district_code = district AND f.station_code = station),
		reg, reg - interval '2 hours', reg - interval '1 hour', reg - interval '30 minutes', 'oral',
		'reporting3_checks.sql hand-made case', pg_temp.key(), sha256(int8send(id)),
		'registered_and_investigation_taken_up', status,
		CASE WHEN status <> 'registered' THEN 'IO-3' END, CASE WHEN status <> 'registered' THEN 'Investigating Officer 3' END,
		CASE WHEN status <> 'registered' THEN 'Sub-Inspector' END;
	INSERT INTO core.fir_charge (state_code, year, fir_id, seq, act, section)
	SELECT 37, y, id, (s.n - 1)::smallint, 'ipc', s.section FROM unnest(sections) WITH ORDINALITY s (section, n);
	RETURN id;
END
$$;

-- The original final report of FIR id, of this kind, filed at filed by its IO, with its
-- General Diary entry.
CREATE FUNCTION pg_temp.report3(id bigint, kind text, filed timestamptz) RETURNS void LANGUAGE plpgsql AS $$
DECLARE
	f core.fir;
	d date := (filed AT TIME ZONE 'Asia/Kolkata')::date;
	n int;
BEGIN
	SELECT * INTO f FROM core.fir x WHERE x.state_code = 37 AND x.fir_id = id;
	PERFORM core.ensure_partitions(37, extract(year FROM d)::int);
	SELECT coalesce(max(g.gd_no), 0) + 1 INTO n FROM core.gd_entry g WHERE g.state_code = 37
		AND g.district_code = f.district_code AND g.station_code = f.station_code AND g.gd_date = d;
	INSERT INTO core.gd_entry (state_code, year, district_code, station_code, gd_date, gd_no, entered_at, kind,
		text, officer_number, officer_name, officer_rank, fir_year, fir_no)
	VALUES (37, extract(year FROM d), f.district_code, f.station_code, d, n, filed, 'final_report',
		'Final report (reporting3 check)', f.io_number, f.io_name, f.io_rank, f.year, f.fir_no);
	INSERT INTO core.final_report (state_code, year, fir_id, report_no, final_report_id, district_code, station_code,
		kind, supplementary, filed_at, court, status_after, officer_number, officer_name, officer_rank,
		gd_date, gd_no, idempotency_key, content_sha256)
	VALUES (37, f.year, id, 1, nextval('core.final_report_id_seq'), f.district_code, f.station_code,
		kind, false, filed, 'Court of the Judicial Magistrate, Kargil', f.status, f.io_number, f.io_name, f.io_rank,
		d, n, pg_temp.key(), sha256(int8send(id)));
END
$$;

SELECT pg_temp.fir3(6, 990065, '2023-03-10 11:00+05:30', ARRAY['379'], 'under_investigation') AS k23a,
	pg_temp.fir3(6, 990066, '2023-08-10 11:00+05:30', ARRAY['380'], 'final_report') AS k23b,
	pg_temp.fir3(9, 990067, '2023-05-10 11:00+05:30', ARRAY['323'], 'registered') AS l23a,
	pg_temp.fir3(9, 990067, '2023-11-10 11:00+05:30', ARRAY['420'], 'final_report') AS l23b,
	pg_temp.fir3(6, 990065, '2024-01-15 11:00+05:30', ARRAY['379', '302'], 'charge_sheeted') AS k24a,
	pg_temp.fir3(6, 990065, '2024-02-15 11:00+05:30', ARRAY['379'], 'charge_sheeted') AS k24b,
	pg_temp.fir3(6, 990066, '2024-06-15 11:00+05:30', ARRAY['323'], 'under_investigation') AS k24c,
	pg_temp.fir3(9, 990067, '2024-03-15 11:00+05:30', ARRAY['420'], 'final_report') AS l24a \gset
SELECT pg_temp.report3(:k24a, 'charge_sheet', '2024-05-01 12:00+05:30'),
	pg_temp.report3(:k24b, 'charge_sheet', '2024-06-01 12:00+05:30'),
	pg_temp.report3(:k23b, 'undetected', '2024-02-01 12:00+05:30'),
	pg_temp.report3(:l24a, 'not_charge_sheeted_want_of_evidence', '2024-09-01 12:00+05:30'),
	pg_temp.report3(:l23b, 'unoccurred_false', '2024-04-01 12:00+05:30');

SELECT pg_temp.check(count(*) = 8 AND count(*) FILTER (WHERE principal_head = 'murder') = 1,
	'fir_case (live) sees the 8 cases at once, the murder+theft FIR under murder')
FROM reporting.fir_case WHERE state_code = 37 AND year IN (2023, 2024);
SELECT pg_temp.check(count(*) = 0, 'before a refresh the aggregates do not count them: the state table is as of the last refresh')
FROM reporting.state_table WHERE state_code = 37 AND year IN (2023, 2024);

SELECT now() AS t_begin \gset
SELECT pg_temp.check(count(*) = 3 AND bool_and(r.rows >= 0 AND r.seconds >= 0), 'reporting.refresh() refreshes 3 aggregates')
FROM reporting.refresh() r;
SELECT pg_temp.check(count(*) = 3 AND bool_and(f.refreshed_at >= :'t_begin'::timestamptz AND f.rows > 0 OR f.aggregate = 'reporting.court_year'),
	'reporting.freshness shows each aggregate refreshed now, with its rows')
FROM reporting.freshness f;
SELECT count(*) FROM reporting.refresh(false);
SELECT pg_temp.check(count(*) = 3 AND count(*) FILTER (WHERE r.concurrent) = 0,
	'a blocking refresh is logged as such, one row per aggregate')
FROM core.reporting_refresh r WHERE r.started_at >= :'t_begin'::timestamptz AND NOT r.concurrent;

-- The standard tables agree with fir_case, case by case.
SELECT pg_temp.check(string_agg(concat_ws('|', s.year, s.cases_1, s.cases, coalesce(s.crime_rate::text, '-'), s.charge_sheeted,
	s.final_report_true, coalesce(s.chargesheeting_rate::text, '-')), ',' ORDER BY s.year) = '2023|0|4|-|0|0|-,2024|4|4|1.3|2|2|50.0',
	'state_table for 37: ' || string_agg(concat_ws('|', s.year, s.cases_1, s.cases, coalesce(s.crime_rate::text, '-'), s.charge_sheeted,
	s.final_report_true, coalesce(s.chargesheeting_rate::text, '-')), ',' ORDER BY s.year))
FROM reporting.state_table s WHERE s.state_code = 37 AND s.year IN (2023, 2024);
SELECT pg_temp.check(string_agg(d.district_code || ':' || d.crime_head || '=' || d.cases, ',' ORDER BY d.district_code, d.crime_head)
	= '6:hurt=1,6:murder=1,6:other_theft=1,9:cheating=1',
	'district_head_table for 37, 2024: ' || string_agg(d.district_code || ':' || d.crime_head || '=' || d.cases, ',' ORDER BY d.district_code, d.crime_head))
FROM reporting.district_head_table d WHERE d.state_code = 37 AND d.year = 2024;
SELECT pg_temp.check(string_agg(to_char(t.month, 'YYYY-MM') || '=' || t.n, ',' ORDER BY t.month)
	= '2023-03=1,2023-05=1,2023-08=1,2023-11=1,2024-01=1,2024-02=1,2024-03=1,2024-06=1',
	'monthly_trend for 37 by registration month')
FROM (SELECT month, sum(cases) AS n FROM reporting.monthly_trend WHERE state_code = 37 GROUP BY month) t;
SELECT pg_temp.check(sum(m.registered) = 8 AND sum(m.disposed_by_police) = 5 AND sum(m.final_report_false) = 1
	AND count(DISTINCT m.station_code) = 3 AND bool_and(m.act = 'ipc'),
	'station_month for 37: 8 registered, 5 disposed (1 false) at 3 stations')
FROM reporting.station_month m WHERE m.state_code = 37;

-- ------------------------------------------------------------ comparisons
SELECT pg_temp.check(string_agg(concat_ws('|', c.year, c.cases, coalesce(c.crime_rate::text, '-'), coalesce(c.chargesheeting_rate::text, '-'),
	coalesce(c.conviction_rate::text, '-'), c.pendency_pct, coalesce(c.rank_by_rate::text, '-')), ',' ORDER BY c.year)
	= '2023|4|-|-|-|100.0|-,2024|4|1.3|50.0|-|37.5|1',
	'state_comparison for 37 (year|cases|rate|cs rate|conviction|pendency|rank): '
	|| string_agg(concat_ws('|', c.year, c.cases, coalesce(c.crime_rate::text, '-'), coalesce(c.chargesheeting_rate::text, '-'),
	coalesce(c.conviction_rate::text, '-'), c.pendency_pct, coalesce(c.rank_by_rate::text, '-')), ',' ORDER BY c.year))
FROM reporting.state_comparison c WHERE c.state_code = 37 AND c.year IN (2023, 2024);
SELECT pg_temp.check(string_agg(concat_ws('|', c.district_code, c.district_name, c.cases, c.cases_prev_year,
	coalesce(c.change_pct::text, '-'), c.share_of_state_pct, coalesce(c.crime_rate::text, '-'), coalesce(c.chargesheeting_rate::text, '-'),
	coalesce(c.conviction_rate::text, '-'), c.rank_in_state), ',' ORDER BY c.district_code)
	= '6|Kargil|3|2|50.0|75.0|2.0|66.7|-|1,9|Leh Ladakh|1|2|-50.0|25.0|-|0.0|-|2',
	'district_comparison for 37, 2024: ' || string_agg(concat_ws('|', c.district_code, c.district_name, c.cases,
	c.cases_prev_year, c.change_pct, c.share_of_state_pct, coalesce(c.crime_rate::text, '-'),
	coalesce(c.chargesheeting_rate::text, '-'), coalesce(c.conviction_rate::text, '-'), c.rank_in_state), ',' ORDER BY c.district_code))
FROM reporting.district_comparison c WHERE c.state_code = 37 AND c.year = 2024;
SELECT pg_temp.check(string_agg(concat_ws('|', c.district_code, c.cases, c.cases_prev_year, coalesce(c.change_pct::text, '-'),
	c.share_of_state_pct), ',' ORDER BY c.district_code) = '6|2|0|-|50.0,9|2|0|-|50.0',
	'district_comparison for 37, 2023: no year before, so no change; half each')
FROM reporting.district_comparison c WHERE c.state_code = 37 AND c.year = 2023;
ROLLBACK;

-- ------------------------------------------------------------ as the analyst
\c - cctns_analyst
SET default_transaction_read_only = off;
\ir helpers.sql
SET client_min_messages = warning;
SELECT pg_temp.expect_error('SELECT * FROM reporting.refresh()', '42501', NULL);
SELECT pg_temp.expect_error('SELECT * FROM core.reporting_refresh', '42501', NULL);
SELECT pg_temp.check(count(*) = 3, 'the analyst reads reporting.freshness') FROM reporting.freshness;
SELECT pg_temp.check(count(*) >= 0, 'the analyst reads the comparisons and district populations')
FROM (SELECT 1 FROM reporting.state_comparison UNION ALL SELECT 1 FROM reporting.district_comparison
	UNION ALL SELECT 1 FROM ref.district_population UNION ALL SELECT 1 FROM reporting.station_month) x;
SELECT pg_temp.expect_error('INSERT INTO ref.district_population VALUES (37, 6, 2024, 1, ''x'')', '42501', NULL);

\echo reporting3_checks.sql: all checks passed
