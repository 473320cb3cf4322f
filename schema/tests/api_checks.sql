-- api_checks.sql: checks of the database rules behind api.* against a real,
-- migrated CCTNS database. Run by run_api_checks.sh (psql, ON_ERROR_STOP):
-- any failed check raises an exception and stops the run with exit 3.
--
-- Connects as cctns_owner (setup, constraints), cctns_server (the api) and
-- cctns_analyst (read-only access) with \c. Test stations have codes
-- 990001..990009; their earlier FIRs (with their arrests and timelines),
-- diary entries (the append-only trigger is switched off for that, in the
-- setup transaction only), counters and keys are deleted first, and the
-- partitions of states 37 and 38 are dropped when they hold nothing but test
-- data, so the checks can run again on the same database. case_checks.sql
-- (the General Diary, case status and timeline, arrests) runs after this.

\set ON_ERROR_STOP 1

-- ====================================================================== setup
\c - cctns_owner
SET client_min_messages = warning;
SELECT extract(year FROM now() AT TIME ZONE 'Asia/Kolkata')::int AS y \gset

BEGIN;
-- seizure helper: the malkhana and its chain of custody are append-only.
ALTER TABLE core.malkhana_movement DISABLE TRIGGER malkhana_movement_append_only;
ALTER TABLE core.malkhana DISABLE TRIGGER malkhana_append_only;
DELETE FROM core.malkhana_movement WHERE station_code >= 990000;
DELETE FROM core.malkhana WHERE station_code >= 990000;
ALTER TABLE core.malkhana ENABLE TRIGGER malkhana_append_only;
ALTER TABLE core.malkhana_movement ENABLE TRIGGER malkhana_movement_append_only;
-- registers2: missing persons, unnatural deaths, vehicles (they reference FIRs and diary entries).
DELETE FROM core.missing_person WHERE station_code >= 990000;
DELETE FROM core.unnatural_death WHERE station_code >= 990000;
DELETE FROM core.vehicle_report WHERE station_code >= 990000;
-- registers1: petitions (a disposed one is guarded by a trigger, switched
-- off here as the diary's), NCRs, lost property reports; before the FIRs
-- and diary entries they reference.
ALTER TABLE core.petition DISABLE TRIGGER petition_status_transition;
DELETE FROM core.petition WHERE station_code >= 990000;
ALTER TABLE core.petition ENABLE TRIGGER petition_status_transition;
DELETE FROM core.ncr WHERE station_code >= 990000;
DELETE FROM core.lost_report WHERE station_code >= 990000;
-- court family (0014): the rest of each record goes with these by cascade
DELETE FROM core.appeal WHERE station_code >= 990000;
DELETE FROM core.court_disposal WHERE station_code >= 990000;
DELETE FROM core.final_report WHERE station_code >= 990000;
DELETE FROM core.fir WHERE station_code >= 990000;
DELETE FROM core.arrest_counter c WHERE NOT EXISTS (SELECT 1 FROM core.fir f
	WHERE f.state_code = c.state_code AND f.year = c.year AND f.fir_id = c.fir_id);
ALTER TABLE core.gd_entry DISABLE TRIGGER gd_entry_append_only;
DELETE FROM core.gd_entry WHERE station_code >= 990000;
ALTER TABLE core.gd_entry ENABLE TRIGGER gd_entry_append_only;
COMMIT;
-- persons helper (0012): details of test persons, and details test stations added.
DELETE FROM core.person_alias WHERE station_code >= 990000
	OR person_id IN (SELECT person_id FROM core.person WHERE station_code >= 990000);
DELETE FROM core.person_document WHERE station_code >= 990000
	OR person_id IN (SELECT person_id FROM core.person WHERE station_code >= 990000);
DELETE FROM core.person_phone WHERE station_code >= 990000
	OR person_id IN (SELECT person_id FROM core.person WHERE station_code >= 990000);
DELETE FROM core.person_address WHERE station_code >= 990000
	OR person_id IN (SELECT person_id FROM core.person WHERE station_code >= 990000);
DELETE FROM core.person_roll WHERE station_code >= 990000
	OR person_id IN (SELECT person_id FROM core.person WHERE station_code >= 990000);
DELETE FROM core.person_photo WHERE station_code >= 990000
	OR person_id IN (SELECT person_id FROM core.person WHERE station_code >= 990000);
DELETE FROM core.person_link WHERE station_code >= 990000;
DELETE FROM core.person p WHERE p.station_code >= 990000 AND NOT EXISTS (SELECT 1 FROM core.person_link l
	WHERE l.person_id = p.person_id AND l.state_code = p.state_code AND l.year = p.year);
-- search helper (0025): merges and distinct pairs made by test stations.
DELETE FROM core.person_merge WHERE station_code >= 990000 OR undone_station_code >= 990000;
DELETE FROM core.person_distinct WHERE station_code >= 990000;
DELETE FROM core.record_counter WHERE station_code >= 990000;
DELETE FROM core.fir_counter WHERE station_code >= 990000;
DELETE FROM core.gd_counter WHERE station_code >= 990000;
DELETE FROM core.idempotency WHERE station_code >= 990000;
-- dossier (0026): match alerts and property numbers name the test stations.
DELETE FROM core.match_alert WHERE station_code >= 990000 OR other_station_code >= 990000;
DELETE FROM core.property_number WHERE station_code >= 990000;
DELETE FROM ref.station WHERE station_code >= 990000;
DO $$
DECLARE
	st int;
	t text;
BEGIN
	FOREACH st IN ARRAY ARRAY[37, 38] LOOP
		IF to_regclass(format('core.%I', 'fir_' || st)) IS NOT NULL THEN
			EXECUTE format('SELECT count(*) = 0 FROM core.%I WHERE station_code < 990000', 'fir_' || st)
				INTO STRICT t;
			IF t::boolean THEN
				-- Referencing tables first (reverse creation order). A
				-- referenced partition must be detached before it can be dropped.
				FOR t IN SELECT p.name FROM core.partitioned_table p ORDER BY p.create_order DESC LOOP
					IF to_regclass(format('core.%I', t || '_' || st)) IS NOT NULL THEN
						EXECUTE format('ALTER TABLE core.%I DETACH PARTITION core.%I', t, t || '_' || st);
						EXECUTE format('DROP TABLE core.%I', t || '_' || st);
					END IF;
				END LOOP;
			END IF;
		END IF;
	END LOOP;
END
$$;

INSERT INTO ref.station (state_code, district_code, station_code, name, active) VALUES
	(9, 118, 990001, 'Test PS 990001 Agra', true),
	(9, 118, 990002, 'Test PS 990002 Agra (concurrency)', true),
	(9, 118, 990003, 'Test PS 990003 Agra (inactive)', false),
	(9, 118, 990004, 'Test PS 990004 Agra', true),
	(9, 118, 990005, 'Test PS 990005 Agra (diary)', true),
	(9, 118, 990006, 'Test PS 990006 Agra (case)', true),
	(9, 118, 990007, 'Test PS 990007 Agra (arrests)', true),
	(9, 118, 990008, 'Test PS 990008 Agra (diary, concurrency)', true),
	(9, 118, 990009, 'Test PS 990009 Agra (arrests, concurrency)', true),
	(38, 463, 990001, 'Test PS 990001 Daman', true),
	(37, 6, 990001, 'Test PS 990001 Kargil (concurrency)', true);

-- Every table and column of ours carries a comment.
\ir helpers.sql
SELECT pg_temp.check(string_agg(o, ', ') IS NULL, 'every table and column has a COMMENT (missing: '
	|| coalesce(string_agg(o, ', '), '') || ')')
FROM (
	SELECT c.oid::regclass::text AS o
	FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
	WHERE n.nspname IN ('ref', 'core', 'cctns_meta') AND c.relkind IN ('r', 'p') AND NOT c.relispartition
		AND obj_description(c.oid, 'pg_class') IS NULL
	UNION ALL
	SELECT c.oid::regclass::text || '.' || a.attname
	FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
	JOIN pg_attribute a ON a.attrelid = c.oid AND a.attnum > 0 AND NOT a.attisdropped
	WHERE n.nspname IN ('ref', 'core', 'cctns_meta') AND c.relkind IN ('r', 'p') AND NOT c.relispartition
		AND col_description(c.oid, a.attnum) IS NULL
) missing;

SELECT pg_temp.check(
	(SELECT bool_and(p.prosecdef AND pg_get_userbyid(p.proowner) = 'cctns_owner'
		AND p.proconfig @> ARRAY['search_path=pg_catalog, pg_temp'])
	 FROM pg_proc p WHERE p.pronamespace = 'api'::regnamespace),
	'api functions are SECURITY DEFINER, owned by cctns_owner, search_path pinned');

-- ============================================================ as cctns_server
\c - cctns_server
\ir helpers.sql

-- ------------------------------------------------------------ hello
SELECT pg_temp.check(h.station_name = 'Test PS 990001 Agra' AND h.district_name = 'Agra'
	AND h.state_name = 'Uttar Pradesh', 'station_hello names station, district and state')
FROM api.station_hello(9, 118, 990001) h;
SELECT pg_temp.expect_error('SELECT * FROM api.station_hello(9, 118, 999999)', 'CT401', NULL, '%not in the station register%');
SELECT pg_temp.expect_error('SELECT * FROM api.station_hello(9, 118, 990003)', 'CT401', NULL, '%not active%');
SELECT pg_temp.expect_error(pg_temp.reg_sql(9, 118, 990003, pg_temp.sample()), 'CT401', NULL);

-- ------------------------------------------------------------ register, replay, conflict
SELECT * FROM api.register_fir(9, 118, 990001, '\x00112233445566778899aabbccddeeff', pg_temp.sample()) \gset r1_
SELECT pg_temp.check(:'r1_fir_number' = '0001/' || :y AND :r1_year = :y AND :r1_number = 1
	AND NOT :'r1_replayed'::boolean, 'first FIR of a station is 0001/' || :y);
SELECT pg_temp.check(:'r1_registered_at' ~ '^[0-9]{4}-[0-9]{2}-[0-9]{2}T[0-9]{2}:[0-9]{2}:[0-9]{2}\+05:30$',
	'registered_at is RFC 3339 in IST: ' || :'r1_registered_at');

SELECT * FROM api.register_fir(9, 118, 990001, '\x00112233445566778899aabbccddeeff', pg_temp.sample()) \gset r2_
SELECT pg_temp.check(:'r2_replayed'::boolean AND :'r2_fir_number' = :'r1_fir_number'
	AND :'r2_registered_at' = :'r1_registered_at' AND :'r2_gd_date' = :'r1_gd_date'
	AND :'r2_gd_number' = :'r1_gd_number' AND :'r2_gd_entered_at' = :'r1_gd_entered_at',
	'same key + same content replays the original receipt, diary entry included');

SELECT pg_temp.expect_error(format('SELECT * FROM api.register_fir(9, 118, 990001, %L::bytea, %L::jsonb)',
	'\x00112233445566778899aabbccddeeff', jsonb_set(pg_temp.sample(), '{brief_facts}', '"other facts"')),
	'CT409', NULL, '%already used%');
SELECT pg_temp.expect_error(format('SELECT * FROM api.register_fir(9, 118, 990001, %L::bytea, %L::jsonb)',
	'\x0011', pg_temp.sample()), 'CT400', 'idempotency_key');

-- A key belongs to its station: the same key elsewhere is a new FIR.
SELECT pg_temp.check(r.number = 1 AND NOT r.replayed, 'an idempotency key is scoped to its station')
FROM api.register_fir(9, 118, 990004, '\x00112233445566778899aabbccddeeff', pg_temp.sample()) r;

-- ------------------------------------------------------------ read back
SELECT pg_temp.check(pg_temp.as_sent(api.get_fir(9, 118, 990001, '1/' || :y) -> 'content') = pg_temp.sample(),
	'get_fir content equals the registered FirContent');
SELECT pg_temp.check(f -> 'receipt' = jsonb_build_object(
		'fir_number', '0001/' || :y, 'year', :y, 'number', 1, 'registered_at', :'r1_registered_at',
		'idempotency_key', 'ABEiM0RVZneImaq7zN3u/w==',
		'gd_date', :'r1_gd_date', 'gd_number', :r1_gd_number, 'gd_entered_at', :'r1_gd_entered_at',
		'station', jsonb_build_object('kind', 'station', 'state_code', 9, 'district_code', 118,
			'station_code', 990001, 'station_name', 'Test PS 990001 Agra',
			'district_name', 'Agra', 'state_name', 'Uttar Pradesh')),
	'get_fir receipt: number, year, time, base64 key, station identity, diary entry')
FROM api.get_fir(9, 118, 990001, '0001/' || :y) f;
SELECT pg_temp.expect_error('SELECT api.get_fir(9, 118, 990001, ''abc'')', 'CT400', 'fir_number');
SELECT pg_temp.expect_error('SELECT api.get_fir(9, 118, 990001, ''1/26'')', 'CT400', 'fir_number');
SELECT pg_temp.expect_error('SELECT api.get_fir(9, 118, 990001, '' 1/2026'')', 'CT400', 'fir_number');
SELECT pg_temp.expect_error(format('SELECT api.get_fir(9, 118, 990001, %L)', '0/' || :y), 'CT400', 'fir_number');
SELECT pg_temp.expect_error(format('SELECT api.get_fir(9, 118, 990001, %L)', '9999/' || :y), 'CT404', 'fir_number');
SELECT pg_temp.expect_error('SELECT api.get_fir(9, 118, 990001, ''1/1999'')', 'CT404', 'fir_number');
SELECT pg_temp.expect_error(format('SELECT api.get_fir(9, 118, 990003, %L)', '1/' || :y), 'CT401', NULL);

-- Times in another offset come back in IST.
SELECT number AS n_utc FROM api.register_fir(9, 118, 990004, pg_temp.key(),
	jsonb_set(jsonb_set(pg_temp.sample(), '{occurred_from}', '"2026-11-20T13:00:00Z"'),
		'{occurred_to}', '"2026-11-20T13:15:00.5Z"')) \gset
SELECT pg_temp.check(f -> 'content' ->> 'occurred_from' = '2026-11-20T18:30:00+05:30'
	AND f -> 'content' ->> 'occurred_to' = '2026-11-20T18:45:00.5+05:30',
	'times are returned in IST (+05:30), fractions kept')
FROM api.get_fir(9, 118, 990004, :n_utc || '/' || :y) f;

-- ------------------------------------------------------------ validation: CT400 + COLUMN
SELECT pg_temp.expect_error(pg_temp.bad('{charges,0,section}', '"999"'), 'CT400', 'charges[0].section', 'BNS has no section 999');
SELECT pg_temp.expect_error(pg_temp.bad('{charges,0}', '{"act": "ipc", "section": "999"}'), 'CT400', 'charges[0].section', 'IPC has no section 999');
SELECT pg_temp.expect_error(pg_temp.bad('{charges,0}', '{"act": "bns", "section": "498A"}'), 'CT400', 'charges[0].section', 'BNS has no section 498A; IPC has%');
SELECT pg_temp.expect_error(pg_temp.bad('{charges,1}', '{"act": "bns", "section": "3O3"}'), 'CT400', 'charges[1].section');
SELECT pg_temp.expect_error(pg_temp.bad('{charges,0}', '{"act": "ipc", "section": "379"}'), 'CT400', 'charges[0].act', '%charge it under BNS (IPC 379 corresponds to BNS 303(2))%');
SELECT pg_temp.expect_error(pg_temp.reg_sql(9, 118, 990001, jsonb_set(jsonb_set(jsonb_set(pg_temp.sample(),
	'{occurred_from}', '"2024-06-10T10:00:00+05:30"'), '{occurred_to}', '"2024-06-10T11:00:00+05:30"'),
	'{information_received_at}', '"2024-06-10T12:00:00+05:30"')), 'CT400', 'charges[0].act', '%charge it under IPC%');
SELECT pg_temp.expect_error(pg_temp.bad('{charges,0}', '{"act": "special_local", "section": "20", "law": "XYZ"}'), 'CT400', 'charges[0].law');
SELECT pg_temp.expect_error(pg_temp.bad('{charges,0}', '{"act": "special_local", "section": "20", "law": "ndps"}'), 'CT400', 'charges[0].law', '%did you mean "NDPS"%');
SELECT pg_temp.expect_error(pg_temp.bad('{charges,0}', '{"act": "special_local", "section": "20"}'), 'CT400', 'charges[0].law');
SELECT pg_temp.expect_error(pg_temp.bad('{charges,0}', '{"act": "bns", "section": "303(2)", "law": "NDPS"}'), 'CT400', 'charges[0].law');
SELECT pg_temp.expect_error(pg_temp.bad('{charges,0}', '{"section": "303(2)"}'), 'CT400', 'charges[0].act');
SELECT pg_temp.expect_error(pg_temp.bad('{charges,0}', '{"act": "penal", "section": "303(2)"}'), 'CT400', 'charges[0].act');
SELECT pg_temp.expect_error(pg_temp.bad('{charges}', '[]'), 'CT400', 'charges');
SELECT pg_temp.expect_error(pg_temp.bad('{occurred_from}', '"2099-01-01T00:00:00+05:30"'), 'CT400', 'occurred_from', '%in the future%');
SELECT pg_temp.expect_error(pg_temp.bad('{occurred_to}', '"2099-01-01T00:00:00+05:30"'), 'CT400', 'occurred_to', '%in the future%');
SELECT pg_temp.expect_error(pg_temp.bad('{information_received_at}', '"2026-11-20T18:00:00+05:30"'), 'CT400', 'information_received_at', '%before occurred_from%');
SELECT pg_temp.expect_error(pg_temp.bad('{occurred_to}', '"2026-11-20T18:00:00+05:30"'), 'CT400', 'occurred_to', '%before occurred_from%');
SELECT pg_temp.expect_error(pg_temp.bad('{occurred_from}', '"2026-02-30T10:00:00+05:30"'), 'CT400', 'occurred_from', '%RFC 3339%');
SELECT pg_temp.expect_error(pg_temp.bad('{occurred_from}', '"20 Nov 2026"'), 'CT400', 'occurred_from', '%RFC 3339%');
SELECT pg_temp.expect_error(pg_temp.bad('{occurred_from}', '"2026-11-20T18:30:00"'), 'CT400', 'occurred_from', '%RFC 3339%');
SELECT pg_temp.expect_error(pg_temp.bad('{occurred_from}', '12345'), 'CT400', 'occurred_from', '%expected a string%');
SELECT pg_temp.expect_error(pg_temp.reg_sql(9, 118, 990001, pg_temp.sample() - 'occurred_from'), 'CT400', 'occurred_from', '%required%');
SELECT pg_temp.expect_error(pg_temp.reg_sql(9, 118, 990001, pg_temp.sample() - 'information_received_at'), 'CT400', 'information_received_at');
SELECT pg_temp.expect_error(pg_temp.reg_sql(9, 118, 990001, pg_temp.sample() - 'brief_facts'), 'CT400', 'brief_facts', '%required%');
SELECT pg_temp.expect_error(pg_temp.bad('{brief_facts}', to_jsonb(repeat('x', 65537))), 'CT400', 'brief_facts', '%too long%');
SELECT pg_temp.expect_error(pg_temp.reg_sql(9, 118, 990001, pg_temp.sample() - 'complainant'), 'CT400', 'complainant', '%required%');
SELECT pg_temp.expect_error(pg_temp.bad('{information_type}', '"fax"'), 'CT400', 'information_type');
SELECT pg_temp.expect_error(pg_temp.bad('{surprise}', '1'), 'CT400', 'surprise', 'unknown field%');
SELECT pg_temp.expect_error(pg_temp.bad('{place,address,district_code}', '99999'), 'CT400', 'place.address.district_code', 'there is no district%');
SELECT pg_temp.expect_error(pg_temp.bad('{place,address,state_code}', '10'), 'CT400', 'place.address.district_code', 'district 118 is not in state 10%');
SELECT pg_temp.expect_error(pg_temp.bad('{place,address,state_code}', '99'), 'CT400', 'place.address.state_code');
SELECT pg_temp.expect_error(pg_temp.bad('{place,address,pincode}', '"28200"'), 'CT400', 'place.address.pincode');
SELECT pg_temp.expect_error(pg_temp.bad('{place,direction}', '"up"'), 'CT400', 'place.direction');
SELECT pg_temp.expect_error(pg_temp.bad('{place,distance_m}', '-5'), 'CT400', 'place.distance_m');
SELECT pg_temp.expect_error(pg_temp.bad('{place,address,colour}', '"red"'), 'CT400', 'place.address.colour');
SELECT pg_temp.expect_error(pg_temp.bad('{complainant,year_of_birth}', '1800'), 'CT400', 'complainant.year_of_birth');
SELECT pg_temp.expect_error(pg_temp.bad('{complainant,year_of_birth}', '2999'), 'CT400', 'complainant.year_of_birth');
SELECT pg_temp.expect_error(pg_temp.bad('{complainant,date_of_birth}', '"2099-01-01"'), 'CT400', 'complainant.date_of_birth');
SELECT pg_temp.expect_error(pg_temp.bad('{complainant,date_of_birth}', '"1988-02-30"'), 'CT400', 'complainant.date_of_birth');
SELECT pg_temp.expect_error(pg_temp.bad('{complainant,date_of_birth}', '"1990-05-17"'), 'CT400', 'complainant.year_of_birth', '%does not match%');
SELECT pg_temp.expect_error(pg_temp.bad('{complainant,name}', '""'), 'CT400', 'complainant.name');
SELECT pg_temp.expect_error(pg_temp.bad('{complainant,gender}', '"m"'), 'CT400', 'complainant.gender');
SELECT pg_temp.expect_error(pg_temp.bad('{complainant,phone}', '"call me"'), 'CT400', 'complainant.phone');
SELECT pg_temp.expect_error(pg_temp.bad('{complainant,address,district_code}', '1'), 'CT400', 'complainant.address.district_code');
SELECT pg_temp.expect_error(pg_temp.bad('{accused,0}', '{"kind": "known"}'), 'CT400', 'accused[0].person');
SELECT pg_temp.expect_error(pg_temp.bad('{accused,0}', '{"description": "tall"}'), 'CT400', 'accused[0].kind');
SELECT pg_temp.expect_error(pg_temp.bad('{accused,1}', '{"kind": "known", "person": {"name": "X", "gender": "x"}}'), 'CT400', 'accused[1].person.gender');
SELECT pg_temp.expect_error(pg_temp.bad('{properties,0,value_rupees}', '-1'), 'CT400', 'properties[0].value_rupees');
SELECT pg_temp.expect_error(pg_temp.bad('{properties,0,value_rupees}', '1.5'), 'CT400', 'properties[0].value_rupees');
SELECT pg_temp.expect_error(pg_temp.bad('{properties,0}', '{"description": "a bag"}'), 'CT400', 'properties[0].kind');
SELECT pg_temp.expect_error(pg_temp.reg_sql(9, 118, 990001, '[]'), 'CT400', '');
-- Element and nested-object errors, and values the inline checks of
-- core.fir_check leave to the slow readers.
SELECT pg_temp.expect_error(pg_temp.bad('{charges,0}', '"bns 303(2)"'), 'CT400', 'charges[0]', '%expected an object%');
SELECT pg_temp.expect_error(pg_temp.bad('{charges,0,colour}', '"red"'), 'CT400', 'charges[0].colour', 'unknown field%');
SELECT pg_temp.expect_error(pg_temp.bad('{charges}', '{}'), 'CT400', 'charges', '%expected an array%');
SELECT pg_temp.expect_error(pg_temp.bad('{accused,0}', 'null'), 'CT400', 'accused[0]', '%expected an object%');
SELECT pg_temp.expect_error(pg_temp.bad('{accused,0,count}', '10001'), 'CT400', 'accused[0].count');
SELECT pg_temp.expect_error(pg_temp.bad('{complainant}', '"Ramesh"'), 'CT400', 'complainant', '%expected an object%');
SELECT pg_temp.expect_error(pg_temp.bad('{complainant,colour}', '"red"'), 'CT400', 'complainant.colour', 'unknown field%');
SELECT pg_temp.expect_error(pg_temp.bad('{complainant,name}', '42'), 'CT400', 'complainant.name', '%expected a string%');
SELECT pg_temp.expect_error(pg_temp.bad('{complainant,date_of_birth}', '"1900-02-29"'), 'CT400', 'complainant.date_of_birth', '%not a date%');
SELECT pg_temp.expect_error(pg_temp.bad('{place,beat}', to_jsonb(repeat('x', 101))), 'CT400', 'place.beat', '%too long%');
SELECT pg_temp.expect_error(pg_temp.bad('{occurred_from}', '"1949-12-31T23:00:00+05:30"'), 'CT400', 'occurred_from', '%before 1950%');
SELECT pg_temp.expect_error(pg_temp.bad('{occurred_from}', '"2026-11-20T25:00:00+05:30"'), 'CT400', 'occurred_from', '%RFC 3339%');

-- Failed registrations used no number: the next one is 0002.
SELECT pg_temp.check(r.fir_number = '0002/' || :y, 'numbers stay gapless after rejected registrations')
FROM api.register_fir(9, 118, 990001, pg_temp.key(), pg_temp.sample()) r;
-- A registration rolled back after it got its number gives the number back.
BEGIN;
SELECT pg_temp.check(r.number = 3, 'number 3 taken inside a transaction')
FROM api.register_fir(9, 118, 990001, pg_temp.key(), pg_temp.sample()) r;
ROLLBACK;

-- ------------------------------------------------------------ other valid shapes round-trip
-- Special law next to BNS; a known and a suspected accused with persons.
SELECT jsonb_set(jsonb_set(pg_temp.sample(), '{charges}',
	'[{"act": "bns", "section": "303(2)"}, {"act": "special_local", "law": "NDPS", "section": "20(b)(ii)(A)"}]'),
	'{accused}', '[{"kind": "known", "person": {"name": "Rakesh", "gender": "male", "date_of_birth": "1999-03-04", "year_of_birth": 1999, "address": {"state_code": 9}}},
	 {"kind": "suspected", "person": {"name": "Mohan", "relative_kind": "husband", "relative_name": "Sita"}},
	 {"kind": "unknown", "person": {"gender": "female"}},
	 {"kind": "unknown"}]') AS fir3 \gset
SELECT pg_temp.check(r.fir_number = '0003/' || :y, 'a rolled-back number is given out again: 0003')
FROM api.register_fir(9, 118, 990001, pg_temp.key(), :'fir3') r;
SELECT pg_temp.check(pg_temp.as_sent(api.get_fir(9, 118, 990001, '3/' || :y) -> 'content') = :'fir3'::jsonb,
	'special law, known/suspected/unknown accused round-trip');

-- IPC for an offence before 2024-07-01 (a late report).
SELECT jsonb_set(jsonb_set(jsonb_set(jsonb_set(jsonb_set(pg_temp.sample(),
	'{occurred_from}', '"2024-06-10T10:00:00+05:30"'), '{occurred_to}', '"2024-06-10T11:00:00+05:30"'),
	'{information_received_at}', '"2024-06-12T09:00:00+05:30"'), '{charges}', '[{"act": "ipc", "section": "379"}, {"act": "ipc", "section": "498a"}]'),
	'{delay_reason}', '"Complainant was in hospital."') AS fir4 \gset
SELECT pg_temp.check(r.number = 4, 'IPC charges for a 2024-06 offence are accepted')
FROM api.register_fir(9, 118, 990001, pg_temp.key(), :'fir4') r;
SELECT pg_temp.check(pg_temp.as_sent(api.get_fir(9, 118, 990001, '4/' || :y) -> 'content') = :'fir4'::jsonb, 'IPC FIR round-trips');

-- Minimal FIR: only the required fields.
SELECT '{"occurred_from": "2026-11-25T08:00:00+05:30", "information_received_at": "2026-11-25T09:00:00+05:30",
	"information_type": "oral", "charges": [{"act": "bns", "section": "115(2)"}],
	"complainant": {"name": "Asha Devi"}, "brief_facts": "Hurt in a quarrel over water."}' AS fir5 \gset
