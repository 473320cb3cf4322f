-- reporting2_checks.sql: checks of migration 0021: persons arrested,
-- charge-sheeted and convicted (reporting.persons_table), property stolen
-- and recovered (property_table), court disposals and the conviction rate
-- (court_table), crimes against groups (case_group, group_table). Run by
-- run_api_checks.sh after reporting_checks.sql; api_checks.sql's cleanup
-- removes these stations' records on a second run. Any failed check raises
-- an exception and stops the run.
--
-- Hand-made cases in state 35, district 632 (North and Middle Andaman),
-- which no other check uses, so the district's figures for this year are
-- exactly these (reporting_checks.sql uses districts 602 and 603):
--   990055: persons: a murder with two arrested (both charge-sheeted, one
--           convicted), a theft with one arrested and one never arrested
--           (both charged and convicted), a theft whose original report is
--           undetected and a supplementary charge-sheet (not counted);
--   990056: property: stolen in FIRs, recovered by seizures of nature
--           stolen (a seizure of property involved does not count);
--   990057: court: one cheating case per kind of court disposal;
--   990058: groups: by section, special law and victims (sex, age, SC/ST),
--           the latest crime details version deciding.
-- Times: the checks expect to run within one IST day.

\set ON_ERROR_STOP 1

-- ============================================================ setup
\c - cctns_owner
SET client_min_messages = warning;
INSERT INTO ref.station (state_code, district_code, station_code, name, active) VALUES
	(35, 632, 990055, 'Test PS 990055 Mayabunder (reporting2: persons)', true),
	(35, 632, 990056, 'Test PS 990056 Mayabunder (reporting2: property)', true),
	(35, 632, 990057, 'Test PS 990057 Mayabunder (reporting2: court)', true),
	(35, 632, 990058, 'Test PS 990058 Mayabunder (reporting2: groups)', true),
	(35, 632, 990059, 'Test PS 990059 Mayabunder (reporting2: spare)', true)
ON CONFLICT DO NOTHING;

\ir helpers.sql
SET client_min_messages = warning;

-- Every new view and column is explained; the reference data is there.
SELECT pg_temp.check(string_agg(o, ', ') IS NULL, 'every 0021 view and column has a COMMENT (missing: '
	|| coalesce(string_agg(o, ', '), '') || ')')
FROM (
	SELECT c.oid::regclass::text || coalesce('.' || a.attname, '') AS o
	FROM pg_class c LEFT JOIN pg_attribute a ON a.attrelid = c.oid AND a.attnum > 0 AND NOT a.attisdropped
	WHERE c.oid IN ('reporting.persons_table'::regclass, 'reporting.property_table'::regclass,
		'reporting.court_table'::regclass, 'reporting.case_group'::regclass, 'reporting.group_table'::regclass,
		'core.case_head'::regclass, 'ref.property_kind'::regclass, 'ref.property_kind_alias'::regclass,
		'ref.court_disposal_outcome'::regclass, 'ref.crime_group'::regclass, 'ref.section_group'::regclass,
		'ref.special_law_group'::regclass)
		AND (obj_description(c.oid, 'pg_class') IS NULL OR col_description(c.oid, a.attnum) IS NULL)
) missing;
SELECT pg_temp.check(string_agg(a.attname, ',' ORDER BY a.attnum) = v.want, v.view || ' has the brief''s columns')
FROM (VALUES
	('reporting.persons_table', 'year,state_code,state_name,district_code,crime_head,arrested,charge_sheeted,convicted'),
	('reporting.property_table', 'year,state_code,district_code,property_kind,stolen_cases,value_stolen,value_recovered,recovery_pct'),
	('reporting.court_table', 'year,state_code,district_code,trials_completed,convicted,acquitted,discharged,conviction_rate'),
	('reporting.group_table', 'year,state_code,district_code,crime_group,cases'),
	('reporting.case_group', 'state_code,district_code,station_code,year,month,crime_group,by_section,by_victim')
) v (view, want)
JOIN pg_attribute a ON a.attrelid = v.view::regclass AND a.attnum > 0
GROUP BY v.view, v.want;
SELECT pg_temp.check((SELECT string_agg(code, ',' ORDER BY code) FROM ref.crime_group) = 'children,sc_st,senior_citizens,women'
	AND (SELECT count(*) FROM ref.section_group WHERE act = 'ipc' AND section IN ('354', '498A', '376', '304B') AND crime_group = 'women') = 4
	AND (SELECT count(*) FROM ref.section_group WHERE act = 'bns' AND section IN ('74', '85', '64', '80') AND crime_group = 'women') = 4
	AND (SELECT count(*) FROM ref.section_group WHERE act = 'bns' AND section = '65') = 2
	AND (SELECT crime_group FROM ref.special_law_group WHERE law = 'POCSO') = 'children',
	'ref.crime_group has the four groups; 354, 498A, 376, 304B and BNS 74, 85, 64, 80 are against women; BNS 65 women and children; POCSO children');
