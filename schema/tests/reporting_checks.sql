-- reporting_checks.sql: checks of the reporting schema (migration 0020):
-- the principal offence rule, the police disposal of each final report
-- kind, the rates of reporting.state_table, pendency, and that the analyst
-- reads reporting and ref but nothing in core. Run by run_api_checks.sh
-- after api_checks.sql, whose cleanup removes these stations' records on a
-- second run. Any failed check raises an exception and stops the run.
--
-- Hand-made cases in state 35 (Andaman and Nicobar Islands), which no other
-- check uses, so the state's figures for this year are exactly these:
--   990050 (district 602): the principal offence rule, 7 FIRs (one charged
--          only under a special law, so not a case);
--   990051 (district 602): one FIR per final report kind, one with an
--          original undetected report and a supplementary charge-sheet,
--          one still under investigation;
--   990052 (district 603): two cases in another district.
-- Everything is registered now, through the api; to check how years combine
-- (cases of year-1 and year-2, a case of last year disposed of this year,
-- pendency carried over) some cases are then copied into the two earlier
-- years in a transaction that is rolled back. NCRB's own 2020-2022 figures
-- are reproduced by tests/integration/state_table_reproduces_ncrb_2022.sh.
--
-- Times: the checks expect to run within one IST month.

\set ON_ERROR_STOP 1

-- ============================================================ setup
\c - cctns_owner
SET client_min_messages = warning;
INSERT INTO ref.station (state_code, district_code, station_code, name, active) VALUES
	(35, 602, 990050, 'Test PS 990050 South Andamans (reporting: principal offence)', true),
	(35, 602, 990051, 'Test PS 990051 South Andamans (reporting: disposals)', true),
	(35, 603, 990052, 'Test PS 990052 Nicobars (reporting: another district)', true),
	(35, 603, 990053, 'Test PS 990053 Nicobars (reporting: spare)', true),
	(35, 603, 990054, 'Test PS 990054 Nicobars (reporting: spare)', true)
ON CONFLICT DO NOTHING;
-- A population for this year, so the crime rate has a denominator; removed at the end.
INSERT INTO ref.population_projection (state_code, year, population_lakhs, source)
VALUES (35, extract(year FROM now() AT TIME ZONE 'Asia/Kolkata')::int, 4.0, 'reporting_checks.sql test value')
ON CONFLICT (state_code, year) DO UPDATE SET population_lakhs = 4.0, source = 'reporting_checks.sql test value';

\ir helpers.sql
SET client_min_messages = warning;

-- Every view and column of reporting, and every new ref table, is explained.
SELECT pg_temp.check(string_agg(o, ', ') IS NULL, 'every reporting view and column has a COMMENT (missing: '
	|| coalesce(string_agg(o, ', '), '') || ')')
FROM (
	SELECT c.oid::regclass::text AS o
	FROM pg_class c WHERE c.relnamespace = 'reporting'::regnamespace AND c.relkind IN ('v', 'm', 'r')
		AND obj_description(c.oid, 'pg_class') IS NULL
	UNION ALL
	SELECT c.oid::regclass::text || '.' || a.attname
	FROM pg_class c JOIN pg_attribute a ON a.attrelid = c.oid AND a.attnum > 0 AND NOT a.attisdropped
	WHERE c.relnamespace = 'reporting'::regnamespace AND c.relkind IN ('v', 'm', 'r') AND col_description(c.oid, a.attnum) IS NULL
) missing;

-- The contract's columns, names and types, in order.
SELECT pg_temp.check(string_agg(a.attname || ' ' || format_type(a.atttypid, a.atttypmod), ', ' ORDER BY a.attnum)
	= 'state_code integer, state_name text, district_code integer, district_name text, station_code integer, '
	'station_name text, year integer, month date, registered_on date, act text, principal_section text, '
	'principal_head text, principal_head_name text, major_head text, status text, police_disposal text, '
	'police_disposed_on date, police_disposal_year integer',
	'reporting.fir_case has the contract''s columns')
