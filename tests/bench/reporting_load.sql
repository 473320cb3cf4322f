-- reporting_load.sql: one chunk of the reporting benchmark's synthetic FIRs: the FIRs of one
-- state registered in one year, with their charges and original final reports. Run by
-- tests/bench/reporting once per state and year (its header says what the whole load is).
--
-- Variables (psql -v): seed, state, year, firs (how many FIRs this chunk registers, spread over
-- the state's bench stations, table bench.station, by a fixed weight per station), last_year
-- (the last year of the load: final reports are filed by its end, never after; 85% of the FIRs
-- of earlier years are disposed of by the police, 55% of the last year's).
--
-- Set-based: one INSERT ... SELECT per table from a temporary table of the chunk's draws.
-- Repeatable: setseed() from the seed, state and year, then random() in one sequential pass (no
-- parallel plan for an INSERT), so the same seed gives the same rows; fir_id and
-- final_report_id come from their sequences.
--
-- Fast: it runs as the superuser with session_replication_role = replica, which skips the
-- foreign-key checks and the user triggers (fir_status_transition, final_report_guard,
-- court_disposal_guard, gd_entry_append_only): checking fir_charge and final_report against the
-- partitioned core.fir row by row was most of the time of the earlier loader (18 s of 40 s per
-- 100,000 FIRs). CHECK and NOT NULL constraints and unique indexes still apply. So every row is
-- made to satisfy what the foreign keys and triggers check, by construction, and
-- tests/bench/reporting counts the orphans afterwards with anti-joins (the checks the foreign
-- keys would have made) and fails unless there are none. The chunk's partitions are created
-- in its own transaction (core.ensure_partitions), so on the bench cluster (wal_level minimal)
-- their rows are not written to the WAL. Charges draw their section from an array per act
-- (bench.section_arr) by index, not by a join.
--
-- By construction: FIR numbers gapless per station and year in order of registration
-- (core.fir_counter set), occurrence before information before registration, IPC sections for
-- occurrences before 1 July 2024 and BNS sections from then on, an investigating officer on
-- every FIR past registration, the original final report filed by that officer after
-- registration, with its General Diary entry (numbered per station and day on from
-- core.gd_counter, which is kept); for 40% of the charge-sheeted FIRs of years before
-- last_year a court disposal by the end of last_year, not before the final report, with its
-- General Diary entry (kind court) at the FIR's station (no accused rows: the reporting
-- aggregates count cases); the FIR's status set to match (charge_sheeted, final_report,
-- court_disposed). No personal data: officers are named by role, facts say the record is
-- synthetic.

\set ON_ERROR_STOP 1
SET client_min_messages = warning;
SET session_replication_role = replica;
SET synchronous_commit = off;
BEGIN;
SELECT setseed(((:seed::bigint * 1000003 + :state * 10007 + :year) % 2000000000) / 2000000000.0);
SELECT core.ensure_partitions(:state, :year), set_config('bench.state', :'state', true);

-- The FIRs of the chunk, numbered per station in order of registration: the i-th FIR of a
-- station with n in the year is registered in the i-th n-th of the year (so no sort is needed).
CREATE TEMP TABLE chunk ON COMMIT DROP AS
WITH st AS (
	SELECT b.district_code, b.station_code, b.weight,
		sum(b.weight) OVER () AS total
	FROM bench.station b WHERE b.state_code = :state
), n AS (
	SELECT st.*, greatest(1, round(:firs * st.weight / st.total))::int AS n FROM st
), span AS (
	SELECT make_timestamptz(:year, 1, 1, 0, 0, 0, 'Asia/Kolkata') AS lo,
		extract(epoch FROM make_timestamptz(:year + 1, 1, 1, 0, 0, 0, 'Asia/Kolkata')
			- make_timestamptz(:year, 1, 1, 0, 0, 0, 'Asia/Kolkata')) AS secs
)
SELECT nextval('core.fir_id_seq') AS fir_id, n.district_code, n.station_code, i AS fir_no,
	span.lo + floor(((i - 1) + random()) / n.n * (span.secs - 1)) * interval '1 second' AS registered_at,
	random() AS u_occ, random() AS u_head, random() AS u_comp, random() AS u_head2,
	random() < CASE WHEN :year < :last_year THEN 0.85 ELSE 0.55 END AS disposed,
	random() AS u_kind, random() AS u_filed, random() AS u_io, random() AS u_court, random() AS u_judged
