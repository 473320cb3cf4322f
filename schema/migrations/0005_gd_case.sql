-- 0005_gd_case.sql: the General Diary, the officer on an FIR, the case status
-- machine and the case timeline, and the api functions for them.
--
-- api.register_fir(state, district, station, idem bytea, fir jsonb)
--     -> (fir_number, year, number, registered_at, replayed,
--         gd_date, gd_number, gd_entered_at)                  CT401 CT400 CT409
--     now also writes the FIR's General Diary entry (before the FIR row, which
--     references it) and the case event fir_registered; stores fir.officer
-- api.get_fir: as before, plus receipt.gd_* and content.officer
-- api.add_gd_entry(state, district, station, idem bytea, new_entry jsonb)
--     -> (entry jsonb GdEntry, replayed)                      CT401 CT400 CT409
-- api.get_gd(state, district, station, day text) -> jsonb GdDay  CT401 CT400
-- api.assign_io(state, district, station, fir_number text, req jsonb)
--     -> jsonb CaseTimeline                              CT401 CT400 CT404 CT409
-- api.case_timeline(state, district, station, fir_number text)
--     -> jsonb CaseTimeline                                    CT401 CT400 CT404
--
-- JSON in and out as in 0004 (pbjson mapping: proto field names, enums as
-- short lower-case names, unset fields omitted, times RFC 3339 in IST).
-- CT400's COLUMN is the field path inside the JSON document passed, except
-- idempotency_key, fir_number and date (get_gd), the request's own fields.
--
-- New tables follow core.fir: partitioned LIST (state_code) then RANGE
-- (year), partitions made by core.ensure_partitions, which now reads the
-- list of partitioned tables from core.partitioned_table (0006 adds arrest).

-- ------------------------------------------------------------ case status (ref)

CREATE TABLE ref.case_status (
	code text PRIMARY KEY CHECK (code ~ '^[a-z_]+$'),
	number smallint NOT NULL UNIQUE CHECK (number > 0),
	final boolean NOT NULL,
	description text NOT NULL
);
COMMENT ON TABLE ref.case_status IS
	'The states of a case (proto enum CaseStatus), one row each; the permitted moves are ref.case_transition';
COMMENT ON COLUMN ref.case_status.code IS 'Short lower-case name as in the JSON mapping: registered, under_investigation, ...';
COMMENT ON COLUMN ref.case_status.number IS 'The CaseStatus enum number in proto/cctns.proto';
COMMENT ON COLUMN ref.case_status.final IS 'True when no transition leaves this status';
COMMENT ON COLUMN ref.case_status.description IS 'What the status means';

INSERT INTO ref.case_status (code, number, final, description) VALUES
	('registered', 1, false, 'FIR registered, no investigating officer yet'),
	('under_investigation', 2, false, 'An investigating officer is assigned'),
	('transferred', 3, true, 'Sent to the competent station (zero FIR)'),
	('charge_sheeted', 4, false, 'Final report: charge-sheet filed'),
	('final_report', 5, false, 'Final report: not charge-sheeted'),
	('court_disposed', 6, false, 'Court decided (IIF-VI)'),
	('in_appeal', 7, false, 'An appeal is pending'),
	('appeal_decided', 8, true, 'Result of appeal recorded (IIF-VII)');

CREATE TABLE ref.case_transition (
	from_status text NOT NULL REFERENCES ref.case_status (code),
	to_status text NOT NULL REFERENCES ref.case_status (code),
	description text NOT NULL,
	PRIMARY KEY (from_status, to_status),
	CHECK (from_status <> to_status)
);
COMMENT ON TABLE ref.case_transition IS
	'Permitted changes of a case''s status, exactly as the comment above CaseStatus in proto/cctns.proto; the trigger fir_status_transition on core.fir refuses every other change, whoever makes it';
COMMENT ON COLUMN ref.case_transition.from_status IS 'Status before the change';
COMMENT ON COLUMN ref.case_transition.to_status IS 'Status after the change';
COMMENT ON COLUMN ref.case_transition.description IS 'When the move happens';

INSERT INTO ref.case_transition (from_status, to_status, description) VALUES
	('registered', 'under_investigation', 'an investigating officer is assigned'),
	('registered', 'transferred', 'sent to the competent station'),
	('under_investigation', 'charge_sheeted', 'charge-sheet filed'),
	('under_investigation', 'final_report', 'final report, not charge-sheeted'),
	('under_investigation', 'transferred', 'sent to the competent station'),
	('charge_sheeted', 'under_investigation', 'further investigation'),
	('charge_sheeted', 'court_disposed', 'the court decided'),
	('final_report', 'under_investigation', 'reinvestigation'),
	('final_report', 'court_disposed', 'the court decided'),
	('court_disposed', 'in_appeal', 'an appeal was filed'),
	('in_appeal', 'appeal_decided', 'the appeal was decided');

GRANT SELECT ON ref.case_status, ref.case_transition TO cctns_analyst;

-- ------------------------------------------------------------ partitioned tables

-- Case tables are created by core.ensure_partitions in create_order: the
-- order in which registrations touch them (the General Diary entry comes
-- before the FIR that references it), so a creator takes its locks in the
-- same order as the transactions it waits for.
CREATE TABLE core.partitioned_table (
	name text PRIMARY KEY CHECK (name ~ '^[a-z][a-z_]*$'),
	create_order int NOT NULL UNIQUE,
	append_only boolean NOT NULL DEFAULT false
);
COMMENT ON TABLE core.partitioned_table IS
	'The case tables partitioned LIST (state_code) then RANGE (year); core.ensure_partitions creates core.<name>_<state> and core.<name>_<state>_<year> for each';
COMMENT ON COLUMN core.partitioned_table.name IS 'Table name in schema core';
COMMENT ON COLUMN core.partitioned_table.create_order IS 'Partitions are created in this order (the order registrations write the tables)';
COMMENT ON COLUMN core.partitioned_table.append_only IS 'True for append-only tables: each partition gets a trigger refusing TRUNCATE (rows are guarded by the parent''s row trigger)';

INSERT INTO core.partitioned_table (name, create_order, append_only) VALUES
	('gd_entry', 10, true),
	('fir', 20, false),
	('fir_charge', 30, false),
	('fir_person', 40, false),
	('fir_property', 50, false),
	('case_event', 60, false);

CREATE FUNCTION core.append_only() RETURNS trigger
LANGUAGE plpgsql
SET search_path = pg_catalog, pg_temp
AS $fn$
BEGIN
	RAISE EXCEPTION USING ERRCODE = 'CT403',
		MESSAGE = format('core.%s is append-only: %s refused', TG_TABLE_NAME, TG_OP),
		HINT = 'a General Diary mistake is put right by a new correction entry that names the entry it corrects';
END
$fn$;
COMMENT ON FUNCTION core.append_only() IS
	'Trigger: refuse UPDATE, DELETE and TRUNCATE (CT403) on an append-only table, for every role including the owner';

-- ------------------------------------------------------------ domains
-- register_fir now writes three more tables, and every rule costs it: a
-- CHECK constraint is read back from its stored text and prepared again by
-- every INSERT statement (a plpgsql function called from a CHECK fares no
-- better: its expressions are prepared again in every transaction). So the
-- single-column rules of these tables are domains (their checks come ready
-- from the type cache), and the CHECKs across columns keep only the rules
-- that no writer may break: the diary's day, corrections, an FIR's diary
-- entry. Completeness of officers and the like is the api's
-- validation (see schema/README.md, cost of api.register_fir).

CREATE DOMAIN core.case_status_code AS text
	CHECK (VALUE IN ('registered', 'under_investigation', 'transferred', 'charge_sheeted', 'final_report',
		'court_disposed', 'in_appeal', 'appeal_decided'));
COMMENT ON DOMAIN core.case_status_code IS
	'CaseStatus: the codes of ref.case_status (the checks of schema/tests assert they agree); a domain rather than a foreign key, which would cost a lookup per FIR';
