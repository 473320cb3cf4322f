-- 0008_person.sql: the persons master record, and the codes every later
-- record of the case's life uses.
--
-- A person is one row of core.person, linked by role to every record that
-- names them (core.person_link): the complainant of an FIR, the accused, the
-- arrested, the victim, a witness, the missing person, ... Records keep the
-- person's details as they were written on the form (a record is evidence of
-- what was said then); the master row is the person as the state knows them,
-- and the links let an investigator go from a person to every record.
--
-- core.link_person(...) is how api functions create or reuse a person and
-- link them: a Person JSON with "person_id" links that existing person of
-- the state; without it a new person is made from the JSON. Merging
-- duplicates is the search issue's work; here one form entry = one person
-- unless the terminal names an existing one.
--
-- Also widened here, once, for every record type the case lifecycle adds
-- (migrations 0009 on): the diary kinds, timeline event kinds and
-- idempotent request names, so that no later migration has to restate a
-- domain another one also restates.

-- ------------------------------------------------------------ shared codes

ALTER DOMAIN core.gd_kind DROP CONSTRAINT gd_kind_check;
ALTER DOMAIN core.gd_kind ADD CONSTRAINT gd_kind_check
	CHECK (VALUE IN ('general', 'fir', 'arrest', 'seizure', 'property_deposit', 'correction', 'departure',
		'arrival', 'petition', 'ncr', 'lost_property', 'fir_transfer', 'missing_person',
		'unidentified_body', 'vehicle', 'property_movement', 'final_report', 'court', 'efir'));
COMMENT ON DOMAIN core.gd_kind IS
	'GdKind: general, correction, departure, arrival (added by stations); every other kind is written by the server with the record it is about (fir, arrest, seizure, property_deposit, petition, ncr, lost_property, fir_transfer, missing_person, unidentified_body, vehicle, property_movement, final_report, court, efir)';

ALTER DOMAIN core.case_event_kind DROP CONSTRAINT case_event_kind_check;
ALTER DOMAIN core.case_event_kind ADD CONSTRAINT case_event_kind_check
	CHECK (VALUE IN ('fir_registered', 'io_assigned', 'io_changed', 'arrest', 'status_changed',
		'transferred_out', 'received_by_transfer', 'efir_signed', 'from_petition', 'crime_details',
		'seizure', 'property_moved', 'final_report', 'court_disposal', 'appeal_filed',
		'appeal_decided', 'missing_person', 'unnatural_death'));
COMMENT ON DOMAIN core.case_event_kind IS
	'CaseEventKind in proto/cctns.proto, by its short lower-case name';

ALTER DOMAIN core.idempotent_request DROP CONSTRAINT idempotent_request_check;
ALTER DOMAIN core.idempotent_request ADD CONSTRAINT idempotent_request_check
	CHECK (VALUE ~ '^[a-z][a-z_]{0,62}$');
COMMENT ON DOMAIN core.idempotent_request IS
	'Name of the api function that used an idempotency key (register_fir, add_gd_entry, register_arrest, ...)';

-- ------------------------------------------------------------ persons

CREATE DOMAIN core.person_role AS text
	CHECK (VALUE IN ('complainant', 'informant', 'accused', 'suspect', 'victim', 'witness', 'arrested',
		'missing', 'petitioner', 'respondent', 'deceased', 'seized_from', 'place_shown_by',
		'panch_witness', 'owner', 'identified_by', 'found'));
COMMENT ON DOMAIN core.person_role IS
	'How a person is named by a record: complainant, informant, accused, suspect, victim, witness, arrested, missing, petitioner, respondent, deceased, seized_from, place_shown_by, panch_witness, owner, identified_by, found';

CREATE SEQUENCE core.person_id_seq;
COMMENT ON SEQUENCE core.person_id_seq IS 'Person numbers, unique across the state database';

