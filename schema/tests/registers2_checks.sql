-- registers2_checks.sql: checks of the missing persons, unnatural death (UD)
-- and vehicle registers (migration 0015) against a real, migrated CCTNS
-- database: every rule of the api functions and of the tables. Run by
-- run_api_checks.sh after api_checks.sql, whose cleanup deletes the rows of
-- test stations (>= 990000) of these tables on a second run. Test stations:
-- 990035 (missing persons), 990036 (unnatural deaths), 990037 and 990038
-- (vehicles, two stations of one state), 990039 (another station: its FIRs
-- and reads). Any failed check raises an exception and stops the run.

\set ON_ERROR_STOP 1

-- ============================================================ setup (owner)
\c - cctns_owner
SET client_min_messages = warning;
INSERT INTO ref.station (state_code, district_code, station_code, name, active) VALUES
	(9, 118, 990035, 'Test PS 990035 Agra (missing persons)', true),
	(9, 118, 990036, 'Test PS 990036 Agra (unnatural deaths)', true),
	(9, 118, 990037, 'Test PS 990037 Agra (vehicles)', true),
	(9, 118, 990038, 'Test PS 990038 Agra (vehicles, second)', true),
	(9, 118, 990039, 'Test PS 990039 Agra (another station)', true)
ON CONFLICT DO NOTHING;

-- ============================================================ as cctns_server
\c - cctns_server
\ir helpers.sql
SET client_min_messages = warning;
SELECT extract(year FROM now() AT TIME ZONE 'Asia/Kolkata')::int AS y \gset
-- The time every sample is made from (each statement has its own now()).
SELECT set_config('r2.t0', date_trunc('second', now())::text, false) IS NOT NULL AS t0_set \gset

-- A missing person report (an adult, by stated age) missing since 2 days
-- ago, reported a day ago, by officer 1. Names made up.
CREATE FUNCTION pg_temp.mp() RETURNS jsonb LANGUAGE sql STABLE AS $json$
SELECT $${
  "person": {"name": "Ram Swaroop", "gender": "male", "occupation": "Retired"},
  "age_years": 67,
  "descriptive_roll": {"height_cm": 165, "hair": "grey"},
  "last_seen_place": {"beat": "Beat 2", "direction": "ne", "distance_m": 2200},
  "circumstances": "Went for a walk and did not return.",
  "clothing": "White kurta-pyjama",
  "informant": {"name": "Sunita Devi", "gender": "female", "year_of_birth": 1985},
  "relation_to_missing": "daughter-in-law"
}$$::jsonb || jsonb_build_object('missing_since', pg_temp.ist(current_setting('r2.t0')::timestamptz - interval '2 days'),
	'reported_at', pg_temp.ist(current_setting('r2.t0')::timestamptz - interval '1 day'), 'officer', pg_temp.officer(1))
$json$;

-- The same person as a child of 12 (by date of birth).
CREATE FUNCTION pg_temp.child() RETURNS jsonb LANGUAGE sql STABLE AS $$
	SELECT (pg_temp.mp() - 'age_years') || jsonb_build_object('person', jsonb_build_object('name', 'Pooja Kumari',
		'gender', 'female', 'date_of_birth', to_char(now() - interval '12 years 3 months', 'YYYY-MM-DD')))
$$;

CREATE FUNCTION pg_temp.mp_sql(station int, report jsonb) RETURNS text LANGUAGE sql VOLATILE AS $$
	SELECT format('SELECT * FROM api.register_missing_person(9, 118, %s, %L::bytea, %L::jsonb)',
		station, pg_temp.key(), report)
$$;

CREATE FUNCTION pg_temp.traced_sql(station int, number text, req jsonb) RETURNS text LANGUAGE sql VOLATILE AS $$
	SELECT format('SELECT * FROM api.mark_missing_traced(9, 118, %s, %L::bytea, %L, %L::jsonb)',
		station, pg_temp.key(), number, req)
$$;

-- An unidentified body found 2 days ago, its inquest an hour later.
CREATE FUNCTION pg_temp.ud() RETURNS jsonb LANGUAGE sql STABLE AS $json$
SELECT $${
  "kind": "unidentified_body",
  "place": {"beat": "Beat 7", "address": {"line1": "Dussehra Ghat", "city": "Agra",
            "district_code": 118, "state_code": 9}},
  "apparent_cause": "drowning",
  "deceased": {"gender": "male"},
  "apparent_age_from": 35, "apparent_age_to": 45, "height_cm": 168,
  "descriptive_roll": {"tattoos": "right forearm"},
  "clothing": "Blue shirt", "articles_found": "A key ring",
  "informant": {"name": "Kallu Nishad", "occupation": "Boatman"}
}$$::jsonb || jsonb_build_object('found_at', pg_temp.ist(current_setting('r2.t0')::timestamptz - interval '2 days'),
	'inquest_at', pg_temp.ist(current_setting('r2.t0')::timestamptz - interval '2 days' + interval '1 hour'),
	'inquest_officer', pg_temp.officer(3),
	'post_mortem', jsonb_build_object('hospital', 'S.N. Medical College',
		'date', to_char((now() AT TIME ZONE 'Asia/Kolkata')::date - 1, 'YYYY-MM-DD')),
	'officer', pg_temp.officer(1))
$json$;

CREATE FUNCTION pg_temp.ud_sql(station int, report jsonb) RETURNS text LANGUAGE sql VOLATILE AS $$
	SELECT format('SELECT * FROM api.register_unnatural_death(9, 118, %s, %L::bytea, %L::jsonb)',
		station, pg_temp.key(), report)
$$;