FROM pg_attribute a WHERE a.attrelid = 'reporting.fir_case'::regclass AND a.attnum > 0;
SELECT pg_temp.check(string_agg(a.attname || ' ' || format_type(a.atttypid, a.atttypmod), ', ' ORDER BY a.attnum)
	= 'year integer, state_code integer, state_name text, cases_2 bigint, cases_1 bigint, cases bigint, '
	'population_lakhs numeric, crime_rate numeric, charge_sheeted bigint, final_report_true bigint, '
	'chargesheeting_rate numeric',
	'reporting.state_table has the contract''s columns')
FROM pg_attribute a WHERE a.attrelid = 'reporting.state_table'::regclass AND a.attnum > 0;
SELECT pg_temp.check(string_agg(a.attname, ',' ORDER BY a.attnum) = v.want, v.view || ' has the contract''s columns')
FROM (VALUES
	('reporting.district_head_table', 'year,state_code,district_code,district_name,crime_head,crime_head_name,cases'),
	('reporting.monthly_trend', 'month,state_code,district_code,crime_head,cases'),
	('reporting.pendency', 'year,state_code,pending_at_start,registered,disposed_by_police,pending_at_end,pendency_pct')
) v (view, want)
JOIN pg_attribute a ON a.attrelid = v.view::regclass AND a.attnum > 0
GROUP BY v.view, v.want;

-- Reference data: every section mapped exists and maps to a ranked head;
-- every final report kind has a police disposal; 2022 populations loaded.
SELECT pg_temp.check(count(*) = 192 AND count(*) FILTER (WHERE act = 'ipc') = 125, 'ref.section_head has 192 sections, 125 IPC')
FROM ref.section_head;
SELECT pg_temp.check(
	(SELECT crime_head FROM ref.section_head WHERE act = 'ipc' AND section = '302') = 'murder'
	AND (SELECT crime_head FROM ref.section_head WHERE act = 'bns' AND section = '103') = 'murder'
	AND (SELECT crime_head FROM ref.section_head WHERE act = 'bns' AND section = '303') = 'other_theft'
	AND (SELECT rank FROM ref.crime_head_rank WHERE crime_head = 'murder') = 1
	AND (SELECT max(rank) FROM ref.crime_head_rank) = (SELECT rank FROM ref.crime_head_rank WHERE crime_head = 'other_ipc_crimes'),
	'302 and BNS 103 are murder (rank 1), BNS 303 other theft, other IPC crimes ranks last');
SELECT pg_temp.check(string_agg(kind || '=' || police_disposal, ',' ORDER BY kind) =
	'abated=final_report_true,charge_sheet=charge_sheeted,not_charge_sheeted_want_of_evidence=final_report_true,'
	'undetected=final_report_true,unoccurred_civil_nature=final_report_false,unoccurred_false=final_report_false,'
	'unoccurred_mistake_of_fact=final_report_false,unoccurred_mistake_of_law=final_report_false,'
	'unoccurred_non_cognizable=final_report_false,untraced=final_report_true',
	'each final report kind maps to its NCRB police disposal')
FROM ref.final_report_police_disposal;
SELECT pg_temp.check(count(*) = 36 AND bool_and(p.population_lakhs = s.population_2022_lakhs),
	'ref.population_projection holds NCRB''s 2022 projection of all 36 states/UTs')
FROM ref.population_projection p JOIN ref.state_crime_2022 s USING (state_code) WHERE p.year = 2022;
SELECT pg_temp.check(obj_description('ref.population_projection'::regclass, 'pg_class') LIKE '%\copy ref.population_projection FROM%',
	'the table comment says how an operator adds a year');

-- ============================================================ the cases, through the api
\c - cctns_server
\ir helpers.sql
SET client_min_messages = warning;

-- The sample FIR at a state-35 station with these charges; returns its
-- number. An IPC charge needs an offence before 2024-07-01 (BNS after).
CREATE FUNCTION pg_temp.fir_at(station int, district int, charges jsonb) RETURNS text LANGUAGE sql VOLATILE AS $$
	SELECT r.fir_number FROM api.register_fir(35, district, station, pg_temp.key(),
		jsonb_set(jsonb_set(pg_temp.sample(), '{charges}', charges),
			'{place,address}', '{"line1": "Aberdeen Bazaar", "city": "Sri Vijaya Puram", "district_code": 602, "state_code": 35, "pincode": "744101"}')
		|| CASE WHEN charges @> '[{"act": "ipc"}]' THEN
			'{"occurred_from": "2024-06-20T18:30:00+05:30", "occurred_to": "2024-06-20T18:45:00+05:30",
			  "delay_reason": "The complainant learnt of the offence only on his return."}'::jsonb
		ELSE '{}'::jsonb END) r
