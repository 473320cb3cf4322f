-- 0015_missing_udb_vehicle.sql: three registers every station keeps besides
-- its FIRs (issue 3, item 9): missing persons, unidentified dead bodies and
-- unnatural deaths (UD), stolen and recovered vehicles.
--
-- api.register_missing_person(state, district, station, idem bytea, report jsonb)
--     -> (receipt jsonb MissingPersonReceipt, replayed)        CT401 CT400 CT409
-- api.mark_missing_traced(state, district, station, idem bytea, number text, req jsonb)
--     -> (receipt jsonb MissingTracedReceipt, replayed)        CT401 CT400 CT404 CT409
-- api.get_missing_person(state, district, station, number text) -> jsonb MissingPerson
-- api.register_unnatural_death(state, district, station, idem bytea, report jsonb)
--     -> (receipt jsonb UnnaturalDeathReceipt, replayed)       CT401 CT400 CT409
-- api.identify_body(state, district, station, idem bytea, ud_number text, req jsonb)
--     -> (receipt jsonb BodyIdentifiedReceipt, replayed)       CT401 CT400 CT404 CT409
-- api.get_unnatural_death(state, district, station, ud_number text) -> jsonb UnnaturalDeath
-- api.report_vehicle(state, district, station, idem bytea, report jsonb)
--     -> (receipt jsonb VehicleReceipt, replayed)              CT401 CT400 CT409
-- api.find_vehicle(state, district, station, registration_number text,
--     chassis_number text, engine_number text) -> jsonb VehicleMatches (the whole state)
-- api.get_vehicle_report(state, district, station, number text) -> jsonb VehicleRecord
--
-- Each record is numbered per station per year (core.next_record_no:
-- registers missing_person, unnatural_death, vehicle), has its General
-- Diary entry written by the server (core.gd_write, kinds missing_person,
-- unidentified_body, vehicle; no personal data), links its persons
-- (core.link_person) and, when it names an FIR of the station, adds a
-- timeline event to that case (missing_person, unnatural_death). A station
-- reads and writes only its own records; find_vehicle alone searches the
-- state, and shows no owner.
--
-- The rule found broken in the field: a missing child (under 18 when
-- missing) always results in an FIR. The api refuses a child's report
-- without an FIR of the station, and the table cannot hold one
-- (missing_child_has_fir over the generated is_child).

-- ------------------------------------------------------------ vehicle numbers (ref)

CREATE TABLE ref.vehicle_state_code (
	code text PRIMARY KEY CHECK (code ~ '^[A-Z]{2}$'),
	name text NOT NULL CHECK (name <> '')
);
COMMENT ON TABLE ref.vehicle_state_code IS
	'State and union territory letters that begin an Indian registration number (Central Motor Vehicles Rules; old codes kept for old numbers)';
COMMENT ON COLUMN ref.vehicle_state_code.code IS 'The two letters, e.g. UP';
COMMENT ON COLUMN ref.vehicle_state_code.name IS 'State or union territory they stand for';

INSERT INTO ref.vehicle_state_code (code, name) VALUES
	('AN', 'Andaman and Nicobar Islands'), ('AP', 'Andhra Pradesh'), ('AR', 'Arunachal Pradesh'),
	('AS', 'Assam'), ('BR', 'Bihar'), ('CG', 'Chhattisgarh'), ('CH', 'Chandigarh'),
	('DD', 'Daman and Diu'), ('DL', 'Delhi'), ('DN', 'Dadra and Nagar Haveli'), ('GA', 'Goa'),
	('GJ', 'Gujarat'), ('HP', 'Himachal Pradesh'), ('HR', 'Haryana'), ('JH', 'Jharkhand'),
	('JK', 'Jammu and Kashmir'), ('KA', 'Karnataka'), ('KL', 'Kerala'), ('LA', 'Ladakh'),
	('LD', 'Lakshadweep'), ('MH', 'Maharashtra'), ('ML', 'Meghalaya'), ('MN', 'Manipur'),
	('MP', 'Madhya Pradesh'), ('MZ', 'Mizoram'), ('NL', 'Nagaland'), ('OD', 'Odisha'),
	('OR', 'Odisha (old code)'), ('PB', 'Punjab'), ('PY', 'Puducherry'), ('RJ', 'Rajasthan'),
	('SK', 'Sikkim'), ('TN', 'Tamil Nadu'), ('TR', 'Tripura'), ('TS', 'Telangana'),
	('TG', 'Telangana (since 2024)'), ('UK', 'Uttarakhand'), ('UA', 'Uttarakhand (old code)'),
	('UP', 'Uttar Pradesh'), ('WB', 'West Bengal');

CREATE TABLE ref.vehicle_registration_format (
	format text PRIMARY KEY CHECK (format ~ '^[a-z_]+$'),
	pattern text NOT NULL CHECK (pattern ~ '^\^.*\$$'),
	state_prefix boolean NOT NULL,
	example text NOT NULL,
	description text NOT NULL
);
COMMENT ON TABLE ref.vehicle_registration_format IS
	'Shapes of an Indian registration number, normalised (upper case, no spaces, dashes or dots). A number is accepted when it matches one; a state may add rows. Loose on purpose: it refuses garbage, not every impossible number';
COMMENT ON COLUMN ref.vehicle_registration_format.format IS 'Short name of the shape';
COMMENT ON COLUMN ref.vehicle_registration_format.pattern IS 'Regular expression over the normalised number, anchored';
COMMENT ON COLUMN ref.vehicle_registration_format.state_prefix IS 'The first two letters must be a code of ref.vehicle_state_code';
COMMENT ON COLUMN ref.vehicle_registration_format.example IS 'An example as written on a plate';
COMMENT ON COLUMN ref.vehicle_registration_format.description IS 'What the shape is';

INSERT INTO ref.vehicle_registration_format (format, pattern, state_prefix, example, description) VALUES
	('state_series', '^[A-Z]{2}[0-9]{1,2}[A-Z]{0,3}[0-9]{1,4}$', true, 'UP 32 AB 1234',
		'state code, RTO district number, series letters, number (since 1989)'),
	('bharat_series', '^[0-9]{2}BH[0-9]{4}[A-Z]{1,2}$', false, '22 BH 1234 AA',
		'BH (Bharat) series: year, BH, number, letters (since 2021)'),
	('old_series', '^[A-Z]{3}[0-9]{1,4}$', false, 'DLK 1234',
		'three-letter series and number (before 1989)'),
	('temporary', '^T[0-9]{4}[A-Z]{2}[0-9]{4}[A-Z]{1,2}$', false, 'T 0126 UP 1234 AB',
		'temporary registration: T, month and year, state code, number, letters'),
	('diplomatic', '^[0-9]{1,3}(CD|CC|UN)[0-9]{1,4}$', false, '77 CD 12',
		'diplomatic, consular and United Nations vehicles');

GRANT SELECT ON ref.vehicle_state_code, ref.vehicle_registration_format TO cctns_analyst;

-- The normalised form of a vehicle number as written: upper case, letters
-- and digits only ("UP 32 AB 1234", "up32ab1234", "UP-32-AB-1234" and
-- "U.P. 32 AB 1234" are one number). NULL for NULL or nothing left.
CREATE FUNCTION core.vehicle_no_normalise(written text) RETURNS text
LANGUAGE sql IMMUTABLE PARALLEL SAFE
SET search_path = pg_catalog, pg_temp
AS $fn$
	SELECT nullif(upper(regexp_replace(written, '[^A-Za-z0-9]', '', 'g')), '')
$fn$;
COMMENT ON FUNCTION core.vehicle_no_normalise(text) IS
	'A registration, chassis or engine number without spaces, dashes, dots or slashes, in upper case: how numbers are stored for search and compared';

-- Why a registration number as written may not be stored: NULL when it may.
CREATE FUNCTION core.vehicle_registration_refusal(written text) RETURNS text
LANGUAGE sql STABLE
SET search_path = pg_catalog, pg_temp
AS $fn$
	SELECT CASE
		WHEN written IS NULL THEN NULL
		WHEN written !~ '^[A-Za-z0-9][A-Za-z0-9 .-]*$' THEN
			'has characters other than letters, digits, spaces, dashes and dots'
		WHEN NOT EXISTS (SELECT 1 FROM ref.vehicle_registration_format f
			WHERE core.vehicle_no_normalise(written) ~ f.pattern
				AND (NOT f.state_prefix OR EXISTS (SELECT 1 FROM ref.vehicle_state_code s
					WHERE s.code = left(core.vehicle_no_normalise(written), 2)))) THEN
			'is not an Indian registration number, such as '
				|| (SELECT string_agg(f.example, ', ' ORDER BY f.format <> 'state_series', f.format)
					FROM ref.vehicle_registration_format f)
	END
$fn$;
COMMENT ON FUNCTION core.vehicle_registration_refusal(text) IS
	'Why a registration number as written is refused (bad characters, or no shape of ref.vehicle_registration_format, the state code checked); NULL when it is accepted';

-- ------------------------------------------------------------ shared rules

-- Under 18 on the day (IST) of missing_since: by the date of birth; else by
-- the year of birth, counting as a child anyone who may not yet be 18 that
-- day (the year's difference is 18 or less: the benefit of the doubt goes
-- to the child); else by the stated age. Unknown: not a child. person is a
-- Person JSON. Used by the generated column core.missing_person.is_child.
CREATE FUNCTION core.missing_is_child(person jsonb, age_years int, missing_since timestamptz) RETURNS boolean
LANGUAGE sql IMMUTABLE
SET search_path = pg_catalog, pg_temp
AS $fn$
	SELECT CASE
		WHEN person ->> 'date_of_birth' ~ '^[0-9]{4}-[0-9]{2}-[0-9]{2}$' THEN
			(missing_since AT TIME ZONE 'Asia/Kolkata')::date
				< make_date(substr(person ->> 'date_of_birth', 1, 4)::int,
					substr(person ->> 'date_of_birth', 6, 2)::int,
					substr(person ->> 'date_of_birth', 9, 2)::int) + interval '18 years'
		WHEN person ->> 'year_of_birth' ~ '^[0-9]{4}$' THEN
			extract(year FROM missing_since AT TIME ZONE 'Asia/Kolkata')
				- (person ->> 'year_of_birth')::int <= 18
		WHEN age_years IS NOT NULL THEN age_years < 18
		ELSE false
	END
$fn$;
COMMENT ON FUNCTION core.missing_is_child(jsonb, int, timestamptz) IS
	'Was the person under 18 on the IST day of missing_since: by date of birth; by year of birth when they may not yet have been 18 (benefit of the doubt); by stated age; false when nothing is known';

-- A stored register entry does not change, except that the columns whose
-- names begin with TG_ARGV[0] (the tracing or identification, recorded
-- later) may be set once, while TG_ARGV[0] || 'at' is still NULL. No
-- argument: no change at all. For every writer, the owner included.
CREATE FUNCTION core.register_entry_guard() RETURNS trigger
LANGUAGE plpgsql
SET search_path = pg_catalog, pg_temp
AS $fn$
DECLARE
	later text := coalesce(TG_ARGV[0], '');
	-- Generated columns are not computed yet in NEW of a BEFORE trigger.
	generated text[] := ARRAY(SELECT a.attname::text FROM pg_catalog.pg_attribute a
		WHERE a.attrelid = TG_RELID AND a.attgenerated <> '' AND NOT a.attisdropped);
	o jsonb := to_jsonb(OLD) - generated;
	n jsonb := to_jsonb(NEW) - generated;
BEGIN
	IF later = '' OR o ->> (later || 'at') IS NOT NULL
		OR (SELECT jsonb_object_agg(k, v) FROM jsonb_each(n) e(k, v) WHERE k NOT LIKE later || '%')
			IS DISTINCT FROM (SELECT jsonb_object_agg(k, v) FROM jsonb_each(o) e(k, v) WHERE k NOT LIKE later || '%') THEN
		RAISE EXCEPTION USING ERRCODE = 'CT409',
			MESSAGE = format('core.%s: a registered entry does not change%s', TG_TABLE_NAME,
				CASE WHEN later <> '' THEN format('; its %s columns are recorded once', rtrim(later, '_')) ELSE '' END);
	END IF;
	RETURN NEW;
END
$fn$;
COMMENT ON FUNCTION core.register_entry_guard() IS
	'Trigger: refuse (CT409) any UPDATE of a register entry except setting, once, the columns named with the prefix given as the trigger''s argument (traced_, identified_)';

-- A register entry names only an FIR of its own station.
CREATE FUNCTION core.register_fir_guard() RETURNS trigger
LANGUAGE plpgsql
SET search_path = pg_catalog, pg_temp
AS $fn$
DECLARE
	f record;
BEGIN
	IF NEW.fir_id IS NULL THEN
		RETURN NEW;
	END IF;
	SELECT x.district_code, x.station_code INTO f FROM core.fir x
	WHERE x.state_code = NEW.state_code AND x.year = NEW.fir_year AND x.fir_id = NEW.fir_id;
	IF FOUND AND (f.district_code <> NEW.district_code OR f.station_code <> NEW.station_code) THEN
		RAISE EXCEPTION USING ERRCODE = 'CT400', COLUMN = 'fir_number',
			MESSAGE = format('core.%s: an entry of a station''s register names only an FIR of that station', TG_TABLE_NAME);
	END IF;
	RETURN NEW;
END
$fn$;
COMMENT ON FUNCTION core.register_fir_guard() IS
	'Trigger: refuse (CT400 fir_number) a register entry naming an FIR of another station';

-- ------------------------------------------------------------ core.missing_person

CREATE SEQUENCE core.missing_person_id_seq;
COMMENT ON SEQUENCE core.missing_person_id_seq IS 'Missing person report ids, unique in the state database (core.person_link.record_id)';