SELECT fir_number AS n5 FROM api.register_fir(9, 118, 990001, pg_temp.key(), :'fir5') \gset
SELECT pg_temp.check(pg_temp.as_sent(api.get_fir(9, 118, 990001, :'n5') -> 'content') = :'fir5'::jsonb,
	'minimal FIR round-trips');

-- Valid values the inline checks leave to the slow readers (a leap day,
-- numbers as decimal strings) and JSON null for absent fields and lists
-- (at station 990004, so the counts of 990001 below stay as they are).
SELECT number AS n6 FROM api.register_fir(9, 118, 990004, pg_temp.key(),
	jsonb_set(jsonb_set(jsonb_set(pg_temp.sample(), '{complainant,date_of_birth}', '"1988-02-29"'),
		'{properties,0,value_rupees}', '"32000"'), '{place,distance_m}', '"1200"')) \gset
SELECT pg_temp.check(pg_temp.as_sent(f -> 'content') = jsonb_set(pg_temp.sample(), '{complainant,date_of_birth}', '"1988-02-29"'),
	'leap-day birth date and numbers given as decimal strings are accepted and read back')
FROM api.get_fir(9, 118, 990004, :n6 || '/' || :y) f;
SELECT number AS n7 FROM api.register_fir(9, 118, 990004, pg_temp.key(), pg_temp.sample()
	|| '{"occurred_to": null, "place": null, "accused": null, "properties": null, "delay_reason": null}') \gset