CREATE FUNCTION pg_temp.identify(at timestamptz) RETURNS jsonb LANGUAGE sql STABLE AS $$
	SELECT jsonb_build_object('deceased', '{"name": "Shiv Charan", "year_of_birth": 1986}'::jsonb,
		'identified_by', '{"name": "Ramesh Charan"}'::jsonb, 'identified_at', pg_temp.ist(at),
		'officer', pg_temp.officer(1))
$$;

CREATE FUNCTION pg_temp.identify_sql(station int, ud_number text, req jsonb) RETURNS text LANGUAGE sql VOLATILE AS $$
	SELECT format('SELECT * FROM api.identify_body(9, 118, %s, %L::bytea, %L, %L::jsonb)',
		station, pg_temp.key(), ud_number, req)
$$;

-- A stolen motorcycle, stolen 3 days ago.
CREATE FUNCTION pg_temp.vehicle() RETURNS jsonb LANGUAGE sql STABLE AS $json$
SELECT $${
  "kind": "stolen", "registration_number": "UP 80 AB 1234", "chassis_number": "MBLHAR073LHA12345",
  "engine_number": "HA11EJL9A12345", "vehicle_type": "two_wheeler", "make": "Hero",
  "model": "Splendor Plus", "colour": "black", "model_year": 2021,
  "place": {"beat": "Beat 4"},
  "owner": {"name": "Deepak Verma", "phone": "+91 90000 00024"}
}$$::jsonb || jsonb_build_object('at', pg_temp.ist(current_setting('r2.t0')::timestamptz - interval '3 days'),
	'officer', pg_temp.officer(1))
$json$;

CREATE FUNCTION pg_temp.vehicle_sql(station int, report jsonb) RETURNS text LANGUAGE sql VOLATILE AS $$
	SELECT format('SELECT * FROM api.report_vehicle(9, 118, %s, %L::bytea, %L::jsonb)',
		station, pg_temp.key(), report)
$$;

-- ------------------------------------------------------------ missing persons: the child rule
SELECT pg_temp.expect_error(pg_temp.mp_sql(990035, pg_temp.child()), 'CT400', 'fir_number',
	'a missing child (under 18 when missing) always results in an FIR: register the FIR first (kidnapping, BNS 137)%');
SELECT pg_temp.expect_error(pg_temp.mp_sql(990035, pg_temp.mp() - 'age_years'
		|| jsonb_build_object('person', jsonb_build_object('name', 'A', 'year_of_birth', :y - 17))),
	'CT400', 'fir_number', '%register the FIR first%');
SELECT pg_temp.expect_error(pg_temp.mp_sql(990035, pg_temp.mp() - 'age_years'
		|| jsonb_build_object('person', jsonb_build_object('name', 'A', 'year_of_birth', :y - 18))),
	'CT400', 'fir_number', '%register the FIR first%');
SELECT pg_temp.expect_error(pg_temp.mp_sql(990035, pg_temp.mp() || '{"age_years": 17}'),
	'CT400', 'fir_number', '%register the FIR first%');
-- An FIR of another station, or none, is no FIR of this station.
SELECT fir_number AS other_fir FROM api.register_fir(9, 118, 990039, pg_temp.key(), pg_temp.sample()) \gset
SELECT pg_temp.expect_error(pg_temp.mp_sql(990035, pg_temp.child() || jsonb_build_object('fir_number', :'other_fir')),
	'CT400', 'fir_number', 'there is no FIR 0001/% at this station: a missing child''s report needs an FIR of this station;%');
SELECT pg_temp.expect_error(pg_temp.mp_sql(990035, pg_temp.child() || '{"fir_number": "12"}'),
	'CT400', 'fir_number', '%not an FIR number%');
SELECT pg_temp.check(NOT EXISTS (SELECT 1 FROM api.get_gd(9, 118, 990035, '') g, jsonb_array_elements(g -> 'entries') e),
	'refused reports leave no diary entry (and use up no number: the next report is 0001)');

-- An adult (stated age 18, or born 19 years ago) needs no FIR.
SELECT (r.receipt ->> 'number') = '0001/' || :y AND NOT r.receipt ? 'child' AND NOT r.receipt ? 'fir_number' AS ok
FROM api.register_missing_person(9, 118, 990035, '\x35000000000000000000000000000001', pg_temp.mp() || '{"age_years": 18}') r \gset
SELECT pg_temp.check(:'ok', 'an adult of 18 by stated age is 0001/' || :y || ', no child, no FIR');
SELECT pg_temp.check((r.receipt ->> 'number') = '0002/' || :y, 'born 19 years ago: no FIR needed, 0002')
FROM api.register_missing_person(9, 118, 990035, pg_temp.key(), pg_temp.mp() - 'age_years'
	|| jsonb_build_object('person', jsonb_build_object('name', 'A', 'year_of_birth', :y - 19))) r;

-- With an FIR of its own station the child's report is registered, on the FIR's timeline.
SELECT fir_number AS child_fir FROM api.register_fir(9, 118, 990035, pg_temp.key(), pg_temp.sample()) \gset
SELECT r.receipt AS child_receipt
FROM api.register_missing_person(9, 118, 990035, pg_temp.key(), pg_temp.child() || jsonb_build_object('fir_number', :'child_fir')) r \gset
SELECT pg_temp.check((:'child_receipt'::jsonb ->> 'child')::boolean AND :'child_receipt'::jsonb ->> 'fir_number' = :'child_fir'
		AND :'child_receipt'::jsonb ->> 'number' = '0003/' || :y,
	'the child''s report with its FIR is 0003, a child''s, with the FIR');
SELECT pg_temp.check(e ->> 'kind' = 'missing_person' AND e ->> 'summary' = 'Missing person report 0003/' || :y || ' registered (a child)'
		AND e ->> 'status' = 'registered' AND (e ->> 'gd_number')::int = (:'child_receipt'::jsonb ->> 'gd_number')::int,
	'the FIR''s timeline has the event missing_person with the report''s diary entry')
