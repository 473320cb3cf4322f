-- persons_checks.sql: checks of the persons master record, photographs, the
-- crime details form (IIF-II) and the arrested person's link (migration
-- 0012) against a real, migrated CCTNS database. Run by run_api_checks.sh
-- after record_checks.sql; any failed check raises an exception and stops
-- the run. Test stations 990020..990024 (990024 in state 38, another state);
-- api_checks.sql deletes their rows before each run.

\set ON_ERROR_STOP 1

-- ============================================================ setup, as cctns_owner
\c - cctns_owner
SET client_min_messages = warning;
INSERT INTO ref.station (state_code, district_code, station_code, name, active) VALUES
	(9, 118, 990020, 'Test PS 990020 Agra (crime details)', true),
	(9, 118, 990021, 'Test PS 990021 Agra (reads persons)', true),
	(9, 118, 990022, 'Test PS 990022 Agra (photos)', true),
	(9, 118, 990023, 'Test PS 990023 Agra (arrests)', true),
	(38, 463, 990024, 'Test PS 990024 Daman (another state)', true);

-- ============================================================ as cctns_server
\c - cctns_server
\ir helpers.sql
\ir persons_helpers.sql
SET client_min_messages = warning;
SELECT extract(year FROM now() AT TIME ZONE 'Asia/Kolkata')::int AS y \gset

-- ------------------------------------------------------------ an arrest links its person
SELECT fir_number AS fir23 FROM api.register_fir(9, 118, 990023, pg_temp.key(), pg_temp.sample()) \gset
SELECT pg_sleep(1.05);
SELECT receipt ->> 'accused_code' AS a1 FROM api.register_arrest(9, 118, 990023, pg_temp.key(), :'fir23',
	pg_temp.memo(now())) \gset
