-- reg_checks.sql: checks of migration 0040 (the database time of one FIR
-- registration) against a real, migrated database, with hand-made data of
-- test stations 990220-990229 (state 9, district 118). Run by
-- run_api_checks.sh; any failed check raises an exception.
--
-- 0040 rewrote functions for speed, not for different answers: the new
-- ones are compared here with the definitions they replace (copied below
-- into pg_temp as they were in 0015 and 0026) over a varied sample, and a
-- person registered a moment ago (its tags in the GIN pending list) is
-- found by the person search and proposed as a duplicate.

\set ON_ERROR_STOP 1
\c - cctns_owner
\ir helpers.sql
SET client_min_messages = warning;
INSERT INTO ref.station (state_code, district_code, station_code, name, active) VALUES
	(9, 118, 990220, 'Test PS 990220 Agra (reg)', true) ON CONFLICT DO NOTHING;
-- A run before this one left persons without links (made by the checks).
DELETE FROM core.person p WHERE p.station_code = 990220
	AND NOT EXISTS (SELECT 1 FROM core.person_link l WHERE l.person_id = p.person_id AND l.state_code = p.state_code);

-- ------------------------------------------------------------ the definitions replaced

-- 0015's core.vehicle_no_normalise.
CREATE FUNCTION pg_temp.vehicle_no_normalise_0015(written text) RETURNS text
LANGUAGE sql IMMUTABLE PARALLEL SAFE
SET search_path = pg_catalog, pg_temp
AS $fn$
	SELECT nullif(upper(regexp_replace(written, '[^A-Za-z0-9]', '', 'g')), '')
$fn$;

-- 0026's core.property_numbers.
CREATE FUNCTION pg_temp.property_numbers_0026(txt text) RETURNS text[]
LANGUAGE sql IMMUTABLE PARALLEL SAFE
SET search_path = pg_catalog, pg_temp
AS $fn$
	SELECT coalesce(array_agg(DISTINCT n ORDER BY n), '{}')
	FROM (SELECT pg_temp.vehicle_no_normalise_0015(w) AS n
		FROM regexp_split_to_table(coalesce(txt, ''), '[\s,;:/#()\[\]]+') w) x
	WHERE length(n) BETWEEN 6 AND 24 AND length(regexp_replace(n, '[^0-9]', '', 'g')) >= 4
$fn$;

-- A varied sample of property descriptions and numbers as officers write
-- them: IMEI and serial numbers, registration, chassis and engine numbers
-- with spaces, dashes, dots and slashes, lower case, Devanagari, empty and
-- NULL, words too short or too long, numbers repeated.
CREATE TEMP TABLE reg_texts (t text);
INSERT INTO reg_texts VALUES
	('Samsung Galaxy A34, black, with a blue back cover'),
	('IMEI 356938035643809, SN: AB-1234567'),
	('IMEI1: 356938035643809 / IMEI2: 356938035643817 (dual SIM)'),
	('Hero Splendor UP-80 AB 1234, chassis MBLHA10EZ9HB12345, engine HA10EJ9HB23456'),
	('up80ab1234 up 80 ab 1234 UP.80.AB.1234'),
	('Rs 35,000 in notes of 500 and 200'),
	('gold chain 20 g; bill no. 2026/11/0042#7 [shop copy]'),
	('IMEI#356938035643809 [SN12345678](UP80AB1234)'),
	('मोबाइल फ़ोन IMEI ३५६९३८०३५६४३८०९ 356938035643809'),
	('serial 12-34-56-78-90-12-34-56-78-90-12-34-56-78'),
	('a1b2c3d4 A1B2C3 a-1-b-2 12345 1234567890123456789012345'),
	(''),
	(NULL),
	('   ,;:/#()[]   '),
	('licence no. DL-0420110012345, arms licence 123/ALG/2019, rifle no. 12.345.678'),
	('laptop Dell Latitude 5420 service tag 7XK2PQ3 s/n CN-0H1234-56789'),
	('Aadhaar 1234 5678 9012; PAN ABCDE1234F; passport P4721936');

SELECT pg_temp.check(count(*) = 0,
	'0040: core.vehicle_no_normalise gives what 0015''s gave for every word of the sample; differs for: '
	|| coalesce(string_agg(w, ' | '), ''))
FROM (SELECT DISTINCT w FROM reg_texts, regexp_split_to_table(coalesce(t, ''), '[\s,;]+') w
	UNION ALL SELECT t FROM reg_texts) x
WHERE core.vehicle_no_normalise(w) IS DISTINCT FROM pg_temp.vehicle_no_normalise_0015(w);