CREATE DOMAIN core.gd_kind AS text
	CHECK (VALUE IN ('general', 'fir', 'arrest', 'seizure', 'property_deposit', 'correction', 'departure', 'arrival'));
COMMENT ON DOMAIN core.gd_kind IS
	'GdKind: general, correction, departure, arrival (added by stations); fir, arrest, seizure, property_deposit (written by the server)';
CREATE DOMAIN core.case_event_kind AS text
	CHECK (VALUE IN ('fir_registered', 'io_assigned', 'io_changed', 'arrest', 'status_changed'));
COMMENT ON DOMAIN core.case_event_kind IS 'CaseEventKind: fir_registered, io_assigned, io_changed, arrest, status_changed';
CREATE DOMAIN core.accused_code AS text CHECK (VALUE ~ '^[A-Z][1-9]$');
COMMENT ON DOMAIN core.accused_code IS 'Accused code within an FIR: A1..A9, B1..B9, ... Z9';
CREATE DOMAIN core.entry_text AS text CHECK (VALUE <> '' AND octet_length(VALUE) <= 16384);
COMMENT ON DOMAIN core.entry_text IS 'Text of a diary entry or timeline event: not empty, at most 16 KiB';
CREATE DOMAIN core.positive_int AS int CHECK (VALUE > 0);
COMMENT ON DOMAIN core.positive_int IS 'A number counted from 1 (entry numbers, event sequence)';

-- ------------------------------------------------------------ General Diary

CREATE TABLE core.gd_counter (
	state_code int NOT NULL,
	district_code int NOT NULL,
	station_code int NOT NULL,
	gd_date date NOT NULL,
	last_no int NOT NULL CHECK (last_no > 0),
	PRIMARY KEY (state_code, district_code, station_code, gd_date),
	FOREIGN KEY (state_code, district_code, station_code)
		REFERENCES ref.station (state_code, district_code, station_code)
);
COMMENT ON TABLE core.gd_counter IS
	'Last General Diary entry number per station per day (IST). Incremented with INSERT ... ON CONFLICT DO UPDATE inside the writing transaction, like core.fir_counter: gapless. Rows of past days are never written again';
COMMENT ON COLUMN core.gd_counter.state_code IS 'LGD state code of the station';
COMMENT ON COLUMN core.gd_counter.district_code IS 'LGD district code of the station';
COMMENT ON COLUMN core.gd_counter.station_code IS 'Station code';
COMMENT ON COLUMN core.gd_counter.gd_date IS 'The station day (date in India Standard Time)';
COMMENT ON COLUMN core.gd_counter.last_no IS 'Last entry number given out that day';

CREATE TABLE core.gd_entry (
	state_code int NOT NULL,
	year smallint NOT NULL,
	district_code int NOT NULL,
	station_code int NOT NULL,
	gd_date date NOT NULL,
	gd_no core.positive_int NOT NULL,
	entered_at timestamptz NOT NULL DEFAULT now(),
	kind core.gd_kind NOT NULL,
	text core.entry_text NOT NULL,
	officer_number text,
	officer_name text,
	officer_rank text,
	corrects_date date,
	corrects_no int,
	corrects_year smallint GENERATED ALWAYS AS (extract(year FROM corrects_date)::smallint) STORED,
	fir_year smallint,
	fir_no int,
	accused_code core.accused_code,
	-- The station, day and number first, state and year last (as core.fir).
	PRIMARY KEY (district_code, station_code, gd_date, gd_no, state_code, year),
	FOREIGN KEY (state_code, district_code, station_code)
		REFERENCES ref.station (state_code, district_code, station_code),
	CONSTRAINT gd_entry_corrects_fkey
		FOREIGN KEY (district_code, station_code, corrects_date, corrects_no, state_code, corrects_year)
		REFERENCES core.gd_entry (district_code, station_code, gd_date, gd_no, state_code, year),
	-- The day is the IST date of entered_at, its year the partition's; a
	-- correction, and only a correction, names the entry it corrects.
	CONSTRAINT gd_entry_consistent CHECK (gd_date = (entered_at AT TIME ZONE 'Asia/Kolkata')::date
		AND year = extract(year FROM gd_date)
		AND (kind = 'correction') = (corrects_no IS NOT NULL)
		AND (corrects_date IS NULL) = (corrects_no IS NULL))
) PARTITION BY LIST (state_code);

COMMENT ON TABLE core.gd_entry IS
	'General Diary: numbered, timed entries per station per day (IST). Append-only for every role (trigger gd_entry_append_only, and TRUNCATE triggers on every level): a mistake is put right by a correction entry that references the entry it corrects. The server writes the entries for FIRs and arrests; stations add general, correction, departure and arrival entries. Partitioned like core.fir by the year of gd_date';
COMMENT ON COLUMN core.gd_entry.state_code IS 'LGD state code of the station (partition key)';
COMMENT ON COLUMN core.gd_entry.year IS 'Year of gd_date (partition key)';
COMMENT ON COLUMN core.gd_entry.district_code IS 'LGD district code of the station';
COMMENT ON COLUMN core.gd_entry.station_code IS 'Station code';
COMMENT ON COLUMN core.gd_entry.gd_date IS 'The station day of the entry: date of entered_at in India Standard Time';
COMMENT ON COLUMN core.gd_entry.gd_no IS 'Entry number: 1.. per station per day, gapless (core.gd_counter)';
COMMENT ON COLUMN core.gd_entry.entered_at IS 'When the entry was written (transaction time)';
COMMENT ON COLUMN core.gd_entry.kind IS 'GdKind: general, fir, arrest, seizure, property_deposit (written by the server), correction, departure, arrival';
COMMENT ON COLUMN core.gd_entry.text IS 'The entry, up to 16 KiB; server-written entries carry no personal data';
COMMENT ON COLUMN core.gd_entry.officer_number IS 'Officer who made the entry: belt or service number (required for station entries)';
COMMENT ON COLUMN core.gd_entry.officer_name IS 'Officer who made the entry: name';
COMMENT ON COLUMN core.gd_entry.officer_rank IS 'Officer who made the entry: rank';
COMMENT ON COLUMN core.gd_entry.corrects_date IS 'Correction entries: day of the entry corrected (same station)';
COMMENT ON COLUMN core.gd_entry.corrects_no IS 'Correction entries: number of the entry corrected';
COMMENT ON COLUMN core.gd_entry.corrects_year IS 'Generated: year of corrects_date (foreign key to the corrected entry''s partition)';
COMMENT ON COLUMN core.gd_entry.fir_year IS 'Entries about a case (fir, arrest): year of its FIR number';
COMMENT ON COLUMN core.gd_entry.fir_no IS 'Entries about a case (fir, arrest): the FIR number at this station (written 0042/2026)';
COMMENT ON COLUMN core.gd_entry.accused_code IS 'Arrest entries: the accused, e.g. A1';

CREATE TRIGGER gd_entry_append_only BEFORE UPDATE OR DELETE ON core.gd_entry
	FOR EACH ROW EXECUTE FUNCTION core.append_only();
CREATE TRIGGER gd_entry_no_truncate BEFORE TRUNCATE ON core.gd_entry
	FOR EACH STATEMENT EXECUTE FUNCTION core.append_only();

-- ------------------------------------------------------------ core.fir: officer, GD entry, status, IO

ALTER TABLE core.fir
	ADD COLUMN officer_number text,
	ADD COLUMN officer_name text,
	ADD COLUMN officer_rank text,
	ADD COLUMN gd_date date,
	ADD COLUMN gd_no int,
	ADD COLUMN status core.case_status_code NOT NULL DEFAULT 'registered',
	ADD COLUMN io_number text,
	ADD COLUMN io_name text,
	ADD COLUMN io_rank text,
	-- The FIR's diary entry: same station, same year (the entry is written in
	-- the registering transaction, so on the day of registered_at).
	ADD CONSTRAINT fir_gd_entry_fkey
		FOREIGN KEY (district_code, station_code, gd_date, gd_no, state_code, year)
		REFERENCES core.gd_entry (district_code, station_code, gd_date, gd_no, state_code, year);

