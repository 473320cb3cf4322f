-- patterns_checks.sql: checks of the pattern views of migration 0022
-- (reporting.mo_trend, time_profile, repeat_offenders, repeat_locations,
-- road_accident_table) with hand-made cases, and that the analyst reads
-- them. Run by run_api_checks.sh after reporting_checks.sql; api_checks.sql
-- deletes these stations' records before each run. Any failed check raises
-- an exception and stops the run.
--
-- State 36 (Telangana), which no other check uses:
--   990060 (district 501): MO and time of occurrence, 7 theft/burglary FIRs;
--   990061 (district 507): places (beat, PIN code) and arrests;
--   990062 (district 507): road accidents;
--   990063 (district 501): arrests in another district;
--   990064: spare.
-- Occurrences are put on known days of last week (pg_temp.at); registrations
-- are now, and three FIRs are then moved to the quarter before, in a
-- transaction rolled back (skipped in January-March, when that quarter is in
-- another year and the FIR would change partition).

\set ON_ERROR_STOP 1

-- ============================================================ setup
\c - cctns_owner
SET client_min_messages = warning;
INSERT INTO ref.station (state_code, district_code, station_code, name, active) VALUES
	(36, 501, 990060, 'Test PS 990060 Adilabad (patterns: MO, time)', true),
	(36, 507, 990061, 'Test PS 990061 Hyderabad (patterns: places, arrests)', true),
	(36, 507, 990062, 'Test PS 990062 Hyderabad (patterns: road accidents)', true),
	(36, 501, 990063, 'Test PS 990063 Adilabad (patterns: arrests)', true),
	(36, 501, 990064, 'Test PS 990064 Adilabad (patterns: spare)', true)
ON CONFLICT DO NOTHING;
\ir helpers.sql
SET client_min_messages = warning;

SELECT pg_temp.check(string_agg(o, ', ') IS NULL, 'every 0022 view and column has a COMMENT (missing: '
	|| coalesce(string_agg(o, ', '), '') || ')')
FROM (
	SELECT c.oid::regclass::text AS o FROM pg_class c
	WHERE c.oid IN ('reporting.mo_trend'::regclass, 'reporting.time_profile'::regclass,
		'reporting.repeat_offenders'::regclass, 'reporting.repeat_locations'::regclass,
		'reporting.road_accident_table'::regclass, 'core.fir_principal_charge'::regclass, 'core.reporting_case'::regclass,
		'ref.repeat_band'::regclass, 'ref.road_accident_section'::regclass, 'ref.vehicle_type_pattern'::regclass)
		AND obj_description(c.oid, 'pg_class') IS NULL
	UNION ALL
	SELECT c.oid::regclass::text || '.' || a.attname
	FROM pg_class c JOIN pg_attribute a ON a.attrelid = c.oid AND a.attnum > 0 AND NOT a.attisdropped
	WHERE c.oid IN ('reporting.mo_trend'::regclass, 'reporting.time_profile'::regclass,
		'reporting.repeat_offenders'::regclass, 'reporting.repeat_locations'::regclass,
		'reporting.road_accident_table'::regclass, 'core.fir_principal_charge'::regclass, 'core.reporting_case'::regclass,
		'ref.repeat_band'::regclass, 'ref.road_accident_section'::regclass, 'ref.vehicle_type_pattern'::regclass)
		AND col_description(c.oid, a.attnum) IS NULL
) missing;
SELECT pg_temp.check(string_agg(a.attname || ' ' || format_type(a.atttypid, a.atttypmod), ', ' ORDER BY a.attnum) = v.want,
	v.view || ' has the brief''s columns: ' || string_agg(a.attname || ' ' || format_type(a.atttypid, a.atttypmod), ', ' ORDER BY a.attnum))
FROM (VALUES
	('reporting.mo_trend', 'quarter date, state_code integer, district_code integer, mo_major text, mo_minor text, cases bigint, cases_prev_quarter bigint, change bigint'),
	('reporting.time_profile', 'state_code integer, district_code integer, crime_head text, day_of_week integer, hour integer, cases bigint'),
	('reporting.repeat_offenders', 'state_code integer, district_code integer, cases_as_accused text, persons bigint'),
	('reporting.repeat_locations', 'state_code integer, district_code integer, station_code integer, beat text, pincode text, cases bigint, first_seen date, last_seen date'),
	('reporting.road_accident_table', 'year integer, state_code integer, district_code integer, hour_band text, vehicle_type text, cases bigint, deaths bigint, injured bigint')
) v (view, want)
JOIN pg_attribute a ON a.attrelid = v.view::regclass AND a.attnum > 0
GROUP BY v.view, v.want;
SELECT pg_temp.check(obj_description('reporting.road_accident_table'::regclass, 'pg_class') LIKE '%not registered in CCTNS yet%',
	'the road accident table says accident records proper are not registered yet');