SELECT pg_temp.check(count(*) = 0,
	'0040: core.property_numbers gives what 0026''s gave for every text of the sample; differs for: '
	|| coalesce(string_agg(coalesce(t, 'NULL'), ' | '), ''))
FROM reg_texts
WHERE core.property_numbers(t) IS DISTINCT FROM pg_temp.property_numbers_0026(t);

SELECT pg_temp.check(core.property_numbers('IMEI 356938035643809, SN: AB-1234567') = '{356938035643809,AB1234567}'
		AND core.property_numbers('UP-80 AB 1234') = '{}' AND core.property_numbers(NULL) = '{}',
	'0040: core.property_numbers: the numbers of 0026''s own example, none in words split apart, none in NULL');

SELECT pg_temp.check(p.prolang = (SELECT oid FROM pg_language WHERE lanname = 'plpgsql'),
	'0040: core.property_numbers is PL/pgSQL (its plan kept for the session)')
FROM pg_proc p WHERE p.oid = 'core.property_numbers(text)'::regprocedure;
SELECT pg_temp.check(p.proconfig IS NULL,
	'0040: core.vehicle_no_normalise has no SET clause (so it is inlined where it is called)')
FROM pg_proc p WHERE p.oid = 'core.vehicle_no_normalise(text)'::regprocedure;

-- 0032's core.property_ids_strip and core.property_ids_of.
CREATE FUNCTION pg_temp.property_ids_strip_0032(doc jsonb, field text, sub text) RETURNS jsonb
LANGUAGE sql IMMUTABLE
SET search_path = pg_catalog, pg_temp
AS $fn$
	SELECT CASE WHEN jsonb_typeof(doc -> field) = 'array' THEN
		jsonb_set(doc, ARRAY[field], (SELECT coalesce(jsonb_agg(CASE WHEN jsonb_typeof(e) = 'object'
			THEN e - sub ELSE e END ORDER BY n), '[]')
			FROM jsonb_array_elements(doc -> field) WITH ORDINALITY x(e, n)))
		ELSE doc END
$fn$;
CREATE FUNCTION pg_temp.property_ids_of_0032(i int) RETURNS jsonb
LANGUAGE sql STABLE
SET search_path = pg_catalog, pg_temp
AS $fn$
	SELECT coalesce(nullif(current_setting('cctns.property_ids', true), '')::jsonb -> i, '[]')
$fn$;

CREATE TEMP TABLE reg_docs (d jsonb);
INSERT INTO reg_docs VALUES
	(pg_temp.sample()),
	(jsonb_set(pg_temp.sample(), '{properties}', '[{"kind": "mobile_phone", "description": "x", "identifiers": [{"kind": "imei", "number": "356938035643809"}]}, "odd", 7, null, {"identifiers": []}, []]')),
	('{"properties": []}'), ('{"properties": {"identifiers": 1}}'), ('{"properties": null}'), ('{}'), ('[]'), ('"text"'), (NULL);
SELECT pg_temp.check(count(*) = 0,
	'0040: core.property_ids_strip gives what 0032''s gave for every document of the sample; differs for: '
	|| coalesce(string_agg(coalesce(d::text, 'NULL'), ' | '), ''))
FROM reg_docs
WHERE core.property_ids_strip(d, 'properties', 'identifiers') IS DISTINCT FROM pg_temp.property_ids_strip_0032(d, 'properties', 'identifiers');
BEGIN;
SELECT pg_temp.check(core.property_ids_of(0) = '[]' AND pg_temp.property_ids_of_0032(0) = '[]',
	'0040: core.property_ids_of before anything is handed over: []');
SELECT core.property_ids_set('[[{"kind": "imei", "number": "1", "normalised": "1"}], []]');
SELECT pg_temp.check(core.property_ids_of(i) IS NOT DISTINCT FROM pg_temp.property_ids_of_0032(i)
		AND core.property_ids_of(0) -> 0 ->> 'kind' = 'imei' AND core.property_ids_of(1) = '[]' AND core.property_ids_of(5) = '[]',
	'0040: core.property_ids_of(' || i || ') after core.property_ids_set: what 0032''s gave')
FROM generate_series(0, 5) i;
SELECT core.property_ids_set(NULL);
SELECT pg_temp.check(core.property_ids_of(0) = '[]', '0040: core.property_ids_set(NULL) clears it');
COMMIT;

