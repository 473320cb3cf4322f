-- registers1_checks.sql: checks of the petition, non-cognizable report and
-- lost property registers (migration 0011) against a real, migrated CCTNS
-- database. Run by run_api_checks.sh after api_checks.sql, whose cleanup
-- deletes the rows of earlier runs. Test stations (state 9, district 118):
-- 990015 petitions, 990016 petitions received by transfer, 990017 NCRs,
-- 990018 lost property, 990019 inactive. Any failed check raises an
-- exception and stops the run.

\set ON_ERROR_STOP 1

-- ============================================================ setup, as cctns_owner
\c - cctns_owner
SET client_min_messages = warning;
INSERT INTO ref.station (state_code, district_code, station_code, name, active) VALUES
	(9, 118, 990015, 'Test PS 990015 Agra (petitions)', true),
	(9, 118, 990016, 'Test PS 990016 Agra (transfers)', true),
	(9, 118, 990017, 'Test PS 990017 Agra (NCR)', true),
	(9, 118, 990018, 'Test PS 990018 Agra (lost property)', true),
	(9, 118, 990019, 'Test PS 990019 Agra (inactive)', false);

DO $$
BEGIN
	IF (SELECT array_agg(code ORDER BY number) FROM ref.petition_status)
		IS DISTINCT FROM ARRAY['received', 'under_enquiry', 'enquiry_reported', 'disposed'] THEN
		RAISE EXCEPTION 'FAIL: ref.petition_status is not PetitionStatus of proto/cctns.proto';
	END IF;
	IF (SELECT count(*) FROM ref.petition_transition) <> 3 THEN
		RAISE EXCEPTION 'FAIL: ref.petition_transition is not the chain of the proto comment';
	END IF;
	RAISE NOTICE 'ok: the petition status machine is the proto''s';
END
$$;

-- ============================================================ as cctns_server
\c - cctns_server
\ir helpers.sql
SET client_min_messages = warning;
SELECT extract(year FROM now() AT TIME ZONE 'Asia/Kolkata')::int AS y,
	to_char(now() AT TIME ZONE 'Asia/Kolkata', 'YYYY-MM-DD') AS today \gset

-- A petition received on 2026-11-27 (names made up).
CREATE FUNCTION pg_temp.petition() RETURNS jsonb LANGUAGE sql AS $json$
SELECT $${
  "received_at": "2026-11-27T09:40:00+05:30",
  "mode": "in_person",
  "petitioner": {"name": "Ramesh Chandra Agarwal", "relative_kind": "father",
                 "relative_name": "Shyam Sundar Agarwal", "gender": "male", "year_of_birth": 1979,
                 "address": {"line1": "14/212 Gali Barah Bhai", "city": "Agra", "district_code": 118,
                             "state_code": 9, "pincode": "282001"},
                 "phone": "9000000000"},
  "respondents": [{"name": "Suresh Gupta", "gender": "male"}, {"name": "Mohan Lal"}],
  "subject": "Neighbour broke the boundary wall",
  "text": "Sir,\nmy neighbour broke the boundary wall of my house on 26.11.2026.\nRamesh",
  "officer": {"number": "UP-31007", "name": "Harish Chandra", "rank": "HC"},
  "reference": "Letter 12/2026 of the SP City"
}$$::jsonb
$json$;

-- api call texts for expect_error: fresh keys, the calling station.
CREATE FUNCTION pg_temp.pet_sql(station int, p jsonb) RETURNS text LANGUAGE sql VOLATILE AS $$
	SELECT format('SELECT * FROM api.register_petition(9, 118, %s, %L::bytea, %L::jsonb)', station, pg_temp.key(), p)
$$;
CREATE FUNCTION pg_temp.step_sql(fn text, station int, num text, req jsonb) RETURNS text LANGUAGE sql VOLATILE AS $$
	SELECT format('SELECT * FROM api.%I(9, 118, %s, %L::bytea, %L, %L::jsonb)', fn, station, pg_temp.key(), num, req)
$$;
CREATE FUNCTION pg_temp.assign(n int, acting int) RETURNS jsonb LANGUAGE sql AS $$
	SELECT jsonb_build_object('enquiry_officer', pg_temp.officer(n), 'acting', pg_temp.officer(acting))
$$;
CREATE FUNCTION pg_temp.report(n int, at timestamptz, rec text) RETURNS jsonb LANGUAGE sql STABLE AS $$
	SELECT jsonb_build_object('reported_at', pg_temp.ist(at), 'findings', 'Visited the spot; a civil dispute.',
		'recommendation', rec, 'officer', pg_temp.officer(n))
$$;
-- A petition of station taken to enquiry_reported; returns its number.
CREATE FUNCTION pg_temp.reported(station int, p jsonb) RETURNS text LANGUAGE plpgsql AS $$
DECLARE
	num text;
BEGIN
	SELECT r.receipt ->> 'petition_number' INTO num FROM api.register_petition(9, 118, station, pg_temp.key(), p) r;
	PERFORM api.assign_enquiry(9, 118, station, pg_temp.key(), num, pg_temp.assign(1, 2));
	PERFORM api.report_enquiry(9, 118, station, pg_temp.key(), num, pg_temp.report(1, now(), 'close'));
	RETURN num;