CREATE TABLE core.missing_person (
	state_code int NOT NULL,
	year smallint NOT NULL,
	mp_id bigint NOT NULL,
	district_code int NOT NULL,
	station_code int NOT NULL,
	mp_no int NOT NULL CHECK (mp_no > 0),
	registered_at timestamptz NOT NULL DEFAULT now(),
	gd_date date NOT NULL,
	gd_no int NOT NULL,
	gd_year smallint GENERATED ALWAYS AS (extract(year FROM gd_date)::smallint) STORED,
	idempotency_key bytea NOT NULL CHECK (length(idempotency_key) = 16),
	content_sha256 bytea NOT NULL CHECK (length(content_sha256) = 32),
	person jsonb NOT NULL CHECK (jsonb_typeof(person) = 'object' AND person ->> 'name' <> ''),
	person_id bigint NOT NULL,
	age_years smallint CHECK (age_years BETWEEN 0 AND 120),
	descriptive_roll jsonb CHECK (jsonb_typeof(descriptive_roll) = 'object'
		AND ((descriptive_roll ->> 'height_cm')::int BETWEEN 30 AND 250) IS NOT FALSE),
	missing_since timestamptz NOT NULL,
	last_seen_place jsonb CHECK (jsonb_typeof(last_seen_place) = 'object'),
	circumstances text CHECK (octet_length(circumstances) <= 4000),
	clothing text CHECK (octet_length(clothing) <= 3000),
	reported_at timestamptz NOT NULL,
	informant jsonb NOT NULL CHECK (jsonb_typeof(informant) = 'object' AND informant ->> 'name' <> ''),
	informant_id bigint NOT NULL,
	relation_to_missing text CHECK (octet_length(relation_to_missing) <= 300),
	fir_year smallint,
	fir_id bigint,
	officer_number text NOT NULL CHECK (officer_number <> ''),
	officer_name text NOT NULL CHECK (officer_name <> ''),
	officer_rank text NOT NULL CHECK (officer_rank <> ''),
	is_child boolean NOT NULL GENERATED ALWAYS AS (core.missing_is_child(person, age_years, missing_since)) STORED,
	traced_at timestamptz,
	traced_how text CHECK (traced_how IN ('returned_home', 'found_by_police', 'found_dead', 'other')),
	traced_place jsonb CHECK (jsonb_typeof(traced_place) = 'object'),
	traced_officer_number text CHECK (traced_officer_number <> ''),
	traced_officer_name text CHECK (traced_officer_name <> ''),
	traced_officer_rank text CHECK (traced_officer_rank <> ''),
	traced_recorded_at timestamptz,
	traced_gd_date date,
	traced_gd_no int,
	traced_gd_year smallint GENERATED ALWAYS AS (extract(year FROM traced_gd_date)::smallint) STORED,
	PRIMARY KEY (mp_id, state_code, year),
	UNIQUE (district_code, station_code, mp_no, state_code, year),
	FOREIGN KEY (state_code, district_code, station_code)
		REFERENCES ref.station (state_code, district_code, station_code),
	FOREIGN KEY (district_code, station_code, gd_date, gd_no, state_code, gd_year)
		REFERENCES core.gd_entry (district_code, station_code, gd_date, gd_no, state_code, year),
	FOREIGN KEY (district_code, station_code, traced_gd_date, traced_gd_no, state_code, traced_gd_year)
		REFERENCES core.gd_entry (district_code, station_code, gd_date, gd_no, state_code, year),
	FOREIGN KEY (state_code, fir_year, fir_id) REFERENCES core.fir (state_code, year, fir_id),
	CONSTRAINT missing_child_has_fir CHECK (NOT is_child OR (fir_year IS NOT NULL AND fir_id IS NOT NULL)),
	CONSTRAINT missing_fir_complete CHECK ((fir_year IS NULL) = (fir_id IS NULL)),
	CONSTRAINT missing_year CHECK (year = extract(year FROM registered_at AT TIME ZONE 'Asia/Kolkata')),
	CONSTRAINT missing_times_in_order CHECK (missing_since <= reported_at AND reported_at <= registered_at),
	CONSTRAINT missing_traced_complete CHECK (num_nulls(traced_at, traced_how, traced_officer_number,
		traced_officer_name, traced_officer_rank, traced_recorded_at, traced_gd_date, traced_gd_no) IN (0, 8)),
	CONSTRAINT missing_traced_in_order CHECK (traced_at >= missing_since AND traced_at <= traced_recorded_at)
) PARTITION BY LIST (state_code);

COMMENT ON TABLE core.missing_person IS
	'Missing persons register: one report per missing person, numbered per station per year, with its General Diary entry (kind missing_person) and, once found, its tracing. A missing child (is_child) always has an FIR of the station (missing_child_has_fir). Personal data: never log it. Partitioned LIST (state_code), RANGE (year of registration)';
COMMENT ON COLUMN core.missing_person.state_code IS 'Partition key: state of the station';
COMMENT ON COLUMN core.missing_person.year IS 'Partition key: year (IST) of registration, the year of the number';
COMMENT ON COLUMN core.missing_person.mp_id IS 'Report id in the state database (core.missing_person_id_seq), the record_id of its person links';
COMMENT ON COLUMN core.missing_person.district_code IS 'District of the station';
COMMENT ON COLUMN core.missing_person.station_code IS 'The station whose register it is';
COMMENT ON COLUMN core.missing_person.mp_no IS 'Number in the station''s register for the year (core.next_record_no(''missing_person'', ...)): 0003/2026';
COMMENT ON COLUMN core.missing_person.registered_at IS 'When the report was registered (transaction time)';
COMMENT ON COLUMN core.missing_person.gd_date IS 'Day of the report''s General Diary entry';
COMMENT ON COLUMN core.missing_person.gd_no IS 'Number of the report''s General Diary entry that day';
COMMENT ON COLUMN core.missing_person.gd_year IS 'Generated: year of gd_date (foreign key to the entry''s partition)';
COMMENT ON COLUMN core.missing_person.idempotency_key IS '16-byte key the terminal made for this registration (see core.idempotency)';
COMMENT ON COLUMN core.missing_person.content_sha256 IS 'SHA-256 of the MissingPersonReport JSON as received';
COMMENT ON COLUMN core.missing_person.person IS 'The missing person as reported (Person JSON without person_id; filled from the persons record when the report named one by person_id)';
COMMENT ON COLUMN core.missing_person.person_id IS 'The missing person in core.person (link role missing)';
COMMENT ON COLUMN core.missing_person.age_years IS 'Stated age (0..120) when the date and year of birth are not known';
COMMENT ON COLUMN core.missing_person.descriptive_roll IS 'DescriptiveRoll JSON: height (30..250 cm), build, complexion, marks, ...';
COMMENT ON COLUMN core.missing_person.missing_since IS 'When last seen; not after reported_at';
COMMENT ON COLUMN core.missing_person.last_seen_place IS 'Place JSON: where last seen';
COMMENT ON COLUMN core.missing_person.circumstances IS 'How they went missing';
COMMENT ON COLUMN core.missing_person.clothing IS 'What they wore';
COMMENT ON COLUMN core.missing_person.reported_at IS 'When the informant reported; not after registration';
COMMENT ON COLUMN core.missing_person.informant IS 'The informant as reported (Person JSON without person_id)';
COMMENT ON COLUMN core.missing_person.informant_id IS 'The informant in core.person (link role informant)';
COMMENT ON COLUMN core.missing_person.relation_to_missing IS 'What the informant is to the missing person';
COMMENT ON COLUMN core.missing_person.fir_year IS 'The FIR registered for it (of the same station): its year';
COMMENT ON COLUMN core.missing_person.fir_id IS 'The FIR registered for it: core.fir.fir_id';
COMMENT ON COLUMN core.missing_person.officer_number IS 'Recording officer: belt or service number';
COMMENT ON COLUMN core.missing_person.officer_name IS 'Recording officer: name';
COMMENT ON COLUMN core.missing_person.officer_rank IS 'Recording officer: rank';
COMMENT ON COLUMN core.missing_person.is_child IS 'Generated: under 18 when missing (core.missing_is_child); then fir_id is required';
COMMENT ON COLUMN core.missing_person.traced_at IS 'When found; not before missing_since, not after traced_recorded_at; set once';
COMMENT ON COLUMN core.missing_person.traced_how IS 'returned_home, found_by_police, found_dead, other';
COMMENT ON COLUMN core.missing_person.traced_place IS 'Place JSON: where found';
COMMENT ON COLUMN core.missing_person.traced_officer_number IS 'Officer who recorded the tracing: number';
COMMENT ON COLUMN core.missing_person.traced_officer_name IS 'Officer who recorded the tracing: name';
COMMENT ON COLUMN core.missing_person.traced_officer_rank IS 'Officer who recorded the tracing: rank';
COMMENT ON COLUMN core.missing_person.traced_recorded_at IS 'When the tracing was recorded (transaction time)';
COMMENT ON COLUMN core.missing_person.traced_gd_date IS 'Day of the tracing''s General Diary entry';
COMMENT ON COLUMN core.missing_person.traced_gd_no IS 'Number of the tracing''s General Diary entry that day';
COMMENT ON COLUMN core.missing_person.traced_gd_year IS 'Generated: year of traced_gd_date';

CREATE TRIGGER missing_person_changes_once BEFORE UPDATE ON core.missing_person
	FOR EACH ROW EXECUTE FUNCTION core.register_entry_guard('traced_');
CREATE TRIGGER missing_person_fir_of_station BEFORE INSERT OR UPDATE ON core.missing_person
	FOR EACH ROW EXECUTE FUNCTION core.register_fir_guard();

-- ------------------------------------------------------------ core.unnatural_death

CREATE SEQUENCE core.unnatural_death_id_seq;
COMMENT ON SEQUENCE core.unnatural_death_id_seq IS 'Unnatural death report ids, unique in the state database (core.person_link.record_id)';

CREATE TABLE core.unnatural_death (
	state_code int NOT NULL,
	year smallint NOT NULL,
	ud_id bigint NOT NULL,
	district_code int NOT NULL,
	station_code int NOT NULL,
	ud_no int NOT NULL CHECK (ud_no > 0),
	registered_at timestamptz NOT NULL DEFAULT now(),
	gd_date date NOT NULL,
	gd_no int NOT NULL,
	gd_year smallint GENERATED ALWAYS AS (extract(year FROM gd_date)::smallint) STORED,
	idempotency_key bytea NOT NULL CHECK (length(idempotency_key) = 16),
	content_sha256 bytea NOT NULL CHECK (length(content_sha256) = 32),
	kind text NOT NULL CHECK (kind IN ('unidentified_body', 'unnatural_death')),
	found_at timestamptz NOT NULL,
	place jsonb CHECK (jsonb_typeof(place) = 'object'),
	apparent_cause text NOT NULL CHECK (apparent_cause IN ('drowning', 'hanging', 'burns', 'poisoning',
		'road_accident', 'railway_accident', 'fall', 'electrocution', 'snake_bite', 'unknown', 'other')),
	deceased jsonb CHECK (jsonb_typeof(deceased) = 'object'),
	deceased_id bigint,
	apparent_age_from smallint CHECK (apparent_age_from BETWEEN 0 AND 120),
	apparent_age_to smallint CHECK (apparent_age_to BETWEEN 0 AND 120),
	height_cm smallint CHECK (height_cm BETWEEN 30 AND 250),
	descriptive_roll jsonb CHECK (jsonb_typeof(descriptive_roll) = 'object' AND NOT descriptive_roll ? 'height_cm'),
	clothing text CHECK (octet_length(clothing) <= 3000),
	articles_found text CHECK (octet_length(articles_found) <= 4000),
	informant jsonb CHECK (jsonb_typeof(informant) = 'object' AND informant ->> 'name' <> ''),
	informant_id bigint,
	inquest_at timestamptz,
	inquest_officer_number text CHECK (inquest_officer_number <> ''),
	inquest_officer_name text CHECK (inquest_officer_name <> ''),
	inquest_officer_rank text CHECK (inquest_officer_rank <> ''),
	inquest_magistrate text CHECK (inquest_magistrate <> '' AND octet_length(inquest_magistrate) <= 600),
	post_mortem_hospital text CHECK (post_mortem_hospital <> '' AND octet_length(post_mortem_hospital) <= 600),
	post_mortem_date date,
	fir_year smallint,
	fir_id bigint,
	officer_number text NOT NULL CHECK (officer_number <> ''),
	officer_name text NOT NULL CHECK (officer_name <> ''),
	officer_rank text NOT NULL CHECK (officer_rank <> ''),
	identified_at timestamptz,
	identified_person jsonb CHECK (jsonb_typeof(identified_person) = 'object' AND identified_person ->> 'name' <> ''),
	identified_person_id bigint,
	identified_by jsonb CHECK (jsonb_typeof(identified_by) = 'object' AND identified_by ->> 'name' <> ''),
	identified_by_id bigint,
	identified_officer_number text CHECK (identified_officer_number <> ''),
	identified_officer_name text CHECK (identified_officer_name <> ''),
	identified_officer_rank text CHECK (identified_officer_rank <> ''),
	identified_recorded_at timestamptz,
	identified_gd_date date,
	identified_gd_no int,
	identified_gd_year smallint GENERATED ALWAYS AS (extract(year FROM identified_gd_date)::smallint) STORED,
	PRIMARY KEY (ud_id, state_code, year),
	UNIQUE (district_code, station_code, ud_no, state_code, year),
	FOREIGN KEY (state_code, district_code, station_code)
		REFERENCES ref.station (state_code, district_code, station_code),
	FOREIGN KEY (district_code, station_code, gd_date, gd_no, state_code, gd_year)
		REFERENCES core.gd_entry (district_code, station_code, gd_date, gd_no, state_code, year),
	FOREIGN KEY (district_code, station_code, identified_gd_date, identified_gd_no, state_code, identified_gd_year)
		REFERENCES core.gd_entry (district_code, station_code, gd_date, gd_no, state_code, year),
	FOREIGN KEY (state_code, fir_year, fir_id) REFERENCES core.fir (state_code, year, fir_id),
	CONSTRAINT ud_fir_complete CHECK ((fir_year IS NULL) = (fir_id IS NULL)),
	CONSTRAINT ud_year CHECK (year = extract(year FROM registered_at AT TIME ZONE 'Asia/Kolkata')),
	-- An unidentified body shows only its gender; a known person's death names them.
	CONSTRAINT ud_unidentified_shows_only_gender CHECK (kind <> 'unidentified_body'
		OR ((deceased IS NULL OR deceased - 'gender' = '{}') AND deceased_id IS NULL)),
	CONSTRAINT ud_unnatural_death_names_deceased CHECK (kind <> 'unnatural_death'
		OR (deceased ->> 'name' <> '' AND deceased_id IS NOT NULL)),
	CONSTRAINT ud_ages_in_order CHECK (apparent_age_from <= apparent_age_to),
	CONSTRAINT ud_found_not_in_future CHECK (found_at <= registered_at),
	CONSTRAINT ud_inquest_in_order CHECK (inquest_at >= found_at AND inquest_at <= registered_at),
	CONSTRAINT ud_inquest_by_one CHECK ((inquest_at IS NULL)
		= (inquest_officer_number IS NULL AND inquest_magistrate IS NULL)
		AND (inquest_officer_number IS NULL OR inquest_magistrate IS NULL)
		AND num_nulls(inquest_officer_number, inquest_officer_name, inquest_officer_rank) IN (0, 3)),
	CONSTRAINT ud_post_mortem_in_order CHECK ((post_mortem_hospital IS NULL) = (post_mortem_date IS NULL)
		AND post_mortem_date >= (found_at AT TIME ZONE 'Asia/Kolkata')::date
		AND post_mortem_date <= (registered_at AT TIME ZONE 'Asia/Kolkata')::date),
	CONSTRAINT ud_identified_only_unidentified CHECK (identified_at IS NULL OR kind = 'unidentified_body'),
	CONSTRAINT ud_identified_complete CHECK (num_nulls(identified_at, identified_person, identified_person_id,
		identified_by, identified_by_id, identified_officer_number, identified_officer_name,
		identified_officer_rank, identified_recorded_at, identified_gd_date, identified_gd_no) IN (0, 11)),
	CONSTRAINT ud_identified_in_order CHECK (identified_at >= found_at AND identified_at <= identified_recorded_at)
) PARTITION BY LIST (state_code);

