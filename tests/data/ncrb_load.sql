-- ncrb_load.sql: bulk-load raw FIRs, 2020-2022, whose totals are NCRB's, for chosen states.
--
-- What it writes, for every state of :states (LGD codes, comma-separated), through the ordinary
-- tables as cctns_owner with every constraint and trigger on (no api call per FIR):
--
--   * stations: when the state has no active station in ref.station, two per district
--     (codes 9801 and 9802, "<district> PS 1 (NCRB load)"); otherwise its active stations;
--   * core.fir: exactly :scale * ref.state_crime_2022.ipc_cases_<Y> FIRs for Y = 2020, 2021,
--     2022, spread over the stations, each registered at a time inside Y (India Standard
--     Time), numbered gapless per station and year in order of registration (core.fir_counter
--     set to the last number). The occurrence ends 0-72 hours before registration and the
--     information comes in 0-2 hours before it. Rows carry no personal data (no persons; the
--     brief facts say the record is synthetic). Registered before migration 0005's cut-off,
--     these FIRs have no General Diary entry (CHECK fir_gd_entry_given allows that for FIRs
--     registered before the diary existed: a legacy load).
--   * core.fir_charge: one IPC section drawn from a fixed weighted list over 27 sections of
--     several crime heads (theft, hurt, accidents, crimes against women, kidnapping, murder,
--     cheating, ...), a companion IPC section for about a third of them (sometimes graver than
--     the first, as [323, 307]: the principal offence is not always the first charge), and an
--     Arms Act charge for about 2 in 100;
--   * investigation: almost every FIR gets an investigating officer (UPDATE status
--     registered -> under_investigation, io_*): the status trigger checks the move;
--   * original final reports (core.final_report, report 1, with its General Diary entry of
--     kind final_report on the day filed, core.gd_counter kept gapless), filed by the FIR's IO,
--     then the status moves under_investigation -> charge_sheeted | final_report:
--       - filed in 2022: D = 1000 * max(1, floor(0.6 * cases_2022 / 1000)) disposals counted by
--         NCRB (charge-sheets and "true" final reports), three quarters of them of FIRs
--         registered in 2022, a quarter of FIRs registered in 2021; exactly
--         ipc_chargesheeting_rate_2022 * D / 100 of them are charge-sheets (an integer, as D is a
--         multiple of 1000), so the rate is reproduced exactly. The rest are true final
--         reports (want of evidence, undetected, untraced, abated). Another 2% of D of 2022's
--         FIRs get a "false" final report (unoccurred_*) filed in 2022, which NCRB's rate leaves
--         out;
--       - filed before 2022 (not counted for 2022): 5% of 2020's FIRs (filed in 2020 or 2021)
--         and 5% of 2021's (filed in 2021), of every kind: they prove the year of filing counts;
--       - the other FIRs stay under investigation (or registered, about 3 in 100).
--     No accused, witness or property rows: the reports carry what the state table counts.
--
-- Repeatable: every choice (time, station, section, IO, disposal, kind) is a function of
-- md5(:seed / state / year / FIR index / purpose), so the same seed, states and scale give the
-- same rows (fir_id and final_report_id come from their sequences). Run it once per database:
-- it refuses when the database already holds an FIR of a chosen state in 2020-2022.
--
-- Usage (psql as cctns_owner; every variable is optional):
--   psql -X -v ON_ERROR_STOP=1 -v states=13,15,16 -v seed=2022 -v scale=1 \
--        -d "$CCTNS_DB" -f tests/data/ncrb_load.sql
-- defaults: states 12,13,14,15,17 (Arunachal Pradesh, Nagaland, Manipur, Mizoram, Meghalaya:
-- 34,401 FIRs), seed 2022, scale 1. A state needs at least 1,000 FIRs
-- (times scale) in 2021 and 2022. With scale > 1 (the 10-million benchmark) the totals are
-- scale times NCRB's and the charge-sheeting rate stays exact. Prints one line per state: the
-- FIRs and reports stored.
--
-- Used by tests/integration/state_table_reproduces_ncrb_2022.sh.

