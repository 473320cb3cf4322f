-- sealed2_checks.sql (sealed2, issue 5): checks of 0035_sealed_everywhere.sql
-- against a real, migrated database: the read paths 0030 left unmasked
-- mask a sealed person for a writer of the station and show them to the
-- record's own officer and the SHO: a petition's child petitioner, the
-- petitioner of a petition converted into a BNS 64 FIR, a child in an NCR,
-- a child witness and a child accused of a final report (and the brief
-- facts of a sealed case), a child accused of a court disposal (also where
-- the appeal repeats the name), a child witness of a seizure, child panch
-- witnesses and a child who showed the place in the crime details. Every
-- unmasked read is a link of the hash chain of audit.sealed_read, which
-- holds (recomputed here in SQL; cctns-admin audit verify recomputes it in
-- C, tests/integration/sealed_identities_stay_sealed_everywhere.sh).
-- Stations 990180-990181 (state 9), officers SEAL2-*. Any failed check raises.

\set ON_ERROR_STOP 1

\c - cctns_owner
SET client_min_messages = warning;
INSERT INTO ref.station (state_code, district_code, station_code, name, active) VALUES
	(9, 118, 990180, 'Test PS 990180 Agra (sealed2)', true)
ON CONFLICT DO NOTHING;
DELETE FROM core.officer WHERE officer_no LIKE 'SEAL2-%';
WITH o AS (INSERT INTO core.officer (state_code, officer_no, name, rank, district_code, station_code,
		password_hash)
	SELECT 9, n, 'Check ' || n, 'SI', 118, 990180,
		'$argon2id$v=19$m=19456,t=2,p=1$c2FsdHNhbHQ$aGFzaGhhc2hoYXNoaGFzaA'
	FROM (VALUES ('SEAL2-W'), ('SEAL2-SHO')) v (n)
	RETURNING id, officer_no)
INSERT INTO core.officer_role (officer, role)
SELECT id, CASE officer_no WHEN 'SEAL2-W' THEN 'station_writer' ELSE 'station_house_officer' END FROM o;
SELECT coalesce(max(seq), 0) AS seq_before FROM audit.sealed_read \gset

\c - cctns_server
SET client_min_messages = warning;
\ir helpers.sql
SELECT extract(year FROM now() AT TIME ZONE 'Asia/Kolkata')::int AS y,
	to_char(now() AT TIME ZONE 'Asia/Kolkata', 'YYYY-MM-DD') AS today \gset

-- as OFFICER: what cctns-server sets for every call. UP-15432
-- (pg_temp.officer(1)) is the IO of the cases and the enquiry officer of
-- the petitions; UP-31007 (officer 4) recorded the NCR.
CREATE FUNCTION pg_temp.as_officer(o text) RETURNS void LANGUAGE sql AS $$
	SELECT set_config('cctns.officer', o, false),
		set_config('cctns.permissions', CASE WHEN o = 'SEAL2-SHO' THEN '511' ELSE '7' END, false)
$$;
CREATE FUNCTION pg_temp.child(name text, age int) RETURNS jsonb LANGUAGE sql STABLE AS $$
	SELECT jsonb_build_object('name', name, 'gender', 'male',
		'year_of_birth', extract(year FROM now() AT TIME ZONE 'Asia/Kolkata')::int - age,
		'address', jsonb_build_object('line1', '9 Secret Gali', 'city', 'Agra', 'district_code', 118,
			'state_code', 9))
$$;
CREATE FUNCTION pg_temp.petition(petitioner jsonb) RETURNS jsonb LANGUAGE sql AS $$
	SELECT jsonb_build_object('received_at', '2026-11-27T09:40:00+05:30', 'mode', 'in_person',
		'petitioner', petitioner, 'respondents', '[{"name": "Suresh Respondent", "gender": "male"}]'::jsonb,
		'subject', 'Harassment by a neighbour', 'text', 'Sir, ' || (petitioner ->> 'name') || ' was harassed.',
		'officer', pg_temp.officer(4))