FROM api.case_timeline(9, 118, 990035, :'child_fir') t, jsonb_array_elements(t -> 'events') e WHERE e ->> 'kind' <> 'fir_registered';
SELECT pg_temp.check(e ->> 'kind' = 'missing_person' AND e ->> 'fir_number' = :'child_fir'
		AND e ->> 'text' = 'Missing person report 0003/' || :y || ' registered (a child), FIR ' || :'child_fir'
		AND e -> 'officer' = pg_temp.officer(1),
	'the diary entry names the report and the FIR, no person')
FROM api.get_gd(9, 118, 990035, '') g, jsonb_array_elements(g -> 'entries') e
WHERE (e ->> 'number')::int = (:'child_receipt'::jsonb ->> 'gd_number')::int;

-- Ages, heights, times.
SELECT pg_temp.expect_error(pg_temp.mp_sql(990035, pg_temp.mp() || '{"age_years": 121}'), 'CT400', 'age_years',
	'121 years is not a human age (0 to 120)');
SELECT pg_temp.expect_error(pg_temp.mp_sql(990035, pg_temp.child() || '{"age_years": 12}'), 'CT400', 'age_years',
	'%not known%');
SELECT pg_temp.expect_error(pg_temp.mp_sql(990035, pg_temp.mp() || '{"descriptive_roll": {"height_cm": 29}}'),
	'CT400', 'descriptive_roll.height_cm', '29 cm is not a human height (30 to 250)');
SELECT pg_temp.expect_error(pg_temp.mp_sql(990035, pg_temp.mp() || '{"descriptive_roll": {"height_cm": 251}}'),
	'CT400', 'descriptive_roll.height_cm');
SELECT pg_temp.expect_error(pg_temp.mp_sql(990035, pg_temp.mp() || jsonb_build_object('missing_since',
	pg_temp.ist(now() + interval '1 hour'))), 'CT400', 'missing_since', '%in the future');
SELECT pg_temp.expect_error(pg_temp.mp_sql(990035, pg_temp.mp() || jsonb_build_object('reported_at',
	pg_temp.ist(now() - interval '3 days'))), 'CT400', 'reported_at', '%before missing_since%');
SELECT pg_temp.expect_error(pg_temp.mp_sql(990035, pg_temp.mp() - 'age_years' || jsonb_build_object('person',
	jsonb_build_object('name', 'A', 'date_of_birth', to_char(now() AT TIME ZONE 'Asia/Kolkata', 'YYYY-MM-DD')))),
	'CT400', 'person.date_of_birth', '%after missing_since%');
SELECT pg_temp.expect_error(pg_temp.mp_sql(990035, pg_temp.mp() - 'age_years' || jsonb_build_object('person',
	jsonb_build_object('name', 'A', 'date_of_birth', '1900-01-01'))), 'CT400', 'person.date_of_birth', '%not a human age%');
SELECT pg_temp.expect_error(pg_temp.mp_sql(990035, pg_temp.mp() || '{"person": {"gender": "male"}}'), 'CT400', 'person.name');
SELECT pg_temp.expect_error(pg_temp.mp_sql(990035, pg_temp.mp() - 'informant'), 'CT400', 'informant');
SELECT pg_temp.expect_error(pg_temp.mp_sql(990035, pg_temp.mp() - 'officer'), 'CT400', 'officer');
SELECT pg_temp.expect_error(pg_temp.mp_sql(990035, pg_temp.mp() || '{"colour": "red"}'), 'CT400', 'colour', '%unknown field%');

-- A person on record named by person_id: their recorded details fill the report.
SELECT (r.receipt ->> 'number') AS by_id FROM api.register_missing_person(9, 118, 990035, pg_temp.key(),
	pg_temp.mp() - 'age_years' || jsonb_build_object('fir_number', :'child_fir', 'person', jsonb_build_object('person_id',
		(SELECT (m -> 'report' -> 'person' ->> 'person_id') FROM api.get_missing_person(9, 118, 990035, '3/' || :y) m)))) r \gset
SELECT pg_temp.check(m -> 'report' -> 'person' ->> 'name' = 'Pooja Kumari'
		AND m -> 'report' -> 'person' ->> 'person_id' = c -> 'report' -> 'person' ->> 'person_id'
		AND (m -> 'receipt' ->> 'child')::boolean,
	'a report naming a person by person_id copies the recorded person, a child by the recorded date of birth')
FROM api.get_missing_person(9, 118, 990035, :'by_id') m, api.get_missing_person(9, 118, 990035, '3/' || :y) c;
SELECT pg_temp.expect_error(pg_temp.mp_sql(990035, pg_temp.mp() || '{"person": {"person_id": 999999999999}}'),
	'CT400', 'person.person_id', '%no person%');

-- Idempotency.
SELECT pg_temp.check(r.replayed AND r.receipt ->> 'number' = '0001/' || :y, 'the same key and content replays 0001')
FROM api.register_missing_person(9, 118, 990035, '\x35000000000000000000000000000001', pg_temp.mp() || '{"age_years": 18}') r;
SELECT pg_temp.expect_error(format('SELECT * FROM api.register_missing_person(9, 118, 990035, %L::bytea, %L::jsonb)',
	'\x35000000000000000000000000000001', pg_temp.mp() || '{"age_years": 19}'), 'CT409', NULL, '%different content%');

-- Round trip: the report reads back as given, with its persons linked.
SELECT pg_temp.check((m -> 'report') - 'person' - 'informant' = (pg_temp.mp() || '{"age_years": 18}') - 'person' - 'informant'
		AND (m -> 'report' -> 'person') - 'person_id' = pg_temp.mp() -> 'person'
		AND (m -> 'report' -> 'informant') - 'person_id' = pg_temp.mp() -> 'informant'
		AND m -> 'receipt' ->> 'number' = '0001/' || :y AND NOT m ? 'trace',
	'get_missing_person: the report round-trips field for field')
