-- 0038_import.sql (issue 7): bulk import of legacy FIRs (`cctns-admin import`).
--
-- cctns-admin reads a JSON-lines file (docs/IMPORT.md), checks each line's
-- syntax, types, lengths and encoding in C, and streams the rows of one batch
-- with COPY FROM STDIN into the UNLOGGED staging tables below (one for FIRs,
-- one for persons, one for sections). Then, in the same transaction,
-- core.import_batch() checks what only the database knows (the station, the
-- sections in ref.section, the order of the dates, the year, duplicates in
-- the database and in the batch), writes every rule's refusals into
-- core.import_reject_stage, and inserts the rest set-based, one INSERT per
-- table: core.fir, core.fir_charge, core.person + core.person_link (so
-- person search finds them: its statement triggers run once per batch),
-- core.fir_person, core.case_event (the timeline's first event) and
-- core.fir_counter (raised to the highest imported number, so that the next
-- live FIR of that station and year follows the imported ones).
--
-- One import runs at a time (cctns-admin holds an advisory lock); the
-- staging tables are emptied at the start and at the end of every batch, so
-- no personal data stays in them. A batch is one
-- transaction: its valid rows are all stored or none.

CREATE UNLOGGED TABLE core.import_fir_stage (
	line_no bigint PRIMARY KEY,
	state_code int NOT NULL,
	district_code int NOT NULL,
	station_code int NOT NULL,
	year int NOT NULL,
	fir_no int NOT NULL,
	registered_at timestamptz NOT NULL,
	occurred_from timestamptz NOT NULL,
	occurred_to timestamptz,
	information_received_at timestamptz NOT NULL,
	information_type text NOT NULL,
	place_line1 text,
	place_line2 text,
	place_city text,
	place_pincode text,
	brief_facts text NOT NULL,
	content_sha256 text NOT NULL,
	fir_id bigint
);
COMMENT ON TABLE core.import_fir_stage IS
	'cctns-admin import: the FIRs of the batch being imported, one row per line of the file (UNLOGGED, emptied per batch; see 0038)';
COMMENT ON COLUMN core.import_fir_stage.line_no IS 'Line number in the imported file (from 1)';
COMMENT ON COLUMN core.import_fir_stage.state_code IS 'LGD state code of the registering station';
COMMENT ON COLUMN core.import_fir_stage.district_code IS 'LGD district code of the registering station';
COMMENT ON COLUMN core.import_fir_stage.station_code IS 'Station code within its district';
COMMENT ON COLUMN core.import_fir_stage.year IS 'FIR year as given (must be the IST year of registered_at)';
COMMENT ON COLUMN core.import_fir_stage.fir_no IS 'Legacy FIR number, kept as it was';
COMMENT ON COLUMN core.import_fir_stage.registered_at IS 'When the FIR was registered';
COMMENT ON COLUMN core.import_fir_stage.occurred_from IS 'Occurrence began (defaults to registered_at in the file)';
COMMENT ON COLUMN core.import_fir_stage.occurred_to IS 'Occurrence ended, if given';
COMMENT ON COLUMN core.import_fir_stage.information_received_at IS 'Information received (defaults to registered_at)';
COMMENT ON COLUMN core.import_fir_stage.information_type IS 'oral, written, telephonic or electronic (default written)';
COMMENT ON COLUMN core.import_fir_stage.place_line1 IS 'Place of occurrence, first line';
COMMENT ON COLUMN core.import_fir_stage.place_line2 IS 'Place of occurrence, second line';
COMMENT ON COLUMN core.import_fir_stage.place_city IS 'Place of occurrence: city or village';
COMMENT ON COLUMN core.import_fir_stage.place_pincode IS 'Place of occurrence: PIN code';
COMMENT ON COLUMN core.import_fir_stage.brief_facts IS 'Brief facts as written';
COMMENT ON COLUMN core.import_fir_stage.content_sha256 IS 'SHA-256 (hex) of the line as read from the file';
COMMENT ON COLUMN core.import_fir_stage.fir_id IS 'Set by core.import_batch for a row it stores';

CREATE UNLOGGED TABLE core.import_person_stage (
	line_no bigint NOT NULL,
	seq int NOT NULL,
	role text NOT NULL CHECK (role IN ('complainant', 'accused', 'victim')),
	name text,
	relative_kind text,
	relative_name text,
	gender text,
	year_of_birth int,
	addr_line1 text,
	addr_pincode text,
	person_id bigint,
	PRIMARY KEY (line_no, seq)
);
COMMENT ON TABLE core.import_person_stage IS
	'cctns-admin import: the persons of the batch being imported, in the order of the line''s persons array (UNLOGGED, emptied per batch)';
COMMENT ON COLUMN core.import_person_stage.line_no IS 'Line number of the FIR in the file';
COMMENT ON COLUMN core.import_person_stage.seq IS 'Position in the line''s persons array, from 0';
COMMENT ON COLUMN core.import_person_stage.role IS 'complainant (exactly one), accused, victim';
COMMENT ON COLUMN core.import_person_stage.name IS 'Name (an accused without one is an unknown accused)';
COMMENT ON COLUMN core.import_person_stage.relative_kind IS 'father, husband, mother, guardian';
COMMENT ON COLUMN core.import_person_stage.relative_name IS 'Father''s (husband''s, ...) name';
COMMENT ON COLUMN core.import_person_stage.gender IS 'male, female, transgender';
COMMENT ON COLUMN core.import_person_stage.year_of_birth IS 'Birth year, given or computed from the age in the FIR''s year';
COMMENT ON COLUMN core.import_person_stage.addr_line1 IS 'Address as one line';
COMMENT ON COLUMN core.import_person_stage.addr_pincode IS 'Address PIN code';
COMMENT ON COLUMN core.import_person_stage.person_id IS 'Set by core.import_batch: the person made in core.person';

CREATE UNLOGGED TABLE core.import_charge_stage (
	line_no bigint NOT NULL,
	seq int NOT NULL,
	act text NOT NULL CHECK (act IN ('ipc', 'bns')),
	section text NOT NULL,
	PRIMARY KEY (line_no, seq)
);
COMMENT ON TABLE core.import_charge_stage IS
	'cctns-admin import: the sections of the batch being imported (UNLOGGED, emptied per batch)';
COMMENT ON COLUMN core.import_charge_stage.line_no IS 'Line number of the FIR in the file';
COMMENT ON COLUMN core.import_charge_stage.seq IS 'Position in the line''s sections array, from 0';
COMMENT ON COLUMN core.import_charge_stage.act IS 'ipc or bns';
COMMENT ON COLUMN core.import_charge_stage.section IS 'Section as written, e.g. 379 or 303(2)';

CREATE UNLOGGED TABLE core.import_reject_stage (
	line_no bigint NOT NULL,
	prio int NOT NULL,
	field text NOT NULL,
	reason text NOT NULL,
	duplicate boolean NOT NULL DEFAULT false
);
COMMENT ON TABLE core.import_reject_stage IS
	'cctns-admin import: why lines of the batch were refused (UNLOGGED, emptied per batch); core.import_batch returns the first reason of each line';
COMMENT ON COLUMN core.import_reject_stage.line_no IS 'Line number in the file';
COMMENT ON COLUMN core.import_reject_stage.prio IS 'Order of the rule that refused it (the first is reported)';
COMMENT ON COLUMN core.import_reject_stage.field IS 'The field at fault, as named in the file format (persons[1].name)';
COMMENT ON COLUMN core.import_reject_stage.reason IS 'Why, in words; no personal data';
COMMENT ON COLUMN core.import_reject_stage.duplicate IS 'True when the FIR (station, year, number) is already stored or earlier in the batch';

REVOKE ALL ON core.import_fir_stage, core.import_person_stage, core.import_charge_stage,
	core.import_reject_stage FROM PUBLIC;

-- When the General Diary began (0005): an FIR registered since must have its
-- diary entry, so a legacy FIR (which has none) must be older.
CREATE FUNCTION core.import_diary_began() RETURNS timestamptz
LANGUAGE sql STABLE
SET search_path = pg_catalog, pg_temp
AS $fn$
	SELECT substring(pg_get_constraintdef(c.oid) FROM '''([^'']+)''::timestamp with time zone')::timestamptz
	FROM pg_constraint c
	WHERE c.conrelid = 'core.fir'::regclass AND c.conname = 'fir_gd_entry_given'
$fn$;
COMMENT ON FUNCTION core.import_diary_began() IS
	'The time the General Diary began (the cut-off in core.fir''s fir_gd_entry_given): a legacy FIR, which has no diary entry, must be registered before it';

CREATE FUNCTION core.import_batch()
RETURNS TABLE (line_no bigint, field text, reason text, duplicate boolean)
LANGUAGE plpgsql
SET search_path = pg_catalog, pg_temp
SET constraint_exclusion = off
AS $fn$
#variable_conflict use_column
DECLARE
	bns_from constant timestamptz := '2024-07-01T00:00:00+05:30';
	v_began timestamptz := core.import_diary_began();
	r record;
BEGIN
	TRUNCATE core.import_reject_stage;

	-- 1. The rules only the database can check, one set-based INSERT each.
	INSERT INTO core.import_reject_stage (line_no, prio, field, reason)
	SELECT s.line_no, 1, 'station', format('no station %s/%s/%s (state/district/station) in the register',
		s.state_code, s.district_code, s.station_code)
	FROM core.import_fir_stage s
	WHERE NOT EXISTS (SELECT 1 FROM ref.station t WHERE t.state_code = s.state_code
		AND t.district_code = s.district_code AND t.station_code = s.station_code);

	INSERT INTO core.import_reject_stage (line_no, prio, field, reason)
	SELECT s.line_no, 2, x.field, x.reason
	FROM core.import_fir_stage s,
	LATERAL (VALUES
		('registered_at', s.registered_at > now(), 'registered_at is in the future'),
		('registered_at', v_began IS NOT NULL AND s.registered_at >= v_began,
			format('registered_at is not before CCTNS began keeping the General Diary (%s): a legacy FIR predates it',
				to_char(v_began AT TIME ZONE 'Asia/Kolkata', 'YYYY-MM-DD HH24:MI'))),
		('year', s.year <> extract(year FROM s.registered_at AT TIME ZONE 'Asia/Kolkata'),
			format('year %s is not the year of registered_at in IST (%s)', s.year,
				extract(year FROM s.registered_at AT TIME ZONE 'Asia/Kolkata'))),
		('year', s.year < 2000, format('year %s: the case tables hold years from 2000', s.year)),
		('occurred_from', s.occurred_from > s.registered_at, 'occurred_from is after registered_at'),
		('occurred_to', s.occurred_to < s.occurred_from, 'occurred_to is before occurred_from'),
		('occurred_to', s.occurred_to > s.registered_at, 'occurred_to is after registered_at'),
		('information_received_at', s.information_received_at < s.occurred_from,
			'information_received_at is before occurred_from'),
		('information_received_at', s.information_received_at > s.registered_at,
			'information_received_at is after registered_at')
	) x (field, bad, reason)
	WHERE x.bad;

	INSERT INTO core.import_reject_stage (line_no, prio, field, reason)
	SELECT c.line_no, 3, format('sections[%s].section', c.seq),
		format('"%s" is not a section as written in the act, such as 379 or 303(2)', left(c.section, 32))
	FROM core.import_charge_stage c
	WHERE c.section !~ '^[0-9]+[A-Za-z]*(\([0-9A-Za-z]+\))*$';

	INSERT INTO core.import_reject_stage (line_no, prio, field, reason)
	SELECT c.line_no, 4, format('sections[%s].section', c.seq),
		format('%s has no section %s', upper(c.act), upper(substring(c.section FROM '^[0-9]+[A-Za-z]*')))
	FROM core.import_charge_stage c
	WHERE c.section ~ '^[0-9]+[A-Za-z]*(\([0-9A-Za-z]+\))*$'
		AND NOT EXISTS (SELECT 1 FROM ref.section t WHERE t.act = c.act
			AND t.section = upper(substring(c.section FROM '^[0-9]+[A-Za-z]*')));

	INSERT INTO core.import_reject_stage (line_no, prio, field, reason)
	SELECT c.line_no, 5, format('sections[%s].act', c.seq),
		CASE c.act WHEN 'ipc'
			THEN 'the offence began on or after 2024-07-01, when the BNS replaced the IPC: charge it under BNS'
			ELSE 'the offence was over before 2024-07-01, when the BNS came into force: charge it under IPC' END
	FROM core.import_charge_stage c
	JOIN core.import_fir_stage s ON s.line_no = c.line_no
	WHERE (c.act = 'ipc' AND s.occurred_from >= bns_from)
		OR (c.act = 'bns' AND coalesce(s.occurred_to, s.occurred_from) < bns_from);

	INSERT INTO core.import_reject_stage (line_no, prio, field, reason)
	SELECT p.line_no, 6, format('persons[%s].birth_year', p.seq),
		format('birth year %s is after the FIR''s year %s', p.year_of_birth, s.year)
	FROM core.import_person_stage p
	JOIN core.import_fir_stage s ON s.line_no = p.line_no
	WHERE p.year_of_birth > s.year;

	-- Duplicates: already stored, or an earlier line of this batch.
	INSERT INTO core.import_reject_stage (line_no, prio, field, reason, duplicate)
	SELECT s.line_no, 0, 'fir_no', format('duplicate: FIR %s of station %s/%s/%s is already stored',
		core.fir_number_text(s.fir_no, s.year), s.state_code, s.district_code, s.station_code), true
	FROM core.import_fir_stage s
	WHERE EXISTS (SELECT 1 FROM core.fir f WHERE f.district_code = s.district_code
		AND f.station_code = s.station_code AND f.fir_no = s.fir_no AND f.state_code = s.state_code
		AND f.year = s.year);

	INSERT INTO core.import_reject_stage (line_no, prio, field, reason, duplicate)
	SELECT d.line_no, 0, 'fir_no', format('duplicate: line %s has the same station, year and number', d.first), true
	FROM (SELECT s.line_no, first_value(s.line_no) OVER w AS first, row_number() OVER w AS n
		FROM core.import_fir_stage s
		WINDOW w AS (PARTITION BY s.state_code, s.district_code, s.station_code, s.year, s.fir_no
			ORDER BY s.line_no)) d
	WHERE d.n > 1;

	-- 2. Ids for what will be stored.
	UPDATE core.import_fir_stage s SET fir_id = nextval('core.fir_id_seq')
	WHERE NOT EXISTS (SELECT 1 FROM core.import_reject_stage j WHERE j.line_no = s.line_no);
	UPDATE core.import_person_stage p SET person_id = nextval('core.person_id_seq')
	FROM core.import_fir_stage s
	WHERE s.line_no = p.line_no AND s.fir_id IS NOT NULL AND p.name IS NOT NULL;

	-- 3. Partitions for every (state, year) stored (old years included).
	FOR r IN SELECT DISTINCT s.state_code, s.year FROM core.import_fir_stage s WHERE s.fir_id IS NOT NULL LOOP
		PERFORM core.ensure_partitions(r.state_code, r.year);
	END LOOP;

	-- 4. The rows, one statement per table.
	INSERT INTO core.fir (fir_id, state_code, year, district_code, station_code, fir_no, registered_at,
		occurred_from, occurred_to, information_received_at, information_type,
		place_line1, place_line2, place_city, place_pincode, brief_facts,
		idempotency_key, content_sha256)
	SELECT s.fir_id, s.state_code, s.year, s.district_code, s.station_code, s.fir_no, s.registered_at,
		s.occurred_from, s.occurred_to, s.information_received_at, s.information_type,
		s.place_line1, s.place_line2, s.place_city, s.place_pincode, s.brief_facts,
		substring(sha256(convert_to(format('cctns-import:%s:%s:%s:%s:%s', s.state_code, s.district_code,
			s.station_code, s.year, s.fir_no), 'UTF8')) FROM 1 FOR 16),
		decode(s.content_sha256, 'hex')
	FROM core.import_fir_stage s
	WHERE s.fir_id IS NOT NULL;

	INSERT INTO core.fir_charge (state_code, year, fir_id, seq, act, section)
	SELECT s.state_code, s.year, s.fir_id, c.seq, c.act, c.section
	FROM core.import_charge_stage c
	JOIN core.import_fir_stage s ON s.line_no = c.line_no
	WHERE s.fir_id IS NOT NULL;

	INSERT INTO core.person (person_id, state_code, year, created_at, district_code, station_code, name,
		relative_kind, relative_name, gender, year_of_birth, addr_line1, addr_pincode)
	SELECT p.person_id, s.state_code, s.year, s.registered_at, s.district_code, s.station_code, p.name,
		p.relative_kind, p.relative_name, p.gender, p.year_of_birth, p.addr_line1, p.addr_pincode
	FROM core.import_person_stage p
	JOIN core.import_fir_stage s ON s.line_no = p.line_no
	WHERE p.person_id IS NOT NULL;

	INSERT INTO core.person_link (state_code, year, person_id, role, record_kind, record_year, record_id,
		fir_id, district_code, station_code, label)
	SELECT s.state_code, s.year, p.person_id, p.role, 'fir', s.year, s.fir_id, s.fir_id, s.district_code,
		s.station_code, 'FIR ' || core.fir_number_text(s.fir_no, s.year)
	FROM core.import_person_stage p
	JOIN core.import_fir_stage s ON s.line_no = p.line_no
	WHERE p.person_id IS NOT NULL;

	-- The complainant is seq 0, the accused 1.. in the order given; victims
	-- have no place on the FIR form (IIF-I): they are linked persons only.
	INSERT INTO core.fir_person (state_code, year, fir_id, seq, role, name, relative_kind, relative_name,
		gender, year_of_birth, addr_line1, addr_pincode, person_id)
	SELECT s.state_code, s.year, s.fir_id,
		CASE WHEN p.role = 'complainant' THEN 0
			ELSE row_number() OVER (PARTITION BY p.line_no, p.role ORDER BY p.seq) END,
		CASE WHEN p.role = 'complainant' THEN 'complainant'
			WHEN p.name IS NULL THEN 'unknown_accused' ELSE 'accused' END,
		p.name, p.relative_kind, p.relative_name, p.gender, p.year_of_birth, p.addr_line1, p.addr_pincode,
		p.person_id
	FROM core.import_person_stage p
	JOIN core.import_fir_stage s ON s.line_no = p.line_no
	WHERE s.fir_id IS NOT NULL AND p.role IN ('complainant', 'accused');

	INSERT INTO core.case_event (state_code, year, fir_id, seq, at, kind, status, summary)
	SELECT s.state_code, s.year, s.fir_id, 1, s.registered_at, 'fir_registered', 'registered',
		'FIR ' || core.fir_number_text(s.fir_no, s.year) || ' imported from legacy records'
		|| coalesce(' under ' || (SELECT string_agg(upper(c.act) || ' ' || c.section, ', ' ORDER BY c.seq)
			FROM core.import_charge_stage c WHERE c.line_no = s.line_no), '')
	FROM core.import_fir_stage s
	WHERE s.fir_id IS NOT NULL;

	-- The next live FIR of a station and year follows the imported ones.
	INSERT INTO core.fir_counter AS c (state_code, district_code, station_code, year, last_no)
	SELECT s.state_code, s.district_code, s.station_code, s.year, max(s.fir_no)
	FROM core.import_fir_stage s
	WHERE s.fir_id IS NOT NULL
	GROUP BY 1, 2, 3, 4
	ON CONFLICT (state_code, district_code, station_code, year)
		DO UPDATE SET last_no = greatest(c.last_no, excluded.last_no);

	RETURN QUERY
		SELECT DISTINCT ON (j.line_no) j.line_no, j.field, j.reason, j.duplicate
		FROM core.import_reject_stage j
		ORDER BY j.line_no, j.prio, j.field, j.reason;
	-- Nothing of the batch (personal data included) stays staged once it
	-- commits: the rows above are already in the result.
	TRUNCATE core.import_fir_stage, core.import_person_stage, core.import_charge_stage,
		core.import_reject_stage;
END
$fn$;
COMMENT ON FUNCTION core.import_batch() IS
	'cctns-admin import: check the staged batch (station, dates, year, sections in ref.section and IPC/BNS by date, birth years, duplicates stored or in the batch), store the rest set-based (core.fir, fir_charge, person, person_link, fir_person, case_event, fir_counter raised to the highest number imported), return the refused lines, one reason each, and empty the staging tables';

REVOKE ALL ON FUNCTION core.import_batch(), core.import_diary_began() FROM PUBLIC;
