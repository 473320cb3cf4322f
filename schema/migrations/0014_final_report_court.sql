-- 0014_final_report_court.sql: the end of a case's life: the final report of
-- the investigation (IIF-V), the court's disposal (IIF-VI) and the result of
-- an appeal (IIF-VII), with their General Diary entries and timeline events.
--
-- api.file_final_report(state, district, station, idem bytea, fir_number text, report jsonb)
--     -> (receipt jsonb FinalReportReceipt, replayed)   CT401 CT400 CT403 CT404 CT409
-- api.get_final_report(state, district, station, fir_number text, req jsonb)
--     -> jsonb FinalReportRecord                         CT401 CT400 CT404
-- api.record_court_disposal(state, district, station, idem bytea, fir_number text, disposal jsonb)
--     -> (receipt jsonb CourtReceipt, replayed)          CT401 CT400 CT404 CT409
-- api.file_appeal(state, district, station, idem bytea, fir_number text, appeal jsonb)
--     -> (receipt jsonb CourtReceipt, replayed)          CT401 CT400 CT404 CT409
-- api.record_appeal_result(state, district, station, idem bytea, fir_number text, result jsonb)
--     -> (receipt jsonb CourtReceipt, replayed)          CT401 CT400 CT404 CT409
-- api.get_court_record(state, district, station, fir_number text)
--     -> jsonb CourtRecord                               CT401 CT400 CT404
--
-- JSON in and out in the pbjson mapping, as before; CT400's COLUMN is the
-- field path inside the JSON document passed (FinalReport, CourtDisposal,
-- Appeal, AppealResult; GetFinalReport without fir_number), except
-- idempotency_key and fir_number, the request's own fields.
--
-- The case's status moves along ref.case_transition (the trigger on core.fir
-- checks every move):
--   original final report      under_investigation -> charge_sheeted (charge-sheet)
--                                                   or final_report (any other kind)
--   supplementary final report (s.173(8) CrPC / s.193(9) BNSS: after further
--                              investigation; needs an original report first)
--       case charge_sheeted:   stays charge_sheeted, whatever its kind;
--       case final_report:     a charge-sheet moves it final_report ->
--                              under_investigation -> charge_sheeted (two
--                              permitted steps: the further investigation and
--                              its charge-sheet); another kind keeps it;
--       case under_investigation (reopened): as an original report.
--   court disposal             charge_sheeted | final_report -> court_disposed
--   appeal filed               court_disposed -> in_appeal
--   result of appeal           in_appeal -> appeal_decided
-- A case has at most one disposal, one appeal and one result of appeal:
-- appeal_decided is final (a retrial after remand is a later issue).
--
-- Accused are named by the accused code of their arrest memo, or, when never
-- arrested, as a Person in the final report (linked to the persons master
-- record as accused; witnesses as witness); the disposal names accused of the
-- case's final reports, the appeal accused of the disposal.

-- ------------------------------------------------------------ codes (ref)

CREATE TABLE ref.final_report_kind (
	code text PRIMARY KEY CHECK (code ~ '^[a-z_]+$'),
	number smallint NOT NULL UNIQUE CHECK (number > 0),
	description text NOT NULL
);
COMMENT ON TABLE ref.final_report_kind IS
	'The kinds of final report (proto enum FinalReportKind): a charge-sheet, or a report that sends no one for trial and why';
COMMENT ON COLUMN ref.final_report_kind.code IS 'Short lower-case name as in the JSON mapping';
COMMENT ON COLUMN ref.final_report_kind.number IS 'The FinalReportKind enum number in proto/cctns.proto';
COMMENT ON COLUMN ref.final_report_kind.description IS 'The kind for a person (diary entries, the timeline)';

INSERT INTO ref.final_report_kind (code, number, description) VALUES
	('charge_sheet', 1, 'Charge-sheet'),
	('not_charge_sheeted_want_of_evidence', 2, 'Not charge-sheeted for want of evidence'),
	('undetected', 3, 'Final report: undetected'),
	('untraced', 4, 'Final report: untraced'),
	('abated', 5, 'Final report: abated'),
	('unoccurred_false', 6, 'Final report: unoccurred, false'),
	('unoccurred_mistake_of_fact', 7, 'Final report: unoccurred, mistake of fact'),
	('unoccurred_mistake_of_law', 8, 'Final report: unoccurred, mistake of law'),
	('unoccurred_non_cognizable', 9, 'Final report: unoccurred, non-cognizable'),
	('unoccurred_civil_nature', 10, 'Final report: unoccurred, civil nature');

CREATE TABLE ref.court_disposal_kind (
	code text PRIMARY KEY CHECK (code ~ '^[a-z_]+$'),
	number smallint NOT NULL UNIQUE CHECK (number > 0),
	results text[] NOT NULL,
	mixed boolean NOT NULL,
	description text NOT NULL
);
COMMENT ON TABLE ref.court_disposal_kind IS
	'How a court disposed of a case (proto enum CourtDisposalKind), with the results per accused each kind allows: every accused''s result is one of results; a mixed kind (partly convicted) also needs at least one accused convicted and one not';
COMMENT ON COLUMN ref.court_disposal_kind.code IS 'Short lower-case name as in the JSON mapping';
COMMENT ON COLUMN ref.court_disposal_kind.number IS 'The CourtDisposalKind enum number in proto/cctns.proto';
COMMENT ON COLUMN ref.court_disposal_kind.results IS 'TrialResult codes an accused of a case disposed of this way may have';
COMMENT ON COLUMN ref.court_disposal_kind.mixed IS 'True for partly_convicted: at least one accused convicted and at least one not';
COMMENT ON COLUMN ref.court_disposal_kind.description IS 'The kind for a person';

INSERT INTO ref.court_disposal_kind (code, number, results, mixed, description) VALUES
	('convicted', 1, '{convicted}', false, 'convicted'),
	('acquitted', 2, '{acquitted}', false, 'acquitted'),
	('discharged', 3, '{discharged}', false, 'discharged'),
	('compounded', 4, '{compounded}', false, 'compounded'),
	('withdrawn', 5, '{acquitted,discharged}', false, 'prosecution withdrawn'),
	('abated', 6, '{abated}', false, 'abated'),
	('partly_convicted', 7, '{convicted,acquitted,discharged,compounded,abated}', true, 'partly convicted');

GRANT SELECT ON ref.final_report_kind, ref.court_disposal_kind TO cctns_analyst;

-- ------------------------------------------------------------ domains

CREATE DOMAIN core.court_text AS text CHECK (VALUE <> '' AND octet_length(VALUE) <= 16000);
COMMENT ON DOMAIN core.court_text IS 'A free-text field of a court record: not empty, at most 16,000 bytes';
CREATE DOMAIN core.punishment AS text
	CHECK (VALUE IN ('none', 'death', 'life_imprisonment', 'rigorous_imprisonment', 'simple_imprisonment',
		'fine_only', 'probation'));
COMMENT ON DOMAIN core.punishment IS 'Punishment (proto enum): none, death, life_imprisonment, rigorous_imprisonment, simple_imprisonment, fine_only, probation';
CREATE DOMAIN core.trial_result AS text
	CHECK (VALUE IN ('convicted', 'acquitted', 'discharged', 'compounded', 'abated'));
COMMENT ON DOMAIN core.trial_result IS 'TrialResult: what the trial court decided for one accused';

-- The terms of a sentence, for every writer: imprisonment has a period,
-- only imprisonment and probation have one, within 100 years; fine_only has
-- a fine; none has neither; a fine stays below 10^12 rupees.
CREATE FUNCTION core.sentence_ok(p text, months int, fine bigint) RETURNS boolean
LANGUAGE sql IMMUTABLE
SET search_path = pg_catalog, pg_temp
AS $fn$
	SELECT months BETWEEN 0 AND 1200 AND fine BETWEEN 0 AND 999999999999
		AND (p IS NOT NULL OR (months = 0 AND fine = 0))
		AND (p NOT IN ('rigorous_imprisonment', 'simple_imprisonment') OR months > 0)
		AND (months = 0 OR p IN ('rigorous_imprisonment', 'simple_imprisonment', 'probation'))
		AND (p <> 'fine_only' OR fine > 0)
		AND (p <> 'none' OR (months = 0 AND fine = 0))
$fn$;
COMMENT ON FUNCTION core.sentence_ok(text, int, bigint) IS
	'Is (punishment, period in months, fine in rupees) a possible sentence: period 0..1200 and required exactly for imprisonment (allowed for probation), fine 0..10^12-1 and required for fine_only, nothing with no punishment or none';

-- ------------------------------------------------------------ final reports (IIF-V)

CREATE SEQUENCE core.final_report_id_seq;
COMMENT ON SEQUENCE core.final_report_id_seq IS 'Final report ids (core.final_report.final_report_id): the record id persons are linked by';

CREATE TABLE core.final_report (
	state_code int NOT NULL,
	year smallint NOT NULL,
	fir_id bigint NOT NULL,
	report_no smallint NOT NULL CHECK (report_no BETWEEN 1 AND 999),
	final_report_id bigint NOT NULL,
	district_code int NOT NULL,
	station_code int NOT NULL,
	kind text NOT NULL REFERENCES ref.final_report_kind (code),
	supplementary boolean NOT NULL,
	filed_at timestamptz NOT NULL,
	court core.court_text NOT NULL CHECK (octet_length(court) <= 1200),
	brief_facts core.court_text CHECK (octet_length(brief_facts) <= 65536),
	status_after core.case_status_code NOT NULL,
	officer_number text NOT NULL CHECK (officer_number <> ''),
	officer_name text NOT NULL CHECK (officer_name <> ''),
	officer_rank text NOT NULL CHECK (officer_rank <> ''),
	recorded_at timestamptz NOT NULL DEFAULT now(),
	gd_date date NOT NULL,
	gd_no int NOT NULL,
	gd_year smallint GENERATED ALWAYS AS (extract(year FROM gd_date)::smallint) STORED,
	idempotency_key bytea NOT NULL CHECK (length(idempotency_key) = 16),
	content_sha256 bytea NOT NULL CHECK (length(content_sha256) = 32),
	PRIMARY KEY (state_code, year, fir_id, report_no),
	UNIQUE (final_report_id, state_code, year),
	FOREIGN KEY (state_code, year, fir_id) REFERENCES core.fir (state_code, year, fir_id) ON DELETE CASCADE,
	FOREIGN KEY (district_code, station_code, gd_date, gd_no, state_code, gd_year)
		REFERENCES core.gd_entry (district_code, station_code, gd_date, gd_no, state_code, year),
	CONSTRAINT final_report_original_first CHECK ((report_no = 1) = (NOT supplementary)),
	CONSTRAINT final_report_not_in_future CHECK (filed_at <= recorded_at),
	CONSTRAINT final_report_status_after CHECK (status_after IN ('charge_sheeted', 'final_report')
		AND (kind <> 'charge_sheet' OR status_after = 'charge_sheeted')
		AND (supplementary OR kind = 'charge_sheet' OR status_after = 'final_report'))
) PARTITION BY LIST (state_code);

COMMENT ON TABLE core.final_report IS
	'Final reports of investigations (IIF-V): the original (report 1) and supplementary reports after further investigation, per FIR. Filed only by the case''s investigating officer, never before the FIR nor in the future (trigger final_report_guard). Each has its General Diary entry (kind final_report) and a timeline event. Partitioned like core.fir (by the FIR''s year)';
COMMENT ON COLUMN core.final_report.state_code IS 'Partition key, as core.fir';
COMMENT ON COLUMN core.final_report.year IS 'Partition key: the FIR''s year';
COMMENT ON COLUMN core.final_report.fir_id IS 'The FIR (core.fir.fir_id)';
COMMENT ON COLUMN core.final_report.report_no IS '1 = the original report, 2.. the supplementary reports, in order of filing';
COMMENT ON COLUMN core.final_report.final_report_id IS 'Id of the report in the state database (core.final_report_id_seq): core.person_link.record_id for kind final_report';
COMMENT ON COLUMN core.final_report.district_code IS 'District of the FIR''s station';
COMMENT ON COLUMN core.final_report.station_code IS 'The FIR''s station';
COMMENT ON COLUMN core.final_report.kind IS 'FinalReportKind (ref.final_report_kind)';
COMMENT ON COLUMN core.final_report.supplementary IS 'False for the original report, true for a supplementary one';
COMMENT ON COLUMN core.final_report.filed_at IS 'When the report was filed in court: not before the FIR, not in the future, not before the previous report';
COMMENT ON COLUMN core.final_report.court IS 'The court it was filed in';
COMMENT ON COLUMN core.final_report.brief_facts IS 'Brief facts and result of the investigation (personal data)';
COMMENT ON COLUMN core.final_report.status_after IS 'The case''s status after the report: charge_sheeted or final_report';
COMMENT ON COLUMN core.final_report.officer_number IS 'The investigating officer who filed it: belt or service number (the FIR''s io_number at the time)';
COMMENT ON COLUMN core.final_report.officer_name IS 'The investigating officer: name';
COMMENT ON COLUMN core.final_report.officer_rank IS 'The investigating officer: rank';
COMMENT ON COLUMN core.final_report.recorded_at IS 'When the server recorded it (transaction time)';
COMMENT ON COLUMN core.final_report.gd_date IS 'Day of its General Diary entry';
COMMENT ON COLUMN core.final_report.gd_no IS 'Number of its General Diary entry that day';
COMMENT ON COLUMN core.final_report.gd_year IS 'Generated: year of gd_date (foreign key to the entry''s partition)';
COMMENT ON COLUMN core.final_report.idempotency_key IS '16-byte key the terminal made for this filing';
COMMENT ON COLUMN core.final_report.content_sha256 IS 'SHA-256 of the FIR number and the FinalReport JSON as received';

CREATE TABLE core.final_report_accused (
	state_code int NOT NULL,
	year smallint NOT NULL,
	fir_id bigint NOT NULL,
	report_no smallint NOT NULL,
	seq smallint NOT NULL CHECK (seq >= 0),
	charged boolean NOT NULL,
	arrest_no smallint,
	accused_code core.accused_code GENERATED ALWAYS AS
		(chr(64 + (arrest_no + 8) / 9) || ((arrest_no - 1) % 9 + 1)::text) STORED,
	person_id bigint,
	name text CHECK (name <> '' AND octet_length(name) <= 600),
	person jsonb CHECK (jsonb_typeof(person) = 'object'),
	arrested_on date CHECK (arrested_on >= '1950-01-01'),
	bailed_on date,
	forwarded_on date,
	previous_convictions core.court_text,
	status text CHECK (status IN ('in_custody', 'on_bail', 'absconding', 'not_arrested')),
	reason core.court_text,
	PRIMARY KEY (state_code, year, fir_id, report_no, seq),
	UNIQUE (state_code, year, fir_id, report_no, arrest_no),
	FOREIGN KEY (state_code, year, fir_id, report_no)
		REFERENCES core.final_report (state_code, year, fir_id, report_no) ON DELETE CASCADE,
	FOREIGN KEY (state_code, year, fir_id, arrest_no) REFERENCES core.arrest (state_code, year, fir_id, arrest_no),
	CONSTRAINT final_report_accused_named_once CHECK ((arrest_no IS NULL) <> (name IS NULL)
		AND (name IS NULL) = (person IS NULL)),
	CONSTRAINT final_report_accused_charged_or_not CHECK ((status IS NOT NULL) = charged
		AND (reason IS NOT NULL) = (NOT charged)
		AND (charged OR (arrested_on IS NULL AND bailed_on IS NULL AND forwarded_on IS NULL
			AND previous_convictions IS NULL))),
	CONSTRAINT final_report_accused_dates_in_order CHECK ((bailed_on IS NULL AND forwarded_on IS NULL)
		OR (bailed_on >= arrested_on) IS NOT FALSE AND (forwarded_on >= arrested_on) IS NOT FALSE
			AND arrested_on IS NOT NULL),
	CONSTRAINT final_report_accused_status CHECK (
		(status IS DISTINCT FROM 'not_arrested' OR (arrested_on IS NULL AND bailed_on IS NULL AND arrest_no IS NULL))
		AND (status IS DISTINCT FROM 'on_bail' OR bailed_on IS NOT NULL)
		AND (status IS DISTINCT FROM 'in_custody' OR arrested_on IS NOT NULL))
) PARTITION BY LIST (state_code);

COMMENT ON TABLE core.final_report_accused IS
	'Accused of a final report: charged (sent for trial, with sections in core.final_report_charge) or not charged (with the reason). Named by their arrest memo (arrest_no, a foreign key to core.arrest) or, when never arrested, as a person. Dates never after the report nor before the FIR (trigger final_report_accused_guard). Partitioned like core.fir';