SELECT pg_temp.check(pg_temp.as_sent(f -> 'content') = pg_temp.sample() - 'occurred_to' - 'place' - 'accused' - 'properties' - 'delay_reason',
	'JSON null fields and lists are stored as absent')
FROM api.get_fir(9, 118, 990004, :n7 || '/' || :y) f;

-- ------------------------------------------------------------ a new state gets its partitions
SELECT pg_temp.check(NOT pg_temp.core_table('fir_38'), 'state 38 has no partitions yet');
SELECT pg_temp.check(r.fir_number = '0001/' || :y, 'first FIR in a new state')
FROM api.register_fir(38, 463, 990001, pg_temp.key(),
	jsonb_set(pg_temp.sample(), '{place,address}', '{"city": "Daman", "district_code": 463, "state_code": 38}')) r;
SELECT pg_temp.check(pg_temp.core_table('fir_38_' || :y) AND pg_temp.core_table('fir_charge_38_' || :y)
	AND pg_temp.core_table('fir_person_38_' || :y) AND pg_temp.core_table('fir_property_38_' || :y),
	'register_fir created core.fir_38_' || :y || ' and its siblings');

-- ------------------------------------------------------------ the server sees only api
SELECT pg_temp.expect_error('SELECT count(*) FROM core.fir', '42501', NULL);
SELECT pg_temp.expect_error(format('SELECT count(*) FROM core.%I', 'fir_9_' || :y), '42501', NULL);
SELECT pg_temp.expect_error('SELECT * FROM ref.station', '42501', NULL);
SELECT pg_temp.expect_error('SELECT core.ensure_partitions(9, 2030)', '42501', NULL);
SELECT pg_temp.expect_error('DELETE FROM core.idempotency', '42501', NULL);
SELECT pg_temp.expect_error('SELECT * FROM cctns_meta.schema_migrations', '42501', NULL);