FROM n, span, generate_series(1, n.n) i;

-- The court disposals: 40% of the charge-sheeted FIRs of the years before last_year, 30 to 730
-- days after the final report, by the end of last_year.
CREATE TEMP TABLE chunk_court ON COMMIT DROP AS
SELECT c.fir_id, c.district_code, c.station_code, c.fir_no,
	format('IO-%s-%s', c.station_code, floor(c.u_io * 10)::int) AS io_number,
	format('Investigating Officer %s', floor(c.u_io * 10)::int + 1) AS io_name, 'Sub-Inspector' AS io_rank,
	x.filed_at, y.judged_on,
	CASE WHEN c.u_judged < 0.25 THEN 'convicted' WHEN c.u_judged < 0.30 THEN 'partly_convicted'
		WHEN c.u_judged < 0.75 THEN 'acquitted' WHEN c.u_judged < 0.85 THEN 'discharged'
		WHEN c.u_judged < 0.95 THEN 'compounded' ELSE 'withdrawn' END AS kind
FROM chunk c
CROSS JOIN LATERAL (SELECT greatest(date_trunc('second', c.registered_at), least(date_trunc('second', c.registered_at)
	+ interval '1 day' + c.u_filed * interval '364 days',
	make_timestamptz(:last_year, 12, 31, 23, 0, 0, 'Asia/Kolkata'))) AS filed_at) x
CROSS JOIN LATERAL (SELECT least((x.filed_at AT TIME ZONE 'Asia/Kolkata')::date + 30 + floor(c.u_court / 0.4 * 700)::int,
	make_date(:last_year, 12, 31)) AS judged_on) y
WHERE c.disposed AND c.u_kind < 0.62 AND c.u_court < 0.4 AND :year < :last_year;

INSERT INTO core.fir (fir_id, state_code, year, district_code, station_code, fir_no, registered_at,
	occurred_from, occurred_to, information_received_at, information_type, brief_facts,
	idempotency_key, content_sha256, action, status, io_number, io_name, io_rank)
SELECT c.fir_id, :state, :year, c.district_code, c.station_code, c.fir_no, c.registered_at,
	c.registered_at - interval '1 hour' - c.u_occ * interval '70 hours',
	c.registered_at - interval '1 hour' - c.u_occ * interval '60 hours',
	c.registered_at - c.u_occ * interval '1 hour',
	(ARRAY['oral', 'written', 'written', 'telephonic'])[1 + floor(c.u_io * 4)::int],
	'Synthetic FIR of the reporting benchmark; no real facts.',
	decode(md5(:seed || '/' || c.fir_id), 'hex'),
	sha256(int8send(c.fir_id)),
	'registered_and_investigation_taken_up',
	CASE WHEN c.disposed THEN CASE WHEN c.u_kind < 0.62 AND c.u_court < 0.4 AND :year < :last_year THEN 'court_disposed'
			WHEN c.u_kind < 0.62 THEN 'charge_sheeted' ELSE 'final_report' END
		WHEN c.u_io < 0.03 THEN 'registered' ELSE 'under_investigation' END,
	CASE WHEN c.disposed OR c.u_io >= 0.03 THEN format('IO-%s-%s', c.station_code, floor(c.u_io * 10)::int) END,
	CASE WHEN c.disposed OR c.u_io >= 0.03 THEN format('Investigating Officer %s', floor(c.u_io * 10)::int + 1) END,
	CASE WHEN c.disposed OR c.u_io >= 0.03 THEN 'Sub-Inspector' END