\set ON_ERROR_STOP 1
\if :{?states}
\else
\set states 12,13,14,15,17
\endif
\if :{?seed}
\else
\set seed 2022
\endif
\if :{?scale}
\else
\set scale 1
\endif

SET client_min_messages = warning;
BEGIN;

-- A uniform number in [0, 1) from the seed and a key: md5's first 52 bits.
CREATE FUNCTION pg_temp.ncrb_u(key text) RETURNS float8
LANGUAGE sql STABLE
AS $fn$
	SELECT ('x' || substr(md5(current_setting('ncrb.seed') || '/' || key), 1, 13))::bit(52)::bigint
		/ 4503599627370496.0::float8
$fn$;
SET LOCAL ncrb.seed = :'seed';
SET LOCAL ncrb.states = :'states';

-- ------------------------------------------------------------ the states and their figures

CREATE TEMP TABLE ncrb_state ON COMMIT DROP AS
SELECT c.state_code, c.ncrb_state_name,
	c.ipc_cases_2020 * (:'scale')::int AS n2020,
	c.ipc_cases_2021 * (:'scale')::int AS n2021,
	c.ipc_cases_2022 * (:'scale')::int AS n2022,
	c.ipc_chargesheeting_rate_2022 AS cs_rate,
	1000 * greatest(1, floor(0.6 * c.ipc_cases_2022 * (:'scale')::int / 1000))::int AS d2022
FROM ref.state_crime_2022 c
WHERE c.state_code = ANY (string_to_array(:'states', ',')::int[]);

DO $check$
DECLARE
	want int[] := string_to_array(current_setting('ncrb.states'), ',')::int[];
	r record;
BEGIN
	IF (SELECT count(*) FROM ncrb_state) <> cardinality(want) THEN
		RAISE EXCEPTION 'ncrb_load: states % are not all in ref.state_crime_2022', want;
	END IF;
	FOR r IN SELECT * FROM ncrb_state LOOP
		IF r.n2021 < 1000 OR r.n2022 < 1000 OR r.cs_rate IS NULL THEN
			RAISE EXCEPTION 'ncrb_load: % (%) is too small: it needs 1,000 FIRs in 2021 and in 2022 and a charge-sheeting rate',
				r.ncrb_state_name, r.state_code;
		END IF;
		IF EXISTS (SELECT 1 FROM core.fir f WHERE f.state_code = r.state_code AND f.year BETWEEN 2020 AND 2022) THEN
			RAISE EXCEPTION 'ncrb_load: the database already holds FIRs of % (%) in 2020-2022; load into a fresh one',
				r.ncrb_state_name, r.state_code;
		END IF;
		FOR y IN 2020 .. 2022 LOOP
			PERFORM core.ensure_partitions(r.state_code, y);
		END LOOP;
	END LOOP;
END
$check$;

-- ------------------------------------------------------------ stations

INSERT INTO ref.station (state_code, district_code, station_code, name)
SELECT d.state_code, d.district_code, n, format('%s PS %s (NCRB load)', d.name, n - 9800)
FROM ref.district d
JOIN ncrb_state s ON s.state_code = d.state_code
CROSS JOIN generate_series(9801, 9802) n
WHERE NOT EXISTS (SELECT 1 FROM ref.station x WHERE x.state_code = d.state_code AND x.active);

CREATE TEMP TABLE ncrb_station ON COMMIT DROP AS
SELECT x.state_code, x.district_code, x.station_code,
	(row_number() OVER (PARTITION BY x.state_code ORDER BY x.district_code, x.station_code) - 1)::int AS k
FROM ref.station x
JOIN ncrb_state s ON s.state_code = x.state_code
WHERE x.active;

-- ------------------------------------------------------------ sections