FROM api.get_missing_person(9, 118, 990035, '1/' || :y) m;
SELECT pg_temp.expect_error(format('SELECT api.get_missing_person(9, 118, 990039, %L)', '1/' || :y), 'CT404', 'number',
	'no missing person report 0001/% at this station');
SELECT pg_temp.expect_error('SELECT api.get_missing_person(9, 118, 990035, ''UD 1/2026'')', 'CT400', 'number');

-- Traced: once, not before missing, not in the future, only by its station.
SELECT jsonb_build_object('how', 'found_by_police', 'place', '{"beat": "Beat 9"}'::jsonb, 'officer', pg_temp.officer(2)) AS tr \gset
SELECT pg_temp.expect_error(pg_temp.traced_sql(990039, '1/' || :y, :'tr'::jsonb || jsonb_build_object('traced_at', pg_temp.ist(now()))),
	'CT404', 'number');
SELECT pg_temp.expect_error(pg_temp.traced_sql(990035, '1/' || :y, :'tr'::jsonb || jsonb_build_object('traced_at',
	pg_temp.ist(now() - interval '3 days'))), 'CT400', 'traced_at', '%before the person went missing%');
SELECT pg_temp.expect_error(pg_temp.traced_sql(990035, '1/' || :y, :'tr'::jsonb || jsonb_build_object('traced_at',
	pg_temp.ist(now() + interval '1 hour'))), 'CT400', 'traced_at', '%future%');
SELECT pg_temp.expect_error(pg_temp.traced_sql(990035, '1/' || :y, :'tr'::jsonb || jsonb_build_object('traced_at',
	pg_temp.ist(now()), 'how', 'ran_away')), 'CT400', 'how');
SELECT pg_temp.check(r.receipt -> 'trace' ->> 'how' = 'found_by_police' AND r.receipt ->> 'number' = '0001/' || :y,
	'the report is traced')
FROM api.mark_missing_traced(9, 118, 990035, pg_temp.key(), '0001/' || :y, :'tr'::jsonb
	|| jsonb_build_object('traced_at', pg_temp.ist(date_trunc('second', now())))) r;
SELECT pg_temp.expect_error(pg_temp.traced_sql(990035, '1/' || :y, :'tr'::jsonb || jsonb_build_object('traced_at', pg_temp.ist(now()))),
	'CT409', 'number', '%already marked traced%');
SELECT pg_temp.check(m -> 'trace' -> 'place' ->> 'beat' = 'Beat 9' AND m -> 'trace' -> 'officer' = pg_temp.officer(2),
	'the tracing reads back')
FROM api.get_missing_person(9, 118, 990035, '1/' || :y) m;
SELECT pg_temp.check(r.receipt -> 'trace' ->> 'how' = 'returned_home', 'a child''s report is traced; the event is on its FIR')
FROM api.mark_missing_traced(9, 118, 990035, pg_temp.key(), '3/' || :y, jsonb_build_object('how', 'returned_home',
	'traced_at', pg_temp.ist(date_trunc('second', now())), 'officer', pg_temp.officer(1))) r;
SELECT pg_temp.check(count(*) = 3, 'the FIR''s timeline has three missing_person events: two reports and a tracing')
FROM api.case_timeline(9, 118, 990035, :'child_fir') t, jsonb_array_elements(t -> 'events') e WHERE e ->> 'kind' = 'missing_person';

-- ------------------------------------------------------------ unnatural deaths
SELECT pg_temp.expect_error(pg_temp.ud_sql(990036, pg_temp.ud() || '{"deceased": {"gender": "male", "name": "Shiv"}}'),
	'CT400', 'deceased.name', '%only what is seen%');
SELECT pg_temp.expect_error(pg_temp.ud_sql(990036, pg_temp.ud() || '{"deceased": {"date_of_birth": "1990-01-01"}}'),
	'CT400', 'deceased.date_of_birth');
SELECT pg_temp.expect_error(pg_temp.ud_sql(990036, pg_temp.ud() || '{"kind": "unnatural_death"}'), 'CT400', 'deceased.name');
SELECT pg_temp.expect_error(pg_temp.ud_sql(990036, pg_temp.ud() || '{"kind": "suicide"}'), 'CT400', 'kind');
SELECT pg_temp.expect_error(pg_temp.ud_sql(990036, pg_temp.ud() || '{"apparent_cause": "murder"}'), 'CT400', 'apparent_cause');
SELECT pg_temp.expect_error(pg_temp.ud_sql(990036, pg_temp.ud() || '{"apparent_age_to": 121}'), 'CT400', 'apparent_age_to',
	'121 years is not a human age (0 to 120)');
SELECT pg_temp.expect_error(pg_temp.ud_sql(990036, pg_temp.ud() || '{"apparent_age_from": 50}'), 'CT400', 'apparent_age_from',
	'%above apparent_age_to%');
SELECT pg_temp.expect_error(pg_temp.ud_sql(990036, pg_temp.ud() - 'apparent_age_to'), 'CT400', 'apparent_age_to', '%required%');
SELECT pg_temp.expect_error(pg_temp.ud_sql(990036, pg_temp.ud() || '{"height_cm": 25}'), 'CT400', 'height_cm',
	'25 cm is not a human height (30 to 250)');
SELECT pg_temp.expect_error(pg_temp.ud_sql(990036, pg_temp.ud() || '{"descriptive_roll": {"height_cm": 168}}'),
	'CT400', 'descriptive_roll.height_cm', '%height_cm%');
SELECT pg_temp.expect_error(pg_temp.ud_sql(990036, pg_temp.ud() || jsonb_build_object('found_at', pg_temp.ist(now() + interval '1 hour'))),
	'CT400', 'found_at', '%future');