-- Generated columns of vehicle reports still use it: a registration number
-- written with dashes and spaces is stored normalised.
SELECT pg_temp.check(core.vehicle_no_normalise(' up-80 ab.1234/ ') = 'UP80AB1234'
		AND core.vehicle_no_normalise('- .') IS NULL AND core.vehicle_no_normalise(NULL) IS NULL,
	'0040: core.vehicle_no_normalise: upper case without spaces, dashes, dots, slashes; NULL for nothing left');

-- ------------------------------------------------------------ person search GIN pending list

SELECT pg_temp.check(count(*) > 0 AND bool_and(c.reloptions @> '{fastupdate=on}'),
	'0040: the GIN index of every person search partition keeps a pending list (its limit: 0044, reg44_checks.sql)')
FROM pg_inherits h
JOIN pg_index i ON i.indrelid = h.inhrelid
JOIN pg_class c ON c.oid = i.indexrelid
JOIN pg_am a ON a.oid = c.relam AND a.amname = 'gin'
WHERE h.inhparent = 'core.person_search'::regclass;

-- A person registered with an FIR is found by the person search and
-- proposed as a duplicate in the same moment (the tags of a new person are
-- in the pending list; a search reads it with the index).
SELECT r.fir_number AS reg_fir
FROM api.register_fir(9, 118, 990220, pg_temp.key(),
	jsonb_set(jsonb_set(pg_temp.sample(), '{complainant,name}', '"Xavion Qirtimaan Zorbadia"'),
		'{complainant,relative_name}', '"Yuvraaj Zorbadia"')) r \gset
SELECT s.person_id AS reg_pid
FROM core.person_search s JOIN core.person p ON p.person_id = s.person_id AND p.state_code = s.state_code
WHERE s.state_code = 9 AND s.station_code = 990220 AND p.name = 'Xavion Qirtimaan Zorbadia'
ORDER BY s.person_id DESC LIMIT 1 \gset
SELECT pg_temp.check(EXISTS (SELECT 1 FROM jsonb_array_elements(r -> 'matches') e WHERE (e ->> 'person_id')::bigint = :reg_pid),
	'0040: the complainant of an FIR just registered is found by a person search spelled differently (Zavion Kirtiman Jorbadiya S/o Yuvraj)')
FROM api.search_persons(9, 118, 990220, '{"name": "Zavion Kirtiman Jorbadiya S/o Yuvraj Jorbadiya", "limit": 10}') r;
INSERT INTO core.person (person_id, state_code, year, district_code, station_code, name, relative_kind, relative_name)
VALUES (nextval('core.person_id_seq'), 9, extract(year FROM now() AT TIME ZONE 'Asia/Kolkata')::int, 118, 990220,
	'Xavion Kirtiman Zorbadia', 'father', 'Yuvraj Zorbadia')
RETURNING person_id AS reg_dup \gset
SELECT pg_temp.check(EXISTS (SELECT 1 FROM jsonb_array_elements(r -> 'matches') e WHERE (e ->> 'person_id')::bigint = :reg_pid),
	'0040: a second record of that person, made a moment later, is proposed as its duplicate')
FROM api.match_persons(9, 118, 990220, jsonb_build_object('person_id', :reg_dup)) r;

-- The search rows are the trigger's own build, tags and keys as before.
SELECT pg_temp.check(count(*) = 2 AND bool_and(s = core.person_search_of(p)),
	'0040: the search rows of the persons of the check''s station equal core.person_search_of')
FROM core.person_search s JOIN core.person p ON p.person_id = s.person_id AND p.state_code = s.state_code AND p.year = s.year
WHERE s.state_code = 9 AND s.person_id IN (:reg_pid, :reg_dup);

-- Many persons at once (more than a pending list holds: the backend that
-- passes 128 kB moves the list into the tree): every one still found by its
-- exact tags, through the index.
INSERT INTO core.person (person_id, state_code, year, district_code, station_code, name, relative_kind, relative_name)
SELECT nextval('core.person_id_seq'), 9, extract(year FROM now() AT TIME ZONE 'Asia/Kolkata')::int, 118, 990220,
	'Qwendolin Reg' || chr(97 + g % 26) || chr(97 + (g / 26) % 26) || ' Zbyrtsk', 'father', 'Vrentham Zbyrtsk'
FROM generate_series(1, 400) g;
SET enable_seqscan = off;
SELECT pg_temp.check(count(*) = 400,
	'0040: 400 persons made in one statement are all found through the GIN index by their tags (got ' || count(*) || ')')
FROM core.person_search s
WHERE s.state_code = 9 AND s.tags @> ARRAY['S:990220', 'r:' || core.name_key('vrentham')];
RESET enable_seqscan;

DELETE FROM core.person WHERE station_code = 990220 AND name LIKE 'Qwendolin Reg%';