COMMENT ON TABLE core.unnatural_death IS
	'Register of unidentified dead bodies and unnatural deaths (inquest cases): numbered per station per year (UD 0003/2026, the number an FIR quotes), with the General Diary entry (kind unidentified_body) and, for a body identified later, its identification. Personal data: never log it. Partitioned LIST (state_code), RANGE (year of registration)';
COMMENT ON COLUMN core.unnatural_death.state_code IS 'Partition key: state of the station';
COMMENT ON COLUMN core.unnatural_death.year IS 'Partition key: year (IST) of registration, the year of the UD number';
COMMENT ON COLUMN core.unnatural_death.ud_id IS 'Report id in the state database (core.unnatural_death_id_seq), the record_id of its person links';
COMMENT ON COLUMN core.unnatural_death.district_code IS 'District of the station';
COMMENT ON COLUMN core.unnatural_death.station_code IS 'The station whose register it is';
COMMENT ON COLUMN core.unnatural_death.ud_no IS 'UD number in the station''s register for the year (core.next_record_no(''unnatural_death'', ...)): UD 0003/2026';
COMMENT ON COLUMN core.unnatural_death.registered_at IS 'When the report was registered (transaction time)';
COMMENT ON COLUMN core.unnatural_death.gd_date IS 'Day of the report''s General Diary entry';
COMMENT ON COLUMN core.unnatural_death.gd_no IS 'Number of the report''s General Diary entry that day';
COMMENT ON COLUMN core.unnatural_death.gd_year IS 'Generated: year of gd_date';
COMMENT ON COLUMN core.unnatural_death.idempotency_key IS '16-byte key the terminal made for this registration';
COMMENT ON COLUMN core.unnatural_death.content_sha256 IS 'SHA-256 of the UnnaturalDeathReport JSON as received';
COMMENT ON COLUMN core.unnatural_death.kind IS 'unidentified_body (nobody has named the dead) or unnatural_death (a known person)';
COMMENT ON COLUMN core.unnatural_death.found_at IS 'When the body was found or the death reported; not after registration';
COMMENT ON COLUMN core.unnatural_death.place IS 'Place JSON: where';
COMMENT ON COLUMN core.unnatural_death.apparent_cause IS 'Apparent cause of death: drowning, hanging, burns, poisoning, road_accident, railway_accident, fall, electrocution, snake_bite, unknown, other';
COMMENT ON COLUMN core.unnatural_death.deceased IS 'Person JSON of the deceased: for an unidentified body at most the gender seen';
COMMENT ON COLUMN core.unnatural_death.deceased_id IS 'The deceased in core.person (link role deceased), for a known person';
COMMENT ON COLUMN core.unnatural_death.apparent_age_from IS 'Apparent age, lower bound (years, 0..120)';
COMMENT ON COLUMN core.unnatural_death.apparent_age_to IS 'Apparent age, upper bound (years, 0..120, not below the lower)';
COMMENT ON COLUMN core.unnatural_death.height_cm IS 'Height of the body, 30..250 cm';
COMMENT ON COLUMN core.unnatural_death.descriptive_roll IS 'DescriptiveRoll JSON without height (in height_cm): build, complexion, marks, teeth, hair, ...';
COMMENT ON COLUMN core.unnatural_death.clothing IS 'Clothing on the body';
COMMENT ON COLUMN core.unnatural_death.articles_found IS 'Articles found on or near the body';
COMMENT ON COLUMN core.unnatural_death.informant IS 'Who reported it (Person JSON without person_id)';
COMMENT ON COLUMN core.unnatural_death.informant_id IS 'The informant in core.person (link role informant)';
COMMENT ON COLUMN core.unnatural_death.inquest_at IS 'When the inquest was held (BNSS s.194); not before found_at';
COMMENT ON COLUMN core.unnatural_death.inquest_officer_number IS 'Police officer who held the inquest: number';
COMMENT ON COLUMN core.unnatural_death.inquest_officer_name IS 'Police officer who held the inquest: name';
COMMENT ON COLUMN core.unnatural_death.inquest_officer_rank IS 'Police officer who held the inquest: rank';
COMMENT ON COLUMN core.unnatural_death.inquest_magistrate IS 'Or the magistrate who held it (name and office)';
COMMENT ON COLUMN core.unnatural_death.post_mortem_hospital IS 'Post-mortem: hospital';
COMMENT ON COLUMN core.unnatural_death.post_mortem_date IS 'Post-mortem: date; not before the body was found';
COMMENT ON COLUMN core.unnatural_death.fir_year IS 'An FIR of the station it belongs to: its year';
COMMENT ON COLUMN core.unnatural_death.fir_id IS 'An FIR of the station it belongs to: core.fir.fir_id';
COMMENT ON COLUMN core.unnatural_death.officer_number IS 'Recording officer: number';
COMMENT ON COLUMN core.unnatural_death.officer_name IS 'Recording officer: name';
COMMENT ON COLUMN core.unnatural_death.officer_rank IS 'Recording officer: rank';
COMMENT ON COLUMN core.unnatural_death.identified_at IS 'Unidentified body: when it was identified; not before found_at; set once';
COMMENT ON COLUMN core.unnatural_death.identified_person IS 'Who the dead was (Person JSON without person_id)';
COMMENT ON COLUMN core.unnatural_death.identified_person_id IS 'The dead in core.person (link role deceased)';
COMMENT ON COLUMN core.unnatural_death.identified_by IS 'Who identified the body (Person JSON without person_id)';
COMMENT ON COLUMN core.unnatural_death.identified_by_id IS 'Who identified it, in core.person (link role identified_by)';
COMMENT ON COLUMN core.unnatural_death.identified_officer_number IS 'Officer who recorded the identification: number';
COMMENT ON COLUMN core.unnatural_death.identified_officer_name IS 'Officer who recorded the identification: name';
COMMENT ON COLUMN core.unnatural_death.identified_officer_rank IS 'Officer who recorded the identification: rank';
COMMENT ON COLUMN core.unnatural_death.identified_recorded_at IS 'When the identification was recorded (transaction time)';
COMMENT ON COLUMN core.unnatural_death.identified_gd_date IS 'Day of the identification''s General Diary entry';
COMMENT ON COLUMN core.unnatural_death.identified_gd_no IS 'Number of the identification''s General Diary entry that day';
COMMENT ON COLUMN core.unnatural_death.identified_gd_year IS 'Generated: year of identified_gd_date';

CREATE TRIGGER unnatural_death_changes_once BEFORE UPDATE ON core.unnatural_death
	FOR EACH ROW EXECUTE FUNCTION core.register_entry_guard('identified_');
CREATE TRIGGER unnatural_death_fir_of_station BEFORE INSERT OR UPDATE ON core.unnatural_death
	FOR EACH ROW EXECUTE FUNCTION core.register_fir_guard();

-- ------------------------------------------------------------ core.vehicle_report

CREATE SEQUENCE core.vehicle_report_id_seq;
COMMENT ON SEQUENCE core.vehicle_report_id_seq IS 'Vehicle report ids, unique in the state database (core.person_link.record_id)';

CREATE TABLE core.vehicle_report (
	state_code int NOT NULL,
	year smallint NOT NULL,
	vr_id bigint NOT NULL,
	district_code int NOT NULL,
	station_code int NOT NULL,
	vr_no int NOT NULL CHECK (vr_no > 0),
	registered_at timestamptz NOT NULL DEFAULT now(),
	gd_date date NOT NULL,
	gd_no int NOT NULL,
	gd_year smallint GENERATED ALWAYS AS (extract(year FROM gd_date)::smallint) STORED,
	idempotency_key bytea NOT NULL CHECK (length(idempotency_key) = 16),
	content_sha256 bytea NOT NULL CHECK (length(content_sha256) = 32),
	kind text NOT NULL CHECK (kind IN ('stolen', 'recovered', 'unclaimed')),
	registration_number text CHECK (registration_number ~ '^[A-Za-z0-9][A-Za-z0-9 .-]{0,29}$'),
	registration_normalised text GENERATED ALWAYS AS (core.vehicle_no_normalise(registration_number)) STORED,
	chassis_number text CHECK (chassis_number ~ '^[A-Za-z0-9][A-Za-z0-9 -]{0,39}$'),
	chassis_normalised text GENERATED ALWAYS AS (core.vehicle_no_normalise(chassis_number)) STORED,
	engine_number text CHECK (engine_number ~ '^[A-Za-z0-9][A-Za-z0-9 ./-]{0,39}$'),
	engine_normalised text GENERATED ALWAYS AS (core.vehicle_no_normalise(engine_number)) STORED,
	vehicle_type text NOT NULL CHECK (vehicle_type IN ('two_wheeler', 'car', 'jeep', 'truck', 'bus', 'tractor',
		'auto_rickshaw', 'e_rickshaw', 'other')),
	make text CHECK (octet_length(make) <= 300),
	model text CHECK (octet_length(model) <= 300),
	colour text CHECK (octet_length(colour) <= 200),
	model_year smallint,
	at timestamptz NOT NULL,
	place jsonb CHECK (jsonb_typeof(place) = 'object'),
	owner jsonb CHECK (jsonb_typeof(owner) = 'object' AND owner ->> 'name' <> ''),
	owner_id bigint,
	fir_year smallint,
	fir_id bigint,
	officer_number text NOT NULL CHECK (officer_number <> ''),
	officer_name text NOT NULL CHECK (officer_name <> ''),
	officer_rank text NOT NULL CHECK (officer_rank <> ''),
	PRIMARY KEY (vr_id, state_code, year),
	UNIQUE (district_code, station_code, vr_no, state_code, year),
	FOREIGN KEY (state_code, district_code, station_code)
		REFERENCES ref.station (state_code, district_code, station_code),
	FOREIGN KEY (district_code, station_code, gd_date, gd_no, state_code, gd_year)
		REFERENCES core.gd_entry (district_code, station_code, gd_date, gd_no, state_code, year),
	FOREIGN KEY (state_code, fir_year, fir_id) REFERENCES core.fir (state_code, year, fir_id),
	CONSTRAINT vehicle_fir_complete CHECK ((fir_year IS NULL) = (fir_id IS NULL)),
	CONSTRAINT vehicle_year CHECK (year = extract(year FROM registered_at AT TIME ZONE 'Asia/Kolkata')),
	CONSTRAINT vehicle_numbered CHECK (num_nulls(registration_normalised, chassis_normalised, engine_normalised) < 3),
	CONSTRAINT vehicle_registration_shape CHECK (registration_normalised ~ '^[A-Z0-9]{4,13}$'),
	-- A VIN has 17 characters without I, O and Q; older frames are shorter.
	CONSTRAINT vehicle_chassis_shape CHECK (chassis_normalised ~ '^[A-Z0-9]{5,16}$'
		OR chassis_normalised ~ '^[A-HJ-NPR-Z0-9]{17}$'),
	CONSTRAINT vehicle_engine_shape CHECK (engine_normalised ~ '^[A-Z0-9]{5,20}$'),
	CONSTRAINT vehicle_not_in_future CHECK (at <= registered_at),
	CONSTRAINT vehicle_model_year CHECK (model_year BETWEEN 1900
		AND extract(year FROM registered_at AT TIME ZONE 'Asia/Kolkata') + 1)
) PARTITION BY LIST (state_code);

COMMENT ON TABLE core.vehicle_report IS
	'Stolen, recovered and unclaimed vehicles: numbered per station per year, with the General Diary entry (kind vehicle). Numbers are kept as written and normalised (indexed) so that a recovered vehicle finds the stolen reports of any station of the state however the number was written. Owners are personal data. Partitioned LIST (state_code), RANGE (year of registration)';
COMMENT ON COLUMN core.vehicle_report.state_code IS 'Partition key: state of the station';
COMMENT ON COLUMN core.vehicle_report.year IS 'Partition key: year (IST) of registration, the year of the number';
COMMENT ON COLUMN core.vehicle_report.vr_id IS 'Report id in the state database (core.vehicle_report_id_seq), the record_id of its person links';
COMMENT ON COLUMN core.vehicle_report.district_code IS 'District of the station';
COMMENT ON COLUMN core.vehicle_report.station_code IS 'The station whose register it is';
COMMENT ON COLUMN core.vehicle_report.vr_no IS 'Number in the station''s vehicle register for the year (core.next_record_no(''vehicle'', ...)): 0003/2026';
COMMENT ON COLUMN core.vehicle_report.registered_at IS 'When the report was registered (transaction time)';
COMMENT ON COLUMN core.vehicle_report.gd_date IS 'Day of the report''s General Diary entry';
COMMENT ON COLUMN core.vehicle_report.gd_no IS 'Number of the report''s General Diary entry that day';
COMMENT ON COLUMN core.vehicle_report.gd_year IS 'Generated: year of gd_date';
COMMENT ON COLUMN core.vehicle_report.idempotency_key IS '16-byte key the terminal made for this registration';
COMMENT ON COLUMN core.vehicle_report.content_sha256 IS 'SHA-256 of the VehicleReport JSON as received';
COMMENT ON COLUMN core.vehicle_report.kind IS 'stolen, recovered, unclaimed';
COMMENT ON COLUMN core.vehicle_report.registration_number IS 'Registration number as written (an Indian format, ref.vehicle_registration_format)';
COMMENT ON COLUMN core.vehicle_report.registration_normalised IS 'Generated: the registration number in upper case without spaces, dashes and dots (core.vehicle_no_normalise); indexed';
COMMENT ON COLUMN core.vehicle_report.chassis_number IS 'Chassis number as written (VIN of 17, or older and shorter)';
COMMENT ON COLUMN core.vehicle_report.chassis_normalised IS 'Generated: chassis number normalised; indexed';
COMMENT ON COLUMN core.vehicle_report.engine_number IS 'Engine number as written';
COMMENT ON COLUMN core.vehicle_report.engine_normalised IS 'Generated: engine number normalised; indexed';
COMMENT ON COLUMN core.vehicle_report.vehicle_type IS 'two_wheeler, car, jeep, truck, bus, tractor, auto_rickshaw, e_rickshaw, other';
COMMENT ON COLUMN core.vehicle_report.make IS 'Maker, e.g. Hero';
COMMENT ON COLUMN core.vehicle_report.model IS 'Model, e.g. Splendor Plus';
COMMENT ON COLUMN core.vehicle_report.colour IS 'Colour';
COMMENT ON COLUMN core.vehicle_report.model_year IS 'Model year, 1900 to next year';
COMMENT ON COLUMN core.vehicle_report.at IS 'When stolen, recovered or found; not after registration';
COMMENT ON COLUMN core.vehicle_report.place IS 'Place JSON: where stolen, recovered or found';
COMMENT ON COLUMN core.vehicle_report.owner IS 'The owner (Person JSON without person_id), when known';
COMMENT ON COLUMN core.vehicle_report.owner_id IS 'The owner in core.person (link role owner)';
COMMENT ON COLUMN core.vehicle_report.fir_year IS 'An FIR of the station (the theft FIR of a stolen vehicle): its year';
COMMENT ON COLUMN core.vehicle_report.fir_id IS 'An FIR of the station: core.fir.fir_id';
COMMENT ON COLUMN core.vehicle_report.officer_number IS 'Recording officer: number';
COMMENT ON COLUMN core.vehicle_report.officer_name IS 'Recording officer: name';
COMMENT ON COLUMN core.vehicle_report.officer_rank IS 'Recording officer: rank';

