-- 0010_fir_complete.sql: the FIR completed to IIF-I, the zero FIR and its
-- transfer (within the state, or exported to another state), and the e-FIR.
--
-- api.register_fir(state, district, station, idem bytea, fir jsonb)
--     -> (fir_number, year, number, registered_at, replayed,
--         gd_date, gd_number, gd_entered_at)                  CT401 CT400 CT409
--     as before, and FirContent fields 13-21 (complainant_passport,
--     informant, outside_station, inquest_number, action_taken,
--     dispatched_to_court_at, total_value_rupees, e_fir, zero_fir); every
--     named person is linked in the persons master record (core.link_person:
--     complainant, informant, accused (known), suspect (suspected))
-- api.get_fir: as before, plus the new fields, person_id of each linked
--     person, the computed total value of properties, the status, both ends
--     of a transfer and the e-FIR deadline and signature
-- api.transfer_fir(state, district, station, idem bytea, fir_number text, req jsonb)
--     -> (receipt jsonb FirTransferReceipt, replayed)  CT401 CT400 CT404 CT409
-- api.get_fir_export(state, district, station, fir_number text)
--     -> jsonb FirExport                                     CT401 CT400 CT404 CT409
-- api.sign_efir(state, district, station, idem bytea, fir_number text, req jsonb)
--     -> (receipt jsonb EfirSignReceipt, replayed)     CT401 CT400 CT404 CT409
-- api.list_pending_efirs(state, district, station) -> jsonb PendingEfirs   CT401
--
-- req is the request without its key and fir_number: TransferFir {"to",
-- "reason", "officer"}, SignEfir {"signed_at", "officer"}. CT400's COLUMN is
-- the field path inside the JSON passed, or idempotency_key / fir_number.
--
-- No new table: the new IIF-I fields, the transfer links and the e-FIR
-- columns are columns of core.fir (and the passport and the informant of
-- core.fir_person), so register_fir writes no more rows than before, apart
-- from an informant's row and the persons it links (core.person,
-- core.person_link: about 1.1 million instructions per person, most of it
-- the CHECKs of those tables; see the report of slice 4).

-- ------------------------------------------------------------ codes

CREATE DOMAIN core.fir_action AS text
	CHECK (VALUE IN ('registered_and_investigation_taken_up', 'refused_investigation', 'transferred_to_station'));
COMMENT ON DOMAIN core.fir_action IS
	'FirAction (IIF-I item 13, action taken): registered_and_investigation_taken_up, refused_investigation, transferred_to_station';

-- ------------------------------------------------------------ core.fir: the rest of IIF-I

ALTER TABLE core.fir
	ADD COLUMN outside_state_code int,
	ADD COLUMN outside_district_code int,
	ADD COLUMN outside_station_code int,
	ADD COLUMN outside_station_name text,
	ADD COLUMN outside_district_name text,
	ADD COLUMN inquest_number text,
	ADD COLUMN action core.fir_action,
	ADD COLUMN action_reason text,
	ADD COLUMN action_state_code int,
	ADD COLUMN action_district_code int,
	ADD COLUMN action_station_code int,
	ADD COLUMN action_station_name text,
	ADD COLUMN action_district_name text,
	ADD COLUMN action_text text,
	ADD COLUMN dispatched_to_court_at timestamptz,
	ADD COLUMN e_fir boolean NOT NULL DEFAULT false,
	ADD COLUMN zero_fir boolean NOT NULL DEFAULT false,
	ADD COLUMN efir_sign_by timestamptz,
	ADD COLUMN efir_signed_at timestamptz,
	ADD COLUMN transferred_to_state_code int,
	ADD COLUMN transferred_to_district_code int,
	ADD COLUMN transferred_to_station_code int,
	ADD COLUMN transferred_to_year smallint,
	ADD COLUMN transferred_to_fir_no int,
	ADD COLUMN transferred_to_fir_id bigint,
	ADD COLUMN transferred_at timestamptz,
	ADD COLUMN transfer_reason text,
	ADD COLUMN transfer_officer_number text,
	ADD COLUMN transfer_officer_name text,
	ADD COLUMN transfer_officer_rank text,
	ADD COLUMN transfer_exported boolean NOT NULL DEFAULT false,
	ADD COLUMN transferred_from_district_code int,
	ADD COLUMN transferred_from_station_code int,
	ADD COLUMN transferred_from_year smallint,
	ADD COLUMN transferred_from_fir_no int,
	ADD COLUMN transferred_from_fir_id bigint,
	-- One short CHECK for the rules of a registration no writer may break
	-- (each CHECK is read back and prepared again by every INSERT;
	-- schema/README.md, cost of api.register_fir). The links of a transfer
	-- are guarded by the trigger fir_transfer_links, on UPDATE only. Codes
	-- of other stations are checked by the api against ref.district and
	-- ref.station, not by foreign keys, which would queue three more trigger
	-- events for every FIR.
	ADD CONSTRAINT fir_iif1_consistent CHECK (
		(NOT e_fir OR (information_type = 'electronic' AND efir_sign_by IS NOT NULL))
		AND (efir_signed_at IS NULL OR (e_fir AND efir_signed_at <= efir_sign_by))
		AND dispatched_to_court_at BETWEEN information_received_at AND registered_at);

COMMENT ON COLUMN core.fir.outside_state_code IS 'Place outside this station''s limits (IIF-I 5(c)): LGD state code of the station it lies in';
COMMENT ON COLUMN core.fir.outside_district_code IS 'Place outside the limits: LGD district code of that station';
COMMENT ON COLUMN core.fir.outside_station_code IS 'Place outside the limits: that station''s code in ref.station, when known';
COMMENT ON COLUMN core.fir.outside_station_name IS 'Place outside the limits: that station''s name as written';
COMMENT ON COLUMN core.fir.outside_district_name IS 'Place outside the limits: that district''s name as written';
COMMENT ON COLUMN core.fir.inquest_number IS 'Inquest report / unnatural death (U.D.) case number, if any (IIF-I item 11)';
COMMENT ON COLUMN core.fir.action IS 'Action taken (IIF-I item 13): registered_and_investigation_taken_up, refused_investigation, transferred_to_station';
COMMENT ON COLUMN core.fir.action_reason IS 'Action refused_investigation: why investigation was refused';
COMMENT ON COLUMN core.fir.action_state_code IS 'Action transferred_to_station: LGD state code of the station (jurisdiction)';
COMMENT ON COLUMN core.fir.action_district_code IS 'Action transferred_to_station: LGD district code of that station';
COMMENT ON COLUMN core.fir.action_station_code IS 'Action transferred_to_station: that station''s code, when known';
COMMENT ON COLUMN core.fir.action_station_name IS 'Action transferred_to_station: that station''s name as written';
COMMENT ON COLUMN core.fir.action_district_name IS 'Action transferred_to_station: that district''s name as written';
COMMENT ON COLUMN core.fir.action_text IS 'Action taken: further details and directions given';
COMMENT ON COLUMN core.fir.dispatched_to_court_at IS 'When the FIR was dispatched to the court (IIF-I item 15): not before the information was received, not after registration';
COMMENT ON COLUMN core.fir.e_fir IS 'Registered online (e-FIR): information_type electronic; the informant signs it within three days (efir_sign_by)';
COMMENT ON COLUMN core.fir.zero_fir IS 'Registered as a zero FIR, whatever the place of occurrence, to be transferred to the competent station';
COMMENT ON COLUMN core.fir.efir_sign_by IS 'e-FIR: the informant must sign by this time, three days after the first registration (kept by a transfer)';
COMMENT ON COLUMN core.fir.efir_signed_at IS 'e-FIR: when the informant signed (api.sign_efir); NULL while pending';
COMMENT ON COLUMN core.fir.transferred_to_state_code IS 'Transferred: LGD state code of the receiving station';
COMMENT ON COLUMN core.fir.transferred_to_district_code IS 'Transferred: LGD district code of the receiving station';
COMMENT ON COLUMN core.fir.transferred_to_station_code IS 'Transferred: code of the receiving station (in ref.station)';
COMMENT ON COLUMN core.fir.transferred_to_year IS 'Transferred within the state: year of the FIR registered at the receiving station';
COMMENT ON COLUMN core.fir.transferred_to_fir_no IS 'Transferred within the state: number of the FIR registered at the receiving station';
COMMENT ON COLUMN core.fir.transferred_to_fir_id IS 'Transferred within the state: core.fir.fir_id of the FIR registered at the receiving station; NULL when exported to another state';
COMMENT ON COLUMN core.fir.transferred_at IS 'When the FIR was transferred (status transferred since)';
COMMENT ON COLUMN core.fir.transfer_reason IS 'Why the FIR was transferred (jurisdiction)';
COMMENT ON COLUMN core.fir.transfer_officer_number IS 'Officer who transferred the FIR: belt or service number';
COMMENT ON COLUMN core.fir.transfer_officer_name IS 'Officer who transferred the FIR: name';
COMMENT ON COLUMN core.fir.transfer_officer_rank IS 'Officer who transferred the FIR: rank';
COMMENT ON COLUMN core.fir.transfer_exported IS 'Transferred to a station of another state: given out as a FirExport (api.get_fir_export), not registered here';
COMMENT ON COLUMN core.fir.transferred_from_district_code IS 'Registered on transfer: district of the sending station (same state)';
COMMENT ON COLUMN core.fir.transferred_from_station_code IS 'Registered on transfer: the sending station';
COMMENT ON COLUMN core.fir.transferred_from_year IS 'Registered on transfer: year of the sending station''s FIR';
COMMENT ON COLUMN core.fir.transferred_from_fir_no IS 'Registered on transfer: number of the sending station''s FIR';
COMMENT ON COLUMN core.fir.transferred_from_fir_id IS 'Registered on transfer: core.fir.fir_id of the sending station''s FIR';

-- The two ends of a transfer, for every writer: a transferred FIR names the
-- station it went to (and, in the state, the FIR registered there), its
-- status is transferred, and once made the link does not change. A trigger
-- on UPDATE rather than a CHECK: registrations (INSERT) do not pay for it.
CREATE FUNCTION core.fir_transfer_guard() RETURNS trigger
LANGUAGE plpgsql
SET search_path = pg_catalog, pg_temp
AS $fn$
DECLARE
	why text;
BEGIN
	IF OLD.transferred_at IS NOT NULL AND (NEW.transferred_at, NEW.transferred_to_state_code,
			NEW.transferred_to_district_code, NEW.transferred_to_station_code, NEW.transferred_to_fir_id,
			NEW.transfer_exported) IS DISTINCT FROM (OLD.transferred_at, OLD.transferred_to_state_code,
			OLD.transferred_to_district_code, OLD.transferred_to_station_code, OLD.transferred_to_fir_id,
			OLD.transfer_exported) THEN
		why := 'the transfer of an FIR is not changed once made';
	ELSIF (NEW.transferred_at IS NULL) <> (NEW.transferred_to_station_code IS NULL)
		OR (NEW.transferred_at IS NOT NULL AND NEW.status <> 'transferred') THEN
		why := 'a transferred FIR names the station it went to, and its status is transferred';
	ELSIF NEW.transferred_to_fir_id IS NOT NULL AND NEW.transferred_to_state_code <> NEW.state_code THEN
		why := 'only an FIR transferred within its state names the FIR registered there';
	ELSIF NEW.transfer_exported <> (NEW.transferred_at IS NOT NULL AND NEW.transferred_to_fir_id IS NULL) THEN
		why := 'an FIR is exported exactly when it went to another state';
	END IF;
	IF why IS NOT NULL THEN
		RAISE EXCEPTION USING ERRCODE = 'check_violation', CONSTRAINT = 'fir_transfer_links',
			MESSAGE = format('FIR %s: %s', core.fir_number_text(NEW.fir_no, NEW.year), why);
	END IF;
	RETURN NEW;