SELECT pg_temp.check(string_agg(kind || '=' || outcome || CASE WHEN trial_completed THEN '+' ELSE '' END, ',' ORDER BY kind)
	= 'abated=abated,acquitted=acquitted+,compounded=compounded,convicted=convicted+,discharged=discharged+,'
	'partly_convicted=convicted+,withdrawn=withdrawn',
	'each court disposal kind has its outcome; trials completed by conviction, acquittal, discharge')
FROM ref.court_disposal_outcome;

-- ============================================================ the cases, through the api
\c - cctns_server
\ir helpers.sql
\ir persons_helpers.sql
SET client_min_messages = warning;

-- The sample FIR (occurred 2026-11-20 18:30 IST) at a district-632 station
-- with these charges and properties; returns its number.
CREATE FUNCTION pg_temp.fir_at(station int, charges jsonb, props jsonb DEFAULT '[]') RETURNS text LANGUAGE sql VOLATILE AS $$
	SELECT r.fir_number FROM api.register_fir(35, 632, station, pg_temp.key(),
		jsonb_set(jsonb_set(pg_temp.sample() - 'properties', '{charges}', charges),
			'{place,address}', '{"line1": "Jetty Road", "city": "Mayabunder", "district_code": 632, "state_code": 35, "pincode": "744204"}')
		|| CASE WHEN props = '[]' THEN '{}'::jsonb ELSE jsonb_build_object('properties', props) END) r
$$;

-- An FIR under investigation by officer 1 with n arrests (A1, A2, ...).
CREATE FUNCTION pg_temp.case_at(station int, charges jsonb, n int) RETURNS text LANGUAGE plpgsql AS $$
DECLARE
	f text := pg_temp.fir_at(station, charges);
BEGIN
	PERFORM api.assign_io(35, 632, station, f, jsonb_build_object('io', pg_temp.officer(1), 'acting', pg_temp.officer(2)));
	FOR i IN 1..n LOOP
		PERFORM api.register_arrest(35, 632, station, pg_temp.key(), f, pg_temp.memo(now()));
	END LOOP;
	RETURN f;
END
$$;

-- An arrested accused charged under the section, in custody.
CREATE FUNCTION pg_temp.charged(code text, section text) RETURNS jsonb LANGUAGE sql STABLE AS $$
	SELECT jsonb_build_object('accused_code', code, 'sections', jsonb_build_array(jsonb_build_object('act', 'bns', 'section', section)),
		'status', 'in_custody', 'arrested_on', to_char(now() AT TIME ZONE 'Asia/Kolkata', 'YYYY-MM-DD'),
		'forwarded_on', to_char(now() AT TIME ZONE 'Asia/Kolkata', 'YYYY-MM-DD'))
$$;