$$;

-- An FIR of station 990051 under investigation by officer 1, with arrest A1.
CREATE FUNCTION pg_temp.case_51() RETURNS text LANGUAGE plpgsql AS $$
DECLARE
	n text := pg_temp.fir_at(990051, 602, '[{"act": "bns", "section": "303(2)"}]');
BEGIN
	PERFORM api.assign_io(35, 602, 990051, n, jsonb_build_object('io', pg_temp.officer(1), 'acting', pg_temp.officer(2)));
	PERFORM api.register_arrest(35, 602, 990051, pg_temp.key(), n, pg_temp.memo(now()));
	RETURN n;
END
$$;

-- A final report of this kind filed now by officer 1 (a charge-sheet
-- charges A1; other kinds charge no one).
CREATE FUNCTION pg_temp.final_report(kind text) RETURNS jsonb LANGUAGE sql VOLATILE AS $$
	SELECT jsonb_build_object('kind', kind, 'court', 'Court of the Chief Judicial Magistrate, Port Blair',
		'filed_at', pg_temp.ist(now()), 'officer', pg_temp.officer(1),
		'brief_facts', 'Investigation complete.')
		|| CASE WHEN kind = 'charge_sheet' THEN jsonb_build_object('charged', jsonb_build_array(jsonb_build_object(
			'accused_code', 'A1', 'sections', '[{"act": "bns", "section": "303(2)"}]'::jsonb, 'status', 'in_custody',
			'arrested_on', to_char(now() AT TIME ZONE 'Asia/Kolkata', 'YYYY-MM-DD'),
			'forwarded_on', to_char(now() AT TIME ZONE 'Asia/Kolkata', 'YYYY-MM-DD'))))
		ELSE '{}'::jsonb END
$$;

CREATE FUNCTION pg_temp.file(n text, kind text, supplementary boolean DEFAULT false) RETURNS void LANGUAGE sql VOLATILE AS $$
	SELECT FROM api.file_final_report(35, 602, 990051, pg_temp.key(), n,
		pg_temp.final_report(kind) || CASE WHEN supplementary THEN '{"supplementary": true}'::jsonb ELSE '{}'::jsonb END)
$$;

-- 990050: the principal offence rule.
SELECT pg_temp.fir_at(990050, 602, '[{"act": "ipc", "section": "379"}, {"act": "ipc", "section": "302"}, {"act": "ipc", "section": "323"}]') AS p_murder \gset
SELECT pg_temp.fir_at(990050, 602, '[{"act": "bns", "section": "115(2)"}, {"act": "bns", "section": "303(2)"}]') AS p_theft \gset
SELECT pg_temp.fir_at(990050, 602, '[{"act": "ipc", "section": "148"}, {"act": "ipc", "section": "147"}]') AS p_tie \gset
SELECT pg_temp.fir_at(990050, 602, '[{"act": "ipc", "section": "120B"}, {"act": "ipc", "section": "506"}]') AS p_other \gset
SELECT pg_temp.fir_at(990050, 602, '[{"act": "special_local", "law": "NDPS", "section": "20"}, {"act": "ipc", "section": "376"}]') AS p_rape \gset
SELECT pg_temp.fir_at(990050, 602, '[{"act": "special_local", "law": "NDPS", "section": "20"}]') AS p_sll \gset
SELECT pg_temp.fir_at(990050, 602, '[{"act": "bns", "section": "64(1)"}, {"act": "bns", "section": "68"}]') AS p_custodial \gset