-- ============================================================ the cases, through the api
\c - cctns_server
\ir helpers.sql
\ir persons_helpers.sql
\ir patterns_helpers.sql
SET client_min_messages = warning;
SELECT (extract(year FROM pg_temp.prev_q() AT TIME ZONE 'Asia/Kolkata') = extract(year FROM now() AT TIME ZONE 'Asia/Kolkata')) AS same_year \gset

-- 990060: MO (theft, BNS 303(2) = other_theft) and times, last week (Mon = 0).
SELECT pg_temp.fir36(990060, 501, '[{"act": "bns", "section": "303(2)"}]', pg_temp.at(4, '19:10')) AS c1 \gset
SELECT pg_temp.fir36(990060, 501, '[{"act": "bns", "section": "303(2)"}]', pg_temp.at(4, '19:50')) AS c2 \gset
SELECT pg_temp.fir36(990060, 501, '[{"act": "bns", "section": "303(2)"}]', pg_temp.at(4, '19:05')) AS c3 \gset
SELECT pg_temp.fir36(990060, 501, '[{"act": "bns", "section": "303(2)"}]', pg_temp.at(5, '11:00')) AS pp \gset
-- No crime details; occurred at Friday 00:00 IST (Thursday 18:30 UTC).
SELECT pg_temp.fir36(990060, 501, '[{"act": "bns", "section": "303(2)"}]', pg_temp.at(4, '00:00')) AS nd \gset
-- Burglary (BNS 331(4)), occurred before the quarter before: moved there later.
SELECT pg_temp.fir36(990060, 501, '[{"act": "bns", "section": "331(4)"}]', pg_temp.prev_q() - interval '2 days') AS h1 \gset
SELECT pg_temp.fir36(990060, 501, '[{"act": "bns", "section": "331(4)"}]', pg_temp.prev_q() - interval '2 days') AS h2 \gset
SELECT pg_temp.fir36(990060, 501, '[{"act": "bns", "section": "331(4)"}]', pg_temp.prev_q() - interval '2 days') AS c4 \gset
SELECT pg_temp.cd36(990060, 501, :'c1', '{"mo": {"major": "theft", "minor": "chain_snatching"}}');
SELECT pg_temp.cd36(990060, 501, :'c2', '{"mo": {"major": "theft", "minor": "chain_snatching"}}');
SELECT pg_temp.cd36(990060, 501, :'c3', '{"mo": {"major": "theft", "minor": "chain_snatching"}}');
SELECT pg_temp.cd36(990060, 501, :'c4', '{"mo": {"major": "theft", "minor": "chain_snatching"}}');
SELECT pg_temp.cd36(990060, 501, :'h1', '{"mo": {"major": "house_breaking", "minor": "lock_broken"}}');
SELECT pg_temp.cd36(990060, 501, :'h2', '{"mo": {"major": "house_breaking", "minor": "lock_broken"}}');
-- Version 1 says online cheating, version 2 pickpocketing: the latest counts.
SELECT pg_temp.check(pg_temp.cd36(990060, 501, :'pp', '{"mo": {"major": "cheating", "minor": "online"}}') = 1
	AND pg_temp.cd36(990060, 501, :'pp', '{"mo": {"major": "theft", "minor": "pickpocketing"}}') = 2,
	'two versions of the crime details of one FIR');