-- (first section, weight, companion section or NULL, companion share): a rough mix of NCRB's
-- IPC heads, authored for the test, not NCRB's published shares.
CREATE TEMP TABLE ncrb_section (section text, weight numeric, companion text, companion_share numeric)
ON COMMIT DROP;
INSERT INTO ncrb_section VALUES
	('379', 20, '411', 0.2), ('380', 4, '457', 0.5), ('457', 4, '380', 0.8), ('411', 1, NULL, 0),
	('323', 12, '506', 0.5), ('324', 5, '307', 0.1), ('325', 3, '323', 0.5), ('326', 1, '34', 0.5),
	('279', 10, '337', 0.4), ('304A', 5, '279', 0.9), ('337', 3, NULL, 0),
	('506', 6, '323', 0.3), ('420', 5, '406', 0.3), ('406', 2, '420', 0.3),
	('354', 4, '509', 0.3), ('509', 1, NULL, 0), ('498A', 4, '506', 0.4), ('304B', 0.3, '498A', 1),
	('363', 3, '366', 0.4), ('366', 2, '363', 0.5), ('376', 2, '506', 0.4),
	('307', 2, '34', 0.6), ('302', 1, '34', 0.6), ('392', 1, '34', 0.3), ('395', 0.5, NULL, 0),
	('147', 2, '323', 0.7), ('448', 2, '427', 0.3);

CREATE TEMP TABLE ncrb_section_cum ON COMMIT DROP AS
SELECT section, companion, companion_share,
	(sum(weight) OVER (ORDER BY section ROWS UNBOUNDED PRECEDING) - weight) / sum(weight) OVER () AS lo,
	sum(weight) OVER (ORDER BY section ROWS UNBOUNDED PRECEDING) / sum(weight) OVER () AS hi
FROM ncrb_section;

-- ------------------------------------------------------------ the FIRs

CREATE TEMP TABLE ncrb_fir_gen ON COMMIT DROP AS
SELECT s.state_code, y.year, i,
	make_timestamptz(y.year, 1, 1, 0, 0, 0, 'Asia/Kolkata')
		+ floor(pg_temp.ncrb_u(concat_ws('/', s.state_code, y.year, i, 'at'))
			* extract(epoch FROM make_timestamptz(y.year + 1, 1, 1, 0, 0, 0, 'Asia/Kolkata')
				- make_timestamptz(y.year, 1, 1, 0, 0, 0, 'Asia/Kolkata'))) * interval '1 second' AS registered_at,
	floor(pg_temp.ncrb_u(concat_ws('/', s.state_code, y.year, i, 'station')) * st.n)::int AS station_k,
	pg_temp.ncrb_u(concat_ws('/', s.state_code, y.year, i, 'section')) AS u_section,
	pg_temp.ncrb_u(concat_ws('/', s.state_code, y.year, i, 'companion')) AS u_companion,
	pg_temp.ncrb_u(concat_ws('/', s.state_code, y.year, i, 'occurred')) AS u_occurred,
	pg_temp.ncrb_u(concat_ws('/', s.state_code, y.year, i, 'info')) AS u_info,
	pg_temp.ncrb_u(concat_ws('/', s.state_code, y.year, i, 'type')) AS u_type,
	pg_temp.ncrb_u(concat_ws('/', s.state_code, y.year, i, 'disposal')) AS u_disposal,
	pg_temp.ncrb_u(concat_ws('/', s.state_code, y.year, i, 'io')) AS u_io
FROM ncrb_state s
JOIN (SELECT state_code, count(*)::int AS n FROM ncrb_station GROUP BY 1) st ON st.state_code = s.state_code
CROSS JOIN LATERAL (VALUES (2020, s.n2020), (2021, s.n2021), (2022, s.n2022)) y (year, n)
CROSS JOIN LATERAL generate_series(1, y.n) i;