-- ============================================================ as cctns_analyst
\c - cctns_analyst
DO $$
DECLARE
	n bigint;
	st text;
BEGIN
	IF current_setting('transaction_read_only') <> 'on' OR current_setting('statement_timeout') <> '5min' THEN
		RAISE EXCEPTION 'FAIL: analyst session is not read-only with a 5min statement timeout';
	END IF;
	-- Since 0020 the analyst reads reporting and ref, nothing in core
	-- (neither the parents nor the partitions).
	FOREACH st IN ARRAY ARRAY['SELECT count(*) FROM core.fir', 'SELECT count(*) FROM core.fir_charge',
		format('SELECT count(*) FROM core.%I', 'fir_person_9_' || extract(year FROM now() AT TIME ZONE 'Asia/Kolkata'))] LOOP
		BEGIN
			EXECUTE st INTO n;
			RAISE EXCEPTION 'FAIL: analyst could run: %', st;
		EXCEPTION WHEN insufficient_privilege THEN
			NULL;
		END;
	END LOOP;
	SELECT count(*) INTO n FROM reporting.fir_case WHERE state_code = 9 AND district_code = 118 AND station_code = 990001
		AND year = extract(year FROM now() AT TIME ZONE 'Asia/Kolkata');
	IF n <> 5 THEN
		RAISE EXCEPTION 'FAIL: analyst sees % cases of station 990001 in reporting.fir_case, want 5', n;
	END IF;
	PERFORM 1 FROM ref.section LIMIT 1;
	BEGIN
		INSERT INTO ref.special_law (code, name) VALUES ('TEST', 'x');
		RAISE EXCEPTION 'FAIL: analyst inserted into ref.special_law';
	EXCEPTION WHEN read_only_sql_transaction THEN
		NULL;
	END;
	RAISE NOTICE 'ok: analyst reads ref and reporting, not core (parents or partitions), in a read-only session';
