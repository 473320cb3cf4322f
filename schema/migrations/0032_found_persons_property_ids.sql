-- 0032_found_persons_property_ids.sql: the found persons register and its
-- matching against missing persons, and structured identifying numbers of
-- property items.
--
-- Found persons: a living person found who cannot say who they are (a lost
-- child, a wandering elderly or mentally ill person). core.found_person,
-- numbered per station per year with a General Diary entry (kind
-- missing_person), traced (handed over) once.
--   api.register_found_person(state, district, station, idem, report)
--   api.get_found_person(..., number), api.list_found_persons(..., req)
--   api.mark_found_traced(..., idem, number, req)
-- Matching (triggers, in the writing transaction): a found person against
-- the missing persons of the state not traced, and a missing person
-- registered later against the found persons not traced
-- (core.found_missing_reasons: sex, dates, age band, height, marks,
-- district), a match_alert of kind missing_person to both stations.
--
-- Property identifiers: Property (FIR, crime details) and LostItem carry
-- "identifiers", SeizedItem (whose "identifiers" is the free text of
-- 0013) "identifying_numbers": [{"kind": imei|serial|arms_number|engine|
-- chassis|other, "number"}]. The api functions of those records are wrapped
-- (the earlier function renamed into core, *_0031): the wrapper validates
-- the identifiers (an IMEI is 15 digits with its Luhn check digit), hands
-- them to the item triggers through the transaction-local setting
-- cctns.property_ids and calls the earlier function without them. The item
-- trigger (core.property_number_trigger, redefined) adds them to
-- core.property_number (so property search --number finds them and seized
-- property is matched against stolen and lost property by them) and keeps
-- them as written in core.property_identifier.

-- The idempotent requests (core.idempotent_request) and the registers
-- (core.record_counter) are free-form names: register_found_person,
-- mark_found_traced and found_person need no new constraint.

-- ------------------------------------------------------------ found persons

CREATE TABLE core.found_person (
	fp_id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
	state_code int NOT NULL,
	district_code int NOT NULL,
	station_code int NOT NULL,
	year smallint NOT NULL,
	fp_no int NOT NULL CHECK (fp_no > 0),
	registered_at timestamptz NOT NULL DEFAULT now(),
	gd_date date NOT NULL,
	gd_no int NOT NULL,
	idempotency_key bytea NOT NULL CHECK (length(idempotency_key) = 16),
	found_at timestamptz NOT NULL,
	found_place jsonb CHECK (jsonb_typeof(found_place) = 'object'),
	gender text NOT NULL CHECK (gender IN ('male', 'female', 'transgender')),
	age_from smallint CHECK (age_from BETWEEN 0 AND 120),
	age_to smallint CHECK (age_to BETWEEN 0 AND 120 AND age_to >= age_from),
	descriptive_roll jsonb CHECK (jsonb_typeof(descriptive_roll) = 'object'
		AND ((descriptive_roll ->> 'height_cm')::int BETWEEN 30 AND 250) IS NOT FALSE),
	clothing text CHECK (octet_length(clothing) <= 3000),
	circumstances text CHECK (octet_length(circumstances) <= 4000),
	placed text NOT NULL CHECK (placed IN ('shelter', 'hospital', 'family', 'police_station', 'other')),
	placed_where text CHECK (octet_length(placed_where) <= 300),
	officer_number text NOT NULL CHECK (officer_number <> ''),
	officer_name text NOT NULL CHECK (officer_name <> ''),
	officer_rank text NOT NULL CHECK (officer_rank <> ''),
	traced_at timestamptz,
	traced_to text CHECK (octet_length(traced_to) <= 300),
	traced_missing text CHECK (traced_missing ~ '^[0-9]{4}/[0-9]{4}$'),
	traced_officer_number text,
	traced_officer_name text,
	traced_officer_rank text,
	traced_recorded_at timestamptz,
	UNIQUE (state_code, district_code, station_code, year, fp_no),
	UNIQUE (state_code, district_code, station_code, idempotency_key),
	FOREIGN KEY (state_code, district_code, station_code)
		REFERENCES ref.station (state_code, district_code, station_code),
	CONSTRAINT found_times_in_order CHECK (found_at <= registered_at),
	CONSTRAINT found_traced_complete CHECK (num_nulls(traced_at, traced_to, traced_officer_number,
		traced_officer_name, traced_officer_rank, traced_recorded_at) IN (0, 6)),
	CONSTRAINT found_traced_in_order CHECK (traced_at >= found_at AND traced_at <= traced_recorded_at)
);
COMMENT ON TABLE core.found_person IS
	'Found persons register: living persons found who cannot say who they are (a lost child, a wandering elderly or mentally ill person), numbered per station per year with a General Diary entry, matched against missing persons; traced (handed over) once. Not partitioned: few rows. Personal data: never log it';