-- 990061: places. Beat 7 / 500001 three times (once written with spaces),
-- Beat 9 / 500001 twice and once under a special law only (not a case),
-- PIN 500002 without a beat three times; one FIR with neither.
SELECT pg_temp.fir36(990061, 507, '[{"act": "bns", "section": "303(2)"}]', pg_temp.at(0, '10:00'), 'Beat 7', '500001') AS l1 \gset
SELECT pg_temp.fir36(990061, 507, '[{"act": "bns", "section": "303(2)"}]', pg_temp.at(2, '10:00'), ' Beat 7 ', '500001') AS l2 \gset
SELECT pg_temp.fir36(990061, 507, '[{"act": "bns", "section": "115(2)"}]', pg_temp.at(6, '10:00'), 'Beat 7', '500001') AS l3 \gset
SELECT pg_temp.fir36(990061, 507, '[{"act": "bns", "section": "303(2)"}]', pg_temp.at(1, '10:00'), 'Beat 9', '500001') AS l4 \gset
SELECT pg_temp.fir36(990061, 507, '[{"act": "bns", "section": "303(2)"}]', pg_temp.at(1, '11:00'), 'Beat 9', '500001') AS l5 \gset
SELECT pg_temp.fir36(990061, 507, '[{"act": "special_local", "law": "NDPS", "section": "20"}]', pg_temp.at(1, '12:00'), 'Beat 9', '500001') AS l6 \gset
SELECT pg_temp.fir36(990061, 507, '[{"act": "bns", "section": "303(2)"}]', pg_temp.at(3, '10:00'), NULL, '500002');
SELECT pg_temp.fir36(990061, 507, '[{"act": "bns", "section": "303(2)"}]', pg_temp.at(3, '11:00'), NULL, '500002');
SELECT pg_temp.fir36(990061, 507, '[{"act": "bns", "section": "303(2)"}]', pg_temp.at(5, '11:00'), NULL, '500002');
SELECT pg_temp.fir36(990061, 507, '[{"act": "bns", "section": "303(2)"}]', pg_temp.at(5, '12:00'));

-- 990063: four FIRs in district 501 for arrests.
SELECT pg_temp.fir36(990063, 501, '[{"act": "bns", "section": "115(2)"}]', pg_temp.at(0, '09:00')) AS m1 \gset
SELECT pg_temp.fir36(990063, 501, '[{"act": "bns", "section": "115(2)"}]', pg_temp.at(0, '09:00')) AS m2 \gset
SELECT pg_temp.fir36(990063, 501, '[{"act": "bns", "section": "115(2)"}]', pg_temp.at(0, '09:00')) AS m3 \gset
SELECT pg_temp.fir36(990063, 501, '[{"act": "bns", "section": "115(2)"}]', pg_temp.at(0, '09:00')) AS m4 \gset
-- The first arrests of four new persons, in this order: P1 (L1), P2 (L1), P3 (L5), P4 (M4).
SELECT pg_temp.arrest36(990061, 507, :'l1');
SELECT pg_temp.arrest36(990061, 507, :'l1');
SELECT pg_temp.arrest36(990061, 507, :'l5');
SELECT pg_temp.arrest36(990063, 501, :'m4');

-- 990062: road accidents.
SELECT pg_temp.fir36(990062, 507, '[{"act": "bns", "section": "281"}, {"act": "bns", "section": "106(1)"}]', pg_temp.at(4, '20:30')) AS r1 \gset
SELECT pg_temp.fir36(990062, 507, '[{"act": "bns", "section": "125(a)"}]', pg_temp.at(4, '19:00')) AS r2 \gset
SELECT pg_temp.fir36(990062, 507, '[{"act": "bns", "section": "281"}]', pg_temp.at(5, '02:15')) AS r3 \gset
SELECT r.fir_number AS r4 FROM api.register_fir(36, 507, 990062, pg_temp.key(),
	(pg_temp.sample() - 'occurred_to') || '{"charges": [{"act": "ipc", "section": "279"}, {"act": "ipc", "section": "304A"}],
	 "occurred_from": "2024-06-20T21:00:00+05:30", "information_received_at": "2024-06-20T22:00:00+05:30",
	 "place": {"address": {"line1": "NH 44", "city": "Hyderabad", "district_code": 507, "state_code": 36}}}'::jsonb) r \gset
SELECT pg_temp.fir36(990062, 507, '[{"act": "bns", "section": "106(1)"}]', pg_temp.at(4, '20:00')) AS r5 \gset
-- Not road accidents: hurt, theft with a vehicle, and BNS 106 without sub-section (1) or (2).
SELECT pg_temp.fir36(990062, 507, '[{"act": "bns", "section": "115(2)"}]', pg_temp.at(4, '20:00')) AS n1 \gset
SELECT pg_temp.fir36(990062, 507, '[{"act": "bns", "section": "303(2)"}]', pg_temp.at(4, '20:00')) AS n2 \gset
SELECT pg_temp.cd36(990062, 507, :'r1', '{"vehicle_used": "Truck (Tata 407)", "mo": {"major": "hurt", "minor": "general"}}'
	|| pg_temp.victims('fatal', 'grievous', 'none'));