-- Every FIR has its diary entry, except those registered before this
-- migration (the diary did not exist). The cut-off is taken now that this
-- transaction holds core.fir exclusively, so every FIR without an entry is
-- older than it.
DO $gd$
BEGIN
	EXECUTE format($ddl$ALTER TABLE core.fir ADD CONSTRAINT fir_gd_entry_given
		CHECK ((gd_date IS NULL) = (gd_no IS NULL) AND (gd_no IS NOT NULL OR registered_at < %L::timestamptz))$ddl$,
		clock_timestamp());
END
$gd$;

COMMENT ON COLUMN core.fir.officer_number IS 'FirContent.officer: the officer who recorded the FIR, belt or service number (NULL if not given)';
COMMENT ON COLUMN core.fir.officer_name IS 'FirContent.officer: name';
COMMENT ON COLUMN core.fir.officer_rank IS 'FirContent.officer: rank';
COMMENT ON COLUMN core.fir.gd_date IS 'Day of the FIR''s General Diary entry (written in the registering transaction, before the FIR); NULL only for FIRs registered before the diary existed (migration 0005: CHECK fir_gd_entry_given)';
COMMENT ON COLUMN core.fir.gd_no IS 'Number of the FIR''s General Diary entry that day';
COMMENT ON COLUMN core.fir.status IS 'CaseStatus (a code of ref.case_status); changes only along ref.case_transition (trigger fir_status_transition)';
COMMENT ON COLUMN core.fir.io_number IS 'Current investigating officer: belt or service number (api.assign_io; the history is in core.case_event)';
COMMENT ON COLUMN core.fir.io_name IS 'Current investigating officer: name';
COMMENT ON COLUMN core.fir.io_rank IS 'Current investigating officer: rank';

CREATE FUNCTION core.fir_status_guard() RETURNS trigger
LANGUAGE plpgsql
SET search_path = pg_catalog, pg_temp
AS $fn$
BEGIN
	IF NOT EXISTS (SELECT 1 FROM ref.case_transition t
		WHERE t.from_status = OLD.status AND t.to_status = NEW.status) THEN
		RAISE EXCEPTION USING ERRCODE = 'CT409', COLUMN = 'status',
			MESSAGE = format('the status of FIR %s cannot change from %s to %s: not a permitted transition',
				core.fir_number_text(OLD.fir_no, OLD.year), OLD.status, NEW.status),
			HINT = 'ref.case_transition lists the permitted transitions';
	END IF;
	RETURN NEW;
END
$fn$;
COMMENT ON FUNCTION core.fir_status_guard() IS
	'Trigger: refuse (CT409) a change of core.fir.status that is not in ref.case_transition';

CREATE TRIGGER fir_status_transition BEFORE UPDATE OF status ON core.fir
	FOR EACH ROW WHEN (OLD.status IS DISTINCT FROM NEW.status)
	EXECUTE FUNCTION core.fir_status_guard();

-- ------------------------------------------------------------ case timeline

CREATE TABLE core.case_event (
	state_code int NOT NULL,
	year smallint NOT NULL,
	fir_id bigint NOT NULL,
	seq core.positive_int NOT NULL,
	at timestamptz NOT NULL DEFAULT now(),
	kind core.case_event_kind NOT NULL,
	status core.case_status_code NOT NULL,
	officer_number text,
	officer_name text,
	officer_rank text,
	summary core.entry_text NOT NULL,
	gd_date date,
	gd_no int,
	accused_code core.accused_code,
	PRIMARY KEY (state_code, year, fir_id, seq),
	FOREIGN KEY (state_code, year, fir_id) REFERENCES core.fir (state_code, year, fir_id)
		ON DELETE CASCADE
) PARTITION BY LIST (state_code);

COMMENT ON TABLE core.case_event IS
	'The timeline of a case: one row per event (FIR registered, investigating officer assigned or changed, arrest, status change), with the status after it and the acting officer. Written only by the api functions. Partitioned like core.fir (by the FIR''s year)';
COMMENT ON COLUMN core.case_event.state_code IS 'Partition key, as core.fir';
COMMENT ON COLUMN core.case_event.year IS 'Partition key: the FIR''s year, as core.fir';
COMMENT ON COLUMN core.case_event.fir_id IS 'The FIR (core.fir.fir_id)';
COMMENT ON COLUMN core.case_event.seq IS 'Order in which events were recorded for the FIR, from 1 (fir_registered)';
COMMENT ON COLUMN core.case_event.at IS 'When it happened: registration, assignment, or the time of arrest';
COMMENT ON COLUMN core.case_event.kind IS 'CaseEventKind: fir_registered, io_assigned, io_changed, arrest, status_changed';
COMMENT ON COLUMN core.case_event.status IS 'Status of the case after the event (a code of ref.case_status)';
COMMENT ON COLUMN core.case_event.officer_number IS 'Officer who acted: belt or service number (NULL when the FIR named none)';
COMMENT ON COLUMN core.case_event.officer_name IS 'Officer who acted: name';
COMMENT ON COLUMN core.case_event.officer_rank IS 'Officer who acted: rank';
COMMENT ON COLUMN core.case_event.summary IS 'One line for a person; no personal data of complainant or accused';
COMMENT ON COLUMN core.case_event.gd_date IS 'Day of the General Diary entry of the event, if any';
COMMENT ON COLUMN core.case_event.gd_no IS 'Number of the General Diary entry of the event, if any';
COMMENT ON COLUMN core.case_event.accused_code IS 'Arrest events: the accused, e.g. A1';

-- ------------------------------------------------------------ idempotency for every write

-- Every registration writes this table first: the request names are a
-- domain, not a CHECK (see the domains above).
CREATE DOMAIN core.idempotent_request AS text CHECK (VALUE IN ('register_fir', 'add_gd_entry', 'register_arrest'));
COMMENT ON DOMAIN core.idempotent_request IS 'The api writes that take an idempotency key: register_fir, add_gd_entry, register_arrest';

ALTER TABLE core.idempotency
	ADD COLUMN request core.idempotent_request NOT NULL DEFAULT 'register_fir',
	ADD COLUMN response jsonb;

COMMENT ON TABLE core.idempotency IS
	'Idempotency keys of writes per station (FIRs, diary entries, arrests): the same key with the same content replays the original answer, with other content or for another request is a conflict (CT409). Not visible to analysts';
COMMENT ON COLUMN core.idempotency.content_sha256 IS 'SHA-256 of the request content (jsonb text form; for arrests preceded by the FIR number) written with this key';
COMMENT ON COLUMN core.idempotency.request IS 'The api call that used the key: register_fir, add_gd_entry, register_arrest';
COMMENT ON COLUMN core.idempotency.response IS 'add_gd_entry and register_arrest: the answer given (GdEntry, ArrestReceipt JSON), replayed as it is; NULL for register_fir (found by year and fir_id, set only for it)';

-- ------------------------------------------------------------ partitions

CREATE OR REPLACE FUNCTION core.ensure_partitions(state int, year int) RETURNS int
LANGUAGE plpgsql
SET search_path = pg_catalog, pg_temp
AS $fn$
DECLARE
	t core.partitioned_table;
	part text;
	made int := 0;