END
$fn$;
COMMENT ON FUNCTION core.fir_transfer_guard() IS
	'Trigger: refuse (23514, constraint fir_transfer_links) a change of core.fir that leaves a transfer inconsistent: transferred_at, the receiving station and status transferred go together, an FIR of another state is exported and names no FIR, and a transfer once made does not change';

CREATE TRIGGER fir_transfer_links BEFORE UPDATE OF status, transferred_at, transferred_to_state_code,
	transferred_to_district_code, transferred_to_station_code, transferred_to_fir_id, transfer_exported
	ON core.fir FOR EACH ROW EXECUTE FUNCTION core.fir_transfer_guard();

-- ------------------------------------------------------------ core.fir_person: informant, passport, person

-- The informant, when not the complainant, is a row of its own (seq -1);
-- the complainant's passport sits on the complainant's row. The role and
-- seq rules become domains (checked from the type cache) and one short CHECK
-- across them replaces the three on role and seq.
CREATE DOMAIN core.fir_person_role AS text
	CHECK (VALUE IN ('complainant', 'informant', 'accused', 'suspect', 'unknown_accused'));
COMMENT ON DOMAIN core.fir_person_role IS
	'Role of a person in an FIR: complainant, informant, accused (known), suspect (suspected), unknown_accused';
CREATE DOMAIN core.fir_person_seq AS smallint CHECK (VALUE >= -1);
COMMENT ON DOMAIN core.fir_person_seq IS 'Position of a person in an FIR: -1 informant, 0 complainant, 1.. accused';

ALTER TABLE core.fir_person
	DROP CONSTRAINT fir_person_role_check,
	DROP CONSTRAINT fir_person_seq_check,
	DROP CONSTRAINT fir_person_check2,
	ALTER COLUMN role TYPE core.fir_person_role,
	ALTER COLUMN seq TYPE core.fir_person_seq,
	ADD COLUMN person_id bigint,
	ADD COLUMN passport_number text,
	ADD COLUMN passport_issued_on date,
	ADD COLUMN passport_issue_place text,
	ADD CONSTRAINT fir_person_role_seq CHECK ((role = 'complainant') = (seq = 0)
		AND (role = 'informant') = (seq = -1) AND (passport_number IS NULL OR seq = 0));

COMMENT ON TABLE core.fir_person IS
	'Persons named in an FIR: the complainant (seq 0), the informant when another person (seq -1), and the accused in the order given (seq 1..n), as written on the form; person_id is the persons master record they are linked to. Personal data: never log it. Partitioned like core.fir';
COMMENT ON COLUMN core.fir_person.seq IS '0 for the complainant; -1 for the informant (FirContent.informant); n for FirContent.accused[n-1]';
COMMENT ON COLUMN core.fir_person.role IS 'complainant; informant; accused (Accused kind known); suspect (kind suspected); unknown_accused (kind unknown)';
COMMENT ON COLUMN core.fir_person.person_id IS 'The person in the persons master record (core.person, linked by core.link_person); NULL for an unknown accused. No foreign key: core.person is keyed by the year of the person';
COMMENT ON COLUMN core.fir_person.passport_number IS 'Complainant only: passport number (FirContent.complainant_passport)';
COMMENT ON COLUMN core.fir_person.passport_issued_on IS 'Complainant only: passport date of issue';
COMMENT ON COLUMN core.fir_person.passport_issue_place IS 'Complainant only: passport place of issue';


-- Person: as 0004's, and person_id (an existing person of the persons master
-- record to link) is one of its fields.
CREATE OR REPLACE FUNCTION core.fir_check_person(o jsonb, path text, required boolean) RETURNS void
LANGUAGE plpgsql
SET search_path = pg_catalog, pg_temp
AS $fn$
DECLARE
	keys constant text[] := ARRAY['name', 'relative_kind', 'relative_name', 'gender', 'date_of_birth',
		'year_of_birth', 'nationality', 'occupation', 'address', 'phone', 'person_id'];
	relative_kinds constant text[] := ARRAY['father', 'husband', 'mother', 'guardian'];
	genders constant text[] := ARRAY['male', 'female', 'transgender'];
	today date := (now() AT TIME ZONE 'Asia/Kolkata')::date;
	v jsonb;
	s text;
	dob date;
	yob bigint;