SELECT pg_temp.cd36(990062, 507, :'r2', '{"vehicle_used": "MOTORCYCLE, red", "mo": {"major": "hurt", "minor": "general"}}'
	|| pg_temp.victims('simple', 'simple'));
SELECT pg_temp.cd36(990062, 507, :'r4', '{"vehicle_used": "Maruti Swift", "mo": {"major": "hurt", "minor": "general"}}'
	|| pg_temp.victims('fatal'));
SELECT pg_temp.cd36(990062, 507, :'r5', '{"vehicle_used": "bus", "mo": {"major": "hurt", "minor": "general"}}'
	|| pg_temp.victims('fatal'));
SELECT pg_temp.cd36(990062, 507, :'r5', '{"vehicle_used": "State transport bus", "mo": {"major": "hurt", "minor": "general"}}'
	|| pg_temp.victims('fatal', 'fatal'));
SELECT pg_temp.cd36(990062, 507, :'n1', '{"vehicle_used": "car", "mo": {"major": "hurt", "minor": "general"}}'
	|| pg_temp.victims('fatal'));
SELECT pg_temp.cd36(990062, 507, :'n2', '{"vehicle_used": "motorcycle"}' || pg_temp.victims('simple'));

-- ============================================================ the persons arrested, as owner
\c - cctns_owner
\ir helpers.sql
SET client_min_messages = warning;
SELECT (array_agg(l.person_id ORDER BY l.link_id))[1] AS p1, (array_agg(l.person_id ORDER BY l.link_id))[2] AS p2,
	(array_agg(l.person_id ORDER BY l.link_id))[3] AS p3, (array_agg(l.person_id ORDER BY l.link_id))[4] AS p4
FROM core.person_link l WHERE l.state_code = 36 AND l.record_kind = 'arrest' AND l.role = 'arrested'
	AND l.station_code IN (990061, 990063) \gset
SELECT pg_temp.check(count(DISTINCT x) = 4, 'four new persons arrested') FROM unnest(ARRAY[:p1, :p2, :p3, :p4]::bigint[]) x;
-- The principal charge of core.fir_principal_charge is reporting.fir_case's.
SELECT pg_temp.check(NOT EXISTS (
		(SELECT f.station_code, p.section, p.crime_head, count(*) FROM core.fir f
			JOIN core.fir_principal_charge p USING (state_code, year, fir_id) WHERE f.state_code = 36 GROUP BY 1, 2, 3)
		EXCEPT (SELECT c.station_code, c.principal_section, c.principal_head, count(*) FROM reporting.fir_case c
			WHERE c.state_code = 36 GROUP BY 1, 2, 3))
	AND NOT EXISTS (
		(SELECT c.station_code, c.principal_section, c.principal_head, count(*) FROM reporting.fir_case c
			WHERE c.state_code = 36 GROUP BY 1, 2, 3)
		EXCEPT (SELECT f.station_code, p.section, p.crime_head, count(*) FROM core.fir f
			JOIN core.fir_principal_charge p USING (state_code, year, fir_id) WHERE f.state_code = 36 GROUP BY 1, 2, 3)),
	'core.fir_principal_charge agrees with reporting.fir_case on the cases of state 36');

\c - cctns_server
\ir helpers.sql
\ir persons_helpers.sql
\ir patterns_helpers.sql
SET client_min_messages = warning;
-- P1: L1 again (counts once), L2, L3, L4 (district 507: 4) and M1, M2, M3
-- (district 501: 3): 7 in the state. P2: L2 (2 in 507). P4: L5 (1 in 507,
-- 1 in 501, 2 in the state). P3: only L5.
SELECT pg_temp.arrest36(990061, 507, :'l1', :p1);
SELECT pg_temp.arrest36(990061, 507, :'l2', :p1);
SELECT pg_temp.arrest36(990061, 507, :'l3', :p1);
SELECT pg_temp.arrest36(990061, 507, :'l4', :p1);
SELECT pg_temp.arrest36(990063, 501, :'m1', :p1);
SELECT pg_temp.arrest36(990063, 501, :'m2', :p1);
SELECT pg_temp.arrest36(990063, 501, :'m3', :p1);
SELECT pg_temp.arrest36(990061, 507, :'l2', :p2);
SELECT pg_temp.arrest36(990061, 507, :'l5', :p4);

