-- reg44_checks.sql: checks of migration 0044 (the person search GIN pending
-- list moved into the index tree by api.person_search_flush, not by a
-- registration) against a real, migrated database, with hand-made data of
-- test station 990270 (state 9, district 118). Run by run_api_checks.sh;
-- any failed check raises an exception.

\set ON_ERROR_STOP 1
\c - cctns_owner
\ir helpers.sql
SET client_min_messages = warning;
INSERT INTO ref.station (state_code, district_code, station_code, name, active) VALUES
	(9, 118, 990270, 'Test PS 990270 Agra (reg 0044)', true) ON CONFLICT DO NOTHING;

SELECT pg_temp.check(count(*) > 0 AND bool_and(c.reloptions @> '{fastupdate=on,gin_pending_list_limit=1024}'),
	'0044: the GIN index of every person search partition keeps a pending list of up to 1 MB')
FROM pg_inherits h
JOIN pg_index i ON i.indrelid = h.inhrelid
JOIN pg_class c ON c.oid = i.indexrelid
JOIN pg_am a ON a.oid = c.relam AND a.amname = 'gin'
WHERE h.inhparent = 'core.person_search'::regclass;

-- The server's role calls it (it owns no index: the function has the
-- owner's rights).
\c - cctns_server
SELECT api.person_search_flush() AS reg44_first \gset
SELECT api.person_search_flush() AS reg44_second \gset
\c - cctns_owner
\ir helpers.sql
SELECT pg_temp.check(:reg44_second = 0,
	'0044: a second flush (by cctns_server) right after the first finds every pending list empty');

-- Persons registered now go to the pending list; the flush moves them.
SELECT r.fir_number AS reg44_fir
FROM api.register_fir(9, 118, 990270, pg_temp.key(),
	jsonb_set(jsonb_set(pg_temp.sample(), '{complainant,name}', '"Qorvendra Xilbathi Zumrakar"'),
		'{complainant,relative_name}', '"Yashvar Zumrakar"')) r \gset
INSERT INTO core.person (person_id, state_code, year, district_code, station_code, name, relative_kind, relative_name)
SELECT nextval('core.person_id_seq'), 9, extract(year FROM now() AT TIME ZONE 'Asia/Kolkata')::int, 118, 990270,
	'Qwerind Reg' || chr(97 + g % 26) || chr(97 + (g / 26) % 26) || ' Zumrakar', 'father', 'Vrashta Zumrakar'
FROM generate_series(1, 100) g;
\c - cctns_server
SELECT api.person_search_flush() AS reg44_moved \gset
SELECT api.person_search_flush() AS reg44_after \gset
\c - cctns_owner
\ir helpers.sql
SELECT pg_temp.check(:reg44_moved > 0,
	'0044: the flush moves the pending pages of persons just registered into the index tree (' || :reg44_moved || ' pages)');
SELECT pg_temp.check(:reg44_after = 0, '0044: ... and leaves the list empty');

-- Found as before, through the tree now.
SELECT s.person_id AS reg44_pid
FROM core.person_search s JOIN core.person p ON p.person_id = s.person_id AND p.state_code = s.state_code
WHERE s.state_code = 9 AND s.station_code = 990270 AND p.name = 'Qorvendra Xilbathi Zumrakar'
ORDER BY s.person_id DESC LIMIT 1 \gset
SELECT pg_temp.check(EXISTS (SELECT 1 FROM jsonb_array_elements(r -> 'matches') e WHERE (e ->> 'person_id')::bigint = :reg44_pid),
	'0044: the complainant is found by a person search spelled differently after the flush')
FROM api.search_persons(9, 118, 990270, '{"name": "Korvendra Zilbathi Jumrakar S/o Yashwar Zumrakar", "limit": 10}') r;
SET enable_seqscan = off;
SELECT pg_temp.check(count(*) = 100,
	'0044: the 100 persons made in one statement are all found through the GIN index by their tags (got ' || count(*) || ')')
FROM core.person_search s
WHERE s.state_code = 9 AND s.tags @> ARRAY['S:990270', 'r:' || core.name_key('vrashta')];
RESET enable_seqscan;

-- Only the server's role and the owner may call it.
SELECT pg_temp.check(NOT has_function_privilege('cctns_analyst', 'api.person_search_flush()', 'EXECUTE'),
	'0044: the analyst may not call api.person_search_flush');
SELECT pg_temp.check(has_function_privilege('cctns_server', 'api.person_search_flush()', 'EXECUTE'),
	'0044: cctns_server may call api.person_search_flush');