CREATE INDEX vehicle_report_registration ON core.vehicle_report (registration_normalised);
CREATE INDEX vehicle_report_chassis ON core.vehicle_report (chassis_normalised);
CREATE INDEX vehicle_report_engine ON core.vehicle_report (engine_normalised);

CREATE TRIGGER vehicle_report_does_not_change BEFORE UPDATE ON core.vehicle_report
	FOR EACH ROW EXECUTE FUNCTION core.register_entry_guard();
CREATE TRIGGER vehicle_report_fir_of_station BEFORE INSERT OR UPDATE ON core.vehicle_report
	FOR EACH ROW EXECUTE FUNCTION core.register_fir_guard();

INSERT INTO core.partitioned_table (name, create_order, append_only) VALUES
	('missing_person', 160, false),
	('unnatural_death', 161, false),
	('vehicle_report', 162, false);

DO $parts$
DECLARE
	r record;
BEGIN
	FOR r IN
		SELECT m[1]::int AS st, m[2]::int AS yr
		FROM pg_catalog.pg_class c, regexp_match(c.relname, '^fir_([0-9]+)_([0-9]{4})$') m
		WHERE c.relnamespace = 'core'::regnamespace AND c.relispartition AND m IS NOT NULL
		ORDER BY 1, 2
	LOOP
		PERFORM core.ensure_partitions(r.st, r.yr);
	END LOOP;
END
$parts$;

-- ------------------------------------------------------------ readers

-- "0003/2026" (or with prefix "UD 0003/2026", "UD-3/2026", "ud3/2026", or
-- without it) into number and year; CT400 COLUMN col when malformed.
CREATE FUNCTION core.register_no_parse(txt text, col text, prefix text, OUT no int, OUT year int)
LANGUAGE plpgsql IMMUTABLE
SET search_path = pg_catalog, pg_temp
AS $fn$
DECLARE
	s text := btrim(coalesce(txt, ''));
BEGIN
	IF prefix IS NOT NULL THEN
		s := regexp_replace(s, '^' || prefix || '[ -]?', '', 'i');
	END IF;
	IF s !~ '^[0-9]{1,9}/[0-9]{4}$' OR split_part(s, '/', 1)::int = 0 THEN
		RAISE EXCEPTION USING ERRCODE = 'CT400', COLUMN = col,
			MESSAGE = format('"%s" is not a register number such as %s3/2026 or %s0003/2026',
				coalesce(txt, ''), coalesce(prefix || ' ', ''), coalesce(prefix || ' ', ''));
	END IF;
	no := split_part(s, '/', 1)::int;
	year := split_part(s, '/', 2)::int;
END
$fn$;
COMMENT ON FUNCTION core.register_no_parse(text, text, text) IS
	'Split a register number (3/2026, 0003/2026; with an optional prefix such as UD) into number and year; CT400 COLUMN col when malformed';

CREATE FUNCTION core.register_no_text(no int, year int, prefix text) RETURNS text
LANGUAGE sql IMMUTABLE
SET search_path = pg_catalog, pg_temp
AS $fn$
	SELECT coalesce(prefix || ' ', '') || core.fir_number_text(no, year)
$fn$;
COMMENT ON FUNCTION core.register_no_text(int, int, text) IS 'A register number as the station writes it: 0003/2026, UD 0003/2026';

-- Check the string fields names[i] of message o (at path prefix) against
-- their byte limits.
CREATE FUNCTION core.r2_texts(o jsonb, prefix text, names text[], maxes int[]) RETURNS void
LANGUAGE plpgsql
SET search_path = pg_catalog, pg_temp
AS $fn$
BEGIN
	FOR i IN 1 .. array_length(names, 1) LOOP
		PERFORM core.j_str(o -> names[i], CASE WHEN prefix = '' THEN names[i] ELSE prefix || '.' || names[i] END,
			maxes[i], false);
	END LOOP;
END
$fn$;
COMMENT ON FUNCTION core.r2_texts(jsonb, text, text[], int[]) IS
	'CT400 for the first of the string fields names of o that is not a string or longer than its limit (maxes, bytes)';

-- A Place: address, distance, direction, beat. Returns it (NULL when absent
-- or empty).
CREATE FUNCTION core.r2_place(v jsonb, path text) RETURNS jsonb
LANGUAGE plpgsql
SET search_path = pg_catalog, pg_temp
AS $fn$
BEGIN
	v := core.j_obj(v, path, ARRAY['address', 'distance_m', 'direction', 'beat'], false);
	IF v IS NULL THEN
		RETURN NULL;
	END IF;
	PERFORM core.fir_check_address(v -> 'address', path || '.address');
	PERFORM core.j_uint(v -> 'distance_m', path || '.distance_m', 2147483647);
	PERFORM core.j_enum(v -> 'direction', path || '.direction', ARRAY['n', 'ne', 'e', 'se', 's', 'sw', 'w', 'nw'], false);
	PERFORM core.j_str(v -> 'beat', path || '.beat', 100, false);
	RETURN nullif(v, '{}');
END
$fn$;
COMMENT ON FUNCTION core.r2_place(jsonb, text) IS 'Validate a Place (address, distance_m, direction, beat); returns it, NULL when absent or empty';

-- A DescriptiveRoll; its height 30..250 cm, or (with_height false) none.
CREATE FUNCTION core.r2_roll(v jsonb, path text, with_height boolean) RETURNS jsonb
LANGUAGE plpgsql
SET search_path = pg_catalog, pg_temp
AS $fn$
DECLARE
	texts constant text[] := ARRAY['build', 'complexion', 'identification_marks', 'deformities', 'teeth',
		'hair', 'eyes', 'habits', 'dress', 'burn_marks', 'moles', 'scars', 'tattoos'];
	maxes constant int[] := ARRAY[100, 100, 1000, 1000, 300, 300, 300, 1000, 1000, 1000, 1000, 1000, 1000];
	h int;
	arr jsonb;
BEGIN
	v := core.j_obj(v, path, ARRAY['height_cm', 'languages'] || texts, false);
	IF v IS NULL THEN
		RETURN NULL;
	END IF;
	IF NOT with_height AND core.j_uint(v -> 'height_cm', path || '.height_cm', 4294967295) IS NOT NULL THEN
		PERFORM core.fir_bad(path || '.height_cm', path || '.height_cm must be empty: give the height in height_cm');
	END IF;
	h := core.r2_uint(v -> 'height_cm', path || '.height_cm', 30, 250, '%s cm is not a human height (30 to 250)');
	PERFORM core.r2_texts(v, path, texts, maxes);
	arr := core.j_arr(v -> 'languages', path || '.languages', 20);
	FOR i IN 0 .. jsonb_array_length(arr) - 1 LOOP
		PERFORM core.j_str(arr -> i, path || '.languages[' || i || ']', 100, true);
	END LOOP;
	RETURN nullif(v - CASE WHEN h IS NULL THEN 'height_cm' ELSE '' END, '{}');
END
$fn$;
COMMENT ON FUNCTION core.r2_roll(jsonb, text, boolean) IS
	'Validate a DescriptiveRoll: texts and their limits, up to 20 languages, height 30..250 cm (or none when with_height is false); returns it, NULL when absent or empty';

-- A Person of a register entry: validated like an FIR's persons; with
-- person_id (an existing person of the state) the name is not required and
-- the person's recorded details fill what the JSON leaves out. Returns the
-- Person JSON to store (without person_id), NULL when absent.
CREATE FUNCTION core.r2_person(state int, p jsonb, path text, required boolean) RETURNS jsonb
LANGUAGE plpgsql
SET search_path = pg_catalog, pg_temp
AS $fn$
DECLARE
	pid bigint;
	master jsonb;
BEGIN
	IF p IS NULL OR jsonb_typeof(p) = 'null' THEN
		IF required THEN
			PERFORM core.fir_bad(path, path || ' is required');
		END IF;
		RETURN NULL;
	END IF;
	IF jsonb_typeof(p) <> 'object' THEN
		PERFORM core.fir_bad(path, path || ': expected an object (Person)');
	END IF;
	pid := core.j_uint(p -> 'person_id', path || '.person_id', 9223372036854775807);
	PERFORM core.fir_check_person(p - 'person_id', path, required AND pid IS NULL);
	IF pid IS NULL THEN
		RETURN nullif(p - 'person_id', '{}');
	END IF;
	SELECT jsonb_strip_nulls(jsonb_build_object('name', x.name, 'relative_kind', x.relative_kind,
		'relative_name', x.relative_name, 'gender', x.gender,
		'date_of_birth', to_char(x.date_of_birth, 'YYYY-MM-DD'), 'year_of_birth', x.year_of_birth,
		'nationality', x.nationality, 'occupation', x.occupation,
		'address', core.address_json(x.addr_line1, x.addr_line2, x.addr_city, x.addr_district_code,
			x.addr_state_code, x.addr_pincode),
		'phone', x.phone)) INTO master
	FROM core.person x WHERE x.person_id = pid AND x.state_code = state;
	IF NOT FOUND THEN
		PERFORM core.fir_bad(path || '.person_id', format('%s.person_id: no person %s in this state''s records', path, pid));
	END IF;
	RETURN master || (p - 'person_id');
END
$fn$;
COMMENT ON FUNCTION core.r2_person(int, jsonb, text, boolean) IS
	'Validate a Person of a register entry (name required when required and no person_id); with person_id, the recorded person fills what is left out (CT400 at path.person_id when there is none). Returns the Person JSON to store without person_id';

-- Age in whole years on day d of a person (Person JSON), NULL when unknown;
-- by year of birth, the age reached during d''s year.
CREATE FUNCTION core.r2_age_on(p jsonb, d date) RETURNS int
LANGUAGE sql STABLE
SET search_path = pg_catalog, pg_temp
AS $fn$
	SELECT CASE
		WHEN p ->> 'date_of_birth' <> '' THEN extract(year FROM age(d, (p ->> 'date_of_birth')::date))::int
		WHEN (p ->> 'year_of_birth') ~ '^[0-9]+$' THEN extract(year FROM d)::int - (p ->> 'year_of_birth')::int
	END
$fn$;
COMMENT ON FUNCTION core.r2_age_on(jsonb, date) IS 'Age in years on a day of a Person JSON, by date of birth or else year of birth; NULL when unknown';

-- A person's birth against the day of an event: not born after it, not
-- older than 120 then. field names the event ("missing_since").
CREATE FUNCTION core.r2_birth_before(p jsonb, path text, at timestamptz, field text) RETURNS void
LANGUAGE plpgsql
SET search_path = pg_catalog, pg_temp
AS $fn$
DECLARE
	d date := (at AT TIME ZONE 'Asia/Kolkata')::date;
	a int := core.r2_age_on(p, d);
	which text := CASE WHEN p ->> 'date_of_birth' <> '' THEN 'date_of_birth' ELSE 'year_of_birth' END;
BEGIN
	IF (p ->> 'date_of_birth')::date > d OR (p ->> 'year_of_birth')::int > extract(year FROM d) THEN
		PERFORM core.fir_bad(path || '.' || which, format('%s.%s is after %s (%s): nobody is born after it',
			path, which, field, to_char(d, 'YYYY-MM-DD')));
	END IF;
	IF a > 120 THEN
		PERFORM core.fir_bad(path || '.' || which, format('%s.%s makes the person %s years old on %s: not a human age (0 to 120)',
			path, which, a, to_char(d, 'YYYY-MM-DD')));
	END IF;
END
$fn$;
COMMENT ON FUNCTION core.r2_birth_before(jsonb, text, timestamptz, text) IS
	'CT400 when a Person''s date or year of birth is after the day of an event, or makes them older than 120 then';

-- The FIR a register entry names (fir_number inside the document, COLUMN
-- path): NULLs when absent; CT400 when malformed or not an FIR of the
-- station. lock: take the FIR's row lock (the entry adds a timeline event).
CREATE FUNCTION core.r2_fir(state int, district int, station int, v jsonb, path text, lock boolean,
	need text, OUT fir_id bigint, OUT fir_year int, OUT fir_no int, OUT status text)
LANGUAGE plpgsql
SET search_path = pg_catalog, pg_temp
AS $fn$
DECLARE
	s text := core.j_str(v, path, 20, false);
	n int;
	y int;
BEGIN
	IF s IS NULL THEN
		RETURN;
	END IF;
	IF s !~ '^[0-9]{1,9}/[0-9]{4}$' OR split_part(s, '/', 1)::int = 0 THEN
		PERFORM core.fir_bad(path, format('%s: "%s" is not an FIR number such as 42/2026 or 0042/2026', path, s));
	END IF;
	n := split_part(s, '/', 1)::int;
	y := split_part(s, '/', 2)::int;
	IF lock THEN
		SELECT x.fir_id, x.year, x.fir_no, x.status INTO fir_id, fir_year, fir_no, status FROM core.fir x
		WHERE x.state_code = state AND x.year = y AND x.district_code = district AND x.station_code = station
			AND x.fir_no = n
		FOR NO KEY UPDATE;
	ELSE
		SELECT x.fir_id, x.year, x.fir_no, x.status INTO fir_id, fir_year, fir_no, status FROM core.fir x
		WHERE x.state_code = state AND x.year = y AND x.district_code = district AND x.station_code = station
			AND x.fir_no = n;
	END IF;
	IF fir_id IS NULL THEN
		PERFORM core.fir_bad(path, format('there is no FIR %s at this station%s', core.fir_number_text(n, y),
			coalesce(need, '')));
	END IF;
END
$fn$;
COMMENT ON FUNCTION core.r2_fir(int, int, int, jsonb, text, boolean, text) IS
	'The FIR of the calling station named by a register entry''s fir_number (locked FOR NO KEY UPDATE when lock); NULLs when absent; CT400 at path when malformed or not an FIR of the station (need is added to the message)';