COMMENT ON COLUMN core.final_report_accused.state_code IS 'Partition key, as core.fir';
COMMENT ON COLUMN core.final_report_accused.year IS 'Partition key: the FIR''s year';
COMMENT ON COLUMN core.final_report_accused.fir_id IS 'The FIR';
COMMENT ON COLUMN core.final_report_accused.report_no IS 'The report (core.final_report.report_no)';
COMMENT ON COLUMN core.final_report_accused.seq IS 'Order in the report: the charged first (FinalReport.charged), then the not charged';
COMMENT ON COLUMN core.final_report_accused.charged IS 'True for FinalReport.charged, false for not_charged';
COMMENT ON COLUMN core.final_report_accused.arrest_no IS 'The accused''s arrest memo in this FIR (core.arrest.arrest_no); NULL for an accused never arrested';
COMMENT ON COLUMN core.final_report_accused.accused_code IS 'Generated: the accused code of arrest_no (A1, B2, ...)';
COMMENT ON COLUMN core.final_report_accused.person_id IS 'An accused never arrested: the persons master record linked as accused';
COMMENT ON COLUMN core.final_report_accused.name IS 'An accused never arrested: the name (personal data)';
COMMENT ON COLUMN core.final_report_accused.person IS 'An accused never arrested: the Person as written in the report, with its person_id (personal data)';
COMMENT ON COLUMN core.final_report_accused.arrested_on IS 'Charged: date of arrest or surrender';
COMMENT ON COLUMN core.final_report_accused.bailed_on IS 'Charged: date of release on bail (not before the arrest)';
COMMENT ON COLUMN core.final_report_accused.forwarded_on IS 'Charged: date forwarded to court (not before the arrest)';
COMMENT ON COLUMN core.final_report_accused.previous_convictions IS 'Charged: previous convictions, as known';
COMMENT ON COLUMN core.final_report_accused.status IS 'Charged: in_custody, on_bail, absconding, not_arrested';
COMMENT ON COLUMN core.final_report_accused.reason IS 'Not charged: why';

CREATE TABLE core.final_report_charge (
	state_code int NOT NULL,
	year smallint NOT NULL,
	fir_id bigint NOT NULL,
	report_no smallint NOT NULL,
	accused_seq smallint NOT NULL,
	seq smallint NOT NULL CHECK (seq >= 0),
	act text NOT NULL CHECK (act IN ('ipc', 'bns', 'special_local')),
	section text NOT NULL CHECK (section <> '' AND octet_length(section) <= 32),
	law text,
	section_act text GENERATED ALWAYS AS (CASE WHEN act IN ('ipc', 'bns') THEN act END) STORED,
	section_base text GENERATED ALWAYS AS
		(CASE WHEN act IN ('ipc', 'bns') THEN upper(substring(section FROM '^[0-9]+[A-Za-z]*')) END) STORED,
	PRIMARY KEY (state_code, year, fir_id, report_no, accused_seq, seq),
	FOREIGN KEY (state_code, year, fir_id, report_no, accused_seq)
		REFERENCES core.final_report_accused (state_code, year, fir_id, report_no, seq) ON DELETE CASCADE,
	FOREIGN KEY (section_act, section_base) REFERENCES ref.section (act, section),
	FOREIGN KEY (law) REFERENCES ref.special_law (code),
	CHECK ((act = 'special_local') = (law IS NOT NULL)),
	CHECK (act = 'special_local' OR section ~ '^[0-9]+[A-Za-z]*(\([0-9A-Za-z]+\))*$')
) PARTITION BY LIST (state_code);

COMMENT ON TABLE core.final_report_charge IS
	'Sections a charged accused of a final report is charged under, in order (as core.fir_charge: an IPC or BNS section that exists, by the date of the offence, or a special or local law). Partitioned like core.fir';
COMMENT ON COLUMN core.final_report_charge.state_code IS 'Partition key, as core.fir';
COMMENT ON COLUMN core.final_report_charge.year IS 'Partition key: the FIR''s year';
COMMENT ON COLUMN core.final_report_charge.fir_id IS 'The FIR';
COMMENT ON COLUMN core.final_report_charge.report_no IS 'The report';
COMMENT ON COLUMN core.final_report_charge.accused_seq IS 'The accused (core.final_report_accused.seq)';
COMMENT ON COLUMN core.final_report_charge.seq IS 'Position in ChargedAccused.sections, from 0';
COMMENT ON COLUMN core.final_report_charge.act IS 'ipc, bns or special_local';
COMMENT ON COLUMN core.final_report_charge.section IS 'Section as written in the act';
COMMENT ON COLUMN core.final_report_charge.law IS 'special_local only: the law (ref.special_law.code)';
COMMENT ON COLUMN core.final_report_charge.section_act IS 'Generated: act when ipc or bns (foreign key helper)';
COMMENT ON COLUMN core.final_report_charge.section_base IS 'Generated: base section, e.g. 303 for 303(2)';

CREATE TABLE core.final_report_witness (
	state_code int NOT NULL,
	year smallint NOT NULL,
	fir_id bigint NOT NULL,
	report_no smallint NOT NULL,
	seq smallint NOT NULL CHECK (seq >= 0),
	kind text NOT NULL CHECK (kind IN ('eye', 'panch', 'expert', 'official', 'other')),
	person_id bigint NOT NULL,
	name text NOT NULL CHECK (name <> '' AND octet_length(name) <= 600),
	person jsonb NOT NULL CHECK (jsonb_typeof(person) = 'object'),
	PRIMARY KEY (state_code, year, fir_id, report_no, seq),
	FOREIGN KEY (state_code, year, fir_id, report_no)
		REFERENCES core.final_report (state_code, year, fir_id, report_no) ON DELETE CASCADE
) PARTITION BY LIST (state_code);

COMMENT ON TABLE core.final_report_witness IS
	'Witnesses cited in a final report, in order, each linked to the persons master record as witness. Partitioned like core.fir';
COMMENT ON COLUMN core.final_report_witness.state_code IS 'Partition key, as core.fir';
COMMENT ON COLUMN core.final_report_witness.year IS 'Partition key: the FIR''s year';
COMMENT ON COLUMN core.final_report_witness.fir_id IS 'The FIR';
COMMENT ON COLUMN core.final_report_witness.report_no IS 'The report';
COMMENT ON COLUMN core.final_report_witness.seq IS 'Position in FinalReport.witnesses, from 0';
COMMENT ON COLUMN core.final_report_witness.kind IS 'eye, panch, expert, official, other';
COMMENT ON COLUMN core.final_report_witness.person_id IS 'The persons master record linked as witness';
COMMENT ON COLUMN core.final_report_witness.name IS 'The witness''s name (personal data)';
COMMENT ON COLUMN core.final_report_witness.person IS 'The Person as written in the report, with its person_id (personal data)';

CREATE TABLE core.final_report_property (
	state_code int NOT NULL,
	year smallint NOT NULL,
	fir_id bigint NOT NULL,
	report_no smallint NOT NULL,
	seq smallint NOT NULL CHECK (seq >= 0),
	description core.court_text NOT NULL,
	malkhana_number text CHECK (malkhana_number <> '' AND octet_length(malkhana_number) <= 200),
	disposal core.court_text NOT NULL,
	PRIMARY KEY (state_code, year, fir_id, report_no, seq),
	FOREIGN KEY (state_code, year, fir_id, report_no)
		REFERENCES core.final_report (state_code, year, fir_id, report_no) ON DELETE CASCADE
) PARTITION BY LIST (state_code);

COMMENT ON TABLE core.final_report_property IS
	'Properties of the case as a final report lists them, with what is to become of each. Partitioned like core.fir';
COMMENT ON COLUMN core.final_report_property.state_code IS 'Partition key, as core.fir';
COMMENT ON COLUMN core.final_report_property.year IS 'Partition key: the FIR''s year';
COMMENT ON COLUMN core.final_report_property.fir_id IS 'The FIR';
COMMENT ON COLUMN core.final_report_property.report_no IS 'The report';
COMMENT ON COLUMN core.final_report_property.seq IS 'Position in FinalReport.properties, from 0';
COMMENT ON COLUMN core.final_report_property.description IS 'The property';
COMMENT ON COLUMN core.final_report_property.malkhana_number IS 'Its entry in the property store (malkhana), if any';
COMMENT ON COLUMN core.final_report_property.disposal IS 'What is to become of it';

-- ------------------------------------------------------------ court disposal (IIF-VI)

CREATE TABLE core.court_disposal (
	state_code int NOT NULL,
	year smallint NOT NULL,
	fir_id bigint NOT NULL,
	district_code int NOT NULL,
	station_code int NOT NULL,
	kind text NOT NULL REFERENCES ref.court_disposal_kind (code),
	judgement_date date NOT NULL CHECK (judgement_date >= '1950-01-01'),
	court core.court_text NOT NULL CHECK (octet_length(court) <= 1200),
	case_number_in_court text CHECK (case_number_in_court <> '' AND octet_length(case_number_in_court) <= 400),
	prosecutor text CHECK (prosecutor <> '' AND octet_length(prosecutor) <= 800),
	officer_number text NOT NULL CHECK (officer_number <> ''),
	officer_name text NOT NULL CHECK (officer_name <> ''),
	officer_rank text NOT NULL CHECK (officer_rank <> ''),
	recorded_at timestamptz NOT NULL DEFAULT now(),
	gd_date date NOT NULL,
	gd_no int NOT NULL,
	gd_year smallint GENERATED ALWAYS AS (extract(year FROM gd_date)::smallint) STORED,
	idempotency_key bytea NOT NULL CHECK (length(idempotency_key) = 16),
	content_sha256 bytea NOT NULL CHECK (length(content_sha256) = 32),
	PRIMARY KEY (state_code, year, fir_id),
	FOREIGN KEY (state_code, year, fir_id) REFERENCES core.fir (state_code, year, fir_id) ON DELETE CASCADE,
	FOREIGN KEY (district_code, station_code, gd_date, gd_no, state_code, gd_year)
		REFERENCES core.gd_entry (district_code, station_code, gd_date, gd_no, state_code, year),
	CONSTRAINT court_disposal_not_in_future
		CHECK (judgement_date <= (recorded_at AT TIME ZONE 'Asia/Kolkata')::date)
) PARTITION BY LIST (state_code);

COMMENT ON TABLE core.court_disposal IS
	'The court''s disposal of a case (IIF-VI), one per FIR: judgement date (not before the case''s final reports, trigger court_disposal_guard; not in the future), court, prosecutor, and per accused core.court_disposal_accused. Partitioned like core.fir';
COMMENT ON COLUMN core.court_disposal.state_code IS 'Partition key, as core.fir';
COMMENT ON COLUMN core.court_disposal.year IS 'Partition key: the FIR''s year';
COMMENT ON COLUMN core.court_disposal.fir_id IS 'The FIR';
COMMENT ON COLUMN core.court_disposal.district_code IS 'District of the FIR''s station';
COMMENT ON COLUMN core.court_disposal.station_code IS 'The FIR''s station';
COMMENT ON COLUMN core.court_disposal.kind IS 'CourtDisposalKind (ref.court_disposal_kind)';
COMMENT ON COLUMN core.court_disposal.judgement_date IS 'Date of the judgement';
COMMENT ON COLUMN core.court_disposal.court IS 'The trial court';
COMMENT ON COLUMN core.court_disposal.case_number_in_court IS 'The case''s number in that court, e.g. ST 123/2027';
COMMENT ON COLUMN core.court_disposal.prosecutor IS 'The public prosecutor';
COMMENT ON COLUMN core.court_disposal.officer_number IS 'Officer who recorded it (court pairvi officer or IO): belt or service number';
COMMENT ON COLUMN core.court_disposal.officer_name IS 'Officer who recorded it: name';
COMMENT ON COLUMN core.court_disposal.officer_rank IS 'Officer who recorded it: rank';
COMMENT ON COLUMN core.court_disposal.recorded_at IS 'When the server recorded it';
COMMENT ON COLUMN core.court_disposal.gd_date IS 'Day of its General Diary entry (kind court)';
COMMENT ON COLUMN core.court_disposal.gd_no IS 'Number of its General Diary entry that day';
COMMENT ON COLUMN core.court_disposal.gd_year IS 'Generated: year of gd_date';
COMMENT ON COLUMN core.court_disposal.idempotency_key IS '16-byte key the terminal made for this write';
COMMENT ON COLUMN core.court_disposal.content_sha256 IS 'SHA-256 of the FIR number and the CourtDisposal JSON as received';

CREATE TABLE core.court_disposal_accused (
	state_code int NOT NULL,
	year smallint NOT NULL,
	fir_id bigint NOT NULL,
	seq smallint NOT NULL CHECK (seq >= 0),
	arrest_no smallint,
	accused_code core.accused_code GENERATED ALWAYS AS
		(chr(64 + (arrest_no + 8) / 9) || ((arrest_no - 1) % 9 + 1)::text) STORED,
	person_id bigint,
	name text CHECK (name <> '' AND octet_length(name) <= 600),
	person jsonb CHECK (jsonb_typeof(person) = 'object'),
	result core.trial_result NOT NULL,
	punishment core.punishment,
	period_months smallint NOT NULL DEFAULT 0,
	fine_rupees bigint NOT NULL DEFAULT 0,
	PRIMARY KEY (state_code, year, fir_id, seq),
	UNIQUE (state_code, year, fir_id, arrest_no),
	FOREIGN KEY (state_code, year, fir_id) REFERENCES core.court_disposal (state_code, year, fir_id) ON DELETE CASCADE,
	FOREIGN KEY (state_code, year, fir_id, arrest_no) REFERENCES core.arrest (state_code, year, fir_id, arrest_no),
	CONSTRAINT court_disposal_accused_named_once CHECK ((arrest_no IS NULL) <> (name IS NULL)
		AND (name IS NULL) = (person IS NULL)),
	CONSTRAINT court_disposal_accused_sentence CHECK (core.sentence_ok(punishment, period_months, fine_rupees)
		AND (result = 'convicted') = (punishment IS NOT NULL AND punishment <> 'none'))
) PARTITION BY LIST (state_code);

COMMENT ON TABLE core.court_disposal_accused IS
	'What the trial court decided for each accused: result, punishment with its period and fine (a conviction, and only a conviction, carries a punishment other than none; imprisonment has a period of 1..1200 months; fine_only a fine), sections convicted under in core.court_disposal_charge. Partitioned like core.fir';
COMMENT ON COLUMN core.court_disposal_accused.state_code IS 'Partition key, as core.fir';
COMMENT ON COLUMN core.court_disposal_accused.year IS 'Partition key: the FIR''s year';
COMMENT ON COLUMN core.court_disposal_accused.fir_id IS 'The FIR';
COMMENT ON COLUMN core.court_disposal_accused.seq IS 'Position in CourtDisposal.accused, from 0';
COMMENT ON COLUMN core.court_disposal_accused.arrest_no IS 'The accused''s arrest memo in this FIR; NULL for an accused never arrested';
COMMENT ON COLUMN core.court_disposal_accused.accused_code IS 'Generated: accused code of arrest_no';
COMMENT ON COLUMN core.court_disposal_accused.person_id IS 'An accused never arrested: the person, as linked by the final report';
COMMENT ON COLUMN core.court_disposal_accused.name IS 'An accused never arrested: the name as the final report wrote it (personal data)';
COMMENT ON COLUMN core.court_disposal_accused.person IS 'An accused never arrested: the Person as written in the disposal (personal data)';
COMMENT ON COLUMN core.court_disposal_accused.result IS 'TrialResult: convicted, acquitted, discharged, compounded, abated';
COMMENT ON COLUMN core.court_disposal_accused.punishment IS 'Convicted: the punishment (not none); otherwise NULL or none';
COMMENT ON COLUMN core.court_disposal_accused.period_months IS 'Term of imprisonment (or probation) in months, 0..1200';
COMMENT ON COLUMN core.court_disposal_accused.fine_rupees IS 'Fine in rupees, 0 when none';

CREATE TABLE core.court_disposal_charge (
	state_code int NOT NULL,
	year smallint NOT NULL,
	fir_id bigint NOT NULL,
	accused_seq smallint NOT NULL,
	seq smallint NOT NULL CHECK (seq >= 0),
	act text NOT NULL CHECK (act IN ('ipc', 'bns', 'special_local')),
	section text NOT NULL CHECK (section <> '' AND octet_length(section) <= 32),
	law text,
	section_act text GENERATED ALWAYS AS (CASE WHEN act IN ('ipc', 'bns') THEN act END) STORED,
	section_base text GENERATED ALWAYS AS
		(CASE WHEN act IN ('ipc', 'bns') THEN upper(substring(section FROM '^[0-9]+[A-Za-z]*')) END) STORED,
	PRIMARY KEY (state_code, year, fir_id, accused_seq, seq),
	FOREIGN KEY (state_code, year, fir_id, accused_seq)
		REFERENCES core.court_disposal_accused (state_code, year, fir_id, seq) ON DELETE CASCADE,
	FOREIGN KEY (section_act, section_base) REFERENCES ref.section (act, section),
	FOREIGN KEY (law) REFERENCES ref.special_law (code),
	CHECK ((act = 'special_local') = (law IS NOT NULL)),
	CHECK (act = 'special_local' OR section ~ '^[0-9]+[A-Za-z]*(\([0-9A-Za-z]+\))*$')
) PARTITION BY LIST (state_code);

