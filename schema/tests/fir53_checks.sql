-- fir53_checks.sql (fir, issue 7): checks of 0053_fir_notify.sql. This
-- session LISTENs on cctns_fir and psql writes what it receives (with a
-- marker line before each step) to the file named by the psql variable
-- notes (run_api_checks.sh passes it); the checks at the end read that file
-- back. Each step must send exactly what a worker needs: the keys of the
-- forgotten FIRs, '*' when they do not fit or when an input without keys
-- changed, and nothing for a rolled back change. Stations 990360-990369
-- (state 9, district 118). Any failed check raises.

\set ON_ERROR_STOP 1

\c - cctns_owner
SET client_min_messages = warning;
INSERT INTO ref.station (state_code, district_code, station_code, name, active) VALUES
	(9, 118, 990360, 'Test PS 990360 Agra (fir53)', true),
	(9, 118, 990361, 'Test PS 990361 Agra (fir53, other)', true)
ON CONFLICT DO NOTHING;
DELETE FROM core.fir_rendered WHERE state_code = 9 AND station_code BETWEEN 990360 AND 990369;
\ir helpers.sql

-- The payload builder.
SELECT pg_temp.check(core.fir_rendered_payload(ARRAY['9:118:1:1/2026', '9:118:1:2/2026'])
	= '9:118:1:1/2026 9:118:1:2/2026', 'payload: the keys separated by spaces');
SELECT pg_temp.check(core.fir_rendered_payload('{}') IS NULL AND core.fir_rendered_payload(NULL) IS NULL,
	'payload: none for no keys');
SELECT pg_temp.check(core.fir_rendered_payload(array_fill('9:118:1:1/2026'::text, ARRAY[300])) <> '*'
	AND core.fir_rendered_payload(array_fill('9:118:1:1/2026'::text, ARRAY[301])) = '*',
	'payload: * above 300 keys');
SELECT pg_temp.check(core.fir_rendered_payload(array_fill(repeat('9', 50), ARRAY[140])) = '*',
	'payload: * above 7,000 bytes');

CREATE FUNCTION pg_temp.reg(station int, doc jsonb) RETURNS text LANGUAGE sql VOLATILE AS $$
	SELECT fir_number FROM api.register_fir(9, 118, station, pg_temp.key(), doc)
$$;
-- The worker's key of an FIR number at a station.
CREATE FUNCTION pg_temp.k(station int, n text) RETURNS text LANGUAGE sql IMMUTABLE AS $$
	SELECT format('9:118:%s:%s/%s', station, split_part(n, '/', 1)::int, split_part(n, '/', 2))
$$;
CREATE FUNCTION pg_temp.fid(station int, n text) RETURNS bigint LANGUAGE sql STABLE AS $$
	SELECT f.fir_id FROM core.fir f WHERE f.state_code = 9 AND f.station_code = station
		AND f.year = split_part(n, '/', 2)::int AND f.fir_no = split_part(n, '/', 1)::int
$$;
SELECT set_config('cctns.officer', '', false), set_config('cctns.permissions', '', false);
SELECT pg_temp.reg(990360, pg_temp.sample()) AS a \gset
SELECT pg_temp.reg(990360, pg_temp.sample()) AS b \gset
SELECT pg_temp.reg(990361, pg_temp.sample()) AS c \gset
SELECT split_part(:'a', '/', 2)::int AS y \gset
SELECT pg_temp.k(990360, :'a') AS ka, pg_temp.k(990360, :'b') AS kb, pg_temp.k(990361, :'c') AS kc \gset

\o :notes
LISTEN cctns_fir;
SELECT 'STEP 1 registration and first reads';
SELECT api.get_fir(9, 118, 990360, :'a') IS NOT NULL, api.get_fir(9, 118, 990360, :'b') IS NOT NULL,
	api.get_fir(9, 118, 990361, :'c') IS NOT NULL;
SELECT 'STEP 2 a charge of a';
INSERT INTO core.fir_charge (state_code, year, fir_id, seq, act, section)
VALUES (9, :y, pg_temp.fid(990360, :'a'), 7, 'bns', '318(4)');
SELECT 'STEP 3 one statement forgets a and b';
SELECT api.get_fir(9, 118, 990360, :'a') IS NOT NULL;
DELETE FROM core.fir_rendered WHERE state_code = 9 AND district_code = 118 AND station_code = 990360;
SELECT 'STEP 4 rolled back';
SELECT api.get_fir(9, 118, 990360, :'a') IS NOT NULL;
BEGIN;
UPDATE core.fir SET brief_facts = 'Rolled back (fir53)' WHERE state_code = 9 AND year = :y
	AND fir_id = pg_temp.fid(990360, :'a');