END
$$;
-- Without the person ids the api adds: the Person as it was sent.
CREATE FUNCTION pg_temp.no_ids(j jsonb) RETURNS jsonb LANGUAGE sql IMMUTABLE AS $$
	SELECT CASE jsonb_typeof(j)
		WHEN 'object' THEN (SELECT coalesce(jsonb_object_agg(k, pg_temp.no_ids(v)), '{}')
			FROM jsonb_each(j) e(k, v) WHERE k <> 'person_id')
		WHEN 'array' THEN (SELECT coalesce(jsonb_agg(pg_temp.no_ids(v) ORDER BY o), '[]')
			FROM jsonb_array_elements(j) WITH ORDINALITY a(v, o))
		ELSE j END
$$;

-- ------------------------------------------------------------ petitions: registration
SELECT * FROM api.register_petition(9, 118, 990015, '\xa0112233445566778899aabbccddeeff', pg_temp.petition()) \gset p1_
SELECT pg_temp.check(NOT :'p1_replayed'::boolean AND :'p1_receipt'::jsonb - 'registered_at' = jsonb_build_object(
		'petition_number', '0001/' || :y, 'year', :y, 'number', 1, 'received_at', '2026-11-27T09:40:00+05:30',
		'gd_date', :'today', 'gd_number', 1),
	'register_petition: acknowledgement 0001, diary entry 1 of today');
SELECT pg_temp.check(r.replayed AND r.receipt = :'p1_receipt'::jsonb || '{"replayed": true}',
	'the same key and petition replay the receipt')
FROM api.register_petition(9, 118, 990015, '\xa0112233445566778899aabbccddeeff', pg_temp.petition()) r;
SELECT pg_temp.expect_error(format('SELECT * FROM api.register_petition(9, 118, 990015, %L::bytea, %L::jsonb)',
	'\xa0112233445566778899aabbccddeeff', pg_temp.petition() || '{"subject": "other"}'), 'CT409', NULL, '%different content%');
SELECT pg_temp.expect_error(format('SELECT * FROM api.register_petition(9, 118, 990015, %L::bytea, %L::jsonb)',
	'\xa011', pg_temp.petition()), 'CT400', 'idempotency_key');
SELECT pg_temp.expect_error(pg_temp.pet_sql(990019, pg_temp.petition()), 'CT401', NULL, '%not active%');
SELECT pg_temp.check(g -> 'entries' -> 0 ->> 'kind' = 'petition'
		AND g -> 'entries' -> 0 ->> 'text' = 'Petition 0001/' || :y || ' received in person; acknowledgement given'
		AND g -> 'entries' -> 0 -> 'officer' = pg_temp.officer(4),
	'the diary entry: kind petition, number and mode, the receiving officer, no personal data')
FROM api.get_gd(9, 118, 990015, '') g;