BEGIN
	IF state IS NULL OR state <= 0 OR year IS NULL OR year < 2000 OR year > 2199 THEN
		RAISE EXCEPTION 'core.ensure_partitions: bad state % or year %', state, year
			USING ERRCODE = 'invalid_parameter_value';
	END IF;
	-- Fast path: a catalog lookup per table, no lock.
	IF NOT EXISTS (SELECT 1 FROM core.partitioned_table p
		WHERE to_regclass(format('core.%I', p.name || '_' || state || '_' || year)) IS NULL) THEN
		RETURN 0;
	END IF;

	-- One creator at a time; whoever waited re-checks what now exists.
	PERFORM pg_catalog.pg_advisory_xact_lock(1128485966, 2);
	IF NOT EXISTS (SELECT 1 FROM ref.state s WHERE s.code = state) THEN
		RAISE EXCEPTION 'core.ensure_partitions: no state % in ref.state', state
			USING ERRCODE = 'foreign_key_violation';
	END IF;
	FOR t IN SELECT * FROM core.partitioned_table p ORDER BY p.create_order LOOP
		part := t.name || '_' || state;
		IF to_regclass(format('core.%I', part)) IS NULL THEN
			EXECUTE format('CREATE TABLE core.%I PARTITION OF core.%I FOR VALUES IN (%s) PARTITION BY RANGE (year)',
				part, t.name, state);
			EXECUTE format('GRANT SELECT ON core.%I TO cctns_analyst', part);
			IF t.append_only THEN
				EXECUTE format('CREATE TRIGGER %I BEFORE TRUNCATE ON core.%I FOR EACH STATEMENT EXECUTE FUNCTION core.append_only()',
					t.name || '_no_truncate', part);
			END IF;
			made := made + 1;
		END IF;
		part := t.name || '_' || state || '_' || year;
		IF to_regclass(format('core.%I', part)) IS NULL THEN
			EXECUTE format('CREATE TABLE core.%I PARTITION OF core.%I FOR VALUES FROM (%s) TO (%s)',
				part, t.name || '_' || state, year, year + 1);
			EXECUTE format('GRANT SELECT ON core.%I TO cctns_analyst', part);
			IF t.append_only THEN
				EXECUTE format('CREATE TRIGGER %I BEFORE TRUNCATE ON core.%I FOR EACH STATEMENT EXECUTE FUNCTION core.append_only()',
					t.name || '_no_truncate', part);
			END IF;
			made := made + 1;
		END IF;
	END LOOP;
	RETURN made;
END
$fn$;

COMMENT ON FUNCTION core.ensure_partitions(int, int) IS
	'Create the missing partitions core.<table>_<state> and core.<table>_<state>_<year> of every table in core.partitioned_table, in its create_order; returns how many were created. Fast path is a catalog lookup; creation runs under a transaction advisory lock';

-- The new tables get partitions for every state and year that has FIRs.
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

-- FIRs registered before this migration get their first timeline event.
INSERT INTO core.case_event (state_code, year, fir_id, seq, at, kind, status, summary)
SELECT f.state_code, f.year, f.fir_id, 1, f.registered_at, 'fir_registered', 'registered',
	'FIR ' || core.fir_number_text(f.fir_no, f.year) || ' registered under '
		|| (SELECT string_agg(CASE WHEN c.act = 'special_local' THEN c.law ELSE upper(c.act) END
				|| ' ' || c.section, ', ' ORDER BY c.seq)
			FROM core.fir_charge c
			WHERE c.state_code = f.state_code AND c.year = f.year AND c.fir_id = f.fir_id)
FROM core.fir f;

-- ------------------------------------------------------------ readers

CREATE FUNCTION core.read_time(v jsonb, path text, required boolean) RETURNS timestamptz
LANGUAGE plpgsql
SET search_path = pg_catalog, pg_temp
AS $fn$
DECLARE
	-- As core.fir_check: a time the cast surely takes, after 1950; the rest
	-- (every wrong or odd time, and absent-but-required) goes to core.j_time.
	time_re constant text := '^(195[1-9]|19[6-9][0-9]|2[0-9]{3})-'
		'((0[1-9]|1[0-2])-(0[1-9]|1[0-9]|2[0-8])|(0[13-9]|1[0-2])-(29|30)|(0[13578]|1[02])-31)'
		'T([01][0-9]|2[0-3]):[0-5][0-9]:[0-5][0-9](\.[0-9]{1,6})?(Z|[+-](0[0-9]|1[0-4]):[0-5][0-9])$';
	t timestamptz;
