-- bench2_checks.sql: checks of migration 0036 (the person search's first
-- GIN probe ranks all its rows, not the first 400 in physical order) against
-- a real, migrated database, with hand-made persons of test station 990170
-- (state 1, district 1). Run by run_api_checks.sh; any failed check raises
-- an exception.

\set ON_ERROR_STOP 1
\c - cctns_owner
\ir helpers.sql
SET client_min_messages = warning;
INSERT INTO ref.station (state_code, district_code, station_code, name, active) VALUES
	(1, 1, 990170, 'Test PS 990170 Anantnag (bench2)', true) ON CONFLICT DO NOTHING;
SELECT extract(year FROM now() AT TIME ZONE 'Asia/Kolkata')::int AS y \gset
SELECT core.ensure_partitions(1, :y);
DELETE FROM core.person WHERE station_code = 990170;

-- 500 namesakes by sound, written "Q. Welu", first in the table (the index
-- hands rows back in physical order), then the one written "Q. Velu": the
-- probe by every key matches 501 persons, more than the 400 rows 0033 read.
INSERT INTO core.person (person_id, state_code, year, district_code, station_code, name, relative_kind, relative_name)
SELECT nextval('core.person_id_seq'), 1, :y, 1, 990170, 'Q. Welu', 'father', 'Qyzwar Pratap'
FROM generate_series(1, 500);
INSERT INTO core.person (person_id, state_code, year, district_code, station_code, name, relative_kind, relative_name)
VALUES (nextval('core.person_id_seq'), 1, :y, 1, 990170, 'Q. Velu', 'father', 'Qyzwar Pratap')
RETURNING person_id AS velu \gset

-- 500 namesakes written exactly alike but of unknown age (the probe's age
-- bands take Y:? too), then the one born in the age range asked.
INSERT INTO core.person (person_id, state_code, year, district_code, station_code, name, relative_kind, relative_name)
SELECT nextval('core.person_id_seq'), 1, :y, 1, 990170, 'Qamlesh Zorawar', 'father', 'Qutub Zorawar'
FROM generate_series(1, 500);
INSERT INTO core.person (person_id, state_code, year, district_code, station_code, name, relative_kind, relative_name,
	year_of_birth)
VALUES (nextval('core.person_id_seq'), 1, :y, 1, 990170, 'Qamlesh Zorawar', 'father', 'Qutub Zorawar', :y - 40)
RETURNING person_id AS aged \gset

SELECT pg_temp.check(count(*) = 1002, '0036: 1002 persons of the check''s station (before the last 31) have search rows')
FROM core.person_search s WHERE s.state_code = 1 AND s.station_code = 990170;
SELECT pg_temp.check((r -> 'matches' -> 0 ->> 'person_id')::bigint = :velu,
	'0036: of 501 persons matching every key, the one spelled as typed (Q. Velu, last in the table) is ranked first')
FROM api.search_persons(1, 1, 990170, '{"name": "Q Velu", "relative_name": "Qyzwar Pratap", "limit": 10}') r;
SELECT pg_temp.check((r -> 'matches' -> 0 ->> 'person_id')::bigint = :velu,
	'0036: the same with the relative typed after S/o in the name')
FROM api.search_persons(1, 1, 990170, '{"name": "Q. Velu S/o Qyzwar Pratap", "limit": 10}') r;
SELECT pg_temp.check(jsonb_array_length(r -> 'matches') = 10
		AND NOT EXISTS (SELECT 1 FROM jsonb_array_elements(r -> 'matches') e WHERE e ->> 'name' NOT IN ('Q. Welu', 'Q. Velu')),
	'0036: the namesakes by sound still come after it, up to the limit')
FROM api.search_persons(1, 1, 990170, '{"name": "Q Velu", "relative_name": "Qyzwar Pratap", "limit": 10}') r;
SELECT pg_temp.check((r -> 'matches' -> 0 ->> 'person_id')::bigint = :aged
		AND (r -> 'matches' -> 0 -> 'reasons') ? ('age: born ' || (:y - 40)),
	'0036: of 501 namesakes written alike, the one born in the age range asked (last in the table) is ranked first')
FROM api.search_persons(1, 1, 990170, '{"name": "Qamlesh Zorawar S/o Qutub Zorawar", "age": 40, "limit": 10}') r;
SELECT pg_temp.check((r -> 'matches' -> 0 ->> 'person_id')::bigint = :aged,
	'0036: the same with a district (the probe carries D:1) and an age band')
FROM api.search_persons(1, 1, 990170, '{"name": "Qamlesh Zorawar", "relative_name": "Qutub Zorawar", "district_code": 1, "age_from": 38, "age_to": 42, "limit": 10}') r;

-- 30 namesakes written alike, all born in the age range asked (equal
-- scores), two years off, then the one born in the very year: equal scores
-- are ordered by the nearest year of birth, not by person_id, when the limit
-- is applied (api.search_persons then lists the 10 by score and number).
INSERT INTO core.person (person_id, state_code, year, district_code, station_code, name, relative_kind, relative_name,
	year_of_birth)
SELECT nextval('core.person_id_seq'), 1, :y, 1, 990170, 'Qasim Zaidi', 'father', 'Qadir Zaidi', :y - 42
FROM generate_series(1, 30);
INSERT INTO core.person (person_id, state_code, year, district_code, station_code, name, relative_kind, relative_name,
	year_of_birth)
VALUES (nextval('core.person_id_seq'), 1, :y, 1, 990170, 'Qasim Zaidi', 'father', 'Qadir Zaidi', :y - 40)
RETURNING person_id AS nearest \gset
SELECT pg_temp.check(jsonb_array_length(r -> 'matches') = 10
		AND (r -> 'matches') @> jsonb_build_array(jsonb_build_object('person_id', :nearest))
		AND (SELECT count(DISTINCT e ->> 'score') FROM jsonb_array_elements(r -> 'matches') e) = 1,
	'0036: of 31 namesakes with equal scores, the one born nearest the age asked makes the first 10 (not only the lowest person numbers)')
FROM api.search_persons(1, 1, 990170, '{"name": "Qasim Zaidi S/o Qadir Zaidi", "age": 40, "limit": 10}') r;
SELECT pg_temp.check(jsonb_array_length(r -> 'matches') = 10 AND NOT (r -> 'matches') @> jsonb_build_array(jsonb_build_object('person_id', :nearest)),
	'0036: without an age the same namesakes are ordered by person number (the last one recorded is not in the first 10)')
FROM api.search_persons(1, 1, 990170, '{"name": "Qasim Zaidi S/o Qadir Zaidi", "limit": 10}') r;

DELETE FROM core.person WHERE station_code = 990170;
SELECT pg_temp.check(count(*) = 0, '0036: the check''s persons and their search rows are gone')
FROM core.person_search s WHERE s.state_code = 1 AND s.station_code = 990170;