CREATE FUNCTION core.r2_fir_text(state int, fir_year int, fir_id bigint) RETURNS text
LANGUAGE sql STABLE
SET search_path = pg_catalog, pg_temp
AS $fn$
	SELECT core.fir_number_text(f.fir_no, f.year) FROM core.fir f
	WHERE f.state_code = state AND f.year = fir_year AND f.fir_id = r2_fir_text.fir_id
$fn$;
COMMENT ON FUNCTION core.r2_fir_text(int, int, bigint) IS 'FIR number text (0042/2026) of an FIR by id; NULL for none';

-- A whole number field within lo..hi (absent or 0: NULL); msg is the
-- message after "path: " for a value outside, with %s for the value.
CREATE FUNCTION core.r2_uint(v jsonb, path text, lo int, hi int, msg text) RETURNS int
LANGUAGE plpgsql
SET search_path = pg_catalog, pg_temp
AS $fn$
DECLARE
	n bigint := core.j_uint(v, path, 4294967295);
BEGIN
	IF n NOT BETWEEN lo AND hi THEN
		PERFORM core.fir_bad(path, format(msg, n));
	END IF;
	RETURN n;
END
$fn$;
COMMENT ON FUNCTION core.r2_uint(jsonb, text, int, int, text) IS
	'Read an unsigned integer field (0 = absent: NULL); CT400 at path with the message msg (%s: the value) when outside lo..hi';

-- A Person JSON as stored, with its person_id for the answer.
CREATE FUNCTION core.r2_person_json(p jsonb, pid bigint) RETURNS jsonb
LANGUAGE sql IMMUTABLE
SET search_path = pg_catalog, pg_temp
AS $fn$
	SELECT CASE WHEN p IS NULL AND pid IS NULL THEN NULL
		ELSE coalesce(p, '{}') || coalesce(jsonb_build_object('person_id', pid), '{}') END
$fn$;
COMMENT ON FUNCTION core.r2_person_json(jsonb, bigint) IS 'A stored Person JSON with its person_id (as the answers give persons)';

-- ------------------------------------------------------------ missing persons: validation

CREATE FUNCTION core.missing_check(state int, m jsonb,
	OUT o_person jsonb, OUT o_informant jsonb, OUT o_age int, OUT o_roll jsonb, OUT o_since timestamptz,
	OUT o_reported timestamptz, OUT o_place jsonb)
LANGUAGE plpgsql
SET search_path = pg_catalog, pg_temp
AS $fn$
DECLARE
	keys constant text[] := ARRAY['person', 'age_years', 'descriptive_roll', 'missing_since', 'last_seen_place',
		'circumstances', 'clothing', 'reported_at', 'informant', 'relation_to_missing', 'fir_number', 'officer'];
BEGIN
	IF m IS NULL OR jsonb_typeof(m) <> 'object' THEN
		PERFORM core.fir_bad('', 'the report must be a JSON object (MissingPersonReport)');
	END IF;
	PERFORM core.j_keys(m, '', keys);
	o_person := core.r2_person(state, m -> 'person', 'person', true);
	o_age := core.r2_uint(m -> 'age_years', 'age_years', 0, 120, '%s years is not a human age (0 to 120)');
	IF o_age IS NOT NULL AND (o_person ? 'date_of_birth' OR o_person ? 'year_of_birth') THEN
		PERFORM core.fir_bad('age_years',
			'age_years is the stated age when the date and year of birth are not known: leave it out when person gives them');
	END IF;
	o_roll := core.r2_roll(m -> 'descriptive_roll', 'descriptive_roll', true);
	o_since := core.read_time(m -> 'missing_since', 'missing_since', true);
	o_reported := core.read_time(m -> 'reported_at', 'reported_at', true);
	IF o_reported < o_since THEN
		PERFORM core.fir_bad('reported_at', format('reported_at (%s) is before missing_since (%s): a person is reported missing after they went missing',
			core.ist_text(o_reported), core.ist_text(o_since)));
	END IF;
	PERFORM core.r2_birth_before(o_person, 'person', o_since, 'missing_since');
	o_place := core.r2_place(m -> 'last_seen_place', 'last_seen_place');
	PERFORM core.r2_texts(m, '', ARRAY['circumstances', 'clothing', 'relation_to_missing'], ARRAY[4000, 3000, 300]);
	o_informant := core.r2_person(state, m -> 'informant', 'informant', true);
	PERFORM core.officer_check(m -> 'officer', 'officer', true);
END
$fn$;
COMMENT ON FUNCTION core.missing_check(int, jsonb) IS
	'Validate a MissingPersonReport (without its FIR, checked by the caller): persons with names, age 0..120 only without a birth date or year, height 30..250, missing_since not after reported_at, neither in the future, birth not after missing_since, officer';

-- ------------------------------------------------------------ missing persons: JSON

CREATE FUNCTION core.missing_receipt_json(m core.missing_person) RETURNS jsonb
LANGUAGE sql STABLE
SET search_path = pg_catalog, pg_temp
AS $fn$
	SELECT jsonb_strip_nulls(jsonb_build_object(
		'number', core.register_no_text(m.mp_no, m.year, NULL),
		'registered_at', core.ist_text(date_trunc('second', m.registered_at)),
		'gd_date', to_char(m.gd_date, 'YYYY-MM-DD'),
		'gd_number', m.gd_no,
		'child', CASE WHEN m.is_child THEN true END,
		'fir_number', core.r2_fir_text(m.state_code, m.fir_year, m.fir_id)))
$fn$;
COMMENT ON FUNCTION core.missing_receipt_json(core.missing_person) IS 'MissingPersonReceipt JSON (without replayed) of a report';

CREATE FUNCTION core.missing_trace_json(m core.missing_person) RETURNS jsonb
LANGUAGE sql STABLE
SET search_path = pg_catalog, pg_temp
AS $fn$
	SELECT CASE WHEN m.traced_at IS NOT NULL THEN jsonb_strip_nulls(jsonb_build_object(
		'traced_at', core.ist_text(m.traced_at),
		'how', m.traced_how,
		'place', m.traced_place,
		'officer', core.officer_json(m.traced_officer_number, m.traced_officer_name, m.traced_officer_rank),
		'recorded_at', core.ist_text(date_trunc('second', m.traced_recorded_at)),
		'gd_date', to_char(m.traced_gd_date, 'YYYY-MM-DD'),
		'gd_number', m.traced_gd_no)) END
$fn$;
COMMENT ON FUNCTION core.missing_trace_json(core.missing_person) IS 'MissingPersonTrace JSON of a report, NULL until traced';

CREATE FUNCTION core.missing_json(m core.missing_person) RETURNS jsonb
LANGUAGE sql STABLE
SET search_path = pg_catalog, pg_temp
AS $fn$
	SELECT jsonb_strip_nulls(jsonb_build_object(
		'receipt', core.missing_receipt_json(m),
		'report', jsonb_strip_nulls(jsonb_build_object(
			'person', core.r2_person_json(m.person, m.person_id),
			'age_years', m.age_years,
			'descriptive_roll', m.descriptive_roll,
			'missing_since', core.ist_text(m.missing_since),
			'last_seen_place', m.last_seen_place,
			'circumstances', m.circumstances,
			'clothing', m.clothing,
			'reported_at', core.ist_text(m.reported_at),
			'informant', core.r2_person_json(m.informant, m.informant_id),
			'relation_to_missing', m.relation_to_missing,
			'fir_number', core.r2_fir_text(m.state_code, m.fir_year, m.fir_id),
			'officer', core.officer_json(m.officer_number, m.officer_name, m.officer_rank))),
		'trace', core.missing_trace_json(m)))
$fn$;
COMMENT ON FUNCTION core.missing_json(core.missing_person) IS 'MissingPerson JSON {"receipt", "report", "trace"} of a report';

-- ------------------------------------------------------------ missing persons: api

CREATE FUNCTION api.register_missing_person(state int, district int, station int, idem bytea, report jsonb)
RETURNS TABLE (receipt jsonb, replayed boolean)
LANGUAGE plpgsql SECURITY DEFINER
SET search_path = pg_catalog, pg_temp
SET constraint_exclusion = off
AS $fn$
#variable_conflict use_column
DECLARE
	v_year int := extract(year FROM now() AT TIME ZONE 'Asia/Kolkata')::int;
	v_answer jsonb;
	chk record;
	f record;
	g record;
	v_child boolean;
	v_id bigint := nextval('core.missing_person_id_seq');
	v_no int;
	v_number text;
	v_pid bigint;
	v_iid bigint;
	m core.missing_person;