END
$$;
-- Even with read-only switched off, analysts have no write or idempotency access.
SET default_transaction_read_only = off;
DO $$
DECLARE
	stmt text;
BEGIN
	FOREACH stmt IN ARRAY ARRAY[
		'INSERT INTO ref.special_law (code, name) VALUES (''TEST'', ''x'')',
		'DELETE FROM core.fir WHERE false',
		'UPDATE core.fir_counter SET last_no = last_no',
		'SELECT count(*) FROM core.idempotency',
		'SELECT count(*) FROM core.fir_counter',
		'SELECT * FROM api.station_hello(9, 118, 990001)'] LOOP
		BEGIN
			EXECUTE stmt;
			RAISE EXCEPTION 'FAIL: analyst could run: %', stmt;
		EXCEPTION WHEN insufficient_privilege THEN
			NULL;
		END;
	END LOOP;
	RAISE NOTICE 'ok: analyst cannot write, read idempotency/counters or call api';
END
$$;

-- ============================================================ as cctns_owner
\c - cctns_owner
\ir helpers.sql
SET client_min_messages = warning;

SELECT pg_temp.check(count(*) = 5, 'station 990001 FIRs are rows of core.fir_9_' || :y)
FROM core.fir_9_:y WHERE station_code = 990001;
SELECT pg_temp.check(count(*) = 7 AND count(*) FILTER (WHERE section_base = '303' AND section = '303(2)') = 3
	AND count(*) FILTER (WHERE section_act IS NULL AND law = 'NDPS') = 1
	AND count(*) FILTER (WHERE section_base = '498A' AND section = '498a') = 1,
	'charges land in core.fir_charge_9_' || :y || ' with generated base sections')