ROLLBACK;
SELECT 'STEP 5 a sealing charge of a';
INSERT INTO core.fir_charge (state_code, year, fir_id, seq, act, section)
VALUES (9, :y, pg_temp.fid(990360, :'a'), 8, 'bns', '64(1)');
SELECT 'STEP 6 update of a rendered row';
SELECT api.get_fir(9, 118, 990361, :'c') IS NOT NULL;
UPDATE core.fir_rendered SET fir = fir WHERE state_code = 9 AND station_code = 990361;
SELECT 'STEP 7 truncate';
TRUNCATE core.fir_rendered;
SELECT 'STEP 8 station active';
UPDATE ref.station SET active = true WHERE state_code = 9 AND district_code = 118 AND station_code = 990361;
SELECT 'STEP 9 sealing table';
BEGIN;
INSERT INTO ref.sealed_charge (act, section, law, sealed_by) VALUES ('bns', '999', NULL, 'BNS 72');
DELETE FROM ref.sealed_charge WHERE act = 'bns' AND section = '999';
COMMIT;
SELECT 'STEP 10 who may see sealed';
UPDATE ref.role SET scope = scope WHERE code = 'station_writer';
SELECT 'STEP 11 sign-in columns of an officer';
UPDATE core.officer SET failed_attempts = failed_attempts WHERE state_code = 9 AND false;
SELECT 'STEP 12 overflow';
INSERT INTO core.fir_rendered (state_code, district_code, station_code, year, fir_no, fir_id, fir)
SELECT 9, 118, 990369, 2000, n, -n, '{}' FROM generate_series(1, 301) n;
DELETE FROM core.fir_rendered WHERE state_code = 9 AND station_code = 990369;
SELECT 'STEP 13 end';
\o /dev/null
UNLISTEN cctns_fir;

\set notes_text `cat :notes`
SELECT set_config('fir53.notes', :'notes_text', false);
-- The payloads received between STEP n and the next marker, in order.
CREATE FUNCTION pg_temp.got(n int) RETURNS text[] LANGUAGE sql STABLE AS $$
	SELECT coalesce(array_agg(m[1] ORDER BY o), '{}')
	FROM regexp_matches(split_part(split_part(current_setting('fir53.notes'), format('STEP %s ', n), 2), 'STEP ', 1),
		'payload "([^"]*)"', 'g') WITH ORDINALITY AS x (m, o)
$$;
SELECT pg_temp.check(pg_temp.got(1) = '{}', 'registering and reading (storing renderings) send nothing');
SELECT pg_temp.check(pg_temp.got(2) = ARRAY[:'ka'], 'a charge of a read FIR sends its key: ' || pg_temp.got(2)::text);
SELECT pg_temp.check(cardinality(pg_temp.got(3)) = 1
		AND string_to_array((pg_temp.got(3))[1], ' ') @> ARRAY[:'ka', :'kb']
		AND cardinality(string_to_array((pg_temp.got(3))[1], ' ')) = 2,
	'one statement forgetting two FIRs sends both keys in one notification: ' || pg_temp.got(3)::text);
SELECT pg_temp.check(pg_temp.got(4) = '{}', 'a rolled back change sends nothing: ' || pg_temp.got(4)::text);
SELECT pg_temp.check(pg_temp.got(5) = ARRAY[:'ka'], 'a sealing charge of a read FIR sends its key: ' || pg_temp.got(5)::text);
SELECT pg_temp.check(pg_temp.got(6) = ARRAY[:'kc'], 'an UPDATE of a rendered row sends its key: ' || pg_temp.got(6)::text);
SELECT pg_temp.check(pg_temp.got(7) = ARRAY['*'], 'TRUNCATE sends *: ' || pg_temp.got(7)::text);
SELECT pg_temp.check(pg_temp.got(8) = ARRAY['*'], 'ref.station UPDATE sends *: ' || pg_temp.got(8)::text);
SELECT pg_temp.check(pg_temp.got(9) = ARRAY['*'], 'ref.sealed_charge sends * (once a transaction): ' || pg_temp.got(9)::text);
SELECT pg_temp.check(pg_temp.got(10) = ARRAY['*'], 'ref.role sends *: ' || pg_temp.got(10)::text);
SELECT pg_temp.check(pg_temp.got(11) = '{}', 'an officer''s sign-in columns send nothing: ' || pg_temp.got(11)::text);
SELECT pg_temp.check(pg_temp.got(12) = ARRAY['*'], 'forgetting 301 FIRs at once sends *: ' || pg_temp.got(12)::text);

-- A sealing charge forgets a stored rendering: read a, then seal it.
SELECT api.get_fir(9, 118, 990360, :'a') IS NOT NULL AS warm \gset
SELECT pg_temp.check(EXISTS (SELECT 1 FROM core.fir_rendered WHERE state_code = 9 AND station_code = 990360
	AND law IS NOT NULL), 'a is stored sealed (law set) after its sealing charge');