-- 990051: one FIR per kind of original final report, and two more.
SELECT pg_temp.case_51() AS d_cs1 \gset
SELECT pg_temp.case_51() AS d_cs2 \gset
SELECT pg_temp.case_51() AS d_cs3 \gset
SELECT pg_temp.case_51() AS d_evidence \gset
SELECT pg_temp.case_51() AS d_undetected \gset
SELECT pg_temp.case_51() AS d_untraced \gset
SELECT pg_temp.case_51() AS d_abated \gset
SELECT pg_temp.case_51() AS d_false \gset
SELECT pg_temp.case_51() AS d_civil \gset
SELECT pg_temp.case_51() AS d_supp \gset
SELECT pg_temp.case_51() AS d_open \gset
SELECT pg_temp.file(:'d_cs1', 'charge_sheet');
SELECT pg_temp.file(:'d_cs2', 'charge_sheet');
SELECT pg_temp.file(:'d_cs3', 'charge_sheet');
SELECT pg_temp.file(:'d_evidence', 'not_charge_sheeted_want_of_evidence');
SELECT pg_temp.file(:'d_undetected', 'undetected');
SELECT pg_temp.file(:'d_untraced', 'untraced');
SELECT pg_temp.file(:'d_abated', 'abated');
SELECT pg_temp.file(:'d_false', 'unoccurred_false');
SELECT pg_temp.file(:'d_civil', 'unoccurred_civil_nature');
-- Original report undetected, then a supplementary charge-sheet: the
-- original decides the disposal.
SELECT pg_temp.file(:'d_supp', 'undetected');
SELECT pg_temp.file(:'d_supp', 'charge_sheet', true);

-- 990052: two cases in district 603.
SELECT pg_temp.fir_at(990052, 603, '[{"act": "ipc", "section": "420"}]') AS x_cheat \gset
SELECT pg_temp.fir_at(990052, 603, '[{"act": "bns", "section": "318(4)"}]') AS x_cheat_bns \gset

-- The standard tables read materialised aggregates (0023): count them now.
\c - cctns_owner
SELECT count(*) FROM reporting.refresh();

-- ============================================================ as the analyst
\c - cctns_analyst
-- The session is read-only by default; the helpers are temporary functions.
-- (The analyst has no write grant anywhere: api_checks.sql checks that.)
SET default_transaction_read_only = off;
\ir helpers.sql
SET client_min_messages = warning;
SELECT extract(year FROM now() AT TIME ZONE 'Asia/Kolkata')::int AS y,
	date_trunc('month', now() AT TIME ZONE 'Asia/Kolkata')::date AS m \gset

-- ------------------------------------------------------------ principal offence
SELECT pg_temp.check(string_agg(concat_ws('|', c.act, c.principal_section, c.principal_head, c.major_head), ',' ORDER BY c.principal_section)
	= 'ipc|120B|other_ipc_crimes|other_ipc_crimes,ipc|148|riots|riots,ipc|302|murder|murder,bns|303|other_theft|theft,'
	'ipc|376|other_rape|rape,bns|68|custodial_rape|rape',
	'principal offences at 990050 (most serious head, first charge on a tie, unlisted = other IPC; SLL-only FIR not a case): '
	|| string_agg(concat_ws('|', c.act, c.principal_section, c.principal_head, c.major_head), ',' ORDER BY c.principal_section))
FROM reporting.fir_case c WHERE c.state_code = 35 AND c.station_code = 990050 AND c.year = :y;
SELECT pg_temp.check(bool_and(c.principal_head_name = h.name) AND bool_and(c.state_name = 'Andaman and Nicobar Islands')
	AND bool_and(c.district_name = 'South Andamans') AND bool_and(c.station_name LIKE 'Test PS 990050%')
	AND bool_and(c.month = :'m'::date) AND bool_and(c.registered_on = (now() AT TIME ZONE 'Asia/Kolkata')::date)
	AND bool_and(c.status = 'registered' AND c.police_disposal IS NULL AND c.police_disposed_on IS NULL
		AND c.police_disposal_year IS NULL),
	'fir_case names the state, district, station and head; month and date in IST; no disposal while registered')
FROM reporting.fir_case c JOIN ref.crime_head h ON h.code = c.principal_head
WHERE c.state_code = 35 AND c.station_code = 990050 AND c.year = :y;