SELECT pg_temp.expect_error(pg_temp.ud_sql(990036, pg_temp.ud() || jsonb_build_object('inquest_at',
	pg_temp.ist(now() - interval '3 days'))), 'CT400', 'inquest_at', '%before found_at%');
SELECT pg_temp.expect_error(pg_temp.ud_sql(990036, pg_temp.ud() - 'inquest_officer'), 'CT400', 'inquest_officer', '%who held%');
SELECT pg_temp.expect_error(pg_temp.ud_sql(990036, pg_temp.ud() || '{"inquest_magistrate": "SDM Sadar"}'),
	'CT400', 'inquest_magistrate');
SELECT pg_temp.expect_error(pg_temp.ud_sql(990036, pg_temp.ud() - 'inquest_at'), 'CT400', 'inquest_at', '%required%');
SELECT pg_temp.expect_error(pg_temp.ud_sql(990036, pg_temp.ud() || jsonb_build_object('post_mortem', jsonb_build_object(
	'hospital', 'X', 'date', to_char((now() AT TIME ZONE 'Asia/Kolkata')::date - 3, 'YYYY-MM-DD')))),
	'CT400', 'post_mortem.date', '%before the body was found%');
SELECT pg_temp.expect_error(pg_temp.ud_sql(990036, pg_temp.ud() || jsonb_build_object('post_mortem', jsonb_build_object(
	'hospital', 'X', 'date', to_char((now() AT TIME ZONE 'Asia/Kolkata')::date + 1, 'YYYY-MM-DD')))),
	'CT400', 'post_mortem.date', '%future%');
SELECT pg_temp.expect_error(pg_temp.ud_sql(990036, pg_temp.ud() || '{"post_mortem": {"hospital": "X"}}'),
	'CT400', 'post_mortem.date', '%required%');
SELECT pg_temp.expect_error(pg_temp.ud_sql(990036, pg_temp.ud() || jsonb_build_object('fir_number', :'other_fir')),
	'CT400', 'fir_number', 'there is no FIR % at this station');

SELECT pg_temp.check(r.receipt ->> 'ud_number' = 'UD 0001/' || :y AND NOT r.replayed, 'the body is UD 0001')
FROM api.register_unnatural_death(9, 118, 990036, pg_temp.key(), pg_temp.ud()) r;
SELECT pg_temp.check(u -> 'receipt' ->> 'ud_number' = 'UD 0001/' || :y
		AND (u -> 'report') - 'informant' = pg_temp.ud() - 'informant' AND NOT u ? 'identification',
	format('get_unnatural_death(%L): the report round-trips', n))
FROM unnest(ARRAY['UD 0001/' || :y, 'UD-1/' || :y, 'ud1/' || :y, '1/' || :y]) n,
	api.get_unnatural_death(9, 118, 990036, n) u;
SELECT pg_temp.expect_error('SELECT api.get_unnatural_death(9, 118, 990036, ''XY 1/2026'')', 'CT400', 'ud_number');
SELECT pg_temp.expect_error(format('SELECT api.get_unnatural_death(9, 118, 990039, %L)', 'UD 1/' || :y), 'CT404', 'ud_number');
SELECT pg_temp.check(e ->> 'kind' = 'unidentified_body'
		AND e ->> 'text' = 'Unidentified dead body UD 0001/' || :y || ': found, apparent cause drowning',
	'the diary entry names the UD number and the apparent cause')
FROM api.get_gd(9, 118, 990036, '') g, jsonb_array_elements(g -> 'entries') e;

-- Identification: once, not before it was found, by its own station.
SELECT pg_temp.expect_error(pg_temp.identify_sql(990036, 'UD 1/' || :y, pg_temp.identify(now() - interval '3 days')),
	'CT400', 'identified_at', '%before the body was found%');
SELECT pg_temp.expect_error(pg_temp.identify_sql(990036, 'UD 1/' || :y, pg_temp.identify(now()) - 'identified_by'),
	'CT400', 'identified_by');
SELECT pg_temp.expect_error(pg_temp.identify_sql(990036, 'UD 1/' || :y, pg_temp.identify(now())
	|| '{"deceased": {"gender": "male"}}'), 'CT400', 'deceased.name');
SELECT pg_temp.expect_error(pg_temp.identify_sql(990039, 'UD 1/' || :y, pg_temp.identify(now())), 'CT404', 'ud_number');
SELECT pg_temp.check(r.receipt -> 'identification' -> 'deceased' ->> 'name' = 'Shiv Charan', 'the body is identified')
FROM api.identify_body(9, 118, 990036, pg_temp.key(), 'UD-0001/' || :y, pg_temp.identify(date_trunc('second', now()))) r;
SELECT pg_temp.expect_error(pg_temp.identify_sql(990036, 'UD 1/' || :y, pg_temp.identify(now())), 'CT409', 'ud_number',
	'%already identified%');

-- A known person's unnatural death with an FIR: an event on the FIR, no body to identify.
SELECT fir_number AS ud_fir FROM api.register_fir(9, 118, 990036, pg_temp.key(), pg_temp.sample()) \gset
SELECT pg_temp.check(r.receipt ->> 'ud_number' = 'UD 0002/' || :y AND r.receipt ->> 'fir_number' = :'ud_fir',
	'an unnatural death with its FIR is UD 0002')
FROM api.register_unnatural_death(9, 118, 990036, pg_temp.key(), pg_temp.ud() || jsonb_build_object('kind', 'unnatural_death',
	'apparent_cause', 'hanging', 'deceased', '{"name": "Babu Lal", "year_of_birth": 1960}'::jsonb, 'fir_number', :'ud_fir')) r;
