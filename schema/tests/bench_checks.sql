-- bench_checks.sql: checks of migration 0033 (the person search's probes
-- keep the best spelled candidates) against a real, migrated database, with
-- hand-made persons of test station 990130 (state 1, district 1). Run by
-- run_api_checks.sh; any failed check raises an exception.

\set ON_ERROR_STOP 1
\c - cctns_owner
\ir helpers.sql
SET client_min_messages = warning;
INSERT INTO ref.station (state_code, district_code, station_code, name, active) VALUES
	(1, 1, 990130, 'Test PS 990130 Anantnag (bench)', true) ON CONFLICT DO NOTHING;
SELECT extract(year FROM now() AT TIME ZONE 'Asia/Kolkata')::int AS y \gset
SELECT core.ensure_partitions(1, :y);
DELETE FROM core.person WHERE station_code = 990130;

-- 150 namesakes by sound, written "X. Welu", first in the table (the index
-- hands rows back in physical order), then the one written "X. Velu": a
-- probe by their keys matches 151 persons, more than its 100.
INSERT INTO core.person (person_id, state_code, year, district_code, station_code, name, relative_kind, relative_name)
SELECT nextval('core.person_id_seq'), 1, :y, 1, 990130, 'X. Welu', 'father', 'Xyzwar Pratap'
FROM generate_series(1, 150);
INSERT INTO core.person (person_id, state_code, year, district_code, station_code, name, relative_kind, relative_name)
VALUES (nextval('core.person_id_seq'), 1, :y, 1, 990130, 'X. Velu', 'father', 'Xyzwar Pratap')
RETURNING person_id AS velu \gset

SELECT pg_temp.check(count(*) = 151, '0033: 151 persons share the keys of "X Velu S/o Xyzwar Pratap"')
FROM core.person_search s WHERE s.state_code = 1 AND s.station_code = 990130;
SELECT pg_temp.check((r -> 'matches' -> 0 ->> 'person_id')::bigint = :velu,
	'0033: of 151 persons matching the probe, the one spelled as typed (X. Velu) is found and ranked first')
FROM api.search_persons(1, 1, 990130, '{"name": "X Velu", "relative_name": "Xyzwar Pratap", "limit": 10}') r;
SELECT pg_temp.check((r -> 'matches' -> 0 ->> 'person_id')::bigint = :velu,
	'0033: the same with the relative typed after S/o in the name')
FROM api.search_persons(1, 1, 990130, '{"name": "X. Velu S/o Xyzwar Pratap", "limit": 10}') r;
SELECT pg_temp.check(jsonb_array_length(r -> 'matches') = 10
		AND NOT EXISTS (SELECT 1 FROM jsonb_array_elements(r -> 'matches') e WHERE e ->> 'name' NOT IN ('X. Welu', 'X. Velu')),
	'0033: the namesakes by sound still come after it, up to the limit')
FROM api.search_persons(1, 1, 990130, '{"name": "X Velu", "relative_name": "Xyzwar Pratap", "limit": 10}') r;

DELETE FROM core.person WHERE station_code = 990130;
SELECT pg_temp.check(count(*) = 0, '0033: the check''s persons and their search rows are gone')
FROM core.person_search s WHERE s.state_code = 1 AND s.station_code = 990130;