-- ============================================================ as the analyst
\c - cctns_analyst
SET default_transaction_read_only = off;
\ir helpers.sql
-- pg_temp.at of patterns_helpers.sql (whose other helpers call the api).
CREATE FUNCTION pg_temp.at(day int, hhmm text) RETURNS timestamptz LANGUAGE sql STABLE AS $$
	SELECT ((date_trunc('week', now() AT TIME ZONE 'Asia/Kolkata')::date - 7 + day) + hhmm::time)
		AT TIME ZONE 'Asia/Kolkata'
$$;
SET client_min_messages = warning;
SELECT date_trunc('quarter', now() AT TIME ZONE 'Asia/Kolkata')::date AS q,
	extract(year FROM now() AT TIME ZONE 'Asia/Kolkata')::int AS y \gset

SELECT pg_temp.check(bool_and(has_table_privilege(v, 'SELECT')) AND bool_and(has_table_privilege(t, 'SELECT')),
	'the analyst reads the pattern views and their ref tables')
FROM unnest(ARRAY['reporting.mo_trend', 'reporting.time_profile', 'reporting.repeat_offenders',
	'reporting.repeat_locations', 'reporting.road_accident_table']) v,
	unnest(ARRAY['ref.repeat_band', 'ref.road_accident_section', 'ref.vehicle_type_pattern']) t;
SELECT pg_temp.expect_error('SELECT * FROM core.reporting_case', '42501', NULL);
SELECT pg_temp.expect_error('SELECT * FROM core.fir_principal_charge', '42501', NULL);

-- ------------------------------------------------------------ MO by quarter
-- All registered this quarter: chain snatching 4, lock broken 2, pickpocketing
-- 1 (version 2; online cheating of version 1 not counted), none from the FIR
-- without crime details; no row for the next quarter (the future).
SELECT pg_temp.check(string_agg(concat_ws('|', t.quarter = :'q'::date, t.mo_major, t.mo_minor, t.cases, t.cases_prev_quarter, t.change),
		',' ORDER BY t.quarter, t.mo_major, t.mo_minor)
	= 't|house_breaking|lock_broken|2|0|2,t|theft|chain_snatching|4|0|4,t|theft|pickpocketing|1|0|1',
	'mo_trend for district 501 this quarter: ' || string_agg(concat_ws('|', t.quarter = :'q'::date, t.mo_major, t.mo_minor,
		t.cases, t.cases_prev_quarter, t.change), ',' ORDER BY t.quarter, t.mo_major, t.mo_minor))
FROM reporting.mo_trend t WHERE t.state_code = 36 AND t.district_code = 501;

-- ------------------------------------------------------------ time of occurrence
-- Other theft in district 501: three on Friday 19:xx, one Saturday 11:00
-- and one Friday 00:00 IST (sent as Thursday 18:30 UTC).
SELECT pg_temp.check(string_agg(t.day_of_week || '|' || t.hour || '=' || t.cases, ',' ORDER BY t.day_of_week, t.hour)
	= '5|0=1,5|19=3,6|11=1',
	'time_profile of other theft in district 501 (ISO day|hour IST=cases): '
	|| string_agg(t.day_of_week || '|' || t.hour || '=' || t.cases, ',' ORDER BY t.day_of_week, t.hour))
FROM reporting.time_profile t WHERE t.state_code = 36 AND t.district_code = 501 AND t.crime_head = 'other_theft';
SELECT pg_temp.check(sum(t.cases) = 12 AND count(*) FILTER (WHERE t.crime_head = 'hurt' AND t.day_of_week = 1
		AND t.hour = 9 AND t.cases = 4) = 1,
	'time_profile of district 501: 8 + 4 cases, the four hurt cases on Monday 09:00')
FROM reporting.time_profile t WHERE t.state_code = 36 AND t.district_code = 501;

-- ------------------------------------------------------------ repeat offenders
SELECT pg_temp.check(string_agg(coalesce(r.district_code::text, 'state') || ':' || r.cases_as_accused || '=' || r.persons, ','
		ORDER BY r.district_code NULLS FIRST, r.cases_as_accused)
	= 'state:1=1,state:2=2,state:6+=1,501:1=1,501:3-5=1,507:1=2,507:2=1,507:3-5=1',
	'repeat_offenders of state 36 (district:band=persons): '
	|| string_agg(coalesce(r.district_code::text, 'state') || ':' || r.cases_as_accused || '=' || r.persons, ','
		ORDER BY r.district_code NULLS FIRST, r.cases_as_accused))