COMMENT ON TABLE core.court_disposal_charge IS
	'Sections a convicted accused was convicted under (as core.fir_charge). Partitioned like core.fir';
COMMENT ON COLUMN core.court_disposal_charge.state_code IS 'Partition key, as core.fir';
COMMENT ON COLUMN core.court_disposal_charge.year IS 'Partition key: the FIR''s year';
COMMENT ON COLUMN core.court_disposal_charge.fir_id IS 'The FIR';
COMMENT ON COLUMN core.court_disposal_charge.accused_seq IS 'The accused (core.court_disposal_accused.seq)';
COMMENT ON COLUMN core.court_disposal_charge.seq IS 'Position in AccusedDisposal.sections_convicted, from 0';
COMMENT ON COLUMN core.court_disposal_charge.act IS 'ipc, bns or special_local';
COMMENT ON COLUMN core.court_disposal_charge.section IS 'Section as written in the act';
COMMENT ON COLUMN core.court_disposal_charge.law IS 'special_local only: the law';
COMMENT ON COLUMN core.court_disposal_charge.section_act IS 'Generated: act when ipc or bns';
COMMENT ON COLUMN core.court_disposal_charge.section_base IS 'Generated: base section';

-- ------------------------------------------------------------ appeal (IIF-VII)

-- The appeal and, once decided, its result: one row per case, the result
-- columns set once (trigger appeal_result_once).
CREATE TABLE core.appeal (
	state_code int NOT NULL,
	year smallint NOT NULL,
	fir_id bigint NOT NULL,
	district_code int NOT NULL,
	station_code int NOT NULL,
	court core.court_text NOT NULL CHECK (octet_length(court) <= 1200),
	filed_on date NOT NULL CHECK (filed_on >= '1950-01-01'),
	appellant text NOT NULL CHECK (appellant IN ('state', 'accused', 'complainant')),
	officer_number text NOT NULL CHECK (officer_number <> ''),
	officer_name text NOT NULL CHECK (officer_name <> ''),
	officer_rank text NOT NULL CHECK (officer_rank <> ''),
	recorded_at timestamptz NOT NULL DEFAULT now(),
	gd_date date NOT NULL,
	gd_no int NOT NULL,
	gd_year smallint GENERATED ALWAYS AS (extract(year FROM gd_date)::smallint) STORED,
	idempotency_key bytea NOT NULL CHECK (length(idempotency_key) = 16),
	content_sha256 bytea NOT NULL CHECK (length(content_sha256) = 32),
	result_court core.court_text CHECK (octet_length(result_court) <= 1200),
	decided_on date,
	result_officer_number text CHECK (result_officer_number <> ''),
	result_officer_name text CHECK (result_officer_name <> ''),
	result_officer_rank text CHECK (result_officer_rank <> ''),
	result_recorded_at timestamptz,
	result_gd_date date,
	result_gd_no int,
	result_gd_year smallint GENERATED ALWAYS AS (extract(year FROM result_gd_date)::smallint) STORED,
	result_idempotency_key bytea CHECK (length(result_idempotency_key) = 16),
	result_content_sha256 bytea CHECK (length(result_content_sha256) = 32),
	PRIMARY KEY (state_code, year, fir_id),
	FOREIGN KEY (state_code, year, fir_id) REFERENCES core.court_disposal (state_code, year, fir_id) ON DELETE CASCADE,
	FOREIGN KEY (district_code, station_code, gd_date, gd_no, state_code, gd_year)
		REFERENCES core.gd_entry (district_code, station_code, gd_date, gd_no, state_code, year),
	FOREIGN KEY (district_code, station_code, result_gd_date, result_gd_no, state_code, result_gd_year)
		REFERENCES core.gd_entry (district_code, station_code, gd_date, gd_no, state_code, year),
	CONSTRAINT appeal_not_in_future CHECK (filed_on <= (recorded_at AT TIME ZONE 'Asia/Kolkata')::date),
	CONSTRAINT appeal_result_complete CHECK (num_nulls(result_court, decided_on, result_officer_number,
		result_officer_name, result_officer_rank, result_recorded_at, result_gd_date, result_gd_no,
		result_idempotency_key, result_content_sha256) IN (0, 10)),
	CONSTRAINT appeal_decided_after_filed CHECK (decided_on >= filed_on
		AND decided_on <= (result_recorded_at AT TIME ZONE 'Asia/Kolkata')::date)
) PARTITION BY LIST (state_code);

COMMENT ON TABLE core.appeal IS
	'The appeal against a court disposal (IIF-VII), one per FIR: appellate court, date filed (not before the judgement, trigger appeal_guard; not in the future), appellant; and, once decided, the result (result_* columns, decided_on not before filed_on, set once: trigger appeal_result_once). The accused of the appeal and their results are core.appeal_accused. Partitioned like core.fir';
COMMENT ON COLUMN core.appeal.state_code IS 'Partition key, as core.fir';
COMMENT ON COLUMN core.appeal.year IS 'Partition key: the FIR''s year';
COMMENT ON COLUMN core.appeal.fir_id IS 'The FIR';
COMMENT ON COLUMN core.appeal.district_code IS 'District of the FIR''s station';
COMMENT ON COLUMN core.appeal.station_code IS 'The FIR''s station';
COMMENT ON COLUMN core.appeal.court IS 'The appellate court';
COMMENT ON COLUMN core.appeal.filed_on IS 'Date the appeal was filed';
COMMENT ON COLUMN core.appeal.appellant IS 'Who appealed: state, accused, complainant';
COMMENT ON COLUMN core.appeal.officer_number IS 'Officer who recorded the appeal: belt or service number';
COMMENT ON COLUMN core.appeal.officer_name IS 'Officer who recorded the appeal: name';
COMMENT ON COLUMN core.appeal.officer_rank IS 'Officer who recorded the appeal: rank';
COMMENT ON COLUMN core.appeal.recorded_at IS 'When the server recorded the appeal';
COMMENT ON COLUMN core.appeal.gd_date IS 'Day of the appeal''s General Diary entry';
COMMENT ON COLUMN core.appeal.gd_no IS 'Number of the appeal''s General Diary entry';
COMMENT ON COLUMN core.appeal.gd_year IS 'Generated: year of gd_date';
COMMENT ON COLUMN core.appeal.idempotency_key IS '16-byte key of the FileAppeal write';
COMMENT ON COLUMN core.appeal.content_sha256 IS 'SHA-256 of the FIR number and the Appeal JSON';
COMMENT ON COLUMN core.appeal.result_court IS 'Result: the court that decided the appeal';
COMMENT ON COLUMN core.appeal.decided_on IS 'Result: date of the decision (not before filed_on)';
COMMENT ON COLUMN core.appeal.result_officer_number IS 'Result: officer who recorded it, belt or service number';
COMMENT ON COLUMN core.appeal.result_officer_name IS 'Result: officer who recorded it, name';
COMMENT ON COLUMN core.appeal.result_officer_rank IS 'Result: officer who recorded it, rank';
COMMENT ON COLUMN core.appeal.result_recorded_at IS 'Result: when the server recorded it';
COMMENT ON COLUMN core.appeal.result_gd_date IS 'Result: day of its General Diary entry';
COMMENT ON COLUMN core.appeal.result_gd_no IS 'Result: number of its General Diary entry';
COMMENT ON COLUMN core.appeal.result_gd_year IS 'Generated: year of result_gd_date';
COMMENT ON COLUMN core.appeal.result_idempotency_key IS 'Result: 16-byte key of the RecordAppealResult write';
COMMENT ON COLUMN core.appeal.result_content_sha256 IS 'Result: SHA-256 of the FIR number and the AppealResult JSON';

CREATE TABLE core.appeal_accused (
	state_code int NOT NULL,
	year smallint NOT NULL,
	fir_id bigint NOT NULL,
	seq smallint NOT NULL CHECK (seq >= 0),
	disposal_seq smallint NOT NULL,
	result text CHECK (result IN ('upheld', 'acquitted_on_appeal', 'convicted_on_appeal', 'sentence_modified',
		'remanded_for_retrial')),
	new_punishment core.punishment,
	period_months smallint NOT NULL DEFAULT 0,
	fine_rupees bigint NOT NULL DEFAULT 0,
	PRIMARY KEY (state_code, year, fir_id, seq),
	UNIQUE (state_code, year, fir_id, disposal_seq),
	FOREIGN KEY (state_code, year, fir_id) REFERENCES core.appeal (state_code, year, fir_id) ON DELETE CASCADE,
	FOREIGN KEY (state_code, year, fir_id, disposal_seq)
		REFERENCES core.court_disposal_accused (state_code, year, fir_id, seq) ON DELETE CASCADE,
	CONSTRAINT appeal_accused_sentence CHECK (core.sentence_ok(new_punishment, period_months, fine_rupees)
		AND (result IS NULL OR (result IN ('convicted_on_appeal', 'sentence_modified'))
			= (new_punishment IS NOT NULL AND new_punishment <> 'none'))
		AND (result IS NOT NULL OR new_punishment IS NULL))
) PARTITION BY LIST (state_code);

COMMENT ON TABLE core.appeal_accused IS
	'The accused an appeal is about (each an accused of the court disposal) and, once decided, the result for each; a new sentence exactly when the appeal convicts or modifies the sentence. The result is set once (trigger appeal_accused_result_once). Partitioned like core.fir';
COMMENT ON COLUMN core.appeal_accused.state_code IS 'Partition key, as core.fir';
COMMENT ON COLUMN core.appeal_accused.year IS 'Partition key: the FIR''s year';
COMMENT ON COLUMN core.appeal_accused.fir_id IS 'The FIR';
COMMENT ON COLUMN core.appeal_accused.seq IS 'Order in the appeal: accused_codes first, then accused_names';
COMMENT ON COLUMN core.appeal_accused.disposal_seq IS 'The accused as disposed (core.court_disposal_accused.seq)';
COMMENT ON COLUMN core.appeal_accused.result IS 'AppealOutcome once decided: upheld, acquitted_on_appeal, convicted_on_appeal, sentence_modified, remanded_for_retrial';
COMMENT ON COLUMN core.appeal_accused.new_punishment IS 'The sentence after an appeal that convicts or modifies it';
COMMENT ON COLUMN core.appeal_accused.period_months IS 'Term of the new sentence in months, 0..1200';
COMMENT ON COLUMN core.appeal_accused.fine_rupees IS 'Fine of the new sentence in rupees';

INSERT INTO core.partitioned_table (name, create_order, append_only) VALUES
	('final_report', 150, false),
	('final_report_accused', 151, false),
	('final_report_charge', 152, false),
	('final_report_witness', 153, false),
	('final_report_property', 154, false),
	('court_disposal', 155, false),
	('court_disposal_accused', 156, false),
	('court_disposal_charge', 157, false),
	('appeal', 158, false),
	('appeal_accused', 159, false);

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

-- ------------------------------------------------------------ rules for every writer

-- Who may file a case's final report: its current investigating officer,
-- compared by number (case-insensitive, as api.assign_io does). NULL when
-- officer_number may; else raises CT409 (no IO) or CT403.
CREATE FUNCTION core.final_report_io_check(fir_no int, fir_year int, io_number text, io_name text,
	io_rank text, officer_number text) RETURNS void
LANGUAGE plpgsql
SET search_path = pg_catalog, pg_temp
AS $fn$
BEGIN
	IF io_number IS NULL THEN
		RAISE EXCEPTION USING ERRCODE = 'CT409', COLUMN = 'officer',
			MESSAGE = format('FIR %s has no investigating officer: a final report is filed by the case''s investigating officer, so assign one first (cctns case assign-io)',
				core.fir_number_text(fir_no, fir_year));
	END IF;
	IF upper(btrim(officer_number)) IS DISTINCT FROM upper(btrim(io_number)) THEN
		RAISE EXCEPTION USING ERRCODE = 'CT403', COLUMN = 'officer.number',
			MESSAGE = format('only the case''s investigating officer (%s %s, %s) may file its final report',
				io_rank, io_name, io_number);
	END IF;
END
$fn$;
COMMENT ON FUNCTION core.final_report_io_check(int, int, text, text, text, text) IS
	'Refuse a final report filed by anyone but the case''s current investigating officer: CT409 (COLUMN officer) when the case has none, CT403 (COLUMN officer.number) naming the investigating officer otherwise';

-- A final report, whoever writes it: the FIR's station, the FIR's current
-- investigating officer, not before the FIR was registered, not before the
-- previous report.
CREATE FUNCTION core.final_report_guard() RETURNS trigger
LANGUAGE plpgsql
SET search_path = pg_catalog, pg_temp
AS $fn$
DECLARE
	f record;
	prev timestamptz;
BEGIN
	SELECT x.registered_at, x.district_code, x.station_code, x.fir_no, x.io_number, x.io_name, x.io_rank INTO f
	FROM core.fir x WHERE x.state_code = NEW.state_code AND x.year = NEW.year AND x.fir_id = NEW.fir_id;
	IF NOT FOUND THEN
		RETURN NEW; -- the foreign key says so
	END IF;
	IF f.district_code <> NEW.district_code OR f.station_code <> NEW.station_code THEN
		RAISE EXCEPTION USING ERRCODE = 'CT400', COLUMN = 'fir_number',
			MESSAGE = 'a final report belongs to the station of its FIR';
	END IF;
	PERFORM core.final_report_io_check(f.fir_no, NEW.year, f.io_number, f.io_name, f.io_rank, NEW.officer_number);
	IF NEW.filed_at < date_trunc('second', f.registered_at) THEN
		RAISE EXCEPTION USING ERRCODE = 'CT400', COLUMN = 'filed_at',
			MESSAGE = format('a final report cannot be filed before its FIR: FIR %s was registered at %s',
				core.fir_number_text(f.fir_no, NEW.year), core.ist_text(date_trunc('second', f.registered_at)));
	END IF;
	SELECT max(r.filed_at) INTO prev FROM core.final_report r
	WHERE r.state_code = NEW.state_code AND r.year = NEW.year AND r.fir_id = NEW.fir_id
		AND r.report_no < NEW.report_no;
	IF NEW.filed_at < prev THEN
		RAISE EXCEPTION USING ERRCODE = 'CT400', COLUMN = 'filed_at',
			MESSAGE = format('filed_at %s is before the previous final report of the case (filed at %s)',
				core.ist_text(NEW.filed_at), core.ist_text(prev));
	END IF;
	RETURN NEW;
END
$fn$;
COMMENT ON FUNCTION core.final_report_guard() IS
	'Trigger: refuse a final report of another station than its FIR''s (CT400), by anyone but the case''s investigating officer (CT403, CT409 when there is none), filed before the FIR was registered or before the previous report (CT400)';

CREATE TRIGGER final_report_guard BEFORE INSERT OR UPDATE ON core.final_report
	FOR EACH ROW EXECUTE FUNCTION core.final_report_guard();

-- Dates of a charged accused: not after the day the report was filed, not
-- before the day the FIR was registered (IST).
CREATE FUNCTION core.final_report_accused_guard() RETURNS trigger
LANGUAGE plpgsql
SET search_path = pg_catalog, pg_temp
AS $fn$
DECLARE
	lo date;
	hi date;
BEGIN
	IF NEW.arrested_on IS NULL AND NEW.bailed_on IS NULL AND NEW.forwarded_on IS NULL THEN
		RETURN NEW;
	END IF;
	SELECT (x.registered_at AT TIME ZONE 'Asia/Kolkata')::date, (r.filed_at AT TIME ZONE 'Asia/Kolkata')::date
	INTO lo, hi
	FROM core.final_report r JOIN core.fir x ON x.state_code = r.state_code AND x.year = r.year AND x.fir_id = r.fir_id
	WHERE r.state_code = NEW.state_code AND r.year = NEW.year AND r.fir_id = NEW.fir_id AND r.report_no = NEW.report_no;
	IF least(NEW.arrested_on, NEW.bailed_on, NEW.forwarded_on) < lo
		OR greatest(NEW.arrested_on, NEW.bailed_on, NEW.forwarded_on) > hi THEN
		RAISE EXCEPTION USING ERRCODE = 'CT400', COLUMN = 'charged',
			MESSAGE = format('the dates of a charged accused lie between the FIR''s registration (%s) and the filing of the report (%s)',
				lo, hi);
	END IF;
	RETURN NEW;
