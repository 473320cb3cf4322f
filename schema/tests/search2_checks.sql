-- search2_checks.sql: checks of the found persons register and its matching
-- against missing persons, and of the structured identifiers of property
-- items (migration 0032) against a real, migrated CCTNS database. Test
-- stations 990120 (A), 990121 (B), 990122 (a bystander). Names are made up.
-- Any failed check raises an exception and stops the run.

\set ON_ERROR_STOP 1

\c - cctns_owner
SET client_min_messages = warning;
INSERT INTO ref.station (state_code, district_code, station_code, name, active) VALUES
	(9, 118, 990120, 'Test PS 990120 Agra (search2 A)', true),
	(9, 118, 990121, 'Test PS 990121 Agra (search2 B)', true),
	(9, 118, 990122, 'Test PS 990122 Agra (search2, bystander)', true)
ON CONFLICT DO NOTHING;

\c - cctns_server
\ir helpers.sql
SET client_min_messages = warning;

CREATE FUNCTION pg_temp.alerts_of(station int, k text) RETURNS jsonb LANGUAGE sql AS $$
	SELECT coalesce(jsonb_agg(a), '[]')
	FROM jsonb_array_elements(api.list_alerts(9, 118, station, '{"all": true}') -> 'alerts') a
	WHERE a ->> 'kind' = k
$$;

-- The alert at a station between two records (either way round): its JSON.
CREATE FUNCTION pg_temp.alert(station int, rec text, other text) RETURNS jsonb LANGUAGE sql AS $$
	SELECT a FROM jsonb_array_elements(api.list_alerts(9, 118, station, '{"all": true}') -> 'alerts') a
	WHERE a ->> 'record' = rec AND a ->> 'other_record' = other
$$;

-- missing_since days ago, reported a minute later.
CREATE FUNCTION pg_temp.since(days int) RETURNS jsonb LANGUAGE sql AS $$
	SELECT jsonb_build_object('missing_since', pg_temp.ist(now() - days * interval '1 day'),
		'reported_at', pg_temp.ist(now() - days * interval '1 day' + interval '1 minute'))
$$;

-- ============================================================ found persons
-- A missing woman of 70 (stated age), 150 cm, a mole on the chin, missing at A.
SELECT jsonb_build_object(
	'person', '{"name": "Shanti Devi", "gender": "female"}'::jsonb,
	'age_years', 70, 'descriptive_roll', '{"height_cm": 150, "moles": "Black mole on the chin"}'::jsonb,
	'missing_since', pg_temp.ist(now() - interval '5 days'), 'reported_at', pg_temp.ist(now() - interval '4 days'),
	'informant', '{"name": "Ramesh Chand", "gender": "male", "year_of_birth": 1975}'::jsonb,
	'relation_to_missing', 'son', 'officer', pg_temp.officer(1)) AS mp1 \gset
SELECT receipt ->> 'number' AS mp1_no FROM api.register_missing_person(9, 118, 990120, pg_temp.key(), :'mp1') \gset

CREATE FUNCTION pg_temp.found(ch jsonb) RETURNS jsonb LANGUAGE sql AS $$
	SELECT jsonb_build_object('found_at', pg_temp.ist(now() - interval '2 days'),
		'found_place', '{"beat": "Beat 3", "address": {"line1": "Bus stand", "city": "Agra", "district_code": 118, "state_code": 9}}'::jsonb,
		'gender', 'female', 'apparent_age_from', 65, 'apparent_age_to', 75,
		'descriptive_roll', '{"height_cm": 152, "moles": "mole on chin", "languages": ["Braj"]}'::jsonb,
		'clothing', 'White saree', 'placed', 'shelter', 'placed_where', 'Nari Niketan, Agra',
		'officer', pg_temp.officer(2)) || ch