CREATE TEMP TABLE ncrb_fir ON COMMIT DROP AS
SELECT nextval('core.fir_id_seq') AS fir_id, g.*, st.district_code, st.station_code,
	row_number() OVER (PARTITION BY g.state_code, g.year, st.district_code, st.station_code
		ORDER BY g.registered_at, g.i)::int AS fir_no,
	-- Rank in a random order of the year's FIRs: who is disposed of when.
	row_number() OVER (PARTITION BY g.state_code, g.year ORDER BY g.u_disposal, g.i)::int AS disposal_rank
FROM ncrb_fir_gen g
JOIN ncrb_station st ON st.state_code = g.state_code AND st.k = g.station_k;

INSERT INTO core.fir (fir_id, state_code, year, district_code, station_code, fir_no, registered_at,
	occurred_from, occurred_to, information_received_at, information_type, brief_facts,
	idempotency_key, content_sha256, action)
SELECT f.fir_id, f.state_code, f.year, f.district_code, f.station_code, f.fir_no, f.registered_at,
	f.registered_at - interval '2 hours' - f.u_occurred * interval '70 hours',
	f.registered_at - interval '2 hours' - f.u_occurred * interval '60 hours',
	f.registered_at - f.u_info * interval '2 hours',
	(ARRAY['oral', 'written', 'written', 'telephonic'])[1 + floor(f.u_type * 4)::int],
	format('Synthetic FIR of the NCRB 2022 reproduction load (seed %s, state %s, year %s, no. %s); no real facts.',
		current_setting('ncrb.seed'), f.state_code, f.year, f.i),
	decode(md5(concat_ws('/', 'idem', current_setting('ncrb.seed'), f.state_code, f.year, f.i)), 'hex'),
	sha256(convert_to(concat_ws('/', 'content', current_setting('ncrb.seed'), f.state_code, f.year, f.i), 'UTF8')),
	'registered_and_investigation_taken_up'
FROM ncrb_fir f;

INSERT INTO core.fir_counter (state_code, district_code, station_code, year, last_no)
SELECT state_code, district_code, station_code, year, max(fir_no)
FROM ncrb_fir GROUP BY 1, 2, 3, 4
ON CONFLICT (state_code, district_code, station_code, year)
	DO UPDATE SET last_no = greatest(core.fir_counter.last_no, excluded.last_no);

-- Charges: the first section, its companion for a share of them, Arms Act for 2 in 100.
INSERT INTO core.fir_charge (state_code, year, fir_id, seq, act, section, law)
SELECT f.state_code, f.year, f.fir_id, c.seq, c.act, c.section, c.law
FROM ncrb_fir f
JOIN ncrb_section_cum sc ON f.u_section >= sc.lo AND f.u_section < sc.hi
CROSS JOIN LATERAL (VALUES
	(0, 'ipc', sc.section, NULL::text, true),
	(1, 'ipc', sc.companion, NULL, sc.companion IS NOT NULL AND f.u_companion < sc.companion_share),
	(2, 'special_local', '25', 'Arms', f.u_companion >= 0.98)) c (seq, act, section, law, wanted)
WHERE c.wanted;

-- ------------------------------------------------------------ who is disposed of, when, how