FROM core.fir_charge_9_:y c JOIN core.fir_9_:y f USING (state_code, year, fir_id) WHERE f.station_code = 990001;
SELECT pg_temp.check(count(*) FILTER (WHERE role = 'complainant') = 5 AND count(*) FILTER (WHERE role = 'suspect') = 1,
	'persons land in core.fir_person_9_' || :y)
FROM core.fir_person_9_:y p JOIN core.fir_9_:y f USING (state_code, year, fir_id) WHERE f.station_code = 990001;
SELECT pg_temp.check(last_no = 5, 'counter of station 990001 is 5') FROM core.fir_counter
WHERE state_code = 9 AND district_code = 118 AND station_code = 990001 AND year = :y;

-- Constraints hold for every writer, not only the api.
SELECT pg_temp.expect_error(format($$INSERT INTO core.fir (state_code, year, district_code, station_code, fir_no,
	occurred_from, information_received_at, information_type, brief_facts, idempotency_key, content_sha256)
	VALUES (9, %s, 118, 990001, 999, now() + interval '1 day', now() + interval '1 day', 'oral', 'x',
	'\x00112233445566778899aabbccddeeff', sha256('x'))$$, :y), '23514', NULL);
SELECT pg_temp.expect_error(format($$INSERT INTO core.fir (state_code, year, district_code, station_code, fir_no,
	occurred_from, information_received_at, information_type, brief_facts, idempotency_key, content_sha256,
	registered_at) VALUES (9, %s, 118, 990001, 998, '2000-01-01', '2000-01-01', 'oral', 'x',
	'\x00112233445566778899aabbccddeeff', sha256('x'), '2000-06-01T12:00:00+05:30')$$, :y), '23514', NULL, '%fir_year_is_registration_year%');