$$;
-- Found at B: a match.
SELECT receipt ->> 'number' AS fp1_no, receipt ->> 'gd_number' AS fp1_gd
FROM api.register_found_person(9, 118, 990121, pg_temp.key(), pg_temp.found('{}')) \gset
SELECT pg_temp.check(:'fp1_no' ~ '^[0-9]{4}/[0-9]{4}$' AND :'fp1_gd'::int > 0, 'found: numbered with a diary entry');
SELECT pg_temp.check(pg_temp.alert(990120, 'found person report ' || :'fp1_no', 'missing person report ' || :'mp1_no')
		-> 'matched_by' = '["sex", "dates", "age", "height", "marks", "district"]'
	AND pg_temp.alert(990121, 'found person report ' || :'fp1_no', 'missing person report ' || :'mp1_no') IS NOT NULL
	AND jsonb_array_length(pg_temp.alerts_of(990121, 'missing_person')) = 1,
	'found: matches the missing woman by sex, dates, age, height, marks, district; alert to both stations');
-- Not matches: a man; a girl; much taller; found before she went missing.
SELECT 1 AS one FROM api.register_found_person(9, 118, 990121, pg_temp.key(), pg_temp.found('{"gender": "male"}')) \gset x_
SELECT 1 AS one FROM api.register_found_person(9, 118, 990121, pg_temp.key(),
	pg_temp.found('{"apparent_age_from": 8, "apparent_age_to": 10}')) \gset x_
SELECT 1 AS one FROM api.register_found_person(9, 118, 990121, pg_temp.key(),
	pg_temp.found('{"descriptive_roll": {"height_cm": 175}}')) \gset x_
SELECT 1 AS one FROM api.register_found_person(9, 118, 990121, pg_temp.key(),
	pg_temp.found(jsonb_build_object('found_at', pg_temp.ist(now() - interval '9 days')))) \gset x_
SELECT pg_temp.check(jsonb_array_length(pg_temp.alerts_of(990121, 'missing_person')) = 1,
	'found: another sex, age band, height, or a finding before the disappearance raise nothing');
-- A missing person registered later at B matches the found person of B.
SELECT receipt ->> 'number' AS mp2_no FROM api.register_missing_person(9, 118, 990121, pg_temp.key(),
	jsonb_set(:'mp1'::jsonb, '{person,name}', '"Kamla Bai"') || pg_temp.since(3)) \gset
SELECT pg_temp.check(EXISTS (SELECT 1 FROM jsonb_array_elements(pg_temp.alerts_of(990121, 'missing_person')) a
	WHERE a ->> 'record' = 'missing person report ' || :'mp2_no'
		AND a ->> 'other_record' = 'found person report ' || :'fp1_no'),
	'found: a missing person registered later is matched against found persons');
-- Show, list, trace.
SELECT pg_temp.check(api.get_found_person(9, 118, 990121, :'fp1_no') #>> '{report,placed_where}' = 'Nari Niketan, Agra'
	AND api.get_found_person(9, 118, 990121, :'fp1_no') #>> '{report,descriptive_roll,height_cm}' = '152',
	'found: show gives the report');
SELECT pg_temp.check(jsonb_array_length(api.list_found_persons(9, 118, 990121, '{}') -> 'reports') = 5,
	'found: list gives the five not traced');
SELECT receipt #>> '{trace,handed_to}' AS handed FROM api.mark_found_traced(9, 118, 990121, pg_temp.key(), :'fp1_no',
	jsonb_build_object('traced_at', pg_temp.ist(now() - interval '1 hour'), 'handed_to', 'Her son, at the shelter',
		'missing_number', :'mp1_no', 'officer', pg_temp.officer(2))) \gset
SELECT pg_temp.check(:'handed' = 'Her son, at the shelter'
	AND jsonb_array_length(api.list_found_persons(9, 118, 990121, '{}') -> 'reports') = 4
	AND jsonb_array_length(api.list_found_persons(9, 118, 990121, '{"all": true}') -> 'reports') = 5,
	'found: traced leaves the open list, stays in all');
SELECT 1 AS one FROM api.register_missing_person(9, 118, 990122, pg_temp.key(),
	:'mp1'::jsonb || pg_temp.since(3)) \gset x_
SELECT pg_temp.check(jsonb_array_length(pg_temp.alerts_of(990122, 'missing_person')) = 0,
	'found: a traced found person is matched no more');
-- Refusals, nothing stored.
SELECT jsonb_array_length(api.list_found_persons(9, 118, 990121, '{"all": true}') -> 'reports') AS fp_n \gset
SELECT pg_temp.expect_error(format($$SELECT * FROM api.mark_found_traced(9, 118, 990121, pg_temp.key(), %L,
	'{"traced_at": "2026-01-01T00:00:00+05:30", "handed_to": "x", "officer": {"number": "1", "name": "A", "rank": "SI"}}')$$,
	:'fp1_no'), 'CT409', 'number');