-- File a final report of kind now, charging these accused.
CREATE FUNCTION pg_temp.file(station int, f text, kind text, charged jsonb, supplementary boolean DEFAULT false) RETURNS void
LANGUAGE sql VOLATILE AS $$
	SELECT FROM api.file_final_report(35, 632, station, pg_temp.key(), f,
		jsonb_build_object('kind', kind, 'court', 'Court of the Judicial Magistrate, Mayabunder',
			'filed_at', pg_temp.ist(now()), 'officer', pg_temp.officer(1), 'brief_facts', 'Investigation complete.')
		|| CASE WHEN kind = 'charge_sheet' THEN jsonb_build_object('charged', charged) ELSE '{}'::jsonb END
		|| CASE WHEN supplementary THEN '{"supplementary": true}'::jsonb ELSE '{}'::jsonb END)
$$;

-- Record the court's disposal today of kind, with these accused results.
CREATE FUNCTION pg_temp.dispose(station int, f text, kind text, accused jsonb) RETURNS void LANGUAGE sql VOLATILE AS $$
	SELECT FROM api.record_court_disposal(35, 632, station, pg_temp.key(), f,
		jsonb_build_object('kind', kind, 'court', 'Court of the Judicial Magistrate, Mayabunder',
			'judgement_date', to_char(now() AT TIME ZONE 'Asia/Kolkata', 'YYYY-MM-DD'),
			'accused', accused, 'officer', pg_temp.officer(4)))
$$;
CREATE FUNCTION pg_temp.convicted(code text, section text) RETURNS jsonb LANGUAGE sql IMMUTABLE AS $$
	SELECT jsonb_build_object('accused_code', code, 'result', 'convicted',
		'sections_convicted', jsonb_build_array(jsonb_build_object('act', 'bns', 'section', section)),
		'punishment', 'rigorous_imprisonment', 'period_months', 12)
$$;

-- ------------------------------------------------------------ 990055: persons
-- Murder (BNS 103(1) with 303(2): principal head murder): A1, A2 arrested and
-- charged; the court convicts A1 and acquits A2.
SELECT pg_temp.case_at(990055, '[{"act": "bns", "section": "303(2)"}, {"act": "bns", "section": "103(1)"}]', 2) AS p_murder \gset
SELECT pg_temp.file(990055, :'p_murder', 'charge_sheet',
	jsonb_build_array(pg_temp.charged('A1', '103(1)'), pg_temp.charged('A2', '103(1)')));
SELECT pg_temp.dispose(990055, :'p_murder', 'partly_convicted', jsonb_build_array(pg_temp.convicted('A1', '103(1)'),
	'{"accused_code": "A2", "result": "acquitted"}'::jsonb));
-- Theft: A1 arrested, charged with Mohan Lal (never arrested, absconding);
-- both convicted.
SELECT pg_temp.case_at(990055, '[{"act": "bns", "section": "303(2)"}]', 1) AS p_theft \gset
SELECT pg_temp.file(990055, :'p_theft', 'charge_sheet', jsonb_build_array(pg_temp.charged('A1', '303(2)'),
	'{"person": {"name": "Mohan Lal", "gender": "male"}, "sections": [{"act": "bns", "section": "303(2)"}], "status": "absconding"}'::jsonb));
SELECT pg_temp.dispose(990055, :'p_theft', 'convicted', jsonb_build_array(pg_temp.convicted('A1', '303(2)'),
	pg_temp.convicted('A1', '303(2)') - 'accused_code' || '{"person": {"name": "Mohan Lal"}}'::jsonb));
-- Theft: A1 arrested; original report undetected, then a supplementary
-- charge-sheet: A1 is not counted as charge-sheeted (original only).
SELECT pg_temp.case_at(990055, '[{"act": "bns", "section": "303(2)"}]', 1) AS p_supp \gset
SELECT pg_temp.file(990055, :'p_supp', 'undetected', NULL);
SELECT pg_temp.file(990055, :'p_supp', 'charge_sheet', jsonb_build_array(pg_temp.charged('A1', '303(2)')), true);