BEGIN
	PERFORM core.station_check(state, district, station);
	IF report IS NULL OR jsonb_typeof(report) <> 'object' THEN
		PERFORM core.fir_bad('', 'the report must be a JSON object (MissingPersonReport)');
	END IF;
	PERFORM core.ensure_partitions(state, v_year);
	v_answer := core.idem_claim(state, district, station, idem, sha256(convert_to(report::text, 'UTF8')),
		'register_missing_person');
	IF v_answer IS NOT NULL THEN
		RETURN QUERY SELECT v_answer || '{"replayed": true}', true;
		RETURN;
	END IF;

	SELECT * INTO chk FROM core.missing_check(state, report);
	v_child := core.missing_is_child(chk.o_person, chk.o_age, chk.o_since);
	SELECT * INTO f FROM core.r2_fir(state, district, station, report -> 'fir_number', 'fir_number', true,
		CASE WHEN v_child THEN ': a missing child''s report needs an FIR of this station; register the FIR first (kidnapping, BNS 137) and quote its number' END);
	IF v_child AND f.fir_id IS NULL THEN
		PERFORM core.fir_bad('fir_number',
			'a missing child (under 18 when missing) always results in an FIR: register the FIR first (kidnapping, BNS 137) and quote its number in fir_number');
	END IF;

	v_no := core.next_record_no('missing_person', state, district, station, v_year);
	v_number := core.register_no_text(v_no, v_year, NULL);
	SELECT * INTO g FROM core.gd_write(state, district, station, 'missing_person',
		format('Missing person report %s registered%s%s', v_number,
			CASE WHEN v_child THEN ' (a child)' ELSE '' END,
			CASE WHEN f.fir_id IS NOT NULL THEN ', FIR ' || core.fir_number_text(f.fir_no, f.fir_year) ELSE '' END),
		report -> 'officer', f.fir_year, f.fir_no, NULL);

	v_pid := core.link_person(state, district, station, report -> 'person', 'person', 'missing', 'missing_person',
		v_year, v_id, f.fir_id, 'missing person report ' || v_number);
	v_iid := core.link_person(state, district, station, report -> 'informant', 'informant', 'informant',
		'missing_person', v_year, v_id, f.fir_id, 'missing person report ' || v_number);

	INSERT INTO core.missing_person (state_code, year, mp_id, district_code, station_code, mp_no, registered_at,
		gd_date, gd_no, idempotency_key, content_sha256, person, person_id, age_years, descriptive_roll,
		missing_since, last_seen_place, circumstances, clothing, reported_at, informant, informant_id,
		relation_to_missing, fir_year, fir_id, officer_number, officer_name, officer_rank)
	VALUES (state, v_year, v_id, district, station, v_no, now(),
		g.gd_date, g.gd_no, idem, sha256(convert_to(report::text, 'UTF8')), chk.o_person, v_pid, chk.o_age, chk.o_roll,
		chk.o_since, chk.o_place, nullif(report ->> 'circumstances', ''), nullif(report ->> 'clothing', ''),
		chk.o_reported, chk.o_informant, v_iid, nullif(report ->> 'relation_to_missing', ''), f.fir_year, f.fir_id,
		report #>> '{officer,number}', report #>> '{officer,name}', report #>> '{officer,rank}')
	RETURNING * INTO m;

	IF f.fir_id IS NOT NULL THEN
		PERFORM core.case_event_add(state, f.fir_year, f.fir_id, now(), 'missing_person', f.status,
			report -> 'officer', format('Missing person report %s registered%s', v_number,
				CASE WHEN v_child THEN ' (a child)' ELSE '' END), g.gd_date, g.gd_no, NULL);
	END IF;

	v_answer := core.missing_receipt_json(m);
	PERFORM core.idem_answer(state, district, station, idem, v_answer);
	RETURN QUERY SELECT v_answer, false;
END
$fn$;
COMMENT ON FUNCTION api.register_missing_person(int, int, int, bytea, jsonb) IS
	'Register a missing person report (MissingPersonReport JSON) with a 16-byte idempotency key: numbers it in the station''s register, writes its diary entry, links the missing person and the informant, and the event missing_person on its FIR. A child''s report needs an FIR of the station (CT400 fir_number). Returns MissingPersonReceipt JSON; CT401, CT400 (COLUMN = path in the report), CT409 key reused';

CREATE FUNCTION api.mark_missing_traced(state int, district int, station int, idem bytea, number text, req jsonb)
RETURNS TABLE (receipt jsonb, replayed boolean)
LANGUAGE plpgsql SECURITY DEFINER
SET search_path = pg_catalog, pg_temp
SET constraint_exclusion = off
AS $fn$
#variable_conflict use_column
DECLARE
	keys constant text[] := ARRAY['traced_at', 'how', 'place', 'officer'];
	num record;
	v_answer jsonb;
	m core.missing_person;
	v_fir_no int;
	v_status text;
	g record;
	v_at timestamptz;
	v_how text;
	v_place jsonb;
	v_number text;
BEGIN
	PERFORM core.station_check(state, district, station);
	SELECT * INTO num FROM core.register_no_parse(number, 'number', NULL);
	v_number := core.register_no_text(num.no, num.year, NULL);
	IF req IS NULL OR jsonb_typeof(req) <> 'object' THEN
		PERFORM core.fir_bad('', 'the request must be a JSON object (MarkMissingTraced)');
	END IF;
	PERFORM core.ensure_partitions(state, extract(year FROM now() AT TIME ZONE 'Asia/Kolkata')::int);
	v_answer := core.idem_claim(state, district, station, idem,
		sha256(convert_to(v_number || ' ' || req::text, 'UTF8')), 'mark_missing_traced');
	IF v_answer IS NOT NULL THEN
		RETURN QUERY SELECT v_answer || '{"replayed": true}', true;
		RETURN;
	END IF;

	SELECT * INTO m FROM core.missing_person x
	WHERE x.state_code = state AND x.year = num.year AND x.district_code = district
		AND x.station_code = station AND x.mp_no = num.no
	FOR UPDATE;
	IF NOT FOUND THEN
		RAISE EXCEPTION USING ERRCODE = 'CT404', COLUMN = 'number',
			MESSAGE = format('no missing person report %s at this station', v_number);
	END IF;
	IF m.traced_at IS NOT NULL THEN
		RAISE EXCEPTION USING ERRCODE = 'CT409', COLUMN = 'number',
			MESSAGE = format('missing person report %s was already marked traced (%s, at %s)', v_number,
				replace(m.traced_how, '_', ' '), core.ist_text(m.traced_at));
	END IF;

	PERFORM core.j_keys(req, '', keys);
	v_at := core.read_time(req -> 'traced_at', 'traced_at', true);
	IF v_at < m.missing_since THEN
		PERFORM core.fir_bad('traced_at', format('traced_at (%s) is before the person went missing (%s)',
			core.ist_text(v_at), core.ist_text(m.missing_since)));
	END IF;
	v_how := core.j_enum(req -> 'how', 'how', ARRAY['returned_home', 'found_by_police', 'found_dead', 'other'], true);
	v_place := core.r2_place(req -> 'place', 'place');
	PERFORM core.officer_check(req -> 'officer', 'officer', true);

	IF m.fir_id IS NOT NULL THEN
		SELECT x.fir_no, x.status INTO v_fir_no, v_status FROM core.fir x
		WHERE x.state_code = state AND x.year = m.fir_year AND x.fir_id = m.fir_id
		FOR NO KEY UPDATE;
	END IF;
	SELECT * INTO g FROM core.gd_write(state, district, station, 'missing_person',
		format('Missing person report %s: traced, %s', v_number, replace(v_how, '_', ' ')),
		req -> 'officer', m.fir_year, v_fir_no, NULL);
	UPDATE core.missing_person x SET traced_at = v_at, traced_how = v_how, traced_place = v_place,
		traced_officer_number = req #>> '{officer,number}', traced_officer_name = req #>> '{officer,name}',
		traced_officer_rank = req #>> '{officer,rank}', traced_recorded_at = now(),
		traced_gd_date = g.gd_date, traced_gd_no = g.gd_no
	WHERE x.state_code = m.state_code AND x.year = m.year AND x.mp_id = m.mp_id
	RETURNING * INTO m;
	IF m.fir_id IS NOT NULL THEN
		-- At the time of recording: the timeline is in the order the station acted.
		PERFORM core.case_event_add(state, m.fir_year, m.fir_id, now(), 'missing_person', v_status,
			req -> 'officer', format('Missing person report %s: traced on %s, %s', v_number,
				to_char(v_at AT TIME ZONE 'Asia/Kolkata', 'DD/MM/YYYY HH24:MI "IST"'), replace(v_how, '_', ' ')),
			g.gd_date, g.gd_no, NULL);
	END IF;

	v_answer := jsonb_build_object('number', v_number, 'trace', core.missing_trace_json(m));
	PERFORM core.idem_answer(state, district, station, idem, v_answer);
	RETURN QUERY SELECT v_answer, false;
END
$fn$;
COMMENT ON FUNCTION api.mark_missing_traced(int, int, int, bytea, text, jsonb) IS
	'Record that the missing person of a report of the calling station was found (MarkMissingTraced JSON without key and number): once, not before missing_since, not in the future; writes its diary entry and, for a report with an FIR, a timeline event. Returns MissingTracedReceipt JSON; CT400, CT404 no such report, CT409 already traced or key reused';

CREATE FUNCTION api.get_missing_person(state int, district int, station int, number text) RETURNS jsonb
LANGUAGE plpgsql STABLE SECURITY DEFINER
SET search_path = pg_catalog, pg_temp
SET constraint_exclusion = off
AS $fn$
DECLARE
	num record;
	m core.missing_person;
BEGIN
	PERFORM core.station_check(state, district, station);
	SELECT * INTO num FROM core.register_no_parse(number, 'number', NULL);
	SELECT * INTO m FROM core.missing_person x
	WHERE x.state_code = state AND x.year = num.year AND x.district_code = district
		AND x.station_code = station AND x.mp_no = num.no;
	IF NOT FOUND THEN
		RAISE EXCEPTION USING ERRCODE = 'CT404', COLUMN = 'number',
			MESSAGE = format('no missing person report %s at this station', core.register_no_text(num.no, num.year, NULL));
	END IF;
	RETURN core.missing_json(m);
END
$fn$;
COMMENT ON FUNCTION api.get_missing_person(int, int, int, text) IS
	'A missing person report of the calling station: MissingPerson JSON; CT400 bad number, CT404 none';

-- ------------------------------------------------------------ unnatural deaths: validation

CREATE FUNCTION core.ud_check(state int, r jsonb,
	OUT o_kind text, OUT o_found timestamptz, OUT o_place jsonb, OUT o_cause text, OUT o_deceased jsonb,
	OUT o_age_from int, OUT o_age_to int, OUT o_height int, OUT o_roll jsonb, OUT o_informant jsonb,
	OUT o_inquest_at timestamptz, OUT o_inquest_officer jsonb, OUT o_pm_hospital text, OUT o_pm_date date)
LANGUAGE plpgsql
SET search_path = pg_catalog, pg_temp
AS $fn$
DECLARE
	keys constant text[] := ARRAY['kind', 'found_at', 'place', 'apparent_cause', 'deceased', 'apparent_age_from',
		'apparent_age_to', 'height_cm', 'descriptive_roll', 'clothing', 'articles_found', 'informant', 'inquest_at',
		'inquest_officer', 'inquest_magistrate', 'post_mortem', 'fir_number', 'officer'];
	causes constant text[] := ARRAY['drowning', 'hanging', 'burns', 'poisoning', 'road_accident', 'railway_accident',
		'fall', 'electrocution', 'snake_bite', 'unknown', 'other'];
	v jsonb;
	k text;
	magistrate text;
	found_day date;
BEGIN
	IF r IS NULL OR jsonb_typeof(r) <> 'object' THEN
		PERFORM core.fir_bad('', 'the report must be a JSON object (UnnaturalDeathReport)');
	END IF;
	PERFORM core.j_keys(r, '', keys);
	o_kind := core.j_enum(r -> 'kind', 'kind', ARRAY['unidentified_body', 'unnatural_death'], true);
	o_found := core.read_time(r -> 'found_at', 'found_at', true);
	found_day := (o_found AT TIME ZONE 'Asia/Kolkata')::date;
	o_place := core.r2_place(r -> 'place', 'place');
	o_cause := core.j_enum(r -> 'apparent_cause', 'apparent_cause', causes, true);

	v := r -> 'deceased';
	IF o_kind = 'unidentified_body' THEN
		IF v IS NOT NULL AND jsonb_typeof(v) = 'object' THEN
			SELECT key INTO k FROM jsonb_object_keys(v) key WHERE key <> 'gender' ORDER BY key LIMIT 1;
			IF k IS NOT NULL THEN
				PERFORM core.fir_bad('deceased.' || k, format('deceased.%s: an unidentified body records only what is seen (gender); '
					'a known person''s death is kind unnatural_death, and a body identified later is recorded with cctns ud identify', k));
			END IF;
		END IF;
		o_deceased := core.r2_person(state, v, 'deceased', false);
	ELSE
		o_deceased := core.r2_person(state, v, 'deceased', true);
		PERFORM core.r2_birth_before(o_deceased, 'deceased', o_found, 'found_at');
	END IF;

	o_age_from := core.r2_uint(r -> 'apparent_age_from', 'apparent_age_from', 0, 120, '%s years is not a human age (0 to 120)');
	o_age_to := core.r2_uint(r -> 'apparent_age_to', 'apparent_age_to', 0, 120, '%s years is not a human age (0 to 120)');
	IF o_age_from IS NOT NULL AND o_age_to IS NULL THEN
		PERFORM core.fir_bad('apparent_age_to', 'apparent_age_to is required with apparent_age_from (the same value for one age)');
	END IF;
	IF o_age_from > o_age_to THEN
		PERFORM core.fir_bad('apparent_age_from', format('apparent_age_from (%s) is above apparent_age_to (%s)', o_age_from, o_age_to));
	END IF;
	IF o_age_to IS NOT NULL AND o_age_from IS NULL THEN
		o_age_from := 0;
	END IF;
	o_height := core.r2_uint(r -> 'height_cm', 'height_cm', 30, 250, '%s cm is not a human height (30 to 250)');
	o_roll := core.r2_roll(r -> 'descriptive_roll', 'descriptive_roll', false);
	PERFORM core.r2_texts(r, '', ARRAY['clothing', 'articles_found', 'inquest_magistrate'], ARRAY[3000, 4000, 600]);
	o_informant := core.r2_person(state, r -> 'informant', 'informant', false);
	IF o_informant IS NOT NULL AND NOT o_informant ? 'name' THEN
		PERFORM core.fir_bad('informant.name', 'informant.name is required when an informant is given');
	END IF;

	o_inquest_at := core.read_time(r -> 'inquest_at', 'inquest_at', false);
	o_inquest_officer := core.officer_check(r -> 'inquest_officer', 'inquest_officer', false);
	magistrate := nullif(r ->> 'inquest_magistrate', '');
	IF o_inquest_officer IS NOT NULL AND magistrate IS NOT NULL THEN
		PERFORM core.fir_bad('inquest_magistrate', 'inquest_magistrate must be empty when inquest_officer is given: the inquest is held by one of them');
	END IF;
	IF o_inquest_at IS NULL AND (o_inquest_officer IS NOT NULL OR magistrate IS NOT NULL) THEN
		PERFORM core.fir_bad('inquest_at', 'inquest_at is required when the inquest is recorded');
	END IF;
	IF o_inquest_at IS NOT NULL AND o_inquest_officer IS NULL AND magistrate IS NULL THEN
		PERFORM core.fir_bad('inquest_officer', 'inquest_officer (or inquest_magistrate) is required with inquest_at: who held the inquest');
	END IF;
	IF o_inquest_at < o_found THEN
		PERFORM core.fir_bad('inquest_at', format('inquest_at (%s) is before found_at (%s): an inquest follows the finding of the body',
			core.ist_text(o_inquest_at), core.ist_text(o_found)));
	END IF;

	v := core.j_obj(r -> 'post_mortem', 'post_mortem', ARRAY['hospital', 'date'], false);
	IF v IS NOT NULL THEN
		o_pm_hospital := core.j_str(v -> 'hospital', 'post_mortem.hospital', 600, true);
		o_pm_date := core.read_date(v -> 'date', 'post_mortem.date');
		IF o_pm_date IS NULL THEN
			PERFORM core.fir_bad('post_mortem.date', 'post_mortem.date is required with the post-mortem''s hospital');
		END IF;
		IF o_pm_date < found_day THEN
			PERFORM core.fir_bad('post_mortem.date', format('post_mortem.date (%s) is before the body was found (%s)',
				o_pm_date, found_day));
		END IF;
		IF o_pm_date > (now() AT TIME ZONE 'Asia/Kolkata')::date THEN
			PERFORM core.fir_bad('post_mortem.date', 'post_mortem.date is in the future');
		END IF;
	END IF;
	PERFORM core.officer_check(r -> 'officer', 'officer', true);
END
$fn$;
COMMENT ON FUNCTION core.ud_check(int, jsonb) IS
	'Validate an UnnaturalDeathReport (without its FIR): kind, cause, found_at not in the future, an unidentified body showing only its gender, a known deceased with a name, ages 0..120 in order, height 30..250, inquest after found_at by an officer or a magistrate, post-mortem date from the finding to today, officer';

-- ------------------------------------------------------------ unnatural deaths: JSON

CREATE FUNCTION core.ud_receipt_json(u core.unnatural_death) RETURNS jsonb
LANGUAGE sql STABLE
SET search_path = pg_catalog, pg_temp
AS $fn$
	SELECT jsonb_strip_nulls(jsonb_build_object(
		'ud_number', core.register_no_text(u.ud_no, u.year, 'UD'),
		'registered_at', core.ist_text(date_trunc('second', u.registered_at)),
		'gd_date', to_char(u.gd_date, 'YYYY-MM-DD'),
		'gd_number', u.gd_no,
		'fir_number', core.r2_fir_text(u.state_code, u.fir_year, u.fir_id)))
$fn$;
COMMENT ON FUNCTION core.ud_receipt_json(core.unnatural_death) IS 'UnnaturalDeathReceipt JSON (without replayed) of a report';

CREATE FUNCTION core.ud_identification_json(u core.unnatural_death) RETURNS jsonb
LANGUAGE sql STABLE
SET search_path = pg_catalog, pg_temp
AS $fn$
	SELECT CASE WHEN u.identified_at IS NOT NULL THEN jsonb_strip_nulls(jsonb_build_object(
		'deceased', core.r2_person_json(u.identified_person, u.identified_person_id),
		'identified_by', core.r2_person_json(u.identified_by, u.identified_by_id),
		'identified_at', core.ist_text(u.identified_at),
		'officer', core.officer_json(u.identified_officer_number, u.identified_officer_name, u.identified_officer_rank),
		'recorded_at', core.ist_text(date_trunc('second', u.identified_recorded_at)),
		'gd_date', to_char(u.identified_gd_date, 'YYYY-MM-DD'),
		'gd_number', u.identified_gd_no)) END
$fn$;
COMMENT ON FUNCTION core.ud_identification_json(core.unnatural_death) IS 'BodyIdentification JSON of a report, NULL until identified';

CREATE FUNCTION core.ud_json(u core.unnatural_death) RETURNS jsonb
LANGUAGE sql STABLE
SET search_path = pg_catalog, pg_temp
AS $fn$
	SELECT jsonb_strip_nulls(jsonb_build_object(
		'receipt', core.ud_receipt_json(u),
		'report', jsonb_strip_nulls(jsonb_build_object(
			'kind', u.kind,
			'found_at', core.ist_text(u.found_at),
			'place', u.place,
			'apparent_cause', u.apparent_cause,
			'deceased', core.r2_person_json(u.deceased, u.deceased_id),
			'apparent_age_from', nullif(u.apparent_age_from, 0),
			'apparent_age_to', u.apparent_age_to,
			'height_cm', u.height_cm,
			'descriptive_roll', u.descriptive_roll,
			'clothing', u.clothing,
			'articles_found', u.articles_found,
			'informant', core.r2_person_json(u.informant, u.informant_id),
			'inquest_at', core.ist_text(u.inquest_at),
			'inquest_officer', core.officer_json(u.inquest_officer_number, u.inquest_officer_name, u.inquest_officer_rank),
			'inquest_magistrate', u.inquest_magistrate,
			'post_mortem', nullif(jsonb_strip_nulls(jsonb_build_object('hospital', u.post_mortem_hospital,
				'date', to_char(u.post_mortem_date, 'YYYY-MM-DD'))), '{}'),
			'fir_number', core.r2_fir_text(u.state_code, u.fir_year, u.fir_id),
			'officer', core.officer_json(u.officer_number, u.officer_name, u.officer_rank))),
		'identification', core.ud_identification_json(u)))
$fn$;
COMMENT ON FUNCTION core.ud_json(core.unnatural_death) IS 'UnnaturalDeath JSON {"receipt", "report", "identification"} of a report';

-- ------------------------------------------------------------ unnatural deaths: api

CREATE FUNCTION api.register_unnatural_death(state int, district int, station int, idem bytea, report jsonb)
RETURNS TABLE (receipt jsonb, replayed boolean)
LANGUAGE plpgsql SECURITY DEFINER
SET search_path = pg_catalog, pg_temp
SET constraint_exclusion = off
AS $fn$
#variable_conflict use_column
DECLARE
	v_year int := extract(year FROM now() AT TIME ZONE 'Asia/Kolkata')::int;
	v_answer jsonb;
	c record;
	f record;
	g record;
	v_id bigint := nextval('core.unnatural_death_id_seq');
	v_no int;
	v_number text;
	v_what text;
	v_did bigint;
	v_iid bigint;
	u core.unnatural_death;
BEGIN
	PERFORM core.station_check(state, district, station);
	IF report IS NULL OR jsonb_typeof(report) <> 'object' THEN
		PERFORM core.fir_bad('', 'the report must be a JSON object (UnnaturalDeathReport)');
	END IF;
	PERFORM core.ensure_partitions(state, v_year);
	v_answer := core.idem_claim(state, district, station, idem, sha256(convert_to(report::text, 'UTF8')),
		'register_unnatural_death');
	IF v_answer IS NOT NULL THEN
		RETURN QUERY SELECT v_answer || '{"replayed": true}', true;
		RETURN;
	END IF;

	SELECT * INTO c FROM core.ud_check(state, report);
	SELECT * INTO f FROM core.r2_fir(state, district, station, report -> 'fir_number', 'fir_number', true, NULL);
	v_no := core.next_record_no('unnatural_death', state, district, station, v_year);
	v_number := core.register_no_text(v_no, v_year, 'UD');
	v_what := format('%s %s: %s, apparent cause %s', CASE WHEN c.o_kind = 'unidentified_body'
		THEN 'Unidentified dead body' ELSE 'Unnatural death' END, v_number,
		CASE WHEN c.o_kind = 'unidentified_body' THEN 'found' ELSE 'reported' END, replace(c.o_cause, '_', ' '));
	SELECT * INTO g FROM core.gd_write(state, district, station, 'unidentified_body',
		v_what || CASE WHEN f.fir_id IS NOT NULL THEN ', FIR ' || core.fir_number_text(f.fir_no, f.fir_year) ELSE '' END,
		report -> 'officer', f.fir_year, f.fir_no, NULL);

	IF c.o_kind = 'unnatural_death' THEN
		v_did := core.link_person(state, district, station, report -> 'deceased', 'deceased', 'deceased',
			'unnatural_death', v_year, v_id, f.fir_id, v_number);
	END IF;
	v_iid := core.link_person(state, district, station, report -> 'informant', 'informant', 'informant',
		'unnatural_death', v_year, v_id, f.fir_id, v_number);

	INSERT INTO core.unnatural_death (state_code, year, ud_id, district_code, station_code, ud_no, registered_at,
		gd_date, gd_no, idempotency_key, content_sha256, kind, found_at, place, apparent_cause, deceased, deceased_id,
		apparent_age_from, apparent_age_to, height_cm, descriptive_roll, clothing, articles_found, informant,
		informant_id, inquest_at, inquest_officer_number, inquest_officer_name, inquest_officer_rank,
		inquest_magistrate, post_mortem_hospital, post_mortem_date, fir_year, fir_id,
		officer_number, officer_name, officer_rank)
	VALUES (state, v_year, v_id, district, station, v_no, now(),
		g.gd_date, g.gd_no, idem, sha256(convert_to(report::text, 'UTF8')), c.o_kind, c.o_found, c.o_place, c.o_cause,
		c.o_deceased, v_did, c.o_age_from, c.o_age_to, c.o_height, c.o_roll, nullif(report ->> 'clothing', ''),
		nullif(report ->> 'articles_found', ''), c.o_informant, v_iid, c.o_inquest_at,
		c.o_inquest_officer ->> 'number', c.o_inquest_officer ->> 'name', c.o_inquest_officer ->> 'rank',
		nullif(report ->> 'inquest_magistrate', ''), c.o_pm_hospital, c.o_pm_date, f.fir_year, f.fir_id,
		report #>> '{officer,number}', report #>> '{officer,name}', report #>> '{officer,rank}')
	RETURNING * INTO u;

	IF f.fir_id IS NOT NULL THEN
		PERFORM core.case_event_add(state, f.fir_year, f.fir_id, now(), 'unnatural_death', f.status,
			report -> 'officer', v_what, g.gd_date, g.gd_no, NULL);
	END IF;

	v_answer := core.ud_receipt_json(u);
	PERFORM core.idem_answer(state, district, station, idem, v_answer);
	RETURN QUERY SELECT v_answer, false;
END
$fn$;
COMMENT ON FUNCTION api.register_unnatural_death(int, int, int, bytea, jsonb) IS
	'Register an unidentified dead body or an unnatural death (UnnaturalDeathReport JSON) with a 16-byte idempotency key: gives its UD number, writes its diary entry (kind unidentified_body), links the deceased and the informant, and the event unnatural_death on its FIR, if any. Returns UnnaturalDeathReceipt JSON; CT401, CT400 (COLUMN = path in the report), CT409 key reused';

CREATE FUNCTION api.identify_body(state int, district int, station int, idem bytea, ud_number text, req jsonb)
RETURNS TABLE (receipt jsonb, replayed boolean)
LANGUAGE plpgsql SECURITY DEFINER
SET search_path = pg_catalog, pg_temp
SET constraint_exclusion = off
AS $fn$
#variable_conflict use_column
DECLARE
	keys constant text[] := ARRAY['deceased', 'identified_by', 'identified_at', 'officer'];
	num record;
	v_answer jsonb;
	u core.unnatural_death;
	v_fir_no int;
	v_status text;
	g record;
	v_at timestamptz;
	v_dec jsonb;
	v_by jsonb;
	v_did bigint;
	v_bid bigint;
	v_number text;
BEGIN
	PERFORM core.station_check(state, district, station);
	SELECT * INTO num FROM core.register_no_parse(ud_number, 'ud_number', 'UD');
	v_number := core.register_no_text(num.no, num.year, 'UD');
	IF req IS NULL OR jsonb_typeof(req) <> 'object' THEN
		PERFORM core.fir_bad('', 'the request must be a JSON object (IdentifyBody)');
	END IF;
	PERFORM core.ensure_partitions(state, extract(year FROM now() AT TIME ZONE 'Asia/Kolkata')::int);
	v_answer := core.idem_claim(state, district, station, idem,
		sha256(convert_to(v_number || ' ' || req::text, 'UTF8')), 'identify_body');
	IF v_answer IS NOT NULL THEN
		RETURN QUERY SELECT v_answer || '{"replayed": true}', true;
		RETURN;
	END IF;

	SELECT * INTO u FROM core.unnatural_death x
	WHERE x.state_code = state AND x.year = num.year AND x.district_code = district
		AND x.station_code = station AND x.ud_no = num.no
	FOR UPDATE;
	IF NOT FOUND THEN
		RAISE EXCEPTION USING ERRCODE = 'CT404', COLUMN = 'ud_number',
			MESSAGE = format('no unnatural death report %s at this station', v_number);
	END IF;
	IF u.kind <> 'unidentified_body' THEN
		RAISE EXCEPTION USING ERRCODE = 'CT409', COLUMN = 'ud_number',
			MESSAGE = format('%s is the unnatural death of a known person, not an unidentified body', v_number);
	END IF;
	IF u.identified_at IS NOT NULL THEN
		RAISE EXCEPTION USING ERRCODE = 'CT409', COLUMN = 'ud_number',
			MESSAGE = format('the body of %s was already identified (at %s)', v_number, core.ist_text(u.identified_at));
	END IF;

	PERFORM core.j_keys(req, '', keys);
	v_dec := core.r2_person(state, req -> 'deceased', 'deceased', true);
	v_by := core.r2_person(state, req -> 'identified_by', 'identified_by', true);
	v_at := core.read_time(req -> 'identified_at', 'identified_at', true);
	IF v_at < u.found_at THEN
		PERFORM core.fir_bad('identified_at', format('identified_at (%s) is before the body was found (%s)',
			core.ist_text(v_at), core.ist_text(u.found_at)));
	END IF;
	PERFORM core.r2_birth_before(v_dec, 'deceased', u.found_at, 'the body was found');
	PERFORM core.officer_check(req -> 'officer', 'officer', true);

	IF u.fir_id IS NOT NULL THEN
		SELECT x.fir_no, x.status INTO v_fir_no, v_status FROM core.fir x
		WHERE x.state_code = state AND x.year = u.fir_year AND x.fir_id = u.fir_id
		FOR NO KEY UPDATE;
	END IF;
	SELECT * INTO g FROM core.gd_write(state, district, station, 'unidentified_body',
		format('Unidentified dead body %s: identified', v_number), req -> 'officer', u.fir_year, v_fir_no, NULL);
	v_did := core.link_person(state, district, station, req -> 'deceased', 'deceased', 'deceased',
		'unnatural_death', u.year, u.ud_id, u.fir_id, v_number);
	v_bid := core.link_person(state, district, station, req -> 'identified_by', 'identified_by', 'identified_by',
		'unnatural_death', u.year, u.ud_id, u.fir_id, v_number);
	UPDATE core.unnatural_death x SET identified_at = v_at, identified_person = v_dec, identified_person_id = v_did,
		identified_by = v_by, identified_by_id = v_bid,
		identified_officer_number = req #>> '{officer,number}', identified_officer_name = req #>> '{officer,name}',
		identified_officer_rank = req #>> '{officer,rank}', identified_recorded_at = now(),
		identified_gd_date = g.gd_date, identified_gd_no = g.gd_no
	WHERE x.state_code = u.state_code AND x.year = u.year AND x.ud_id = u.ud_id
	RETURNING * INTO u;
	IF u.fir_id IS NOT NULL THEN
		PERFORM core.case_event_add(state, u.fir_year, u.fir_id, now(), 'unnatural_death', v_status,
			req -> 'officer', format('Unidentified dead body %s: identified on %s', v_number,
				to_char(v_at AT TIME ZONE 'Asia/Kolkata', 'DD/MM/YYYY HH24:MI "IST"')), g.gd_date, g.gd_no, NULL);
	END IF;

	v_answer := jsonb_build_object('ud_number', v_number, 'identification', core.ud_identification_json(u));
	PERFORM core.idem_answer(state, district, station, idem, v_answer);
	RETURN QUERY SELECT v_answer, false;
END
$fn$;
COMMENT ON FUNCTION api.identify_body(int, int, int, bytea, text, jsonb) IS
	'Record who an unidentified body of the calling station''s register was (IdentifyBody JSON without key and ud_number): once, not before it was found, not in the future; links the deceased and who identified them, writes the diary entry and, with an FIR, a timeline event. Returns BodyIdentifiedReceipt JSON; CT400, CT404 no such report, CT409 not an unidentified body, already identified, key reused';

CREATE FUNCTION api.get_unnatural_death(state int, district int, station int, ud_number text) RETURNS jsonb
LANGUAGE plpgsql STABLE SECURITY DEFINER
SET search_path = pg_catalog, pg_temp
SET constraint_exclusion = off
AS $fn$
DECLARE
	num record;
	u core.unnatural_death;
BEGIN
	PERFORM core.station_check(state, district, station);
	SELECT * INTO num FROM core.register_no_parse(ud_number, 'ud_number', 'UD');
	SELECT * INTO u FROM core.unnatural_death x
	WHERE x.state_code = state AND x.year = num.year AND x.district_code = district
		AND x.station_code = station AND x.ud_no = num.no;
	IF NOT FOUND THEN
		RAISE EXCEPTION USING ERRCODE = 'CT404', COLUMN = 'ud_number',
			MESSAGE = format('no unnatural death report %s at this station', core.register_no_text(num.no, num.year, 'UD'));
	END IF;
	RETURN core.ud_json(u);
END
$fn$;
COMMENT ON FUNCTION api.get_unnatural_death(int, int, int, text) IS
	'An unnatural death report of the calling station by UD number: UnnaturalDeath JSON; CT400 bad number, CT404 none';

-- ------------------------------------------------------------ vehicles: validation

CREATE FUNCTION core.vehicle_check(state int, r jsonb,
	OUT o_kind text, OUT o_type text, OUT o_at timestamptz, OUT o_place jsonb, OUT o_owner jsonb,
	OUT o_model_year int)
LANGUAGE plpgsql
SET search_path = pg_catalog, pg_temp
AS $fn$
DECLARE
	keys constant text[] := ARRAY['kind', 'registration_number', 'chassis_number', 'engine_number', 'vehicle_type',
		'make', 'model', 'colour', 'model_year', 'at', 'place', 'owner', 'fir_number', 'officer'];
	types constant text[] := ARRAY['two_wheeler', 'car', 'jeep', 'truck', 'bus', 'tractor', 'auto_rickshaw',
		'e_rickshaw', 'other'];
	reg text;
	chassis text;
	engine text;
	why text;
BEGIN
	IF r IS NULL OR jsonb_typeof(r) <> 'object' THEN
		PERFORM core.fir_bad('', 'the report must be a JSON object (VehicleReport)');
	END IF;
	PERFORM core.j_keys(r, '', keys);
	o_kind := core.j_enum(r -> 'kind', 'kind', ARRAY['stolen', 'recovered', 'unclaimed'], true);
	reg := core.j_str(r -> 'registration_number', 'registration_number', 30, false);
	chassis := core.j_str(r -> 'chassis_number', 'chassis_number', 40, false);
	engine := core.j_str(r -> 'engine_number', 'engine_number', 40, false);
	IF reg IS NULL AND chassis IS NULL AND engine IS NULL THEN
		PERFORM core.fir_bad('registration_number', 'registration_number is required unless the chassis or engine number is given');
	END IF;
	why := core.vehicle_registration_refusal(reg);
	IF why IS NOT NULL THEN
		PERFORM core.fir_bad('registration_number', format('registration_number "%s" %s', reg, why));
	END IF;
	IF chassis !~ '^[A-Za-z0-9][A-Za-z0-9 -]*$' OR length(core.vehicle_no_normalise(chassis)) NOT BETWEEN 5 AND 17 THEN
		PERFORM core.fir_bad('chassis_number', format('chassis_number "%s": expected 5 to 17 letters and digits (spaces and dashes between)', chassis));
	END IF;
	IF length(core.vehicle_no_normalise(chassis)) = 17 AND core.vehicle_no_normalise(chassis) ~ '[IOQ]' THEN
		PERFORM core.fir_bad('chassis_number', format('chassis_number "%s": a 17-character VIN never has the letters I, O or Q', chassis));
	END IF;
	IF engine !~ '^[A-Za-z0-9][A-Za-z0-9 ./-]*$' OR length(core.vehicle_no_normalise(engine)) NOT BETWEEN 5 AND 20 THEN
		PERFORM core.fir_bad('engine_number', format('engine_number "%s": expected 5 to 20 letters and digits (spaces, dashes, dots and slashes between)', engine));
	END IF;
	o_type := core.j_enum(r -> 'vehicle_type', 'vehicle_type', types, true);
	PERFORM core.r2_texts(r, '', ARRAY['make', 'model', 'colour'], ARRAY[300, 300, 200]);
	o_model_year := core.r2_uint(r -> 'model_year', 'model_year', 1900,
		extract(year FROM now() AT TIME ZONE 'Asia/Kolkata')::int + 1, '%s is not a model year: expected 1900 to next year');
	o_at := core.read_time(r -> 'at', 'at', true);
	o_place := core.r2_place(r -> 'place', 'place');
	o_owner := core.r2_person(state, r -> 'owner', 'owner', false);
	IF o_owner IS NOT NULL AND NOT o_owner ? 'name' THEN
		PERFORM core.fir_bad('owner.name', 'owner.name is required when an owner is given');
	END IF;
	PERFORM core.officer_check(r -> 'officer', 'officer', true);
END
$fn$;
COMMENT ON FUNCTION core.vehicle_check(int, jsonb) IS
	'Validate a VehicleReport (without its FIR): kind, at least one of registration, chassis and engine numbers, a registration number of an Indian format, chassis and engine characters and lengths (a 17-character VIN without I, O, Q), type, model year, at not in the future, owner with a name, officer';

-- ------------------------------------------------------------ vehicles: JSON

-- core.station_identity_json (Identity JSON of a station) comes from 0010.

CREATE FUNCTION core.vehicle_match_json(v core.vehicle_report, matched_by text[]) RETURNS jsonb
LANGUAGE sql STABLE
SET search_path = pg_catalog, pg_temp
AS $fn$
	SELECT jsonb_strip_nulls(jsonb_build_object(
		'number', core.register_no_text(v.vr_no, v.year, NULL),
		'station', core.station_identity_json(v.state_code, v.district_code, v.station_code),
		'kind', v.kind,
		'registration_number', v.registration_number,
		'registration_normalised', v.registration_normalised,
		'chassis_number', v.chassis_number,
		'engine_number', v.engine_number,
		'vehicle_type', v.vehicle_type,
		'make', v.make,
		'model', v.model,
		'colour', v.colour,
		'at', core.ist_text(v.at),
		'fir_number', core.r2_fir_text(v.state_code, v.fir_year, v.fir_id),
		'registered_at', core.ist_text(date_trunc('second', v.registered_at)),
		'matched_by', CASE WHEN cardinality(matched_by) > 0 THEN to_jsonb(matched_by) END))
$fn$;
COMMENT ON FUNCTION core.vehicle_match_json(core.vehicle_report, text[]) IS
	'VehicleMatch JSON of a report (no owner) and what it matched by';

-- Reports of the state whose normalised registration, chassis or engine
-- number equals one given (NULL: not searched), of the given kinds, other
-- than the report except_id; newest first, at most 100.
CREATE FUNCTION core.vehicle_matches(state int, reg text, chassis text, engine text, kinds text[], except_id bigint)
RETURNS jsonb
LANGUAGE sql STABLE
SET search_path = pg_catalog, pg_temp
AS $fn$
	SELECT coalesce(jsonb_agg(core.vehicle_match_json(m.v, m.by) ORDER BY (m.v).registered_at DESC, (m.v).vr_id DESC), '[]')
	FROM (
		SELECT v, array_remove(ARRAY[
			CASE WHEN v.registration_normalised = reg THEN 'registration' END,
			CASE WHEN v.chassis_normalised = chassis THEN 'chassis' END,
			CASE WHEN v.engine_normalised = engine THEN 'engine' END], NULL) AS by
		FROM core.vehicle_report v
		WHERE v.state_code = state AND v.kind = ANY (kinds) AND v.vr_id IS DISTINCT FROM except_id
			AND (v.registration_normalised = reg OR v.chassis_normalised = chassis OR v.engine_normalised = engine)
		ORDER BY v.registered_at DESC, v.vr_id DESC
		LIMIT 100
	) m
$fn$;
COMMENT ON FUNCTION core.vehicle_matches(int, text, text, text, text[], bigint) IS
	'VehicleMatch JSON array of the state''s reports of the given kinds matching a normalised registration, chassis or engine number (index scans), newest first, at most 100';

-- For a recovered or unclaimed vehicle the stolen reports, for a stolen one
-- the recovered and unclaimed ones.
CREATE FUNCTION core.vehicle_other_side(kind text) RETURNS text[]
LANGUAGE sql IMMUTABLE
SET search_path = pg_catalog, pg_temp
AS $fn$
	SELECT CASE WHEN kind = 'stolen' THEN ARRAY['recovered', 'unclaimed'] ELSE ARRAY['stolen'] END
$fn$;
COMMENT ON FUNCTION core.vehicle_other_side(text) IS 'The kinds of report a vehicle report is matched against';

CREATE FUNCTION core.vehicle_receipt_json(v core.vehicle_report) RETURNS jsonb
LANGUAGE sql STABLE
SET search_path = pg_catalog, pg_temp
AS $fn$
	SELECT jsonb_strip_nulls(jsonb_build_object(
		'number', core.register_no_text(v.vr_no, v.year, NULL),
		'registration_normalised', v.registration_normalised,
		'registered_at', core.ist_text(date_trunc('second', v.registered_at)),
		'gd_date', to_char(v.gd_date, 'YYYY-MM-DD'),
		'gd_number', v.gd_no,
		'matches', nullif(core.vehicle_matches(v.state_code, v.registration_normalised, v.chassis_normalised,
			v.engine_normalised, core.vehicle_other_side(v.kind), v.vr_id), '[]')))
$fn$;
COMMENT ON FUNCTION core.vehicle_receipt_json(core.vehicle_report) IS
	'VehicleReceipt JSON (without replayed) of a report, with the reports of the other side it matches now';

CREATE FUNCTION core.vehicle_record_json(v core.vehicle_report) RETURNS jsonb
LANGUAGE sql STABLE
SET search_path = pg_catalog, pg_temp
AS $fn$
	SELECT jsonb_build_object(
		'receipt', core.vehicle_receipt_json(v),
		'report', jsonb_strip_nulls(jsonb_build_object(
			'kind', v.kind,
			'registration_number', v.registration_number,
			'chassis_number', v.chassis_number,
			'engine_number', v.engine_number,
			'vehicle_type', v.vehicle_type,
			'make', v.make,
			'model', v.model,
			'colour', v.colour,
			'model_year', v.model_year,
			'at', core.ist_text(v.at),
			'place', v.place,
			'owner', core.r2_person_json(v.owner, v.owner_id),
			'fir_number', core.r2_fir_text(v.state_code, v.fir_year, v.fir_id),
			'officer', core.officer_json(v.officer_number, v.officer_name, v.officer_rank))))
$fn$;
COMMENT ON FUNCTION core.vehicle_record_json(core.vehicle_report) IS 'VehicleRecord JSON {"receipt", "report"} of a report';

-- ------------------------------------------------------------ vehicles: api

CREATE FUNCTION api.report_vehicle(state int, district int, station int, idem bytea, report jsonb)
RETURNS TABLE (receipt jsonb, replayed boolean)
LANGUAGE plpgsql SECURITY DEFINER
SET search_path = pg_catalog, pg_temp
SET constraint_exclusion = off
AS $fn$
#variable_conflict use_column
DECLARE
	v_year int := extract(year FROM now() AT TIME ZONE 'Asia/Kolkata')::int;
	v_answer jsonb;
	c record;
	f record;
	g record;
	v_id bigint := nextval('core.vehicle_report_id_seq');
	v_no int;
	v_number text;
	v_oid bigint;
	v core.vehicle_report;
BEGIN
	PERFORM core.station_check(state, district, station);
	IF report IS NULL OR jsonb_typeof(report) <> 'object' THEN
		PERFORM core.fir_bad('', 'the report must be a JSON object (VehicleReport)');
	END IF;
	PERFORM core.ensure_partitions(state, v_year);
	v_answer := core.idem_claim(state, district, station, idem, sha256(convert_to(report::text, 'UTF8')),
		'report_vehicle');
	IF v_answer IS NOT NULL THEN
		RETURN QUERY SELECT v_answer || '{"replayed": true}', true;
		RETURN;
	END IF;

	SELECT * INTO c FROM core.vehicle_check(state, report);
	SELECT * INTO f FROM core.r2_fir(state, district, station, report -> 'fir_number', 'fir_number', false, NULL);
	v_no := core.next_record_no('vehicle', state, district, station, v_year);
	v_number := core.register_no_text(v_no, v_year, NULL);
	-- The diary says what and which report; the number plate stays in the
	-- register (it leads to the owner).
	SELECT * INTO g FROM core.gd_write(state, district, station, 'vehicle',
		format('Vehicle report %s: %s %s%s', v_number, replace(c.o_type, '_', '-'),
			CASE c.o_kind WHEN 'stolen' THEN 'reported stolen' WHEN 'recovered' THEN 'recovered'
				ELSE 'found unclaimed' END,
			CASE WHEN f.fir_id IS NOT NULL THEN ', FIR ' || core.fir_number_text(f.fir_no, f.fir_year) ELSE '' END),
		report -> 'officer', f.fir_year, f.fir_no, NULL);
	v_oid := core.link_person(state, district, station, report -> 'owner', 'owner', 'owner', 'vehicle',
		v_year, v_id, f.fir_id, 'vehicle report ' || v_number);

	INSERT INTO core.vehicle_report (state_code, year, vr_id, district_code, station_code, vr_no, registered_at,
		gd_date, gd_no, idempotency_key, content_sha256, kind, registration_number, chassis_number, engine_number,
		vehicle_type, make, model, colour, model_year, at, place, owner, owner_id, fir_year, fir_id,
		officer_number, officer_name, officer_rank)
	VALUES (state, v_year, v_id, district, station, v_no, now(),
		g.gd_date, g.gd_no, idem, sha256(convert_to(report::text, 'UTF8')), c.o_kind,
		nullif(report ->> 'registration_number', ''), nullif(report ->> 'chassis_number', ''),
		nullif(report ->> 'engine_number', ''), c.o_type, nullif(report ->> 'make', ''),
		nullif(report ->> 'model', ''), nullif(report ->> 'colour', ''), c.o_model_year, c.o_at, c.o_place,
		c.o_owner, v_oid, f.fir_year, f.fir_id,
		report #>> '{officer,number}', report #>> '{officer,name}', report #>> '{officer,rank}')
	RETURNING * INTO v;

	v_answer := core.vehicle_receipt_json(v);
	PERFORM core.idem_answer(state, district, station, idem, v_answer);
	RETURN QUERY SELECT v_answer, false;
END
$fn$;
COMMENT ON FUNCTION api.report_vehicle(int, int, int, bytea, jsonb) IS
	'Register a stolen, recovered or unclaimed vehicle (VehicleReport JSON) with a 16-byte idempotency key: numbers it, writes its diary entry (kind vehicle), links the owner. Returns VehicleReceipt JSON with the reports of the state of the other side (stolen against recovered and unclaimed) it matches by normalised registration, chassis or engine number; CT401, CT400 (COLUMN = path in the report), CT409 key reused';

CREATE FUNCTION api.find_vehicle(state int, district int, station int, registration_number text,
	chassis_number text, engine_number text) RETURNS jsonb
LANGUAGE plpgsql STABLE SECURITY DEFINER
SET search_path = pg_catalog, pg_temp
AS $fn$
DECLARE
	reg text := core.vehicle_no_normalise(registration_number);
	chassis text := core.vehicle_no_normalise(chassis_number);
	engine text := core.vehicle_no_normalise(engine_number);
BEGIN
	PERFORM core.station_check(state, district, station);
	IF num_nonnulls(reg, chassis, engine) = 0 THEN
		RAISE EXCEPTION USING ERRCODE = 'CT400', COLUMN = 'registration_number',
			MESSAGE = 'give one of registration_number, chassis_number and engine_number to search by';
	END IF;
	IF num_nonnulls(reg, chassis, engine) > 1 THEN
		RAISE EXCEPTION USING ERRCODE = 'CT400', COLUMN = CASE WHEN reg IS NOT NULL THEN 'chassis_number' ELSE 'engine_number' END,
			MESSAGE = 'search by one number at a time';
	END IF;
	RETURN jsonb_build_object('matches', core.vehicle_matches(state, reg, chassis, engine,
		ARRAY['stolen', 'recovered', 'unclaimed'], NULL));
END
$fn$;
COMMENT ON FUNCTION api.find_vehicle(int, int, int, text, text, text) IS
	'Vehicle reports of every station of the caller''s state naming a vehicle by one number, written any way (normalised): VehicleMatches JSON, newest first, at most 100, without owners; CT400 when not exactly one number is given';

CREATE FUNCTION api.get_vehicle_report(state int, district int, station int, number text) RETURNS jsonb
LANGUAGE plpgsql STABLE SECURITY DEFINER
SET search_path = pg_catalog, pg_temp
SET constraint_exclusion = off
AS $fn$
DECLARE
	num record;
	v core.vehicle_report;
BEGIN
	PERFORM core.station_check(state, district, station);
	SELECT * INTO num FROM core.register_no_parse(number, 'number', NULL);
	SELECT * INTO v FROM core.vehicle_report x
	WHERE x.state_code = state AND x.year = num.year AND x.district_code = district
		AND x.station_code = station AND x.vr_no = num.no;
	IF NOT FOUND THEN
		RAISE EXCEPTION USING ERRCODE = 'CT404', COLUMN = 'number',
			MESSAGE = format('no vehicle report %s at this station', core.register_no_text(num.no, num.year, NULL));
	END IF;
	RETURN core.vehicle_record_json(v);
END
$fn$;
COMMENT ON FUNCTION api.get_vehicle_report(int, int, int, text) IS
	'A vehicle report of the calling station: VehicleRecord JSON (its receipt lists the matching reports of the other side now); CT400 bad number, CT404 none';

-- ------------------------------------------------------------ access

REVOKE ALL ON ALL FUNCTIONS IN SCHEMA api FROM PUBLIC;
REVOKE ALL ON ALL FUNCTIONS IN SCHEMA core FROM PUBLIC;
GRANT EXECUTE ON FUNCTION api.register_missing_person(int, int, int, bytea, jsonb),
	api.mark_missing_traced(int, int, int, bytea, text, jsonb),
	api.get_missing_person(int, int, int, text),
	api.register_unnatural_death(int, int, int, bytea, jsonb),
	api.identify_body(int, int, int, bytea, text, jsonb),
	api.get_unnatural_death(int, int, int, text),
	api.report_vehicle(int, int, int, bytea, jsonb),
	api.find_vehicle(int, int, int, text, text, text),
	api.get_vehicle_report(int, int, int, text)
	TO cctns_server;
GRANT SELECT ON core.missing_person, core.unnatural_death, core.vehicle_report TO cctns_analyst;