SELECT pg_temp.check(e ->> 'summary' = 'Unnatural death UD 0002/' || :y || ': reported, apparent cause hanging',
	'the FIR''s timeline has the event unnatural_death')
FROM api.case_timeline(9, 118, 990036, :'ud_fir') t, jsonb_array_elements(t -> 'events') e WHERE e ->> 'kind' = 'unnatural_death';
SELECT pg_temp.expect_error(pg_temp.identify_sql(990036, 'UD 2/' || :y, pg_temp.identify(now())), 'CT409', 'ud_number',
	'%not an unidentified body%');

-- ------------------------------------------------------------ vehicles
SELECT pg_temp.expect_error(pg_temp.vehicle_sql(990037, pg_temp.vehicle() || jsonb_build_object('registration_number', n)),
	'CT400', 'registration_number', '%such as UP 32 AB 1234%')
FROM unnest(ARRAY['ZZ 12 AB 1234', 'UP 32 AB 12345', '1234', 'UPAB', 'UP32-AB-1234X9']) n;
SELECT pg_temp.expect_error(pg_temp.vehicle_sql(990037, pg_temp.vehicle() || '{"registration_number": "UP_32_AB_1234"}'),
	'CT400', 'registration_number', '%characters other than%');
SELECT pg_temp.expect_error(pg_temp.vehicle_sql(990037, pg_temp.vehicle() - 'registration_number' - 'chassis_number' - 'engine_number'),
	'CT400', 'registration_number', '%unless the chassis or engine number%');
SELECT pg_temp.expect_error(pg_temp.vehicle_sql(990037, pg_temp.vehicle() || '{"chassis_number": "MBLHAR073LHO12345"}'),
	'CT400', 'chassis_number', '%I, O or Q%');
SELECT pg_temp.expect_error(pg_temp.vehicle_sql(990037, pg_temp.vehicle() || '{"chassis_number": "AB12"}'),
	'CT400', 'chassis_number');
SELECT pg_temp.expect_error(pg_temp.vehicle_sql(990037, pg_temp.vehicle() || '{"engine_number": "HA11*12345"}'),
	'CT400', 'engine_number');
SELECT pg_temp.expect_error(pg_temp.vehicle_sql(990037, pg_temp.vehicle() || jsonb_build_object('at', pg_temp.ist(now() + interval '1 hour'))),
	'CT400', 'at', '%future');
SELECT pg_temp.expect_error(pg_temp.vehicle_sql(990037, pg_temp.vehicle() || jsonb_build_object('model_year', :y + 2)),
	'CT400', 'model_year', '%not a model year%');
SELECT pg_temp.expect_error(pg_temp.vehicle_sql(990037, pg_temp.vehicle() || '{"vehicle_type": "ship"}'), 'CT400', 'vehicle_type');
SELECT pg_temp.expect_error(pg_temp.vehicle_sql(990037, pg_temp.vehicle() || '{"owner": {"gender": "male"}}'), 'CT400', 'owner.name');
SELECT pg_temp.expect_error(pg_temp.vehicle_sql(990037, pg_temp.vehicle() || jsonb_build_object('fir_number', :'other_fir')),
	'CT400', 'fir_number', 'there is no FIR % at this station');

SELECT pg_temp.check(r.receipt ->> 'number' = '0001/' || :y AND r.receipt ->> 'registration_normalised' = 'UP80AB1234'
		AND NOT r.receipt ? 'matches',
	'the stolen motorcycle is 0001, normalised UP80AB1234, nothing matches it yet')
FROM api.report_vehicle(9, 118, 990037, pg_temp.key(), pg_temp.vehicle()) r;
-- Every shape of ref.vehicle_registration_format is accepted, in any spelling.
SELECT pg_temp.check(r.receipt ->> 'registration_normalised' = upper(regexp_replace(n, '[^A-Za-z0-9]', '', 'g')),
	format('registration %s is accepted', n))
FROM unnest(ARRAY['22 BH 1234 AA', 'dlk-1234', 'DL 3C AB 1234', 'T 0126 UP 1234 AB', '77 CD 12', 'MH.12.ab.1']) n,
	api.report_vehicle(9, 118, 990038, pg_temp.key(), pg_temp.vehicle() - 'chassis_number' - 'engine_number' - 'owner'
		|| jsonb_build_object('kind', 'unclaimed', 'registration_number', n)) r;
SELECT r.receipt AS recovered FROM api.report_vehicle(9, 118, 990038, pg_temp.key(), pg_temp.vehicle() - 'owner'
	|| jsonb_build_object('kind', 'recovered', 'registration_number', 'u.p.-80 ab 1234', 'engine_number', 'other-engine-1',
		'at', pg_temp.ist(date_trunc('second', now()) - interval '1 hour'), 'officer', pg_temp.officer(3))) r \gset
SELECT pg_temp.check(jsonb_array_length(:'recovered'::jsonb -> 'matches') = 1
		AND m ->> 'number' = '0001/' || :y AND m ->> 'kind' = 'stolen' AND (m -> 'station' ->> 'station_code')::int = 990037
		AND m -> 'matched_by' = '["registration", "chassis"]' AND NOT m ? 'owner',
	'the recovered vehicle, written u.p.-80 ab 1234 at another station, matches the stolen report by registration and chassis, without owner')
FROM jsonb_array_elements(:'recovered'::jsonb -> 'matches') m;
SELECT pg_temp.check(jsonb_array_length(v -> 'receipt' -> 'matches') = 1
		AND v -> 'receipt' -> 'matches' -> 0 ->> 'kind' = 'recovered' AND v -> 'report' -> 'owner' ->> 'name' = 'Deepak Verma',
	'the stolen report now lists the recovery; its station sees its owner')
