-- 0026_dossier_matching.sql: the criminal dossier, vehicle / property /
-- modus-operandi search across the state, and automatic matching with an
-- alert to both stations.
--
-- api.person_dossier(state, district, station, req {"person_id"}) -> Dossier
--   everything the state knows of a person: the persons record (aliases,
--   documents, photos as metadata, addresses), cases with role and status,
--   arrests, court results, property seized from them, associates (persons
--   named with them as accused, suspect or arrested in the same FIRs, with
--   how many cases together) and last known addresses, newest first. Every
--   part starts from the person's links (core.person_link, keyed by the
--   person) and follows primary keys: no scan of a state's table.
-- api.vehicle_search(..., req {"number", "chassis_number", "engine_number"})
--   a registration number however written: a whole number by equality of
--   its normalised form, part of one (at least 3 letters or digits, "1234",
--   "AB 12") by trigram index (pg_trgm, LIKE '%...%'); chassis and engine
--   numbers whole or in part.
-- api.property_search(..., req {"kind", "number", "words", "register"})
--   stolen (FIR and crime details), lost and seized property by kind,
--   identifying number (core.property_number: IMEI, serial, arms and other
--   numbers taken from the identifier and description fields as the
--   records are written) and description words.
-- api.mo_search(..., req {...}) -> FIRs whose latest crime details have the
--   MO head, method words, place type, hour of day, district / station and
--   period asked for, with their accused: "who else does it this way".
-- Matching (triggers, in the transaction that writes the record):
--   core.match_alert, one row per match, shown to both stations
--   (api.list_alerts, api.ack_alert): a recovered / unclaimed vehicle
--   against stolen ones and the reverse (normalised registration, chassis,
--   engine); seized property against stolen and lost property and the
--   reverse (identifying numbers); an unidentified body against missing
--   persons not traced and the reverse (sex, age band, height, marks,
--   district, dates: core.body_missing_reasons); an arrested person against
--   the FIRs of the state naming them as accused or suspect where they are
--   not arrested (an open case).

-- ------------------------------------------------------------ pg_trgm

-- Trusted in PostgreSQL 15: the database owner may create it. Another
-- migration may have made it first, in any schema; the index below is
-- built with that schema on the search path.
CREATE EXTENSION IF NOT EXISTS pg_trgm;

SELECT set_config('search_path', 'pg_catalog, '
	|| (SELECT quote_ident(n.nspname) FROM pg_catalog.pg_extension e
		JOIN pg_catalog.pg_namespace n ON n.oid = e.extnamespace WHERE e.extname = 'pg_trgm'), true);

-- fastupdate off: a search never reads a pending list of recent entries
-- (read sequentially by every search until vacuum merges it); reports come
-- one at a time, so the dearer insert does not matter.
CREATE INDEX vehicle_report_registration_trgm ON core.vehicle_report USING gin (registration_normalised gin_trgm_ops) WITH (fastupdate = off);
CREATE INDEX vehicle_report_chassis_trgm ON core.vehicle_report USING gin (chassis_normalised gin_trgm_ops) WITH (fastupdate = off);
CREATE INDEX vehicle_report_engine_trgm ON core.vehicle_report USING gin (engine_normalised gin_trgm_ops) WITH (fastupdate = off);

RESET search_path;

-- Persons of one case (associates, wanted persons): the links of an FIR.
CREATE INDEX person_link_fir ON core.person_link (fir_id, state_code) WHERE fir_id IS NOT NULL;
-- MO search: crime details by head.
CREATE INDEX crime_details_mo ON core.crime_details (mo_major, mo_minor);
-- Matching: missing persons not traced, unidentified bodies not identified.
CREATE INDEX missing_person_open ON core.missing_person (state_code, missing_since) WHERE traced_at IS NULL;
CREATE INDEX unnatural_death_open_body ON core.unnatural_death (state_code, found_at)
	WHERE kind = 'unidentified_body' AND identified_at IS NULL;

-- ------------------------------------------------------------ identifying numbers

