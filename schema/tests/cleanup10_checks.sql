-- cleanup10_checks.sql (cleanup, slice 10): checks of 0047_sealed_builder.sql.
-- A NEW reader, written here and wrapped by nothing, builds its Person JSONs
-- through core.seal_person in a scope from core.seal_scope_case and ends
-- with core.seal_done: for a writer and for a call without an officer the
-- victim of a BNS 64 case and a 15-year-old accused read "[sealed: ...]"
-- and no sealed read is recorded; for the case's IO they are shown and the
-- read is one new link of audit.sealed_read naming both persons (chain
-- recomputed here). The readers re-created on the builder (api.get_ncr,
-- get_petition, get_final_report, get_court_record, get_crime_details,
-- get_arrest, get_person, get_person_photo, and the seizure read under
-- get_seizure) are checked by
-- sealed_checks.sql and sealed2_checks.sql, unchanged; here only that
-- their wrapped versions are gone.
-- Station 990310 (state 9, district 118). Any failed check raises.

\set ON_ERROR_STOP 1

\c - cctns_owner
SET client_min_messages = warning;
INSERT INTO ref.station (state_code, district_code, station_code, name, active) VALUES
	(9, 118, 990310, 'Test PS 990310 Agra (cleanup10)', true)
ON CONFLICT DO NOTHING;

\c - cctns_server
SET client_min_messages = warning;
\ir helpers.sql
SELECT fir_number AS fir FROM api.register_fir(9, 118, 990310, pg_temp.key(),
	pg_temp.sample() || jsonb_build_object('charges', '[{"act": "bns", "section": "64(1)"}]'::jsonb,
		'complainant', '{"name": "Kiran Cleanupvictim", "gender": "female", "year_of_birth": 1995}'::jsonb,
		'accused', jsonb_build_array(jsonb_build_object('kind', 'known', 'person', jsonb_build_object('name', 'Chhotu Cleanupchild',
			'gender', 'male', 'year_of_birth', extract(year FROM now() AT TIME ZONE 'Asia/Kolkata')::int - 15))))) \gset
SELECT api.assign_io(9, 118, 990310, :'fir', jsonb_build_object('io', pg_temp.officer(1), 'acting', pg_temp.officer(2)))
	IS NOT NULL AS assigned \gset

\c - cctns_owner
SET client_min_messages = warning;
SELECT set_config('cln10.fir', :'fir', false) IS NOT NULL AS set \gset

-- The new reader: the complainant and the accused of an FIR, nothing else.
CREATE FUNCTION pg_temp.new_reader(fir_number text) RETURNS jsonb LANGUAGE plpgsql AS $$
DECLARE
	f core.fir := core.fir_of_station(9, 118, 990310, fir_number);
	sc core.seal_scope := core.seal_scope_case(9, f.year, f.fir_id, f.registered_at);
	j jsonb;
BEGIN
	SELECT jsonb_build_object(
		'complainant', (SELECT core.seal_person(core.person_json(p), 'complainant', sc) FROM core.fir_person p
			WHERE p.state_code = 9 AND p.year = f.year AND p.fir_id = f.fir_id AND p.seq = 0),
		'accused', (SELECT jsonb_agg(core.seal_person(x.pj, 'accused', sc)) FROM (SELECT core.person_json(p) AS pj
			FROM core.fir_person p WHERE p.state_code = 9 AND p.year = f.year AND p.fir_id = f.fir_id AND p.seq > 0
			ORDER BY p.seq) x))
	INTO j;
	PERFORM core.seal_done(sc, 9, 118, 990310, 'new_reader', 'FIR ' || fir_number, false);
	RETURN j;
END
$$;

CREATE FUNCTION pg_temp.reads() RETURNS bigint LANGUAGE sql AS $$
	SELECT count(*) FROM audit.sealed_read WHERE action = 'new_reader' AND station_code = 990310
$$;

DO $check$
DECLARE
	fir text := current_setting('cln10.fir');
	before bigint := pg_temp.reads();
	j jsonb;
	who text;
