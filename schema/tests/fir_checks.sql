-- fir_checks.sql: checks of migration 0010 (the FIR completed to IIF-I, the
-- zero FIR transfer and export, the e-FIR) against a real, migrated CCTNS
-- database. Run by run_api_checks.sh after record_checks.sql. Test stations
-- 990010..990014 (inserted here; api_checks.sql deletes everything of
-- stations >= 990000 before a run): 990010 and 990011 register and transfer
-- within state 9, 990012 registers e-FIRs, 990013 is inactive, 990014 is a
-- station of Maharashtra (state 27) to export to.
--
-- Times: the checks expect to run within one IST day.

\set ON_ERROR_STOP 1

-- ============================================================ setup, as cctns_owner
\c - cctns_owner
SET client_min_messages = warning;
INSERT INTO ref.station (state_code, district_code, station_code, name, active) VALUES
	(9, 118, 990010, 'Test PS 990010 Agra (zero FIR)', true),
	(9, 118, 990011, 'Test PS 990011 Agra (receives transfers)', true),
	(9, 118, 990012, 'Test PS 990012 Agra (e-FIR)', true),
	(9, 118, 990013, 'Test PS 990013 Agra (inactive)', false),
	(27, 482, 990014, 'Test PS 990014 Mumbai', true);

-- ============================================================ as cctns_server
\c - cctns_server
\ir helpers.sql
SELECT extract(year FROM now() AT TIME ZONE 'Asia/Kolkata')::int AS y \gset