SELECT pg_temp.expect_error(format($$INSERT INTO core.fir (state_code, year, district_code, station_code, fir_no,
	occurred_from, information_received_at, information_type, brief_facts, idempotency_key, content_sha256,
	gd_date, gd_no)
	SELECT 9, %s, 118, 990001, 1, now(), now(), 'oral', 'x',
	'\x00112233445566778899aabbccddeeff', sha256('x'), gd_date, gd_no
	FROM core.fir WHERE station_code = 990001 AND fir_no = 1 AND year = %s$$, :y, :y), '23505', NULL);
SELECT pg_temp.expect_error(format($$INSERT INTO core.fir_charge (state_code, year, fir_id, seq, act, section)
	SELECT state_code, year, fir_id, 99, 'bns', '999(1)' FROM core.fir_9_%s WHERE station_code = 990001 LIMIT 1$$, :y),
	'23503', NULL);
SELECT pg_temp.expect_error(format($$INSERT INTO core.fir_charge (state_code, year, fir_id, seq, act, section, law)
	SELECT state_code, year, fir_id, 99, 'special_local', '1', 'NOPE' FROM core.fir_9_%s WHERE station_code = 990001 LIMIT 1$$, :y),
	'23503', NULL);

-- ensure_partitions: creates what is missing, then is a no-op; only the owner reads the new tables.
SELECT pg_temp.check(core.ensure_partitions(38, 2099) = (SELECT count(*) FROM core.partitioned_table),
	'ensure_partitions(38, 2099) creates a year partition of each partitioned table');
SELECT pg_temp.check(core.ensure_partitions(38, 2099) = 0, 'ensure_partitions is a no-op when all exist');
SELECT pg_temp.check(NOT has_table_privilege('cctns_analyst', 'core.fir_person_38_2099', 'SELECT')
	AND NOT has_table_privilege('cctns_analyst', 'core.fir_38', 'SELECT')
	AND NOT has_table_privilege('cctns_server', 'core.fir_person_38_2099', 'SELECT'),
	'new partitions are readable by neither cctns_analyst nor cctns_server');
SELECT pg_temp.expect_error('SELECT core.ensure_partitions(99, 2030)', '23503', NULL);
DO $$
DECLARE
	t text;
BEGIN
	FOR t IN SELECT p.name FROM core.partitioned_table p ORDER BY p.create_order DESC LOOP
		EXECUTE format('ALTER TABLE core.%I DETACH PARTITION core.%I', t || '_38', t || '_38_2099');
		EXECUTE format('DROP TABLE core.%I', t || '_38_2099');
	END LOOP;
END
$$;

\echo api_checks.sql: all checks passed