FROM api.get_vehicle_report(9, 118, 990037, '1/' || :y) v;
SELECT pg_temp.check(jsonb_array_length(f -> 'matches') = 2 AND f::text NOT LIKE '%Deepak%',
	format('find_vehicle(%L, %L, %L) finds both reports, no owner', a, b, c))
FROM (VALUES ('up 80 ab 1234', '', ''), ('UP-80-AB-1234', NULL, NULL), ('', 'mblhar073-lha12345', ''))
	AS s(a, b, c), api.find_vehicle(9, 118, 990039, a, b, c) f;
SELECT pg_temp.check(jsonb_array_length(f -> 'matches') = 1, 'find_vehicle by engine number finds the stolen report only')
FROM api.find_vehicle(9, 118, 990039, '', '', 'HA11-EJL9A12345') f;
SELECT pg_temp.expect_error('SELECT api.find_vehicle(9, 118, 990039, '''', '''', '''')', 'CT400', 'registration_number');
SELECT pg_temp.expect_error('SELECT api.find_vehicle(9, 118, 990039, ''UP80AB1234'', ''MBLHAR073LHA12345'', '''')',
	'CT400', 'chassis_number', '%one number at a time%');
SELECT pg_temp.expect_error(format('SELECT api.get_vehicle_report(9, 118, 990039, %L)', '1/' || :y), 'CT404', 'number');
SELECT pg_temp.check(e ->> 'text' = 'Vehicle report 0001/' || :y || ': two-wheeler reported stolen',
	'the diary entry says what was reported, without the number plate')
FROM api.get_gd(9, 118, 990037, '') g, jsonb_array_elements(g -> 'entries') e;

-- ============================================================ the tables (owner)
\c - cctns_owner
\ir helpers.sql
SET client_min_messages = warning;
SELECT extract(year FROM now() AT TIME ZONE 'Asia/Kolkata')::int AS y \gset

-- The persons are linked to their records by role.
SELECT pg_temp.check(string_agg(l.role, ',' ORDER BY l.role) = 'informant,missing'
		AND bool_and(l.label = 'missing person report 0001/' || :y),
	'the missing person and the informant are linked to report 0001')
FROM core.person_link l JOIN core.missing_person x ON x.mp_id = l.record_id AND x.year = l.record_year
WHERE l.record_kind = 'missing_person' AND x.station_code = 990035 AND x.mp_no = 1;
SELECT pg_temp.check(string_agg(l.role, ',' ORDER BY l.role) = 'deceased,identified_by,informant',
	'the deceased, who identified them and the informant are linked to UD 0001')
FROM core.person_link l JOIN core.unnatural_death x ON x.ud_id = l.record_id AND x.year = l.record_year
WHERE l.record_kind = 'unnatural_death' AND x.station_code = 990036 AND x.ud_no = 1;
SELECT pg_temp.check(string_agg(l.role, ',') = 'owner', 'the owner is linked to the stolen vehicle''s report')
FROM core.person_link l JOIN core.vehicle_report x ON x.vr_id = l.record_id AND x.year = l.record_year
WHERE l.record_kind = 'vehicle' AND x.station_code = 990037;

-- An INSERT of missing person report 0002 (an adult without an FIR) with
-- the columns of change replaced, as a new report 99; the generated columns
-- are left out (nobody can write them).
CREATE FUNCTION pg_temp.mp_insert(change jsonb) RETURNS text LANGUAGE sql VOLATILE AS $$
	SELECT format('INSERT INTO core.missing_person (%s) SELECT %s FROM jsonb_populate_record(NULL::core.missing_person, %L::jsonb)',
		cols, cols, to_jsonb(m) || change || jsonb_build_object('mp_id', nextval('core.missing_person_id_seq'), 'mp_no', 99))
	FROM core.missing_person m,
		(SELECT string_agg(quote_ident(a.attname), ', ' ORDER BY a.attnum) AS cols FROM pg_attribute a
		WHERE a.attrelid = 'core.missing_person'::regclass AND a.attnum > 0 AND NOT a.attisdropped AND a.attgenerated = '') c
	WHERE m.station_code = 990035 AND m.mp_no = 2
$$;
SELECT pg_temp.expect_error(pg_temp.mp_insert(jsonb_build_object('person', jsonb_build_object('name', 'A',
	'date_of_birth', to_char(now() - interval '10 years', 'YYYY-MM-DD')))), '23514', NULL, '%missing_child_has_fir%');
SELECT pg_temp.expect_error(pg_temp.mp_insert(jsonb_build_object('person', jsonb_build_object('name', 'A',
	'year_of_birth', :y - 18))), '23514', NULL, '%missing_child_has_fir%');
SELECT pg_temp.expect_error(pg_temp.mp_insert('{"age_years": 15, "person": {"name": "A"}}'), '23514', NULL,
	'%missing_child_has_fir%');
SELECT pg_temp.expect_error(pg_temp.mp_insert('{"age_years": 121}'), '23514', NULL, '%age_years_check%');
SELECT pg_temp.expect_error(pg_temp.mp_insert('{"descriptive_roll": {"height_cm": 251}}'), '23514', NULL,
	'%descriptive_roll_check%');
SELECT pg_temp.expect_error(pg_temp.mp_insert(jsonb_build_object('reported_at', now() - interval '5 days')), '23514', NULL,
	'%missing_times_in_order%');
SELECT pg_temp.expect_error(pg_temp.mp_insert(jsonb_build_object('missing_since', now() + interval '1 day',
	'reported_at', now() + interval '1 day')), '23514', NULL, '%missing_times_in_order%');
DO $$ BEGIN EXECUTE pg_temp.mp_insert('{}'); END $$;
SELECT pg_temp.check(count(*) = 1, 'the copy without a change is stored: the refusals were the changes')
FROM core.missing_person WHERE station_code = 990035 AND mp_no = 99;
SELECT pg_temp.expect_error(pg_temp.mp_insert((SELECT jsonb_build_object('fir_year', f.year, 'fir_id', f.fir_id)
	FROM core.fir f WHERE f.station_code = 990039 LIMIT 1)), 'CT400', 'fir_number', '%only an FIR of that station%');
