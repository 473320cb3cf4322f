-- dossier_checks.sql: checks of the criminal dossier, the vehicle, property
-- and MO searches and the automatic matching with its alerts (migration
-- 0026) against a real, migrated CCTNS database, with hand-made matching and
-- non-matching records. Test stations 990080 (A), 990081 (B), 990082 (C),
-- 990083 (a station with no part in any match). Names are made up. Any
-- failed check raises an exception and stops the run.

\set ON_ERROR_STOP 1

\c - cctns_owner
SET client_min_messages = warning;
INSERT INTO ref.station (state_code, district_code, station_code, name, active) VALUES
	(9, 118, 990080, 'Test PS 990080 Agra (dossier A)', true),
	(9, 118, 990081, 'Test PS 990081 Agra (dossier B)', true),
	(9, 118, 990082, 'Test PS 990082 Agra (dossier C)', true),
	(9, 118, 990083, 'Test PS 990083 Agra (dossier, bystander)', true)
ON CONFLICT DO NOTHING;

\c - cctns_server
\ir helpers.sql
\ir persons_helpers.sql
SET client_min_messages = warning;
SELECT set_config('r2.t0', date_trunc('second', now())::text, false) IS NOT NULL AS t0_set \gset

-- An FIR whose accused are the given Person JSONs (known accused).
CREATE FUNCTION pg_temp.fir_with(accused jsonb, property_description text) RETURNS jsonb LANGUAGE sql AS $$
	SELECT pg_temp.sample() || jsonb_build_object('accused',
		(SELECT jsonb_agg(jsonb_build_object('kind', 'known', 'person', a)) FROM jsonb_array_elements(accused) a),
		'properties', jsonb_build_array(jsonb_build_object('kind', 'mobile_phone',
			'description', property_description, 'value_rupees', 15000)))