END
$fn$;
COMMENT ON FUNCTION core.final_report_accused_guard() IS
	'Trigger: refuse (CT400) arrest, bail or forwarding dates of a charged accused after the day the report was filed or before the day the FIR was registered';

CREATE TRIGGER final_report_accused_guard BEFORE INSERT OR UPDATE ON core.final_report_accused
	FOR EACH ROW EXECUTE FUNCTION core.final_report_accused_guard();

-- A judgement is not before the final reports it judges, and belongs to the
-- FIR's station.
CREATE FUNCTION core.court_disposal_guard() RETURNS trigger
LANGUAGE plpgsql
SET search_path = pg_catalog, pg_temp
AS $fn$
DECLARE
	f record;
	last_filed date;
BEGIN
	SELECT x.district_code, x.station_code INTO f
	FROM core.fir x WHERE x.state_code = NEW.state_code AND x.year = NEW.year AND x.fir_id = NEW.fir_id;
	IF FOUND AND (f.district_code <> NEW.district_code OR f.station_code <> NEW.station_code) THEN
		RAISE EXCEPTION USING ERRCODE = 'CT400', COLUMN = 'fir_number',
			MESSAGE = 'a court disposal belongs to the station of its FIR';
	END IF;
	SELECT max((r.filed_at AT TIME ZONE 'Asia/Kolkata')::date) INTO last_filed FROM core.final_report r
	WHERE r.state_code = NEW.state_code AND r.year = NEW.year AND r.fir_id = NEW.fir_id;
	IF last_filed IS NULL OR NEW.judgement_date < last_filed THEN
		RAISE EXCEPTION USING ERRCODE = 'CT400', COLUMN = 'judgement_date',
			MESSAGE = CASE WHEN last_filed IS NULL THEN 'a court disposes of a case only after its final report'
				ELSE format('judgement_date %s is before the final report of the case (filed on %s)',
					NEW.judgement_date, last_filed) END;
	END IF;
	RETURN NEW;
END
$fn$;
COMMENT ON FUNCTION core.court_disposal_guard() IS
	'Trigger: refuse (CT400) a court disposal of another station than its FIR''s, or one whose judgement_date is before the last final report of the case (or with no final report)';

CREATE TRIGGER court_disposal_guard BEFORE INSERT OR UPDATE ON core.court_disposal
	FOR EACH ROW EXECUTE FUNCTION core.court_disposal_guard();

-- An appeal is not filed before the judgement; its result is written once,
-- and nothing else of the appeal changes.
CREATE FUNCTION core.appeal_guard() RETURNS trigger
LANGUAGE plpgsql
SET search_path = pg_catalog, pg_temp
AS $fn$
DECLARE
	-- The result, and the generated columns (not computed yet in NEW).
	result_cols constant text[] := ARRAY['result_court', 'decided_on', 'result_officer_number', 'result_officer_name',
		'result_officer_rank', 'result_recorded_at', 'result_gd_date', 'result_gd_no', 'result_gd_year',
		'result_idempotency_key', 'result_content_sha256', 'gd_year'];
	judged date;
BEGIN
	IF TG_OP = 'UPDATE' THEN
		IF OLD.decided_on IS NOT NULL
			OR (to_jsonb(NEW) - result_cols) IS DISTINCT FROM (to_jsonb(OLD) - result_cols) THEN
			RAISE EXCEPTION USING ERRCODE = 'CT409',
				MESSAGE = 'an appeal is recorded once and its result once: neither changes afterwards';
		END IF;
		RETURN NEW;
	END IF;
	SELECT d.judgement_date INTO judged FROM core.court_disposal d
	WHERE d.state_code = NEW.state_code AND d.year = NEW.year AND d.fir_id = NEW.fir_id;
	IF NEW.filed_on < judged THEN
		RAISE EXCEPTION USING ERRCODE = 'CT400', COLUMN = 'filed_on',
			MESSAGE = format('filed_on %s is before the judgement appealed against (%s)', NEW.filed_on, judged);
	END IF;
	RETURN NEW;
END
$fn$;
COMMENT ON FUNCTION core.appeal_guard() IS
	'Trigger: refuse (CT400) an appeal filed before the judgement; refuse (CT409) any change of an appeal but writing its result once';

CREATE TRIGGER appeal_guard BEFORE INSERT OR UPDATE ON core.appeal
	FOR EACH ROW EXECUTE FUNCTION core.appeal_guard();

CREATE FUNCTION core.appeal_accused_guard() RETURNS trigger
LANGUAGE plpgsql
SET search_path = pg_catalog, pg_temp
AS $fn$
BEGIN
	IF OLD.result IS NOT NULL OR NEW.disposal_seq <> OLD.disposal_seq OR NEW.seq <> OLD.seq THEN
		RAISE EXCEPTION USING ERRCODE = 'CT409',
			MESSAGE = 'the result of an appeal for an accused is recorded once and does not change';
	END IF;
	RETURN NEW;
END
$fn$;
COMMENT ON FUNCTION core.appeal_accused_guard() IS
	'Trigger: refuse (CT409) any change of an appeal''s accused but writing the result once';

CREATE TRIGGER appeal_accused_result_once BEFORE UPDATE ON core.appeal_accused
	FOR EACH ROW EXECUTE FUNCTION core.appeal_accused_guard();

-- ------------------------------------------------------------ validation helpers

-- Read a required YYYY-MM-DD date that is not in the future (IST).
CREATE FUNCTION core.court_date(v jsonb, path text) RETURNS date
LANGUAGE plpgsql
SET search_path = pg_catalog, pg_temp
AS $fn$
DECLARE
	d date := core.read_date(v, path);
BEGIN
	IF d IS NULL THEN
		PERFORM core.fir_bad(path, path || ' is required');
	END IF;
	IF d > (now() AT TIME ZONE 'Asia/Kolkata')::date THEN
		PERFORM core.fir_bad(path, format('%s %s is in the future', path, d));
	END IF;
	IF d < '1950-01-01' THEN
		PERFORM core.fir_bad(path, path || ' is before 1950');
	END IF;
	RETURN d;
END
$fn$;
COMMENT ON FUNCTION core.court_date(jsonb, text) IS
	'Read a required date (CT400 when absent, malformed, before 1950 or after today in IST)';

-- Validate a Person that may name an existing person by person_id; the
-- name is then optional.
CREATE FUNCTION core.court_person_check(p jsonb, path text) RETURNS void
LANGUAGE plpgsql
SET search_path = pg_catalog, pg_temp
AS $fn$
DECLARE
	pid bigint;
BEGIN
	IF jsonb_typeof(p) = 'object' AND p ? 'person_id' THEN
		pid := core.j_uint(p -> 'person_id', path || '.person_id', 999999999999999999);
		PERFORM core.fir_check_person(p - 'person_id', path, pid IS NULL);
	ELSE
		PERFORM core.fir_check_person(p, path, true);
	END IF;
END
$fn$;
COMMENT ON FUNCTION core.court_person_check(jsonb, text) IS
	'Validate a Person (core.fir_check_person) that may carry person_id, in which case the name may be left out';

-- The accused an element names: exactly one of accused_code (an arrest memo
-- of the FIR) and person. Returns the arrest number, or NULL for a person.
CREATE FUNCTION core.court_accused_ref(el jsonb, path text, state int, fir_year int, fir_id bigint,
	fir_no int) RETURNS smallint
LANGUAGE plpgsql
SET search_path = pg_catalog, pg_temp
AS $fn$
DECLARE
	code text := core.j_str(el -> 'accused_code', path || '.accused_code', 2, false);
	has_person boolean := el ? 'person' AND jsonb_typeof(el -> 'person') <> 'null';
	n smallint;
BEGIN
	IF code IS NOT NULL AND has_person THEN
		PERFORM core.fir_bad(path || '.person', path || '.person must be empty when accused_code is given');
	END IF;
	IF code IS NULL AND NOT has_person THEN
		PERFORM core.fir_bad(path || '.accused_code', path
			|| '.accused_code is required: the accused code of the arrest memo, or a person for an accused never arrested');
	END IF;
	IF code IS NULL THEN
		PERFORM core.court_person_check(el -> 'person', path || '.person');
		RETURN NULL;
	END IF;
	IF code !~ '^[A-Z][1-9]$' THEN
		PERFORM core.fir_bad(path || '.accused_code', format('"%s" is not an accused code such as A1 or B3', code));
	END IF;
	n := (ascii(code) - 65) * 9 + substr(code, 2, 1)::int;
	IF NOT EXISTS (SELECT 1 FROM core.arrest a WHERE a.state_code = state AND a.year = fir_year
		AND a.fir_id = court_accused_ref.fir_id AND a.arrest_no = n) THEN
		PERFORM core.fir_bad(path || '.accused_code', format('FIR %s has no arrest memo of accused %s',
			core.fir_number_text(fir_no, fir_year), code));
	END IF;
	RETURN n;
END
$fn$;
COMMENT ON FUNCTION core.court_accused_ref(jsonb, text, int, int, bigint, int) IS
	'An accused named by accused_code (an arrest memo of the FIR: its arrest_no) or by person (validated; NULL returned); CT400 when both, neither, or no such memo';

-- Validate a list of sections (Charge) as the FIR's charges are validated,
-- by the FIR's occurrence dates.
CREATE FUNCTION core.court_sections_check(arr jsonb, path text, required boolean, occurred_from timestamptz,
	occurred_to timestamptz) RETURNS jsonb
LANGUAGE plpgsql
SET search_path = pg_catalog, pg_temp
AS $fn$
DECLARE
	i int;
BEGIN
	arr := core.j_arr(arr, path, 50);
	IF required AND jsonb_array_length(arr) = 0 THEN
		PERFORM core.fir_bad(path, path || ': at least one section is required');
	END IF;
	FOR i IN 0 .. jsonb_array_length(arr) - 1 LOOP
		PERFORM core.fir_check_charge(arr -> i, path || '[' || i || ']', occurred_from, occurred_to);
	END LOOP;
	RETURN arr;
END
$fn$;
COMMENT ON FUNCTION core.court_sections_check(jsonb, text, boolean, timestamptz, timestamptz) IS
	'Validate repeated Charge (at most 50; at least one when required) with core.fir_check_charge by the FIR''s occurrence: the section exists, IPC before 2024-07-01 and BNS from then';

-- A sentence: punishment (key pkey), period_months, fine_rupees of el.
-- sentenced: whether this result carries a sentence (then a punishment
-- other than none is required), else none may be given.
CREATE FUNCTION core.court_sentence_check(el jsonb, path text, pkey text, sentenced boolean, why text,
	OUT o_punishment text, OUT o_months int, OUT o_fine bigint)
LANGUAGE plpgsql
SET search_path = pg_catalog, pg_temp
AS $fn$
DECLARE
	punishments constant text[] := ARRAY['none', 'death', 'life_imprisonment', 'rigorous_imprisonment',
		'simple_imprisonment', 'fine_only', 'probation'];
BEGIN
	o_punishment := core.j_enum(el -> pkey, path || '.' || pkey, punishments, false);
	o_months := coalesce(core.j_uint(el -> 'period_months', path || '.period_months', 4294967295), 0);
	o_fine := coalesce(core.j_uint(el -> 'fine_rupees', path || '.fine_rupees', 9223372036854775807), 0);
	IF NOT sentenced THEN
		IF o_punishment IS DISTINCT FROM 'none' AND o_punishment IS NOT NULL THEN
			PERFORM core.fir_bad(path || '.' || pkey, format('%s.%s must be empty: %s', path, pkey, why));
		ELSIF o_months > 0 THEN
			PERFORM core.fir_bad(path || '.period_months', format('%s.period_months must be 0: %s', path, why));
		ELSIF o_fine > 0 THEN
			PERFORM core.fir_bad(path || '.fine_rupees', format('%s.fine_rupees must be 0: %s', path, why));
		END IF;
		RETURN;
	END IF;
	IF o_punishment IS NULL OR o_punishment = 'none' THEN
		PERFORM core.fir_bad(path || '.' || pkey, format('%s.%s is required: %s', path, pkey, why));
	END IF;
	IF o_months > 1200 THEN
		PERFORM core.fir_bad(path || '.period_months',
			format('%s.period_months: %s months is more than 100 years (at most 1200)', path, o_months));
	END IF;
	IF o_punishment IN ('rigorous_imprisonment', 'simple_imprisonment') AND o_months = 0 THEN
		PERFORM core.fir_bad(path || '.period_months',
			format('%s.period_months is required for %s: the term in months', path, o_punishment));
	END IF;
	IF o_months > 0 AND o_punishment NOT IN ('rigorous_imprisonment', 'simple_imprisonment', 'probation') THEN
		PERFORM core.fir_bad(path || '.period_months',
			format('%s.period_months must be 0 for %s: only imprisonment and probation have a term', path, o_punishment));
	END IF;
	IF o_punishment = 'fine_only' AND o_fine = 0 THEN
		PERFORM core.fir_bad(path || '.fine_rupees', format('%s.fine_rupees is required for fine_only', path));
	END IF;
	IF o_fine > 999999999999 THEN
		PERFORM core.fir_bad(path || '.fine_rupees', format('%s.fine_rupees: a fine of %s rupees is not possible', path, o_fine));
	END IF;
END
$fn$;
COMMENT ON FUNCTION core.court_sentence_check(jsonb, text, text, boolean, text) IS
	'Validate a sentence (punishment under key pkey, period_months, fine_rupees): required and not none when sentenced, else empty (CT400 saying why); period 1..1200 exactly for imprisonment (or probation), a fine for fine_only, below 10^12 rupees';

-- Text for a person of an accused: "A1", or "a person not arrested". No
-- personal data (for diary entries and the timeline).
CREATE FUNCTION core.court_accused_list(codes text[], persons int) RETURNS text
LANGUAGE sql IMMUTABLE
SET search_path = pg_catalog, pg_temp
AS $fn$
	SELECT nullif(concat_ws(', ', nullif(array_to_string(codes, ', '), ''),
		CASE WHEN persons = 1 THEN '1 accused not arrested'
			WHEN persons > 1 THEN persons || ' accused not arrested' END), '')
$fn$;
COMMENT ON FUNCTION core.court_accused_list(text[], int) IS
	'Accused for a diary entry or timeline summary without personal data: their codes, and how many have none ("A1, A2, 1 accused not arrested")';

-- ------------------------------------------------------------ JSON output

CREATE FUNCTION core.court_charge_json(act text, section text, law text) RETURNS jsonb
LANGUAGE sql IMMUTABLE
SET search_path = pg_catalog, pg_temp
AS $fn$
	SELECT jsonb_strip_nulls(jsonb_build_object('act', act, 'section', section, 'law', law))
$fn$;
COMMENT ON FUNCTION core.court_charge_json(text, text, text) IS 'Charge message as JSON';

CREATE FUNCTION core.final_report_receipt_json(r core.final_report, fir_no int) RETURNS jsonb
LANGUAGE sql STABLE
SET search_path = pg_catalog, pg_temp
AS $fn$
	SELECT jsonb_build_object(
		'fir_number', core.fir_number_text(fir_no, r.year),
		'report_no', r.report_no,
		'filed_at', core.ist_text(r.filed_at),
		'status', r.status_after,
		'recorded_at', core.ist_text(date_trunc('second', r.recorded_at)),
		'gd_date', to_char(r.gd_date, 'YYYY-MM-DD'),
		'gd_number', r.gd_no)
$fn$;
COMMENT ON FUNCTION core.final_report_receipt_json(core.final_report, int) IS
	'FinalReportReceipt message as JSON (without replayed) from a core.final_report row and its FIR''s number';