COMMENT ON COLUMN core.found_person.fp_id IS 'Report id in the state database (match alerts name it found_person:ID)';
COMMENT ON COLUMN core.found_person.state_code IS 'State of the station';
COMMENT ON COLUMN core.found_person.district_code IS 'District of the station';
COMMENT ON COLUMN core.found_person.station_code IS 'The station whose register it is';
COMMENT ON COLUMN core.found_person.year IS 'Year (IST) of registration, the year of the number';
COMMENT ON COLUMN core.found_person.fp_no IS 'Number in the station''s register for the year: 0003/2026';
COMMENT ON COLUMN core.found_person.registered_at IS 'When the report was registered (transaction time)';
COMMENT ON COLUMN core.found_person.gd_date IS 'Day of the report''s General Diary entry';
COMMENT ON COLUMN core.found_person.gd_no IS 'Number of the report''s General Diary entry that day';
COMMENT ON COLUMN core.found_person.idempotency_key IS '16-byte key the terminal made for this registration';
COMMENT ON COLUMN core.found_person.found_at IS 'When the person was found; not after registration';
COMMENT ON COLUMN core.found_person.found_place IS 'Place JSON: where found (address with its district)';
COMMENT ON COLUMN core.found_person.gender IS 'Sex as seen: male, female, transgender';
COMMENT ON COLUMN core.found_person.age_from IS 'Apparent age band, years: from';
COMMENT ON COLUMN core.found_person.age_to IS 'Apparent age band, years: to (not below age_from)';
COMMENT ON COLUMN core.found_person.descriptive_roll IS 'DescriptiveRoll JSON: height (30..250 cm), build, complexion, marks, languages, ...';
COMMENT ON COLUMN core.found_person.clothing IS 'What they wore';
COMMENT ON COLUMN core.found_person.circumstances IS 'How and by whom they were found';
COMMENT ON COLUMN core.found_person.placed IS 'Where placed meanwhile: shelter, hospital, family, police_station, other';
COMMENT ON COLUMN core.found_person.placed_where IS 'The shelter or hospital by name';
COMMENT ON COLUMN core.found_person.officer_number IS 'Recording officer: belt or service number';
COMMENT ON COLUMN core.found_person.officer_name IS 'Recording officer: name';
COMMENT ON COLUMN core.found_person.officer_rank IS 'Recording officer: rank';
COMMENT ON COLUMN core.found_person.traced_at IS 'When handed over; not before found_at; set once';
COMMENT ON COLUMN core.found_person.traced_to IS 'To whom handed over, in words ("mother, at the shelter")';
COMMENT ON COLUMN core.found_person.traced_missing IS 'The missing person report (of any station) the person turned out to be, as the officer gave it';
COMMENT ON COLUMN core.found_person.traced_officer_number IS 'Officer who recorded the tracing: number';
COMMENT ON COLUMN core.found_person.traced_officer_name IS 'Officer who recorded the tracing: name';
COMMENT ON COLUMN core.found_person.traced_officer_rank IS 'Officer who recorded the tracing: rank';
COMMENT ON COLUMN core.found_person.traced_recorded_at IS 'When the tracing was recorded (transaction time)';

CREATE INDEX found_person_open ON core.found_person (state_code, found_at) WHERE traced_at IS NULL;
REVOKE ALL ON core.found_person FROM PUBLIC;

-- ------------------------------------------------------------ found persons: matching