FROM chunk c;

INSERT INTO core.fir_counter (state_code, district_code, station_code, year, last_no)
SELECT :state, district_code, station_code, :year, max(fir_no) FROM chunk GROUP BY 1, 2, 3, 4;

-- Charges: a first section drawn with u^2 over the act's sections, least serious heads first
-- (so theft and hurt are common, murder rare), and for 40% a second one drawn uniformly.
INSERT INTO core.fir_charge (state_code, year, fir_id, seq, act, section)
SELECT :state, :year, c.fir_id, x.seq, a.act, x.section
FROM chunk c
CROSS JOIN LATERAL (SELECT CASE WHEN c.registered_at - interval '1 hour' - c.u_occ * interval '70 hours'
	< timestamptz '2024-07-01 00:00:00+05:30' THEN 'ipc' ELSE 'bns' END AS act) a
JOIN bench.section_arr k ON k.act = a.act
CROSS JOIN LATERAL (VALUES (0, k.sections[1 + floor(c.u_head * c.u_head * k.n)::int], true),
	(1, k.sections[1 + floor(c.u_head2 * k.n)::int], c.u_comp < 0.4)) x (seq, section, wanted)
WHERE x.wanted;

-- Original final reports of the FIRs disposed of: filed 1 day to 1 year after registration,
-- not after 23:00 IST on the last day of last_year unless registered after that (then at
-- registration: the earlier loader, with the trigger disabled, filed those before
-- registration); 62% charge-sheets, the rest true final reports of four kinds and
-- false ones (unoccurred_*).
CREATE TEMP TABLE chunk_report ON COMMIT DROP AS
SELECT c.fir_id, c.district_code, c.station_code, c.fir_no,
	format('IO-%s-%s', c.station_code, floor(c.u_io * 10)::int) AS io_number,
	format('Investigating Officer %s', floor(c.u_io * 10)::int + 1) AS io_name, 'Sub-Inspector' AS io_rank,
	x.filed_at, (x.filed_at AT TIME ZONE 'Asia/Kolkata')::date AS gd_date,
	CASE WHEN c.u_kind < 0.62 THEN 'charge_sheet'
		WHEN c.u_kind < 0.72 THEN 'not_charge_sheeted_want_of_evidence'
		WHEN c.u_kind < 0.84 THEN 'undetected'
		WHEN c.u_kind < 0.88 THEN 'untraced'
		WHEN c.u_kind < 0.89 THEN 'abated'
		WHEN c.u_kind < 0.96 THEN 'unoccurred_false'
		ELSE 'unoccurred_civil_nature' END AS kind
FROM chunk c
CROSS JOIN LATERAL (SELECT greatest(date_trunc('second', c.registered_at), least(date_trunc('second', c.registered_at)
	+ interval '1 day' + c.u_filed * interval '364 days',
	make_timestamptz(:last_year, 12, 31, 23, 0, 0, 'Asia/Kolkata'))) AS filed_at) x
WHERE c.disposed;

-- The chunk's General Diary entries: its final reports (at filing) and court disposals (on the
-- judgement day, 15:00 IST), numbered together per station and day on from core.gd_counter.
CREATE TEMP TABLE chunk_gd ON COMMIT DROP AS
WITH ev AS (
	SELECT r.fir_id, r.district_code, r.station_code, r.fir_no, r.io_number, r.io_name, r.io_rank,
		'final_report' AS gd_kind, r.kind, r.filed_at AS at, r.gd_date
	FROM chunk_report r
	UNION ALL
	SELECT k.fir_id, k.district_code, k.station_code, k.fir_no, k.io_number, k.io_name, k.io_rank,
		'court', k.kind, make_timestamptz(extract(year FROM k.judged_on)::int, extract(month FROM k.judged_on)::int,
			extract(day FROM k.judged_on)::int, 15, 0, 0, 'Asia/Kolkata'), k.judged_on
	FROM chunk_court k
)
SELECT e.*, coalesce(k.last_no, 0) + row_number() OVER (PARTITION BY e.district_code, e.station_code, e.gd_date
		ORDER BY e.at, e.gd_kind DESC, e.fir_id)::int AS gd_no,
	CASE WHEN e.gd_kind = 'final_report' THEN nextval('core.final_report_id_seq') END AS final_report_id
