-- 0011_petition_ncr_lost.sql: three registers every police station keeps
-- besides the FIR: petitions and complaints, non-cognizable reports (NCR),
-- and lost property reports.
--
-- api.register_petition(state, district, station, idem bytea, petition jsonb)
--     -> (receipt jsonb PetitionReceipt, replayed)          CT401 CT400 CT409
-- api.get_petition(state, district, station, petition_number text)
--     -> jsonb PetitionRecord                               CT401 CT400 CT404
-- api.assign_enquiry(state, district, station, idem bytea, petition_number text, req jsonb)
--     -> (result jsonb PetitionRecord, replayed)       CT401 CT400 CT404 CT409
-- api.report_enquiry(state, district, station, idem bytea, petition_number text, report jsonb)
--     -> (result jsonb PetitionRecord, replayed)       CT401 CT400 CT404 CT409
-- api.dispose_petition(state, district, station, idem bytea, petition_number text, disposal jsonb)
--     -> (result jsonb PetitionRecord, replayed)       CT401 CT400 CT404 CT409
-- api.register_ncr(state, district, station, idem bytea, ncr jsonb)
--     -> (receipt jsonb NcrReceipt, replayed)               CT401 CT400 CT409
-- api.get_ncr(state, district, station, ncr_number text) -> jsonb NcrRecord
-- api.register_lost_report(state, district, station, idem bytea, report jsonb)
--     -> (receipt jsonb LostReportReceipt, replayed)        CT401 CT400 CT409
-- api.get_lost_report(state, district, station, report_number text)
--     -> jsonb LostReportRecord                             CT401 CT400 CT404
--
-- JSON in and out as in 0004 (pbjson mapping). CT400's COLUMN is the field
-- path inside the JSON document passed (Petition, AssignEnquiry without key
-- and number, PetitionEnquiryReport, PetitionDisposal, Ncr, LostReport), or
-- the request's own field: idempotency_key, petition_number, ncr_number,
-- report_number.
--
-- A petition moves only along ref.petition_transition (received ->
-- under_enquiry -> enquiry_reported -> disposed), enforced for every writer
-- by the trigger petition_status_transition, which also refuses any change
-- (or deletion) of a disposed petition. Disposal closes it (with a reason),
-- converts it into an FIR of the station (the petition stores the FIR, the
-- FIR's timeline gets a from_petition event), or transfers it to another
-- station of the state, which gets it in its own register under its own
-- number, linked both ways. Each register is numbered per station per year
-- (core.next_record_no: petition, ncr, lost_property); registration and
-- disposal write the station's General Diary (core.gd_write, kinds
-- petition, ncr, lost_property; no personal data); persons are linked to the
-- persons master record (core.link_person).

-- ------------------------------------------------------------ codes (ref)

CREATE TABLE ref.petition_status (
	code text PRIMARY KEY CHECK (code ~ '^[a-z_]+$'),
	number smallint NOT NULL UNIQUE CHECK (number > 0),
	final boolean NOT NULL,
	description text NOT NULL
);
COMMENT ON TABLE ref.petition_status IS
	'The states of a petition (proto enum PetitionStatus), one row each; the permitted moves are ref.petition_transition';
COMMENT ON COLUMN ref.petition_status.code IS 'Short lower-case name as in the JSON mapping: received, under_enquiry, ...';
COMMENT ON COLUMN ref.petition_status.number IS 'The PetitionStatus enum number in proto/cctns.proto';
COMMENT ON COLUMN ref.petition_status.final IS 'True when no transition leaves this status (a disposed petition never changes)';
COMMENT ON COLUMN ref.petition_status.description IS 'What the status means';

INSERT INTO ref.petition_status (code, number, final, description) VALUES
	('received', 1, false, 'Received and acknowledged; no enquiry officer yet'),
	('under_enquiry', 2, false, 'An enquiry officer is assigned'),
	('enquiry_reported', 3, false, 'The enquiry report is in'),
	('disposed', 4, true, 'Closed, converted into an FIR, or transferred to another station');

CREATE TABLE ref.petition_transition (
	from_status text NOT NULL REFERENCES ref.petition_status (code),
	to_status text NOT NULL REFERENCES ref.petition_status (code),
	description text NOT NULL,
	PRIMARY KEY (from_status, to_status),
	CHECK (from_status <> to_status)
);
COMMENT ON TABLE ref.petition_transition IS
	'Permitted changes of a petition''s status, exactly as the comment above PetitionStatus in proto/cctns.proto; the trigger petition_status_transition on core.petition refuses every other change, whoever makes it';
COMMENT ON COLUMN ref.petition_transition.from_status IS 'Status before the change';
COMMENT ON COLUMN ref.petition_transition.to_status IS 'Status after the change';
COMMENT ON COLUMN ref.petition_transition.description IS 'When the move happens';

INSERT INTO ref.petition_transition (from_status, to_status, description) VALUES
	('received', 'under_enquiry', 'an enquiry officer is assigned'),
	('under_enquiry', 'enquiry_reported', 'the enquiry officer reports'),
	('enquiry_reported', 'disposed', 'closed, converted into an FIR or transferred');

CREATE TABLE ref.petition_mode (
	code text PRIMARY KEY CHECK (code ~ '^[a-z_]+$'),
	number smallint NOT NULL UNIQUE CHECK (number > 0),
	description text NOT NULL
);
COMMENT ON TABLE ref.petition_mode IS 'How a petition reached the station (proto enum PetitionMode)';
COMMENT ON COLUMN ref.petition_mode.code IS 'Short lower-case name as in the JSON mapping';
COMMENT ON COLUMN ref.petition_mode.number IS 'The PetitionMode enum number in proto/cctns.proto';
COMMENT ON COLUMN ref.petition_mode.description IS 'As the diary writes it: "received in person", ...';

INSERT INTO ref.petition_mode (code, number, description) VALUES
	('in_person', 1, 'received in person'),
	('by_post', 2, 'received by post'),
	('online', 3, 'received online'),
	('by_email', 4, 'received by e-mail'),
	('from_higher_officer', 5, 'forwarded by a higher officer'),
	('court_referred', 6, 'referred by a court');

GRANT SELECT ON ref.petition_status, ref.petition_transition, ref.petition_mode TO cctns_analyst;

-- ------------------------------------------------------------ core.petition

CREATE SEQUENCE core.petition_id_seq AS bigint;
COMMENT ON SEQUENCE core.petition_id_seq IS 'Internal petition ids (core.petition.petition_id), unique across states and years';