-- Why a found person may be a missing person: the agreeing facts (sex,
-- dates, age, height, marks, district), NULL when not. The rules of
-- core.body_missing_reasons: same sex, found after going missing, the age
-- bands (found from-to widened by 3 years) overlap, heights within 8 cm,
-- and at least two of age, height, marks and district agree.
CREATE FUNCTION core.found_missing_reasons(f core.found_person, m core.missing_person) RETURNS text[]
LANGUAGE plpgsql STABLE
SET search_path = pg_catalog, pg_temp
AS $fn$
DECLARE
	why text[];
	band record;
	mh int := nullif(m.descriptive_roll ->> 'height_cm', '')::int;
	fh int := nullif(f.descriptive_roll ->> 'height_cm', '')::int;
	f_district int := coalesce(nullif(f.found_place #>> '{address,district_code}', '')::int, f.district_code);
	m_district int := coalesce(nullif(m.last_seen_place #>> '{address,district_code}', '')::int, m.district_code);
	strong int := 0;
BEGIN
	IF f.found_at < m.missing_since OR f.gender IS DISTINCT FROM nullif(m.person ->> 'gender', '') THEN
		RETURN NULL;
	END IF;
	why := ARRAY['sex', 'dates'];
	band := core.missing_age_band(m, f.found_at);
	IF band.lo IS NOT NULL AND f.age_from IS NOT NULL THEN
		IF band.hi < f.age_from - 3 OR band.lo > coalesce(f.age_to, f.age_from) + 3 THEN
			RETURN NULL;
		END IF;
		why := why || 'age'::text;
		strong := strong + 1;
	END IF;
	IF mh IS NOT NULL AND fh IS NOT NULL THEN
		IF abs(mh - fh) > 8 THEN
			RETURN NULL;
		END IF;
		why := why || 'height'::text;
		strong := strong + 1;
	END IF;
	IF core.mark_words(m.descriptive_roll) && core.mark_words(f.descriptive_roll) THEN
		why := why || 'marks'::text;
		strong := strong + 1;
	END IF;
	IF f_district = m_district THEN
		why := why || 'district'::text;
		strong := strong + 1;
	END IF;
	RETURN CASE WHEN strong >= 2 THEN why END;
END
$fn$;
COMMENT ON FUNCTION core.found_missing_reasons(core.found_person, core.missing_person) IS
	'Why a found person may be a missing person (sex, dates, age, height, marks, district), NULL when not: same sex, found after going missing, no disagreement on age band (widened by 3 years) or height (8 cm), and at least two of age, height, marks and district agreeing';

CREATE FUNCTION core.fp_label(f core.found_person) RETURNS text
LANGUAGE sql IMMUTABLE
SET search_path = pg_catalog, pg_temp
AS $fn$
	SELECT 'found person report ' || core.register_no_text(f.fp_no, f.year, NULL)
$fn$;
COMMENT ON FUNCTION core.fp_label(core.found_person) IS 'A found person report as an alert names it: found person report 0003/2026';

CREATE FUNCTION core.found_match_trigger() RETURNS trigger
LANGUAGE plpgsql
SET search_path = pg_catalog, pg_temp
AS $fn$
DECLARE
	o record;
	why text[];
BEGIN
	IF TG_TABLE_NAME = 'found_person' THEN
		FOR o IN
			SELECT m FROM core.missing_person m
			WHERE m.state_code = NEW.state_code AND m.traced_at IS NULL AND m.missing_since <= NEW.found_at
				AND m.person ->> 'gender' = NEW.gender
		LOOP
			why := core.found_missing_reasons(NEW, o.m);
			CONTINUE WHEN why IS NULL;
			PERFORM core.alert_raise(NEW.state_code, 'missing_person', NEW.district_code, NEW.station_code,
				'found_person:' || NEW.fp_id, core.fp_label(NEW), (o.m).district_code, (o.m).station_code,
				'missing_person:' || (o.m).mp_id, core.mp_label(o.m), (o.m).person_id, why,
				format('%s may be the person of %s (%s)', core.fp_label(NEW), core.mp_label(o.m),
					array_to_string(why, ', ')));
		END LOOP;
	ELSE
		FOR o IN
			SELECT f FROM core.found_person f
			WHERE f.state_code = NEW.state_code AND f.traced_at IS NULL AND f.found_at >= NEW.missing_since
				AND f.gender = NEW.person ->> 'gender'
		LOOP
			why := core.found_missing_reasons(o.f, NEW);
			CONTINUE WHEN why IS NULL;
			PERFORM core.alert_raise(NEW.state_code, 'missing_person', NEW.district_code, NEW.station_code,
				'missing_person:' || NEW.mp_id, core.mp_label(NEW), (o.f).district_code, (o.f).station_code,
				'found_person:' || (o.f).fp_id, core.fp_label(o.f), NEW.person_id, why,
				format('%s may be %s (%s)', core.mp_label(NEW), core.fp_label(o.f), array_to_string(why, ', ')));
		END LOOP;
	END IF;
	RETURN NULL;
END
$fn$;
COMMENT ON FUNCTION core.found_match_trigger() IS
	'After a found person or a missing person is registered: a missing_person alert for each missing person not traced / found person not traced of the state that core.found_missing_reasons matches';

CREATE TRIGGER found_person_match AFTER INSERT ON core.found_person
	FOR EACH ROW EXECUTE FUNCTION core.found_match_trigger();
CREATE TRIGGER missing_person_found_match AFTER INSERT ON core.missing_person
	FOR EACH ROW EXECUTE FUNCTION core.found_match_trigger();

-- ------------------------------------------------------------ found persons: JSON

CREATE FUNCTION core.found_json(f core.found_person) RETURNS jsonb
LANGUAGE sql STABLE
SET search_path = pg_catalog, pg_temp
AS $fn$
	SELECT jsonb_strip_nulls(jsonb_build_object(
		'receipt', jsonb_build_object(
			'number', core.register_no_text(f.fp_no, f.year, NULL),
			'registered_at', core.ist_text(date_trunc('second', f.registered_at)),
			'gd_date', to_char(f.gd_date, 'YYYY-MM-DD'),
			'gd_number', f.gd_no),
		'report', jsonb_strip_nulls(jsonb_build_object(
			'found_at', core.ist_text(f.found_at),
			'found_place', f.found_place,
			'gender', f.gender,
			'apparent_age_from', f.age_from,
			'apparent_age_to', f.age_to,
			'descriptive_roll', f.descriptive_roll,
			'clothing', f.clothing,
			'circumstances', f.circumstances,
			'placed', f.placed,
			'placed_where', f.placed_where,
			'officer', core.officer_json(f.officer_number, f.officer_name, f.officer_rank))),
		'trace', CASE WHEN f.traced_at IS NOT NULL THEN jsonb_strip_nulls(jsonb_build_object(
			'traced_at', core.ist_text(f.traced_at),
			'handed_to', f.traced_to,
			'missing_number', f.traced_missing,
			'officer', core.officer_json(f.traced_officer_number, f.traced_officer_name, f.traced_officer_rank),
			'recorded_at', core.ist_text(date_trunc('second', f.traced_recorded_at)))) END))
$fn$;
COMMENT ON FUNCTION core.found_json(core.found_person) IS 'FoundPerson JSON {"receipt", "report", "trace"} of a report';

-- ------------------------------------------------------------ found persons: api

CREATE FUNCTION api.register_found_person(state int, district int, station int, idem bytea, report jsonb)
RETURNS TABLE (receipt jsonb, replayed boolean)
LANGUAGE plpgsql SECURITY DEFINER
SET search_path = pg_catalog, pg_temp
AS $fn$
#variable_conflict use_column
DECLARE
	keys constant text[] := ARRAY['found_at', 'found_place', 'gender', 'apparent_age_from', 'apparent_age_to',
		'descriptive_roll', 'clothing', 'circumstances', 'placed', 'placed_where', 'officer'];
	v_year int := extract(year FROM now() AT TIME ZONE 'Asia/Kolkata')::int;
	v_answer jsonb;
	v_at timestamptz;
	v_from int;
	v_to int;
	v_no int;
	v_number text;
	g record;
	f core.found_person;
BEGIN
	PERFORM core.station_check(state, district, station);
	IF report IS NULL OR jsonb_typeof(report) <> 'object' THEN
		PERFORM core.fir_bad('', 'the report must be a JSON object (FoundPersonReport)');
	END IF;
	PERFORM core.ensure_partitions(state, v_year);
	v_answer := core.idem_claim(state, district, station, idem, sha256(convert_to(report::text, 'UTF8')),
		'register_found_person');
	IF v_answer IS NOT NULL THEN
		RETURN QUERY SELECT v_answer || '{"replayed": true}', true;
		RETURN;
	END IF;

	PERFORM core.j_keys(report, '', keys);
	v_at := core.read_time(report -> 'found_at', 'found_at', true);
	IF v_at > now() THEN
		PERFORM core.fir_bad('found_at', format('found_at (%s) is in the future', core.ist_text(v_at)));
	END IF;
	v_from := core.r2_uint(report -> 'apparent_age_from', 'apparent_age_from', 0, 120,
		'%s years is not a human age (0 to 120)');
	v_to := core.r2_uint(report -> 'apparent_age_to', 'apparent_age_to', 0, 120,
		'%s years is not a human age (0 to 120)');
	IF v_to IS NOT NULL AND v_from IS NULL THEN
		v_from := 0;
	END IF;
	IF v_to < v_from THEN
		PERFORM core.fir_bad('apparent_age_to', format('apparent_age_to (%s) is below apparent_age_from (%s)',
			v_to, v_from));
	END IF;
	PERFORM core.r2_texts(report, '', ARRAY['clothing', 'circumstances', 'placed_where'], ARRAY[3000, 4000, 300]);
	PERFORM core.officer_check(report -> 'officer', 'officer', true);

	v_no := core.next_record_no('found_person', state, district, station, v_year);
	v_number := core.register_no_text(v_no, v_year, NULL);
	SELECT * INTO g FROM core.gd_write(state, district, station, 'missing_person',
		format('Found person report %s registered', v_number), report -> 'officer', NULL, NULL, NULL);
	INSERT INTO core.found_person (state_code, district_code, station_code, year, fp_no, gd_date, gd_no,
		idempotency_key, found_at, found_place, gender, age_from, age_to, descriptive_roll, clothing, circumstances,
		placed, placed_where, officer_number, officer_name, officer_rank)
	VALUES (state, district, station, v_year, v_no, g.gd_date, g.gd_no, idem, v_at,
		core.r2_place(report -> 'found_place', 'found_place'),
		core.j_enum(report -> 'gender', 'gender', ARRAY['male', 'female', 'transgender'], true), v_from, v_to,
		core.r2_roll(report -> 'descriptive_roll', 'descriptive_roll', true),
		nullif(report ->> 'clothing', ''), nullif(report ->> 'circumstances', ''),
		core.j_enum(report -> 'placed', 'placed', ARRAY['shelter', 'hospital', 'family', 'police_station', 'other'],
			true),
		nullif(report ->> 'placed_where', ''),
		report #>> '{officer,number}', report #>> '{officer,name}', report #>> '{officer,rank}')
	RETURNING * INTO f;

	v_answer := core.found_json(f) -> 'receipt';
	PERFORM core.idem_answer(state, district, station, idem, v_answer);
	RETURN QUERY SELECT v_answer, false;
END
$fn$;
COMMENT ON FUNCTION api.register_found_person(int, int, int, bytea, jsonb) IS
	'Register a found person (FoundPersonReport JSON) with a 16-byte idempotency key: numbered in the station''s found persons register with a diary entry, matched against the missing persons of the state (alerts to both stations). Returns FoundPersonReceipt JSON; CT401, CT400 (COLUMN = path in the report), CT409 key reused';

CREATE FUNCTION core.found_find(state int, district int, station int, number text, lock boolean)
RETURNS core.found_person
LANGUAGE plpgsql
SET search_path = pg_catalog, pg_temp
AS $fn$
DECLARE
	num record;
	f core.found_person;
BEGIN
	SELECT * INTO num FROM core.register_no_parse(number, 'number', NULL);
	IF lock THEN
		SELECT * INTO f FROM core.found_person x
		WHERE x.state_code = state AND x.district_code = district AND x.station_code = station
			AND x.year = num.year AND x.fp_no = num.no
		FOR UPDATE;
	ELSE
		SELECT * INTO f FROM core.found_person x
		WHERE x.state_code = state AND x.district_code = district AND x.station_code = station
			AND x.year = num.year AND x.fp_no = num.no;
	END IF;
	IF f.fp_id IS NULL THEN
		RAISE EXCEPTION USING ERRCODE = 'CT404', COLUMN = 'number',
			MESSAGE = format('no found person report %s at this station', core.register_no_text(num.no, num.year, NULL));
	END IF;
	RETURN f;
END
$fn$;
COMMENT ON FUNCTION core.found_find(int, int, int, text, boolean) IS
	'A found person report of the station by number ("3/2026"); CT400 bad number, CT404 none';

CREATE FUNCTION api.get_found_person(state int, district int, station int, number text) RETURNS jsonb
LANGUAGE plpgsql STABLE SECURITY DEFINER
SET search_path = pg_catalog, pg_temp
AS $fn$
BEGIN
	PERFORM core.station_check(state, district, station);
	RETURN core.found_json(core.found_find(state, district, station, number, false));
END
$fn$;
COMMENT ON FUNCTION api.get_found_person(int, int, int, text) IS
	'FoundPerson JSON of a found person report of the calling station; CT400 bad number, CT404 none';

CREATE FUNCTION api.list_found_persons(state int, district int, station int, req jsonb) RETURNS jsonb
LANGUAGE plpgsql STABLE SECURITY DEFINER
SET search_path = pg_catalog, pg_temp
AS $fn$
DECLARE
	v_all boolean;
BEGIN
	PERFORM core.station_check(state, district, station);
	PERFORM core.q_req(req, 'ListFoundPersons', ARRAY['all']);
	v_all := coalesce((req ->> 'all')::boolean, false);
	RETURN jsonb_build_object('reports', coalesce((
		SELECT jsonb_agg(core.found_json(f) ORDER BY f.year DESC, f.fp_no DESC)
		FROM (SELECT * FROM core.found_person x
			WHERE x.state_code = state AND x.district_code = district AND x.station_code = station
				AND (v_all OR x.traced_at IS NULL)
			ORDER BY x.year DESC, x.fp_no DESC LIMIT 200) f), '[]'));
END
$fn$;
COMMENT ON FUNCTION api.list_found_persons(int, int, int, jsonb) IS
	'The station''s found persons not yet traced (all: every one), newest first, at most 200: FoundPersonList JSON';

CREATE FUNCTION api.mark_found_traced(state int, district int, station int, idem bytea, number text, req jsonb)
RETURNS TABLE (receipt jsonb, replayed boolean)
LANGUAGE plpgsql SECURITY DEFINER
SET search_path = pg_catalog, pg_temp
AS $fn$
#variable_conflict use_column
DECLARE
	v_answer jsonb;
	v_at timestamptz;
	v_missing text;
	f core.found_person;
	g record;
	num record;
BEGIN
	PERFORM core.station_check(state, district, station);
	IF req IS NULL OR jsonb_typeof(req) <> 'object' THEN
		PERFORM core.fir_bad('', 'the request must be a JSON object (MarkFoundTraced)');
	END IF;
	v_answer := core.idem_claim(state, district, station, idem,
		sha256(convert_to(coalesce(number, '') || ' ' || req::text, 'UTF8')), 'mark_found_traced');
	IF v_answer IS NOT NULL THEN
		RETURN QUERY SELECT v_answer || '{"replayed": true}', true;
		RETURN;
	END IF;
	f := core.found_find(state, district, station, number, true);
	IF f.traced_at IS NOT NULL THEN
		RAISE EXCEPTION USING ERRCODE = 'CT409', COLUMN = 'number',
			MESSAGE = format('%s was already traced (at %s)', core.fp_label(f), core.ist_text(f.traced_at));
	END IF;
	PERFORM core.j_keys(req, '', ARRAY['traced_at', 'handed_to', 'missing_number', 'officer']);
	v_at := core.read_time(req -> 'traced_at', 'traced_at', true);
	IF v_at < f.found_at OR v_at > now() THEN
		PERFORM core.fir_bad('traced_at', format('traced_at (%s) must be between the finding (%s) and now',
			core.ist_text(v_at), core.ist_text(f.found_at)));
	END IF;
	IF core.j_str(req -> 'handed_to', 'handed_to', 300, true) IS NULL THEN
		PERFORM core.fir_bad('handed_to', 'handed_to is required: to whom the person was handed over');
	END IF;
	IF core.j_str(req -> 'missing_number', 'missing_number', 20, false) IS NOT NULL THEN
		SELECT * INTO num FROM core.register_no_parse(req ->> 'missing_number', 'missing_number', NULL);
		v_missing := core.register_no_text(num.no, num.year, NULL);
	END IF;
	PERFORM core.officer_check(req -> 'officer', 'officer', true);
	SELECT * INTO g FROM core.gd_write(state, district, station, 'missing_person',
		format('%s: traced, handed over', initcap(core.fp_label(f))), req -> 'officer', NULL, NULL, NULL);
	UPDATE core.found_person x SET traced_at = v_at, traced_to = req ->> 'handed_to', traced_missing = v_missing,
		traced_officer_number = req #>> '{officer,number}', traced_officer_name = req #>> '{officer,name}',
		traced_officer_rank = req #>> '{officer,rank}', traced_recorded_at = now()
	WHERE x.fp_id = f.fp_id
	RETURNING * INTO f;
	v_answer := jsonb_build_object('number', core.register_no_text(f.fp_no, f.year, NULL),
		'trace', core.found_json(f) -> 'trace');
	PERFORM core.idem_answer(state, district, station, idem, v_answer);
	RETURN QUERY SELECT v_answer, false;
END
$fn$;
COMMENT ON FUNCTION api.mark_found_traced(int, int, int, bytea, text, jsonb) IS
	'Record that a found person of the station was traced (handed over; MarkFoundTraced JSON without key and number), once; the person leaves the matching. Returns FoundTracedReceipt JSON; CT400, CT404 no such report, CT409 already traced or key reused';

-- ------------------------------------------------------------ property identifiers

CREATE TABLE core.property_identifier (
	state_code int NOT NULL REFERENCES ref.state (code),
	source text NOT NULL CHECK (source IN ('fir_property', 'crime_details_property', 'lost_item', 'seizure_item')),
	record_year smallint NOT NULL,
	record_id bigint NOT NULL,
	item int NOT NULL,
	version int NOT NULL DEFAULT 0,
	ord int NOT NULL,
	kind text NOT NULL CHECK (kind IN ('imei', 'serial', 'arms_number', 'engine', 'chassis', 'other')),
	number text NOT NULL CHECK (number <> '' AND octet_length(number) <= 60),
	PRIMARY KEY (state_code, source, record_year, record_id, item, version, ord)
);
COMMENT ON TABLE core.property_identifier IS
	'Identifying numbers of property items as the station gave them (Property / LostItem / SeizedItem identifiers); their normalised forms are in core.property_number';
COMMENT ON COLUMN core.property_identifier.state_code IS 'State of the record';
COMMENT ON COLUMN core.property_identifier.source IS 'Item table: fir_property, crime_details_property, lost_item, seizure_item';
COMMENT ON COLUMN core.property_identifier.record_year IS 'Year (partition) of the FIR or lost report';
COMMENT ON COLUMN core.property_identifier.record_id IS 'fir_id, or the lost report''s report_id';
COMMENT ON COLUMN core.property_identifier.item IS 'The item within the record: seq, or seizure_no * 1000 + item_no';
COMMENT ON COLUMN core.property_identifier.version IS 'Crime details version (0 for the other sources)';
COMMENT ON COLUMN core.property_identifier.ord IS 'Position in the item''s identifiers, 0..';
COMMENT ON COLUMN core.property_identifier.kind IS 'imei, serial, arms_number, engine, chassis, other';
COMMENT ON COLUMN core.property_identifier.number IS 'The number as written';
REVOKE ALL ON core.property_identifier FROM PUBLIC;

-- An IMEI: 15 digits whose last is the Luhn check digit of the first 14.
CREATE FUNCTION core.imei_valid(n text) RETURNS boolean
LANGUAGE sql IMMUTABLE PARALLEL SAFE
SET search_path = pg_catalog, pg_temp
AS $fn$
	SELECT n ~ '^[0-9]{15}$' AND (SELECT sum(CASE WHEN i % 2 = 0 THEN (d * 2) / 10 + (d * 2) % 10 ELSE d END) % 10 = 0
		FROM (SELECT i, substr(n, 16 - i, 1)::int AS d FROM generate_series(1, 15) i) x)
$fn$;
COMMENT ON FUNCTION core.imei_valid(text) IS 'An IMEI: 15 digits with a valid Luhn check digit';

-- The identifiers of the items of an array field (path: "properties" or
-- "items"), validated: [[{kind, number}, ...] per item]. CT400 naming
-- the field (properties[0].identifiers[1].number) when wrong.
CREATE FUNCTION core.property_ids_read(arr jsonb, path text, field text) RETURNS jsonb
LANGUAGE plpgsql IMMUTABLE
SET search_path = pg_catalog, pg_temp
AS $fn$
DECLARE
	res jsonb := '[]';
	ids jsonb;
	one jsonb;
	p text;
	v_kind text;
	v_num text;
	v_norm text;
BEGIN
	IF arr IS NULL OR jsonb_typeof(arr) <> 'array' THEN
		RETURN res;
	END IF;
	FOR i IN 0 .. jsonb_array_length(arr) - 1 LOOP
		ids := '[]';
		IF jsonb_typeof(arr -> i) = 'object' THEN
			one := core.j_arr(arr -> i -> field, format('%s[%s].%s', path, i, field), 20);
			FOR j IN 0 .. jsonb_array_length(one) - 1 LOOP
				p := format('%s[%s].%s[%s]', path, i, field, j);
				PERFORM core.j_obj(one -> j, p, ARRAY['kind', 'number'], true);
				v_kind := core.j_enum(one -> j -> 'kind', p || '.kind',
					ARRAY['imei', 'serial', 'arms_number', 'engine', 'chassis', 'other'], true);
				v_num := btrim(core.j_str(one -> j -> 'number', p || '.number', 60, true));
				v_norm := core.vehicle_no_normalise(v_num);
				IF v_kind = 'imei' AND NOT core.imei_valid(v_norm) THEN
					PERFORM core.fir_bad(p || '.number', format(
						'%s.number: an IMEI is 15 digits whose last is the Luhn check digit; %s is not one', p, v_num));
				END IF;
				IF coalesce(v_norm, '') !~ '^[A-Z0-9]{6,24}$' THEN
					PERFORM core.fir_bad(p || '.number', format(
						'%s.number: an identifying number has 6 to 24 letters and digits (spaces, dashes and dots ignored)', p));
				END IF;
				ids := ids || jsonb_build_object('kind', v_kind, 'number', v_num, 'normalised', v_norm);
			END LOOP;
		END IF;
		res := res || jsonb_build_array(ids);
	END LOOP;
	RETURN res;
END
$fn$;
COMMENT ON FUNCTION core.property_ids_read(jsonb, text, text) IS
	'Validate the identifiers of each item of a property array (kind imei/serial/arms_number/engine/chassis/other; an IMEI 15 digits with its Luhn check digit; 6 to 24 letters and digits): one array of {kind, number, normalised} per item; CT400 naming the field';

-- The array field without the identifiers of its items.
CREATE FUNCTION core.property_ids_strip(doc jsonb, field text, sub text) RETURNS jsonb
LANGUAGE sql IMMUTABLE
SET search_path = pg_catalog, pg_temp
AS $fn$
	SELECT CASE WHEN jsonb_typeof(doc -> field) = 'array' THEN
		jsonb_set(doc, ARRAY[field], (SELECT coalesce(jsonb_agg(CASE WHEN jsonb_typeof(e) = 'object'
			THEN e - sub ELSE e END ORDER BY n), '[]')
			FROM jsonb_array_elements(doc -> field) WITH ORDINALITY x(e, n)))
		ELSE doc END
$fn$;
COMMENT ON FUNCTION core.property_ids_strip(jsonb, text, text) IS
	'A request document with field sub (the identifiers) of the items of its array field removed (the earlier functions know no such field)';

-- Hand the identifiers to the item triggers of this transaction.
CREATE FUNCTION core.property_ids_set(ids jsonb) RETURNS void
LANGUAGE sql
SET search_path = pg_catalog, pg_temp
AS $fn$
	SELECT set_config('cctns.property_ids', coalesce(ids::text, ''), true)
$fn$;
COMMENT ON FUNCTION core.property_ids_set(jsonb) IS
	'Set (NULL: clear) the identifiers of the items being written, read by core.property_number_trigger';

ALTER FUNCTION api.register_fir(int, int, int, bytea, jsonb) RENAME TO register_fir_0031;
ALTER FUNCTION api.register_fir_0031(int, int, int, bytea, jsonb) SET SCHEMA core;
ALTER FUNCTION api.record_crime_details(int, int, int, bytea, text, jsonb) RENAME TO record_crime_details_0031;
ALTER FUNCTION api.record_crime_details_0031(int, int, int, bytea, text, jsonb) SET SCHEMA core;
ALTER FUNCTION api.register_lost_report(int, int, int, bytea, jsonb) RENAME TO register_lost_report_0031;
ALTER FUNCTION api.register_lost_report_0031(int, int, int, bytea, jsonb) SET SCHEMA core;
ALTER FUNCTION api.register_seizure(int, int, int, bytea, text, jsonb) RENAME TO register_seizure_0031;
ALTER FUNCTION api.register_seizure_0031(int, int, int, bytea, text, jsonb) SET SCHEMA core;

CREATE FUNCTION api.register_fir(state int, district int, station int, idem bytea, fir jsonb)
RETURNS TABLE (fir_number text, year int, number int, registered_at text, replayed boolean,
	gd_date text, gd_number int, gd_entered_at text)
LANGUAGE plpgsql SECURITY DEFINER
SET search_path = pg_catalog, pg_temp
AS $fn$
BEGIN
	PERFORM core.property_ids_set(core.property_ids_read(fir -> 'properties', 'properties', 'identifiers'));
	RETURN QUERY SELECT * FROM core.register_fir_0031(state, district, station, idem,
		core.property_ids_strip(fir, 'properties', 'identifiers'));
	PERFORM core.property_ids_set(NULL);
END
$fn$;
COMMENT ON FUNCTION api.register_fir(int, int, int, bytea, jsonb) IS
	'Register an FIR (core.register_fir_0031) with the identifiers of its properties validated and recorded (core.property_identifier, core.property_number, property alerts)';

CREATE FUNCTION api.record_crime_details(state int, district int, station int, idem bytea, fir_number text,
	details jsonb)
RETURNS TABLE (receipt jsonb, replayed boolean)
LANGUAGE plpgsql SECURITY DEFINER
SET search_path = pg_catalog, pg_temp
AS $fn$
BEGIN
	PERFORM core.property_ids_set(core.property_ids_read(details -> 'properties', 'properties', 'identifiers'));
	RETURN QUERY SELECT * FROM core.record_crime_details_0031(state, district, station, idem, fir_number,
		core.property_ids_strip(details, 'properties', 'identifiers'));
	PERFORM core.property_ids_set(NULL);
END
$fn$;
COMMENT ON FUNCTION api.record_crime_details(int, int, int, bytea, text, jsonb) IS
	'Record crime details (core.record_crime_details_0031) with the identifiers of its properties validated and recorded';

CREATE FUNCTION api.register_lost_report(state int, district int, station int, idem bytea, report jsonb)
RETURNS TABLE (receipt jsonb, replayed boolean)
LANGUAGE plpgsql SECURITY DEFINER
SET search_path = pg_catalog, pg_temp
AS $fn$
BEGIN
	PERFORM core.property_ids_set(core.property_ids_read(report -> 'items', 'items', 'identifiers'));
	RETURN QUERY SELECT * FROM core.register_lost_report_0031(state, district, station, idem,
		core.property_ids_strip(report, 'items', 'identifiers'));
	PERFORM core.property_ids_set(NULL);
END
$fn$;
COMMENT ON FUNCTION api.register_lost_report(int, int, int, bytea, jsonb) IS
	'Register a lost property report (core.register_lost_report_0031) with the identifiers of its items validated and recorded';

CREATE FUNCTION api.register_seizure(state int, district int, station int, idem bytea, fir_number text,
	seizure jsonb)
RETURNS TABLE (receipt jsonb, replayed boolean)
LANGUAGE plpgsql SECURITY DEFINER
SET search_path = pg_catalog, pg_temp
AS $fn$
BEGIN
	PERFORM core.property_ids_set(core.property_ids_read(seizure -> 'items', 'items', 'identifying_numbers'));
	RETURN QUERY SELECT * FROM core.register_seizure_0031(state, district, station, idem, fir_number,
		core.property_ids_strip(seizure, 'items', 'identifying_numbers'));
	PERFORM core.property_ids_set(NULL);
END
$fn$;
COMMENT ON FUNCTION api.register_seizure(int, int, int, bytea, text, jsonb) IS
	'Register a seizure memo (core.register_seizure_0031) with the identifiers of its items validated and recorded';

-- The identifiers the wrapper handed over for item i (0-based) of the
-- record being written: {kind, number, normalised} objects.
CREATE FUNCTION core.property_ids_of(i int) RETURNS jsonb
LANGUAGE sql STABLE
SET search_path = pg_catalog, pg_temp
AS $fn$
	SELECT coalesce(nullif(current_setting('cctns.property_ids', true), '')::jsonb -> i, '[]')
$fn$;
COMMENT ON FUNCTION core.property_ids_of(int) IS
	'The identifiers given for item i (0-based) of the record being written (core.property_ids_set), [] when none';

CREATE FUNCTION core.property_ids_keep(ids jsonb, state int, p_source text, ryear int, rid bigint, p_item int,
	p_version int) RETURNS text[]
LANGUAGE plpgsql
SET search_path = pg_catalog, pg_temp
AS $fn$
BEGIN
	INSERT INTO core.property_identifier (state_code, source, record_year, record_id, item, version, ord, kind, number)
	SELECT state, p_source, ryear, rid, p_item, p_version, (n - 1)::int, e ->> 'kind', e ->> 'number'
	FROM jsonb_array_elements(ids) WITH ORDINALITY x(e, n)
	ON CONFLICT DO NOTHING;
	RETURN ARRAY(SELECT DISTINCT e ->> 'normalised' FROM jsonb_array_elements(ids) e);
END
$fn$;
COMMENT ON FUNCTION core.property_ids_keep(jsonb, int, text, int, bigint, int, int) IS
	'Store the identifiers of one item as written (core.property_identifier); returns their normalised numbers';

CREATE OR REPLACE FUNCTION core.property_number_trigger() RETURNS trigger
LANGUAGE plpgsql
SET search_path = pg_catalog, pg_temp
AS $fn$
DECLARE
	f record;
	r record;
	ids text[];
	src text;
BEGIN
	IF TG_TABLE_NAME LIKE 'lost_item%' THEN
		SELECT * INTO r FROM core.lost_report x
		WHERE x.report_id = NEW.report_id AND x.state_code = NEW.state_code AND x.year = NEW.year;
		ids := core.property_ids_keep(core.property_ids_of(NEW.seq), NEW.state_code, 'lost_item', NEW.year,
			NEW.report_id, NEW.seq, 0);
		PERFORM core.property_number_add(NEW.state_code,
			ARRAY(SELECT DISTINCT unnest(ids || core.property_numbers(coalesce(NEW.identifier, '') || ' '
				|| coalesce(NEW.description, '')))),
			'lost', 'lost_item', NEW.year, NEW.report_id, NEW.seq, r.district_code, r.station_code, NULL, NEW.kind,
			format('lost report %s item %s', core.register_no_text(r.report_no, r.year, NULL), NEW.seq + 1),
			format('lost_item:%s:%s', NEW.report_id, NEW.seq));
		RETURN NULL;
	END IF;
	SELECT x.district_code, x.station_code, x.fir_no INTO f FROM core.fir x
	WHERE x.fir_id = NEW.fir_id AND x.state_code = NEW.state_code AND x.year = NEW.year;
	IF TG_TABLE_NAME LIKE 'seizure_item%' THEN
		ids := core.property_ids_keep(core.property_ids_of(NEW.item_no - 1), NEW.state_code, 'seizure_item',
			NEW.year, NEW.fir_id, NEW.seizure_no * 1000 + NEW.item_no, 0);
		PERFORM core.property_number_add(NEW.state_code,
			ARRAY(SELECT DISTINCT unnest(ids || core.property_numbers(coalesce(NEW.identifiers, '') || ' '
				|| NEW.description))),
			'seized', 'seizure_item', NEW.year, NEW.fir_id, NEW.seizure_no * 1000 + NEW.item_no,
			f.district_code, f.station_code, NEW.fir_id, NEW.kind,
			format('FIR %s seizure %s item %s', core.fir_number_text(f.fir_no, NEW.year), NEW.seizure_no, NEW.item_no),
			format('seizure_item:%s:%s', NEW.fir_id, NEW.seizure_no * 1000 + NEW.item_no));
	ELSE
		src := CASE WHEN TG_TABLE_NAME LIKE 'fir_property%' THEN 'fir_property' ELSE 'crime_details_property' END;
		ids := core.property_ids_keep(core.property_ids_of(NEW.seq), NEW.state_code, src, NEW.year, NEW.fir_id,
			NEW.seq, CASE WHEN src = 'fir_property' THEN 0 ELSE (to_jsonb(NEW) ->> 'version')::int END);
		PERFORM core.property_number_add(NEW.state_code,
			ARRAY(SELECT DISTINCT unnest(ids || core.property_numbers(NEW.description))),
			'stolen', src, NEW.year, NEW.fir_id, NEW.seq, f.district_code, f.station_code, NEW.fir_id, NEW.kind,
			format('FIR %s property %s', core.fir_number_text(f.fir_no, NEW.year), NEW.seq + 1),
			format('%s:%s:%s', src, NEW.fir_id, NEW.seq));
	END IF;
	RETURN NULL;
END
$fn$;
COMMENT ON FUNCTION core.property_number_trigger() IS
	'After a property item is written (FIR property, crime details property, lost item, seized item): its identifiers (given as identifiers, core.property_ids_of) and the numbers in its identifier and description fields into core.property_number, matched against the other side';

-- ------------------------------------------------------------ access

REVOKE ALL ON ALL FUNCTIONS IN SCHEMA api FROM PUBLIC;
REVOKE ALL ON ALL FUNCTIONS IN SCHEMA core FROM PUBLIC;
GRANT EXECUTE ON FUNCTION api.register_found_person(int, int, int, bytea, jsonb),
	api.get_found_person(int, int, int, text),
	api.list_found_persons(int, int, int, jsonb),
	api.mark_found_traced(int, int, int, bytea, text, jsonb),
	api.register_fir(int, int, int, bytea, jsonb),
	api.record_crime_details(int, int, int, bytea, text, jsonb),
	api.register_lost_report(int, int, int, bytea, jsonb),
	api.register_seizure(int, int, int, bytea, text, jsonb)
	TO cctns_server;