-- The sample FIR completed with every field of 0010 (an occurrence in
-- station 990011's limits, registered at 990010 as a zero FIR).
CREATE FUNCTION pg_temp.full() RETURNS jsonb LANGUAGE sql AS $json$
SELECT pg_temp.sample() || $${
  "officer": {"number": "UP-09876", "name": "Anil Kumar Tyagi", "rank": "Inspector"},
  "complainant_passport": {"number": "P4721936", "date_of_issue": "2018-06-12", "place_of_issue": "Lucknow"},
  "informant": {"name": "Amit Kumar", "relative_kind": "father", "relative_name": "Ramesh Kumar",
                "gender": "male", "year_of_birth": 2004, "nationality": "Indian", "phone": "9000000002"},
  "accused": [{"kind": "known", "person": {"name": "Raju", "gender": "male"}},
              {"kind": "suspected", "person": {"name": "Chhotu"}},
              {"kind": "unknown", "description": "A third man on the motorcycle", "count": 1}],
  "outside_station": {"state_code": 9, "district_code": 118, "station_code": 990011,
                      "station_name": "Test PS 990011", "district_name": "Agra"},
  "inquest_number": "UD 7/2026",
  "action_taken": {"action": "transferred_to_station",
                   "to_station": {"state_code": 9, "district_code": 118, "station_code": 990011,
                                  "station_name": "Test PS 990011"},
                   "text": "Zero FIR; sent on point of jurisdiction."},
  "dispatched_to_court_at": "2026-11-21T17:00:00+05:30",
  "total_value_rupees": 32000,
  "zero_fir": true
}$$::jsonb
$json$;
-- ------------------------------------------------------------ IIF-I complete
SELECT * FROM api.register_fir(9, 118, 990010, pg_temp.key(), pg_temp.full()) \gset z_
SELECT api.get_fir(9, 118, 990010, :'z_fir_number') AS zf \gset
SELECT pg_temp.check(pg_temp.as_sent(:'zf'::jsonb -> 'content') = pg_temp.full() - 'total_value_rupees',
	'every field of IIF-I round-trips: passport, informant, outside station, inquest, action, dispatch, total, zero FIR');
SELECT pg_temp.check((:'zf'::jsonb #>> '{content,complainant,person_id}')::bigint > 0
		AND (:'zf'::jsonb #>> '{content,informant,person_id}')::bigint > 0
		AND (:'zf'::jsonb #>> '{content,accused,0,person,person_id}')::bigint > 0
		AND (:'zf'::jsonb #>> '{content,accused,1,person,person_id}')::bigint > 0
		AND :'zf'::jsonb #> '{content,accused,2,person}' IS NULL,
	'get_fir gives the person_id of each linked person; an unknown accused has none');
SELECT pg_temp.check((:'zf'::jsonb #> '{content,total_value_rupees}')::bigint = 32000
		AND :'zf'::jsonb ->> 'status' = 'registered',
	'get_fir: the total value of the properties, the status');
\c - cctns_owner
\ir helpers.sql
SELECT extract(year FROM now() AT TIME ZONE 'Asia/Kolkata')::int AS y \gset
SELECT pg_temp.check(string_agg(l.role || '=' || l.label, ',' ORDER BY l.role) =
		'accused=FIR 0001/' || :y || ',complainant=FIR 0001/' || :y || ',informant=FIR 0001/' || :y
		|| ',suspect=FIR 0001/' || :y
		AND bool_and(l.record_kind = 'fir' AND l.record_id = f.fir_id AND l.fir_id = f.fir_id
			AND l.record_year = f.year),
	'register_fir links complainant, informant, accused (known) and suspect in the persons register')
FROM core.person_link l, core.fir f
WHERE l.station_code = 990010 AND f.station_code = 990010 AND f.fir_no = 1;
SELECT pg_temp.check(count(*) = 5 AND count(person_id) = 4
		AND count(*) FILTER (WHERE role = 'informant' AND seq = -1) = 1
		AND count(*) FILTER (WHERE passport_number = 'P4721936' AND role = 'complainant') = 1,
	'core.fir_person: the informant at seq -1, the passport on the complainant, person ids on the named')
FROM core.fir_person p JOIN core.fir f USING (state_code, year, fir_id)
WHERE f.station_code = 990010 AND f.fir_no = 1;
SELECT pg_temp.check(f.zero_fir AND NOT f.e_fir AND f.outside_station_code = 990011
		AND f.action = 'transferred_to_station' AND f.action_station_code = 990011
		AND f.inquest_number = 'UD 7/2026' AND f.dispatched_to_court_at = '2026-11-21T17:00:00+05:30',
	'core.fir stores the fields of 0010 as columns')
FROM core.fir f WHERE f.station_code = 990010 AND f.fir_no = 1;
SELECT pg_temp.check(g.text = 'FIR 0001/' || :y || ' registered under BNS 303(2) (zero FIR)',
	'the diary entry of a zero FIR says so, without personal data')
FROM core.gd_entry g WHERE g.station_code = 990010 AND g.kind = 'fir' AND g.fir_no = 1;

-- The rules no writer may break, for the owner too.
SELECT pg_temp.expect_error('UPDATE core.fir SET e_fir = true WHERE station_code = 990010 AND fir_no = 1',
	'23514', NULL, '%fir_iif1_consistent%');
SELECT pg_temp.expect_error($$UPDATE core.fir SET dispatched_to_court_at = registered_at + interval '1 day'
	WHERE station_code = 990010 AND fir_no = 1$$, '23514', NULL, '%fir_iif1_consistent%');
SELECT pg_temp.expect_error($$UPDATE core.fir SET dispatched_to_court_at = information_received_at - interval '1 minute'
	WHERE station_code = 990010 AND fir_no = 1$$, '23514', NULL, '%fir_iif1_consistent%');
SELECT pg_temp.expect_error($$UPDATE core.fir SET transferred_at = now(), transferred_to_state_code = 9,
	transferred_to_district_code = 118, transferred_to_station_code = 990011
	WHERE station_code = 990010 AND fir_no = 1$$, '23514', NULL, '%its status is transferred%');
SELECT pg_temp.expect_error($$UPDATE core.fir SET status = 'transferred', transferred_at = now()
	WHERE station_code = 990010 AND fir_no = 1$$, '23514', NULL, '%names the station it went to%');
SELECT pg_temp.expect_error($$UPDATE core.fir SET status = 'transferred', transferred_at = now(),
	transferred_to_state_code = 27, transferred_to_district_code = 482, transferred_to_station_code = 990014
	WHERE station_code = 990010 AND fir_no = 1$$, '23514', NULL, '%exported exactly when%');
SELECT pg_temp.expect_error($$UPDATE core.fir_person SET seq = 9 WHERE role = 'informant'
	AND fir_id = (SELECT fir_id FROM core.fir WHERE station_code = 990010 AND fir_no = 1)$$,
	'23514', NULL, '%fir_person_role_seq%');
SELECT pg_temp.expect_error($$UPDATE core.fir_person SET passport_number = 'X1' WHERE role = 'accused'
	AND fir_id = (SELECT fir_id FROM core.fir WHERE station_code = 990010 AND fir_no = 1)$$,
	'23514', NULL, '%fir_person_role_seq%');

\c - cctns_server
\ir helpers.sql
SELECT extract(year FROM now() AT TIME ZONE 'Asia/Kolkata')::int AS y \gset
-- The fields of 0010 on the sample, for the refusals below.
CREATE FUNCTION pg_temp.full() RETURNS jsonb LANGUAGE sql AS $json$
SELECT pg_temp.sample() || $${
  "complainant_passport": {"number": "P4721936", "date_of_issue": "2018-06-12", "place_of_issue": "Lucknow"},
  "informant": {"name": "Amit Kumar", "relative_kind": "father", "relative_name": "Ramesh Kumar"},
  "outside_station": {"state_code": 9, "district_code": 118, "station_code": 990011,
                      "station_name": "Test PS 990011", "district_name": "Agra"},
  "inquest_number": "UD 7/2026",
  "action_taken": {"action": "registered_and_investigation_taken_up"},
  "dispatched_to_court_at": "2026-11-21T17:00:00+05:30",
  "zero_fir": true
}$$::jsonb
$json$;
CREATE FUNCTION pg_temp.bad10(path text[], value jsonb) RETURNS text LANGUAGE sql VOLATILE AS $$
	SELECT pg_temp.reg_sql(9, 118, 990010, jsonb_set(pg_temp.full(), path, value, true))
$$;
CREATE FUNCTION pg_temp.transfer_sql(station int, fir_number text, req jsonb) RETURNS text
LANGUAGE sql VOLATILE AS $$
	SELECT format('SELECT * FROM api.transfer_fir(9, 118, %s, %L::bytea, %L, %L::jsonb)',
		station, pg_temp.key(), fir_number, req)
$$;
CREATE FUNCTION pg_temp.to(state int, district int, station int) RETURNS jsonb LANGUAGE sql AS $$
	SELECT jsonb_build_object('to', jsonb_build_object('state_code', state, 'district_code', district,
		'station_code', station), 'reason', 'The place of occurrence lies in that station''s limits.',
		'officer', pg_temp.officer(2))
$$;
CREATE FUNCTION pg_temp.sign_sql(station int, fir_number text, at timestamptz) RETURNS text
LANGUAGE sql VOLATILE AS $$
	SELECT format('SELECT * FROM api.sign_efir(9, 118, %s, %L::bytea, %L, %L::jsonb)', station, pg_temp.key(),
		fir_number, jsonb_build_object('signed_at', pg_temp.ist(at), 'officer', pg_temp.officer(1)))
$$;

-- Each field's rules (CT400, COLUMN = the field's path).
SELECT pg_temp.expect_error(pg_temp.bad10('{complainant_passport,number}', '"K-123"'), 'CT400',
	'complainant_passport.number', '%letters and digits%');
SELECT pg_temp.expect_error(pg_temp.bad10('{complainant_passport}', '{"date_of_issue": "2018-06-12"}'), 'CT400',
	'complainant_passport.number', '%required%');
SELECT pg_temp.expect_error(pg_temp.bad10('{complainant_passport,date_of_issue}', '"2099-01-01"'), 'CT400',
	'complainant_passport.date_of_issue', '%today%');
SELECT pg_temp.expect_error(pg_temp.reg_sql(9, 118, 990010, jsonb_set(jsonb_set(pg_temp.full(),
	'{complainant,date_of_birth}', '"1988-04-01"'), '{complainant_passport,date_of_issue}', '"1987-01-01"')),
	'CT400', 'complainant_passport.date_of_issue', '%before the complainant%');
SELECT pg_temp.expect_error(pg_temp.bad10('{complainant_passport,colour}', '"blue"'), 'CT400',
	'complainant_passport.colour');
SELECT pg_temp.expect_error(pg_temp.bad10('{informant,name}', '""'), 'CT400', 'informant.name', '%required%');
SELECT pg_temp.expect_error(pg_temp.bad10('{informant,phone}', '"call me"'), 'CT400', 'informant.phone');
SELECT pg_temp.expect_error(pg_temp.bad10('{informant,person_id}', '"abc"'), 'CT400', 'informant.person_id');
SELECT pg_temp.expect_error(pg_temp.bad10('{informant,person_id}', '999999999999'), 'CT400', 'informant.person_id',
	'%no person%');
SELECT pg_temp.expect_error(pg_temp.bad10('{complainant,person_id}', '999999999999'), 'CT400', 'complainant.person_id',
	'%no person%');
SELECT pg_temp.expect_error(pg_temp.bad10('{outside_station,state_code}', '0'), 'CT400',
	'outside_station.state_code', '%required%');
SELECT pg_temp.expect_error(pg_temp.bad10('{outside_station,district_code}', '119'), 'CT400',
	'outside_station.station_code', '%no police station 990011%');
SELECT pg_temp.expect_error(pg_temp.bad10('{outside_station,district_code}', '9999'), 'CT400',
	'outside_station.district_code', '%no district 9999 in state 9%');
SELECT pg_temp.expect_error(pg_temp.bad10('{outside_station,state_code}', '99'), 'CT400',
	'outside_station.state_code', '%no state%');
SELECT pg_temp.expect_error(pg_temp.bad10('{outside_station,station_code}', '990010'), 'CT400',
	'outside_station', '%this station itself%');
SELECT pg_temp.expect_error(pg_temp.bad10('{outside_station,station_name}', '""'), 'CT400',
	'outside_station.station_name', '%required%');
SELECT pg_temp.expect_error(pg_temp.bad10('{inquest_number}', to_jsonb(repeat('1', 101))), 'CT400',
	'inquest_number', '%too long%');
SELECT pg_temp.expect_error(pg_temp.bad10('{action_taken,action}', '"ignored"'), 'CT400',
	'action_taken.action', '%refused_investigation%');
SELECT pg_temp.expect_error(pg_temp.bad10('{action_taken}', '{}'), 'CT400', 'action_taken.action', '%required%');
SELECT pg_temp.expect_error(pg_temp.bad10('{action_taken}', '{"action": "refused_investigation"}'), 'CT400',
	'action_taken.reason', '%say why%');
SELECT pg_temp.expect_error(pg_temp.bad10('{action_taken,reason}', '"no reason needed"'), 'CT400',
	'action_taken.reason', '%only for refused_investigation%');
SELECT pg_temp.expect_error(pg_temp.bad10('{action_taken}', '{"action": "transferred_to_station"}'), 'CT400',
	'action_taken.to_station', '%required%');
SELECT pg_temp.expect_error(pg_temp.bad10('{action_taken,to_station}',
	'{"state_code": 9, "district_code": 118, "station_name": "X"}'), 'CT400', 'action_taken.to_station',
	'%only for transferred_to_station%');
SELECT pg_temp.expect_error(pg_temp.bad10('{dispatched_to_court_at}', '"2099-01-01T10:00:00+05:30"'), 'CT400',
	'dispatched_to_court_at', '%future%');
SELECT pg_temp.expect_error(pg_temp.bad10('{dispatched_to_court_at}', '"2026-11-21T10:00:00+05:30"'), 'CT400',
	'dispatched_to_court_at', '%before information_received_at%');
SELECT pg_temp.expect_error(pg_temp.bad10('{total_value_rupees}', '99'), 'CT400', 'total_value_rupees',
	'%sum of the properties%32000%');
SELECT pg_temp.expect_error(pg_temp.bad10('{e_fir}', '"yes"'), 'CT400', 'e_fir', '%true or false%');
SELECT pg_temp.expect_error(pg_temp.bad10('{zero_fir}', '1'), 'CT400', 'zero_fir', '%true or false%');
SELECT pg_temp.expect_error(pg_temp.bad10('{e_fir}', 'true'), 'CT400', 'information_type', '%electronic%');
SELECT pg_temp.expect_error(pg_temp.bad10('{colour}', '"red"'), 'CT400', 'colour', '%zero_fir%');
SELECT pg_temp.check(count(*) = 1, 'nothing refused was stored: station 990010 still has one FIR')
FROM api.get_fir(9, 118, 990010, '1/' || :y) f;
SELECT pg_temp.expect_error(format('SELECT api.get_fir(9, 118, 990010, %L)', '2/' || :y), 'CT404', 'fir_number');

-- A person named by person_id is linked, not made again.
SELECT (api.get_fir(9, 118, 990010, '1/' || :y) #>> '{content,complainant,person_id}')::bigint AS pid \gset
SELECT fir_number AS p2 FROM api.register_fir(9, 118, 990010, pg_temp.key(),
	jsonb_set(pg_temp.sample(), '{complainant,person_id}', to_jsonb(:pid))) \gset
SELECT pg_temp.check((f #>> '{content,complainant,person_id}')::bigint = :pid,
	'an FIR naming the complainant by person_id links that person')
FROM api.get_fir(9, 118, 990010, :'p2') f;
SELECT pg_temp.expect_error(pg_temp.reg_sql(9, 118, 990010, pg_temp.full()
	|| jsonb_build_object('complainant', pg_temp.sample() -> 'complainant' || jsonb_build_object('person_id', :pid),
		'informant', '{"name": "Same Person"}'::jsonb || jsonb_build_object('person_id', :pid))),
	'CT400', 'informant.person_id', '%leave informant out%');

-- ------------------------------------------------------------ transfer within the state
-- Station 990011 has an FIR of its own: the transferred one is its number 2.
SELECT pg_temp.check(r.number = 1, 'station 990011 registers its own FIR 1')
FROM api.register_fir(9, 118, 990011, pg_temp.key(), pg_temp.sample()) r;
-- Rolled back: gives the receiving number back.
BEGIN;
SELECT pg_temp.check(r.receipt ->> 'new_fir_number' = '0002/' || :y, 'a transfer inside a transaction takes number 2')
FROM api.transfer_fir(9, 118, 990010, pg_temp.key(), '1/' || :y, pg_temp.to(9, 118, 990011)) r;
ROLLBACK;
SELECT receipt AS tr, replayed AS tr_replayed FROM api.transfer_fir(9, 118, 990010,
	'\xfa0b0c0d0e0f10111213141516171819', '1/' || :y, pg_temp.to(9, 118, 990011)) \gset
SELECT pg_temp.check(NOT :'tr_replayed'::boolean AND :'tr'::jsonb ->> 'fir_number' = '0001/' || :y
		AND :'tr'::jsonb ->> 'status' = 'transferred' AND :'tr'::jsonb ->> 'new_fir_number' = '0002/' || :y
		AND (:'tr'::jsonb #> '{to,station_code}')::int = 990011
		AND :'tr'::jsonb #>> '{to,station_name}' = 'Test PS 990011 Agra (receives transfers)'
		AND NOT :'tr'::jsonb ? 'exported'
		AND :'tr'::jsonb ? 'gd_number' AND :'tr'::jsonb ? 'to_gd_number',
	'transfer_fir: the receiving station registered it as its FIR 2 (gapless after the rollback); both diary entries');
SELECT pg_temp.check(r.replayed AND r.receipt = :'tr'::jsonb || '{"replayed": true}', 'the same key replays the transfer')
FROM api.transfer_fir(9, 118, 990010, '\xfa0b0c0d0e0f10111213141516171819', '1/' || :y, pg_temp.to(9, 118, 990011)) r;
SELECT pg_temp.expect_error(format('SELECT * FROM api.transfer_fir(9, 118, 990010, %L::bytea, %L, %L::jsonb)',
	'\xfa0b0c0d0e0f10111213141516171819', '1/' || :y, pg_temp.to(9, 118, 990012)), 'CT409', NULL, '%different content%');
SELECT api.get_fir(9, 118, 990010, '1/' || :y) AS sent, api.get_fir(9, 118, 990011, '2/' || :y) AS recd \gset
SELECT pg_temp.check(:'sent'::jsonb ->> 'status' = 'transferred'
		AND :'sent'::jsonb #>> '{transferred_to,fir_number}' = '0002/' || :y
		AND (:'sent'::jsonb #> '{transferred_to,station,station_code}')::int = 990011
		AND :'sent'::jsonb #>> '{transferred_to,officer,number}' = 'UP-09876'
		AND :'sent'::jsonb #>> '{transferred_to,reason}' LIKE 'The place of occurrence%'
		AND NOT :'sent'::jsonb ? 'transferred_from',
	'the sent FIR: transferred, naming the receiving station''s FIR');
SELECT pg_temp.check(:'recd'::jsonb ->> 'status' = 'registered'
		AND :'recd'::jsonb #>> '{transferred_from,fir_number}' = '0001/' || :y
		AND (:'recd'::jsonb #> '{transferred_from,station,station_code}')::int = 990010
		AND NOT :'recd'::jsonb ? 'transferred_to'
		AND :'recd'::jsonb #>> '{receipt,fir_number}' = '0002/' || :y,
	'the received FIR: registered, naming the sending station''s FIR');
SELECT pg_temp.check(:'recd'::jsonb -> 'content' = :'sent'::jsonb -> 'content',
	'both FIRs have the same content, persons (the same person ids) included');
SELECT pg_temp.check((SELECT string_agg(e ->> 'kind' || ':' || (e ->> 'status'), ',') FROM jsonb_array_elements(
		api.case_timeline(9, 118, 990010, '1/' || :y) -> 'events') e) = 'fir_registered:registered,transferred_out:transferred'
	AND (SELECT string_agg(e ->> 'kind' || ':' || (e ->> 'status'), ',') FROM jsonb_array_elements(
		api.case_timeline(9, 118, 990011, '2/' || :y) -> 'events') e) = 'received_by_transfer:registered',
	'timelines: transferred_out at the sender, received_by_transfer at the receiver');
SELECT pg_temp.check((SELECT count(*) FROM jsonb_array_elements(api.get_gd(9, 118, 990010, '') -> 'entries') e
		WHERE e ->> 'kind' = 'fir_transfer' AND e ->> 'fir_number' = '0001/' || :y) = 1
	AND (SELECT count(*) FROM jsonb_array_elements(api.get_gd(9, 118, 990011, '') -> 'entries') e
		WHERE e ->> 'kind' = 'fir_transfer' AND e ->> 'fir_number' = '0002/' || :y
			AND (e ->> 'number')::int = (:'tr'::jsonb -> 'to_gd_number')::int) = 1,
	'both diaries have a fir_transfer entry about their own FIR');
SELECT pg_temp.check((:'recd'::jsonb #>> '{receipt,gd_number}')::int = (:'tr'::jsonb -> 'to_gd_number')::int,
	'the received FIR references its diary entry');

-- Refusals.
\c - cctns_owner
\ir helpers.sql
SELECT pg_temp.expect_error($$UPDATE core.fir SET transferred_to_station_code = 990012
	WHERE station_code = 990010 AND fir_no = 1$$, '23514', NULL, '%not changed once made%');
\c - cctns_server
\ir helpers.sql
SELECT extract(year FROM now() AT TIME ZONE 'Asia/Kolkata')::int AS y \gset
CREATE FUNCTION pg_temp.transfer_sql(station int, fir_number text, req jsonb) RETURNS text
LANGUAGE sql VOLATILE AS $$
	SELECT format('SELECT * FROM api.transfer_fir(9, 118, %s, %L::bytea, %L, %L::jsonb)',
		station, pg_temp.key(), fir_number, req)
$$;
CREATE FUNCTION pg_temp.to(state int, district int, station int) RETURNS jsonb LANGUAGE sql AS $$
	SELECT jsonb_build_object('to', jsonb_build_object('state_code', state, 'district_code', district,
		'station_code', station), 'reason', 'The place of occurrence lies in that station''s limits.',
		'officer', pg_temp.officer(2))
$$;
CREATE FUNCTION pg_temp.sign_sql(station int, fir_number text, at timestamptz) RETURNS text
LANGUAGE sql VOLATILE AS $$
	SELECT format('SELECT * FROM api.sign_efir(9, 118, %s, %L::bytea, %L, %L::jsonb)', station, pg_temp.key(),
		fir_number, jsonb_build_object('signed_at', pg_temp.ist(at), 'officer', pg_temp.officer(1)))
$$;
SELECT pg_temp.expect_error(pg_temp.transfer_sql(990010, '1/' || :y, pg_temp.to(9, 118, 990011)), 'CT409',
	'fir_number', '%is transferred%');
SELECT fir_number AS t2 FROM api.register_fir(9, 118, 990010, pg_temp.key(), pg_temp.sample()) \gset
SELECT pg_temp.expect_error(pg_temp.transfer_sql(990010, :'t2', pg_temp.to(9, 118, 990010)), 'CT400', 'to',
	'%not to the station that has it%');
SELECT pg_temp.expect_error(pg_temp.transfer_sql(990010, :'t2', pg_temp.to(9, 118, 990999)), 'CT400', 'to',
	'%no police station 9:118:990999%');
SELECT pg_temp.expect_error(pg_temp.transfer_sql(990010, :'t2', pg_temp.to(9, 118, 990013)), 'CT400', 'to',
	'%not active%');
SELECT pg_temp.expect_error(pg_temp.transfer_sql(990010, :'t2', pg_temp.to(9, 118, 0)), 'CT400', 'to.station_code',
	'%required%');
SELECT pg_temp.expect_error(pg_temp.transfer_sql(990010, :'t2', pg_temp.to(9, 118, 990011) - 'reason'), 'CT400',
	'reason', '%required%');
SELECT pg_temp.expect_error(pg_temp.transfer_sql(990010, :'t2', pg_temp.to(9, 118, 990011) - 'officer'), 'CT400',
	'officer', '%required%');
SELECT pg_temp.expect_error(pg_temp.transfer_sql(990010, :'t2', pg_temp.to(9, 118, 990011) || '{"colour": 1}'),
	'CT400', 'colour');
SELECT pg_temp.expect_error(pg_temp.transfer_sql(990011, :'t2', pg_temp.to(9, 118, 990012)), 'CT404', 'fir_number');
SELECT pg_temp.expect_error(pg_temp.transfer_sql(990013, :'t2', pg_temp.to(9, 118, 990012)), 'CT401', NULL);
SELECT pg_temp.expect_error(pg_temp.transfer_sql(990010, 'x', pg_temp.to(9, 118, 990012)), 'CT400', 'fir_number');
SELECT pg_temp.expect_error(format('SELECT * FROM api.register_arrest(9, 118, 990010, %L::bytea, %L, %L::jsonb)',
	pg_temp.key(), '1/' || :y, pg_temp.memo(now())), 'CT409', 'fir_number', '%takes no further case records%');
SELECT pg_temp.check(r.receipt ->> 'accused_code' = 'A1', 'the receiving station records arrests in its FIR')
FROM api.register_arrest(9, 118, 990011, pg_temp.key(), '2/' || :y, pg_temp.memo(now())) r;
SELECT pg_temp.check(api.get_gd(9, 118, 990010, '') #>> '{entries,-1,kind}' = 'fir',
	'a refused transfer writes no diary entry');

-- ------------------------------------------------------------ transfer to another state, export
SELECT pg_temp.expect_error(format('SELECT api.get_fir_export(9, 118, 990010, %L)', :'t2'), 'CT409', 'fir_number',
	'%not transferred to another state%');
SELECT receipt AS ex FROM api.transfer_fir(9, 118, 990010, pg_temp.key(), :'t2', pg_temp.to(27, 482, 990014)) \gset
SELECT pg_temp.check((:'ex'::jsonb -> 'exported')::boolean AND NOT :'ex'::jsonb ? 'new_fir_number'
		AND NOT :'ex'::jsonb ? 'to_gd_number' AND (:'ex'::jsonb #> '{to,state_code}')::int = 27
		AND :'ex'::jsonb #>> '{to,state_name}' = 'Maharashtra',
	'a transfer to another state is exported: no FIR number there');
SELECT api.get_fir_export(9, 118, 990010, :'t2') AS exp \gset
SELECT pg_temp.check(:'exp'::jsonb ->> 'format' = 'cctns.fir-export' AND (:'exp'::jsonb -> 'format_version')::int = 1
		AND (:'exp'::jsonb #> '{source_station,station_code}')::int = 990010
		AND :'exp'::jsonb #>> '{receipt,fir_number}' = :'t2' AND NOT :'exp'::jsonb -> 'receipt' ? 'idempotency_key'
		AND pg_temp.as_sent(:'exp'::jsonb -> 'content') = pg_temp.sample()
		AND (:'exp'::jsonb #> '{transfer,station,station_code}')::int = 990014
		AND (:'exp'::jsonb #> '{transfer,exported}')::boolean
		AND :'exp'::jsonb #>> '{timeline,-1,kind}' = 'transferred_out'
		AND :'exp'::jsonb ? 'exported_at',
	'get_fir_export: format, version, source station, receipt, content, transfer and timeline');
SELECT pg_temp.expect_error(format('SELECT api.get_fir_export(9, 118, 990011, %L)', :'t2'), 'CT404', 'fir_number');

-- ------------------------------------------------------------ e-FIR
SELECT fir_number AS e1, registered_at AS e1_at FROM api.register_fir(9, 118, 990012, pg_temp.key(),
	pg_temp.sample() || '{"information_type": "electronic", "e_fir": true}') \gset
SELECT fir_number AS e2 FROM api.register_fir(9, 118, 990012, pg_temp.key(),
	pg_temp.sample() || '{"information_type": "electronic", "e_fir": true}') \gset
SELECT fir_number AS e3 FROM api.register_fir(9, 118, 990012, pg_temp.key(), pg_temp.sample()) \gset
SELECT pg_temp.check(f ->> 'efir_sign_by' = pg_temp.ist((:'e1_at'::timestamptz) + interval '3 days')
		AND NOT f ? 'efir_signed_at' AND (f #> '{content,e_fir}')::boolean,
	'an e-FIR is to be signed three days after registration')
FROM api.get_fir(9, 118, 990012, :'e1') f;
SELECT pg_temp.check(api.list_pending_efirs(9, 118, 990012) #> '{items,0}' = jsonb_build_object('fir_number', :'e1',
		'registered_at', :'e1_at', 'sign_by', pg_temp.ist((:'e1_at'::timestamptz) + interval '3 days'))
		AND api.list_pending_efirs(9, 118, 990012) #>> '{items,1,fir_number}' = :'e2',
'list_pending_efirs: the station''s unsigned e-FIRs, oldest first, not overdue');
SELECT pg_temp.check(jsonb_array_length(api.list_pending_efirs(9, 118, 990012) -> 'items') = 2
		AND api.list_pending_efirs(9, 118, 990010) = '{"items": []}',
	'... two here (not the plain FIR), none at another station');
SELECT pg_temp.expect_error(pg_temp.sign_sql(990012, :'e3', now()), 'CT409', 'fir_number', '%not an e-FIR%');
SELECT pg_temp.expect_error(pg_temp.sign_sql(990012, :'e1', now() - interval '1 day'), 'CT400', 'signed_at',
	'%before the e-FIR was registered%');
SELECT pg_temp.expect_error(pg_temp.sign_sql(990012, :'e1', now() + interval '1 hour'), 'CT400', 'signed_at',
	'%future%');
SELECT pg_temp.expect_error(format('SELECT * FROM api.sign_efir(9, 118, 990012, %L::bytea, %L, %L::jsonb)',
	pg_temp.key(), :'e1', '{"signed_at": "2026-11-29T10:00:00+05:30"}'), 'CT400', 'officer', '%required%');
SELECT pg_temp.expect_error(format('SELECT * FROM api.sign_efir(27, 482, 990014, %L::bytea, %L, %L::jsonb)',
	pg_temp.key(), :'e1', jsonb_build_object('signed_at', pg_temp.ist(now()), 'officer', pg_temp.officer(1))),
	'CT404', 'fir_number');
SELECT receipt AS s1 FROM api.sign_efir(9, 118, 990012, '\xfb0b0c0d0e0f10111213141516171819', :'e1',
	jsonb_build_object('signed_at', pg_temp.ist(date_trunc('second', now())), 'officer', pg_temp.officer(1))) \gset
SELECT pg_temp.check(:'s1'::jsonb ->> 'fir_number' = :'e1' AND :'s1'::jsonb ? 'gd_number'
		AND :'s1'::jsonb ->> 'sign_by' = pg_temp.ist((:'e1_at'::timestamptz) + interval '3 days'),
	'sign_efir: the signature within three days is recorded with its diary entry');
SELECT pg_temp.check(r.replayed, 'the same key replays the signature')
FROM api.sign_efir(9, 118, 990012, '\xfb0b0c0d0e0f10111213141516171819', :'e1',
	jsonb_build_object('signed_at', :'s1'::jsonb ->> 'signed_at', 'officer', pg_temp.officer(1))) r;
SELECT pg_temp.expect_error(pg_temp.sign_sql(990012, :'e1', now()), 'CT409', 'fir_number', '%already signed%');
SELECT pg_temp.check(f ->> 'efir_signed_at' = :'s1'::jsonb ->> 'signed_at', 'get_fir shows the signature')
FROM api.get_fir(9, 118, 990012, :'e1') f;
SELECT pg_temp.check(api.case_timeline(9, 118, 990012, :'e1') -> 'events' @> '[{"kind": "efir_signed"}]'
		AND api.get_gd(9, 118, 990012, '') #>> '{entries,-1,kind}' = 'efir'
		AND api.get_gd(9, 118, 990012, '') #>> '{entries,-1,text}' LIKE 'e-FIR ' || :'e1' || ' signed by its informant on %',
	'the signature is a timeline event and a diary entry (without personal data)');
SELECT pg_temp.check(jsonb_array_length(api.list_pending_efirs(9, 118, 990012) -> 'items') = 1,
	'a signed e-FIR is no longer pending');

\c - cctns_owner
\ir helpers.sql
-- Three days and more: the second e-FIR lapses.
UPDATE core.fir SET registered_at = registered_at - interval '4 days', efir_sign_by = efir_sign_by - interval '4 days',
	occurred_from = occurred_from - interval '4 days', occurred_to = occurred_to - interval '4 days',
	information_received_at = information_received_at - interval '4 days',
	dispatched_to_court_at = dispatched_to_court_at - interval '4 days'
WHERE station_code = 990012 AND fir_no = 2 AND year = extract(year FROM now() AT TIME ZONE 'Asia/Kolkata')
	AND extract(year FROM (now() - interval '4 days') AT TIME ZONE 'Asia/Kolkata')
		= extract(year FROM now() AT TIME ZONE 'Asia/Kolkata');
UPDATE core.fir SET efir_sign_by = now() - interval '1 day'
WHERE station_code = 990012 AND fir_no = 2 AND efir_sign_by > now();
SELECT pg_temp.expect_error($$UPDATE core.fir SET efir_signed_at = efir_sign_by + interval '1 minute'
	WHERE station_code = 990012 AND fir_no = 2$$, '23514', NULL, '%fir_iif1_consistent%');

\c - cctns_server
\ir helpers.sql
SELECT extract(year FROM now() AT TIME ZONE 'Asia/Kolkata')::int AS y \gset
CREATE FUNCTION pg_temp.sign_sql(station int, fir_number text, at timestamptz) RETURNS text
LANGUAGE sql VOLATILE AS $$
	SELECT format('SELECT * FROM api.sign_efir(9, 118, %s, %L::bytea, %L, %L::jsonb)', station, pg_temp.key(),
		fir_number, jsonb_build_object('signed_at', pg_temp.ist(at), 'officer', pg_temp.officer(1)))
$$;
SELECT pg_temp.check((api.list_pending_efirs(9, 118, 990012) #> '{items,0,overdue}')::boolean,
	'an e-FIR past its three days is listed overdue');
SELECT pg_temp.expect_error(pg_temp.sign_sql(990012, '2/' || :y, date_trunc('second', now())), 'CT409', 'signed_at',
	'%lapsed%within three days of registration%');

-- ------------------------------------------------------------ access
SELECT pg_temp.check(has_function_privilege('cctns_server', 'api.transfer_fir(int, int, int, bytea, text, jsonb)', 'EXECUTE')
		AND has_function_privilege('cctns_server', 'api.get_fir_export(int, int, int, text)', 'EXECUTE')
		AND has_function_privilege('cctns_server', 'api.sign_efir(int, int, int, bytea, text, jsonb)', 'EXECUTE')
		AND has_function_privilege('cctns_server', 'api.list_pending_efirs(int, int, int)', 'EXECUTE')
		AND NOT has_function_privilege('cctns_analyst', 'api.transfer_fir(int, int, int, bytea, text, jsonb)', 'EXECUTE')
		AND NOT EXISTS (SELECT 1 FROM pg_catalog.pg_proc p WHERE p.pronamespace = 'core'::regnamespace
			AND p.proname IN ('fir_copy', 'transfer_check', 'fir_check_iif1', 'fir_check_station_ref')
			AND has_function_privilege('cctns_server', p.oid, 'EXECUTE')),
	'the server executes the new api functions, nothing in core; the analyst none');

\echo fir_checks.sql: all checks passed