$$;
-- A seizure memo at time at (witnesses and seal as the seizure checks'
-- sample); items and seized_from are given by each use.
CREATE FUNCTION pg_temp.seizure(at timestamptz) RETURNS jsonb LANGUAGE sql STABLE AS $json$
SELECT $${
  "nature": "stolen",
  "place": "Bus stand, Agra",
  "witnesses": [
    {"name": "Mohan Lal", "relative_kind": "father", "relative_name": "Kishan Lal", "gender": "male",
     "year_of_birth": 1970, "occupation": "Shopkeeper"},
    {"name": "Sunita Devi", "relative_kind": "husband", "relative_name": "Rakesh Kumar", "gender": "female",
     "year_of_birth": 1985}
  ],
  "seal": "Brass seal \"PS Agra\""
}$$::jsonb || jsonb_build_object('seized_at', pg_temp.ist(at), 'officer', pg_temp.officer(1))
$json$;
-- A stolen vehicle report (as the registers checks' sample).
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
-- A missing adult (by stated age) and an unidentified body (as the
-- registers checks' samples); each use changes what it matches by.
CREATE FUNCTION pg_temp.mp() RETURNS jsonb LANGUAGE sql STABLE AS $json$
SELECT $${
  "person": {"name": "Ram Swaroop", "gender": "male", "occupation": "Retired"},
  "age_years": 67,
  "descriptive_roll": {"height_cm": 165, "hair": "grey"},
  "last_seen_place": {"beat": "Beat 2", "direction": "ne", "distance_m": 2200},
  "circumstances": "Went for a walk and did not return.",
  "informant": {"name": "Sunita Devi", "gender": "female", "year_of_birth": 1985},
  "relation_to_missing": "daughter-in-law"
}$$::jsonb || jsonb_build_object('missing_since', pg_temp.ist(current_setting('r2.t0')::timestamptz - interval '2 days'),
	'reported_at', pg_temp.ist(current_setting('r2.t0')::timestamptz - interval '1 day'), 'officer', pg_temp.officer(1))
$json$;
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
	'officer', pg_temp.officer(1))
$json$;
CREATE FUNCTION pg_temp.alerts(station int, all_ boolean) RETURNS jsonb LANGUAGE sql AS $$
	SELECT api.list_alerts(9, 118, station, jsonb_build_object('all', all_)) -> 'alerts'
$$;
-- The alerts of kind k between two stations' records, as JSON array.
CREATE FUNCTION pg_temp.alerts_of(station int, k text) RETURNS jsonb LANGUAGE sql AS $$
	SELECT coalesce(jsonb_agg(a), '[]') FROM jsonb_array_elements(pg_temp.alerts(station, true)) a
	WHERE a ->> 'kind' = k
$$;

-- ============================================================ persons, FIRs, arrests
-- FIR 1 at A: Raju and Bablu accused.
SELECT fir_number AS fir1 FROM api.register_fir(9, 118, 990080, pg_temp.key(),
	pg_temp.fir_with('[{"name": "Raju Kalia", "gender": "male", "year_of_birth": 1990},
		{"name": "Bablu Pandit", "gender": "male", "year_of_birth": 1992}]', 'Redmi 12, blue')) \gset
SELECT (api.get_fir(9, 118, 990080, :'fir1') #>> '{content,accused,0,person,person_id}') AS raju,
	(api.get_fir(9, 118, 990080, :'fir1') #>> '{content,accused,1,person,person_id}') AS bablu \gset
-- FIR 2 at B: the same two; FIR 3 at B: Raju alone, a stolen phone by IMEI.
SELECT fir_number AS fir2 FROM api.register_fir(9, 118, 990081, pg_temp.key(),
	pg_temp.fir_with(jsonb_build_array(jsonb_build_object('person_id', :raju, 'name', 'Raju Kalia'), jsonb_build_object('person_id', :bablu, 'name', 'Bablu Pandit')),
		'Oppo A78, green')) \gset
SELECT fir_number AS fir3 FROM api.register_fir(9, 118, 990081, pg_temp.key(),
	pg_temp.fir_with(jsonb_build_array(jsonb_build_object('person_id', :raju, 'name', 'Raju Kalia')),
		'Vivo Y21 black, IMEI 861234567890123')) \gset
-- FIR 4 at C: someone else, alone.
SELECT fir_number AS fir4 FROM api.register_fir(9, 118, 990082, pg_temp.key(),
	pg_temp.fir_with('[{"name": "Chhotu Lal", "gender": "male", "year_of_birth": 1995}]', 'Nokia 105')) \gset
SELECT (api.get_fir(9, 118, 990082, :'fir4') #>> '{content,accused,0,person,person_id}') AS chhotu \gset

-- ------------------------------------------------------------ wanted: matching
-- Raju is arrested at A in FIR 1: he is accused in FIRs 2 and 3 of B and not
-- arrested there: two wanted alerts, shown to A and to B.
SELECT * FROM api.register_arrest(9, 118, 990080, pg_temp.key(), :'fir1',
	pg_temp.memo(now()) || jsonb_build_object('person',
		(pg_temp.memo(now()) -> 'person') || jsonb_build_object('person_id', :raju, 'name', 'Raju Kalia'))) \gset a1_
SELECT pg_temp.check(jsonb_array_length(pg_temp.alerts_of(990080, 'wanted')) = 2, 'wanted: two alerts at the arresting station');
SELECT pg_temp.check(jsonb_array_length(pg_temp.alerts_of(990081, 'wanted')) = 2, 'wanted: two alerts at the station of the other FIRs');
SELECT pg_temp.check((SELECT bool_and(a ->> 'person_id' = :'raju' AND a -> 'matched_by' = '["accused"]'
		AND a ->> 'other_record' IN ('FIR ' || :'fir2', 'FIR ' || :'fir3')
		AND a #>> '{station,station_code}' = '990080' AND a #>> '{other_station,station_code}' = '990081')
	FROM jsonb_array_elements(pg_temp.alerts_of(990081, 'wanted')) a), 'wanted: the person, the FIRs and the stations');
-- Not matching: Chhotu, arrested in his only FIR; and Raju again in FIR 2
-- (FIR 3 is still open: one more alert, for FIR 3 only, none for FIR 1).
SELECT * FROM api.register_arrest(9, 118, 990082, pg_temp.key(), :'fir4',
	pg_temp.memo(now()) || jsonb_build_object('person',
		(pg_temp.memo(now()) -> 'person') || jsonb_build_object('person_id', :chhotu))) \gset a4_
SELECT pg_temp.check(jsonb_array_length(pg_temp.alerts_of(990082, 'wanted')) = 0, 'wanted: no alert for a person wanted nowhere else');
SELECT * FROM api.register_arrest(9, 118, 990081, pg_temp.key(), :'fir2',
	pg_temp.memo(now()) || jsonb_build_object('person',
		(pg_temp.memo(now()) -> 'person') || jsonb_build_object('person_id', :raju, 'name', 'Raju Kalia'))) \gset a2_
SELECT pg_temp.check((SELECT count(*) FROM jsonb_array_elements(pg_temp.alerts_of(990081, 'wanted')) a
	WHERE a #>> '{station,station_code}' = '990081') = 1
	AND (SELECT a ->> 'other_record' FROM jsonb_array_elements(pg_temp.alerts_of(990081, 'wanted')) a
		WHERE a #>> '{station,station_code}' = '990081') = 'FIR ' || :'fir3',
	'wanted: not for the FIR he was arrested in before, only FIR 3');

-- ------------------------------------------------------------ property: matching
-- A seizure from Raju at A with the stolen phone of FIR 3 (IMEI written
-- with dashes) and a phone of another number.
SELECT * FROM api.register_seizure(9, 118, 990080, pg_temp.key(), :'fir1',
	pg_temp.seizure(now())
	|| jsonb_build_object('seized_from', jsonb_build_object('person_id', :raju, 'name', 'Raju Kalia'),
		'items', '[{"kind": "mobile_phone", "description": "Vivo Y21, black", "quantity": 1,
			"identifiers": "IMEI 86-123456-789012-3"},
			{"kind": "mobile_phone", "description": "Lava phone", "quantity": 1, "identifiers": "IMEI 999999999999999"}]'::jsonb)) \gset s1_
SELECT pg_temp.check(jsonb_array_length(pg_temp.alerts_of(990081, 'property')) = 1
	AND pg_temp.alerts_of(990081, 'property') #>> '{0,matched_by,0}' = '861234567890123'
	AND pg_temp.alerts_of(990081, 'property') #>> '{0,other_record}' = 'FIR ' || :'fir3' || ' property 1'
	AND pg_temp.alerts_of(990080, 'property') #>> '{0,record}' LIKE 'FIR ' || :'fir1' || ' seizure 1 item 1',
	'property: the seized phone matches the stolen one by IMEI, alert to both stations');
SELECT pg_temp.check(NOT EXISTS (SELECT 1 FROM jsonb_array_elements(pg_temp.alerts_of(990080, 'property')) a
	WHERE a -> 'matched_by' ? '999999999999999'), 'property: a number stolen nowhere raises nothing');
-- A lost report later, naming the other seized number: matched too.
SELECT * FROM api.register_lost_report(9, 118, 990082, pg_temp.key(), jsonb_build_object(
	'reporter', jsonb_build_object('name', 'Kamla Devi', 'gender', 'female', 'year_of_birth', 1970),
	'lost_from', pg_temp.ist(now() - interval '3 days'),
	'items', '[{"kind": "mobile_phone", "description": "Lava phone", "identifier": "999999999999999"}]'::jsonb,
	'officer', pg_temp.officer(1))) \gset l1_
SELECT pg_temp.check(jsonb_array_length(pg_temp.alerts_of(990082, 'property')) = 1
	AND pg_temp.alerts_of(990082, 'property') #>> '{0,other_record}' = 'FIR ' || :'fir1' || ' seizure 1 item 2',
	'property: a lost report after the seizure matches it');
-- Property search.
SELECT pg_temp.check(api.property_search(9, 118, 990083, '{"number": "861234567890123"}') #>> '{hits,0,register}' IN ('seized', 'stolen')
	AND jsonb_array_length(api.property_search(9, 118, 990083, '{"number": "861234567890123"}') -> 'hits') = 2,
	'property search: the number finds the stolen and the seized item');
SELECT pg_temp.check(jsonb_array_length(api.property_search(9, 118, 990083, '{"number": "7890123", "register": "seized"}') -> 'hits') = 1,
	'property search: the end of a number, in one register');
SELECT pg_temp.check(jsonb_array_length(api.property_search(9, 118, 990083, '{"words": "vivo black"}') -> 'hits') >= 2,
	'property search: description words');
SELECT pg_temp.check(jsonb_array_length(api.property_search(9, 118, 990083, '{"words": "vivo purple"}') -> 'hits') = 0,
	'property search: every word must appear');
SELECT pg_temp.expect_error($$SELECT api.property_search(9, 118, 990083, '{"number": "12"}')$$, 'CT400', 'number');
SELECT pg_temp.expect_error($$SELECT api.property_search(9, 118, 990083, '{"kind": "mobile"}')$$, 'CT400', 'number');
SELECT pg_temp.expect_error($$SELECT api.property_search(9, 118, 990083, '{"words": "x", "register": "sold"}')$$, 'CT400', 'register');
SELECT pg_temp.expect_error($$SELECT api.property_search(9, 118, 990083, '{"colour": "x"}')$$, 'CT400', 'colour');

-- ------------------------------------------------------------ vehicles: matching and search
SELECT pg_temp.vehicle() AS veh \gset
SELECT receipt ->> 'number' AS v_stolen FROM api.report_vehicle(9, 118, 990080, pg_temp.key(),
	:'veh'::jsonb || '{"registration_number": "UP 80 CD 4321", "chassis_number": "MBLHAR073LHA99881",
		"engine_number": "HA11EJL9A99881"}') \gset
-- Not matching: another number, chassis and engine.
SELECT receipt ->> 'number' AS v_other FROM api.report_vehicle(9, 118, 990081, pg_temp.key(),
	:'veh'::jsonb || '{"kind": "recovered", "registration_number": "UP 80 CD 4322", "chassis_number": "MBLHAR073LHA99882",
		"engine_number": "HA11EJL9A99882"}'::jsonb - 'owner') \gset
SELECT pg_temp.check(jsonb_array_length(pg_temp.alerts_of(990081, 'vehicle')) = 0, 'vehicle: another number raises nothing');
-- Matching: the number written another way.
SELECT receipt ->> 'number' AS v_rec FROM api.report_vehicle(9, 118, 990081, pg_temp.key(),
	(:'veh'::jsonb - 'chassis_number' - 'engine_number' - 'owner') || '{"kind": "recovered", "registration_number": "up-80-cd-4321"}') \gset
SELECT pg_temp.check(jsonb_array_length(pg_temp.alerts_of(990081, 'vehicle')) = 1
	AND pg_temp.alerts_of(990080, 'vehicle') -> 0 -> 'matched_by' = '["registration"]'
	AND pg_temp.alerts_of(990080, 'vehicle') #>> '{0,other_record}' = 'vehicle report ' || :'v_stolen' || ' (stolen)',
	'vehicle: recovered matches stolen by the registration however written, both stations');
-- Matching by chassis alone (false plates).
SELECT receipt ->> 'number' AS v_ch FROM api.report_vehicle(9, 118, 990082, pg_temp.key(),
	(:'veh'::jsonb - 'registration_number' - 'engine_number' - 'owner') || '{"kind": "unclaimed", "chassis_number": "mblhar073lha99881"}') \gset
SELECT pg_temp.check(pg_temp.alerts_of(990082, 'vehicle') -> 0 -> 'matched_by' = '["chassis"]', 'vehicle: unclaimed matches stolen by chassis');
-- Search.
SELECT pg_temp.check(jsonb_array_length(api.vehicle_search(9, 118, 990083, '{"number": "U.P. 80 CD-4321"}') -> 'matches') = 2
	AND (api.vehicle_search(9, 118, 990083, '{"number": "U.P. 80 CD-4321"}') ->> 'whole')::boolean,
	'vehicle search: a whole number any way written finds its reports only');
SELECT pg_temp.check((SELECT count(*) FROM jsonb_array_elements(api.vehicle_search(9, 118, 990083, '{"number": "4321"}') -> 'matches') m
	WHERE m ->> 'registration_normalised' = 'UP80CD4321' AND m -> 'matched_by' = '["registration_part"]') = 2
	AND NOT EXISTS (SELECT 1 FROM jsonb_array_elements(api.vehicle_search(9, 118, 990083, '{"number": "4321"}') -> 'matches') m
		WHERE m ->> 'registration_normalised' = 'UP80CD4322'), 'vehicle search: the last 4 digits');
SELECT pg_temp.check(jsonb_array_length(api.vehicle_search(9, 118, 990083, '{"number": "cd 432"}') -> 'matches') >= 3,
	'vehicle search: a series and part of the number');
SELECT pg_temp.check(jsonb_array_length(api.vehicle_search(9, 118, 990083, '{"chassis_number": "LHA99881"}') -> 'matches') = 2,
	'vehicle search: part of a chassis number');
SELECT pg_temp.check(jsonb_array_length(api.vehicle_search(9, 118, 990083, '{"engine_number": "HA11EJL9A99882"}') -> 'matches') = 1,
	'vehicle search: a whole engine number');
SELECT pg_temp.expect_error($$SELECT api.vehicle_search(9, 118, 990083, '{"number": "12"}')$$, 'CT400', 'number', '%at least 3%');
SELECT pg_temp.expect_error($$SELECT api.vehicle_search(9, 118, 990083, '{"number": "UP80", "chassis_number": "ABC12"}')$$,
	'CT400', 'chassis_number', '%one number%');
SELECT pg_temp.expect_error($$SELECT api.vehicle_search(9, 118, 990083, '{"number": "UP_80%"}')$$, 'CT400', 'number');
SELECT pg_temp.expect_error($$SELECT api.vehicle_search(9, 118, 990083, '{}')$$, 'CT400', 'number');

-- ------------------------------------------------------------ bodies and missing persons
-- A man of 40, 170 cm, an anchor tattoo, missing since 10 days at A.
SELECT pg_temp.mp() || jsonb_build_object('person', '{"name": "Girish Chand", "gender": "male"}'::jsonb,
	'age_years', 40, 'descriptive_roll', '{"height_cm": 170, "tattoos": "Anchor on the right forearm"}'::jsonb,
	'missing_since', pg_temp.ist(now() - interval '10 days'), 'reported_at', pg_temp.ist(now() - interval '9 days'))
	AS mp1 \gset
SELECT receipt ->> 'number' AS mp1_no FROM api.register_missing_person(9, 118, 990080, pg_temp.key(), :'mp1') \gset
-- Bodies found at C: a match; and three that are not (a woman, too short,
-- found before he went missing).
SELECT pg_temp.ud() AS ud \gset
CREATE FUNCTION pg_temp.body(ch jsonb) RETURNS jsonb LANGUAGE sql AS $$
	SELECT (pg_temp.ud() - 'inquest_at' - 'inquest_officer' - 'inquest_magistrate' - 'post_mortem') || jsonb_build_object(
		'found_at', pg_temp.ist(now() - interval '2 days'), 'apparent_age_from', 35, 'apparent_age_to', 45,
		'height_cm', 172, 'descriptive_roll', '{"tattoos": "anchor, right arm"}'::jsonb) || ch
$$;
SELECT receipt ->> 'ud_number' AS ud_no FROM api.register_unnatural_death(9, 118, 990082, pg_temp.key(), pg_temp.body('{}')) \gset
SELECT pg_temp.check(jsonb_array_length(pg_temp.alerts_of(990080, 'missing_person')) = 1
	AND pg_temp.alerts_of(990082, 'missing_person') -> 0 -> 'matched_by' = '["sex", "dates", "age", "height", "marks", "district"]',
	'missing: the body matches by sex, dates, age, height, marks, district');
SELECT api.register_unnatural_death(9, 118, 990082, pg_temp.key(), pg_temp.body('{"deceased": {"gender": "female"}}')) IS NOT NULL AS ok \gset
SELECT api.register_unnatural_death(9, 118, 990082, pg_temp.key(), pg_temp.body('{"height_cm": 150}')) IS NOT NULL AS ok \gset
SELECT api.register_unnatural_death(9, 118, 990082, pg_temp.key(), pg_temp.body(jsonb_build_object(
	'found_at', pg_temp.ist(now() - interval '12 days')))) IS NOT NULL AS ok \gset
SELECT api.register_unnatural_death(9, 118, 990082, pg_temp.key(), pg_temp.body('{"apparent_age_from": 60, "apparent_age_to": 70}')) IS NOT NULL AS ok \gset
SELECT pg_temp.check(jsonb_array_length(pg_temp.alerts_of(990082, 'missing_person')) = 1,
	'missing: no alert for another sex, height, age or a body found before the disappearance');
-- Reverse: a missing report after an unidentified body.
SELECT receipt ->> 'number' AS mp2_no FROM api.register_missing_person(9, 118, 990081, pg_temp.key(),
	(:'mp1'::jsonb) || '{"person": {"name": "Harsh Vardhan", "gender": "male"}}'::jsonb
	|| jsonb_build_object('missing_since', pg_temp.ist(now() - interval '5 days'), 'reported_at', pg_temp.ist(now() - interval '4 days'))) \gset
SELECT pg_temp.check(jsonb_array_length(pg_temp.alerts_of(990081, 'missing_person')) >= 1
	AND pg_temp.alerts_of(990081, 'missing_person') #>> '{0,other_record}' = 'unidentified body ' || :'ud_no',
	'missing: a later missing report matches an earlier body');

-- ------------------------------------------------------------ MO search
SELECT * FROM api.record_crime_details(9, 118, 990080, pg_temp.key(), :'fir1',
	pg_temp.cd(now() - interval '1 minute') || '{"mo": {"major": "theft", "minor": "chain_snatching",
		"methods": ["snatched from a motorcycle", "fled towards the fort"]}}') \gset cd_
SELECT pg_temp.check((SELECT count(*) FROM jsonb_array_elements(api.mo_search(9, 118, 990083,
		'{"major": "theft", "minor": "chain_snatching", "methods": "motorcycle fort", "place_type": "market"}') -> 'cases') c
	WHERE c ->> 'fir_number' = :'fir1' AND c #>> '{station,station_code}' = '990080'
		AND c -> 'accused' @> jsonb_build_array(jsonb_build_object('person_id', :raju::bigint))
		AND c -> 'accused' @> jsonb_build_array(jsonb_build_object('person_id', :bablu::bigint))) = 1,
	'mo search: the FIR with its accused, by head, methods and place');
SELECT pg_temp.check(NOT EXISTS (SELECT 1 FROM jsonb_array_elements(api.mo_search(9, 118, 990083,
		'{"major": "theft", "methods": "motorcycle tractor"}') -> 'cases') c WHERE c ->> 'fir_number' = :'fir1'),
	'mo search: every method word must appear');
SELECT pg_temp.check(EXISTS (SELECT 1 FROM jsonb_array_elements(api.mo_search(9, 118, 990083,
		'{"major": "theft", "hours": "18-19", "district_code": 118, "station_code": 990080}') -> 'cases') c
		WHERE c ->> 'fir_number' = :'fir1')
	AND NOT EXISTS (SELECT 1 FROM jsonb_array_elements(api.mo_search(9, 118, 990083,
		'{"major": "theft", "hours": "22-4", "district_code": 118, "station_code": 990080}') -> 'cases') c),
	'mo search: the hour of the occurrence (18:30 IST), wrapping midnight');
SELECT pg_temp.check(NOT EXISTS (SELECT 1 FROM jsonb_array_elements(api.mo_search(9, 118, 990083,
		'{"major": "theft", "from": "2000-01-01", "to": "2000-12-31"}') -> 'cases') c), 'mo search: the period');
SELECT pg_temp.expect_error($$SELECT api.mo_search(9, 118, 990083, '{"major": "flying"}')$$, 'CT400', 'major');
SELECT pg_temp.expect_error($$SELECT api.mo_search(9, 118, 990083, '{"major": "theft", "minor": "nothing"}')$$, 'CT400', 'minor');
SELECT pg_temp.expect_error($$SELECT api.mo_search(9, 118, 990083, '{"major": "theft", "hours": "25-3"}')$$, 'CT400', 'hours');
SELECT pg_temp.expect_error($$SELECT api.mo_search(9, 118, 990083, '{"major": "theft", "from": "2026-13-01"}')$$, 'CT400', 'from');
SELECT pg_temp.expect_error($$SELECT api.mo_search(9, 118, 990083, '{"place_type": "market"}')$$, 'CT400', 'major');

-- ------------------------------------------------------------ the dossier
SELECT api.person_dossier(9, 118, 990083, jsonb_build_object('person_id', :raju)) AS d \gset
SELECT pg_temp.check(jsonb_array_length(:'d'::jsonb -> 'cases') = 3, 'dossier: the three cases of two stations');
SELECT pg_temp.check((:'d'::jsonb ->> 'stations')::int = 2, 'dossier: records of two stations');
SELECT pg_temp.check((SELECT bool_and(c -> 'roles' ? 'accused' AND c ->> 'status' = 'registered' AND c -> 'sections' = '["BNS 303(2)"]')
	FROM jsonb_array_elements(:'d'::jsonb -> 'cases') c), 'dossier: role, status and sections of each case');
SELECT pg_temp.check((SELECT count(*) FROM jsonb_array_elements(:'d'::jsonb -> 'cases') c
	WHERE c -> 'roles' ? 'arrested') = 2, 'dossier: arrested in two of them');
SELECT pg_temp.check(jsonb_array_length(:'d'::jsonb -> 'arrests') = 2
	AND :'d'::jsonb #>> '{arrests,0,accused_code}' = 'A1', 'dossier: two arrests, newest first');
SELECT pg_temp.check(:'d'::jsonb -> 'associates' = jsonb_build_array(jsonb_build_object('person_id', :bablu::bigint,
	'name', 'Bablu Pandit', 'cases_together', 2, 'fir_labels', jsonb_build_array('FIR ' || :'fir1' || ', Test PS 990080 Agra (dossier A)',
		'FIR ' || :'fir2' || ', Test PS 990081 Agra (dossier B)'))),
	'dossier: the co-accused with two cases together');
SELECT pg_temp.check(jsonb_array_length(:'d'::jsonb -> 'property_seized') = 2
	AND :'d'::jsonb #>> '{property_seized,0,identifiers}' = 'IMEI 86-123456-789012-3', 'dossier: the property seized from him');
SELECT pg_temp.check(jsonb_array_length(:'d'::jsonb -> 'last_known_addresses') >= 2
	AND :'d'::jsonb #>> '{last_known_addresses,0,source}' LIKE '%arrest A1 in FIR ' || :'fir2',
	'dossier: addresses from the arrest memos, newest first');
SELECT pg_temp.check(:'d'::jsonb #>> '{person,person,name}' = 'Raju Kalia' AND :'d'::jsonb #> '{person,links}' IS NULL
	AND :'d'::jsonb #> '{person,aliases}' ? 'Kallu', 'dossier: the person record with the aliases from the arrest memo');
SELECT pg_temp.check(api.person_dossier(9, 118, 990083, jsonb_build_object('person_id', :chhotu)) -> 'associates' IS NULL,
	'dossier: no associates for a lone accused');
SELECT pg_temp.expect_error($$SELECT api.person_dossier(9, 118, 990083, '{"person_id": 999999999999}')$$, 'CT404', 'person_id');
SELECT pg_temp.expect_error($$SELECT api.person_dossier(9, 118, 990083, '{"person_id": "x"}')$$, 'CT400', 'person_id');
SELECT pg_temp.expect_error($$SELECT api.person_dossier(9, 118, 990083, '{}')$$, 'CT400', 'person_id');

-- ------------------------------------------------------------ alerts: acknowledging
SELECT (pg_temp.alerts_of(990081, 'vehicle') #>> '{0,alert_id}') AS va \gset
SELECT pg_temp.check(api.ack_alert(9, 118, 990081, jsonb_build_object('alert_id', :va)) ->> 'acknowledged_at' IS NOT NULL,
	'alerts: B acknowledges the vehicle alert');
SELECT pg_temp.check(NOT EXISTS (SELECT 1 FROM jsonb_array_elements(pg_temp.alerts(990081, false)) a WHERE a ->> 'alert_id' = :'va')
	AND EXISTS (SELECT 1 FROM jsonb_array_elements(pg_temp.alerts(990081, true)) a WHERE a ->> 'alert_id' = :'va')
	AND EXISTS (SELECT 1 FROM jsonb_array_elements(pg_temp.alerts(990080, false)) a WHERE a ->> 'alert_id' = :'va'),
	'alerts: gone from B''s open list, kept with all, still open at A');
SELECT pg_temp.expect_error(format('SELECT api.ack_alert(9, 118, 990083, %L)', jsonb_build_object('alert_id', :va)),
	'CT404', 'alert_id');
SELECT pg_temp.expect_error($$SELECT api.ack_alert(9, 118, 990081, '{"alert_id": 0}')$$, 'CT400', 'alert_id');
SELECT pg_temp.check(jsonb_array_length(pg_temp.alerts(990083, true)) = 0, 'alerts: none for a station with no part');