CREATE TEMP TABLE ncrb_report ON COMMIT DROP AS
WITH plan AS (
	SELECT f.*, s.d2022, s.cs_rate,
		CASE
		WHEN f.year = 2022 AND f.disposal_rank <= s.d2022 * 3 / 4 THEN 'count22'
		WHEN f.year = 2021 AND f.disposal_rank <= s.d2022 / 4 THEN 'count22'
		WHEN f.year = 2022 AND f.disposal_rank <= s.d2022 * 3 / 4 + s.d2022 / 50 THEN 'false22'
		WHEN f.year = 2021 AND f.disposal_rank <= s.d2022 / 4 + s.n2021 / 20 THEN 'own_year'
		WHEN f.year = 2020 AND f.disposal_rank <= s.n2020 / 20 THEN 'before22'
		END AS plan,
		pg_temp.ncrb_u(concat_ws('/', f.state_code, f.year, f.i, 'filed')) AS u_filed,
		pg_temp.ncrb_u(concat_ws('/', f.state_code, f.year, f.i, 'kind')) AS u_kind
	FROM ncrb_fir f
	JOIN ncrb_state s ON s.state_code = f.state_code
), counted AS (
	SELECT p.*,
		row_number() OVER (PARTITION BY p.state_code, p.plan = 'count22' ORDER BY p.u_kind, p.year, p.i) AS kind_rank
	FROM plan p
	WHERE p.plan IS NOT NULL
)
SELECT c.state_code, c.year, c.fir_id, c.district_code, c.station_code, c.fir_no, c.plan,
	-- Between registration and the end of the year of filing (never before registration:
	-- registered_at is a whole second, filed_at one second later at least).
	CASE WHEN c.plan = 'count22' AND c.year = 2021
		THEN make_timestamptz(2022, 1, 1, 10, 0, 0, 'Asia/Kolkata') + floor(c.u_filed * 360 * 86400) * interval '1 second'
		ELSE date_trunc('second', c.registered_at + c.u_filed * (make_timestamptz(CASE c.plan
			WHEN 'count22' THEN 2022 WHEN 'false22' THEN 2022 ELSE 2021 END, 12, 31, 23, 59, 58, 'Asia/Kolkata')
			- c.registered_at)) + interval '1 second'
	END AS filed_at,
	CASE
	WHEN c.plan = 'count22' THEN CASE
		WHEN c.kind_rank <= c.cs_rate * c.d2022 / 100 THEN 'charge_sheet'
		ELSE (ARRAY['not_charge_sheeted_want_of_evidence', 'undetected', 'untraced', 'abated'])
			[1 + (c.kind_rank % 10 IN (0, 1, 2, 3))::int + (c.kind_rank % 10 IN (4, 5, 6))::int * 2
				+ (c.kind_rank % 10 = 7)::int * 3] END
	WHEN c.plan = 'false22' THEN (ARRAY['unoccurred_false', 'unoccurred_mistake_of_fact',
		'unoccurred_civil_nature'])[1 + floor(c.u_kind * 3)::int]
	ELSE CASE
		WHEN c.u_kind < 0.70 THEN 'charge_sheet'
		WHEN c.u_kind < 0.85 THEN 'undetected'
		WHEN c.u_kind < 0.95 THEN 'not_charge_sheeted_want_of_evidence'
		ELSE 'unoccurred_false' END
	END AS kind
FROM counted c;

-- ------------------------------------------------------------ investigation

-- The officer: one of ten per station, named by role (no personal data).
UPDATE core.fir x SET status = 'under_investigation',
	io_number = format('IO-%s-%s-%s', f.district_code, f.station_code, floor(f.u_io * 10)::int),
	io_name = format('Investigating Officer %s', floor(f.u_io * 10)::int + 1),
	io_rank = 'Sub-Inspector'
FROM ncrb_fir f
LEFT JOIN ncrb_report r ON r.fir_id = f.fir_id
WHERE x.state_code = f.state_code AND x.year = f.year AND x.fir_id = f.fir_id
	AND (f.u_io >= 0.03 OR r.fir_id IS NOT NULL);

-- ------------------------------------------------------------ final reports and their diary entries

CREATE TEMP TABLE ncrb_report_gd ON COMMIT DROP AS
SELECT r.*, (r.filed_at AT TIME ZONE 'Asia/Kolkata')::date AS gd_date,
	row_number() OVER (PARTITION BY r.state_code, r.district_code, r.station_code,
		(r.filed_at AT TIME ZONE 'Asia/Kolkata')::date ORDER BY r.filed_at, r.fir_id)::int AS gd_no,
	nextval('core.final_report_id_seq') AS final_report_id,
	x.io_number, x.io_name, x.io_rank, k.description AS kind_text,
	format('Court of the Judicial Magistrate, district %s', r.district_code) AS court