$$;
-- A petition taken to enquiry_reported (enquiry officer UP-15432).
CREATE FUNCTION pg_temp.reported(p jsonb) RETURNS text LANGUAGE plpgsql AS $$
DECLARE
	num text;
BEGIN
	SELECT r.receipt ->> 'petition_number' INTO num FROM api.register_petition(9, 118, 990180, pg_temp.key(), p) r;
	PERFORM api.assign_enquiry(9, 118, 990180, pg_temp.key(), num,
		jsonb_build_object('enquiry_officer', pg_temp.officer(1), 'acting', pg_temp.officer(2)));
	PERFORM api.report_enquiry(9, 118, 990180, pg_temp.key(), num,
		jsonb_build_object('reported_at', pg_temp.ist(now()), 'findings', 'Met ' || (p #>> '{petitioner,name}') || ' at home.',
			'recommendation', 'register_fir', 'officer', pg_temp.officer(1)));
	RETURN num;
END
$$;

SELECT pg_temp.as_officer('SEAL2-W');

-- 1. Petitions: a 14-year-old petitioner; an adult's petition converted
-- into a BNS 64 FIR.
SELECT pg_temp.reported(pg_temp.petition(pg_temp.child('Chintu Sealpetchild', 14))) AS pet_child \gset
SELECT pg_temp.reported(pg_temp.petition('{"name": "Kamla Sealpetvictim", "gender": "female", "year_of_birth": 1990,
	"phone": "9000000077"}')) AS pet_rape \gset
SELECT fir_number AS rape FROM api.register_fir(9, 118, 990180, pg_temp.key(),
	pg_temp.sample() || '{"charges": [{"act": "bns", "section": "64(1)"}],
	"complainant": {"name": "Kamla Sealpetvictim", "gender": "female", "year_of_birth": 1990}}') \gset
SELECT api.assign_io(9, 118, 990180, :'rape', jsonb_build_object('io', pg_temp.officer(1), 'acting', pg_temp.officer(2)))
	IS NOT NULL AS assigned \gset
SELECT api.dispose_petition(9, 118, 990180, pg_temp.key(), :'pet_rape',
	jsonb_build_object('kind', 'converted_to_fir', 'fir_number', :'rape', 'officer', pg_temp.officer(2))) IS NOT NULL AS disposed \gset

-- 2. An NCR naming a 15-year-old opposite party (recorded by UP-31007).
SELECT receipt ->> 'ncr_number' AS ncr FROM api.register_ncr(9, 118, 990180, pg_temp.key(), jsonb_build_object(
	'occurred_at', pg_temp.ist(now() - interval '2 hours'), 'reported_at', pg_temp.ist(now() - interval '1 hour'),
	'place', '{"address": {"line1": "Naya Bans", "city": "Agra", "district_code": 118, "state_code": 9}}'::jsonb,
	'informant', '{"name": "Sunita Ncrinformant", "gender": "female", "year_of_birth": 1984}'::jsonb,
	'opposite_party', jsonb_build_array(pg_temp.child('Golu Sealncrchild', 15)),
	'sections', '[{"act": "bns", "section": "352"}]'::jsonb,
	'brief_facts', 'Golu Sealncrchild abused the informant.', 'advice_given', true,
	'officer', pg_temp.officer(4))) \gset

-- 3. A theft whose final report names a 12-year-old witness and charges a
-- 16-year-old never arrested; 4. its court disposal acquits that child;
-- 5. crime details with a child
-- panch witness and a child who showed the place.
SELECT fir_number AS theft FROM api.register_fir(9, 118, 990180, pg_temp.key(), pg_temp.sample()) \gset
SELECT api.assign_io(9, 118, 990180, :'theft', jsonb_build_object('io', pg_temp.officer(1), 'acting', pg_temp.officer(2)))
	IS NOT NULL AS assigned \gset
SELECT pg_temp.as_officer('UP-15432');
SELECT receipt IS NOT NULL AS filed FROM api.file_final_report(9, 118, 990180, pg_temp.key(), :'theft', jsonb_build_object(
	'kind', 'charge_sheet', 'court', 'Court of the Chief Judicial Magistrate, Agra', 'filed_at', pg_temp.ist(now()),
	'charged', jsonb_build_array(jsonb_build_object('person', pg_temp.child('Bablu Sealfrchild', 16),
		'sections', '[{"act": "bns", "section": "303(2)"}]'::jsonb, 'status', 'not_arrested')),
	'witnesses', jsonb_build_array(jsonb_build_object('person', pg_temp.child('Guddu Sealwitness', 12), 'kind', 'eye'),
		'{"person": {"name": "Dr. Anita Adultwitness"}, "kind": "expert"}'::jsonb),
	'brief_facts', 'Bablu Sealfrchild took the phone; Guddu Sealwitness saw it.',
	'officer', pg_temp.officer(1))) \gset
SELECT receipt IS NOT NULL AS disposed FROM api.record_court_disposal(9, 118, 990180, pg_temp.key(), :'theft',
	jsonb_build_object('kind', 'acquitted', 'court', 'Court of the Chief Judicial Magistrate, Agra',
		'judgement_date', :'today', 'case_number_in_court', 'CR 9/2026', 'prosecutor', 'Shri K. P. Singh, APP',
		'accused', '[{"person": {"name": "Bablu Sealfrchild"}, "result": "acquitted"}]'::jsonb,
		'officer', pg_temp.officer(4))) \gset
SELECT receipt IS NOT NULL AS appealed FROM api.file_appeal(9, 118, 990180, pg_temp.key(), :'theft',
	jsonb_build_object('court', 'High Court of Judicature at Allahabad', 'filed_on', :'today', 'appellant', 'state',
		'accused_names', '["Bablu Sealfrchild"]'::jsonb, 'officer', pg_temp.officer(4))) \gset
SELECT fir_number AS cdfir FROM api.register_fir(9, 118, 990180, pg_temp.key(), pg_temp.sample()) \gset
SELECT api.assign_io(9, 118, 990180, :'cdfir', jsonb_build_object('io', pg_temp.officer(1), 'acting', pg_temp.officer(2)))
	IS NOT NULL AS assigned \gset
SELECT receipt IS NOT NULL AS cd FROM api.record_crime_details(9, 118, 990180, pg_temp.key(), :'cdfir', jsonb_build_object(
	'place_shown_by', jsonb_build_object('person', pg_temp.child('Tinku Sealshower', 11), 'relation', 'neighbour''s son'),
	'mo', '{"major": "theft", "minor": "chain_snatching"}'::jsonb, 'place_type', 'market',
	'victims', '[{"person": {"name": "Ramesh Adultvictim", "gender": "male", "year_of_birth": 1988}}]'::jsonb,
	'panchnama_at', pg_temp.ist(now()),
	'panch_witnesses', jsonb_build_array(pg_temp.child('Monu Sealpanch', 17), '{"name": "Vinod Adultpanch"}'::jsonb),
	'officer', pg_temp.officer(1))) \gset


-- 3b. The BNS 64 case's final report names its victim (the complainant)
-- as a witness: no date of birth, no person number; sealed by name.
SELECT receipt IS NOT NULL AS filed FROM api.file_final_report(9, 118, 990180, pg_temp.key(), :'rape', jsonb_build_object(
	'kind', 'undetected', 'court', 'Court of the Chief Judicial Magistrate, Agra', 'filed_at', pg_temp.ist(now()),
	'witnesses', '[{"person": {"name": "kamla sealpetvictim"}, "kind": "eye"},
		{"person": {"name": "Dr. Rao Adultdoctor"}, "kind": "expert"}]'::jsonb,
	'brief_facts', 'The accused could not be traced.', 'officer', pg_temp.officer(1))) \gset

-- 7. An FIR naming a 15-year-old accused, found by its MO; a seizure from
-- him (seized_from: sealed as the case seals him) with a 13-year-old witness.
SELECT fir_number AS mofir FROM api.register_fir(9, 118, 990180, pg_temp.key(), pg_temp.sample()
	|| jsonb_build_object('accused', jsonb_build_array(jsonb_build_object('kind', 'known',
		'person', pg_temp.child('Kallu Sealmochild', 15))))) \gset
SELECT api.assign_io(9, 118, 990180, :'mofir', jsonb_build_object('io', pg_temp.officer(1), 'acting', pg_temp.officer(2)))
	IS NOT NULL AS assigned \gset
SELECT receipt IS NOT NULL AS cd FROM api.record_crime_details(9, 118, 990180, pg_temp.key(), :'mofir', jsonb_build_object(
	'mo', '{"major": "theft", "minor": "chain_snatching", "methods": ["sealtwo snatch"]}'::jsonb, 'place_type', 'market',
	'officer', pg_temp.officer(1))) \gset

SELECT receipt IS NOT NULL AS seized FROM api.register_seizure(9, 118, 990180, pg_temp.key(), :'mofir', jsonb_build_object(
	'nature', 'involved', 'seized_at', pg_temp.ist(now()), 'place', 'Sadar Bazaar, Agra',
	'seized_from', jsonb_build_object('name', 'Kallu Sealmochild', 'gender', 'male'),
	'witnesses', jsonb_build_array(pg_temp.child('Pintu Sealseizwit', 13), '{"name": "Mohan Adultseizwit"}'::jsonb),
	'items', '[{"kind": "mobile_phone", "description": "Samsung Galaxy A54", "quantity": 1, "packet_no": "P-1"}]'::jsonb,
	'seal', 'PS seal', 'officer', pg_temp.officer(1))) \gset

SELECT set_config('s2.pet_child', :'pet_child', false), set_config('s2.pet_rape', :'pet_rape', false),
	set_config('s2.ncr', :'ncr', false), set_config('s2.theft', :'theft', false), set_config('s2.cdfir', :'cdfir', false),
	set_config('s2.rape', :'rape', false), set_config('s2.mofir', :'mofir', false);

-- Each read as an officer, as text.
CREATE FUNCTION pg_temp.read(o text, what text) RETURNS text LANGUAGE plpgsql AS $$
BEGIN
	PERFORM pg_temp.as_officer(o);
	RETURN (CASE what
		WHEN 'pet_child' THEN api.get_petition(9, 118, 990180, current_setting('s2.pet_child'))
		WHEN 'pet_rape' THEN api.get_petition(9, 118, 990180, current_setting('s2.pet_rape'))
		WHEN 'ncr' THEN api.get_ncr(9, 118, 990180, current_setting('s2.ncr'))
		WHEN 'report' THEN api.get_final_report(9, 118, 990180, current_setting('s2.theft'), '{}')
		WHEN 'court' THEN api.get_court_record(9, 118, 990180, current_setting('s2.theft'))
		WHEN 'cd' THEN api.get_crime_details(9, 118, 990180, current_setting('s2.cdfir'), '{}')
		WHEN 'report_rape' THEN api.get_final_report(9, 118, 990180, current_setting('s2.rape'), '{}')
		WHEN 'mo' THEN api.mo_search(9, 118, 990180, '{"major": "theft", "methods": "sealtwo", "district_code": 118, "station_code": 990180}')
		WHEN 'seizure' THEN api.get_seizure(9, 118, 990180, current_setting('s2.mofir'), '{"seizure_no": 1}')
		END)::text;
END
$$;

DO $chk$
DECLARE
	c record;
	t text;
BEGIN
	-- what: the read; secret: what the writer must not see; law: what the
	-- writer sees instead; seen_by: who sees the secret; kept: what stays.
	FOR c IN SELECT * FROM (VALUES
		('pet_child', 'Sealpetchild|Secret Gali', 'JJ Act 74', 'UP-15432', 'Suresh Respondent'),
		('pet_rape', 'Sealpetvictim|9000000077', 'BNS 72', 'UP-15432', 'Suresh Respondent'),
		('ncr', 'Sealncrchild|Secret Gali', 'JJ Act 74', 'UP-31007', 'Sunita Ncrinformant'),
		('report', 'Sealfrchild|Sealwitness|Secret Gali', 'JJ Act 74', 'UP-15432', 'Dr. Anita Adultwitness'),
		('court', 'Sealfrchild', 'JJ Act 74', 'UP-15432', 'Shri K. P. Singh'),
		('cd', 'Sealshower|Sealpanch|Secret Gali', 'JJ Act 74', 'UP-15432', 'Vinod Adultpanch'),
		('seizure', 'Sealseizwit|Sealmochild|Secret Gali', 'JJ Act 74', 'UP-15432', 'Mohan Adultseizwit'),
		('report_rape', '(?i)sealpetvictim', 'BNS 72', 'UP-15432', 'Dr. Rao Adultdoctor'),
		('mo', 'Sealmochild', 'JJ Act 74', 'UP-15432', 'chain_snatching')
	) v (what, secret, law, seen_by, kept) LOOP
		t := pg_temp.read('SEAL2-W', c.what);
		IF t ~ c.secret OR t NOT LIKE '%[sealed: ' || c.law || ']%' OR t NOT LIKE '%' || c.kept || '%' THEN
			RAISE EXCEPTION 'FAIL: % for the writer: masked as % (%), % kept: %', c.what, c.law, c.secret, c.kept, t;
		END IF;
		t := pg_temp.read(c.seen_by, c.what);
		IF t !~ split_part(c.secret, '|', 1) THEN
			RAISE EXCEPTION 'FAIL: % shown to its officer %: %', c.what, c.seen_by, t;
		END IF;
		t := pg_temp.read('SEAL2-SHO', c.what);
		IF t !~ split_part(c.secret, '|', 1) THEN
			RAISE EXCEPTION 'FAIL: % shown to the SHO: %', c.what, t;
		END IF;
		t := pg_temp.read('', c.what);
		IF t ~ c.secret THEN
			RAISE EXCEPTION 'FAIL: % without a signed-in officer: %', c.what, t;
		END IF;
		RAISE NOTICE 'ok: % masked for the writer and no officer, shown to % and the SHO', c.what, c.seen_by;
	END LOOP;
	-- The converted petition's victim is sealed by the FIR's law; the free
	-- text goes too; the child's petition keeps the adult respondent.
	t := pg_temp.read('SEAL2-W', 'pet_rape');
	IF (t::jsonb) #>> '{petition,petitioner,name}' <> '[sealed: BNS 72]'
		OR (t::jsonb) #>> '{petition,text}' NOT LIKE '[sealed: BNS 72]%'
		OR (t::jsonb) #>> '{report,findings}' NOT LIKE '[sealed: BNS 72]%' THEN
		RAISE EXCEPTION 'FAIL: the converted petition is sealed by BNS 72, its text too: %', t;
	END IF;
	-- The final report's brief facts (they name the child) go; the adult stays.
	t := pg_temp.read('SEAL2-W', 'report');
	IF (t::jsonb) #>> '{report,brief_facts}' NOT LIKE '[sealed: JJ Act 74]%'
		OR (t::jsonb) #>> '{report,witnesses,1,person,name}' <> 'Dr. Anita Adultwitness' THEN
		RAISE EXCEPTION 'FAIL: the final report''s brief facts: %', t;
	END IF;
	-- The court record: the appeal repeats the child's name: masked there too.
	t := pg_temp.read('SEAL2-W', 'court');
	IF (t::jsonb) #>> '{appeal,accused_names,0}' <> '[sealed: JJ Act 74]' THEN
		RAISE EXCEPTION 'FAIL: the appeal names the child: %', t;
	END IF;
END
$chk$;

\c - cctns_owner
SET client_min_messages = warning;
SELECT set_config('s2.before', :'seq_before', false);
DO $chk$
DECLARE
	r record;
	prev bytea := '\x0000000000000000000000000000000000000000000000000000000000000000';
	n bigint := 0;
	h audit.sealed_head;
BEGIN
	-- Every read the officers made unmasked is recorded (8 reads x 2
	-- officers), none of the writer's or of a call without an officer.
	IF (SELECT count(*) FROM audit.sealed_read WHERE seq > current_setting('s2.before')::bigint
			AND station_code = 990180 AND officer_no IN ('UP-15432', 'UP-31007', 'SEAL2-SHO')) < 16
		OR EXISTS (SELECT 1 FROM audit.sealed_read WHERE seq > current_setting('s2.before')::bigint
			AND station_code = 990180 AND (officer_no = 'SEAL2-W' OR officer_no IS NULL)) THEN
		RAISE EXCEPTION 'FAIL: sealed reads of 990180: %', (SELECT jsonb_agg(jsonb_build_object('o', officer_no, 'a', action))
			FROM audit.sealed_read WHERE seq > current_setting('s2.before')::bigint);
	END IF;
	IF NOT EXISTS (SELECT 1 FROM audit.sealed_read WHERE seq > current_setting('s2.before')::bigint
			AND action = 'get_petition' AND officer_no = 'UP-15432' AND sealed_by = 'BNS 72' AND record LIKE 'petition %') THEN
		RAISE EXCEPTION 'FAIL: the enquiry officer''s read of the converted petition is recorded with BNS 72';
	END IF;
	-- The chain: seq without gaps, each hash over its row and the previous.
	FOR r IN SELECT * FROM audit.sealed_read ORDER BY seq LOOP
		n := n + 1;
		IF r.seq <> n OR r.prev_hash <> prev OR r.hash <> sha256(core.sealed_read_encode(r.seq, r.at, r.state_code,
				r.district_code, r.station_code, r.officer_no, r.action, r.record, r.person_ids, r.sealed_by, prev)) THEN
			RAISE EXCEPTION 'FAIL: audit.sealed_read chain broken at %', r.seq;
		END IF;
		prev := r.hash;
	END LOOP;
	SELECT * INTO h FROM audit.sealed_head;
	IF h.last_seq <> n OR h.last_hash <> prev THEN
		RAISE EXCEPTION 'FAIL: audit.sealed_head is not the chain''s end';
	END IF;
	-- Append-only, the head only forward, for the owner too.
	BEGIN
		UPDATE audit.sealed_read SET officer_no = 'X' WHERE seq = n;
		RAISE EXCEPTION 'FAIL: audit.sealed_read accepted an UPDATE';
	EXCEPTION WHEN SQLSTATE 'CT403' THEN
		NULL;
	END;
	BEGIN
		UPDATE audit.sealed_head SET last_seq = 0;
		RAISE EXCEPTION 'FAIL: audit.sealed_head moved back';
	EXCEPTION WHEN SQLSTATE 'CT403' THEN
		NULL;
	END;
	BEGIN
		DELETE FROM audit.sealed_head;
		RAISE EXCEPTION 'FAIL: audit.sealed_head deleted';
	EXCEPTION WHEN SQLSTATE 'CT403' THEN
		NULL;
	END;
	IF has_table_privilege('cctns_server', 'audit.sealed_head', 'SELECT')
		OR has_table_privilege('cctns_analyst', 'audit.sealed_head', 'SELECT') THEN
		RAISE EXCEPTION 'FAIL: only the owner reads audit.sealed_head';
	END IF;
	RAISE NOTICE 'ok: % sealed reads chained', n;
END
$chk$;