CREATE FUNCTION core.final_report_json(r core.final_report) RETURNS jsonb
LANGUAGE sql STABLE
SET search_path = pg_catalog, pg_temp
AS $fn$
	SELECT jsonb_strip_nulls(jsonb_build_object(
		'kind', r.kind,
		'supplementary', CASE WHEN r.supplementary THEN true END,
		'filed_at', core.ist_text(r.filed_at),
		'court', r.court,
		'charged', (SELECT jsonb_agg(jsonb_strip_nulls(jsonb_build_object(
				'accused_code', a.accused_code,
				'person', a.person,
				'sections', (SELECT jsonb_agg(core.court_charge_json(c.act, c.section, c.law) ORDER BY c.seq)
					FROM core.final_report_charge c
					WHERE c.state_code = a.state_code AND c.year = a.year AND c.fir_id = a.fir_id
						AND c.report_no = a.report_no AND c.accused_seq = a.seq),
				'arrested_on', to_char(a.arrested_on, 'YYYY-MM-DD'),
				'bailed_on', to_char(a.bailed_on, 'YYYY-MM-DD'),
				'forwarded_on', to_char(a.forwarded_on, 'YYYY-MM-DD'),
				'previous_convictions', a.previous_convictions,
				'status', a.status)) ORDER BY a.seq)
			FROM core.final_report_accused a
			WHERE a.state_code = r.state_code AND a.year = r.year AND a.fir_id = r.fir_id
				AND a.report_no = r.report_no AND a.charged),
		'not_charged', (SELECT jsonb_agg(jsonb_strip_nulls(jsonb_build_object(
				'accused_code', a.accused_code, 'person', a.person, 'reason', a.reason)) ORDER BY a.seq)
			FROM core.final_report_accused a
			WHERE a.state_code = r.state_code AND a.year = r.year AND a.fir_id = r.fir_id
				AND a.report_no = r.report_no AND NOT a.charged),
		'witnesses', (SELECT jsonb_agg(jsonb_build_object('person', w.person, 'kind', w.kind) ORDER BY w.seq)
			FROM core.final_report_witness w
			WHERE w.state_code = r.state_code AND w.year = r.year AND w.fir_id = r.fir_id
				AND w.report_no = r.report_no),
		'properties', (SELECT jsonb_agg(jsonb_strip_nulls(jsonb_build_object('description', p.description,
				'malkhana_number', p.malkhana_number, 'disposal', p.disposal)) ORDER BY p.seq)
			FROM core.final_report_property p
			WHERE p.state_code = r.state_code AND p.year = r.year AND p.fir_id = r.fir_id
				AND p.report_no = r.report_no),
		'brief_facts', r.brief_facts,
		'officer', core.officer_json(r.officer_number, r.officer_name, r.officer_rank)))
$fn$;
COMMENT ON FUNCTION core.final_report_json(core.final_report) IS
	'FinalReport message as JSON (pbjson mapping) from a core.final_report row and its accused, charges, witnesses and properties';

CREATE FUNCTION core.court_receipt_json(fir_no int, fir_year int, event text, status text,
	recorded_at timestamptz, gd_date date, gd_no int) RETURNS jsonb
LANGUAGE sql STABLE
SET search_path = pg_catalog, pg_temp
AS $fn$
	SELECT jsonb_build_object(
		'fir_number', core.fir_number_text(fir_no, fir_year),
		'event', event,
		'status', status,
		'recorded_at', core.ist_text(date_trunc('second', recorded_at)),
		'gd_date', to_char(gd_date, 'YYYY-MM-DD'),
		'gd_number', gd_no)
$fn$;
COMMENT ON FUNCTION core.court_receipt_json(int, int, text, text, timestamptz, date, int) IS
	'CourtReceipt message as JSON (without replayed)';

CREATE FUNCTION core.court_disposal_json(d core.court_disposal) RETURNS jsonb
LANGUAGE sql STABLE
SET search_path = pg_catalog, pg_temp
AS $fn$
	SELECT jsonb_strip_nulls(jsonb_build_object(
		'kind', d.kind,
		'judgement_date', to_char(d.judgement_date, 'YYYY-MM-DD'),
		'court', d.court,
		'case_number_in_court', d.case_number_in_court,
		'prosecutor', d.prosecutor,
		'accused', (SELECT jsonb_agg(jsonb_strip_nulls(jsonb_build_object(
				'accused_code', a.accused_code,
				'person', a.person,
				'result', a.result,
				'sections_convicted', (SELECT jsonb_agg(core.court_charge_json(c.act, c.section, c.law) ORDER BY c.seq)
					FROM core.court_disposal_charge c
					WHERE c.state_code = a.state_code AND c.year = a.year AND c.fir_id = a.fir_id
						AND c.accused_seq = a.seq),
				'punishment', a.punishment,
				'period_months', nullif(a.period_months, 0),
				'fine_rupees', nullif(a.fine_rupees, 0))) ORDER BY a.seq)
			FROM core.court_disposal_accused a
			WHERE a.state_code = d.state_code AND a.year = d.year AND a.fir_id = d.fir_id),
		'officer', core.officer_json(d.officer_number, d.officer_name, d.officer_rank)))
$fn$;
COMMENT ON FUNCTION core.court_disposal_json(core.court_disposal) IS 'CourtDisposal message as JSON from a core.court_disposal row and its accused';

CREATE FUNCTION core.appeal_json(p core.appeal) RETURNS jsonb
LANGUAGE sql STABLE
SET search_path = pg_catalog, pg_temp
AS $fn$
	SELECT jsonb_strip_nulls(jsonb_build_object(
		'court', p.court,
		'filed_on', to_char(p.filed_on, 'YYYY-MM-DD'),
		'appellant', p.appellant,
		'accused_codes', (SELECT jsonb_agg(d.accused_code ORDER BY a.seq)
			FROM core.appeal_accused a JOIN core.court_disposal_accused d ON d.state_code = a.state_code
				AND d.year = a.year AND d.fir_id = a.fir_id AND d.seq = a.disposal_seq
			WHERE a.state_code = p.state_code AND a.year = p.year AND a.fir_id = p.fir_id
				AND d.accused_code IS NOT NULL),
		'accused_names', (SELECT jsonb_agg(d.name ORDER BY a.seq)
			FROM core.appeal_accused a JOIN core.court_disposal_accused d ON d.state_code = a.state_code
				AND d.year = a.year AND d.fir_id = a.fir_id AND d.seq = a.disposal_seq
			WHERE a.state_code = p.state_code AND a.year = p.year AND a.fir_id = p.fir_id
				AND d.accused_code IS NULL),
		'officer', core.officer_json(p.officer_number, p.officer_name, p.officer_rank)))
$fn$;
COMMENT ON FUNCTION core.appeal_json(core.appeal) IS 'Appeal message as JSON from a core.appeal row and its accused';

CREATE FUNCTION core.appeal_result_json(p core.appeal) RETURNS jsonb
LANGUAGE sql STABLE
SET search_path = pg_catalog, pg_temp
AS $fn$
	SELECT CASE WHEN p.decided_on IS NOT NULL THEN jsonb_strip_nulls(jsonb_build_object(
		'court', p.result_court,
		'decided_on', to_char(p.decided_on, 'YYYY-MM-DD'),
		'results', (SELECT jsonb_agg(jsonb_strip_nulls(jsonb_build_object(
				'accused_code', d.accused_code,
				'accused_name', CASE WHEN d.accused_code IS NULL THEN d.name END,
				'result', a.result,
				'new_punishment', a.new_punishment,
				'period_months', nullif(a.period_months, 0),
				'fine_rupees', nullif(a.fine_rupees, 0))) ORDER BY a.seq)
			FROM core.appeal_accused a JOIN core.court_disposal_accused d ON d.state_code = a.state_code
				AND d.year = a.year AND d.fir_id = a.fir_id AND d.seq = a.disposal_seq
			WHERE a.state_code = p.state_code AND a.year = p.year AND a.fir_id = p.fir_id),
		'officer', core.officer_json(p.result_officer_number, p.result_officer_name, p.result_officer_rank))) END
$fn$;
COMMENT ON FUNCTION core.appeal_result_json(core.appeal) IS 'AppealResult message as JSON from a decided core.appeal row and its accused; NULL while undecided';

-- ------------------------------------------------------------ shared steps of the writes

-- The FIR of the calling station, locked (the changes of one case are made
-- one at a time); CT404 when there is none.
CREATE FUNCTION core.court_fir_lock(state int, district int, station int, fir_no int, fir_year int) RETURNS core.fir
LANGUAGE plpgsql
SET search_path = pg_catalog, pg_temp
AS $fn$
DECLARE
	f core.fir;
BEGIN
	SELECT * INTO f FROM core.fir x
	WHERE x.state_code = state AND x.year = fir_year AND x.district_code = district
		AND x.station_code = station AND x.fir_no = court_fir_lock.fir_no
	FOR NO KEY UPDATE;
	IF NOT FOUND THEN
		PERFORM core.fir_not_found(fir_no, fir_year);
	END IF;
	RETURN f;
END
$fn$;
COMMENT ON FUNCTION core.court_fir_lock(int, int, int, int, int) IS
	'The FIR of the calling station by number, locked FOR NO KEY UPDATE; CT404 when there is none';

-- The common start of a court write: station, key, FIR number, document,
-- partitions, idempotency claim. Returns the stored answer of a replay, or
-- NULL (then the caller does the work); fir_no, fir_year and sha out.
CREATE FUNCTION core.court_write_begin(state int, district int, station int, idem bytea, fir_number text,
	doc jsonb, what text, request core.idempotent_request,
	OUT o_fir_no int, OUT o_fir_year int, OUT o_sha bytea, OUT o_replay jsonb)
LANGUAGE plpgsql
SET search_path = pg_catalog, pg_temp
AS $fn$
DECLARE
	num record;
BEGIN
	PERFORM core.station_check(state, district, station);
	IF idem IS NULL OR length(idem) <> 16 THEN
		RAISE EXCEPTION USING ERRCODE = 'CT400', COLUMN = 'idempotency_key',
			MESSAGE = 'idempotency_key must be 16 bytes';
	END IF;
	SELECT * INTO num FROM core.fir_number_parse(fir_number);
	o_fir_no := num.fir_no;
	o_fir_year := num.year;
	IF doc IS NULL OR jsonb_typeof(doc) <> 'object' THEN
		PERFORM core.fir_bad('', format('the %s must be a JSON object', what));
	END IF;
	o_sha := sha256(convert_to(core.fir_number_text(num.fir_no, num.year) || ' ' || doc::text, 'UTF8'));
	-- Partitions before any lock: today's diary, the case tables of the
	-- FIR's year when that year has FIRs at all.
	PERFORM core.ensure_partitions(state, extract(year FROM now() AT TIME ZONE 'Asia/Kolkata')::int);
	IF to_regclass('core.appeal_accused_' || state || '_' || num.year) IS NULL
		AND to_regclass('core.fir_' || state || '_' || num.year) IS NOT NULL THEN
		PERFORM core.ensure_partitions(state, num.year);
	END IF;
	o_replay := core.idem_claim(state, district, station, idem, o_sha, request);
END
$fn$;
COMMENT ON FUNCTION core.court_write_begin(int, int, int, bytea, text, jsonb, text, core.idempotent_request) IS
	'Start of every court write: CT401 station, CT400 key, FIR number or document; partitions; the idempotency claim (the stored answer of a replay, else NULL)';

-- Move a case's status (the trigger on core.fir checks the move).
CREATE FUNCTION core.court_set_status(f core.fir, status text) RETURNS void
LANGUAGE sql
SET search_path = pg_catalog, pg_temp
AS $fn$
	UPDATE core.fir x SET status = court_set_status.status
	WHERE x.state_code = f.state_code AND x.year = f.year AND x.fir_id = f.fir_id;
$fn$;
COMMENT ON FUNCTION core.court_set_status(core.fir, text) IS
	'Set the status of an FIR (the trigger fir_status_transition refuses a move not in ref.case_transition)';

-- ------------------------------------------------------------ api.file_final_report

-- Validate a FinalReport for FIR f; returns the kind, filed_at and whether
-- supplementary. The officer, the status and the order of reports are the
-- caller's.
CREATE FUNCTION core.final_report_check(r jsonb, f core.fir,
	OUT o_kind text, OUT o_filed_at timestamptz, OUT o_supplementary boolean)
LANGUAGE plpgsql
SET search_path = pg_catalog, pg_temp
AS $fn$
DECLARE
	keys constant text[] := ARRAY['kind', 'supplementary', 'filed_at', 'court', 'charged', 'not_charged',
		'witnesses', 'properties', 'brief_facts', 'officer'];
	charged_keys constant text[] := ARRAY['accused_code', 'person', 'sections', 'arrested_on', 'bailed_on',
		'forwarded_on', 'previous_convictions', 'status'];
	statuses constant text[] := ARRAY['in_custody', 'on_bail', 'absconding', 'not_arrested'];
	witness_kinds constant text[] := ARRAY['eye', 'panch', 'expert', 'official', 'other'];
	reg_day date := (f.registered_at AT TIME ZONE 'Asia/Kolkata')::date;
	filed_day date;
	arr jsonb;
	el jsonb;
	p text;
	i int;
	n smallint;
	seen smallint[] := '{}';
	st text;
	d_arr date;
	d_bail date;
	d_fwd date;
	k text;
	d date;
BEGIN
	IF r - keys <> '{}' THEN
		PERFORM core.j_keys(r, '', keys);
	END IF;
	o_kind := core.j_enum(r -> 'kind', 'kind', ARRAY(SELECT x.code FROM ref.final_report_kind x ORDER BY x.number), true);
	IF r ? 'supplementary' AND jsonb_typeof(r -> 'supplementary') NOT IN ('boolean', 'null') THEN
		PERFORM core.fir_bad('supplementary', 'supplementary: expected true or false');
	END IF;
	o_supplementary := coalesce((r ->> 'supplementary')::boolean, false);
	o_filed_at := core.read_time(r -> 'filed_at', 'filed_at', true);
	IF o_filed_at < date_trunc('second', f.registered_at) THEN
		PERFORM core.fir_bad('filed_at',
			format('a final report cannot be filed before its FIR: filed_at %s is before the FIR was registered (%s)',
				core.ist_text(o_filed_at), core.ist_text(date_trunc('second', f.registered_at))));
	END IF;
	filed_day := (o_filed_at AT TIME ZONE 'Asia/Kolkata')::date;
	PERFORM core.j_str(r -> 'court', 'court', 1200, true);
	PERFORM core.j_str(r -> 'brief_facts', 'brief_facts', 65536, false);

	-- Charged accused: a charge-sheet has at least one, other kinds none.
	arr := core.j_arr(r -> 'charged', 'charged', 100);
	IF o_kind = 'charge_sheet' AND jsonb_array_length(arr) = 0 THEN
		PERFORM core.fir_bad('charged', 'a charge-sheet needs at least one charged accused with the sections charged');
	ELSIF o_kind <> 'charge_sheet' AND jsonb_array_length(arr) > 0 THEN
		PERFORM core.fir_bad('charged', format('only a charge-sheet charges accused; a report of kind %s charges none: name them under not_charged',
			o_kind));
	END IF;
	FOR i IN 0 .. jsonb_array_length(arr) - 1 LOOP
		el := arr -> i;
		p := 'charged[' || i || ']';
		PERFORM core.j_elem(el, p, charged_keys);
		n := core.court_accused_ref(el, p, f.state_code, f.year, f.fir_id, f.fir_no);
		IF n = ANY (seen) THEN
			PERFORM core.fir_bad(p || '.accused_code', format('accused %s is named twice in the report', el ->> 'accused_code'));
		END IF;
		seen := seen || n;
		PERFORM core.court_sections_check(el -> 'sections', p || '.sections', true, f.occurred_from, f.occurred_to);
		d_arr := core.read_date(el -> 'arrested_on', p || '.arrested_on');
		d_bail := core.read_date(el -> 'bailed_on', p || '.bailed_on');
		d_fwd := core.read_date(el -> 'forwarded_on', p || '.forwarded_on');
		FOREACH k IN ARRAY ARRAY['arrested_on', 'bailed_on', 'forwarded_on'] LOOP
			d := CASE k WHEN 'arrested_on' THEN d_arr WHEN 'bailed_on' THEN d_bail ELSE d_fwd END;
			IF d > filed_day THEN
				PERFORM core.fir_bad(p || '.' || k, format('%s.%s %s is after the report was filed (%s)%s', p, k, d, filed_day,
					CASE WHEN d > (now() AT TIME ZONE 'Asia/Kolkata')::date THEN ': it is in the future' ELSE '' END));
			END IF;
			IF d < reg_day THEN
				PERFORM core.fir_bad(p || '.' || k, format('%s.%s %s is before the FIR was registered (%s)', p, k, d, reg_day));
			END IF;
		END LOOP;
		IF (d_bail IS NOT NULL OR d_fwd IS NOT NULL) AND d_arr IS NULL THEN
			PERFORM core.fir_bad(p || '.arrested_on', p || '.arrested_on is required when bailed_on or forwarded_on is given');
		END IF;
		IF d_bail < d_arr THEN
			PERFORM core.fir_bad(p || '.bailed_on', format('%s.bailed_on %s is before arrested_on %s', p, d_bail, d_arr));
		END IF;
		IF d_fwd < d_arr THEN
			PERFORM core.fir_bad(p || '.forwarded_on', format('%s.forwarded_on %s is before arrested_on %s', p, d_fwd, d_arr));
		END IF;
		PERFORM core.j_str(el -> 'previous_convictions', p || '.previous_convictions', 16000, false);
		st := core.j_enum(el -> 'status', p || '.status', statuses, true);
		IF st = 'not_arrested' AND (n IS NOT NULL OR d_arr IS NOT NULL OR d_bail IS NOT NULL) THEN
			PERFORM core.fir_bad(p || '.status', format('%s.status not_arrested, but the accused %s', p,
				CASE WHEN n IS NOT NULL THEN 'has an arrest memo' ELSE 'has an arrest or bail date' END));
		ELSIF st = 'on_bail' AND d_bail IS NULL THEN
			PERFORM core.fir_bad(p || '.bailed_on', p || '.bailed_on is required for an accused on bail');
		ELSIF st = 'in_custody' AND d_arr IS NULL THEN
			PERFORM core.fir_bad(p || '.arrested_on', p || '.arrested_on is required for an accused in custody');
		END IF;
	END LOOP;

	arr := core.j_arr(r -> 'not_charged', 'not_charged', 100);
	FOR i IN 0 .. jsonb_array_length(arr) - 1 LOOP
		el := arr -> i;
		p := 'not_charged[' || i || ']';
		PERFORM core.j_elem(el, p, ARRAY['accused_code', 'person', 'reason']);
		n := core.court_accused_ref(el, p, f.state_code, f.year, f.fir_id, f.fir_no);
		IF n = ANY (seen) THEN
			PERFORM core.fir_bad(p || '.accused_code', format('accused %s is named twice in the report', el ->> 'accused_code'));
		END IF;
		seen := seen || n;
		PERFORM core.j_str(el -> 'reason', p || '.reason', 16000, true);
	END LOOP;

	arr := core.j_arr(r -> 'witnesses', 'witnesses', 200);
	FOR i IN 0 .. jsonb_array_length(arr) - 1 LOOP
		el := arr -> i;
		p := 'witnesses[' || i || ']';
		PERFORM core.j_elem(el, p, ARRAY['person', 'kind']);
		IF NOT el ? 'person' OR jsonb_typeof(el -> 'person') = 'null' THEN
			PERFORM core.fir_bad(p || '.person', p || '.person is required');
		END IF;
		PERFORM core.court_person_check(el -> 'person', p || '.person');
		PERFORM core.j_enum(el -> 'kind', p || '.kind', witness_kinds, true);
	END LOOP;

	arr := core.j_arr(r -> 'properties', 'properties', 200);
	FOR i IN 0 .. jsonb_array_length(arr) - 1 LOOP
		el := arr -> i;
		p := 'properties[' || i || ']';
		PERFORM core.j_elem(el, p, ARRAY['description', 'malkhana_number', 'disposal']);
		PERFORM core.j_str(el -> 'description', p || '.description', 16000, true);
		PERFORM core.j_str(el -> 'malkhana_number', p || '.malkhana_number', 200, false);
		PERFORM core.j_str(el -> 'disposal', p || '.disposal', 16000, true);
	END LOOP;