CREATE TABLE core.person (
	person_id bigint NOT NULL,
	state_code int NOT NULL REFERENCES ref.state (code),
	year smallint NOT NULL,
	created_at timestamptz NOT NULL DEFAULT now(),
	district_code int NOT NULL,
	station_code int NOT NULL,
	name text NOT NULL CHECK (name <> '' AND octet_length(name) <= 600),
	relative_kind text CHECK (relative_kind IN ('father', 'husband', 'mother', 'guardian')),
	relative_name text CHECK (octet_length(relative_name) <= 600),
	gender text CHECK (gender IN ('male', 'female', 'transgender')),
	date_of_birth date CHECK (date_of_birth >= '1900-01-01'),
	year_of_birth smallint CHECK (year_of_birth BETWEEN 1900 AND 2200),
	nationality text CHECK (octet_length(nationality) <= 100),
	occupation text CHECK (octet_length(occupation) <= 300),
	addr_line1 text,
	addr_line2 text,
	addr_city text,
	addr_district_code int,
	addr_state_code int,
	addr_pincode text CHECK (addr_pincode ~ '^[1-9][0-9]{5}$'),
	phone text CHECK (phone ~ '^\+?[0-9][0-9 -]{4,30}$'),
	aliases text[] NOT NULL DEFAULT '{}' CHECK (cardinality(aliases) <= 20),
	PRIMARY KEY (person_id, state_code, year),
	FOREIGN KEY (state_code, district_code, station_code)
		REFERENCES ref.station (state_code, district_code, station_code),
	FOREIGN KEY (addr_state_code) REFERENCES ref.state (code),
	FOREIGN KEY (addr_state_code, addr_district_code)
		REFERENCES ref.district (state_code, district_code),
	CHECK (year = extract(year FROM created_at AT TIME ZONE 'Asia/Kolkata')),
	CHECK (year_of_birth IS NULL OR date_of_birth IS NULL
		OR year_of_birth = extract(year FROM date_of_birth))
) PARTITION BY LIST (state_code);
COMMENT ON TABLE core.person IS
	'The persons master record: one row per person known to the state''s police, linked to records by role in core.person_link. Partitioned LIST (state_code), RANGE (year of creation). Personal data: not visible to analysts';
COMMENT ON COLUMN core.person.person_id IS 'Person number (core.person_id_seq), unique in the state database; the terminal names an existing person by it';
COMMENT ON COLUMN core.person.state_code IS 'State whose police created the record';
COMMENT ON COLUMN core.person.year IS 'Year (IST) the record was created: the partition';
COMMENT ON COLUMN core.person.created_at IS 'When the record was created';
COMMENT ON COLUMN core.person.district_code IS 'District of the station that created the record';
COMMENT ON COLUMN core.person.station_code IS 'Station that created the record';
COMMENT ON COLUMN core.person.name IS 'Name as first recorded';
COMMENT ON COLUMN core.person.relative_kind IS 'Whose name relative_name is: father, husband, mother, guardian';
COMMENT ON COLUMN core.person.relative_name IS 'Father''s, husband''s, mother''s or guardian''s name';
COMMENT ON COLUMN core.person.gender IS 'male, female, transgender; NULL when not known';
COMMENT ON COLUMN core.person.date_of_birth IS 'Date of birth, when known';
COMMENT ON COLUMN core.person.year_of_birth IS 'Year of birth, when only that is known (agrees with date_of_birth when both are set)';
COMMENT ON COLUMN core.person.nationality IS 'Nationality as written, e.g. Indian';
COMMENT ON COLUMN core.person.occupation IS 'Occupation as written';
COMMENT ON COLUMN core.person.addr_line1 IS 'Last known address: first line';
COMMENT ON COLUMN core.person.addr_line2 IS 'Last known address: second line';
COMMENT ON COLUMN core.person.addr_city IS 'Last known address: village, town or city';
COMMENT ON COLUMN core.person.addr_district_code IS 'Last known address: LGD district code';
COMMENT ON COLUMN core.person.addr_state_code IS 'Last known address: LGD state code';
COMMENT ON COLUMN core.person.addr_pincode IS 'Last known address: PIN code';
COMMENT ON COLUMN core.person.phone IS 'Phone number as given';
COMMENT ON COLUMN core.person.aliases IS 'Other names the person is known by';