SELECT api.get_petition(9, 118, 990015, '1/' || :y) AS rec1 \gset
SELECT pg_temp.check(pg_temp.no_ids(:'rec1'::jsonb -> 'petition') = pg_temp.petition()
		AND (:'rec1'::jsonb #>> '{petition,petitioner,person_id}') IS NOT NULL
		AND :'rec1'::jsonb ->> 'status' = 'received' AND :'rec1'::jsonb -> 'receipt' = :'p1_receipt'::jsonb
		AND jsonb_array_length(:'rec1'::jsonb -> 'history') = 1
		AND :'rec1'::jsonb #>> '{history,0,kind}' = 'received',
	'get_petition: the petition as received (with person ids), status received, one step of history');
SELECT pg_temp.expect_error('SELECT api.get_petition(9, 118, 990017, ''1/' || :y || ''')', 'CT404', 'petition_number',
	'no petition 0001/% at this station');
SELECT pg_temp.expect_error('SELECT api.get_petition(9, 118, 990015, ''1-2026'')', 'CT400', 'petition_number');
SELECT pg_temp.expect_error('SELECT api.get_petition(9, 118, 990015, ''0/2026'')', 'CT400', 'petition_number');

-- ------------------------------------------------------------ petitions: validation
SELECT pg_temp.expect_error(pg_temp.pet_sql(990015, pg_temp.petition() || '{"colour": "red"}'), 'CT400', 'colour');
SELECT pg_temp.expect_error(pg_temp.pet_sql(990015, pg_temp.petition()
	|| jsonb_build_object('received_at', pg_temp.ist(now() + interval '1 hour'))), 'CT400', 'received_at', '%future%');
SELECT pg_temp.expect_error(pg_temp.pet_sql(990015, pg_temp.petition() || '{"mode": "by_pigeon"}'), 'CT400', 'mode');
SELECT pg_temp.expect_error(pg_temp.pet_sql(990015, pg_temp.petition() - 'mode'), 'CT400', 'mode', '%required%');
SELECT pg_temp.expect_error(pg_temp.pet_sql(990015, jsonb_set(pg_temp.petition(), '{petitioner,name}', '""')),
	'CT400', 'petitioner.name', '%required%');
SELECT pg_temp.expect_error(pg_temp.pet_sql(990015, pg_temp.petition() - 'petitioner'), 'CT400', 'petitioner');
SELECT pg_temp.expect_error(pg_temp.pet_sql(990015, jsonb_set(pg_temp.petition(), '{respondents,1}', '{"gender": "male"}')),
	'CT400', 'respondents[1].name', '%required%');
SELECT pg_temp.expect_error(pg_temp.pet_sql(990015, jsonb_set(pg_temp.petition(), '{respondents}',
	(SELECT jsonb_agg(jsonb_build_object('name', 'R' || i)) FROM generate_series(1, 21) i))), 'CT400', 'respondents', '%at most 20%');
SELECT pg_temp.expect_error(pg_temp.pet_sql(990015, pg_temp.petition() - 'subject'), 'CT400', 'subject', '%required%');
SELECT pg_temp.expect_error(pg_temp.pet_sql(990015, pg_temp.petition() || jsonb_build_object('text', repeat('t', 65537))),
	'CT400', 'text', '%too long%');
SELECT pg_temp.expect_error(pg_temp.pet_sql(990015, pg_temp.petition() - 'officer'), 'CT400', 'officer', '%required%');
SELECT pg_temp.expect_error(pg_temp.pet_sql(990015, jsonb_set(pg_temp.petition(), '{petitioner,person_id}', '"P-7"')),
	'CT400', 'petitioner.person_id');
SELECT pg_temp.expect_error(pg_temp.pet_sql(990015, jsonb_set(pg_temp.petition(), '{petitioner,person_id}', '999999999999')),
	'CT400', 'petitioner.person_id', '%no person%');
SELECT pg_temp.expect_error(pg_temp.pet_sql(990015, jsonb_set(pg_temp.petition(), '{petitioner,address,district_code}', '999999')),
	'CT400', 'petitioner.address.district_code', '%no district%');

-- An existing person is linked by person_id (the petitioner of petition 1).
SELECT r.receipt ->> 'petition_number' AS p2 FROM api.register_petition(9, 118, 990015, pg_temp.key(),
	jsonb_set(pg_temp.petition(), '{petitioner,person_id}', to_jsonb((:'rec1'::jsonb #>> '{petition,petitioner,person_id}')::bigint))) r \gset
SELECT pg_temp.check(api.get_petition(9, 118, 990015, :'p2') #> '{petition,petitioner,person_id}'
		= :'rec1'::jsonb #> '{petition,petitioner,person_id}',
	'a petitioner named by person_id is that person: petition ' || :'p2');

-- ------------------------------------------------------------ petitions: steps in order
SELECT pg_temp.expect_error(pg_temp.step_sql('report_enquiry', 990015, '1/' || :y, pg_temp.report(1, now(), 'close')),
	'CT409', 'petition_number', '%is received: assign an enquiry officer first%');
SELECT pg_temp.expect_error(pg_temp.step_sql('dispose_petition', 990015, '1/' || :y,
	jsonb_build_object('kind', 'closed', 'reason', 'x', 'officer', pg_temp.officer(2))),
	'CT409', 'petition_number', '%is received: it is disposed of after its enquiry report%');
SELECT * FROM api.assign_enquiry(9, 118, 990015, '\xa1112233445566778899aabbccddeeff', '1/' || :y, pg_temp.assign(1, 2)) \gset a1_
SELECT pg_temp.check(NOT :'a1_replayed'::boolean AND :'a1_result'::jsonb ->> 'status' = 'under_enquiry'
		AND :'a1_result'::jsonb -> 'enquiry_officer' = pg_temp.officer(1)
		AND :'a1_result'::jsonb #>> '{history,1,kind}' = 'enquiry_assigned'
		AND :'a1_result'::jsonb #> '{history,1,officer}' = pg_temp.officer(2),
	'assign_enquiry: received -> under_enquiry, the step by the acting officer');
SELECT pg_temp.check(r.replayed AND r.result = :'a1_result'::jsonb || '{"replayed": true}', 'the same assignment replays')
FROM api.assign_enquiry(9, 118, 990015, '\xa1112233445566778899aabbccddeeff', '1/' || :y, pg_temp.assign(1, 2)) r;
SELECT pg_temp.expect_error(pg_temp.step_sql('assign_enquiry', 990015, '1/' || :y, pg_temp.assign(1, 2)),
	'CT409', 'enquiry_officer.number', '%already the enquiry officer%');
SELECT pg_temp.expect_error(pg_temp.step_sql('assign_enquiry', 990015, '1/' || :y, pg_temp.assign(1, 2) - 'acting'),
	'CT400', 'acting');
SELECT pg_temp.check(r.result ->> 'status' = 'under_enquiry' AND r.result -> 'enquiry_officer' = pg_temp.officer(3)
		AND r.result #>> '{history,2,kind}' = 'enquiry_reassigned'
		AND r.result #>> '{history,2,summary}' LIKE 'Enquiry officer changed from SI Ravi Kumar Sharma (UP-15432) to SI Meena Verma (UP-20211)',
	'a re-assignment keeps under_enquiry and is recorded')
FROM api.assign_enquiry(9, 118, 990015, pg_temp.key(), '1/' || :y, pg_temp.assign(3, 2)) r;
SELECT pg_temp.expect_error(pg_temp.step_sql('report_enquiry', 990015, '1/' || :y, pg_temp.report(1, now(), 'close')),
	'CT400', 'officer.number', '%made by the enquiry officer%Meena Verma%');
SELECT pg_temp.expect_error(pg_temp.step_sql('report_enquiry', 990015, '1/' || :y,
	pg_temp.report(3, now() + interval '1 hour', 'close')), 'CT400', 'reported_at', '%future%');
SELECT pg_temp.expect_error(pg_temp.step_sql('report_enquiry', 990015, '1/' || :y,
	pg_temp.report(3, now() - interval '1 hour', 'close')), 'CT400', 'reported_at', '%before the enquiry was assigned%');
SELECT pg_temp.expect_error(pg_temp.step_sql('report_enquiry', 990015, '1/' || :y,
	pg_temp.report(3, now(), 'ignore')), 'CT400', 'recommendation');
SELECT pg_temp.expect_error(pg_temp.step_sql('report_enquiry', 990015, '1/' || :y,
	pg_temp.report(3, now(), 'close') - 'findings'), 'CT400', 'findings', '%required%');
SELECT pg_temp.check(r.result ->> 'status' = 'enquiry_reported' AND r.result #>> '{report,recommendation}' = 'close'
		AND r.result #> '{report,officer}' = pg_temp.officer(3) AND r.result #>> '{history,3,kind}' = 'enquiry_reported',
	'report_enquiry: under_enquiry -> enquiry_reported, by the enquiry officer')
FROM api.report_enquiry(9, 118, 990015, pg_temp.key(), '1/' || :y, pg_temp.report(3, now(), 'close')) r;
SELECT pg_temp.expect_error(pg_temp.step_sql('report_enquiry', 990015, '1/' || :y, pg_temp.report(3, now(), 'close')),
	'CT409', 'petition_number', '%is enquiry_reported: its enquiry report is already in%');
SELECT pg_temp.expect_error(pg_temp.step_sql('assign_enquiry', 990015, '1/' || :y, pg_temp.assign(4, 2)),
	'CT409', 'petition_number', '%enquiry_reported: an enquiry officer is assigned only while%');

-- Disposal: closed needs a reason.
SELECT pg_temp.expect_error(pg_temp.step_sql('dispose_petition', 990015, '1/' || :y,
	jsonb_build_object('kind', 'closed', 'officer', pg_temp.officer(2))), 'CT400', 'reason', '%required to close%');
SELECT pg_temp.expect_error(pg_temp.step_sql('dispose_petition', 990015, '1/' || :y,
	jsonb_build_object('kind', 'closed', 'reason', 'x', 'fir_number', '1/2026', 'officer', pg_temp.officer(2))),
	'CT400', 'fir_number', '%only for kind converted_to_fir%');
SELECT pg_temp.expect_error(pg_temp.step_sql('dispose_petition', 990015, '1/' || :y,
	jsonb_build_object('kind', 'closed', 'reason', 'x', 'transfer_station_code', 990016, 'officer', pg_temp.officer(2))),
	'CT400', 'transfer_station_code', '%only for kind transferred%');
SELECT pg_temp.expect_error(pg_temp.step_sql('dispose_petition', 990015, '1/' || :y,
	jsonb_build_object('kind', 'dropped', 'officer', pg_temp.officer(2))), 'CT400', 'kind');
SELECT pg_temp.expect_error(pg_temp.step_sql('dispose_petition', 990015, '1/' || :y,
	jsonb_build_object('kind', 'closed', 'reason', 'x')), 'CT400', 'officer', '%required%');
SELECT * FROM api.dispose_petition(9, 118, 990015, '\xa2112233445566778899aabbccddeeff', '1/' || :y,
	jsonb_build_object('kind', 'closed', 'reason', 'Compromise between the parties.', 'officer', pg_temp.officer(2))) \gset d1_
SELECT pg_temp.check(:'d1_result'::jsonb ->> 'status' = 'disposed'
		AND :'d1_result'::jsonb -> 'disposal' = jsonb_build_object('kind', 'closed',
			'reason', 'Compromise between the parties.', 'officer', pg_temp.officer(2))
		AND :'d1_result'::jsonb ->> 'disposal_gd_date' = :'today' AND (:'d1_result'::jsonb -> 'disposal_gd_number')::int = 3
		AND :'d1_result'::jsonb #>> '{history,4,kind}' = 'disposed'
		AND (:'d1_result'::jsonb #>> '{history,4,gd_number}')::int = 3,
	'dispose_petition: closed with its reason and diary entry 3');
SELECT pg_temp.check(r.replayed AND r.result = :'d1_result'::jsonb || '{"replayed": true}',
	'the same disposal with the same key replays, though the petition is disposed')
FROM api.dispose_petition(9, 118, 990015, '\xa2112233445566778899aabbccddeeff', '1/' || :y,
	jsonb_build_object('kind', 'closed', 'reason', 'Compromise between the parties.', 'officer', pg_temp.officer(2))) r;
SELECT pg_temp.expect_error(pg_temp.step_sql('dispose_petition', 990015, '1/' || :y,
	jsonb_build_object('kind', 'closed', 'reason', 'again', 'officer', pg_temp.officer(2))),
	'CT409', 'petition_number', '%was disposed (closed)%cannot change%');
SELECT pg_temp.expect_error(pg_temp.step_sql('assign_enquiry', 990015, '1/' || :y, pg_temp.assign(4, 2)),
	'CT409', 'petition_number', '%cannot change%');
SELECT pg_temp.check((SELECT g ->> 'text' = 'Petition 0001/' || :y || ' disposed: closed' AND g -> 'officer' = pg_temp.officer(2)
		FROM jsonb_array_elements(api.get_gd(9, 118, 990015, '') -> 'entries') g WHERE (g ->> 'number')::int = 3),
	'the disposal''s diary entry, without personal data');

-- ------------------------------------------------------------ conversion into an FIR
SELECT pg_temp.reported(990015, pg_temp.petition()) AS p3 \gset
SELECT pg_temp.expect_error(pg_temp.step_sql('dispose_petition', 990015, :'p3',
	jsonb_build_object('kind', 'converted_to_fir', 'fir_number', '1/' || :y, 'officer', pg_temp.officer(2))),
	'CT400', 'fir_number', 'no FIR 0001/% at this station%');
SELECT pg_temp.expect_error(pg_temp.step_sql('dispose_petition', 990015, :'p3',
	jsonb_build_object('kind', 'converted_to_fir', 'fir_number', 'one', 'officer', pg_temp.officer(2))),
	'CT400', 'fir_number');
SELECT * FROM api.register_fir(9, 118, 990015, pg_temp.key(), pg_temp.sample()) \gset f1_
-- A petition received after that FIR was registered cannot become it.
SELECT pg_temp.reported(990015, pg_temp.petition() || jsonb_build_object('received_at', pg_temp.ist(now()))) AS p4 \gset
SELECT pg_temp.expect_error(pg_temp.step_sql('dispose_petition', 990015, :'p4',
	jsonb_build_object('kind', 'converted_to_fir', 'fir_number', :'f1_fir_number', 'officer', pg_temp.officer(2))),
	'CT400', 'fir_number', '%before petition % was received%');
SELECT pg_temp.check(r.result #>> '{disposal,kind}' = 'converted_to_fir' AND r.result #>> '{disposal,fir_number}' = :'f1_fir_number',
	'petition ' || :'p3' || ' converted into FIR ' || :'f1_fir_number')
FROM api.dispose_petition(9, 118, 990015, pg_temp.key(), :'p3',
	jsonb_build_object('kind', 'converted_to_fir', 'fir_number', :'f1_fir_number', 'officer', pg_temp.officer(2))) r;
SELECT pg_temp.check((SELECT count(*) = 1 AND bool_and(e ->> 'status' = 'registered' AND e -> 'officer' = pg_temp.officer(2)
		AND e ->> 'summary' = format('Registered on petition %s of 27/11/2026', :'p3') AND e ->> 'gd_date' = :'today')
		FROM jsonb_array_elements(api.case_timeline(9, 118, 990015, :'f1_fir_number') -> 'events') e
		WHERE e ->> 'kind' = 'from_petition'),
	'the FIR''s timeline has from_petition, naming the petition, with the disposal''s diary entry');
SELECT pg_temp.check((SELECT count(*) = 1 AND bool_and(g ->> 'fir_number' = :'f1_fir_number')
		FROM jsonb_array_elements(api.get_gd(9, 118, 990015, '') -> 'entries') g
		WHERE g ->> 'text' = format('Petition %s disposed: converted into FIR %s', :'p3', :'f1_fir_number')),
	'the disposal''s diary entry is about the case');

-- ------------------------------------------------------------ transfer to another station
SELECT pg_temp.reported(990015, pg_temp.petition()) AS p5 \gset
CREATE FUNCTION pg_temp.transfer(station int) RETURNS jsonb LANGUAGE sql AS $$
	SELECT jsonb_build_object('kind', 'transferred', 'transfer_district_code', 118, 'transfer_station_code', station,
		'officer', pg_temp.officer(2))
$$;
SELECT pg_temp.expect_error(pg_temp.step_sql('dispose_petition', 990015, :'p5', pg_temp.transfer(990015)),
	'CT400', 'transfer_station_code', '%not to the one it is at%');
SELECT pg_temp.expect_error(pg_temp.step_sql('dispose_petition', 990015, :'p5', pg_temp.transfer(990019)),
	'CT400', 'transfer_station_code', '%not active%');
SELECT pg_temp.expect_error(pg_temp.step_sql('dispose_petition', 990015, :'p5', pg_temp.transfer(999999)),
	'CT400', 'transfer_station_code', '%no station%');
SELECT pg_temp.expect_error(pg_temp.step_sql('dispose_petition', 990015, :'p5', pg_temp.transfer(990016) - 'transfer_district_code'),
	'CT400', 'transfer_district_code', '%required%');
SELECT r.result AS t1 FROM api.dispose_petition(9, 118, 990015, pg_temp.key(), :'p5', pg_temp.transfer(990016)) r \gset
SELECT pg_temp.check(:'t1'::jsonb #>> '{transferred_to,petition_number}' = '0001/' || :y
		AND :'t1'::jsonb #>> '{transferred_to,station,station_name}' = 'Test PS 990016 Agra (transfers)'
		AND :'t1'::jsonb #>> '{disposal,transfer_station_code}' = '990016',
	'the transferring station''s record names the receiving station and its number there');
SELECT api.get_petition(9, 118, 990016, '1/' || :y) AS t2 \gset
SELECT pg_temp.check(:'t2'::jsonb ->> 'status' = 'received'
		AND :'t2'::jsonb #>> '{transferred_from,petition_number}' = :'p5'
		AND :'t2'::jsonb #>> '{transferred_from,station,station_code}' = '990015'
		AND :'t2'::jsonb #> '{petition,petitioner}' = :'t1'::jsonb #> '{petition,petitioner}'
		AND :'t2'::jsonb #> '{petition,respondents}' = :'t1'::jsonb #> '{petition,respondents}'
		AND NOT (:'t2'::jsonb -> 'petition') ? 'officer'
		AND :'t2'::jsonb #>> '{history,0,kind}' = 'received_by_transfer'
		AND :'t2'::jsonb #>> '{receipt,gd_number}' = '1',
	'the receiving station has it in its own register: number 1, status received, the same persons, a link back');
SELECT pg_temp.check(r.result ->> 'status' = 'under_enquiry', 'the receiving station goes on with it')
FROM api.assign_enquiry(9, 118, 990016, pg_temp.key(), '1/' || :y, pg_temp.assign(1, 2)) r;

-- A station works only on its own petitions.
SELECT pg_temp.expect_error(pg_temp.step_sql('assign_enquiry', 990017, '1/' || :y, pg_temp.assign(1, 2)),
	'CT404', 'petition_number');

-- ------------------------------------------------------------ NCR
CREATE FUNCTION pg_temp.ncr() RETURNS jsonb LANGUAGE sql AS $json$
SELECT $${
  "occurred_at": "2026-11-28T20:15:00+05:30",
  "reported_at": "2026-11-28T21:05:00+05:30",
  "place": {"address": {"line1": "In front of House No. 7, Naya Bans", "city": "Agra", "district_code": 118,
                        "state_code": 9, "pincode": "282003"},
            "distance_m": 1500, "direction": "nw", "beat": "Beat 2"},
  "informant": {"name": "Sunita Devi", "relative_kind": "husband", "relative_name": "Mahesh Kumar",
                "gender": "female", "year_of_birth": 1984},
  "opposite_party": [{"name": "Rakesh Yadav", "gender": "male"}],
  "sections": [{"act": "bns", "section": "352"}, {"act": "bns", "section": "115(2)"}],
  "brief_facts": "Abused in filthy language and slapped once over drain water. No injury.",
  "advice_given": true,
  "officer": {"number": "UP-31007", "name": "Harish Chandra", "rank": "HC"}
}$$::jsonb
$json$;
CREATE FUNCTION pg_temp.ncr_sql(n jsonb) RETURNS text LANGUAGE sql VOLATILE AS $$
	SELECT format('SELECT * FROM api.register_ncr(9, 118, 990017, %L::bytea, %L::jsonb)', pg_temp.key(), n)
$$;
SELECT * FROM api.register_ncr(9, 118, 990017, '\xa3112233445566778899aabbccddeeff', pg_temp.ncr()) \gset n1_
SELECT pg_temp.check(NOT :'n1_replayed'::boolean AND :'n1_receipt'::jsonb - 'registered_at' = jsonb_build_object(
		'ncr_number', '0001/' || :y, 'year', :y, 'number', 1, 'gd_date', :'today', 'gd_number', 1),
	'register_ncr: NCR 0001 with diary entry 1');
SELECT pg_temp.check(r.replayed, 'the same NCR with the same key replays')
FROM api.register_ncr(9, 118, 990017, '\xa3112233445566778899aabbccddeeff', pg_temp.ncr()) r;
SELECT pg_temp.check(pg_temp.no_ids(n -> 'ncr') = pg_temp.ncr() AND n -> 'receipt' = :'n1_receipt'::jsonb
		AND n #>> '{ncr,informant,person_id}' IS NOT NULL,
	'get_ncr gives the NCR back as recorded')
FROM api.get_ncr(9, 118, 990017, '1/' || :y) n;
SELECT pg_temp.check(g #>> '{entries,0,text}' = 'NCR 0001/' || :y || ' recorded under BNS 352, BNS 115(2); informant referred to the Magistrate'
		AND g #>> '{entries,0,kind}' = 'ncr', 'the NCR''s diary entry names its sections, no one')
FROM api.get_gd(9, 118, 990017, '') g;
SELECT pg_temp.expect_error('SELECT api.get_ncr(9, 118, 990018, ''1/' || :y || ''')', 'CT404', 'ncr_number');
SELECT pg_temp.expect_error(pg_temp.ncr_sql(jsonb_set(pg_temp.ncr(), '{sections,0}', '{"act": "ipc", "section": "504"}')),
	'CT400', 'sections[0].act', '%charge it under BNS%');
SELECT pg_temp.expect_error(pg_temp.ncr_sql(pg_temp.ncr() || '{"occurred_at": "2023-05-01T20:00:00+05:30",
	"reported_at": "2023-05-01T21:00:00+05:30"}'), 'CT400', 'sections[0].act', '%charge it under IPC%');
SELECT pg_temp.check(r.receipt ->> 'ncr_number' = '0002/' || :y, 'an offence of 2023 is charged under the IPC')
FROM api.register_ncr(9, 118, 990017, pg_temp.key(), pg_temp.ncr() || '{"occurred_at": "2023-05-01T20:00:00+05:30",
	"reported_at": "2023-05-01T21:00:00+05:30", "sections": [{"act": "ipc", "section": "504"}]}') r;
SELECT pg_temp.expect_error(pg_temp.ncr_sql(pg_temp.ncr() || '{"advice_given": false}'), 'CT400', 'advice_given', '%Magistrate%');
SELECT pg_temp.expect_error(pg_temp.ncr_sql(pg_temp.ncr() - 'advice_given'), 'CT400', 'advice_given');
SELECT pg_temp.expect_error(pg_temp.ncr_sql(pg_temp.ncr() || '{"advice_given": "yes"}'), 'CT400', 'advice_given');
SELECT pg_temp.expect_error(pg_temp.ncr_sql(pg_temp.ncr() || '{"reported_at": "2026-11-28T20:00:00+05:30"}'),
	'CT400', 'reported_at', '%before occurred_at%');
SELECT pg_temp.expect_error(pg_temp.ncr_sql(pg_temp.ncr() || jsonb_build_object('occurred_at', pg_temp.ist(now() + interval '1 day'))),
	'CT400', 'occurred_at', '%future%');
SELECT pg_temp.expect_error(pg_temp.ncr_sql(pg_temp.ncr() || '{"sections": []}'), 'CT400', 'sections', '%at least one%');
SELECT pg_temp.expect_error(pg_temp.ncr_sql(jsonb_set(pg_temp.ncr(), '{sections}',
	(SELECT jsonb_agg('{"act": "bns", "section": "352"}'::jsonb) FROM generate_series(1, 21)))), 'CT400', 'sections');
SELECT pg_temp.expect_error(pg_temp.ncr_sql(jsonb_set(pg_temp.ncr(), '{opposite_party}',
	(SELECT jsonb_agg(jsonb_build_object('name', 'O' || i)) FROM generate_series(1, 21) i))), 'CT400', 'opposite_party');
SELECT pg_temp.expect_error(pg_temp.ncr_sql(jsonb_set(pg_temp.ncr(), '{place,direction}', '"up"')), 'CT400', 'place.direction');
SELECT pg_temp.expect_error(pg_temp.ncr_sql(pg_temp.ncr() - 'informant'), 'CT400', 'informant');
SELECT pg_temp.expect_error(pg_temp.ncr_sql(pg_temp.ncr() - 'brief_facts'), 'CT400', 'brief_facts');

-- ------------------------------------------------------------ lost property
CREATE FUNCTION pg_temp.lost() RETURNS jsonb LANGUAGE sql AS $json$
SELECT $${
  "reporter": {"name": "Pooja Sharma", "gender": "female", "year_of_birth": 1998, "phone": "9000000003"},
  "lost_from": "2026-11-28T16:00:00+05:30",
  "lost_to": "2026-11-28T17:30:00+05:30",
  "place": {"address": {"line1": "Shared auto-rickshaw, Sanjay Place to Raja ki Mandi", "city": "Agra"}, "beat": "Beat 5"},
  "items": [{"kind": "mobile_phone", "description": "Redmi Note 13, blue", "identifier": "356938035643809", "value_rupees": 17999},
            {"kind": "document", "description": "Aadhaar card", "identifier": "4821"},
            {"kind": "jewellery", "description": "Gold ear-rings", "value_rupees": 999999999999}],
  "circumstances": "Fell from the bag in a shared auto-rickshaw.",
  "officer": {"number": "UP-31007", "name": "Harish Chandra", "rank": "HC"}
}$$::jsonb
$json$;
CREATE FUNCTION pg_temp.lost_sql(l jsonb) RETURNS text LANGUAGE sql VOLATILE AS $$
	SELECT format('SELECT * FROM api.register_lost_report(9, 118, 990018, %L::bytea, %L::jsonb)', pg_temp.key(), l)
$$;
SELECT * FROM api.register_lost_report(9, 118, 990018, pg_temp.key(), pg_temp.lost()) \gset l1_
SELECT pg_temp.check(:'l1_receipt'::jsonb ->> 'report_number' = '0001/' || :y AND (:'l1_receipt'::jsonb ->> 'gd_number')::int = 1,
	'register_lost_report: report 0001 with diary entry 1');
SELECT pg_temp.check(pg_temp.no_ids(l -> 'report') = pg_temp.lost() AND l #>> '{report,reporter,person_id}' IS NOT NULL,
	'get_lost_report gives the report back as recorded')
FROM api.get_lost_report(9, 118, 990018, '1/' || :y) l;
SELECT pg_temp.check(g #>> '{entries,0,text}' = 'Lost property report 0001/' || :y || ' recorded: 3 items (mobile phone, document, jewellery)'
		AND g #>> '{entries,0,kind}' = 'lost_property', 'the lost report''s diary entry counts the items, names no one')
FROM api.get_gd(9, 118, 990018, '') g;
SELECT pg_temp.expect_error('SELECT api.get_lost_report(9, 118, 990017, ''1/' || :y || ''')', 'CT404', 'report_number');
SELECT pg_temp.expect_error(pg_temp.lost_sql(jsonb_set(pg_temp.lost(), '{items,1,identifier}', '"2345 6789 0123"')),
	'CT400', 'items[1].identifier', '%Aadhaar%');
SELECT pg_temp.expect_error(pg_temp.lost_sql(jsonb_set(pg_temp.lost(), '{items,1,identifier}', '"२३४५६७८९०१२३"')),
	'CT400', 'items[1].identifier', '%Aadhaar%');
SELECT pg_temp.expect_error(pg_temp.lost_sql(jsonb_set(pg_temp.lost(), '{items,2,value_rupees}', '1000000000000')),
	'CT400', 'items[2].value_rupees', '%999999999999%');
SELECT pg_temp.expect_error(pg_temp.lost_sql(jsonb_set(pg_temp.lost(), '{items,2,value_rupees}', '-1')),
	'CT400', 'items[2].value_rupees');
SELECT pg_temp.expect_error(pg_temp.lost_sql(jsonb_set(pg_temp.lost(), '{items,0,kind}', '"car"')), 'CT400', 'items[0].kind');
SELECT pg_temp.expect_error(pg_temp.lost_sql(jsonb_set(pg_temp.lost(), '{items,0,colour}', '"blue"')), 'CT400', 'items[0].colour');
SELECT pg_temp.expect_error(pg_temp.lost_sql(pg_temp.lost() || '{"items": []}'), 'CT400', 'items', '%at least one%');
SELECT pg_temp.expect_error(pg_temp.lost_sql(jsonb_set(pg_temp.lost(), '{items}',
	(SELECT jsonb_agg('{"kind": "keys"}'::jsonb) FROM generate_series(1, 51)))), 'CT400', 'items', '%at most 50%');
SELECT pg_temp.expect_error(pg_temp.lost_sql(pg_temp.lost() || '{"lost_to": "2026-11-28T15:00:00+05:30"}'),
	'CT400', 'lost_to', '%before lost_from%');
SELECT pg_temp.expect_error(pg_temp.lost_sql(pg_temp.lost() - 'lost_to' || jsonb_build_object('lost_from', pg_temp.ist(now() + interval '1 hour'))),
	'CT400', 'lost_from', '%future%');
SELECT pg_temp.expect_error(pg_temp.lost_sql(jsonb_set(pg_temp.lost(), '{reporter,name}', '""')), 'CT400', 'reporter.name');
SELECT pg_temp.check(r.receipt ->> 'report_number' = '0002/' || :y, 'a report lost at one time (no lost_to) is recorded')
FROM api.register_lost_report(9, 118, 990018, pg_temp.key(), pg_temp.lost() - 'lost_to') r;

-- ============================================================ as cctns_owner: rules for every writer
\c - cctns_owner
\ir helpers.sql
SET client_min_messages = warning;

SELECT pg_temp.expect_error('UPDATE core.petition SET subject = ''changed'' WHERE station_code = 990015 AND petition_no = 1',
	'CT409', NULL, '%disposed%cannot change%');
SELECT pg_temp.expect_error('DELETE FROM core.petition WHERE station_code = 990015 AND petition_no = 1',
	'CT409', NULL, '%cannot change%');
SELECT pg_temp.expect_error('UPDATE core.petition SET status = ''disposed'' WHERE station_code = 990016 AND petition_no = 1',
	'CT409', NULL, '%cannot change from under_enquiry to disposed%');
SELECT pg_temp.expect_error('UPDATE core.petition SET status = ''received'' WHERE station_code = 990016 AND petition_no = 1',
	'CT409', NULL, '%cannot change from under_enquiry to received%');
SELECT pg_temp.expect_error('UPDATE core.petition SET enquiry_assigned_at = registered_at - interval ''1 day''
	WHERE station_code = 990016 AND petition_no = 1', '23514', NULL, '%petition_steps_in_order%');
SELECT pg_temp.expect_error('UPDATE core.petition SET received_at = now() + interval ''1 day''
	WHERE station_code = 990016 AND petition_no = 1', '23514', NULL, '%petition_received_not_in_future%');
SELECT pg_temp.expect_error('UPDATE core.petition SET status = ''enquiry_reported''
	WHERE station_code = 990016 AND petition_no = 1', '23514', NULL, '%petition_report_with_status%');
SELECT pg_temp.expect_error('UPDATE core.ncr SET advice_given = false WHERE station_code = 990017', '23514', NULL);
SELECT pg_temp.expect_error('UPDATE core.ncr SET reported_at = occurred_at - interval ''1 minute'' WHERE station_code = 990017',
	'23514', NULL, '%ncr_occurred_before_reported%');
SELECT pg_temp.expect_error('UPDATE core.lost_item SET identifier = ''1234-5678-9012''',
	'23514', NULL, '%lost_item_no_full_aadhaar%');
SELECT pg_temp.expect_error('UPDATE core.lost_item SET value_rupees = 1000000000000', '23514', NULL);
SELECT pg_temp.expect_error('UPDATE core.lost_report SET lost_to = lost_from - interval ''1 minute'' WHERE station_code = 990018',
	'23514', NULL, '%lost_report_from_before_to%');

-- Numbers: gapless per register per station; persons linked by role.
SELECT pg_temp.check(string_agg(register || ':' || last_no, ',' ORDER BY register, station_code)
		= 'lost_property:2,ncr:2,petition:5,petition:1',
	'register numbers: 5 petitions at 990015, 1 received by transfer at 990016, 2 NCRs, 2 lost reports')
FROM core.record_counter WHERE station_code BETWEEN 990015 AND 990019;
SELECT pg_temp.check(string_agg(DISTINCT record_kind || ':' || role, ',' ORDER BY record_kind || ':' || role) = 'lost_property:owner,ncr:accused,ncr:informant,petition:petitioner,petition:respondent',
	'persons are linked: petitioner, respondent, informant, accused (opposite party), owner')
FROM core.person_link WHERE station_code BETWEEN 990015 AND 990019 AND record_kind IN ('petition', 'ncr', 'lost_property');
SELECT pg_temp.check(count(*) = 2, 'the transferred petition''s petitioner is one person with links from both stations')
FROM core.person_link l JOIN core.petition_person x ON x.person_id = l.person_id
JOIN core.petition p ON p.petition_id = x.petition_id AND p.state_code = x.state_code AND p.year = x.year
WHERE p.station_code = 990016 AND x.seq = 1 AND l.role = 'petitioner';

-- ============================================================ as cctns_analyst
\c - cctns_analyst
DO $$
DECLARE
	n bigint;
BEGIN
	BEGIN
		SELECT count(*) INTO n FROM core.petition;
		RAISE EXCEPTION 'FAIL: analyst reads core.petition (since 0020 only reporting)';
	EXCEPTION WHEN insufficient_privilege THEN
		NULL;
	END;
	BEGIN
		SELECT count(*) INTO n FROM core.petition_person;
		RAISE EXCEPTION 'FAIL: analyst reads who is named in petitions';
	EXCEPTION WHEN insufficient_privilege THEN
		NULL;
	END;
	BEGIN
		SELECT count(*) INTO n FROM core.ncr_person;
		RAISE EXCEPTION 'FAIL: analyst reads who is named in NCRs';
	EXCEPTION WHEN insufficient_privilege THEN
		NULL;
	END;
	RAISE NOTICE 'ok: analyst reads neither the registers nor the persons named in them';
END
$$;

\echo registers1_checks.sql: all checks passed