CREATE TABLE core.petition (
	petition_id bigint NOT NULL DEFAULT nextval('core.petition_id_seq'),
	state_code int NOT NULL,
	year smallint NOT NULL,
	district_code int NOT NULL,
	station_code int NOT NULL,
	petition_no int NOT NULL CHECK (petition_no > 0),
	registered_at timestamptz NOT NULL DEFAULT now(),
	gd_date date NOT NULL,
	gd_no int NOT NULL,
	gd_year smallint GENERATED ALWAYS AS (extract(year FROM gd_date)::smallint) STORED,
	idempotency_key bytea CHECK (length(idempotency_key) = 16),
	content_sha256 bytea CHECK (length(content_sha256) = 32),
	received_at timestamptz NOT NULL,
	mode text NOT NULL REFERENCES ref.petition_mode (code),
	subject text NOT NULL CHECK (subject <> '' AND octet_length(subject) <= 2000),
	text text NOT NULL CHECK (text <> '' AND octet_length(text) <= 65536),
	reference text CHECK (reference <> '' AND octet_length(reference) <= 800),
	officer_number text,
	officer_name text,
	officer_rank text,
	status text NOT NULL DEFAULT 'received' REFERENCES ref.petition_status (code),
	enquiry_number text,
	enquiry_name text,
	enquiry_rank text,
	enquiry_assigned_at timestamptz,
	reported_at timestamptz,
	report_recorded_at timestamptz,
	findings text CHECK (findings <> '' AND octet_length(findings) <= 65536),
	recommendation text CHECK (recommendation IN ('close', 'register_fir', 'transfer')),
	report_officer_number text,
	report_officer_name text,
	report_officer_rank text,
	disposal text CHECK (disposal IN ('closed', 'converted_to_fir', 'transferred')),
	disposal_reason text CHECK (disposal_reason <> '' AND octet_length(disposal_reason) <= 16000),
	disposed_at timestamptz,
	disposal_officer_number text,
	disposal_officer_name text,
	disposal_officer_rank text,
	disposal_gd_date date,
	disposal_gd_no int,
	disposal_gd_year smallint GENERATED ALWAYS AS (extract(year FROM disposal_gd_date)::smallint) STORED,
	fir_year smallint,
	fir_id bigint,
	fir_no int,
	to_district_code int,
	to_station_code int,
	to_year smallint,
	to_petition_no int,
	from_district_code int,
	from_station_code int,
	from_year smallint,
	from_petition_no int,
	-- Key columns in the order of core.fir (state and year last).
	PRIMARY KEY (petition_id, state_code, year),
	UNIQUE (district_code, station_code, petition_no, state_code, year),
	FOREIGN KEY (state_code, district_code, station_code)
		REFERENCES ref.station (state_code, district_code, station_code),
	CONSTRAINT petition_gd_entry_fkey FOREIGN KEY (district_code, station_code, gd_date, gd_no, state_code, gd_year)
		REFERENCES core.gd_entry (district_code, station_code, gd_date, gd_no, state_code, year),
	CONSTRAINT petition_disposal_gd_entry_fkey
		FOREIGN KEY (district_code, station_code, disposal_gd_date, disposal_gd_no, state_code, disposal_gd_year)
		REFERENCES core.gd_entry (district_code, station_code, gd_date, gd_no, state_code, year),
	CONSTRAINT petition_fir_fkey FOREIGN KEY (state_code, fir_year, fir_id)
		REFERENCES core.fir (state_code, year, fir_id),
	CONSTRAINT petition_transferred_to_fkey
		FOREIGN KEY (to_district_code, to_station_code, to_petition_no, state_code, to_year)
		REFERENCES core.petition (district_code, station_code, petition_no, state_code, year),
	CONSTRAINT petition_transferred_from_fkey
		FOREIGN KEY (from_district_code, from_station_code, from_petition_no, state_code, from_year)
		REFERENCES core.petition (district_code, station_code, petition_no, state_code, year),
	CONSTRAINT petition_year_is_registration_year
		CHECK (year = extract(year FROM registered_at AT TIME ZONE 'Asia/Kolkata')),
	CONSTRAINT petition_received_not_in_future CHECK (received_at <= registered_at),
	-- Written at the station: a key and the receiving officer. Received by
	-- transfer: neither (the transferring station's disposal has them).
	CONSTRAINT petition_origin CHECK (CASE WHEN from_petition_no IS NULL
		THEN idempotency_key IS NOT NULL AND content_sha256 IS NOT NULL AND officer_number IS NOT NULL
			AND officer_name IS NOT NULL AND officer_rank IS NOT NULL
		ELSE idempotency_key IS NULL AND from_district_code IS NOT NULL AND from_station_code IS NOT NULL
			AND from_year IS NOT NULL END),
	-- Each step's fields exactly when the status has passed it.
	CONSTRAINT petition_enquiry_with_status CHECK ((status = 'received')
		= (enquiry_number IS NULL AND enquiry_assigned_at IS NULL)),
	CONSTRAINT petition_report_with_status CHECK ((status IN ('enquiry_reported', 'disposed'))
		= (reported_at IS NOT NULL AND report_recorded_at IS NOT NULL AND findings IS NOT NULL
			AND recommendation IS NOT NULL AND report_officer_number IS NOT NULL)),
	CONSTRAINT petition_disposal_with_status CHECK ((status = 'disposed')
		= (disposal IS NOT NULL AND disposed_at IS NOT NULL AND disposal_officer_number IS NOT NULL
			AND disposal_gd_no IS NOT NULL)),
	CONSTRAINT petition_steps_in_order CHECK (enquiry_assigned_at >= registered_at
		AND reported_at >= date_trunc('second', enquiry_assigned_at) AND reported_at <= report_recorded_at
		AND disposed_at >= report_recorded_at),
	CONSTRAINT petition_closed_with_reason CHECK (disposal IS DISTINCT FROM 'closed' OR disposal_reason IS NOT NULL),
	CONSTRAINT petition_fir_when_converted CHECK ((disposal IS NOT DISTINCT FROM 'converted_to_fir')
		= (fir_id IS NOT NULL AND fir_year IS NOT NULL AND fir_no IS NOT NULL)),
	CONSTRAINT petition_station_when_transferred CHECK ((disposal IS NOT DISTINCT FROM 'transferred')
		= (to_petition_no IS NOT NULL AND to_district_code IS NOT NULL AND to_station_code IS NOT NULL
			AND to_year IS NOT NULL)),
	CONSTRAINT petition_not_transferred_to_itself CHECK (to_district_code IS NULL
		OR (to_district_code, to_station_code) <> (district_code, station_code))
) PARTITION BY LIST (state_code);

COMMENT ON TABLE core.petition IS
	'Petitions and complaints received by a station, with their acknowledgement numbers (per station per year), enquiry, report and disposal. Status moves only along ref.petition_transition and a disposed petition never changes (trigger petition_status_transition). Personal data: never log it. Partitioned like core.fir (by the registration year)';
COMMENT ON COLUMN core.petition.petition_id IS 'Internal id (core.petition_id_seq); the legal identifier is (station, year, petition_no)';
COMMENT ON COLUMN core.petition.state_code IS 'LGD state code of the station (partition key)';
COMMENT ON COLUMN core.petition.year IS 'Registration year in India Standard Time (partition key); numbers restart every year';
COMMENT ON COLUMN core.petition.district_code IS 'LGD district code of the station';
COMMENT ON COLUMN core.petition.station_code IS 'Station code';
COMMENT ON COLUMN core.petition.petition_no IS 'Acknowledgement number: gapless per station per year (core.record_counter, register petition); written 0001/2026';
COMMENT ON COLUMN core.petition.registered_at IS 'When the station registered it (transaction time)';
COMMENT ON COLUMN core.petition.gd_date IS 'Day of its General Diary entry (kind petition)';
COMMENT ON COLUMN core.petition.gd_no IS 'Number of its General Diary entry that day';
COMMENT ON COLUMN core.petition.gd_year IS 'Generated: year of gd_date (foreign key to the entry''s partition)';
COMMENT ON COLUMN core.petition.idempotency_key IS '16-byte key the terminal made for the registration (core.idempotency); NULL for a petition received by transfer';
COMMENT ON COLUMN core.petition.content_sha256 IS 'SHA-256 of the Petition JSON as received; NULL for a petition received by transfer';
COMMENT ON COLUMN core.petition.received_at IS 'When the petition reached the station (Petition.received_at; for a transfer, when it reached the first station)';
COMMENT ON COLUMN core.petition.mode IS 'How it came: in_person, by_post, online, by_email, from_higher_officer, court_referred (ref.petition_mode)';
COMMENT ON COLUMN core.petition.subject IS 'One-line subject (personal data)';
COMMENT ON COLUMN core.petition.text IS 'The petition itself, up to 64 KiB (personal data)';
COMMENT ON COLUMN core.petition.reference IS 'Forwarding letter or court order the petition came with, if any';
COMMENT ON COLUMN core.petition.officer_number IS 'Officer who received it: belt or service number (NULL when received by transfer)';
COMMENT ON COLUMN core.petition.officer_name IS 'Officer who received it: name';
COMMENT ON COLUMN core.petition.officer_rank IS 'Officer who received it: rank';
COMMENT ON COLUMN core.petition.status IS 'PetitionStatus (ref.petition_status); changes only along ref.petition_transition';
COMMENT ON COLUMN core.petition.enquiry_number IS 'Current enquiry officer: belt or service number (the history is in core.petition_event)';
COMMENT ON COLUMN core.petition.enquiry_name IS 'Current enquiry officer: name';
COMMENT ON COLUMN core.petition.enquiry_rank IS 'Current enquiry officer: rank';
COMMENT ON COLUMN core.petition.enquiry_assigned_at IS 'When the current enquiry officer was assigned';
COMMENT ON COLUMN core.petition.reported_at IS 'Enquiry report: when it was made (not before the enquiry was assigned)';
COMMENT ON COLUMN core.petition.report_recorded_at IS 'Enquiry report: when it was recorded (transaction time)';
COMMENT ON COLUMN core.petition.findings IS 'Enquiry report: findings, up to 64 KiB (personal data)';
COMMENT ON COLUMN core.petition.recommendation IS 'Enquiry report: close, register_fir or transfer';
COMMENT ON COLUMN core.petition.report_officer_number IS 'Enquiry report: the enquiry officer who made it, belt or service number';
COMMENT ON COLUMN core.petition.report_officer_name IS 'Enquiry report: officer name';
COMMENT ON COLUMN core.petition.report_officer_rank IS 'Enquiry report: officer rank';
COMMENT ON COLUMN core.petition.disposal IS 'How it was disposed: closed, converted_to_fir, transferred';
COMMENT ON COLUMN core.petition.disposal_reason IS 'Why it was closed (required for closed), or remarks';
COMMENT ON COLUMN core.petition.disposed_at IS 'When it was disposed (transaction time)';
COMMENT ON COLUMN core.petition.disposal_officer_number IS 'Officer who disposed of it: belt or service number';
COMMENT ON COLUMN core.petition.disposal_officer_name IS 'Officer who disposed of it: name';
COMMENT ON COLUMN core.petition.disposal_officer_rank IS 'Officer who disposed of it: rank';
COMMENT ON COLUMN core.petition.disposal_gd_date IS 'Day of the disposal''s General Diary entry';
COMMENT ON COLUMN core.petition.disposal_gd_no IS 'Number of the disposal''s General Diary entry that day';
COMMENT ON COLUMN core.petition.disposal_gd_year IS 'Generated: year of disposal_gd_date (foreign key to the entry''s partition)';
COMMENT ON COLUMN core.petition.fir_year IS 'converted_to_fir: year of the FIR (core.fir.year)';
COMMENT ON COLUMN core.petition.fir_id IS 'converted_to_fir: the FIR (core.fir.fir_id), of this station, registered at or after received_at';
COMMENT ON COLUMN core.petition.fir_no IS 'converted_to_fir: the FIR number at this station';
COMMENT ON COLUMN core.petition.to_district_code IS 'transferred: district of the receiving station (same state)';
COMMENT ON COLUMN core.petition.to_station_code IS 'transferred: the receiving station';
COMMENT ON COLUMN core.petition.to_year IS 'transferred: year of the petition''s number at the receiving station';
COMMENT ON COLUMN core.petition.to_petition_no IS 'transferred: the petition''s number at the receiving station';
COMMENT ON COLUMN core.petition.from_district_code IS 'Received by transfer: district of the station that sent it';
COMMENT ON COLUMN core.petition.from_station_code IS 'Received by transfer: the station that sent it';
COMMENT ON COLUMN core.petition.from_year IS 'Received by transfer: year of its number there';
COMMENT ON COLUMN core.petition.from_petition_no IS 'Received by transfer: its number there';

-- A petition changes only along ref.petition_transition, and a disposed
-- one not at all (nor is it deleted): checked for every writer.
CREATE FUNCTION core.petition_status_guard() RETURNS trigger
LANGUAGE plpgsql
SET search_path = pg_catalog, pg_temp
AS $fn$
BEGIN
	IF OLD.status = 'disposed' THEN
		RAISE EXCEPTION USING ERRCODE = 'CT409', COLUMN = 'petition_number',
			MESSAGE = format('petition %s was disposed (%s) on %s: a disposed petition cannot change',
				core.fir_number_text(OLD.petition_no, OLD.year), OLD.disposal,
				to_char(OLD.disposed_at AT TIME ZONE 'Asia/Kolkata', 'DD/MM/YYYY'));
	END IF;
	IF TG_OP = 'UPDATE' AND OLD.status <> NEW.status AND NOT EXISTS (SELECT 1 FROM ref.petition_transition t
		WHERE t.from_status = OLD.status AND t.to_status = NEW.status) THEN
		RAISE EXCEPTION USING ERRCODE = 'CT409', COLUMN = 'status',
			MESSAGE = format('the status of petition %s cannot change from %s to %s: not a permitted transition',
				core.fir_number_text(OLD.petition_no, OLD.year), OLD.status, NEW.status),
			HINT = 'ref.petition_transition lists the permitted transitions';
	END IF;
	RETURN CASE TG_OP WHEN 'DELETE' THEN OLD ELSE NEW END;
END
$fn$;
COMMENT ON FUNCTION core.petition_status_guard() IS
	'Trigger: refuse (CT409) any change or deletion of a disposed petition, and a status change not in ref.petition_transition';

CREATE TRIGGER petition_status_transition BEFORE UPDATE OR DELETE ON core.petition
	FOR EACH ROW EXECUTE FUNCTION core.petition_status_guard();

-- The persons named by a register entry, as written on the form. The same
-- columns in core.ncr_person and core.lost_report (read by
-- core.register_person_json).
CREATE TABLE core.petition_person (
	state_code int NOT NULL,
	year smallint NOT NULL,
	petition_id bigint NOT NULL,
	seq smallint NOT NULL CHECK (seq BETWEEN 1 AND 21),
	role text NOT NULL CHECK (role IN ('petitioner', 'respondent')),
	person_id bigint,
	name text NOT NULL CHECK (name <> '' AND octet_length(name) <= 600),
	relative_kind text CHECK (relative_kind IN ('father', 'husband', 'mother', 'guardian')),
	relative_name text,
	gender text CHECK (gender IN ('male', 'female', 'transgender')),
	date_of_birth date CHECK (date_of_birth >= '1900-01-01'),
	year_of_birth smallint CHECK (year_of_birth BETWEEN 1900 AND 2200),
	nationality text,
	occupation text,
	addr_line1 text,
	addr_line2 text,
	addr_city text,
	addr_district_code int,
	addr_state_code int,
	addr_pincode text CHECK (addr_pincode ~ '^[1-9][0-9]{5}$'),
	phone text,
	PRIMARY KEY (petition_id, state_code, year, seq),
	FOREIGN KEY (petition_id, state_code, year) REFERENCES core.petition (petition_id, state_code, year)
		ON DELETE CASCADE,
	FOREIGN KEY (addr_state_code) REFERENCES ref.state (code),
	FOREIGN KEY (addr_state_code, addr_district_code) REFERENCES ref.district (state_code, district_code),
	CHECK ((role = 'petitioner') = (seq = 1))
) PARTITION BY LIST (state_code);
COMMENT ON TABLE core.petition_person IS
	'The petitioner (seq 1) and respondents (seq 2..21) of a petition as written on it, each linked to the persons master record. Personal data: not visible to analysts. Partitioned like core.petition';
COMMENT ON COLUMN core.petition_person.state_code IS 'Partition key, as core.petition';
COMMENT ON COLUMN core.petition_person.year IS 'Partition key, as core.petition';
COMMENT ON COLUMN core.petition_person.petition_id IS 'The petition (core.petition.petition_id)';
COMMENT ON COLUMN core.petition_person.seq IS '1 for the petitioner, 2.. for the respondents in the order given';
COMMENT ON COLUMN core.petition_person.role IS 'petitioner or respondent';
COMMENT ON COLUMN core.petition_person.person_id IS 'The person in the persons master record (core.person), linked by core.link_person';
COMMENT ON COLUMN core.petition_person.name IS 'Name';
COMMENT ON COLUMN core.petition_person.relative_kind IS 'Whose name relative_name is: father, husband, mother, guardian';
COMMENT ON COLUMN core.petition_person.relative_name IS 'Father''s, husband''s, mother''s or guardian''s name';
COMMENT ON COLUMN core.petition_person.gender IS 'male, female, transgender';
COMMENT ON COLUMN core.petition_person.date_of_birth IS 'Date of birth';
COMMENT ON COLUMN core.petition_person.year_of_birth IS 'Year of birth, when only that is known';
COMMENT ON COLUMN core.petition_person.nationality IS 'Nationality as written';
COMMENT ON COLUMN core.petition_person.occupation IS 'Occupation as written';
COMMENT ON COLUMN core.petition_person.addr_line1 IS 'Address: first line';
COMMENT ON COLUMN core.petition_person.addr_line2 IS 'Address: second line';
COMMENT ON COLUMN core.petition_person.addr_city IS 'Address: village, town or city';
COMMENT ON COLUMN core.petition_person.addr_district_code IS 'Address: LGD district code';
COMMENT ON COLUMN core.petition_person.addr_state_code IS 'Address: LGD state code';
COMMENT ON COLUMN core.petition_person.addr_pincode IS 'Address: PIN code';
COMMENT ON COLUMN core.petition_person.phone IS 'Phone number as given';

CREATE TABLE core.petition_event (
	state_code int NOT NULL,
	year smallint NOT NULL,
	petition_id bigint NOT NULL,
	seq smallint NOT NULL CHECK (seq > 0),
	at timestamptz NOT NULL,
	kind text NOT NULL CHECK (kind IN ('received', 'received_by_transfer', 'enquiry_assigned',
		'enquiry_reassigned', 'enquiry_reported', 'disposed')),
	status text NOT NULL REFERENCES ref.petition_status (code),
	officer_number text,
	officer_name text,
	officer_rank text,
	summary text NOT NULL CHECK (summary <> '' AND octet_length(summary) <= 2000),
	gd_date date,
	gd_no int,
	PRIMARY KEY (petition_id, state_code, year, seq),
	FOREIGN KEY (petition_id, state_code, year) REFERENCES core.petition (petition_id, state_code, year)
		ON DELETE CASCADE,
	CHECK ((gd_date IS NULL) = (gd_no IS NULL))
) PARTITION BY LIST (state_code);
COMMENT ON TABLE core.petition_event IS
	'The history of a petition: one row per step (received, enquiry assigned or re-assigned, reported, disposed) with the status after it, the officer who acted and its time. Partitioned like core.petition';
COMMENT ON COLUMN core.petition_event.state_code IS 'Partition key, as core.petition';
COMMENT ON COLUMN core.petition_event.year IS 'Partition key, as core.petition';
COMMENT ON COLUMN core.petition_event.petition_id IS 'The petition (core.petition.petition_id)';
COMMENT ON COLUMN core.petition_event.seq IS 'Order in which the steps were recorded, from 1';
COMMENT ON COLUMN core.petition_event.at IS 'When it happened: receipt, assignment, the report''s time, disposal';
COMMENT ON COLUMN core.petition_event.kind IS 'PetitionEventKind: received, received_by_transfer, enquiry_assigned, enquiry_reassigned, enquiry_reported, disposed';
COMMENT ON COLUMN core.petition_event.status IS 'Status of the petition after the step';
COMMENT ON COLUMN core.petition_event.officer_number IS 'Officer who acted: belt or service number';
COMMENT ON COLUMN core.petition_event.officer_name IS 'Officer who acted: name';
COMMENT ON COLUMN core.petition_event.officer_rank IS 'Officer who acted: rank';
COMMENT ON COLUMN core.petition_event.summary IS 'One line for a person; no personal data of petitioner or respondents';
COMMENT ON COLUMN core.petition_event.gd_date IS 'Day of the step''s General Diary entry (receipt and disposal)';
COMMENT ON COLUMN core.petition_event.gd_no IS 'Number of the step''s General Diary entry';

-- ------------------------------------------------------------ core.ncr

CREATE SEQUENCE core.ncr_id_seq AS bigint;
COMMENT ON SEQUENCE core.ncr_id_seq IS 'Internal NCR ids (core.ncr.ncr_id)';

CREATE TABLE core.ncr (
	ncr_id bigint NOT NULL DEFAULT nextval('core.ncr_id_seq'),
	state_code int NOT NULL,
	year smallint NOT NULL,
	district_code int NOT NULL,
	station_code int NOT NULL,
	ncr_no int NOT NULL CHECK (ncr_no > 0),
	registered_at timestamptz NOT NULL DEFAULT now(),
	gd_date date NOT NULL,
	gd_no int NOT NULL,
	gd_year smallint GENERATED ALWAYS AS (extract(year FROM gd_date)::smallint) STORED,
	idempotency_key bytea NOT NULL CHECK (length(idempotency_key) = 16),
	content_sha256 bytea NOT NULL CHECK (length(content_sha256) = 32),
	occurred_at timestamptz NOT NULL,
	reported_at timestamptz NOT NULL,
	place_line1 text,
	place_line2 text,
	place_city text,
	place_district_code int,
	place_state_code int,
	place_pincode text CHECK (place_pincode ~ '^[1-9][0-9]{5}$'),
	place_distance_m int CHECK (place_distance_m >= 0),
	place_direction text CHECK (place_direction IN ('n', 'ne', 'e', 'se', 's', 'sw', 'w', 'nw')),
	place_beat text,
	brief_facts text NOT NULL CHECK (brief_facts <> '' AND octet_length(brief_facts) <= 65536),
	advice_given boolean NOT NULL CHECK (advice_given),
	officer_number text NOT NULL CHECK (officer_number <> ''),
	officer_name text NOT NULL CHECK (officer_name <> ''),
	officer_rank text NOT NULL CHECK (officer_rank <> ''),
	PRIMARY KEY (ncr_id, state_code, year),
	UNIQUE (district_code, station_code, ncr_no, state_code, year),
	FOREIGN KEY (state_code, district_code, station_code)
		REFERENCES ref.station (state_code, district_code, station_code),
	FOREIGN KEY (district_code, station_code, gd_date, gd_no, state_code, gd_year)
		REFERENCES core.gd_entry (district_code, station_code, gd_date, gd_no, state_code, year),
	FOREIGN KEY (place_state_code) REFERENCES ref.state (code),
	FOREIGN KEY (place_state_code, place_district_code) REFERENCES ref.district (state_code, district_code),
	CONSTRAINT ncr_year_is_registration_year
		CHECK (year = extract(year FROM registered_at AT TIME ZONE 'Asia/Kolkata')),
	CONSTRAINT ncr_occurred_before_reported CHECK (occurred_at <= reported_at),
	CONSTRAINT ncr_reported_not_in_future CHECK (reported_at <= registered_at),
	CONSTRAINT ncr_place_state_with_district CHECK (place_district_code IS NULL OR place_state_code IS NOT NULL)
) PARTITION BY LIST (state_code);
COMMENT ON TABLE core.ncr IS
	'Non-cognizable reports: the substance of information about a non-cognizable offence, numbered per station per year; the informant is referred to the Magistrate (BNSS s.174, CrPC s.155). Personal data: never log it. Partitioned like core.fir';
COMMENT ON COLUMN core.ncr.ncr_id IS 'Internal id (core.ncr_id_seq); the legal identifier is (station, year, ncr_no)';
COMMENT ON COLUMN core.ncr.state_code IS 'LGD state code of the station (partition key)';
COMMENT ON COLUMN core.ncr.year IS 'Registration year in India Standard Time (partition key)';
COMMENT ON COLUMN core.ncr.district_code IS 'LGD district code of the station';
COMMENT ON COLUMN core.ncr.station_code IS 'Station code';
COMMENT ON COLUMN core.ncr.ncr_no IS 'NCR number: gapless per station per year (core.record_counter, register ncr); written 0001/2026';
COMMENT ON COLUMN core.ncr.registered_at IS 'When it was recorded (transaction time)';
COMMENT ON COLUMN core.ncr.gd_date IS 'Day of its General Diary entry (kind ncr)';
COMMENT ON COLUMN core.ncr.gd_no IS 'Number of its General Diary entry that day';
COMMENT ON COLUMN core.ncr.gd_year IS 'Generated: year of gd_date (foreign key to the entry''s partition)';
COMMENT ON COLUMN core.ncr.idempotency_key IS '16-byte key the terminal made for the registration (core.idempotency)';
COMMENT ON COLUMN core.ncr.content_sha256 IS 'SHA-256 of the Ncr JSON as received';
COMMENT ON COLUMN core.ncr.occurred_at IS 'When the offence happened';
COMMENT ON COLUMN core.ncr.reported_at IS 'When the informant reported it (not before occurred_at, not after registration)';
COMMENT ON COLUMN core.ncr.place_line1 IS 'Place of occurrence: address line 1 (personal data)';
COMMENT ON COLUMN core.ncr.place_line2 IS 'Place of occurrence: address line 2';
COMMENT ON COLUMN core.ncr.place_city IS 'Place of occurrence: village, town or city';
COMMENT ON COLUMN core.ncr.place_district_code IS 'Place of occurrence: LGD district code';
COMMENT ON COLUMN core.ncr.place_state_code IS 'Place of occurrence: LGD state code';
COMMENT ON COLUMN core.ncr.place_pincode IS 'Place of occurrence: PIN code';
COMMENT ON COLUMN core.ncr.place_distance_m IS 'Distance of the place from the police station, metres';
COMMENT ON COLUMN core.ncr.place_direction IS 'Direction of the place from the police station';
COMMENT ON COLUMN core.ncr.place_beat IS 'Beat number or name of the place';
COMMENT ON COLUMN core.ncr.brief_facts IS 'The substance of the information, up to 64 KiB (personal data)';
COMMENT ON COLUMN core.ncr.advice_given IS 'The informant was referred to the Magistrate: always true (BNSS s.174)';
COMMENT ON COLUMN core.ncr.officer_number IS 'Officer who recorded it: belt or service number';
COMMENT ON COLUMN core.ncr.officer_name IS 'Officer who recorded it: name';
COMMENT ON COLUMN core.ncr.officer_rank IS 'Officer who recorded it: rank';

CREATE TABLE core.ncr_person (
	state_code int NOT NULL,
	year smallint NOT NULL,
	ncr_id bigint NOT NULL,
	seq smallint NOT NULL CHECK (seq BETWEEN 1 AND 21),
	role text NOT NULL CHECK (role IN ('informant', 'opposite_party')),
	person_id bigint,
	name text NOT NULL CHECK (name <> '' AND octet_length(name) <= 600),
	relative_kind text CHECK (relative_kind IN ('father', 'husband', 'mother', 'guardian')),
	relative_name text,
	gender text CHECK (gender IN ('male', 'female', 'transgender')),
	date_of_birth date CHECK (date_of_birth >= '1900-01-01'),
	year_of_birth smallint CHECK (year_of_birth BETWEEN 1900 AND 2200),
	nationality text,
	occupation text,
	addr_line1 text,
	addr_line2 text,
	addr_city text,
	addr_district_code int,
	addr_state_code int,
	addr_pincode text CHECK (addr_pincode ~ '^[1-9][0-9]{5}$'),
	phone text,
	PRIMARY KEY (ncr_id, state_code, year, seq),
	FOREIGN KEY (ncr_id, state_code, year) REFERENCES core.ncr (ncr_id, state_code, year) ON DELETE CASCADE,
	FOREIGN KEY (addr_state_code) REFERENCES ref.state (code),
	FOREIGN KEY (addr_state_code, addr_district_code) REFERENCES ref.district (state_code, district_code),
	CHECK ((role = 'informant') = (seq = 1))
) PARTITION BY LIST (state_code);
COMMENT ON TABLE core.ncr_person IS
	'The informant (seq 1) and opposite parties (seq 2..21) of an NCR as written, each linked to the persons master record (informant; opposite party as accused). Personal data: not visible to analysts. Partitioned like core.ncr';
COMMENT ON COLUMN core.ncr_person.state_code IS 'Partition key, as core.ncr';
COMMENT ON COLUMN core.ncr_person.year IS 'Partition key, as core.ncr';
COMMENT ON COLUMN core.ncr_person.ncr_id IS 'The NCR (core.ncr.ncr_id)';
COMMENT ON COLUMN core.ncr_person.seq IS '1 for the informant, 2.. for the opposite parties in the order given';
COMMENT ON COLUMN core.ncr_person.role IS 'informant or opposite_party';
COMMENT ON COLUMN core.ncr_person.person_id IS 'The person in the persons master record (core.person)';
COMMENT ON COLUMN core.ncr_person.name IS 'Name';
COMMENT ON COLUMN core.ncr_person.relative_kind IS 'Whose name relative_name is: father, husband, mother, guardian';
COMMENT ON COLUMN core.ncr_person.relative_name IS 'Father''s, husband''s, mother''s or guardian''s name';
COMMENT ON COLUMN core.ncr_person.gender IS 'male, female, transgender';
COMMENT ON COLUMN core.ncr_person.date_of_birth IS 'Date of birth';
COMMENT ON COLUMN core.ncr_person.year_of_birth IS 'Year of birth, when only that is known';
COMMENT ON COLUMN core.ncr_person.nationality IS 'Nationality as written';
COMMENT ON COLUMN core.ncr_person.occupation IS 'Occupation as written';
COMMENT ON COLUMN core.ncr_person.addr_line1 IS 'Address: first line';
COMMENT ON COLUMN core.ncr_person.addr_line2 IS 'Address: second line';
COMMENT ON COLUMN core.ncr_person.addr_city IS 'Address: village, town or city';
COMMENT ON COLUMN core.ncr_person.addr_district_code IS 'Address: LGD district code';
COMMENT ON COLUMN core.ncr_person.addr_state_code IS 'Address: LGD state code';
COMMENT ON COLUMN core.ncr_person.addr_pincode IS 'Address: PIN code';
COMMENT ON COLUMN core.ncr_person.phone IS 'Phone number as given';

CREATE TABLE core.ncr_charge (
	state_code int NOT NULL,
	year smallint NOT NULL,
	ncr_id bigint NOT NULL,
	seq smallint NOT NULL CHECK (seq >= 0),
	act text NOT NULL CHECK (act IN ('ipc', 'bns', 'special_local')),
	section text NOT NULL CHECK (section <> '' AND octet_length(section) <= 32),
	law text,
	section_act text GENERATED ALWAYS AS (CASE WHEN act IN ('ipc', 'bns') THEN act END) STORED,
	section_base text GENERATED ALWAYS AS
		(CASE WHEN act IN ('ipc', 'bns') THEN upper(substring(section FROM '^[0-9]+[A-Za-z]*')) END) STORED,
	PRIMARY KEY (ncr_id, state_code, year, seq),
	FOREIGN KEY (ncr_id, state_code, year) REFERENCES core.ncr (ncr_id, state_code, year) ON DELETE CASCADE,
	FOREIGN KEY (section_act, section_base) REFERENCES ref.section (act, section),
	FOREIGN KEY (law) REFERENCES ref.special_law (code),
	CHECK ((act = 'special_local') = (law IS NOT NULL)),
	CHECK (act = 'special_local' OR section ~ '^[0-9]+[A-Za-z]*(\([0-9A-Za-z]+\))*$')
) PARTITION BY LIST (state_code);
COMMENT ON TABLE core.ncr_charge IS
	'Sections of an NCR, in the order given, checked as FIR charges are (IPC before 2024-07-01, BNS from then). Partitioned like core.ncr';
COMMENT ON COLUMN core.ncr_charge.state_code IS 'Partition key, as core.ncr';
COMMENT ON COLUMN core.ncr_charge.year IS 'Partition key, as core.ncr';
COMMENT ON COLUMN core.ncr_charge.ncr_id IS 'The NCR (core.ncr.ncr_id)';
COMMENT ON COLUMN core.ncr_charge.seq IS 'Position in Ncr.sections, from 0';
COMMENT ON COLUMN core.ncr_charge.act IS 'ipc, bns or special_local';
COMMENT ON COLUMN core.ncr_charge.section IS 'Section as written in the act: 352, 115(2)';
COMMENT ON COLUMN core.ncr_charge.law IS 'Short name of the special or local law (ref.special_law.code) for special_local';
COMMENT ON COLUMN core.ncr_charge.section_act IS 'Generated: act when ipc or bns (foreign key helper)';
COMMENT ON COLUMN core.ncr_charge.section_base IS 'Generated: base section, e.g. 115 for 115(2)';

-- ------------------------------------------------------------ core.lost_report

CREATE SEQUENCE core.lost_report_id_seq AS bigint;
COMMENT ON SEQUENCE core.lost_report_id_seq IS 'Internal lost property report ids (core.lost_report.report_id)';

CREATE TABLE core.lost_report (
	report_id bigint NOT NULL DEFAULT nextval('core.lost_report_id_seq'),
	state_code int NOT NULL,
	year smallint NOT NULL,
	district_code int NOT NULL,
	station_code int NOT NULL,
	report_no int NOT NULL CHECK (report_no > 0),
	registered_at timestamptz NOT NULL DEFAULT now(),
	gd_date date NOT NULL,
	gd_no int NOT NULL,
	gd_year smallint GENERATED ALWAYS AS (extract(year FROM gd_date)::smallint) STORED,
	idempotency_key bytea NOT NULL CHECK (length(idempotency_key) = 16),
	content_sha256 bytea NOT NULL CHECK (length(content_sha256) = 32),
	-- The reporter, with the columns of core.petition_person.
	person_id bigint,
	name text NOT NULL CHECK (name <> '' AND octet_length(name) <= 600),
	relative_kind text CHECK (relative_kind IN ('father', 'husband', 'mother', 'guardian')),
	relative_name text,
	gender text CHECK (gender IN ('male', 'female', 'transgender')),
	date_of_birth date CHECK (date_of_birth >= '1900-01-01'),
	year_of_birth smallint CHECK (year_of_birth BETWEEN 1900 AND 2200),
	nationality text,
	occupation text,
	addr_line1 text,
	addr_line2 text,
	addr_city text,
	addr_district_code int,
	addr_state_code int,
	addr_pincode text CHECK (addr_pincode ~ '^[1-9][0-9]{5}$'),
	phone text,
	lost_from timestamptz NOT NULL,
	lost_to timestamptz,
	place_line1 text,
	place_line2 text,
	place_city text,
	place_district_code int,
	place_state_code int,
	place_pincode text CHECK (place_pincode ~ '^[1-9][0-9]{5}$'),
	place_distance_m int CHECK (place_distance_m >= 0),
	place_direction text CHECK (place_direction IN ('n', 'ne', 'e', 'se', 's', 'sw', 'w', 'nw')),
	place_beat text,
	circumstances text CHECK (circumstances <> '' AND octet_length(circumstances) <= 16384),
	officer_number text NOT NULL CHECK (officer_number <> ''),
	officer_name text NOT NULL CHECK (officer_name <> ''),
	officer_rank text NOT NULL CHECK (officer_rank <> ''),
	PRIMARY KEY (report_id, state_code, year),
	UNIQUE (district_code, station_code, report_no, state_code, year),
	FOREIGN KEY (state_code, district_code, station_code)
		REFERENCES ref.station (state_code, district_code, station_code),
	FOREIGN KEY (district_code, station_code, gd_date, gd_no, state_code, gd_year)
		REFERENCES core.gd_entry (district_code, station_code, gd_date, gd_no, state_code, year),
	FOREIGN KEY (addr_state_code) REFERENCES ref.state (code),
	FOREIGN KEY (addr_state_code, addr_district_code) REFERENCES ref.district (state_code, district_code),
	FOREIGN KEY (place_state_code) REFERENCES ref.state (code),
	FOREIGN KEY (place_state_code, place_district_code) REFERENCES ref.district (state_code, district_code),
	CONSTRAINT lost_report_year_is_registration_year
		CHECK (year = extract(year FROM registered_at AT TIME ZONE 'Asia/Kolkata')),
	CONSTRAINT lost_report_from_before_to CHECK (lost_from <= coalesce(lost_to, lost_from)),
	CONSTRAINT lost_report_not_in_future CHECK (coalesce(lost_to, lost_from) <= registered_at),
	CONSTRAINT lost_report_place_state_with_district
		CHECK (place_district_code IS NULL OR place_state_code IS NOT NULL)
) PARTITION BY LIST (state_code);
COMMENT ON TABLE core.lost_report IS
	'Lost property reports: property lost (not stolen), recorded so that the owner can get duplicates and trace it; numbered per station per year. Personal data: never log it. Partitioned like core.fir';
COMMENT ON COLUMN core.lost_report.report_id IS 'Internal id (core.lost_report_id_seq); the legal identifier is (station, year, report_no)';
COMMENT ON COLUMN core.lost_report.state_code IS 'LGD state code of the station (partition key)';
COMMENT ON COLUMN core.lost_report.year IS 'Registration year in India Standard Time (partition key)';
COMMENT ON COLUMN core.lost_report.district_code IS 'LGD district code of the station';
COMMENT ON COLUMN core.lost_report.station_code IS 'Station code';
COMMENT ON COLUMN core.lost_report.report_no IS 'Report number: gapless per station per year (core.record_counter, register lost_property); written 0001/2026';
COMMENT ON COLUMN core.lost_report.registered_at IS 'When it was recorded (transaction time)';
COMMENT ON COLUMN core.lost_report.gd_date IS 'Day of its General Diary entry (kind lost_property)';
COMMENT ON COLUMN core.lost_report.gd_no IS 'Number of its General Diary entry that day';
COMMENT ON COLUMN core.lost_report.gd_year IS 'Generated: year of gd_date (foreign key to the entry''s partition)';
COMMENT ON COLUMN core.lost_report.idempotency_key IS '16-byte key the terminal made for the registration (core.idempotency)';
COMMENT ON COLUMN core.lost_report.content_sha256 IS 'SHA-256 of the LostReport JSON as received';
COMMENT ON COLUMN core.lost_report.person_id IS 'The reporter (owner) in the persons master record (core.person)';
COMMENT ON COLUMN core.lost_report.name IS 'Reporter: name (personal data)';
COMMENT ON COLUMN core.lost_report.relative_kind IS 'Reporter: whose name relative_name is';
COMMENT ON COLUMN core.lost_report.relative_name IS 'Reporter: father''s, husband''s, mother''s or guardian''s name';
COMMENT ON COLUMN core.lost_report.gender IS 'Reporter: male, female, transgender';
COMMENT ON COLUMN core.lost_report.date_of_birth IS 'Reporter: date of birth';
COMMENT ON COLUMN core.lost_report.year_of_birth IS 'Reporter: year of birth, when only that is known';
COMMENT ON COLUMN core.lost_report.nationality IS 'Reporter: nationality';
COMMENT ON COLUMN core.lost_report.occupation IS 'Reporter: occupation';
COMMENT ON COLUMN core.lost_report.addr_line1 IS 'Reporter''s address: first line';
COMMENT ON COLUMN core.lost_report.addr_line2 IS 'Reporter''s address: second line';
COMMENT ON COLUMN core.lost_report.addr_city IS 'Reporter''s address: village, town or city';
COMMENT ON COLUMN core.lost_report.addr_district_code IS 'Reporter''s address: LGD district code';
COMMENT ON COLUMN core.lost_report.addr_state_code IS 'Reporter''s address: LGD state code';
COMMENT ON COLUMN core.lost_report.addr_pincode IS 'Reporter''s address: PIN code';
COMMENT ON COLUMN core.lost_report.phone IS 'Reporter: phone number';
COMMENT ON COLUMN core.lost_report.lost_from IS 'Lost at, or lost between lost_from and lost_to';
COMMENT ON COLUMN core.lost_report.lost_to IS 'End of the period it was lost in; NULL when lost at lost_from';
COMMENT ON COLUMN core.lost_report.place_line1 IS 'Where it was lost: address line 1';
COMMENT ON COLUMN core.lost_report.place_line2 IS 'Where it was lost: address line 2';
COMMENT ON COLUMN core.lost_report.place_city IS 'Where it was lost: village, town or city';
COMMENT ON COLUMN core.lost_report.place_district_code IS 'Where it was lost: LGD district code';
COMMENT ON COLUMN core.lost_report.place_state_code IS 'Where it was lost: LGD state code';
COMMENT ON COLUMN core.lost_report.place_pincode IS 'Where it was lost: PIN code';
COMMENT ON COLUMN core.lost_report.place_distance_m IS 'Distance of the place from the police station, metres';
COMMENT ON COLUMN core.lost_report.place_direction IS 'Direction of the place from the police station';
COMMENT ON COLUMN core.lost_report.place_beat IS 'Beat number or name of the place';
COMMENT ON COLUMN core.lost_report.circumstances IS 'How it was lost, up to 16 KiB';
COMMENT ON COLUMN core.lost_report.officer_number IS 'Officer who recorded it: belt or service number';
COMMENT ON COLUMN core.lost_report.officer_name IS 'Officer who recorded it: name';
COMMENT ON COLUMN core.lost_report.officer_rank IS 'Officer who recorded it: rank';

CREATE TABLE core.lost_item (
	state_code int NOT NULL,
	year smallint NOT NULL,
	report_id bigint NOT NULL,
	seq smallint NOT NULL CHECK (seq BETWEEN 0 AND 49),
	kind text NOT NULL CHECK (kind IN ('document', 'mobile_phone', 'wallet', 'cash', 'jewellery', 'bag',
		'electronics', 'keys', 'other')),
	description text CHECK (description <> '' AND octet_length(description) <= 16000),
	identifier text CHECK (identifier <> '' AND octet_length(identifier) <= 256),
	value_rupees bigint CHECK (value_rupees >= 0 AND value_rupees < 1000000000000),
	PRIMARY KEY (report_id, state_code, year, seq),
	FOREIGN KEY (report_id, state_code, year) REFERENCES core.lost_report (report_id, state_code, year)
		ON DELETE CASCADE,
	CONSTRAINT lost_item_no_full_aadhaar CHECK (core.id_doc_refusal(NULL, identifier) IS NULL)
) PARTITION BY LIST (state_code);
COMMENT ON TABLE core.lost_item IS
	'The items of a lost property report (1..50), in the order given; an identifier is never a full Aadhaar number (CHECK lost_item_no_full_aadhaar). Partitioned like core.lost_report';
COMMENT ON COLUMN core.lost_item.state_code IS 'Partition key, as core.lost_report';
COMMENT ON COLUMN core.lost_item.year IS 'Partition key, as core.lost_report';
COMMENT ON COLUMN core.lost_item.report_id IS 'The report (core.lost_report.report_id)';
COMMENT ON COLUMN core.lost_item.seq IS 'Position in LostReport.items, from 0';
COMMENT ON COLUMN core.lost_item.kind IS 'LostItemKind: document, mobile_phone, wallet, cash, jewellery, bag, electronics, keys, other';
COMMENT ON COLUMN core.lost_item.description IS 'What it is and looks like';
COMMENT ON COLUMN core.lost_item.identifier IS 'IMEI, document number, ...; never a full Aadhaar number';
COMMENT ON COLUMN core.lost_item.value_rupees IS 'Value in whole rupees, 0 .. 10^12 - 1';

-- ------------------------------------------------------------ partitions

INSERT INTO core.partitioned_table (name, create_order, append_only) VALUES
	('petition', 110, false),
	('petition_person', 111, false),
	('petition_event', 112, false),
	('ncr', 113, false),
	('ncr_person', 114, false),
	('ncr_charge', 115, false),
	('lost_report', 116, false),
	('lost_item', 117, false);

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

-- Persons are personal data: the analyst reads the registers, not who is
-- named in them (as 0008 does for core.person).
GRANT SELECT ON core.petition, core.petition_event, core.ncr, core.ncr_charge, core.lost_item TO cctns_analyst;
REVOKE ALL ON core.petition_person, core.ncr_person FROM cctns_analyst;

-- ------------------------------------------------------------ shared readers

-- A register number as the station writes it ("1/2026", "0001/2026") into
-- number and year; CT400 with COLUMN col when malformed. what names the
-- register in the message ("a petition").
CREATE FUNCTION core.register_number_parse(num text, col text, what text, OUT no int, OUT year int)
LANGUAGE plpgsql IMMUTABLE
SET search_path = pg_catalog, pg_temp
AS $fn$
BEGIN
	IF num IS NULL OR num !~ '^[0-9]{1,9}/[0-9]{4}$' THEN
		RAISE EXCEPTION USING ERRCODE = 'CT400', COLUMN = col,
			MESSAGE = format('"%s" is not %s number such as 1/2026 or 0001/2026', coalesce(num, ''), what);
	END IF;
	no := split_part(num, '/', 1)::int;
	year := split_part(num, '/', 2)::int;
	IF no = 0 THEN
		RAISE EXCEPTION USING ERRCODE = 'CT400', COLUMN = col, MESSAGE = 'register numbers start at 1';
	END IF;
END
$fn$;
COMMENT ON FUNCTION core.register_number_parse(text, text, text) IS
	'Split a register number (1/2026 or 0001/2026) into number and year; CT400 with COLUMN col when malformed';

CREATE FUNCTION core.register_not_found(col text, what text, no int, year int) RETURNS void
LANGUAGE plpgsql
SET search_path = pg_catalog, pg_temp
AS $fn$
BEGIN
	RAISE EXCEPTION USING ERRCODE = 'CT404', COLUMN = col,
		MESSAGE = format('no %s %s at this station', what, core.fir_number_text(no, year));
END
$fn$;
COMMENT ON FUNCTION core.register_not_found(text, text, int, int) IS
	'Raise CT404 (no such record at the calling station), COLUMN col';

-- A named Person of a register entry: as core.fir_check_person with the
-- name required, and person_id (an existing person) accepted.
CREATE FUNCTION core.register_check_person(o jsonb, path text) RETURNS void
LANGUAGE plpgsql
SET search_path = pg_catalog, pg_temp
AS $fn$
DECLARE
	v jsonb;
BEGIN
	IF jsonb_typeof(o) = 'object' AND o ? 'person_id' THEN
		v := o -> 'person_id';
		IF jsonb_typeof(v) <> 'null' AND (jsonb_typeof(v) IN ('number', 'string') AND v #>> '{}' ~ '^[0-9]{1,18}$') IS NOT TRUE THEN
			PERFORM core.fir_bad(path || '.person_id', path || '.person_id: expected a person number');
		END IF;
		o := o - 'person_id';
	END IF;
	PERFORM core.fir_check_person(o, path, true);
END
$fn$;
COMMENT ON FUNCTION core.register_check_person(jsonb, text) IS
	'Validate a named Person (name required, person_id allowed) at path; CT400 with the field path';

-- A list of named persons (respondents, opposite parties).
CREATE FUNCTION core.register_check_persons(arr jsonb, path text, max_items int) RETURNS int
LANGUAGE plpgsql
SET search_path = pg_catalog, pg_temp
AS $fn$
BEGIN
	arr := core.j_arr(arr, path, max_items);
	FOR i IN 0 .. jsonb_array_length(arr) - 1 LOOP
		PERFORM core.register_check_person(arr -> i, path || '[' || i || ']');
	END LOOP;
	RETURN jsonb_array_length(arr);
END
$fn$;
COMMENT ON FUNCTION core.register_check_persons(jsonb, text, int) IS
	'Validate a repeated Person field (each named) of at most max_items; returns how many';

CREATE FUNCTION core.register_check_place(el jsonb, path text) RETURNS void
LANGUAGE plpgsql
SET search_path = pg_catalog, pg_temp
AS $fn$
DECLARE
	place_keys constant text[] := ARRAY['address', 'distance_m', 'direction', 'beat'];
	directions constant text[] := ARRAY['n', 'ne', 'e', 'se', 's', 'sw', 'w', 'nw'];
BEGIN
	el := core.j_obj(el, path, place_keys, false);
	IF el IS NULL THEN
		RETURN;
	END IF;
	PERFORM core.fir_check_address(el -> 'address', path || '.address');
	PERFORM core.j_uint(el -> 'distance_m', path || '.distance_m', 2147483647);
	PERFORM core.j_enum(el -> 'direction', path || '.direction', directions, false);
	PERFORM core.j_str(el -> 'beat', path || '.beat', 400, false);
END
$fn$;
COMMENT ON FUNCTION core.register_check_place(jsonb, text) IS
	'Validate a Place (address, distance, direction, beat) at path; nothing when absent';

-- The Person columns of the registers' person rows from a Person JSON.
CREATE FUNCTION core.register_person_cols(p jsonb,
	OUT name text, OUT relative_kind text, OUT relative_name text, OUT gender text, OUT date_of_birth date,
	OUT year_of_birth smallint, OUT nationality text, OUT occupation text, OUT addr_line1 text,
	OUT addr_line2 text, OUT addr_city text, OUT addr_district_code int, OUT addr_state_code int,
	OUT addr_pincode text, OUT phone text)
LANGUAGE sql IMMUTABLE
SET search_path = pg_catalog, pg_temp
AS $fn$
	SELECT p ->> 'name', nullif(p ->> 'relative_kind', ''), nullif(p ->> 'relative_name', ''),
		nullif(p ->> 'gender', ''), nullif(p ->> 'date_of_birth', '')::date,
		nullif(nullif(p ->> 'year_of_birth', ''), '0')::smallint,
		nullif(p ->> 'nationality', ''), nullif(p ->> 'occupation', ''),
		nullif(p #>> '{address,line1}', ''), nullif(p #>> '{address,line2}', ''), nullif(p #>> '{address,city}', ''),
		nullif(nullif(p #>> '{address,district_code}', ''), '0')::int,
		nullif(nullif(p #>> '{address,state_code}', ''), '0')::int,
		nullif(p #>> '{address,pincode}', ''), nullif(p ->> 'phone', '')
$fn$;
COMMENT ON FUNCTION core.register_person_cols(jsonb) IS
	'The person columns (name .. phone) of core.petition_person, core.ncr_person and core.lost_report from a validated Person JSON';

-- A Person JSON from a row (as to_jsonb) that has the person columns.
CREATE FUNCTION core.register_person_json(r jsonb) RETURNS jsonb
LANGUAGE sql IMMUTABLE
SET search_path = pg_catalog, pg_temp
AS $fn$
	SELECT nullif(jsonb_strip_nulls(jsonb_build_object('name', r -> 'name',
		'relative_kind', r -> 'relative_kind', 'relative_name', r -> 'relative_name', 'gender', r -> 'gender',
		'date_of_birth', r -> 'date_of_birth', 'year_of_birth', r -> 'year_of_birth',
		'nationality', r -> 'nationality', 'occupation', r -> 'occupation',
		'address', core.address_json(r ->> 'addr_line1', r ->> 'addr_line2', r ->> 'addr_city',
			(r ->> 'addr_district_code')::int, (r ->> 'addr_state_code')::int, r ->> 'addr_pincode'),
		'phone', r -> 'phone', 'person_id', r -> 'person_id')), '{}')
$fn$;
COMMENT ON FUNCTION core.register_person_json(jsonb) IS
	'Person message as JSON (with person_id) from a row of a register''s person columns, given as to_jsonb(row)';

CREATE FUNCTION core.register_place_json(r jsonb) RETURNS jsonb
LANGUAGE sql IMMUTABLE
SET search_path = pg_catalog, pg_temp
AS $fn$
	SELECT nullif(jsonb_strip_nulls(jsonb_build_object(
		'address', core.address_json(r ->> 'place_line1', r ->> 'place_line2', r ->> 'place_city',
			(r ->> 'place_district_code')::int, (r ->> 'place_state_code')::int, r ->> 'place_pincode'),
		'distance_m', r -> 'place_distance_m', 'direction', r -> 'place_direction', 'beat', r -> 'place_beat')), '{}')
$fn$;
COMMENT ON FUNCTION core.register_place_json(jsonb) IS
	'Place message as JSON from a row (to_jsonb) with place_* columns; NULL when nothing is set';

CREATE FUNCTION core.petition_station_json(state int, district int, station int) RETURNS jsonb
LANGUAGE sql STABLE
SET search_path = pg_catalog, pg_temp
AS $fn$
	SELECT jsonb_build_object('kind', 'station', 'state_code', s.state_code, 'district_code', s.district_code,
		'station_code', s.station_code, 'station_name', s.name, 'district_name', d.name, 'state_name', st.name)
	FROM ref.station s
	JOIN ref.district d ON d.state_code = s.state_code AND d.district_code = s.district_code
	JOIN ref.state st ON st.code = s.state_code
	WHERE s.state_code = state AND s.district_code = district AND s.station_code = station
$fn$;
COMMENT ON FUNCTION core.petition_station_json(int, int, int) IS
	'Identity message as JSON (kind station, codes and names) of the other station of a transferred petition';

-- ------------------------------------------------------------ petitions: validation

CREATE FUNCTION core.petition_check(p jsonb, OUT o_received_at timestamptz, OUT o_mode text)
LANGUAGE plpgsql
SET search_path = pg_catalog, pg_temp
AS $fn$
DECLARE
	keys constant text[] := ARRAY['received_at', 'mode', 'petitioner', 'respondents', 'subject', 'text',
		'officer', 'reference'];
BEGIN
	IF p IS NULL OR jsonb_typeof(p) <> 'object' THEN
		PERFORM core.fir_bad('', 'the petition must be a JSON object (Petition)');
	END IF;
	IF p - keys <> '{}' THEN
		PERFORM core.j_keys(p, '', keys);
	END IF;
	o_received_at := core.read_time(p -> 'received_at', 'received_at', true);
	o_mode := core.j_enum(p -> 'mode', 'mode', ARRAY(SELECT m.code FROM ref.petition_mode m ORDER BY m.number), true);
	PERFORM core.register_check_person(p -> 'petitioner', 'petitioner');
	PERFORM core.register_check_persons(p -> 'respondents', 'respondents', 20);
	PERFORM core.j_str(p -> 'subject', 'subject', 2000, true);
	PERFORM core.j_str(p -> 'text', 'text', 65536, true);
	PERFORM core.j_str(p -> 'reference', 'reference', 800, false);
	PERFORM core.officer_check(p -> 'officer', 'officer', true);
END
$fn$;
COMMENT ON FUNCTION core.petition_check(jsonb) IS
	'Validate a Petition: received_at (required, not in the future), mode, petitioner (named), at most 20 named respondents, subject, text (64 KiB), reference, receiving officer. Returns received_at and mode';

-- ------------------------------------------------------------ petitions: JSON output

CREATE FUNCTION core.petition_receipt_json(p core.petition) RETURNS jsonb
LANGUAGE sql STABLE
SET search_path = pg_catalog, pg_temp
AS $fn$
	SELECT jsonb_build_object(
		'petition_number', core.fir_number_text(p.petition_no, p.year),
		'year', p.year,
		'number', p.petition_no,
		'received_at', core.ist_text(p.received_at),
		'registered_at', core.ist_text(date_trunc('second', p.registered_at)),
		'gd_date', to_char(p.gd_date, 'YYYY-MM-DD'),
		'gd_number', p.gd_no)
$fn$;
COMMENT ON FUNCTION core.petition_receipt_json(core.petition) IS
	'PetitionReceipt message as JSON (without replayed) from a core.petition row';

CREATE FUNCTION core.petition_link_json(state int, district int, station int, year int, no int) RETURNS jsonb
LANGUAGE sql STABLE
SET search_path = pg_catalog, pg_temp
AS $fn$
	SELECT CASE WHEN no IS NOT NULL THEN jsonb_build_object(
		'station', core.petition_station_json(state, district, station),
		'petition_number', core.fir_number_text(no, year)) END
$fn$;
COMMENT ON FUNCTION core.petition_link_json(int, int, int, int, int) IS
	'PetitionLink message as JSON (the other station and the number there); NULL when no is NULL';

CREATE FUNCTION core.petition_record_json(p core.petition) RETURNS jsonb
LANGUAGE sql STABLE
SET search_path = pg_catalog, pg_temp
AS $fn$
	SELECT jsonb_strip_nulls(jsonb_build_object(
		'receipt', core.petition_receipt_json(p),
		'petition', jsonb_build_object(
			'received_at', core.ist_text(p.received_at),
			'mode', p.mode,
			'petitioner', (SELECT core.register_person_json(to_jsonb(x)) FROM core.petition_person x
				WHERE x.state_code = p.state_code AND x.year = p.year AND x.petition_id = p.petition_id
					AND x.seq = 1),
			'respondents', (SELECT jsonb_agg(core.register_person_json(to_jsonb(x)) ORDER BY x.seq)
				FROM core.petition_person x
				WHERE x.state_code = p.state_code AND x.year = p.year AND x.petition_id = p.petition_id
					AND x.seq > 1),
			'subject', p.subject,
			'text', p.text,
			'officer', core.officer_json(p.officer_number, p.officer_name, p.officer_rank),
			'reference', p.reference),
		'status', p.status,
		'enquiry_officer', core.officer_json(p.enquiry_number, p.enquiry_name, p.enquiry_rank),
		'report', CASE WHEN p.reported_at IS NOT NULL THEN jsonb_build_object(
			'reported_at', core.ist_text(p.reported_at),
			'findings', p.findings,
			'recommendation', p.recommendation,
			'officer', core.officer_json(p.report_officer_number, p.report_officer_name, p.report_officer_rank)) END,
		'disposal', CASE WHEN p.disposal IS NOT NULL THEN jsonb_build_object(
			'kind', p.disposal,
			'reason', p.disposal_reason,
			'fir_number', core.fir_number_text(p.fir_no, p.fir_year),
			'transfer_district_code', p.to_district_code,
			'transfer_station_code', p.to_station_code,
			'officer', core.officer_json(p.disposal_officer_number, p.disposal_officer_name,
				p.disposal_officer_rank)) END,
		'disposed_at', core.ist_text(date_trunc('second', p.disposed_at)),
		'disposal_gd_date', to_char(p.disposal_gd_date, 'YYYY-MM-DD'),
		'disposal_gd_number', p.disposal_gd_no,
		'transferred_to', core.petition_link_json(p.state_code, p.to_district_code, p.to_station_code,
			p.to_year, p.to_petition_no),
		'transferred_from', core.petition_link_json(p.state_code, p.from_district_code, p.from_station_code,
			p.from_year, p.from_petition_no),
		'history', (SELECT jsonb_agg(jsonb_build_object(
				'at', core.ist_text(date_trunc('second', e.at)),
				'kind', e.kind,
				'status', e.status,
				'officer', core.officer_json(e.officer_number, e.officer_name, e.officer_rank),
				'summary', e.summary,
				'gd_date', to_char(e.gd_date, 'YYYY-MM-DD'),
				'gd_number', e.gd_no) ORDER BY e.seq)
			FROM core.petition_event e
			WHERE e.state_code = p.state_code AND e.year = p.year AND e.petition_id = p.petition_id)))
$fn$;
COMMENT ON FUNCTION core.petition_record_json(core.petition) IS
	'PetitionRecord message as JSON (without replayed): receipt, the petition as received, status, enquiry officer, report, disposal and its diary entry, links to a transferring or receiving station, history oldest first';

-- ------------------------------------------------------------ petitions: steps

-- Add a step to a petition's history (the caller holds the petition's row
-- lock, which orders its steps).
CREATE FUNCTION core.petition_event_add(p core.petition, at timestamptz, kind text, officer jsonb,
	summary text, gd_date date, gd_no int) RETURNS void
LANGUAGE sql
SET search_path = pg_catalog, pg_temp
AS $fn$
	INSERT INTO core.petition_event (state_code, year, petition_id, seq, at, kind, status,
		officer_number, officer_name, officer_rank, summary, gd_date, gd_no)
	SELECT p.state_code, p.year, p.petition_id,
		coalesce((SELECT max(e.seq) FROM core.petition_event e
			WHERE e.state_code = p.state_code AND e.year = p.year AND e.petition_id = p.petition_id), 0) + 1,
		at, kind, p.status, officer ->> 'number', officer ->> 'name', officer ->> 'rank', summary, gd_date, gd_no
$fn$;
COMMENT ON FUNCTION core.petition_event_add(core.petition, timestamptz, text, jsonb, text, date, int) IS
	'Add a step to a petition''s history with its status after the step (the caller holds the petition row lock)';

-- The petition named by number at the calling station, locked for a step;
-- CT404 when there is none.
CREATE FUNCTION core.petition_lock(state int, district int, station int, petition_number text) RETURNS core.petition
LANGUAGE plpgsql
SET search_path = pg_catalog, pg_temp
AS $fn$
DECLARE
	num record;
	p core.petition;
BEGIN
	SELECT * INTO num FROM core.register_number_parse(petition_number, 'petition_number', 'a petition');
	SELECT * INTO p FROM core.petition x
	WHERE x.state_code = state AND x.year = num.year AND x.district_code = district
		AND x.station_code = station AND x.petition_no = num.no
	FOR NO KEY UPDATE;
	IF NOT FOUND THEN
		PERFORM core.register_not_found('petition_number', 'petition', num.no, num.year);
	END IF;
	RETURN p;
END
$fn$;
COMMENT ON FUNCTION core.petition_lock(int, int, int, text) IS
	'The petition of the calling station by number (1/2026, 0001/2026), locked FOR NO KEY UPDATE; CT400 bad number, CT404 none';

-- Refuse a step the petition's status does not take (CT409), saying where
-- the petition is and what comes next.
CREATE FUNCTION core.petition_step_refused(p core.petition, step text) RETURNS void
LANGUAGE plpgsql
SET search_path = pg_catalog, pg_temp
AS $fn$
DECLARE
	num text := core.fir_number_text(p.petition_no, p.year);
BEGIN
	IF p.status = 'disposed' THEN
		RAISE EXCEPTION USING ERRCODE = 'CT409', COLUMN = 'petition_number',
			MESSAGE = format('petition %s was disposed (%s) on %s: a disposed petition cannot change',
				num, p.disposal, to_char(p.disposed_at AT TIME ZONE 'Asia/Kolkata', 'DD/MM/YYYY'));
	END IF;
	RAISE EXCEPTION USING ERRCODE = 'CT409', COLUMN = 'petition_number',
		MESSAGE = format('petition %s is %s: %s (the steps are received -> under_enquiry -> enquiry_reported -> disposed)',
			num, p.status, CASE step
				WHEN 'assign' THEN 'an enquiry officer is assigned only while a petition is received or under_enquiry'
				WHEN 'report' THEN CASE p.status WHEN 'received' THEN 'assign an enquiry officer first'
					ELSE 'its enquiry report is already in' END
				ELSE 'it is disposed of after its enquiry report' END);
END
$fn$;
COMMENT ON FUNCTION core.petition_step_refused(core.petition, text) IS
	'Raise CT409 for a step (assign, report, dispose) the petition''s status does not permit';

-- ------------------------------------------------------------ api.register_petition

CREATE FUNCTION api.register_petition(state int, district int, station int, idem bytea, petition jsonb)
RETURNS TABLE (receipt jsonb, replayed boolean)
LANGUAGE plpgsql SECURITY DEFINER
SET search_path = pg_catalog, pg_temp
SET constraint_exclusion = off
AS $fn$
#variable_conflict use_column
DECLARE
	v_year int := extract(year FROM now() AT TIME ZONE 'Asia/Kolkata')::int;
	v_old jsonb;
	chk record;
	v_no int;
	v_id bigint := nextval('core.petition_id_seq');
	v_num text;
	g record;
	p core.petition;
	el jsonb;
	i int;
BEGIN
	PERFORM core.station_check(state, district, station);
	PERFORM core.ensure_partitions(state, v_year);
	v_old := core.idem_claim(state, district, station, idem,
		sha256(convert_to(coalesce(petition::text, ''), 'UTF8')), 'register_petition');
	IF v_old IS NOT NULL THEN
		receipt := v_old || '{"replayed": true}';
		replayed := true;
		RETURN NEXT;
		RETURN;
	END IF;
	SELECT * INTO chk FROM core.petition_check(petition);

	v_no := core.next_record_no('petition', state, district, station, v_year);
	v_num := core.fir_number_text(v_no, v_year);
	SELECT * INTO g FROM core.gd_write(state, district, station, 'petition',
		format('Petition %s %s; acknowledgement given', v_num,
			(SELECT m.description FROM ref.petition_mode m WHERE m.code = chk.o_mode)),
		petition -> 'officer', NULL, NULL, NULL);

	INSERT INTO core.petition (petition_id, state_code, year, district_code, station_code, petition_no,
		registered_at, gd_date, gd_no, idempotency_key, content_sha256, received_at, mode, subject, text,
		reference, officer_number, officer_name, officer_rank)
	VALUES (v_id, state, v_year, district, station, v_no, g.entered_at, g.gd_date, g.gd_no, idem,
		sha256(convert_to(petition::text, 'UTF8')), chk.o_received_at, chk.o_mode, petition ->> 'subject',
		petition ->> 'text', nullif(petition ->> 'reference', ''), petition #>> '{officer,number}',
		petition #>> '{officer,name}', petition #>> '{officer,rank}')
	RETURNING * INTO p;

	-- The petitioner (seq 1) and respondents (2..), each linked by role.
	FOR i IN 0 .. coalesce(jsonb_array_length(CASE WHEN jsonb_typeof(petition -> 'respondents') = 'array'
			THEN petition -> 'respondents' END), 0) LOOP
		el := CASE WHEN i = 0 THEN petition -> 'petitioner' ELSE petition -> 'respondents' -> (i - 1) END;
		INSERT INTO core.petition_person (state_code, year, petition_id, seq, role, person_id, name,
			relative_kind, relative_name, gender, date_of_birth, year_of_birth, nationality, occupation,
			addr_line1, addr_line2, addr_city, addr_district_code, addr_state_code, addr_pincode, phone)
		SELECT state, v_year, v_id, i + 1, CASE WHEN i = 0 THEN 'petitioner' ELSE 'respondent' END,
			core.link_person(state, district, station, el,
				CASE WHEN i = 0 THEN 'petitioner' ELSE 'respondents[' || (i - 1) || ']' END,
				CASE WHEN i = 0 THEN 'petitioner' ELSE 'respondent' END, 'petition', v_year, v_id, NULL,
				'Petition ' || v_num),
			c.*
		FROM core.register_person_cols(el) c;
	END LOOP;

	PERFORM core.petition_event_add(p, chk.o_received_at, 'received', petition -> 'officer',
		format('Petition %s %s; acknowledgement given', v_num,
			(SELECT m.description FROM ref.petition_mode m WHERE m.code = chk.o_mode)),
		g.gd_date, g.gd_no);

	receipt := core.petition_receipt_json(p);
	PERFORM core.idem_answer(state, district, station, idem, receipt);
	replayed := false;
	RETURN NEXT;
END
$fn$;
COMMENT ON FUNCTION api.register_petition(int, int, int, bytea, jsonb) IS
	'Register a petition or complaint (Petition JSON) with a 16-byte idempotency key: gives the next acknowledgement number of the station and year, writes its General Diary entry (kind petition) and the first step of its history, links the petitioner and respondents to the persons master record. Returns the PetitionReceipt JSON; the same key and content replay it. CT401, CT400 (COLUMN = path in the Petition, or idempotency_key), CT409 key reused';

CREATE FUNCTION api.get_petition(state int, district int, station int, petition_number text) RETURNS jsonb
LANGUAGE plpgsql STABLE SECURITY DEFINER
SET search_path = pg_catalog, pg_temp
SET constraint_exclusion = off
AS $fn$
DECLARE
	num record;
	p core.petition;
BEGIN
	PERFORM core.station_check(state, district, station);
	SELECT * INTO num FROM core.register_number_parse(petition_number, 'petition_number', 'a petition');
	SELECT * INTO p FROM core.petition x
	WHERE x.state_code = state AND x.year = num.year AND x.district_code = district
		AND x.station_code = station AND x.petition_no = num.no;
	IF NOT FOUND THEN
		PERFORM core.register_not_found('petition_number', 'petition', num.no, num.year);
	END IF;
	RETURN core.petition_record_json(p);
END
$fn$;
COMMENT ON FUNCTION api.get_petition(int, int, int, text) IS
	'Read a petition of the calling station by its acknowledgement number: PetitionRecord JSON (receipt, petition, status, enquiry officer, report, disposal, links, history). CT401, CT400 bad number, CT404 none at this station';

-- ------------------------------------------------------------ api.assign_enquiry

CREATE FUNCTION api.assign_enquiry(state int, district int, station int, idem bytea, petition_number text, req jsonb)
RETURNS TABLE (result jsonb, replayed boolean)
LANGUAGE plpgsql SECURITY DEFINER
SET search_path = pg_catalog, pg_temp
SET constraint_exclusion = off
AS $fn$
#variable_conflict use_column
DECLARE
	keys constant text[] := ARRAY['enquiry_officer', 'acting'];
	v_old jsonb;
	p core.petition;
	v_io jsonb;
	v_acting jsonb;
	v_kind text;
	v_summary text;
BEGIN
	PERFORM core.station_check(state, district, station);
	v_old := core.idem_claim(state, district, station, idem,
		sha256(convert_to(coalesce(petition_number, '') || ' ' || coalesce(req::text, ''), 'UTF8')),
		'assign_enquiry');
	IF v_old IS NOT NULL THEN
		result := v_old || '{"replayed": true}';
		replayed := true;
		RETURN NEXT;
		RETURN;
	END IF;
	IF req IS NULL OR jsonb_typeof(req) <> 'object' THEN
		PERFORM core.fir_bad('', 'the request must be a JSON object (AssignEnquiry without key and petition_number)');
	END IF;
	IF req - keys <> '{}' THEN
		PERFORM core.j_keys(req, '', keys);
	END IF;
	v_io := core.officer_check(req -> 'enquiry_officer', 'enquiry_officer', true);
	v_acting := core.officer_check(req -> 'acting', 'acting', true);

	p := core.petition_lock(state, district, station, petition_number);
	IF p.status NOT IN ('received', 'under_enquiry') THEN
		PERFORM core.petition_step_refused(p, 'assign');
	END IF;
	IF upper(p.enquiry_number) = upper(v_io ->> 'number') THEN
		RAISE EXCEPTION USING ERRCODE = 'CT409', COLUMN = 'enquiry_officer.number',
			MESSAGE = format('%s is already the enquiry officer of petition %s',
				core.officer_text(p.enquiry_number, p.enquiry_name, p.enquiry_rank),
				core.fir_number_text(p.petition_no, p.year));
	END IF;
	IF p.enquiry_number IS NULL THEN
		v_kind := 'enquiry_assigned';
		v_summary := 'Enquiry officer assigned: ' || core.officer_text(v_io ->> 'number', v_io ->> 'name', v_io ->> 'rank');
	ELSE
		v_kind := 'enquiry_reassigned';
		v_summary := 'Enquiry officer changed from ' || core.officer_text(p.enquiry_number, p.enquiry_name, p.enquiry_rank)
			|| ' to ' || core.officer_text(v_io ->> 'number', v_io ->> 'name', v_io ->> 'rank');
	END IF;

	UPDATE core.petition x SET status = 'under_enquiry', enquiry_number = v_io ->> 'number',
		enquiry_name = v_io ->> 'name', enquiry_rank = v_io ->> 'rank', enquiry_assigned_at = now()
	WHERE x.state_code = p.state_code AND x.year = p.year AND x.petition_id = p.petition_id
	RETURNING * INTO p;
	PERFORM core.petition_event_add(p, now(), v_kind, v_acting, v_summary, NULL, NULL);

	result := core.petition_record_json(p);
	PERFORM core.idem_answer(state, district, station, idem, result);
	replayed := false;
	RETURN NEXT;
END
$fn$;
COMMENT ON FUNCTION api.assign_enquiry(int, int, int, bytea, text, jsonb) IS
	'Assign or change the enquiry officer of a petition of the calling station ({"enquiry_officer", "acting"}): received -> under_enquiry (step enquiry_assigned), or a re-assignment while under_enquiry (enquiry_reassigned). Returns the PetitionRecord JSON. CT401, CT400, CT404, CT409 same officer again, a status that takes no assignment, key reused';

-- ------------------------------------------------------------ api.report_enquiry

CREATE FUNCTION api.report_enquiry(state int, district int, station int, idem bytea, petition_number text, report jsonb)
RETURNS TABLE (result jsonb, replayed boolean)
LANGUAGE plpgsql SECURITY DEFINER
SET search_path = pg_catalog, pg_temp
SET constraint_exclusion = off
AS $fn$
#variable_conflict use_column
DECLARE
	keys constant text[] := ARRAY['reported_at', 'findings', 'recommendation', 'officer'];
	recommendations constant text[] := ARRAY['close', 'register_fir', 'transfer'];
	v_old jsonb;
	p core.petition;
	v_at timestamptz;
	v_rec text;
	v_officer jsonb;
BEGIN
	PERFORM core.station_check(state, district, station);
	v_old := core.idem_claim(state, district, station, idem,
		sha256(convert_to(coalesce(petition_number, '') || ' ' || coalesce(report::text, ''), 'UTF8')),
		'report_enquiry');
	IF v_old IS NOT NULL THEN
		result := v_old || '{"replayed": true}';
		replayed := true;
		RETURN NEXT;
		RETURN;
	END IF;
	IF report IS NULL OR jsonb_typeof(report) <> 'object' THEN
		PERFORM core.fir_bad('', 'the enquiry report must be a JSON object (PetitionEnquiryReport)');
	END IF;
	IF report - keys <> '{}' THEN
		PERFORM core.j_keys(report, '', keys);
	END IF;
	v_at := core.read_time(report -> 'reported_at', 'reported_at', true);
	PERFORM core.j_str(report -> 'findings', 'findings', 65536, true);
	v_rec := core.j_enum(report -> 'recommendation', 'recommendation', recommendations, true);
	v_officer := core.officer_check(report -> 'officer', 'officer', true);

	p := core.petition_lock(state, district, station, petition_number);
	IF p.status <> 'under_enquiry' THEN
		PERFORM core.petition_step_refused(p, 'report');
	END IF;
	IF v_at < date_trunc('second', p.enquiry_assigned_at) THEN
		PERFORM core.fir_bad('reported_at',
			format('reported_at (%s) is before the enquiry was assigned (%s): a report comes after its enquiry',
				core.ist_text(v_at), core.ist_text(date_trunc('second', p.enquiry_assigned_at))));
	END IF;
	IF upper(v_officer ->> 'number') <> upper(p.enquiry_number) THEN
		PERFORM core.fir_bad('officer.number',
			format('the enquiry report is made by the enquiry officer of petition %s, %s',
				core.fir_number_text(p.petition_no, p.year),
				core.officer_text(p.enquiry_number, p.enquiry_name, p.enquiry_rank)));
	END IF;

	UPDATE core.petition x SET status = 'enquiry_reported', reported_at = v_at, report_recorded_at = now(),
		findings = report ->> 'findings', recommendation = v_rec,
		report_officer_number = v_officer ->> 'number', report_officer_name = v_officer ->> 'name',
		report_officer_rank = v_officer ->> 'rank'
	WHERE x.state_code = p.state_code AND x.year = p.year AND x.petition_id = p.petition_id
	RETURNING * INTO p;
	PERFORM core.petition_event_add(p, v_at, 'enquiry_reported', v_officer,
		'Enquiry report: recommends ' || CASE v_rec WHEN 'close' THEN 'closing the petition'
			WHEN 'register_fir' THEN 'registering an FIR' ELSE 'transfer to another station' END,
		NULL, NULL);

	result := core.petition_record_json(p);
	PERFORM core.idem_answer(state, district, station, idem, result);
	replayed := false;
	RETURN NEXT;
END
$fn$;
COMMENT ON FUNCTION api.report_enquiry(int, int, int, bytea, text, jsonb) IS
	'Record the enquiry report of a petition under enquiry (PetitionEnquiryReport JSON) by its enquiry officer: under_enquiry -> enquiry_reported. Returns the PetitionRecord JSON. CT401, CT400 (reported_at in the future or before the assignment, another officer), CT404, CT409 status, key reused';

-- ------------------------------------------------------------ api.dispose_petition

-- Validate a PetitionDisposal; returns the kind, reason, officer, FIR
-- number (parsed) and receiving station.
CREATE FUNCTION core.petition_disposal_check(d jsonb,
	OUT o_kind text, OUT o_reason text, OUT o_officer jsonb, OUT o_fir_no int, OUT o_fir_year int,
	OUT o_to_district int, OUT o_to_station int)
LANGUAGE plpgsql
SET search_path = pg_catalog, pg_temp
AS $fn$
DECLARE
	keys constant text[] := ARRAY['kind', 'reason', 'fir_number', 'transfer_district_code',
		'transfer_station_code', 'officer'];
	kinds constant text[] := ARRAY['closed', 'converted_to_fir', 'transferred'];
	v_fir text;
	num record;
BEGIN
	IF d IS NULL OR jsonb_typeof(d) <> 'object' THEN
		PERFORM core.fir_bad('', 'the disposal must be a JSON object (PetitionDisposal)');
	END IF;
	IF d - keys <> '{}' THEN
		PERFORM core.j_keys(d, '', keys);
	END IF;
	o_kind := core.j_enum(d -> 'kind', 'kind', kinds, true);
	o_reason := core.j_str(d -> 'reason', 'reason', 16000, false);
	IF o_kind = 'closed' AND o_reason IS NULL THEN
		PERFORM core.fir_bad('reason', 'reason is required to close a petition: why it is closed');
	END IF;
	v_fir := core.j_str(d -> 'fir_number', 'fir_number', 20, false);
	IF (o_kind = 'converted_to_fir') <> (v_fir IS NOT NULL) THEN
		PERFORM core.fir_bad('fir_number', CASE WHEN v_fir IS NULL
			THEN 'fir_number is required for converted_to_fir: the FIR registered on the petition'
			ELSE 'fir_number is only for kind converted_to_fir' END);
	END IF;
	IF v_fir IS NOT NULL THEN
		SELECT * INTO num FROM core.fir_number_parse(v_fir);
		o_fir_no := num.fir_no;
		o_fir_year := num.year;
	END IF;
	o_to_district := core.j_uint(d -> 'transfer_district_code', 'transfer_district_code', 2147483647);
	o_to_station := core.j_uint(d -> 'transfer_station_code', 'transfer_station_code', 2147483647);
	IF o_kind = 'transferred' THEN
		IF o_to_district IS NULL THEN
			PERFORM core.fir_bad('transfer_district_code',
				'transfer_district_code is required for transferred: the district of the station it goes to');
		END IF;
		IF o_to_station IS NULL THEN
			PERFORM core.fir_bad('transfer_station_code',
				'transfer_station_code is required for transferred: the station it goes to');
		END IF;
	ELSIF coalesce(o_to_district, o_to_station) IS NOT NULL THEN
		PERFORM core.fir_bad(CASE WHEN o_to_district IS NOT NULL THEN 'transfer_district_code'
			ELSE 'transfer_station_code' END, 'a receiving station is only for kind transferred');
	END IF;
	o_officer := core.officer_check(d -> 'officer', 'officer', true);
END
$fn$;
COMMENT ON FUNCTION core.petition_disposal_check(jsonb) IS
	'Validate a PetitionDisposal: kind; reason required to close; fir_number exactly for converted_to_fir; receiving station exactly for transferred; officer';

-- Register a copy of petition p at the receiving station (same state): its
-- own number, diary entry and history, the same persons, a link back.
-- Returns the copy.
CREATE FUNCTION core.petition_transfer_in(p core.petition, to_district int, to_station int, officer jsonb)
RETURNS core.petition
LANGUAGE plpgsql
SET search_path = pg_catalog, pg_temp
AS $fn$
DECLARE
	v_year int := extract(year FROM now() AT TIME ZONE 'Asia/Kolkata')::int;
	v_id bigint := nextval('core.petition_id_seq');
	v_no int;
	v_num text;
	v_from text := core.fir_number_text(p.petition_no, p.year);
	v_text text;
	g record;
	c core.petition;
BEGIN
	v_no := core.next_record_no('petition', p.state_code, to_district, to_station, v_year);
	v_num := core.fir_number_text(v_no, v_year);
	v_text := format('Petition %s received by transfer from %s, where it was petition %s', v_num,
		(SELECT s.name FROM ref.station s WHERE s.state_code = p.state_code AND s.district_code = p.district_code
			AND s.station_code = p.station_code), v_from);
	SELECT * INTO g FROM core.gd_write(p.state_code, to_district, to_station, 'petition', v_text, officer,
		NULL, NULL, NULL);
	INSERT INTO core.petition (petition_id, state_code, year, district_code, station_code, petition_no,
		registered_at, gd_date, gd_no, received_at, mode, subject, text, reference,
		from_district_code, from_station_code, from_year, from_petition_no)
	VALUES (v_id, p.state_code, v_year, to_district, to_station, v_no, g.entered_at, g.gd_date, g.gd_no,
		p.received_at, p.mode, p.subject, p.text, p.reference,
		p.district_code, p.station_code, p.year, p.petition_no)
	RETURNING * INTO c;
	INSERT INTO core.petition_person (state_code, year, petition_id, seq, role, person_id, name,
		relative_kind, relative_name, gender, date_of_birth, year_of_birth, nationality, occupation,
		addr_line1, addr_line2, addr_city, addr_district_code, addr_state_code, addr_pincode, phone)
	SELECT c.state_code, c.year, c.petition_id, x.seq, x.role,
		core.link_person(c.state_code, to_district, to_station, jsonb_build_object('person_id', x.person_id),
			x.role, x.role, 'petition', c.year, c.petition_id, NULL, 'Petition ' || v_num),
		x.name, x.relative_kind, x.relative_name, x.gender, x.date_of_birth, x.year_of_birth, x.nationality,
		x.occupation, x.addr_line1, x.addr_line2, x.addr_city, x.addr_district_code, x.addr_state_code,
		x.addr_pincode, x.phone
	FROM core.petition_person x
	WHERE x.state_code = p.state_code AND x.year = p.year AND x.petition_id = p.petition_id
	ORDER BY x.seq;
	PERFORM core.petition_event_add(c, g.entered_at, 'received_by_transfer', officer, v_text, g.gd_date, g.gd_no);
	RETURN c;
END
$fn$;
COMMENT ON FUNCTION core.petition_transfer_in(core.petition, int, int, jsonb) IS
	'Register a transferred petition at the receiving station: its own acknowledgement number, General Diary entry, history (received_by_transfer), the same persons linked, and a link back; returns it';

CREATE FUNCTION api.dispose_petition(state int, district int, station int, idem bytea, petition_number text,
	disposal jsonb)
RETURNS TABLE (result jsonb, replayed boolean)
LANGUAGE plpgsql SECURITY DEFINER
SET search_path = pg_catalog, pg_temp
SET constraint_exclusion = off
AS $fn$
#variable_conflict use_column
DECLARE
	v_old jsonb;
	chk record;
	p core.petition;
	f core.fir;
	t ref.station;
	c core.petition;
	g record;
	v_num text;
	v_text text;
BEGIN
	PERFORM core.station_check(state, district, station);
	v_old := core.idem_claim(state, district, station, idem,
		sha256(convert_to(coalesce(petition_number, '') || ' ' || coalesce(disposal::text, ''), 'UTF8')),
		'dispose_petition');
	IF v_old IS NOT NULL THEN
		result := v_old || '{"replayed": true}';
		replayed := true;
		RETURN NEXT;
		RETURN;
	END IF;
	SELECT * INTO chk FROM core.petition_disposal_check(disposal);

	p := core.petition_lock(state, district, station, petition_number);
	IF p.status <> 'enquiry_reported' THEN
		PERFORM core.petition_step_refused(p, 'dispose');
	END IF;
	v_num := core.fir_number_text(p.petition_no, p.year);

	IF chk.o_kind = 'converted_to_fir' THEN
		-- The FIR: of this station, registered at or after the petition
		-- was received; locked, as every change of a case.
		SELECT * INTO f FROM core.fir x
		WHERE x.state_code = state AND x.year = chk.o_fir_year AND x.district_code = district
			AND x.station_code = station AND x.fir_no = chk.o_fir_no
		FOR NO KEY UPDATE;
		IF NOT FOUND THEN
			PERFORM core.fir_bad('fir_number', format('no FIR %s at this station: register the FIR first, then dispose of the petition as converted into it',
				core.fir_number_text(chk.o_fir_no, chk.o_fir_year)));
		END IF;
		IF f.registered_at < p.received_at THEN
			PERFORM core.fir_bad('fir_number', format('FIR %s was registered at %s, before petition %s was received (%s): a petition is converted only into an FIR registered on it',
				core.fir_number_text(f.fir_no, f.year), core.ist_text(date_trunc('second', f.registered_at)),
				v_num, core.ist_text(p.received_at)));
		END IF;
		v_text := format('Petition %s disposed: converted into FIR %s', v_num, core.fir_number_text(f.fir_no, f.year));
	ELSIF chk.o_kind = 'transferred' THEN
		SELECT * INTO t FROM ref.station s
		WHERE s.state_code = state AND s.district_code = chk.o_to_district AND s.station_code = chk.o_to_station;
		IF NOT FOUND THEN
			PERFORM core.fir_bad('transfer_station_code', format('there is no station %s in district %s of this state',
				chk.o_to_station, chk.o_to_district));
		END IF;
		IF NOT t.active THEN
			PERFORM core.fir_bad('transfer_station_code', format('station %s (%s) is not active', t.station_code, t.name));
		END IF;
		IF t.district_code = district AND t.station_code = station THEN
			PERFORM core.fir_bad('transfer_station_code',
				'a petition is transferred to another station, not to the one it is at');
		END IF;
		c := core.petition_transfer_in(p, t.district_code, t.station_code, chk.o_officer);
		v_text := format('Petition %s disposed: transferred to %s, where it is petition %s', v_num, t.name,
			core.fir_number_text(c.petition_no, c.year));
	ELSE
		v_text := format('Petition %s disposed: closed', v_num);
	END IF;

	SELECT * INTO g FROM core.gd_write(state, district, station, 'petition', v_text, chk.o_officer,
		f.year, f.fir_no, NULL);
	UPDATE core.petition x SET status = 'disposed', disposal = chk.o_kind, disposal_reason = chk.o_reason,
		disposed_at = g.entered_at, disposal_officer_number = chk.o_officer ->> 'number',
		disposal_officer_name = chk.o_officer ->> 'name', disposal_officer_rank = chk.o_officer ->> 'rank',
		disposal_gd_date = g.gd_date, disposal_gd_no = g.gd_no,
		fir_year = f.year, fir_id = f.fir_id, fir_no = f.fir_no,
		to_district_code = c.district_code, to_station_code = c.station_code, to_year = c.year,
		to_petition_no = c.petition_no
	WHERE x.state_code = p.state_code AND x.year = p.year AND x.petition_id = p.petition_id
	RETURNING * INTO p;
	PERFORM core.petition_event_add(p, g.entered_at, 'disposed', chk.o_officer, v_text, g.gd_date, g.gd_no);

	IF chk.o_kind = 'converted_to_fir' THEN
		PERFORM core.case_event_add(state, f.year, f.fir_id, g.entered_at, 'from_petition', f.status,
			chk.o_officer, format('Registered on petition %s of %s', v_num,
				to_char(p.received_at AT TIME ZONE 'Asia/Kolkata', 'DD/MM/YYYY')),
			g.gd_date, g.gd_no, NULL);
	END IF;

	result := core.petition_record_json(p);
	PERFORM core.idem_answer(state, district, station, idem, result);
	replayed := false;
	RETURN NEXT;
END
$fn$;
COMMENT ON FUNCTION api.dispose_petition(int, int, int, bytea, text, jsonb) IS
	'Dispose of a petition whose enquiry report is in (PetitionDisposal JSON): closed (with a reason), converted_to_fir (an FIR of this station registered at or after the petition was received: both linked, the FIR''s timeline gets from_petition), or transferred (another active station of the state registers it under its own number, linked both ways). Writes the disposal''s General Diary entry. Returns the PetitionRecord JSON. CT401, CT400, CT404, CT409 status, key reused';

-- ------------------------------------------------------------ NCR

CREATE FUNCTION core.ncr_check(n jsonb, OUT o_occurred_at timestamptz, OUT o_reported_at timestamptz)
LANGUAGE plpgsql
SET search_path = pg_catalog, pg_temp
AS $fn$
DECLARE
	keys constant text[] := ARRAY['occurred_at', 'reported_at', 'place', 'informant', 'opposite_party',
		'sections', 'brief_facts', 'advice_given', 'officer'];
	arr jsonb;
	v jsonb;
BEGIN
	IF n IS NULL OR jsonb_typeof(n) <> 'object' THEN
		PERFORM core.fir_bad('', 'the NCR must be a JSON object (Ncr)');
	END IF;
	IF n - keys <> '{}' THEN
		PERFORM core.j_keys(n, '', keys);
	END IF;
	o_occurred_at := core.read_time(n -> 'occurred_at', 'occurred_at', true);
	o_reported_at := core.read_time(n -> 'reported_at', 'reported_at', true);
	IF o_reported_at < o_occurred_at THEN
		PERFORM core.fir_bad('reported_at', format('reported_at (%s) is before occurred_at (%s): an offence is reported after it happens',
			core.ist_text(o_reported_at), core.ist_text(o_occurred_at)));
	END IF;
	PERFORM core.register_check_place(n -> 'place', 'place');
	PERFORM core.register_check_person(n -> 'informant', 'informant');
	PERFORM core.register_check_persons(n -> 'opposite_party', 'opposite_party', 20);
	arr := core.j_arr(n -> 'sections', 'sections', 20);
	IF jsonb_array_length(arr) = 0 THEN
		PERFORM core.fir_bad('sections', 'sections: at least one section is required');
	END IF;
	FOR i IN 0 .. jsonb_array_length(arr) - 1 LOOP
		PERFORM core.fir_check_charge(arr -> i, 'sections[' || i || ']', o_occurred_at, o_occurred_at);
	END LOOP;
	PERFORM core.j_str(n -> 'brief_facts', 'brief_facts', 65536, true);
	v := n -> 'advice_given';
	IF v IS NOT NULL AND jsonb_typeof(v) NOT IN ('boolean', 'null') THEN
		PERFORM core.fir_bad('advice_given', 'advice_given: expected true or false');
	END IF;
	IF v IS DISTINCT FROM 'true'::jsonb THEN
		PERFORM core.fir_bad('advice_given',
			'advice_given must be true: the informant of a non-cognizable offence is referred to the Magistrate (BNSS s.174)');
	END IF;
	PERFORM core.officer_check(n -> 'officer', 'officer', true);
END
$fn$;
COMMENT ON FUNCTION core.ncr_check(jsonb) IS
	'Validate an Ncr: occurred_at and reported_at (required, not in the future, in order), place, informant (named), at most 20 named opposite parties, 1..20 sections checked as FIR charges (IPC before 2024-07-01, BNS from then), brief facts, advice_given true, officer';

CREATE FUNCTION core.ncr_receipt_json(n core.ncr) RETURNS jsonb
LANGUAGE sql STABLE
SET search_path = pg_catalog, pg_temp
AS $fn$
	SELECT jsonb_build_object(
		'ncr_number', core.fir_number_text(n.ncr_no, n.year),
		'year', n.year,
		'number', n.ncr_no,
		'registered_at', core.ist_text(date_trunc('second', n.registered_at)),
		'gd_date', to_char(n.gd_date, 'YYYY-MM-DD'),
		'gd_number', n.gd_no)
$fn$;
COMMENT ON FUNCTION core.ncr_receipt_json(core.ncr) IS 'NcrReceipt message as JSON (without replayed) from a core.ncr row';

CREATE FUNCTION core.ncr_json(n core.ncr) RETURNS jsonb
LANGUAGE sql STABLE
SET search_path = pg_catalog, pg_temp
AS $fn$
	SELECT jsonb_strip_nulls(jsonb_build_object(
		'occurred_at', core.ist_text(n.occurred_at),
		'reported_at', core.ist_text(n.reported_at),
		'place', core.register_place_json(to_jsonb(n)),
		'informant', (SELECT core.register_person_json(to_jsonb(x)) FROM core.ncr_person x
			WHERE x.state_code = n.state_code AND x.year = n.year AND x.ncr_id = n.ncr_id AND x.seq = 1),
		'opposite_party', (SELECT jsonb_agg(core.register_person_json(to_jsonb(x)) ORDER BY x.seq)
			FROM core.ncr_person x
			WHERE x.state_code = n.state_code AND x.year = n.year AND x.ncr_id = n.ncr_id AND x.seq > 1),
		'sections', (SELECT jsonb_agg(jsonb_strip_nulls(jsonb_build_object('act', c.act, 'section', c.section,
				'law', c.law)) ORDER BY c.seq)
			FROM core.ncr_charge c WHERE c.state_code = n.state_code AND c.year = n.year AND c.ncr_id = n.ncr_id),
		'brief_facts', n.brief_facts,
		'advice_given', n.advice_given,
		'officer', core.officer_json(n.officer_number, n.officer_name, n.officer_rank)))
$fn$;
COMMENT ON FUNCTION core.ncr_json(core.ncr) IS 'Ncr message as JSON (pbjson mapping, times in IST) from a core.ncr row';

CREATE FUNCTION api.register_ncr(state int, district int, station int, idem bytea, ncr jsonb)
RETURNS TABLE (receipt jsonb, replayed boolean)
LANGUAGE plpgsql SECURITY DEFINER
SET search_path = pg_catalog, pg_temp
SET constraint_exclusion = off
AS $fn$
#variable_conflict use_column
DECLARE
	v_year int := extract(year FROM now() AT TIME ZONE 'Asia/Kolkata')::int;
	v_old jsonb;
	chk record;
	v_no int;
	v_id bigint := nextval('core.ncr_id_seq');
	v_num text;
	g record;
	n core.ncr;
	pl jsonb;
	el jsonb;
	i int;
BEGIN
	PERFORM core.station_check(state, district, station);
	PERFORM core.ensure_partitions(state, v_year);
	v_old := core.idem_claim(state, district, station, idem,
		sha256(convert_to(coalesce(ncr::text, ''), 'UTF8')), 'register_ncr');
	IF v_old IS NOT NULL THEN
		receipt := v_old || '{"replayed": true}';
		replayed := true;
		RETURN NEXT;
		RETURN;
	END IF;
	SELECT * INTO chk FROM core.ncr_check(ncr);

	v_no := core.next_record_no('ncr', state, district, station, v_year);
	v_num := core.fir_number_text(v_no, v_year);
	SELECT * INTO g FROM core.gd_write(state, district, station, 'ncr',
		format('NCR %s recorded under %s; informant referred to the Magistrate', v_num,
			(SELECT string_agg(CASE WHEN c ->> 'act' = 'special_local' THEN c ->> 'law' ELSE upper(c ->> 'act') END
				|| ' ' || (c ->> 'section'), ', ' ORDER BY o)
			FROM jsonb_array_elements(ncr -> 'sections') WITH ORDINALITY s(c, o))),
		ncr -> 'officer', NULL, NULL, NULL);

	pl := CASE WHEN jsonb_typeof(ncr -> 'place') = 'object' THEN ncr -> 'place' ELSE '{}' END;
	INSERT INTO core.ncr (ncr_id, state_code, year, district_code, station_code, ncr_no, registered_at,
		gd_date, gd_no, idempotency_key, content_sha256, occurred_at, reported_at,
		place_line1, place_line2, place_city, place_district_code, place_state_code, place_pincode,
		place_distance_m, place_direction, place_beat, brief_facts, advice_given,
		officer_number, officer_name, officer_rank)
	VALUES (v_id, state, v_year, district, station, v_no, g.entered_at, g.gd_date, g.gd_no, idem,
		sha256(convert_to(ncr::text, 'UTF8')), chk.o_occurred_at, chk.o_reported_at,
		nullif(pl #>> '{address,line1}', ''), nullif(pl #>> '{address,line2}', ''),
		nullif(pl #>> '{address,city}', ''), nullif(nullif(pl #>> '{address,district_code}', ''), '0')::int,
		nullif(nullif(pl #>> '{address,state_code}', ''), '0')::int, nullif(pl #>> '{address,pincode}', ''),
		nullif(nullif(pl ->> 'distance_m', ''), '0')::int, nullif(pl ->> 'direction', ''),
		nullif(pl ->> 'beat', ''), ncr ->> 'brief_facts', true,
		ncr #>> '{officer,number}', ncr #>> '{officer,name}', ncr #>> '{officer,rank}')
	RETURNING * INTO n;

	INSERT INTO core.ncr_charge (state_code, year, ncr_id, seq, act, section, law)
	SELECT state, v_year, v_id, o - 1, c ->> 'act', c ->> 'section', nullif(c ->> 'law', '')
	FROM jsonb_array_elements(ncr -> 'sections') WITH ORDINALITY s(c, o);

	-- The informant (seq 1, linked as informant) and the opposite parties
	-- (2.., linked as accused).
	FOR i IN 0 .. coalesce(jsonb_array_length(CASE WHEN jsonb_typeof(ncr -> 'opposite_party') = 'array'
			THEN ncr -> 'opposite_party' END), 0) LOOP
		el := CASE WHEN i = 0 THEN ncr -> 'informant' ELSE ncr -> 'opposite_party' -> (i - 1) END;
		INSERT INTO core.ncr_person (state_code, year, ncr_id, seq, role, person_id, name,
			relative_kind, relative_name, gender, date_of_birth, year_of_birth, nationality, occupation,
			addr_line1, addr_line2, addr_city, addr_district_code, addr_state_code, addr_pincode, phone)
		SELECT state, v_year, v_id, i + 1, CASE WHEN i = 0 THEN 'informant' ELSE 'opposite_party' END,
			core.link_person(state, district, station, el,
				CASE WHEN i = 0 THEN 'informant' ELSE 'opposite_party[' || (i - 1) || ']' END,
				CASE WHEN i = 0 THEN 'informant' ELSE 'accused' END, 'ncr', v_year, v_id, NULL, 'NCR ' || v_num),
			c.*
		FROM core.register_person_cols(el) c;
	END LOOP;

	receipt := core.ncr_receipt_json(n);
	PERFORM core.idem_answer(state, district, station, idem, receipt);
	replayed := false;
	RETURN NEXT;
END
$fn$;
COMMENT ON FUNCTION api.register_ncr(int, int, int, bytea, jsonb) IS
	'Record a non-cognizable report (Ncr JSON) with a 16-byte idempotency key: the next NCR number of the station and year, its General Diary entry (kind ncr), the informant and opposite parties linked to the persons master record. Returns the NcrReceipt JSON; the same key and content replay it. CT401, CT400 (COLUMN = path in the Ncr, or idempotency_key), CT409 key reused';

CREATE FUNCTION api.get_ncr(state int, district int, station int, ncr_number text) RETURNS jsonb
LANGUAGE plpgsql STABLE SECURITY DEFINER
SET search_path = pg_catalog, pg_temp
SET constraint_exclusion = off
AS $fn$
DECLARE
	num record;
	n core.ncr;
BEGIN
	PERFORM core.station_check(state, district, station);
	SELECT * INTO num FROM core.register_number_parse(ncr_number, 'ncr_number', 'an NCR');
	SELECT * INTO n FROM core.ncr x
	WHERE x.state_code = state AND x.year = num.year AND x.district_code = district
		AND x.station_code = station AND x.ncr_no = num.no;
	IF NOT FOUND THEN
		PERFORM core.register_not_found('ncr_number', 'NCR', num.no, num.year);
	END IF;
	RETURN jsonb_build_object('receipt', core.ncr_receipt_json(n), 'ncr', core.ncr_json(n));
END
$fn$;
COMMENT ON FUNCTION api.get_ncr(int, int, int, text) IS
	'Read an NCR of the calling station by number: NcrRecord JSON {"receipt", "ncr"}. CT401, CT400 bad number, CT404 none at this station';

-- ------------------------------------------------------------ lost property

CREATE FUNCTION core.lost_report_check(r jsonb, OUT o_from timestamptz, OUT o_to timestamptz)
LANGUAGE plpgsql
SET search_path = pg_catalog, pg_temp
AS $fn$
DECLARE
	keys constant text[] := ARRAY['reporter', 'lost_from', 'lost_to', 'place', 'items', 'circumstances', 'officer'];
	item_keys constant text[] := ARRAY['kind', 'description', 'identifier', 'value_rupees'];
	kinds constant text[] := ARRAY['document', 'mobile_phone', 'wallet', 'cash', 'jewellery', 'bag',
		'electronics', 'keys', 'other'];
	arr jsonb;
	el jsonb;
	p text;
	s text;
BEGIN
	IF r IS NULL OR jsonb_typeof(r) <> 'object' THEN
		PERFORM core.fir_bad('', 'the lost property report must be a JSON object (LostReport)');
	END IF;
	IF r - keys <> '{}' THEN
		PERFORM core.j_keys(r, '', keys);
	END IF;
	PERFORM core.register_check_person(r -> 'reporter', 'reporter');
	o_from := core.read_time(r -> 'lost_from', 'lost_from', true);
	o_to := core.read_time(r -> 'lost_to', 'lost_to', false);
	IF o_to < o_from THEN
		PERFORM core.fir_bad('lost_to', format('lost_to (%s) is before lost_from (%s)',
			core.ist_text(o_to), core.ist_text(o_from)));
	END IF;
	PERFORM core.register_check_place(r -> 'place', 'place');
	arr := core.j_arr(r -> 'items', 'items', 50);
	IF jsonb_array_length(arr) = 0 THEN
		PERFORM core.fir_bad('items', 'items: at least one lost item is required');
	END IF;
	FOR i IN 0 .. jsonb_array_length(arr) - 1 LOOP
		el := arr -> i;
		p := 'items[' || i || ']';
		PERFORM core.j_elem(el, p, item_keys);
		PERFORM core.j_enum(el -> 'kind', p || '.kind', kinds, true);
		PERFORM core.j_str(el -> 'description', p || '.description', 16000, false);
		s := core.j_str(el -> 'identifier', p || '.identifier', 256, false);
		IF core.id_doc_refusal(NULL, s) IS NOT NULL THEN
			PERFORM core.fir_bad(p || '.identifier', p || '.identifier has 12 digits, like a full Aadhaar number, which may never be stored: for a lost Aadhaar card give only its last 4 digits');
		END IF;
		PERFORM core.j_uint(el -> 'value_rupees', p || '.value_rupees', 999999999999);
	END LOOP;
	PERFORM core.j_str(r -> 'circumstances', 'circumstances', 16384, false);
	PERFORM core.officer_check(r -> 'officer', 'officer', true);
END
$fn$;
COMMENT ON FUNCTION core.lost_report_check(jsonb) IS
	'Validate a LostReport: reporter (named), lost_from (required) and lost_to (not in the future, in order), place, 1..50 items (kind, description, identifier never a full Aadhaar number, value 0 .. 10^12 - 1), circumstances, officer';

CREATE FUNCTION core.lost_receipt_json(l core.lost_report) RETURNS jsonb
LANGUAGE sql STABLE
SET search_path = pg_catalog, pg_temp
AS $fn$
	SELECT jsonb_build_object(
		'report_number', core.fir_number_text(l.report_no, l.year),
		'year', l.year,
		'number', l.report_no,
		'registered_at', core.ist_text(date_trunc('second', l.registered_at)),
		'gd_date', to_char(l.gd_date, 'YYYY-MM-DD'),
		'gd_number', l.gd_no)
$fn$;
COMMENT ON FUNCTION core.lost_receipt_json(core.lost_report) IS
	'LostReportReceipt message as JSON (without replayed) from a core.lost_report row';

CREATE FUNCTION core.lost_report_json(l core.lost_report) RETURNS jsonb
LANGUAGE sql STABLE
SET search_path = pg_catalog, pg_temp
AS $fn$
	SELECT jsonb_strip_nulls(jsonb_build_object(
		'reporter', core.register_person_json(to_jsonb(l)),
		'lost_from', core.ist_text(l.lost_from),
		'lost_to', core.ist_text(l.lost_to),
		'place', core.register_place_json(to_jsonb(l)),
		'items', (SELECT jsonb_agg(jsonb_strip_nulls(jsonb_build_object('kind', i.kind,
				'description', i.description, 'identifier', i.identifier,
				'value_rupees', nullif(i.value_rupees, 0))) ORDER BY i.seq)
			FROM core.lost_item i
			WHERE i.state_code = l.state_code AND i.year = l.year AND i.report_id = l.report_id),
		'circumstances', l.circumstances,
		'officer', core.officer_json(l.officer_number, l.officer_name, l.officer_rank)))
$fn$;
COMMENT ON FUNCTION core.lost_report_json(core.lost_report) IS
	'LostReport message as JSON (pbjson mapping, times in IST) from a core.lost_report row';

CREATE FUNCTION api.register_lost_report(state int, district int, station int, idem bytea, report jsonb)
RETURNS TABLE (receipt jsonb, replayed boolean)
LANGUAGE plpgsql SECURITY DEFINER
SET search_path = pg_catalog, pg_temp
SET constraint_exclusion = off
AS $fn$
#variable_conflict use_column
DECLARE
	v_year int := extract(year FROM now() AT TIME ZONE 'Asia/Kolkata')::int;
	v_old jsonb;
	chk record;
	v_no int;
	v_id bigint := nextval('core.lost_report_id_seq');
	v_num text;
	g record;
	l core.lost_report;
	pl jsonb;
	pid bigint;
BEGIN
	PERFORM core.station_check(state, district, station);
	PERFORM core.ensure_partitions(state, v_year);
	v_old := core.idem_claim(state, district, station, idem,
		sha256(convert_to(coalesce(report::text, ''), 'UTF8')), 'register_lost_report');
	IF v_old IS NOT NULL THEN
		receipt := v_old || '{"replayed": true}';
		replayed := true;
		RETURN NEXT;
		RETURN;
	END IF;
	SELECT * INTO chk FROM core.lost_report_check(report);

	v_no := core.next_record_no('lost_property', state, district, station, v_year);
	v_num := core.fir_number_text(v_no, v_year);
	SELECT * INTO g FROM core.gd_write(state, district, station, 'lost_property',
		format('Lost property report %s recorded: %s item%s (%s)', v_num, jsonb_array_length(report -> 'items'),
			CASE WHEN jsonb_array_length(report -> 'items') > 1 THEN 's' ELSE '' END,
			(SELECT string_agg(replace(x.k, '_', ' '), ', ' ORDER BY x.first)
			FROM (SELECT i ->> 'kind' AS k, min(o) AS first
				FROM jsonb_array_elements(report -> 'items') WITH ORDINALITY s(i, o) GROUP BY 1) x)),
		report -> 'officer', NULL, NULL, NULL);

	pid := core.link_person(state, district, station, report -> 'reporter', 'reporter', 'owner', 'lost_property',
		v_year, v_id, NULL, 'Lost property report ' || v_num);
	pl := CASE WHEN jsonb_typeof(report -> 'place') = 'object' THEN report -> 'place' ELSE '{}' END;
	INSERT INTO core.lost_report (report_id, state_code, year, district_code, station_code, report_no,
		registered_at, gd_date, gd_no, idempotency_key, content_sha256, person_id, name, relative_kind,
		relative_name, gender, date_of_birth, year_of_birth, nationality, occupation, addr_line1, addr_line2,
		addr_city, addr_district_code, addr_state_code, addr_pincode, phone, lost_from, lost_to,
		place_line1, place_line2, place_city, place_district_code, place_state_code, place_pincode,
		place_distance_m, place_direction, place_beat, circumstances, officer_number, officer_name, officer_rank)
	SELECT v_id, state, v_year, district, station, v_no, g.entered_at, g.gd_date, g.gd_no, idem,
		sha256(convert_to(report::text, 'UTF8')), pid, c.*, chk.o_from, chk.o_to,
		nullif(pl #>> '{address,line1}', ''), nullif(pl #>> '{address,line2}', ''),
		nullif(pl #>> '{address,city}', ''), nullif(nullif(pl #>> '{address,district_code}', ''), '0')::int,
		nullif(nullif(pl #>> '{address,state_code}', ''), '0')::int, nullif(pl #>> '{address,pincode}', ''),
		nullif(nullif(pl ->> 'distance_m', ''), '0')::int, nullif(pl ->> 'direction', ''),
		nullif(pl ->> 'beat', ''), nullif(report ->> 'circumstances', ''),
		report #>> '{officer,number}', report #>> '{officer,name}', report #>> '{officer,rank}'
	FROM core.register_person_cols(report -> 'reporter') c
	RETURNING * INTO l;

	INSERT INTO core.lost_item (state_code, year, report_id, seq, kind, description, identifier, value_rupees)
	SELECT state, v_year, v_id, o - 1, i ->> 'kind', nullif(i ->> 'description', ''),
		nullif(i ->> 'identifier', ''), nullif(nullif(i ->> 'value_rupees', ''), '0')::bigint
	FROM jsonb_array_elements(report -> 'items') WITH ORDINALITY s(i, o);

	receipt := core.lost_receipt_json(l);
	PERFORM core.idem_answer(state, district, station, idem, receipt);
	replayed := false;
	RETURN NEXT;
END
$fn$;
COMMENT ON FUNCTION api.register_lost_report(int, int, int, bytea, jsonb) IS
	'Record a lost property report (LostReport JSON) with a 16-byte idempotency key: the next report number of the station and year, its General Diary entry (kind lost_property), the reporter linked to the persons master record as owner. Returns the LostReportReceipt JSON; the same key and content replay it. CT401, CT400 (COLUMN = path in the LostReport, or idempotency_key), CT409 key reused';

CREATE FUNCTION api.get_lost_report(state int, district int, station int, report_number text) RETURNS jsonb
LANGUAGE plpgsql STABLE SECURITY DEFINER
SET search_path = pg_catalog, pg_temp
SET constraint_exclusion = off
AS $fn$
DECLARE
	num record;
	l core.lost_report;
BEGIN
	PERFORM core.station_check(state, district, station);
	SELECT * INTO num FROM core.register_number_parse(report_number, 'report_number', 'a lost property report');
	SELECT * INTO l FROM core.lost_report x
	WHERE x.state_code = state AND x.year = num.year AND x.district_code = district
		AND x.station_code = station AND x.report_no = num.no;
	IF NOT FOUND THEN
		PERFORM core.register_not_found('report_number', 'lost property report', num.no, num.year);
	END IF;
	RETURN jsonb_build_object('receipt', core.lost_receipt_json(l), 'report', core.lost_report_json(l));
END
$fn$;
COMMENT ON FUNCTION api.get_lost_report(int, int, int, text) IS
	'Read a lost property report of the calling station by number: LostReportRecord JSON {"receipt", "report"}. CT401, CT400 bad number, CT404 none at this station';

-- ------------------------------------------------------------ access

REVOKE ALL ON ALL FUNCTIONS IN SCHEMA api FROM PUBLIC;
REVOKE ALL ON ALL FUNCTIONS IN SCHEMA core FROM PUBLIC;
GRANT EXECUTE ON FUNCTION api.register_petition(int, int, int, bytea, jsonb),
	api.get_petition(int, int, int, text),
	api.assign_enquiry(int, int, int, bytea, text, jsonb),
	api.report_enquiry(int, int, int, bytea, text, jsonb),
	api.dispose_petition(int, int, int, bytea, text, jsonb),
	api.register_ncr(int, int, int, bytea, jsonb),
	api.get_ncr(int, int, int, text),
	api.register_lost_report(int, int, int, bytea, jsonb),
	api.get_lost_report(int, int, int, text)
	TO cctns_server;