CREATE TABLE core.person_link (
	state_code int NOT NULL,
	year smallint NOT NULL,
	person_id bigint NOT NULL,
	link_id bigint GENERATED ALWAYS AS IDENTITY,
	role core.person_role NOT NULL,
	record_kind text NOT NULL CHECK (record_kind ~ '^[a-z][a-z_]{0,62}$'),
	record_year smallint NOT NULL,
	record_id bigint NOT NULL,
	fir_id bigint,
	district_code int NOT NULL,
	station_code int NOT NULL,
	label text NOT NULL CHECK (label <> '' AND octet_length(label) <= 200),
	linked_at timestamptz NOT NULL DEFAULT now(),
	PRIMARY KEY (person_id, state_code, year, link_id),
	FOREIGN KEY (person_id, state_code, year) REFERENCES core.person (person_id, state_code, year),
	UNIQUE (person_id, state_code, year, record_kind, record_year, record_id, role)
) PARTITION BY LIST (state_code);
COMMENT ON TABLE core.person_link IS
	'Which records name a person, and in what role; partitioned with the person (state, year of the person). A record is named by its kind, year and id within the state; for records of a case fir_id (with record_year as the FIR''s year for kind fir) finds the case';
COMMENT ON COLUMN core.person_link.state_code IS 'State of the person (and of the record)';
COMMENT ON COLUMN core.person_link.year IS 'Year of the person record (core.person.year)';
COMMENT ON COLUMN core.person_link.person_id IS 'The person';
COMMENT ON COLUMN core.person_link.link_id IS 'Link number, in order of linking';
COMMENT ON COLUMN core.person_link.role IS 'How the record names the person';
COMMENT ON COLUMN core.person_link.record_kind IS 'Kind of record: fir, arrest, petition, crime_details, seizure, final_report, ncr, missing_person, unidentified_body, lost_property, vehicle, ...';
COMMENT ON COLUMN core.person_link.record_year IS 'Year (partition) of the record';
COMMENT ON COLUMN core.person_link.record_id IS 'Id of the record within its kind, state and year (fir_id for FIRs, the record''s own id otherwise)';
COMMENT ON COLUMN core.person_link.fir_id IS 'The case (core.fir.fir_id) when the record belongs to one; the FIR''s year is then record_year for kinds fir and arrest';
COMMENT ON COLUMN core.person_link.district_code IS 'District of the station that made the record';
COMMENT ON COLUMN core.person_link.station_code IS 'Station that made the record';
COMMENT ON COLUMN core.person_link.label IS 'The record as a person reads it, e.g. "FIR 0042/2026" or "arrest A1 in FIR 0042/2026": numbers only, no personal data';
COMMENT ON COLUMN core.person_link.linked_at IS 'When the link was made';

CREATE INDEX person_link_record ON core.person_link (record_kind, record_year, record_id);

INSERT INTO core.partitioned_table (name, create_order, append_only) VALUES
	('person', 80, false),
	('person_link', 81, false);

-- Partitions for every state and year that has FIRs.
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