BEGIN
	IF jsonb_typeof(v) = 'string' AND v #>> '{}' ~ time_re THEN
		t := (v #>> '{}')::timestamptz;
	END IF;
	IF (t IS NULL AND (v IS NOT NULL OR required)) OR t > now() THEN
		t := core.j_time(v, path, required);
	END IF;
	RETURN t;
END
$fn$;
COMMENT ON FUNCTION core.read_time(jsonb, text, boolean) IS
	'Read an RFC 3339 time field: inline for a plainly valid value, else core.j_time (CT400 when malformed, before 1950, in the future, or missing but required); NULL when absent';

CREATE FUNCTION core.read_date(v jsonb, path text) RETURNS date
LANGUAGE plpgsql
SET search_path = pg_catalog, pg_temp
AS $fn$
BEGIN
	-- Years 1000..2999 and a day every such month has; the rest: core.j_date.
	IF jsonb_typeof(v) = 'string' AND v #>> '{}' ~
		'^[12][0-9]{3}-((0[1-9]|1[0-2])-(0[1-9]|1[0-9]|2[0-8])|(0[13-9]|1[0-2])-(29|30)|(0[13578]|1[02])-31)$' THEN
		RETURN (v #>> '{}')::date;
	END IF;
	RETURN core.j_date(v, path);
END
$fn$;
COMMENT ON FUNCTION core.read_date(jsonb, text) IS
	'Read a YYYY-MM-DD date field: inline for a plainly valid value, else core.j_date (CT400 when malformed or impossible); NULL when absent or ""';

CREATE FUNCTION core.officer_check(o jsonb, path text, required boolean) RETURNS jsonb
LANGUAGE plpgsql
SET search_path = pg_catalog, pg_temp
AS $fn$
DECLARE
	keys constant text[] := ARRAY['number', 'name', 'rank'];
BEGIN
	IF (CASE WHEN jsonb_typeof(o) = 'object' THEN o - keys = '{}'
			AND jsonb_typeof(o -> 'number') = 'string' AND octet_length(o ->> 'number') BETWEEN 1 AND 32
			AND jsonb_typeof(o -> 'name') = 'string' AND octet_length(o ->> 'name') BETWEEN 1 AND 600
			AND jsonb_typeof(o -> 'rank') = 'string' AND octet_length(o ->> 'rank') BETWEEN 1 AND 100 END) THEN
		RETURN o;
	END IF;
	-- Absent, JSON null, or (when optional) an empty message: no officer.
	IF o IS NULL OR jsonb_typeof(o) = 'null' OR (NOT required AND o = '{}') THEN
		IF required THEN
			PERFORM core.fir_bad(path, path || ' is required: the officer''s number, name and rank');
		END IF;
		RETURN NULL;
	END IF;
	PERFORM core.j_obj(o, path, keys, true);
	PERFORM core.j_str(o -> 'number', path || '.number', 32, true);
	PERFORM core.j_str(o -> 'name', path || '.name', 600, true);
	PERFORM core.j_str(o -> 'rank', path || '.rank', 100, true);
	RETURN o;
END
$fn$;
COMMENT ON FUNCTION core.officer_check(jsonb, text, boolean) IS
	'Validate an Officer: number (32 bytes), name (600) and rank (100) all required. Returns it, or NULL when absent (CT400 when required); an empty object counts as absent when optional';

CREATE FUNCTION core.fir_number_parse(fir_number text, OUT fir_no int, OUT year int)
LANGUAGE plpgsql IMMUTABLE
SET search_path = pg_catalog, pg_temp
AS $fn$
BEGIN
	IF fir_number IS NULL OR fir_number !~ '^[0-9]{1,9}/[0-9]{4}$' THEN
		RAISE EXCEPTION USING ERRCODE = 'CT400', COLUMN = 'fir_number',
			MESSAGE = format('"%s" is not an FIR number such as 42/2026 or 0042/2026', coalesce(fir_number, ''));
	END IF;
	fir_no := split_part(fir_number, '/', 1)::int;
	year := split_part(fir_number, '/', 2)::int;
	IF fir_no = 0 THEN
		RAISE EXCEPTION USING ERRCODE = 'CT400', COLUMN = 'fir_number', MESSAGE = 'FIR numbers start at 1';
	END IF;
END
$fn$;
COMMENT ON FUNCTION core.fir_number_parse(text) IS
	'Split an FIR number (42/2026 or 0042/2026) into number and year; CT400 COLUMN fir_number when malformed';

CREATE FUNCTION core.fir_not_found(fir_no int, year int) RETURNS void
LANGUAGE plpgsql
SET search_path = pg_catalog, pg_temp
AS $fn$
BEGIN
	RAISE EXCEPTION USING ERRCODE = 'CT404', COLUMN = 'fir_number',
		MESSAGE = format('no FIR %s at this station', core.fir_number_text(fir_no, year));
END
$fn$;
COMMENT ON FUNCTION core.fir_not_found(int, int) IS 'Raise CT404 (no such FIR at the calling station), COLUMN fir_number';

-- ------------------------------------------------------------ JSON output

CREATE FUNCTION core.officer_json(number text, name text, rank text) RETURNS jsonb
LANGUAGE sql IMMUTABLE
SET search_path = pg_catalog, pg_temp
AS $fn$
	SELECT nullif(jsonb_strip_nulls(jsonb_build_object('number', number, 'name', name, 'rank', rank)), '{}')
$fn$;
COMMENT ON FUNCTION core.officer_json(text, text, text) IS 'Officer message as JSON without unset fields; NULL when nothing is set';

CREATE FUNCTION core.officer_text(number text, name text, rank text) RETURNS text
LANGUAGE sql IMMUTABLE
SET search_path = pg_catalog, pg_temp
AS $fn$
	SELECT rank || ' ' || name || ' (' || number || ')'
$fn$;
COMMENT ON FUNCTION core.officer_text(text, text, text) IS 'An officer for a person: SI Ravi Sharma (UP-1234)';

CREATE FUNCTION core.gd_entry_json(g core.gd_entry) RETURNS jsonb
LANGUAGE sql STABLE
SET search_path = pg_catalog, pg_temp
AS $fn$
	SELECT jsonb_strip_nulls(jsonb_build_object(
		'date', to_char(g.gd_date, 'YYYY-MM-DD'),
		'number', g.gd_no,
		'entered_at', core.ist_text(date_trunc('second', g.entered_at)),
		'kind', g.kind,
		'text', g.text,
		'officer', core.officer_json(g.officer_number, g.officer_name, g.officer_rank),
		'corrects_date', to_char(g.corrects_date, 'YYYY-MM-DD'),
		'corrects_number', g.corrects_no,
		'fir_number', core.fir_number_text(g.fir_no, g.fir_year),
		'accused_code', g.accused_code))
$fn$;
COMMENT ON FUNCTION core.gd_entry_json(core.gd_entry) IS 'GdEntry message as JSON (pbjson mapping) from a core.gd_entry row';

CREATE FUNCTION core.case_event_json(e core.case_event) RETURNS jsonb
LANGUAGE sql STABLE
SET search_path = pg_catalog, pg_temp
AS $fn$
	SELECT jsonb_strip_nulls(jsonb_build_object(
		'at', core.ist_text(date_trunc('second', e.at)),
		'kind', e.kind,
		'status', e.status,
		'officer', core.officer_json(e.officer_number, e.officer_name, e.officer_rank),
		'summary', e.summary,
		'gd_date', to_char(e.gd_date, 'YYYY-MM-DD'),
		'gd_number', e.gd_no,
		'accused_code', e.accused_code))
$fn$;
COMMENT ON FUNCTION core.case_event_json(core.case_event) IS 'CaseEvent message as JSON (pbjson mapping) from a core.case_event row';

CREATE FUNCTION core.case_timeline_json(f core.fir) RETURNS jsonb
LANGUAGE sql STABLE
SET search_path = pg_catalog, pg_temp
AS $fn$
	SELECT jsonb_strip_nulls(jsonb_build_object(
		'fir_number', core.fir_number_text(f.fir_no, f.year),
		'status', f.status,
		'io', core.officer_json(f.io_number, f.io_name, f.io_rank),
		'events', (SELECT jsonb_agg(core.case_event_json(e) ORDER BY e.at, e.seq)
			FROM core.case_event e
			WHERE e.state_code = f.state_code AND e.year = f.year AND e.fir_id = f.fir_id)))
$fn$;
COMMENT ON FUNCTION core.case_timeline_json(core.fir) IS
	'CaseTimeline message as JSON: FIR number, status, current investigating officer, events oldest first (by time, then as recorded)';

CREATE FUNCTION core.next_case_event(p_state int, p_year int, p_fir_id bigint) RETURNS int
LANGUAGE sql STABLE
SET search_path = pg_catalog, pg_temp
AS $fn$
	SELECT coalesce(max(e.seq), 0) + 1 FROM core.case_event e
	WHERE e.state_code = p_state AND e.year = p_year AND e.fir_id = p_fir_id
$fn$;
COMMENT ON FUNCTION core.next_case_event(int, int, bigint) IS
	'Next core.case_event.seq of an FIR; callers hold the FIR row lock (FOR NO KEY UPDATE), which serialises the events of one case';

-- ------------------------------------------------------------ api.register_fir

DROP FUNCTION api.register_fir(int, int, int, bytea, jsonb);
DROP FUNCTION core.fir_store(int, int, int, int, bigint, bytea, bytea, jsonb, timestamptz);

CREATE FUNCTION core.fir_store(state int, district int, station int, yr int, id bigint, idem bytea,
	sha bytea, fir jsonb, reg_at timestamptz, officer jsonb,
	OUT o_fir_no int, OUT o_gd_date date, OUT o_gd_no int)
LANGUAGE plpgsql
SET search_path = pg_catalog, pg_temp
AS $fn$
#variable_conflict use_column
DECLARE
	v_no int;
	v_gd_date date := (reg_at AT TIME ZONE 'Asia/Kolkata')::date;
	pl jsonb := CASE WHEN jsonb_typeof(fir -> 'place') = 'object' THEN fir -> 'place' ELSE '{}' END;
	ad jsonb := CASE WHEN jsonb_typeof(pl -> 'address') = 'object' THEN pl -> 'address' ELSE '{}' END;
BEGIN
	-- fir passed core.fir_check and officer core.officer_check: every value
	-- has its type; a message or array given as JSON null is stored as absent.
	INSERT INTO core.fir_counter AS c (state_code, district_code, station_code, year, last_no)
	VALUES (state, district, station, yr, 1)
	ON CONFLICT (state_code, district_code, station_code, year)
		DO UPDATE SET last_no = c.last_no + 1
	RETURNING c.last_no INTO v_no;

	-- Everything else in one statement (foreign keys are checked at its
	-- end): the diary entry, numbered next for the station's day (its text
	-- "FIR 0042/2026 registered under BNS 303(2), BNS 331(4)"), the FIR
	-- referencing it, the charges, properties and persons (one INSERT ...
	-- SELECT over each JSON array) and the first timeline event.
	WITH t (text) AS (
		SELECT 'FIR ' || lpad(v_no::text, greatest(4, length(v_no::text)), '0') || '/' || yr
			|| ' registered under ' || string_agg(CASE WHEN e.c ->> 'act' = 'special_local' THEN e.c ->> 'law'
				ELSE upper(e.c ->> 'act') END || ' ' || (e.c ->> 'section'), ', ' ORDER BY e.n)
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
			idempotency_key, content_sha256, officer_number, officer_name, officer_rank, gd_date, gd_no)
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
			idem, sha, officer ->> 'number', officer ->> 'name', officer ->> 'rank', v_gd_date, g.gd_no
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
	), pp (seq, role, p, description, cnt) AS (
		SELECT 0, 'complainant', fir -> 'complainant', NULL::text, NULL::int
		UNION ALL
		SELECT e.n, CASE e.a ->> 'kind' WHEN 'known' THEN 'accused' WHEN 'suspected' THEN 'suspect'
			ELSE 'unknown_accused' END,
			CASE WHEN jsonb_typeof(e.a -> 'person') = 'object' THEN e.a -> 'person' ELSE '{}' END,
			nullif(e.a ->> 'description', ''), nullif((e.a ->> 'count')::int, 0)
		FROM jsonb_array_elements(CASE WHEN jsonb_typeof(fir -> 'accused') = 'array'
			THEN fir -> 'accused' ELSE '[]' END) WITH ORDINALITY e(a, n)
	), persons AS (
		INSERT INTO core.fir_person (state_code, year, fir_id, seq, role, name, relative_kind, relative_name,
			gender, date_of_birth, year_of_birth, nationality, occupation, addr_line1, addr_line2, addr_city,
			addr_district_code, addr_state_code, addr_pincode, phone, description, count)
		SELECT state, yr, id, pp.seq, pp.role, nullif(pp.p ->> 'name', ''),
			nullif(pp.p ->> 'relative_kind', ''), nullif(pp.p ->> 'relative_name', ''),
			nullif(pp.p ->> 'gender', ''), nullif(pp.p ->> 'date_of_birth', '')::date,
			nullif((pp.p ->> 'year_of_birth')::int, 0),
			nullif(pp.p ->> 'nationality', ''), nullif(pp.p ->> 'occupation', ''),
			nullif(a.a ->> 'line1', ''), nullif(a.a ->> 'line2', ''), nullif(a.a ->> 'city', ''),
			nullif((a.a ->> 'district_code')::int, 0), nullif((a.a ->> 'state_code')::int, 0),
			nullif(a.a ->> 'pincode', ''),
			nullif(pp.p ->> 'phone', ''), pp.description, pp.cnt
		FROM pp, LATERAL (SELECT CASE WHEN jsonb_typeof(pp.p -> 'address') = 'object'
			THEN pp.p -> 'address' ELSE '{}' END) a(a)
	)
	SELECT g.gd_no INTO o_gd_no FROM g;

	o_fir_no := v_no;
	o_gd_date := v_gd_date;