-- The identifying numbers in a text as written: each word (split at
-- spaces, commas, semicolons, colons, slashes, # and brackets) normalised
-- like a vehicle number, kept when it has 6 to 24 characters of which at
-- least 4 are digits: "IMEI 356938035643809, SN: AB-1234567" gives
-- {356938035643809, AB1234567}.
CREATE FUNCTION core.property_numbers(txt text) RETURNS text[]
LANGUAGE sql IMMUTABLE PARALLEL SAFE
SET search_path = pg_catalog, pg_temp
AS $fn$
	SELECT coalesce(array_agg(DISTINCT n ORDER BY n), '{}')
	FROM (SELECT core.vehicle_no_normalise(w) AS n
		FROM regexp_split_to_table(coalesce(txt, ''), '[\s,;:/#()\[\]]+') w) x
	WHERE length(n) BETWEEN 6 AND 24 AND length(regexp_replace(n, '[^0-9]', '', 'g')) >= 4
$fn$;
COMMENT ON FUNCTION core.property_numbers(text) IS
	'Identifying numbers (IMEI, serial, arms, frame numbers) in a text: words of 6 to 24 letters and digits with at least 4 digits, normalised (upper case, no spaces, dashes or dots)';

CREATE TABLE core.property_number (
	state_code int NOT NULL REFERENCES ref.state (code),
	number text NOT NULL CHECK (number ~ '^[A-Z0-9]{6,24}$'),
	side text NOT NULL CHECK (side IN ('stolen', 'lost', 'seized')),
	source text NOT NULL CHECK (source IN ('fir_property', 'crime_details_property', 'lost_item', 'seizure_item')),
	record_year smallint NOT NULL,
	record_id bigint NOT NULL,
	item int NOT NULL,
	district_code int NOT NULL,
	station_code int NOT NULL,
	fir_id bigint,
	kind text NOT NULL,
	label text NOT NULL CHECK (label <> ''),
	recorded_at timestamptz NOT NULL DEFAULT now(),
	PRIMARY KEY (state_code, number, source, record_year, record_id, item),
	FOREIGN KEY (state_code, district_code, station_code)
		REFERENCES ref.station (state_code, district_code, station_code)
);
COMMENT ON TABLE core.property_number IS
	'Identifying numbers of property items (core.property_numbers of their identifier and description), written by triggers on the item tables: the index by which seized property finds stolen and lost property of any station of the state, and property search by number. Not partitioned: a few rows per item';
COMMENT ON COLUMN core.property_number.state_code IS 'State of the record';
COMMENT ON COLUMN core.property_number.number IS 'The number, normalised (upper case letters and digits)';
COMMENT ON COLUMN core.property_number.side IS 'stolen (an FIR''s or its crime details'' property), lost (a lost property report), seized (a seizure memo)';
COMMENT ON COLUMN core.property_number.source IS 'Item table: fir_property, crime_details_property, lost_item, seizure_item';
COMMENT ON COLUMN core.property_number.record_year IS 'Year (partition) of the FIR or lost report';
COMMENT ON COLUMN core.property_number.record_id IS 'fir_id, or the lost report''s report_id';
COMMENT ON COLUMN core.property_number.item IS 'The item within the record: seq, or seizure_no * 1000 + item_no';
COMMENT ON COLUMN core.property_number.district_code IS 'District of the recording station';
COMMENT ON COLUMN core.property_number.station_code IS 'Recording station';
COMMENT ON COLUMN core.property_number.fir_id IS 'The case, when the record belongs to one';
COMMENT ON COLUMN core.property_number.kind IS 'Kind of property as the item says';
COMMENT ON COLUMN core.property_number.label IS 'The item as a station reads it: "FIR 0042/2026 seizure 1 item 2", numbers only';
COMMENT ON COLUMN core.property_number.recorded_at IS 'When the number was taken';

-- ------------------------------------------------------------ alerts

CREATE TABLE core.match_alert (
	alert_id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
	state_code int NOT NULL,
	kind text NOT NULL CHECK (kind IN ('vehicle', 'property', 'missing_person', 'wanted')),
	raised_at timestamptz NOT NULL DEFAULT now(),
	district_code int NOT NULL,
	station_code int NOT NULL,
	record_key text NOT NULL CHECK (record_key ~ '^[a-z_]+:[0-9:]+$'),
	record_label text NOT NULL CHECK (record_label <> ''),
	other_district_code int NOT NULL,
	other_station_code int NOT NULL,
	other_record_key text NOT NULL CHECK (other_record_key ~ '^[a-z_]+:[0-9:]+$'),
	other_record_label text NOT NULL CHECK (other_record_label <> ''),
	person_id bigint,
	matched_by text[] NOT NULL CHECK (cardinality(matched_by) > 0),
	summary text NOT NULL CHECK (summary <> '' AND octet_length(summary) <= 2000),
	acked_at timestamptz,
	other_acked_at timestamptz,
	UNIQUE (state_code, kind, record_key, other_record_key),
	FOREIGN KEY (state_code, district_code, station_code)
		REFERENCES ref.station (state_code, district_code, station_code),
	FOREIGN KEY (state_code, other_district_code, other_station_code)
		REFERENCES ref.station (state_code, district_code, station_code),
	CONSTRAINT match_alert_acked_after_raised CHECK (acked_at >= raised_at AND other_acked_at >= raised_at)
);
COMMENT ON TABLE core.match_alert IS
	'Automatic matches between records of the state, raised in the transaction that wrote the newer record, shown to both stations until each acknowledges: vehicle (recovered or unclaimed against stolen), property (seized against stolen or lost, by identifying number), missing_person (unidentified body against missing person), wanted (an arrested person accused in another open FIR). No personal data beyond numbers';
COMMENT ON COLUMN core.match_alert.alert_id IS 'Alert number, named by cctns alerts ack';
COMMENT ON COLUMN core.match_alert.state_code IS 'State of both records';
COMMENT ON COLUMN core.match_alert.kind IS 'vehicle, property, missing_person, wanted';
COMMENT ON COLUMN core.match_alert.raised_at IS 'When the newer record was written';
COMMENT ON COLUMN core.match_alert.district_code IS 'District of the station of the newer record';
COMMENT ON COLUMN core.match_alert.station_code IS 'Station of the newer record (the one whose write raised the alert)';
COMMENT ON COLUMN core.match_alert.record_key IS 'The newer record, kind:id (vehicle_report:12, arrest:4501002, seizure_item:45:1002, unnatural_death:7, missing_person:3)';
COMMENT ON COLUMN core.match_alert.record_label IS 'The newer record as its station reads it: "vehicle report 0003/2026 (recovered)"';
COMMENT ON COLUMN core.match_alert.other_district_code IS 'District of the station of the older record';
COMMENT ON COLUMN core.match_alert.other_station_code IS 'Station of the older record';
COMMENT ON COLUMN core.match_alert.other_record_key IS 'The older record, kind:id';
COMMENT ON COLUMN core.match_alert.other_record_label IS 'The older record as its station reads it';
COMMENT ON COLUMN core.match_alert.person_id IS 'The person, for a wanted alert';
COMMENT ON COLUMN core.match_alert.matched_by IS 'What agreed: registration, chassis, engine; the number; sex, age, height, marks, district, dates; accused, suspect';
COMMENT ON COLUMN core.match_alert.summary IS 'One line for both stations: what matched what (numbers, no names)';
COMMENT ON COLUMN core.match_alert.acked_at IS 'When the station of the newer record acknowledged it';
COMMENT ON COLUMN core.match_alert.other_acked_at IS 'When the station of the older record acknowledged it';

CREATE INDEX match_alert_station ON core.match_alert (state_code, district_code, station_code, alert_id);
CREATE INDEX match_alert_other_station ON core.match_alert (state_code, other_district_code, other_station_code, alert_id);

REVOKE ALL ON core.property_number, core.match_alert FROM PUBLIC;

-- Raise one alert (nothing when the pair was raised before).
CREATE FUNCTION core.alert_raise(state int, kind text, district int, station int, rkey text, rlabel text,
	odistrict int, ostation int, okey text, olabel text, pid bigint, matched_by text[], summary text) RETURNS void
LANGUAGE sql
SET search_path = pg_catalog, pg_temp
AS $fn$
	INSERT INTO core.match_alert (state_code, kind, district_code, station_code, record_key, record_label,
		other_district_code, other_station_code, other_record_key, other_record_label, person_id, matched_by, summary)
	VALUES (state, kind, district, station, rkey, rlabel, odistrict, ostation, okey, olabel, pid, matched_by, summary)
	ON CONFLICT DO NOTHING
$fn$;
COMMENT ON FUNCTION core.alert_raise(int, text, int, int, text, text, int, int, text, text, bigint, text[], text) IS
	'Insert a match alert unless the same pair of records was matched before';

-- ------------------------------------------------------------ matching: vehicles

CREATE FUNCTION core.vehicle_label(v core.vehicle_report) RETURNS text
LANGUAGE sql IMMUTABLE
SET search_path = pg_catalog, pg_temp
AS $fn$
	SELECT format('vehicle report %s (%s)', core.register_no_text(v.vr_no, v.year, NULL), v.kind)
$fn$;
COMMENT ON FUNCTION core.vehicle_label(core.vehicle_report) IS 'A vehicle report as an alert names it: vehicle report 0003/2026 (recovered)';

CREATE FUNCTION core.vehicle_match_trigger() RETURNS trigger
LANGUAGE plpgsql
SET search_path = pg_catalog, pg_temp
AS $fn$
DECLARE
	o record;
BEGIN
	FOR o IN
		SELECT v, array_remove(ARRAY[
			CASE WHEN v.registration_normalised = NEW.registration_normalised THEN 'registration' END,
			CASE WHEN v.chassis_normalised = NEW.chassis_normalised THEN 'chassis' END,
			CASE WHEN v.engine_normalised = NEW.engine_normalised THEN 'engine' END], NULL) AS agreed
		FROM core.vehicle_report v
		WHERE v.state_code = NEW.state_code AND v.kind = ANY (core.vehicle_other_side(NEW.kind))
			AND (v.registration_normalised = NEW.registration_normalised
				OR v.chassis_normalised = NEW.chassis_normalised OR v.engine_normalised = NEW.engine_normalised)
		ORDER BY v.registered_at DESC
		LIMIT 100
	LOOP
		PERFORM core.alert_raise(NEW.state_code, 'vehicle', NEW.district_code, NEW.station_code,
			'vehicle_report:' || NEW.vr_id, core.vehicle_label(NEW),
			(o.v).district_code, (o.v).station_code, 'vehicle_report:' || (o.v).vr_id, core.vehicle_label(o.v),
			NULL, o.agreed,
			format('%s matches %s by %s (%s)', core.vehicle_label(NEW), core.vehicle_label(o.v),
				array_to_string(o.agreed, ', '),
				coalesce(NEW.registration_normalised, NEW.chassis_normalised, NEW.engine_normalised)));
	END LOOP;
	RETURN NULL;
END
$fn$;
COMMENT ON FUNCTION core.vehicle_match_trigger() IS
	'After a vehicle report is written: a match alert for each report of the other side (stolen against recovered and unclaimed) with the same normalised registration, chassis or engine number';

CREATE TRIGGER vehicle_report_match AFTER INSERT ON core.vehicle_report
	FOR EACH ROW EXECUTE FUNCTION core.vehicle_match_trigger();

-- ------------------------------------------------------------ matching: property

-- Record the numbers of one item and match them against the other side:
-- seized against stolen and lost, stolen and lost against seized.
CREATE FUNCTION core.property_number_add(state int, numbers text[], p_side text, p_source text, ryear int,
	rid bigint, item int, district int, station int, fir bigint, p_kind text, p_label text, rkey text) RETURNS void
LANGUAGE plpgsql
SET search_path = pg_catalog, pg_temp
AS $fn$
DECLARE
	n text;
	o record;
BEGIN
	IF cardinality(numbers) = 0 OR district IS NULL THEN
		RETURN;
	END IF;
	FOREACH n IN ARRAY numbers LOOP
		INSERT INTO core.property_number (state_code, number, side, source, record_year, record_id, item,
			district_code, station_code, fir_id, kind, label)
		VALUES (state, n, p_side, p_source, ryear, rid, item, district, station, fir, p_kind, p_label)
		ON CONFLICT DO NOTHING;
		IF NOT FOUND THEN
			CONTINUE;  -- a later version of the same crime details: matched already
		END IF;
		FOR o IN
			SELECT * FROM core.property_number p
			WHERE p.state_code = state AND p.number = n
				AND CASE WHEN p_side = 'seized' THEN p.side IN ('stolen', 'lost') ELSE p.side = 'seized' END
			ORDER BY p.recorded_at DESC
			LIMIT 100
		LOOP
			PERFORM core.alert_raise(state, 'property', district, station, rkey, p_label,
				o.district_code, o.station_code, o.source || ':' || o.record_id || ':' || o.item, o.label,
				NULL, ARRAY[n],
				format('%s (%s, %s) matches %s (%s, %s) by number %s', p_label, p_side, p_kind, o.label, o.side,
					o.kind, n));
		END LOOP;
	END LOOP;
END
$fn$;
COMMENT ON FUNCTION core.property_number_add(int, text[], text, text, int, bigint, int, int, int, bigint, text, text, text) IS
	'Store the identifying numbers of a property item (core.property_number) and raise a property alert for each item of the other side (seized against stolen and lost) with the same number';

CREATE FUNCTION core.property_number_trigger() RETURNS trigger
LANGUAGE plpgsql
SET search_path = pg_catalog, pg_temp
AS $fn$
DECLARE
	f record;
	r record;
BEGIN
	IF TG_TABLE_NAME LIKE 'lost_item%' THEN
		SELECT * INTO r FROM core.lost_report x
		WHERE x.report_id = NEW.report_id AND x.state_code = NEW.state_code AND x.year = NEW.year;
		PERFORM core.property_number_add(NEW.state_code,
			core.property_numbers(coalesce(NEW.identifier, '') || ' ' || coalesce(NEW.description, '')),
			'lost', 'lost_item', NEW.year, NEW.report_id, NEW.seq, r.district_code, r.station_code, NULL, NEW.kind,
			format('lost report %s item %s', core.register_no_text(r.report_no, r.year, NULL), NEW.seq + 1),
			format('lost_item:%s:%s', NEW.report_id, NEW.seq));
		RETURN NULL;
	END IF;
	SELECT x.district_code, x.station_code, x.fir_no INTO f FROM core.fir x
	WHERE x.fir_id = NEW.fir_id AND x.state_code = NEW.state_code AND x.year = NEW.year;
	IF TG_TABLE_NAME LIKE 'seizure_item%' THEN
		PERFORM core.property_number_add(NEW.state_code,
			core.property_numbers(coalesce(NEW.identifiers, '') || ' ' || NEW.description),
			'seized', 'seizure_item', NEW.year, NEW.fir_id, NEW.seizure_no * 1000 + NEW.item_no,
			f.district_code, f.station_code, NEW.fir_id, NEW.kind,
			format('FIR %s seizure %s item %s', core.fir_number_text(f.fir_no, NEW.year), NEW.seizure_no, NEW.item_no),
			format('seizure_item:%s:%s', NEW.fir_id, NEW.seizure_no * 1000 + NEW.item_no));
	ELSE
		PERFORM core.property_number_add(NEW.state_code, core.property_numbers(NEW.description),
			'stolen', CASE WHEN TG_TABLE_NAME LIKE 'fir_property%' THEN 'fir_property' ELSE 'crime_details_property' END,
			NEW.year, NEW.fir_id, NEW.seq, f.district_code, f.station_code, NEW.fir_id, NEW.kind,
			format('FIR %s property %s', core.fir_number_text(f.fir_no, NEW.year), NEW.seq + 1),
			format('%s:%s:%s', CASE WHEN TG_TABLE_NAME LIKE 'fir_property%' THEN 'fir_property'
				ELSE 'crime_details_property' END, NEW.fir_id, NEW.seq));
	END IF;
	RETURN NULL;
END
$fn$;
COMMENT ON FUNCTION core.property_number_trigger() IS
	'After a property item is written (FIR property, crime details property, lost item, seized item): its identifying numbers into core.property_number, matched against the other side';

CREATE TRIGGER fir_property_numbers AFTER INSERT ON core.fir_property
	FOR EACH ROW EXECUTE FUNCTION core.property_number_trigger();
CREATE TRIGGER crime_details_property_numbers AFTER INSERT ON core.crime_details_property
	FOR EACH ROW EXECUTE FUNCTION core.property_number_trigger();
CREATE TRIGGER lost_item_numbers AFTER INSERT ON core.lost_item
	FOR EACH ROW EXECUTE FUNCTION core.property_number_trigger();
CREATE TRIGGER seizure_item_numbers AFTER INSERT ON core.seizure_item
	FOR EACH ROW EXECUTE FUNCTION core.property_number_trigger();

-- The numbers of items written before this migration (no alerts for them).
INSERT INTO core.property_number (state_code, number, side, source, record_year, record_id, item, district_code,
	station_code, fir_id, kind, label)
SELECT i.state_code, n, 'stolen', 'fir_property', i.year, i.fir_id, i.seq, f.district_code, f.station_code,
	i.fir_id, i.kind, format('FIR %s property %s', core.fir_number_text(f.fir_no, f.year), i.seq + 1)
FROM core.fir_property i JOIN core.fir f USING (state_code, year, fir_id),
	unnest(core.property_numbers(i.description)) n
UNION ALL
SELECT i.state_code, n, 'stolen', 'crime_details_property', i.year, i.fir_id, i.seq, f.district_code,
	f.station_code, i.fir_id, i.kind, format('FIR %s property %s', core.fir_number_text(f.fir_no, f.year), i.seq + 1)
FROM core.crime_details_property i JOIN core.fir f USING (state_code, year, fir_id),
	unnest(core.property_numbers(i.description)) n
UNION ALL
SELECT i.state_code, n, 'lost', 'lost_item', i.year, i.report_id, i.seq, r.district_code, r.station_code, NULL,
	i.kind, format('lost report %s item %s', core.register_no_text(r.report_no, r.year, NULL), i.seq + 1)
FROM core.lost_item i JOIN core.lost_report r USING (state_code, year, report_id),
	unnest(core.property_numbers(coalesce(i.identifier, '') || ' ' || coalesce(i.description, ''))) n
UNION ALL
SELECT i.state_code, n, 'seized', 'seizure_item', i.year, i.fir_id, i.seizure_no * 1000 + i.item_no,
	f.district_code, f.station_code, i.fir_id, i.kind,
	format('FIR %s seizure %s item %s', core.fir_number_text(f.fir_no, f.year), i.seizure_no, i.item_no)
FROM core.seizure_item i JOIN core.fir f USING (state_code, year, fir_id),
	unnest(core.property_numbers(coalesce(i.identifiers, '') || ' ' || i.description)) n
ON CONFLICT DO NOTHING;

-- ------------------------------------------------------------ matching: bodies and missing persons

-- Words of identification marks (identification_marks, scars, moles,
-- tattoos, burn_marks of a DescriptiveRoll), lower case, 4 letters or
-- more, without the words of place on the body.
CREATE FUNCTION core.mark_words(roll jsonb) RETURNS text[]
LANGUAGE sql IMMUTABLE
SET search_path = pg_catalog, pg_temp
AS $fn$
	SELECT coalesce(array_agg(DISTINCT w), '{}')
	FROM regexp_split_to_table(lower(concat_ws(' ', roll ->> 'identification_marks', roll ->> 'scars',
		roll ->> 'moles', roll ->> 'tattoos', roll ->> 'burn_marks')), '[^a-z0-9]+') w
	WHERE length(w) >= 4 AND w NOT IN ('left', 'right', 'near', 'with', 'mark', 'marks', 'upper', 'lower', 'side',
		'above', 'below', 'front', 'back', 'small', 'large', 'there', 'from', 'visible')
$fn$;
COMMENT ON FUNCTION core.mark_words(jsonb) IS
	'Distinctive words of the identification marks, scars, moles, tattoos and burn marks of a DescriptiveRoll';

-- The missing person's possible ages on a day: [lo, hi], NULL when not known.
CREATE FUNCTION core.missing_age_band(m core.missing_person, on_day timestamptz, OUT lo int, OUT hi int)
LANGUAGE sql STABLE
SET search_path = pg_catalog, pg_temp
AS $fn$
	SELECT CASE
		WHEN m.person ->> 'date_of_birth' <> '' THEN
			extract(year FROM age((on_day AT TIME ZONE 'Asia/Kolkata')::date, (m.person ->> 'date_of_birth')::date))::int
		WHEN (m.person ->> 'year_of_birth')::int > 0 THEN
			extract(year FROM on_day AT TIME ZONE 'Asia/Kolkata')::int - (m.person ->> 'year_of_birth')::int - 1
		WHEN m.age_years IS NOT NULL THEN
			m.age_years + extract(year FROM age(on_day, m.missing_since))::int
		END,
		CASE
		WHEN m.person ->> 'date_of_birth' <> '' THEN
			extract(year FROM age((on_day AT TIME ZONE 'Asia/Kolkata')::date, (m.person ->> 'date_of_birth')::date))::int
		WHEN (m.person ->> 'year_of_birth')::int > 0 THEN
			extract(year FROM on_day AT TIME ZONE 'Asia/Kolkata')::int - (m.person ->> 'year_of_birth')::int
		WHEN m.age_years IS NOT NULL THEN
			m.age_years + extract(year FROM age(on_day, m.missing_since))::int + 1
		END
$fn$;
COMMENT ON FUNCTION core.missing_age_band(core.missing_person, timestamptz) IS
	'The ages a missing person may have on a day, from the date of birth, the year of birth or the stated age';

-- Why an unidentified body may be a missing person: the agreeing facts
-- (sex, age, height, marks, district, dates), or NULL when it may not be.
-- It may not be when a fact both records give disagrees: the sexes differ,
-- the body was found before the person went missing, the age bands (body
-- from-to widened by 3 years; the person's age that day) do not overlap,
-- the heights differ by more than 8 cm. It is a match when nothing
-- disagrees, the sexes are the same, and at least two of age, height,
-- marks (a distinctive mark word in both) and district (the body found in
-- the district the person was last seen in, or of the reporting station)
-- agree.
CREATE FUNCTION core.body_missing_reasons(u core.unnatural_death, m core.missing_person) RETURNS text[]
LANGUAGE plpgsql STABLE
SET search_path = pg_catalog, pg_temp
AS $fn$
DECLARE
	why text[] := '{}';
	band record;
	mh int := nullif(m.descriptive_roll ->> 'height_cm', '')::int;
	ud_district int := nullif(u.place #>> '{address,district_code}', '')::int;
	mp_district int := coalesce(nullif(m.last_seen_place #>> '{address,district_code}', '')::int, m.district_code);
	mg text := nullif(m.person ->> 'gender', '');
	ug text := nullif(u.deceased ->> 'gender', '');
	strong int := 0;
BEGIN
	IF u.found_at < m.missing_since OR mg IS NULL OR ug IS NULL OR mg <> ug THEN
		RETURN NULL;
	END IF;
	why := ARRAY['sex', 'dates'];
	band := core.missing_age_band(m, u.found_at);
	IF band.lo IS NOT NULL AND u.apparent_age_from IS NOT NULL THEN
		IF band.hi < u.apparent_age_from - 3 OR band.lo > coalesce(u.apparent_age_to, u.apparent_age_from) + 3 THEN
			RETURN NULL;
		END IF;
		why := why || 'age'::text;
		strong := strong + 1;
	END IF;
	IF mh IS NOT NULL AND u.height_cm IS NOT NULL THEN
		IF abs(mh - u.height_cm) > 8 THEN
			RETURN NULL;
		END IF;
		why := why || 'height'::text;
		strong := strong + 1;
	END IF;
	IF core.mark_words(m.descriptive_roll) && core.mark_words(u.descriptive_roll) THEN
		why := why || 'marks'::text;
		strong := strong + 1;
	END IF;
	IF ud_district IS NOT NULL AND ud_district = mp_district OR ud_district IS NULL AND u.district_code = mp_district THEN
		why := why || 'district'::text;
		strong := strong + 1;
	END IF;
	IF strong < 2 THEN
		RETURN NULL;
	END IF;
	RETURN why;
END
$fn$;
COMMENT ON FUNCTION core.body_missing_reasons(core.unnatural_death, core.missing_person) IS
	'Why an unidentified body may be a missing person (sex, dates, age, height, marks, district), NULL when it may not be: same sex, found after going missing, no disagreement on age band (widened by 3 years) or height (8 cm), and at least two of age, height, marks and district agreeing';

CREATE FUNCTION core.ud_label(u core.unnatural_death) RETURNS text
LANGUAGE sql IMMUTABLE
SET search_path = pg_catalog, pg_temp
AS $fn$
	SELECT 'unidentified body ' || core.register_no_text(u.ud_no, u.year, 'UD')
$fn$;
COMMENT ON FUNCTION core.ud_label(core.unnatural_death) IS 'An unidentified body as an alert names it: unidentified body UD 0003/2026';

CREATE FUNCTION core.mp_label(m core.missing_person) RETURNS text
LANGUAGE sql IMMUTABLE
SET search_path = pg_catalog, pg_temp
AS $fn$
	SELECT 'missing person report ' || core.register_no_text(m.mp_no, m.year, NULL)
$fn$;
COMMENT ON FUNCTION core.mp_label(core.missing_person) IS 'A missing person report as an alert names it: missing person report 0003/2026';

CREATE FUNCTION core.body_match_trigger() RETURNS trigger
LANGUAGE plpgsql
SET search_path = pg_catalog, pg_temp
AS $fn$
DECLARE
	o record;
	why text[];
BEGIN
	IF TG_TABLE_NAME LIKE 'unnatural_death%' THEN
		IF NEW.kind <> 'unidentified_body' THEN
			RETURN NULL;
		END IF;
		FOR o IN
			SELECT m FROM core.missing_person m
			WHERE m.state_code = NEW.state_code AND m.traced_at IS NULL AND m.missing_since <= NEW.found_at
				AND m.person ->> 'gender' = NEW.deceased ->> 'gender'
		LOOP
			why := core.body_missing_reasons(NEW, o.m);
			CONTINUE WHEN why IS NULL;
			PERFORM core.alert_raise(NEW.state_code, 'missing_person', NEW.district_code, NEW.station_code,
				'unnatural_death:' || NEW.ud_id, core.ud_label(NEW), (o.m).district_code, (o.m).station_code,
				'missing_person:' || (o.m).mp_id, core.mp_label(o.m), (o.m).person_id, why,
				format('%s may be the person of %s (%s)', core.ud_label(NEW), core.mp_label(o.m),
					array_to_string(why, ', ')));
		END LOOP;
	ELSE
		FOR o IN
			SELECT u FROM core.unnatural_death u
			WHERE u.state_code = NEW.state_code AND u.kind = 'unidentified_body' AND u.identified_at IS NULL
				AND u.found_at >= NEW.missing_since AND u.deceased ->> 'gender' = NEW.person ->> 'gender'
		LOOP
			why := core.body_missing_reasons(o.u, NEW);
			CONTINUE WHEN why IS NULL;
			PERFORM core.alert_raise(NEW.state_code, 'missing_person', NEW.district_code, NEW.station_code,
				'missing_person:' || NEW.mp_id, core.mp_label(NEW), (o.u).district_code, (o.u).station_code,
				'unnatural_death:' || (o.u).ud_id, core.ud_label(o.u), NEW.person_id, why,
				format('%s may be %s (%s)', core.mp_label(NEW), core.ud_label(o.u), array_to_string(why, ', ')));
		END LOOP;
	END IF;
	RETURN NULL;
END
$fn$;
COMMENT ON FUNCTION core.body_match_trigger() IS
	'After an unidentified body or a missing person is registered: an alert for each missing person not traced / body not identified of the state that core.body_missing_reasons matches';

CREATE TRIGGER unnatural_death_match AFTER INSERT ON core.unnatural_death
	FOR EACH ROW EXECUTE FUNCTION core.body_match_trigger();
CREATE TRIGGER missing_person_match AFTER INSERT ON core.missing_person
	FOR EACH ROW EXECUTE FUNCTION core.body_match_trigger();

-- ------------------------------------------------------------ matching: wanted persons

-- Case statuses in which an accused not arrested is still wanted.
CREATE FUNCTION core.case_open(status text) RETURNS boolean
LANGUAGE sql IMMUTABLE
SET search_path = pg_catalog, pg_temp
AS $fn$
	SELECT status IN ('registered', 'under_investigation', 'charge_sheeted')
$fn$;
COMMENT ON FUNCTION core.case_open(text) IS
	'A case whose accused, if not arrested, are wanted: registered, under investigation or charge-sheeted';

CREATE FUNCTION core.wanted_match_trigger() RETURNS trigger
LANGUAGE plpgsql
SET search_path = pg_catalog, pg_temp
AS $fn$
DECLARE
	o record;
BEGIN
	FOR o IN
		SELECT l.fir_id, l.label, l.district_code, l.station_code, array_agg(DISTINCT l.role::text ORDER BY l.role::text) AS roles
		FROM core.person_link l
		JOIN core.fir f ON f.fir_id = l.fir_id AND f.state_code = l.state_code AND f.year = l.record_year
		WHERE l.person_id = NEW.person_id AND l.state_code = NEW.state_code AND l.year = NEW.year
			AND l.record_kind = 'fir' AND l.role IN ('accused', 'suspect') AND l.fir_id <> NEW.fir_id
			AND core.case_open(f.status)
			AND NOT EXISTS (SELECT 1 FROM core.person_link a
				WHERE a.person_id = NEW.person_id AND a.state_code = NEW.state_code AND a.year = NEW.year
					AND a.role = 'arrested' AND a.fir_id = l.fir_id)
		GROUP BY l.fir_id, l.label, l.district_code, l.station_code
	LOOP
		PERFORM core.alert_raise(NEW.state_code, 'wanted', NEW.district_code, NEW.station_code,
			'arrest:' || NEW.record_id, NEW.label, o.district_code, o.station_code, 'fir:' || o.fir_id, o.label,
			NEW.person_id, o.roles,
			format('person %s, %s, is %s in %s and not arrested there', NEW.person_id, NEW.label,
				array_to_string(o.roles, ' and '), o.label));
	END LOOP;
	RETURN NULL;
END
$fn$;
COMMENT ON FUNCTION core.wanted_match_trigger() IS
	'After a person is linked as arrested: a wanted alert for each other open FIR of the state naming the same person as accused or suspect where they are not arrested';

CREATE TRIGGER person_link_wanted AFTER INSERT ON core.person_link
	FOR EACH ROW WHEN (NEW.role = 'arrested' AND NEW.fir_id IS NOT NULL)
	EXECUTE FUNCTION core.wanted_match_trigger();

-- ------------------------------------------------------------ request readers

-- A text field of a search request: trimmed, NULL when empty; CT400 at
-- path when not a string or longer than max bytes.
CREATE FUNCTION core.q_text(req jsonb, path text, max int) RETURNS text
LANGUAGE plpgsql IMMUTABLE
SET search_path = pg_catalog, pg_temp
AS $fn$
DECLARE
	v jsonb := req -> path;
BEGIN
	IF v IS NULL OR jsonb_typeof(v) = 'null' THEN
		RETURN NULL;
	END IF;
	IF jsonb_typeof(v) <> 'string' THEN
		PERFORM core.fir_bad(path, path || ': expected a string');
	END IF;
	IF octet_length(v #>> '{}') > max THEN
		PERFORM core.fir_bad(path, format('%s: at most %s bytes', path, max));
	END IF;
	RETURN nullif(btrim(v #>> '{}'), '');
END
$fn$;
COMMENT ON FUNCTION core.q_text(jsonb, text, int) IS
	'A string field of a search request, trimmed, NULL when empty; CT400 naming the field when not a string or too long';

-- A whole number field (0 or absent: NULL); CT400 at path outside lo..hi.
CREATE FUNCTION core.q_uint(req jsonb, path text, lo bigint, hi bigint) RETURNS bigint
LANGUAGE plpgsql IMMUTABLE
SET search_path = pg_catalog, pg_temp
AS $fn$
DECLARE
	v jsonb := req -> path;
	t text;
BEGIN
	IF v IS NULL OR jsonb_typeof(v) = 'null' THEN
		RETURN NULL;
	END IF;
	t := v #>> '{}';
	IF jsonb_typeof(v) NOT IN ('number', 'string') OR t !~ '^[0-9]{1,18}$' THEN
		PERFORM core.fir_bad(path, path || ': expected a whole number');
	END IF;
	IF t::bigint = 0 THEN
		RETURN NULL;
	END IF;
	IF t::bigint NOT BETWEEN lo AND hi THEN
		PERFORM core.fir_bad(path, format('%s: expected %s to %s', path, lo, hi));
	END IF;
	RETURN t::bigint;
END
$fn$;
COMMENT ON FUNCTION core.q_uint(jsonb, text, bigint, bigint) IS
	'A whole number field of a search request (0 or absent: NULL); CT400 naming the field when not a number or outside lo..hi';

CREATE FUNCTION core.q_req(req jsonb, what text, allowed text[]) RETURNS jsonb
LANGUAGE plpgsql IMMUTABLE
SET search_path = pg_catalog, pg_temp
AS $fn$
BEGIN
	IF req IS NULL OR jsonb_typeof(req) <> 'object' THEN
		PERFORM core.fir_bad('', format('the request must be a JSON object (%s)', what));
	END IF;
	PERFORM core.j_keys(req, '', allowed);
	RETURN req;
END
$fn$;
COMMENT ON FUNCTION core.q_req(jsonb, text, text[]) IS 'CT400 unless the request is a JSON object with only the given fields';

-- ------------------------------------------------------------ the dossier

-- Inlinable twins of core.ist_text and core.fir_number_text: one SQL
-- expression without a SET clause, so the planner folds them into the
-- calling query instead of calling a function (and switching search_path)
-- per row. Only for functions that pin search_path themselves; every name
-- in them is qualified.
CREATE FUNCTION core.ist_text_inline(t timestamptz) RETURNS text
LANGUAGE sql STABLE
AS $fn$
	SELECT pg_catalog.to_char(t AT TIME ZONE 'Asia/Kolkata', 'YYYY-MM-DD"T"HH24:MI:SS')
		|| CASE WHEN pg_catalog.date_trunc('second', t) <> t
			THEN '.' || pg_catalog.rtrim(pg_catalog.to_char(t AT TIME ZONE 'Asia/Kolkata', 'US'), '0') ELSE '' END
		|| '+05:30'
$fn$;
COMMENT ON FUNCTION core.ist_text_inline(timestamptz) IS
	'core.ist_text as an expression the planner inlines (no SET clause): for queries of functions that pin search_path, run once per row';

CREATE FUNCTION core.fir_number_text_inline(fir_no int, year int) RETURNS text
LANGUAGE sql IMMUTABLE
AS $fn$
	SELECT pg_catalog.lpad(fir_no::text, greatest(4, pg_catalog.length(fir_no::text)), '0') || '/' || year::text
$fn$;
COMMENT ON FUNCTION core.fir_number_text_inline(int, int) IS
	'core.fir_number_text (0042/2026) as an expression the planner inlines (no SET clause): for queries of functions that pin search_path, run once per row';

-- The Identity JSON of each station of the state named in keys
-- ("district:station"), as an object keyed the same way: one
-- core.station_identity_json per distinct station instead of one per row.
CREATE FUNCTION core.station_map(state int, keys text[]) RETURNS jsonb
LANGUAGE sql STABLE
SET search_path = pg_catalog, pg_temp
AS $fn$
	SELECT coalesce(jsonb_object_agg(k, core.station_identity_json(state, split_part(k, ':', 1)::int,
		split_part(k, ':', 2)::int)), '{}')
	FROM (SELECT DISTINCT k FROM unnest(keys) k WHERE k IS NOT NULL) x
$fn$;
COMMENT ON FUNCTION core.station_map(int, text[]) IS
	'Identity JSON of the stations of a state named "district:station" in keys, as an object keyed the same way: each station read once';

-- The dossier in two cached statements (plpgsql keeps their plans; a
-- generic plan, the partitions pruned at run time by state and the
-- person's year): the person row, then one query. Every part starts from
-- the person's links and follows keys; stations are read once each
-- (core.station_map), numbers and times are written by inlined
-- expressions, not by a function call per row.
CREATE FUNCTION core.dossier_json(state int, pid bigint) RETURNS jsonb
LANGUAGE plpgsql STABLE
SET search_path = pg_catalog, pg_temp
SET plan_cache_mode = force_generic_plan
AS $fn$
DECLARE
	p core.person;
	res jsonb;
BEGIN
	SELECT * INTO p FROM core.person x WHERE x.person_id = pid AND x.state_code = state;
	IF NOT FOUND THEN
		RETURN NULL;
	END IF;
	WITH links AS MATERIALIZED (
		SELECT l.* FROM core.person_link l
		WHERE l.person_id = pid AND l.state_code = state AND l.year = p.year
	), cases AS MATERIALIZED (
		-- Each FIR the person is named in by any record of the case.
		SELECT f.fir_id, f.year, f.state_code, f.district_code, f.station_code, f.fir_no, f.status,
			f.registered_at, f.occurred_from, x.roles
		FROM (SELECT l.fir_id, array_agg(DISTINCT l.role::text ORDER BY l.role::text) AS roles
			FROM links l WHERE l.fir_id IS NOT NULL GROUP BY l.fir_id) x
		JOIN core.fir f ON f.fir_id = x.fir_id AND f.state_code = state
	), accused_cases AS MATERIALIZED (
		SELECT * FROM cases c WHERE c.roles && ARRAY['accused', 'suspect', 'arrested', 'seized_from']
	), arrests AS MATERIALIZED (
		SELECT a.*, c.fir_no FROM links l
		JOIN accused_cases c ON c.fir_id = l.fir_id
		JOIN core.arrest a ON a.state_code = c.state_code AND a.year = c.year AND a.fir_id = c.fir_id
			AND a.arrest_no = l.record_id - l.fir_id * 1000
		WHERE l.record_kind = 'arrest' AND l.role = 'arrested'
	), results AS (
		SELECT d.*, cd.judgement_date, cd.court, cd.kind AS disposal_kind, c.fir_no, c.district_code, c.station_code,
			aa.result AS appeal_result, ap.decided_on AS appeal_decided_on
		FROM accused_cases c
		JOIN core.court_disposal cd ON cd.state_code = c.state_code AND cd.year = c.year AND cd.fir_id = c.fir_id
		JOIN core.court_disposal_accused d ON d.state_code = c.state_code AND d.year = c.year AND d.fir_id = c.fir_id
		LEFT JOIN core.appeal ap ON ap.state_code = d.state_code AND ap.year = d.year AND ap.fir_id = d.fir_id
		LEFT JOIN core.appeal_accused aa ON aa.state_code = d.state_code AND aa.year = d.year AND aa.fir_id = d.fir_id
			AND aa.disposal_seq = d.seq
		WHERE d.person_id = pid
			OR d.arrest_no IN (SELECT a.arrest_no FROM arrests a WHERE a.fir_id = c.fir_id)
	), seized AS MATERIALIZED (
		SELECT i.*, s.seized_at, s.district_code, s.station_code, c.fir_no
		FROM links l
		JOIN accused_cases c ON c.fir_id = l.fir_id
		JOIN core.seizure s ON s.seizure_id = l.record_id AND s.state_code = c.state_code AND s.year = c.year
		JOIN core.seizure_item i ON i.state_code = s.state_code AND i.year = s.year AND i.fir_id = s.fir_id
			AND i.seizure_no = s.seizure_no
		WHERE l.record_kind = 'seizure' AND l.role = 'seized_from'
	), associates AS (
		SELECT o.person_id, count(DISTINCT o.fir_id) AS together,
			array_agg(DISTINCT o.label || ', ' || s.name ORDER BY o.label || ', ' || s.name)
				FILTER (WHERE o.record_kind = 'fir') AS firs
		FROM accused_cases c
		JOIN core.person_link o ON o.fir_id = c.fir_id AND o.state_code = state
		JOIN ref.station s ON s.state_code = o.state_code AND s.district_code = o.district_code
			AND s.station_code = o.station_code
		WHERE o.role IN ('accused', 'suspect', 'arrested') AND o.person_id <> pid
		GROUP BY o.person_id
	), addresses AS MATERIALIZED (
		SELECT p.addr_line1 AS l1, p.addr_line2 AS l2, p.addr_city AS city, p.addr_district_code AS dc,
			p.addr_state_code AS sc, p.addr_pincode AS pin, p.created_at AS at, 'person record' AS source,
			p.district_code AS di, p.station_code AS ps
		WHERE p.addr_line1 IS NOT NULL OR p.addr_city IS NOT NULL
		UNION ALL
		SELECT a.addr_line1, a.addr_line2, a.addr_city, a.addr_district_code, a.addr_state_code, a.addr_pincode,
			coalesce(a.since::timestamptz, a.added_at), a.kind || ' address added', a.district_code, a.station_code
		FROM core.person_address a WHERE a.person_id = pid AND a.state_code = state AND a.year = p.year
		UNION ALL
		SELECT a.addr_line1, a.addr_line2, a.addr_city, a.addr_district_code, a.addr_state_code, a.addr_pincode,
			a.arrested_at, 'arrest ' || a.accused_code || ' in FIR ' || core.fir_number_text_inline(a.fir_no, a.year),
			a.district_code, a.station_code
		FROM arrests a WHERE a.addr_line1 IS NOT NULL OR a.addr_city IS NOT NULL
		UNION ALL
		SELECT a.perm_line1, a.perm_line2, a.perm_city, a.perm_district_code, a.perm_state_code, a.perm_pincode,
			a.arrested_at, 'permanent address, arrest ' || a.accused_code || ' in FIR '
				|| core.fir_number_text_inline(a.fir_no, a.year), a.district_code, a.station_code
		FROM arrests a WHERE a.perm_line1 IS NOT NULL OR a.perm_city IS NOT NULL
	), stn AS (
		SELECT core.station_map(state, p.district_code || ':' || p.station_code
			|| ARRAY(SELECT c.district_code || ':' || c.station_code FROM cases c)
			|| ARRAY(SELECT a.district_code || ':' || a.station_code FROM arrests a)
			|| ARRAY(SELECT s.district_code || ':' || s.station_code FROM seized s)
			|| ARRAY(SELECT a.di || ':' || a.ps FROM addresses a)) AS m
	)
	SELECT jsonb_strip_nulls(jsonb_build_object(
		-- The PersonRecord (core.person_record_json) without its links.
		'person', jsonb_strip_nulls(jsonb_build_object(
			'person', jsonb_strip_nulls(jsonb_build_object('person_id', p.person_id, 'name', p.name,
				'relative_kind', p.relative_kind, 'relative_name', p.relative_name, 'gender', p.gender,
				'date_of_birth', to_char(p.date_of_birth, 'YYYY-MM-DD'), 'year_of_birth', p.year_of_birth,
				'nationality', p.nationality, 'occupation', p.occupation,
				'address', core.address_json(p.addr_line1, p.addr_line2, p.addr_city, p.addr_district_code,
					p.addr_state_code, p.addr_pincode),
				'phone', p.phone)),
			'aliases', nullif(to_jsonb(p.aliases || ARRAY(SELECT a.alias FROM core.person_alias a
				WHERE a.person_id = pid AND a.state_code = state AND a.year = p.year
				ORDER BY a.alias_id)), '[]'),
			'identity_documents', (SELECT jsonb_agg(jsonb_build_object('kind', d.kind, 'number', d.number)
				ORDER BY d.document_id) FROM core.person_document d
				WHERE d.person_id = pid AND d.state_code = state AND d.year = p.year),
			'phones', (SELECT jsonb_agg(jsonb_strip_nulls(jsonb_build_object('number', ph.number, 'kind', ph.kind,
					'added_at', core.ist_text_inline(date_trunc('second', ph.added_at)))) ORDER BY ph.phone_id)
				FROM core.person_phone ph
				WHERE ph.person_id = pid AND ph.state_code = state AND ph.year = p.year),
			'addresses', (SELECT jsonb_agg(jsonb_strip_nulls(jsonb_build_object('kind', a.kind,
					'address', core.address_json(a.addr_line1, a.addr_line2, a.addr_city, a.addr_district_code,
						a.addr_state_code, a.addr_pincode),
					'since', to_char(a.since, 'YYYY-MM-DD'),
					'added_at', core.ist_text_inline(date_trunc('second', a.added_at)))) ORDER BY a.address_id)
				FROM core.person_address a
				WHERE a.person_id = pid AND a.state_code = state AND a.year = p.year),
			'descriptive_roll', (SELECT core.roll_json(x) FROM core.person_roll x
				WHERE x.person_id = pid AND x.state_code = state AND x.year = p.year ORDER BY x.roll_id DESC LIMIT 1),
			'descriptive_roll_at', (SELECT core.ist_text_inline(date_trunc('second', x.added_at)) FROM core.person_roll x
				WHERE x.person_id = pid AND x.state_code = state AND x.year = p.year ORDER BY x.roll_id DESC LIMIT 1),
			'photos', (SELECT jsonb_agg(core.photo_info_json(ph) ORDER BY ph.photo_no)
				FROM core.person_photo ph
				WHERE ph.person_id = pid AND ph.state_code = state AND ph.year = p.year),
			'created_at', core.ist_text_inline(date_trunc('second', p.created_at)),
			'created_by', (SELECT m FROM stn) -> (p.district_code || ':' || p.station_code))),
		'cases', (SELECT jsonb_agg(jsonb_strip_nulls(jsonb_build_object(
				'fir_number', core.fir_number_text_inline(c.fir_no, c.year),
				'station', (SELECT m FROM stn) -> (c.district_code || ':' || c.station_code),
				'roles', to_jsonb(c.roles), 'status', c.status,
				'registered_at', core.ist_text_inline(date_trunc('second', c.registered_at)),
				'occurred_from', core.ist_text_inline(c.occurred_from),
				'sections', (SELECT jsonb_agg(CASE WHEN ch.act = 'special_local' THEN ch.law || ' ' || ch.section
						ELSE upper(ch.act) || ' ' || ch.section END ORDER BY ch.seq)
					FROM core.fir_charge ch
					WHERE ch.state_code = c.state_code AND ch.year = c.year AND ch.fir_id = c.fir_id),
				'mo', (SELECT d.mo_major || '/' || d.mo_minor FROM core.crime_details d
					WHERE d.state_code = c.state_code AND d.year = c.year AND d.fir_id = c.fir_id
					ORDER BY d.version DESC LIMIT 1)))
			ORDER BY c.registered_at DESC, c.fir_id DESC) FROM cases c),
		'arrests', (SELECT jsonb_agg(jsonb_strip_nulls(jsonb_build_object(
				'fir_number', core.fir_number_text_inline(a.fir_no, a.year),
				'station', (SELECT m FROM stn) -> (a.district_code || ':' || a.station_code),
				'accused_code', a.accused_code, 'arrested_at', core.ist_text_inline(a.arrested_at),
				'court_surrender', a.court_surrender, 'outcome', a.outcome))
			ORDER BY a.arrested_at DESC) FROM arrests a),
		'court_results', (SELECT jsonb_agg(jsonb_strip_nulls(jsonb_build_object(
				'fir_number', core.fir_number_text_inline(r.fir_no, r.year),
				'station', (SELECT m FROM stn) -> (r.district_code || ':' || r.station_code),
				'judgement_date', to_char(r.judgement_date, 'YYYY-MM-DD'), 'court', r.court,
				'result', r.result, 'punishment', r.punishment,
				'period_months', nullif(r.period_months, 0), 'fine_rupees', nullif(r.fine_rupees, 0),
				'appeal_result', r.appeal_result,
				'appeal_decided_on', to_char(r.appeal_decided_on, 'YYYY-MM-DD')))
			ORDER BY r.judgement_date DESC) FROM results r),
		'property_seized', (SELECT jsonb_agg(jsonb_strip_nulls(jsonb_build_object(
				'fir_number', core.fir_number_text_inline(s.fir_no, s.year),
				'station', (SELECT m FROM stn) -> (s.district_code || ':' || s.station_code),
				'seizure_no', s.seizure_no, 'item_no', s.item_no, 'kind', s.kind, 'description', s.description,
				'quantity', s.quantity::text || coalesce(' ' || s.unit, ''), 'identifiers', s.identifiers,
				'value_rupees', s.value_rupees, 'seized_at', core.ist_text_inline(s.seized_at)))
			ORDER BY s.seized_at DESC, s.seizure_no, s.item_no) FROM seized s),
		'associates', (SELECT jsonb_agg(jsonb_strip_nulls(jsonb_build_object(
				'person_id', a.person_id, 'name', ap.name, 'cases_together', a.together,
				'fir_labels', to_jsonb(a.firs)))
			ORDER BY a.together DESC, a.person_id) FROM associates a
			JOIN LATERAL (SELECT x.name FROM core.person x WHERE x.person_id = a.person_id AND x.state_code = state
				LIMIT 1) ap ON true),
		'last_known_addresses', (SELECT jsonb_agg(jsonb_strip_nulls(jsonb_build_object(
				'address', core.address_json(a.l1, a.l2, a.city, a.dc, a.sc, a.pin),
				'as_of', core.ist_text_inline(date_trunc('second', a.at)), 'source', a.source,
				'station', (SELECT m FROM stn) -> (a.di || ':' || a.ps)))
			ORDER BY a.at DESC) FROM addresses a),
		'stations', (SELECT count(DISTINCT (l.district_code, l.station_code)) FROM links l)))
	INTO res;
	RETURN res;
END
$fn$;
COMMENT ON FUNCTION core.dossier_json(int, bigint) IS
	'Dossier JSON of a person of the state: the PersonRecord without its links, the cases (roles, status, sections, MO), arrests, court results with appeals, property seized from them, associates (co-accused, with cases together) and last known addresses, newest first; NULL when there is no such person. Every part is reached from the person''s links by keys, each station read once, plans cached (generic, partitions pruned at run time)';

CREATE FUNCTION api.person_dossier(state int, district int, station int, req jsonb) RETURNS jsonb
LANGUAGE plpgsql STABLE SECURITY DEFINER
SET search_path = pg_catalog, pg_temp
AS $fn$
DECLARE
	pid bigint;
	d jsonb;
BEGIN
	PERFORM core.station_check(state, district, station);
	PERFORM core.q_req(req, 'GetDossier', ARRAY['person_id']);
	pid := core.q_uint(req, 'person_id', 1, 999999999999999999);
	IF pid IS NULL THEN
		PERFORM core.fir_bad('person_id', 'person_id: give the person number, as cctns person show prints it');
	END IF;
	d := core.dossier_json(state, pid);
	IF d IS NULL THEN
		RAISE EXCEPTION USING ERRCODE = 'CT404', COLUMN = 'person_id',
			MESSAGE = format('no person %s in this state''s records', pid);
	END IF;
	RETURN d;
END
$fn$;
COMMENT ON FUNCTION api.person_dossier(int, int, int, jsonb) IS
	'The criminal dossier of a person of the state (any station may read it): Dossier JSON. CT401, CT400 bad person_id, CT404 no such person';

-- ------------------------------------------------------------ vehicle search

-- VehicleMatch JSON (core.vehicle_match_json) of found reports (the rows
-- themselves: not read twice), in the order given, each station read once and numbers and times written by
-- inlined expressions: one cached statement for any search.
CREATE FUNCTION core.vehicle_hits_json(state int, hits core.vehicle_report[], agreed text[]) RETURNS jsonb
LANGUAGE plpgsql STABLE
SET search_path = pg_catalog, pg_temp
SET plan_cache_mode = force_generic_plan
AS $fn$
DECLARE
	res jsonb;
BEGIN
	WITH h AS MATERIALIZED (
		SELECT v.*, agreed[v.ordinality] AS by, v.ordinality AS ord FROM unnest(hits) WITH ORDINALITY v
	), stn AS (
		SELECT core.station_map(state, ARRAY(SELECT h.district_code || ':' || h.station_code FROM h)) AS m
	)
	SELECT coalesce(jsonb_agg(jsonb_strip_nulls(jsonb_build_object(
			'number', core.fir_number_text_inline(h.vr_no, h.year),
			'station', (SELECT m FROM stn) -> (h.district_code || ':' || h.station_code),
			'kind', h.kind,
			'registration_number', h.registration_number,
			'registration_normalised', h.registration_normalised,
			'chassis_number', h.chassis_number,
			'engine_number', h.engine_number,
			'vehicle_type', h.vehicle_type,
			'make', h.make,
			'model', h.model,
			'colour', h.colour,
			'at', core.ist_text_inline(h.at),
			'fir_number', (SELECT core.fir_number_text_inline(f.fir_no, f.year) FROM core.fir f
				WHERE f.state_code = state AND f.year = h.fir_year AND f.fir_id = h.fir_id),
			'registered_at', core.ist_text_inline(date_trunc('second', h.registered_at)),
			'matched_by', jsonb_build_array(h.by))) ORDER BY h.ord), '[]')
	INTO res
	FROM h;
	RETURN res;
END
$fn$;
COMMENT ON FUNCTION core.vehicle_hits_json(int, core.vehicle_report[], text[]) IS
	'VehicleMatch JSON array (as core.vehicle_match_json) of found reports of a state, in the order given, each with what it matched by';

CREATE FUNCTION api.vehicle_search(state int, district int, station int, req jsonb) RETURNS jsonb
LANGUAGE plpgsql STABLE SECURITY DEFINER
SET search_path = pg_catalog, pg_temp
SET plan_cache_mode = force_generic_plan
AS $fn$
DECLARE
	fields constant text[] := ARRAY['number', 'chassis_number', 'engine_number'];
	cols constant text[] := ARRAY['registration', 'chassis', 'engine'];
	given text;
	col text;
	q text;
	pat text;
	whole boolean;
	found core.vehicle_report[];
	agreed text[];
BEGIN
	PERFORM core.station_check(state, district, station);
	PERFORM core.q_req(req, 'SearchVehicles', fields);
	FOR i IN 1 .. 3 LOOP
		IF core.q_text(req, fields[i], 40) IS NOT NULL THEN
			IF given IS NOT NULL THEN
				PERFORM core.fir_bad(fields[i], 'search by one number at a time');
			END IF;
			given := fields[i];
			col := cols[i];
		END IF;
	END LOOP;
	IF given IS NULL THEN
		PERFORM core.fir_bad('number', 'give a registration number (whole or part), chassis_number or engine_number');
	END IF;
	IF core.q_text(req, given, 40) !~ '^[A-Za-z0-9][A-Za-z0-9 ./-]*$' THEN
		PERFORM core.fir_bad(given, given || ': letters, digits, spaces, dashes, dots and slashes only');
	END IF;
	q := core.vehicle_no_normalise(core.q_text(req, given, 40));
	IF length(q) < 3 THEN
		PERFORM core.fir_bad(given, given || ': give at least 3 letters or digits');
	END IF;
	pat := '%' || q || '%';  -- q is letters and digits only: no LIKE wildcards in it
	-- A whole registration number is looked up by equality only (b-tree);
	-- anything else (part of a number, a chassis or engine number) also by
	-- part (trigram). One static statement per column, each a cached plan
	-- on its own index: exact matches first, then newest, at most 100.
	whole := col = 'registration' AND core.vehicle_registration_refusal(q) IS NULL;
	IF whole THEN
		SELECT array_agg(v.r ORDER BY (v.r).registered_at DESC, (v.r).vr_id DESC)
		INTO found
		FROM (SELECT v AS r FROM core.vehicle_report v
			WHERE v.state_code = state AND v.registration_normalised = q
			ORDER BY v.registered_at DESC, v.vr_id DESC LIMIT 100) v;
		agreed := array_fill('registration'::text, ARRAY[coalesce(cardinality(found), 0)]);
	ELSIF col = 'registration' THEN
		SELECT array_agg(v.r ORDER BY v.ex DESC, (v.r).registered_at DESC, (v.r).vr_id DESC),
			array_agg(CASE WHEN v.ex THEN 'registration' ELSE 'registration_part' END
				ORDER BY v.ex DESC, (v.r).registered_at DESC, (v.r).vr_id DESC)
		INTO found, agreed
		FROM (SELECT v AS r, v.registration_normalised = q AS ex
			FROM core.vehicle_report v
			WHERE v.state_code = state AND v.registration_normalised LIKE pat
			ORDER BY v.registration_normalised = q DESC, v.registered_at DESC, v.vr_id DESC LIMIT 100) v;
	ELSIF col = 'chassis' THEN
		SELECT array_agg(v.r ORDER BY v.ex DESC, (v.r).registered_at DESC, (v.r).vr_id DESC),
			array_agg(CASE WHEN v.ex THEN 'chassis' ELSE 'chassis_part' END
				ORDER BY v.ex DESC, (v.r).registered_at DESC, (v.r).vr_id DESC)
		INTO found, agreed
		FROM (SELECT v AS r, v.chassis_normalised = q AS ex
			FROM core.vehicle_report v
			WHERE v.state_code = state AND v.chassis_normalised LIKE pat
			ORDER BY v.chassis_normalised = q DESC, v.registered_at DESC, v.vr_id DESC LIMIT 100) v;
	ELSE
		SELECT array_agg(v.r ORDER BY v.ex DESC, (v.r).registered_at DESC, (v.r).vr_id DESC),
			array_agg(CASE WHEN v.ex THEN 'engine' ELSE 'engine_part' END
				ORDER BY v.ex DESC, (v.r).registered_at DESC, (v.r).vr_id DESC)
		INTO found, agreed
		FROM (SELECT v AS r, v.engine_normalised = q AS ex
			FROM core.vehicle_report v
			WHERE v.state_code = state AND v.engine_normalised LIKE pat
			ORDER BY v.engine_normalised = q DESC, v.registered_at DESC, v.vr_id DESC LIMIT 100) v;
	END IF;
	RETURN jsonb_build_object('searched', q, 'by', col, 'whole', whole,
		'matches', core.vehicle_hits_json(state, coalesce(found, '{}'), coalesce(agreed, '{}')));
END
$fn$;
COMMENT ON FUNCTION api.vehicle_search(int, int, int, jsonb) IS
	'Vehicle reports of every station of the state by one number written any way: a whole registration number by equality of the normalised form, part of one (3 or more letters and digits), a chassis or engine number whole or in part (trigram indexes); VehicleSearchResult JSON, exact matches first then newest, at most 100. CT400 naming the field';

-- ------------------------------------------------------------ property search

CREATE FUNCTION api.property_search(state int, district int, station int, req jsonb) RETURNS jsonb
LANGUAGE plpgsql STABLE SECURITY DEFINER
SET search_path = pg_catalog, pg_temp
AS $fn$
DECLARE
	v_kind text;
	v_number text;
	v_words text[];
	v_register text;
	res jsonb;
BEGIN
	PERFORM core.station_check(state, district, station);
	PERFORM core.q_req(req, 'SearchProperty', ARRAY['kind', 'number', 'words', 'register']);
	v_kind := lower(core.q_text(req, 'kind', 100));
	v_number := core.vehicle_no_normalise(core.q_text(req, 'number', 60));
	v_register := core.q_text(req, 'register', 20);
	IF v_register IS NOT NULL AND v_register NOT IN ('stolen', 'lost', 'seized') THEN
		PERFORM core.fir_bad('register', 'register: stolen, lost or seized (or empty for all)');
	END IF;
	SELECT array_agg(w) INTO v_words
	FROM regexp_split_to_table(lower(coalesce(core.q_text(req, 'words', 200), '')), '[^[:alnum:]]+') w
	WHERE length(w) >= 2;
	IF core.q_text(req, 'number', 60) IS NOT NULL AND coalesce(length(v_number), 0) < 4 THEN
		PERFORM core.fir_bad('number', 'number: give at least 4 letters or digits of the number');
	END IF;
	IF v_number IS NULL AND v_words IS NULL THEN
		PERFORM core.fir_bad('number', 'give an identifying number or description words (and a kind to narrow them)');
	END IF;

	WITH items AS (
		-- By number: the numbers index, whole or the end of one.
		SELECT p.side, p.source, p.state_code, p.record_year, p.record_id, p.item, p.district_code,
			p.station_code, p.fir_id, p.kind, p.label, p.recorded_at, ARRAY['number ' || p.number] AS agreed
		FROM core.property_number p
		WHERE v_number IS NOT NULL AND p.state_code = state
			AND (p.number = v_number OR p.number LIKE '%' || v_number)
		UNION ALL
		-- By words: the descriptions of each register.
		SELECT 'seized', 'seizure_item', i.state_code, i.year, i.fir_id, i.seizure_no * 1000 + i.item_no,
			f.district_code, f.station_code, i.fir_id, i.kind,
			format('FIR %s seizure %s item %s', core.fir_number_text(f.fir_no, f.year), i.seizure_no, i.item_no),
			f.registered_at, ARRAY['words']
		FROM core.seizure_item i JOIN core.fir f USING (state_code, year, fir_id)
		WHERE v_number IS NULL AND i.state_code = state
			AND lower(i.description || ' ' || coalesce(i.identifiers, '')) LIKE ALL
				(SELECT '%' || w || '%' FROM unnest(v_words) w)
		UNION ALL
		SELECT 'lost', 'lost_item', i.state_code, i.year, i.report_id, i.seq, r.district_code, r.station_code,
			NULL, i.kind, format('lost report %s item %s', core.register_no_text(r.report_no, r.year, NULL), i.seq + 1),
			r.registered_at, ARRAY['words']
		FROM core.lost_item i JOIN core.lost_report r USING (state_code, year, report_id)
		WHERE v_number IS NULL AND i.state_code = state
			AND lower(coalesce(i.description, '') || ' ' || coalesce(i.identifier, '')) LIKE ALL
				(SELECT '%' || w || '%' FROM unnest(v_words) w)
		UNION ALL
		SELECT 'stolen', 'fir_property', i.state_code, i.year, i.fir_id, i.seq, f.district_code, f.station_code,
			i.fir_id, i.kind, format('FIR %s property %s', core.fir_number_text(f.fir_no, f.year), i.seq + 1),
			f.registered_at, ARRAY['words']
		FROM core.fir_property i JOIN core.fir f USING (state_code, year, fir_id)
		WHERE v_number IS NULL AND i.state_code = state
			AND lower(coalesce(i.description, '')) LIKE ALL (SELECT '%' || w || '%' FROM unnest(v_words) w)
	), found AS (
		SELECT * FROM items it
		WHERE (v_kind IS NULL OR lower(it.kind) LIKE '%' || v_kind || '%')
			AND (v_register IS NULL OR it.side = v_register)
		ORDER BY it.recorded_at DESC
		LIMIT 100
	)
	SELECT coalesce(jsonb_agg(jsonb_strip_nulls(jsonb_build_object(
			'register', x.side, 'station', core.station_identity_json(x.state_code, x.district_code, x.station_code),
			'record', x.label,
			'fir_number', (SELECT core.fir_number_text(f.fir_no, f.year) FROM core.fir f
				WHERE f.fir_id = x.fir_id AND f.state_code = x.state_code AND f.year = x.record_year),
			'kind', x.kind, 'description', d.description, 'identifiers', d.identifiers,
			'at', core.ist_text(date_trunc('second', x.recorded_at)), 'matched_by', to_jsonb(x.agreed)))
			ORDER BY x.recorded_at DESC), '[]')
	INTO res
	FROM found x
	LEFT JOIN LATERAL (
		SELECT i.description, i.identifiers FROM core.seizure_item i
		WHERE x.source = 'seizure_item' AND i.state_code = x.state_code AND i.year = x.record_year
			AND i.fir_id = x.record_id AND i.seizure_no = x.item / 1000 AND i.item_no = x.item % 1000
		UNION ALL
		SELECT i.description, i.identifier FROM core.lost_item i
		WHERE x.source = 'lost_item' AND i.state_code = x.state_code AND i.year = x.record_year
			AND i.report_id = x.record_id AND i.seq = x.item
		UNION ALL
		SELECT i.description, NULL FROM core.fir_property i
		WHERE x.source = 'fir_property' AND i.state_code = x.state_code AND i.year = x.record_year
			AND i.fir_id = x.record_id AND i.seq = x.item
		UNION ALL
		SELECT i.description, NULL FROM core.crime_details_property i
		WHERE x.source = 'crime_details_property' AND i.state_code = x.state_code AND i.year = x.record_year
			AND i.fir_id = x.record_id AND i.seq = x.item
		LIMIT 1
	) d ON true;
	RETURN jsonb_build_object('hits', res);
END
$fn$;
COMMENT ON FUNCTION api.property_search(int, int, int, jsonb) IS
	'Stolen (FIR property, crime details property), lost and seized property of every station of the state by identifying number (whole or its end, core.property_number), or by description words (all of them), narrowed by kind and register; PropertySearchResult JSON, newest first, at most 100. CT400 naming the field';

-- ------------------------------------------------------------ MO search

CREATE FUNCTION api.mo_search(state int, district int, station int, req jsonb) RETURNS jsonb
LANGUAGE plpgsql STABLE SECURITY DEFINER
SET search_path = pg_catalog, pg_temp
AS $fn$
DECLARE
	v_major text;
	v_minor text;
	v_place text;
	v_words text[];
	v_hours text;
	h_from int;
	h_to int;
	v_district int;
	v_station int;
	v_from date;
	v_to date;
	res jsonb;
BEGIN
	PERFORM core.station_check(state, district, station);
	PERFORM core.q_req(req, 'SearchMo', ARRAY['major', 'minor', 'methods', 'place_type', 'hours', 'district_code',
		'station_code', 'from', 'to']);
	v_major := core.q_text(req, 'major', 60);
	v_minor := core.q_text(req, 'minor', 60);
	v_place := core.q_text(req, 'place_type', 60);
	v_hours := core.q_text(req, 'hours', 10);
	v_district := core.q_uint(req, 'district_code', 1, 99999);
	v_station := core.q_uint(req, 'station_code', 1, 99999999);
	SELECT array_agg(w) INTO v_words
	FROM regexp_split_to_table(lower(coalesce(core.q_text(req, 'methods', 200), '')), '[^[:alnum:]]+') w
	WHERE length(w) >= 3;
	IF v_major IS NOT NULL AND NOT EXISTS (SELECT 1 FROM ref.mo_head h WHERE h.major = v_major) THEN
		PERFORM core.fir_bad('major', format('major: "%s" is not an MO major head (cctns lookup mo WORDS finds heads)', v_major));
	END IF;
	IF v_minor IS NOT NULL AND (v_major IS NULL
		OR NOT EXISTS (SELECT 1 FROM ref.mo_head h WHERE h.major = v_major AND h.minor = v_minor)) THEN
		PERFORM core.fir_bad('minor', format('minor: "%s" is not a minor head of %s', v_minor, coalesce(v_major, 'the major head (give one)')));
	END IF;
	IF v_place IS NOT NULL AND NOT EXISTS (SELECT 1 FROM ref.place_type t WHERE t.code = v_place) THEN
		PERFORM core.fir_bad('place_type', format('place_type: "%s" is not a place type', v_place));
	END IF;
	IF v_hours IS NOT NULL THEN
		IF v_hours !~ '^[0-9]{1,2}-[0-9]{1,2}$' OR split_part(v_hours, '-', 1)::int > 23
			OR split_part(v_hours, '-', 2)::int > 23 THEN
			PERFORM core.fir_bad('hours', 'hours: write the hours of the day as FROM-TO in IST, 0 to 23, e.g. 22-4');
		END IF;
		h_from := split_part(v_hours, '-', 1)::int;
		h_to := split_part(v_hours, '-', 2)::int;
	END IF;
	BEGIN
		v_from := nullif(core.q_text(req, 'from', 10), '')::date;
	EXCEPTION WHEN invalid_datetime_format OR datetime_field_overflow THEN
		PERFORM core.fir_bad('from', 'from: a date YYYY-MM-DD');
	END;
	BEGIN
		v_to := nullif(core.q_text(req, 'to', 10), '')::date;
	EXCEPTION WHEN invalid_datetime_format OR datetime_field_overflow THEN
		PERFORM core.fir_bad('to', 'to: a date YYYY-MM-DD');
	END;
	IF v_from > v_to THEN
		PERFORM core.fir_bad('to', 'to: before from');
	END IF;
	IF v_station IS NOT NULL AND v_district IS NULL THEN
		PERFORM core.fir_bad('district_code', 'district_code: a station is named within its district');
	END IF;
	IF v_major IS NULL AND v_words IS NULL THEN
		PERFORM core.fir_bad('major', 'give an MO major head or method words to search by');
	END IF;

	WITH latest AS (
		SELECT DISTINCT ON (d.state_code, d.year, d.fir_id) d.*
		FROM core.crime_details d
		WHERE d.state_code = state
			AND (v_major IS NULL OR d.mo_major = v_major)
			AND (v_district IS NULL OR d.district_code = v_district)
			AND (v_station IS NULL OR d.station_code = v_station)
		ORDER BY d.state_code, d.year, d.fir_id, d.version DESC
	), hits AS (
		SELECT l.*, f.fir_no, f.occurred_from
		FROM latest l
		JOIN core.fir f ON f.state_code = l.state_code AND f.year = l.year AND f.fir_id = l.fir_id
		WHERE (v_minor IS NULL OR l.mo_minor = v_minor)
			AND (v_place IS NULL OR l.place_type = v_place)
			AND (v_words IS NULL OR lower(concat_ws(' ', array_to_string(l.mo_methods, ' '),
				array_to_string(l.mo_special_features, ' '), l.mo_conveyance_used, l.mo_character_assumed,
				l.mo_language_or_slang)) LIKE ALL (SELECT '%' || w || '%' FROM unnest(v_words) w))
			AND (v_from IS NULL OR f.occurred_from >= v_from::timestamp AT TIME ZONE 'Asia/Kolkata')
			AND (v_to IS NULL OR f.occurred_from < (v_to + 1)::timestamp AT TIME ZONE 'Asia/Kolkata')
			AND (h_from IS NULL OR CASE WHEN h_from <= h_to
				THEN extract(hour FROM f.occurred_from AT TIME ZONE 'Asia/Kolkata') BETWEEN h_from AND h_to
				ELSE extract(hour FROM f.occurred_from AT TIME ZONE 'Asia/Kolkata') >= h_from
					OR extract(hour FROM f.occurred_from AT TIME ZONE 'Asia/Kolkata') <= h_to END)
		ORDER BY f.occurred_from DESC
		LIMIT 200
	)
	SELECT coalesce(jsonb_agg(jsonb_strip_nulls(jsonb_build_object(
			'fir_number', core.fir_number_text(h.fir_no, h.year),
			'station', core.station_identity_json(h.state_code, h.district_code, h.station_code),
			'occurred_from', core.ist_text(h.occurred_from),
			'major', h.mo_major, 'minor', h.mo_minor, 'methods', nullif(to_jsonb(h.mo_methods), '[]'),
			'place_type', h.place_type,
			'accused', (SELECT jsonb_agg(jsonb_build_object('person_id', a.person_id, 'name', a.name,
					'roles', to_jsonb(a.roles)) ORDER BY a.person_id)
				FROM (SELECT o.person_id, (SELECT x.name FROM core.person x WHERE x.person_id = o.person_id
						AND x.state_code = o.state_code AND x.year = o.year) AS name,
						array_agg(DISTINCT o.role::text ORDER BY o.role::text) AS roles
					FROM core.person_link o
					WHERE o.fir_id = h.fir_id AND o.state_code = h.state_code
						AND o.role IN ('accused', 'suspect', 'arrested')
					GROUP BY o.person_id, o.state_code, o.year) a)))
			ORDER BY h.occurred_from DESC), '[]')
	INTO res
	FROM hits h;
	RETURN jsonb_build_object('cases', res);
END
$fn$;
COMMENT ON FUNCTION api.mo_search(int, int, int, jsonb) IS
	'FIRs of the state whose latest crime details have the MO major (and minor) head, all the method words (in methods, special features, conveyance, character assumed, language), the place type, an hour of occurrence in the window FROM-TO (IST, wrapping midnight), the district / station and the period asked for, with their accused, suspects and arrested: MoSearchResult JSON, newest first, at most 200. CT400 naming the field';

-- ------------------------------------------------------------ alerts api

CREATE FUNCTION core.alert_json(a core.match_alert, district int, station int) RETURNS jsonb
LANGUAGE sql STABLE
SET search_path = pg_catalog, pg_temp
AS $fn$
	SELECT jsonb_strip_nulls(jsonb_build_object(
		'alert_id', a.alert_id, 'kind', a.kind, 'raised_at', core.ist_text(date_trunc('second', a.raised_at)),
		'station', core.station_identity_json(a.state_code, a.district_code, a.station_code),
		'record', a.record_label,
		'other_station', core.station_identity_json(a.state_code, a.other_district_code, a.other_station_code),
		'other_record', a.other_record_label,
		'person_id', a.person_id, 'matched_by', to_jsonb(a.matched_by), 'summary', a.summary,
		'acknowledged_at', core.ist_text(date_trunc('second', CASE
			WHEN (a.district_code, a.station_code) = (district, station) THEN a.acked_at
			ELSE a.other_acked_at END))))
$fn$;
COMMENT ON FUNCTION core.alert_json(core.match_alert, int, int) IS
	'MatchAlert JSON of an alert as one of its stations sees it (acknowledged_at: by that station)';

CREATE FUNCTION api.list_alerts(state int, district int, station int, req jsonb) RETURNS jsonb
LANGUAGE plpgsql STABLE SECURITY DEFINER
SET search_path = pg_catalog, pg_temp
AS $fn$
DECLARE
	v_all boolean;
BEGIN
	PERFORM core.station_check(state, district, station);
	PERFORM core.q_req(coalesce(req, '{}'), 'ListAlerts', ARRAY['all']);
	IF jsonb_typeof(req -> 'all') NOT IN ('boolean', 'null') THEN
		PERFORM core.fir_bad('all', 'all: true or false');
	END IF;
	v_all := coalesce((req ->> 'all')::boolean, false);
	RETURN jsonb_build_object('alerts', coalesce((
		SELECT jsonb_agg(core.alert_json(a, district, station) ORDER BY a.alert_id DESC)
		FROM (SELECT * FROM (
				SELECT * FROM core.match_alert x
				WHERE x.state_code = state AND x.district_code = district AND x.station_code = station
					AND (v_all OR x.acked_at IS NULL)
				UNION
				SELECT * FROM core.match_alert x
				WHERE x.state_code = state AND x.other_district_code = district AND x.other_station_code = station
					AND (v_all OR x.other_acked_at IS NULL)) u
			ORDER BY u.alert_id DESC LIMIT 500) a), '[]'));
END
$fn$;
COMMENT ON FUNCTION api.list_alerts(int, int, int, jsonb) IS
	'Match alerts of the calling station (either side): not yet acknowledged by it, or with {"all": true} every one; AlertList JSON, newest first, at most 500';

CREATE FUNCTION api.ack_alert(state int, district int, station int, req jsonb) RETURNS jsonb
LANGUAGE plpgsql SECURITY DEFINER
SET search_path = pg_catalog, pg_temp
AS $fn$
DECLARE
	id bigint;
	a core.match_alert;
BEGIN
	PERFORM core.station_check(state, district, station);
	PERFORM core.q_req(req, 'AckAlert', ARRAY['alert_id']);
	id := core.q_uint(req, 'alert_id', 1, 999999999999999999);
	IF id IS NULL THEN
		PERFORM core.fir_bad('alert_id', 'alert_id: give the alert number, as cctns alerts list prints it');
	END IF;
	-- Acknowledging twice keeps the first time.
	UPDATE core.match_alert x SET
		acked_at = CASE WHEN (x.district_code, x.station_code) = (district, station)
			THEN coalesce(x.acked_at, now()) ELSE x.acked_at END,
		other_acked_at = CASE WHEN (x.other_district_code, x.other_station_code) = (district, station)
			THEN coalesce(x.other_acked_at, now()) ELSE x.other_acked_at END
	WHERE x.alert_id = id AND x.state_code = state
		AND ((x.district_code, x.station_code) = (district, station)
			OR (x.other_district_code, x.other_station_code) = (district, station))
	RETURNING * INTO a;
	IF NOT FOUND THEN
		RAISE EXCEPTION USING ERRCODE = 'CT404', COLUMN = 'alert_id',
			MESSAGE = format('no alert %s for this station', id);
	END IF;
	RETURN core.alert_json(a, district, station);
END
$fn$;
COMMENT ON FUNCTION api.ack_alert(int, int, int, jsonb) IS
	'Acknowledge a match alert for the calling station (one of its two stations; again: no change): MatchAlert JSON. CT400 bad alert_id, CT404 not an alert of this station';

-- ------------------------------------------------------------ access

REVOKE ALL ON ALL FUNCTIONS IN SCHEMA api FROM PUBLIC;
REVOKE ALL ON ALL FUNCTIONS IN SCHEMA core FROM PUBLIC;
GRANT EXECUTE ON FUNCTION api.person_dossier(int, int, int, jsonb),
	api.vehicle_search(int, int, int, jsonb),
	api.property_search(int, int, int, jsonb),
	api.mo_search(int, int, int, jsonb),
	api.list_alerts(int, int, int, jsonb),
	api.ack_alert(int, int, int, jsonb)
	TO cctns_server;
