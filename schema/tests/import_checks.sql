-- import_checks.sql (import, issue 7): checks of 0038_import.sql against a real, migrated
-- database, with hand-made staged rows (what cctns-admin import COPYs in): core.import_batch
-- refuses an unknown section, IPC/BNS by the date, a future registration, a year that is not
-- the registration's, an unknown station and a duplicate inside the batch, each with its field,
-- and stores the good line in every table (FIR, section, persons with the victim linked only,
-- timeline event, counter); the same FIR again is a duplicate and changes nothing; a lower
-- number never lowers the counter. Stations 990200-990201 (state 9). Any failed check raises.

\set ON_ERROR_STOP 1

\c - cctns_owner
SET client_min_messages = warning;
INSERT INTO ref.station (state_code, district_code, station_code, name, active) VALUES
	(9, 118, 990200, 'Test PS 990200 Agra (import)', true)
ON CONFLICT DO NOTHING;
-- Numbers above any left by an earlier run of these checks.
SELECT coalesce(max(fir_no), 0) + 10 AS n FROM core.fir WHERE station_code = 990200 \gset
SELECT set_config('import.n', :'n', false);

CREATE TEMP TABLE got AS SELECT * FROM core.import_batch() LIMIT 0;

-- stage: empty the staging tables and stage line 1 (good) and lines 2..7 (each one fault).
TRUNCATE core.import_fir_stage, core.import_person_stage, core.import_charge_stage;
INSERT INTO core.import_fir_stage (line_no, state_code, district_code, station_code, year, fir_no,
	registered_at, occurred_from, information_received_at, information_type, brief_facts, content_sha256)
SELECT l, 9, 118, CASE l WHEN 7 THEN 990299 ELSE 990200 END,
	CASE l WHEN 6 THEN 2018 ELSE 2019 END,
	CASE l WHEN 3 THEN :n + 1 ELSE :n + l END,
	CASE l WHEN 4 THEN now() + interval '1 day' ELSE '2019-05-01 10:00+05:30' END,
	'2019-05-01 09:00+05:30', '2019-05-01 10:00+05:30', 'written', 'Checks of the import', repeat('ab', 32)
FROM generate_series(1, 7) l;
UPDATE core.import_fir_stage SET year = extract(year FROM registered_at AT TIME ZONE 'Asia/Kolkata')
WHERE line_no = 4;
INSERT INTO core.import_charge_stage (line_no, seq, act, section)
SELECT l, 0, CASE l WHEN 5 THEN 'bns' ELSE 'ipc' END,
	CASE l WHEN 2 THEN '9999' WHEN 5 THEN '303(2)' ELSE '379' END
FROM generate_series(1, 7) l;
INSERT INTO core.import_charge_stage VALUES (1, 1, 'ipc', '411');
INSERT INTO core.import_person_stage (line_no, seq, role, name, gender, year_of_birth)
SELECT l, 0, 'complainant', 'Check Complainant', 'male', 1980 FROM generate_series(1, 7) l;
INSERT INTO core.import_person_stage (line_no, seq, role, name, gender, year_of_birth) VALUES
	(1, 1, 'accused', 'Check Accused', 'male', 1990),
	(1, 2, 'accused', NULL, NULL, NULL),
	(1, 3, 'victim', 'Check Victim', 'female', 1985);

INSERT INTO got SELECT * FROM core.import_batch();

DO $$
DECLARE
	want constant text[][] := ARRAY[
		ARRAY['2', 'sections[0].section', 'IPC has no section 9999'],
		ARRAY['3', 'fir_no', 'duplicate: line 1 has the same station, year and number'],
		ARRAY['4', 'registered_at', 'registered_at is in the future'],
		ARRAY['5', 'sections[0].act', 'the offence was over before 2024-07-01'],
		ARRAY['6', 'year', 'year 2018 is not the year of registered_at'],
		ARRAY['7', 'station', 'no station 9/118/990299']];
	r record;
BEGIN
	IF (SELECT count(*) FROM got) <> 6 THEN
		RAISE EXCEPTION 'import_batch refused % lines, not 6: %', (SELECT count(*) FROM got),
			(SELECT string_agg(line_no || ' ' || field, ', ') FROM got);
	END IF;
	FOR i IN 1 .. 6 LOOP
		SELECT * INTO r FROM got WHERE line_no = want[i][1]::bigint;
		IF r.field IS DISTINCT FROM want[i][2] OR position(want[i][3] IN r.reason) = 0 THEN
			RAISE EXCEPTION 'line %: expected % "%", got % "%"', want[i][1], want[i][2], want[i][3],
				r.field, r.reason;
		END IF;
	END LOOP;
	IF (SELECT count(*) FILTER (WHERE duplicate) FROM got) <> 1 THEN
		RAISE EXCEPTION 'one duplicate expected';
	END IF;
END
$$;

-- The good line is stored everywhere; nothing of the refused ones.
DO $$
DECLARE
	n constant int := current_setting('import.n')::int;
	f record;
