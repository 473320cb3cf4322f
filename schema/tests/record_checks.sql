-- record_checks.sql: checks of the shared record machinery (migrations 0008
-- and 0009): the persons master record and core.link_person, idempotency
-- claims, register numbers, the server's diary entries and timeline events.
-- Run by run_api_checks.sh after case_checks.sql, as cctns_owner (these are
-- core.* functions the api functions call; the server cannot call them).

\set ON_ERROR_STOP 1
\c - cctns_owner
\ir helpers.sql
SET client_min_messages = warning;

-- ------------------------------------------------------------ persons
SELECT core.link_person(9, 118, 990001, '{"name": "Ram Prasad", "relative_kind": "father",
	"relative_name": "Shiv Prasad", "gender": "male", "year_of_birth": 1980,
	"address": {"line1": "12 Gali", "city": "Agra", "state_code": 9, "district_code": 118, "pincode": "282001"},
	"aliases": ["Ramu"]}', 'complainant', 'complainant', 'fir', 2026, 1, 1, 'FIR 0001/2026') AS p1 \gset
SELECT pg_temp.check(name = 'Ram Prasad' AND aliases = '{Ramu}' AND addr_pincode = '282001' AND station_code = 990001,
	'link_person makes a person from a Person JSON') FROM core.person WHERE person_id = :p1;
SELECT pg_temp.check(core.link_person(9, 118, 990001, jsonb_build_object('person_id', :p1::text), 'memo.person',
	'arrested', 'arrest', 2026, 7, 1, 'arrest A1 in FIR 0001/2026') = :p1,
	'a Person naming person_id links that person');
SELECT pg_temp.check(count(*) = 2 AND count(DISTINCT role) = 2, 'the person has two links, by role')
FROM core.person_link WHERE person_id = :p1;
SELECT pg_temp.check(core.link_person(9, 118, 990001, '{"description": "tall"}', 'accused[0].person',
	'accused', 'fir', 2026, 1, 1, 'FIR 0001/2026') IS NULL, 'no name, no person: nothing written');
SELECT pg_temp.expect_error(format('SELECT core.link_person(9, 118, 990001, %L, %L, %L, %L, 2026, 1, 1, %L)',
	'{"person_id": "999999999999"}', 'complainant', 'complainant', 'fir', 'FIR 0001/2026'),
	'CT400', 'complainant.person_id', '%no person%');

-- ------------------------------------------------------------ idempotency
SELECT pg_temp.check(core.idem_claim(9, 118, 990001, '\xfeedfacefeedfacefeedfacefeedf00d', sha256('a'), 'register_petition') IS NULL,
	'a new key is claimed');
SELECT core.idem_answer(9, 118, 990001, '\xfeedfacefeedfacefeedfacefeedf00d', '{"n": 1}');
SELECT pg_temp.check(core.idem_claim(9, 118, 990001, '\xfeedfacefeedfacefeedfacefeedf00d', sha256('a'), 'register_petition') = '{"n": 1}',
	'the same key and content replays the answer');
SELECT pg_temp.expect_error($$SELECT core.idem_claim(9, 118, 990001, '\xfeedfacefeedfacefeedfacefeedf00d', sha256('b'), 'register_petition')$$,
	'CT409', NULL, '%different content%');
SELECT pg_temp.expect_error($$SELECT core.idem_claim(9, 118, 990001, '\xfeedfacefeedfacefeedfacefeedf00d', sha256('a'), 'register_ncr')$$,
	'CT409', NULL, '%another request%');

-- ------------------------------------------------------------ numbers, diary
SELECT pg_temp.check(core.next_record_no('petition', 9, 118, 990001, 2026) = 1
	AND core.next_record_no('petition', 9, 118, 990001, 2026) = 2
	AND core.next_record_no('ncr', 9, 118, 990001, 2026) = 1, 'register numbers count per register from 1');
SELECT * FROM core.gd_write(9, 118, 990001, 'petition', 'Petition 0001/2026 received', NULL, NULL, NULL, NULL) \gset g_
SELECT pg_temp.check(g.kind = 'petition' AND g.gd_date = :'g_gd_date' AND g.entered_at = :'g_entered_at',
	'gd_write writes the diary entry') FROM core.gd_entry g
WHERE g.state_code = 9 AND g.district_code = 118 AND g.station_code = 990001 AND g.gd_no = :g_gd_no
	AND g.gd_date = :'g_gd_date';

-- ------------------------------------------------------------ timeline order
-- An event typed for the second its FIR was registered (whole seconds, as
-- the terminal sends them) comes after the FIR's own event.
SELECT * FROM api.register_fir(9, 118, 990001, pg_temp.key(), pg_temp.sample()) \gset tf_
SELECT f.fir_id AS tf_id, f.year AS tf_year FROM core.fir f
WHERE f.state_code = 9 AND f.station_code = 990001 AND f.fir_no = :tf_number AND f.year = :tf_year \gset
SELECT core.case_event_add(9, :tf_year, :tf_id, date_trunc('second', :'tf_registered_at'::timestamptz),
	'status_changed', 'registered', NULL, 'same second as the FIR', NULL, NULL, NULL);
SELECT pg_temp.check(t -> 'events' -> 0 ->> 'kind' = 'fir_registered'
		AND t -> 'events' -> 1 ->> 'summary' = 'same second as the FIR',
	'events of the same second are in the order recorded: ' || (t -> 'events')::text)
FROM core.case_timeline_json((SELECT f FROM core.fir f WHERE f.state_code = 9 AND f.year = :tf_year
	AND f.fir_id = :tf_id)) t;

-- ------------------------------------------------------------ analyst and persons
-- No partition of the persons tables is readable by the analyst, those made
-- before 0019 and those made since (state 38's, made by this run's checks).
SELECT pg_temp.check(count(*) > 0 AND bool_and(NOT has_table_privilege('cctns_analyst', c.oid, 'SELECT')),
	'the analyst reads no partition of the persons tables (' || count(*) || ' checked)')
FROM pg_catalog.pg_class c
WHERE c.relnamespace = 'core'::regnamespace AND c.relispartition
	AND c.relname ~ '^person(_link|_alias|_document|_phone|_address|_roll|_photo)?_[0-9]+(_[0-9]{4})?$';
SELECT core.ensure_partitions(38, 2099);
SELECT pg_temp.check(NOT has_table_privilege('cctns_analyst', 'core.person_38_2099', 'SELECT')
		AND NOT has_table_privilege('cctns_analyst', 'core.person_link_38', 'SELECT')
		AND NOT has_table_privilege('cctns_analyst', 'core.fir_38_2099', 'SELECT'),
	'a new state''s partitions: persons and FIRs closed to the analyst (since 0020 it reads reporting)');