SELECT pg_temp.expect_error('UPDATE core.missing_person SET clothing = ''red'' WHERE station_code = 990035 AND mp_no = 2',
	'CT409', NULL, '%does not change%');
SELECT pg_temp.expect_error('UPDATE core.missing_person SET traced_how = ''other'' WHERE station_code = 990035 AND mp_no = 1',
	'CT409', NULL, '%recorded once%');
SELECT pg_temp.expect_error('UPDATE core.missing_person SET traced_at = missing_since - interval ''1 day'', traced_how = ''other'',
	traced_officer_number = ''1'', traced_officer_name = ''A'', traced_officer_rank = ''SI'', traced_recorded_at = now(),
	traced_gd_date = gd_date, traced_gd_no = gd_no WHERE station_code = 990035 AND mp_no = 2',
	'23514', NULL, '%missing_traced_in_order%');

SELECT pg_temp.expect_error('UPDATE core.unnatural_death SET deceased = ''{"name": "X"}'' WHERE station_code = 990036 AND ud_no = 1',
	'CT409', NULL, '%does not change%');
SELECT pg_temp.expect_error('INSERT INTO core.unnatural_death (state_code, year, ud_id, district_code, station_code, ud_no,
	gd_date, gd_no, idempotency_key, content_sha256, kind, found_at, apparent_cause, deceased, officer_number, officer_name,
	officer_rank) SELECT state_code, year, nextval(''core.unnatural_death_id_seq''), district_code, station_code, 98, gd_date,
	gd_no, idempotency_key, content_sha256, kind, found_at, apparent_cause, ''{"name": "X"}'', officer_number, officer_name,
	officer_rank FROM core.unnatural_death WHERE station_code = 990036 AND ud_no = 1',
	'23514', NULL, '%ud_unidentified_shows_only_gender%');
SELECT pg_temp.expect_error('INSERT INTO core.unnatural_death (state_code, year, ud_id, district_code, station_code, ud_no,
	gd_date, gd_no, idempotency_key, content_sha256, kind, found_at, apparent_cause, officer_number, officer_name,
	officer_rank, post_mortem_hospital, post_mortem_date) SELECT state_code, year, nextval(''core.unnatural_death_id_seq''),
	district_code, station_code, 98, gd_date, gd_no, idempotency_key, content_sha256, kind, found_at, apparent_cause,
	officer_number, officer_name, officer_rank, ''X'', (found_at AT TIME ZONE ''Asia/Kolkata'')::date - 1
	FROM core.unnatural_death WHERE station_code = 990036 AND ud_no = 1',
	'23514', NULL, '%ud_post_mortem_in_order%');

SELECT pg_temp.check(registration_normalised = 'UP80AB1234' AND chassis_normalised = 'MBLHAR073LHA12345',
	'the table keeps the number as written and normalised')
FROM core.vehicle_report WHERE station_code = 990037 AND vr_no = 1;
SELECT pg_temp.check(count(*) = 3, 'the normalised numbers are indexed')
FROM pg_indexes WHERE schemaname = 'core' AND tablename = 'vehicle_report' AND indexname LIKE 'vehicle_report_%'
	AND indexdef LIKE '%_normalised)';
SELECT pg_temp.expect_error('UPDATE core.vehicle_report SET kind = ''recovered'' WHERE station_code = 990037 AND vr_no = 1',
	'CT409', NULL, '%does not change%');
SELECT pg_temp.expect_error('INSERT INTO core.vehicle_report (state_code, year, vr_id, district_code, station_code, vr_no,
	gd_date, gd_no, idempotency_key, content_sha256, kind, registration_number, vehicle_type, at, officer_number,
	officer_name, officer_rank) SELECT state_code, year, nextval(''core.vehicle_report_id_seq''), district_code,
	station_code, 98, gd_date, gd_no, idempotency_key, content_sha256, kind, ''UP 80 AB 12345678'', vehicle_type, at,
	officer_number, officer_name, officer_rank FROM core.vehicle_report WHERE station_code = 990037 AND vr_no = 1',
	'23514', NULL, '%vehicle_registration_shape%');
SELECT pg_temp.expect_error('INSERT INTO core.vehicle_report (state_code, year, vr_id, district_code, station_code, vr_no,
	gd_date, gd_no, idempotency_key, content_sha256, kind, chassis_number, vehicle_type, at, officer_number,
	officer_name, officer_rank) SELECT state_code, year, nextval(''core.vehicle_report_id_seq''), district_code,
	station_code, 98, gd_date, gd_no, idempotency_key, content_sha256, kind, ''MBLHAR073LHO12345'', vehicle_type, at,
	officer_number, officer_name, officer_rank FROM core.vehicle_report WHERE station_code = 990037 AND vr_no = 1',
	'23514', NULL, '%vehicle_chassis_shape%');
SELECT pg_temp.check(core.missing_is_child('{"year_of_birth": 2008}', NULL, '2026-12-31T23:00:00+05:30')
		AND NOT core.missing_is_child('{"year_of_birth": 2007}', NULL, '2026-01-01T10:00:00+05:30')
		AND core.missing_is_child('{"date_of_birth": "2008-06-01"}', NULL, '2026-05-31T23:59:00+05:30')
		AND NOT core.missing_is_child('{"date_of_birth": "2008-06-01"}', NULL, '2026-06-01T00:00:00+05:30')
		AND NOT core.missing_is_child('{}', NULL, now()) AND core.missing_is_child('{}', 0, now()),
	'a child: under 18 on the IST day by date of birth; by year of birth when possibly under 18; by stated age');
