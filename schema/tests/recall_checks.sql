-- recall_checks.sql: checks of migration 0042 (issue 4, recall session)
-- against a real, migrated database, with hand-made persons of test station
-- 990250 (state 1, district 1): equal person search scores are ordered by
-- how alike the spellings of name and relative are to the query's before
-- the nearest year of birth and person_id. Run by run_api_checks.sh; any
-- failed check raises an exception.

\set ON_ERROR_STOP 1
\c - cctns_owner
\ir helpers.sql
SET client_min_messages = warning;
INSERT INTO ref.station (state_code, district_code, station_code, name, active) VALUES
	(1, 1, 990250, 'Test PS 990250 Anantnag (recall)', true) ON CONFLICT DO NOTHING;
SELECT extract(year FROM now() AT TIME ZONE 'Asia/Kolkata')::int AS y \gset
SELECT core.ensure_partitions(1, :y);
DELETE FROM core.person WHERE station_code = 990250;

SELECT pg_temp.check(to_regprocedure('ext.similarity(text, text)') IS NOT NULL,
	'0042: pg_trgm is installed here (the likeness of spellings needs it)');
SELECT pg_temp.check(core.name_key('xurendra') = core.name_key('xurindra')
		AND core.name_key('xurindra') = core.name_key('xoorindra'),
	'0042: Xurendra, Xurindra and Xoorindra share their phonetic key (the scores tie)');

-- 300 persons written "Xurendra Qumbhar", first in the table, then one
-- "Xurindra Qumbhar": a query "Xoorindra Qumbhar" gives them all the same
-- score; 0036 kept the lowest person numbers, 0042 the closest spelling.
INSERT INTO core.person (person_id, state_code, year, district_code, station_code, name, relative_kind, relative_name)
SELECT nextval('core.person_id_seq'), 1, :y, 1, 990250, 'Xurendra Qumbhar', 'father', 'Zaverchand Qumbhar'
FROM generate_series(1, 300);
INSERT INTO core.person (person_id, state_code, year, district_code, station_code, name, relative_kind, relative_name)
VALUES (nextval('core.person_id_seq'), 1, :y, 1, 990250, 'Xurindra Qumbhar', 'father', 'Zaverchand Qumbhar')
RETURNING person_id AS target \gset
-- (api.search_persons lists the matches that made the limit by score, then
-- person number.)
SELECT pg_temp.check((r -> 'matches') @> jsonb_build_array(jsonb_build_object('person_id', :target))
		AND jsonb_array_length(r -> 'matches') = 10
		AND (SELECT count(DISTINCT e ->> 'score') FROM jsonb_array_elements(r -> 'matches') e) = 1,
	'0042: of 301 persons with equal scores, the one spelled closest to the query (last in the table) makes the first 10')
FROM api.search_persons(1, 1, 990250, '{"name": "Xoorindra Qumbhar", "limit": 10}') r;
SELECT pg_temp.check(NOT (r -> 'matches') @> jsonb_build_array(jsonb_build_object('person_id', :target)),
	'0042: a query spelled as the many is answered by the many (higher scores: spelled as typed)')
FROM api.search_persons(1, 1, 990250, '{"name": "Xurendra Qumbhar", "limit": 10}') r;

-- The relative's name: 300 namesakes whose father is written "Zaverchand",
-- then one whose father is "Zavarchaand"; the query names the father as
-- "Zavarchand": equal scores, the closest relative's spelling first.
INSERT INTO core.person (person_id, state_code, year, district_code, station_code, name, relative_kind, relative_name)
SELECT nextval('core.person_id_seq'), 1, :y, 1, 990250, 'Xamal Qureji', 'father', 'Zaverchand Qureji'
FROM generate_series(1, 300);
INSERT INTO core.person (person_id, state_code, year, district_code, station_code, name, relative_kind, relative_name)
VALUES (nextval('core.person_id_seq'), 1, :y, 1, 990250, 'Xamal Qureji', 'father', 'Zavarchaand Qureji')
RETURNING person_id AS reltarget \gset
SELECT pg_temp.check(core.name_key('zaverchand') = core.name_key('zavarchaand')
		AND core.name_key('zavarchaand') = core.name_key('zavarchand'),
	'0042: Zaverchand, Zavarchaand and Zavarchand share their phonetic key');
SELECT pg_temp.check((r -> 'matches') @> jsonb_build_array(jsonb_build_object('person_id', :reltarget)),
	'0042: of 301 namesakes with equal scores, the one whose relative is spelled closest to the query makes the first 10')
FROM api.search_persons(1, 1, 990250, '{"name": "Xamal Qureji", "relative_name": "Zavarchand Qureji", "limit": 10}') r;

DELETE FROM core.person WHERE station_code = 990250;
SELECT pg_temp.check(count(*) = 0, '0042: the check''s persons and their search rows are gone')
FROM core.person_search s WHERE s.state_code = 1 AND s.station_code = 990250;