SELECT pg_temp.expect_error($$SELECT * FROM api.register_found_person(9, 118, 990121, pg_temp.key(),
	pg_temp.found('{"gender": "robot"}'))$$, 'CT400', 'gender');
SELECT pg_temp.expect_error($$SELECT * FROM api.register_found_person(9, 118, 990121, pg_temp.key(),
	pg_temp.found('{"apparent_age_from": 40, "apparent_age_to": 30}'))$$, 'CT400', 'apparent_age_to');
SELECT pg_temp.expect_error($$SELECT * FROM api.register_found_person(9, 118, 990121, pg_temp.key(),
	pg_temp.found('{"placed": "jail"}'))$$, 'CT400', 'placed');
SELECT pg_temp.expect_error($$SELECT * FROM api.register_found_person(9, 118, 990121, pg_temp.key(),
	pg_temp.found(jsonb_build_object('found_at', pg_temp.ist(now() + interval '1 day'))))$$, 'CT400', 'found_at');
SELECT pg_temp.expect_error($$SELECT * FROM api.register_found_person(9, 118, 990121, pg_temp.key(),
	pg_temp.found('{"name": "x"}'))$$, 'CT400', 'name');
SELECT pg_temp.expect_error($$SELECT api.get_found_person(9, 118, 990122, '1/2020')$$, 'CT404', 'number');
SELECT pg_temp.check(jsonb_array_length(api.list_found_persons(9, 118, 990121, '{"all": true}') -> 'reports') = :fp_n,
	'found: refusals store nothing');

-- ============================================================ property identifiers
-- A stolen phone (FIR at A) with its IMEI as an identifier, not in its
-- description; a seizure at B of a phone with the same IMEI written with
-- spaces: matched by the identifier.
SELECT fir_number AS fir1 FROM api.register_fir(9, 118, 990120, pg_temp.key(), pg_temp.sample()
	|| '{"properties": [{"kind": "mobile_phone", "description": "Samsung phone, black", "value_rupees": 12000,
		"identifiers": [{"kind": "imei", "number": "490154203237518"}, {"kind": "serial", "number": "R58M-12AB-CD"}]}]}'::jsonb) \gset
SELECT pg_temp.check(api.property_search(9, 118, 990122, '{"number": "490154203237518"}') #>> '{hits,0,register}' = 'stolen',
	'identifiers: property search finds the stolen phone by the IMEI given as identifier');
SELECT pg_temp.check(jsonb_array_length(api.property_search(9, 118, 990122, '{"number": "r58m12abcd"}') -> 'hits') = 1,
	'identifiers: and by the serial however written');
SELECT fir_number AS fir2 FROM api.register_fir(9, 118, 990121, pg_temp.key(), pg_temp.sample()) \gset
SELECT * FROM api.register_seizure(9, 118, 990121, pg_temp.key(), :'fir2', jsonb_build_object(
	'nature', 'stolen', 'place', 'Bus stand, Agra', 'seized_at', pg_temp.ist(now()), 'officer', pg_temp.officer(1),
	'witnesses', '[{"name": "Mohan Lal", "relative_kind": "father", "relative_name": "Kishan Lal", "gender": "male", "year_of_birth": 1970},
		{"name": "Sunita Devi", "relative_kind": "husband", "relative_name": "Rakesh Kumar", "gender": "female", "year_of_birth": 1985}]'::jsonb,
	'seal', 'Brass seal',
	'items', '[{"kind": "mobile_phone", "description": "A phone", "quantity": 1,
		"identifiers": "Samsung", "identifying_numbers": [{"kind": "imei", "number": "49015 42032 37518"}]}]'::jsonb)) \gset s1_
SELECT pg_temp.check(jsonb_array_length(pg_temp.alerts_of(990120, 'property')) = 1
	AND pg_temp.alerts_of(990120, 'property') #>> '{0,matched_by,0}' = '490154203237518'
	AND pg_temp.alerts_of(990121, 'property') #>> '{0,other_record}' = 'FIR ' || :'fir1' || ' property 1',
	'identifiers: the seized phone matches the stolen one by its IMEI identifier, alert to both stations');