FROM ncrb_report r
JOIN core.fir x ON x.state_code = r.state_code AND x.year = r.year AND x.fir_id = r.fir_id
JOIN ref.final_report_kind k ON k.code = r.kind;

INSERT INTO core.gd_counter (state_code, district_code, station_code, gd_date, last_no)
SELECT state_code, district_code, station_code, gd_date, max(gd_no)
FROM ncrb_report_gd GROUP BY 1, 2, 3, 4;

INSERT INTO core.gd_entry (state_code, year, district_code, station_code, gd_date, gd_no, entered_at, kind,
	text, officer_number, officer_name, officer_rank, fir_year, fir_no)
SELECT g.state_code, extract(year FROM g.gd_date)::smallint, g.district_code, g.station_code, g.gd_date,
	g.gd_no, g.filed_at, 'final_report',
	format('%s (report 1, original) in FIR %s, filed in %s', g.kind_text,
		core.fir_number_text(g.fir_no, g.year), g.court),
	g.io_number, g.io_name, g.io_rank, g.year, g.fir_no
FROM ncrb_report_gd g;

INSERT INTO core.final_report (state_code, year, fir_id, report_no, final_report_id, district_code, station_code,
	kind, supplementary, filed_at, court, status_after, officer_number, officer_name, officer_rank,
	gd_date, gd_no, idempotency_key, content_sha256)
SELECT g.state_code, g.year, g.fir_id, 1, g.final_report_id, g.district_code, g.station_code,
	g.kind, false, g.filed_at, g.court,
	CASE WHEN g.kind = 'charge_sheet' THEN 'charge_sheeted' ELSE 'final_report' END,
	g.io_number, g.io_name, g.io_rank, g.gd_date, g.gd_no,
	decode(md5(concat_ws('/', 'report-idem', current_setting('ncrb.seed'), g.fir_id)), 'hex'),
	sha256(convert_to(concat_ws('/', 'report', current_setting('ncrb.seed'), g.fir_id), 'UTF8'))
FROM ncrb_report_gd g;

UPDATE core.fir x SET status = CASE WHEN g.kind = 'charge_sheet' THEN 'charge_sheeted' ELSE 'final_report' END
FROM ncrb_report_gd g
WHERE x.state_code = g.state_code AND x.year = g.year AND x.fir_id = g.fir_id;

-- ------------------------------------------------------------ what was stored

SELECT format('ncrb_load: %s %s: FIRs %s/%s/%s (2020/2021/2022), original final reports filed in 2022: %s charge-sheets, %s true, %s false',
	s.state_code, s.ncrb_state_name,
	(SELECT count(*) FROM core.fir f WHERE f.state_code = s.state_code AND f.year = 2020),
	(SELECT count(*) FROM core.fir f WHERE f.state_code = s.state_code AND f.year = 2021),
	(SELECT count(*) FROM core.fir f WHERE f.state_code = s.state_code AND f.year = 2022),
	count(*) FILTER (WHERE r.kind = 'charge_sheet'),
	count(*) FILTER (WHERE r.kind NOT LIKE 'unoccurred%' AND r.kind <> 'charge_sheet'),
	count(*) FILTER (WHERE r.kind LIKE 'unoccurred%'))
FROM ncrb_state s
LEFT JOIN core.final_report r ON r.state_code = s.state_code AND r.report_no = 1
	AND extract(year FROM r.filed_at AT TIME ZONE 'Asia/Kolkata') = 2022
GROUP BY s.state_code, s.ncrb_state_name
ORDER BY s.state_code;

COMMIT;

-- Statistics for the planner: without them the reporting views plan as for empty partitions
-- (a minute and more instead of seconds for these rows).
ANALYZE core.fir, core.fir_charge, core.final_report, core.gd_entry;