-- ------------------------------------------------------------ police disposal
SELECT pg_temp.check(
	count(*) = 11
	AND count(*) FILTER (WHERE police_disposal = 'charge_sheeted') = 3
	AND count(*) FILTER (WHERE police_disposal = 'final_report_true') = 5
	AND count(*) FILTER (WHERE police_disposal = 'final_report_false') = 2
	AND count(*) FILTER (WHERE police_disposal IS NULL AND status = 'under_investigation') = 1
	AND count(*) FILTER (WHERE status = 'charge_sheeted' AND police_disposal = 'final_report_true') = 1
	AND bool_and(police_disposal IS NULL OR (police_disposed_on = (now() AT TIME ZONE 'Asia/Kolkata')::date
		AND police_disposal_year = :y)),
	'990051: 3 charge-sheeted, 5 true (evidence, undetected, untraced, abated, and the original of the supplementary), 2 false, 1 open')
FROM reporting.fir_case WHERE state_code = 35 AND station_code = 990051 AND year = :y;

-- ------------------------------------------------------------ state table
-- 19 cases (6 + 11 + 2), population 4.0 lakh: rate 19 / 4.0 = 4.75 -> 4.8;
-- charge-sheeting 100 * 3 / (3 + 5) = 37.5.
SELECT pg_temp.check(count(*) = 1 AND min(s.cases) = 19 AND min(s.cases_1) = 0 AND min(s.cases_2) = 0
	AND min(s.population_lakhs) = 4.0 AND min(s.crime_rate) = 4.8
	AND min(s.charge_sheeted) = 3 AND min(s.final_report_true) = 5 AND min(s.chargesheeting_rate) = 37.5
	AND min(s.state_name) = 'Andaman and Nicobar Islands',
	'state_table for 35 this year: 19 cases, crime rate 4.8, charge-sheeting rate 37.5: '
	|| coalesce(string_agg(s::text, ';'), 'no row'))
FROM reporting.state_table s WHERE s.state_code = 35 AND s.year = :y;

-- ------------------------------------------------------------ district heads and monthly trend
SELECT pg_temp.check(string_agg(d.district_code || ':' || d.crime_head || '=' || d.cases, ',' ORDER BY d.district_code, d.crime_head)
	= '602:custodial_rape=1,602:murder=1,602:other_ipc_crimes=1,602:other_rape=1,602:other_theft=12,602:riots=1,603:cheating=2',
	'district_head_table for 35: ' || string_agg(d.district_code || ':' || d.crime_head || '=' || d.cases, ',' ORDER BY d.district_code, d.crime_head))
FROM reporting.district_head_table d WHERE d.state_code = 35 AND d.year = :y;
SELECT pg_temp.check(sum(t.cases) = 19 AND count(*) FILTER (WHERE t.crime_head = 'other_theft' AND t.cases = 12) = 1
	AND bool_and(t.month = :'m'::date),
	'monthly_trend for 35 this month adds up to 19 cases')
FROM reporting.monthly_trend t WHERE t.state_code = 35 AND t.month >= make_date(:y, 1, 1);

-- ------------------------------------------------------------ pendency
-- Nothing before this year: 0 pending at the start, 19 registered, 10
-- disposed (the supplementary case once), 9 pending: 9 / 19 = 47.4 %.
SELECT pg_temp.check(count(*) = 1 AND min(p.pending_at_start) = 0 AND min(p.registered) = 19
	AND min(p.disposed_by_police) = 10 AND min(p.pending_at_end) = 9 AND min(p.pendency_pct) = 47.4,
	'pendency for 35 this year: 0 + 19 - 10 = 9 pending, 47.4 %: ' || coalesce(string_agg(p::text, ';'), 'no row'))
FROM reporting.pendency p WHERE p.state_code = 35 AND p.year = :y;

-- ------------------------------------------------------------ what the analyst may read
SELECT pg_temp.check(NOT has_schema_privilege('core', 'USAGE') AND has_schema_privilege('reporting', 'USAGE')
	AND has_schema_privilege('ref', 'USAGE'),
	'the analyst uses schemas reporting and ref, not core');
SELECT pg_temp.check(bool_and(has_table_privilege(c.oid, 'SELECT')) AND count(*) >= 6,
	'the analyst reads every view of reporting (' || count(*) || ')')
FROM pg_class c WHERE c.relnamespace = 'reporting'::regnamespace AND c.relkind IN ('v', 'm', 'r');
SELECT pg_temp.check(bool_and(NOT has_table_privilege(c.oid, 'SELECT')) AND count(*) > 100,
	'the analyst reads no core table or partition (' || count(*) || ' checked)')