-- A lost report with an identifier matches the seizure too.
SELECT * FROM api.register_lost_report(9, 118, 990122, pg_temp.key(), jsonb_build_object(
	'reporter', jsonb_build_object('name', 'Kamla Devi', 'gender', 'female', 'year_of_birth', 1970),
	'lost_from', pg_temp.ist(now() - interval '3 days'),
	'items', '[{"kind": "mobile_phone", "description": "Phone", "identifiers": [{"kind": "imei", "number": "490154203237518"}]}]'::jsonb,
	'officer', pg_temp.officer(1))) \gset l1_
SELECT pg_temp.check(jsonb_array_length(pg_temp.alerts_of(990122, 'property')) = 1,
	'identifiers: a lost item with the IMEI identifier matches the seized one');
-- Refusals name the field; nothing stored.
SELECT (api.get_fir(9, 118, 990120, :'fir1') IS NOT NULL) AS fir1_there \gset
SELECT pg_temp.expect_error($$SELECT * FROM api.register_fir(9, 118, 990120, pg_temp.key(), pg_temp.sample()
	|| '{"properties": [{"kind": "mobile_phone", "description": "x", "identifiers": [{"kind": "imei", "number": "490154203237519"}]}]}')$$,
	'CT400', 'properties[0].identifiers[0].number', '%Luhn%');
SELECT pg_temp.expect_error($$SELECT * FROM api.register_fir(9, 118, 990120, pg_temp.key(), pg_temp.sample()
	|| '{"properties": [{"kind": "cash"}, {"kind": "mobile_phone", "identifiers": [{"kind": "imei", "number": "4901542032"}]}]}')$$,
	'CT400', 'properties[1].identifiers[0].number');
SELECT pg_temp.expect_error($$SELECT * FROM api.register_fir(9, 118, 990120, pg_temp.key(), pg_temp.sample()
	|| '{"properties": [{"kind": "gun", "identifiers": [{"kind": "barcode", "number": "123456"}]}]}')$$,
	'CT400', 'properties[0].identifiers[0].kind');
SELECT pg_temp.expect_error($$SELECT * FROM api.register_fir(9, 118, 990120, pg_temp.key(), pg_temp.sample()
	|| '{"properties": [{"kind": "gun", "identifiers": [{"kind": "arms_number", "number": "12"}]}]}')$$,
	'CT400', 'properties[0].identifiers[0].number');
SELECT pg_temp.expect_error($$SELECT * FROM api.register_lost_report(9, 118, 990122, pg_temp.key(), jsonb_build_object(
	'reporter', jsonb_build_object('name', 'Kamla Devi'), 'lost_from', pg_temp.ist(now() - interval '3 days'),
	'items', '[{"kind": "mobile_phone", "identifiers": [{"kind": "imei", "number": "1"}]}]'::jsonb,
	'officer', pg_temp.officer(1)))$$, 'CT400', 'items[0].identifiers[0].number');

-- ============================================================ as the owner
\c - cctns_owner
\ir helpers.sql
SET client_min_messages = warning;
-- ============================================================ IMEI check digit
SELECT pg_temp.check(core.imei_valid('356938035643809') AND core.imei_valid('490154203237518'),
	'imei: valid Luhn check digits pass');
SELECT pg_temp.check(NOT core.imei_valid('356938035643808') AND NOT core.imei_valid('35693803564380')
	AND NOT core.imei_valid('35693803564380A'), 'imei: a wrong check digit, 14 digits, a letter fail');

SELECT pg_temp.check((SELECT count(*) FROM core.fir WHERE station_code = 990120) = 1,
	'identifiers: refusals store nothing');
SELECT pg_temp.check((SELECT array_agg(i.kind || ' ' || i.number ORDER BY i.ord) FROM core.property_identifier i
	JOIN core.fir f ON f.fir_id = i.record_id AND f.state_code = i.state_code
	WHERE f.station_code = 990120 AND i.source = 'fir_property') = ARRAY['imei 490154203237518', 'serial R58M-12AB-CD'],
	'identifiers: kept as written');