-- ------------------------------------------------------------ 990056: property
CREATE FUNCTION pg_temp.seize(f text, nature text, items jsonb) RETURNS void LANGUAGE sql VOLATILE AS $$
	SELECT FROM api.register_seizure(35, 632, 990056, pg_temp.key(), f,
		jsonb_build_object('nature', nature, 'place', 'Jetty Road, Mayabunder', 'seized_at', pg_temp.ist(now()),
			'witnesses', '[{"name": "Mohan Lal"}, {"name": "Sunita Devi"}]'::jsonb,
			'items', items, 'officer', pg_temp.officer(1)))
$$;
SELECT pg_temp.fir_at(990056, '[{"act": "bns", "section": "303(2)"}]',
	'[{"kind": "mobile_phone", "description": "Black phone", "value_rupees": 32000},
	  {"kind": "cash", "description": "Notes", "value_rupees": 10000}]') AS pr1 \gset
SELECT pg_temp.seize(:'pr1', 'stolen', '[{"kind": "mobile_phone", "description": "Black phone", "quantity": 1, "value_rupees": 20000}]');
SELECT pg_temp.fir_at(990056, '[{"act": "bns", "section": "305"}]',
	'[{"kind": " Gold_Chain ", "description": "22 carat", "value_rupees": 50000},
	  {"kind": "motorcycle", "description": "Red motorcycle", "value_rupees": 60000}]') AS pr2 \gset
SELECT pg_temp.seize(:'pr2', 'stolen', '[{"kind": "motorcycle", "description": "Red motorcycle", "quantity": 1, "value_rupees": 60000},
	{"kind": "cash", "description": "Notes", "quantity": 3000, "unit": "rupees", "value_rupees": 3000}]');
SELECT pg_temp.seize(:'pr2', 'involved', '[{"kind": "cash", "description": "Notes", "quantity": 5000, "unit": "rupees", "value_rupees": 5000}]');
SELECT pg_temp.fir_at(990056, '[{"act": "bns", "section": "303(2)"}]',
	'[{"kind": "painting", "description": "Oil on canvas", "value_rupees": 1000},
	  {"kind": "mobile_phone", "description": "Old phone"}]') AS pr3 \gset

-- ------------------------------------------------------------ 990057: court
-- One cheating case (BNS 318(4)) per disposal: A1 arrested and charged.
CREATE FUNCTION pg_temp.court_case(kind text, result jsonb) RETURNS void LANGUAGE plpgsql AS $$
DECLARE
	f text := pg_temp.case_at(990057, '[{"act": "bns", "section": "318(4)"}]', 1);
BEGIN
	PERFORM pg_temp.file(990057, f, 'charge_sheet', jsonb_build_array(pg_temp.charged('A1', '318(4)')));
	PERFORM pg_temp.dispose(990057, f, kind, jsonb_build_array(result));
END
$$;
SELECT pg_temp.court_case('convicted', pg_temp.convicted('A1', '318(4)'));
SELECT pg_temp.court_case(k, jsonb_build_object('accused_code', 'A1', 'result', r))
FROM (VALUES ('acquitted', 'acquitted'), ('discharged', 'discharged'), ('compounded', 'compounded'),
	('withdrawn', 'acquitted'), ('abated', 'abated')) v (k, r);

-- ------------------------------------------------------------ 990058: groups
-- Crime details now with these victims.
CREATE FUNCTION pg_temp.victims(f text, victims jsonb) RETURNS void LANGUAGE sql VOLATILE AS $$
	SELECT FROM api.record_crime_details(35, 632, 990058, pg_temp.key(), f,
		jsonb_set(pg_temp.cd(now()), '{victims}', victims))
$$;
CREATE FUNCTION pg_temp.victim(person jsonb, sc_st text DEFAULT 'none') RETURNS jsonb LANGUAGE sql IMMUTABLE AS $$
	SELECT jsonb_build_object('person', jsonb_build_object('name', 'Victim') || person, 'sc_st', sc_st, 'injury', 'simple')