-- Persons are personal data: the analyst does not read them (the grant on
-- each new partition made by core.ensure_partitions is revoked here and by
-- the reporting schema's own views later).
REVOKE ALL ON core.person, core.person_link FROM cctns_analyst;

-- ------------------------------------------------------------ link_person

-- Create or reuse a person and link them to a record.
--   person  a Person JSON (name, relative_kind, relative_name, gender,
--           date_of_birth, year_of_birth, nationality, occupation, address,
--           phone), optionally with "person_id" (number or string) naming an
--           existing person of this state, which is then linked as it is;
--           extra keys ("aliases": [..]) are read when present, others
--           ignored (the caller has validated the Person already);
--   path    the field path of the person in the caller's document, for the
--           CT400 COLUMN when person_id names no person ("complainant");
--   role, record_kind, record_year, record_id, fir_id, label: the link.
-- Returns the person_id, or NULL when the JSON names no one (no name and no
-- person_id: an unknown accused, say), in which case nothing is written.
CREATE FUNCTION core.link_person(state int, district int, station int, person jsonb, path text,
	role core.person_role, record_kind text, record_year int, record_id bigint, fir_id bigint,
	label text) RETURNS bigint
LANGUAGE plpgsql
SET search_path = pg_catalog, pg_temp
AS $fn$
DECLARE
	pid bigint;
	pyear smallint;
	addr jsonb;
	nm text;
BEGIN
	IF person IS NULL OR jsonb_typeof(person) <> 'object' THEN
		RETURN NULL;
	END IF;
	IF nullif(person ->> 'person_id', '') IS NOT NULL AND person ->> 'person_id' <> '0' THEN
		IF person ->> 'person_id' !~ '^[0-9]{1,18}$' THEN
			RAISE EXCEPTION USING ERRCODE = 'CT400', COLUMN = path || '.person_id',
				MESSAGE = path || '.person_id: expected a person number';
		END IF;
		pid := (person ->> 'person_id')::bigint;
		SELECT p.year INTO pyear FROM core.person p
		WHERE p.person_id = pid AND p.state_code = state;
		IF NOT FOUND THEN
			RAISE EXCEPTION USING ERRCODE = 'CT400', COLUMN = path || '.person_id',
				MESSAGE = format('%s.person_id: no person %s in this state''s records', path, pid);
		END IF;
	ELSE
		nm := nullif(btrim(person ->> 'name'), '');
		IF nm IS NULL THEN
			RETURN NULL;
		END IF;
		pyear := extract(year FROM now() AT TIME ZONE 'Asia/Kolkata');
		PERFORM core.ensure_partitions(state, pyear);
		pid := nextval('core.person_id_seq');
		addr := person -> 'address';
		IF jsonb_typeof(addr) <> 'object' THEN
			addr := '{}';
		END IF;
		INSERT INTO core.person (person_id, state_code, year, district_code, station_code, name,
			relative_kind, relative_name, gender, date_of_birth, year_of_birth, nationality, occupation,
			addr_line1, addr_line2, addr_city, addr_district_code, addr_state_code, addr_pincode, phone,
			aliases)
		VALUES (pid, state, pyear, district, station, nm,
			nullif(person ->> 'relative_kind', ''), nullif(person ->> 'relative_name', ''),
			nullif(person ->> 'gender', ''), nullif(person ->> 'date_of_birth', '')::date,
			nullif(nullif(person ->> 'year_of_birth', ''), '0')::smallint,
			nullif(person ->> 'nationality', ''), nullif(person ->> 'occupation', ''),
			nullif(addr ->> 'line1', ''), nullif(addr ->> 'line2', ''), nullif(addr ->> 'city', ''),
			nullif(nullif(addr ->> 'district_code', ''), '0')::int,
			nullif(nullif(addr ->> 'state_code', ''), '0')::int,
			nullif(addr ->> 'pincode', ''), nullif(person ->> 'phone', ''),
			coalesce((SELECT array_agg(a) FROM jsonb_array_elements_text(
				CASE WHEN jsonb_typeof(person -> 'aliases') = 'array' THEN person -> 'aliases' END) a
				WHERE a <> ''), '{}'));
	END IF;
	INSERT INTO core.person_link (state_code, year, person_id, role, record_kind, record_year, record_id,
		fir_id, district_code, station_code, label)
	VALUES (state, pyear, pid, role, record_kind, record_year, record_id, fir_id, district, station, label)
	ON CONFLICT DO NOTHING;
	RETURN pid;
END
$fn$;
COMMENT ON FUNCTION core.link_person(int, int, int, jsonb, text, core.person_role, text, int, bigint, bigint, text) IS
	'Link a person to a record by role, making the person first unless the Person JSON names an existing one by person_id (CT400 at path.person_id when there is no such person in the state); returns the person_id, NULL (and writes nothing) for a Person without a name';