END
$fn$;
COMMENT ON FUNCTION core.fir_store(int, int, int, int, bigint, bytea, bytea, jsonb, timestamptz, jsonb) IS
	'Allocate the next FIR number of the station and year, write the FIR''s General Diary entry (next number of the station''s day), then the FIR as id referencing it, its rows and the fir_registered case event; returns the FIR number and the entry''s day and number';

CREATE FUNCTION api.register_fir(state int, district int, station int, idem bytea, fir jsonb)
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
		'delay_reason', 'officer'];
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

	-- 2. Partitions first: DDL (rarely) before this transaction holds any
	-- row lock, so a creator never waits on a registration that waits on it.
	-- Usually all exist: six catalog lookups, no lock, no call.
	IF to_regclass('core.fir_' || state || '_' || v_year) IS NULL
		OR to_regclass('core.gd_entry_' || state || '_' || v_year) IS NULL
		OR to_regclass('core.fir_charge_' || state || '_' || v_year) IS NULL
		OR to_regclass('core.fir_person_' || state || '_' || v_year) IS NULL
		OR to_regclass('core.fir_property_' || state || '_' || v_year) IS NULL
		OR to_regclass('core.case_event_' || state || '_' || v_year) IS NULL THEN
		PERFORM core.ensure_partitions(state, v_year);
	END IF;

	-- 3. Idempotency: the first writer of a key wins; a concurrent second
	-- writer waits here for the first to commit or roll back. The record
	-- names the FIR it is about to create (same transaction: both or neither).
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

	-- 4. Content: FirContent fields (with officer), then the FIR as 0004
	-- checked it, then the officer (optional for now).
	IF fir - fir_keys <> '{}' THEN
		PERFORM core.j_keys(fir, '', fir_keys);
	END IF;
	v_officer := fir -> 'officer';
	IF v_officer IS NULL THEN
		PERFORM core.fir_check(fir);
	ELSE
		PERFORM core.fir_check(fir - 'officer');
		v_officer := core.officer_check(v_officer, 'officer', false);
	END IF;

	-- 5. Number, diary entry and rows.
	v_stored := core.fir_store(state, district, station, v_year, v_id, idem, v_sha, fir, v_at, v_officer);

	-- The receipt, formatted as core.fir_number_text and core.ist_text do
	-- (inline: this is the path every registration takes). The diary entry
	-- was written at the same instant as the FIR.
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
	'Register an FIR (FirContent JSON) for a station with a 16-byte idempotency key; writes its General Diary entry first and the fir_registered case event. Returns the receipt with the diary entry (gd_* NULL only when replaying an FIR registered before the diary existed); the same key and content replay it (replayed = true). CT401 station, CT400 invalid (COLUMN = field path), CT409 key reused with other content or for another request';

-- ------------------------------------------------------------ api.get_fir

CREATE OR REPLACE FUNCTION api.get_fir(state int, district int, station int, fir_number text) RETURNS jsonb
LANGUAGE plpgsql STABLE SECURITY DEFINER
SET search_path = pg_catalog, pg_temp
SET constraint_exclusion = off
AS $fn$
DECLARE
	num record;
	f core.fir;
	names record;
	receipt jsonb;
	content jsonb;
BEGIN
	PERFORM core.station_check(state, district, station);
	SELECT * INTO num FROM core.fir_number_parse(fir_number);

	SELECT * INTO f FROM core.fir x
	WHERE x.state_code = state AND x.year = num.year AND x.district_code = district
		AND x.station_code = station AND x.fir_no = num.fir_no;
	IF NOT FOUND THEN
		PERFORM core.fir_not_found(num.fir_no, num.year);
	END IF;

	SELECT s.name AS station_name, d.name AS district_name, st.name AS state_name INTO names
	FROM ref.station s
	JOIN ref.district d ON d.state_code = s.state_code AND d.district_code = s.district_code
	JOIN ref.state st ON st.code = s.state_code
	WHERE s.state_code = state AND s.district_code = district AND s.station_code = station;

	receipt := jsonb_strip_nulls(jsonb_build_object(
		'fir_number', core.fir_number_text(f.fir_no, f.year),
		'year', f.year,
		'number', f.fir_no,
		'station', jsonb_build_object('kind', 'station', 'state_code', state,
			'district_code', district, 'station_code', station,
			'station_name', names.station_name, 'district_name', names.district_name,
			'state_name', names.state_name),
		'registered_at', core.ist_text(date_trunc('second', f.registered_at)),
		'idempotency_key', encode(f.idempotency_key, 'base64'),
		'gd_date', to_char(f.gd_date, 'YYYY-MM-DD'),
		'gd_number', f.gd_no,
		'gd_entered_at', (SELECT core.ist_text(date_trunc('second', g.entered_at))
			FROM core.gd_entry g
			WHERE g.state_code = f.state_code AND g.year = f.year AND g.district_code = f.district_code
				AND g.station_code = f.station_code AND g.gd_date = f.gd_date AND g.gd_no = f.gd_no)));

	content := jsonb_build_object(
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
		'complainant', (SELECT core.person_json(p)
			FROM core.fir_person p
			WHERE p.state_code = f.state_code AND p.year = f.year AND p.fir_id = f.fir_id
				AND p.role = 'complainant'),
		'accused', (SELECT jsonb_agg(jsonb_strip_nulls(jsonb_build_object(
					'kind', CASE p.role WHEN 'accused' THEN 'known' WHEN 'suspect' THEN 'suspected'
						ELSE 'unknown' END,
					'person', core.person_json(p),
					'description', p.description,
					'count', p.count))
				ORDER BY p.seq)
			FROM core.fir_person p
			WHERE p.state_code = f.state_code AND p.year = f.year AND p.fir_id = f.fir_id
				AND p.role <> 'complainant'),
		'brief_facts', f.brief_facts,
		'properties', (SELECT jsonb_agg(jsonb_strip_nulls(jsonb_build_object('kind', o.kind,
					'description', o.description, 'value_rupees', o.value_rupees))
				ORDER BY o.seq)
			FROM core.fir_property o
			WHERE o.state_code = f.state_code AND o.year = f.year AND o.fir_id = f.fir_id),
		'delay_reason', f.delay_reason,
		'officer', core.officer_json(f.officer_number, f.officer_name, f.officer_rank));

	-- Unset fields are left out, as pbjson does: stored values are never ""
	-- or 0 (register_fir stores those as NULL), so dropping NULLs and empty
	-- messages is enough.
	RETURN jsonb_build_object('receipt', receipt, 'content', jsonb_strip_nulls(content));