$$;
-- g1: BNS 74 (assault on a woman): women by section.
SELECT pg_temp.fir_at(990058, '[{"act": "bns", "section": "74"}]') AS g1 \gset
-- g2: theft from a woman of 30: women by victim.
SELECT pg_temp.fir_at(990058, '[{"act": "bns", "section": "303(2)"}]') AS g2 \gset
SELECT pg_temp.victims(:'g2', jsonb_build_array(pg_temp.victim('{"gender": "female", "date_of_birth": "1996-01-01"}')));
-- g3: hurt to a boy of 10 and a Scheduled Caste man of 76: children,
-- senior citizens and sc_st by victim, one case in three groups.
SELECT pg_temp.fir_at(990058, '[{"act": "bns", "section": "115(2)"}]') AS g3 \gset
SELECT pg_temp.victims(:'g3', jsonb_build_array(pg_temp.victim('{"gender": "male", "date_of_birth": "2016-05-01"}'),
	pg_temp.victim('{"gender": "male", "year_of_birth": 1950}', 'sc')));
-- g4: POCSO only (no IPC/BNS charge): children by special law.
SELECT pg_temp.fir_at(990058, '[{"act": "special_local", "law": "POCSO", "section": "8"}]') AS g4 \gset
-- g5: BNS 65(2) (rape of a girl under 12): women and children by section.
SELECT pg_temp.fir_at(990058, '[{"act": "bns", "section": "65(2)"}]') AS g5 \gset
-- g6: a woman victim in version 1, a man in version 2: not women (the
-- latest version decides).
SELECT pg_temp.fir_at(990058, '[{"act": "bns", "section": "303(2)"}]') AS g6 \gset
SELECT pg_temp.victims(:'g6', jsonb_build_array(pg_temp.victim('{"gender": "female", "year_of_birth": 1990}')));
SELECT pg_temp.victims(:'g6', jsonb_build_array(pg_temp.victim('{"gender": "male", "year_of_birth": 1990}')));
-- g7: a man 18 on the day of the occurrence (not a child) and one known
-- only by year of birth, 60 in the year of the occurrence (senior citizen).
SELECT pg_temp.fir_at(990058, '[{"act": "bns", "section": "303(2)"}]') AS g7 \gset
SELECT pg_temp.victims(:'g7', jsonb_build_array(pg_temp.victim('{"gender": "male", "date_of_birth": "2008-11-20"}'),
	pg_temp.victim('{"gender": "male", "year_of_birth": 1966}')));

-- ============================================================ as the analyst
\c - cctns_analyst
SET default_transaction_read_only = off;
\ir helpers.sql
SET client_min_messages = warning;
SELECT extract(year FROM now() AT TIME ZONE 'Asia/Kolkata')::int AS y \gset

-- ------------------------------------------------------------ persons
-- murder: 2 arrested, 2 charged, 1 convicted; theft: 2 arrested (one per
-- case), 2 charged (A1 and the absconder; the supplementary one not),
-- 2 convicted; cheating (990057): 6 arrested, 6 charged, 1 convicted.
SELECT pg_temp.check(string_agg(concat_ws('|', p.crime_head, p.arrested, p.charge_sheeted, p.convicted), ',' ORDER BY p.crime_head)
	= 'cheating|6|6|1,murder|2|2|1,other_theft|2|2|2' AND bool_and(p.state_name = 'Andaman and Nicobar Islands'),
	'persons_table for district 632 (head|arrested|charge-sheeted|convicted): '
	|| coalesce(string_agg(concat_ws('|', p.crime_head, p.arrested, p.charge_sheeted, p.convicted), ',' ORDER BY p.crime_head), 'no row'))
FROM reporting.persons_table p WHERE p.state_code = 35 AND p.district_code = 632 AND p.year = :y;