FROM ev e
LEFT JOIN core.gd_counter k ON k.state_code = :state AND k.district_code = e.district_code
	AND k.station_code = e.station_code AND k.gd_date = e.gd_date;

INSERT INTO core.gd_counter (state_code, district_code, station_code, gd_date, last_no)
SELECT :state, district_code, station_code, gd_date, max(gd_no) FROM chunk_gd GROUP BY 1, 2, 3, 4
ON CONFLICT (state_code, district_code, station_code, gd_date) DO UPDATE SET last_no = excluded.last_no;

DO $$
DECLARE
	y int;
BEGIN
	FOR y IN SELECT DISTINCT extract(year FROM gd_date)::int FROM chunk_gd LOOP
		PERFORM core.ensure_partitions(current_setting('bench.state')::int, y);
	END LOOP;
END
$$;

INSERT INTO core.gd_entry (state_code, year, district_code, station_code, gd_date, gd_no, entered_at, kind,
	text, officer_number, officer_name, officer_rank, fir_year, fir_no)
SELECT :state, extract(year FROM g.gd_date)::smallint, g.district_code, g.station_code, g.gd_date, g.gd_no,
	g.at, g.gd_kind, CASE WHEN g.gd_kind = 'court' THEN format('Court disposal in FIR %s/%s: %s', g.fir_no, :year, g.kind)
		ELSE format('Final report (%s, original) in FIR %s/%s', g.kind, g.fir_no, :year) END,
	g.io_number, g.io_name, g.io_rank, :year, g.fir_no
FROM chunk_gd g;

INSERT INTO core.final_report (state_code, year, fir_id, report_no, final_report_id, district_code, station_code,
	kind, supplementary, filed_at, court, status_after, officer_number, officer_name, officer_rank,
	gd_date, gd_no, idempotency_key, content_sha256)
SELECT :state, :year, g.fir_id, 1, g.final_report_id, g.district_code, g.station_code,
	g.kind, false, g.at, format('Court of the Judicial Magistrate, district %s', g.district_code),
	CASE WHEN g.kind = 'charge_sheet' THEN 'charge_sheeted' ELSE 'final_report' END,
	g.io_number, g.io_name, g.io_rank, g.gd_date, g.gd_no,
	decode(md5('report/' || :seed || '/' || g.fir_id), 'hex'), sha256(int8send(g.final_report_id))
FROM chunk_gd g WHERE g.gd_kind = 'final_report';

INSERT INTO core.court_disposal (state_code, year, fir_id, district_code, station_code, kind, judgement_date, court,
	officer_number, officer_name, officer_rank, recorded_at, gd_date, gd_no, idempotency_key, content_sha256)
SELECT :state, :year, g.fir_id, g.district_code, g.station_code, g.kind, g.gd_date,
	format('Court of the Sessions Judge, district %s', g.district_code), g.io_number, g.io_name, g.io_rank,
	g.at, g.gd_date, g.gd_no, decode(md5('court/' || :seed || '/' || g.fir_id), 'hex'), sha256(int8send(-g.fir_id))
FROM chunk_gd g WHERE g.gd_kind = 'court';

SELECT format('%s FIRs, %s final reports, %s court disposals', (SELECT count(*) FROM chunk),
	(SELECT count(*) FROM chunk_report), (SELECT count(*) FROM chunk_court));
COMMIT;