END
$fn$;
COMMENT ON FUNCTION api.get_fir(int, int, int, text) IS
	'Read an FIR of the calling station by its number (42/2026 or 0042/2026): {"receipt": FirReceipt (with its General Diary entry), "content": FirContent (with the officer)} in the pbjson mapping, times in IST. CT401 station, CT400 bad number, CT404 no such FIR';

-- ------------------------------------------------------------ api.add_gd_entry, api.get_gd

CREATE FUNCTION core.gd_check(state int, district int, station int, e jsonb,
	OUT o_kind text, OUT o_corrects_date date, OUT o_corrects_no int)
LANGUAGE plpgsql
SET search_path = pg_catalog, pg_temp
AS $fn$
DECLARE
	keys constant text[] := ARRAY['kind', 'text', 'officer', 'corrects_date', 'corrects_number'];
	all_kinds constant text[] := ARRAY['general', 'fir', 'arrest', 'seizure', 'property_deposit',
		'correction', 'departure', 'arrival'];
	station_kinds constant text[] := ARRAY['general', 'correction', 'departure', 'arrival'];
	v jsonb;
	n bigint;
BEGIN
	IF e IS NULL OR jsonb_typeof(e) <> 'object' THEN
		PERFORM core.fir_bad('', 'the diary entry must be a JSON object (AddGdEntry without idempotency_key)');
	END IF;
	IF e - keys <> '{}' THEN
		PERFORM core.j_keys(e, '', keys);
	END IF;
	v := e -> 'kind';
	IF jsonb_typeof(v) = 'string' AND v #>> '{}' = ANY (station_kinds) THEN
		o_kind := v #>> '{}';
	ELSIF jsonb_typeof(v) = 'string' AND v #>> '{}' = ANY (all_kinds) THEN
		PERFORM core.fir_bad('kind', format('%s entries are written by the server itself; a station adds %s entries',
			v #>> '{}', array_to_string(station_kinds, ', ')));
	ELSE
		o_kind := core.j_enum(v, 'kind', station_kinds, true);
	END IF;
	v := e -> 'text';
	IF (jsonb_typeof(v) = 'string' AND octet_length(v #>> '{}') BETWEEN 1 AND 16384) IS NOT TRUE THEN
		PERFORM core.j_str(v, 'text', 16384, true);
	END IF;
	PERFORM core.officer_check(e -> 'officer', 'officer', true);

	o_corrects_date := core.read_date(e -> 'corrects_date', 'corrects_date');
	v := e -> 'corrects_number';
	IF jsonb_typeof(v) = 'number' AND v #>> '{}' ~ '^[0-9]{1,9}$' THEN
		n := nullif((v #>> '{}')::bigint, 0);
	ELSE
		n := core.j_uint(v, 'corrects_number', 2147483647);
	END IF;
	o_corrects_no := n;

	IF o_kind <> 'correction' THEN
		IF n IS NOT NULL OR o_corrects_date IS NOT NULL THEN
			PERFORM core.fir_bad(CASE WHEN n IS NOT NULL THEN 'corrects_number' ELSE 'corrects_date' END,
				'only a correction entry names an entry it corrects (corrects_date, corrects_number)');
		END IF;
		RETURN;
	END IF;
	IF o_corrects_date IS NULL THEN
		PERFORM core.fir_bad('corrects_date', 'corrects_date is required: a correction names the day of the entry it corrects');
	END IF;
	IF n IS NULL THEN
		PERFORM core.fir_bad('corrects_number', 'corrects_number is required: a correction names the entry it corrects');
	END IF;
	IF NOT EXISTS (SELECT 1 FROM core.gd_entry g
		WHERE g.state_code = state AND g.year = extract(year FROM o_corrects_date)::int
			AND g.district_code = district AND g.station_code = station
			AND g.gd_date = o_corrects_date AND g.gd_no = n) THEN
		PERFORM core.fir_bad('corrects_number',
			format('there is no General Diary entry %s of %s at this station to correct', n,
				to_char(o_corrects_date, 'YYYY-MM-DD')));
	END IF;
END
$fn$;
COMMENT ON FUNCTION core.gd_check(int, int, int, jsonb) IS
	'Validate an AddGdEntry (without key) of a station: kind general, correction, departure or arrival; text; officer; a correction names an existing entry of the same station, other kinds none. Returns the kind and the entry corrected';

CREATE FUNCTION api.add_gd_entry(state int, district int, station int, idem bytea, new_entry jsonb)
RETURNS TABLE (entry jsonb, replayed boolean)
LANGUAGE plpgsql SECURITY DEFINER
SET search_path = pg_catalog, pg_temp
SET constraint_exclusion = off
AS $fn$
#variable_conflict use_column
DECLARE
	v_at timestamptz := now();
	v_date date := (now() AT TIME ZONE 'Asia/Kolkata')::date;
	v_year int := extract(year FROM now() AT TIME ZONE 'Asia/Kolkata')::int;
	v_sha bytea;
	v_old core.idempotency;
	v_chk record;
	g core.gd_entry;
BEGIN
	PERFORM core.station_check(state, district, station);
	IF idem IS NULL OR length(idem) <> 16 THEN
		RAISE EXCEPTION USING ERRCODE = 'CT400', COLUMN = 'idempotency_key',
			MESSAGE = 'idempotency_key must be 16 bytes';
	END IF;
	IF new_entry IS NULL OR jsonb_typeof(new_entry) <> 'object' THEN
		PERFORM core.fir_bad('', 'the diary entry must be a JSON object (AddGdEntry without idempotency_key)');
	END IF;
	v_sha := sha256(convert_to(new_entry::text, 'UTF8'));
	PERFORM core.ensure_partitions(state, v_year);

	INSERT INTO core.idempotency (state_code, district_code, station_code, idem_key, content_sha256, request)
	VALUES (state, district, station, idem, v_sha, 'add_gd_entry')
	ON CONFLICT DO NOTHING;
	IF NOT FOUND THEN
		SELECT * INTO v_old FROM core.idempotency i
		WHERE i.state_code = state AND i.district_code = district AND i.station_code = station
			AND i.idem_key = idem;
		IF v_old.request <> 'add_gd_entry' OR v_old.content_sha256 <> v_sha OR v_old.response IS NULL THEN
			RAISE EXCEPTION USING ERRCODE = 'CT409',
				MESSAGE = CASE WHEN v_old.request <> 'add_gd_entry'
					THEN format('this idempotency key was already used for another request (%s); use a new key', v_old.request)
					ELSE 'this idempotency key was already used for a different diary entry; use a new key for new content' END;
		END IF;
		entry := v_old.response;
		replayed := true;
		RETURN NEXT;
		RETURN;
	END IF;

	SELECT * INTO v_chk FROM core.gd_check(state, district, station, new_entry);

	WITH n AS (
		INSERT INTO core.gd_counter AS c (state_code, district_code, station_code, gd_date, last_no)
		VALUES (state, district, station, v_date, 1)
		ON CONFLICT (state_code, district_code, station_code, gd_date)
			DO UPDATE SET last_no = c.last_no + 1
		RETURNING c.last_no
	)
	INSERT INTO core.gd_entry (state_code, year, district_code, station_code, gd_date, gd_no, entered_at,
		kind, text, officer_number, officer_name, officer_rank, corrects_date, corrects_no)
	SELECT state, v_year, district, station, v_date, n.last_no, v_at, v_chk.o_kind, new_entry ->> 'text',
		new_entry #>> '{officer,number}', new_entry #>> '{officer,name}', new_entry #>> '{officer,rank}',
		v_chk.o_corrects_date, v_chk.o_corrects_no
	FROM n
	RETURNING * INTO g;

	entry := core.gd_entry_json(g);
	UPDATE core.idempotency i SET response = entry
	WHERE i.state_code = state AND i.district_code = district AND i.station_code = station AND i.idem_key = idem;
	replayed := false;
	RETURN NEXT;
END
$fn$;
COMMENT ON FUNCTION api.add_gd_entry(int, int, int, bytea, jsonb) IS
	'Add a station''s General Diary entry (AddGdEntry JSON without the key: kind general, correction, departure or arrival) with a 16-byte idempotency key; numbered next for the station''s day (IST). Returns the GdEntry JSON; the same key and content replay it. CT401, CT400 (COLUMN = field path), CT409 key reused';

CREATE FUNCTION api.get_gd(state int, district int, station int, day text) RETURNS jsonb
LANGUAGE plpgsql STABLE SECURITY DEFINER
SET search_path = pg_catalog, pg_temp
SET constraint_exclusion = off
AS $fn$
DECLARE
	d date;
BEGIN
	PERFORM core.station_check(state, district, station);
	IF day IS NULL OR day = '' THEN
		d := (now() AT TIME ZONE 'Asia/Kolkata')::date;
	ELSE
		d := core.read_date(to_jsonb(day), 'date');
	END IF;
	RETURN jsonb_strip_nulls(jsonb_build_object(
		'date', to_char(d, 'YYYY-MM-DD'),
		'entries', (SELECT jsonb_agg(core.gd_entry_json(g) ORDER BY g.gd_no)
			FROM core.gd_entry g
			WHERE g.state_code = state AND g.year = extract(year FROM d)::int
				AND g.district_code = district AND g.station_code = station AND g.gd_date = d)));
END
$fn$;
COMMENT ON FUNCTION api.get_gd(int, int, int, text) IS
	'A station''s General Diary for a day (YYYY-MM-DD; '''' = today IST): GdDay JSON {"date", "entries": [GdEntry by number]} without "station" (the server fills it). CT401, CT400 COLUMN date';

-- ------------------------------------------------------------ api.assign_io, api.case_timeline

CREATE FUNCTION api.assign_io(state int, district int, station int, fir_number text, req jsonb) RETURNS jsonb
LANGUAGE plpgsql SECURITY DEFINER
SET search_path = pg_catalog, pg_temp
SET constraint_exclusion = off
AS $fn$
DECLARE
	keys constant text[] := ARRAY['io', 'acting'];
	num record;
	f core.fir;
	v_io jsonb;
	v_acting jsonb;
	v_kind text;
	v_status text;
	v_summary text;
BEGIN
	PERFORM core.station_check(state, district, station);
	SELECT * INTO num FROM core.fir_number_parse(fir_number);
	IF req IS NULL OR jsonb_typeof(req) <> 'object' THEN
		PERFORM core.fir_bad('', 'the request must be a JSON object (AssignIo without fir_number)');
	END IF;
	IF req - keys <> '{}' THEN
		PERFORM core.j_keys(req, '', keys);
	END IF;
	v_io := core.officer_check(req -> 'io', 'io', true);
	v_acting := core.officer_check(req -> 'acting', 'acting', true);

	-- The FIR row lock serialises every change of one case.
	SELECT * INTO f FROM core.fir x
	WHERE x.state_code = state AND x.year = num.year AND x.district_code = district
		AND x.station_code = station AND x.fir_no = num.fir_no
	FOR NO KEY UPDATE;
	IF NOT FOUND THEN
		PERFORM core.fir_not_found(num.fir_no, num.year);
	END IF;

	IF upper(f.io_number) = upper(v_io ->> 'number') THEN
		RAISE EXCEPTION USING ERRCODE = 'CT409', COLUMN = 'io.number',
			MESSAGE = format('%s is already the investigating officer of FIR %s',
				core.officer_text(f.io_number, f.io_name, f.io_rank), core.fir_number_text(f.fir_no, f.year));
	END IF;
	IF f.status = 'registered' THEN
		v_status := 'under_investigation';
	ELSIF f.status = 'under_investigation' THEN
		v_status := f.status;
	ELSE
		RAISE EXCEPTION USING ERRCODE = 'CT409',
			MESSAGE = format('FIR %s is %s: an investigating officer is assigned only while a case is registered (it then becomes under_investigation) or under_investigation',
				core.fir_number_text(f.fir_no, f.year), f.status);
	END IF;
	IF f.io_number IS NULL THEN
		v_kind := 'io_assigned';
		v_summary := 'Investigating officer assigned: '
			|| core.officer_text(v_io ->> 'number', v_io ->> 'name', v_io ->> 'rank');
	ELSE
		v_kind := 'io_changed';
		v_summary := 'Investigating officer changed from ' || core.officer_text(f.io_number, f.io_name, f.io_rank)
			|| ' to ' || core.officer_text(v_io ->> 'number', v_io ->> 'name', v_io ->> 'rank');
	END IF;

	UPDATE core.fir x SET status = v_status,
		io_number = v_io ->> 'number', io_name = v_io ->> 'name', io_rank = v_io ->> 'rank'
	WHERE x.state_code = f.state_code AND x.year = f.year AND x.fir_id = f.fir_id
	RETURNING * INTO f;

	INSERT INTO core.case_event (state_code, year, fir_id, seq, at, kind, status,
		officer_number, officer_name, officer_rank, summary)
	VALUES (f.state_code, f.year, f.fir_id, core.next_case_event(f.state_code, f.year, f.fir_id), now(),
		v_kind, v_status, v_acting ->> 'number', v_acting ->> 'name', v_acting ->> 'rank', v_summary);

	RETURN core.case_timeline_json(f);
END
$fn$;
COMMENT ON FUNCTION api.assign_io(int, int, int, text, jsonb) IS
	'Assign or change the investigating officer of an FIR of the calling station (AssignIo JSON without fir_number: {"io", "acting"}). The first assignment moves registered -> under_investigation (event io_assigned); a later one keeps the status (io_changed). Returns the CaseTimeline JSON. CT401, CT400, CT404 no such FIR, CT409 same officer again or a status that takes no assignment';

CREATE FUNCTION api.case_timeline(state int, district int, station int, fir_number text) RETURNS jsonb
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
	RETURN core.case_timeline_json(f);
END
$fn$;
COMMENT ON FUNCTION api.case_timeline(int, int, int, text) IS
	'The timeline of an FIR of the calling station: CaseTimeline JSON {"fir_number", "status", "io", "events": [oldest first]}. CT401, CT400 bad number, CT404 no such FIR';

-- ------------------------------------------------------------ access

REVOKE ALL ON ALL FUNCTIONS IN SCHEMA api FROM PUBLIC;
REVOKE ALL ON ALL FUNCTIONS IN SCHEMA core FROM PUBLIC;
GRANT EXECUTE ON FUNCTION api.register_fir(int, int, int, bytea, jsonb),
	api.get_fir(int, int, int, text),
	api.add_gd_entry(int, int, int, bytea, jsonb),
	api.get_gd(int, int, int, text),
	api.assign_io(int, int, int, text, jsonb),
	api.case_timeline(int, int, int, text)
	TO cctns_server;
GRANT SELECT ON core.gd_entry, core.case_event TO cctns_analyst;

-- Everything must belong to cctns_owner (see 0004).
DO $check$
DECLARE
	bad text;
BEGIN
	SELECT string_agg(format('%s %s (owner %s)', what, name, owner), ', ') INTO bad FROM (
		SELECT 'relation' AS what, c.oid::regclass::text AS name, pg_get_userbyid(c.relowner) AS owner
		FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
		WHERE n.nspname IN ('ref', 'core', 'api')
		UNION ALL
		SELECT 'function', p.oid::regprocedure::text, pg_get_userbyid(p.proowner)
		FROM pg_proc p JOIN pg_namespace n ON n.oid = p.pronamespace
		WHERE n.nspname IN ('ref', 'core', 'api')
	) o WHERE o.owner <> 'cctns_owner';
	IF bad IS NOT NULL THEN
		RAISE EXCEPTION 'objects not owned by cctns_owner: %', bad;
	END IF;
END
$check$;