-- ------------------------------------------------------------ property
-- electronic: 2 cases, 32000 stolen (a phone without value counts 0), 20000
-- recovered: 62.5 %; cash: 10000 stolen, 3000 recovered (the involved cash
-- not): 30.0 %; ' Gold_Chain ' is jewellery; painting is other.
SELECT pg_temp.check(string_agg(concat_ws('|', p.property_kind, p.stolen_cases, p.value_stolen, p.value_recovered, p.recovery_pct),
		',' ORDER BY p.property_kind)
	= 'cash|1|10000|3000|30.0,electronic|2|32000|20000|62.5,jewellery|1|50000|0|0.0,motor_vehicle|1|60000|60000|100.0,other|1|1000|0|0.0',
	'property_table for district 632 (kind|cases|stolen|recovered|pct): '
	|| coalesce(string_agg(concat_ws('|', p.property_kind, p.stolen_cases, p.value_stolen, p.value_recovered, p.recovery_pct),
		',' ORDER BY p.property_kind), 'no row'))
FROM reporting.property_table p WHERE p.state_code = 35 AND p.district_code = 632 AND p.year = :y;

-- ------------------------------------------------------------ court
-- Convicted: the partly convicted murder, the theft, one cheating case (3);
-- acquitted 1, discharged 1; compounded, withdrawn, abated are no completed
-- trial: 3 / 5 = 60.0 %.
SELECT pg_temp.check(count(*) = 1 AND min(c.trials_completed) = 5 AND min(c.convicted) = 3 AND min(c.acquitted) = 1
	AND min(c.discharged) = 1 AND min(c.conviction_rate) = 60.0,
	'court_table for district 632: 5 trials completed, 3 convicted, 1 acquitted, 1 discharged, 60.0 %: '
	|| coalesce(string_agg(c::text, ';'), 'no row'))
FROM reporting.court_table c WHERE c.state_code = 35 AND c.district_code = 632 AND c.year = :y;

-- ------------------------------------------------------------ groups
SELECT pg_temp.check(string_agg(g.crime_group || '=' || g.cases, ',' ORDER BY g.crime_group)
	= 'children=3,sc_st=1,senior_citizens=2,women=3',
	'group_table for district 632: ' || coalesce(string_agg(g.crime_group || '=' || g.cases, ',' ORDER BY g.crime_group), 'no row'))
FROM reporting.group_table g WHERE g.state_code = 35 AND g.district_code = 632 AND g.year = :y;
SELECT pg_temp.check(string_agg(concat_ws('|', g.crime_group, g.by_section, g.by_victim, n), ',' ORDER BY g.crime_group, g.by_section, g.by_victim)
	= 'children|f|t|1,children|t|f|2,sc_st|f|t|1,senior_citizens|f|t|2,women|f|t|1,women|t|f|2',
	'case_group at 990058 (group|by section|by victim|cases): '
	|| string_agg(concat_ws('|', g.crime_group, g.by_section, g.by_victim, n), ',' ORDER BY g.crime_group, g.by_section, g.by_victim))
FROM (SELECT crime_group, by_section, by_victim, count(*) AS n FROM reporting.case_group
	WHERE state_code = 35 AND station_code = 990058 AND year = :y GROUP BY 1, 2, 3) g;

-- ------------------------------------------------------------ what the analyst may read
SELECT pg_temp.check(bool_and(has_table_privilege(c.oid, 'SELECT')),
	'the analyst reads the new views and reference tables')
FROM pg_class c WHERE c.oid IN ('reporting.persons_table'::regclass, 'reporting.property_table'::regclass,
	'reporting.court_table'::regclass, 'reporting.case_group'::regclass, 'reporting.group_table'::regclass,
	'ref.property_kind'::regclass, 'ref.property_kind_alias'::regclass, 'ref.court_disposal_outcome'::regclass,
	'ref.crime_group'::regclass, 'ref.section_group'::regclass, 'ref.special_law_group'::regclass);
SELECT pg_temp.expect_error('SELECT count(*) FROM core.case_head', '42501', NULL);

\echo reporting2_checks.sql: all checks passed