FROM reporting.repeat_offenders r WHERE r.state_code = 36;

-- ------------------------------------------------------------ repeat locations
SELECT pg_temp.check(string_agg(concat_ws('|', l.district_code, l.station_code, coalesce(l.beat, 'null'), l.pincode, l.cases,
		l.first_seen = (pg_temp.at(v.first, '12:00') AT TIME ZONE 'Asia/Kolkata')::date,
		l.last_seen = (pg_temp.at(v.last, '12:00') AT TIME ZONE 'Asia/Kolkata')::date), ',' ORDER BY l.beat NULLS FIRST)
	= '507|990061|null|500002|3|t|t,507|990061|Beat 7|500001|3|t|t',
	'repeat_locations of state 36 (Beat 9 has 2 cases and an SLL-only FIR: not shown): '
	|| string_agg(concat_ws('|', l.district_code, l.station_code, coalesce(l.beat, 'null'), l.pincode, l.cases, l.first_seen, l.last_seen), ','))
FROM reporting.repeat_locations l
JOIN (VALUES ('Beat 7', 0, 6), (NULL, 3, 5)) v (beat, first, last) ON v.beat IS NOT DISTINCT FROM l.beat
WHERE l.state_code = 36;
SELECT pg_temp.check(count(*) = 2, 'only the two places with 3+ cases') FROM reporting.repeat_locations WHERE state_code = 36;

-- ------------------------------------------------------------ road accidents
SELECT pg_temp.check(string_agg(concat_ws('|', a.year = :y, a.district_code, a.hour_band, a.vehicle_type, a.cases, a.deaths, a.injured), ','
		ORDER BY a.hour_band, a.vehicle_type)
	= 't|507|00-03|not stated|1|0|0,t|507|18-21|bus|1|2|0,t|507|18-21|truck|1|1|1,'
	't|507|18-21|two_wheeler|1|0|2,t|507|21-24|other|1|1|0',
	'road_accident_table of state 36 (year|district|band|vehicle|cases|deaths|injured): '
	|| string_agg(concat_ws('|', a.year = :y, a.district_code, a.hour_band, a.vehicle_type, a.cases, a.deaths, a.injured), ','
		ORDER BY a.hour_band, a.vehicle_type))
FROM reporting.road_accident_table a WHERE a.state_code = 36;

-- ============================================================ the quarter before
\c - cctns_owner
\ir helpers.sql
\ir persons_helpers.sql
\ir patterns_helpers.sql
SET client_min_messages = warning;
SELECT (extract(year FROM pg_temp.prev_q() AT TIME ZONE 'Asia/Kolkata') = extract(year FROM now() AT TIME ZONE 'Asia/Kolkata')) AS same_year,
	date_trunc('quarter', now() AT TIME ZONE 'Asia/Kolkata')::date AS q \gset
\if :same_year
BEGIN;
UPDATE core.fir SET registered_at = pg_temp.prev_q()
WHERE state_code = 36 AND station_code = 990060
	AND core.fir_number_text(fir_no, year) IN (:'h1', :'h2', :'c4');
SELECT pg_temp.check(string_agg(concat_ws('|', t.quarter = :'q'::date, t.mo_major, t.mo_minor, t.cases, t.cases_prev_quarter, t.change),
		',' ORDER BY t.quarter, t.mo_major, t.mo_minor)
	= 'f|house_breaking|lock_broken|2|0|2,f|theft|chain_snatching|1|0|1,'
	't|house_breaking|lock_broken|0|2|-2,t|theft|chain_snatching|3|1|2,t|theft|pickpocketing|1|0|1',
	'mo_trend with three FIRs in the quarter before (lock broken falls to 0, chain snatching rises by 2): '
	|| string_agg(concat_ws('|', t.quarter = :'q'::date, t.mo_major, t.mo_minor, t.cases, t.cases_prev_quarter, t.change),
		',' ORDER BY t.quarter, t.mo_major, t.mo_minor))
FROM reporting.mo_trend t WHERE t.state_code = 36 AND t.district_code = 501;
ROLLBACK;
\else
\echo patterns_checks.sql: the quarter before is in another year; its check is skipped
\endif

\echo patterns_checks.sql: all checks passed