\c - cctns_owner
\ir helpers.sql
\ir persons_helpers.sql
SET client_min_messages = warning;
SELECT l.person_id AS pid FROM core.person_link l
WHERE l.record_kind = 'arrest' AND l.station_code = 990023 AND l.role = 'arrested' \gset
\c - cctns_server
\ir helpers.sql
\ir persons_helpers.sql
SET client_min_messages = warning;
SELECT pg_temp.check(r #>> '{person,name}' = 'Sonu Kumar' AND (r #>> '{person,person_id}')::bigint = :pid
		AND r -> 'aliases' = '["Kallu"]'
		AND r -> 'links' = jsonb_build_array(jsonb_build_object('role', 'arrested', 'record_kind', 'arrest',
			'label', 'arrest A1 in FIR ' || :'fir23', 'fir_number', :'fir23',
			'linked_at', r #>> '{links,0,linked_at}', 'station', r #> '{created_by}'))
		AND r #>> '{created_by,station_name}' = 'Test PS 990023 Agra (arrests)',
	'an arrest links its person (role arrested, label without personal data) with the memo''s aliases')
FROM api.get_person(9, 118, 990023, jsonb_build_object('person_id', :pid)) r;
\c - cctns_owner
\ir helpers.sql
\ir persons_helpers.sql
SET client_min_messages = warning;
SELECT pg_temp.check(l.record_id = f.fir_id * 1000 + 1 AND l.record_year = f.year AND l.fir_id = f.fir_id,
	'the arrest link names the memo: record_id = fir_id * 1000 + arrest_no')
FROM core.person_link l JOIN core.fir f ON f.fir_id = l.fir_id AND f.state_code = 9
WHERE l.person_id = :pid AND l.record_kind = 'arrest';
\c - cctns_server
\ir helpers.sql
\ir persons_helpers.sql
SET client_min_messages = warning;

-- A second arrest naming the same person by person_id links that person,
-- with the aliases not known yet; no new person is made.
SELECT receipt ->> 'accused_code' AS a2 FROM api.register_arrest(9, 118, 990023, pg_temp.key(), :'fir23',
	jsonb_set(pg_temp.memo(now()), '{person,person_id}', to_jsonb(:pid)) || '{"aliases": ["Kallu", "Sonu Bhai"]}') \gset
SELECT pg_temp.check(:'a2' = 'A2' AND r -> 'aliases' = '["Kallu", "Sonu Bhai"]'
		AND jsonb_array_length(r -> 'links') = 2 AND r #>> '{links,1,label}' = 'arrest A2 in FIR ' || :'fir23',
	'an arrest naming person_id links that person and adds only the new alias')
FROM api.get_person(9, 118, 990023, jsonb_build_object('person_id', :pid)) r;
SELECT pg_temp.expect_error(pg_temp.arrest_sql(990023, :'fir23',
	jsonb_set(pg_temp.memo(now()), '{person,person_id}', '999999999999')), 'CT400', 'person.person_id', '%no person%');
SELECT pg_temp.expect_error(pg_temp.arrest_sql(990023, :'fir23',
	jsonb_set(pg_temp.memo(now()), '{person,person_id}', '"12a"')), 'CT400', 'person.person_id');
\c - cctns_owner
\ir helpers.sql
\ir persons_helpers.sql
SET client_min_messages = warning;
SELECT pg_temp.check(count(DISTINCT person_id) = 1, 'no new person was made for the known one')
FROM core.person_link WHERE station_code = 990023 AND record_kind = 'arrest';
SELECT pg_temp.check(count(*) = 2, 'refused arrests stored nothing')
FROM core.arrest a JOIN core.fir f USING (state_code, year, fir_id) WHERE f.station_code = 990023;
\c - cctns_server
\ir helpers.sql
\ir persons_helpers.sql
SET client_min_messages = warning;

-- ------------------------------------------------------------ reading persons
SELECT pg_temp.check(api.get_person(9, 118, 990021, jsonb_build_object('person_id', :pid))
		= api.get_person(9, 118, 990023, jsonb_build_object('person_id', :pid)),
	'any station of the state reads a person');
SELECT pg_temp.expect_error(format('SELECT api.get_person(38, 463, 990024, %L)', jsonb_build_object('person_id', :pid)),
	'CT404', 'person_id', '%no person%');
SELECT pg_temp.expect_error('SELECT api.get_person(9, 118, 990021, ''{"person_id": 999999999999}'')', 'CT404', 'person_id');
SELECT pg_temp.expect_error('SELECT api.get_person(9, 118, 990021, ''{}'')', 'CT400', 'person_id', '%required%');
SELECT pg_temp.expect_error('SELECT api.get_person(9, 118, 990021, ''{"person_id": "x"}'')', 'CT400', 'person_id');
SELECT pg_temp.expect_error('SELECT api.get_person(9, 118, 990021, ''{"person_id": 1, "name": "x"}'')', 'CT400', 'name');

-- ------------------------------------------------------------ adding details
SELECT jsonb_build_object('person_id', :pid,
	'aliases', jsonb_build_array('Sonu Pahalwan'),
	'identity_documents', jsonb_build_array(jsonb_build_object('kind', 'voter_id', 'number', 'UP/14/123/456789'),
		jsonb_build_object('kind', 'aadhaar_masked', 'number', '4821')),
	'phones', jsonb_build_array(jsonb_build_object('number', '+91 98765 43210', 'kind', 'mobile')),
	'addresses', jsonb_build_array(jsonb_build_object('kind', 'present', 'since', '2024-03-01',
		'address', jsonb_build_object('line1', 'Jhuggi 27, Nagla Padi', 'city', 'Agra', 'state_code', 9,
			'district_code', 118, 'pincode', '282002'))),
	'descriptive_roll', jsonb_build_object('height_cm', 170, 'build', 'thin', 'languages', jsonb_build_array('Hindi')),
	'officer', pg_temp.officer(3)) AS upd \gset
SELECT record AS r1 FROM api.update_person(9, 118, 990021, '\x0102030405060708090a0b0c0d0e0f10', :'upd') \gset
SELECT pg_temp.check((:'r1'::jsonb) -> 'aliases' = '["Kallu", "Sonu Bhai", "Sonu Pahalwan"]'
		AND (:'r1'::jsonb) -> 'identity_documents' = (:'upd'::jsonb) -> 'identity_documents'
		AND (:'r1'::jsonb) #>> '{phones,0,number}' = '+91 98765 43210'
		AND (:'r1'::jsonb) #>> '{addresses,0,since}' = '2024-03-01'
		AND (:'r1'::jsonb) -> 'descriptive_roll' = (:'upd'::jsonb) -> 'descriptive_roll',
	'another station of the state adds aliases, documents, a phone, an address and a descriptive roll');
\c - cctns_owner
\ir helpers.sql
\ir persons_helpers.sql
SET client_min_messages = warning;
SELECT pg_temp.check(station_code = 990021 AND officer_name = 'Meena Verma', 'each detail records the station and officer')
FROM core.person_document WHERE person_id = :pid AND kind = 'voter_id';
\c - cctns_server
\ir helpers.sql
\ir persons_helpers.sql
SET client_min_messages = warning;
SELECT pg_temp.check(r.replayed AND r.record = :'r1'::jsonb, 'the same key and content replays')
FROM api.update_person(9, 118, 990021, '\x0102030405060708090a0b0c0d0e0f10', :'upd') r;
SELECT pg_temp.expect_error(format('SELECT * FROM api.update_person(9, 118, 990021, %L::bytea, %L::jsonb)',
	'\x0102030405060708090a0b0c0d0e0f10', (:'upd'::jsonb) || '{"aliases": ["other"]}'), 'CT409', NULL, '%different content%');

-- The same details again add nothing; a new present address and roll are
-- added, the old ones stay (nothing is overwritten).
SELECT record AS r2 FROM api.update_person(9, 118, 990021, pg_temp.key(), (:'upd'::jsonb)
	|| jsonb_build_object('addresses', (:'upd'::jsonb) -> 'addresses' || jsonb_build_array(jsonb_build_object(
		'kind', 'present', 'since', '2026-01-15', 'address', jsonb_build_object('line1', '5 Loha Mandi', 'city', 'Agra'))),
		'descriptive_roll', jsonb_build_object('height_cm', 171, 'scars', 'left eyebrow'))) \gset
SELECT pg_temp.check(jsonb_array_length((:'r2'::jsonb) -> 'aliases') = 3
		AND jsonb_array_length((:'r2'::jsonb) -> 'identity_documents') = 2
		AND jsonb_array_length((:'r2'::jsonb) -> 'phones') = 1
		AND jsonb_array_length((:'r2'::jsonb) -> 'addresses') = 2
		AND (:'r2'::jsonb) #>> '{addresses,1,address,line1}' = '5 Loha Mandi'
		AND (:'r2'::jsonb) -> 'descriptive_roll' = '{"height_cm": 171, "scars": "left eyebrow"}',
	'details already known are not added twice; a new address and roll are added and the old ones kept');
\c - cctns_owner
\ir helpers.sql
\ir persons_helpers.sql
SET client_min_messages = warning;
SELECT pg_temp.check(count(*) = 2, 'both descriptive rolls are kept') FROM core.person_roll WHERE person_id = :pid;
\c - cctns_server
\ir helpers.sql
\ir persons_helpers.sql
SET client_min_messages = warning;

-- Never a full Aadhaar number, however it is written.
SELECT pg_temp.expect_error(pg_temp.update_sql(990021, jsonb_build_object('person_id', :pid, 'officer', pg_temp.officer(3),
	'identity_documents', '[{"kind": "voter_id", "number": "3947 5820 4821"}]'::jsonb)), 'CT400', 'identity_documents[0].number', '%Aadhaar%');
SELECT pg_temp.expect_error(pg_temp.update_sql(990021, jsonb_build_object('person_id', :pid, 'officer', pg_temp.officer(3),
	'identity_documents', '[{"kind": "aadhaar", "number": "4821"}]'::jsonb)), 'CT400', 'identity_documents[0].kind', '%aadhaar_masked%');
SELECT pg_temp.expect_error(pg_temp.update_sql(990021, jsonb_build_object('person_id', :pid, 'officer', pg_temp.officer(3),
	'identity_documents', '[{"kind": "passport", "number": "J8369854"}, {"kind": "aadhaar_masked", "number": "394758204821"}]'::jsonb)),
	'CT400', 'identity_documents[1].number', '%Aadhaar%');
SELECT pg_temp.expect_error(pg_temp.update_sql(990021, jsonb_build_object('person_id', :pid, 'officer', pg_temp.officer(3),
	'identity_documents', '[{"kind": "aadhaar_masked", "number": "48211"}]'::jsonb)), 'CT400', 'identity_documents[0].number', '%last 4 digits%');
-- Other rules of an update.
SELECT pg_temp.expect_error(pg_temp.update_sql(990021, jsonb_build_object('person_id', :pid, 'officer', pg_temp.officer(3))),
	'CT400', '', '%nothing to add%');
SELECT pg_temp.expect_error(pg_temp.update_sql(990021, jsonb_build_object('person_id', :pid, 'aliases', '["x"]'::jsonb)),
	'CT400', 'officer', '%required%');
SELECT pg_temp.expect_error(pg_temp.update_sql(990021, jsonb_build_object('person_id', 999999999999, 'aliases', '["x"]'::jsonb,
	'officer', pg_temp.officer(3))), 'CT404', 'person_id');
SELECT pg_temp.expect_error(pg_temp.update_sql(990021, jsonb_build_object('person_id', :pid, 'officer', pg_temp.officer(3),
	'addresses', jsonb_build_array(jsonb_build_object('kind', 'present', 'since', to_char(now() + interval '2 days', 'YYYY-MM-DD'),
		'address', '{"city": "Agra"}'::jsonb)))), 'CT400', 'addresses[0].since', '%today%');
SELECT pg_temp.expect_error(pg_temp.update_sql(990021, jsonb_build_object('person_id', :pid, 'officer', pg_temp.officer(3),
	'addresses', '[{"address": {"city": "Agra"}}]'::jsonb)), 'CT400', 'addresses[0].kind', '%required%');
SELECT pg_temp.expect_error(pg_temp.update_sql(990021, jsonb_build_object('person_id', :pid, 'officer', pg_temp.officer(3),
	'addresses', '[{"kind": "other", "address": {"pincode": "282001"}}]'::jsonb)), 'CT400', 'addresses[0].address', '%line1 or city%');
SELECT pg_temp.expect_error(pg_temp.update_sql(990021, jsonb_build_object('person_id', :pid, 'officer', pg_temp.officer(3),
	'phones', '[{"number": "call me"}]'::jsonb)), 'CT400', 'phones[0].number', '%phone number%');
SELECT pg_temp.expect_error(pg_temp.update_sql(990021, jsonb_build_object('person_id', :pid, 'officer', pg_temp.officer(3),
	'descriptive_roll', '{"height_cm": 20}'::jsonb)), 'CT400', 'descriptive_roll.height_cm', '%30 to 250%');
SELECT pg_temp.expect_error(pg_temp.update_sql(990021, jsonb_build_object('person_id', :pid, 'officer', pg_temp.officer(3),
	'descriptive_roll', '{}'::jsonb)), 'CT400', 'descriptive_roll', '%nothing in it%');
SELECT pg_temp.expect_error(pg_temp.update_sql(990021, jsonb_build_object('person_id', :pid, 'officer', pg_temp.officer(3),
	'aliases', '["a","b","c","d","e","f","g","h","i","j","k"]'::jsonb)), 'CT400', 'aliases', '%at most 10%');
SELECT pg_temp.expect_error(pg_temp.update_sql(990021, jsonb_build_object('person_id', :pid, 'officer', pg_temp.officer(3),
	'phones', '[{"number": "9000000001", "added_at": "2026-01-01T00:00:00+05:30"}]'::jsonb)), 'CT400', 'phones[0].added_at');
\c - cctns_owner
\ir helpers.sql
\ir persons_helpers.sql
SET client_min_messages = warning;
SELECT pg_temp.check(count(*) = 2, 'refused updates stored nothing') FROM core.person_document WHERE person_id = :pid;
\c - cctns_server
\ir helpers.sql
\ir persons_helpers.sql
SET client_min_messages = warning;

-- ------------------------------------------------------------ photographs
SELECT * FROM api.add_person_photo(9, 118, 990022, '\x1102030405060708090a0b0c0d0e0f10',
	pg_temp.photo(:pid, 'image/png', pg_temp.png(640, 480))) \gset ph1_
SELECT pg_temp.check(NOT :'ph1_replayed'::boolean AND (:'ph1_photo'::jsonb) #>> '{info,photo_no}' = '1'
		AND (:'ph1_photo'::jsonb) #>> '{info,width}' = '640' AND (:'ph1_photo'::jsonb) #>> '{info,height}' = '480'
		AND (:'ph1_photo'::jsonb) #>> '{info,size_bytes}' = length(pg_temp.png(640, 480))::text
		AND (:'ph1_photo'::jsonb) #>> '{info,sha256}' = encode(sha256(pg_temp.png(640, 480)), 'hex')
		AND NOT (:'ph1_photo'::jsonb) ? 'data',
	'a PNG is added as photo 1 with the size read from its header; the answer carries no data');
SELECT pg_temp.check(r.replayed AND r.photo = :'ph1_photo'::jsonb, 'the same key replays the photo''s answer')
FROM api.add_person_photo(9, 118, 990022, '\x1102030405060708090a0b0c0d0e0f10',
	pg_temp.photo(:pid, 'image/png', pg_temp.png(640, 480))) r;
SELECT pg_temp.check((r.photo #>> '{info,photo_no}')::int = 2 AND r.photo #>> '{info,mime}' = 'image/jpeg'
		AND (r.photo #>> '{info,width}')::int = 200 AND (r.photo #>> '{info,height}')::int = 250,
	'a JPEG is added as photo 2, its size read from the frame header')
FROM api.add_person_photo(9, 118, 990022, pg_temp.key(), pg_temp.photo(:pid, 'image/jpeg', pg_temp.jpeg(200, 250))
	|| jsonb_build_object('taken_at', pg_temp.ist(now() - interval '1 day'))) r;
SELECT pg_temp.check(decode(r ->> 'data', 'base64') = pg_temp.jpeg(200, 250) AND (r #>> '{info,photo_no}')::int = 2,
	'get_person_photo returns the image as it was added')
FROM api.get_person_photo(9, 118, 990021, jsonb_build_object('person_id', :pid, 'photo_no', 2)) r;
SELECT pg_temp.check(jsonb_array_length(r -> 'photos') = 2 AND NOT (r -> 'photos' -> 0) ? 'data',
	'the person''s record lists the photos without their data')
FROM api.get_person(9, 118, 990021, jsonb_build_object('person_id', :pid)) r;
SELECT pg_temp.expect_error(format('SELECT api.get_person_photo(9, 118, 990021, %L)',
	jsonb_build_object('person_id', :pid, 'photo_no', 3)), 'CT404', 'photo_no');
SELECT pg_temp.expect_error(format('SELECT api.get_person_photo(9, 118, 990021, %L)',
	jsonb_build_object('person_id', :pid)), 'CT400', 'photo_no');
-- What is not a real JPEG or PNG within the limits is refused.
SELECT pg_temp.expect_error(pg_temp.photo_sql(990022, pg_temp.photo(:pid, 'image/png', pg_temp.png(640, 480))),
	'CT409', 'data', '%already photo 1%');
SELECT pg_temp.expect_error(pg_temp.photo_sql(990022, pg_temp.photo(:pid, 'image/png', pg_temp.png(63, 480))),
	'CT400', 'data', '%63 x 480 pixels%');
SELECT pg_temp.expect_error(pg_temp.photo_sql(990022, pg_temp.photo(:pid, 'image/png', pg_temp.png(8001, 64))),
	'CT400', 'data', '%64 to 8000%');
SELECT pg_temp.expect_error(pg_temp.photo_sql(990022, pg_temp.photo(:pid, 'image/jpeg', pg_temp.png(640, 480, 5)))
	, 'CT400', 'mime', '%PNG%');
SELECT pg_temp.expect_error(pg_temp.photo_sql(990022, pg_temp.photo(:pid, 'image/gif', pg_temp.png(640, 480, 6))),
	'CT400', 'mime', '%image/jpeg, image/png%');
SELECT pg_temp.expect_error(pg_temp.photo_sql(990022, pg_temp.photo(:pid, 'image/jpeg', convert_to('GIF89a not a photo', 'UTF8'))),
	'CT400', 'data', '%neither a JPEG nor a PNG%');
SELECT pg_temp.expect_error(pg_temp.photo_sql(990022, pg_temp.photo(:pid, 'image/jpeg',
	substr(pg_temp.jpeg(200, 250), 1, 30))), 'CT400', 'data', '%cut short%');
SELECT pg_temp.expect_error(pg_temp.photo_sql(990022, pg_temp.photo(:pid, 'image/png', pg_temp.png(640, 480, 524288))),
	'CT400', 'data', '%512 KiB%');
SELECT pg_temp.expect_error(pg_temp.photo_sql(990022, pg_temp.photo(:pid, 'image/png', pg_temp.png(640, 480, 7))
	|| jsonb_build_object('taken_at', pg_temp.ist(now() + interval '1 hour'))), 'CT400', 'taken_at', '%future%');
SELECT pg_temp.expect_error(pg_temp.photo_sql(990022, pg_temp.photo(:pid, 'image/png', pg_temp.png(640, 480, 8)) - 'officer'),
	'CT400', 'officer');
SELECT pg_temp.expect_error(pg_temp.photo_sql(990022, jsonb_set(pg_temp.photo(:pid, 'image/png', pg_temp.png(640, 480)),
	'{data}', '"*not base64*"')), 'CT400', 'data', '%base64%');
SELECT pg_temp.expect_error(pg_temp.photo_sql(990022, pg_temp.photo(999999999999, 'image/png', pg_temp.png(640, 480, 9))),
	'CT404', 'person_id');
-- At most 20 photos of a person.
SELECT count(*) FROM generate_series(3, 20) i,
	LATERAL api.add_person_photo(9, 118, 990022, pg_temp.key(), pg_temp.photo(:pid, 'image/png', pg_temp.png(64, 64, i)));
SELECT pg_temp.expect_error(pg_temp.photo_sql(990022, pg_temp.photo(:pid, 'image/png', pg_temp.png(64, 64, 21))),
	'CT409', NULL, '%20 photos%');

-- ------------------------------------------------------------ crime details
SELECT * FROM api.register_fir(9, 118, 990020, pg_temp.key(), pg_temp.sample()) \gset f_
SELECT pg_temp.cd(now() - interval '1 minute') AS cd1 \gset
SELECT * FROM api.record_crime_details(9, 118, 990020, '\x2102030405060708090a0b0c0d0e0f10', :'f_fir_number',
	:'cd1') \gset c1_
SELECT pg_temp.check((:'c1_receipt'::jsonb) ->> 'version' = '1' AND (:'c1_receipt'::jsonb) ->> 'fir_number' = :'f_fir_number'
		AND NOT :'c1_replayed'::boolean, 'the first crime details of an FIR are version 1');
SELECT pg_temp.check(r.replayed AND r.receipt = (:'c1_receipt'::jsonb) || '{"replayed": true}', 'the same key replays the receipt')
FROM api.record_crime_details(9, 118, 990020, '\x2102030405060708090a0b0c0d0e0f10', :'f_fir_number',
	:'cd1') r;
SELECT api.get_crime_details(9, 118, 990020, :'f_fir_number', '{}') AS g1 \gset
-- Read back: what was written, persons with the person_id they are linked to.
SELECT pg_temp.check((:'g1'::jsonb) -> 'receipt' = :'c1_receipt'::jsonb AND ((:'g1'::jsonb) ->> 'versions')::int = 1
		AND (:'g1'::jsonb) #- '{details,place_shown_by,person,person_id}' #- '{details,victims,0,person,person_id}'
			#- '{details,panch_witnesses,0,person_id}' #- '{details,panch_witnesses,1,person_id}'
			#> '{details}' = :'cd1'::jsonb,
	'get_crime_details gives the form as recorded');
\c - cctns_owner
\ir helpers.sql
\ir persons_helpers.sql
SET client_min_messages = warning;
SELECT pg_temp.check(count(*) = 4 AND count(*) FILTER (WHERE l.role = 'victim') = 1
		AND count(*) FILTER (WHERE l.role = 'place_shown_by') = 1
		AND count(*) FILTER (WHERE l.role = 'panch_witness') = 2
		AND bool_and(l.label = 'crime details of FIR ' || :'f_fir_number' AND l.record_kind = 'crime_details'),
	'victims, the person who showed the place and the panch witnesses are linked by role')
FROM core.person_link l WHERE l.station_code = 990020 AND l.record_kind <> 'fir';
SELECT pg_temp.check(e.kind = 'crime_details' AND e.status = 'registered' AND e.officer_name = 'Anil Kumar Tyagi'
		AND e.summary = 'Crime details (IIF-II) version 1: Theft: chain or ornament snatching; place: market',
	'a crime_details event on the timeline, without personal data')
FROM core.case_event e JOIN core.fir f USING (state_code, year, fir_id)
WHERE f.station_code = 990020 ORDER BY e.seq DESC LIMIT 1;

\c - cctns_server
\ir helpers.sql
\ir persons_helpers.sql
SET client_min_messages = warning;

-- A new version; the first stays as it was. The victim named by person_id
-- is linked, not made again.
SELECT ((:'g1'::jsonb) #>> '{details,victims,0,person,person_id}')::bigint AS victim \gset
SELECT receipt ->> 'version' AS v2 FROM api.record_crime_details(9, 118, 990020, pg_temp.key(), :'f_fir_number',
	jsonb_set(pg_temp.cd(now()), '{victims,0,person,person_id}', to_jsonb(:victim))
	|| '{"motive": "Gain; the phone was sold the same night"}') \gset
SELECT pg_temp.check(:v2 = 2 AND (r ->> 'versions')::int = 2
		AND r #>> '{details,motive}' = 'Gain; the phone was sold the same night'
		AND (r #>> '{details,victims,0,person,person_id}')::bigint = :victim,
	'recording again makes version 2, shown as the latest')
FROM api.get_crime_details(9, 118, 990020, :'f_fir_number', '{}') r;
SELECT pg_temp.check(api.get_crime_details(9, 118, 990020, :'f_fir_number', '{"version": 1}') = :'g1'::jsonb
		#- '{versions}' || '{"versions": 2}', 'version 1 is kept as it was');
\c - cctns_owner
\ir helpers.sql
\ir persons_helpers.sql
SET client_min_messages = warning;
SELECT pg_temp.check(count(*) = 1, 'the victim named by person_id is linked once, not made again')
FROM core.person_link l WHERE l.station_code = 990020 AND l.role = 'victim';
\c - cctns_server
\ir helpers.sql
\ir persons_helpers.sql
SET client_min_messages = warning;
SELECT pg_temp.expect_error(format('SELECT api.get_crime_details(9, 118, 990020, %L, ''{"version": 3}'')', :'f_fir_number'),
	'CT404', 'version', '%versions 1 to 2%');
SELECT pg_temp.expect_error(format('SELECT api.get_crime_details(9, 118, 990021, %L, ''{}'')', :'f_fir_number'),
	'CT404', 'fir_number');
SELECT fir_number AS fir_bare FROM api.register_fir(9, 118, 990020, pg_temp.key(), pg_temp.sample()) \gset
SELECT pg_temp.expect_error(format('SELECT api.get_crime_details(9, 118, 990020, %L, NULL)', :'fir_bare'),
	'CT404', 'fir_number', '%no crime details%');

-- MO heads must exist; the message names the field and lists the heads.
SELECT pg_temp.expect_error(pg_temp.cd_sql(990020, :'f_fir_number', jsonb_set(pg_temp.cd(now()), '{mo,major}', '"pick_pocketing"')),
	'CT400', 'mo.major', '%no MO major head "pick_pocketing"%house_breaking%theft%');
SELECT pg_temp.expect_error(pg_temp.cd_sql(990020, :'f_fir_number', jsonb_set(pg_temp.cd(now()), '{mo,minor}', '"lock_broken"')),
	'CT400', 'mo.minor', '%theft has no minor head "lock_broken"%general, %chain_snatching%');
SELECT pg_temp.expect_error(pg_temp.cd_sql(990020, :'f_fir_number', pg_temp.cd(now()) #- '{mo,minor}'),
	'CT400', 'mo.minor', '%required%');
SELECT pg_temp.expect_error(pg_temp.cd_sql(990020, :'f_fir_number', pg_temp.cd(now()) - 'mo'), 'CT400', 'mo', '%required%');
SELECT pg_temp.expect_error(pg_temp.cd_sql(990020, :'f_fir_number', jsonb_set(pg_temp.cd(now()), '{mo,methods}',
	'["a", "b", "c", "d"]')), 'CT400', 'mo.methods', '%at most 3%');
SELECT pg_temp.expect_error(pg_temp.cd_sql(990020, :'f_fir_number', jsonb_set(pg_temp.cd(now()), '{mo,special_features}',
	'["a", "b", "c", "d"]')), 'CT400', 'mo.special_features', '%at most 3%');
-- The panchnama: after the occurrence began, not in the future, 2 witnesses.
SELECT pg_temp.expect_error(pg_temp.cd_sql(990020, :'f_fir_number', pg_temp.cd('2026-11-20T18:00:00+05:30')),
	'CT400', 'panchnama_at', '%before the occurrence began%');
SELECT pg_temp.expect_error(pg_temp.cd_sql(990020, :'f_fir_number', pg_temp.cd(now() + interval '1 hour')),
	'CT400', 'panchnama_at', '%future%');
SELECT pg_temp.expect_error(pg_temp.cd_sql(990020, :'f_fir_number', pg_temp.cd(now()) #- '{panch_witnesses,1}'),
	'CT400', 'panch_witnesses', '%exactly 2%');
SELECT pg_temp.expect_error(pg_temp.cd_sql(990020, :'f_fir_number', pg_temp.cd(now()) - 'panchnama_at'),
	'CT400', 'panch_witnesses', '%give panchnama_at%');
SELECT pg_temp.expect_error(pg_temp.cd_sql(990020, :'f_fir_number', jsonb_set(pg_temp.cd(now()), '{panch_witnesses,1}',
	'{"occupation": "x"}')), 'CT400', 'panch_witnesses[1].name', '%required%');
-- Victims: a name and an age of 0 to 120 at the occurrence.
SELECT pg_temp.expect_error(pg_temp.cd_sql(990020, :'f_fir_number', jsonb_set(pg_temp.cd(now()), '{victims,0,person,year_of_birth}',
	'1900')), 'CT400', 'victims[0].person.year_of_birth', '%age of 126%');
SELECT pg_temp.expect_error(pg_temp.cd_sql(990020, :'f_fir_number', jsonb_set(pg_temp.cd(now()), '{victims,0,person}',
	'{"name": "Baby Kumari", "date_of_birth": "2026-11-21"}')), 'CT400', 'victims[0].person.date_of_birth', '%after the occurrence%');
SELECT pg_temp.expect_error(pg_temp.cd_sql(990020, :'f_fir_number', jsonb_set(pg_temp.cd(now()), '{victims,0,person}',
	'{"gender": "female"}')), 'CT400', 'victims[0].person.name', '%required%');
SELECT pg_temp.expect_error(pg_temp.cd_sql(990020, :'f_fir_number', jsonb_set(pg_temp.cd(now()), '{victims,0,injury}',
	'"broken"')), 'CT400', 'victims[0].injury', '%none, simple, grievous, fatal%');
SELECT pg_temp.expect_error(pg_temp.cd_sql(990020, :'f_fir_number', jsonb_set(pg_temp.cd(now()), '{victims,0,sc_st}',
	'"obc"')), 'CT400', 'victims[0].sc_st', '%none, sc, st%');
SELECT pg_temp.expect_error(pg_temp.cd_sql(990020, :'f_fir_number', jsonb_set(pg_temp.cd(now()), '{victims,0,person,person_id}',
	'999999999999')), 'CT400', 'victims[0].person.person_id', '%no person%');
-- The place, the officer, the FIR.
SELECT pg_temp.expect_error(pg_temp.cd_sql(990020, :'f_fir_number', pg_temp.cd(now()) || '{"place_type": "other"}'),
	'CT400', 'place_description', '%other%');
SELECT pg_temp.expect_error(pg_temp.cd_sql(990020, :'f_fir_number', pg_temp.cd(now()) || '{"place_type": "moon"}'),
	'CT400', 'place_type', '%residence, shop%');
SELECT pg_temp.expect_error(pg_temp.cd_sql(990020, :'f_fir_number', pg_temp.cd(now()) - 'officer'), 'CT400', 'officer');
SELECT pg_temp.expect_error(pg_temp.cd_sql(990021, :'f_fir_number', pg_temp.cd(now())), 'CT404', 'fir_number');
\c - cctns_owner
\ir helpers.sql
\ir persons_helpers.sql
SET client_min_messages = warning;
SELECT pg_temp.check(count(*) = 2, 'refused crime details stored nothing')
FROM core.crime_details c JOIN core.fir f USING (state_code, year, fir_id) WHERE f.station_code = 990020;

-- ============================================================ as cctns_owner: every writer
SELECT extract(year FROM now() AT TIME ZONE 'Asia/Kolkata')::int AS y \gset
SELECT l.person_id AS pid, p.year AS pyear FROM core.person_link l JOIN core.person p USING (person_id, state_code, year)
WHERE l.record_kind = 'arrest' AND l.station_code = 990023 LIMIT 1 \gset
SELECT f.fir_id, f.year AS fyear, f.fir_no FROM core.fir f WHERE f.station_code = 990020 ORDER BY f.fir_no LIMIT 1 \gset

-- A transferred FIR takes no crime details.
UPDATE core.fir SET status = 'transferred' WHERE station_code = 990020 AND fir_no = 2 AND year = :y;
\c - cctns_server
\ir helpers.sql
\ir persons_helpers.sql
SET client_min_messages = warning;
SELECT pg_temp.expect_error(format('SELECT * FROM api.record_crime_details(9, 118, 990020, %L::bytea, %L, %L::jsonb)',
	pg_temp.key(), '2/' || extract(year FROM now() AT TIME ZONE 'Asia/Kolkata'),
	(SELECT api.get_crime_details(9, 118, 990020, '1/' || extract(year FROM now() AT TIME ZONE 'Asia/Kolkata'), '{"version": 1}')
		-> 'details')), 'CT409', 'fir_number', '%transferred%');
\c - cctns_owner
\ir helpers.sql
\ir persons_helpers.sql
SET client_min_messages = warning;

-- The tables refuse what the api refuses, whoever writes.
SELECT pg_temp.expect_error(format('INSERT INTO core.person_document (state_code, year, person_id, kind, number, district_code, station_code) VALUES (9, %s, %s, %L, %L, 118, 990021)',
	:pyear, :pid, 'voter_id', '3947-5820-4821'), '23514', NULL, '%person_document_no_full_aadhaar%');
SELECT pg_temp.expect_error(format('INSERT INTO core.person_document (state_code, year, person_id, kind, number, district_code, station_code) VALUES (9, %s, %s, %L, %L, 118, 990021)',
	:pyear, :pid, 'Aadhaar Card', '4821'), '23514', NULL, '%person_document_no_full_aadhaar%');
CREATE FUNCTION pg_temp.photo_insert(mime text, img bytea, w int, h int) RETURNS text LANGUAGE sql AS $$
	SELECT format('INSERT INTO core.person_photo (state_code, year, person_id, photo_no, mime, data, width, height, district_code, station_code, officer_number, officer_name, officer_rank) VALUES (9, %s, %s, 20, %L, %L::bytea, %s, %s, 118, 990022, %L, %L, %L)',
		p.year, p.person_id, mime, img, w, h, 'UP-1', 'Test', 'SI')
	FROM core.person p WHERE p.person_id = (SELECT l.person_id FROM core.person_link l WHERE l.station_code = 990023 LIMIT 1)
$$;
DELETE FROM core.person_photo WHERE person_id = :pid AND photo_no = 20;
SELECT pg_temp.expect_error(pg_temp.photo_insert('image/jpeg', convert_to('GIF89a', 'UTF8'), 64, 64), '23514', NULL, '%person_photo_magic%');
SELECT pg_temp.expect_error(pg_temp.photo_insert('image/png', pg_temp.png(64, 64, 524288), 64, 64),
	'23514', NULL, '%person_photo_size%');
SELECT pg_temp.expect_error(pg_temp.photo_insert('image/jpeg', '\xffd8ffe000104a46494600010100000100010000ffc0001108001000100301220002110103110100'::bytea, 16, 16),
	'23514', NULL, '%person_photo_dimensions%');
SELECT pg_temp.expect_error(pg_temp.photo_insert('image/jpeg', '\xffd8ffe000104a46494600010100000100010000ffc0001108010001000301220002110103110100'::bytea, 512, 256),
	'23514', NULL, '%person_photo_width_height_from_header%');
SELECT pg_temp.check(core.image_probe('\xffd8ffe000104a46494600010100000100010000ffc0001108010001000301220002110103110100'::bytea)
	= ROW('image/jpeg'::text, 256, 256, NULL::text), 'the database reads a JPEG frame header');
SELECT pg_temp.expect_error(format('UPDATE core.crime_details SET panchnama_at = %L WHERE fir_id = %s AND version = 1',
	'2026-11-20T18:00:00+05:30', :fir_id), 'CT400', 'panchnama_at', '%before the occurrence%');
SELECT pg_temp.expect_error(format('UPDATE core.crime_details SET mo_minor = %L WHERE fir_id = %s AND version = 1',
	'lock_broken', :fir_id), '23503', NULL);
SELECT pg_temp.expect_error(format('UPDATE core.crime_details_person SET injury = %L WHERE fir_id = %s AND role = %L',
	'fatal', :fir_id, 'panch_witness'), '23514', NULL, '%crime_details_person_role_fields%');
SELECT pg_temp.expect_error(format('UPDATE core.person_roll SET height_cm = 260 WHERE person_id = %s', :pid),
	'23514', NULL, '%height_cm%');

-- Personal data is not for the analyst; the crime details themselves are.
SELECT pg_temp.check(NOT has_table_privilege('cctns_analyst', 'core.' || t, 'SELECT'),
	'the analyst does not read core.' || t)
FROM unnest(ARRAY['person_alias', 'person_document', 'person_phone', 'person_address', 'person_roll',
	'person_photo', 'crime_details_person']) t;
SELECT pg_temp.check(NOT has_table_privilege('cctns_analyst', 'core.crime_details', 'SELECT')
	AND NOT has_table_privilege('cctns_analyst', 'core.crime_details_property', 'SELECT')
	AND has_table_privilege('cctns_analyst', 'ref.place_type', 'SELECT'),
	'the analyst reads ref.place_type but not the crime details in core (since 0020: reporting only)');
SELECT pg_temp.check(NOT has_function_privilege('cctns_server', 'core.image_probe(bytea)', 'EXECUTE')
	AND has_function_privilege('cctns_server', 'api.add_person_photo(int, int, int, bytea, jsonb)', 'EXECUTE'),
	'the server calls the api functions only');
\echo 'persons_checks.sql: all checks passed'