FROM pg_class c WHERE c.relnamespace = 'core'::regnamespace AND c.relkind IN ('r', 'p', 'v', 'm', 'S');
SELECT pg_temp.expect_error('SELECT count(*) FROM core.fir', '42501', NULL);
SELECT pg_temp.expect_error(format('SELECT count(*) FROM core.%I', 'fir_35_' || :y), '42501', NULL);
-- No column of a reporting view is personal data: no names of people, no
-- addresses, phones, facts or identity documents.
SELECT pg_temp.check(count(*) = 0, 'no reporting column looks like personal data: '
	|| coalesce(string_agg(c.relname || '.' || a.attname, ', '), ''))
FROM pg_class c JOIN pg_attribute a ON a.attrelid = c.oid AND a.attnum > 0
WHERE c.relnamespace = 'reporting'::regnamespace AND c.relkind IN ('v', 'm', 'r')
	AND a.attname ~ '(person|complainant|accused|address|phone|facts|aadhaar|officer|place|brief|line1|fir_no|fir_id)'
	AND NOT (c.relname = 'repeat_offenders' AND a.attname IN ('cases_as_accused', 'persons')); -- counts (0022)

-- ============================================================ across years
-- The api registers only now, so the cases of earlier years are copies, made
-- as the owner in a transaction that is rolled back: FIRs 1-5 of 990051
-- again one year earlier, FIRs 6-8 two years earlier (their diary entries,
-- charges and every date moved back with them), and a charge-sheet filed
-- today in the copy of FIR 1 (registered last year, disposed of this year).
\c - cctns_owner
\ir helpers.sql
SET client_min_messages = warning;
SELECT extract(year FROM now() AT TIME ZONE 'Asia/Kolkata')::int AS y \gset

-- Insert the row r (jsonb) into table tbl, every column but the generated.
CREATE FUNCTION pg_temp.insert_row(tbl text, r jsonb) RETURNS void LANGUAGE plpgsql AS $$
DECLARE
	cols text;
BEGIN
	SELECT string_agg(quote_ident(a.attname), ', ' ORDER BY a.attnum) INTO cols
	FROM pg_attribute a
	WHERE a.attrelid = tbl::regclass AND a.attnum > 0 AND NOT a.attisdropped AND a.attgenerated = '';
	EXECUTE format('INSERT INTO %s (%s) SELECT %s FROM jsonb_populate_record(NULL::%s, $1)', tbl, cols, cols, tbl)
		USING r;
END
$$;

-- The row r of table tbl with every date and time k years earlier (IST).
CREATE FUNCTION pg_temp.back(tbl text, r jsonb, k int) RETURNS jsonb LANGUAGE sql STABLE AS $$
	SELECT r || coalesce(jsonb_object_agg(a.attname, CASE WHEN a.atttypid = 'timestamptz'::regtype
		THEN to_jsonb((((r ->> a.attname)::timestamptz AT TIME ZONE 'Asia/Kolkata') - make_interval(years => k))
			AT TIME ZONE 'Asia/Kolkata')
		ELSE to_jsonb(((r ->> a.attname)::date - make_interval(years => k))::date) END), '{}')
	FROM pg_attribute a
	WHERE a.attrelid = tbl::regclass AND a.attnum > 0 AND a.attgenerated = ''
		AND a.atttypid IN ('timestamptz'::regtype, 'date'::regtype) AND r ->> a.attname IS NOT NULL
$$;

BEGIN;
SELECT core.ensure_partitions(35, :y - 1), core.ensure_partitions(35, :y - 2);
CREATE TEMPORARY TABLE copies ON COMMIT DROP AS
	SELECT f.fir_id AS old_id, nextval('core.fir_id_seq') AS new_id, CASE WHEN f.fir_no <= 5 THEN 1 ELSE 2 END AS k, f.fir_no
	FROM core.fir f WHERE f.state_code = 35 AND f.year = :y AND f.station_code = 990051 AND f.fir_no <= 8;