BEGIN
	SELECT * INTO f FROM core.fir WHERE station_code = 990200 AND year = 2019 AND fir_no = n + 1;
	IF NOT FOUND OR f.gd_no IS NOT NULL OR f.status <> 'registered' THEN
		RAISE EXCEPTION 'the good line is not stored as a legacy FIR';
	END IF;
	IF (SELECT count(*) FROM core.fir WHERE station_code IN (990200, 990299) AND fir_no BETWEEN n AND n + 7) <> 1 THEN
		RAISE EXCEPTION 'a refused line was stored';
	END IF;
	IF (SELECT string_agg(act || ' ' || section, ',' ORDER BY seq) FROM core.fir_charge
		WHERE state_code = 9 AND year = 2019 AND fir_id = f.fir_id) IS DISTINCT FROM 'ipc 379,ipc 411' THEN
		RAISE EXCEPTION 'sections not stored in order';
	END IF;
	IF (SELECT string_agg(seq || ':' || role || ':' || (person_id IS NOT NULL), ',' ORDER BY seq) FROM core.fir_person
		WHERE state_code = 9 AND year = 2019 AND fir_id = f.fir_id)
		IS DISTINCT FROM '0:complainant:true,1:accused:true,2:unknown_accused:false' THEN
		RAISE EXCEPTION 'fir_person rows wrong: %', (SELECT string_agg(seq || ':' || role, ',') FROM core.fir_person
			WHERE state_code = 9 AND year = 2019 AND fir_id = f.fir_id);
	END IF;
	IF (SELECT string_agg(l.role || ':' || p.year || ':' || p.name, ',' ORDER BY l.role) FROM core.person_link l
		JOIN core.person p ON p.person_id = l.person_id AND p.state_code = l.state_code AND p.year = l.year
		WHERE l.state_code = 9 AND l.record_kind = 'fir' AND l.fir_id = f.fir_id)
		IS DISTINCT FROM 'accused:2019:Check Accused,complainant:2019:Check Complainant,victim:2019:Check Victim' THEN
		RAISE EXCEPTION 'persons or their links wrong';
	END IF;
	IF NOT EXISTS (SELECT 1 FROM core.person_search s JOIN core.person_link l ON l.person_id = s.person_id
		WHERE l.fir_id = f.fir_id AND l.role = 'victim') THEN
		RAISE EXCEPTION 'the imported victim has no person search row';
	END IF;
	IF (SELECT summary FROM core.case_event WHERE state_code = 9 AND year = 2019 AND fir_id = f.fir_id AND seq = 1)
		IS DISTINCT FROM format('FIR %s imported from legacy records under IPC 379, IPC 411',
			core.fir_number_text(n + 1, 2019)) THEN
		RAISE EXCEPTION 'timeline event wrong';
	END IF;
	IF (SELECT last_no FROM core.fir_counter WHERE state_code = 9 AND district_code = 118
		AND station_code = 990200 AND year = 2019) <> n + 1 THEN
		RAISE EXCEPTION 'counter not raised to the imported number';
	END IF;
END
$$;

-- The same FIR again is a duplicate; a lower number is stored and does not lower the counter.
TRUNCATE core.import_fir_stage, core.import_person_stage, core.import_charge_stage;
INSERT INTO core.import_fir_stage (line_no, state_code, district_code, station_code, year, fir_no,
	registered_at, occurred_from, information_received_at, information_type, brief_facts, content_sha256)
SELECT l, 9, 118, 990200, 2019, CASE l WHEN 1 THEN :n + 1 ELSE :n - 5 END, '2019-05-01 10:00+05:30',
	'2019-05-01 09:00+05:30', '2019-05-01 10:00+05:30', 'written', 'Checks of the import', repeat('ab', 32)
FROM generate_series(1, 2) l;
INSERT INTO core.import_charge_stage SELECT l, 0, 'ipc', '379' FROM generate_series(1, 2) l;
INSERT INTO core.import_person_stage (line_no, seq, role, name)
SELECT l, 0, 'complainant', 'Check Again' FROM generate_series(1, 2) l;
TRUNCATE got;
INSERT INTO got SELECT * FROM core.import_batch();
DO $$
DECLARE
	n constant int := current_setting('import.n')::int;
BEGIN
	IF (SELECT string_agg(line_no || ':' || duplicate || ':' || field, ',') FROM got) IS DISTINCT FROM '1:true:fir_no'
		OR position('is already stored' IN (SELECT reason FROM got)) = 0 THEN
		RAISE EXCEPTION 'the same FIR again is not refused as a duplicate';
	END IF;
	IF (SELECT count(*) FROM core.fir WHERE station_code = 990200 AND year = 2019 AND fir_no = n + 1) <> 1 THEN
		RAISE EXCEPTION 'the duplicate was stored twice';
	END IF;
	IF (SELECT last_no FROM core.fir_counter WHERE state_code = 9 AND district_code = 118
		AND station_code = 990200 AND year = 2019) <> n + 1 THEN
		RAISE EXCEPTION 'a lower imported number lowered the counter';
	END IF;
END
$$;
TRUNCATE core.import_fir_stage, core.import_person_stage, core.import_charge_stage, core.import_reject_stage;