END
$fn$;
COMMENT ON FUNCTION core.final_report_check(jsonb, core.fir) IS
	'Validate a FinalReport for an FIR: fields and lengths; kind; filed_at required, not in the future, not before the FIR; a charge-sheet charges at least one accused, other kinds none; each accused by the code of an arrest memo of the FIR or as a person, once; sections as the FIR''s charges (IPC or BNS by the date of the offence); dates of arrest, bail and forwarding in order, from the FIR''s registration day to the filing day; status consistent with them; reasons, witnesses, properties';

CREATE FUNCTION api.file_final_report(state int, district int, station int, idem bytea, fir_number text,
	report jsonb)
RETURNS TABLE (receipt jsonb, replayed boolean)
LANGUAGE plpgsql SECURITY DEFINER
SET search_path = pg_catalog, pg_temp
SET constraint_exclusion = off
AS $fn$
#variable_conflict use_column
DECLARE
	b record;
	f core.fir;
	chk record;
	v_officer jsonb;
	v_no int;
	v_prev record;
	v_status text;
	v_id bigint := nextval('core.final_report_id_seq');
	v_fir text;
	v_label text;
	v_text text;
	v_desc text;
	g record;
	fr core.final_report;
	arr jsonb;
	el jsonb;
	i int;
	v_pid bigint;
	v_name text;
	v_person jsonb;
	v_path text;
	v_acc jsonb := '[]';