BEGIN
	IF (CASE WHEN jsonb_typeof(o) = 'object' THEN o - keys = '{}' END) IS NOT TRUE THEN
		o := core.j_obj(o, path, keys, required);
		IF o IS NULL THEN
			RETURN;
		END IF;
	END IF;
	v := o -> 'name';
	IF (jsonb_typeof(v) = 'string' AND octet_length(v #>> '{}') BETWEEN 1 AND 600) IS NOT TRUE THEN
		PERFORM core.j_str(v, path || '.name', 600, required);
	END IF;
	v := o -> 'relative_kind';
	IF v IS NOT NULL AND (jsonb_typeof(v) = 'string' AND v #>> '{}' = ANY (relative_kinds)) IS NOT TRUE THEN
		PERFORM core.j_enum(v, path || '.relative_kind', relative_kinds, false);
	END IF;
	v := o -> 'relative_name';
	IF v IS NOT NULL AND (jsonb_typeof(v) = 'string' AND octet_length(v #>> '{}') <= 600) IS NOT TRUE THEN
		PERFORM core.j_str(v, path || '.relative_name', 600, false);
	END IF;
	v := o -> 'gender';
	IF v IS NOT NULL AND (jsonb_typeof(v) = 'string' AND v #>> '{}' = ANY (genders)) IS NOT TRUE THEN
		PERFORM core.j_enum(v, path || '.gender', genders, false);
	END IF;
	v := o -> 'date_of_birth';
	IF v IS NOT NULL THEN
		-- 1900..2099 and a day every such month has (29 February: core.j_date).
		IF jsonb_typeof(v) = 'string' AND v #>> '{}' ~
			'^(19|20)[0-9]{2}-((0[1-9]|1[0-2])-(0[1-9]|1[0-9]|2[0-8])|(0[13-9]|1[0-2])-(29|30)|(0[13578]|1[02])-31)$' THEN
			dob := (v #>> '{}')::date;
		ELSE
			dob := core.j_date(v, path || '.date_of_birth');
		END IF;
		IF dob < '1900-01-01' OR dob > today THEN
			PERFORM core.fir_bad(path || '.date_of_birth',
				format('%s must be between 1900-01-01 and today', path || '.date_of_birth'));
		END IF;
	END IF;
	v := o -> 'year_of_birth';
	IF v IS NOT NULL THEN
		IF jsonb_typeof(v) = 'number' AND v #>> '{}' ~ '^[0-9]{1,9}$' THEN
			yob := nullif((v #>> '{}')::bigint, 0);
		ELSE
			yob := core.j_uint(v, path || '.year_of_birth', 4294967295);
		END IF;
		IF yob < 1900 OR yob > extract(year FROM today) THEN
			PERFORM core.fir_bad(path || '.year_of_birth',
				format('%s must be between 1900 and %s', path || '.year_of_birth', extract(year FROM today)));
		END IF;
		IF yob IS NOT NULL AND dob IS NOT NULL AND yob <> extract(year FROM dob) THEN
			PERFORM core.fir_bad(path || '.year_of_birth', path || '.year_of_birth does not match date_of_birth');
		END IF;
	END IF;
	v := o -> 'nationality';
	IF v IS NOT NULL AND (jsonb_typeof(v) = 'string' AND octet_length(v #>> '{}') <= 100) IS NOT TRUE THEN
		PERFORM core.j_str(v, path || '.nationality', 100, false);
	END IF;
	v := o -> 'occupation';
	IF v IS NOT NULL AND (jsonb_typeof(v) = 'string' AND octet_length(v #>> '{}') <= 300) IS NOT TRUE THEN
		PERFORM core.j_str(v, path || '.occupation', 300, false);
	END IF;
	v := o -> 'address';
	IF v IS NOT NULL THEN
		PERFORM core.fir_check_address(v, path || '.address');
	END IF;
	-- The persons master record: an existing person to link (0010).
	v := o -> 'person_id';
	IF v IS NOT NULL AND (jsonb_typeof(v) = 'number' AND v #>> '{}' ~ '^[0-9]{1,18}$') IS NOT TRUE THEN
		PERFORM core.j_uint(v, path || '.person_id', 9223372036854775807);
	END IF;
	v := o -> 'phone';
	IF v IS NOT NULL THEN
		IF jsonb_typeof(v) = 'string' AND octet_length(v #>> '{}') <= 32 THEN
			s := nullif(v #>> '{}', '');
		ELSE
			s := core.j_str(v, path || '.phone', 32, false);
		END IF;
		IF s !~ '^\+?[0-9][0-9 -]{4,30}$' THEN
			PERFORM core.fir_bad(path || '.phone',
				path || '.phone: expected a phone number (digits, optionally + and spaces)');
		END IF;
	END IF;
END
$fn$;
COMMENT ON FUNCTION core.fir_check_person(jsonb, text, boolean) IS
	'Validate a Person: an object with Person fields only (person_id included: an existing person of the persons master record, whose existence core.link_person checks), CT400 when absent and required, name (required likewise), enums, date/year of birth, address, phone';

-- ------------------------------------------------------------ persons: linking, cheaper

-- As 0008's, but the partitions it writes are looked up in the catalog
-- before core.ensure_partitions is called: register_fir links up to a
-- hundred persons, and the general check (a query over every partitioned
-- table) cost about 150,000 instructions per person linked. Nothing else
-- changes.
CREATE OR REPLACE FUNCTION core.link_person(state int, district int, station int, person jsonb, path text,
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
		-- The two partitions this writes, by catalog lookup; the general
		-- check of core.ensure_partitions (every partitioned table) only
		-- when one is missing.
		IF to_regclass('core.person_' || state || '_' || pyear) IS NULL
			OR to_regclass('core.person_link_' || state || '_' || pyear) IS NULL THEN
			PERFORM core.ensure_partitions(state, pyear);
		END IF;
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

-- The persons of FIRs registered before this migration enter the persons
-- register too, linked by their role, as register_fir links them from now on.
DO $persons$
DECLARE
	r record;
BEGIN
	FOR r IN
		SELECT p.state_code, p.year, p.fir_id, p.seq, p.role, f.district_code, f.station_code, f.fir_no,
			core.address_json(p.addr_line1, p.addr_line2, p.addr_city, p.addr_district_code,
				p.addr_state_code, p.addr_pincode) AS address,
			jsonb_strip_nulls(jsonb_build_object('name', p.name, 'relative_kind', p.relative_kind,
				'relative_name', p.relative_name, 'gender', p.gender, 'date_of_birth', p.date_of_birth,
				'year_of_birth', p.year_of_birth, 'nationality', p.nationality, 'occupation', p.occupation,
				'phone', p.phone)) AS person
		FROM core.fir_person p
		JOIN core.fir f ON f.state_code = p.state_code AND f.year = p.year AND f.fir_id = p.fir_id
		WHERE p.person_id IS NULL AND p.name IS NOT NULL AND p.role IN ('complainant', 'accused', 'suspect')
		ORDER BY p.state_code, p.year, p.fir_id, p.seq
	LOOP
		UPDATE core.fir_person x SET person_id = core.link_person(r.state_code, r.district_code, r.station_code,
			r.person || jsonb_strip_nulls(jsonb_build_object('address', r.address)), 'fir_person', r.role::text::core.person_role,
			'fir', r.year, r.fir_id, r.fir_id, 'FIR ' || core.fir_number_text(r.fir_no, r.year))
		WHERE x.state_code = r.state_code AND x.year = r.year AND x.fir_id = r.fir_id AND x.seq = r.seq;
	END LOOP;
END
$persons$;

-- ------------------------------------------------------------ validation

-- A StationRef (a station named on the form: codes, and the name as
-- written) at path, which may not be the registering station itself.
CREATE FUNCTION core.fir_check_station_ref(o jsonb, path text, state int, district int, station int)
RETURNS void
LANGUAGE plpgsql
SET search_path = pg_catalog, pg_temp
AS $fn$
DECLARE
	keys constant text[] := ARRAY['state_code', 'district_code', 'station_code', 'station_name', 'district_name'];
	v jsonb;
	st bigint;
	di bigint;
	sc bigint;
BEGIN
	IF (CASE WHEN jsonb_typeof(o) = 'object' THEN o - keys = '{}' END) IS NOT TRUE THEN
		PERFORM core.j_obj(o, path, keys, true);
	END IF;
	v := o -> 'state_code';
	IF jsonb_typeof(v) = 'number' AND v #>> '{}' ~ '^[0-9]{1,9}$' THEN
		st := nullif((v #>> '{}')::bigint, 0);
	ELSE
		st := core.j_uint(v, path || '.state_code', 2147483647);
	END IF;
	IF st IS NULL THEN
		PERFORM core.fir_bad(path || '.state_code', path || '.state_code is required: the LGD code of the station''s state');
	END IF;
	v := o -> 'district_code';
	IF jsonb_typeof(v) = 'number' AND v #>> '{}' ~ '^[0-9]{1,9}$' THEN
		di := nullif((v #>> '{}')::bigint, 0);
	ELSE
		di := core.j_uint(v, path || '.district_code', 2147483647);
	END IF;
	IF di IS NULL THEN
		PERFORM core.fir_bad(path || '.district_code', path || '.district_code is required: the LGD code of the station''s district');
	END IF;
	v := o -> 'station_code';
	IF v IS NOT NULL THEN
		IF jsonb_typeof(v) = 'number' AND v #>> '{}' ~ '^[0-9]{1,9}$' THEN
			sc := nullif((v #>> '{}')::bigint, 0);
		ELSE
			sc := core.j_uint(v, path || '.station_code', 2147483647);
		END IF;
	END IF;
	v := o -> 'station_name';
	IF (jsonb_typeof(v) = 'string' AND octet_length(v #>> '{}') BETWEEN 1 AND 600) IS NOT TRUE THEN
		PERFORM core.j_str(v, path || '.station_name', 600, true);
	END IF;
	v := o -> 'district_name';
	IF v IS NOT NULL AND (jsonb_typeof(v) = 'string' AND octet_length(v #>> '{}') <= 600) IS NOT TRUE THEN
		PERFORM core.j_str(v, path || '.district_name', 600, false);
	END IF;

	IF NOT EXISTS (SELECT 1 FROM ref.district d WHERE d.state_code = st AND d.district_code = di) THEN
		IF NOT EXISTS (SELECT 1 FROM ref.state s WHERE s.code = st) THEN
			PERFORM core.fir_bad(path || '.state_code', format('there is no state with LGD code %s', st));
		END IF;
		PERFORM core.fir_bad(path || '.district_code', format('there is no district %s in state %s', di, st));
	END IF;
	IF sc IS NOT NULL AND NOT EXISTS (SELECT 1 FROM ref.station s
		WHERE s.state_code = st AND s.district_code = di AND s.station_code = sc) THEN
		PERFORM core.fir_bad(path || '.station_code',
			format('there is no police station %s in district %s of state %s in the station register; leave station_code out and write the station''s name',
				sc, di, st));
	END IF;
	IF st = state AND di = district AND sc = station THEN
		PERFORM core.fir_bad(path, path || ' names this station itself: it is for another station');
	END IF;
END
$fn$;
COMMENT ON FUNCTION core.fir_check_station_ref(jsonb, text, int, int, int) IS
	'Validate a StationRef at path: state and district codes required and in ref.district, station_code (optional) in ref.station, station_name required, not the registering station itself';

-- The FirContent fields of 0010 (13-21), for the registering station; the
-- rest of the FIR passed core.fir_check already. A plainly valid value is
-- taken inline, anything else goes to the core.j_* readers (as in 0004).
CREATE FUNCTION core.fir_check_iif1(fir jsonb, state int, district int, station int) RETURNS void
LANGUAGE plpgsql
SET search_path = pg_catalog, pg_temp
AS $fn$
DECLARE
	passport_keys constant text[] := ARRAY['number', 'date_of_issue', 'place_of_issue'];
	action_keys constant text[] := ARRAY['action', 'reason', 'to_station', 'text'];
	actions constant text[] := ARRAY['registered_and_investigation_taken_up', 'refused_investigation',
		'transferred_to_station'];
	today date := (now() AT TIME ZONE 'Asia/Kolkata')::date;
	o jsonb;
	v jsonb;
	s text;
	d date;
	t timestamptz;
	n bigint;
	total numeric;
	act text;
BEGIN
	-- The complainant's passport.
	o := fir -> 'complainant_passport';
	IF o IS NOT NULL AND jsonb_typeof(o) <> 'null' THEN
		IF (CASE WHEN jsonb_typeof(o) = 'object' THEN o - passport_keys = '{}' END) IS NOT TRUE THEN
			PERFORM core.j_obj(o, 'complainant_passport', passport_keys, false);
		END IF;
		v := o -> 'number';
		IF (jsonb_typeof(v) = 'string' AND v #>> '{}' ~ '^[A-Za-z0-9]{1,20}$') IS NOT TRUE THEN
			PERFORM core.j_str(v, 'complainant_passport.number', 20, true);
			PERFORM core.fir_bad('complainant_passport.number',
				'complainant_passport.number: expected the passport number, letters and digits only, such as K1234567');
		END IF;
		d := core.read_date(o -> 'date_of_issue', 'complainant_passport.date_of_issue');
		IF d < '1900-01-01' OR d > today THEN
			PERFORM core.fir_bad('complainant_passport.date_of_issue',
				'complainant_passport.date_of_issue must be between 1900-01-01 and today');
		END IF;
		IF d < nullif(fir #>> '{complainant,date_of_birth}', '')::date THEN
			PERFORM core.fir_bad('complainant_passport.date_of_issue',
				'complainant_passport.date_of_issue is before the complainant''s date_of_birth');
		END IF;
		v := o -> 'place_of_issue';
		IF v IS NOT NULL AND (jsonb_typeof(v) = 'string' AND octet_length(v #>> '{}') <= 300) IS NOT TRUE THEN
			PERFORM core.j_str(v, 'complainant_passport.place_of_issue', 300, false);
		END IF;
	END IF;

	-- The informant, when another person than the complainant.
	v := fir -> 'informant';
	IF v IS NOT NULL AND jsonb_typeof(v) <> 'null' THEN
		PERFORM core.fir_check_person(v, 'informant', true);
		IF nullif(v ->> 'person_id', '0') = fir #>> '{complainant,person_id}' THEN
			PERFORM core.fir_bad('informant.person_id',
				'the informant is the complainant (same person_id): leave informant out when they are the same person');
		END IF;
	END IF;

	-- Place outside the station's limits: that station.
	v := fir -> 'outside_station';
	IF v IS NOT NULL AND jsonb_typeof(v) <> 'null' THEN
		PERFORM core.fir_check_station_ref(v, 'outside_station', state, district, station);
	END IF;

	v := fir -> 'inquest_number';
	IF v IS NOT NULL AND (jsonb_typeof(v) = 'string' AND octet_length(v #>> '{}') <= 100) IS NOT TRUE THEN
		PERFORM core.j_str(v, 'inquest_number', 100, false);
	END IF;

	-- Action taken.
	o := fir -> 'action_taken';
	IF o IS NOT NULL AND jsonb_typeof(o) <> 'null' THEN
		IF (CASE WHEN jsonb_typeof(o) = 'object' THEN o - action_keys = '{}' END) IS NOT TRUE THEN
			PERFORM core.j_obj(o, 'action_taken', action_keys, false);
		END IF;
		v := o -> 'action';
		IF jsonb_typeof(v) = 'string' AND v #>> '{}' = ANY (actions) THEN
			act := v #>> '{}';
		ELSE
			act := core.j_enum(v, 'action_taken.action', actions, true);
		END IF;
		v := o -> 'reason';
		IF v IS NOT NULL AND (jsonb_typeof(v) = 'string' AND octet_length(v #>> '{}') <= 12000) IS NOT TRUE THEN
			PERFORM core.j_str(v, 'action_taken.reason', 12000, false);
		END IF;
		s := nullif(v #>> '{}', '');
		IF act = 'refused_investigation' AND s IS NULL THEN
			PERFORM core.fir_bad('action_taken.reason',
				'action_taken.reason is required when investigation is refused: say why');
		ELSIF act <> 'refused_investigation' AND s IS NOT NULL THEN
			PERFORM core.fir_bad('action_taken.reason',
				'action_taken.reason is only for refused_investigation');
		END IF;
		v := o -> 'to_station';
		IF act = 'transferred_to_station' THEN
			PERFORM core.fir_check_station_ref(v, 'action_taken.to_station', state, district, station);
		ELSIF v IS NOT NULL AND jsonb_typeof(v) <> 'null' THEN
			PERFORM core.fir_bad('action_taken.to_station',
				'action_taken.to_station is only for transferred_to_station');
		END IF;
		v := o -> 'text';
		IF v IS NOT NULL AND (jsonb_typeof(v) = 'string' AND octet_length(v #>> '{}') <= 24000) IS NOT TRUE THEN
			PERFORM core.j_str(v, 'action_taken.text', 24000, false);
		END IF;
	END IF;

	-- Dispatch to court: not in the future, not before the information.
	v := fir -> 'dispatched_to_court_at';
	IF v IS NOT NULL THEN
		t := core.read_time(v, 'dispatched_to_court_at', false);
		IF t < (fir ->> 'information_received_at')::timestamptz THEN
			PERFORM core.fir_bad('dispatched_to_court_at',
				format('dispatched_to_court_at (%s) is before information_received_at (%s): the FIR cannot go to the court before the information came',
					core.ist_text(t), core.ist_text((fir ->> 'information_received_at')::timestamptz)));
		END IF;
	END IF;

	-- The total value is the server's sum; a total given must agree.
	v := fir -> 'total_value_rupees';
	IF v IS NOT NULL THEN
		n := core.j_uint(v, 'total_value_rupees', 9223372036854775807);
		SELECT coalesce(sum(nullif(e ->> 'value_rupees', '')::numeric), 0) INTO total
		FROM jsonb_array_elements(CASE WHEN jsonb_typeof(fir -> 'properties') = 'array'
			THEN fir -> 'properties' ELSE '[]' END) e;
		IF coalesce(n, 0) <> total THEN
			PERFORM core.fir_bad('total_value_rupees',
				format('total_value_rupees is the sum of the properties'' value_rupees, %s, not %s: leave it out and the server computes it',
					total, coalesce(n, 0)));
		END IF;
	END IF;

	-- Flags.
	FOREACH s IN ARRAY ARRAY['e_fir', 'zero_fir'] LOOP
		v := fir -> s;
		IF v IS NOT NULL AND jsonb_typeof(v) NOT IN ('boolean', 'null') THEN
			PERFORM core.fir_bad(s, s || ': expected true or false');
		END IF;
	END LOOP;
	IF jsonb_typeof(fir -> 'e_fir') = 'boolean' AND (fir ->> 'e_fir')::boolean
		AND fir ->> 'information_type' <> 'electronic' THEN
		PERFORM core.fir_bad('information_type',
			'an e-FIR (e_fir) is registered online: information_type must be electronic');
	END IF;
END
$fn$;
COMMENT ON FUNCTION core.fir_check_iif1(jsonb, int, int, int) IS
	'Validate the FirContent fields of 0010 for the registering station: complainant_passport, informant, outside_station, inquest_number, action_taken (reason iff refused, to_station iff transferred), dispatched_to_court_at (not in the future, not before the information), total_value_rupees (the sum of the properties when given), e_fir (information_type electronic), zero_fir';


-- ------------------------------------------------------------ api.register_fir

-- As 0005's, and: every named person linked in the persons master record
-- before the rows are written (their ids go on core.fir_person), the
-- fields of 0010 on core.fir and core.fir_person, the informant's row.
CREATE OR REPLACE FUNCTION core.fir_store(state int, district int, station int, yr int, id bigint, idem bytea,
	sha bytea, fir jsonb, reg_at timestamptz, officer jsonb,
	OUT o_fir_no int, OUT o_gd_date date, OUT o_gd_no int)
LANGUAGE plpgsql
SET search_path = pg_catalog, pg_temp
AS $fn$
#variable_conflict use_column
DECLARE
	v_no int;
	v_gd_date date := (reg_at AT TIME ZONE 'Asia/Kolkata')::date;
	v_label text;
	-- Person ids by core.fir_person.seq: [1] complainant (seq 0), [2]
	-- informant (seq -1), [n + 2] accused seq n.
	pids bigint[] := '{}';
	el jsonb;
	i int;
	pl jsonb := CASE WHEN jsonb_typeof(fir -> 'place') = 'object' THEN fir -> 'place' ELSE '{}' END;
	ad jsonb := CASE WHEN jsonb_typeof(pl -> 'address') = 'object' THEN pl -> 'address' ELSE '{}' END;
	v_pass jsonb := CASE WHEN jsonb_typeof(fir -> 'complainant_passport') = 'object'
		THEN fir -> 'complainant_passport' ELSE '{}' END;
	os jsonb := CASE WHEN jsonb_typeof(fir -> 'outside_station') = 'object'
		THEN fir -> 'outside_station' ELSE '{}' END;
	ac jsonb := CASE WHEN jsonb_typeof(fir -> 'action_taken') = 'object' THEN fir -> 'action_taken' ELSE '{}' END;
	ts jsonb;
	v_efir boolean := coalesce((fir ->> 'e_fir')::boolean, false);
BEGIN
	-- fir passed core.fir_check (and core.fir_check_iif1), officer
	-- core.officer_check: every value has its type; a message or array
	-- given as JSON null is stored as absent.
	ts := CASE WHEN jsonb_typeof(ac -> 'to_station') = 'object' THEN ac -> 'to_station' ELSE '{}' END;
	INSERT INTO core.fir_counter AS c (state_code, district_code, station_code, year, last_no)
	VALUES (state, district, station, yr, 1)
	ON CONFLICT (state_code, district_code, station_code, year)
		DO UPDATE SET last_no = c.last_no + 1
	RETURNING c.last_no INTO v_no;

	-- The persons master record: complainant, informant, known and
	-- suspected accused (an unknown accused names no one).
	v_label := 'FIR ' || lpad(v_no::text, greatest(4, length(v_no::text)), '0') || '/' || yr;
	pids[1] := core.link_person(state, district, station, fir -> 'complainant', 'complainant',
		'complainant', 'fir', yr, id, id, v_label);
	IF jsonb_typeof(fir -> 'informant') = 'object' THEN
		pids[2] := core.link_person(state, district, station, fir -> 'informant', 'informant',
			'informant', 'fir', yr, id, id, v_label);
	END IF;
	IF jsonb_typeof(fir -> 'accused') = 'array' THEN
		FOR i IN 0 .. jsonb_array_length(fir -> 'accused') - 1 LOOP
			el := fir -> 'accused' -> i;
			IF el ->> 'kind' IN ('known', 'suspected') THEN
				pids[i + 3] := core.link_person(state, district, station, el -> 'person',
					'accused[' || i || '].person', CASE el ->> 'kind' WHEN 'known' THEN 'accused' ELSE 'suspect' END,
					'fir', yr, id, id, v_label);
			END IF;
		END LOOP;
	END IF;

	-- Everything else in one statement, as in 0005 (foreign keys are checked
	-- at its end).
	WITH t (text) AS (
		SELECT 'FIR ' || lpad(v_no::text, greatest(4, length(v_no::text)), '0') || '/' || yr
			|| ' registered under ' || string_agg(CASE WHEN e.c ->> 'act' = 'special_local' THEN e.c ->> 'law'
				ELSE upper(e.c ->> 'act') END || ' ' || (e.c ->> 'section'), ', ' ORDER BY e.n)
			|| CASE WHEN v_efir THEN ' (e-FIR)' ELSE '' END
			|| CASE WHEN (fir ->> 'zero_fir')::boolean THEN ' (zero FIR)' ELSE '' END
		FROM jsonb_array_elements(fir -> 'charges') WITH ORDINALITY e(c, n)
	), n AS (
		INSERT INTO core.gd_counter AS c (state_code, district_code, station_code, gd_date, last_no)
		VALUES (state, district, station, v_gd_date, 1)
		ON CONFLICT (state_code, district_code, station_code, gd_date)
			DO UPDATE SET last_no = c.last_no + 1
		RETURNING c.last_no
	), g AS (
		INSERT INTO core.gd_entry (state_code, year, district_code, station_code, gd_date, gd_no, entered_at,
			kind, text, officer_number, officer_name, officer_rank, fir_year, fir_no)
		SELECT state, yr, district, station, v_gd_date, n.last_no, reg_at, 'fir', t.text,
			officer ->> 'number', officer ->> 'name', officer ->> 'rank', yr, v_no
		FROM n, t
		RETURNING gd_no, text
	), f AS (
		INSERT INTO core.fir (fir_id, state_code, year, district_code, station_code, fir_no, registered_at,
			occurred_from, occurred_to, information_received_at, information_type,
			place_line1, place_line2, place_city, place_district_code, place_state_code, place_pincode,
			place_distance_m, place_direction, place_beat, brief_facts, delay_reason,
			idempotency_key, content_sha256, officer_number, officer_name, officer_rank, gd_date, gd_no,
			outside_state_code, outside_district_code, outside_station_code, outside_station_name,
			outside_district_name, inquest_number, action, action_reason, action_state_code,
			action_district_code, action_station_code, action_station_name, action_district_name, action_text,
			dispatched_to_court_at, e_fir, zero_fir, efir_sign_by)
		SELECT id, state, yr, district, station, v_no, reg_at,
			(fir ->> 'occurred_from')::timestamptz,
			nullif(fir ->> 'occurred_to', '')::timestamptz,
			(fir ->> 'information_received_at')::timestamptz,
			fir ->> 'information_type',
			nullif(ad ->> 'line1', ''), nullif(ad ->> 'line2', ''), nullif(ad ->> 'city', ''),
			nullif((ad ->> 'district_code')::int, 0), nullif((ad ->> 'state_code')::int, 0),
			nullif(ad ->> 'pincode', ''),
			nullif((pl ->> 'distance_m')::int, 0), nullif(pl ->> 'direction', ''), nullif(pl ->> 'beat', ''),
			fir ->> 'brief_facts', nullif(fir ->> 'delay_reason', ''),
			idem, sha, officer ->> 'number', officer ->> 'name', officer ->> 'rank', v_gd_date, g.gd_no,
			nullif((os ->> 'state_code')::int, 0), nullif((os ->> 'district_code')::int, 0),
			nullif((os ->> 'station_code')::int, 0), nullif(os ->> 'station_name', ''),
			nullif(os ->> 'district_name', ''), nullif(fir ->> 'inquest_number', ''),
			nullif(ac ->> 'action', ''), nullif(ac ->> 'reason', ''),
			nullif((ts ->> 'state_code')::int, 0), nullif((ts ->> 'district_code')::int, 0),
			nullif((ts ->> 'station_code')::int, 0), nullif(ts ->> 'station_name', ''),
			nullif(ts ->> 'district_name', ''), nullif(ac ->> 'text', ''),
			nullif(fir ->> 'dispatched_to_court_at', '')::timestamptz, v_efir,
			coalesce((fir ->> 'zero_fir')::boolean, false),
			CASE WHEN v_efir THEN reg_at + interval '3 days' END
		FROM g
	), events AS (
		INSERT INTO core.case_event (state_code, year, fir_id, seq, at, kind, status,
			officer_number, officer_name, officer_rank, summary, gd_date, gd_no)
		SELECT state, yr, id, 1, reg_at, 'fir_registered', 'registered',
			officer ->> 'number', officer ->> 'name', officer ->> 'rank', g.text, v_gd_date, g.gd_no
		FROM g
	), charges AS (
		INSERT INTO core.fir_charge (state_code, year, fir_id, seq, act, section, law)
		SELECT state, yr, id, (e.n - 1)::smallint, e.c ->> 'act', e.c ->> 'section', nullif(e.c ->> 'law', '')
		FROM jsonb_array_elements(fir -> 'charges') WITH ORDINALITY e(c, n)
	), properties AS (
		INSERT INTO core.fir_property (state_code, year, fir_id, seq, kind, description, value_rupees)
		SELECT state, yr, id, (e.n - 1)::smallint, e.o ->> 'kind', nullif(e.o ->> 'description', ''),
			nullif((e.o ->> 'value_rupees')::bigint, 0)
		FROM jsonb_array_elements(CASE WHEN jsonb_typeof(fir -> 'properties') = 'array'
			THEN fir -> 'properties' ELSE '[]' END) WITH ORDINALITY e(o, n)
	), pp (seq, role, p, description, cnt, pid) AS (
		SELECT 0, 'complainant', fir -> 'complainant', NULL::text, NULL::int, pids[1]
		UNION ALL
		SELECT -1, 'informant', fir -> 'informant', NULL, NULL, pids[2]
		WHERE jsonb_typeof(fir -> 'informant') = 'object'
		UNION ALL
		SELECT e.n, CASE e.a ->> 'kind' WHEN 'known' THEN 'accused' WHEN 'suspected' THEN 'suspect'
			ELSE 'unknown_accused' END,
			CASE WHEN jsonb_typeof(e.a -> 'person') = 'object' THEN e.a -> 'person' ELSE '{}' END,
			nullif(e.a ->> 'description', ''), nullif((e.a ->> 'count')::int, 0), pids[e.n + 2]
		FROM jsonb_array_elements(CASE WHEN jsonb_typeof(fir -> 'accused') = 'array'
			THEN fir -> 'accused' ELSE '[]' END) WITH ORDINALITY e(a, n)
	), persons AS (
		INSERT INTO core.fir_person (state_code, year, fir_id, seq, role, name, relative_kind, relative_name,
			gender, date_of_birth, year_of_birth, nationality, occupation, addr_line1, addr_line2, addr_city,
			addr_district_code, addr_state_code, addr_pincode, phone, description, count, person_id,
			passport_number, passport_issued_on, passport_issue_place)
		SELECT state, yr, id, pp.seq, pp.role, nullif(pp.p ->> 'name', ''),
			nullif(pp.p ->> 'relative_kind', ''), nullif(pp.p ->> 'relative_name', ''),
			nullif(pp.p ->> 'gender', ''), nullif(pp.p ->> 'date_of_birth', '')::date,
			nullif((pp.p ->> 'year_of_birth')::int, 0),
			nullif(pp.p ->> 'nationality', ''), nullif(pp.p ->> 'occupation', ''),
			nullif(a.a ->> 'line1', ''), nullif(a.a ->> 'line2', ''), nullif(a.a ->> 'city', ''),
			nullif((a.a ->> 'district_code')::int, 0), nullif((a.a ->> 'state_code')::int, 0),
			nullif(a.a ->> 'pincode', ''),
			nullif(pp.p ->> 'phone', ''), pp.description, pp.cnt, pp.pid,
			CASE WHEN pp.seq = 0 THEN nullif(v_pass ->> 'number', '') END,
			CASE WHEN pp.seq = 0 THEN nullif(v_pass ->> 'date_of_issue', '')::date END,
			CASE WHEN pp.seq = 0 THEN nullif(v_pass ->> 'place_of_issue', '') END
		FROM pp, LATERAL (SELECT CASE WHEN jsonb_typeof(pp.p -> 'address') = 'object'
			THEN pp.p -> 'address' ELSE '{}' END) a(a)
	)
	SELECT g.gd_no INTO o_gd_no FROM g;

	o_fir_no := v_no;
	o_gd_date := v_gd_date;
END
$fn$;
COMMENT ON FUNCTION core.fir_store(int, int, int, int, bigint, bytea, bytea, jsonb, timestamptz, jsonb) IS
	'Allocate the next FIR number of the station and year, link the named persons (core.link_person: complainant, informant, accused, suspect), write the FIR''s General Diary entry (next number of the station''s day), then the FIR as id referencing it, its rows (the complainant''s passport, the informant, person ids) and the fir_registered case event; returns the FIR number and the entry''s day and number';

CREATE OR REPLACE FUNCTION api.register_fir(state int, district int, station int, idem bytea, fir jsonb)
RETURNS TABLE (fir_number text, year int, number int, registered_at text, replayed boolean,
	gd_date text, gd_number int, gd_entered_at text)
LANGUAGE plpgsql SECURITY DEFINER
SET search_path = pg_catalog, pg_temp
SET constraint_exclusion = off
AS $fn$
#variable_conflict use_column
DECLARE
	fir_keys constant text[] := ARRAY['occurred_from', 'occurred_to', 'information_received_at',
		'information_type', 'place', 'charges', 'complainant', 'accused', 'brief_facts', 'properties',
		'delay_reason', 'officer', 'complainant_passport', 'informant', 'outside_station', 'inquest_number',
		'action_taken', 'dispatched_to_court_at', 'total_value_rupees', 'e_fir', 'zero_fir'];
	-- The fields core.fir_check (0004) does not know.
	later_keys constant text[] := ARRAY['officer', 'complainant_passport', 'informant', 'outside_station',
		'inquest_number', 'action_taken', 'dispatched_to_court_at', 'total_value_rupees', 'e_fir', 'zero_fir'];
	iif1_keys constant text[] := ARRAY['complainant_passport', 'informant', 'outside_station', 'inquest_number',
		'action_taken', 'dispatched_to_court_at', 'total_value_rupees', 'e_fir', 'zero_fir'];
	v_at timestamptz := now();
	v_year int := extract(year FROM now() AT TIME ZONE 'Asia/Kolkata')::int;
	v_sha bytea;
	v_id bigint;
	v_officer jsonb;
	v_stored record;
	v_old core.idempotency;
BEGIN
	-- 1. The station must be registered and active.
	PERFORM core.station_check(state, district, station);
	IF idem IS NULL OR length(idem) <> 16 THEN
		RAISE EXCEPTION USING ERRCODE = 'CT400', COLUMN = 'idempotency_key',
			MESSAGE = 'idempotency_key must be 16 bytes';
	END IF;
	IF fir IS NULL OR jsonb_typeof(fir) <> 'object' THEN
		PERFORM core.fir_bad('', 'the FIR content must be a JSON object (FirContent)');
	END IF;
	v_sha := sha256(convert_to(fir::text, 'UTF8'));

	-- 2. Partitions first (see 0005): usually all exist, catalog lookups only.
	-- A new person of this year goes to core.person_<state>_<year>, made by
	-- the same call.
	IF to_regclass('core.fir_' || state || '_' || v_year) IS NULL
		OR to_regclass('core.gd_entry_' || state || '_' || v_year) IS NULL
		OR to_regclass('core.fir_charge_' || state || '_' || v_year) IS NULL
		OR to_regclass('core.fir_person_' || state || '_' || v_year) IS NULL
		OR to_regclass('core.fir_property_' || state || '_' || v_year) IS NULL
		OR to_regclass('core.case_event_' || state || '_' || v_year) IS NULL
		OR to_regclass('core.person_link_' || state || '_' || v_year) IS NULL THEN
		PERFORM core.ensure_partitions(state, v_year);
	END IF;

	-- 3. Idempotency (see 0005).
	v_id := nextval('core.fir_id_seq');
	INSERT INTO core.idempotency (state_code, district_code, station_code, idem_key, content_sha256, year, fir_id)
	VALUES (state, district, station, idem, v_sha, v_year, v_id)
	ON CONFLICT DO NOTHING;
	IF NOT FOUND THEN
		SELECT * INTO v_old FROM core.idempotency i
		WHERE i.state_code = state AND i.district_code = district AND i.station_code = station
			AND i.idem_key = idem;
		IF v_old.request <> 'register_fir' OR v_old.content_sha256 <> v_sha OR v_old.fir_id IS NULL THEN
			RAISE EXCEPTION USING ERRCODE = 'CT409',
				MESSAGE = CASE WHEN v_old.request <> 'register_fir'
					THEN format('this idempotency key was already used for another request (%s); use a new key', v_old.request)
					ELSE 'this idempotency key was already used for a different FIR; use a new key for new content' END;
		END IF;
		RETURN QUERY
			SELECT core.fir_number_text(f.fir_no, f.year), f.year::int, f.fir_no,
				core.ist_text(date_trunc('second', f.registered_at)), true,
				to_char(g.gd_date, 'YYYY-MM-DD'), g.gd_no::int, core.ist_text(date_trunc('second', g.entered_at))
			FROM core.fir f
			LEFT JOIN core.gd_entry g ON g.state_code = f.state_code AND g.year = f.year
				AND g.district_code = f.district_code AND g.station_code = f.station_code
				AND g.gd_date = f.gd_date AND g.gd_no = f.gd_no
			WHERE f.state_code = state AND f.year = v_old.year AND f.fir_id = v_old.fir_id;
		RETURN;
	END IF;

	-- 4. Content: the FirContent fields, the FIR as 0004 checks it, the
	-- fields of 0010 when any is given, then the officer (optional).
	IF fir - fir_keys <> '{}' THEN
		PERFORM core.j_keys(fir, '', fir_keys);
	END IF;
	IF fir ?| iif1_keys THEN
		PERFORM core.fir_check(fir - later_keys);
		PERFORM core.fir_check_iif1(fir, state, district, station);
	ELSIF fir ? 'officer' THEN
		PERFORM core.fir_check(fir - 'officer');
	ELSE
		PERFORM core.fir_check(fir);
	END IF;
	v_officer := fir -> 'officer';
	IF v_officer IS NOT NULL THEN
		v_officer := core.officer_check(v_officer, 'officer', false);
	END IF;

	-- 5. Number, persons, diary entry and rows.
	v_stored := core.fir_store(state, district, station, v_year, v_id, idem, v_sha, fir, v_at, v_officer);

	fir_number := lpad(v_stored.o_fir_no::text, greatest(4, length(v_stored.o_fir_no::text)), '0') || '/' || v_year;
	year := v_year;
	number := v_stored.o_fir_no;
	registered_at := to_char(date_trunc('second', v_at) AT TIME ZONE 'Asia/Kolkata', 'YYYY-MM-DD"T"HH24:MI:SS')
		|| '+05:30';
	replayed := false;
	gd_date := to_char(v_stored.o_gd_date, 'YYYY-MM-DD');
	gd_number := v_stored.o_gd_no;
	gd_entered_at := registered_at;
	RETURN NEXT;
END
$fn$;
COMMENT ON FUNCTION api.register_fir(int, int, int, bytea, jsonb) IS
	'Register an FIR (FirContent JSON, IIF-I complete) for a station with a 16-byte idempotency key; links its persons in the persons master record, writes its General Diary entry first and the fir_registered case event. Returns the receipt with the diary entry (gd_* NULL only when replaying an FIR registered before the diary existed); the same key and content replay it (replayed = true). CT401 station, CT400 invalid (COLUMN = field path), CT409 key reused with other content or for another request';


-- ------------------------------------------------------------ JSON output

CREATE OR REPLACE FUNCTION core.person_json(p core.fir_person) RETURNS jsonb
LANGUAGE sql STABLE
SET search_path = pg_catalog, pg_temp
AS $fn$
	SELECT nullif(jsonb_strip_nulls(jsonb_build_object('name', p.name, 'relative_kind', p.relative_kind,
		'relative_name', p.relative_name, 'gender', p.gender,
		'date_of_birth', to_char(p.date_of_birth, 'YYYY-MM-DD'), 'year_of_birth', p.year_of_birth,
		'nationality', p.nationality, 'occupation', p.occupation,
		'address', core.address_json(p.addr_line1, p.addr_line2, p.addr_city, p.addr_district_code,
			p.addr_state_code, p.addr_pincode),
		'phone', p.phone, 'person_id', p.person_id)), '{}')
$fn$;
COMMENT ON FUNCTION core.person_json(core.fir_person) IS
	'Person message as JSON from a core.fir_person row (with person_id, the persons master record linked), without unset fields; NULL when nothing is set';

CREATE FUNCTION core.station_ref_json(state_code int, district_code int, station_code int, station_name text,
	district_name text) RETURNS jsonb
LANGUAGE sql IMMUTABLE
SET search_path = pg_catalog, pg_temp
AS $fn$
	SELECT nullif(jsonb_strip_nulls(jsonb_build_object('state_code', state_code, 'district_code', district_code,
		'station_code', station_code, 'station_name', station_name, 'district_name', district_name)), '{}')
$fn$;
COMMENT ON FUNCTION core.station_ref_json(int, int, int, text, text) IS
	'StationRef message as JSON without its unset fields; NULL when nothing is set';

CREATE FUNCTION core.station_identity_json(state int, district int, station int) RETURNS jsonb
LANGUAGE sql STABLE
SET search_path = pg_catalog, pg_temp
AS $fn$
	SELECT jsonb_strip_nulls(jsonb_build_object('kind', 'station', 'state_code', state,
		'district_code', district, 'station_code', station,
		'station_name', (SELECT s.name FROM ref.station s
			WHERE s.state_code = state AND s.district_code = district AND s.station_code = station),
		'district_name', (SELECT d.name FROM ref.district d
			WHERE d.state_code = state AND d.district_code = district),
		'state_name', (SELECT st.name FROM ref.state st WHERE st.code = state)))
	WHERE station IS NOT NULL
$fn$;
COMMENT ON FUNCTION core.station_identity_json(int, int, int) IS
	'Identity message (kind station, codes and names from the register) of a station as JSON; NULL when station is NULL';

CREATE FUNCTION core.fir_receipt_json(f core.fir) RETURNS jsonb
LANGUAGE sql STABLE
SET search_path = pg_catalog, pg_temp
AS $fn$
	SELECT jsonb_strip_nulls(jsonb_build_object(
		'fir_number', core.fir_number_text(f.fir_no, f.year),
		'year', f.year,
		'number', f.fir_no,
		'station', core.station_identity_json(f.state_code, f.district_code, f.station_code),
		'registered_at', core.ist_text(date_trunc('second', f.registered_at)),
		'idempotency_key', encode(f.idempotency_key, 'base64'),
		'gd_date', to_char(f.gd_date, 'YYYY-MM-DD'),
		'gd_number', f.gd_no,
		'gd_entered_at', (SELECT core.ist_text(date_trunc('second', g.entered_at))
			FROM core.gd_entry g
			WHERE g.state_code = f.state_code AND g.year = f.year AND g.district_code = f.district_code
				AND g.station_code = f.station_code AND g.gd_date = f.gd_date AND g.gd_no = f.gd_no)))
$fn$;
COMMENT ON FUNCTION core.fir_receipt_json(core.fir) IS
	'FirReceipt message as JSON (without replayed) from a core.fir row: number, station identity, registration time, key, diary entry';

CREATE FUNCTION core.fir_content_json(f core.fir) RETURNS jsonb
LANGUAGE sql STABLE
SET search_path = pg_catalog, pg_temp
AS $fn$
	-- Unset fields are left out, as pbjson does: stored values are never ""
	-- or 0 (register_fir stores those as NULL), so dropping NULLs and empty
	-- messages is enough.
	SELECT jsonb_strip_nulls(jsonb_build_object(
		'occurred_from', core.ist_text(f.occurred_from),
		'occurred_to', core.ist_text(f.occurred_to),
		'information_received_at', core.ist_text(f.information_received_at),
		'information_type', f.information_type,
		'place', nullif(jsonb_strip_nulls(jsonb_build_object(
			'address', core.address_json(f.place_line1, f.place_line2, f.place_city,
				f.place_district_code, f.place_state_code, f.place_pincode),
			'distance_m', f.place_distance_m,
			'direction', f.place_direction,
			'beat', f.place_beat)), '{}'),
		'charges', (SELECT jsonb_agg(jsonb_strip_nulls(jsonb_build_object('act', c.act,
					'section', c.section, 'law', c.law))
				ORDER BY c.seq)
			FROM core.fir_charge c
			WHERE c.state_code = f.state_code AND c.year = f.year AND c.fir_id = f.fir_id),
		'complainant', core.person_json(cp),
		'accused', (SELECT jsonb_agg(jsonb_strip_nulls(jsonb_build_object(
					'kind', CASE p.role WHEN 'accused' THEN 'known' WHEN 'suspect' THEN 'suspected'
						ELSE 'unknown' END,
					'person', core.person_json(p),
					'description', p.description,
					'count', p.count))
				ORDER BY p.seq)
			FROM core.fir_person p
			WHERE p.state_code = f.state_code AND p.year = f.year AND p.fir_id = f.fir_id AND p.seq > 0),
		'brief_facts', f.brief_facts,
		'properties', pr.list,
		'delay_reason', f.delay_reason,
		'officer', core.officer_json(f.officer_number, f.officer_name, f.officer_rank),
		'complainant_passport', nullif(jsonb_strip_nulls(jsonb_build_object('number', cp.passport_number,
			'date_of_issue', to_char(cp.passport_issued_on, 'YYYY-MM-DD'),
			'place_of_issue', cp.passport_issue_place)), '{}'),
		'informant', (SELECT core.person_json(p) FROM core.fir_person p
			WHERE p.state_code = f.state_code AND p.year = f.year AND p.fir_id = f.fir_id AND p.seq = -1),
		'outside_station', core.station_ref_json(f.outside_state_code, f.outside_district_code,
			f.outside_station_code, f.outside_station_name, f.outside_district_name),
		'inquest_number', f.inquest_number,
		'action_taken', nullif(jsonb_strip_nulls(jsonb_build_object('action', f.action,
			'reason', f.action_reason,
			'to_station', core.station_ref_json(f.action_state_code, f.action_district_code,
				f.action_station_code, f.action_station_name, f.action_district_name),
			'text', f.action_text)), '{}'),
		'dispatched_to_court_at', core.ist_text(f.dispatched_to_court_at),
		'total_value_rupees', nullif(pr.total, 0),
		'e_fir', CASE WHEN f.e_fir THEN true END,
		'zero_fir', CASE WHEN f.zero_fir THEN true END))
	FROM (SELECT jsonb_agg(jsonb_strip_nulls(jsonb_build_object('kind', o.kind,
				'description', o.description, 'value_rupees', o.value_rupees)) ORDER BY o.seq) AS list,
			sum(o.value_rupees) AS total
		FROM core.fir_property o
		WHERE o.state_code = f.state_code AND o.year = f.year AND o.fir_id = f.fir_id) pr
	LEFT JOIN core.fir_person cp ON cp.state_code = f.state_code AND cp.year = f.year
		AND cp.fir_id = f.fir_id AND cp.seq = 0
$fn$;
COMMENT ON FUNCTION core.fir_content_json(core.fir) IS
	'FirContent message as JSON (pbjson mapping, unset fields left out, times in IST) from a core.fir row and its rows: IIF-I complete, persons with their person_id, total_value_rupees the sum of the properties';

-- Fir.transferred_to of a sending FIR: the receiving station, its FIR when
-- in the state, when, why, by whom.
CREATE FUNCTION core.fir_transfer_to_json(f core.fir) RETURNS jsonb
LANGUAGE sql STABLE
SET search_path = pg_catalog, pg_temp
AS $fn$
	SELECT jsonb_strip_nulls(jsonb_build_object(
		'station', core.station_identity_json(f.transferred_to_state_code, f.transferred_to_district_code,
			f.transferred_to_station_code),
		'fir_number', core.fir_number_text(f.transferred_to_fir_no, f.transferred_to_year),
		'at', core.ist_text(date_trunc('second', f.transferred_at)),
		'reason', f.transfer_reason,
		'officer', core.officer_json(f.transfer_officer_number, f.transfer_officer_name, f.transfer_officer_rank),
		'exported', CASE WHEN f.transfer_exported THEN true END))
	WHERE f.transferred_at IS NOT NULL
$fn$;
COMMENT ON FUNCTION core.fir_transfer_to_json(core.fir) IS
	'FirTransferLink JSON of a transferred FIR (the receiving station and FIR); NULL when not transferred';

-- Fir.transferred_from of an FIR registered on transfer: the sending
-- station's FIR and its transfer.
CREATE FUNCTION core.fir_transfer_from_json(f core.fir) RETURNS jsonb
LANGUAGE sql STABLE
SET search_path = pg_catalog, pg_temp
AS $fn$
	SELECT jsonb_strip_nulls(jsonb_build_object(
		'station', core.station_identity_json(s.state_code, s.district_code, s.station_code),
		'fir_number', core.fir_number_text(s.fir_no, s.year),
		'at', core.ist_text(date_trunc('second', s.transferred_at)),
		'reason', s.transfer_reason,
		'officer', core.officer_json(s.transfer_officer_number, s.transfer_officer_name, s.transfer_officer_rank)))
	FROM core.fir s
	WHERE f.transferred_from_fir_id IS NOT NULL AND s.state_code = f.state_code
		AND s.year = f.transferred_from_year AND s.fir_id = f.transferred_from_fir_id
$fn$;
COMMENT ON FUNCTION core.fir_transfer_from_json(core.fir) IS
	'FirTransferLink JSON of an FIR registered on transfer (the sending station and FIR); NULL otherwise';

CREATE FUNCTION core.fir_json(f core.fir) RETURNS jsonb
LANGUAGE sql STABLE
SET search_path = pg_catalog, pg_temp
AS $fn$
	SELECT jsonb_strip_nulls(jsonb_build_object(
		'receipt', core.fir_receipt_json(f),
		'content', core.fir_content_json(f),
		'status', f.status,
		'transferred_to', core.fir_transfer_to_json(f),
		'transferred_from', core.fir_transfer_from_json(f),
		'efir_sign_by', core.ist_text(date_trunc('second', f.efir_sign_by)),
		'efir_signed_at', core.ist_text(f.efir_signed_at)))
$fn$;
COMMENT ON FUNCTION core.fir_json(core.fir) IS
	'Fir message as JSON: receipt, content, status, both ends of a transfer, e-FIR deadline and signature';

CREATE OR REPLACE FUNCTION api.get_fir(state int, district int, station int, fir_number text) RETURNS jsonb
LANGUAGE plpgsql STABLE SECURITY DEFINER
SET search_path = pg_catalog, pg_temp
SET constraint_exclusion = off
AS $fn$
DECLARE
	num record;
	f core.fir;
BEGIN
	PERFORM core.station_check(state, district, station);
	SELECT * INTO num FROM core.fir_number_parse(fir_number);
	SELECT * INTO f FROM core.fir x
	WHERE x.state_code = state AND x.year = num.year AND x.district_code = district
		AND x.station_code = station AND x.fir_no = num.fir_no;
	IF NOT FOUND THEN
		PERFORM core.fir_not_found(num.fir_no, num.year);
	END IF;
	RETURN core.fir_json(f);
END
$fn$;
COMMENT ON FUNCTION api.get_fir(int, int, int, text) IS
	'Read an FIR of the calling station by its number (42/2026 or 0042/2026): Fir JSON {"receipt", "content" (IIF-I complete, person ids, total value), "status", "transferred_to", "transferred_from", "efir_sign_by", "efir_signed_at"} in the pbjson mapping, times in IST. CT401 station, CT400 bad number, CT404 no such FIR';


-- ------------------------------------------------------------ zero FIR: transfer

-- The TransferFir request without key and fir_number: {"to", "reason",
-- "officer"}. Returns the receiving station's codes.
CREATE FUNCTION core.transfer_check(state int, district int, station int, req jsonb,
	OUT o_state int, OUT o_district int, OUT o_station int)
LANGUAGE plpgsql
SET search_path = pg_catalog, pg_temp
AS $fn$
DECLARE
	keys constant text[] := ARRAY['to', 'reason', 'officer'];
	to_keys constant text[] := ARRAY['state_code', 'district_code', 'station_code'];
	v jsonb;
	o jsonb;
	k text;
	n bigint;
	r ref.station;
BEGIN
	IF req IS NULL OR jsonb_typeof(req) <> 'object' THEN
		PERFORM core.fir_bad('', 'the request must be a JSON object (TransferFir without idempotency_key and fir_number)');
	END IF;
	IF req - keys <> '{}' THEN
		PERFORM core.j_keys(req, '', keys);
	END IF;
	o := core.j_obj(req -> 'to', 'to', to_keys, true);
	FOREACH k IN ARRAY to_keys LOOP
		v := o -> k;
		IF jsonb_typeof(v) = 'number' AND v #>> '{}' ~ '^[0-9]{1,9}$' THEN
			n := nullif((v #>> '{}')::bigint, 0);
		ELSE
			n := core.j_uint(v, 'to.' || k, 2147483647);
		END IF;
		IF n IS NULL THEN
			PERFORM core.fir_bad('to.' || k, format('to.%s is required: the receiving station''s codes', k));
		END IF;
		CASE k
		WHEN 'state_code' THEN o_state := n;
		WHEN 'district_code' THEN o_district := n;
		ELSE o_station := n;
		END CASE;
	END LOOP;
	v := req -> 'reason';
	IF (jsonb_typeof(v) = 'string' AND octet_length(v #>> '{}') BETWEEN 1 AND 12000) IS NOT TRUE THEN
		PERFORM core.j_str(v, 'reason', 12000, true);
	END IF;
	PERFORM core.officer_check(req -> 'officer', 'officer', true);

	IF (o_state, o_district, o_station) = (state, district, station) THEN
		PERFORM core.fir_bad('to', 'an FIR is transferred to another station, not to the station that has it');
	END IF;
	SELECT * INTO r FROM ref.station s
	WHERE s.state_code = o_state AND s.district_code = o_district AND s.station_code = o_station;
	IF NOT FOUND THEN
		PERFORM core.fir_bad('to', format('there is no police station %s:%s:%s in the station register',
			o_state, o_district, o_station));
	END IF;
	IF NOT r.active THEN
		PERFORM core.fir_bad('to', format('police station %s:%s:%s (%s) is not active in the station register',
			o_state, o_district, o_station, r.name));
	END IF;
END
$fn$;
COMMENT ON FUNCTION core.transfer_check(int, int, int, jsonb) IS
	'Validate a TransferFir (without key and fir_number) of a station: to (codes required; an active station of the register, not the station itself: CT400 on to), reason, officer. Returns the receiving station''s codes';

-- Copy FIR src (same state) as a new FIR id of station (district,
-- station) numbered no in year yr, registered at at with diary entry
-- (gd_date, gd_no) and key idem: the same content, its charges, persons
-- (linked again to the same persons) and properties; status registered,
-- linked back to src.
CREATE FUNCTION core.fir_copy(src core.fir, p_id bigint, p_district int, p_station int, p_year int, p_no int,
	p_at timestamptz, p_gd_date date, p_gd_no int, p_idem bytea) RETURNS void
LANGUAGE plpgsql
SET search_path = pg_catalog, pg_temp
AS $fn$
DECLARE
	v_label text := 'FIR ' || core.fir_number_text(p_no, p_year);
	p record;
BEGIN
	INSERT INTO core.fir
	SELECT (jsonb_populate_record(NULL::core.fir, to_jsonb(src) || jsonb_build_object(
		'fir_id', p_id, 'year', p_year, 'district_code', p_district, 'station_code', p_station, 'fir_no', p_no,
		'registered_at', p_at, 'idempotency_key', '\x' || encode(p_idem, 'hex'), 'gd_date', p_gd_date,
		'gd_no', p_gd_no,
		'status', 'registered', 'io_number', NULL, 'io_name', NULL, 'io_rank', NULL,
		'transferred_to_state_code', NULL, 'transferred_to_district_code', NULL,
		'transferred_to_station_code', NULL, 'transferred_to_year', NULL, 'transferred_to_fir_no', NULL,
		'transferred_to_fir_id', NULL, 'transferred_at', NULL, 'transfer_reason', NULL,
		'transfer_officer_number', NULL, 'transfer_officer_name', NULL, 'transfer_officer_rank', NULL,
		'transfer_exported', false,
		'transferred_from_district_code', src.district_code, 'transferred_from_station_code', src.station_code,
		'transferred_from_year', src.year, 'transferred_from_fir_no', src.fir_no,
		'transferred_from_fir_id', src.fir_id))).*;
	INSERT INTO core.fir_charge (state_code, year, fir_id, seq, act, section, law)
	SELECT c.state_code, p_year, p_id, c.seq, c.act, c.section, c.law
	FROM core.fir_charge c
	WHERE c.state_code = src.state_code AND c.year = src.year AND c.fir_id = src.fir_id;
	INSERT INTO core.fir_property (state_code, year, fir_id, seq, kind, description, value_rupees)
	SELECT o.state_code, p_year, p_id, o.seq, o.kind, o.description, o.value_rupees
	FROM core.fir_property o
	WHERE o.state_code = src.state_code AND o.year = src.year AND o.fir_id = src.fir_id;
	INSERT INTO core.fir_person
	SELECT (jsonb_populate_record(NULL::core.fir_person, to_jsonb(x) || jsonb_build_object('year', p_year,
		'fir_id', p_id))).*
	FROM core.fir_person x
	WHERE x.state_code = src.state_code AND x.year = src.year AND x.fir_id = src.fir_id;
	-- The same persons, linked to the new FIR in their roles.
	FOR p IN SELECT x.person_id, x.role, x.seq FROM core.fir_person x
		WHERE x.state_code = src.state_code AND x.year = src.year AND x.fir_id = src.fir_id
			AND x.person_id IS NOT NULL
		ORDER BY x.seq
	LOOP
		PERFORM core.link_person(src.state_code, p_district, p_station, jsonb_build_object('person_id', p.person_id),
			CASE WHEN p.seq = 0 THEN 'complainant' WHEN p.seq = -1 THEN 'informant'
				ELSE 'accused[' || (p.seq - 1) || '].person' END,
			p.role::core.person_role, 'fir', p_year, p_id, p_id, v_label);
	END LOOP;
END
$fn$;
COMMENT ON FUNCTION core.fir_copy(core.fir, bigint, int, int, int, int, timestamptz, date, int, bytea) IS
	'Register a copy of FIR src (same state) at another station of the state, as received by transfer: same content and rows, the persons linked again, status registered, transferred_from_* naming src';

CREATE FUNCTION api.transfer_fir(state int, district int, station int, idem bytea, fir_number text, req jsonb)
RETURNS TABLE (receipt jsonb, replayed boolean)
LANGUAGE plpgsql SECURITY DEFINER
SET search_path = pg_catalog, pg_temp
SET constraint_exclusion = off
AS $fn$
#variable_conflict use_column
DECLARE
	v_at timestamptz := now();
	v_year int := extract(year FROM now() AT TIME ZONE 'Asia/Kolkata')::int;
	num record;
	to_st record;
	f core.fir;
	v_sha bytea;
	v_answer jsonb;
	v_fir text;
	v_new_id bigint;
	v_new_no int;
	v_new text;
	v_officer jsonb;
	v_here text;
	v_there text;
	v_from_date date;
	v_from_no int;
	v_to_date date;
	v_to_no int;
BEGIN
	PERFORM core.station_check(state, district, station);
	SELECT * INTO num FROM core.fir_number_parse(fir_number);
	v_fir := core.fir_number_text(num.fir_no, num.year);
	IF req IS NULL OR jsonb_typeof(req) <> 'object' THEN
		PERFORM core.fir_bad('', 'the request must be a JSON object (TransferFir without idempotency_key and fir_number)');
	END IF;
	v_sha := sha256(convert_to(v_fir || ' ' || req::text, 'UTF8'));
	-- Partitions before any lock: this year's, for the diary and a new FIR.
	PERFORM core.ensure_partitions(state, v_year);

	v_answer := core.idem_claim(state, district, station, idem, v_sha, 'transfer_fir');
	IF v_answer IS NOT NULL THEN
		receipt := v_answer || '{"replayed": true}';
		replayed := true;
		RETURN NEXT;
		RETURN;
	END IF;

	-- The FIR, locked: the changes of one case are made one at a time.
	SELECT * INTO f FROM core.fir x
	WHERE x.state_code = state AND x.year = num.year AND x.district_code = district
		AND x.station_code = station AND x.fir_no = num.fir_no
	FOR NO KEY UPDATE;
	IF NOT FOUND THEN
		PERFORM core.fir_not_found(num.fir_no, num.year);
	END IF;
	SELECT * INTO to_st FROM core.transfer_check(state, district, station, req);
	IF f.status NOT IN ('registered', 'under_investigation') THEN
		RAISE EXCEPTION USING ERRCODE = 'CT409', COLUMN = 'fir_number',
			MESSAGE = format('FIR %s is %s: an FIR is transferred only while it is registered or under_investigation',
				v_fir, f.status);
	END IF;
	v_officer := req -> 'officer';
	v_here := (SELECT format('%s (%s:%s:%s)', s.name, s.state_code, s.district_code, s.station_code)
		FROM ref.station s WHERE s.state_code = state AND s.district_code = district AND s.station_code = station);
	v_there := (SELECT format('%s (%s:%s:%s)', s.name, s.state_code, s.district_code, s.station_code)
		FROM ref.station s WHERE s.state_code = to_st.o_state AND s.district_code = to_st.o_district
			AND s.station_code = to_st.o_station);

	IF to_st.o_state = state THEN
		-- Within the state: the receiving station's next number (locks as
		-- register_fir: its FIR counter, then diary counters), its diary
		-- entry first, then the FIR that references it.
		INSERT INTO core.fir_counter AS c (state_code, district_code, station_code, year, last_no)
		VALUES (state, to_st.o_district, to_st.o_station, v_year, 1)
		ON CONFLICT (state_code, district_code, station_code, year)
			DO UPDATE SET last_no = c.last_no + 1
		RETURNING c.last_no INTO v_new_no;
		v_new := core.fir_number_text(v_new_no, v_year);
		v_new_id := nextval('core.fir_id_seq');
		-- The two diaries in the order of the stations, so that two
		-- transfers between the same stations never wait on each other.
		IF (district, station) < (to_st.o_district, to_st.o_station) THEN
			SELECT w.gd_date, w.gd_no INTO v_from_date, v_from_no FROM core.gd_write(state, district, station,
				'fir_transfer', format('FIR %s transferred to %s, registered there as FIR %s', v_fir, v_there, v_new),
				v_officer, f.year, f.fir_no, NULL) w;
		END IF;
		SELECT w.gd_date, w.gd_no INTO v_to_date, v_to_no FROM core.gd_write(state, to_st.o_district, to_st.o_station,
			'fir_transfer', format('FIR %s registered on transfer of FIR %s of %s', v_new, v_fir, v_here),
			v_officer, v_year, v_new_no, NULL) w;
		IF v_from_no IS NULL THEN
			SELECT w.gd_date, w.gd_no INTO v_from_date, v_from_no FROM core.gd_write(state, district, station,
				'fir_transfer', format('FIR %s transferred to %s, registered there as FIR %s', v_fir, v_there, v_new),
				v_officer, f.year, f.fir_no, NULL) w;
		END IF;
		PERFORM core.fir_copy(f, v_new_id, to_st.o_district, to_st.o_station, v_year, v_new_no, v_at,
			v_to_date, v_to_no, idem);
		PERFORM core.case_event_add(state, v_year, v_new_id, v_at, 'received_by_transfer', 'registered',
			v_officer, format('FIR %s registered on transfer of FIR %s of %s', v_new, v_fir, v_here),
			v_to_date, v_to_no, NULL);
	ELSE
		-- Another state: marked transferred here, and given out as an export.
		SELECT w.gd_date, w.gd_no INTO v_from_date, v_from_no FROM core.gd_write(state, district, station,
			'fir_transfer', format('FIR %s transferred to %s in another state; exported', v_fir, v_there),
			v_officer, f.year, f.fir_no, NULL) w;
	END IF;

	UPDATE core.fir x SET status = 'transferred',
		transferred_to_state_code = to_st.o_state, transferred_to_district_code = to_st.o_district,
		transferred_to_station_code = to_st.o_station,
		transferred_to_year = CASE WHEN v_new_id IS NOT NULL THEN v_year END,
		transferred_to_fir_no = v_new_no, transferred_to_fir_id = v_new_id,
		transferred_at = v_at, transfer_reason = req ->> 'reason',
		transfer_officer_number = v_officer ->> 'number', transfer_officer_name = v_officer ->> 'name',
		transfer_officer_rank = v_officer ->> 'rank', transfer_exported = v_new_id IS NULL
	WHERE x.state_code = f.state_code AND x.year = f.year AND x.fir_id = f.fir_id;
	PERFORM core.case_event_add(state, f.year, f.fir_id, v_at, 'transferred_out', 'transferred', v_officer,
		CASE WHEN v_new_id IS NOT NULL
			THEN format('FIR %s transferred to %s, registered there as FIR %s', v_fir, v_there, v_new)
			ELSE format('FIR %s transferred to %s in another state; exported', v_fir, v_there) END,
		v_from_date, v_from_no, NULL);

	receipt := jsonb_strip_nulls(jsonb_build_object(
		'fir_number', v_fir,
		'status', 'transferred',
		'to', core.station_identity_json(to_st.o_state, to_st.o_district, to_st.o_station),
		'new_fir_number', v_new,
		'exported', CASE WHEN v_new_id IS NULL THEN true END,
		'transferred_at', core.ist_text(date_trunc('second', v_at)),
		'gd_date', to_char(v_from_date, 'YYYY-MM-DD'),
		'gd_number', v_from_no,
		'to_gd_date', to_char(v_to_date, 'YYYY-MM-DD'),
		'to_gd_number', v_to_no));
	PERFORM core.idem_answer(state, district, station, idem, receipt);
	replayed := false;
	RETURN NEXT;
END
$fn$;
COMMENT ON FUNCTION api.transfer_fir(int, int, int, bytea, text, jsonb) IS
	'Transfer an FIR of the calling station (TransferFir JSON without key and fir_number: {"to", "reason", "officer"}) with a 16-byte idempotency key. Within the state the receiving station registers the same content under its own next number in the same transaction (event received_by_transfer, its diary entry) and the two FIRs are linked; to another state the FIR is marked for export (api.get_fir_export). Either way the FIR becomes transferred (event transferred_out, diary entry fir_transfer). Returns the FirTransferReceipt JSON; the same key and content replay it. CT401, CT400 (to: the station itself, not registered or not active), CT404 no such FIR, CT409 a status that takes no transfer or key reused';

-- ------------------------------------------------------------ zero FIR: export

CREATE FUNCTION api.get_fir_export(state int, district int, station int, fir_number text) RETURNS jsonb
LANGUAGE plpgsql STABLE SECURITY DEFINER
SET search_path = pg_catalog, pg_temp
SET constraint_exclusion = off
AS $fn$
DECLARE
	num record;
	f core.fir;
BEGIN
	PERFORM core.station_check(state, district, station);
	SELECT * INTO num FROM core.fir_number_parse(fir_number);
	SELECT * INTO f FROM core.fir x
	WHERE x.state_code = state AND x.year = num.year AND x.district_code = district
		AND x.station_code = station AND x.fir_no = num.fir_no;
	IF NOT FOUND THEN
		PERFORM core.fir_not_found(num.fir_no, num.year);
	END IF;
	IF NOT f.transfer_exported THEN
		RAISE EXCEPTION USING ERRCODE = 'CT409', COLUMN = 'fir_number',
			MESSAGE = format('FIR %s was not transferred to another state: only such an FIR is exported (cctns fir transfer)',
				core.fir_number_text(f.fir_no, f.year));
	END IF;
	RETURN jsonb_strip_nulls(jsonb_build_object(
		'format', 'cctns.fir-export',
		'format_version', 1,
		'exported_at', core.ist_text(date_trunc('second', now())),
		'source_station', core.station_identity_json(f.state_code, f.district_code, f.station_code),
		'receipt', core.fir_receipt_json(f) - 'idempotency_key',
		'content', core.fir_content_json(f),
		'transfer', core.fir_transfer_to_json(f),
		'timeline', (SELECT jsonb_agg(core.case_event_json(e) ORDER BY e.at, e.seq)
			FROM core.case_event e
			WHERE e.state_code = f.state_code AND e.year = f.year AND e.fir_id = f.fir_id)));
END
$fn$;
COMMENT ON FUNCTION api.get_fir_export(int, int, int, text) IS
	'The FirExport (format cctns.fir-export, version 1) of an FIR of the calling station transferred to another state: source station, receipt, content, transfer, timeline. CT401, CT400 bad number, CT404 no such FIR, CT409 not transferred to another state';

-- ------------------------------------------------------------ e-FIR

CREATE FUNCTION api.sign_efir(state int, district int, station int, idem bytea, fir_number text, req jsonb)
RETURNS TABLE (receipt jsonb, replayed boolean)
LANGUAGE plpgsql SECURITY DEFINER
SET search_path = pg_catalog, pg_temp
SET constraint_exclusion = off
AS $fn$
#variable_conflict use_column
DECLARE
	keys constant text[] := ARRAY['signed_at', 'officer'];
	num record;
	f core.fir;
	v_sha bytea;
	v_answer jsonb;
	v_fir text;
	v_signed timestamptz;
	v_officer jsonb;
	g record;
BEGIN
	PERFORM core.station_check(state, district, station);
	SELECT * INTO num FROM core.fir_number_parse(fir_number);
	v_fir := core.fir_number_text(num.fir_no, num.year);
	IF req IS NULL OR jsonb_typeof(req) <> 'object' THEN
		PERFORM core.fir_bad('', 'the request must be a JSON object (SignEfir without idempotency_key and fir_number)');
	END IF;
	v_sha := sha256(convert_to(v_fir || ' ' || req::text, 'UTF8'));
	PERFORM core.ensure_partitions(state, extract(year FROM now() AT TIME ZONE 'Asia/Kolkata')::int);

	v_answer := core.idem_claim(state, district, station, idem, v_sha, 'sign_efir');
	IF v_answer IS NOT NULL THEN
		receipt := v_answer || '{"replayed": true}';
		replayed := true;
		RETURN NEXT;
		RETURN;
	END IF;

	IF req - keys <> '{}' THEN
		PERFORM core.j_keys(req, '', keys);
	END IF;
	v_signed := core.read_time(req -> 'signed_at', 'signed_at', true);
	v_officer := core.officer_check(req -> 'officer', 'officer', true);

	SELECT * INTO f FROM core.fir x
	WHERE x.state_code = state AND x.year = num.year AND x.district_code = district
		AND x.station_code = station AND x.fir_no = num.fir_no
	FOR NO KEY UPDATE;
	IF NOT FOUND THEN
		PERFORM core.fir_not_found(num.fir_no, num.year);
	END IF;
	IF NOT f.e_fir THEN
		RAISE EXCEPTION USING ERRCODE = 'CT409', COLUMN = 'fir_number',
			MESSAGE = format('FIR %s is not an e-FIR: only an FIR registered online is signed by its informant', v_fir);
	END IF;
	IF f.efir_signed_at IS NOT NULL THEN
		RAISE EXCEPTION USING ERRCODE = 'CT409', COLUMN = 'fir_number',
			MESSAGE = format('e-FIR %s was already signed by its informant at %s', v_fir, core.ist_text(f.efir_signed_at));
	END IF;
	IF f.status = 'transferred' THEN
		RAISE EXCEPTION USING ERRCODE = 'CT409', COLUMN = 'fir_number',
			MESSAGE = format('FIR %s was transferred: the receiving station records the signature', v_fir);
	END IF;
	IF v_signed < date_trunc('second', f.registered_at) THEN
		PERFORM core.fir_bad('signed_at', format('signed_at (%s) is before the e-FIR was registered (%s)',
			core.ist_text(v_signed), core.ist_text(date_trunc('second', f.registered_at))));
	END IF;
	IF v_signed > f.efir_sign_by THEN
		RAISE EXCEPTION USING ERRCODE = 'CT409', COLUMN = 'signed_at',
			MESSAGE = format('e-FIR %s lapsed: it had to be signed by its informant within three days of registration, by %s; signed_at is %s',
				v_fir, core.ist_text(date_trunc('second', f.efir_sign_by)), core.ist_text(v_signed));
	END IF;

	UPDATE core.fir x SET efir_signed_at = v_signed
	WHERE x.state_code = f.state_code AND x.year = f.year AND x.fir_id = f.fir_id;
	SELECT * INTO g FROM core.gd_write(state, district, station, 'efir',
		format('e-FIR %s signed by its informant on %s', v_fir,
			to_char(v_signed AT TIME ZONE 'Asia/Kolkata', 'DD/MM/YYYY HH24:MI "IST"')),
		v_officer, f.year, f.fir_no, NULL);
	PERFORM core.case_event_add(state, f.year, f.fir_id, v_signed, 'efir_signed', f.status, v_officer,
		format('e-FIR %s signed by its informant', v_fir), g.gd_date, g.gd_no, NULL);

	receipt := jsonb_build_object('fir_number', v_fir, 'signed_at', core.ist_text(v_signed),
		'sign_by', core.ist_text(date_trunc('second', f.efir_sign_by)),
		'gd_date', to_char(g.gd_date, 'YYYY-MM-DD'), 'gd_number', g.gd_no);
	PERFORM core.idem_answer(state, district, station, idem, receipt);
	replayed := false;
	RETURN NEXT;
END
$fn$;
COMMENT ON FUNCTION api.sign_efir(int, int, int, bytea, text, jsonb) IS
	'Record the informant''s signature of an e-FIR of the calling station (SignEfir JSON without key and fir_number: {"signed_at", "officer"}) with a 16-byte idempotency key: event efir_signed, diary entry efir. Returns the EfirSignReceipt JSON; the same key and content replay it. CT401, CT400 (signed_at before registration or in the future), CT404 no such FIR, CT409 not an e-FIR, already signed, transferred, or lapsed (signed after the three days)';

CREATE FUNCTION api.list_pending_efirs(state int, district int, station int) RETURNS jsonb
LANGUAGE plpgsql STABLE SECURITY DEFINER
SET search_path = pg_catalog, pg_temp
SET constraint_exclusion = off
AS $fn$
DECLARE
	y int := extract(year FROM now() AT TIME ZONE 'Asia/Kolkata')::int;
BEGIN
	PERFORM core.station_check(state, district, station);
	-- This year's and last year's FIRs: an e-FIR lapses three days after
	-- registration, so an older one is long lapsed and no longer listed.
	RETURN jsonb_build_object('items', coalesce((
		SELECT jsonb_agg(jsonb_strip_nulls(jsonb_build_object(
				'fir_number', core.fir_number_text(f.fir_no, f.year),
				'registered_at', core.ist_text(date_trunc('second', f.registered_at)),
				'sign_by', core.ist_text(date_trunc('second', f.efir_sign_by)),
				'overdue', CASE WHEN f.efir_sign_by < now() THEN true END))
			ORDER BY f.registered_at, f.fir_no)
		FROM core.fir f
		WHERE f.state_code = state AND f.year IN (y - 1, y) AND f.district_code = district
			AND f.station_code = station AND f.e_fir AND f.efir_signed_at IS NULL
			AND f.status <> 'transferred'), '[]'));
END
$fn$;
COMMENT ON FUNCTION api.list_pending_efirs(int, int, int) IS
	'The calling station''s e-FIRs (of this year and last) not signed by their informant yet, oldest first, overdue marked: PendingEfirs JSON {"items": [{"fir_number", "registered_at", "sign_by", "overdue"}]}. CT401';

-- ------------------------------------------------------------ transferred FIRs take no further records

-- As 0006's, and an arrest memo in a transferred FIR is refused (CT409): the
-- case continues at the receiving station. Later records check the status
-- the same way.
CREATE OR REPLACE FUNCTION core.arrest_guard() RETURNS trigger
LANGUAGE plpgsql
SET search_path = pg_catalog, pg_temp
AS $fn$
DECLARE
	f record;
BEGIN
	SELECT x.registered_at, x.district_code, x.station_code, x.fir_no, x.status INTO f
	FROM core.fir x
	WHERE x.state_code = NEW.state_code AND x.year = NEW.year AND x.fir_id = NEW.fir_id;
	IF FOUND AND (f.district_code <> NEW.district_code OR f.station_code <> NEW.station_code) THEN
		RAISE EXCEPTION USING ERRCODE = 'CT400', COLUMN = 'fir_number',
			MESSAGE = 'an arrest memo belongs to the station of its FIR';
	END IF;
	IF f.status = 'transferred' THEN
		RAISE EXCEPTION USING ERRCODE = 'CT409', COLUMN = 'fir_number',
			MESSAGE = format('FIR %s was transferred to another station: it takes no further case records; record them in the FIR at the receiving station',
				core.fir_number_text(f.fir_no, NEW.year));
	END IF;
	IF NEW.arrested_at < date_trunc('second', f.registered_at) THEN
		RAISE EXCEPTION USING ERRCODE = 'CT400', COLUMN = 'arrested_at',
			MESSAGE = format('an arrest cannot be recorded before its FIR: FIR %s was registered at %s',
				core.fir_number_text(f.fir_no, NEW.year), core.ist_text(date_trunc('second', f.registered_at)));
	END IF;
	RETURN NEW;
END
$fn$;
COMMENT ON FUNCTION core.arrest_guard() IS
	'Trigger: refuse an arrest memo of another station than its FIR''s (CT400), in a transferred FIR (CT409), or whose arrested_at is before the second the FIR was registered (CT400)';

-- ------------------------------------------------------------ access

REVOKE ALL ON ALL FUNCTIONS IN SCHEMA api FROM PUBLIC;
REVOKE ALL ON ALL FUNCTIONS IN SCHEMA core FROM PUBLIC;
GRANT EXECUTE ON FUNCTION api.transfer_fir(int, int, int, bytea, text, jsonb),
	api.get_fir_export(int, int, int, text),
	api.sign_efir(int, int, int, bytea, text, jsonb),
	api.list_pending_efirs(int, int, int)
	TO cctns_server;