SELECT pg_temp.insert_row('core.gd_entry', pg_temp.back('core.gd_entry', to_jsonb(g), c.k)
	|| jsonb_build_object('year', :y - c.k, 'fir_year', :y - c.k))
FROM copies c JOIN core.fir f ON f.state_code = 35 AND f.year = :y AND f.fir_id = c.old_id
JOIN core.gd_entry g ON g.state_code = 35 AND g.year = f.year AND g.district_code = f.district_code
	AND g.station_code = f.station_code AND g.gd_date = f.gd_date AND g.gd_no = f.gd_no;
SELECT pg_temp.insert_row('core.fir', pg_temp.back('core.fir', to_jsonb(f), c.k)
	|| jsonb_build_object('fir_id', c.new_id, 'year', :y - c.k, 'status', 'under_investigation'))
FROM copies c JOIN core.fir f ON f.state_code = 35 AND f.year = :y AND f.fir_id = c.old_id;
SELECT pg_temp.insert_row('core.fir_charge', to_jsonb(x) || jsonb_build_object('fir_id', c.new_id, 'year', :y - c.k))
FROM copies c JOIN core.fir_charge x ON x.state_code = 35 AND x.year = :y AND x.fir_id = c.old_id;
SELECT pg_temp.insert_row('core.final_report', to_jsonb(r) || jsonb_build_object('fir_id', c.new_id, 'year', :y - c.k,
	'final_report_id', nextval('core.final_report_id_seq')))
FROM copies c JOIN core.final_report r ON r.state_code = 35 AND r.year = :y AND r.fir_id = c.old_id AND r.report_no = 1
WHERE c.fir_no = 1;

SELECT count(*) FROM reporting.refresh();
SELECT pg_temp.check(count(*) = 1 AND min(f.year) = :y - 1 AND min(f.police_disposal_year) = :y
	AND min(f.police_disposal) = 'charge_sheeted',
	'a case registered last year and charge-sheeted this year is disposed of this year')
FROM reporting.fir_case f WHERE f.state_code = 35 AND f.police_disposal IS NOT NULL AND f.year < :y;
-- This year: 19 cases, 5 the year before, 3 two years before; 4 charge-sheets
-- (one of last year's cases) and 5 true final reports: 100 * 4 / 9 = 44.4.
SELECT pg_temp.check(string_agg(concat_ws('|', s.year - :y, s.cases_2, s.cases_1, s.cases, coalesce(s.crime_rate::text, 'null'),
		s.charge_sheeted, s.final_report_true, coalesce(s.chargesheeting_rate::text, 'null')), ',' ORDER BY s.year)
	= '-2|0|0|3|null|0|0|null,-1|0|3|5|null|0|0|null,0|3|5|19|4.8|4|5|44.4',
	'state_table over three years (year - y|cases_2|cases_1|cases|rate|cs|true|cs rate): '
	|| string_agg(concat_ws('|', s.year - :y, s.cases_2, s.cases_1, s.cases, coalesce(s.crime_rate::text, 'null'),
		s.charge_sheeted, s.final_report_true, coalesce(s.chargesheeting_rate::text, 'null')), ',' ORDER BY s.year))
FROM reporting.state_table s WHERE s.state_code = 35;
-- Pendency: 3 pending after y-2, 8 after y-1; this year 8 + 19 - 11 = 16 of 27: 59.3 %.
SELECT pg_temp.check(string_agg(concat_ws('|', p.year - :y, p.pending_at_start, p.registered, p.disposed_by_police,
		p.pending_at_end, p.pendency_pct), ',' ORDER BY p.year)
	= '-2|0|3|0|3|100.0,-1|3|5|0|8|100.0,0|8|19|11|16|59.3',
	'pendency over three years (year - y|start|registered|disposed|end|pct): '
	|| string_agg(concat_ws('|', p.year - :y, p.pending_at_start, p.registered, p.disposed_by_police,
		p.pending_at_end, p.pendency_pct), ',' ORDER BY p.year))
FROM reporting.pendency p WHERE p.state_code = 35;
ROLLBACK;

-- ============================================================ cleanup of the test population
\c - cctns_owner
DELETE FROM ref.population_projection WHERE state_code = 35 AND source = 'reporting_checks.sql test value';

\echo reporting_checks.sql: all checks passed