BEGIN
	SELECT * INTO b FROM core.court_write_begin(state, district, station, idem, fir_number, report,
		'final report (FinalReport)', 'file_final_report');
	IF b.o_replay IS NOT NULL THEN
		receipt := b.o_replay || '{"replayed": true}';
		replayed := true;
		RETURN NEXT;
		RETURN;
	END IF;
	v_fir := core.fir_number_text(b.o_fir_no, b.o_fir_year);
	f := core.court_fir_lock(state, district, station, b.o_fir_no, b.o_fir_year);

	-- Only the case's investigating officer files its final report.
	v_officer := core.officer_check(report -> 'officer', 'officer', true);
	PERFORM core.final_report_io_check(f.fir_no, f.year, f.io_number, f.io_name, f.io_rank, v_officer ->> 'number');

	IF f.status NOT IN ('under_investigation', 'charge_sheeted', 'final_report') THEN
		RAISE EXCEPTION USING ERRCODE = 'CT409', COLUMN = 'fir_number',
			MESSAGE = format('FIR %s is %s: a final report is filed while a case is under investigation (or, supplementary, after its final report), not once it is %s',
				v_fir, f.status, replace(f.status, '_', ' '));
	END IF;

	SELECT * INTO chk FROM core.final_report_check(report, f);

	-- The original first, then supplementary reports; the status moves as
	-- the header of this file says.
	SELECT count(*) AS n, max(r.filed_at) AS last_filed INTO v_prev FROM core.final_report r
	WHERE r.state_code = f.state_code AND r.year = f.year AND r.fir_id = f.fir_id;
	IF chk.o_supplementary AND v_prev.n = 0 THEN
		RAISE EXCEPTION USING ERRCODE = 'CT409', COLUMN = 'supplementary',
			MESSAGE = format('FIR %s has no final report yet: the first report is the original (supplementary false)', v_fir);
	END IF;
	IF NOT chk.o_supplementary AND v_prev.n > 0 THEN
		RAISE EXCEPTION USING ERRCODE = 'CT409', COLUMN = 'supplementary',
			MESSAGE = format('FIR %s already has its original final report: a further report after further investigation is supplementary (supplementary true)', v_fir);
	END IF;
	IF chk.o_filed_at < v_prev.last_filed THEN
		PERFORM core.fir_bad('filed_at', format('filed_at %s is before the previous final report of the case (filed at %s)',
			core.ist_text(chk.o_filed_at), core.ist_text(v_prev.last_filed)));
	END IF;
	v_no := v_prev.n + 1;
	IF f.status = 'under_investigation' THEN
		v_status := CASE WHEN chk.o_kind = 'charge_sheet' THEN 'charge_sheeted' ELSE 'final_report' END;
		PERFORM core.court_set_status(f, v_status);
	ELSIF f.status = 'final_report' AND chk.o_kind = 'charge_sheet' THEN
		-- Further investigation, then its charge-sheet: two permitted moves.
		v_status := 'charge_sheeted';
		PERFORM core.court_set_status(f, 'under_investigation');
		PERFORM core.court_set_status(f, v_status);
	ELSE
		v_status := f.status;
	END IF;

	-- Persons first (the accused codes and counts go in the diary text).
	v_label := format('final report %s in FIR %s', v_no, v_fir);
	FOR i IN 0 .. jsonb_array_length(coalesce(report -> 'charged', '[]'))
			+ jsonb_array_length(coalesce(report -> 'not_charged', '[]')) - 1 LOOP
		IF i < jsonb_array_length(coalesce(report -> 'charged', '[]')) THEN
			el := report -> 'charged' -> i;
			v_path := 'charged[' || i || ']';
		ELSE
			el := report -> 'not_charged' -> (i - jsonb_array_length(coalesce(report -> 'charged', '[]')));
			v_path := 'not_charged[' || (i - jsonb_array_length(coalesce(report -> 'charged', '[]'))) || ']';
		END IF;
		v_pid := NULL;
		v_name := NULL;
		v_person := NULL;
		IF coalesce(el ->> 'accused_code', '') = '' THEN
			v_person := el -> 'person';
			v_pid := core.link_person(state, district, station, v_person, v_path || '.person', 'accused',
				'final_report', f.year, v_id, f.fir_id, v_label);
			SELECT x.name INTO v_name FROM core.person x WHERE x.person_id = v_pid AND x.state_code = state;
			v_name := coalesce(nullif(btrim(v_person ->> 'name'), ''), v_name);
			v_person := v_person || jsonb_build_object('person_id', v_pid);
		END IF;
		v_acc := v_acc || jsonb_build_object('seq', i, 'charged', v_path LIKE 'charged%', 'el', el,
			'arrest_no', CASE WHEN el ->> 'accused_code' ~ '^[A-Z][1-9]$'
				THEN (ascii(el ->> 'accused_code') - 65) * 9 + substr(el ->> 'accused_code', 2, 1)::int END,
			'person_id', v_pid, 'name', v_name, 'person', v_person);
	END LOOP;

	SELECT x.description INTO v_desc FROM ref.final_report_kind x WHERE x.code = chk.o_kind;
	v_text := format('%s (report %s, %s) in FIR %s, filed in %s%s', v_desc, v_no,
		CASE WHEN chk.o_supplementary THEN 'supplementary' ELSE 'original' END, v_fir, report ->> 'court',
		CASE WHEN jsonb_array_length(coalesce(report -> 'charged', '[]')) > 0
			THEN ': accused charged ' || core.court_accused_list(
				ARRAY(SELECT a ->> 'accused_code' FROM jsonb_array_elements(report -> 'charged') a
					WHERE coalesce(a ->> 'accused_code', '') <> ''),
				(SELECT count(*)::int FROM jsonb_array_elements(report -> 'charged') a
					WHERE coalesce(a ->> 'accused_code', '') = ''))
			ELSE '' END);
	SELECT * INTO g FROM core.gd_write(state, district, station, 'final_report', v_text, v_officer, f.year, f.fir_no, NULL);

	INSERT INTO core.final_report (state_code, year, fir_id, report_no, final_report_id, district_code, station_code,
		kind, supplementary, filed_at, court, brief_facts, status_after, officer_number, officer_name, officer_rank,
		recorded_at, gd_date, gd_no, idempotency_key, content_sha256)
	VALUES (f.state_code, f.year, f.fir_id, v_no, v_id, district, station, chk.o_kind, chk.o_supplementary,
		chk.o_filed_at, report ->> 'court', nullif(report ->> 'brief_facts', ''), v_status,
		v_officer ->> 'number', v_officer ->> 'name', v_officer ->> 'rank', now(), g.gd_date, g.gd_no, idem, b.o_sha)
	RETURNING * INTO fr;

	INSERT INTO core.final_report_accused (state_code, year, fir_id, report_no, seq, charged, arrest_no, person_id,
		name, person, arrested_on, bailed_on, forwarded_on, previous_convictions, status, reason)
	SELECT f.state_code, f.year, f.fir_id, v_no, (a ->> 'seq')::int, (a ->> 'charged')::boolean,
		(a ->> 'arrest_no')::smallint, (a ->> 'person_id')::bigint, a ->> 'name',
		CASE WHEN jsonb_typeof(a -> 'person') = 'object' THEN a -> 'person' END,
		nullif(a #>> '{el,arrested_on}', '')::date, nullif(a #>> '{el,bailed_on}', '')::date,
		nullif(a #>> '{el,forwarded_on}', '')::date, nullif(a #>> '{el,previous_convictions}', ''),
		CASE WHEN (a ->> 'charged')::boolean THEN a #>> '{el,status}' END,
		CASE WHEN NOT (a ->> 'charged')::boolean THEN a #>> '{el,reason}' END
	FROM jsonb_array_elements(v_acc) a;
	INSERT INTO core.final_report_charge (state_code, year, fir_id, report_no, accused_seq, seq, act, section, law)
	SELECT f.state_code, f.year, f.fir_id, v_no, (a ->> 'seq')::int, c.o - 1, c.x ->> 'act', c.x ->> 'section',
		nullif(c.x ->> 'law', '')
	FROM jsonb_array_elements(v_acc) a, jsonb_array_elements(coalesce(a #> '{el,sections}', '[]')) WITH ORDINALITY c(x, o)
	WHERE (a ->> 'charged')::boolean;

	arr := coalesce(report -> 'witnesses', '[]');
	FOR i IN 0 .. jsonb_array_length(arr) - 1 LOOP
		el := arr -> i;
		v_pid := core.link_person(state, district, station, el -> 'person', 'witnesses[' || i || '].person', 'witness',
			'final_report', f.year, v_id, f.fir_id, v_label);
		SELECT x.name INTO v_name FROM core.person x WHERE x.person_id = v_pid AND x.state_code = state;
		INSERT INTO core.final_report_witness (state_code, year, fir_id, report_no, seq, kind, person_id, name, person)
		VALUES (f.state_code, f.year, f.fir_id, v_no, i, el ->> 'kind', v_pid,
			coalesce(nullif(btrim(el #>> '{person,name}'), ''), v_name), (el -> 'person') || jsonb_build_object('person_id', v_pid));
	END LOOP;
	INSERT INTO core.final_report_property (state_code, year, fir_id, report_no, seq, description, malkhana_number, disposal)
	SELECT f.state_code, f.year, f.fir_id, v_no, o - 1, x ->> 'description', nullif(x ->> 'malkhana_number', ''), x ->> 'disposal'
	FROM jsonb_array_elements(coalesce(report -> 'properties', '[]')) WITH ORDINALITY p(x, o);

	PERFORM core.case_event_add(f.state_code, f.year, f.fir_id, chk.o_filed_at, 'final_report', v_status, v_officer,
		v_text, g.gd_date, g.gd_no, NULL);

	receipt := core.final_report_receipt_json(fr, f.fir_no);
	PERFORM core.idem_answer(state, district, station, idem, receipt);
	replayed := false;
	RETURN NEXT;
END
$fn$;
COMMENT ON FUNCTION api.file_final_report(int, int, int, bytea, text, jsonb) IS
	'File a final report (FinalReport JSON, IIF-V) in an FIR of the calling station with a 16-byte idempotency key: only by the case''s investigating officer (CT403; CT409 when it has none); the original moves under_investigation -> charge_sheeted or final_report, supplementary ones follow it (see 0014''s header); writes its General Diary entry (final_report), the timeline event and the person links (accused, witness). Returns the FinalReportReceipt JSON; the same key and content replay it. CT401, CT400 (COLUMN = path in the report), CT404, CT409 status or order of reports, key reused';

CREATE FUNCTION api.get_final_report(state int, district int, station int, fir_number text, req jsonb)
RETURNS jsonb
LANGUAGE plpgsql STABLE SECURITY DEFINER
SET search_path = pg_catalog, pg_temp
SET constraint_exclusion = off
AS $fn$
DECLARE
	num record;
	f core.fir;
	n bigint;
	want bigint;
	r core.final_report;
BEGIN
	PERFORM core.station_check(state, district, station);
	SELECT * INTO num FROM core.fir_number_parse(fir_number);
	IF req IS NOT NULL AND jsonb_typeof(req) <> 'object' THEN
		PERFORM core.fir_bad('', 'the request must be a JSON object (GetFinalReport without fir_number)');
	END IF;
	IF req IS NOT NULL THEN
		PERFORM core.j_keys(req, '', ARRAY['report_no']);
		want := core.j_uint(req -> 'report_no', 'report_no', 4294967295);
	END IF;
	SELECT * INTO f FROM core.fir x
	WHERE x.state_code = state AND x.year = num.year AND x.district_code = district
		AND x.station_code = station AND x.fir_no = num.fir_no;
	IF NOT FOUND THEN
		PERFORM core.fir_not_found(num.fir_no, num.year);
	END IF;
	SELECT count(*) INTO n FROM core.final_report x
	WHERE x.state_code = f.state_code AND x.year = f.year AND x.fir_id = f.fir_id;
	SELECT * INTO r FROM core.final_report x
	WHERE x.state_code = f.state_code AND x.year = f.year AND x.fir_id = f.fir_id
		AND x.report_no = coalesce(want, n);
	IF NOT FOUND THEN
		RAISE EXCEPTION USING ERRCODE = 'CT404', COLUMN = CASE WHEN want IS NULL THEN 'fir_number' ELSE 'report_no' END,
			MESSAGE = CASE WHEN n = 0 THEN format('FIR %s has no final report', core.fir_number_text(f.fir_no, f.year))
				ELSE format('FIR %s has no final report %s (it has %s)', core.fir_number_text(f.fir_no, f.year), want, n) END;
	END IF;
	RETURN jsonb_build_object('receipt', core.final_report_receipt_json(r, f.fir_no), 'report', core.final_report_json(r),
		'reports', n);
END
$fn$;
COMMENT ON FUNCTION api.get_final_report(int, int, int, text, jsonb) IS
	'Read a final report of an FIR of the calling station (req: {"report_no"}, absent or 0 = the latest): FinalReportRecord JSON {"receipt", "report", "reports"}. CT401, CT400, CT404 no such FIR or report';

-- ------------------------------------------------------------ api.record_court_disposal

-- The accused of the case's final reports an AccusedDisposal element names
-- (by code, person_id or name, case-insensitive); CT400 when none.
CREATE FUNCTION core.court_disposal_accused_find(el jsonb, path text, f core.fir,
	OUT o_arrest_no smallint, OUT o_person_id bigint, OUT o_name text)
LANGUAGE plpgsql
SET search_path = pg_catalog, pg_temp
AS $fn$
DECLARE
	pid bigint;
	nm text;
BEGIN
	o_arrest_no := core.court_accused_ref(el, path, f.state_code, f.year, f.fir_id, f.fir_no);
	IF o_arrest_no IS NOT NULL THEN
		IF NOT EXISTS (SELECT 1 FROM core.final_report_accused a WHERE a.state_code = f.state_code AND a.year = f.year
			AND a.fir_id = f.fir_id AND a.arrest_no = o_arrest_no) THEN
			PERFORM core.fir_bad(path || '.accused_code', format('accused %s is not named in the final reports of FIR %s',
				el ->> 'accused_code', core.fir_number_text(f.fir_no, f.year)));
		END IF;
		RETURN;
	END IF;
	pid := nullif(el #>> '{person,person_id}', '')::bigint;
	nm := lower(btrim(el #>> '{person,name}'));
	SELECT a.person_id, a.name INTO o_person_id, o_name FROM core.final_report_accused a
	WHERE a.state_code = f.state_code AND a.year = f.year AND a.fir_id = f.fir_id AND a.arrest_no IS NULL
		AND (a.person_id = pid OR (pid IS NULL AND lower(btrim(a.name)) = nm))
	ORDER BY a.report_no, a.seq LIMIT 1;
	IF NOT FOUND THEN
		PERFORM core.fir_bad(path || '.person', format('%s.person: no accused of that %s is named in the final reports of FIR %s',
			path, CASE WHEN pid IS NULL THEN 'name' ELSE 'person_id' END, core.fir_number_text(f.fir_no, f.year)));
	END IF;
END
$fn$;
COMMENT ON FUNCTION core.court_disposal_accused_find(jsonb, text, core.fir) IS
	'Find the accused of an FIR''s final reports an element names: by accused_code, by person.person_id or by person.name (case-insensitive); CT400 when the final reports name no such accused';

CREATE FUNCTION api.record_court_disposal(state int, district int, station int, idem bytea, fir_number text,
	disposal jsonb)
RETURNS TABLE (receipt jsonb, replayed boolean)
LANGUAGE plpgsql SECURITY DEFINER
SET search_path = pg_catalog, pg_temp
SET constraint_exclusion = off
AS $fn$
#variable_conflict use_column
DECLARE
	keys constant text[] := ARRAY['kind', 'judgement_date', 'court', 'case_number_in_court', 'prosecutor',
		'accused', 'officer'];
	acc_keys constant text[] := ARRAY['accused_code', 'person', 'result', 'sections_convicted', 'punishment',
		'period_months', 'fine_rupees'];
	trial_results constant text[] := ARRAY['convicted', 'acquitted', 'discharged', 'compounded', 'abated'];
	b record;
	f core.fir;
	k ref.court_disposal_kind;
	v_kind text;
	v_date date;
	v_last date;
	v_officer jsonb;
	v_fir text;
	arr jsonb;
	el jsonb;
	p text;
	i int;
	who record;
	res text;
	sen record;
	v_text text;
	g record;
	v_now timestamptz := now();
	v_convicted int := 0;
	v_other int := 0;
	v_acc jsonb := '[]';
BEGIN
	SELECT * INTO b FROM core.court_write_begin(state, district, station, idem, fir_number, disposal,
		'court disposal (CourtDisposal)', 'record_court_disposal');
	IF b.o_replay IS NOT NULL THEN
		receipt := b.o_replay || '{"replayed": true}';
		replayed := true;
		RETURN NEXT;
		RETURN;
	END IF;
	v_fir := core.fir_number_text(b.o_fir_no, b.o_fir_year);
	f := core.court_fir_lock(state, district, station, b.o_fir_no, b.o_fir_year);
	IF f.status NOT IN ('charge_sheeted', 'final_report') THEN
		RAISE EXCEPTION USING ERRCODE = 'CT409', COLUMN = 'fir_number',
			MESSAGE = CASE WHEN f.status IN ('court_disposed', 'in_appeal', 'appeal_decided')
				THEN format('FIR %s is %s: its court disposal is recorded already', v_fir, f.status)
				ELSE format('FIR %s is %s: a court disposes of a case after its final report (charge_sheeted or final_report)',
					v_fir, f.status) END;
	END IF;

	IF disposal - keys <> '{}' THEN
		PERFORM core.j_keys(disposal, '', keys);
	END IF;
	v_kind := core.j_enum(disposal -> 'kind', 'kind', ARRAY(SELECT x.code FROM ref.court_disposal_kind x ORDER BY x.number), true);
	SELECT * INTO k FROM ref.court_disposal_kind x WHERE x.code = v_kind;
	v_date := core.court_date(disposal -> 'judgement_date', 'judgement_date');
	SELECT max((r.filed_at AT TIME ZONE 'Asia/Kolkata')::date) INTO v_last FROM core.final_report r
	WHERE r.state_code = f.state_code AND r.year = f.year AND r.fir_id = f.fir_id;
	IF v_date < v_last THEN
		PERFORM core.fir_bad('judgement_date', format('judgement_date %s is before the final report of the case (filed on %s)',
			v_date, v_last));
	END IF;
	PERFORM core.j_str(disposal -> 'court', 'court', 1200, true);
	PERFORM core.j_str(disposal -> 'case_number_in_court', 'case_number_in_court', 400, false);
	PERFORM core.j_str(disposal -> 'prosecutor', 'prosecutor', 800, false);
	v_officer := core.officer_check(disposal -> 'officer', 'officer', true);

	arr := core.j_arr(disposal -> 'accused', 'accused', 100);
	IF jsonb_array_length(arr) = 0 THEN
		PERFORM core.fir_bad('accused', 'accused: at least one accused is required, with what the court decided for each');
	END IF;
	FOR i IN 0 .. jsonb_array_length(arr) - 1 LOOP
		el := arr -> i;
		p := 'accused[' || i || ']';
		PERFORM core.j_elem(el, p, acc_keys);
		SELECT * INTO who FROM core.court_disposal_accused_find(el, p, f);
		IF EXISTS (SELECT 1 FROM jsonb_array_elements(v_acc) a
			WHERE (a ->> 'arrest_no')::smallint = who.o_arrest_no
				OR (who.o_arrest_no IS NULL AND a ->> 'arrest_no' IS NULL
					AND (a ->> 'person_id')::bigint IS NOT DISTINCT FROM who.o_person_id)) THEN
			PERFORM core.fir_bad(p, p || ': this accused is named twice in the disposal');
		END IF;
		res := core.j_enum(el -> 'result', p || '.result', trial_results, true);
		IF res <> ALL (k.results) THEN
			PERFORM core.fir_bad(p || '.result', format('%s.result %s does not fit a disposal of kind %s (%s): each accused is %s',
				p, res, v_kind, k.description, array_to_string(k.results, ' or ')));
		END IF;
		IF res <> 'convicted' AND jsonb_array_length(core.j_arr(el -> 'sections_convicted', p || '.sections_convicted', 50)) > 0 THEN
			PERFORM core.fir_bad(p || '.sections_convicted', p || '.sections_convicted must be empty unless the accused was convicted');
		END IF;
		PERFORM core.court_sections_check(el -> 'sections_convicted', p || '.sections_convicted', res = 'convicted',
			f.occurred_from, f.occurred_to);
		SELECT * INTO sen FROM core.court_sentence_check(el, p, 'punishment', res = 'convicted',
			CASE WHEN res = 'convicted' THEN 'a conviction carries a punishment (death, life_imprisonment, rigorous_imprisonment, simple_imprisonment, fine_only or probation)'
				ELSE 'only a convicted accused is sentenced' END);
		IF res = 'convicted' THEN
			v_convicted := v_convicted + 1;
		ELSE
			v_other := v_other + 1;
		END IF;
		v_acc := v_acc || jsonb_build_object('seq', i, 'el', el, 'arrest_no', who.o_arrest_no,
			'person_id', who.o_person_id,
			'name', who.o_name,
			'result', res, 'punishment', sen.o_punishment, 'months', sen.o_months, 'fine', sen.o_fine);
	END LOOP;
	IF k.mixed AND (v_convicted = 0 OR v_other = 0) THEN
		PERFORM core.fir_bad('kind', format('kind partly_convicted needs at least one accused convicted and one not; here %s of %s are convicted: the kind is %s',
			v_convicted, v_convicted + v_other, CASE WHEN v_other = 0 THEN 'convicted' ELSE 'acquitted, discharged, compounded, withdrawn or abated' END));
	END IF;

	v_text := format('Court disposal in FIR %s: %s by %s on %s; %s', v_fir, k.description, disposal ->> 'court',
		to_char(v_date, 'DD/MM/YYYY'),
		(SELECT string_agg(r.res || ' ' || core.court_accused_list(r.codes, r.persons), '; ' ORDER BY r.first)
		 FROM (SELECT a ->> 'result' AS res, min((a ->> 'seq')::int) AS first,
				array_agg(a #>> '{el,accused_code}' ORDER BY (a ->> 'seq')::int)
					FILTER (WHERE a ->> 'arrest_no' IS NOT NULL) AS codes,
				count(*) FILTER (WHERE a ->> 'arrest_no' IS NULL)::int AS persons
			FROM jsonb_array_elements(v_acc) a GROUP BY a ->> 'result') r));
	SELECT * INTO g FROM core.gd_write(state, district, station, 'court', v_text, v_officer, f.year, f.fir_no, NULL);

	INSERT INTO core.court_disposal (state_code, year, fir_id, district_code, station_code, kind, judgement_date, court,
		case_number_in_court, prosecutor, officer_number, officer_name, officer_rank, recorded_at, gd_date, gd_no,
		idempotency_key, content_sha256)
	VALUES (f.state_code, f.year, f.fir_id, district, station, v_kind, v_date, disposal ->> 'court',
		nullif(disposal ->> 'case_number_in_court', ''), nullif(disposal ->> 'prosecutor', ''),
		v_officer ->> 'number', v_officer ->> 'name', v_officer ->> 'rank', v_now, g.gd_date, g.gd_no, idem, b.o_sha);
	INSERT INTO core.court_disposal_accused (state_code, year, fir_id, seq, arrest_no, person_id, name, person, result,
		punishment, period_months, fine_rupees)
	SELECT f.state_code, f.year, f.fir_id, (a ->> 'seq')::int, (a ->> 'arrest_no')::smallint,
		(a ->> 'person_id')::bigint, a ->> 'name',
		CASE WHEN a ->> 'arrest_no' IS NULL THEN (a #> '{el,person}') || jsonb_build_object('person_id', a -> 'person_id') END,
		a ->> 'result', a ->> 'punishment', (a ->> 'months')::int, (a ->> 'fine')::bigint
	FROM jsonb_array_elements(v_acc) a;
	INSERT INTO core.court_disposal_charge (state_code, year, fir_id, accused_seq, seq, act, section, law)
	SELECT f.state_code, f.year, f.fir_id, (a ->> 'seq')::int, c.o - 1, c.x ->> 'act', c.x ->> 'section',
		nullif(c.x ->> 'law', '')
	FROM jsonb_array_elements(v_acc) a,
		jsonb_array_elements(coalesce(a #> '{el,sections_convicted}', '[]')) WITH ORDINALITY c(x, o);

	PERFORM core.court_set_status(f, 'court_disposed');
	PERFORM core.case_event_add(f.state_code, f.year, f.fir_id, v_now, 'court_disposal', 'court_disposed', v_officer,
		v_text, g.gd_date, g.gd_no, NULL);

	receipt := core.court_receipt_json(f.fir_no, f.year, 'court_disposal', 'court_disposed', v_now, g.gd_date, g.gd_no);
	PERFORM core.idem_answer(state, district, station, idem, receipt);
	replayed := false;
	RETURN NEXT;
END
$fn$;
COMMENT ON FUNCTION api.record_court_disposal(int, int, int, bytea, text, jsonb) IS
	'Record the court''s disposal of an FIR of the calling station (CourtDisposal JSON, IIF-VI) with a 16-byte idempotency key: charge_sheeted or final_report -> court_disposed, event court_disposal, diary entry kind court. Judgement not before the final report nor in the future; each accused one of the final reports'' accused, with a result fitting the kind, sections and a punishment exactly when convicted, a possible period and fine. Returns CourtReceipt JSON. CT401, CT400, CT404, CT409';

-- ------------------------------------------------------------ api.file_appeal

-- The accused of the court disposal a code or name names: its seq, result.
CREATE FUNCTION core.appeal_accused_find(p_code text, p_name text, path text, f core.fir,
	OUT o_seq smallint, OUT o_result text)
LANGUAGE plpgsql
SET search_path = pg_catalog, pg_temp
AS $fn$
BEGIN
	SELECT a.seq, a.result INTO o_seq, o_result FROM core.court_disposal_accused a
	WHERE a.state_code = f.state_code AND a.year = f.year AND a.fir_id = f.fir_id
		AND (a.accused_code = p_code OR (p_code IS NULL AND a.arrest_no IS NULL
			AND lower(btrim(a.name)) = lower(btrim(p_name))))
	ORDER BY a.seq LIMIT 1;
	IF NOT FOUND THEN
		PERFORM core.fir_bad(path, format('%s: %s is not an accused of the court disposal of FIR %s', path,
			coalesce(p_code, 'no accused of that name'), core.fir_number_text(f.fir_no, f.year)));
	END IF;
END
$fn$;
COMMENT ON FUNCTION core.appeal_accused_find(text, text, text, core.fir) IS
	'The accused of an FIR''s court disposal named by accused code or (without one) by name, case-insensitive: its seq and trial result; CT400 at path when there is none';

CREATE FUNCTION api.file_appeal(state int, district int, station int, idem bytea, fir_number text, appeal jsonb)
RETURNS TABLE (receipt jsonb, replayed boolean)
LANGUAGE plpgsql SECURITY DEFINER
SET search_path = pg_catalog, pg_temp
SET constraint_exclusion = off
AS $fn$
#variable_conflict use_column
DECLARE
	keys constant text[] := ARRAY['court', 'filed_on', 'appellant', 'accused_codes', 'accused_names', 'officer'];
	b record;
	f core.fir;
	v_fir text;
	v_date date;
	v_judged date;
	v_appellant text;
	v_officer jsonb;
	codes jsonb;
	names jsonb;
	i int;
	p text;
	who record;
	seqs smallint[] := '{}';
	v_text text;
	g record;
	v_now timestamptz := now();
BEGIN
	SELECT * INTO b FROM core.court_write_begin(state, district, station, idem, fir_number, appeal,
		'appeal (Appeal)', 'file_appeal');
	IF b.o_replay IS NOT NULL THEN
		receipt := b.o_replay || '{"replayed": true}';
		replayed := true;
		RETURN NEXT;
		RETURN;
	END IF;
	v_fir := core.fir_number_text(b.o_fir_no, b.o_fir_year);
	f := core.court_fir_lock(state, district, station, b.o_fir_no, b.o_fir_year);
	IF f.status <> 'court_disposed' THEN
		RAISE EXCEPTION USING ERRCODE = 'CT409', COLUMN = 'fir_number',
			MESSAGE = CASE WHEN f.status IN ('in_appeal', 'appeal_decided')
				THEN format('FIR %s is %s: its appeal is recorded already', v_fir, f.status)
				ELSE format('FIR %s is %s: an appeal is filed against a court disposal (the case must be court_disposed)',
					v_fir, f.status) END;
	END IF;

	IF appeal - keys <> '{}' THEN
		PERFORM core.j_keys(appeal, '', keys);
	END IF;
	PERFORM core.j_str(appeal -> 'court', 'court', 1200, true);
	v_date := core.court_date(appeal -> 'filed_on', 'filed_on');
	SELECT d.judgement_date INTO v_judged FROM core.court_disposal d
	WHERE d.state_code = f.state_code AND d.year = f.year AND d.fir_id = f.fir_id;
	IF v_date < v_judged THEN
		PERFORM core.fir_bad('filed_on', format('filed_on %s is before the judgement appealed against (%s)', v_date, v_judged));
	END IF;
	v_appellant := core.j_enum(appeal -> 'appellant', 'appellant', ARRAY['state', 'accused', 'complainant'], true);
	codes := core.j_arr(appeal -> 'accused_codes', 'accused_codes', 100);
	names := core.j_arr(appeal -> 'accused_names', 'accused_names', 100);
	IF jsonb_array_length(codes) + jsonb_array_length(names) = 0 THEN
		PERFORM core.fir_bad('accused_codes', 'accused_codes: name at least one accused the appeal is about (or in accused_names)');
	END IF;
	FOR i IN 0 .. jsonb_array_length(codes) + jsonb_array_length(names) - 1 LOOP
		IF i < jsonb_array_length(codes) THEN
			p := 'accused_codes[' || i || ']';
			SELECT * INTO who FROM core.appeal_accused_find(core.j_str(codes -> i, p, 2, true), NULL, p, f);
		ELSE
			p := 'accused_names[' || (i - jsonb_array_length(codes)) || ']';
			SELECT * INTO who FROM core.appeal_accused_find(NULL,
				core.j_str(names -> (i - jsonb_array_length(codes)), p, 800, true), p, f);
		END IF;
		IF who.o_seq = ANY (seqs) THEN
			PERFORM core.fir_bad(p, p || ': this accused is named twice in the appeal');
		END IF;
		seqs := seqs || who.o_seq;
		IF v_appellant = 'accused' AND who.o_result <> 'convicted' THEN
			PERFORM core.fir_bad(p, format('%s: this accused was %s at the trial, not convicted: an accused appeals only against a conviction',
				p, who.o_result));
		END IF;
	END LOOP;
	v_officer := core.officer_check(appeal -> 'officer', 'officer', true);

	v_text := format('Appeal in FIR %s by the %s, filed on %s in %s, for %s', v_fir, v_appellant,
		to_char(v_date, 'DD/MM/YYYY'), appeal ->> 'court', core.court_accused_list(
			ARRAY(SELECT jsonb_array_elements_text(codes)), jsonb_array_length(names)));
	SELECT * INTO g FROM core.gd_write(state, district, station, 'court', v_text, v_officer, f.year, f.fir_no, NULL);
	INSERT INTO core.appeal (state_code, year, fir_id, district_code, station_code, court, filed_on, appellant,
		officer_number, officer_name, officer_rank, recorded_at, gd_date, gd_no, idempotency_key, content_sha256)
	VALUES (f.state_code, f.year, f.fir_id, district, station, appeal ->> 'court', v_date, v_appellant,
		v_officer ->> 'number', v_officer ->> 'name', v_officer ->> 'rank', v_now, g.gd_date, g.gd_no, idem, b.o_sha);
	INSERT INTO core.appeal_accused (state_code, year, fir_id, seq, disposal_seq)
	SELECT f.state_code, f.year, f.fir_id, a.o - 1, a.d FROM unnest(seqs) WITH ORDINALITY a(d, o);

	PERFORM core.court_set_status(f, 'in_appeal');
	PERFORM core.case_event_add(f.state_code, f.year, f.fir_id, v_now, 'appeal_filed', 'in_appeal', v_officer,
		v_text, g.gd_date, g.gd_no, NULL);
	receipt := core.court_receipt_json(f.fir_no, f.year, 'appeal_filed', 'in_appeal', v_now, g.gd_date, g.gd_no);
	PERFORM core.idem_answer(state, district, station, idem, receipt);
	replayed := false;
	RETURN NEXT;
END
$fn$;
COMMENT ON FUNCTION api.file_appeal(int, int, int, bytea, text, jsonb) IS
	'Record an appeal (Appeal JSON, IIF-VII) against the court disposal of an FIR of the calling station, with a 16-byte idempotency key: court_disposed -> in_appeal, event appeal_filed, diary entry kind court. filed_on not before the judgement nor in the future; the accused are accused of the disposal, each once, and convicted when the appellant is the accused. Returns CourtReceipt JSON. CT401, CT400, CT404, CT409';

-- ------------------------------------------------------------ api.record_appeal_result

CREATE FUNCTION api.record_appeal_result(state int, district int, station int, idem bytea, fir_number text,
	appeal_result jsonb)
RETURNS TABLE (receipt jsonb, replayed boolean)
LANGUAGE plpgsql SECURITY DEFINER
SET search_path = pg_catalog, pg_temp
SET constraint_exclusion = off
AS $fn$
#variable_conflict use_column
DECLARE
	keys constant text[] := ARRAY['court', 'decided_on', 'results', 'officer'];
	res_keys constant text[] := ARRAY['accused_code', 'accused_name', 'result', 'new_punishment', 'period_months',
		'fine_rupees'];
	outcomes constant text[] := ARRAY['upheld', 'acquitted_on_appeal', 'convicted_on_appeal', 'sentence_modified',
		'remanded_for_retrial'];
	b record;
	f core.fir;
	ap core.appeal;
	v_fir text;
	v_date date;
	v_officer jsonb;
	arr jsonb;
	el jsonb;
	p text;
	i int;
	code text;
	nm text;
	who record;
	outcome text;
	sen record;
	missing text;
	v_text text;
	g record;
	v_now timestamptz := now();
	v_aseq smallint;
	v_acc jsonb := '[]';
BEGIN
	SELECT * INTO b FROM core.court_write_begin(state, district, station, idem, fir_number, appeal_result,
		'result of appeal (AppealResult)', 'record_appeal_result');
	IF b.o_replay IS NOT NULL THEN
		receipt := b.o_replay || '{"replayed": true}';
		replayed := true;
		RETURN NEXT;
		RETURN;
	END IF;
	v_fir := core.fir_number_text(b.o_fir_no, b.o_fir_year);
	f := core.court_fir_lock(state, district, station, b.o_fir_no, b.o_fir_year);
	IF f.status <> 'in_appeal' THEN
		RAISE EXCEPTION USING ERRCODE = 'CT409', COLUMN = 'fir_number',
			MESSAGE = CASE WHEN f.status = 'appeal_decided'
				THEN format('FIR %s is appeal_decided: the result of its appeal is recorded already', v_fir)
				ELSE format('FIR %s is %s: the result of an appeal is recorded for a case in appeal (file the appeal first)',
					v_fir, f.status) END;
	END IF;
	SELECT * INTO ap FROM core.appeal x WHERE x.state_code = f.state_code AND x.year = f.year AND x.fir_id = f.fir_id;

	IF appeal_result - keys <> '{}' THEN
		PERFORM core.j_keys(appeal_result, '', keys);
	END IF;
	PERFORM core.j_str(appeal_result -> 'court', 'court', 1200, true);
	v_date := core.court_date(appeal_result -> 'decided_on', 'decided_on');
	IF v_date < ap.filed_on THEN
		PERFORM core.fir_bad('decided_on', format('decided_on %s is before the appeal was filed (%s)', v_date, ap.filed_on));
	END IF;
	arr := core.j_arr(appeal_result -> 'results', 'results', 100);
	FOR i IN 0 .. jsonb_array_length(arr) - 1 LOOP
		el := arr -> i;
		p := 'results[' || i || ']';
		PERFORM core.j_elem(el, p, res_keys);
		code := core.j_str(el -> 'accused_code', p || '.accused_code', 2, false);
		nm := core.j_str(el -> 'accused_name', p || '.accused_name', 800, false);
		IF (code IS NULL) = (nm IS NULL) THEN
			PERFORM core.fir_bad(CASE WHEN code IS NULL THEN p || '.accused_code' ELSE p || '.accused_name' END,
				p || ': name the accused by accused_code, or by accused_name when it has no code (one of the two)');
		END IF;
		SELECT * INTO who FROM core.appeal_accused_find(code, nm, p || CASE WHEN code IS NULL THEN '.accused_name'
			ELSE '.accused_code' END, f);
		SELECT a.seq INTO v_aseq FROM core.appeal_accused a WHERE a.state_code = f.state_code AND a.year = f.year
			AND a.fir_id = f.fir_id AND a.disposal_seq = who.o_seq;
		IF NOT FOUND THEN
			PERFORM core.fir_bad(p || CASE WHEN code IS NULL THEN '.accused_name' ELSE '.accused_code' END,
				format('%s: %s is not an accused of the appeal', p, coalesce(code, 'this accused')));
		END IF;
		IF EXISTS (SELECT 1 FROM jsonb_array_elements(v_acc) a WHERE (a ->> 'seq')::int = v_aseq) THEN
			PERFORM core.fir_bad(p, p || ': this accused has a result already in this document');
		END IF;
		outcome := core.j_enum(el -> 'result', p || '.result', outcomes, true);
		IF outcome IN ('acquitted_on_appeal', 'sentence_modified') AND who.o_result <> 'convicted' THEN
			PERFORM core.fir_bad(p || '.result', format('%s.result %s: the accused was %s at the trial, not convicted',
				p, outcome, who.o_result));
		END IF;
		IF outcome = 'convicted_on_appeal' AND who.o_result = 'convicted' THEN
			PERFORM core.fir_bad(p || '.result', format('%s.result convicted_on_appeal: the accused was convicted at the trial already (upheld or sentence_modified?)', p));
		END IF;
		SELECT * INTO sen FROM core.court_sentence_check(el, p, 'new_punishment',
			outcome IN ('convicted_on_appeal', 'sentence_modified'),
			CASE WHEN outcome IN ('convicted_on_appeal', 'sentence_modified') THEN 'the sentence the appellate court gave'
				ELSE format('a result %s gives no new sentence', outcome) END);
		v_acc := v_acc || jsonb_build_object('seq', v_aseq, 'result', outcome, 'punishment', sen.o_punishment,
			'months', sen.o_months, 'fine', sen.o_fine, 'label', code);
	END LOOP;
	SELECT string_agg(coalesce(d.accused_code, d.name), ', ' ORDER BY a.seq) INTO missing
	FROM core.appeal_accused a JOIN core.court_disposal_accused d ON d.state_code = a.state_code AND d.year = a.year
		AND d.fir_id = a.fir_id AND d.seq = a.disposal_seq
	WHERE a.state_code = f.state_code AND a.year = f.year AND a.fir_id = f.fir_id
		AND NOT EXISTS (SELECT 1 FROM jsonb_array_elements(v_acc) r WHERE (r ->> 'seq')::int = a.seq);
	IF missing IS NOT NULL THEN
		PERFORM core.fir_bad('results', format('results: every accused of the appeal needs a result; missing: %s', missing));
	END IF;
	v_officer := core.officer_check(appeal_result -> 'officer', 'officer', true);

	v_text := format('Result of appeal in FIR %s: decided on %s by %s; %s', v_fir, to_char(v_date, 'DD/MM/YYYY'),
		appeal_result ->> 'court', (SELECT string_agg(replace(r.outcome, '_', ' ') || ' ' || core.court_accused_list(r.codes, r.persons),
				'; ' ORDER BY r.first)
			FROM (SELECT a ->> 'result' AS outcome, min((a ->> 'seq')::int) AS first,
					array_agg(a ->> 'label' ORDER BY (a ->> 'seq')::int) FILTER (WHERE a ->> 'label' IS NOT NULL) AS codes,
					count(*) FILTER (WHERE a ->> 'label' IS NULL)::int AS persons
				FROM jsonb_array_elements(v_acc) a GROUP BY a ->> 'result') r));
	SELECT * INTO g FROM core.gd_write(state, district, station, 'court', v_text, v_officer, f.year, f.fir_no, NULL);
	UPDATE core.appeal x SET result_court = appeal_result ->> 'court', decided_on = v_date,
		result_officer_number = v_officer ->> 'number', result_officer_name = v_officer ->> 'name',
		result_officer_rank = v_officer ->> 'rank', result_recorded_at = v_now, result_gd_date = g.gd_date,
		result_gd_no = g.gd_no, result_idempotency_key = idem, result_content_sha256 = b.o_sha
	WHERE x.state_code = f.state_code AND x.year = f.year AND x.fir_id = f.fir_id;
	UPDATE core.appeal_accused x SET result = r ->> 'result', new_punishment = r ->> 'punishment',
		period_months = (r ->> 'months')::int, fine_rupees = (r ->> 'fine')::bigint
	FROM jsonb_array_elements(v_acc) r
	WHERE x.state_code = f.state_code AND x.year = f.year AND x.fir_id = f.fir_id AND x.seq = (r ->> 'seq')::int;

	PERFORM core.court_set_status(f, 'appeal_decided');
	PERFORM core.case_event_add(f.state_code, f.year, f.fir_id, v_now, 'appeal_decided', 'appeal_decided', v_officer,
		v_text, g.gd_date, g.gd_no, NULL);
	receipt := core.court_receipt_json(f.fir_no, f.year, 'appeal_decided', 'appeal_decided', v_now, g.gd_date, g.gd_no);
	PERFORM core.idem_answer(state, district, station, idem, receipt);
	replayed := false;
	RETURN NEXT;
END
$fn$;
COMMENT ON FUNCTION api.record_appeal_result(int, int, int, bytea, text, jsonb) IS
	'Record the result of the appeal in an FIR of the calling station (AppealResult JSON, IIF-VII) with a 16-byte idempotency key: in_appeal -> appeal_decided, event appeal_decided, diary entry kind court. decided_on not before filed_on nor in the future; one result for each accused of the appeal, fitting the trial result (acquitted_on_appeal and sentence_modified for the convicted, convicted_on_appeal for the others), a new sentence exactly when convicted on appeal or the sentence modified. Returns CourtReceipt JSON. CT401, CT400, CT404, CT409';

-- ------------------------------------------------------------ api.get_court_record

CREATE FUNCTION api.get_court_record(state int, district int, station int, fir_number text) RETURNS jsonb
LANGUAGE plpgsql STABLE SECURITY DEFINER
SET search_path = pg_catalog, pg_temp
SET constraint_exclusion = off
AS $fn$
DECLARE
	num record;
	f core.fir;
	d core.court_disposal;
	ap core.appeal;
BEGIN
	PERFORM core.station_check(state, district, station);
	SELECT * INTO num FROM core.fir_number_parse(fir_number);
	SELECT * INTO f FROM core.fir x
	WHERE x.state_code = state AND x.year = num.year AND x.district_code = district
		AND x.station_code = station AND x.fir_no = num.fir_no;
	IF NOT FOUND THEN
		PERFORM core.fir_not_found(num.fir_no, num.year);
	END IF;
	SELECT * INTO d FROM core.court_disposal x WHERE x.state_code = f.state_code AND x.year = f.year AND x.fir_id = f.fir_id;
	IF NOT FOUND THEN
		RAISE EXCEPTION USING ERRCODE = 'CT404', COLUMN = 'fir_number',
			MESSAGE = format('FIR %s (%s) has no court disposal recorded', core.fir_number_text(f.fir_no, f.year),
				replace(f.status, '_', ' '));
	END IF;
	SELECT * INTO ap FROM core.appeal x WHERE x.state_code = f.state_code AND x.year = f.year AND x.fir_id = f.fir_id;
	RETURN jsonb_strip_nulls(jsonb_build_object(
		'fir_number', core.fir_number_text(f.fir_no, f.year),
		'status', f.status,
		'disposal', core.court_disposal_json(d),
		'disposal_receipt', core.court_receipt_json(f.fir_no, f.year, 'court_disposal', 'court_disposed',
			d.recorded_at, d.gd_date, d.gd_no),
		'appeal', CASE WHEN ap.fir_id IS NOT NULL THEN core.appeal_json(ap) END,
		'appeal_receipt', CASE WHEN ap.fir_id IS NOT NULL THEN core.court_receipt_json(f.fir_no, f.year, 'appeal_filed',
			'in_appeal', ap.recorded_at, ap.gd_date, ap.gd_no) END,
		'appeal_result', core.appeal_result_json(ap),
		'appeal_result_receipt', CASE WHEN ap.decided_on IS NOT NULL THEN core.court_receipt_json(f.fir_no, f.year,
			'appeal_decided', 'appeal_decided', ap.result_recorded_at, ap.result_gd_date, ap.result_gd_no) END));
END
$fn$;
COMMENT ON FUNCTION api.get_court_record(int, int, int, text) IS
	'What the courts decided in an FIR of the calling station: CourtRecord JSON (status, disposal with its receipt, appeal and its result when recorded). CT401, CT400, CT404 no such FIR or no disposal yet';

-- ------------------------------------------------------------ access

REVOKE ALL ON ALL FUNCTIONS IN SCHEMA api FROM PUBLIC;
REVOKE ALL ON ALL FUNCTIONS IN SCHEMA core FROM PUBLIC;
GRANT EXECUTE ON FUNCTION api.file_final_report(int, int, int, bytea, text, jsonb),
	api.get_final_report(int, int, int, text, jsonb),
	api.record_court_disposal(int, int, int, bytea, text, jsonb),
	api.file_appeal(int, int, int, bytea, text, jsonb),
	api.record_appeal_result(int, int, int, bytea, text, jsonb),
	api.get_court_record(int, int, int, text)
	TO cctns_server;
GRANT SELECT ON core.final_report, core.final_report_accused, core.final_report_charge, core.final_report_witness,
	core.final_report_property, core.court_disposal, core.court_disposal_accused, core.court_disposal_charge,
	core.appeal, core.appeal_accused TO cctns_analyst;