BEGIN
	FOREACH who IN ARRAY ARRAY['', 'CLN10-WRITER'] LOOP
		PERFORM set_config('cctns.officer', who, false);
		PERFORM set_config('cctns.permissions', '7', false);
		j := pg_temp.new_reader(fir);
		IF j #>> '{complainant,name}' IS DISTINCT FROM '[sealed: BNS 72]' OR j #> '{complainant,person_id}' IS NOT NULL
			OR j #> '{complainant,year_of_birth}' IS NOT NULL THEN
			RAISE EXCEPTION 'FAIL: the new reader shows the BNS 64 victim to %: %', coalesce(nullif(who, ''), 'no officer'), j;
		END IF;
		IF j #>> '{accused,0,name}' IS DISTINCT FROM '[sealed: JJ Act 74]' THEN
			RAISE EXCEPTION 'FAIL: the new reader shows the 15-year-old accused to %: %',
				coalesce(nullif(who, ''), 'no officer'), j;
		END IF;
		IF j::text ~ 'Cleanup' THEN
			RAISE EXCEPTION 'FAIL: a sealed name is left in the new reader''s answer: %', j;
		END IF;
	END LOOP;
	IF pg_temp.reads() <> before THEN
		RAISE EXCEPTION 'FAIL: masked reads were recorded as sealed reads';
	END IF;
	-- The case's IO sees both, and the read is recorded once.
	PERFORM set_config('cctns.officer', 'UP-15432', false);
	j := pg_temp.new_reader(fir);
	IF j #>> '{complainant,name}' IS DISTINCT FROM 'Kiran Cleanupvictim'
		OR j #>> '{accused,0,name}' IS DISTINCT FROM 'Chhotu Cleanupchild' THEN
		RAISE EXCEPTION 'FAIL: the IO does not see the sealed persons: %', j;
	END IF;
	IF pg_temp.reads() <> before + 1 THEN
		RAISE EXCEPTION 'FAIL: the IO''s read is not one row of audit.sealed_read (% rows)', pg_temp.reads() - before;
	END IF;
	IF NOT EXISTS (SELECT 1 FROM audit.sealed_read r WHERE r.action = 'new_reader' AND r.station_code = 990310
			AND r.record = 'FIR ' || fir AND r.officer_no = 'UP-15432' AND r.sealed_by = 'BNS 72'
			AND r.person_ids = ARRAY[(j #>> '{complainant,person_id}')::bigint, (j #>> '{accused,0,person_id}')::bigint]
			AND r.seq = (SELECT h.last_seq FROM audit.sealed_head h)) THEN
		RAISE EXCEPTION 'FAIL: the sealed read does not name the IO, the law, both persons, or is not the chain''s head: %',
			(SELECT jsonb_agg(to_jsonb(r)) FROM audit.sealed_read r WHERE r.station_code = 990310);
	END IF;
	PERFORM set_config('cctns.officer', '', false);
END
$check$;

-- The chain still holds over every row (as sealed2_checks.sql recomputes it).
DO $check$
DECLARE
	r record;
	prev bytea := '\x0000000000000000000000000000000000000000000000000000000000000000';
	n bigint := 0;
BEGIN
	FOR r IN SELECT * FROM audit.sealed_read ORDER BY seq LOOP
		n := n + 1;
		IF r.seq <> n OR r.prev_hash <> prev OR r.hash <> sha256(core.sealed_read_encode(r.seq, r.at, r.state_code,
				r.district_code, r.station_code, r.officer_no, r.action, r.record, r.person_ids, r.sealed_by, prev)) THEN
			RAISE EXCEPTION 'FAIL: audit.sealed_read chain broken at seq %', r.seq;
		END IF;
		prev := r.hash;
	END LOOP;
	IF (SELECT last_seq FROM audit.sealed_head) <> n OR (SELECT last_hash FROM audit.sealed_head) <> prev THEN
		RAISE EXCEPTION 'FAIL: audit.sealed_head is not the end of the chain';
	END IF;
END
$check$;

-- No wrapper is left for the readers re-created on the builder.
DO $check$
BEGIN
	IF EXISTS (SELECT 1 FROM unnest(ARRAY['core.get_ncr_unsealed(int, int, int, text)',
			'core.get_petition_unsealed(int, int, int, text)',
			'core.get_final_report_unsealed(int, int, int, text, jsonb)',
			'core.get_court_record_unsealed(int, int, int, text)',
			'core.get_crime_details_unsealed(int, int, int, text, jsonb)',
			'core.get_seizure_unsealed(int, int, int, text, jsonb)',
			'core.get_arrest_unsealed(int, int, int, text, text)',
			'core.get_person_unsealed(int, int, int, jsonb)',
			'core.get_person_photo_unsealed(int, int, int, jsonb)']) w
			WHERE to_regprocedure(w) IS NOT NULL) THEN
		RAISE EXCEPTION 'FAIL: a wrapped reader of 0030 / 0035 is still there';
	END IF;
	IF NOT EXISTS (SELECT 1 FROM pg_proc WHERE oid = 'api.get_ncr(int, int, int, text)'::regprocedure
			AND prosrc ~ 'core\.ncr_json\(n, sc\)')
		OR NOT EXISTS (SELECT 1 FROM pg_proc WHERE oid = 'api.get_petition(int, int, int, text)'::regprocedure
			AND prosrc ~ 'core\.petition_record_json\(p, sc\)') THEN
		RAISE EXCEPTION 'FAIL: api.get_ncr / api.get_petition do not build through the sealing builder';
	END IF;
END
$check$;
